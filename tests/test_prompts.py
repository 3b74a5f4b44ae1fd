"""The real questionary prompts, driven with keys through a prompt_toolkit pipe, and the CLI quiz."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result

from bocareer import answers as answers_mod
from bocareer.kb.load import load, shipped_path
from bocareer.models import Area, Check, KnowledgeBase, Skill
from bocareer.quiz.fileasker import FileAsker
from bocareer.quiz.flow import Nav, QuizState, Reply, run
from bocareer.quiz.selector import Mode
from bocareer.scoring import advise
from bocareer.tty import asker as prompts
from bocareer.tty.asker import QuestionaryAsker

SHIPPED: KnowledgeBase = load(shipped_path())
TINY_PATH = Path(__file__).parent / "data" / "tiny.yaml"
TINY: KnowledgeBase = load(TINY_PATH)

DOWN = "\x1b[B"
ENTER = "\r"
CTRL_C = "\x03"

Invoke = Callable[..., Result]


def pick(downs: int) -> str:
    """The keys that move down ``downs`` times and press Enter."""
    return DOWN * downs + ENTER


def ask(keys: str, question: Callable[[QuestionaryAsker], Any]) -> Any:
    """Type ``keys`` into a fresh pipe and run one question of a QuestionaryAsker on it."""
    with create_pipe_input() as inp:
        inp.send_text(keys)
        return question(QuestionaryAsker(input=inp, output=DummyOutput()))


@pytest.fixture
def skill() -> Skill:
    """A shipped skill with its five level descriptions."""
    return SHIPPED.skills["spreadsheets"]


@pytest.fixture
def check() -> Check:
    """A shipped check question with several options."""
    return next(c for c in SHIPPED.checks if c.skill == "spreadsheets")


# -- the prompts themselves ----------------------------------------------------------------


def test_enter_on_the_first_choice_rates_0(skill: Skill) -> None:
    """Enter without moving picks the first choice, "0  I have not done this"."""
    assert ask(ENTER, lambda a: a.rate(skill, 1, 10, False)) == 0


@pytest.mark.parametrize("level", range(6))
def test_moving_down_picks_that_level(skill: Skill, level: int) -> None:
    """Down N times then Enter rates the skill N (0-5)."""
    got = ask(pick(level), lambda a: a.rate(skill, 2, 10, True))
    assert got == level
    assert type(got) is int


@pytest.mark.parametrize(
    ("downs", "can_go_back", "expected"),
    [
        (6, True, None),  # the separator after 5 is skipped over: six downs reach "Not sure"
        (7, True, Nav.BACK),
        (8, True, Nav.QUIT),
        (6, False, None),
        (7, False, Nav.QUIT),  # no "Back" entry on the first question
    ],
    ids=["skip", "back", "quit", "skip-no-back", "quit-no-back"],
)
def test_menu_entries_below_the_levels(
    skill: Skill, downs: int, can_go_back: bool, expected: Reply
) -> None:
    """Skip, back (only when offered) and quit map to None, Nav.BACK and Nav.QUIT."""
    assert ask(pick(downs), lambda a: a.rate(skill, 3, 10, can_go_back)) is expected


def test_check_returns_the_chosen_option_text(check: Check) -> None:
    """check() returns the text of the option picked, and QUIT for the last entry."""
    for i, option in enumerate(check.options):
        assert ask(pick(i), lambda a: a.check(check)) == option
    assert ask(pick(len(check.options)), lambda a: a.check(check)) is Nav.QUIT


@pytest.mark.parametrize(("keys", "expected"), [("y", True), ("n", False), (ENTER, True)])
def test_confirm_reads_yes_no(keys: str, expected: bool) -> None:
    """confirm() is True for y, False for n, and defaults to yes on Enter."""
    assert ask(keys, lambda a: a.confirm("Revisit?")) is expected


def test_ctrl_c_raises_keyboard_interrupt(skill: Skill, check: Check) -> None:
    """Ctrl-C in a menu raises KeyboardInterrupt instead of inventing an answer."""
    with pytest.raises(KeyboardInterrupt):
        ask(CTRL_C, lambda a: a.rate(skill, 1, 10, False))
    with pytest.raises(KeyboardInterrupt):
        ask(DOWN + CTRL_C, lambda a: a.check(check))


def test_answers_typed_ahead_reach_the_following_prompts(skill: Skill) -> None:
    """Keys sent before several prompts are shared out one answer per prompt, in order."""
    with create_pipe_input() as inp:
        inp.send_text(pick(1) + pick(4) + pick(6) + ENTER)
        asker = QuestionaryAsker(input=inp, output=DummyOutput())
        got = [asker.rate(skill, n, 4, n > 1) for n in range(1, 5)]
    assert got == [1, 4, None, 0]


def shown_on_screen(question: Callable[[QuestionaryAsker], Any], columns: int) -> list[str]:
    """The lines a prompt draws on a terminal ``columns`` wide before the first key, escape
    sequences removed."""
    import io
    import re

    from prompt_toolkit.data_structures import Size
    from prompt_toolkit.output.vt100 import Vt100_Output

    screen = io.StringIO()
    output = Vt100_Output(screen, lambda: Size(rows=60, columns=columns), term="xterm")
    with create_pipe_input() as inp:
        inp.send_text(ENTER)
        question(QuestionaryAsker(input=inp, output=output))
    text = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07|\x1b[=>]", "", screen.getvalue())
    # The first drawing of the prompt: up to its first choice (the pointer's line).
    return text.split("\u00bb")[0].replace("\r", "").splitlines()


@pytest.mark.parametrize("level", [None, 2, 3, 4, 5], ids=["areas", "2", "3", "4", "5"])
def test_the_opening_questions_count_study_training_and_volunteering(
    monkeypatch: pytest.MonkeyPatch, level: int | None
) -> None:
    """The kinds of work and the "done on your own" list ask about what was done in a job, in
    study or training, or as a volunteer (a graduate with no job answers honestly), never "at
    work" only; every line of every opening question fits 80 columns."""
    monkeypatch.setenv("COLUMNS", "80")
    skills = [SHIPPED.skills[s] for s in ("spreadsheets", "typing")]
    if level is None:
        lines = shown_on_screen(lambda a: a.areas(SHIPPED.areas, 12), 80)
    else:
        lines = shown_on_screen(lambda a: a.checklist(skills, 2, 12, level), 80)
    assert lines
    assert all(len(line) <= 80 for line in lines), lines
    said = " ".join(" ".join(lines).split())
    assert "at work" not in said
    assert "in any job" not in said
    if level in (None, 2):
        assert "in a job, in study or training, or as a volunteer?" in said, said
    assert said.startswith("? Question ")


