"""The quiz flow (bocareer.quiz) driven by scripted askers: no terminal involved."""

from __future__ import annotations

import random
from collections.abc import Callable, Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bocareer.kb.load import load, shipped_path
from bocareer.models import Area, Check, KnowledgeBase, Skill
from bocareer.quiz.fileasker import FileAsker
from bocareer.quiz.flow import (
    QUICK_ESTIMATE,
    SLACK,
    Nav,
    Outcome,
    QuizState,
    Reply,
    _progress,
    choose_check,
    revisit,
    run,
    to_revisit,
)
from bocareer.quiz.selector import Mode, Selector
from bocareer.scoring import rank
from kb_text import FAMILIES, role
from kb_text import kb as kb_text

if TYPE_CHECKING:
    from bocareer.occupations.start import Start

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
    """Replays a list of replies (or a function of the skill) and records every question asked.

    The first questions of the quick quiz (kinds of work, the checklists) are answered from
    ``by_skill`` too: an area when one of its skills is 2 or more, a checklist skill when it is
    at the level the checklist asks.
    """

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
        self.assumed: list[int | None] = []
        self.first: list[str] = []
        """The opening questions, in order: "areas", "checklist-2", "checklist-3"."""

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        self.rated.append(skill.id)
        self.can_go_back.append(can_go_back)
        self.numbers.append((number, total))
        self.assumed.append(assumed)
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

    def _has(self, skill: str, level: int) -> bool:
        if self.by_skill is None:
            return False
        reply = self.by_skill(skill)
        return isinstance(reply, int) and reply >= level

    def areas(
        self, areas: Sequence[Area], total: int, suggested: Collection[str] = ()
    ) -> list[str] | Nav:
        self.first.append("areas")
        self.numbers.append((1, total))
        return [a.id for a in areas if any(self._has(s, 2) for s in a.skills)]

    def checklist(
        self,
        skills: Sequence[Skill],
        number: int,
        total: int,
        level: int,
        suggested: Collection[str] = (),
    ) -> list[str] | Nav:
        self.first.append(f"checklist-{level}")
        self.numbers.append((number, total))
        return [s.id for s in skills if self._has(s.id, level)]

    def measure(self, skill: Skill, claimed: int) -> None:
        return None


def profile(kb: KnowledgeBase, role_id: str) -> Callable[[str], int]:
    """Answers as a person exactly at a role's levels would give them (0 elsewhere)."""
    skills = kb.roles[role_id].skills
    return lambda s: skills.get(s, 0)


# -- quick and full ------------------------------------------------------------------------


@pytest.mark.parametrize("role_id", QUIZ_ROLES)
def test_quick_quiz_finds_the_role_of_a_person_at_its_profile(role_id: str) -> None:
    """The quick quiz asks at most QUICK_ESTIMATE + SLACK questions in all (the opening
    questions included), no skill twice, and its top match is the person's role."""
    asker = ScriptedAsker(by_skill=profile(SHIPPED, role_id))
    outcome = run(SHIPPED, asker, QuizState(mode=Mode.QUICK))
    assert outcome.finished
    assert asker.first[0] == "areas", "the quick quiz starts broad"
    assert len(asker.first) + len(asker.rated) <= QUICK_ESTIMATE + SLACK
    assert len(asker.rated) == len(set(asker.rated)), "a skill was asked twice"
    assert list(outcome.state.answers) == asker.rated
    assert rank(SHIPPED, outcome.state.ratings)[0].role == role_id


@pytest.mark.parametrize("role_id", QUIZ_ROLES)
def test_quick_quiz_progress_never_misleads(role_id: str) -> None:
    """Question N of about T: N counts up one at a time from 1, T is never below N, and T never
    rises more than SLACK above the first estimate shown."""
    asker = ScriptedAsker(by_skill=profile(SHIPPED, role_id))
    run(SHIPPED, asker, QuizState(mode=Mode.QUICK))
    numbers = [n for n, _ in asker.numbers]
    totals = [t for _, t in asker.numbers]
    assert numbers == list(range(1, len(numbers) + 1))
    assert all(t >= n for n, t in asker.numbers)
    assert max(totals) <= totals[0] + SLACK
    assert totals[0] == QUICK_ESTIMATE


