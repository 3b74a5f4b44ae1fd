"""``bocareer occupations``: find an O*NET occupation by any job title."""

from __future__ import annotations

from typing import Annotated

import typer

from bocareer.cli.options import handle_errors, kb, prints, utf8_text
from bocareer.cli.root import app
from bocareer.output.emit import emit
from bocareer.output.formats import LIST, Destination


@app.command()
@handle_errors
@prints(LIST)
def occupations(
    ctx: typer.Context,
    text: Annotated[
        str,
        typer.Argument(
            help="A job title as people say it (store manager, bookkeeper, nurse aide), or an "
            "O*NET-SOC code.",
            show_default=False,
            callback=utf8_text,
            metavar="TEXT",
        ),
    ],
    top: Annotated[
        int, typer.Option("--top", "-n", help="How many occupations to list.", min=1)
    ] = 10,
    *,
    dest: Destination,
) -> None:
    """Find O*NET occupations by any job title (60,000 titles; small misspellings forgiven),
    with the bocareer roles that share each code. Use a code with `quiz --from` or `next --from`.
    When nothing matches it says so, with the closest titles, and exits 1.

    Formats: table (default), json, csv.

    Example: `bocareer occupations "store manager"`
    """
    from bocareer.occupations.search import search
    from bocareer.results import OccupationHit, OccupationsResult, RoleRef

    base = kb(ctx)
    by_code: dict[str, list[RoleRef]] = {}
    for r in base.roles.values():
        if r.codes is not None and r.codes.onet_soc:
            by_code.setdefault(r.codes.onet_soc, []).append(RoleRef(r.id, r.title))
    hits = tuple(
        OccupationHit(h.code, h.title, h.job_zone, h.matched_title, tuple(by_code.get(h.code, ())))
        for h in search(text, top)
    )
    if not hits:
        from bocareer.errors import NotFoundError, quoted
        from bocareer.occupations.start import closest

        raise NotFoundError(f"no occupation matches {quoted(text)}{closest(text)}")
    emit(OccupationsResult(text, hits), dest)
