"""Plain text shared by every format: cleaning untrusted text, bars, numbers, and the sentences
that explain a result. A sentence written here reads the same in the terminal, JSON, Markdown,
HTML and CSV, so a change of wording is made once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from bocareer.ladders import GrowthTree, Need
    from bocareer.models import Codes
    from bocareer.results import (
        CheckEffect,
        Figure,
        GapLine,
        MatchLine,
        Measured,
        MissedCheck,
        RoleSheet,
        SkillRef,
        StartInfo,
    )

# C0 and C1 control characters (tab and newline kept), and the bidirectional overrides and
# isolates that can make text display in an order other than the one it is stored in.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` from a file with control characters and bidi overrides replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


def one_line(text: str) -> str:
    """Cleaned text on one line, runs of white space folded."""
    return " ".join(clean(text).split())


class Glyphs(NamedTuple):
    """The characters bars, arrows and lists are drawn with."""

    full: str
    empty: str
    arrow: str
    dot: str
    bullet: str


UNICODE = Glyphs("█", "░", "→", "·", "•")
ASCII = Glyphs("#", "-", "->", ".", "*")


def bar(level: float, top: int = 5, width: int | None = None, glyphs: Glyphs = UNICODE) -> str:
    """A level drawn as blocks: ``███░░`` for 3 of 5."""
    width = width or top
    filled = round(width * max(0.0, min(level, top)) / top)
    return glyphs.full * filled + glyphs.empty * (width - filled)


def _half_up(value: float, digits: int = 0) -> float:
    scale = 10.0**digits
    return math.floor(value * scale + 0.5) / scale


def score_value(score: float) -> float:
    """A score as JSON and CSV give it: one decimal, halves rounded up."""
    return _half_up(score, 1)


def score_text(score: float) -> str:
    """A score as people see it: the JSON value rounded half up to a whole number, so the two
    never disagree (68.5 in JSON is 69 on screen and on paper)."""
    return f"{_half_up(score_value(score)):.0f}"


def number(value: float) -> str:
    """A rating or level: ``2``, or ``1.5`` after a missed check halved it."""
    return f"{value:g}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """``1 role``, ``3 roles``."""
    return f"{count} {word if count == 1 else words or word + 's'}"


def percent(share: float) -> str:
    """``0.688`` -> ``69%``."""
    return f"{_half_up(share * 100):.0f}%"


# -- sentences ------------------------------------------------------------------------------


def missed_check(m: MissedCheck) -> str:
    """How a missed check is shown everywhere: ``rated 4, check missed: counted as 2``."""
    return missed_check_text(m.rated, m.counted)


def gap_text(g: GapLine, glyphs: Glyphs = UNICODE) -> str:
    """A skill below what a role needs: ``Spreadsheets 2 → 4``; after a missed check the level
    the score counts is shown, never the rating (which may already meet the need)."""
    return f"{g.name} {number(g.counted)} {glyphs.arrow} {g.needs}"


def need_text(name: str, has: float, needs: int, person: bool, glyphs: Glyphs = UNICODE) -> str:
    """A step's need: ``SQL: you 1 → needs 3`` against a person, ``SQL 1 → 3`` role to role."""
    if person:
        return f"{name}: you {number(has)} {glyphs.arrow} needs {needs}"
    return f"{name} {number(has)} {glyphs.arrow} {needs}"


def needs_text(
    needs: Sequence[Need], person: bool, glyphs: Glyphs = UNICODE, shown: int | None = None
) -> str:
    """What a step asks, biggest first; ``shown`` keeps the list short on paper."""
    listed = needs if shown is None else needs[:shown]
    text = "; ".join(need_text(n.name, n.has, n.needs, person, glyphs) for n in listed)
    if len(needs) > len(listed):
        text += f"; and {plural(len(needs) - len(listed), 'more skill')}"
    return text


def more_steps(tree: GrowthTree, as_json: bool = False) -> str:
    """The note under a tree cut short, naming the command that shows the rest."""
    command = f"bocareer path {tree.role}" + (" --json" if as_json else "")
    return f"{plural(tree.omitted, 'more role')} further on: `{command}` lists every path"


def reason(m: MatchLine) -> str:
    """One line that says why a role scored as it did."""
    parts = [f"has {percent(m.coverage)} of what it asks"]
    if m.coverage > 0:
        parts.append(f"draws on {percent(m.focus)} of your strongest skills")
    if m.strengths:
        parts.append("strong in " + ", ".join(s.name for s in m.strengths[:2]))
    if m.gaps:
        g = m.gaps[0]
        parts.append(f"biggest gap: {g.name} ({number(g.counted)} of {g.needs})")
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def start_line(start: StartInfo) -> str:
    """Where the person starts from, said once above their matches."""
    if start.role is not None:
        return (
            f"Where you are: {start.role.title} ({start.role.id}). The matches are where to go "
            "from there."
        )
    zone = f", Job Zone {start.job_zone}" if start.job_zone else ""
    return f"Starting from your job: {start.title} ({start.code}{zone})."


