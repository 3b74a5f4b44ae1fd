"""The one place a result becomes output: render it in the format chosen by
:func:`bocareer.output.formats.choose`, and print it or write it to the -o file atomically.
"""

from __future__ import annotations

from bocareer import results as r
from bocareer.output.formats import C, Destination, Format, H, J

#: Said on stderr when a table would be empty.
EMPTY = {
    r.RolesResult: "No role matches these filters.",
    r.MatchResult: "No role can be matched yet: rate at least one skill above 0.",
    r.LearnResult: "No single skill raise brings another role within reach.",
    r.NextResult: "No other role to move to.",
    r.OccupationsResult: "No occupation matches; try fewer or other words.",
}


def render_text(result: object, fmt: Format, unicode: bool = True) -> str:
    """A result as JSON, CSV, Markdown or HTML text."""
    if fmt is J:
        from bocareer.output.jsondoc import document, dumps

        return dumps(document(result))
    if fmt is C:
        from bocareer.output.csvdoc import render

        return render(result)
    from bocareer.output.documents import layout

    doc = layout(result)
    if fmt is H:
        from bocareer.output.html import render as html

        return html(doc)
    from bocareer.output.markdown import render as markdown
    from bocareer.output.text import ASCII, UNICODE

    return markdown(doc, UNICODE if unicode else ASCII)


def emit(result: object, dest: Destination) -> None:
    """Print or write a result in the chosen format."""
    from bocareer.output.console import message

    if dest.format is Format.TABLE:
        from bocareer.output.console import show
        from bocareer.output.terminal import render

        for warning in getattr(result, "warnings", ()):
            message(f"Note: {warning}")
        parts = render(result)
        if not parts and type(result) in EMPTY:
            message(EMPTY[type(result)])
        show(*parts)
        return
    if dest.path is None:
        from bocareer.output.console import unicode_ok, write_stdout

        write_stdout(render_text(result, dest.format, unicode_ok()))
        return
    from bocareer.files import atomic_write

    atomic_write(dest.path, render_text(result, dest.format), overwrite=dest.force)
    message(f"Wrote {dest.path}")
