"""Terminal views of the browsing results: roles, one role, skills, families, paths, about,
comparisons and validation."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bocareer import results as r
from bocareer.output import text as t
from bocareer.output.terminal.base import Col, Lines, bullets, glyphs, grid, heading, plain

if TYPE_CHECKING:
    from bocareer.ladders import GrowthTree, TreeNode


def roles(res: r.RolesResult) -> list[Any]:
    """A table of roles: id, title, family, preparation and top skills."""
    if not res.roles:
        return []
    rows = []
    for b in res.roles:
        top = sorted(b.skills, key=lambda kv: -kv[1])[:3]
        name = plain(b.title)
        name.append_text(plain(f"\n{b.family_name}", "dim"))
        rows.append(
            [
                plain(b.id, "cyan"),
                name,
                plain(f"{b.preparation}/5"),
                plain(", ".join(s for s, _ in top)),
            ]
        )
    return [
        grid(
            "Back-office roles",
            [
                Col("Id", keep=True),
                Col("Role", ratio=3),
                Col("Prep.", right=True),
                Col("Key skills (ids)", ratio=2),
            ],
            rows,
            caption=f"{t.plural(len(res.roles), 'role')}. Prep. = preparation needed, 1-5 (O*NET Job Zones).",
        )
    ]


def role(sheet: r.RoleSheet) -> list[Any]:
    """One role in full, as a counsellor would print it for a client."""
    from rich.panel import Panel
    from rich.text import Text

    g = glyphs()
    head = Text()
    head.append_text(plain(sheet.title, "bold"))
    head.append_text(plain(f"  ({sheet.id})", "dim"))
    head.append("\n")
    head.append_text(plain(f"{sheet.family_name} {g.dot} preparation {sheet.preparation}/5"))
    if sheet.also_called:
        head.append_text(plain(f"\nAlso called: {', '.join(sheet.also_called)}", "dim"))
    head.append("\n\n")
    head.append_text(plain(sheet.summary))
    parts: list[Any] = [Panel(head, expand=True)]
    parts.append(heading("Skills needed"))
    parts.append(
        grid(
            "",
            [Col("Skill"), Col("Level", keep=True), Col("What that means")],
            [
                [
                    plain(k.name),
                    plain(f"{t.bar(k.level, glyphs=g)} {k.level}/5", "green"),
                    plain(k.meaning),
                ]
                for k in sheet.by_level()
            ],
        )
    )
    parts += [heading("Responsibilities"), bullets(sheet.responsibilities)]
    if sheet.tools:
        parts += [heading("Tools and software"), plain(", ".join(sheet.tools))]
    parts += [
        heading("How people get in"),
        bullets([f"Education: {sheet.education}", f"Experience: {sheet.experience}"]),
    ]
    if sheet.preparation_note:
        parts.append(plain(f"Preparation: {sheet.preparation_note}", "dim"))
    parts += [
        heading("Where it leads"),
        bullets(t.moves_text(sheet))
        if sheet.leads_to
        else plain(sheet.top_of_ladder or t.TOP_OF_LADDER),
        heading("Where people come from"),
        plain(
            ", ".join(f"{x.title} ({x.id})" for x in sheet.comes_from)
            or sheet.entry_point
            or t.ENTRY_POINT
        ),
    ]
    lines = t.code_lines(sheet.codes) + [t.figure_line(f) for f in sheet.figures]
    note = t.figures_note(sheet.codes, sheet.figures)
    if note:
        lines.append(note)
    if lines:
        parts += [heading("Codes and figures"), bullets(lines)]
    return parts


def skills(res: r.SkillsResult) -> list[Any]:
    """All skills, or what each level of one skill means."""
    g = glyphs()
    if res.detail:
        k = res.skills[0]
        return [
            grid(
                f"{t.one_line(k.name)}: {t.one_line(k.description)}",
                [Col("Level", keep=True), Col("What it means")],
                [
                    [plain(f"{t.bar(i, glyphs=g)} {i}"), plain(text)]
                    for i, text in enumerate(k.levels, 1)
                ],
            )
        ]
    return [
        grid(
            "Skills",
            [
                Col("Id", keep=True, style="cyan"),
                Col("Skill"),
                Col("What it is"),
                Col("Roles", right=True),
            ],
            [
                [plain(k.id), plain(k.name), plain(k.description), plain(str(len(k.roles)))]
                for k in res.skills
            ],
        )
    ]


def families(res: r.FamiliesResult) -> list[Any]:
    """A table of families with their roles."""
    return [
        grid(
            "Back-office families",
            [
                Col("Id", keep=True, style="cyan"),
                Col("Family"),
                Col("What it covers"),
                Col("Roles"),
            ],
            [
                [
                    plain(f.id),
                    plain(f.name),
                    plain(f.summary),
                    plain(", ".join(x.title for x in f.roles)),
                ]
                for f in res.families
            ],
            lines=True,
        )
    ]


def tree_view(tree: GrowthTree, shown: int | None = None, rest_as_json: bool = True) -> Any:
    """A growth tree: each step, with what it asks beyond the person or the role below (the
    ``shown`` biggest, when given); a tree cut short names the command that draws the rest
    (`path ROLE --json` when this is already `path`'s tree)."""
    from rich.tree import Tree

    g = glyphs()
    root = Tree(plain(f"{tree.title} ({tree.role})", "bold"))
    if not tree.children:
        root.add(plain(t.TOP_OF_LADDER))
    # An explicit stack: the tree is bounded (MAX_TREE_STEPS) but drawn without recursion.
    stack: list[tuple[Any, TreeNode]] = [(root, c) for c in reversed(tree.children)]
    while stack:
        parent, node = stack.pop()
        label = plain(f"{node.title} ({node.role})", "bold cyan")
        if node.needs:
            needs = t.needs_text(node.needs, tree.against_person, g, shown)
            label.append_text(
                plain(("\n  " if tree.against_person else "\n  asks: ") + needs, "dim")
            )
        if node.repeated:
            label.append_text(plain("\n  (where it leads is shown above)", "dim"))
        branch = parent.add(label)
        stack += [(branch, c) for c in reversed(node.children)]
    if tree.omitted:
        root.add(plain(t.more_steps(tree, as_json=rest_as_json), "dim"))
    return root


def path(res: r.PathResult) -> list[Any]:
    """Growth paths up from a role as a tree, then the routes into it."""
    g = glyphs()
    parts: list[Any] = [heading("Where it leads"), tree_view(res.tree), heading("Routes in")]
    if res.routes_in:
        parts.append(
            bullets(f" {g.arrow} ".join(x.title for x in route) for route in res.routes_in)
        )
    else:
        parts.append(plain(t.ENTRY_POINT))
    return parts


def about(res: r.AboutResult) -> list[Any]:
    """What back-office work is, the families, and how it differs from the front office."""
    a = res.about
    parts: list[Any] = [heading("What is back-office work?"), plain(a.summary)]
    if a.features:
        parts += [heading("What back-office jobs have in common"), bullets(a.features)]
    parts += families(res.families)
    if a.comparison:
        parts.append(
            grid(
                "Back office and front office",
                [Col(""), Col("Back office"), Col("Front office")],
                [
                    [plain(c.aspect, "bold"), plain(c.back_office), plain(c.front_office)]
                    for c in a.comparison
                ],
                lines=True,
            )
        )
    if a.duties:
        parts += [heading("Common duties"), bullets(f"{d.name}: {d.text}" for d in a.duties)]
    if res.work_types:
        parts += [
            heading("Kinds of back-office work"),
            bullets(f"{w.name}: {', '.join(x.title for x in w.roles)}" for w in res.work_types),
        ]
    if a.challenges:
        parts += [heading("Challenges"), bullets(f"{c.name}: {c.text}" for c in a.challenges)]
    if a.outlook:
        parts += [heading("Outlook"), plain(a.outlook)]
    return parts


def compare(res: r.CompareResult) -> list[Any]:
    """Roles side by side: preparation and pay, then one row per skill."""
    g = glyphs()
    cols = [Col("")] + [Col(c.title, keep=True) for c in res.roles]
    rows = [[plain("Preparation", "bold"), *(plain(f"{c.preparation}/5") for c in res.roles)]]
    for key, label in (("median_pay_usd", "US median pay"),):
        found = [next((f for f in c.figures if f.key == key), None) for c in res.roles]
        if any(found):
            rows.append(
                [plain(label, "bold"), *(plain(t.figure_value(f) if f else "-") for f in found)]
            )
    for i, k in enumerate(res.skills):
        cells = [
            plain(
                f"{t.bar(c.levels[i], glyphs=g)} {c.levels[i]}" if c.levels[i] else g.dot,
                "green" if c.levels[i] else "dim",
            )
            for c in res.roles
        ]
        rows.append([plain(k.name), *cells])
    lines = [
        f"{c.title} alone needs: "
        + (", ".join(k.name for k in c.only) or "nothing the others do not")
        for c in res.roles
    ]
    return [grid("Skills side by side", cols, rows), bullets(lines)]


def validate(res: r.ValidateResult) -> list[Any]:
    """Every problem as ``file:line: message``, one per line; then the grounding figures."""
    # One problem per line, never wrapped: scripts and editors read `file:line: message`.
    parts: list[Any] = [
        Lines([t.clean(f"{p}{' (warning)' if p.warning else ''}") for p in res.problems])
    ]
    g = res.grounding
    if g is None:
        return parts
    parts.append(
        grid(
            f"Grounding against O*NET: {g.rated_roles} roles with a rated occupation",
            [
                Col("Skill", keep=True),
                Col("Roles", right=True),
                Col("Rank correlation", right=True),
            ],
            [
                [
                    plain(c.skill),
                    plain(str(c.roles)),
                    plain("not mapped" if c.rho is None else f"{c.rho:.3f}"),
                ]
                for c in g.correlations
            ],
            caption="Skills used by 6 or more rated roles; a correlation of 0.6 or more is needed.",
        )
    )
    if g.departures:
        parts.append(
            grid(
                "Levels that depart from O*NET's",
                [
                    Col("Role", keep=True),
                    Col("Skill"),
                    Col("Needs"),
                    Col("O*NET suggests"),
                    Col("Why"),
                ],
                [
                    [
                        plain(d.role),
                        plain(d.skill),
                        plain(str(d.required)),
                        plain(str(d.expected)),
                        plain(d.why or "not said"),
                    ]
                    for d in g.departures
                ],
            )
        )
    explained = sum(1 for u in g.uncovered if u.why is not None)
    parts.append(
        plain(
            f"{t.plural(len(g.departures), 'departure')}; "
            f"{t.plural(len(g.uncovered), 'central O*NET element')} no skill of the role stands "
            f"for, {explained} with a reason (`--json` lists them)."
        )
    )
    return parts
