"""The README stays true: every command is documented, and its JSON example is real output."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from typer.testing import Result

from bocareer.cli import app
from cli_asserts import json_out

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    """Each registered command appears in the README's command table as `bocareer NAME`."""
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    assert len(names) >= 14
    for name in names:
        assert f"`bocareer {name}" in README, name


def test_match_example_is_real_output(invoke: Callable[..., Result]) -> None:
    """The README's `match --json` example is exactly what the command prints for its input."""
    block = re.search(
        r"\$ echo '(\{.*?\})' \\\n\s+\| bocareer match (.*?)\n(\{.*?\n\})\n```", README, re.S
    )
    assert block is not None, "the match example is missing from the README"
    stdin, args, shown = block.group(1), block.group(2).split(), block.group(3)
    doc = json_out(invoke(["match", *args], input=stdin))
    assert doc == json.loads(shown)
