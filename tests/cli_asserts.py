"""Assertions shared by the CLI tests."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import Result


def ok(result: Result) -> Result:
    """Assert the run succeeded, showing stderr if not."""
    assert result.exit_code == 0, (result.exit_code, result.stderr, result.exception)
    return result


def json_out(result: Result) -> dict[str, Any]:
    """stdout parsed as one JSON document (json.loads fails on anything else in stdout)."""
    doc = json.loads(ok(result).stdout)
    assert isinstance(doc, dict)
    return doc


def one_line_error(result: Result, code: int = 1) -> str:
    """Assert a failure printed exactly one `bocareer: ...` line on stderr and nothing on stdout."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("bocareer: ")
    assert "Traceback" not in result.stderr
    return lines[0]
