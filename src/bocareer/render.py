"""Everything a person sees: Rich tables, trees and panels, and the JSON for scripts.

Text from a knowledge base or an answers file is always wrapped in ``rich.text.Text`` (via
:func:`plain`) and never parsed as markup, and control characters are replaced, so a role summary
can neither restyle the output nor send escape codes to the terminal.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from bocareer.models import KnowledgeBase, Role
from bocareer.paths import routes_in, step_gaps

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.text import Text

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_consoles: dict[str, Console] = {}


def console(stream: str = "stdout") -> Console:
    """The shared console for stdout (results) or stderr (messages).

    Rich already follows the terminal: no colour when the stream is not a TTY or NO_COLOR is set.
    """
    if stream not in _consoles:
        from rich.console import Console

        class _Console(Console):
            def on_broken_pipe(self) -> None:
                # Rich would exit with 1, the code for bad data; let the CLI say 141.
                raise BrokenPipeError

        _consoles[stream] = _Console(stderr=stream == "stderr", highlight=False)
    return _consoles[stream]


def reset_consoles() -> None:
    """Forget the consoles, so the next one sees the current streams (used between test runs)."""
    _consoles.clear()


def clean(text: str) -> str:
    """``text`` with terminal control characters replaced."""
    return _CONTROL.sub("\ufffd", text)


def plain(text: str, style: str = "") -> Text:
    """Text from the data, shown as it is: no markup, no control codes."""
    from rich.text import Text

    return Text(clean(text), style=style)


def bar(level: float, top: int = 5, width: int | None = None) -> str:
    """A level drawn as blocks: ``███░░`` for 3 of 5."""
    width = width or top
    filled = round(width * max(0.0, min(level, top)) / top)
    return "█" * filled + "░" * (width - filled)


def write_json(doc: dict[str, Any]) -> None:
    """Print a JSON document on stdout, alone."""
    write_stdout(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")


def write_stdout(text: str) -> None:
    """Write all of ``text`` to stdout, or raise BrokenPipeError.

    An unbuffered stdout (``python -u``, PYTHONUNBUFFERED) can write only part of a large text
    when the reader goes away, without an error; writing the rest raises, so nothing truncated
    is ever reported as success.
    """
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    if out is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    data = memoryview(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
    while data:
        written = out.write(data)
        data = data[written if written is not None else len(data) :]
    out.flush()


def show(*items: RenderableType) -> None:
    """Print renderables on stdout."""
    for item in items:
        console().print(item)


def message(text: str) -> None:
    """One line for the person on stderr (never on stdout, which may be piped).

    Written as plain text, unwrapped: a script or a CI log reading stderr gets exactly one line.
    """
    sys.stderr.write(clean(text).replace("\n", " ") + "\n")
    sys.stderr.flush()


# -- browsing -----------------------------------------------------------------------------


def roles_table(kb: KnowledgeBase, roles: Iterable[Role], title: str = "Back-office roles") -> Any:
    """A table of roles: id, title, family, preparation and top skills."""
    from rich.table import Table

    table = Table(title=title, title_justify="left", show_lines=False)
    table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Role", ratio=3)
    table.add_column("Prep.", justify="right", no_wrap=True)
    table.add_column("Key skills (ids)", ratio=2)
    count = 0
    for role in roles:
        count += 1
        top = sorted(role.skills.items(), key=lambda kv: -kv[1])[:3]
        name = plain(role.title)
        name.append_text(plain(f"\n{kb.families[role.family].name}", "dim"))
        table.add_row(
            plain(role.id),
            name,
            plain(f"{role.preparation}/5"),
            plain(", ".join(s for s, _ in top)),
        )
    table.caption = f"{count} role{'s' if count != 1 else ''}. Prep. = preparation needed, 1-5 (O*NET Job Zones)."
    return table


def role_view(kb: KnowledgeBase, role: Role) -> list[Any]:
    """One role in full, as a counsellor would print it for a client."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    head = Text()
    head.append_text(plain(role.title, "bold"))
    head.append_text(plain(f"  ({role.id})", "dim"))
    head.append("\n")
    head.append_text(plain(f"{kb.families[role.family].name} · preparation {role.preparation}/5"))
    head.append("\n\n")
    head.append_text(plain(role.summary))
    parts: list[Any] = [Panel(head, expand=True)]

    parts.append(_heading("Responsibilities"))
    parts.append(_bullets(role.responsibilities))

    skills = Table(show_header=True, box=None, pad_edge=False)
    skills.add_column("Skill")
    skills.add_column("Level", no_wrap=True)
    skills.add_column("What that means")
    for sid, lv in sorted(role.skills.items(), key=lambda kv: -kv[1]):
        skill = kb.skills[sid]
        skills.add_row(
            plain(skill.name), plain(f"{bar(lv)} {lv}/5", "green"), plain(skill.anchor(lv))
        )
    parts += [_heading("Skills needed"), skills]

    if role.tools:
        parts += [_heading("Tools and software"), plain(", ".join(role.tools))]
    parts += [
        _heading("How people get in"),
        _bullets([f"Education: {role.entry.education}", f"Experience: {role.entry.experience}"]),
    ]
    if role.preparation_note:
        parts.append(plain(f"Preparation: {role.preparation_note}", "dim"))
    previous = kb.previous.get(role.id, ())
    parts += [
        _heading("Where it leads"),
        plain(", ".join(f"{kb.roles[r].title} ({r})" for r in role.next) or "top of its ladder"),
        _heading("Where people come from"),
        plain(", ".join(f"{kb.roles[r].title} ({r})" for r in previous) or "an entry point"),
    ]
    parts += _codes_lines(kb, role)
    return parts


