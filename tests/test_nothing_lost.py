"""Answers are never lost: a paused quiz is never wiped silently, --save survives a resume, one
quiz at a time holds the progress, and a progress file is checked like an answers file."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result

from bocareer.kb.load import load, shipped_path
from bocareer.quiz import progress
from bocareer.quiz.state import QuizState
from bocareer.tty import asker as prompts

SHIPPED = load(shipped_path())
Invoke = Callable[..., Result]
DOWN, ENTER, CTRL_C = "\x1b[B", "\r", "\x03"
#: "Quit for now" in a rating question that offers Back: the ninth entry.
QUIT = DOWN * 8 + ENTER


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch, state_dir: Path) -> Path:
    """Pretend there is a terminal; the state folder of this test."""
    monkeypatch.setattr(prompts, "terminal_available", lambda: True)
    return state_dir


def keyed(invoke: Invoke, args: list[str], keys: str) -> Result:
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(keys)
        return invoke(args)


def paused(answers: dict[str, int | None], **extra: object) -> QuizState:
    """A quiz paused after these answers (areas and checklists already answered)."""
    state = QuizState(answers=dict(answers), areas=[], rounds=[], **extra)  # type: ignore[arg-type]
    progress.save_progress(state)
    return state


def test_a_new_quiz_offers_to_resume_the_paused_one(invoke: Invoke, tty: Path) -> None:
    """`bocareer quiz` with a paused quiz asks first; Enter resumes, and the saved answers are
    neither lost nor asked again."""
    paused({"typing": 4, "spreadsheets": 3})
    result = keyed(invoke, ["quiz", "--json"], ENTER + QUIT)
    assert result.exit_code == 0, result.stderr
    assert "Resuming your quiz: 3 answers" in result.stderr  # the kinds of work, two ratings
    saved = json.loads(progress.progress_path().read_text(encoding="utf-8"))
    assert saved["ratings"] == {"typing": 4, "spreadsheets": 3}


def test_cancelling_leaves_the_paused_quiz_as_it_was(invoke: Invoke, tty: Path) -> None:
    paused({"typing": 4})
    before = progress.progress_path().read_bytes()
    result = keyed(invoke, ["quiz"], DOWN * 2 + ENTER)
    assert result.exit_code == 2
    assert "nothing changed" in result.stderr
    assert progress.progress_path().read_bytes() == before


def test_restart_is_the_way_to_discard_it(invoke: Invoke, tty: Path) -> None:
    """Choosing "Start over" (or --restart) begins again: the new quiz asks the first question."""
    paused({"typing": 4})
    result = keyed(invoke, ["quiz", "--restart", "--json"], ENTER + CTRL_C)
    assert result.exit_code == 130
    saved = json.loads(progress.progress_path().read_text(encoding="utf-8"))
    assert saved["ratings"] == {}, "the paused answers were replaced only because --restart said so"


def test_resume_and_restart_together_are_a_usage_error(invoke: Invoke, tty: Path) -> None:
    paused({"typing": 4})
    result = keyed(invoke, ["quiz", "--resume", "--restart"], "")
    assert result.exit_code == 2
    assert "clash" in result.stderr


def test_the_save_path_is_remembered_for_resume(invoke: Invoke, tty: Path, tmp_path: Path) -> None:
    """`quiz --save F`, quit; the hint names F; `quiz --resume` then writes F."""
    target = tmp_path / "me.yaml"
    first = keyed(invoke, ["quiz", "--save", str(target)], ENTER + ENTER * 3 + QUIT)
    assert first.exit_code == 0, first.stderr
    assert str(target) in first.stderr, "the resume hint says where the answers will go"
    assert not target.exists()
    assert json.loads(progress.progress_path().read_text(encoding="utf-8"))["save"] == str(target)
    second = keyed(invoke, ["quiz", "--resume", "--json"], ENTER * 40)
    assert second.exit_code == 0, second.stderr
    assert target.is_file()
    assert "ratings:" in target.read_text(encoding="utf-8")


def test_a_second_quiz_is_told_another_one_is_running(invoke: Invoke, tty: Path) -> None:
    """While one quiz holds the progress, a second one refuses instead of overwriting it."""
    paused({"typing": 4})
    before = progress.progress_path().read_bytes()
    with progress.Lock():
        result = keyed(invoke, ["quiz", "--resume"], ENTER * 5)
    assert result.exit_code == 2
    assert "another quiz is running" in result.stderr
    assert progress.progress_path().read_bytes() == before


@pytest.mark.parametrize(
    ("edit", "said"),
    [
        ({"ratings": {"typing": 99}, "asked": ["typing"]}, "0-5"),
        ({"ratings": {"typing": -7}, "asked": ["typing"]}, "0-5"),
        ({"family": "no-such-family"}, "unknown family"),
        ({"asked": "typing"}, "`asked` must be a list"),
        ({"ratings": {"no-such-skill": 2}}, "unknown skill 'no-such-skill'"),
        ({"rounds": [[2, "typing", []]]}, "`rounds`"),
        ({"shown_total": 0}, "`shown_total`"),
        ({"shown_total": True}, "`shown_total`"),
    ],
)
def test_an_edited_progress_file_is_refused_with_what_is_wrong(
    invoke: Invoke, tty: Path, edit: dict[str, object], said: str
) -> None:
    paused({"spreadsheets": 3})
    path = progress.progress_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    data.update(edit)
    path.write_text(json.dumps(data), encoding="utf-8")
    result = keyed(invoke, ["quiz", "--resume"], ENTER * 5)
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert said in lines[0]
    assert "bocareer quiz --restart" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_progress_file_that_is_not_json_is_refused(invoke: Invoke, tty: Path) -> None:
    paused({})
    progress.progress_path().write_text("{not json", encoding="utf-8")
    result = keyed(invoke, ["quiz", "--resume"], "")
    assert result.exit_code == 1
    assert "cannot be read" in result.stderr


def test_a_state_folder_that_is_a_file_is_a_clear_error(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(prompts, "terminal_available", lambda: True)
    blocker = tmp_path / "state"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("BOCAREER_STATE_DIR", str(blocker))
    result = keyed(invoke, ["quiz"], ENTER)
    assert result.exit_code == 1
    assert "the state folder is a file" in result.stderr
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_a_paused_quiz_with_nothing_answered_is_not_offered(invoke: Invoke, tty: Path) -> None:
    """Stopped before the first answer: nothing to lose, so the new quiz just starts."""
    progress.save_progress(QuizState())
    result = keyed(invoke, ["quiz"], CTRL_C)
    assert result.exit_code == 130
    assert "paused quiz" not in result.stderr
    assert "Resuming" not in result.stderr


def test_resuming_says_when_a_new_starting_job_is_not_used(invoke: Invoke, tty: Path) -> None:
    paused({"typing": 4}, start="data-entry-operator")
    result = keyed(invoke, ["quiz", "--resume", "--from", "cashier"], CTRL_C)
    assert "Resuming your quiz (from Data Entry Operator)" in result.stderr
    assert "--from cashier is not used" in result.stderr


def test_an_ambiguous_job_can_be_set_aside(invoke: Invoke, tty: Path) -> None:
    """`--from manager` fits several occupations; the last choice goes on without a job."""
    result = keyed(invoke, ["quiz", "--from", "manager", "--json"], DOWN * 5 + ENTER + CTRL_C)
    assert result.exit_code == 130
    assert "Starting from your job" not in result.stderr
    saved = json.loads(progress.progress_path().read_text(encoding="utf-8"))
    assert saved["from"] is None
