"""Plans for a counsellor: skill gaps toward a role, skills that open many roles, next moves,
and side-by-side comparisons. Pure functions over the knowledge base and a person's ratings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bocareer.models import KnowledgeBase
from bocareer.occupations.similarity import Nearness
from bocareer.scoring import effective, ranked_ratings, score_role

#: A role is "within reach" from this match score on (used by `learn` and stepping stones).
REACH = 60.0


@dataclass(frozen=True)
class Step:
    """Raise one skill from ``has`` to ``needs``; the match score once this and every earlier
    step are taken is ``score_after``."""

    skill: str
    has: int
    needs: int
    score_after: float


@dataclass(frozen=True)
class GapPlan:
    """What to learn, in order, to fit a target role."""

    role: str
    score: float
    steps: tuple[Step, ...]
    stepping_stones: tuple[str, ...]
    """Roles that lead toward the target and that the plan brings within reach, nearest first."""


def _score(kb: KnowledgeBase, role_id: str, ratings: Mapping[str, float]) -> float:
    return score_role(kb.roles[role_id], ratings).score


def gap_plan(
    kb: KnowledgeBase,
    ratings: Mapping[str, int],
    role_id: str,
    missed: Sequence[str] = (),
    own: Sequence[str] = (),
) -> GapPlan:
    """Skills to raise toward ``role_id``, the biggest gain first (greedy, one raise at a time);
    ``own`` are the roles that are the person's job, never a step on the way."""
    role = kb.role(role_id)
    current = effective(ratings, missed)
    today = _score(kb, role_id, current)
    todo = {s: need for s, need in role.skills.items() if current.get(s, 0.0) < need}
    steps: list[Step] = []
    while todo:
        gains = {s: _score(kb, role_id, {**current, s: float(need)}) for s, need in todo.items()}
        best = max(gains, key=lambda s: (round(gains[s], 9), -todo[s], s))
        steps.append(Step(best, int(ratings.get(best, 0)), todo[best], round(gains[best], 1)))
        current[best] = float(todo.pop(best))
    return GapPlan(
        role_id,
        round(today, 1),
        tuple(steps),
        tuple(r for r in _stepping_stones(kb, ratings, role_id, steps) if r not in own),
    )


def _stepping_stones(
    kb: KnowledgeBase, ratings: Mapping[str, int], role_id: str, steps: list[Step]
) -> tuple[str, ...]:
    """Roles on the ladders into the target that come within reach along the plan."""
    from bocareer.ladders import routes_in

    ancestors = {r for route in routes_in(kb, role_id) for r in route[:-1]}
    reached: dict[str, int] = {}
    current = {s: float(v) for s, v in ratings.items()}
    for n in range(len(steps) + 1):
        if n:
            current[steps[n - 1].skill] = float(steps[n - 1].needs)
        for r in sorted(ancestors - set(reached)):
            if _score(kb, r, current) >= REACH:
                reached[r] = n
    return tuple(sorted(reached, key=lambda r: (reached[r], r)))


@dataclass(frozen=True)
class Opening:
    """Raising one skill to ``to_level`` brings these roles within reach."""

    skill: str
    has: int
    to_level: int
    opens: tuple[str, ...]


def skills_to_learn(
    kb: KnowledgeBase,
    ratings: Mapping[str, int],
    top: int = 5,
    missed: Sequence[str] = (),
    *,
    level: int | None = None,
    own: Sequence[str] = (),
) -> list[Opening]:
    """The skills whose raise brings the most roles within reach (score >= REACH).

    For each skill the smallest raise that opens the most roles is reported. Only roles that need
    a skill can gain from raising it, so each skill looks only at those; and only roles at or
    above the person's ``level`` count, less their own job: training should open a move up or
    across, not back (a top call-centre agent is not told to learn selling for telemarketing).
    """
    current = effective(ratings, missed)
    order = ranked_ratings(current)
    users: dict[str, list[str]] = {}
    for role in kb.roles.values():
        if role.id in own or (level is not None and role.preparation < level):
            continue
        for skill in role.skills:
            users.setdefault(skill, []).append(role.id)
    out: list[Opening] = []
    for skill, role_ids in users.items():
        has = current.get(skill, 0.0)
        best: tuple[str, ...] = ()
        best_level = 0
        for to in range(int(has) + 1, 6):
            raised = {**current, skill: float(to)}
            raised_order = ranked_ratings(raised)
            opens = tuple(
                r
                for r in role_ids
                if score_role(kb.roles[r], current, order).score < REACH
                and score_role(kb.roles[r], raised, raised_order).score >= REACH
            )
            if len(opens) > len(best):
                best, best_level = opens, to
        if best:
            out.append(Opening(skill, int(ratings.get(skill, 0)), best_level, best))
    out.sort(key=lambda o: (-len(o.opens), o.to_level - o.has, o.skill))
    return out[:top]


