"""What goes into a client report: gathered here, drawn by bocareer.documents."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bocareer.answers import Answers
from bocareer.matching import Match, top_matches
from bocareer.models import KnowledgeBase
from bocareer.planning import GapPlan, gap_plan

#: Reports plan the gaps and draw the ladders of this many best matches.
PLANNED = 2


@dataclass(frozen=True)
class Report:
    """A client's quiz, matched and planned."""

    name: str | None
    date: dt.date
    ratings: dict[str, int]
    missed: tuple[str, ...]
    matches: tuple[Match, ...]
    plans: tuple[GapPlan, ...]
    """Gap plans for the best PLANNED matches."""


def build(
    kb: KnowledgeBase,
    answers: Answers,
    *,
    name: str | None = None,
    top: int = 5,
    today: dt.date | None = None,
) -> Report:
    """Rank the client's answers and plan the best matches."""
    best = top_matches(kb, answers.ratings, top, missed=answers.missed)
    return Report(
        name=name if name is not None else answers.name,
        date=today or dt.date.today(),
        ratings=dict(answers.ratings),
        missed=tuple(answers.missed),
        matches=tuple(best),
        plans=tuple(gap_plan(kb, answers.ratings, m.role, answers.missed) for m in best[:PLANNED]),
    )
