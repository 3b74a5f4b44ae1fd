"""Answering the quiz from an answers file (``quiz --answers``): the same flow, no person."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from bocareer.models import Area, Check, Skill
from bocareer.quiz.state import Nav, Reply


class FileAsker:
    """Answers the quiz from an answers file: a skill the file does not rate counts as 0, or
    keeps the level a starting job suggests; an area counts as chosen when the file rates one
    of its skills 2 (done on one's own) or more."""

    def __init__(
        self, ratings: Mapping[str, int], checks: Mapping[str, bool] | None = None
    ) -> None:
        self.ratings = ratings
        self.checks = checks or {}

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        """The file's rating, else the assumed level, else 0."""
        if skill.id in self.ratings:
            return self.ratings[skill.id]
        return assumed if assumed is not None else 0

    def check(self, check: Check) -> str | Nav:
        """The right answer unless the file records the check as missed."""
        if self.checks.get(check.skill, True):
            return check.answer
        return next(o for o in check.options if o != check.answer)

    def areas(
        self, areas: Sequence[Area], total: int, suggested: Collection[str] = ()
    ) -> list[str] | Nav:
        """The areas with a skill the file rates 2 (done on one's own) or more."""
        return [a.id for a in areas if any(self.ratings.get(s, 0) >= 2 for s in a.skills)]

    def checklist(
        self,
        skills: Sequence[Skill],
        number: int,
        total: int,
        level: int,
        suggested: Collection[str] = (),
    ) -> list[str] | Nav:
        """The skills the file rates ``level`` or more."""
        return [s.id for s in skills if self.ratings.get(s.id, 0) >= level]

    def measure(self, skill: Skill, claimed: int) -> None:
        """No test from a file: the file's rating stands."""
        return
