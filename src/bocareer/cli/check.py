"""``bocareer validate``: check a knowledge base."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bocareer.cli.options import (
    handle_errors,
    prints,
    settings,
)
from bocareer.cli.root import app
from bocareer.errors import ExitCode
from bocareer.output.emit import emit
from bocareer.output.formats import DATA, Destination


@app.command()
@handle_errors
@prints(DATA)
def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The knowledge base to check [default: --data, $BOCAREER_DATA, or the shipped one].",
            show_default=False,
        ),
    ] = None,
    *,
    grounding: Annotated[
        bool,
        typer.Option(
            "--grounding",
            help="Also check the file against O*NET (each skill's levels, each role's codes and "
            "central skills) and the ladder rules; prints the figures.",
        ),
    ] = False,
    dest: Destination,
) -> None:
    """Check a knowledge base and report every problem as `file:line: message`.

    Exits 0 when the file is clean, 1 when there is any problem (warnings included).
    With --grounding the file is also held to O*NET's measured levels and to the ladder rules
    (docs/knowledge-base.md says how), and the figures are printed.

    Examples: `bocareer validate my-roles.yaml`, `bocareer validate --grounding`
    """
    from bocareer.kb import check
    from bocareer.kb.load import check_grounded, resolve_path
    from bocareer.output.console import message
    from bocareer.output.text import plural
    from bocareer.sheets import validate_result

    own = settings(ctx)
    target = file if file is not None else own.data
    found = None
    if grounding:
        kb, problems, found = check_grounded(target, own.max_size)
    else:
        kb, problems = check(target, own.max_size)
    result = validate_result(str(resolve_path(target)), kb, problems, found)
    emit(result, dest)
    if result.counts is None:
        errors = sum(1 for p in problems if not p.warning)
        message(f"{plural(errors, 'error')}, {plural(len(problems) - errors, 'warning')}")
        raise typer.Exit(ExitCode.PROBLEM)
    roles, skills, families, checks = result.counts
    message(
        f"{result.path}: OK: {plural(roles, 'role')}, {plural(skills, 'skill')}, "
        f"{plural(families, 'family', 'families')}, {plural(checks, 'check question')}"
    )
