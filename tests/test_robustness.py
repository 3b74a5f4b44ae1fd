"""Robustness: hostile or broken inputs, closed pipes, Ctrl-C, unwritable paths, full disks, the cache.

Most cases run bocareer as a real process (``python -m bocareer``) with its own cache and state
folders, and check the contract from the README: the exit code, exactly one ``bocareer: ...`` line
on stderr naming the problem (with ``file:line`` where there is a file), never a traceback, and no
partial or temporary file left behind.
"""

from __future__ import annotations

import errno
import fcntl
import json
import marshal
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from bocareer.errors import WriteError
from bocareer.files import atomic_write
from bocareer.kb import cache
from bocareer.kb.load import load, shipped_path
from bocareer.models import KnowledgeBase, Skill
from bocareer.quiz.fileasker import FileAsker
from bocareer.quiz.flow import QuizState, Reply, run
from bocareer.quiz.progress import load_progress, progress_path, save_progress
from bocareer.quiz.selector import Mode
from kb_text import kb, marked_line, role
from procs import Terminal, bocareer, leftovers, make_env, one_error, write

TINY = Path(__file__).parent / "data" / "tiny.yaml"
Invoke = Callable[..., Result]


def billion_laughs(levels: int) -> list[str]:
    """The lines of a billion-laughs alias bomb: each level holds nine aliases of the one below."""
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = [f"{names[0]}: &{names[0]} [" + ", ".join(['"lol"'] * 9) + "]"]
    for i in range(1, levels):
        lines.append(f"{names[i]}: &{names[i]} [" + ", ".join([f"*{names[i - 1]}"] * 9) + "]")
    return lines


# -- knowledge bases through `bocareer --data FILE roles` -------------------------------------


def test_malformed_yaml_in_a_process(tmp_path: Path, env: dict[str, str]) -> None:
    """Malformed YAML exits 1 with one `file:line: invalid YAML` line and no traceback."""
    text = "schema_version: 1\nroles:\n  x: 1\n   y: 2  #!\n"
    path = write(tmp_path / "kb.yaml", text)
    one_error(
        bocareer(["--data", path, "roles"], env),
        1,
        "invalid YAML",
        where=f"{path}:{marked_line(text)}: ",
    )
    assert not leftovers(tmp_path)


WRONG_TYPES = {
    "preparation-text": (
        kb(roles="roles:\n" + role("clerk", preparation="high  #!")),
        ["roles.clerk.preparation", "whole number 1-5", "'high'"],
    ),
    "skills-list": (
        kb(
            roles="roles:\n"
            + role("clerk", skills="[typing, filing]  #!", next="[head-clerk]")
            + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
        ),
        ["roles.clerk.skills", "expected a mapping, found a list"],
    ),
    "roles-list": (kb(roles="roles: [clerk, head-clerk]  #!\n"), ["roles", "found a list"]),
    "title-mapping": (
        kb(
            roles="roles:\n"
            + role("clerk", next="[head-clerk]").replace(
                "    title: Clerk\n", "    title: {a: 1}  #!\n"
            )
            + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
        ),
        ["roles.clerk.title", "expected text, found a mapping"],
    ),
}


@pytest.mark.parametrize("case", WRONG_TYPES)
def test_wrong_types_in_a_process(tmp_path: Path, env: dict[str, str], case: str) -> None:
    """A value of the wrong type exits 1 with one line naming file, line and the key path."""
    text, needles = WRONG_TYPES[case]
    path = write(tmp_path / "kb.yaml", text)
    one_error(
        bocareer(["--data", path, "roles"], env), 1, *needles, where=f"{path}:{marked_line(text)}: "
    )


