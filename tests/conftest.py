"""Shared fixtures: the CLI runner, the tiny knowledge base, and a YAML file factory."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from bocareer.cli import app
from bocareer.output import console as render
from procs import Terminal, make_env

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


def run_cli(
    args: list[str],
    env: Mapping[str, str | None] | None = None,
    input: str | bytes | None = None,
) -> Result:
    """Run ``bocareer ARGS`` in-process with the plain-text environment (plus ``env``).

    ``input`` is fed to the command's stdin (for ``--answers -``).
    """
    # Rich reads COLUMNS and NO_COLOR when a console is made; start each run with fresh ones.
    render.reset_consoles()
    merged = {**BASE_ENV, **(env or {})}
    try:
        return CliRunner().invoke(app, [str(a) for a in args], env=merged, input=input)
    finally:
        render.reset_consoles()


@pytest.fixture
def invoke() -> Callable[..., Result]:
    """The helper ``invoke(args, env=None, input=None)``: run the CLI in-process, return the result."""
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


@pytest.fixture(autouse=True)
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point BOCAREER_STATE_DIR at a fresh folder so no test touches the real quiz progress."""
    folder = tmp_path / "state"
    monkeypatch.setenv("BOCAREER_STATE_DIR", str(folder))
    return folder


@pytest.fixture(autouse=True, scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Keep the knowledge-base cache of the whole run in one temporary folder, not ~/.cache."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["BOCAREER_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty cache folder for this test only."""
    folder = tmp_path / "kb-cache"
    monkeypatch.setenv("BOCAREER_CACHE_DIR", str(folder))
    monkeypatch.delenv("BOCAREER_CACHE", raising=False)
    return folder


@pytest.fixture(scope="module")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One knowledge-base cache for the processes of this module (a warm cache keeps them fast)."""
    return tmp_path_factory.mktemp("proc-cache")


@pytest.fixture
def env(tmp_path: Path, shared_cache: Path) -> dict[str, str]:
    """A process environment: own cache and state folders, NO_COLOR, no bocareer settings."""
    return make_env(shared_cache, tmp_path / "proc-state")


@pytest.fixture
def terminal(env: dict[str, str]) -> Iterator[Callable[[list[str]], Terminal]]:
    """A factory of Terminals; each is stopped and closed after the test."""
    made: list[Terminal] = []

    def start(args: list[str]) -> Terminal:
        made.append(Terminal(args, env))
        return made[-1]

    yield start
    for term in made:
        term.close()
