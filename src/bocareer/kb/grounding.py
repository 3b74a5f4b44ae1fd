"""The grounding check: a knowledge base's skill levels and occupation codes against O*NET.

For a skill ``s`` mapped to O*NET elements ``E(s)`` and a role's occupation ``c``:

* O*NET level ``OL(s,c)``: the importance-weighted mean of the elements' levels (0-7; a level
  O*NET marks not relevant counts as 0; a work style, which has no level, counts its importance
  put on the 0-7 scale as ``(I - 1) * 7 / 4``);
* expected level ``X(s,c) = round(OL * 5 / 7)``, clamped to 0-5.

Checks (docs/knowledge-base.md): for every skill that six or more rated roles use, the Spearman
rank correlation of their required levels with ``OL`` is at least 0.6; a required level two or
more from ``X`` is a departure the role must explain; every skill or knowledge element of
importance 3.75 or more for a role's occupation is mapped by one of its skills, or the role (or
the knowledge base) says why not; codes exist, titles match, and the Job Zone figure is O*NET's.
Pure: the O*NET data is passed in.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

from bocareer.errors import Problem
from bocareer.models import KnowledgeBase, Role
from bocareer.occupations.data import Onet

MIN_ROLES = 6
MIN_RHO = 0.6
CENTRAL = 3.75
FITS = ("exact", "broad", "proxy")

#: ``where(section, id, key)``: the line of a key in the file, when it is known.
Where = Callable[[str, str, str], int | None]


class Correlation(NamedTuple):
    """How one skill's required levels follow O*NET's across roles."""

    skill: str
    roles: int
    rho: float | None
    """None when the skill maps no O*NET element, or either side does not vary."""


class Departure(NamedTuple):
    """A required level two or more from what O*NET's level suggests."""

    role: str
    skill: str
    required: int
    expected: int
    onet_level: float
    why: str | None


class Uncovered(NamedTuple):
    """A central O*NET element of a role's occupation that none of its skills stands for."""

    role: str
    element: str
    name: str
    importance: float
    why: str | None
    """The role's reason, the knowledge base's (``onet_not_modelled``), or None."""


class Grounding(NamedTuple):
    """Everything the grounding check found."""

    rated_roles: int
    correlations: tuple[Correlation, ...]
    departures: tuple[Departure, ...]
    uncovered: tuple[Uncovered, ...]
    problems: tuple[Problem, ...]


def onet_level(data: Onet, elements: Sequence[str], code: str) -> float | None:
    """``OL``: the importance-weighted mean level of ``elements`` for occupation ``code``."""
    num = den = 0.0
    for element in elements:
        rated = data.rating(code, element)
        if rated is not None:
            num += rated[0] * rated[1]
            den += rated[0]
    return num / den if den else None


def expected(level: float) -> tuple[int, ...]:
    """``X``, and at an exact half both neighbours: a departure under either rounding counts."""
    scaled = level * 5 / 7
    if abs(scaled - math.floor(scaled) - 0.5) < 1e-9:
        return tuple(max(0, min(5, math.floor(scaled) + d)) for d in (0, 1))
    return (max(0, min(5, round(scaled))),)


def spearman(a: Sequence[float], b: Sequence[float]) -> float | None:
    """Spearman's rank correlation, ties given their average rank; None if either side is flat."""
    ra, rb = _ranks(a), _ranks(b)
    ma, mb = sum(ra) / len(ra), sum(rb) / len(rb)
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb, strict=True))
    va = sum((x - ma) ** 2 for x in ra)
    vb = sum((y - mb) ** 2 for y in rb)
    return cov / math.sqrt(va * vb) if va and vb else None