def test_python_tag_never_runs_in_a_process(tmp_path: Path, env: dict[str, str]) -> None:
    """A `!!python/object/apply:os.system` tag is refused on its line and the command never runs."""
    marker = tmp_path / "pwned"
    text = kb(
        roles="roles:\n"
        + role(
            "clerk",
            next="[head-clerk]",
            summary=f'!!python/object/apply:os.system ["touch {marker}"]  #!',
        )
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
    )
    path = write(tmp_path / "kb.yaml", text)
    result = bocareer(["--data", path, "roles"], env)
    one_error(
        result,
        1,
        "python/object/apply:os.system",
        "is not allowed",
        where=f"{path}:{marked_line(text)}: ",
    )
    assert not marker.exists()


def test_duplicate_role_in_a_process(tmp_path: Path, env: dict[str, str]) -> None:
    """A role defined twice is an error on the second one, naming the line of the first."""
    text = kb(
        roles="roles:\n"
        + role("clerk", next="[head-clerk]", mark="  #first")
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
        + role("clerk", skills="{typing: 1}", mark="  #!")
    )
    path = write(tmp_path / "kb.yaml", text)
    first = marked_line(text, "#first")
    one_error(
        bocareer(["--data", path, "roles"], env),
        1,
        f"duplicate key 'clerk' (first at line {first})",
        where=f"{path}:{marked_line(text)}: ",
    )


def test_alias_bomb_in_a_process_is_fast(tmp_path: Path, env: dict[str, str]) -> None:
    """A 9-level alias bomb used as a role's tools is refused in under 5 s with one line."""
    bomb = "\n".join("  " + line for line in billion_laughs(9))
    text = kb(head="x-bomb:\n" + bomb + "\n").replace("    tools: [Pen]\n", "    tools: *i\n", 1)
    path = write(tmp_path / "kb.yaml", text)
    start = time.monotonic()
    result = bocareer(["--data", path, "roles"], env, timeout=30)
    assert time.monotonic() - start < 5
    one_error(result, 1, where=f"{path}:")
    assert re.search(rf"{re.escape(str(path))}:\d+: ", result.stderr)


def test_fifty_megabyte_file_is_refused_fast(tmp_path: Path, env: dict[str, str]) -> None:
    """A 50 MB knowledge base is refused by the size limit in under 3 s, naming the limit and --max-size."""
    path = tmp_path / "big.yaml"
    comment = b"# " + b"padding " * (1024 * 1024 // 8) + b"\n"  # one MB of comment
    with path.open("wb") as handle:
        handle.write(TINY.read_bytes())
        for _ in range(50):
            handle.write(comment)
    assert path.stat().st_size > 50 * 1024 * 1024
    try:
        start = time.monotonic()
        result = bocareer(["--data", path, "roles"], env, timeout=30)
        elapsed = time.monotonic() - start
        one_error(result, 1, "over the 20 MB limit", "--max-size", where=f"{path}: ")
        assert elapsed < 3, elapsed
    finally:
        path.unlink()


def test_non_utf8_in_a_process(tmp_path: Path, env: dict[str, str]) -> None:
    """A byte that is not UTF-8 exits 1 naming the file, the line and the byte."""
    text = kb().replace("name: Office\n", "name: Caf\xe9  #!\n")
    path = write(tmp_path / "kb.yaml", text.encode("latin-1"))
    one_error(
        bocareer(["--data", path, "roles"], env),
        1,
        "not UTF-8 text (byte 0xe9)",
        where=f"{path}:{marked_line(text)}: ",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "the file is empty"),
        ("---\n", "expected a mapping at the top, found nothing"),
        ("---", "expected a mapping at the top, found nothing"),
    ],
    ids=["empty", "dashes", "dashes-no-newline"],
)
def test_empty_documents_in_a_process(
    tmp_path: Path, env: dict[str, str], content: str, message: str
) -> None:
    """An empty file, or one holding only `---`, exits 1 with one line at line 1."""
    path = write(tmp_path / "kb.yaml", content)
    one_error(bocareer(["--data", path, "roles"], env), 1, message, where=f"{path}:1: ")


