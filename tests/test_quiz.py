"""The quiz flow (bocareer.quiz) driven by scripted askers: no terminal involved."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from bocareer.kb.load import load, shipped_path
from bocareer.models import Check, KnowledgeBase, Skill
from bocareer.quiz.flow import FileAsker, Nav, Outcome, QuizState, Reply, choose_check, run
from bocareer.quiz.selector import QUICK_LIMIT, Mode, Selector
from bocareer.scoring import rank
from kb_text import FAMILIES, role
from kb_text import kb as kb_text

SHIPPED: KnowledgeBase = load(shipped_path())
TINY: KnowledgeBase = load(Path(__file__).parent / "data" / "tiny.yaml")

#: Shipped roles across the families, entry level to manager.
QUIZ_ROLES = [
    "data-entry-operator",
    "hr-coordinator",
    "payroll-manager",
    "accountant",
    "finance-manager",
    "administrative-assistant",
    "technical-writer",
    "audit-assistant",
    "compliance-officer",
    "operations-manager",
]


class ScriptedAsker:
    """Replays a list of replies (or a function of the skill) and records every question asked."""

    def __init__(
        self,
        replies: Iterable[Reply] | None = None,
        *,
        by_skill: Callable[[str], Reply] | None = None,
        checks: Iterable[str | Nav] = (),
        confirm: bool = False,
    ) -> None:
        self.replies = list(replies or [])
        self.by_skill = by_skill
        self.check_replies = list(checks)
        self.confirm_reply = confirm
        self.rated: list[str] = []
        self.can_go_back: list[bool] = []
        self.numbers: list[tuple[int, int]] = []
        self.checked: list[Check] = []

    def rate(self, skill: Skill, number: int, total: int, can_go_back: bool) -> Reply:
        self.rated.append(skill.id)
        self.can_go_back.append(can_go_back)
        self.numbers.append((number, total))
        if self.replies:
            return self.replies.pop(0)
        if self.by_skill is not None:
            return self.by_skill(skill.id)
        raise AssertionError(f"asked about {skill.id} after the script ran out")

    def check(self, check: Check) -> str | Nav:
        self.checked.append(check)
        if self.check_replies:
            return self.check_replies.pop(0)
        return check.answer

    def confirm(self, message: str) -> bool:
        return self.confirm_reply


def profile(kb: KnowledgeBase, role_id: str) -> Callable[[str], int]:
    """Answers as a person exactly at a role's levels would give them (0 elsewhere)."""
    skills = kb.roles[role_id].skills
    return lambda s: skills.get(s, 0)


# -- quick and full ------------------------------------------------------------------------


@pytest.mark.parametrize("role_id", QUIZ_ROLES)
def test_quick_quiz_finds_the_role_of_a_person_at_its_profile(role_id: str) -> None:
    """The quick quiz asks at most 20 distinct questions and its top match is the person's role."""
    ratings = dict(SHIPPED.roles[role_id].skills)
    asker = FileAsker(ratings)
    seen: list[str] = []
    original = asker.rate

    def spy(skill: Skill, number: int, total: int, can_go_back: bool) -> Reply:
        seen.append(skill.id)
        return original(skill, number, total, can_go_back)

    asker.rate = spy  # type: ignore[method-assign]
    outcome = run(SHIPPED, asker, QuizState(mode=Mode.QUICK))
    assert outcome.finished
    assert len(seen) <= QUICK_LIMIT == 20
    assert len(seen) == len(set(seen)), "a skill was asked twice"
    assert list(outcome.state.answers) == seen
    assert len(seen) < len(SHIPPED.skills), "the quick quiz should not ask everything"
    assert rank(SHIPPED, outcome.state.ratings)[0].role == role_id


def test_full_quiz_asks_every_skill_exactly_once() -> None:
    """--full asks each skill of the knowledge base once, and no more."""
    asker = ScriptedAsker(by_skill=profile(SHIPPED, "accountant"))
    outcome = run(SHIPPED, asker, QuizState(mode=Mode.FULL))
    assert outcome.finished
    assert sorted(asker.rated) == sorted(SHIPPED.skills)
    assert len(asker.rated) == len(SHIPPED.skills)


def test_question_numbers_count_up_and_total_is_never_below_number() -> None:
    """Question N of about T: N counts 1, 2, 3 ... and T is at least N."""
    asker = ScriptedAsker(by_skill=profile(TINY, "ledger-keeper"))
    run(TINY, asker, QuizState(mode=Mode.FULL))
    assert [n for n, _ in asker.numbers] == list(range(1, len(TINY.skills) + 1))
    assert all(t >= n for n, t in asker.numbers)
    assert all(t == len(TINY.skills) for _, t in asker.numbers), "full mode knows its length"


# -- skip, back, quit, on_answer -----------------------------------------------------------


