"""Read YAML (or JSON) safely, keeping the line of every key and item.

Why not ``yaml.safe_load``: it keeps the last of duplicate keys without a word, and it forgets
where things were, so no error could say ``file:line``. Here the C parser (when PyYAML has it)
builds the node tree, and a small constructor turns it into :class:`LDict` and :class:`LList`,
which remember lines. Only the standard YAML tags are accepted: ``!!python/...`` and every other
tag is an error, so loading a file can never execute anything.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from bocareer.errors import DataError, Problem, describe

#: Files larger than this are refused unless the caller raises the limit (a 50 MB knowledge base
#: takes PyYAML's C loader about 30 s and 1.6 GB of memory).
MB = 1024 * 1024
DEFAULT_MAX_BYTES = 20 * MB

_STANDARD = "tag:yaml.org,2002:"
_SCALAR_TAGS = {
    _STANDARD + t for t in ("str", "int", "float", "bool", "null", "timestamp", "binary")
}


class LDict(dict[str, Any]):
    """A mapping that knows its own line and the line of each key."""

    line: int
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of ``key`` if present, else the mapping's own line."""
        return self.key_lines.get(key, self.line)


class LList(list[Any]):
    """A sequence that knows its own line and the line of each item."""

    line: int
    item_lines: list[int]

    def line_of(self, index: int) -> int:
        """Line of item ``index``."""
        return self.item_lines[index] if index < len(self.item_lines) else self.line


def line_of(container: object, key: str | int) -> int | None:
    """Line of ``key`` inside ``container`` when the container tracks lines."""
    if isinstance(container, LDict) and isinstance(key, str):
        return container.line_of(key)
    if isinstance(container, LList) and isinstance(key, int):
        return container.line_of(key)
    return getattr(container, "line", None)


#: What a too-large knowledge base is told.
RAISE_LIMIT = "raise the limit with --max-size or BOCAREER_MAX_SIZE"


def read_text(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, hint: str = RAISE_LIMIT) -> str:
    """Read a UTF-8 text file, refusing ones that are missing, too large or not UTF-8."""
    return decode(read_bytes(path, max_bytes=max_bytes, hint=hint), str(path))


def read_bytes(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, hint: str = RAISE_LIMIT) -> bytes:
    """Read a file, refusing ones that are missing, unreadable or too large.

    The limit applies to what is read, not to what ``stat`` says: at most ``max_bytes + 1``
    bytes are read, so ``/dev/zero`` or an endless pipe is refused instead of filling memory.
    """
    name = str(path)
    try:
        if path.is_dir():
            raise DataError([Problem(name, None, "is a folder, not a file")])
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if stat.S_ISREG(os.fstat(handle.fileno()).st_mode) and size > max_bytes:
                raise DataError(
                    [
                        Problem(
                            name,
                            None,
                            f"file is {size / MB:.3g} MB, over the {max_bytes / MB:g} MB limit "
                            f"({hint})",
                        )
                    ]
                )
            raw = read_limited(handle, max_bytes, name, hint)
    except FileNotFoundError:
        raise DataError([Problem(name, None, "no such file")]) from None
    except PermissionError:
        raise DataError([Problem(name, None, "permission denied")]) from None
    except OSError as exc:
        raise DataError([Problem(name, None, os.strerror(exc.errno or 0) or str(exc))]) from None
    return raw


def read_limited(handle: Any, max_bytes: int, name: str, hint: str = RAISE_LIMIT) -> bytes:
    """At most ``max_bytes`` from an open binary stream; DataError if there is more."""
    raw: bytes = handle.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise DataError([Problem(name, None, f"more than {max_bytes / MB:g} MB ({hint})")])
    return raw


def decode(raw: bytes, name: str) -> str:
    """Decode UTF-8 (a BOM is allowed), naming the line of the first bad byte."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataError(
            [Problem(name, line, f"not UTF-8 text (byte 0x{raw[exc.start]:02x})")]
        ) from None


def parse(text: str, name: str) -> Any:
    """Parse one YAML document into plain values, LDicts and LLists."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        node = yaml.compose(text, Loader=loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or exc.context or "invalid YAML"
        raise DataError([Problem(name, line, f"invalid YAML: {what}")]) from None
    except yaml.reader.ReaderError as exc:
        # Raised for characters YAML does not allow (a raw ESC, say); it has no line, only a position.
        line = text[: exc.position].count("\n") + 1
        what = f"character {exc.character!r} is not allowed in YAML"
        raise DataError([Problem(name, line, what)]) from None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise DataError([Problem(name, None, f"invalid YAML: {first}")]) from None
    if node is None:
        raise DataError([Problem(name, 1, "the file is empty")])
    builder = _Builder(name)
    try:
        value = builder.build(node)
    except RecursionError:
        raise DataError([Problem(name, None, "nested too deeply to be a bocareer file")]) from None
    if builder.problems:
        raise DataError(builder.problems)
    return value


class _Builder:
    """Turns a composed node tree into values; collects duplicate keys and bad tags."""

    def __init__(self, name: str) -> None:
        import yaml.constructor

        self.name = name
        self.problems: list[Problem] = []
        self._scalars = yaml.constructor.SafeConstructor()
        # Aliases point at the same node; building each node once keeps an alias bomb
        # (billion laughs) linear in the size of the file instead of exponential.
        self._built: dict[int, Any] = {}

    def build(self, node: Any) -> Any:
        import yaml

        done = self._built.get(id(node))
        if done is not None:
            return done
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, line)
        if isinstance(node, yaml.SequenceNode):
            return self._sequence(node, line)
        if node.tag not in _SCALAR_TAGS:
            self._tag(node, line, _SCALAR_TAGS)
            return None
        try:
            value = self._scalars.yaml_constructors[node.tag](self._scalars, node)
        except Exception as exc:  # PyYAML raises anything from ValueError to IndexError here
            what = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            shown = describe(node.value)
            self.problems.append(
                Problem(
                    self.name, line, f"bad {node.tag.rsplit(':', 1)[-1]} value, {shown}: {what}"
                )
            )
            return None
        if node.tag.endswith(("timestamp", "binary")):
            return node.value  # dates and blobs are kept as the text the author wrote
        return value

    def _tag(self, node: Any, line: int, allowed: set[str]) -> None:
        if node.tag not in allowed:
            self.problems.append(Problem(self.name, line, f"YAML tag {node.tag!r} is not allowed"))

    def _mapping(self, node: Any, line: int) -> LDict:
        self._tag(node, line, {_STANDARD + "map"})
        out = LDict()
        out.line = line
        out.key_lines = {}
        self._built[id(node)] = out
        for key_node, value_node in node.value:
            key_line = key_node.start_mark.line + 1
            key = self.build(key_node)
            if isinstance(key, (LDict, LList)) or key is None:
                self.problems.append(Problem(self.name, key_line, "a key must be plain text"))
                continue
            key = str(key)
            if key in out.key_lines:
                self.problems.append(
                    Problem(
                        self.name,
                        key_line,
                        f"duplicate key {key!r} (first at line {out.key_lines[key]})",
                    )
                )
                continue
            out.key_lines[key] = key_line
            out[key] = self.build(value_node)
        return out

    def _sequence(self, node: Any, line: int) -> LList:
        self._tag(node, line, {_STANDARD + "seq"})
        out = LList()
        out.line = line
        out.item_lines = []
        self._built[id(node)] = out
        for item in node.value:
            out.item_lines.append(item.start_mark.line + 1)
            out.append(self.build(item))
        return out