def test_one_role_knowledge_base_lists_it(tmp_path: Path, env: dict[str, str]) -> None:
    """A knowledge base with exactly one role is valid and `roles --json` lists that role."""
    path = write(tmp_path / "kb.yaml", kb(roles="roles:\n" + role("clerk")))
    result = bocareer(["--data", path, "roles", "--json"], env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    doc = json.loads(result.stdout)
    assert [r["id"] for r in doc["roles"]] == ["clerk"]
    assert doc["roles"][0]["next_roles"] == []
    assert doc["roles"][0]["previous_roles"] == []


# Standard YAML tags are allowed; a value the tag's constructor cannot read is a data error.
BAD_TAGGED_VALUES = ["!!timestamp soon", "!!bool maybe", '!!int ""', '!!float ""']


@pytest.mark.parametrize("value", BAD_TAGGED_VALUES)
def test_bad_value_for_a_standard_tag_names_its_line(
    tmp_path: Path, env: dict[str, str], value: str
) -> None:
    """A standard tag whose value cannot be read is reported as bad data on its line."""
    text = kb().replace("schema_version: 1\n", f"schema_version: 1\nx-note: {value}  #!\n")
    path = write(tmp_path / "kb.yaml", text)
    line = one_error(
        bocareer(["--data", path, "roles"], env), 1, where=f"{path}:{marked_line(text)}: "
    )
    assert "internal error" not in line


def test_alias_bomb_as_schema_version_gives_a_short_error(
    tmp_path: Path, env: dict[str, str]
) -> None:
    """An alias bomb where a scalar is expected gives a short one-line error, quickly."""
    # The anchors sit in about.features, which is checked after schema_version: its error comes first.
    items = "\n".join("    - " + line.split(": ", 1)[1] for line in billion_laughs(7))
    text = (
        "about:\n  features:\n"
        + items
        + "\n"
        + kb().replace("schema_version: 1", "schema_version: *g", 1)
    )
    path = write(tmp_path / "kb.yaml", text)
    start = time.monotonic()
    result = bocareer(["--data", path, "roles"], env, timeout=60)
    assert time.monotonic() - start < 5
    line = one_error(result, 1, where=f"{path}:")
    assert len(line) < 1000, len(line)


# -- answers files through `match --answers` ---------------------------------------------------


def _yaml_answers(value: str) -> str:
    return f"ratings:\n  filing: 3\n  spreadsheets: {value}  #!\n  typing: 2\n"


def _json_answers(ratings: dict[str, Any]) -> str:
    # Pretty-printed so that each rating has its own line to name.
    return json.dumps({"ratings": ratings}, indent=2) + "\n"


def _json_line(text: str, key: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if f'"{key}"' in line)


ANSWER_CASES: dict[str, tuple[Any, list[str]]] = {
    "unknown-skill": ("spreadsheet", ["unknown skill", "'spreadsheet'", "did you mean"]),
    "minus-one": (-1, ["'spreadsheets'", "-1", "0 to 5"]),
    "six": (6, ["'spreadsheets'", "is 6", "0 to 5"]),
    "word": ("four", ["'spreadsheets'", "whole number", "'four'"]),
    "fraction": (3.5, ["'spreadsheets'", "whole number", "3.5"]),
    "null": (None, ["'spreadsheets'", "whole number", "found nothing"]),
}


@pytest.mark.parametrize("fmt", ["yaml", "json"])
@pytest.mark.parametrize("case", ANSWER_CASES)
def test_bad_answers_in_a_process(tmp_path: Path, env: dict[str, str], case: str, fmt: str) -> None:
    """Bad ratings exit 1 with one line naming file, line and skill, in YAML and JSON alike."""
    value, needles = ANSWER_CASES[case]
    if case == "unknown-skill":
        ratings: dict[str, Any] = {"filing": 3, "spreadsheet": 4}
        yaml_text = "ratings:\n  filing: 3\n  spreadsheet: 4  #!\n"
        key = "spreadsheet"
    else:
        ratings = {"filing": 3, "spreadsheets": value, "typing": 2}
        yaml_text = _yaml_answers({None: "null"}.get(value, str(value)))
        key = "spreadsheets"
    if fmt == "yaml":
        text, line = yaml_text, marked_line(yaml_text)
    else:
        text = _json_answers(ratings)
        line = _json_line(text, key)
    answers = write(tmp_path / f"answers.{fmt}", text)
    result = bocareer(["--data", TINY, "match", "--answers", answers, "--json"], env)
    one_error(result, 1, *needles, where=f"{answers}:{line}: ")


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("- filing\n- typing\n", ["expected a mapping with `ratings:`"]),
        ('["filing", "typing"]\n', ["expected a mapping with `ratings:`"]),
        ("ratings:\n  - filing\n  - typing\n", ["`ratings` must map skill ids"]),
        ('{\n  "ratings": ["filing", "typing"]\n}\n', ["`ratings` must map skill ids"]),
    ],
    ids=["yaml-list", "json-list", "yaml-ratings-list", "json-ratings-list"],
)
def test_answers_list_instead_of_mapping(
    tmp_path: Path, env: dict[str, str], text: str, needles: list[str]
) -> None:
    """A list where a mapping is expected, at the top or as `ratings`, exits 1 with file:line."""
    answers = write(tmp_path / "answers.txt", text)
    result = bocareer(["--data", TINY, "match", "--answers", answers], env)
    line = one_error(result, 1, *needles)
    assert re.search(rf"{re.escape(str(answers))}:[12]: ", line), line


