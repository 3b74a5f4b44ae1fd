"""The printable documents (role hand-out, client report, comparison, gap plan), laid out once.

Each function turns a result into :mod:`~bocareer.output.blocks`; the Markdown and HTML writers
serialise the same blocks, so both say the same thing in the same order. Nothing depends on the
clock: the only date is the report's own, so the same input gives the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from bocareer import results as r
from bocareer.output import text as t
from bocareer.output.blocks import (
    Block,
    Bullets,
    Document,
    Heading,
    Inline,
    Meter,
    Para,
    Span,
    Table,
    Tree,
    labelled,
    text,
)

#: A growth tree on paper lists this many of each step's needs, the biggest first.
NEEDS_SHOWN = 4

ATTRIBUTION = (
    "Includes information from the O*NET 29.3 Database by the U.S. Department of Labor, "
    "Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 licence; "
    "USDOL/ETA has not approved, endorsed or tested these modifications. Pay: BLS OEWS May 2023."
)
FOOTER = "Prepared with bocareer."


def level_meter(value: float) -> Meter:
    return Meter(value, 5, f"{t.number(value)}/5")


def score_meter(value: float) -> Meter:
    return Meter(value, 100, f"{t.score_text(value)}/100")


def titles(refs: Iterable[r.RoleRef]) -> str:
    return ", ".join(x.title for x in refs)


# -- role hand-out ----------------------------------------------------------------------------


def role_sheet(sheet: r.RoleSheet) -> Document:
    """A role hand-out: the skills table comes right after the summary, on page one."""
    blocks: list[Block] = [
        Heading(1, sheet.title),
        Para(
            text(
                f"{sheet.family_name} · preparation {sheet.preparation}/5 "
                "(1 = little, 5 = extensive, as O*NET Job Zones)"
            ),
            "meta",
        ),
        Para(text(sheet.summary), "lead"),
        *(
            [Para(labelled("Also called", ", ".join(sheet.also_called)), "muted")]
            if sheet.also_called
            else []
        ),
        Heading(2, "Skills needed"),
        Table(
            ("Skill", "Level", "What that level means"),
            tuple(
                (text(k.name), (level_meter(k.level),), text(k.meaning)) for k in sheet.by_level()
            ),
        ),
        Heading(2, "Responsibilities"),
        Bullets(tuple(text(x) for x in sheet.responsibilities)),
    ]
    if sheet.tools:
        blocks += [Heading(2, "Tools and software"), Para(text(", ".join(sheet.tools)))]
    blocks += [
        Heading(2, "How people get in"),
        Bullets((labelled("Education", sheet.education), labelled("Experience", sheet.experience))),
    ]
    if sheet.preparation_note:
        blocks.append(Para(labelled("Preparation", sheet.preparation_note), "muted"))
    blocks += [
        Heading(2, "Where it leads"),
        Bullets(tuple(text(line) for line in t.moves_text(sheet)))
        if sheet.leads_to
        else Para(text(sheet.top_of_ladder or t.TOP_OF_LADDER)),
        Heading(2, "Where people come from"),
        Para(text(titles(sheet.comes_from) or sheet.entry_point or t.ENTRY_POINT)),
    ]
    blocks += _codes_and_figures(sheet)
    return Document(
        f"{sheet.title} – role summary", tuple(blocks), (text(f"{FOOTER} {ATTRIBUTION}"),)
    )


def _codes_and_figures(sheet: r.RoleSheet) -> list[Block]:
    codes = t.code_lines(sheet.codes)
    note = t.figures_note(sheet.codes, sheet.figures)
    if not codes and note is None:
        return []
    out: list[Block] = [Heading(2, "Codes and figures")]
    if codes:
        out.append(Bullets(tuple(text(line) for line in codes)))
    if note is not None:
        out += [Para(text(note)), Bullets(tuple(text(t.figure_line(f)) for f in sheet.figures))]
    return out


# -- gap plan ---------------------------------------------------------------------------------


def plan_blocks(plan: r.PlanView, level: int) -> list[Block]:
    """What it takes to get to one role: used by `gap` and by each role of a full report."""
    sub = level + 1
    out: list[Block] = [Para((Span("Your match today: ", "strong"), score_meter(plan.score)))]
    if plan.steps:
        out.append(
            Table(
                ("Step", "Skill", "From → to", "Score after"),
                tuple(
                    (
                        text(str(n)),
                        text(x.name),
                        text(f"{x.has} → {x.needs}"),
                        (score_meter(x.score_after),),
                    )
                    for n, x in enumerate(plan.steps, start=1)
                ),
                caption="Skills to raise, in this order (the biggest gain first)",
            )
        )
    else:
        out.append(Para(text(t.MEETS_ALL)))
    if plan.stepping_stones:
        out.append(Para(labelled("Stepping stones on the way", titles(plan.stepping_stones))))
    out += [Heading(sub, "Where it leads"), Tree(plan.tree, "this role", NEEDS_SHOWN)]
    if plan.routes_in:
        out += [
            Heading(sub, "Routes in"),
            Bullets(tuple(text(" → ".join(x.title for x in route)) for route in plan.routes_in)),
        ]
    return out


def gap_plan(res: r.GapResult) -> Document:
    """``gap ROLE`` as a document."""
    plan = res.plan
    blocks: list[Block] = [
        Heading(1, f"Toward {plan.role.title}"),
        Para(text(f"Preparation {plan.preparation}/5"), "meta"),
        Para(text(plan.summary), "lead"),
        *plan_blocks(plan, 2),
    ]
    return Document(
        f"Toward {plan.role.title} – gap plan", tuple(blocks), (text(f"{FOOTER} {ATTRIBUTION}"),)
    )


# -- comparison ---------------------------------------------------------------------------------


def comparison(res: r.CompareResult) -> Document:
    """Two or three roles side by side: preparation, pay, and every skill's level."""
    names = tuple(c.title for c in res.roles)
    facts: list[tuple[Inline, ...]] = [
        (text("Preparation (1-5)"), *(text(f"{c.preparation}/5") for c in res.roles)),
    ]
    for key, label in (("median_pay_usd", "US median pay"), ("employment_us", "US employment")):
        found = [next((f for f in c.figures if f.key == key), None) for c in res.roles]
        if any(found):
            facts.append((text(label), *(text(t.figure_value(f) if f else "–") for f in found)))
    sources = {
        f.key: f
        for c in res.roles
        for f in c.figures
        if f.key in ("median_pay_usd", "employment_us")
    }
    blocks: list[Block] = [
        Heading(1, "Roles side by side"),
        Para(text(", ".join(names)), "lead"),
        Table(("", *names), tuple(facts), style="matrix"),
        Heading(2, "Skills each role needs"),
        Table(
            ("Skill", *names),
            tuple(
                (
                    text(k.name),
                    *((level_meter(c.levels[i]),) if c.levels[i] else text("·") for c in res.roles),
                )
                for i, k in enumerate(res.skills)
            ),
            style="matrix",
        ),
        Heading(2, "What each needs that the others do not"),
        Bullets(
            tuple(
                labelled(c.title, ", ".join(k.name for k in c.only) or "nothing the others do not")
                for c in res.roles
            )
        ),
    ]
    if sources:
        blocks.append(
            Para(
                text(
                    "Figures are for each role's broad occupation, not the role alone. "
                    + _sources_line(sources.values())
                ),
                "muted",
            )
        )
    return Document("Roles side by side", tuple(blocks), (text(f"{FOOTER} {ATTRIBUTION}"),))


def _sources_line(figures: Iterable[r.Figure]) -> str:
    """Each source once, with the figures it gives: "US median pay and US employment: BLS
    Occupational Employment and Wage Statistics (OEWS), May 2023, national, all industries."
    (a source's own note after a colon is left to the role sheet, which has the room)."""
    by_source: dict[str, list[str]] = {}
    for fig in figures:
        source = _source(fig).split(": ", 1)[0].rstrip(".") + "."
        by_source.setdefault(source, []).append(t.figure_line(fig).split(": ", 1)[0])
    return " ".join(f"{' and '.join(labels)}: {source}" for source, labels in by_source.items())


def _source(fig: r.Figure) -> str:
    if fig.source is None:
        return "no source given."
    year = f", {fig.source.year}" if fig.source.year else ""
    return f"{fig.source.title}{year}."


def layout(result: object) -> Document:
    """The document for a printable result."""
    from bocareer.output.report import report

    layouts: dict[type, Callable[[Any], Document]] = {
        r.RoleSheet: role_sheet,
        r.ReportResult: report,
        r.CompareResult: comparison,
        r.GapResult: gap_plan,
    }
    return layouts[type(result)](result)
