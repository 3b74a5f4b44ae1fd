"""The flow of the skill quiz: ask, record, go back, quit, resume. No terminal here.

The flow talks to the person through an :class:`Asker`; ``bocareer.tty.asker.QuestionaryAsker``
is the real one, ``quiz.fileasker.FileAsker`` answers from a file, and tests plug in scripted ones.
Which question comes next is :mod:`bocareer.quiz.selector`'s business.

The quick quiz starts broad, the way a counsellor does: from the job the person names
(``--from``), whose levels it then confirms rather than re-asks, or else with one multiple-choice
question on the kinds of work they have done. Its progress line never misleads: "question 6 of
about 6" is shown only when no seventh can follow, whatever the answer, and the first estimate
("of about 12") never grows by more than two, because the quiz stops there.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from bocareer.models import Check, KnowledgeBase
from bocareer.quiz.selector import FLOOR, GENERIC_SHARE, STRONG, Mode, Selector
from bocareer.quiz.state import Asker, Nav, Outcome, QuizState, Reply, Round

if TYPE_CHECKING:
    from bocareer.occupations.start import Start

__all__ = ["Asker", "Nav", "Outcome", "QuizState", "Reply", "choose_check", "revisit", "run"]

#: The quick quiz's questions: about QUICK_ESTIMATE, never more than that plus 2 ...
QUICK_ESTIMATE = 12
#: ... and with a starting job, about START_ESTIMATE.
START_ESTIMATE = 8
#: The most the first estimate may grow.
SLACK = 2
#: A checklist offers at most this many skills ...
CHECKLIST_SIZE = 20
#: The distinctive skills come in this many lists at most ...
FIRST_LISTS = 2
#: ... and a "do well" or "advanced" list only for this many skills or more (one skill is asked
#: as a rating instead).
MIN_DEEPER = 2


def choose_check(kb: KnowledgeBase, skill: str, claimed: int, seed: int) -> Check | None:
    """A check question for a claim of ``claimed`` in ``skill``: one that tests that level (a
    person at it answers right, one two levels below usually does not), else the nearest level
    below it; None when the bank has none at or below the claim. ``seed`` picks among several
    and shuffles the options, so a test can fix both."""
    bank = [c for c in kb.checks if c.skill == skill and c.level <= claimed]
    if not bank:
        return None
    level = max(c.level for c in bank)
    candidates = [c for c in bank if c.level == level]
    rng = random.Random(f"{seed}:{skill}")
    chosen = candidates[rng.randrange(len(candidates))]
    options = list(chosen.options)
    rng.shuffle(options)
    return chosen._replace(options=tuple(options))


def selector_for(kb: KnowledgeBase, state: QuizState) -> Selector:
    """A selector that knows everything the state holds: areas, assumed levels, answers."""
    selector = Selector(kb, state.family)
    if state.areas is not None:
        selector.areas(kb.areas, state.areas)
    for skill, (level, sure) in state.assumed.items():
        if skill in kb.skills:
            selector.assume(skill, level, sure)
    for level, offered, ticked in state.rounds or ():
        selector.checklist(
            [s for s in offered if s in kb.skills], [s for s in ticked if s in kb.skills], level
        )
    for skill, rating in state.answers.items():
        selector.answer(skill, rating)
    return selector


def begin(state: QuizState, start: Start | None) -> QuizState:
    """A quiz that starts from a job: its levels are assumed until asked."""
    if start is not None:
        state.start = start.key
        state.assumed = {s: (a.level, a.sure) for s, a in start.profile.items()}
    return state


def usual_of(state: QuizState) -> int:
    """How many questions the quick quiz usually asks: its first estimate."""
    return START_ESTIMATE if state.start else QUICK_ESTIMATE


def limit_of(state: QuizState) -> int:
    """The most questions the quick quiz asks (the areas question included): SLACK above the
    usual estimate, or above the first one shown if that was less (as the progress line says)."""
    usual = usual_of(state)
    first = usual if state.shown_total is None else min(state.shown_total, usual)
    return first + SLACK


def run(
    kb: KnowledgeBase,
    asker: Asker,
    state: QuizState,
    on_answer: object = None,
    current: str | None = None,
    level: int | None = None,
) -> Outcome:
    """Ask until the quiz is done or the person quits, saving through ``on_answer`` each time.

    Resumes where ``state`` stopped. ``current`` is the person's own role (their starting job,
    when it is a role) and ``level`` their preparation level from it: the quiz settles on where
    to go, as the final ranking will rank it, not on where they are.
    """
    state.answers = {s: v for s, v in state.answers.items() if s in kb.skills}
    quick = state.mode is Mode.QUICK
    if quick and state.areas is None and kb.areas and not state.answers:
        shown = {s for s in state.assumed if _surely(state, s, STRONG)}
        suggested = [a.id for a in kb.areas if shown & set(a.skills)]
        total = _progress(state, 1, usual_of(state), limit_of(state))
        picked = asker.areas(kb.areas, total, suggested)
        if picked is Nav.QUIT:
            return Outcome(state, finished=False)
        if not isinstance(picked, Nav):
            known = {a.id for a in kb.areas}
            state.areas = [a for a in picked if a in known]
            _saved(on_answer, state)
    selector = selector_for(kb, state)
    if quick and not state.answers:
        found = _checklists(kb, asker, state, selector, current)
        if found is Nav.QUIT:
            return Outcome(state, finished=False)
        _saved(on_answer, state)
    if state.verify:
        for skill, ticked_at in state.ticked.items():
            if ticked_at >= STRONG and skill not in state.checked and skill not in state.measured:
                if not _verify(kb, asker, state, selector, skill, ticked_at):
                    return Outcome(state, finished=False)
                _saved(on_answer, state)
    asked_first = state.opening
    while True:
        limit = limit_of(state) - asked_first
        next_skill = selector.next_skill(state.mode, limit, exclude=current, level=level)
        if next_skill is None:
            return Outcome(state, finished=True)
        skill = next_skill
        number = len(state.answers) + 1 + asked_first
        total = _rating_progress(state, selector, skill, number, limit, current, level)
        assumed = state.assumed.get(skill, (None, False))[0]
        reply = asker.rate(kb.skills[skill], number, total, bool(state.answers), assumed)
        if reply is Nav.QUIT:
            return Outcome(state, finished=False)
        if reply is Nav.BACK:
            if state.answers:
                last = list(state.answers)[-1]
                del state.answers[last]
                state.checked.pop(last, None)
                state.measured.pop(last, None)
                selector = selector_for(kb, state)
                _saved(on_answer, state)
            continue
        state.answers[skill] = reply
        selector.answer(skill, reply)
        _saved(on_answer, state)  # before any check question: Ctrl-C there keeps the rating
        if state.verify and reply is not None and reply >= 3:
            if not _verify(kb, asker, state, selector, skill, reply):
                # Forget the rating too, so that resuming asks it again with its check.
                del state.answers[skill]
                _saved(on_answer, state)
                return Outcome(state, finished=False)
            _saved(on_answer, state)


def _verify(
    kb: KnowledgeBase, asker: Asker, state: QuizState, selector: Selector, skill: str, reply: int
) -> bool:
    """Check a claim of 3 or more: measure it (typing) or ask a check question; False when
    the person chose to quit there."""
    if kb.skills[skill].measured:
        measured = _measure(kb, asker, state, skill, reply)
        if measured is Nav.QUIT:
            return False
        if measured is not None:
            selector.answer(skill, state.answers[skill])
        return True
    check = choose_check(kb, skill, reply, state.seed)
    if check is None:
        return True
    option = asker.check(check)
    if option is Nav.QUIT:
        return False
    if not isinstance(option, Nav):
        state.checked[skill] = option == check.answer
    return True


def _measure(
    kb: KnowledgeBase, asker: Asker, state: QuizState, skill: str, claimed: int
) -> int | Nav | None:
    """Offer the test of a measured skill; the level it shows replaces the claim."""
    from bocareer.typingtest import enough, level

    result = asker.measure(kb.skills[skill], claimed)
    if isinstance(result, Nav):
        return result
    if result is None or not enough(result):
        return None  # declined, or too short to measure: the claim stands
    reached = level(kb.skills[skill], result)
    state.answers[skill] = reached
    state.measured[skill] = {
        "claimed": claimed,
        "level": reached,
        "net_wpm": round(result.net_wpm, 1),
        "accuracy": round(result.accuracy, 1),
        "keystrokes_per_hour": round(result.kph),
        "numbers": result.numbers,
    }
    return reached


def generic_skills(kb: KnowledgeBase) -> set[str]:
    """Skills a quarter of the roles or more need: everyone has them to some degree, so a
    checklist does not ask about them (the rating questions do)."""
    counts: dict[str, int] = {}
    for role in kb.roles.values():
        for skill in role.skills:
            counts[skill] = counts.get(skill, 0) + 1
    return {s for s, n in counts.items() if n >= GENERIC_SHARE * len(kb.roles)}


def _checklists(
    kb: KnowledgeBase, asker: Asker, state: QuizState, selector: Selector, current: str | None
) -> Nav | None:
    """The checklist questions, each one question that settles many skills at once: the
    distinctive skills the person has done on their own; without a starting job (which suggests
    them), the skills most roles need that they do well; then, of the skills ticked, which they
    do well, and of those, which at an advanced level. Resumes after the last one asked."""
    if state.rounds is None:
        state.rounds = []
    while (found := _next_round(kb, state, selector, current)) is not None:
        level, skills = found
        number = state.opening + 1
        total = _progress(state, number, usual_of(state), limit_of(state))
        # Only what the job surely shows comes ticked: Enter must not claim a guess.
        suggested = {s for s in skills if _surely(state, s, level)}
        ticked = asker.checklist([kb.skills[s] for s in skills], number, total, level, suggested)
        if ticked is Nav.QUIT:
            return Nav.QUIT
        picked = [] if isinstance(ticked, Nav) else [s for s in ticked if s in skills]
        state.rounds.append(Round(level, skills, picked))
        selector.checklist(skills, picked, level)
    return None


def _next_round(
    kb: KnowledgeBase, state: QuizState, selector: Selector, current: str | None
) -> tuple[int, list[str]] | None:
    """The next checklist question (level, skills), or None when they are done: the skills most
    roles need and the distinctive ones, in one or two lists ("done on your own"); then "do
    well" for those ticked; then "advanced" for those ticked there; then "could teach"."""
    done = state.rounds or []
    by_level = {level: sum(1 for r in done if r.level == level) for level in range(FLOOR, 6)}
    chunks = _first_lists(kb, state)
    if by_level[FLOOR] < len(chunks) and not by_level[STRONG]:
        return FLOOR, chunks[by_level[FLOOR]]
    name = lambda s: kb.skills[s].name.casefold()  # noqa: E731
    ticked = {s: lv for s, lv in state.ticked.items() if s not in state.answers}
    if not by_level[STRONG] and not by_level[4]:
        wanted = {s for s, lv in ticked.items() if lv == FLOOR}
        if len(wanted) >= MIN_DEEPER:
            return STRONG, sorted(wanted, key=name)
    for level in (4, 5):
        if not by_level.get(level) and not any(by_level.get(lv) for lv in range(level + 1, 6)):
            wanted = {s for s, lv in ticked.items() if lv == level - 1}
            if len(wanted) >= MIN_DEEPER:
                return level, sorted(wanted, key=name)
    return None


