"""Build small knowledge-base YAML texts for the tests, and find the line a test points at.

A test marks the line it expects a problem on with ``#!`` at the end of that line;
:func:`marked_line` returns its number, so no test hard-codes a line count.
"""

from __future__ import annotations

import textwrap

MARK = "#!"

LEVELS = "{1: Tried it, 2: Does it with help, 3: Does it alone, 4: Leads it, 5: Teaches it}"


def skill(
    sid: str, *, name: str | None = None, levels: str = LEVELS, mark: str = "", extra: str = ""
) -> str:
    """One entry of ``skills:``; ``mark`` is appended to the id line, ``extra`` (indented by 4)
    after the levels."""
    return (
        f"  {sid}:{mark}\n"
        f"    name: {name or sid.replace('-', ' ').title()}\n"
        f"    description: What {sid} is.\n"
        f"    levels: {levels}\n" + extra
    )


def role(
    rid: str,
    *,
    skills: str = "{typing: 2, filing: 1}",
    next: str = "[]",  # the YAML key is called next
    preparation: str = "3",
    family: str = "office",
    summary: str = "Does office work.",
    extra: str = "",
    mark: str = "",
) -> str:
    """One entry of ``roles:``; ``extra`` is added (already indented by 4) after ``next``."""
    text = (
        f"  {rid}:{mark}\n"
        f"    title: {rid.replace('-', ' ').title()}\n"
        f"    family: {family}\n"
        f"    summary: {summary}\n"
        f"    responsibilities: [Do the work]\n"
        f"    skills: {skills}\n"
        f"    tools: [Pen]\n"
        f"    entry: {{education: None needed, experience: None needed}}\n"
        f"    preparation: {preparation}\n"
        f"    next: {next}\n"
    )
    return text + extra


FAMILIES = "families:\n  office:\n    name: Office\n    summary: Office work.\n"
SKILLS = "skills:\n" + skill("typing") + skill("filing")
# Two roles, one ladder: clerk -> head-clerk. Valid with no problem at all.
ROLES = (
    "roles:\n"
    + role("clerk", skills="{typing: 2, filing: 1}", next="[head-clerk]")
    + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
)


def kb(
    *,
    families: str = FAMILIES,
    skills: str = SKILLS,
    roles: str = ROLES,
    tail: str = "",
    head: str = "",
) -> str:
    """A whole knowledge base; each section can be replaced, ``head``/``tail`` added."""
    return "schema_version: 1\n" + head + families + skills + roles + tail


def marked_line(text: str, mark: str = MARK) -> int:
    """The 1-based number of the only line that ends with ``mark``."""
    lines = [i for i, line in enumerate(text.splitlines(), start=1) if line.rstrip().endswith(mark)]
    assert len(lines) == 1, f"expected exactly one line marked {mark!r}, found {lines}"
    return lines[0]


def dedent(text: str) -> str:
    """``textwrap.dedent`` without the leading newline."""
    return textwrap.dedent(text).lstrip("\n")
