"""Shared fixtures: the CLI runner, the tiny knowledge base, and a YAML file factory."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bocareer import render
from bocareer.cli import app

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.yaml"

#: The environment every in-process run gets: plain text, a wide terminal, and none of the
#: developer's own bocareer settings or colour overrides (None removes a variable).
BASE_ENV: dict[str, str | None] = {
    "NO_COLOR": "1",
    "COLUMNS": "200",
    "LINES": "50",
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "BOCAREER_DATA": None,
    "BOCAREER_MAX_SIZE": None,
    "BOCAREER_DEBUG": None,
}


@pytest.fixture
def runner() -> CliRunner:
    """A Typer CliRunner; typer 0.28 keeps stderr apart (result.stdout / result.stderr)."""
    return CliRunner()


def run_cli(args: list[str], env: Mapping[str, str | None] | None = None) -> Result:
    """Run ``bocareer ARGS`` in-process with the plain-text environment (plus ``env``)."""
    # Rich reads COLUMNS and NO_COLOR when a console is made; start each run with fresh ones.
    render.reset_consoles()
    merged = {**BASE_ENV, **(env or {})}
    try:
        return CliRunner().invoke(app, [str(a) for a in args], env=merged)
    finally:
        render.reset_consoles()


@pytest.fixture
def invoke() -> Callable[..., Result]:
    """The helper ``invoke(args, env=None)``: run the CLI in-process, return the result."""
    return run_cli


@pytest.fixture
def tiny_path() -> Path:
    """The committed tiny knowledge base (tests/data/tiny.yaml)."""
    return TINY


@pytest.fixture
def write_kb(tmp_path: Path) -> Callable[..., Path]:
    """A factory: write YAML text (or bytes) to a file in tmp_path and return its path."""
    count = 0

    def write(text: str | bytes, name: str | None = None) -> Path:
        nonlocal count
        count += 1
        path = tmp_path / (name or f"kb{count}.yaml")
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    return write
