"""Reading one role: its fields, occupation codes and sourced figures."""

from __future__ import annotations

import math
import re

from bocareer.errors import describe
from bocareer.kb.checker import FIGURES, Checker
from bocareer.kb.yamlload import LDict
from bocareer.models import Codes, Entry, Family, Role, Skill, Source

_ROLE_REQUIRED = (
    "title",
    "family",
    "summary",
    "responsibilities",
    "skills",
    "tools",
    "entry",
    "preparation",
    "next",
)
_ROLE_OPTIONAL = (
    "preparation_note",
    "codes",
    "figures",
    "seed",
    "also_called",
    "entry_point",
    "top_of_ladder",
    "departures",
    "uncovered",
)
FITS = ("exact", "broad", "proxy")


def role(
    ck: Checker,
    rid: str,
    obj: LDict,
    families: dict[str, Family],
    skills: dict[str, Skill],
    sources: dict[str, Source],
) -> Role:
    where = f"roles.{rid}"
    ck.keys(obj, where, _ROLE_REQUIRED, _ROLE_OPTIONAL)
    family = obj.get("family", "")
    if "family" in obj:
        ck.ref(obj.line_of("family"), f"{where}.family", family, families, "family")
    needs: dict[str, int] = {}
    table = ck.mapping(obj, "skills", f"{where}.skills") if "skills" in obj else None
    if table is not None:
        if not table:
            ck.error(table.line, f"{where}.skills: a role needs at least one skill")
        for sid in table:
            if ck.ref(table.line_of(sid), f"{where}.skills", sid, skills, "skill"):
                needs[sid] = ck.integer(table, sid, f"{where}.skills.{sid}", 1, 5)
    entry = Entry("", "")
    entry_obj = ck.mapping(obj, "entry", f"{where}.entry") if "entry" in obj else None
    if entry_obj is not None:
        ck.keys(entry_obj, f"{where}.entry", ("education", "experience"))
        entry = Entry(
            education=ck.opt_text(entry_obj, "education", f"{where}.entry") or "",
            experience=ck.opt_text(entry_obj, "experience", f"{where}.entry") or "",
        )
    preparation = (
        ck.integer(obj, "preparation", f"{where}.preparation", 1, 5)
        if ("preparation" in obj)
        else 1
    )
    next_ids, takes = _next(ck, obj, rid, where)
    codes = _codes(ck, obj, where) if "codes" in obj else None
    figures = _figures(ck, obj, where, sources) if "figures" in obj else {}
    note = ck.opt_text(obj, "preparation_note", where)
    job_zone = figures.get("job_zone")
    if job_zone is not None and job_zone != preparation and note is None:
        ck.error(
            obj.line_of("preparation"),
            f"{where}.preparation: {preparation} departs from the O*NET Job Zone {int(job_zone)}; "
            "say why in preparation_note",
        )
    seed = obj.get("seed", False)
    if not isinstance(seed, bool):
        ck.error(obj.line_of("seed"), f"{where}.seed: expected true or false")
    return Role(
        id=rid,
        title=ck.text(obj, "title", f"{where}.title", default=rid) if "title" in obj else rid,
        family=family if isinstance(family, str) else "",
        summary=ck.text(obj, "summary", f"{where}.summary") if "summary" in obj else "",
        responsibilities=tuple(ck.text_list(obj, "responsibilities", where, allow_empty=False))
        if "responsibilities" in obj
        else (),
        skills=needs,
        tools=tuple(ck.text_list(obj, "tools", where)) if "tools" in obj else (),
        entry=entry,
        preparation=preparation,
        preparation_note=note,
        next=tuple(next_ids),
        codes=codes,
        figures=figures,
        seed=seed is True,
        also_called=tuple(ck.text_list(obj, "also_called", where)) if "also_called" in obj else (),
        takes=takes,
        entry_point=ck.opt_text(obj, "entry_point", where),
        top_of_ladder=ck.opt_text(obj, "top_of_ladder", where),
        departures=_skill_notes(ck, obj, "departures", where, needs),
        uncovered=ck.text_map(obj, "uncovered", f"{where}.uncovered") if "uncovered" in obj else {},
    )


