"""Printable documents: a role summary and a client report, as Markdown or as one HTML page.

Counsellors print these or hand them out, so they say what the terminal views say
(:func:`bocareer.render.role_view`, ``matches_view``, ``gap_view``, ``growth_tree``) in a form
that reads on paper, on a phone and in a Markdown viewer such as GitHub.

Every text from the knowledge base or the answers is untrusted: control characters are replaced
(as the terminal does), HTML text is escaped with :func:`html.escape`, and Markdown text has every
character that could start markup, a link, raw HTML or a table cell escaped. The HTML is one
self-contained page: one inline ``<style>``, no script, no external resource. Nothing depends on
the clock: the only date is the report's own, so the same input gives the same bytes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bocareer.models import KnowledgeBase, Role
from bocareer.payloads import code_lines
from bocareer.render import clean

if TYPE_CHECKING:
    from bocareer.matching import Match
    from bocareer.planning import GapPlan
    from bocareer.report import Report

__all__ = ["report_html", "report_markdown", "role_html", "role_markdown"]

#: A growth diagram stops after this many boxes: a hand-written ladder has far fewer, and a
#: generated knowledge base must not make a report of thousands of pages.
MAX_TREE_NODES = 60

_SPACE = re.compile(r"\s+")
# Characters that can start inline Markdown (emphasis, code, links, images, strikethrough,
# autolinks, headings, table cells) or end one; each is backslash-escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
# An "&" only needs escaping where it would start a character reference such as "&lt;".
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


# -- text ---------------------------------------------------------------------------------


def _h(text: str) -> str:
    """Text from the data as HTML text or attribute value."""
    return html.escape(clean(text), quote=True)


def _md(text: str) -> str:
    """Text from the data as one line of inert Markdown, safe in a table cell too."""
    one_line = _SPACE.sub(" ", clean(text)).strip()
    # < and > as entities: no raw HTML (a tag, a comment, an autolink) passes through.
    out = _MD_ENTITY.sub("&amp;", one_line).replace("<", "&lt;").replace(">", "&gt;")
    out = _MD_SPECIAL.sub(r"\\\1", out)
    out = _MD_ORDERED.sub(r"\1\\\2", out)  # "1." at the start of a line is not a list
    if out[:1] in ("-", "+", "="):  # nor is "- ", "---" or "===" (list, rule, underline)
        out = "\\" + out
    return out


def _bar(value: float, top: int = 5, width: int | None = None) -> str:
    width = width or top
    filled = round(width * max(0.0, min(value, top)) / top)
    return "█" * filled + "░" * (width - filled)


def _pct(value: float, top: int) -> str:
    share = 100.0 * max(0.0, min(value, top)) / top
    return f"{share:.0f}%"


def _skill_name(kb: KnowledgeBase, skill_id: str) -> str:
    skill = kb.skills.get(skill_id)
    return skill.name if skill is not None else skill_id


def _role_title(kb: KnowledgeBase, role_id: str) -> str:
    role = kb.roles.get(role_id)
    return role.title if role is not None else role_id


def _family_name(kb: KnowledgeBase, family_id: str) -> str:
    family = kb.families.get(family_id)
    return family.name if family is not None else family_id


# -- what a role says (plain text; each format escapes it) ---------------------------------


@dataclass(frozen=True)
class _SkillRow:
    name: str
    level: int
    meaning: str


def _skill_rows(kb: KnowledgeBase, role: Role) -> list[_SkillRow]:
    rows = []
    for sid, level in sorted(role.skills.items(), key=lambda kv: -kv[1]):
        skill = kb.skills.get(sid)
        meaning = skill.anchor(level) if skill is not None and 1 <= level <= 5 else ""
        rows.append(_SkillRow(_skill_name(kb, sid), level, meaning))
    return rows


@dataclass(frozen=True)
class _Node:
    title: str
    asks: str
    children: tuple[_Node, ...]
    repeated: bool = False


def _growth(kb: KnowledgeBase, role_id: str) -> tuple[_Node, ...]:
    """Where ``role_id`` leads, as a tree of next roles (as ``render.growth_tree`` draws it)."""
    from bocareer.paths import step_gaps

    budget = [MAX_TREE_NODES]
    expanded = {role_id}

    def grow(rid: str) -> tuple[_Node, ...]:
        out: list[_Node] = []
        for nxt in kb.roles[rid].next:
            if budget[0] <= 0 or nxt not in kb.roles:
                break
            budget[0] -= 1
            gaps = step_gaps(kb, rid, nxt)
            asks = ", ".join(f"{_skill_name(kb, g.skill)} {g.has}→{g.needs}" for g in gaps)
            # A ladder is a graph: a role reached again is not drawn again (nor can it loop).
            again = nxt in expanded and bool(kb.roles[nxt].next)
            expanded.add(nxt)
            out.append(_Node(kb.roles[nxt].title, asks, () if again else grow(nxt), again))
        return tuple(out)

    return grow(role_id)


def _routes(kb: KnowledgeBase, role_id: str) -> list[str]:
    from bocareer.paths import routes_in

    return [" → ".join(_role_title(kb, r) for r in route) for route in routes_in(kb, role_id)]


def _ratings(kb: KnowledgeBase, report: Report) -> list[tuple[str, int, bool]]:
    """(skill name, rating, check missed), highest rating first, then by name."""
    missed = set(report.missed)
    rows = [(_skill_name(kb, s), v, s in missed) for s, v in report.ratings.items()]
    return sorted(rows, key=lambda t: (-t[1], t[0].casefold(), t[0]))


def _gaps(kb: KnowledgeBase, report: Report, match: Match) -> list[str]:
    return [
        f"{_skill_name(kb, g.skill)} {report.ratings.get(g.skill, 0)} → {g.needs}"
        for g in match.gaps
    ]


def _missed_notes(kb: KnowledgeBase, report: Report, match: Match) -> list[str]:
    role = kb.roles[match.role]
    return [
        f"{_skill_name(kb, s)}: rated {report.ratings.get(s, 0)}, but the check question was "
        "missed, so it counts half"
        for s in role.skills
        if s in report.missed and s in match.strengths
    ]


_NO_MATCH = "No role could be matched: no skill was rated above 0."


def _report_title(report: Report) -> str:
    return f"Career report for {report.name}" if report.name else "Career report"


# -- Markdown -----------------------------------------------------------------------------


def _md_table(head: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A GitHub table; cells must already be escaped (no raw ``|``, no newline)."""
    lines = ["| " + " | ".join(head) + " |", "| " + " | ".join("---" for _ in head) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _md_bullets(items: Iterable[str]) -> list[str]:
    return [*(f"- {item}" for item in items), ""]


def _md_tree(nodes: Sequence[_Node], depth: int) -> list[str]:
    lines: list[str] = []
    for node in nodes:
        text = f"→ **{_md(node.title)}**"
        if node.asks:
            text += f" — asks: {_md(node.asks)}"
        if node.repeated:
            text += " (where it leads is shown above)"
        lines.append("  " * depth + "- " + text)
        lines += _md_tree(node.children, depth + 1)
    return lines


def _md_role_body(kb: KnowledgeBase, role: Role, level: int) -> list[str]:
    """Everything about a role below its title; headings start at ``level``."""
    h = "#" * level
    out = [
        f"**Family:** {_md(_family_name(kb, role.family))} · "
        f"**Preparation:** {role.preparation}/5 (1 = little, 5 = extensive, as O\\*NET Job Zones)",
        "",
        _md(role.summary),
        "",
        f"{h} Responsibilities",
        "",
        *_md_bullets(_md(r) for r in role.responsibilities),
        f"{h} Skills needed",
        "",
        *_md_table(
            ("Skill", "Level", "What that level means"),
            (
                (_md(r.name), f"{_bar(r.level)} {r.level}/5", _md(r.meaning))
                for r in _skill_rows(kb, role)
            ),
        ),
    ]
    if role.tools:
        out += [f"{h} Tools and software", "", ", ".join(_md(t) for t in role.tools), ""]
    out += [
        f"{h} How people get in",
        "",
        *_md_bullets(
            [
                f"**Education:** {_md(role.entry.education)}",
                f"**Experience:** {_md(role.entry.experience)}",
            ]
        ),
    ]
    if role.preparation_note:
        out += [f"*Preparation:* {_md(role.preparation_note)}", ""]
    previous = kb.previous.get(role.id, ())
    out += [f"{h} Where it leads", ""]
    out += (
        _md_bullets(_md(_role_title(kb, r)) for r in role.next)
        if role.next
        else ["Top of its ladder in this knowledge base.", ""]
    )
    out += [f"{h} Where people come from", ""]
    out += (
        _md_bullets(_md(_role_title(kb, r)) for r in previous)
        if previous
        else ["An entry point: no other role here leads to it.", ""]
    )
    codes = code_lines(kb, role)
    if codes.codes or codes.figures:
        out += [f"{h} Codes and figures", ""]
        if codes.codes:
            out += _md_bullets(_md(line) for line in codes.codes)
        if codes.figures_note:
            out += [_md(codes.figures_note), "", *_md_bullets(_md(f) for f in codes.figures)]
    return out


def role_markdown(kb: KnowledgeBase, role: Role) -> str:
    """One role as a Markdown hand-out."""
    lines = [f"# {_md(role.title)}", "", *_md_role_body(kb, role, 2)]
    return _md_join(lines)


def _md_join(lines: list[str]) -> str:
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"


def report_markdown(kb: KnowledgeBase, report: Report) -> str:
    """A client's report as one Markdown document."""
    from bocareer.matching import reason

    out = [f"# {_md(_report_title(report))}", "", f"**Date:** {report.date.isoformat()}", ""]
    out += ["## Your skill ratings", ""]
    ratings = _ratings(kb, report)
    if ratings:
        out += _md_table(
            ("Skill", "Your rating"),
            (
                (
                    _md(name),
                    f"{_bar(value)} {value}/5" + (" (check question missed)" if missed else ""),
                )
                for name, value, missed in ratings
            ),
        )
    else:
        out += ["No skill was rated.", ""]

    out += ["## Your best matches", ""]
    if not report.matches:
        out += [_NO_MATCH, ""]
        return _md_join(out)
    out += [
        "Scores run from 0 to 100: how much of what the role asks you have, and how much of "
        "your skill it would use.",
        "",
        *_md_table(
            ("#", "Role", "Score"),
            (
                (str(n), _md(kb.roles[m.role].title), f"{_bar(m.score, 100, 10)} {m.score:.0f}/100")
                for n, m in enumerate(report.matches, start=1)
            ),
        ),
    ]
    for n, m in enumerate(report.matches, start=1):
        role = kb.roles[m.role]
        strengths = ", ".join(_md(_skill_name(kb, s)) for s in m.strengths) or "none yet"
        gaps = ", ".join(_md(g) for g in _gaps(kb, report, m)) or "none"
        out += [
            f"### {n}. {_md(role.title)}",
            "",
            f"*{_md(_family_name(kb, role.family))}* · **Score:** {_bar(m.score, 100, 10)} "
            f"{m.score:.0f}/100",
            "",
            *_md_bullets(
                [
                    f"**Why:** {_md(reason(kb, m))}",
                    f"**Strengths:** {strengths}",
                    f"**Gaps (you → needed):** {gaps}",
                    *(f"**Note:** {_md(x)}" for x in _missed_notes(kb, report, m)),
                ]
            ),
        ]

    if report.plans:
        out += ["## Plans for your top roles", ""]
    for plan in report.plans:
        out += _md_plan(kb, plan)
    return _md_join(out)


def _md_plan(kb: KnowledgeBase, plan: GapPlan) -> list[str]:
    role = kb.roles[plan.role]
    out = [
        f"### Toward {_md(role.title)}",
        "",
        _md(role.summary),
        "",
        f"**Your match today:** {_bar(plan.score, 100, 10)} {plan.score:.0f}/100",
        "",
    ]
    if plan.steps:
        out += [
            "Skills to raise, in this order (the biggest gain first):",
            "",
            *_md_table(
                ("Step", "Skill", "From → to", "Score after"),
                (
                    (
                        str(n),
                        _md(_skill_name(kb, s.skill)),
                        f"{s.has} → {s.needs}",
                        f"{_bar(s.score_after, 100, 10)} {s.score_after:.0f}/100",
                    )
                    for n, s in enumerate(plan.steps, start=1)
                ),
            ),
        ]
    else:
        out += ["You already meet every skill level this role asks for.", ""]
    if plan.stepping_stones:
        stones = ", ".join(_md(_role_title(kb, r)) for r in plan.stepping_stones)
        out += [f"**Stepping stones on the way:** {stones}", ""]
    out += ["#### Growth path", ""]
    tree = _growth(kb, plan.role)
    out.append(f"- **{_md(role.title)}** (this role)")
    out += _md_tree(tree, 1) if tree else ["  - Top of its ladder in this knowledge base."]
    out.append("")
    routes = _routes(kb, plan.role)
    if routes:
        out += ["Routes in:", "", *_md_bullets(_md(r) for r in routes)]
    return out


# -- HTML ---------------------------------------------------------------------------------

_CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: #fff; color: #1b1b1b;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
.page { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .4rem; }
h2 {
  font-size: 1.3rem; line-height: 1.3; margin: 2rem 0 .75rem;
  padding-bottom: .2rem; border-bottom: 2px solid #1b1b1b;
}
h3 { font-size: 1.12rem; line-height: 1.3; margin: 0 0 .4rem; }
h4 { font-size: 1rem; margin: 1rem 0 .4rem; }
p, li, td, th, dd { overflow-wrap: anywhere; }
figure { margin: 0; }
.meta { margin: 0; color: #3d3d3d; }
.lead { font-size: 1.05rem; }
.muted { color: #4a4a4a; font-size: .93rem; }
ul { padding-left: 1.3rem; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0 1rem; }
th, td { border: 1px solid #8a8a8a; padding: .4rem .55rem; text-align: left; vertical-align: top; }
thead th { background: #ececec; }
td.nowrap, th.nowrap { white-space: nowrap; }
.bar {
  display: inline-block; vertical-align: middle; width: 6.5rem; max-width: 100%;
  border: 1px solid #1b1b1b; background: #fff; line-height: 0;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.bar { flex: 0 0 auto; }
.bar > span { display: block; height: 0; border-top: .8rem solid #45698f; }
.num { font-weight: 600; font-variant-numeric: tabular-nums; white-space: nowrap; margin-left: .35rem; }
.chart td { border-left: 0; border-right: 0; }
.chart td.bar-cell { width: 50%; }
.meter { display: inline-flex; align-items: center; max-width: 100%; }
.chart .meter { display: flex; }
.chart .bar { flex: 1 1 auto; width: auto; min-width: 3rem; }
.card { border: 1px solid #8a8a8a; border-radius: 6px; padding: .8rem 1rem; margin: 0 0 1rem; }
.card > :last-child { margin-bottom: 0; }
.facts { margin: .5rem 0 0; padding: 0; list-style: none; }
.facts li { margin: .2rem 0; }
.label { font-weight: 600; }
.tree, .tree ul { list-style: none; margin: 0; padding: 0; }
.tree ul { margin-left: .9rem; padding-left: 1rem; border-left: 2px solid #8a8a8a; }
.tree li { margin: .45rem 0; }
.node {
  display: inline-block; max-width: calc(100% - 1.6rem); vertical-align: top;
  border: 1.5px solid #1b1b1b; border-radius: 4px; padding: .25rem .6rem; background: #fff;
}
.node.here { border-width: 3px; font-weight: 600; }
.node .t { font-weight: 600; }
.node .asks { display: block; font-weight: 400; font-size: .88rem; color: #3d3d3d; }
.arrow { display: inline-block; width: 1.3rem; font-weight: 700; vertical-align: top; padding-top: .3rem; }
.notice { border: 2px solid #1b1b1b; padding: .75rem 1rem; font-weight: 600; }
footer { margin-top: 2.5rem; border-top: 1px solid #8a8a8a; padding-top: .5rem; }
@media (max-width: 560px) {
  .page { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.5rem; }
  table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
  table.stack thead { display: none; }
  table.stack tr { border: 1px solid #8a8a8a; margin: 0 0 .6rem; }
  table.stack td { border: 0; border-bottom: 1px solid #d4d4d4; }
  table.stack td:last-child { border-bottom: 0; }
  table.stack td::before { content: attr(data-label) ": "; font-weight: 600; }
  .chart td.bar-cell { width: 40%; }
  .tree ul { margin-left: .35rem; padding-left: .45rem; }
  .arrow { width: 1rem; }
}
@page { margin: 15mm; }
@media print {
  body { font-size: 11pt; }
  .page { max-width: none; padding: 0; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table, figure, .chart, .card, .tree, .notice, section.match, section.plan, .plan-part {
    break-inside: avoid; page-break-inside: avoid;
  }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead th { background: none; }
}
"""


def _html_page(title: str, body: list[str]) -> str:
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_h(title)}</title>",
            f"<style>{_CSS}</style>",
            "</head>",
            "<body>",
            '<main class="page">',
            *body,
            '<footer class="muted">Prepared with bocareer.</footer>',
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _html_bar(value: float, top: int) -> str:
    """A bar with its number as text, so it still reads in black and white or without CSS."""
    shown = f"{value:.0f}/{top}" if top == 100 else f"{value:g}/{top}"
    return (
        f'<span class="meter"><span class="bar" role="img" aria-label="{_h(shown)}">'
        f'<span style="width: {_pct(value, top)}"></span></span>'
        f'<span class="num">{_h(shown)}</span></span>'
    )


def _html_list(items: Iterable[str], cls: str = "") -> str:
    """``items`` must already be HTML."""
    attr = f' class="{cls}"' if cls else ""
    return f"<ul{attr}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"


def _html_table(
    head: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "stack", caption: str = ""
) -> str:
    """A table whose cells are already HTML; ``head`` is plain text (also each cell's label)."""
    parts = [f'<table class="{cls}">']
    if caption:
        parts.append(f'<caption class="muted">{_h(caption)}</caption>')
    parts.append(
        "<thead><tr>" + "".join(f'<th scope="col">{_h(x)}</th>' for x in head) + "</tr></thead>"
    )
    parts.append("<tbody>")
    for row in rows:
        cells = "".join(
            f'<td data-label="{_h(label)}">{cell}</td>'
            for label, cell in zip(head, row, strict=True)
        )
        parts.append(f"<tr>{cells}</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _html_role_body(kb: KnowledgeBase, role: Role, level: int) -> list[str]:
    h = f"h{level}"
    out = [f'<p class="lead">{_h(role.summary)}</p>']
    out += [f"<{h}>Responsibilities</{h}>", _html_list(_h(r) for r in role.responsibilities)]
    out += [
        f"<{h}>Skills needed</{h}>",
        _html_table(
            ("Skill", "Level", "What that level means"),
            ((_h(r.name), _html_bar(r.level, 5), _h(r.meaning)) for r in _skill_rows(kb, role)),
        ),
    ]
    if role.tools:
        out += [f"<{h}>Tools and software</{h}>", f"<p>{', '.join(_h(t) for t in role.tools)}</p>"]
    out += [
        f"<{h}>How people get in</{h}>",
        _html_list(
            [
                f'<span class="label">Education:</span> {_h(role.entry.education)}',
                f'<span class="label">Experience:</span> {_h(role.entry.experience)}',
            ]
        ),
    ]
    if role.preparation_note:
        out.append(
            f'<p class="muted"><span class="label">Preparation:</span> '
            f"{_h(role.preparation_note)}</p>"
        )
    previous = kb.previous.get(role.id, ())
    out.append(f"<{h}>Where it leads</{h}>")
    out.append(
        _html_list(_h(_role_title(kb, r)) for r in role.next)
        if role.next
        else "<p>Top of its ladder in this knowledge base.</p>"
    )
    out.append(f"<{h}>Where people come from</{h}>")
    out.append(
        _html_list(_h(_role_title(kb, r)) for r in previous)
        if previous
        else "<p>An entry point: no other role here leads to it.</p>"
    )
    codes = code_lines(kb, role)
    if codes.codes or codes.figures:
        out.append(f"<{h}>Codes and figures</{h}>")
        if codes.codes:
            out.append(_html_list(_h(line) for line in codes.codes))
        if codes.figures_note:
            out += [f"<p>{_h(codes.figures_note)}</p>", _html_list(_h(f) for f in codes.figures)]
    return out


def role_html(kb: KnowledgeBase, role: Role) -> str:
    """One role as a printable, self-contained HTML page."""
    body = [
        "<header>",
        f"<h1>{_h(role.title)}</h1>",
        f'<p class="meta">{_h(_family_name(kb, role.family))} · preparation '
        f"{role.preparation}/5 (1 = little, 5 = extensive, as O*NET Job Zones)</p>",
        "</header>",
        *_html_role_body(kb, role, 2),
    ]
    return _html_page(f"{role.title} – role summary", body)


def _html_tree(nodes: Sequence[_Node]) -> str:
    items = []
    for node in nodes:
        asks = f'<span class="asks">asks: {_h(node.asks)}</span>' if node.asks else ""
        again = '<span class="asks">(where it leads is shown above)</span>' if node.repeated else ""
        sub = _html_tree(node.children) if node.children else ""
        items.append(
            '<li><span class="arrow" aria-hidden="true">→</span>'
            f'<span class="node"><span class="t">{_h(node.title)}</span>{asks}{again}</span>{sub}</li>'
        )
    return "<ul>" + "".join(items) + "</ul>"


def report_html(kb: KnowledgeBase, report: Report) -> str:
    """A client's report as one printable, self-contained HTML page."""
    from bocareer.matching import reason

    date = report.date.isoformat()
    body = [
        "<header>",
        f"<h1>{_h(_report_title(report))}</h1>",
        f'<p class="meta">Date: <time datetime="{date}">{date}</time></p>',
        "</header>",
        "<section>",
        "<h2>Your skill ratings</h2>",
    ]
    ratings = _ratings(kb, report)
    if ratings:
        rows = [
            (
                _h(name)
                + (' <span class="muted">(check question missed)</span>' if missed else ""),
                _html_bar(value, 5),
            )
            for name, value, missed in ratings
        ]
        body.append(
            '<figure class="chart-figure">'
            + '<table class="chart"><thead><tr><th scope="col">Skill</th>'
            + '<th scope="col">Your rating (0–5)</th></tr></thead><tbody>'
            + "".join(f'<tr><td>{a}</td><td class="bar-cell">{b}</td></tr>' for a, b in rows)
            + "</tbody></table></figure>"
        )
    else:
        body.append("<p>No skill was rated.</p>")
    body += ["</section>", "<section>", "<h2>Your best matches</h2>"]
    if not report.matches:
        body += [f'<p class="notice">{_h(_NO_MATCH)}</p>', "</section>"]
        return _html_page(_report_title(report), body)
    body.append(
        '<p class="muted">Scores run from 0 to 100: how much of what the role asks you have, '
        "and how much of your skill it would use.</p>"
    )
    for n, m in enumerate(report.matches, start=1):
        role = kb.roles[m.role]
        strengths = ", ".join(_h(_skill_name(kb, s)) for s in m.strengths) or "none yet"
        gaps = ", ".join(_h(g) for g in _gaps(kb, report, m)) or "none"
        facts = [
            f'<span class="label">Why:</span> {_h(reason(kb, m))}',
            f'<span class="label">Strengths:</span> {strengths}',
            f'<span class="label">Gaps (you → needed):</span> {gaps}',
            *(f'<span class="label">Note:</span> {_h(x)}' for x in _missed_notes(kb, report, m)),
        ]
        body += [
            '<section class="match card">',
            f"<h3>{n}. {_h(role.title)}</h3>",
            f'<p class="meta">{_h(_family_name(kb, role.family))}</p>',
            f'<p><span class="label">Score:</span> {_html_bar(m.score, 100)}</p>',
            _html_list(facts, "facts"),
            "</section>",
        ]
    body.append("</section>")
    if report.plans:
        body += ["<section>", "<h2>Plans for your top roles</h2>"]
        for plan in report.plans:
            body += _html_plan(kb, plan)
        body.append("</section>")
    return _html_page(_report_title(report), body)


def _html_plan(kb: KnowledgeBase, plan: GapPlan) -> list[str]:
    role = kb.roles[plan.role]
    out = [
        '<section class="plan card">',
        '<div class="plan-part">',
        f"<h3>Toward {_h(role.title)}</h3>",
        f'<p class="lead">{_h(role.summary)}</p>',
        f'<p><span class="label">Your match today:</span> {_html_bar(plan.score, 100)}</p>',
        "</div>",
    ]
    if plan.steps:
        out.append(
            _html_table(
                ("Step", "Skill", "From → to", "Score after"),
                (
                    (
                        str(n),
                        _h(_skill_name(kb, s.skill)),
                        f"{s.has} → {s.needs}",
                        _html_bar(s.score_after, 100),
                    )
                    for n, s in enumerate(plan.steps, start=1)
                ),
                caption="Skills to raise, in this order (the biggest gain first)",
            )
        )
    else:
        out.append("<p>You already meet every skill level this role asks for.</p>")
    if plan.stepping_stones:
        stones = ", ".join(_h(_role_title(kb, r)) for r in plan.stepping_stones)
        out.append(f'<p><span class="label">Stepping stones on the way:</span> {stones}</p>')
    tree = _growth(kb, plan.role)
    inner = (
        _html_tree(tree)
        if tree
        else '<ul><li><span class="node">Top of its ladder in this knowledge base.</span></li></ul>'
    )
    out += [
        '<div class="plan-part">',
        "<h4>Growth path</h4>",
        f'<ul class="tree"><li><span class="node here">{_h(role.title)}'
        f'<span class="asks">this role</span></span>{inner}</li></ul>',
        "</div>",
    ]
    routes = _routes(kb, plan.role)
    if routes:
        out += [
            '<div class="plan-part">',
            "<h4>Routes in</h4>",
            _html_list(_h(r) for r in routes),
            "</div>",
        ]
    out.append("</section>")
    return out