@dataclass(frozen=True)
class Move:
    """A role someone in ``from`` could move to, and the skills it asks beyond theirs."""

    role: str
    similarity: float
    new_skills: tuple[tuple[str, int, int], ...]
    """(skill, has, needs) for each skill the move asks more of."""
    on_ladder: bool
    carries: tuple[str, ...] = ()
    """What carries over from the job, in O*NET's words."""
    step: str = "level"
    """"level" (within one preparation level of the job), "leap" (two or more above) or
    "back" (two or more below)."""


def next_moves(
    kb: KnowledgeBase,
    start: Mapping[str, int],
    *,
    near: Mapping[str, Nearness],
    ratings: Mapping[str, int] | None = None,
    current: str | None = None,
    own: Sequence[str] = (),
    top: int = 5,
    level: int | None = None,
) -> list[Move]:
    """The roles nearest the job, in O*NET's terms (:mod:`bocareer.occupations.similarity`).

    ``start`` is what the person's job asks (a role's levels, or an occupation's starting
    profile), raised by their own ratings when given; ``near`` is each role's nearness to the
    job; ``current`` is their role, whose ladder is marked, and ``own`` the roles that are their
    job, left out. ``level`` is the job's preparation level (its Job Zone): a role more than one
    level above it is a leap no real career makes without study, and one more than one level
    below it a step back, so both come after the rest. Within each group the nearest come first,
    by the hub-corrected rank, so that a role near everyone is not where everyone is sent.
    """
    has: dict[str, int] = dict(start)
    for skill, value in (ratings or {}).items():
        has[skill] = max(has.get(skill, 0), value)
    ladder = set(kb.roles[current].next) if current is not None else set()
    left_out = {*own, current}
    moves: list[tuple[bool, float, str, Move]] = []
    for role in kb.roles.values():
        if role.id in left_out:
            continue
        new = tuple(
            (s, has.get(s, 0), need)
            for s, need in sorted(
                role.skills.items(), key=lambda kv: (has.get(kv[0], 0) - kv[1], kv[0])
            )
            if has.get(s, 0) < need
        )
        step = "level"
        if level is not None and role.preparation > level + 1:
            step = "leap"
        elif level is not None and role.preparation < level - 1:
            step = "back"
        n = near[role.id]
        moves.append(
            (
                step != "level",
                -n.rank,
                role.id,
                Move(
                    role.id,
                    round(n.similarity, 3),
                    new,
                    role.id in ladder,
                    n.carries,
                    step,
                ),
            )
        )
    moves.sort(key=lambda t: t[:3])
    return [m for *_, m in moves[:top]]


@dataclass(frozen=True)
class Comparison:
    """Roles side by side."""

    roles: tuple[str, ...]
    skills: tuple[str, ...]
    """Every skill any of the roles needs, most needed first."""
    levels: Mapping[str, Mapping[str, int]]
    """Role id -> skill id -> level (0 when not needed)."""
    only: Mapping[str, tuple[str, ...]]
    """Role id -> the skills it needs that none of the others do."""


def compare(kb: KnowledgeBase, role_ids: Sequence[str]) -> Comparison:
    """Line up the skills of two or more roles."""
    roles = [kb.role(r) for r in role_ids]
    if len({r.id for r in roles}) != len(roles):
        from bocareer.errors import UsageError

        raise UsageError("compare needs different roles")
    skills = sorted(
        {s for r in roles for s in r.skills},
        key=lambda s: (-sum(r.skills.get(s, 0) for r in roles), s),
    )
    levels = {r.id: {s: r.skills.get(s, 0) for s in skills} for r in roles}
    only = {
        r.id: tuple(
            s
            for s in skills
            if s in r.skills and all(s not in o.skills for o in roles if o is not r)
        )
        for r in roles
    }
    return Comparison(tuple(r.id for r in roles), tuple(skills), levels, only)
