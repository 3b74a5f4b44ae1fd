"""Reading the sections of a knowledge base into models: sources, families, skills, the about
page and the check questions. Roles have their own module (:mod:`bocareer.kb.roles`).
"""

from __future__ import annotations

import itertools
from typing import Any

from bocareer.errors import describe
from bocareer.kb.checker import FIGURES, Checker
from bocareer.kb.yamlload import LDict, LList
from bocareer.models import (
    About,
    Area,
    Check,
    Comparison,
    Family,
    Measure,
    Named,
    NotModelled,
    Role,
    Skill,
    Source,
    WorkType,
)


def source(ck: Checker, sid: str, obj: LDict) -> Source:
    where = f"sources.{sid}"
    ck.keys(obj, where, ("title",), ("year", "url", "note"))
    if sid not in (*FIGURES, "onet_soc", "isco"):
        ck.warn(obj.line, f"{where}: no field is called {sid!r}, so this source sources nothing")
    year = ck.integer(obj, "year", f"{where}.year", 1900, 2100) if "year" in obj else None
    return Source(
        title=ck.text(obj, "title", f"{where}.title") if "title" in obj else "",
        year=year,
        url=ck.opt_text(obj, "url", where),
        note=ck.opt_text(obj, "note", where),
    )


def family(ck: Checker, fid: str, obj: LDict) -> Family:
    where = f"families.{fid}"
    ck.keys(obj, where, ("name", "summary"))
    return Family(
        id=fid,
        name=ck.text(obj, "name", f"{where}.name", default=fid) if "name" in obj else fid,
        summary=ck.text(obj, "summary", f"{where}.summary") if "summary" in obj else "",
    )


def skill(ck: Checker, sid: str, obj: LDict) -> Skill:
    where = f"skills.{sid}"
    ck.keys(
        obj,
        where,
        ("name", "description", "levels"),
        ("onet", "onet_note", "measured", "not_derived"),
    )
    levels = ["", "", "", "", ""]
    table = ck.mapping(obj, "levels", f"{where}.levels") if "levels" in obj else None
    if table is not None:
        for key in table:
            if key not in {"1", "2", "3", "4", "5"}:
                ck.error(table.line_of(key), f"{where}.levels: level {key!r} is not 1-5")
            else:
                levels[int(key) - 1] = ck.text(table, key, f"{where}.levels.{key}")
        missing = [str(i + 1) for i, t in enumerate(levels) if not t and str(i + 1) not in table]
        if missing:
            ck.error(table.line, f"{where}.levels: missing level {', '.join(missing)}")
    return Skill(
        id=sid,
        name=ck.text(obj, "name", f"{where}.name", default=sid) if "name" in obj else sid,
        description=ck.text(obj, "description", f"{where}.description")
        if "description" in obj
        else "",
        levels=(levels[0], levels[1], levels[2], levels[3], levels[4]),
        onet=ck.text_map(obj, "onet", f"{where}.onet") if "onet" in obj else {},
        onet_note=ck.opt_text(obj, "onet_note", where),
        measured=_measured(ck, obj, where) if "measured" in obj else {},
        not_derived=ck.opt_text(obj, "not_derived", where),
    )


def _measured(ck: Checker, obj: LDict, where: str) -> dict[int, Measure]:
    """What a typing test must show for each level; each figure never falls as levels rise."""
    where = f"{where}.measured"
    table = ck.mapping(obj, "measured", where)
    if table is None:
        return {}
    out: dict[int, Measure] = {}
    for key in table:
        if key not in {"1", "2", "3", "4", "5"}:
            ck.error(table.line_of(key), f"{where}: level {key!r} is not 1-5")
            continue
        row = ck.mapping(table, key, f"{where}.{key}")
        if row is None:
            continue
        ck.keys(row, f"{where}.{key}", (), Measure._fields)
        values = {}
        for name in Measure._fields:
            if name in row:
                value = row[name]
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    ck.error(
                        row.line_of(name),
                        f"{where}.{key}.{name}: expected a number, found {describe(value)}",
                    )
                else:
                    values[name] = float(value)
        out[int(key)] = Measure(**values)
    for name in Measure._fields:
        seen = [
            (lv, getattr(m, name)) for lv, m in sorted(out.items()) if getattr(m, name) is not None
        ]
        for (lo, a), (hi, b) in itertools.pairwise(seen):
            if b < a:
                ck.error(
                    table.line_of(str(hi)),
                    f"{where}: {name} falls from level {lo} ({a:g}) to {hi} ({b:g})",
                )
    return out


