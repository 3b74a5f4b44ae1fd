"""What every terminal view is built from: safe text, headings, lists, and tables that turn into
a list layout on a narrow terminal.

Text from a knowledge base or an answers file is always wrapped in ``rich.text.Text`` (via
:func:`plain`) and never parsed as markup, and control characters are replaced, so a role summary
can neither restyle the output nor send escape codes to the terminal.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple

from bocareer.output.console import console, unicode_ok
from bocareer.output.text import ASCII, UNICODE, Glyphs, clean

if TYPE_CHECKING:
    from rich.text import Text

#: Below this many columns a table has no room for its columns: rows are listed instead.
NARROW = 40


def glyphs() -> Glyphs:
    """Block and arrow characters if stdout can show them, else ASCII."""
    return UNICODE if unicode_ok() else ASCII


def plain(text: str, style: str = "") -> Text:
    """Text from the data, shown as it is: no markup, no control codes."""
    from rich.text import Text

    return Text(clean(text), style=style)


def heading(text: str) -> Text:
    """A section heading, with a blank line above it."""
    from rich.text import Text

    return Text("\n" + text, style="bold underline")


def bullets(lines: Iterable[str]) -> Text:
    """A bulleted list."""
    from rich.text import Text

    mark = glyphs().bullet
    out = Text()
    for i, line in enumerate(lines):
        if i:
            out.append("\n")
        out.append(f"{mark} ")
        out.append_text(plain(line))
    return out


class Lines(NamedTuple):
    """Lines written as they are, never wrapped or cropped (``file:line: message``)."""

    lines: list[str]


class Col(NamedTuple):
    """A table column. ``keep`` columns (ids to type next) are never wrapped or cut."""

    name: str
    keep: bool = False
    right: bool = False
    ratio: int | None = None
    style: str = ""
    min_width: int | None = None
    """At least this wide: a column holding ids under titles must not break an id."""


def grid(
    title: str,
    cols: Sequence[Col],
    rows: Sequence[Sequence[Text]],
    caption: str = "",
    lines: bool = False,
) -> Any:
    """A table, or on a terminal narrower than NARROW a list: each row's first cell as a
    heading and the other cells below it, labelled."""
    from rich.table import Table

    if console().width < NARROW:
        return _as_list(title, cols, rows, caption)
    table = Table(title=plain(title) if title else None, title_justify="left", show_lines=lines)
    for i, col in enumerate(cols):
        widest = max((len(r[i].plain) for r in rows), default=0) if col.keep else col.min_width
        table.add_column(
            col.name,
            justify="right" if col.right else "left",
            no_wrap=col.keep,
            min_width=widest,
            ratio=col.ratio,
            style=col.style,
        )
    for row in rows:
        table.add_row(*row)
    if caption:
        table.caption = plain(caption)
    return table


def _as_list(title: str, cols: Sequence[Col], rows: Sequence[Sequence[Text]], caption: str) -> Any:
    """Rows as a list for a narrow terminal: the first cell as a heading, then each other cell
    under its column's name, wrapped in its own column so nothing runs off the edge."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [plain(title, "bold")] if title else []
    for row in rows:
        first = row[0].copy() if row else Text()
        first.stylize("bold")
        parts += [Text(), first]
        pairs = Table.grid()
        pairs.add_column(overflow="fold")
        for col, cell in zip(cols[1:], row[1:], strict=False):
            if cell.plain:
                line = Text(f"{col.name}: " if col.name else "", style="dim")
                line.append_text(cell)
                pairs.add_row(line)
        parts.append(Padding(pairs, (0, 0, 0, 2)))
    if caption:
        parts += [Text(), plain(caption, "dim")]
    return Group(*parts)
