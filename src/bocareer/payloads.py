"""The JSON documents bocareer prints: the contract scripts rely on (see README, JSON output).

Every document carries ``schema_version``; keys are only ever added, never renamed or removed,
without raising it.
"""

from __future__ import annotations

from typing import Any

from bocareer.models import KnowledgeBase, Role

SCHEMA_VERSION = 1
Doc = dict[str, Any]


def document(**body: Any) -> Doc:
    """A JSON document: the schema version first, then the body."""
    return {"schema_version": SCHEMA_VERSION, **body}


def role_brief(kb: KnowledgeBase, role: Role) -> Doc:
    """The short form of a role, as ``roles --json`` lists it."""
    return {
        "id": role.id,
        "title": role.title,
        "family": role.family,
        "preparation": role.preparation,
        "summary": role.summary,
        "skills": [{"id": s, "level": lv} for s, lv in role.skills.items()],
        "next_roles": list(role.next),
        "previous_roles": list(kb.previous.get(role.id, ())),
    }


def role_full(kb: KnowledgeBase, role: Role) -> Doc:
    """Everything the knowledge base says about a role, sources included."""
    codes = role.codes
    return {
        "id": role.id,
        "title": role.title,
        "family": role.family,
        "family_name": kb.families[role.family].name,
        "summary": role.summary,
        "responsibilities": list(role.responsibilities),
        "skills": [
            {"id": s, "name": kb.skills[s].name, "level": lv, "meaning": kb.skills[s].anchor(lv)}
            for s, lv in role.skills.items()
        ],
        "tools": list(role.tools),
        "entry": {"education": role.entry.education, "experience": role.entry.experience},
        "preparation": role.preparation,
        "preparation_note": role.preparation_note,
        "next_roles": list(role.next),
        "previous_roles": list(kb.previous.get(role.id, ())),
        "codes": {}
        if codes is None
        else {
            k: v
            for k, v in (
                ("onet_soc", codes.onet_soc),
                ("onet_title", codes.onet_title),
                ("isco", codes.isco),
                ("isco_title", codes.isco_title),
                ("note", codes.note),
            )
            if v is not None
        },
        "figures": {
            key: {"value": value, "source": source_doc(kb, key)}
            for key, value in role.figures.items()
        },
        "seed": role.seed,
    }


def source_doc(kb: KnowledgeBase, key: str) -> Doc:
    """A source as JSON."""
    src = kb.sources[key]
    return {k: v for k, v in vars(src).items() if v is not None}


def skill_doc(kb: KnowledgeBase, skill_id: str) -> Doc:
    """A skill with its level meanings and the roles that use it."""
    skill = kb.skills[skill_id]
    return {
        "id": skill.id,
        "name": skill.name,
        "description": skill.description,
        "levels": {str(i + 1): text for i, text in enumerate(skill.levels)},
        "roles": [r.id for r in kb.roles.values() if skill_id in r.skills],
    }


def family_doc(kb: KnowledgeBase, family_id: str) -> Doc:
    """A family with its roles."""
    fam = kb.families[family_id]
    return {
        "id": fam.id,
        "name": fam.name,
        "summary": fam.summary,
        "roles": [r.id for r in kb.roles.values() if r.family == family_id],
    }


def about_doc(kb: KnowledgeBase) -> Doc:
    """The about page as JSON."""
    a = kb.about
    return document(
        summary=a.summary,
        features=list(a.features),
        duties=[{"name": d.name, "text": d.text} for d in a.duties],
        comparison=[
            {"aspect": c.aspect, "back_office": c.back_office, "front_office": c.front_office}
            for c in a.comparison
        ],
        work_types=[{"name": w.name, "roles": list(w.roles)} for w in a.work_types],
        challenges=[{"name": c.name, "text": c.text} for c in a.challenges],
        outlook=a.outlook,
        families=[family_doc(kb, f) for f in kb.families],
    )


def match_doc(
    kb: KnowledgeBase,
    matches: list[Any],
    *,
    ratings: dict[str, int],
    missed: list[str],
    warnings: list[str],
) -> Doc:
    """The ``match`` document: roles ranked best first, each with why and what is missing."""
    from bocareer.matching import reason

    return document(
        matches=[
            {
                "id": m.role,
                "title": kb.roles[m.role].title,
                "family": kb.roles[m.role].family,
                "score": round(m.score, 1),
                "coverage": round(m.coverage, 3),
                "focus": round(m.focus, 3),
                "reason": reason(kb, m),
                "strengths": list(m.strengths),
                "gaps": [
                    {"skill": g.skill, "has": ratings.get(g.skill, 0), "needs": g.needs}
                    for g in m.gaps
                ],
                "checks_missed": [s for s in kb.roles[m.role].skills if s in missed],
                "next_roles": list(kb.roles[m.role].next),
            }
            for m in matches
        ],
        warnings=warnings,
    )
