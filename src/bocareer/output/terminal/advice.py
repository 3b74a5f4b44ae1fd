"""Terminal views of the results about a person: matches, gap plans, skills to learn, moves."""

from __future__ import annotations

from typing import Any

from bocareer import results as r
from bocareer.errors import quoted
from bocareer.output import text as t
from bocareer.output.terminal.base import Col, glyphs, grid, plain
from bocareer.output.terminal.browse import tree_view

#: The matches table lists at most this many gaps per role.
GAPS_SHOWN = 4
#: Each step of the growth tree under the matches names its few biggest needs.
TREE_NEEDS_SHOWN = 3


def matches(res: r.MatchResult) -> list[Any]:
    """The top matches: score as a bar, why, and the gaps to close; then where the best leads."""
    from rich.text import Text

    if not res.matches:
        return []
    g = glyphs()
    rows = []
    for n, m in enumerate(res.matches, start=1):
        who = plain(m.title, "bold")
        who.append_text(plain(f"\n{m.id}", "cyan"))
        why = plain(t.reason(m))
        for x in m.missed:
            why.append_text(plain(f"\n{x.name}: {t.missed_check(x)}", "yellow"))
        gaps = Text()
        for i, gap in enumerate(m.gaps[:GAPS_SHOWN]):
            if i:
                gaps.append("\n")
            gaps.append_text(plain(t.gap_text(gap, g)))
        if len(m.gaps) > GAPS_SHOWN:
            gaps.append_text(plain(f"\n+{len(m.gaps) - GAPS_SHOWN} more", "dim"))
        score = Text(t.bar(m.score, 100, 10, g), style="green")
        score.append(f" {t.score_text(m.score)}")
        rows.append([plain(str(n)), who, score, why, gaps if m.gaps else plain("none", "green")])
    parts: list[Any] = []
    if res.start is not None:
        parts.append(plain(t.start_line(res.start), "bold"))
    parts.append(
        grid(
            "Your best matches",
            [
                Col("#", right=True, keep=True),
                Col("Role", ratio=2, min_width=max(len(m.id) for m in res.matches)),
                Col("Score", keep=True),
                Col("Why", ratio=3),
                Col(f"Gaps: you {g.arrow} needs", ratio=2),
            ],
            rows,
            lines=True,
            flex_min=20,
        )
    )
    if res.assumed:
        parts.append(plain(t.assumed_line(res.assumed, res.start is not None), "dim"))
    for c in res.checks:
        parts.append(plain(t.check_effect(c), "yellow"))
    for measured in res.measured:
        style = "yellow" if measured.level < measured.claimed else ""
        parts.append(plain(t.measured_line(measured), style))
    if res.tree is not None:
        parts.append(tree_view(res.tree, shown=TREE_NEEDS_SHOWN, rest_as_json=False))
    if res.reprint:
        parts.append(plain(f"To see this again: {res.reprint}", "dim"))
    return parts


def gap(res: r.GapResult) -> list[Any]:
    """A skill-gap plan: what to raise, in order, and the score after each step."""
    g = glyphs()
    plan = res.plan
    parts: list[Any] = [
        plain(
            f"Toward {plan.role.title} ({plan.role.id}): your match today is "
            f"{t.score_text(plan.score)}/100.",
            "bold",
        )
    ]
    if not plan.steps:
        parts.append(plain(t.MEETS_ALL))
        return parts
    parts.append(
        grid(
            "Skills to raise, biggest gain first",
            [
                Col("Step", right=True),
                Col("Skill"),
                Col(f"From {g.arrow} to", keep=True),
                Col("Score after", keep=True),
            ],
            [
                [
                    plain(str(n)),
                    plain(x.name),
                    plain(f"{x.has} {g.arrow} {x.needs}"),
                    plain(
                        f"{t.bar(x.score_after, 100, 10, g)} {t.score_text(x.score_after)}", "green"
                    ),
                ]
                for n, x in enumerate(plan.steps, start=1)
            ],
        )
    )
    if plan.stepping_stones:
        names = ", ".join(f"{x.title} ({x.id})" for x in plan.stepping_stones)
        parts.append(plain(f"On the way you could step into: {names}"))
    return parts


def learn(res: r.LearnResult) -> list[Any]:
    """The skills that open the most roles."""
    if not res.openings:
        return []
    g = glyphs()
    return [
        grid(
            f"Skills that would bring the most roles within reach (score {res.reach:.0f}+)",
            [Col("Skill"), Col("Raise", keep=True), Col("Opens", right=True), Col("Roles")],
            [
                [
                    plain(o.name),
                    plain(f"{o.has} {g.arrow} {o.to_level}"),
                    plain(str(len(o.opens))),
                    plain(", ".join(x.title for x in o.opens)),
                ]
                for o in res.openings
            ],
            lines=True,
        )
    ]