def test_terminal_available_is_false_under_pytest_capture() -> None:
    """Without a terminal on stdin and stdout, terminal_available() says so."""
    assert prompts.terminal_available() is False


# -- the CLI quiz through the real prompts -------------------------------------------------


class Planner:
    """Answers like a person with fixed ratings (as FileAsker does) and records every question:
    ("areas", ticks), ("checklist", ticks) with one tick per choice shown, ("rate", skill)."""

    def __init__(self, ratings: dict[str, int]) -> None:
        self.file = FileAsker(ratings)
        self.ratings = ratings
        self.steps: list[tuple[str, Any]] = []
        self.state = QuizState()
        """How the planned quiz ended."""

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        self.steps.append(("rate", skill.id))
        return self.file.rate(skill, number, total, can_go_back, assumed)

    def check(self, check: Check) -> str | Nav:
        self.steps.append(("check", check))
        return check.answer

    def areas(
        self, areas: Sequence[Area], total: int, suggested: Collection[str] = ()
    ) -> list[str] | Nav:
        picked = self.file.areas(areas, total)
        assert isinstance(picked, list)
        self.steps.append(("areas", [(a.id in picked, a.id in suggested) for a in areas]))
        return picked

    def checklist(
        self,
        skills: Sequence[Skill],
        number: int,
        total: int,
        level: int,
        suggested: Collection[str] = (),
    ) -> list[str] | Nav:
        picked = self.file.checklist(skills, number, total, level)
        assert isinstance(picked, list)
        self.steps.append(("checklist", [(s.id in picked, s.id in suggested) for s in skills]))
        return picked

    def measure(self, skill: Skill, claimed: int) -> None:
        return None

    @property
    def rated(self) -> list[str]:
        return [x for kind, x in self.steps if kind == "rate"]


def plan(kb: KnowledgeBase, ratings: dict[str, int], mode: Mode = Mode.QUICK) -> Planner:
    """The questions the quiz will ask, in order, for a person with these ratings."""
    planner = Planner(ratings)
    planner.state = run(kb, planner, QuizState(mode=mode)).state
    return planner


def ticks(marks: list[tuple[bool, bool]]) -> str:
    """The keys that leave these choices of a checkbox question ticked as wanted: each mark is
    (wanted, shown ticked); Space changes one, Down moves on."""
    return "".join((" " if want != shown else "") + DOWN for want, shown in marks) + ENTER


def keys_for(
    planned: Planner,
    ratings: dict[str, int],
    ratings_only: int | None = None,
    *,
    until_check: bool = False,
) -> str:
    """The keystrokes that answer the planned questions as the person would: the opening
    questions, then each rating (only the first ``ratings_only`` of them, when given), and each
    check question right (stopping before the first one with ``until_check``)."""
    keys, rated = [], 0
    for kind, what in planned.steps:
        if kind == "rate":
            if ratings_only is not None and rated == ratings_only:
                break
            keys.append(pick(ratings.get(what, 0)))
            rated += 1
        elif kind == "check":
            if until_check:
                break
            keys.append(pick(list(what.options).index(what.answer)))
        else:
            keys.append(ticks(what))
    return "".join(keys)