def _next(ck: Checker, obj: LDict, rid: str, where: str) -> tuple[list[str], dict[str, str]]:
    """The roles this one leads to, each a role id or ``{role: id, takes: what it takes}``."""
    ids: list[str] = []
    takes: dict[str, str] = {}
    if obj.get("next") is None:  # `next:` with nothing after it = no moves
        return ids, takes
    items = ck.seq(obj, "next", f"{where}.next")
    for i, item in enumerate(items or []):
        assert items is not None
        line = items.line_of(i)
        target = item
        if isinstance(item, LDict):
            ck.keys(item, f"{where}.next[{i + 1}]", ("role", "takes"))
            target = item.get("role")
            if "takes" in item and isinstance(target, str):
                takes[target] = ck.text(item, "takes", f"{where}.next[{i + 1}].takes")
        if not isinstance(target, str):
            ck.error(line, f"{where}.next: expected a role id or {{role: id, takes: text}}")
        elif target == rid:
            ck.error(line, f"{where}.next: a role cannot lead to itself")
        else:
            ids.append(target)
    if len(set(ids)) != len(ids):
        ck.error(obj.line_of("next"), f"{where}.next: lists a role twice")
    return ids, takes


def _skill_notes(
    ck: Checker, obj: LDict, key: str, where: str, needs: dict[str, int]
) -> dict[str, str]:
    """``departures``: skill id -> why; each skill must be one the role needs."""
    notes = ck.text_map(obj, key, f"{where}.{key}") if key in obj else {}
    table = obj.get(key)
    for skill in notes:
        if skill not in needs and isinstance(table, LDict):
            ck.error(table.line_of(skill), f"{where}.{key}: {skill!r} is not a skill of this role")
    return notes


def _codes(ck: Checker, obj: LDict, where: str) -> Codes | None:
    codes = ck.mapping(obj, "codes", f"{where}.codes")
    if codes is None:
        return None
    where = f"{where}.codes"
    ck.keys(codes, where, (), Codes._fields)
    if "fit" in codes and codes["fit"] not in FITS:
        ck.error(codes.line_of("fit"), f"{where}.fit: expected one of {', '.join(FITS)}")
    if "onet_soc" in codes and not re.match(r"^\d\d-\d{4}\.\d\d$", str(codes["onet_soc"])):
        ck.error(codes.line_of("onet_soc"), f"{where}.onet_soc: expected a code like 43-9021.00")
    if "isco" in codes and not re.match(r"^\d{4}$", str(codes["isco"])):
        ck.error(codes.line_of("isco"), f"{where}.isco: expected a 4-digit ISCO-08 code in quotes")
    return Codes(**{k: ck.text(codes, k, f"{where}.{k}") for k in codes if k in Codes._fields})


def _figures(ck: Checker, obj: LDict, where: str, sources: dict[str, Source]) -> dict[str, float]:
    table = ck.mapping(obj, "figures", f"{where}.figures")
    if table is None:
        return {}
    where = f"{where}.figures"
    ck.keys(table, where, (), FIGURES)
    out: dict[str, float] = {}
    for key in table:
        if key not in FIGURES:
            continue
        line = table.line_of(key)
        value = table[key]
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not math.isfinite(value)
        ):
            ck.error(line, f"{where}.{key}: expected a number, found {describe(value)}")
            continue
        if key == "job_zone":
            value = ck.integer(table, key, f"{where}.{key}", 1, 5)
        elif key == "automation_probability" and not 0 <= value <= 1:
            ck.error(line, f"{where}.{key}: {value} is not a probability between 0 and 1")
        elif value < 0:
            ck.error(line, f"{where}.{key}: cannot be negative")
        if key not in sources:
            ck.error(line, f"{where}.{key}: no figure without a source; add sources.{key}")
        out[key] = value
    return out
