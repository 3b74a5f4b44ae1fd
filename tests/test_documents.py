"""Printable documents (bocareer.output.documents, .markdown, .html): valid, self-contained HTML,
inert Markdown, full content."""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bocareer.advice import report_result
from bocareer.answers import Answers
from bocareer.kb.load import load, shipped_path
from bocareer.ladders import paths_up
from bocareer.models import KnowledgeBase, Role
from bocareer.output.emit import render_text
from bocareer.output.formats import Format
from bocareer.output.text import reason, score_text
from bocareer.results import ReportResult
from bocareer.sheets import role_sheet
from kb_text import skill
from people import SAMPLE_RATINGS

SHIPPED: KnowledgeBase = load(shipped_path())
TODAY = dt.date(2026, 11, 25)
RATINGS = SAMPLE_RATINGS

EVIL = "<script>alert(1)</script> a | b [x](http://evil) **bold**"
EVIL_NAME = "<b>Eve</b> | [x](http://evil)"
HOSTILE_YAML = f"""\
schema_version: 1
sources:
  median_pay_usd:
    title: "Pay survey | <i>evil</i> [x](http://evil)"
    year: 2023
families:
  office:
    name: "Office | **work** <b>x</b>"
    summary: Office work.
skills:
{skill("typing", name='"Typing | fast <script>alert(2)</script>"')}\
{skill("filing", name='"# Filing _under_ [x](http://evil)"')}\
roles:
  clerk:
    title: "{EVIL}"
    family: office
    summary: "{EVIL} # not a heading"
    responsibilities: ["Do | the <script>work</script>", "- not a list", "1. not numbered"]
    skills: {{typing: 2, filing: 1}}
    tools: ["Pen | paper", "<img src=x onerror=alert(1)>"]
    entry: {{education: "A | B", experience: "**none** `code`"}}
    preparation: 2
    preparation_note: "Line one | <b>two</b>"
    next: [head-clerk]
    codes: {{onet_soc: 43-9061.00, onet_title: "Office Clerks | General"}}
    figures: {{median_pay_usd: 40000}}
  head-clerk:
    title: "Head | Clerk <script>alert(3)</script>"
    family: office
    summary: Runs the office.
    responsibilities: [Lead the clerks]
    skills: {{typing: 3, filing: 4}}
    tools: [Pen]
    entry: {{education: None needed, experience: Two years}}
    preparation: 3
    next: []
"""

VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input",
    "link", "meta", "source", "track", "wbr",
}  # fmt: skip