@pytest.fixture
def tty(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Pretend there is a terminal, and record every rating question the real asker shows."""
    monkeypatch.setattr(prompts, "terminal_available", lambda: True)
    shown: list[str] = []
    original = QuestionaryAsker.rate

    def counting(self: QuestionaryAsker, skill: Skill, *args: Any) -> Reply:
        shown.append(skill.id)
        return original(self, skill, *args)

    monkeypatch.setattr(QuestionaryAsker, "rate", counting)
    return shown


def quiz_cli(invoke: Invoke, args: list[str], keys: str) -> Result:
    """Run ``bocareer ARGS`` with ``keys`` typed into the prompts."""
    with create_pipe_input() as inp:
        inp.send_text(keys)
        with create_app_session(input=inp, output=DummyOutput()):
            return invoke(args)


@pytest.fixture
def person() -> dict[str, int]:
    """A person exactly at the shipped payroll manager's levels."""
    return dict(SHIPPED.roles["payroll-manager"].skills)


@pytest.fixture
def mixed() -> dict[str, int]:
    """A medical billing executive who also did a medical secretary's work a level below it: the
    quick quiz has ratings to ask after its checklists."""
    out = dict(SHIPPED.roles["medical-billing-executive"].skills)
    for skill, need in SHIPPED.roles["medical-secretary"].skills.items():
        out[skill] = max(1, need - 1)
    return out


def progress(state_dir: Path) -> Path:
    return state_dir / "quiz-progress.json"


def last_answers(state_dir: Path) -> Path:
    return state_dir / "last-answers.yaml"


def test_cli_quiz_end_to_end(
    invoke: Invoke, tty: list[str], state_dir: Path, person: dict[str, int]
) -> None:
    """`quiz --json` answered with keys prints the matches, then keeps the answers for `match`."""
    planned = plan(SHIPPED, person)
    questions = planned.rated
    result = quiz_cli(invoke, ["quiz", "--json"], keys_for(planned, person))
    assert result.exit_code == 0, (result.stderr, result.exception)
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert doc["matches"][0]["id"] == "payroll-manager"
    assert doc["matches"][0]["score"] == 100.0
    assert doc["asked"] == questions
    assert tty == questions, "each question is shown once, in the planned order"
    assert doc["warnings"] == []

    assert not progress(state_dir).exists(), "a finished quiz leaves no progress behind"
    saved = last_answers(state_dir)
    assert saved.is_file()
    parsed = answers_mod.read(str(saved), SHIPPED)
    # The checklists pin most levels (ticked at 4, not at 5: exactly 4); ratings do the rest.
    assert parsed.ratings == {s: v for s, v in person.items() if v >= 2}
    assert list(parsed.asked) == questions
    assert set(parsed.assumed) == set(parsed.ratings) - set(questions)

    again = invoke(["match", "--answers", str(saved), "--json"])
    assert again.exit_code == 0, again.stderr
    redo = json.loads(again.stdout)
    assert redo["matches"][0]["id"] == doc["matches"][0]["id"]
    assert [m["score"] for m in redo["matches"]] == [m["score"] for m in doc["matches"]]


def test_cli_quiz_save_writes_there_instead(
    invoke: Invoke, tty: list[str], state_dir: Path, tmp_path: Path, person: dict[str, int]
) -> None:
    """`quiz --save FILE` writes the answers to FILE, readable by `match --answers`."""
    planned = plan(SHIPPED, person)
    out = tmp_path / "me.yaml"
    result = quiz_cli(invoke, ["quiz", "--save", str(out), "--json"], keys_for(planned, person))
    assert result.exit_code == 0, result.stderr
    assert out.is_file()
    saved = answers_mod.read(str(out), SHIPPED)
    assert {s: saved.ratings.get(s, 0) for s in planned.rated} == {
        s: person.get(s, 0) for s in planned.rated
    }


def test_cli_quiz_table_output_shows_the_match_and_how_to_see_it_again(
    invoke: Invoke, tty: list[str], state_dir: Path, person: dict[str, int]
) -> None:
    """Without --json the quiz prints the matches table and the `match --answers` line."""
    result = quiz_cli(invoke, ["quiz"], keys_for(plan(SHIPPED, person), person))
    assert result.exit_code == 0, result.stderr
    assert "Payroll Manager" in result.stdout
    assert "bocareer match --answers" in result.stdout
    assert str(last_answers(state_dir)) in result.stdout


def test_ctrl_c_mid_quiz_saves_and_resume_finishes(
    invoke: Invoke, tty: list[str], state_dir: Path, mixed: dict[str, int]
) -> None:
    """Ctrl-C exits 130 with one line naming --resume; `quiz --resume` then asks only the rest."""
    planned = plan(SHIPPED, mixed)
    questions = planned.rated
    assert len(questions) > 4
    result = quiz_cli(invoke, ["quiz", "--json"], keys_for(planned, mixed, 3) + CTRL_C)
    assert result.exit_code == 130
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("bocareer: ")
    # --json asked for a document: the error document, saying the same as stderr.
    assert json.loads(result.stdout)["error"] == {
        "code": "interrupted",
        "message": lines[0].removeprefix("bocareer: "),
        "exit_code": 130,
    }
    assert "--resume" in lines[0]
    third = [i for i, (kind, _) in enumerate(planned.steps) if kind == "rate"][2]
    assert f"{third + 1} answers" in lines[0], "the opening questions and three ratings"
    assert "Traceback" not in result.stderr

    saved = json.loads(progress(state_dir).read_text(encoding="utf-8"))
    assert saved["asked"] == questions[:3]
    assert saved["ratings"] == {s: mixed.get(s, 0) for s in questions[:3]}
    assert not last_answers(state_dir).exists()

    tty.clear()
    rest_keys = "".join(pick(mixed.get(s, 0)) for s in questions[3:])
    rest = quiz_cli(invoke, ["quiz", "--resume", "--json"], rest_keys)
    assert rest.exit_code == 0, (rest.stderr, rest.exception)
    assert tty == questions[3:], "the saved answers are not asked again"
    assert "Resuming" in rest.stderr
    doc = json.loads(rest.stdout)
    assert doc["asked"] == questions
    expected = advise(SHIPPED, planned.state.ratings, 1).matches[0].role
    assert doc["matches"][0]["id"] == expected, "the same result as without the interruption"
    assert not progress(state_dir).exists()
    assert last_answers(state_dir).is_file()


def test_quit_entry_stops_and_saves_for_later(
    invoke: Invoke, tty: list[str], state_dir: Path, mixed: dict[str, int]
) -> None:
    """Choosing "Quit for now" exits 0 without matches and keeps the answers for --resume."""
    planned = plan(SHIPPED, mixed)
    questions = planned.rated
    result = quiz_cli(invoke, ["quiz", "--json"], keys_for(planned, mixed, 2) + pick(8))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert "--resume" in result.stderr
    assert json.loads(progress(state_dir).read_text(encoding="utf-8"))["asked"] == questions[:2]


def test_resume_without_a_saved_quiz_fails_clearly(invoke: Invoke, tty: list[str]) -> None:
    """`quiz --resume` with nothing saved exits 1 and says there is no quiz to resume."""
    result = quiz_cli(invoke, ["quiz", "--resume"], "")
    assert result.exit_code == 1
    assert "no quiz to resume" in result.stderr
    assert tty == []


def test_flat_answers_offer_a_revisit(invoke: Invoke, tty: list[str], state_dir: Path) -> None:
    """Flat answers bring a note and an offer to revisit; declining keeps the warning in the JSON."""
    flat = dict.fromkeys(SHIPPED.skills, 3)
    planned = plan(SHIPPED, flat)
    questions = planned.rated
    result = quiz_cli(invoke, ["quiz", "--json"], keys_for(planned, flat) + "n")
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert "flat answers" in result.stderr
    doc = json.loads(result.stdout)
    assert any("flat" in w for w in doc["warnings"])
    assert tty == questions, "declining the revisit asks nothing again"


def test_ctrl_c_at_a_check_question_keeps_what_it_reports(
    invoke: Invoke, tty: list[str], state_dir: Path
) -> None:
    """After Ctrl-C at a check question, the progress file holds as many answers as the message says."""
    ratings = dict.fromkeys(TINY.skills, 3)
    # Skills ticked as done well (3) in the checklists, or rated 3, bring up their checks.
    planned = plan(TINY, ratings, Mode.QUICK)
    planned.steps.clear()
    run(TINY, planned, QuizState(mode=Mode.QUICK, verify=True))
    assert any(kind == "check" for kind, _ in planned.steps)
    keys = keys_for(planned, ratings, until_check=True) + CTRL_C
    result = quiz_cli(invoke, ["--data", str(TINY_PATH), "quiz", "--verify"], keys)
    assert result.exit_code == 130
    said = int(result.stderr.split("interrupted: ")[1].split(" answer")[0])
    saved = json.loads(progress(state_dir).read_text(encoding="utf-8"))
    opening = (saved["areas"] is not None) + sum(1 for r in saved["rounds"] or [] if r[1])
    assert len(saved["asked"]) + opening == said
