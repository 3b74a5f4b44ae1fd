"""The rules a careers counsellor holds a knowledge base to, beyond its being well formed:
entry roles ask for entry levels, ladders climb one step at a time unless the data says what a
bigger step takes, and every role has a way in and a way on or says why not.

A move that climbs two or more preparation levels is either routed through the role a career
really passes through, or, where a career does make the leap, written ``{role: id, takes:
reason}``: the qualification or experience that makes it (``Role.takes``).

Checked with the grounding check (``bocareer validate --grounding``), which rejects the file, each
problem as ``file:line``, and, for the shipped knowledge base, by the tests; a user's own file may
leave them out.
"""

from __future__ import annotations

from collections.abc import Callable

from bocareer.errors import Problem
from bocareer.models import KnowledgeBase

#: Roles at or below this preparation level are entry roles.
ENTRY = 2
#: A move may climb this many preparation levels without saying what it takes.
STEP = 1

#: ``where(section, id, key)``: the line of a key of an entry (``next.2``: of the third move).
Where = Callable[[str, str, str], int | None]


def check(kb: KnowledgeBase, where: Where | None = None) -> list[Problem]:
    """Every rule a role breaks, as problems naming the file and, when known, the line."""
    problems: list[Problem] = []

    def bad(rid: str, field: str, message: str) -> None:
        line = where("roles", rid, field) if where is not None else None
        problems.append(Problem(kb.path, line, f"roles.{rid}: {message}"))

    for role in kb.roles.values():
        levels = list(role.skills.values())
        if role.preparation <= ENTRY and (5 in levels or levels.count(4) > 1):
            bad(
                role.id,
                "skills",
                f"an entry role (preparation {role.preparation}) asks for "
                "no level 5 and at most one level 4",
            )
        for i, nxt in enumerate(role.next):
            climb = kb.roles[nxt].preparation - role.preparation
            if climb > STEP and nxt not in role.takes:
                bad(
                    role.id,
                    f"next.{i}",
                    f"the move to {nxt} climbs {climb} preparation levels "
                    f"({role.preparation} to {kb.roles[nxt].preparation}) with no reason; route it "
                    "through the role a career passes through on the way, or say what makes the "
                    f"leap (next: [{{role: {nxt}, takes: the qualification or experience}}])",
                )
        if not kb.previous.get(role.id) and role.entry_point is None:
            bad(role.id, "title", "no role leads here; say why in entry_point")
        if not role.next and role.top_of_ladder is None:
            bad(role.id, "next", "leads nowhere; say why in top_of_ladder")
        if role.next and role.top_of_ladder is not None:
            bad(role.id, "top_of_ladder", "says it is the top of its ladder but leads on")
        if kb.previous.get(role.id) and role.entry_point is not None:
            bad(role.id, "entry_point", "says no role leads here, but one does")
    return problems
