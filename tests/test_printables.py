"""What a counsellor prints: the brief report, the full report's parts, role hand-outs,
comparisons and gap plans, in Markdown and HTML drawn from the same layout."""

from __future__ import annotations

import datetime as dt
import html
import re

import pytest

from bocareer.advice import gap_result, report_result
from bocareer.answers import Answers
from bocareer.kb.load import load, shipped_path
from bocareer.output.emit import render_text
from bocareer.output.formats import Format
from bocareer.output.text import gap_text, reason, score_text
from bocareer.sheets import compare_result, role_sheet
from people import SAMPLE_RATINGS

SHIPPED = load(shipped_path())
TODAY = dt.date(2026, 11, 25)
PERSON = Answers(ratings=SAMPLE_RATINGS, checks={"typing": False})


def shown(text: str, fmt: Format) -> str:
    """Roughly what a reader sees: tags dropped and entities resolved, or Markdown unescaped."""
    if fmt is Format.HTML:
        text = re.sub(r"<style>.*?</style>", "", text, flags=re.S)
        return html.unescape(re.sub(r"<[^>]+>", " ", text))
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def flat(text: str) -> str:
    """White space folded."""
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", [Format.MARKDOWN, Format.HTML])
def test_brief_report_is_the_first_page_alone(fmt: Format) -> None:
    """`report --brief`: the person, their strongest skills, the top three roles with score,
    why and the two biggest gaps, and the first step toward the best; nothing more."""
    rep = report_result(SHIPPED, PERSON, name="Alex Doe", brief=True, today=TODAY)
    assert len(rep.matches) == 3
    assert len(rep.plans) == 1
    text = flat(shown(render_text(rep, fmt), fmt))
    assert "Career report for Alex Doe" in text
    for r in rep.ratings[:5]:
        assert r.name in text
    for r in rep.ratings[5:]:
        assert f"{r.name} " not in text.split("Your best matches")[0]
    cards = re.split(r"\b[123]\. ", text.split("Your best matches")[1].split("Your first step")[0])
    for m, card in zip(rep.matches, cards[1:], strict=True):
        assert card.startswith(m.title)
        assert f"{score_text(m.score)}/100" in card
        assert reason(m) in card
        for g in m.gaps[:2]:
            assert gap_text(g) in card
        for g in m.gaps[2:]:
            assert gap_text(g) not in card
    step = rep.plans[0].steps[0] if rep.plans[0].steps else None
    assert "Your first step" in text
    if step is not None:
        assert f"raise {step.name} from {step.has} to {step.needs}" in text
    assert "Skills to raise" not in text, "the brief page has no gap plan tables"


def test_full_report_starts_with_the_brief_page() -> None:
    """The full report's first section is the brief page, which ends with a page break; the
    planned roles follow, each with its summary, gap plan and where it leads."""
    rep = report_result(SHIPPED, PERSON, name="Alex Doe", today=TODAY)
    page = render_text(rep, Format.HTML)
    brief = render_text(rep._replace(brief=True, plans=rep.plans[:1]), Format.HTML)
    first = re.search(r'<section class="page newpage">(.*?)</section>', page, re.S)
    assert first is not None
    alone = re.search(r'<section class="page">(.*?)</section>', brief, re.S)
    assert alone is not None
    assert first.group(1) == alone.group(1), "the same first page in both"
    assert page.count('<section class="part">') == 3
    for plan in rep.plans:
        part = page[page.index(f"{html.escape(plan.role.title)}</h2>") :]
        assert html.escape(plan.summary) in part
        assert "Where it leads" in part


def test_growth_tree_needs_are_against_the_person() -> None:
    """A report's growth tree says what each step needs against the person's own ratings
    ("you 2 → needs 4"), counting a missed check as the score does."""
    rep = report_result(SHIPPED, PERSON, today=TODAY)
    text = render_text(rep, Format.MARKDOWN)
    tree = rep.plans[0].tree
    node = tree.children[0]
    for need in node.needs[:4]:
        assert f"{need.name}: you {need.has:g} → needs {need.needs}" in shown(text, Format.MARKDOWN)
        assert need.has == min(SAMPLE_RATINGS.get(need.skill, 0), 99) * (
            0.5 if need.skill == "typing" else 1
        )


def test_role_handout_skills_table_comes_before_the_duties() -> None:
    """In a role hand-out the skills table follows the summary, so it starts on page one."""
    for fmt in (Format.MARKDOWN, Format.HTML):
        text = shown(render_text(role_sheet(SHIPPED, "accountant"), fmt), fmt)
        assert text.index("Skills needed") < text.index("Responsibilities")
        assert text.index(SHIPPED.roles["accountant"].summary[:40]) < text.index("Skills needed")


@pytest.mark.parametrize("fmt", [Format.MARKDOWN, Format.HTML])
def test_compare_prints_preparation_and_pay(fmt: Format) -> None:
    """`compare` as a document: preparation, US median pay with its source, every skill."""
    res = compare_result(SHIPPED, ["accountant", "financial-analyst", "internal-auditor"])
    text = flat(shown(render_text(res, fmt), fmt))
    for c in res.roles:
        assert c.title in text
        pay = next(f for f in c.figures if f.key == "median_pay_usd")
        assert f"${pay.value:,.0f}" in text
    assert "Preparation (1-5)" in text
    assert "BLS Occupational Employment and Wage Statistics" in text
    for k in res.skills:
        assert k.name in text


@pytest.mark.parametrize("fmt", [Format.MARKDOWN, Format.HTML])
def test_gap_plan_document(fmt: Format) -> None:
    """`gap ROLE --format markdown|html`: the steps in order with the score after each."""
    res = gap_result(SHIPPED, PERSON, "data-analyst")
    text = flat(shown(render_text(res, fmt), fmt))
    assert "Toward Data Analyst" in text
    positions = [text.index(s.name, text.index("Skills to raise")) for s in res.plan.steps]
    assert positions == sorted(positions)
    for s in res.plan.steps:
        assert f"{score_text(s.score_after)}/100" in text


def test_table_captions_are_paragraphs_not_table_captions() -> None:
    """A caption is a paragraph above its table: inside a table stacked for a phone it would be
    squeezed to one word per line."""
    page = render_text(gap_result(SHIPPED, PERSON, "data-analyst"), Format.HTML)
    assert "<caption" not in page
    assert '<p class="caption">Skills to raise' in page


def test_print_stylesheet_keeps_tables_whole_but_lets_sections_flow() -> None:
    """Tables, cards and tree steps are kept whole; sections are not (a section pushed to the
    next page would leave the page before it half blank); the brief page stands alone."""
    page = render_text(report_result(SHIPPED, PERSON, today=TODAY), Format.HTML)
    rules = re.sub(r"/\*.*?\*/", "", page[page.index("@media print") :], flags=re.S)
    keep = re.search(r"\n\s*([^{}]*)\{\s*break-inside: avoid", rules)
    assert keep is not None
    kept = {s.strip() for s in keep.group(1).split(",")}
    assert {"table", ".card", ".node"} <= kept
    assert not kept & {"section", ".part", ".tree", ".page"}
    assert ".newpage { break-after: page" in rules