def _codes_lines(kb: KnowledgeBase, role: Role) -> list[Any]:
    from bocareer.payloads import code_lines

    lines = code_lines(kb, role)
    shown = [*lines.codes, *lines.figures]
    if lines.figures_note:
        shown.append(lines.figures_note)
    if not shown:
        return []
    return [_heading("Codes and figures"), _bullets(shown)]


def _heading(text: str) -> Text:
    from rich.text import Text

    return Text("\n" + text, style="bold underline")


def _bullets(lines: Iterable[str]) -> Text:
    from rich.text import Text

    out = Text()
    for i, line in enumerate(lines):
        if i:
            out.append("\n")
        out.append("• ")
        out.append_text(plain(line))
    return out


def skills_table(kb: KnowledgeBase, skill_ids: Iterable[str]) -> Any:
    """A table of skills with what they are and how many roles use them."""
    from rich.table import Table

    table = Table(title="Skills", title_justify="left")
    table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Skill")
    table.add_column("What it is")
    table.add_column("Roles", justify="right")
    for sid in skill_ids:
        skill = kb.skills[sid]
        used = sum(1 for r in kb.roles.values() if sid in r.skills)
        table.add_row(plain(sid), plain(skill.name), plain(skill.description), plain(str(used)))
    return table


def skill_levels(kb: KnowledgeBase, skill_id: str) -> Any:
    """What each level of one skill means."""
    from rich.table import Table

    skill = kb.skills[skill_id]
    table = Table(title=plain(f"{skill.name}: {skill.description}"), title_justify="left")
    table.add_column("Level", no_wrap=True)
    table.add_column("What it means")
    for i, text in enumerate(skill.levels, start=1):
        table.add_row(plain(f"{bar(i)} {i}"), plain(text))
    return table


def families_table(kb: KnowledgeBase) -> Any:
    """A table of families with their roles."""
    from rich.table import Table

    table = Table(title="Back-office families", title_justify="left", show_lines=True)
    table.add_column("Id", style="cyan", no_wrap=True)
    table.add_column("Family")
    table.add_column("What it covers")
    table.add_column("Roles")
    for fam in kb.families.values():
        roles = [r.title for r in kb.roles.values() if r.family == fam.id]
        table.add_row(plain(fam.id), plain(fam.name), plain(fam.summary), plain(", ".join(roles)))
    return table


def path_view(kb: KnowledgeBase, role_id: str) -> list[Any]:
    """Growth paths up from a role as a tree, then the routes into it."""
    parts: list[Any] = [_heading("Where it leads"), growth_tree(kb, role_id)]
    routes = routes_in(kb, role_id)
    parts.append(_heading("Routes in"))
    if routes:
        parts.append(_bullets(" → ".join(kb.roles[r].title for r in route) for route in routes))
    else:
        parts.append(plain("An entry point: no other role in the knowledge base leads here."))
    return parts