# -- the progress line: "question N of about M" --------------------------------------------


class Recording(FileAsker):
    """Answers as an answers file is read (optionally "not sure" to every ``unsure``-th rating)
    and records every "question N of about M" shown, the opening questions included."""

    def __init__(self, ratings: dict[str, int], unsure: int = 0) -> None:
        super().__init__(ratings)
        self.unsure = unsure
        self.shown: list[tuple[int, int]] = []
        self.rated = 0

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        self.shown.append((number, total))
        self.rated += 1
        if self.unsure and self.rated % self.unsure == 0:
            return None
        return super().rate(skill, number, total, can_go_back, assumed)

    def areas(
        self, areas: Sequence[Area], total: int, suggested: Collection[str] = ()
    ) -> list[str] | Nav:
        self.shown.append((1, total))
        return super().areas(areas, total, suggested)

    def checklist(
        self,
        skills: Sequence[Skill],
        number: int,
        total: int,
        level: int,
        suggested: Collection[str] = (),
    ) -> list[str] | Nav:
        self.shown.append((number, total))
        return super().checklist(skills, number, total, level, suggested)


def simulated_people() -> list[tuple[str, dict[str, int], str]]:
    """(who, their ratings, their own role): every shipped role's own profile, and mixed ones:
    careers over two or three roles (the higher level of each skill, with noise; the last role
    is theirs), and one role's profile with noise and a few extras."""
    rng = random.Random(11)
    roles = sorted(SHIPPED.roles)
    people = [(r, dict(SHIPPED.roles[r].skills), r) for r in roles]
    for _ in range(40):
        picked = rng.sample(roles, rng.choice([2, 3]))
        career: dict[str, int] = {}
        for r in picked:
            for s, lv in SHIPPED.roles[r].skills.items():
                career[s] = max(career.get(s, 0), min(5, max(0, lv + rng.choice((-2, -1, 0, 1)))))
        people.append(("+".join(picked), career, picked[-1]))
        one = rng.choice(roles)
        noisy = {
            s: min(5, max(0, lv + rng.choice((-1, 0, 1))))
            for s, lv in SHIPPED.roles[one].skills.items()
        }
        for s in rng.sample(sorted(SHIPPED.skills), 3):
            noisy.setdefault(s, rng.randint(1, 3))
        people.append((f"noisy {one}", noisy, one))
    return people


#: Starting jobs for the simulations: none, the person's own (last) role, another role, and
#: O*NET occupations outside the roles (retail, care, teaching, warehouses).
STARTS = ["none", "own role", "other role", "occupation"]
OCCUPATIONS = ["41-2011.00", "41-1011.00", "31-1131.00", "53-7062.00", "25-2021.00"]


def _start_for(kind: str, own: str, n: int) -> Start | None:
    from bocareer.occupations.start import resolve, role_start

    roles = sorted(SHIPPED.roles)
    if kind == "own role":
        return role_start(SHIPPED, own)
    if kind == "other role":
        return role_start(SHIPPED, roles[(7 * n + 3) % len(roles)])
    if kind == "occupation":
        return resolve(SHIPPED, OCCUPATIONS[n % len(OCCUPATIONS)])
    return None