def areas(ck: Checker, data: LDict, skills: dict[str, Skill]) -> tuple[Area, ...]:
    """The quick quiz's kinds of work: each an id, a label and the skills it covers."""
    items = ck.seq(data, "quiz_areas", "quiz_areas")
    out: list[Area] = []
    seen: set[str] = set()
    for i in range(len(items or [])):
        assert items is not None
        where = f"quiz_areas[{i + 1}]"
        obj = ck.mapping(items, i, where)
        if obj is None or not ck.keys(obj, where, ("id", "label", "skills")):
            continue
        area_id = ck.text(obj, "id", f"{where}.id")
        if area_id in seen:
            ck.error(obj.line_of("id"), f"{where}.id: {area_id!r} is used twice")
        seen.add(area_id)
        refs = ck.seq(obj, "skills", f"{where}.skills") or LList()
        for j, s in enumerate(refs):
            ck.ref(refs.line_of(j), f"{where}.skills", s, skills, "skill")
        if not refs:
            ck.error(obj.line_of("skills"), f"{where}.skills: is empty")
        out.append(Area(area_id, ck.text(obj, "label", f"{where}.label"), tuple(map(str, refs))))
    return tuple(out)


def not_modelled(ck: Checker, data: LDict) -> dict[str, NotModelled]:
    """The top-level ``onet_not_modelled``: O*NET elements no skill stands for, and why."""
    table = ck.mapping(data, "onet_not_modelled", "onet_not_modelled")
    if table is None:
        return {}
    out = {}
    for element in table:
        where = f"onet_not_modelled.{element}"
        obj = ck.mapping(table, element, where)
        if obj is not None and ck.keys(obj, where, ("name", "why")):
            out[str(element)] = NotModelled(
                ck.text(obj, "name", f"{where}.name"), ck.text(obj, "why", f"{where}.why")
            )
    return out


def about(ck: Checker, value: Any, roles: dict[str, Role]) -> About:
    if not isinstance(value, LDict):
        ck.error(
            getattr(value, "line", None), f"about: expected a mapping, found {describe(value)}"
        )
        return About()
    named = ("duties", "challenges")
    ck.keys(
        value, "about", (), ("summary", "features", "comparison", "work_types", "outlook", *named)
    )

    def rows(key: str, fields: tuple[str, ...]) -> list[list[str]]:
        items = ck.seq(value, key, f"about.{key}") if key in value else None
        out: list[list[str]] = []
        for i in range(len(items or [])):
            assert items is not None
            obj = ck.mapping(items, i, f"about.{key}[{i + 1}]")
            if obj is not None and ck.keys(obj, f"about.{key}[{i + 1}]", fields):
                out.append([ck.text(obj, f, f"about.{key}[{i + 1}].{f}") for f in fields])
        return out

    work_types: list[WorkType] = []
    wt_items = ck.seq(value, "work_types", "about.work_types") if "work_types" in value else None
    for i in range(len(wt_items or [])):
        assert wt_items is not None
        where = f"about.work_types[{i + 1}]"
        obj = ck.mapping(wt_items, i, where)
        if obj is None or not ck.keys(obj, where, ("name", "roles")):
            continue
        refs = ck.seq(obj, "roles", f"{where}.roles") or LList()
        for j, r in enumerate(refs):
            ck.ref(refs.line_of(j), f"{where}.roles", r, roles, "role")
        work_types.append(
            WorkType(ck.text(obj, "name", f"{where}.name"), tuple(str(r) for r in refs))
        )
    return About(
        summary=ck.opt_text(value, "summary", "about") or "",
        features=tuple(ck.text_list(value, "features", "about")) if "features" in value else (),
        duties=tuple(Named(*r) for r in rows("duties", ("name", "text"))),
        comparison=tuple(
            Comparison(*r) for r in rows("comparison", ("aspect", "back_office", "front_office"))
        ),
        work_types=tuple(work_types),
        challenges=tuple(Named(*r) for r in rows("challenges", ("name", "text"))),
        outlook=ck.opt_text(value, "outlook", "about") or "",
    )


def checks(ck: Checker, data: LDict, skills: dict[str, Skill]) -> tuple[Check, ...]:
    items = ck.seq(data, "checks", "checks")
    out: list[Check] = []
    for i in range(len(items or [])):
        assert items is not None
        where = f"checks[{i + 1}]"
        obj = ck.mapping(items, i, where)
        if obj is None or not ck.keys(
            obj, where, ("skill", "question", "options", "answer"), ("level", "why")
        ):
            continue
        ck.ref(obj.line_of("skill"), f"{where}.skill", obj["skill"], skills, "skill")
        options = ck.text_list(obj, "options", where)
        answer = ck.text(obj, "answer", f"{where}.answer")
        if len(options) < 2:
            ck.error(obj.line_of("options"), f"{where}.options: needs at least two options")
        if len(set(options)) != len(options):
            ck.error(obj.line_of("options"), f"{where}.options: the same option appears twice")
        if options.count(answer) != 1:
            ck.error(obj.line_of("answer"), f"{where}.answer: must be exactly one of the options")
        out.append(
            Check(
                str(obj["skill"]),
                ck.text(obj, "question", f"{where}.question"),
                tuple(options),
                answer,
                ck.integer(obj, "level", f"{where}.level", 1, 5) if "level" in obj else 1,
                ck.opt_text(obj, "why", where),
            )
        )
    return tuple(out)
