"""The JSON documents bocareer prints: the contract scripts rely on (see README, JSON output).

Every document carries ``schema_version``; keys are only ever added, never renamed or removed,
without raising it.
"""

from __future__ import annotations

from typing import Any, NamedTuple

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
    return {k: v for k, v in src._asdict().items() if v is not None}


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


def gap_doc(plan: Any) -> Doc:
    """The ``gap`` document."""
    return document(
        role=plan.role,
        score=plan.score,
        steps=[
            {"skill": s.skill, "has": s.has, "needs": s.needs, "score_after": s.score_after}
            for s in plan.steps
        ],
        stepping_stones=list(plan.stepping_stones),
    )


def learn_doc(openings: list[Any], reach: float) -> Doc:
    """The ``learn`` document."""
    return document(
        within_reach_score=reach,
        skills=[
            {"skill": o.skill, "has": o.has, "to_level": o.to_level, "opens": list(o.opens)}
            for o in openings
        ],
    )


def next_doc(kb: KnowledgeBase, from_role: str, moves: list[Any]) -> Doc:
    """The ``next`` document."""
    return document(
        **{"from": from_role},
        moves=[
            {
                "id": m.role,
                "title": kb.roles[m.role].title,
                "similarity": m.similarity,
                "on_ladder": m.on_ladder,
                "new_skills": [{"skill": s, "has": h, "needs": n} for s, h, n in m.new_skills],
            }
            for m in moves
        ],
    )


def compare_doc(kb: KnowledgeBase, comparison: Any) -> Doc:
    """The ``compare`` document."""
    return document(
        roles=[
            {
                "id": r,
                "title": kb.roles[r].title,
                "skills": {s: lv for s, lv in comparison.levels[r].items() if lv},
                "only": list(comparison.only[r]),
            }
            for r in comparison.roles
        ],
        skills=list(comparison.skills),
    )


class CodeLines(NamedTuple):
    """A role's occupation codes and sourced figures as lines of text, for every format."""

    codes: tuple[str, ...]
    figures_note: str | None
    figures: tuple[str, ...]


FIGURE_LABELS = {
    "job_zone": "O*NET Job Zone",
    "median_pay_usd": "US median annual pay",
    "automation_probability": "Automation probability (Frey & Osborne)",
}


def code_lines(kb: KnowledgeBase, role: Role) -> CodeLines:
    """Codes with the compiler's note; each figure with its source; and the proxy warning."""
    codes: list[str] = []
    c = role.codes
    if c is not None:
        if c.onet_soc:
            codes.append(f"O*NET-SOC {c.onet_soc} {c.onet_title or ''}".rstrip())
        if c.isco:
            codes.append(f"ISCO-08 {c.isco} {c.isco_title or ''}".rstrip())
        if c.note:
            codes.append(f"Note: {c.note}")
    figures: list[str] = []
    for key, value in role.figures.items():
        shown = f"${value:,.0f}" if key == "median_pay_usd" else f"{value:g}"
        label = FIGURE_LABELS.get(key, key)
        src = kb.sources.get(key)
        if src is None:
            figures.append(f"{label}: {shown}")
            continue
        year = f", {src.year}" if src.year else ""
        figures.append(f"{label}: {shown} (source: {src.title}{year})")
    note = None
    if figures:
        occupation = ""
        if c is not None and c.onet_soc:
            occupation = f" (O*NET-SOC {c.onet_soc} {c.onet_title or ''}".rstrip() + ")"
        note = f"These figures are for the broad occupation{occupation}, not for this role alone."
    return CodeLines(tuple(codes), note, tuple(figures))