def assumed_line(skills: Sequence[SkillRef], from_job: bool = True) -> str:
    """Which ratings were assumed, not answered."""
    source = "your job or your ticks" if from_job else "your ticks in the lists"
    return f"Assumed from {source}, not rated one by one: " + ", ".join(s.name for s in skills)


def check_effect(c: CheckEffect) -> str:
    """A missed check and what it did to the best match."""
    return (
        f"{c.name}: {missed_check_text(c.rated, c.counted)}; your score for the best match went "
        f"from {score_text(c.before)} to {score_text(c.after)}."
    )


def measured_line(m: Measured) -> str:
    """``Typing: rated 4, measured 2 by the typing test: counted as 2.``"""
    return (
        f"{m.name}: rated {m.claimed}, measured {m.level} by the typing test: counted as {m.level}."
    )


def missed_check_text(rated: int, counted: float) -> str:
    """``rated 4, check missed: counted as 2``."""
    return f"rated {rated}, check missed: counted as {number(counted)}"


SCORE_MEANING = (
    "Scores run from 0 to 100: how much of what the role asks you have, times how much of your "
    "strongest skills it would draw on."
)
NO_MATCH = "No role can be matched yet: rate at least one skill above 0."
TOP_OF_LADDER = "Top of its ladder in this knowledge base."
ENTRY_POINT = "An entry point: no other role here leads to it."
MEETS_ALL = "You already meet every skill level this role asks for."


# -- codes and figures ----------------------------------------------------------------------

FIGURE_LABELS = {
    "job_zone": "O*NET Job Zone",
    "median_pay_usd": "US median annual pay",
    "employment_us": "US employment",
    "automation_probability": "Automation probability (Frey & Osborne)",
}


def moves_text(sheet: RoleSheet) -> list[str]:
    """Where a role leads, one line a move, with what a bigger step takes."""
    return [
        f"{x.title} ({x.id})" + (f": takes {takes[0].lower()}{takes[1:]}" if takes else "")
        for x, takes in zip(
            sheet.leads_to, sheet.takes or (None,) * len(sheet.leads_to), strict=True
        )
    ]


def start_caption(code: str | None, job_zone: int | None, is_role: bool) -> str:
    """What a list of moves is measured against."""
    what = "the role's own levels" if is_role else "what O*NET says the job asks"
    zone = f" Its Job Zone is {job_zone}; Prep. is each role's (1-5)." if job_zone else ""
    return f"New skills are measured against {what}{f' ({code})' if code else ''}.{zone}"


def code_lines(codes: Codes | None) -> list[str]:
    """A role's occupation codes, and the compiler's note on the choice."""
    if codes is None:
        return []
    lines = []
    if codes.onet_soc:
        fit = {
            "exact": "",
            "broad": " (the role is one kind of it)",
            "proxy": " (the nearest code)",
        }
        shown = f"O*NET-SOC {codes.onet_soc} {codes.onet_title or ''}".rstrip()
        lines.append(shown + fit.get(codes.fit or "", ""))
    if codes.isco:
        lines.append(f"ISCO-08 {codes.isco} {codes.isco_title or ''}".rstrip())
    if codes.note:
        lines.append(f"Note: {codes.note}")
    return lines


def figure_value(fig: Figure) -> str:
    """A figure as people read it: ``$49,210``, ``1,500,000``, ``0.98``."""
    if fig.key == "median_pay_usd":
        return f"${fig.value:,.0f}"
    if fig.key == "employment_us":
        return f"{fig.value:,.0f}"
    return f"{fig.value:g}"


def figure_line(fig: Figure) -> str:
    """A figure with its label and source."""
    label = FIGURE_LABELS.get(fig.key, fig.key)
    shown = figure_value(fig)
    if fig.source is None:
        return f"{label}: {shown}"
    year = f", {fig.source.year}" if fig.source.year else ""
    return f"{label}: {shown} (source: {fig.source.title}{year})"


def figures_note(codes: Codes | None, figures: Iterable[Figure]) -> str | None:
    """The warning that figures are for a broad occupation, not the role alone."""
    if not list(figures):
        return None
    occupation = ""
    if codes is not None and codes.onet_soc:
        occupation = f" (O*NET-SOC {codes.onet_soc} {codes.onet_title or ''}".rstrip() + ")"
    return f"These figures are for the broad occupation{occupation}, not for this role alone."
