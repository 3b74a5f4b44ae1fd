"""bocareer as a real process: closed pipes, colour, and what scripts see on stdout and stderr."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kb_text import kb, role

TINY = Path(__file__).parent / "data" / "tiny.yaml"
ESC = "\x1b"
# SGR colour parameters: 30-37/90-97 foreground, 40-47/100-107 background, 38;/48; extended.
COLOUR_SGR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])(?:;[0-9;]*)?m")


def clean_env(**extra: str) -> dict[str, str]:
    """The current environment without anything that would change bocareer's output."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {"COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"}
        and not k.startswith("BOCAREER_")
    }
    env.update(extra)
    return env


def bocareer(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m bocareer ARGS`` with the test interpreter; stdout and stderr are pipes."""
    return subprocess.run(
        [sys.executable, "-m", "bocareer", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env if env is not None else clean_env(),
        timeout=60,
        check=False,
    )


def test_module_entry_point_runs() -> None:
    """`python -m bocareer --version` prints the version and exits 0."""
    from bocareer import __version__

    result = bocareer("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"bocareer {__version__}"


def _small_pipe() -> tuple[int, int]:
    """A pipe whose buffer is as small as Linux allows (4 KiB), so big output must block on it."""
    read_end, write_end = os.pipe()
    try:
        import fcntl

        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    except (ImportError, AttributeError, OSError):
        pass  # not Linux: the default buffer is still far smaller than the outputs used here
    return read_end, write_end


def _into_closed_pipe(args: list[str], *, read: int) -> tuple[int, str, bytes]:
    """Run bocareer into a pipe, read ``read`` bytes (0: none), close the pipe, wait.

    Returns the exit code, stderr, and what was read.
    """
    read_end, write_end = _small_pipe()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bocareer", *args],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=clean_env(NO_COLOR="1"),
    )
    os.close(write_end)
    head = b""
    if read:
        with os.fdopen(read_end, "rb", buffering=0) as reader:
            while len(head) < read:
                chunk = reader.read(read - len(head))
                if not chunk:
                    break
                head += chunk
    else:
        os.close(read_end)  # before the child has started: its first write fails
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode("utf-8", "replace"), head


def _assert_quiet(err: str) -> None:
    assert "Traceback" not in err
    assert "Exception ignored" not in err
    assert len(err.splitlines()) <= 1, err


# Outputs of tens of KB: far more than a 4 KiB pipe holds.
BIG_OUTPUTS = [["roles", "--json"], ["roles"], ["about"]]


@pytest.mark.parametrize("args", BIG_OUTPUTS)
def test_head_c_100_exits_quietly(args: list[str]) -> None:
    """`bocareer ... | head -c 100`: after the reader goes away there is no traceback or 'Exception ignored'."""
    code, err, head = _into_closed_pipe(args, read=100)
    assert len(head) == 100
    _assert_quiet(err)
    # Zero if the last write was already in the pipe when it closed; else a clean failure.
    assert code in (0, 1, 141), code
    if code == 141:
        assert err.strip() == "bocareer: output closed before it was all written"


@pytest.mark.parametrize("args", [["about"], ["role", "accountant"]])
def test_output_in_many_writes_really_breaks(args: list[str]) -> None:
    """A view printed in many parts cannot finish into a closed pipe: it stops, non-zero, quietly."""
    code, err, head = _into_closed_pipe(args, read=100)
    assert len(head) == 100
    assert code != 0
    _assert_quiet(err)


@pytest.mark.parametrize("args", [["roles", "--json"], ["about", "--json"]])
def test_json_into_closed_pipe_exits_141(args: list[str]) -> None:
    """JSON written into an already closed pipe exits 141 with one explanatory line on stderr."""
    code, err, _ = _into_closed_pipe(args, read=0)
    assert code == 141
    assert err.strip() == "bocareer: output closed before it was all written"
    _assert_quiet(err)


@pytest.mark.parametrize("args", [["roles"], ["role", "accountant"]])
def test_table_into_closed_pipe_fails_quietly(args: list[str]) -> None:
    """A Rich view written into an already closed pipe fails without a traceback."""
    code, err, _ = _into_closed_pipe(args, read=0)
    assert code != 0
    _assert_quiet(err)


def test_table_into_closed_pipe_exits_141_like_json() -> None:
    """A table written into a closed pipe exits with the broken-pipe code, as JSON output does."""
    code, _, _ = _into_closed_pipe(["roles"], read=0)
    assert code == 141


def test_no_color_output_has_no_escape_codes() -> None:
    """`NO_COLOR=1 bocareer role accountant` prints the role with no ESC character."""
    result = bocareer("role", "accountant", env=clean_env(NO_COLOR="1"))
    assert result.returncode == 0, result.stderr
    assert "Accountant" in result.stdout
    assert ESC not in result.stdout
    assert ESC not in result.stderr


@pytest.mark.parametrize(
    "args", [["role", "accountant"], ["about"], ["path", "data-entry-operator"]]
)
def test_piped_output_has_no_escape_codes(args: list[str]) -> None:
    """Output to a pipe (not a terminal) has no ESC even without NO_COLOR."""
    result = bocareer(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip()
    assert ESC not in result.stdout


def test_no_color_on_a_terminal_has_no_colour_codes() -> None:
    """On a real terminal, NO_COLOR=1 removes every colour code (bold and dim may stay)."""
    pty = pytest.importorskip("pty")
    main_fd, child_fd = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "bocareer", "role", "accountant"],
        stdin=child_fd,
        stdout=child_fd,
        stderr=child_fd,
        env=clean_env(NO_COLOR="1", COLUMNS="120", TERM="xterm-256color"),
    )
    os.close(child_fd)
    chunks = []
    while True:
        try:
            chunk = os.read(main_fd, 65536)
        except OSError:  # EIO once the child side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main_fd)
    assert proc.wait(timeout=60) == 0
    out = b"".join(chunks).decode("utf-8", "replace")
    assert "Accountant" in out
    assert ESC in out, "on a terminal Rich should still style (bold), or this test proves nothing"
    assert COLOUR_SGR.findall(out) == []


def test_broken_knowledge_base_in_a_process(tmp_path: Path) -> None:
    """A broken knowledge base makes a real process exit 1 with a `bocareer:` line and no traceback."""
    path = tmp_path / "kb.yaml"
    path.write_text(kb(roles="roles:\n" + role("clerk", family="ofice")), encoding="utf-8")
    result = bocareer("--data", str(path), "roles", env=clean_env(COLUMNS="300"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"bocareer: {path}:")
    assert "Traceback" not in result.stderr


def test_long_error_stays_on_one_line_when_piped(tmp_path: Path) -> None:
    """An error longer than 80 characters is still one line on a piped stderr."""
    path = tmp_path / "a-knowledge-base-with-a-rather-long-name.yaml"
    text = kb(
        roles="roles:\n"
        + role("clerk", family="ofice", skills="{typing: 7, filing: 1}", next="[head-clerk]")
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
    )
    path.write_text(text, encoding="utf-8")
    result = bocareer("--data", str(path), "roles")  # no COLUMNS: as in a script or CI log
    assert result.returncode == 1
    assert len(result.stderr.rstrip("\n")) > 80
    assert len(result.stderr.splitlines()) == 1, result.stderr


def test_validate_problem_lines_are_never_wrapped(tmp_path: Path) -> None:
    """`validate` prints each long `file:line: message` on one stdout line, even when piped."""
    path = tmp_path / "a-knowledge-base-with-a-rather-long-name.yaml"
    path.write_text(kb(roles="roles:\n" + role("clerk", family="ofice")), encoding="utf-8")
    result = bocareer("validate", str(path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert len(lines[0]) > 80
    assert lines[0].startswith(f"{path}:")


def test_tiny_validates_in_a_process() -> None:
    """`validate tests/data/tiny.yaml` exits 0 in a real process."""
    result = bocareer("validate", str(TINY))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""
