"""The flow of the skill quiz: ask, record, go back, quit, resume. No terminal here.

The flow talks to the person through an :class:`Asker`; ``bocareer.tty.asker.QuestionaryAsker``
is the real one, ``FileAsker`` answers from an answers file, and tests plug in scripted ones.
Which question comes next is :mod:`bocareer.quiz.selector`'s business.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from bocareer.models import Check, KnowledgeBase, Skill
from bocareer.quiz.selector import Mode, Selector


class Nav(Enum):
    """Answers that are not ratings."""

    BACK = "back"
    QUIT = "quit"


#: What an Asker returns for a rating question: 0-5, None for "not sure", or a navigation.
Reply = int | None | Nav


class Asker(Protocol):
    """Asks the person; implemented by prompts.QuestionaryAsker, FileAsker and test fakes."""

    def rate(self, skill: Skill, number: int, total: int, can_go_back: bool) -> Reply:
        """Ask for a rating of ``skill``: question ``number`` of about ``total``."""

    def check(self, check: Check) -> str | Nav:
        """Ask a check question; return the chosen option."""


@dataclass
class QuizState:
    """Everything needed to resume a quiz: saved after every answer."""

    mode: Mode = Mode.QUICK
    family: str | None = None
    verify: bool = False
    answers: dict[str, int | None] = field(default_factory=dict)
    """Skill -> rating 0-5, or None for "not sure"; in the order asked."""
    checked: dict[str, bool] = field(default_factory=dict)
    """Skill -> whether the person answered its check question correctly."""

    @property
    def ratings(self) -> dict[str, int]:
        """Answered ratings, skips left out."""
        return {s: v for s, v in self.answers.items() if v is not None}

    @property
    def missed(self) -> list[str]:
        """Skills whose check question was missed."""
        return [s for s, ok in self.checked.items() if not ok]

    def answers_extra(self) -> dict[str, object]:
        """What an answers file keeps beside the ratings, so `match` can show skips and checks."""
        return {
            "skipped": [s for s, v in self.answers.items() if v is None],
            "asked": list(self.answers),
            "checks": dict(self.checked),
            "family": self.family,
        }

    def to_dict(self) -> dict[str, object]:
        """The saved form (also the answers-file format, plus what resuming needs)."""
        return {
            "ratings": dict(self.ratings),
            "skipped": [s for s, v in self.answers.items() if v is None],
            "asked": list(self.answers),
            "mode": self.mode.value,
            "family": self.family,
            "verify": self.verify,
            "checks": dict(self.checked),
        }


def choose_check(kb: KnowledgeBase, skill: str, seen: int = 0) -> Check | None:
    """A check question for ``skill``; ``seen`` picks another one on a retry."""
    bank = [c for c in kb.checks if c.skill == skill]
    return bank[seen % len(bank)] if bank else None


@dataclass
class Outcome:
    """How a quiz run ended."""

    state: QuizState
    finished: bool
    """False when the person chose to quit; the state holds what they answered."""


def run(
    kb: KnowledgeBase,
    asker: Asker,
    state: QuizState,
    on_answer: object = None,
) -> Outcome:
    """Ask until the quiz is done or the person quits, saving through ``on_answer`` each time.

    Replays ``state.answers`` first, so a resumed quiz continues where it stopped.
    """
    history = list(state.answers.items())
    state.answers = {}
    selector = Selector(kb, state.family)
    for skill, rating in history:
        if skill in kb.skills:
            state.answers[skill] = rating
            selector.answer(skill, rating)
    while True:
        next_skill = selector.next_skill(state.mode)
        if next_skill is None:
            return Outcome(state, finished=True)
        skill = next_skill
        number = len(state.answers) + 1
        total = number + selector.remaining_estimate(state.mode) - 1
        reply = asker.rate(kb.skills[skill], number, max(total, number), bool(state.answers))
        if reply is Nav.QUIT:
            return Outcome(state, finished=False)
        if reply is Nav.BACK:
            if state.answers:
                last = list(state.answers)[-1]
                del state.answers[last]
                state.checked.pop(last, None)
                selector = Selector(kb, state.family)
                for s, v in state.answers.items():
                    selector.answer(s, v)
                _saved(on_answer, state)
            continue
        state.answers[skill] = reply
        selector.answer(skill, reply)
        _saved(on_answer, state)  # before any check question: Ctrl-C there keeps the rating
        if state.verify and reply is not None and reply >= 3:
            check = choose_check(kb, skill)
            if check is not None:
                picked = asker.check(check)
                if picked is Nav.QUIT:
                    # Forget the rating too, so that resuming asks it again with its check.
                    del state.answers[skill]
                    _saved(on_answer, state)
                    return Outcome(state, finished=False)
                if not isinstance(picked, Nav):
                    state.checked[skill] = picked == check.answer
                    _saved(on_answer, state)


def _saved(on_answer: object, state: QuizState) -> None:
    if callable(on_answer):
        on_answer(state)


class FileAsker:
    """Answers the quiz from an answers file: a skill the file does not rate counts as 0."""

    def __init__(
        self, ratings: Mapping[str, int], checks: Mapping[str, bool] | None = None
    ) -> None:
        self.ratings = ratings
        self.checks = checks or {}

    def rate(self, skill: Skill, number: int, total: int, can_go_back: bool) -> Reply:
        """The file's rating, or 0."""
        return self.ratings.get(skill.id, 0)

    def check(self, check: Check) -> str | Nav:
        """The right answer unless the file records the check as missed."""
        if self.checks.get(check.skill, True):
            return check.answer
        return next(o for o in check.options if o != check.answer)


#: How many answers the quiz offers to revisit when they carry no signal.
REVISIT = 5


def revisit(kb: KnowledgeBase, asker: Asker, state: QuizState, on_answer: object = None) -> None:
    """Ask a few answered skills again (after a flat-answers warning)."""
    for skill in [s for s, v in state.answers.items() if v is not None][:REVISIT]:
        reply = asker.rate(kb.skills[skill], 1, 1, can_go_back=False)
        if reply is Nav.QUIT:
            return
        if not isinstance(reply, Nav):
            state.answers[skill] = reply
            if callable(on_answer):
                on_answer(state)
