"""O*NET's occupations as bocareer ships them: titles, Job Zones and, for the occupations O*NET
rates, the importance and level of every skill, knowledge area and work style.

Built from the O*NET files kept in the repository by ``scripts/build_occupations.py``; read here
only by the commands that need it (the grounding check, starting profiles), and cached like the
knowledge base.

This product includes information from the O*NET 29.3 Database by the U.S. Department of Labor,
Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 licence.
USDOL/ETA has not approved, endorsed or tested these modifications.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

#: Raised whenever the cached layout changes.
FORMAT = 1


class Element(NamedTuple):
    """An O*NET descriptor: a skill, a knowledge area or a work style."""

    id: str
    name: str
    kind: str
    """"skill", "knowledge" or "work style"."""


class Occupation(NamedTuple):
    """One O*NET-SOC occupation."""

    code: str
    title: str
    job_zone: int | None
    importance: tuple[float | None, ...] | None
    """Per element of :attr:`Onet.elements`, 1-5; None for the occupations O*NET does not rate."""
    level: tuple[float | None, ...] | None
    """Per element, 0-7 (None for work styles, which O*NET rates for importance only)."""


class Onet(NamedTuple):
    """The O*NET occupations and the elements they are rated on."""

    elements: tuple[Element, ...]
    position: Mapping[str, int]
    """Element id -> its position in :attr:`elements` and in each occupation's lists."""
    occupations: Mapping[str, Occupation]

    def rating(self, code: str, element: str) -> tuple[float, float] | None:
        """(importance, level 0-7) of ``element`` for occupation ``code``, or None if unrated.

        A work style has no level; its importance is put on the 0-7 scale: (I - 1) * 7 / 4.
        """
        occupation = self.occupations.get(code)
        i = self.position.get(element)
        if occupation is None or occupation.importance is None or i is None:
            return None
        importance = occupation.importance[i]
        if importance is None:
            return None
        level = occupation.level[i] if occupation.level is not None else None
        return importance, ((importance - 1) * 7 / 4 if level is None else level)


def data_path(name: str) -> Path:
    """A shipped data file: inside the package in a wheel, in ``data/`` in a source checkout."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "data" / name
    return packaged if packaged.is_file() else package.parent.parent / "data" / name


def read_json(name: str) -> Any:
    """A shipped JSON file, parsed."""
    return json.loads(data_path(name).read_bytes())


@lru_cache(maxsize=1)
def onet() -> Onet:
    """The shipped O*NET occupation data (read once per run, through the cache: parsing the
    JSON costs ~30 ms, reading the cached form ~8 ms)."""
    from bocareer.kb.cache import derived

    doc = derived(
        "data",
        data_path("occupations.json"),
        FORMAT,
        lambda: read_json("occupations.json"),
        lambda d: isinstance(d, dict) and isinstance(d.get("occupations"), dict),
    )
    elements = tuple(Element(*e) for e in doc["elements"])
    return Onet(
        elements,
        {e.id: i for i, e in enumerate(elements)},
        {
            code: Occupation(
                code,
                o["title"],
                o["job_zone"],
                tuple(o["importance"]) if "importance" in o else None,
                tuple(o["level"]) if "level" in o else None,
            )
            for code, o in doc["occupations"].items()
        },
    )
