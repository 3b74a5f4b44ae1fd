"""What `match` and `quiz` do between parsing options and printing: kept out of cli.py.

Knows the flow (load answers, run the quiz, save, rank, warn) but not how options are parsed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bocareer.answers import Answers
from bocareer.errors import UsageError
from bocareer.matching import Match, signal, top_matches
from bocareer.models import KnowledgeBase

if TYPE_CHECKING:  # `match` never needs the quiz: importing it would cost start-up time
    from bocareer.quiz import Mode, QuizState


@dataclass
class Result:
    """Ranked matches and everything needed to show them."""

    matches: list[Match]
    ratings: dict[str, int]
    missed: list[str]
    warnings: list[str] = field(default_factory=list)
    asked: list[str] | None = None
    reprint: str | None = None
    state: QuizState | None = None
    """The quiz that produced this result, if any (what --save writes)."""


def match(kb: KnowledgeBase, answers: Answers, *, top: int, family: str | None) -> Result:
    """Rank the roles for a set of answers."""
    if top < 1:
        raise UsageError("--top must be 1 or more")
    if family is not None:
        kb.family(family)
    asked = answers.asked or tuple(answers.ratings) + answers.skipped
    given: dict[str, float | None] = {s: answers.ratings.get(s) for s in asked}
    for s in answers.skipped:
        given[s] = None
    sig = signal(given, len(asked) or None)
    return Result(
        matches=top_matches(kb, answers.ratings, top, family=family, missed=answers.missed),
        ratings=dict(answers.ratings),
        missed=answers.missed,
        warnings=[sig.warning] if sig.warning else [],
    )


def scripted_quiz(
    kb: KnowledgeBase, answers: Answers, *, mode: Mode, family: str | None, verify: bool, top: int
) -> Result:
    """The quiz flow, answered from a file: the same questions the keyboard would get."""
    from bocareer.quiz import FileAsker, QuizState, run

    if family is not None:
        kb.family(family)
    state = QuizState(mode=mode, family=family, verify=verify)
    outcome = run(kb, FileAsker(answers.ratings, answers.checks), state)
    return finish(kb, outcome.state, top=top)


def finish(kb: KnowledgeBase, state: QuizState, *, top: int, reprint: str | None = None) -> Result:
    """Rank the answers a quiz collected."""
    sig = signal(dict(state.answers))
    return Result(
        matches=top_matches(kb, state.ratings, top, family=state.family, missed=state.missed),
        ratings=state.ratings,
        missed=state.missed,
        warnings=[sig.warning] if sig.warning else [],
        asked=list(state.answers),
        reprint=reprint,
        state=state,
    )


def save_answers(path: Path, state: QuizState) -> None:
    """Write a finished quiz's answers in the --answers format (atomically)."""
    from bocareer.answers import to_yaml
    from bocareer.files import atomic_write

    extra = {
        "skipped": [s for s, v in state.answers.items() if v is None],
        "asked": list(state.answers),
        "checks": dict(state.checked),
        "family": state.family,
    }
    atomic_write(path, to_yaml(state.ratings, extra))