class _Checker(HTMLParser):
    """Tracks open elements and everything a self-contained page must not have."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.styles: list[str] = []
        self.decl: list[str] = []
        self._in_style = False

    def handle_decl(self, decl: str) -> None:
        self.decl.append(decl)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            if name in ("src", "href", "srcset", "action", "poster", "data") and value:
                self.urls.append(value)
            if name == "style" and value:
                self.styles.append(value)
        if tag == "style":
            self._in_style = True
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in VOID, f"<{tag}/> is not a void element"
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        assert tag not in VOID, f"</{tag}> closes a void element"
        assert self.stack, f"</{tag}> with nothing open"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def check_html(page: str) -> _Checker:
    """Parse a page and assert it is a well-formed, self-contained, printable HTML5 document."""
    assert page.startswith("<!DOCTYPE html>\n")
    checker = _Checker()
    checker.feed(page)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    assert checker.decl == ["DOCTYPE html"]
    assert checker.tags[:2] == ["html", "head"]
    assert checker.tags.count("html") == 1
    assert checker.tags.count("body") == 1
    assert checker.tags.count("title") == 1
    assert checker.tags.count("style") == 1
    assert "script" not in checker.tags
    assert "link" not in checker.tags
    assert '<html lang="en">' in page
    assert '<meta charset="utf-8">' in page
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    for url in checker.urls:
        assert not re.match(r"\s*(https?:)?//", url, re.IGNORECASE), url
    css = "\n".join(checker.styles)
    assert "url(" not in css.lower()
    assert "@import" not in css.lower()
    assert "@media print" in css
    assert "break-inside: avoid" in css
    assert "page-break-inside: avoid" in css
    return checker


def md_text(markdown: str) -> str:
    """What a Markdown viewer shows, near enough: backslash escapes and entities resolved."""
    return html.unescape(re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown))


def unescaped_pipes(line: str) -> int:
    """The ``|`` in a line that are cell separators: those after an even run of backslashes."""
    return sum(1 for m in re.finditer(r"(\\*)\|", line) if len(m.group(1)) % 2 == 0)


def md_tables(markdown: str) -> list[list[str]]:
    """Every table of a Markdown text, as its lines (header, delimiter, rows)."""
    tables: list[list[str]] = []
    current: list[str] = []
    for line in [*markdown.splitlines(), ""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            tables.append(current)
            current = []
    return tables


def assert_tables_intact(markdown: str) -> None:
    """Every row of every table has as many cell separators as its header."""
    tables = md_tables(markdown)
    assert tables
    for table in tables:
        width = unescaped_pipes(table[0])
        assert re.fullmatch(r"\|( --- \|)+", table[1]), table[1]
        for row in table[1:]:
            assert unescaped_pipes(row) == width, row


def report(
    kb: KnowledgeBase, ratings: dict[str, int], name: str | None = "Alex Doe"
) -> ReportResult:
    """A report built the way the CLI builds one, on the fixed date."""
    return report_result(kb, Answers(ratings=ratings), name=name, today=TODAY)


def _role_doc(kb: KnowledgeBase, role: Role, fmt: Format) -> str:
    # The role may be a changed copy of a shipped one: put it in a copy of the knowledge base.
    base = kb._replace(roles={**kb.roles, role.id: role})
    return render_text(role_sheet(base, role.id), fmt)


def role_html(kb: KnowledgeBase, role: Role) -> str:
    """A role hand-out as HTML, as `role ID --format html` prints it."""
    return _role_doc(kb, role, Format.HTML)


def role_markdown(kb: KnowledgeBase, role: Role) -> str:
    """A role hand-out as Markdown."""
    return _role_doc(kb, role, Format.MARKDOWN)


def report_html(rep: ReportResult) -> str:
    """A report as HTML, as `report --format html` prints it."""
    return render_text(rep, Format.HTML)


def report_markdown(rep: ReportResult) -> str:
    """A report as Markdown."""
    return render_text(rep, Format.MARKDOWN)


@pytest.fixture
def hostile(write_kb: Callable[..., Path]) -> KnowledgeBase:
    """A knowledge base whose texts try to inject HTML, Markdown and table cells."""
    return load(write_kb(HOSTILE_YAML))


def _role_with_figures() -> Role:
    return next(r for r in SHIPPED.roles.values() if r.figures and r.codes and r.codes.onet_soc)


# -- HTML validity ------------------------------------------------------------------------


def test_role_html_is_valid_and_self_contained() -> None:
    """Every shipped role's HTML page is well-formed, self-contained and printable."""
    for role in SHIPPED.roles.values():
        check_html(role_html(SHIPPED, role))


def test_report_html_is_valid_and_self_contained() -> None:
    """A full report's HTML page is well-formed, self-contained and printable."""
    page = report_html(report(SHIPPED, RATINGS))
    checker = check_html(page)
    assert "table" in checker.tags


def test_hostile_html_is_valid(hostile: KnowledgeBase) -> None:
    """Hostile texts do not break the structure of either HTML document."""
    check_html(role_html(hostile, hostile.roles["clerk"]))
    check_html(report_html(report(hostile, {"typing": 2}, EVIL_NAME)))


def test_html_print_and_phone_styles() -> None:
    """The page has a readable width on screens and a print stylesheet that keeps blocks whole."""
    page = report_html(report(SHIPPED, RATINGS))
    assert "max-width" in page
    assert "@media (max-width" in page
    print_css = page[page.index("@media print") :]
    assert "break-inside: avoid" in print_css
    assert "page-break-inside: avoid" in print_css


# -- escaping -----------------------------------------------------------------------------


def test_hostile_role_html_escapes_everything(hostile: KnowledgeBase) -> None:
    """No raw tag from the data reaches the role page; the escaped text does."""
    page = role_html(hostile, hostile.roles["clerk"])
    assert "<script" not in page
    assert "<img" not in page
    assert "<b>" not in page
    assert "<i>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert html.escape(EVIL, quote=True) in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_hostile_report_html_escapes_the_client_name(hostile: KnowledgeBase) -> None:
    """The client's name and the role texts appear escaped in the report page."""
    page = report_html(report(hostile, {"typing": 2, "filing": 1}, EVIL_NAME))
    assert "<b>" not in page
    assert "<script" not in page
    assert html.escape(EVIL_NAME, quote=True) in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_hostile_markdown_tables_keep_their_columns(hostile: KnowledgeBase) -> None:
    """Pipes in the data are escaped, so every table row has the header's number of cells."""
    role_md = role_markdown(hostile, hostile.roles["clerk"])
    report_md = report_markdown(report(hostile, {"typing": 2}, EVIL_NAME))
    assert_tables_intact(role_md)
    assert_tables_intact(report_md)
    assert "Typing \\| fast" in role_md


