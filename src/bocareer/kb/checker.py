"""The primitives every section check is built from: shapes, text, numbers, ids, references.

A :class:`Checker` collects every problem of one file, with its line, instead of stopping at the
first, so an author can fix a file in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from bocareer.errors import Problem, describe, did_you_mean
from bocareer.kb.yamlload import LDict, LList, line_of

SCHEMA_VERSION = 1
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# C0 and C1 control characters other than tab and newline: an ESC in a summary could
# otherwise repaint a counsellor's terminal.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
FIGURES = ("job_zone", "median_pay_usd", "employment_us", "automation_probability")
#: Bracket pairs a list item must balance (see :meth:`Checker.text_list`).
BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))
T = TypeVar("T")


class Checker:
    """Collects problems while reading one file."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def error(self, line: int | None, message: str) -> None:
        """Record a problem that makes the file unusable."""
        self.problems.append(Problem(self.name, line, message))

    def warn(self, line: int | None, message: str) -> None:
        """Record something that looks like a mistake but does not stop the file loading."""
        self.problems.append(Problem(self.name, line, message, warning=True))

    # -- shapes ---------------------------------------------------------------------------

    def mapping(self, parent: Any, key: str | int, where: str) -> LDict | None:
        """The mapping at parent[key], or None after reporting what is there instead."""
        value = parent[key]
        if isinstance(value, LDict):
            return value
        self.error(line_of(parent, key), f"{where}: expected a mapping, found {describe(value)}")
        return None

    def keys(
        self, obj: LDict, where: str, required: Iterable[str], optional: Iterable[str] = ()
    ) -> bool:
        """Report missing and unknown keys; True when every required key is present."""
        required = tuple(required)
        allowed = set(required) | set(optional)
        complete = True
        for key in required:
            if key not in obj:
                self.error(obj.line, f"{where}: missing required key {key!r}")
                complete = False
        for key in obj:
            if key not in allowed:
                hint = did_you_mean(key, sorted(allowed))
                self.error(obj.line_of(key), f"{where}: unknown key {key!r}{hint}")
        return complete

    def text(self, obj: Any, key: str | int, where: str, *, default: str = "") -> str:
        """A non-empty string without control characters."""
        value = obj[key]
        line = line_of(obj, key)
        if not isinstance(value, str) or isinstance(value, bool):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                return str(value)  # a number where text is expected is harmless: "2019"
            self.error(line, f"{where}: expected text, found {describe(value)}")
            return default
        if not value.strip():
            self.error(line, f"{where}: is empty")
            return default
        if CONTROL_RE.search(value):
            self.error(line, f"{where}: contains a control character")
            return CONTROL_RE.sub("\ufffd", value)
        return value.strip()

    def opt_text(self, obj: LDict, key: str, where: str) -> str | None:
        """Text if the key is there, else None."""
        return self.text(obj, key, f"{where}.{key}") if key in obj else None

    def text_list(self, obj: LDict, key: str, where: str, *, allow_empty: bool = True) -> list[str]:
        """A list of non-empty strings."""
        items = self.seq(obj, key, f"{where}.{key}")
        if items is None:
            return []
        if not items and not allow_empty:
            self.error(obj.line_of(key), f"{where}.{key}: is empty")
        out = [self.text(items, i, f"{where}.{key}[{i + 1}]") for i in range(len(items))]
        for i, item in enumerate(out):
            if any(item.count(o) != item.count(c) for o, c in BRACKETS):
                # In a flow list, [Excel, CRM (e.g. Salesforce, Zendesk)], YAML splits the item
                # at the comma inside the brackets: "CRM (e.g. Salesforce" and "Zendesk)". A
                # warning, as a lone bracket can be meant; `validate` still fails on it.
                self.warn(
                    items.line_of(i),
                    f"{where}.{key}[{i + 1}]: {item!r} has an unbalanced bracket; a comma inside "
                    "brackets splits an item of a [a, b] list: quote the item or write the list "
                    "one item a line",
                )
        return out

    def text_map(self, obj: LDict, key: str, where: str) -> dict[str, str]:
        """A mapping of ids (or O*NET element ids) to non-empty text: ``{id: why}``."""
        table = self.mapping(obj, key, where) if obj.get(key) is not None else None
        if table is None:
            return {}
        return {str(k): self.text(table, k, f"{where}.{k}") for k in table}

    def seq(self, obj: LDict, key: str, where: str) -> LList | None:
        """The list at obj[key], or None after reporting what is there instead."""
        value = obj[key]
        if isinstance(value, LList):
            return value
        self.error(obj.line_of(key), f"{where}: expected a list, found {describe(value)}")
        return None

    def integer(self, obj: Any, key: str | int, where: str, lo: int, hi: int) -> int:
        """A whole number in lo..hi."""
        value = obj[key]
        line = line_of(obj, key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(line, f"{where}: expected a whole number {lo}-{hi}, found {describe(value)}")
            return lo
        if not lo <= value <= hi:
            self.error(line, f"{where}: {value} is out of range {lo}-{hi}")
            return max(lo, min(hi, value))
        return value

    def ident(self, obj: LDict, key: str, where: str) -> None:
        """Report an id that is not lower-case words joined by hyphens."""
        if not ID_RE.match(key):
            self.error(
                obj.line_of(key),
                f"{where}: id {key!r} should be lower-case words joined by hyphens",
            )

    def section(
        self, data: LDict, key: str, build: Callable[[str, LDict], T], *, ids: bool = True
    ) -> dict[str, T]:
        """Build every entry of a top-level id -> mapping section (``ids``: keys are ids)."""
        out: dict[str, T] = {}
        table = self.mapping(data, key, key) if key in data else None
        if table is None:
            return out
        for item_id in table:
            if ids:
                self.ident(table, item_id, f"{key}.{item_id}")
            obj = self.mapping(table, item_id, f"{key}.{item_id}")
            if obj is not None:
                out[item_id] = build(item_id, obj)
        return out

    def ref(self, line: int | None, where: str, ref: Any, known: dict[str, Any], what: str) -> bool:
        """Report a reference that does not resolve, with a did-you-mean."""
        if isinstance(ref, str) and ref in known:
            return True
        if not isinstance(ref, str):
            self.error(line, f"{where}: expected a {what} id, found {describe(ref)}")
        else:
            hint = did_you_mean(ref, list(known))
            self.error(line, f"{where}: unknown {what} {ref!r}{hint}")
        return False
