"""Documents as Markdown that reads in a viewer such as GitHub and as plain text.

Every text is untrusted: control characters and bidi overrides are replaced, and every
character that could start markup, a link, raw HTML or a table cell is escaped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bocareer.ladders import GrowthTree, TreeNode
from bocareer.output import blocks as b
from bocareer.output.text import (
    TOP_OF_LADDER,
    UNICODE,
    Glyphs,
    bar,
    clean,
    more_steps,
    needs_text,
)

_SPACE = re.compile(r"\s+")
# Characters that can start inline Markdown (emphasis, code, links, images, strikethrough,
# autolinks, headings, table cells) or end one; each is backslash-escaped.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")
# An "&" only needs escaping where it would start a character reference such as "&lt;".
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")


def escape(value: str) -> str:
    """Text from the data as one line of inert Markdown, safe in a table cell too."""
    one_line = _SPACE.sub(" ", clean(value)).strip()
    # < and > as entities: no raw HTML (a tag, a comment, an autolink) passes through.
    out = _MD_ENTITY.sub("&amp;", one_line).replace("<", "&lt;").replace(">", "&gt;")
    out = _MD_SPECIAL.sub(r"\\\1", out)
    out = _MD_ORDERED.sub(r"\1\\\2", out)  # "1." at the start of a line is not a list
    if out[:1] in ("-", "+", "="):  # nor is "- ", "---" or "===" (list, rule, underline)
        out = "\\" + out
    return out


class _Writer:
    def __init__(self, glyphs: Glyphs) -> None:
        self.g = glyphs
        self.lines: list[str] = []

    def inline(self, spans: b.Inline) -> str:
        out = []
        for span in spans:
            if isinstance(span, b.Meter):
                width = 10 if span.top == 100 else 5
                out.append(f"{bar(span.value, span.top, width, self.g)} {escape(span.shown)}")
            elif span.style == "strong":
                trail = " " if span.text[-1:].isspace() else ""
                out.append(f"**{escape(span.text)}**{trail}")
            else:  # muted and plain text read the same in Markdown
                lead = " " if span.text[:1].isspace() else ""
                trail = " " if span.text[-1:].isspace() else ""
                out.append(lead + escape(span.text) + trail)
        return "".join(out)

    def block(self, block: b.Block) -> None:
        if isinstance(block, b.Heading):
            self.lines += ["#" * block.level + " " + escape(block.text), ""]
        elif isinstance(block, b.Para):
            line = self.inline(block.spans)
            self.lines += [f"> {line}" if block.style == "notice" else line, ""]
        elif isinstance(block, b.Bullets):
            self.lines += [f"- {self.inline(item)}" for item in block.items] + [""]
        elif isinstance(block, b.Table):
            self.table(block)
        elif isinstance(block, b.Tree):
            self.tree(block.tree, block.root_note, block.needs_shown)
        else:
            for inner in block.blocks:
                self.block(inner)
            if block.style == "page":
                self.lines += ["---", ""]

    def table(self, table: b.Table) -> None:
        if table.caption:
            self.lines += [escape(table.caption) + ":", ""]
        head = [escape(h) for h in table.head]
        self.lines.append("| " + " | ".join(head) + " |")
        self.lines.append("| " + " | ".join("---" for _ in head) + " |")
        self.lines += ["| " + " | ".join(self.inline(c) for c in row) + " |" for row in table.rows]
        self.lines.append("")

    def tree(self, tree: GrowthTree, note: str, shown: int | None) -> None:
        self.lines.append(f"- **{escape(tree.title)}** ({escape(note)})")
        if not tree.children:
            self.lines.append("  - " + escape(TOP_OF_LADDER))
        self.nodes(tree.children, 1, tree.against_person, shown)
        if tree.omitted:
            self.lines.append("  - " + escape(more_steps(tree)))
        self.lines.append("")

    def nodes(self, nodes: Sequence[TreeNode], depth: int, person: bool, shown: int | None) -> None:
        # Depth is bounded by the tree's step limit (bocareer.ladders.MAX_TREE_STEPS).
        for node in nodes:
            line = f"{self.g.arrow} **{escape(node.title)}**"
            if node.needs:
                line += f" — {escape(needs_text(node.needs, person, self.g, shown))}"
            elif person:
                line += " — you meet every level it asks"
            if node.repeated:
                line += " (where it leads is shown above)"
            self.lines.append("  " * depth + "- " + line)
            self.nodes(node.children, depth + 1, person, shown)


def render(doc: b.Document, glyphs: Glyphs = UNICODE) -> str:
    """A document as Markdown text."""
    w = _Writer(glyphs)
    for block in doc.blocks:
        w.block(block)
    if doc.footer:
        for line in doc.footer:
            w.lines += ["", w.inline(line)]
    text = "\n".join(w.lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n") + "\n"
