"""Results as JSON documents: the contract scripts rely on (README, JSON output).

Every builder returns a TypedDict from :mod:`bocareer.output.schema`, so mypy guards the keys;
every document starts with ``schema_version``. Nothing here imports Rich.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from bocareer import results as r
from bocareer.output.text import reason, score_value

if TYPE_CHECKING:
    from bocareer.errors import BocareerError
    from bocareer.kb.grounding import Grounding
    from bocareer.models import Codes, Source
    from bocareer.output import schema as s

SCHEMA_VERSION = 1


def dumps(doc: object) -> str:
    """A document as the text printed on stdout: UTF-8, but with the characters that could
    reorder or restyle a terminal (C1 controls, bidirectional overrides) escaped as ``\\uXXXX``,
    which any JSON reader turns back into the same text."""
    text = json.dumps(doc, ensure_ascii=False, indent=2)
    return _TERMINAL_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


_TERMINAL_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def error_doc(exc: BocareerError) -> s.ErrorDoc:
    """The document printed on stdout when a command run with --json fails."""
    return {
        "schema_version": SCHEMA_VERSION,
        "error": {"code": exc.code, "message": str(exc), "exit_code": int(exc.exit_code)},
    }


def _source(source: Source | None) -> s.SourceDoc:
    if source is None:
        return {}
    doc: s.SourceDoc = {"title": source.title}
    if source.year is not None:
        doc["year"] = source.year
    if source.url is not None:
        doc["url"] = source.url
    if source.note is not None:
        doc["note"] = source.note
    return doc


def _figures(figures: Iterable[r.Figure]) -> dict[str, s.FigureDoc]:
    return {f.key: {"value": f.value, "source": _source(f.source)} for f in figures}


def _codes(codes: Codes | None) -> s.CodesDoc:
    if codes is None:
        return {}
    return {k: v for k, v in codes._asdict().items() if v is not None}  # type: ignore[return-value]


def _roles(res: r.RolesResult) -> s.RolesDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "roles": [
            {
                "id": b.id,
                "title": b.title,
                "family": b.family,
                "preparation": b.preparation,
                "summary": b.summary,
                "skills": [{"id": sid, "level": lv} for sid, lv in b.skills],
                "next_roles": list(b.next_roles),
                "previous_roles": list(b.previous_roles),
            }
            for b in res.roles
        ],
    }


def _role(sheet: r.RoleSheet) -> s.RoleDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "role": {
            "id": sheet.id,
            "title": sheet.title,
            "family": sheet.family,
            "family_name": sheet.family_name,
            "summary": sheet.summary,
            "responsibilities": list(sheet.responsibilities),
            "skills": [
                {"id": k.id, "name": k.name, "level": k.level, "meaning": k.meaning}
                for k in sheet.skills
            ],
            "tools": list(sheet.tools),
            "entry": {"education": sheet.education, "experience": sheet.experience},
            "preparation": sheet.preparation,
            "preparation_note": sheet.preparation_note,
            "next_roles": [x.id for x in sheet.leads_to],
            "previous_roles": [x.id for x in sheet.comes_from],
            "codes": _codes(sheet.codes),
            "figures": _figures(sheet.figures),
            "seed": sheet.seed,
            "also_called": list(sheet.also_called),
            "takes": {x.id: t for x, t in zip(sheet.leads_to, sheet.takes, strict=True) if t},
            "entry_point": sheet.entry_point,
            "top_of_ladder": sheet.top_of_ladder,
        },
    }


def _skills(res: r.SkillsResult) -> s.SkillsDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "skills": [
            {
                "id": k.id,
                "name": k.name,
                "description": k.description,
                "levels": {str(i): text for i, text in enumerate(k.levels, start=1)},
                "roles": list(k.roles),
            }
            for k in res.skills
        ],
    }


def _family_docs(res: r.FamiliesResult) -> list[s.FamilyDoc]:
    return [
        {"id": f.id, "name": f.name, "summary": f.summary, "roles": [x.id for x in f.roles]}
        for f in res.families
    ]


def _families(res: r.FamiliesResult) -> s.FamiliesDoc:
    return {"schema_version": SCHEMA_VERSION, "families": _family_docs(res)}


def _path(res: r.PathResult) -> s.PathDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "role": res.role.id,
        "paths": [list(p) for p in res.paths],
        "routes_in": [[x.id for x in route] for route in res.routes_in],
    }


def _about(res: r.AboutResult) -> s.AboutDoc:
    a = res.about
    return {
        "schema_version": SCHEMA_VERSION,
        "summary": a.summary,
        "features": list(a.features),
        "duties": [{"name": d.name, "text": d.text} for d in a.duties],
        "comparison": [
            {"aspect": c.aspect, "back_office": c.back_office, "front_office": c.front_office}
            for c in a.comparison
        ],
        "work_types": [{"name": w.name, "roles": [x.id for x in w.roles]} for w in res.work_types],
        "challenges": [{"name": c.name, "text": c.text} for c in a.challenges],
        "outlook": a.outlook,
        "families": _family_docs(res.families),
    }


def _compare(res: r.CompareResult) -> s.CompareDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "roles": [
            {
                "id": c.id,
                "title": c.title,
                "preparation": c.preparation,
                "skills": {k.id: lv for k, lv in zip(res.skills, c.levels, strict=True) if lv},
                "only": [k.id for k in c.only],
                "figures": _figures(c.figures),
            }
            for c in res.roles
        ],
        "skills": [k.id for k in res.skills],
    }


def _validate(res: r.ValidateResult) -> s.ValidateDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "valid": not res.problems,
        "problems": [
            {
                "file": p.path,
                "line": p.line,
                "message": p.message,
                "severity": "warning" if p.warning else "error",
            }
            for p in res.problems
        ],
        "grounding": None if res.grounding is None else _grounding(res.grounding),
    }


def _grounding(g: Grounding) -> s.GroundingDoc:
    return {
        "rated_roles": g.rated_roles,
        "skills": [
            {"skill": c.skill, "roles": c.roles, "rho": None if c.rho is None else round(c.rho, 3)}
            for c in g.correlations
        ],
        "departures": [
            {
                "role": d.role,
                "skill": d.skill,
                "required": d.required,
                "expected": d.expected,
                "onet_level": round(d.onet_level, 2),
                "why": d.why,
            }
            for d in g.departures
        ],
        "uncovered": [
            {
                "role": u.role,
                "element": u.element,
                "name": u.name,
                "importance": u.importance,
                "why": u.why,
            }
            for u in g.uncovered
        ],
    }


def match_doc(m: r.MatchLine) -> s.MatchDoc:
    """One scored role."""
    return {
        "id": m.id,
        "title": m.title,
        "family": m.family,
        "preparation": m.preparation,
        "score": score_value(m.score),
        "coverage": round(m.coverage, 3),
        "focus": round(m.focus, 3),
        "reason": reason(m),
        "strengths": [k.id for k in m.strengths],
        "gaps": [
            {"skill": g.skill, "has": g.rated, "counted": g.counted, "needs": g.needs}
            for g in m.gaps
        ],
        "checks_missed": [x.skill for x in m.missed],
        "next_roles": [x.id for x in m.next_roles],
        "use": round(m.focus, 3),
        "skill_score": None if m.skill_score is None else score_value(m.skill_score),
        "similarity": None if m.similarity is None else round(m.similarity, 3),
    }


def _matches(res: r.MatchResult) -> s.MatchesDoc | s.QuizDoc:
    doc: s.MatchesDoc = {
        "schema_version": SCHEMA_VERSION,
        "matches": [match_doc(m) for m in res.matches],
        "warnings": list(res.warnings),
        "from": None if res.start is None else res.start.key,
        "from_occupation": None if res.start is None else _occupation_ref(res.start),
        "assumed": [k.id for k in res.assumed],
        "level": res.level,
        "below_level": res.below,
        "checks": [
            {
                "skill": c.skill,
                "rated": c.rated,
                "counted": c.counted,
                "role": c.role,
                "score_before": score_value(c.before),
                "score_after": score_value(c.after),
            }
            for c in res.checks
        ],
        "measured": [
            {"skill": m.skill, "claimed": m.claimed, "level": m.level} for m in res.measured
        ],
    }
    if res.asked is None:
        return doc
    return {**doc, "asked": list(res.asked), "questions": res.questions or 0}


def _steps(plan: r.PlanView) -> list[s.StepDoc]:
    return [
        {
            "skill": x.skill,
            "has": x.has,
            "needs": x.needs,
            "score_after": score_value(x.score_after),
        }
        for x in plan.steps
    ]


def _gap(res: r.GapResult) -> s.GapPlanDoc:
    plan = res.plan
    return {
        "schema_version": SCHEMA_VERSION,
        "role": plan.role.id,
        "score": score_value(plan.score),
        "steps": _steps(plan),
        "stepping_stones": [x.id for x in plan.stepping_stones],
    }


def _report(res: r.ReportResult) -> s.ReportDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "name": res.name,
        "date": res.date.isoformat(),
        "brief": res.brief,
        "ratings": [
            {"skill": x.skill, "rating": x.rating, "check_missed": x.missed, "assumed": x.assumed}
            for x in res.ratings
        ],
        "matches": [match_doc(m) for m in res.matches],
        "plans": [
            {
                "role": p.role.id,
                "score": score_value(p.score),
                "steps": _steps(p),
                "stepping_stones": [x.id for x in p.stepping_stones],
            }
            for p in res.plans
        ],
        "warnings": list(res.warnings),
        "from": None if res.start is None else res.start.key,
        "from_occupation": None if res.start is None else _occupation_ref(res.start),
    }


def _learn(res: r.LearnResult) -> s.LearnDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "within_reach_score": res.reach,
        "skills": [
            {
                "skill": o.skill,
                "has": o.has,
                "to_level": o.to_level,
                "opens": [x.id for x in o.opens],
            }
            for o in res.openings
        ],
    }


def _occupation_ref(start: r.StartInfo) -> s.OccupationRefDoc:
    return {
        "soc_code": start.code,
        "title": start.occupation or start.title,
        "job_zone": start.job_zone,
    }


def _next(res: r.NextResult) -> s.NextDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "from": res.start.key,
        "from_occupation": _occupation_ref(res.start),
        "moves": [
            {
                "id": m.id,
                "title": m.title,
                "similarity": round(m.similarity, 3),
                "on_ladder": m.on_ladder,
                "new_skills": [
                    {"skill": g.skill, "has": g.rated, "needs": g.needs} for g in m.new_skills
                ],
                "preparation": m.preparation,
                "carries_over": list(m.carries),
                "step": m.step,
            }
            for m in res.moves
        ],
        "left_out": [x.id for x in res.own],
    }


def _occupations(res: r.OccupationsResult) -> s.OccupationsDoc:
    return {
        "schema_version": SCHEMA_VERSION,
        "query": res.query,
        "occupations": [
            {
                "soc_code": h.code,
                "title": h.title,
                "job_zone": h.job_zone,
                "matched_title": h.matched_title,
                "roles": [x.id for x in h.roles],
            }
            for h in res.hits
        ],
    }


def _typing(res: r.TypingResult) -> s.TypingDoc:
    f = res.figures
    return {
        "schema_version": SCHEMA_VERSION,
        "mode": "numbers" if f.numbers else "words",
        "time_limit_seconds": res.limit,
        "seconds": round(f.seconds, 2),
        "characters": f.typed,
        "uncorrected_errors": f.errors,
        "keystrokes": f.keystrokes,
        "wrong_keystrokes": f.wrong_keystrokes,
        "gross_wpm": round(f.gross_wpm, 1),
        "net_wpm": round(f.net_wpm, 1),
        "accuracy": round(f.accuracy, 1),
        "accuracy_counting_corrections": round(f.accuracy_all, 1),
        "keystrokes_per_hour": round(f.kph),
        "skill": res.skill.id if res.skill is not None else None,
        "level": res.level,
    }


_BUILDERS: dict[type, Callable[[Any], Any]] = {
    r.RolesResult: _roles,
    r.RoleSheet: _role,
    r.SkillsResult: _skills,
    r.FamiliesResult: _families,
    r.PathResult: _path,
    r.AboutResult: _about,
    r.CompareResult: _compare,
    r.ValidateResult: _validate,
    r.MatchResult: _matches,
    r.GapResult: _gap,
    r.ReportResult: _report,
    r.LearnResult: _learn,
    r.NextResult: _next,
    r.OccupationsResult: _occupations,
    r.TypingResult: _typing,
}


def document(result: object) -> dict[str, Any]:
    """The JSON document for any command's result."""
    doc: dict[str, Any] = _BUILDERS[type(result)](result)
    return doc
