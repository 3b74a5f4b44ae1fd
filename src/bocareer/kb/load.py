"""Find, read and validate a knowledge base: the shipped one or a user's own."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bocareer.errors import DataError, Problem
from bocareer.kb.yamlload import DEFAULT_MAX_BYTES, MB, LDict, LList, read_bytes

if TYPE_CHECKING:
    from bocareer.kb.grounding import Grounding
from bocareer.models import KnowledgeBase

ENV_DATA = "BOCAREER_DATA"
ENV_MAX_SIZE = "BOCAREER_MAX_SIZE"


def shipped_path() -> Path:
    """The knowledge base that ships with bocareer.

    A wheel carries it inside the package; an editable install (where the build backend's
    force-include does not apply) runs from the source tree, whose ``data/`` folder has it.
    """
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data" / "roles.yaml"
    if packaged.is_file():
        return packaged
    return package.parent.parent / "data" / "roles.yaml"


def resolve_path(path: str | os.PathLike[str] | None) -> Path:
    """The file to read: an explicit path, else $BOCAREER_DATA, else the shipped file."""
    if path is not None and str(path) != "":
        return Path(path)
    env = os.environ.get(ENV_DATA)
    return Path(env) if env else shipped_path()


def max_bytes(limit_mb: float | None = None) -> int:
    """The size limit in bytes: the option, else $BOCAREER_MAX_SIZE (in MB), else the default."""
    if limit_mb is None:
        env = os.environ.get(ENV_MAX_SIZE)
        if env:
            try:
                limit_mb = float(env)
            except ValueError:
                limit_mb = None
            if limit_mb is None or not valid_size(limit_mb):
                raise DataError(
                    [Problem(ENV_MAX_SIZE, None, f"expected a size in MB, found {env[:40]!r}")]
                )
    if limit_mb is not None and not valid_size(limit_mb):
        raise DataError([Problem("--max-size", None, f"{limit_mb:g} is not a size in MB")])
    return DEFAULT_MAX_BYTES if limit_mb is None else int(limit_mb * MB)


#: The largest --max-size, in MB: more than any machine parses in reasonable time.
LARGEST_MB = 100_000


def valid_size(mb: float) -> bool:
    """A size limit in MB is finite, above 0 and at most LARGEST_MB (nan fails every test)."""
    return 0 < mb <= LARGEST_MB


def check(
    path: str | os.PathLike[str] | None = None, limit_mb: float | None = None
) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read and validate a file; return the knowledge base (None if unusable) and every problem."""
    target = resolve_path(path)
    try:
        raw = read_bytes(target, max_bytes=max_bytes(limit_mb))
    except DataError as exc:
        return None, exc.problems
    kb, problems, _ = _check_bytes(raw, str(target))
    return kb, problems


def _check_bytes(
    raw: bytes, name: str, grounded: bool = False
) -> tuple[KnowledgeBase | None, list[Problem], Grounding | None]:
    from bocareer.kb.validate import validate
    from bocareer.kb.yamlload import decode, parse

    try:
        data = parse(decode(raw, name), name)
    except DataError as exc:
        return None, exc.problems, None
    kb, problems = validate(data, name)
    if kb is None or not grounded:
        return kb, problems, None
    from bocareer.kb import grounding, rules
    from bocareer.occupations.data import onet

    where = _where(data)
    found = grounding.ground(kb, onet(), where)
    return kb, [*problems, *rules.check(kb, where), *found.problems], found


def check_grounded(
    path: str | os.PathLike[str] | None = None, limit_mb: float | None = None
) -> tuple[KnowledgeBase | None, list[Problem], Grounding | None]:
    """:func:`check`, then the grounding check against O*NET and the ladder rules
    (``bocareer validate --grounding``)."""
    target = resolve_path(path)
    try:
        raw = read_bytes(target, max_bytes=max_bytes(limit_mb))
    except DataError as exc:
        return None, exc.problems, None
    return _check_bytes(raw, str(target), grounded=True)


def _where(data: object) -> Callable[[str, str, str], int | None]:
    """Lines in the parsed file, for problems found on the models: ``where(section, id, key)``;
    ``key`` may name an item of a list, ``next.2`` (the third move), whose own line it gives."""

    def where(section: str, key: str, field: str) -> int | None:
        table = data.get(section) if isinstance(data, LDict) else None
        entry = table.get(key) if isinstance(table, LDict) else None
        if isinstance(entry, LDict):
            name, _, index = field.partition(".")
            items = entry.get(name)
            if index.isdigit() and isinstance(items, LList):
                return items.line_of(int(index))
            return entry.line_of(name)
        return table.line_of(key) if isinstance(table, LDict) else None

    return where


def load(
    path: str | os.PathLike[str] | None = None, limit_mb: float | None = None
) -> KnowledgeBase:
    """Read and validate a knowledge base; raise DataError listing every error if it is unusable.

    An unchanged file that was valid before comes from the cache (see bocareer.kb.cache) without
    being parsed again.
    """
    from bocareer.kb import cache

    target = resolve_path(path)
    raw = read_bytes(target, max_bytes=max_bytes(limit_mb))
    name = str(target)
    kb = cache.get(raw, name)
    if kb is not None:
        return kb
    kb, problems, _ = _check_bytes(raw, name)
    if kb is None:
        raise DataError([p for p in problems if not p.warning])
    cache.put(raw, kb)
    return kb