def _grow(kb: KnowledgeBase, node: Any, role_id: str, shown: set[str]) -> None:
    """Add each next step under ``node``; a role already drawn elsewhere is named, not redrawn
    (ladders that meet again would otherwise repeat whole subtrees)."""
    from rich.text import Text

    for nxt in kb.roles[role_id].next:
        label = Text()
        label.append_text(plain(f"{kb.roles[nxt].title} ({nxt})", "bold cyan"))
        gaps = step_gaps(kb, role_id, nxt)
        if gaps:
            label.append("\n  asks: ", style="dim")
            label.append_text(
                plain(
                    ", ".join(f"{kb.skills[g.skill].name} {g.has}→{g.needs}" for g in gaps), "dim"
                )
            )
        if nxt in shown:
            if kb.roles[nxt].next:
                label.append("\n  (where it leads is shown above)", style="dim")
            node.add(label)
            continue
        shown.add(nxt)
        _grow(kb, node.add(label), nxt, shown)


def about_view(kb: KnowledgeBase) -> list[Any]:
    """What back-office work is, the families, and how it differs from the front office."""
    from rich.table import Table

    a = kb.about
    parts: list[Any] = [_heading("What is back-office work?"), plain(a.summary)]
    if a.features:
        parts += [_heading("What back-office jobs have in common"), _bullets(a.features)]
    parts.append(families_table(kb))
    if a.comparison:
        table = Table(title="Back office and front office", title_justify="left", show_lines=True)
        table.add_column("")
        table.add_column("Back office")
        table.add_column("Front office")
        for row in a.comparison:
            table.add_row(
                plain(row.aspect, "bold"), plain(row.back_office), plain(row.front_office)
            )
        parts.append(table)
    if a.duties:
        parts += [_heading("Common duties"), _bullets(f"{d.name}: {d.text}" for d in a.duties)]
    if a.work_types:
        parts += [
            _heading("Kinds of back-office work"),
            _bullets(
                f"{w.name}: {', '.join(kb.roles[r].title for r in w.roles)}" for w in a.work_types
            ),
        ]
    if a.challenges:
        parts += [_heading("Challenges"), _bullets(f"{c.name}: {c.text}" for c in a.challenges)]
    if a.outlook:
        parts += [_heading("Outlook"), plain(a.outlook)]
    return parts


