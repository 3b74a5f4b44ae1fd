"""Commands that browse the knowledge base: roles, role, skills, families, path, about."""

from __future__ import annotations

from typing import Annotated

import typer

from bocareer.cli.options import (
    RoleArg,
    complete,
    handle_errors,
    kb,
    prints,
    utf8_text,
)
from bocareer.cli.root import app
from bocareer.errors import UsageError, quoted
from bocareer.output.emit import emit
from bocareer.output.formats import DATA, DOCUMENT, LIST, Destination


def parse_levels(text: str) -> tuple[int, int]:
    """``3`` -> (3, 3); ``1-2`` -> (1, 2)."""
    try:
        lo, _, hi = text.partition("-")
        low, high = int(lo), int(hi or lo)
    except ValueError:
        raise UsageError(
            f"--level takes a number 1-5 or a range such as 1-2, not {quoted(text)}"
        ) from None
    if not 1 <= low <= high <= 5:
        raise UsageError(f"--level {text}: levels run from 1 to 5, low to high")
    return low, high


@app.command()
@handle_errors
@prints(LIST)
def roles(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            help="Only roles whose id, title, summary, duties or tools contain this text.",
            callback=utf8_text,
        ),
    ] = None,
    family: Annotated[
        str | None,
        typer.Option("--family", "-f", help="Only this family.", autocompletion=complete("family")),
    ] = None,
    skill: Annotated[
        str | None,
        typer.Option(
            "--skill",
            "-s",
            help="Only roles that need this skill.",
            autocompletion=complete("skill"),
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            "-l",
            help="Only this preparation level, 1-5, or a range: `--level 1-2` for entry-level roles.",
        ),
    ] = None,
    *,
    dest: Destination,
) -> None:
    """List back-office roles, optionally filtered.

    Formats: table (default), json, csv (`-o roles.csv` for a spreadsheet).

    Example: `bocareer roles --family finance-accounting --level 1-3`
    """
    levels = parse_levels(level) if level else (1, 5)
    from bocareer.sheets import roles_list

    emit(roles_list(kb(ctx), query=query, family=family, skill=skill, levels=levels), dest)


@app.command()
@handle_errors
@prints(DOCUMENT)
def role(
    ctx: typer.Context,
    role_id: RoleArg,
    *,
    dest: Destination,
) -> None:
    """Show one role in full: summary, skills with levels, duties, tools, entry route, ladder.

    Formats: table (default), json, markdown, html: a hand-out to print, e.g.
    `bocareer role accountant -o accountant.html`.

    Example: `bocareer role accountant`
    """
    from bocareer.sheets import role_sheet

    emit(role_sheet(kb(ctx), role_id), dest)


@app.command()
@handle_errors
@prints(DATA)
def skills(
    ctx: typer.Context,
    skill_id: Annotated[
        str | None,
        typer.Argument(
            help="Show what each level of this skill means.", autocompletion=complete("skill")
        ),
    ] = None,
    *,
    dest: Destination,
) -> None:
    """List the skills roles need, or what each level 1-5 of one skill means.

    Example: `bocareer skills spreadsheets`
    """
    from bocareer.sheets import skills_list

    emit(skills_list(kb(ctx), skill_id), dest)


@app.command()
@handle_errors
@prints(DATA)
def families(
    ctx: typer.Context,
    *,
    dest: Destination,
) -> None:
    """List the back-office families (HR, finance, IT support ...) and their roles.

    Example: `bocareer families`
    """
    from bocareer.sheets import families_list

    emit(families_list(kb(ctx)), dest)


@app.command()
@handle_errors
@prints(DATA)
def path(
    ctx: typer.Context,
    role_id: RoleArg,
    *,
    dest: Destination,
) -> None:
    """Show where a role can lead (each step and the skills it asks for) and the routes into it.

    Example: `bocareer path data-entry-operator`
    """
    from bocareer.sheets import path_result

    emit(path_result(kb(ctx), role_id), dest)


@app.command()
@handle_errors
@prints(DATA)
def about(
    ctx: typer.Context,
    *,
    dest: Destination,
) -> None:
    """What back-office work is, its families, and how it differs from the front office."""
    from bocareer.sheets import about_result

    emit(about_result(kb(ctx)), dest)
