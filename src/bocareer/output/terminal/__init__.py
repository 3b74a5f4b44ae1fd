"""Results drawn for a person at a terminal, with Rich: one view per result type."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from bocareer import results as r
from bocareer.output.terminal import advice, browse

_VIEWS: dict[type, Callable[[Any], list[Any]]] = {
    r.RolesResult: browse.roles,
    r.RoleSheet: browse.role,
    r.SkillsResult: browse.skills,
    r.FamiliesResult: browse.families,
    r.PathResult: browse.path,
    r.AboutResult: browse.about,
    r.CompareResult: browse.compare,
    r.ValidateResult: browse.validate,
    r.MatchResult: advice.matches,
    r.GapResult: advice.gap,
    r.LearnResult: advice.learn,
    r.NextResult: advice.next_moves,
    r.OccupationsResult: advice.occupations,
    r.TypingResult: advice.typing,
}


def render(result: object) -> list[Any]:
    """The Rich renderables for a result (an empty list when there is nothing to show)."""
    return _VIEWS[type(result)](result)


def supports(result_type: type) -> bool:
    """Whether a result has a terminal view."""
    return result_type in _VIEWS