@pytest.mark.parametrize("start_kind", STARTS)
def test_the_progress_line_is_honest_over_many_simulated_quizzes(start_kind: str) -> None:
    """Over every role's own profile and mixed ones, some answering "not sure" now and then,
    with and without a starting job, every "question N of about M" shown has N <= M; M equals N
    only on the last question ("6 of about 6" is never followed by a seventh); a quiz that ends
    at its limit ends on "N of about N"; the estimate never rises more than SLACK above the
    first one shown, nor does the quiz ask more than that. (A quiz may end before its estimate:
    "about 12" and done at 7 misleads nobody; one going on past "6 of about 6" would.)"""
    from bocareer.quiz.flow import begin, limit_of, usual_of

    problems: list[str] = []
    on_estimate = 0
    for n, (name, truth, own) in enumerate(simulated_people()):
        start = _start_for(start_kind, own, n)
        state = begin(QuizState(mode=Mode.QUICK, seed=1, verify=n % 5 == 0), start)
        asker = Recording(truth, unsure=4 if n % 3 == 0 else 0)
        outcome = run(SHIPPED, asker, state, current=start.role if start else None)
        assert outcome.finished
        shown, asked = asker.shown, len(asker.shown)
        numbers, totals = [q for q, _ in shown], [t for _, t in shown]
        first = totals[0]
        where = f"{name} (from {start.key if start else '-'}): {shown}"
        if numbers != list(range(1, asked + 1)):
            problems.append(f"questions not numbered 1, 2, 3 ...: {where}")
        if any(q > t for q, t in shown):
            problems.append(f"a question beyond its estimate: {where}")
        if any(q == t for q, t in shown[:-1]):
            problems.append(f"'N of about N' and then another question: {where}")
        if asked == limit_of(state) and totals[-1] != asked:
            problems.append(f"ended at the limit, not on its estimate: {where}")
        if max(totals) > first + SLACK or asked > first + SLACK:
            problems.append(f"more than {SLACK} above the first estimate: {where}")
        if first != usual_of(state):
            problems.append(f"the first estimate is not the usual one: {where}")
        on_estimate += totals[-1] == asked
    assert not problems, f"{len(problems)} quizzes mislead, e.g.\n" + "\n".join(problems[:5])
    assert on_estimate, "no quiz ended on its estimate: the look ahead never says 'the last one'"


def test_n_of_about_n_only_when_nothing_can_follow() -> None:
    """The "of about" shown: one more than the question on screen while another may follow,
    however low the estimate; the question itself only when the quiz ends after it."""
    state = QuizState(mode=Mode.QUICK, shown_total=QUICK_ESTIMATE)
    assert _progress(state, 6, 6, 14, last=False) == 7
    assert _progress(state, 6, 6, 14, last=True) == 6
    assert _progress(state, 6, 9, 14, last=False) == 9
    assert _progress(state, 6, 20, 20, last=False) == QUICK_ESTIMATE + SLACK
    assert _progress(state, 14, 14, 14) == 14, "at the limit nothing can follow"
    full = QuizState(mode=Mode.FULL)
    assert [_progress(full, q, 63, 63, q == 63) for q in (1, 62, 63)] == [63, 63, 63]


def test_a_saved_first_estimate_bounds_the_quiz_too(write_kb: Callable[..., Path]) -> None:
    """A saved quiz whose first estimate was low stops SLACK above it, as its progress line
    promises; a knowledge base of two skills is honest too."""
    state = QuizState(mode=Mode.QUICK, areas=[], rounds=[], shown_total=3)
    asker = Recording(dict(SHIPPED.roles["business-analyst"].skills))
    run(SHIPPED, asker, state)
    assert 0 < len(asker.shown) <= 3 + SLACK
    assert all(q <= t <= 3 + SLACK for q, t in asker.shown)
    assert asker.shown[-1][0] == asker.shown[-1][1] == 3 + SLACK

    one = load(write_kb(kb_text(roles="roles:\n" + role("clerk", skills="{typing: 2}"))))
    fresh = Recording({"typing": 2})
    run(one, fresh, QuizState(mode=Mode.QUICK))
    assert fresh.shown
    assert all(q < t for q, t in fresh.shown[:-1])
    assert fresh.shown[-1][0] <= fresh.shown[-1][1]


def test_a_measured_level_replaces_the_claim_in_the_selector() -> None:
    """Answering a skill again (a typing test's level) leaves the selector as if it had been
    answered once with that level: the look ahead and a resumed quiz see the same."""
    twice = Selector(SHIPPED)
    twice.answer("typing", 4)
    twice.answer("typing", 2)
    once = Selector(SHIPPED)
    once.answer("typing", 2)
    assert twice.ratings == once.ratings
    assert twice.logpost == pytest.approx(once.logpost)
    copy = once.after("spreadsheets", 3)
    assert "spreadsheets" not in once.asked
    assert copy.ratings == {"typing": 2, "spreadsheets": 3}