def test_skip_is_recorded_as_none_and_counts_as_zero() -> None:
    """A skipped question is stored as None, left out of ratings, and scores like a 0."""
    asker = ScriptedAsker([None], by_skill=profile(TINY, "cash-clerk"))
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL))
    first = asker.rated[0]
    assert outcome.state.answers[first] is None
    assert first not in outcome.state.ratings
    skipped = outcome.state.to_dict()["skipped"]
    assert isinstance(skipped, list)
    assert first in skipped
    as_zero = {**outcome.state.ratings, first: 0}
    assert [(m.role, m.score) for m in rank(TINY, outcome.state.ratings)] == [
        (m.role, m.score) for m in rank(TINY, as_zero)
    ]


def test_back_removes_the_last_answer_and_asks_it_again() -> None:
    """BACK drops the previous answer and the same skill is asked next, offering no back at first."""
    asker = ScriptedAsker([4, Nav.BACK, 2], by_skill=profile(TINY, "records-officer"))
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL))
    first, second, third = asker.rated[:3]
    assert third == first, "the question taken back is asked again"
    assert outcome.state.answers[first] == 2
    assert next(iter(outcome.state.answers)) == first
    assert asker.can_go_back[:3] == [False, True, False]
    assert asker.rated.count(second) == 2, "the question back was pressed on comes again later"
    assert len(outcome.state.answers) == len(TINY.skills)


def test_back_on_the_first_question_changes_nothing() -> None:
    """BACK with no answers yet just asks the first question again."""
    asker = ScriptedAsker([Nav.BACK], by_skill=profile(TINY, "filing-clerk"))
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL))
    assert asker.rated[0] == asker.rated[1]
    assert len(outcome.state.answers) == len(TINY.skills)


def test_quit_returns_unfinished_with_the_answers_so_far() -> None:
    """QUIT ends the run with finished=False and keeps what was answered."""
    asker = ScriptedAsker([3, None, 1, Nav.QUIT])
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL))
    assert isinstance(outcome, Outcome)
    assert outcome.finished is False
    assert list(outcome.state.answers.values()) == [3, None, 1]
    assert list(outcome.state.answers) == asker.rated[:3]


def test_on_answer_is_called_after_every_answer_with_the_state() -> None:
    """on_answer sees the state after each answer, with that answer already in it."""
    snapshots: list[dict[str, int | None]] = []
    states: list[QuizState] = []

    def on_answer(state: QuizState) -> None:
        states.append(state)
        snapshots.append(dict(state.answers))

    asker = ScriptedAsker([2, None, 4, Nav.QUIT])
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL), on_answer=on_answer)
    assert [len(s) for s in snapshots] == [1, 2, 3]
    assert snapshots[-1] == outcome.state.answers
    assert all(s is outcome.state for s in states)
    assert [list(s.values())[-1] for s in snapshots] == [2, None, 4]


# -- resume --------------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [Mode.QUICK, Mode.FULL])
def test_resume_continues_where_it_stopped(mode: Mode) -> None:
    """Quit after 3 answers, run again with that state: nothing is re-asked, the end is the same."""
    answer = profile(SHIPPED, "payroll-manager")
    whole = ScriptedAsker(by_skill=answer)
    uninterrupted = run(SHIPPED, whole, QuizState(mode=mode))

    first = ScriptedAsker([answer(s) for s in whole.rated[:3]] + [Nav.QUIT])
    part = run(SHIPPED, first, QuizState(mode=mode))
    assert not part.finished
    assert list(part.state.answers) == whole.rated[:3]

    second = ScriptedAsker(by_skill=answer)
    resumed = run(SHIPPED, second, part.state)
    assert resumed.finished
    assert not set(second.rated) & set(whole.rated[:3]), "an answered question was asked again"
    assert second.rated == whole.rated[3:]
    assert resumed.state.answers == uninterrupted.state.answers
    assert list(resumed.state.answers) == list(uninterrupted.state.answers)
    assert second.can_go_back[0] is True, "a resumed quiz can go back to the saved answers"


def test_resume_ignores_saved_skills_the_knowledge_base_no_longer_has() -> None:
    """A saved answer for a skill that is gone is dropped instead of crashing the quiz."""
    state = QuizState(mode=Mode.FULL, answers={"no-such-skill": 3, "typing": 2})
    asker = ScriptedAsker(by_skill=lambda s: 1)
    outcome = run(TINY, asker, state)
    assert "no-such-skill" not in outcome.state.answers
    assert outcome.state.answers["typing"] == 2
    assert "typing" not in asker.rated


# -- verify --------------------------------------------------------------------------------


def test_verify_asks_a_check_for_a_rating_of_3_or_more() -> None:
    """With verify on, rating a skill that has a check question 3 or more asks that check."""
    asker = ScriptedAsker(by_skill=lambda s: 4 if s == "spreadsheets" else 1)
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL, verify=True))
    assert [c.skill for c in asker.checked] == ["spreadsheets"]
    assert outcome.state.checked == {"spreadsheets": True}
    assert outcome.state.missed == []


