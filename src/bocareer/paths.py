"""Growth paths: where a role leads, how people get into it, and what each step asks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from bocareer.models import KnowledgeBase

#: Paths are listed in full up to this many; a hand-written ladder has far fewer, and a
#: generated one must not explode the output.
MAX_PATHS = 200


class Gap(NamedTuple):
    """A skill a step asks for beyond what the person (or the current role) has."""

    skill: str
    has: int
    needs: int


def step_gaps(kb: KnowledgeBase, from_role: str, to_role: str) -> list[Gap]:
    """Skills ``to_role`` needs above the level ``from_role`` needs, biggest jump first."""
    have = kb.roles[from_role].skills
    gaps = [
        Gap(s, have.get(s, 0), need)
        for s, need in kb.roles[to_role].skills.items()
        if need > have.get(s, 0)
    ]
    return sorted(gaps, key=lambda g: (g.has - g.needs, g.skill))


def paths_up(kb: KnowledgeBase, role_id: str) -> list[list[str]]:
    """Every path from ``role_id`` up the ladders to a role that leads nowhere further."""
    return _walk(role_id, lambda r: kb.roles[r].next)


def routes_in(kb: KnowledgeBase, role_id: str) -> list[list[str]]:
    """Every path into ``role_id`` from a role no other role leads to, listed bottom-up."""
    return [path[::-1] for path in _walk(role_id, lambda r: kb.previous.get(r, ()))]


def _walk(start: str, step: Callable[[str], Iterable[str]]) -> list[list[str]]:
    out: list[list[str]] = []
    stack: list[list[str]] = [[start]]
    while stack and len(out) < MAX_PATHS:
        path = stack.pop()
        following = [r for r in step(path[-1]) if r not in path]
        if not following:
            if len(path) > 1:
                out.append(path)
            continue
        stack.extend([*path, r] for r in reversed(following))
    return out