def matches_view(
    kb: KnowledgeBase,
    matches: list[Any],
    ratings: dict[str, int],
    missed: list[str],
    title: str = "Your best matches",
) -> Any:
    """The top matches: score as a bar, why, and the gaps to close."""
    from rich.table import Table
    from rich.text import Text

    from bocareer.matching import reason

    table = Table(title=title, title_justify="left", show_lines=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Role", ratio=2)
    table.add_column("Score", no_wrap=True)
    table.add_column("Why", ratio=3)
    table.add_column("Gaps: you → needs", ratio=2)
    for n, m in enumerate(matches, start=1):
        role = kb.roles[m.role]
        who = plain(role.title, "bold")
        who.append_text(plain(f"\n{role.id}", "cyan"))
        why = plain(reason(kb, m))
        for skill in role.skills:
            if skill in missed and skill in m.strengths:
                why.append_text(
                    plain(
                        f"\n{kb.skills[skill].name}: rated {ratings.get(skill, 0)}, check missed",
                        "yellow",
                    )
                )
        gaps = Text()
        for i, g in enumerate(m.gaps[:4]):
            if i:
                gaps.append("\n")
            gaps.append_text(
                plain(f"{kb.skills[g.skill].name} {ratings.get(g.skill, 0)}→{g.needs}")
            )
        if len(m.gaps) > 4:
            gaps.append_text(plain(f"\n+{len(m.gaps) - 4} more", "dim"))
        score = Text(bar(m.score, 100, 10), style="green")
        score.append(f" {m.score:.0f}")
        table.add_row(str(n), who, score, why, gaps if m.gaps else plain("none", "green"))
    return table


def growth_tree(kb: KnowledgeBase, role_id: str) -> Any:
    """Where one role leads, as a tree (the first part of path_view)."""
    from rich.tree import Tree

    role = kb.roles[role_id]
    tree = Tree(plain(f"{role.title} ({role.id})", "bold"))
    if not role.next:
        tree.add(plain("Top of its ladder in this knowledge base."))
    _grow(kb, tree, role_id, {role_id})
    return tree


def gap_view(kb: KnowledgeBase, plan: Any) -> list[Any]:
    """A skill-gap plan: what to raise, in order, and the score after each step."""
    from rich.table import Table

    role = kb.roles[plan.role]
    parts: list[Any] = [
        plain(f"Toward {role.title} ({role.id}): your match today is {plan.score:.0f}/100.", "bold")
    ]
    if not plan.steps:
        parts.append(plain("You already meet every skill level this role asks for."))
        return parts
    table = Table(title="Skills to raise, biggest gain first", title_justify="left")
    table.add_column("Step", justify="right")
    table.add_column("Skill")
    table.add_column("From → to", no_wrap=True)
    table.add_column("Score after", no_wrap=True)
    for n, step in enumerate(plan.steps, start=1):
        score = plain(f"{bar(step.score_after, 100, 10)} {step.score_after:.0f}", "green")
        table.add_row(
            str(n), plain(kb.skills[step.skill].name), plain(f"{step.has} → {step.needs}"), score
        )
    parts.append(table)
    if plan.stepping_stones:
        names = ", ".join(f"{kb.roles[r].title} ({r})" for r in plan.stepping_stones)
        parts.append(plain(f"On the way you could step into: {names}"))
    return parts


def learn_view(kb: KnowledgeBase, openings: list[Any], reach: float) -> Any:
    """The skills that open the most roles."""
    from rich.table import Table

    table = Table(
        title=f"Skills that would bring the most roles within reach (score {reach:.0f}+)",
        title_justify="left",
        show_lines=True,
    )
    table.add_column("Skill")
    table.add_column("Raise", no_wrap=True)
    table.add_column("Opens", justify="right")
    table.add_column("Roles")
    for o in openings:
        table.add_row(
            plain(kb.skills[o.skill].name),
            plain(f"{o.has} → {o.to_level}"),
            str(len(o.opens)),
            plain(", ".join(kb.roles[r].title for r in o.opens)),
        )
    return table


def next_view(kb: KnowledgeBase, from_role: str, moves: list[Any]) -> Any:
    """Moves from a role with the fewest new skills."""
    from rich.table import Table

    table = Table(
        title=f"Moves from {clean(kb.roles[from_role].title)}, fewest new skills first",
        title_justify="left",
        show_lines=True,
    )
    table.add_column("Role")
    table.add_column("Similar", no_wrap=True)
    table.add_column("New skills: has → needs")
    for m in moves:
        who = plain(kb.roles[m.role].title, "bold")
        who.append_text(plain(f"\n{m.role}" + (" (on its ladder)" if m.on_ladder else ""), "cyan"))
        new = ", ".join(f"{kb.skills[s].name} {h}→{n}" for s, h, n in m.new_skills) or "none"
        table.add_row(
            who, plain(f"{bar(m.similarity * 100, 100, 5)} {m.similarity:.0%}"), plain(new)
        )
    return table


def compare_view(kb: KnowledgeBase, comparison: Any) -> list[Any]:
    """Roles side by side: one row per skill, one column of level bars per role."""
    from rich.table import Table

    table = Table(title="Skills side by side", title_justify="left")
    table.add_column("Skill")
    for r in comparison.roles:
        table.add_column(plain(kb.roles[r].title), no_wrap=True)
    for s in comparison.skills:
        cells = []
        for r in comparison.roles:
            lv = comparison.levels[r][s]
            cells.append(plain(f"{bar(lv)} {lv}" if lv else "·", "green" if lv else "dim"))
        table.add_row(plain(kb.skills[s].name), *cells)
    lines = []
    for r in comparison.roles:
        only = comparison.only[r]
        names = ", ".join(kb.skills[s].name for s in only) if only else "nothing the others do not"
        lines.append(f"{kb.roles[r].title} alone needs: {names}")
    return [table, _bullets(lines)]