def _first_lists(kb: KnowledgeBase, state: QuizState) -> list[list[str]]:
    """The "done on your own" lists: the skills most roles need (everyone is asked them, so none
    is left at an unknown 0), and the distinctive skills of the kinds of work chosen and of the
    starting job, CHECKLIST_SIZE at most to a list. Worked out from the opening answers alone, so
    a resumed quiz gets the same lists."""
    generic = generic_skills(kb)
    chosen = set(state.areas or ())
    wanted = [s for a in kb.areas if a.id in chosen for s in a.skills]
    wanted += [s for s, (level, _) in state.assumed.items() if level >= FLOOR]
    counts: dict[str, int] = {}
    for s in wanted:
        if s not in generic:
            counts[s] = counts.get(s, 0) + 1
    distinctive = sorted(counts, key=lambda s: (-counts[s], s))
    ranked = (sorted(generic) + distinctive)[: CHECKLIST_SIZE * FIRST_LISTS]
    lists = max(1, -(-len(ranked) // CHECKLIST_SIZE)) if ranked else 0
    size = -(-len(ranked) // lists) if lists else 0
    return [
        sorted(ranked[i * size : (i + 1) * size], key=lambda s: kb.skills[s].name.casefold())
        for i in range(lists)
    ]


def _surely(state: QuizState, skill: str, level: int) -> bool:
    """Whether the starting job surely shows ``skill`` at ``level`` or more."""
    assumed, sure = state.assumed.get(skill, (0, False))
    return sure and assumed >= level


def _rating_progress(
    state: QuizState,
    selector: Selector,
    skill: str,
    number: int,
    limit: int,
    current: str | None,
    level: int | None,
) -> int:
    """The "of about N" to show with rating question ``number``, on ``skill``."""
    remaining = selector.remaining_estimate(state.mode, limit, exclude=current)
    # "Question 6 of about 6" only when no seventh can follow, whatever the answer (the look
    # ahead is needed only when the estimate says this is the last one).
    last = remaining <= 1 and selector.is_last(
        skill, state.mode, limit, exclude=current, level=level
    )
    most = number - 1 + selector.room(state.mode, limit)
    return _progress(state, number, number - 1 + remaining, most, last)


def _progress(state: QuizState, number: int, estimate: int, most: int, last: bool = False) -> int:
    """The "of about N" to show with question ``number``, from the ``estimate`` of how many
    questions there will be in all and the ``most`` there can be.

    Never fewer than the question on screen, and the question on screen itself only when the
    quiz ends after it whatever the answer (``last``): "question 6 of about 6" is never
    followed by a seventh. In the quick quiz the first estimate shown is the usual length (less
    when there cannot be that many questions), and later ones never more than SLACK above it:
    :func:`limit_of` stops the quiz there.
    """
    floor = number if last or number >= most else number + 1
    shown = max(floor, min(estimate, most))
    if state.mode is Mode.FULL:
        return shown
    if state.shown_total is None:
        state.shown_total = max(shown, min(usual_of(state), most))
        return state.shown_total
    return max(floor, min(shown, state.shown_total + SLACK))


def _saved(on_answer: object, state: QuizState) -> None:
    if callable(on_answer):
        on_answer(state)


#: How many answers the quiz offers to revisit when they carry no signal.
REVISIT = 5


def to_revisit(state: QuizState) -> list[str]:
    """The answers worth asking again after a no-signal warning: the skipped ones first, then
    the flat ones (the value most answers share), never the few that carry the signal."""
    skipped = [s for s, v in state.answers.items() if v is None]
    given = [v for v in state.answers.values() if v is not None]
    common = max(set(given), key=given.count) if given else None
    flat = [s for s, v in state.answers.items() if v is not None and v == common]
    if skipped:
        return skipped[:REVISIT]
    return flat[:REVISIT] if len(flat) > 1 else []


def revisit(kb: KnowledgeBase, asker: Asker, state: QuizState, on_answer: object = None) -> None:
    """Ask the skipped or flat answers again (after a no-signal warning)."""
    chosen = to_revisit(state)
    for n, skill in enumerate(chosen, start=1):
        reply = asker.rate(kb.skills[skill], n, len(chosen), can_go_back=False)
        if reply is Nav.QUIT:
            return
        if not isinstance(reply, Nav):
            state.answers[skill] = reply
            _saved(on_answer, state)
