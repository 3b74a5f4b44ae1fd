"""The client report laid out: one brief page (strongest skills, the three best matches, the
first step), then, unless brief, each planned role in full, the other matches and every rating.
"""

from __future__ import annotations

from bocareer import results as r
from bocareer.output import text as t
from bocareer.output.blocks import (
    Block,
    Bullets,
    Document,
    Group,
    Heading,
    Inline,
    Para,
    Span,
    Table,
    labelled,
    text,
)
from bocareer.output.documents import (
    ATTRIBUTION,
    FOOTER,
    level_meter,
    plan_blocks,
    score_meter,
)

#: The brief page shows this many of the person's strongest skills.
STRONGEST = 5
#: And this many gaps per match.
BRIEF_GAPS = 2


def _rating_row(x: r.RatingLine) -> tuple[Inline, ...]:
    label: Inline = text(x.name)
    if x.missed:
        counted = x.rating * 0.5
        label += (
            Span(f" (rated {x.rating}, check missed: counted as {t.number(counted)})", "muted"),
        )
    if x.assumed:
        label += (Span(" (assumed from your job or a ticked list, not rated)", "muted"),)
    return (label, (level_meter(x.rating),))


def _match_facts(m: r.MatchLine, gaps: int | None) -> Bullets:
    """Why a role scored as it did; ``gaps`` limits the gaps shown (None: all, and strengths)."""
    shown = m.gaps if gaps is None else m.gaps[:gaps]
    facts: list[Inline] = [labelled("Why", t.reason(m))]
    if gaps is None:
        facts.append(labelled("Strengths", ", ".join(k.name for k in m.strengths) or "none yet"))
    label = "Gaps (you → needed)" if gaps is None else "Biggest gaps (you → needed)"
    facts.append(labelled(label, ", ".join(t.gap_text(g) for g in shown) or "none"))
    facts += [labelled(x.name, t.missed_check(x)) for x in m.missed]
    return Bullets(tuple(facts), "facts")


def _match_card(n: int, m: r.MatchLine) -> Group:
    meta = Span(f"{m.family_name} · preparation {m.preparation}/5 · score ", "muted")
    return Group(
        (
            Heading(3, f"{n}. {m.title}"),
            Para((meta, score_meter(m.score))),
            _match_facts(m, BRIEF_GAPS),
        ),
        "card",
    )


def _first_step(res: r.ReportResult) -> list[Block]:
    if not res.plans:
        return []
    plan = res.plans[0]
    if not plan.steps:
        line = f"Toward {plan.role.title}: {t.MEETS_ALL}"
    else:
        step = plan.steps[0]
        line = (
            f"Toward {plan.role.title}: raise {step.name} from {step.has} to {step.needs}; your "
            f"match would go from {t.score_text(plan.score)} to {t.score_text(step.score_after)}."
        )
    return [Heading(2, "Your first step"), Para(text(line), "lead")]


def report(res: r.ReportResult) -> Document:
    """A client's report: one brief page, then (unless brief) each planned role in full."""
    title = f"Career report for {res.name}" if res.name else "Career report"
    page: list[Block] = [
        Heading(1, title),
        Para(text(f"Date: {res.date.isoformat()}"), "meta"),
    ]
    page += [Para(text(w), "notice") for w in res.warnings]
    page.append(Heading(2, "Your strongest skills"))
    if res.ratings:
        strongest = res.ratings[:STRONGEST]
        page.append(
            Table(
                ("Skill", "Your rating (0–5)"),
                tuple(_rating_row(x) for x in strongest),
                style="chart",
            )
        )
    else:
        page.append(Para(text("No skill was rated.")))
    page.append(Heading(2, "Your best matches"))
    if res.start is not None:
        page.append(Para(text(t.start_line(res.start))))
    if not res.matches:
        page.append(Para(text(t.NO_MATCH), "notice"))
        return Document(title, (Group(tuple(page), "page"),), (text(f"{FOOTER} {ATTRIBUTION}"),))
    page.append(Para(text(t.SCORE_MEANING), "muted"))
    page += [_match_card(n, m) for n, m in enumerate(res.matches[:3], start=1)]
    page += _first_step(res)
    blocks: list[Block] = [Group(tuple(page), "page")]
    if not res.brief:
        for n, plan in enumerate(res.plans, start=1):
            match = next(m for m in res.matches if m.id == plan.role.id)
            blocks.append(
                Group(
                    (
                        Heading(2, f"{n}. {plan.role.title}"),
                        Para(text(plan.summary), "lead"),
                        _match_facts(match, None),
                        *plan_blocks(plan, 3),
                    ),
                    "part",
                )
            )
        rest = res.matches[len(res.plans) :]
        if rest:
            blocks += [
                Heading(2, "Other matches"),
                Table(
                    ("#", "Role", "Score", "Why"),
                    tuple(
                        (text(str(n)), text(m.title), (score_meter(m.score),), text(t.reason(m)))
                        for n, m in enumerate(rest, start=len(res.plans) + 1)
                    ),
                ),
            ]
        if len(res.ratings) > STRONGEST:
            blocks += [
                Heading(2, "All your ratings"),
                Table(
                    ("Skill", "Your rating (0–5)"),
                    tuple(_rating_row(x) for x in res.ratings),
                    style="chart",
                ),
            ]
    return Document(title, tuple(blocks), (text(f"{FOOTER} {ATTRIBUTION}"),))
