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
    """Assert a failure printed exactly one `bocareer: ...` line on stderr and, on stdout,
    nothing (or, when JSON was asked for, only the error document saying the same)."""
    assert result.exit_code == code, (result.exit_code, result.stdout, result.stderr)
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("bocareer: ")
    assert "Traceback" not in result.stderr
    if result.stdout:  # asked for JSON: the error document, saying the same as stderr
        doc = json.loads(result.stdout)
        assert set(doc) == {"schema_version", "error"}
        assert doc["error"]["message"] == lines[0].removeprefix("bocareer: ")
        assert doc["error"]["exit_code"] == code
    return lines[0]
