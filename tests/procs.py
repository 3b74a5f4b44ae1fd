"""Helpers for tests that run bocareer as a real process: its environment, a run, the one-line
error every failure must be, and a pseudo-terminal to drive the interactive quiz."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

#: Variables that would change what bocareer prints, or how Python buffers stdout.
_STRIP = {
    "COLUMNS",
    "LINES",
    "NO_COLOR",
    "FORCE_COLOR",
    "TTY_COMPATIBLE",
    "TTY_INTERACTIVE",
    "PYTHONUNBUFFERED",
}
ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def make_env(cache_dir: Path, state_dir: Path, **extra: str) -> dict[str, str]:
    """The current environment without bocareer's variables, plus the given folders."""
    out = {k: v for k, v in os.environ.items() if k not in _STRIP and not k.startswith("BOCAREER_")}
    out.update(BOCAREER_CACHE_DIR=str(cache_dir), BOCAREER_STATE_DIR=str(state_dir), NO_COLOR="1")
    out.update(extra)
    return out


def bocareer(
    args: Sequence[str | Path], env: dict[str, str], timeout: float = 60, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bocareer ARGS`` as a real process, capturing stdout and stderr as text."""
    kwargs.setdefault("capture_output", True)
    return subprocess.run(
        [sys.executable, "-m", "bocareer", *map(str, args)],
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
        check=False,
        **kwargs,
    )


def one_error(
    proc: subprocess.CompletedProcess[str], code: int = 1, *needles: str, where: str | None = None
) -> str:
    """Assert: exit ``code``, exactly one `bocareer:` line holding every needle, and on stdout
    nothing, or (with --json) only the error document saying the same."""
    assert proc.returncode == code, (proc.returncode, proc.stdout[-500:], proc.stderr[-2000:])
    if proc.stdout:
        doc = json.loads(proc.stdout)
        assert set(doc) == {"schema_version", "error"}, doc
        assert doc["error"]["exit_code"] == code
        assert "bocareer: " + doc["error"]["message"] == proc.stderr.rstrip("\n")
    for stream in (proc.stdout, proc.stderr):
        assert "Traceback" not in stream
        assert "Exception ignored" not in stream
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr[-2000:]
    line = lines[0]
    assert line.startswith("bocareer: "), line
    if where is not None:
        assert where in line, (where, line)
    for needle in needles:
        assert needle in line, (needle, line)
    return line


def leftovers(*folders: Path) -> list[Path]:
    """Temporary files (``.NAME.*.tmp``) that an interrupted atomic write would leave."""
    return [p for f in folders if f.exists() for p in f.rglob("*") if p.name.endswith(".tmp")]


def write(path: Path, text: str | bytes) -> Path:
    """Write ``text`` (or bytes) to ``path`` and return it."""
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


class Terminal:
    """``bocareer ARGS`` running in a pseudo-terminal; the master side is read without blocking."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bocareer", *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env={**env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"},
            start_new_session=True,
        )
        os.close(slave)
        self.raw = b""
        self.eof = False

    @property
    def text(self) -> str:
        """Everything shown so far, without escape sequences."""
        return ANSI.sub("", self.raw.decode("utf-8", "replace"))

    def _pump(self, seconds: float) -> None:
        if self.eof:
            return
        ready, _, _ = select.select([self.master], [], [], seconds)
        if ready:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # EIO: the child side is closed
                chunk = b""
            if chunk:
                self.raw += chunk
            else:
                self.eof = True

    def wait_for(self, needle: str, timeout: float = 20) -> None:
        """Read until ``needle`` is on screen (fails after ``timeout`` seconds)."""
        end = time.monotonic() + timeout
        while needle not in self.text:
            assert not self.eof, (needle, self.text[-1500:])
            assert time.monotonic() < end, (needle, self.text[-1500:])
            self._pump(0.1)

    def type(self, keys: bytes) -> None:
        """Type ``keys`` on the terminal."""
        os.write(self.master, keys)

    def finish(self, timeout: float = 20) -> int | None:
        """Keep reading until the process exits; its exit code, or None if it is still running."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                self._pump(0.2)  # what it wrote just before exiting
                return self.proc.returncode
            self._pump(0.1)
        return None

    def close(self) -> None:
        """Stop the process if it is still running and close the terminal."""
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(timeout=10)
        os.close(self.master)