def _ranks(values: Sequence[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def ground(kb: KnowledgeBase, data: Onet, where: Where | None = None) -> Grounding:
    """Check ``kb`` against O*NET; every problem names the file and, when known, the line."""
    problems: list[Problem] = []

    def bad(section: str, key: str, field: str, message: str) -> None:
        line = where(section, key, field) if where is not None else None
        problems.append(Problem(kb.path, line, message))

    _check_mapping(kb, data, bad)
    rated = {
        r.id: r.codes.onet_soc
        for r in kb.roles.values()
        if r.codes is not None and r.codes.onet_soc is not None and _rated(data, r.codes.onet_soc)
    }
    for role in kb.roles.values():
        _check_codes(role, data, bad)
    correlations = []
    for sid, skill in kb.skills.items():
        users = [rid for rid in rated if sid in kb.roles[rid].skills]
        if len(users) < MIN_ROLES:
            continue
        levels = [onet_level(data, list(skill.onet), rated[r]) for r in users]
        rho = None
        if skill.onet and all(v is not None for v in levels) and len(set(levels)) > 1:
            # O*NET's levels vary across these roles, so the required levels must follow them
            # (when O*NET's do not vary there is nothing to follow, and nothing is checked).
            rho = spearman([kb.roles[r].skills[sid] for r in users], [v or 0.0 for v in levels])
            if rho is None or rho < MIN_RHO - 1e-12:
                shown = (
                    "undefined (the required levels do not vary)" if rho is None else f"{rho:.3f}"
                )
                bad(
                    "skills",
                    sid,
                    "onet",
                    f"skills.{sid}: required levels follow O*NET's with "
                    f"rank correlation {shown} over {len(users)} roles; at least {MIN_RHO} is needed",
                )
        correlations.append(Correlation(sid, len(users), rho))
    departures = [d for rid, code in rated.items() for d in _departures(kb, data, rid, code)]
    for d in departures:
        if d.why is None:
            bad(
                "roles",
                d.role,
                "skills",
                f"roles.{d.role}.skills.{d.skill}: {d.required} "
                f"departs from O*NET's level (expected {d.expected}); say why in departures",
            )
    uncovered = [u for rid, code in rated.items() for u in _uncovered(kb, data, rid, code)]
    for u in uncovered:
        if u.why is None:
            bad(
                "roles",
                u.role,
                "skills",
                f"roles.{u.role}: no skill stands for O*NET's "
                f"{u.name} ({u.element}, importance {u.importance:.2f}); add one, or say why "
                "in uncovered",
            )
    return Grounding(
        len(rated), tuple(correlations), tuple(departures), tuple(uncovered), tuple(problems)
    )


def _rated(data: Onet, code: str) -> bool:
    occupation = data.occupations.get(code)
    return occupation is not None and occupation.importance is not None


def _check_mapping(
    kb: KnowledgeBase, data: Onet, bad: Callable[[str, str, str, str], None]
) -> None:
    names = {e.id: e.name for e in data.elements}
    for sid, skill in kb.skills.items():
        for element, name in skill.onet.items():
            if names.get(element) != name:
                found = (
                    f"O*NET calls {element} {names[element]!r}"
                    if element in names
                    else f"O*NET has no element {element}"
                )
                bad("skills", sid, "onet", f"skills.{sid}.onet: {element} {name!r}: {found}")
        if not skill.onet and skill.onet_note is None:
            bad("skills", sid, "onet", f"skills.{sid}: maps no O*NET element; say why in onet_note")
    mapped = {e for s in kb.skills.values() for e in s.onet}
    for element, nm in kb.onet_not_modelled.items():
        if names.get(element) != nm.name:
            bad(
                "onet_not_modelled",
                element,
                "name",
                f"onet_not_modelled.{element}: O*NET calls it {names.get(element)!r}",
            )
        if element in mapped:
            bad(
                "onet_not_modelled",
                element,
                "name",
                f"onet_not_modelled.{element}: a skill maps it",
            )


def _check_codes(role: Role, data: Onet, bad: Callable[[str, str, str, str], None]) -> None:
    codes = role.codes
    if codes is None or codes.onet_soc is None:
        return
    occupation = data.occupations.get(codes.onet_soc)
    where = f"roles.{role.id}.codes"
    if occupation is None:
        bad(
            "roles",
            role.id,
            "codes",
            f"{where}.onet_soc: {codes.onet_soc} is not an O*NET-SOC 2019 code",
        )
        return
    if codes.onet_title is not None and codes.onet_title != occupation.title:
        bad("roles", role.id, "codes", f"{where}.onet_title: O*NET's title is {occupation.title!r}")
    if codes.fit == "proxy" and not (codes.note or "").startswith("Doubtful"):
        bad("roles", role.id, "codes", f"{where}.note: a proxy code's note begins 'Doubtful'")
    zone = role.figures.get("job_zone")
    if zone is not None and zone != occupation.job_zone:
        bad(
            "roles",
            role.id,
            "figures",
            f"roles.{role.id}.figures.job_zone: {zone:g}, but O*NET gives {occupation.job_zone}",
        )


def _departures(kb: KnowledgeBase, data: Onet, rid: str, code: str) -> list[Departure]:
    role = kb.roles[rid]
    out = []
    for sid, required in role.skills.items():
        elements = list(kb.skills[sid].onet)
        level = onet_level(data, elements, code) if elements else None
        if level is None:
            continue
        options = expected(level)
        if any(abs(required - x) >= 2 for x in options):
            out.append(Departure(rid, sid, required, options[0], level, role.departures.get(sid)))
    return out


def _uncovered(kb: KnowledgeBase, data: Onet, rid: str, code: str) -> list[Uncovered]:
    role = kb.roles[rid]
    mapped = {e for sid in role.skills for e in kb.skills[sid].onet}
    occupation = data.occupations[code]
    assert occupation.importance is not None
    out = []
    for element, importance in zip(data.elements, occupation.importance, strict=True):
        if element.kind == "work style" or importance is None or importance < CENTRAL:
            continue
        if element.id in mapped:
            continue
        why = role.uncovered.get(element.id)
        if why is None and element.id in kb.onet_not_modelled:
            why = kb.onet_not_modelled[element.id].why
        out.append(Uncovered(rid, element.id, element.name, importance, why))
    return sorted(out, key=lambda u: (u.role, -u.importance, u.element))
