"""Build the results of the browsing commands (roles, role, skills, families, path, about,
compare, validate) from the knowledge base: names resolved, nothing left for a renderer to
work out.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from bocareer.models import KnowledgeBase, Role
from bocareer.results import (
    AboutResult,
    CompareResult,
    CompareRole,
    FamiliesResult,
    FamilyInfo,
    Figure,
    PathResult,
    RoleBrief,
    RoleRef,
    RoleSheet,
    RolesResult,
    SkillInfo,
    SkillLevel,
    SkillRef,
    SkillsResult,
    ValidateResult,
    WorkTypeInfo,
)

if TYPE_CHECKING:
    from bocareer.errors import Problem
    from bocareer.kb.grounding import Grounding


def role_ref(kb: KnowledgeBase, role_id: str) -> RoleRef:
    """A role's id and title."""
    return RoleRef(role_id, kb.roles[role_id].title)


def skill_ref(kb: KnowledgeBase, skill_id: str) -> SkillRef:
    """A skill's id and name."""
    return SkillRef(skill_id, kb.skills[skill_id].name)


def figures(kb: KnowledgeBase, role: Role) -> tuple[Figure, ...]:
    """A role's figures, each with its source."""
    return tuple(Figure(k, v, kb.sources.get(k)) for k, v in role.figures.items())


def roles_list(
    kb: KnowledgeBase,
    *,
    query: str | None = None,
    family: str | None = None,
    skill: str | None = None,
    levels: tuple[int, int] = (1, 5),
) -> RolesResult:
    """The roles that pass every filter given, in the file's order."""
    if family is not None:
        kb.family(family)
    if skill is not None:
        kb.skill(skill)
    low, high = levels
    needle = query.casefold() if query else None
    return RolesResult(
        tuple(
            RoleBrief(
                r.id,
                r.title,
                r.family,
                kb.families[r.family].name,
                r.preparation,
                r.summary,
                tuple(r.skills.items()),
                r.next,
                kb.previous.get(r.id, ()),
            )
            for r in kb.roles.values()
            if (family is None or r.family == family)
            and (skill is None or skill in r.skills)
            and low <= r.preparation <= high
            and (needle is None or needle in _haystack(r))
        )
    )


def _haystack(role: Role) -> str:
    """Everything ``roles TEXT`` searches: the role's names (its other titles and its O*NET
    occupation's, unless the code is only a proxy), what it does, and its tools."""
    occupation = (
        role.codes.onet_title
        if role.codes is not None and role.codes.onet_title and role.codes.fit != "proxy"
        else ""
    )
    return "\n".join(
        [
            role.id,
            role.title,
            *role.also_called,
            occupation,
            role.summary,
            *role.responsibilities,
            *role.tools,
        ]
    ).casefold()


def role_sheet(kb: KnowledgeBase, role_id: str) -> RoleSheet:
    """Everything the knowledge base says about one role."""
    r = kb.role(role_id)
    return RoleSheet(
        id=r.id,
        title=r.title,
        family=r.family,
        family_name=kb.families[r.family].name,
        summary=r.summary,
        responsibilities=r.responsibilities,
        skills=tuple(
            SkillLevel(s, kb.skills[s].name, lv, kb.skills[s].anchor(lv))
            for s, lv in r.skills.items()
        ),
        tools=r.tools,
        education=r.entry.education,
        experience=r.entry.experience,
        preparation=r.preparation,
        preparation_note=r.preparation_note,
        leads_to=tuple(role_ref(kb, n) for n in r.next),
        comes_from=tuple(role_ref(kb, p) for p in kb.previous.get(r.id, ())),
        codes=r.codes,
        figures=figures(kb, r),
        seed=r.seed,
        also_called=r.also_called,
        takes=tuple(r.takes.get(n) for n in r.next),
        entry_point=r.entry_point,
        top_of_ladder=r.top_of_ladder,
    )


def skills_list(kb: KnowledgeBase, skill_id: str | None = None) -> SkillsResult:
    """Every skill, or one skill (whose levels a renderer then shows in full)."""
    ids = [kb.skill(skill_id).id] if skill_id else list(kb.skills)
    users: dict[str, list[str]] = {s: [] for s in ids}
    for r in kb.roles.values():
        for s in r.skills:
            if s in users:
                users[s].append(r.id)
    return SkillsResult(
        tuple(
            SkillInfo(
                s, kb.skills[s].name, kb.skills[s].description, kb.skills[s].levels, tuple(users[s])
            )
            for s in ids
        ),
        detail=skill_id is not None,
    )


def families_list(kb: KnowledgeBase) -> FamiliesResult:
    """Every family with its roles."""
    by_family: dict[str, list[RoleRef]] = {f: [] for f in kb.families}
    for r in kb.roles.values():
        by_family[r.family].append(RoleRef(r.id, r.title))
    return FamiliesResult(
        tuple(
            FamilyInfo(f.id, f.name, f.summary, tuple(by_family[f.id]))
            for f in kb.families.values()
        )
    )


def path_result(kb: KnowledgeBase, role_id: str) -> PathResult:
    """Where a role leads (as a tree, and as every path) and the routes into it."""
    from bocareer.ladders import growth_tree, paths_up, routes_in

    kb.role(role_id)
    return PathResult(
        role_ref(kb, role_id),
        growth_tree(kb, role_id),
        tuple(tuple(p) for p in paths_up(kb, role_id)),
        _routes(kb, routes_in(kb, role_id)),
    )


def _routes(kb: KnowledgeBase, routes: Iterable[Sequence[str]]) -> tuple[tuple[RoleRef, ...], ...]:
    return tuple(tuple(role_ref(kb, r) for r in route) for route in routes)


def about_result(kb: KnowledgeBase) -> AboutResult:
    """What back-office work is, with the roles of each kind of work named."""
    return AboutResult(
        kb.about,
        tuple(
            WorkTypeInfo(w.name, tuple(role_ref(kb, r) for r in w.roles))
            for w in kb.about.work_types
        ),
        families_list(kb),
    )


def compare_result(kb: KnowledgeBase, role_ids: Sequence[str]) -> CompareResult:
    """Two or three roles side by side."""
    from bocareer.planning import compare

    c = compare(kb, role_ids)
    return CompareResult(
        tuple(
            CompareRole(
                r,
                kb.roles[r].title,
                kb.roles[r].preparation,
                tuple(c.levels[r][s] for s in c.skills),
                tuple(skill_ref(kb, s) for s in c.only[r]),
                figures(kb, kb.roles[r]),
            )
            for r in c.roles
        ),
        tuple(skill_ref(kb, s) for s in c.skills),
    )


def validate_result(
    path: str,
    kb: KnowledgeBase | None,
    problems: Sequence[Problem],
    grounding: Grounding | None = None,
) -> ValidateResult:
    """What ``validate`` found."""
    counts = (
        None
        if kb is None or problems
        else (len(kb.roles), len(kb.skills), len(kb.families), len(kb.checks))
    )
    return ValidateResult(path, tuple(problems), counts, grounding)
