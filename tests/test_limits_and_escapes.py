"""Nothing grows without bound and nothing escapes: size limits on what is read, usage errors
for impossible limits, deep or duplicated JSON, writes that never replace a device or follow a
dangling link blindly, file modes from the umask, and text from files cleaned everywhere."""

from __future__ import annotations

import json
import os
import stat
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from procs import bocareer, one_error, write

DATA = Path(__file__).parent / "data"
TINY = DATA / "tiny.yaml"
Invoke = Callable[..., Result]


# -- what is read is bounded ----------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["--data", "/dev/zero", "roles"],
        ["match", "--answers", "/dev/zero"],
        ["validate", "/dev/zero"],
    ],
    ids=["data", "answers", "validate"],
)
def test_an_endless_file_is_refused_by_what_is_read(env: dict[str, str], args: list[str]) -> None:
    """/dev/zero says its size is 0 and never ends: the limit counts the bytes read."""
    result = bocareer(args, env, timeout=20)
    assert result.returncode == 1
    # validate reports problems as its result, on stdout; the others as the error line.
    assert "/dev/zero: more than" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("path", ["-", "/dev/stdin"])
def test_endless_stdin_is_refused(env: dict[str, str], path: str) -> None:
    with open("/dev/zero", "rb") as zero:
        result = bocareer(["match", "--answers", path], env, timeout=20, stdin=zero)
    one_error(result, 1, "more than 2 MB")


@pytest.mark.parametrize("value", ["nan", "inf", "1e308", "-1", "0"])
@pytest.mark.parametrize("where", ["option", "env"])
def test_an_impossible_size_limit_is_a_usage_error(invoke: Invoke, value: str, where: str) -> None:
    if where == "option":
        result = invoke(["--max-size", value, "roles", "--json"])
    else:
        result = invoke(["roles", "--json"], env={"BOCAREER_MAX_SIZE": value})
    assert result.exit_code == 2
    assert "--max-size" in result.stderr
    assert result.stderr.count("\n") == 1
    assert json.loads(result.stdout)["error"]["code"] == "usage"


def test_json_answers_nested_5000_deep_are_a_clear_error(invoke: Invoke, tmp_path: Path) -> None:
    path = write(tmp_path / "deep.json", '{"ratings": ' + "[" * 5000 + "]" * 5000 + "}")
    result = invoke(["match", "--answers", str(path)])
    assert result.exit_code == 1
    assert f"{path}:1:" in result.stderr
    assert "nesting" in result.stderr
    assert "internal error" not in result.stderr


def test_json_answers_with_a_duplicate_key_are_refused(invoke: Invoke, tmp_path: Path) -> None:
    """Plain JSON would keep the last value; bocareer names the key and its line."""
    path = write(tmp_path / "dup.json", '{"ratings": {"typing": 3,\n "typing": 5}}')
    result = invoke(["match", "--answers", str(path)])
    assert result.exit_code == 1
    assert "duplicate key 'typing'" in result.stderr
    assert f"{path}:2" in result.stderr


# -- writes never escape -------------------------------------------------------------------


def test_a_device_is_never_replaced(invoke: Invoke) -> None:
    """`-o /dev/null --force` (as root this used to make /dev/null a regular file)."""
    result = invoke(["roles", "--format", "csv", "-o", "/dev/null", "--force"])
    assert result.exit_code == 1
    assert "not a regular file" in result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_folder_is_never_replaced(invoke: Invoke, tmp_path: Path) -> None:
    folder = tmp_path / "out.json"
    folder.mkdir()
    result = invoke(["roles", "-o", str(folder), "--force"])
    assert result.exit_code == 1
    assert "is a folder" in result.stderr
    assert folder.is_dir()


def test_a_dangling_link_counts_as_an_existing_file(invoke: Invoke, tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "nowhere.json")
    refused = invoke(["roles", "-o", str(link)])
    assert refused.exit_code == 1
    assert "--force" in refused.stderr
    assert link.is_symlink()
    done = invoke(["roles", "-o", str(link), "--force"])
    assert done.exit_code == 0, done.stderr
    assert json.loads(link.read_text(encoding="utf-8"))["roles"]


