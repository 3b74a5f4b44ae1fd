"""Answers files: a person's ratings, as `match`, `quiz --answers` and the reports read them.

Format (YAML or JSON): ``{"ratings": {"skill-id": 0..5, ...}}``; a saved quiz adds what it
needs to resume or to show checks (``skipped``, ``asked``, ``checks``, ``mode``, ...).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bocareer.errors import DataError, Problem, describe, did_you_mean
from bocareer.kb.yamlload import LDict, LList, decode, parse, read_limited, read_text
from bocareer.models import KnowledgeBase

_KEYS = (
    "ratings",
    "skipped",
    "asked",
    "checks",
    "mode",
    "family",
    "verify",
    "name",
    "schema_version",
    "from",
    "assumed",
    "areas",
    "ticked",
    "measured",
)
#: An answers file is small; anything near this is a mistake.
MAX_ANSWERS_BYTES = 2 * 1024 * 1024
TOO_BIG = "answers are a few kB; is this the right input?"


@dataclass(frozen=True)
class Answers:
    """Validated answers."""

    ratings: dict[str, int]
    skipped: tuple[str, ...] = ()
    asked: tuple[str, ...] = ()
    checks: dict[str, bool] = field(default_factory=dict)
    name: str | None = None
    source: str = ""
    start: str | None = None
    """The starting job (``from:``): a role id, an O*NET-SOC code or a job title."""
    assumed: tuple[str, ...] = ()
    """Skills whose rating was assumed (from the starting job), not answered."""
    measured: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Skill -> (the rating claimed, the level a test measured); the rating is the measured."""

    @property
    def missed(self) -> list[str]:
        """Skills whose check question was missed."""
        return [s for s, ok in self.checks.items() if not ok]


def read(path: str, kb: KnowledgeBase) -> Answers:
    """Read an answers file (``-`` for stdin) and check it against the knowledge base."""
    if path == "-":
        name = "<stdin>"
        stream = getattr(sys.stdin, "buffer", None)
        if sys.stdin is None or sys.stdin.closed:
            raise DataError([Problem(name, None, "stdin is closed; give the answers in a file")])
        try:
            raw = (
                read_limited(stream, MAX_ANSWERS_BYTES, name, TOO_BIG)
                if stream is not None
                else sys.stdin.read(MAX_ANSWERS_BYTES + 1).encode()
            )
        except OSError as exc:
            raise DataError([Problem(name, None, f"cannot read: {exc.strerror or exc}")]) from None
        if len(raw) > MAX_ANSWERS_BYTES:
            raise DataError([Problem(name, None, f"more than 2 MB ({TOO_BIG})")])
        text = decode(raw, name)
    else:
        name = path
        text = read_text(Path(path), max_bytes=MAX_ANSWERS_BYTES, hint=TOO_BIG)
    if not text.strip():
        raise DataError(
            [Problem(name, 1, "the answers are empty; expected {ratings: {skill: 0-5}}")]
        )
    if text.lstrip().startswith("{"):
        quick = _json_answers(text, name, kb)
        if quick is not None:
            return quick
    # YAML, or JSON with a problem: the line-tracking reader names the line of each problem.
    return check(parse(text, name), name, kb)


def _json_answers(text: str, name: str, kb: KnowledgeBase) -> Answers | None:
    """Valid JSON answers, read without loading PyYAML (~10 ms); None if anything is off."""
    import json

    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        out = dict(pairs)
        if len(out) != len(pairs):
            raise ValueError("duplicate key")  # the YAML reader names it and its line
        return out

    try:
        data = json.loads(text, object_pairs_hook=no_duplicates)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict) or set(data) - {"ratings", "name"}:
        return None
    ratings = data.get("ratings")
    name_value = data.get("name")
    if not isinstance(ratings, dict) or not (name_value is None or isinstance(name_value, str)):
        return None
    for skill, value in ratings.items():
        if skill not in kb.skills or type(value) is not int or not 0 <= value <= 5:
            return None
    return Answers(ratings=dict(ratings), name=name_value, source=name)


