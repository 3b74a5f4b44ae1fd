"""List results as CSV for spreadsheets: a header row named after the JSON document's keys and
one row per item. A list inside an item is one cell, its entries joined with "; " (a skill with
a level as ``id:level``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from bocareer import results as r
from bocareer.output.jsondoc import match_doc
from bocareer.output.text import clean

Row = Sequence[object]


def _join(items: Iterable[object]) -> str:
    return "; ".join(str(i) for i in items)


def _cell(value: object) -> object:
    if isinstance(value, str):
        value = clean(value)
    # A cell that starts with = + - @ would run as a formula when a spreadsheet opens the file;
    # a leading apostrophe keeps it text (OWASP, CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _roles(res: r.RolesResult) -> tuple[Row, list[Row]]:
    head = (
        "id",
        "title",
        "family",
        "preparation",
        "summary",
        "skills",
        "next_roles",
        "previous_roles",
    )
    rows: list[Row] = [
        (
            b.id,
            b.title,
            b.family,
            b.preparation,
            b.summary,
            _join(f"{sid}:{lv}" for sid, lv in b.skills),
            _join(b.next_roles),
            _join(b.previous_roles),
        )
        for b in res.roles
    ]
    return head, rows


def _matches(res: r.MatchResult) -> tuple[Row, list[Row]]:
    head = (
        "id",
        "title",
        "family",
        "preparation",
        "score",
        "coverage",
        "focus",
        "reason",
        "strengths",
        "gaps",
        "checks_missed",
        "next_roles",
        "use",
        "skill_score",
        "similarity",
    )
    rows: list[Row] = []
    for m in res.matches:
        d = match_doc(m)
        rows.append(
            (
                d["id"],
                d["title"],
                d["family"],
                d["preparation"],
                d["score"],
                d["coverage"],
                d["focus"],
                d["reason"],
                _join(d["strengths"]),
                _join(f"{g['skill']}:{g['counted']:g}/{g['needs']}" for g in d["gaps"]),
                _join(d["checks_missed"]),
                _join(d["next_roles"]),
                d["use"],
                d["skill_score"],
                d["similarity"],
            )
        )
    return head, rows


def _learn(res: r.LearnResult) -> tuple[Row, list[Row]]:
    head = ("skill", "has", "to_level", "opens")
    return head, [(o.skill, o.has, o.to_level, _join(x.id for x in o.opens)) for o in res.openings]


def _occupations(res: r.OccupationsResult) -> tuple[Row, list[Row]]:
    head = ("soc_code", "title", "job_zone", "matched_title", "roles")
    rows: list[Row] = [
        (h.code, h.title, h.job_zone, h.matched_title, _join(x.id for x in h.roles))
        for h in res.hits
    ]
    return head, rows


def _next(res: r.NextResult) -> tuple[Row, list[Row]]:
    head = (
        "id",
        "title",
        "similarity",
        "on_ladder",
        "new_skills",
        "preparation",
        "carries_over",
        "step",
    )
    rows: list[Row] = [
        (
            m.id,
            m.title,
            round(m.similarity, 3),
            m.on_ladder,
            _join(f"{g.skill}:{g.rated}/{g.needs}" for g in m.new_skills),
            m.preparation,
            _join(m.carries),
            m.step,
        )
        for m in res.moves
    ]
    return head, rows


_TABLES: dict[type, Callable[[Any], tuple[Row, list[Row]]]] = {
    r.RolesResult: _roles,
    r.MatchResult: _matches,
    r.LearnResult: _learn,
    r.NextResult: _next,
    r.OccupationsResult: _occupations,
}


def render(result: object) -> str:
    """The CSV text for a list result."""
    head, rows = _TABLES[type(result)](result)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(head)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return out.getvalue()


def supports(result_type: type) -> bool:
    """Whether a result has a CSV form."""
    return result_type in _TABLES