def next_moves(res: r.NextResult) -> list[Any]:
    """Moves from a role with the fewest new skills."""
    g = glyphs()
    rows = []
    for m in res.moves:
        who = plain(m.title, "bold")
        who.append_text(plain(f"\n{m.id}" + (" (on its ladder)" if m.on_ladder else ""), "cyan"))
        new = ", ".join(f"{x.name} {x.rated}{g.arrow}{x.needs}" for x in m.new_skills) or "none"
        if m.carries:
            new = f"Carries over: {', '.join(m.carries)}.\nTo gain: {new}"
        if m.step != "level":
            new += "\n" + (
                "A leap: more preparation than the job."
                if m.step == "leap"
                else "A step back from the job's level."
            )
        rows.append(
            [
                who,
                plain(f"{m.preparation}/5"),
                plain(f"{t.bar(m.similarity * 100, 100, 5, g)} {t.percent(m.similarity)}"),
                plain(new),
            ]
        )
    zone = res.start.job_zone
    return [
        grid(
            f"Moves from {t.one_line(res.start.title)}, the nearest first",
            [
                Col("Role", ratio=2, min_width=max((len(m.id) for m in res.moves), default=4)),
                Col("Prep.", keep=True, right=True),
                Col("Similar", keep=True),
                Col(f"Why, and new skills: has {g.arrow} needs", ratio=3),
            ],
            rows,
            caption=t.start_caption(res.start.code, zone, res.start.role is not None),
            lines=True,
        )
    ]


def occupations(res: r.OccupationsResult) -> list[Any]:
    """O*NET occupations found by name, with the bocareer roles that share each code."""
    if not res.hits:
        return []
    rows = [
        [
            plain(h.code, "cyan"),
            plain(h.title),
            plain("-" if h.job_zone is None else f"{h.job_zone}/5"),
            plain(h.matched_title),
            plain(", ".join(x.id for x in h.roles)),
        ]
        for h in res.hits
    ]
    return [
        grid(
            f"O*NET occupations for {quoted(t.one_line(res.query))}",
            [
                Col("Code", keep=True),
                Col("Occupation", ratio=3),
                Col("Zone", keep=True, right=True),
                Col("Matched title", ratio=2),
                Col(
                    "bocareer roles",
                    ratio=2,
                    min_width=max((len(x.id) for h in res.hits for x in h.roles), default=5),
                ),
            ],
            rows,
            caption="Zone = O*NET Job Zone, the preparation the job needs (1-5). Use a code "
            "with `bocareer quiz --from CODE` or `bocareer next --from CODE`.",
        )
    ]


def typing(res: r.TypingResult) -> list[Any]:
    """A typing test's figures, how each is worked out, and the level they reach."""
    f = res.figures
    if f.numbers:
        figures = [
            ("Keystrokes per hour", f"{f.kph:,.0f}", "correct keys (digits and Enter) per hour"),
        ]
    else:
        figures = [
            ("Gross speed", f"{f.gross_wpm:.0f} wpm", "characters typed / 5 / minutes"),
            ("Net speed", f"{f.net_wpm:.0f} wpm", "gross less uncorrected errors per minute"),
        ]
    figures += [
        ("Accuracy", f"{f.accuracy:.1f}%", "characters right / characters typed"),
        (
            "Accuracy counting corrections",
            f"{f.accuracy_all:.1f}%",
            "keys right when pressed / all keys pressed",
        ),
        (
            "Typed",
            f"{f.typed:,} characters in {f.seconds:.1f} s",
            f"{f.errors} left wrong, {f.keystrokes:,} keys pressed",
        ),
    ]
    table = grid(
        "Your typing test" + (" (numeric keypad)" if f.numbers else ""),
        [Col("Figure", ratio=2), Col("Result", keep=True, right=True), Col("How", ratio=3)],
        [[plain(a), plain(b, "bold"), plain(c)] for a, b, c in figures],
        caption="" if f.numbers else "A word is five characters, spaces included.",
    )
    if res.skill is None:
        return [table]
    from rich.text import Text

    from bocareer.typingtest import MIN_CHARACTERS, MIN_SECONDS

    if res.level is None:
        line = Text(
            f"Too short to give a level: type for at least {MIN_SECONDS:g} seconds and "
            f"{MIN_CHARACTERS} characters."
        )
    elif res.level:
        line = Text.assemble(
            (f"{res.skill.name}: level {res.level}", "bold"), f" ({t.clean(res.level_text)})."
        )
    else:
        line = Text(f"{res.skill.name}: below level 1 (see `bocareer skills` for the levels).")
    return [table, line]
