"""Ordinary trouble gets ordinary messages: a full disk, closed stdin or stdout, a reader that goes
away from a large table, SIGTERM and SIGHUP during the quiz, and Typer's own usage errors."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import termios
from collections.abc import Callable
from pathlib import Path

import pytest

from procs import Terminal, bocareer, one_error

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize("args", [["roles", "--json"], ["roles"]], ids=["json", "table"])
def test_stdout_on_a_full_disk_is_one_line(env: dict[str, str], args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        result = bocareer(args, env, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "bocareer: could not write the output (No space left on device)"
    ]


def _with_closed(fd: int, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """Run bocareer with file descriptor ``fd`` (0 or 1) closed, as `<&-` or `>&-` does."""
    return subprocess.run(
        [sys.executable, "-m", "bocareer", *args],
        env=env,
        text=True,
        capture_output=fd != 1,
        stderr=subprocess.PIPE if fd == 1 else None,
        pass_fds=(),
        preexec_fn=lambda: os.close(fd),
        check=False,
        timeout=60,
    )


@pytest.mark.parametrize(("args", "code"), [(["match", "--answers", "-"], 1), (["quiz"], 2)])
def test_closed_stdin(env: dict[str, str], args: list[str], code: int) -> None:
    result = _with_closed(0, args, env)
    assert result.returncode == code, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert "internal error" not in result.stderr


@pytest.mark.parametrize("args", [["roles", "--json"], ["roles"]], ids=["json", "table"])
def test_closed_stdout_is_an_error_not_silence(env: dict[str, str], args: list[str]) -> None:
    result = _with_closed(1, args, env)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "bocareer: stdout is closed: nothing could be written (give -o FILE instead)"
    ]


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux pipe sizes")
def test_a_large_table_cut_short_exits_141_even_unbuffered(
    env: dict[str, str], tmp_path: Path
) -> None:
    """A 200 kB table into `| head -c 10` with PYTHONUNBUFFERED=1: not success (exit 141)."""
    big = tmp_path / "big.yaml"
    subprocess.run(
        [sys.executable, str(Path(__file__).parent.parent / "benchmarks" / "generate_kb.py"),
         "--roles", "1500", "--skills", "60", "-o", str(big)],
        check=True, capture_output=True,
    )  # fmt: skip
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bocareer", "--data", str(big), "roles"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env={**env, "PYTHONUNBUFFERED": "1"},
    )
    os.close(write_end)
    try:
        assert len(os.read(read_end, 10)) == 10
    finally:
        os.close(read_end)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 141, err
    assert err.decode().splitlines() == ["bocareer: output closed before it was all written"]


@pytest.mark.parametrize(
    ("signum", "code", "said"),
    [
        (signal.SIGTERM, 143, "stopped (SIGTERM)"),
        (signal.SIGHUP, 129, "stopped (the terminal closed)"),
    ],
    ids=["SIGTERM", "SIGHUP"],
)
def test_a_signal_during_the_quiz_restores_the_terminal_and_keeps_the_answers(
    env: dict[str, str],
    terminal: Callable[[list[str]], Terminal],
    signum: int,
    code: int,
    said: str,
) -> None:
    """The terminal leaves raw mode, the cursor is shown again, the progress is kept, and the
    last line says what happened (the default action would leave the terminal raw)."""
    quiz = terminal(["quiz"])
    quiz.wait_for("Question 1")
    quiz.type(b"\r")  # the kinds of work: none
    quiz.wait_for("Question 2")
    quiz.finish(0.3)
    assert not termios.tcgetattr(quiz.master)[3] & termios.ICANON, "raw while asking"
    quiz.proc.send_signal(signum)
    assert quiz.finish(timeout=10) == code, quiz.text[-800:]
    flags = termios.tcgetattr(quiz.master)[3]
    assert flags & termios.ICANON, "back to line mode"
    assert flags & termios.ECHO, "echo back on"
    assert quiz.raw.rfind(b"\x1b[?25h") > quiz.raw.rfind(b"\x1b[?25l"), "cursor shown again"
    assert f"bocareer: quiz {said}" in quiz.text
    assert "--resume" in quiz.text
    assert "Traceback" not in quiz.text
    saved = json.loads((Path(env["BOCAREER_STATE_DIR"]) / "quiz-progress.json").read_text("utf-8"))
    assert saved["areas"] == []


@pytest.mark.parametrize(
    "args",
    [["roles", "--jsn"], ["rolez"], ["role"], ["roles", "--level"], ["--max-size"]],
    ids=["option", "command", "argument", "value", "global"],
)
def test_typer_usage_errors_are_one_line(env: dict[str, str], args: list[str]) -> None:
    result = bocareer(args, env)
    line = one_error(result, 2)
    assert "--help" in line