def test_alias_bomb_as_a_rating_gives_a_short_error(tmp_path: Path, env: dict[str, str]) -> None:
    """An alias bomb as a rating gives a short one-line error, quickly."""
    bomb = "\n".join("  " + line for line in billion_laughs(7))
    text = "checks:\n" + bomb + "\nratings:\n  typing: *g  #!\n"
    answers = write(tmp_path / "answers.yaml", text)
    start = time.monotonic()
    result = bocareer(["--data", TINY, "match", "--answers", answers], env, timeout=60)
    assert time.monotonic() - start < 5
    line = one_error(result, 1, where=f"{answers}:{marked_line(text)}: ")
    assert len(line) < 1000, len(line)


# -- a closed stdout -----------------------------------------------------------------------------


def _into_closed_pipe(
    args: list[str], env: dict[str, str], keep: int = 16
) -> tuple[int, str, bytes]:
    """Run bocareer into a 4 KiB pipe, read ``keep`` bytes, close the pipe, and wait."""
    read_end, write_end = os.pipe()
    fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    proc = subprocess.Popen(
        [sys.executable, "-m", "bocareer", *args],
        stdout=write_end,
        stderr=subprocess.PIPE,
        env=env,
    )
    os.close(write_end)
    head = b""
    try:
        while len(head) < keep:
            chunk = os.read(read_end, keep - len(head))
            if not chunk:
                break
            head += chunk
    finally:
        os.close(read_end)
    _, err = proc.communicate(timeout=60)
    return proc.returncode, err.decode("utf-8", "replace"), head


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux pipe sizes")
@pytest.mark.parametrize("args", [["roles", "--json"], ["roles"]], ids=["json", "table"])
def test_reader_closing_early_exits_141_quietly(env: dict[str, str], args: list[str]) -> None:
    """Output cut off by a reader that goes away exits 141 with one line, no traceback, no 'Exception ignored'."""
    code, err, head = _into_closed_pipe(args, env)
    assert len(head) == 16
    assert "Traceback" not in err
    assert "Exception ignored" not in err
    assert code == 141, (code, err)
    assert err.splitlines() == ["bocareer: output closed before it was all written"]


