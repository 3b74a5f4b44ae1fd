"""Checks across roles: ladder references, cycles, reachability, and roles the quiz could
never tell apart. Iterative throughout: a 50,000-role ladder must not hit the recursion limit.
"""

from __future__ import annotations

import math

from bocareer.kb.checker import Checker
from bocareer.kb.yamlload import LDict, LList
from bocareer.models import Role


def references(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    for rid, role in roles.items():
        nxt = table[rid].get("next")
        for i, n in enumerate(role.next):
            line = nxt.line_of(i) if isinstance(nxt, LList) else table[rid].line
            ck.ref(line, f"roles.{rid}.next", n, roles, "role")


def cycles(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    """Report each cycle in the ladders once, naming its roles in order."""
    white, grey, black = 0, 1, 2
    colour = dict.fromkeys(roles, white)
    reported: set[frozenset[str]] = set()
    for start in roles:
        if colour[start] != white:
            continue
        # Iterative depth-first search: a 50,000-role ladder must not hit the recursion limit.
        stack: list[tuple[str, int]] = [(start, 0)]
        path: list[str] = [start]
        colour[start] = grey
        while stack:
            node, i = stack[-1]
            nxt = [n for n in roles[node].next if n in roles]
            if i < len(nxt):
                stack[-1] = (node, i + 1)
                child = nxt[i]
                if colour[child] == grey:
                    cycle = path[path.index(child) :]
                    key = frozenset(cycle)
                    if key not in reported:
                        reported.add(key)
                        loop = " -> ".join([*cycle, child])
                        ck.error(table.line_of(cycle[0]), f"roles: the ladder has a cycle: {loop}")
                elif colour[child] == white:
                    colour[child] = grey
                    stack.append((child, 0))
                    path.append(child)
            else:
                colour[node] = black
                stack.pop()
                path.pop()


def reachability(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    if len(roles) < 2:
        return  # a one-role knowledge base has no ladders to speak of
    led_to = {n for r in roles.values() for n in r.next}
    for rid, role in roles.items():
        if not role.next and rid not in led_to:
            ck.warn(table.line_of(rid), f"roles.{rid}: no role leads to it and it leads nowhere")
        elif not role.next and role.preparation <= 2:
            ck.warn(
                table.line_of(rid),
                f"roles.{rid}: an entry-level role (preparation {role.preparation}) that leads nowhere",
            )


def distinct(ck: Checker, table: LDict, roles: dict[str, Role]) -> None:
    """Report roles whose skill profiles are the same or proportional.

    Proportional integer profiles share one primitive vector (each level divided by the gcd of
    all levels), so a dictionary of primitive vectors finds them in one pass.
    """
    seen: dict[tuple[tuple[str, int], ...], str] = {}
    for rid, role in roles.items():
        if not role.skills:
            continue
        g = 0
        for level in role.skills.values():
            g = math.gcd(g, level)
        key = tuple(sorted((s, lv // g) for s, lv in role.skills.items()))
        other = seen.get(key)
        if other is None:
            seen[key] = rid
            continue
        same = dict(roles[other].skills) == dict(role.skills)
        how = "the same skill profile as" if same else "a skill profile proportional to"
        ck.error(
            table.line_of(rid),
            f"roles.{rid}: has {how} {other!r}; the quiz could never tell them apart",
        )
