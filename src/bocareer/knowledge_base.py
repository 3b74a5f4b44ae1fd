"""Find, read and validate a knowledge base: the shipped one or a user's own."""

from __future__ import annotations

import os
from pathlib import Path

from bocareer.errors import DataError, Problem
from bocareer.models import KnowledgeBase
from bocareer.yamlload import DEFAULT_MAX_BYTES, MB

ENV_DATA = "BOCAREER_DATA"
ENV_MAX_SIZE = "BOCAREER_MAX_SIZE"


def shipped_path() -> Path:
    """The knowledge base that ships with bocareer.

    A wheel carries it inside the package; an editable install (where the build backend's
    force-include does not apply) runs from the source tree, whose ``data/`` folder has it.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "roles.yaml"
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / "roles.yaml"


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
                raise DataError(
                    [Problem(ENV_MAX_SIZE, None, f"expected a size in MB, found {env!r}")]
                ) from None
    return DEFAULT_MAX_BYTES if limit_mb is None else int(limit_mb * MB)


def check(
    path: str | os.PathLike[str] | None = None, limit_mb: float | None = None
) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Read and validate a file; return the knowledge base (None if unusable) and every problem."""
    from bocareer.validator import validate
    from bocareer.yamlload import parse, read_text

    target = resolve_path(path)
    name = str(target)
    try:
        data = parse(read_text(target, max_bytes=max_bytes(limit_mb)), name)
    except DataError as exc:
        return None, exc.problems
    return validate(data, name)


def load(
    path: str | os.PathLike[str] | None = None, limit_mb: float | None = None
) -> KnowledgeBase:
    """Read and validate a knowledge base; raise DataError listing every error if it is unusable."""
    kb, problems = check(path, limit_mb)
    if kb is None:
        raise DataError([p for p in problems if not p.warning])
    return kb