def test_hostile_markdown_is_inert(hostile: KnowledgeBase) -> None:
    """No raw HTML, link, emphasis or heading from the data survives into the Markdown."""
    role_md = role_markdown(hostile, hostile.roles["clerk"])
    report_md = report_markdown(report(hostile, {"typing": 2}, EVIL_NAME))
    for text in (role_md, report_md):
        assert "<" not in text
        assert ">" not in text.replace("→", "")
        assert "[x](" not in text
        assert "**bold**" not in text
        assert "\\*\\*bold\\*\\*" in text
        assert "\\[x\\](http://evil)" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in role_md
    assert "&lt;b&gt;Eve&lt;/b&gt;" in report_md
    lines = role_md.splitlines()
    assert "- \\- not a list" in lines
    assert "- 1\\. not numbered" in lines
    assert not any(line.startswith("#") and "not a heading" in line for line in lines)
    # What a viewer shows is still the original text.
    assert EVIL in md_text(role_md)
    assert EVIL_NAME in md_text(report_md)


def test_control_characters_are_replaced() -> None:
    """Terminal control characters in the data never reach either format."""
    base = SHIPPED.roles["hr-coordinator"]
    role = Role(
        id=base.id,
        title=base.title,
        family=base.family,
        summary="Bell \x07 and escape \x1b[31m red",
        responsibilities=base.responsibilities,
        skills=base.skills,
        tools=base.tools,
        entry=base.entry,
        preparation=base.preparation,
        next=base.next,
    )
    for text in (role_html(SHIPPED, role), role_markdown(SHIPPED, role)):
        assert "\x1b" not in text
        assert "\x07" not in text
        assert "\ufffd" in text


# -- content ------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_role_document_content(fmt: str) -> None:
    """The role document carries the summary, duties, skills with levels, tools, codes and sources."""
    role = _role_with_figures()
    if fmt == "html":
        shown = html.unescape(role_html(SHIPPED, role))
    else:
        shown = md_text(role_markdown(SHIPPED, role))
    assert role.title in shown
    assert SHIPPED.families[role.family].name in shown
    assert f"{role.preparation}/5" in shown
    assert role.summary in shown
    for duty in role.responsibilities:
        assert duty in shown
    for sid, level in role.skills.items():
        skill = SHIPPED.skills[sid]
        assert skill.name in shown
        assert re.search(re.escape(skill.name) + r".{0,400}?" + f"{level}/5", shown, re.DOTALL)
        assert skill.anchor(level) in shown
    for tool in role.tools:
        assert tool in shown
    assert role.entry.education in shown
    assert role.entry.experience in shown
    assert role.codes is not None
    assert role.codes.onet_soc is not None
    assert f"O*NET-SOC {role.codes.onet_soc}" in shown
    for key in role.figures:
        source = SHIPPED.sources[key]
        assert source.title in shown
        if source.year:
            assert f"{source.title}, {source.year}" in shown
    assert "broad occupation" in shown
    for rid in role.next:
        assert SHIPPED.roles[rid].title in shown
    for rid in SHIPPED.previous.get(role.id, ()):
        assert SHIPPED.roles[rid].title in shown


def test_role_markdown_skill_bars() -> None:
    """Each skill row of the Markdown table draws its level as a five-block bar."""
    role = _role_with_figures()
    text = role_markdown(SHIPPED, role)
    for sid, level in role.skills.items():
        bar = "█" * level + "░" * (5 - level)
        assert f"| {SHIPPED.skills[sid].name} | {bar} {level}/5 |" in text
    assert_tables_intact(text)