def test_the_opening_checklist_counts_a_tick_at_its_level() -> None:
    """A skill ticked in a checklist counts at the highest level it was ticked at until it is
    rated; each "do well" or "advanced" list offers the skills ticked one level below."""
    person = profile(SHIPPED, "payroll-manager")
    asker = ScriptedAsker(by_skill=person)
    outcome = run(SHIPPED, asker, QuizState(mode=Mode.QUICK))
    state = outcome.state
    assert state.rounds
    assert state.ticked
    for skill, level in state.ticked.items():
        if skill not in state.answers:
            assert state.ratings[skill] == level
            assert skill in state.assumed_kept
            assert level <= person(skill), "a tick never claims more than the person has"
    levels = [r.level for r in state.rounds]
    assert levels == sorted(levels)
    for deeper in (r for r in state.rounds if r.level > 3):
        below = {s for r in state.rounds if r.level == deeper.level - 1 for s in r.ticked}
        assert set(deeper.offered) <= below


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
    assert asker.first == [], "the full quiz asks every skill, with no opening questions"
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
    """Quit after 3 answers, run again with that state: nothing is re-asked, the end is the same.
    (The person: a medical billing executive who also did a medical secretary's work a level
    below it, so that the quick quiz has ratings left to ask after its checklists.)"""
    mixed = dict(SHIPPED.roles["medical-billing-executive"].skills)
    for skill, need in SHIPPED.roles["medical-secretary"].skills.items():
        mixed[skill] = max(1, need - 1)

    def answer(skill: str) -> int:
        return mixed.get(skill, 0)

    whole = ScriptedAsker(by_skill=answer)
    uninterrupted = run(SHIPPED, whole, QuizState(mode=mode))
    assert len(whole.rated) > 3

    first = ScriptedAsker([answer(s) for s in whole.rated[:3]] + [Nav.QUIT], by_skill=answer)
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
    state = QuizState(mode=Mode.FULL, verify=True)
    check = choose_check(TINY, "filing", 3, state.seed)
    assert check is not None
    wrong = next(o for o in check.options if o != check.answer)
    asker = ScriptedAsker(by_skill=lambda s: 3 if s == "filing" else 0, checks=[wrong])
    outcome = run(TINY, asker, state)
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
    check = choose_check(TINY, "spreadsheets", 3, 1)
    assert check is not None
    assert FileAsker({}).check(check) == check.answer
    assert FileAsker({}, {"spreadsheets": False}).check(check) != check.answer
    assert FileAsker({}, {"spreadsheets": False}).check(check) in check.options


def test_choose_check_tests_the_level_claimed() -> None:
    """A claim gets a question of the highest level at or below it; never one above it."""
    for skill in {c.skill for c in SHIPPED.checks}:
        levels = sorted({c.level for c in SHIPPED.checks if c.skill == skill})
        for claim in range(1, 6):
            got = choose_check(SHIPPED, skill, claim, 3)
            below = [lv for lv in levels if lv <= claim]
            if not below:
                assert got is None
            else:
                assert got is not None
                assert got.level == max(below)
    assert choose_check(TINY, "typing", 5, 1) is None


def test_every_check_question_can_be_asked() -> None:
    """Over seeds and claims, every question of the bank comes up."""
    seen = {
        (c.skill, c.question)
        for seed in range(40)
        for claim in range(1, 6)
        for skill in {c.skill for c in SHIPPED.checks}
        if (c := choose_check(SHIPPED, skill, claim, seed)) is not None
    }
    assert seen == {(c.skill, c.question) for c in SHIPPED.checks}