def test_a_link_to_a_file_is_written_through(invoke: Invoke, tmp_path: Path) -> None:
    real = write(tmp_path / "real.json", "{}")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert invoke(["roles", "-o", str(link), "--force"]).exit_code == 0
    assert link.is_symlink(), "the link stays a link"
    assert json.loads(real.read_text(encoding="utf-8"))["roles"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_mode_the_umask_gives(
    invoke: Invoke, tmp_path: Path, umask: int, mode: int
) -> None:
    old = os.umask(umask)
    try:
        assert invoke(["roles", "-o", str(tmp_path / "r.json")]).exit_code == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "r.json").stat().st_mode) == mode


def test_a_replaced_file_keeps_its_mode(invoke: Invoke, tmp_path: Path) -> None:
    target = write(tmp_path / "r.json", "{}")
    target.chmod(0o640)
    assert invoke(["roles", "-o", str(target), "--force"]).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


# -- text from files is cleaned everywhere ---------------------------------------------------

EVIL_KEY = '  "\\e[31mevil\\u202e": {title: X}\n'


def test_validate_cleans_keys_it_prints(invoke: Invoke, tmp_path: Path) -> None:
    text = TINY.read_text(encoding="utf-8").replace("roles:\n", "roles:\n" + EVIL_KEY, 1)
    path = write(tmp_path / "evil.yaml", text)
    result = invoke(["validate", str(path)])
    assert result.exit_code == 1
    for stream in (result.stdout, result.stderr):
        assert "\x1b" not in stream
        assert "\u202e" not in stream
    doc = invoke(["validate", str(path), "--json"]).stdout
    assert "\u202e" not in doc, "JSON escapes it (\\u202e), so a terminal showing it is safe"
    assert "\u202e" in json.loads(doc)["problems"][0]["message"], "and a reader gets it back"


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_bidi_overrides_in_a_clients_name_are_neutralised(
    invoke: Invoke, tmp_path: Path, fmt: str
) -> None:
    answers = write(tmp_path / "a.yaml", "ratings: {typing: 4, spreadsheets: 3}\n")
    name = "Al\u202eex\u2066 \x1b[31m"
    result = invoke(["report", "--answers", str(answers), "--name", name, "--format", fmt])
    assert result.exit_code == 0, result.stderr
    for bad in ("\u202e", "\u2066", "\x1b"):
        assert bad not in result.stdout
    assert "Al" in result.stdout


def test_bidi_overrides_in_knowledge_base_text_are_neutralised(
    invoke: Invoke, tmp_path: Path
) -> None:
    text = TINY.read_text(encoding="utf-8").replace(
        "title: Ledger Keeper", 'title: "Ledger\\u202eKeeper"'
    )
    path = write(tmp_path / "kb.yaml", text)
    for args in (
        ["roles"],
        ["role", "ledger-keeper"],
        ["role", "ledger-keeper", "--format", "html"],
    ):
        result = invoke(["--data", str(path), *args])
        assert result.exit_code == 0, result.stderr
        assert "\u202e" not in result.stdout
        assert "Ledger" in result.stdout


def test_a_name_that_is_not_utf8_still_makes_the_report(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """`report --name $'Jos\\xe9'` from a Latin-1 terminal: the report is written, the bad byte
    shown as U+FFFD, and stderr says so."""
    answers = write(tmp_path / "a.yaml", "ratings: {typing: 4}\n")
    out = tmp_path / "f.md"
    result = subprocess.run(
        [os.fsencode(p) for p in ("python", "-m", "bocareer", "report", "--answers", str(answers))]
        + [b"--name", b"Jos\xe9", b"-o", os.fsencode(out)],
        env=env,
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("# Career report for Jos\ufffd")
    assert b"not valid UTF-8" in result.stderr