@pytest.mark.skipif(not hasattr(fcntl, "F_SETPIPE_SZ"), reason="needs Linux pipe sizes")
def test_truncated_output_is_not_success_when_unbuffered(env: dict[str, str]) -> None:
    """Even with PYTHONUNBUFFERED=1, output cut off by the reader is not reported as success."""
    code, err, head = _into_closed_pipe(["roles", "--json"], {**env, "PYTHONUNBUFFERED": "1"})
    assert len(head) == 16
    assert "Traceback" not in err
    assert code == 141, (code, err)


# -- Ctrl-C in the quiz, in a real pseudo-terminal -------------------------------------------------


def _progress(env: dict[str, str]) -> dict[str, Any]:
    data = json.loads((Path(env["BOCAREER_STATE_DIR"]) / "quiz-progress.json").read_text("utf-8"))
    assert isinstance(data, dict)
    return data


def test_ctrl_c_in_a_terminal_saves_and_resume_continues(
    env: dict[str, str], terminal: Callable[[list[str]], Terminal]
) -> None:
    """Ctrl-C at question 2 exits 130 naming --resume with one answer saved; --resume starts at
    question 2. Question 1 asks the kinds of work done: Enter with none ticked answers it."""
    quiz = terminal(["quiz"])
    quiz.wait_for("Question 1")
    quiz.type(b"\r")
    quiz.wait_for("Question 2")
    quiz.type(b"\x03")  # Ctrl-C, as the terminal delivers it in raw mode
    assert quiz.finish() == 130, quiz.text[-1500:]
    out = quiz.text
    assert "Traceback" not in out
    assert "--resume" in out
    assert "bocareer: quiz interrupted: 1 answer" in out
    saved = _progress(env)
    assert saved["areas"] == []
    assert saved["asked"] == []

    again = terminal(["quiz", "--resume"])
    again.wait_for("Question 2")
    assert "Resuming your quiz: 1 answer" in again.text
    assert "Question 1 " not in again.text, "the saved answer is not asked again"
    again.type(b"\x03")
    assert again.finish() == 130
    assert "Traceback" not in again.text
    assert _progress(env)["asked"] == saved["asked"]


def test_sigint_in_the_quiz_exits_130(
    env: dict[str, str], terminal: Callable[[list[str]], Terminal]
) -> None:
    """A SIGINT sent to the quiz process at question 2 exits 130 with the first answer (the
    kinds of work done) saved."""
    quiz = terminal(["quiz"])
    quiz.wait_for("Question 1")
    quiz.type(b"\r")
    quiz.wait_for("Question 2")
    quiz.finish(0.3)  # let the second prompt settle
    quiz.proc.send_signal(signal.SIGINT)
    code = quiz.finish(timeout=5)
    assert code == 130, quiz.text[-500:]
    assert "--resume" in quiz.text
    assert "Traceback" not in quiz.text
    assert _progress(env)["areas"] == []


def test_quiz_without_a_terminal_in_a_process(env: dict[str, str]) -> None:
    """`bocareer quiz` with stdin from /dev/null and stdout a pipe exits 2 pointing at --answers."""
    result = bocareer(["quiz"], env, stdin=subprocess.DEVNULL)
    one_error(result, 2, "--answers", "terminal")
    assert not (Path(env["BOCAREER_STATE_DIR"]) / "quiz-progress.json").exists()