def check(data: Any, name: str, kb: KnowledgeBase) -> Answers:
    """Validate parsed answers; report every problem with its line."""
    problems: list[Problem] = []

    def bad(line: int | None, message: str) -> None:
        problems.append(Problem(name, line, message))

    if not isinstance(data, LDict):
        raise DataError(
            [Problem(name, getattr(data, "line", 1), "expected a mapping with `ratings:`")]
        )
    for key in data:
        if key not in _KEYS:
            bad(data.line_of(key), f"unknown key {key!r}{did_you_mean(key, list(_KEYS))}")
    table = data.get("ratings")
    ratings: dict[str, int] = {}
    if "ratings" not in data:
        bad(data.line, "missing `ratings:` (skill id -> 0-5)")
    elif not isinstance(table, LDict):
        bad(data.line_of("ratings"), "`ratings` must map skill ids to 0-5")
    else:
        for skill, value in table.items():
            line = table.line_of(skill)
            if skill not in kb.skills:
                bad(line, f"unknown skill {skill!r}{did_you_mean(skill, list(kb.skills))}")
            elif isinstance(value, bool) or not isinstance(value, int):
                bad(
                    line,
                    f"rating for {skill!r} must be a whole number 0-5; found {describe(value)}",
                )
            elif not 0 <= value <= 5:
                bad(line, f"rating for {skill!r} is {value}; ratings run from 0 to 5")
            else:
                ratings[skill] = value
    skipped = _ids(data, "skipped", kb, bad)
    asked = _ids(data, "asked", kb, bad)
    checks = _checks(data, kb, bad)
    name_value = data.get("name")
    if name_value is not None and not isinstance(name_value, str):
        bad(data.line_of("name"), "`name` must be text")
    start = data.get("from")
    if start is not None and (not isinstance(start, str) or not start.strip()):
        bad(
            data.line_of("from"),
            "`from` must be the starting job: a role id, an O*NET-SOC code or a title",
        )
    assumed = _ids(data, "assumed", kb, bad)
    for key in ("areas", "ticked"):
        value = data.get(key)
        if value is not None and not (
            isinstance(value, LList) and all(isinstance(v, str) for v in value)
        ):
            bad(data.line_of(key), f"`{key}` must be a list of ids")
    measured = _measured(data, kb, bad)
    if problems:
        raise DataError(problems)
    return Answers(
        ratings=ratings,
        skipped=tuple(skipped),
        asked=tuple(asked),
        checks=checks,
        name=name_value if isinstance(name_value, str) else None,
        source=name,
        start=start if isinstance(start, str) else None,
        assumed=tuple(assumed),
        measured=measured,
    )


def _checks(data: LDict, kb: KnowledgeBase, bad: Any) -> dict[str, bool]:
    """``checks: {skill: true/false}``."""
    checks: dict[str, bool] = {}
    table = data.get("checks")
    if table is None:
        return checks
    if not isinstance(table, LDict):
        bad(data.line_of("checks"), "`checks` must map skill ids to true/false")
        return checks
    for skill, ok in table.items():
        if skill not in kb.skills:
            bad(table.line_of(skill), f"unknown skill {skill!r} in checks")
        elif not isinstance(ok, bool):
            bad(table.line_of(skill), f"check result for {skill!r} must be true or false")
        else:
            checks[skill] = ok
    return checks


def _measured(data: LDict, kb: KnowledgeBase, bad: Any) -> dict[str, tuple[int, int]]:
    """``measured: {skill: {claimed: 0-5, level: 0-5, ...figures}}``."""
    table = data.get("measured")
    if table is None:
        return {}
    if not isinstance(table, LDict):
        bad(data.line_of("measured"), "`measured` must map skill ids to {claimed, level}")
        return {}
    out: dict[str, tuple[int, int]] = {}
    for skill, entry in table.items():
        line = table.line_of(skill)
        if skill not in kb.skills:
            bad(line, f"unknown skill {describe(skill)} in measured")
            continue
        values = [entry.get(k) if isinstance(entry, dict) else None for k in ("claimed", "level")]
        if not all(isinstance(v, int) and not isinstance(v, bool) and 0 <= v <= 5 for v in values):
            bad(line, f"measured {skill!r} needs `claimed` and `level`, each 0-5")
            continue
        out[skill] = (int(values[0]), int(values[1]))  # type: ignore[arg-type]
    return out


def _ids(data: LDict, key: str, kb: KnowledgeBase, bad: Any) -> list[str]:
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, LList):
        bad(data.line_of(key), f"`{key}` must be a list of skill ids")
        return []
    out = []
    for i, skill in enumerate(value):
        if not isinstance(skill, str) or skill not in kb.skills:
            bad(value.line_of(i), f"unknown skill {describe(skill)} in {key}")
        else:
            out.append(skill)
    return out


def to_yaml(ratings: dict[str, int], extra: dict[str, Any] | None = None) -> str:
    """The answers-file text for these ratings (YAML, readable and hand-editable)."""
    import yaml

    doc: dict[str, Any] = {"ratings": dict(ratings)}
    for key, value in (extra or {}).items():
        if value not in (None, [], {}):
            doc[key] = value
    header = "# bocareer answers: skill id -> rating 0-5. Use with: bocareer match --answers FILE\n"
    return header + yaml.safe_dump(doc, sort_keys=False, allow_unicode=True)


def save(
    path: Path,
    ratings: dict[str, int],
    extra: dict[str, Any] | None = None,
    *,
    overwrite: bool = True,
) -> None:
    """Write an answers file atomically (a crash leaves the old file or none, never a part);
    an existing file is replaced only when ``overwrite``."""
    from bocareer.files import atomic_write

    atomic_write(path, to_yaml(ratings, extra), overwrite=overwrite)