def test_check_options_are_shuffled_by_the_seed() -> None:
    """The same seed gives the same order (a resumed quiz asks the same); seeds differ."""
    orders = {choose_check(SHIPPED, "sql", 5, seed).options for seed in range(20)}  # type: ignore[union-attr]
    assert len(orders) > 1
    assert choose_check(SHIPPED, "sql", 5, 9) == choose_check(SHIPPED, "sql", 5, 9)
    first = choose_check(SHIPPED, "sql", 5, 9)
    assert first is not None
    bank = next(c for c in SHIPPED.checks if c.question == first.question)
    assert sorted(first.options) == sorted(bank.options)
    assert first.answer == bank.answer


# -- revisit -------------------------------------------------------------------------------


def test_revisit_asks_the_skipped_answers_not_the_real_one() -> None:
    """After 19 skips and one real answer, the revisit offers skipped questions."""
    skills = sorted(SHIPPED.skills)[:20]
    state = QuizState(mode=Mode.FULL, answers=dict.fromkeys(skills[:19]) | {skills[19]: 3})
    chosen = to_revisit(state)
    assert chosen
    assert skills[19] not in chosen
    assert all(state.answers[s] is None for s in chosen)
    asker = ScriptedAsker(by_skill=lambda s: 2)
    revisit(SHIPPED, asker, state)
    assert asker.rated == chosen
    assert [n for n, _ in asker.numbers] == list(range(1, len(chosen) + 1))
    assert all(state.answers[s] == 2 for s in chosen)
    assert state.answers[skills[19]] == 3


def test_revisit_of_flat_answers_leaves_the_different_ones() -> None:
    """Without skips, the revisit offers the answers that share the common value."""
    skills = sorted(SHIPPED.skills)[:8]
    answers: dict[str, int | None] = dict.fromkeys(skills, 2)
    answers[skills[3]] = 5
    state = QuizState(mode=Mode.FULL, answers=answers)
    chosen = to_revisit(state)
    assert skills[3] not in chosen
    assert chosen
    assert all(answers[s] == 2 for s in chosen)


# -- odd knowledge bases -------------------------------------------------------------------


def test_one_role_knowledge_base_asks_its_skills_and_stops(write_kb: Callable[..., Path]) -> None:
    """With a single role, the quick quiz asks that role's skills and ends without crashing."""
    kb = load(write_kb(kb_text(roles="roles:\n" + role("clerk", skills="{typing: 2}"))))
    selector = Selector(kb)
    assert selector.next_skill(Mode.QUICK, QUICK_ESTIMATE) is not None
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
    assert Selector(kb, "empty").next_skill(Mode.QUICK, QUICK_ESTIMATE) is None
    assert Selector(kb, "empty").remaining_estimate(Mode.QUICK, QUICK_ESTIMATE) >= 0
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


# -- starting from a job --------------------------------------------------------------------


class Unticking(ScriptedAsker):
    """Ticks nothing in any list (and records what came ticked); rates everything 0."""

    def __init__(self) -> None:
        super().__init__(by_skill=lambda s: 0)
        self.suggested: list[tuple[int, set[str]]] = []

    def checklist(
        self,
        skills: Sequence[Skill],
        number: int,
        total: int,
        level: int,
        suggested: Collection[str] = (),
    ) -> list[str] | Nav:
        self.suggested.append((level, set(suggested)))
        return []


def test_unticking_what_the_job_suggests_lowers_it() -> None:
    """A skill the starting job suggests at 3, left unticked in a "done on your own" list, ends
    at 1 or less: the person's answer wins over the job's guess."""
    from bocareer.occupations.start import resolve
    from bocareer.quiz.flow import begin

    start = resolve(SHIPPED, "41-1011.00")
    state = begin(QuizState(mode=Mode.QUICK), start)
    asker = Unticking()
    run(SHIPPED, asker, state)
    assert state.rounds
    for level, offered, ticked in state.rounds:
        assert ticked == []
        for skill in offered:
            assert state.ratings.get(skill, 0) <= level - 1, (skill, level)
    # Only what the job surely shows came ticked, and never above what it suggests.
    for level, suggested in asker.suggested:
        for skill in suggested:
            assumed, sure = state.assumed[skill]
            assert sure
            assert assumed >= level