# -- where answers and reports are written --------------------------------------------------------


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    """A valid answers file for tests/data/tiny.yaml."""
    return write(tmp_path / "answers.yaml", "ratings:\n  filing: 3\n  typing: 2\n  teamwork: 1\n")


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A folder no file can be created in: mode 0o500, or (as root, who ignores modes) a file."""
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        (folder / "probe").touch()
    except PermissionError:
        yield folder
        folder.chmod(0o700)
        return
    (folder / "probe").unlink()  # root: the mode does not stop writes; use a path under a file
    folder.chmod(0o700)
    yield write(tmp_path / "file.txt", "not a folder\n")


WRITERS = {
    "quiz-save": lambda a, p: ["--data", TINY, "quiz", "--answers", a, "--save", p, "--json"],
    "report-o": lambda a, p: ["--data", TINY, "report", "--answers", a, "-o", p],
}


@pytest.mark.parametrize("writer", WRITERS)
@pytest.mark.parametrize("place", ["unwritable", "missing"])
def test_unwritable_or_missing_folder_fails_cleanly(
    tmp_path: Path,
    env: dict[str, str],
    answers_file: Path,
    unwritable: Path,
    writer: str,
    place: str,
) -> None:
    """Writing into a folder that cannot be written or does not exist exits 1, one line, no file."""
    folder = unwritable if place == "unwritable" else tmp_path / "no-such-folder"
    target = folder / "out.md"
    result = bocareer(WRITERS[writer](answers_file, target), env)
    line = one_error(result, 1, str(target))
    if place == "missing":
        assert "does not exist" in line
    else:  # a mode-0o500 folder, or (as root) a path under a plain file
        assert re.search(
            r"cannot write here|not writable|not a (folder|directory)|does not exist", line, re.I
        ), line
    assert not target.exists()
    assert not leftovers(tmp_path)


def test_report_refuses_to_overwrite_without_force(
    tmp_path: Path, env: dict[str, str], answers_file: Path
) -> None:
    """`report -o EXISTING` without --force refuses and keeps the file; with --force replaces it."""
    target = write(tmp_path / "report.md", "precious\n")
    refused = bocareer(["--data", TINY, "report", "--answers", answers_file, "-o", target], env)
    one_error(refused, 1, str(target), "already exists", "--force")
    assert target.read_text(encoding="utf-8") == "precious\n"

    forced = bocareer(
        ["--data", TINY, "report", "--answers", answers_file, "-o", target, "--force"], env
    )
    assert forced.returncode == 0, forced.stderr
    assert forced.stdout == ""
    assert forced.stderr.splitlines() == [f"Wrote {target}"]
    new = target.read_text(encoding="utf-8")
    assert new != "precious\n"
    assert "Filing" in new
    assert not leftovers(tmp_path)


def test_refusing_to_overwrite_has_one_exit_code(
    tmp_path: Path, env: dict[str, str], answers_file: Path
) -> None:
    """`report -o` and `role -o` refuse an existing file with the same exit code."""
    target = write(tmp_path / "out.md", "precious\n")
    report = bocareer(["--data", TINY, "report", "--answers", answers_file, "-o", target], env)
    role_doc = bocareer(["--data", TINY, "role", "filing-clerk", "-o", target], env)
    assert target.read_text(encoding="utf-8") == "precious\n"
    assert report.returncode == role_doc.returncode


# -- a full disk ----------------------------------------------------------------------------------


def _no_space(*args: Any, **kwargs: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("call", ["fsync", "replace"])
def test_full_disk_keeps_the_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str
) -> None:
    """atomic_write on a full disk raises WriteError saying so, keeps the old file, leaves no temp file."""
    target = write(tmp_path / "notes.md", "old content\n")
    with monkeypatch.context() as patch:
        patch.setattr(os, call, _no_space)
        with pytest.raises(WriteError) as info:
            atomic_write(target, "new content that never lands\n")
    assert "No space left on device" in str(info.value)
    assert "nothing was changed" in str(info.value)
    assert target.read_text(encoding="utf-8") == "old content\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.md"]


@pytest.mark.parametrize("existing", [True, False], ids=["over-a-file", "new-file"])
def test_full_disk_through_report(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    invoke: Invoke,
    answers_file: Path,
    existing: bool,
) -> None:
    """`report -o` on a full disk exits 1 with one line saying no space, and changes no file."""
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.md"
    if existing:
        write(target, "old report\n")
    with monkeypatch.context() as patch:
        patch.setattr(os, "fsync", _no_space)
        result = invoke(
            ["--data", TINY, "report", "--answers", answers_file, "-o", target, "--force"]
        )
    assert result.exit_code == 1, (result.stdout, result.stderr)
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"bocareer: {target}: ")
    assert "No space left on device" in lines[0]
    assert "Traceback" not in result.stderr
    if existing:
        assert target.read_text(encoding="utf-8") == "old report\n"
    assert sorted(p.name for p in out_dir.iterdir()) == (["report.md"] if existing else [])
    assert not leftovers(tmp_path, Path(os.environ["BOCAREER_CACHE_DIR"]))


# -- a quiz killed between two answers --------------------------------------------------------------

SHIPPED: KnowledgeBase = load(shipped_path())
PERSON = dict(SHIPPED.roles["payroll-manager"].skills)


class Scripted(FileAsker):
    """Answers like PERSON; raises ``exc`` instead of asking question ``stop_at`` (1-based)."""

    def __init__(self, stop_at: int | None = None, exc: BaseException | None = None) -> None:
        super().__init__(PERSON)
        self.stop_at = stop_at
        self.exc = exc
        self.asked: list[str] = []

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        if self.stop_at is not None and len(self.asked) + 1 == self.stop_at:
            assert self.exc is not None
            raise self.exc
        self.asked.append(skill.id)
        return PERSON.get(skill.id, 0)


def _reference_questions() -> list[str]:
    asker = Scripted()
    assert run(SHIPPED, asker, QuizState(mode=Mode.FULL)).finished
    return asker.asked


def _killed_by_the_asker() -> None:
    run(
        SHIPPED,
        Scripted(stop_at=4, exc=KeyboardInterrupt()),
        QuizState(mode=Mode.FULL),
        on_answer=save_progress,
    )


def _killed_in_the_save() -> None:
    def dying_save(state: QuizState) -> None:
        save_progress(state)
        if len(state.answers) == 3:
            raise SystemExit(137)  # the process dies right after the third answer is saved

    run(SHIPPED, Scripted(), QuizState(mode=Mode.FULL), on_answer=dying_save)


@pytest.mark.parametrize(
    ("kill", "exc"),
    [(_killed_by_the_asker, KeyboardInterrupt), (_killed_in_the_save, SystemExit)],
    ids=["ctrl-c-at-question-4", "exit-after-third-save"],
)
def test_quiz_killed_after_three_answers_resumes_without_asking_them(
    state_dir: Path, kill: Callable[[], None], exc: type[BaseException]
) -> None:
    """A quiz killed after 3 answers has exactly those 3 saved, and resuming asks only the rest."""
    reference = _reference_questions()
    assert len(reference) > 4
    with pytest.raises(exc):
        kill()
    saved = json.loads(progress_path().read_text(encoding="utf-8"))
    assert saved["asked"] == reference[:3]
    assert saved["ratings"] == {s: PERSON.get(s, 0) for s in reference[:3]}
    assert not leftovers(state_dir)

    state = load_progress(SHIPPED)
    assert state.answers == {s: PERSON.get(s, 0) for s in reference[:3]}
    rest = Scripted()
    outcome = run(SHIPPED, rest, state, on_answer=save_progress)
    assert outcome.finished
    assert rest.asked == reference[3:]
    assert list(outcome.state.answers) == reference


# -- the cache -----------------------------------------------------------------------------------


def test_same_size_same_mtime_edit_is_seen(tmp_path: Path, own_cache: Path) -> None:
    """An edit that keeps the file's size and modification time is still seen: the cache is keyed by content."""
    path = tmp_path / "kb.yaml"
    shutil.copyfile(TINY, path)
    assert load(path).roles["ledger-keeper"].title == "Ledger Keeper"
    assert len(list(own_cache.glob("*.marshal"))) == 1

    before = path.stat()
    raw = path.read_bytes()
    edited = raw.replace(b"title: Ledger Keeper\n", b"title: Ledger Helper\n")
    assert edited != raw
    assert len(edited) == len(raw)
    path.write_bytes(edited)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    assert load(path).roles["ledger-keeper"].title == "Ledger Helper"
    assert load(path).roles["ledger-keeper"].title == "Ledger Helper"  # now from the cache


