"""Career ladders: where a role leads, how people get into it, and what each step asks.

The growth tree is computed here once, with a bound, and every renderer draws the same tree: a
ladder is a graph, so a role reached a second time is named but not expanded again, and a
generated knowledge base of thousands of roles cannot make a tree of thousands of steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import NamedTuple

from bocareer.models import KnowledgeBase

#: Paths are listed in full up to this many; a hand-written ladder has far fewer, and a
#: generated one must not explode the output.
MAX_PATHS = 200
#: A growth tree shows at most this many steps ...
MAX_TREE_STEPS = 60
#: ... and climbs at most this many steps up (deeper trees do not fit a terminal's width).
MAX_TREE_DEPTH = 10


class Gap(NamedTuple):
    """A skill a step asks for beyond what the person (or the current role) has."""

    skill: str
    has: float
    needs: int


class Need(NamedTuple):
    """One skill a step asks for above what is there: ``has`` (the person's rating as the score
    counts it, or the level the role below needs) and ``needs``."""

    skill: str
    name: str
    has: float
    needs: int


class TreeNode(NamedTuple):
    """One step up a ladder."""

    role: str
    title: str
    needs: tuple[Need, ...]
    children: tuple[TreeNode, ...]
    repeated: bool
    """Reached before: where it leads is shown at its first appearance, not again."""


class GrowthTree(NamedTuple):
    """Where a role leads, as a bounded tree."""

    role: str
    title: str
    children: tuple[TreeNode, ...]
    against_person: bool
    """True: each step's needs are measured against the person's ratings; False: against the
    role one step below."""
    omitted: int
    """Roles the ladders reach from the root that the tree leaves out (past its bounds)."""


def step_gaps(kb: KnowledgeBase, from_role: str, to_role: str) -> list[Gap]:
    """Skills ``to_role`` needs above the level ``from_role`` needs, biggest jump first."""
    return _gaps(kb.roles[from_role].skills, kb.roles[to_role].skills)


def _gaps(have: Mapping[str, float], needs: Mapping[str, int]) -> list[Gap]:
    gaps = [Gap(s, have.get(s, 0), need) for s, need in needs.items() if need > have.get(s, 0)]
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


class _Step:
    """A tree node while it is being built (children are added as the walk finds them)."""

    def __init__(self, role: str, needs: tuple[Need, ...] = (), repeated: bool = False) -> None:
        self.role = role
        self.needs = needs
        self.repeated = repeated
        self.children: list[_Step] = []

    def freeze(self, kb: KnowledgeBase) -> TreeNode:
        # Depth is bounded by MAX_TREE_STEPS, so recursion is safe here.
        return TreeNode(
            self.role,
            kb.roles[self.role].title,
            self.needs,
            tuple(c.freeze(kb) for c in self.children),
            self.repeated,
        )


def growth_tree(
    kb: KnowledgeBase,
    role_id: str,
    person: Mapping[str, float] | None = None,
    limit: int = MAX_TREE_STEPS,
    depth: int = MAX_TREE_DEPTH,
) -> GrowthTree:
    """Where ``role_id`` leads, depth first, each role expanded once, at most ``limit`` steps
    and ``depth`` steps up.

    With ``person`` (ratings as the score counts them), each step shows what it needs above the
    person's own level ("you 2, needs 4"); without, above the level of the role one step below.
    """
    root = _Step(role_id)
    expanded = {role_id}
    drawn = {role_id}
    shown = 0
    # An explicit stack of (node, its next roles) instead of recursion: a 1,500-role ladder
    # must not hit Python's recursion limit.
    stack: list[tuple[_Step, Iterator[str]]] = [(root, iter(kb.roles[role_id].next))]
    while stack:
        node, following = stack[-1]
        nxt = next(following, None)
        if nxt is None:
            stack.pop()
            continue
        if shown >= limit:
            continue
        shown += 1
        drawn.add(nxt)
        have = person if person is not None else kb.roles[node.role].skills
        needs = tuple(
            Need(g.skill, kb.skills[g.skill].name, g.has, g.needs)
            for g in _gaps(have, kb.roles[nxt].skills)
        )
        seen = nxt in expanded
        child = _Step(nxt, needs, repeated=seen and bool(kb.roles[nxt].next))
        node.children.append(child)
        if seen:
            continue
        if len(stack) >= depth:
            continue  # as far up as asked: the roles beyond are counted, not drawn
        expanded.add(nxt)
        stack.append((child, iter(kb.roles[nxt].next)))
    return GrowthTree(
        role_id,
        kb.roles[role_id].title,
        tuple(c.freeze(kb) for c in root.children),
        person is not None,
        len(_reachable(kb, role_id) - drawn),
    )


def _reachable(kb: KnowledgeBase, role_id: str) -> set[str]:
    """Every role the ladders lead to from ``role_id``, the role itself included."""
    seen = {role_id}
    todo = [role_id]
    while todo:
        for nxt in kb.roles[todo.pop()].next:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