def test_role_html_skill_bars() -> None:
    """Each skill's bar in the HTML has its width and its level written as text."""
    role = _role_with_figures()
    page = role_html(SHIPPED, role)
    for level in set(role.skills.values()):
        assert f'style="width: {level * 20}%"' in page
        assert f'<span class="num">{level}/5</span>' in page


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_report_content(fmt: str) -> None:
    """The report names the client, the date, every rating, the top match, the plan and the ladder."""
    rep = report(SHIPPED, RATINGS)
    shown = html.unescape(report_html(rep)) if fmt == "html" else md_text(report_markdown(rep))
    assert "Alex Doe" in shown
    assert "2026-11-25" in shown
    assert len(re.findall(r"\d{4}-\d{2}-\d{2}", shown)) == len(re.findall("2026-11-25", shown))
    for sid, value in RATINGS.items():
        assert re.search(
            re.escape(SHIPPED.skills[sid].name) + r".{0,400}?" + f"{value}/5", shown, re.DOTALL
        )
    top = rep.matches[0]
    assert top.title in shown
    assert f"{score_text(top.score)}/100" in shown
    for m in rep.matches:
        assert reason(m) in shown
    assert len(rep.plans) == 3, "a full report plans the three best matches"
    for n, plan in enumerate(rep.plans, start=1):
        section = shown[shown.index(f"{n}. {plan.role.title}", shown.index("Your first step")) :]
        positions = [section.index(s.name, section.index("Skills to raise")) for s in plan.steps]
        assert positions == sorted(positions)
        for s in plan.steps:
            assert f"{s.has} → {s.needs}" in section
            assert f"{score_text(s.score_after)}/100" in section
        assert SHIPPED.roles[plan.role.id].summary in section
        ladder = section[section.index("Where it leads") :]
        for path in paths_up(SHIPPED, plan.role.id):
            # The next two steps up are drawn, as far as the tree's bound allows; anything
            # left out is counted, with the command that shows it.
            if any(SHIPPED.roles[rid].title not in ladder for rid in path[1:]):
                assert f"further on: `bocareer path {plan.role.id}`" in ladder
            assert SHIPPED.roles[path[1]].title in ladder or plan.tree.omitted
    if fmt == "md":
        assert_tables_intact(report_markdown(rep))


def test_report_shows_stepping_stones() -> None:
    """A plan's stepping stones are named in both formats (a person two levels short of an
    accountant in every skill has some)."""
    rep = report(SHIPPED, {s: max(1, v - 2) for s, v in SHIPPED.roles["accountant"].skills.items()})
    assert any(p.stepping_stones for p in rep.plans)
    stones = [x.title for p in rep.plans for x in p.stepping_stones]
    assert "Stepping stones" in report_markdown(rep)
    for title in stones:
        assert title in md_text(report_markdown(rep))
        assert html.escape(title) in report_html(rep)


def test_report_growth_path_is_nested() -> None:
    """The Markdown ladder is a nested bullet list with arrows, deeper for each step up."""
    rep = report(SHIPPED, RATINGS)
    text = report_markdown(rep)
    first = SHIPPED.roles[rep.plans[0].role.id]
    nxt = SHIPPED.roles[first.next[0]]
    assert f"- **{first.title}** (this role)" in text
    assert f"  - → **{nxt.title}**" in text
    # Each step is measured against the person, not role to role.
    assert re.search(r"  - → \*\*.+\*\* — .+: you \d+ → needs \d", text)
    page = report_html(rep)
    assert '<ul class="tree">' in page
    assert "→" in page


def test_empty_report_says_no_match() -> None:
    """A report with no skill above 0 says plainly that no role matched, in valid HTML."""
    rep = report(SHIPPED, {"typing": 0, "sql": 0}, name=None)
    assert rep.matches == ()
    page = report_html(rep)
    check_html(page)
    text = report_markdown(rep)
    for shown in (html.unescape(page), md_text(text)):
        assert "No role can be matched yet" in shown
        assert "rate at least one skill above 0" in shown
        assert "2026-11-25" in shown
        assert "Toward " not in shown


def test_report_without_ratings_is_valid() -> None:
    """A report with no ratings at all still renders in both formats."""
    rep = report(SHIPPED, {}, name=None)
    check_html(report_html(rep))
    assert "No role can be matched yet" in report_markdown(rep)


def test_documents_are_deterministic() -> None:
    """The same input gives the same bytes, and no date but the report's own."""
    rep = report(SHIPPED, RATINGS)
    role = _role_with_figures()
    assert report_html(rep) == report_html(report(SHIPPED, RATINGS))
    assert report_markdown(rep) == report_markdown(rep)
    assert role_html(SHIPPED, role) == role_html(SHIPPED, role)
    today = dt.date.today().isoformat()
    if today != "2026-11-25":
        assert today not in report_html(rep)
        assert today not in role_markdown(SHIPPED, role)