def test_verify_wrong_option_records_a_missed_check() -> None:
    """A wrong option marks the skill's check as missed, which the ranking then uses."""
    check = choose_check(TINY, "filing")
    assert check is not None
    wrong = next(o for o in check.options if o != check.answer)
    asker = ScriptedAsker(by_skill=lambda s: 3 if s == "filing" else 0, checks=[wrong])
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL, verify=True))
    assert outcome.state.checked == {"filing": False}
    assert outcome.state.missed == ["filing"]
    assert outcome.state.answers["filing"] == 3, "the rating itself is kept"


def test_verify_does_not_check_a_rating_of_2() -> None:
    """A rating of 2 (or a skill without check questions) asks no check."""
    asker = ScriptedAsker(by_skill=lambda s: 2 if s in ("spreadsheets", "filing") else 5)
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL, verify=True))
    assert asker.checked == []
    assert outcome.state.checked == {}


def test_without_verify_no_check_is_asked() -> None:
    """With verify off, even a rating of 5 on a checked skill asks nothing more."""
    asker = ScriptedAsker(by_skill=lambda s: 5)
    run(TINY, asker, QuizState(mode=Mode.FULL, verify=False))
    assert asker.checked == []


def test_quit_at_a_check_question_stops_the_quiz() -> None:
    """QUIT on a check question ends the run unfinished and drops that rating, so resuming
    asks the skill again together with its check."""
    asker = ScriptedAsker(by_skill=lambda s: 4, checks=[Nav.QUIT])
    outcome = run(TINY, asker, QuizState(mode=Mode.FULL, verify=True))
    assert not outcome.finished
    assert len(asker.checked) == 1
    skill = asker.checked[0].skill
    assert skill not in outcome.state.answers
    assert outcome.state.checked == {}
    again = ScriptedAsker(by_skill=lambda s: 4)
    resumed = run(TINY, again, outcome.state)
    assert resumed.finished
    assert skill in [c.skill for c in again.checked]


def test_file_asker_answers_checks_from_the_file() -> None:
    """FileAsker picks the right option unless the file records the check as missed."""
    check = choose_check(TINY, "spreadsheets")
    assert check is not None
    assert FileAsker({}).check(check) == check.answer
    assert FileAsker({}, {"spreadsheets": False}).check(check) != check.answer
    assert FileAsker({}, {"spreadsheets": False}).check(check) in check.options


def test_choose_check_cycles_through_the_bank() -> None:
    """choose_check gives a check for the skill, another one on retry, None if it has none."""
    bank = [c for c in SHIPPED.checks if c.skill == "spreadsheets"]
    assert len(bank) >= 2
    assert choose_check(SHIPPED, "spreadsheets", 0) == bank[0]
    assert choose_check(SHIPPED, "spreadsheets", 1) == bank[1]
    assert choose_check(SHIPPED, "spreadsheets", len(bank)) == bank[0]
    assert choose_check(TINY, "typing") is None


# -- odd knowledge bases -------------------------------------------------------------------


def test_one_role_knowledge_base_asks_its_skills_and_stops(write_kb: Callable[..., Path]) -> None:
    """With a single role, the quick quiz asks that role's skills and ends without crashing."""
    kb = load(write_kb(kb_text(roles="roles:\n" + role("clerk", skills="{typing: 2}"))))
    selector = Selector(kb)
    assert selector.next_skill(Mode.QUICK) is not None
    asker = ScriptedAsker(by_skill=lambda s: 2)
    outcome = run(kb, asker, QuizState(mode=Mode.QUICK))
    assert outcome.finished
    assert "typing" in asker.rated
    assert len(asker.rated) == len(set(asker.rated)) <= len(kb.skills)
    assert rank(kb, outcome.state.ratings)[0].role == "clerk"


def test_empty_family_asks_nothing(write_kb: Callable[..., Path]) -> None:
    """A family with no roles gives no question to ask: the quiz ends at once."""
    families = FAMILIES + "  empty:\n    name: Empty\n    summary: No roles yet.\n"
    kb = load(write_kb(kb_text(families=families)))
    assert Selector(kb, "empty").next_skill(Mode.QUICK) is None
    assert Selector(kb, "empty").remaining_estimate(Mode.QUICK) >= 0
    for mode in Mode:
        asker = ScriptedAsker()
        outcome = run(kb, asker, QuizState(mode=mode, family="empty"))
        assert outcome.finished
        assert asker.rated == []
        assert outcome.state.answers == {}


def test_family_quiz_only_considers_that_family() -> None:
    """A quiz limited to one family ranks a person at that family's role first within it."""
    asker = ScriptedAsker(by_skill=profile(TINY, "cash-clerk"))
    outcome = run(TINY, asker, QuizState(mode=Mode.QUICK, family="money"))
    assert outcome.finished
    assert rank(TINY, outcome.state.ratings, family="money")[0].role == "cash-clerk"
