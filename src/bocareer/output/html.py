"""Documents as one self-contained HTML page: printable, readable on a phone.

Every text from the data is escaped with :func:`html.escape` after control characters and bidi
overrides are replaced. One inline ``<style>`` (``page.css`` beside this module), no script, no
external resource. Print rules keep tables, cards and trees whole but let sections flow, so no
page is left half blank by a section pushed over; a full report's brief page stands alone.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

from bocareer.ladders import GrowthTree, TreeNode
from bocareer.output import blocks as b
from bocareer.output.text import TOP_OF_LADDER, clean, more_steps, needs_text


def _h(value: str) -> str:
    """Text from the data as HTML text or attribute value."""
    return html.escape(clean(value), quote=True)


@lru_cache(maxsize=1)
def _css() -> str:
    return (Path(__file__).with_name("page.css")).read_text(encoding="utf-8")


def _meter(m: b.Meter) -> str:
    """A bar with its number as text, so it still reads in black and white or without CSS."""
    share = 100.0 * max(0.0, min(m.value, m.top)) / m.top
    return (
        f'<span class="meter"><span class="bar" role="img" aria-label="{_h(m.shown)}">'
        f'<span style="width: {share:.0f}%"></span></span>'
        f'<span class="num">{_h(m.shown)}</span></span>'
    )


def _inline(spans: b.Inline) -> str:
    out = []
    for span in spans:
        if isinstance(span, b.Meter):
            out.append(_meter(span))
        elif span.style:
            out.append(f'<span class="{span.style}">{_h(span.text)}</span>')
        else:
            out.append(_h(span.text))
    return "".join(out)


def _table(table: b.Table) -> str:
    parts = []
    if table.caption:
        # A paragraph, not a <caption>: a caption inside a table stacked for a phone is squeezed
        # to the width of one cell, one word per line.
        parts.append(f'<p class="caption">{_h(table.caption)}</p>')
    parts.append(f'<table class="{table.style}"><thead><tr>')
    parts += [f'<th scope="col">{_h(x)}</th>' for x in table.head]
    parts.append("</tr></thead><tbody>")
    for row in table.rows:
        cells = []
        for i, (label, cell) in enumerate(zip(table.head, row, strict=True)):
            named = label and not (table.style == "matrix" and i == 0)
            attr = f' data-label="{_h(label)}"' if named else ""
            cells.append(f"<td{attr}>{_inline(cell)}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _nodes(nodes: Sequence[TreeNode], person: bool, shown: int | None) -> str:
    # Depth is bounded by the tree's step limit (bocareer.ladders.MAX_TREE_STEPS).
    items = []
    for node in nodes:
        needs = needs_text(node.needs, person, shown=shown)
        if not needs and person:
            needs = "you meet every level it asks"
        asks = f'<span class="asks">{_h(needs)}</span>' if needs else ""
        again = '<span class="asks">(where it leads is shown above)</span>' if node.repeated else ""
        sub = f"<ul>{_nodes(node.children, person, shown)}</ul>" if node.children else ""
        items.append(
            '<li><span class="arrow" aria-hidden="true">→</span>'
            f'<span class="node"><span class="t">{_h(node.title)}</span>{asks}{again}</span>{sub}</li>'
        )
    return "".join(items)


def _tree(tree: GrowthTree, note: str, shown: int | None) -> str:
    inner = (
        _nodes(tree.children, tree.against_person, shown)
        if tree.children
        else f'<li><span class="node">{_h(TOP_OF_LADDER)}</span></li>'
    )
    more = f'<li><span class="more">{_h(more_steps(tree))}</span></li>' if tree.omitted else ""
    return (
        f'<ul class="tree"><li><span class="node here">{_h(tree.title)}'
        f'<span class="asks">{_h(note)}</span></span><ul>{inner}{more}</ul></li></ul>'
    )


def _block(block: b.Block, last: bool) -> str:
    if isinstance(block, b.Heading):
        return f"<h{block.level}>{_h(block.text)}</h{block.level}>"
    if isinstance(block, b.Para):
        cls = f' class="{block.style}"' if block.style else ""
        return f"<p{cls}>{_inline(block.spans)}</p>"
    if isinstance(block, b.Bullets):
        cls = f' class="{block.style}"' if block.style else ""
        return f"<ul{cls}>" + "".join(f"<li>{_inline(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, b.Table):
        return _table(block)
    if isinstance(block, b.Tree):
        return _tree(block.tree, block.root_note, block.needs_shown)
    inner = "\n".join(_block(x, False) for x in block.blocks)
    cls = block.style
    if block.style == "page" and not last:
        cls += " newpage"  # the brief page stands alone when more pages follow
    return f'<section class="{cls}">\n{inner}\n</section>'


def render(doc: b.Document) -> str:
    """A document as one HTML page."""
    count = len(doc.blocks)
    body = [_block(x, i == count - 1) for i, x in enumerate(doc.blocks)]
    footer = "".join(f"<p>{_inline(line)}</p>" for line in doc.footer)
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{_h(doc.title)}</title>",
            f"<style>\n{_css()}</style>",
            "</head>",
            "<body>",
            '<main class="doc">',
            *body,
            f'<footer class="muted">{footer}</footer>',
            "</main>",
            "</body>",
            "</html>",
            "",
        ]
    )
