"""A small document model that the Markdown and HTML writers both serialise.

:mod:`bocareer.output.documents` lays each printable result out once as these blocks (what is
said, in what order, under which heading); :mod:`~bocareer.output.markdown` and
:mod:`~bocareer.output.html` only decide how a block looks. All text here is plain and
untrusted: each writer escapes it.
"""

from __future__ import annotations

from typing import NamedTuple

from bocareer.ladders import GrowthTree


class Span(NamedTuple):
    """A run of text: ``style`` is "", "strong", "em" or "muted"."""

    text: str
    style: str = ""


class Meter(NamedTuple):
    """A value drawn as a bar with its number beside it (``3/5``, ``69/100``)."""

    value: float
    top: int
    shown: str


Inline = tuple[Span | Meter, ...]


class Heading(NamedTuple):
    """A heading, level 1-4."""

    level: int
    text: str


class Para(NamedTuple):
    """A paragraph; ``style`` is "", "lead", "meta", "muted" or "notice"."""

    spans: Inline
    style: str = ""


class Bullets(NamedTuple):
    """A list."""

    items: tuple[Inline, ...]
    style: str = ""


class Table(NamedTuple):
    """A table; ``style`` is "stack" (rows become cards on a phone), "chart" (label and bar) or
    "matrix" (roles side by side). A caption is printed above it, as a paragraph."""

    head: tuple[str, ...]
    rows: tuple[tuple[Inline, ...], ...]
    caption: str = ""
    style: str = "stack"


class Tree(NamedTuple):
    """A growth tree, drawn from its root."""

    tree: GrowthTree
    root_note: str
    needs_shown: int | None = None
    """List at most this many needs per step (the biggest); None lists them all."""


class Group(NamedTuple):
    """Blocks kept together as one part of a document: ``style`` is "card" (a boxed match),
    "page" (the brief page of a report: the full report starts a new page after it) or "part"
    (one role's pages of a full report)."""

    blocks: tuple[Block, ...]
    style: str


Block = Heading | Para | Bullets | Table | Tree | Group


class Document(NamedTuple):
    """A printable document."""

    title: str
    blocks: tuple[Block, ...]
    footer: tuple[Inline, ...]


def text(value: str, style: str = "") -> Inline:
    """One span as an inline."""
    return (Span(value, style),)


def labelled(label: str, value: str) -> Inline:
    """``Label: value`` with the label in bold."""
    return (Span(f"{label}:", "strong"), Span(f" {value}"))
