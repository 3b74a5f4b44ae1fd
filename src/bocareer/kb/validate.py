"""Check a parsed knowledge base and build it into models, collecting every problem.

A hand-written checker rather than pydantic: the errors must name ``file:line`` (pydantic knows
no lines), the schema is small, and importing pydantic would cost ~90 ms on every command.
"""

from __future__ import annotations

from typing import Any

from bocareer.errors import Problem, describe
from bocareer.kb import graph, sections
from bocareer.kb.checker import SCHEMA_VERSION, Checker
from bocareer.kb.roles import role as read_role
from bocareer.kb.yamlload import LDict
from bocareer.models import About, KnowledgeBase


def validate(data: Any, name: str) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Check ``data`` (as parsed from ``name``); return the knowledge base and every problem.

    The knowledge base is None when any problem is an error; warnings alone leave it usable.
    """
    ck = Checker(name)
    if not isinstance(data, LDict):
        ck.error(getattr(data, "line", 1), f"expected a mapping at the top, found {describe(data)}")
        return None, ck.problems
    ck.keys(
        data,
        "top level",
        ("schema_version", "families", "skills", "roles"),
        ("sources", "about", "checks", "onet_not_modelled", "quiz_areas"),
    )
    version = data.get("schema_version")
    if "schema_version" in data and (isinstance(version, bool) or version != SCHEMA_VERSION):
        ck.error(
            data.line_of("schema_version"),
            f"schema_version is {version if isinstance(version, int) and not isinstance(version, bool) else describe(version)}; "
            f"this bocareer reads {SCHEMA_VERSION}",
        )
    sources = ck.section(data, "sources", lambda i, o: sections.source(ck, i, o), ids=False)
    families = ck.section(data, "families", lambda i, o: sections.family(ck, i, o))
    skills = ck.section(data, "skills", lambda i, o: sections.skill(ck, i, o))
    roles = ck.section(data, "roles", lambda i, o: read_role(ck, i, o, families, skills, sources))
    about = sections.about(ck, data["about"], roles) if "about" in data else About()
    checks = sections.checks(ck, data, skills) if "checks" in data else ()
    not_modelled = sections.not_modelled(ck, data) if "onet_not_modelled" in data else {}
    areas = sections.areas(ck, data, skills) if "quiz_areas" in data else ()

    role_table = data.get("roles") if isinstance(data.get("roles"), LDict) else None
    if role_table is not None:
        graph.references(ck, role_table, roles)
        graph.cycles(ck, role_table, roles)
        graph.reachability(ck, role_table, roles)
        graph.distinct(ck, role_table, roles)
    if isinstance(data.get("skills"), LDict):
        used = {s for r in roles.values() for s in r.skills}
        for skill_id in skills:
            if skill_id not in used:
                ck.warn(data["skills"].line_of(skill_id), f"skill {skill_id!r} is used by no role")
    for key in ("families", "skills", "roles"):
        if key in data and isinstance(data[key], LDict) and not data[key]:
            ck.error(data.line_of(key), f"{key}: is empty")

    if any(not p.warning for p in ck.problems):
        return None, ck.problems
    previous: dict[str, list[str]] = {r: [] for r in roles}
    for role in roles.values():
        for nxt in role.next:
            previous[nxt].append(role.id)
    kb = KnowledgeBase(
        path=name,
        families=families,
        skills=skills,
        roles=roles,
        sources=sources,
        about=about,
        checks=checks,
        previous={k: tuple(v) for k, v in previous.items()},
        onet_not_modelled=not_modelled,
        areas=areas,
    )
    return kb, ck.problems
