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
#: The fewest characters a column of running text may get in a table.
FLEX_MIN = 14
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
    flex_min: int = 0,
) -> Any:
    """A table, or a list when the table would not fit the terminal: each row's first cell as a
    heading and the other cells below it, labelled.

    Columns of ids (``keep``, ``min_width``) get a fixed width, so an id is never broken; the
    other columns share what is left. When that leaves them fewer than ``flex_min`` (FLEX_MIN by
    default) characters each,
    a table would squeeze its text into a column of single words (or Rich would draw it wider
    than the terminal and cut it at the edge), so the list is drawn instead.
    """
    from rich.table import Table

    out = console()
    fixed: list[int | None] = []
    for i, col in enumerate(cols):
        if col.keep:
            fixed.append(max((_widest(r[i]) for r in rows), default=len(col.name)))
        elif col.min_width:
            fixed.append(col.min_width)
        else:
            fixed.append(None)
    flexible = sum(1 for w in fixed if w is None)
    # Each column has a space on either side and a rule on its right, plus the left edge.
    left = out.width - sum(w or 0 for w in fixed) - 3 * len(cols) - 1
    least = flex_min or FLEX_MIN
    if out.width < NARROW or left < 0 or (flexible and left < least * flexible):
        return _as_list(title, cols, rows, caption)
    table = Table(title=plain(title) if title else None, title_justify="left", show_lines=lines)
    for col, width in zip(cols, fixed, strict=True):
        table.add_column(
            col.name,
            justify="right" if col.right else "left",
            no_wrap=col.keep,
            width=width,
            ratio=None if width is not None else col.ratio,
            style=col.style,
        )
    for row in rows:
        table.add_row(*row)
    if caption:
        table.caption = plain(caption)
    return table


def _widest(cell: Text) -> int:
    return max((len(line) for line in cell.plain.split("\n")), default=0)


def _as_list(title: str, cols: Sequence[Col], rows: Sequence[Sequence[Text]], caption: str) -> Any:
    """Rows as a list for a narrow terminal: the first cell as a heading, then each other cell
    under its column's name, wrapped in its own column so nothing runs off the edge."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.table import Table
    from rich.text import Text

    parts: list[Any] = [plain(title, "bold")] if title else []
    numbered = bool(cols) and cols[0].name == "#"
    for row in rows:
        first = row[0].copy() if row else Text()
        if numbered and len(row) > 1:  # "2. Data Entry Operator", not "2" then "Role: ..."
            first = Text(f"{row[0].plain}. ").append_text(row[1])
        first.stylize("bold")
        parts += [Text(), first]
        pairs = Table.grid()
        pairs.add_column(overflow="fold")
        skip = 2 if numbered else 1
        for col, cell in zip(cols[skip:], row[skip:], strict=False):
            if cell.plain:
                line = Text(f"{col.name}: " if col.name else "", style="dim")
                line.append_text(cell)
                pairs.add_row(line)
        parts.append(Padding(pairs, (0, 0, 0, 2)))
    if caption:
        parts += [Text(), plain(caption, "dim")]
    return Group(*parts)