GARBAGE = {
    "random-bytes": b"\x00\xffnot marshal at all\x13\x37" * 10,
    "empty": b"",
    "wrong-shape": marshal.dumps({"roles": 1}),
    "truncated": None,  # the real entry cut in half
}


@pytest.mark.parametrize("kind", GARBAGE)
def test_corrupted_cache_entry_is_ignored(tmp_path: Path, own_cache: Path, kind: str) -> None:
    """A damaged cache entry is ignored, the file is read instead, and the entry is rewritten."""
    path = tmp_path / "kb.yaml"
    shutil.copyfile(TINY, path)
    fresh = load(path)
    [entry] = own_cache.glob("*.marshal")
    good = entry.read_bytes()
    garbage = GARBAGE[kind]
    entry.write_bytes(good[: len(good) // 2] if garbage is None else garbage)

    again = load(path)
    assert again == fresh
    assert entry.read_bytes() == good
    assert cache.get(path.read_bytes(), str(path)) == fresh
    assert not leftovers(own_cache)


def test_cache_off_writes_nothing(
    tmp_path: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With BOCAREER_CACHE=0 loading a knowledge base writes no cache file at all."""
    monkeypatch.setenv("BOCAREER_CACHE", "0")
    path = tmp_path / "kb.yaml"
    shutil.copyfile(TINY, path)
    assert load(path).roles
    assert load(path).roles
    assert not own_cache.exists() or not any(own_cache.iterdir())


# -- what the fast commands import ----------------------------------------------------------------

PROBE = """
import json, sys
from bocareer.cli import main
sys.argv = ["bocareer", *sys.argv[1:]]
code = 0
try:
    main()
except SystemExit as exc:
    code = exc.code or 0
heavy = ("questionary", "prompt_toolkit", "rich.table", "yaml")
sys.stderr.write("PROBE " + json.dumps({"code": code, "loaded": [m for m in heavy if m in sys.modules]}) + "\\n")
"""


def probe(args: list[str | Path], env: dict[str, str]) -> dict[str, Any]:
    """Run the CLI in a fresh interpreter; its exit code and which heavy modules it imported."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("PROBE "))
    data = json.loads(line[len("PROBE ") :])
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize(
    "text",
    ['{"ratings": {"filing": 3, "typing": 2}}\n', "ratings:\n  filing: 3\n  typing: 2\n"],
    ids=["json", "yaml"],
)
def test_match_json_never_imports_the_prompt_libraries(
    tmp_path: Path, env: dict[str, str], text: str
) -> None:
    """`match --json` runs without importing questionary or prompt_toolkit."""
    answers = write(tmp_path / "answers.txt", text)
    got = probe(["--data", TINY, "match", "--answers", answers, "--json"], env)
    assert got["code"] == 0
    assert "questionary" not in got["loaded"]
    assert "prompt_toolkit" not in got["loaded"]


def test_roles_json_on_a_warm_cache_imports_no_yaml_rich_table_or_prompts(tmp_path: Path) -> None:
    """`roles --json` never imports the prompt libraries or rich.table, and on a warm cache not even yaml."""
    cold_env = make_env(tmp_path / "fresh-cache", tmp_path / "state")
    cold = probe(["--data", TINY, "roles", "--json"], cold_env)
    assert cold["code"] == 0
    assert {"questionary", "prompt_toolkit", "rich.table"}.isdisjoint(cold["loaded"])
    assert list((tmp_path / "fresh-cache").glob("*.marshal")), "the first run fills the cache"
    warm = probe(["--data", TINY, "roles", "--json"], cold_env)
    assert warm == {"code": 0, "loaded": []}
