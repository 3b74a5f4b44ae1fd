"""A cache of validated knowledge bases, so an unchanged file is parsed and checked only once.

Keyed by a BLAKE2 hash of the file's bytes, bocareer's version and Python's version: any change to
any of them is a different key, so a stale entry is never read. Entries are written with
``marshal`` (plain values only: loading one can fail but never run code) and rebuilt into the
frozen models; a damaged entry is ignored and replaced.
"""

from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path
from typing import Any

from bocareer import __version__
from bocareer.models import (
    About,
    Check,
    Codes,
    Comparison,
    Entry,
    Family,
    KnowledgeBase,
    Named,
    Role,
    Skill,
    Source,
    WorkType,
)

ENV_CACHE = "BOCAREER_CACHE_DIR"
#: Set to 0 to turn the cache off.
ENV_USE = "BOCAREER_CACHE"


def cache_dir() -> Path:
    """$BOCAREER_CACHE_DIR, else $XDG_CACHE_HOME/bocareer, else ~/.cache/bocareer."""
    explicit = os.environ.get(ENV_CACHE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bocareer"


def enabled() -> bool:
    """False when BOCAREER_CACHE=0."""
    return os.environ.get(ENV_USE, "1") != "0"


def entry_path(raw: bytes) -> Path:
    """Where the validated form of a file with these bytes is kept."""
    try:
        # CPython's built-in BLAKE2: importing hashlib would load OpenSSL (~2.5 ms per command).
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    digest = blake2b(digest_size=20)
    digest.update(f"{__version__}\0{sys.version}\0".encode())
    digest.update(raw)
    return cache_dir() / f"kb-{digest.hexdigest()[:40]}.marshal"


def get(raw: bytes, name: str) -> KnowledgeBase | None:
    """The cached knowledge base for these bytes, or None."""
    if not enabled():
        return None
    try:
        data = marshal.loads(entry_path(raw).read_bytes())
        return from_plain(data, name)
    except Exception:  # missing, damaged or from another layout: read the file instead
        return None


def put(raw: bytes, kb: KnowledgeBase) -> None:
    """Store a validated knowledge base; failing to cache is never an error."""
    if not enabled():
        return
    from bocareer.files import atomic_write_bytes

    try:
        folder = cache_dir()
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(entry_path(raw), marshal.dumps(to_plain(kb)))
    except Exception:  # a read-only home or a full disk only costs speed
        return


def to_plain(kb: KnowledgeBase) -> dict[str, Any]:
    """The knowledge base as marshal-able values."""
    a = kb.about
    return {
        "families": [(f.id, f.name, f.summary) for f in kb.families.values()],
        "skills": [(s.id, s.name, s.description, s.levels) for s in kb.skills.values()],
        "roles": [
            (
                r.id,
                r.title,
                r.family,
                r.summary,
                r.responsibilities,
                dict(r.skills),
                r.tools,
                (r.entry.education, r.entry.experience),
                r.preparation,
                r.next,
                r.preparation_note,
                None
                if r.codes is None
                else (
                    r.codes.onet_soc,
                    r.codes.onet_title,
                    r.codes.isco,
                    r.codes.isco_title,
                    r.codes.note,
                ),
                dict(r.figures),
                r.seed,
            )
            for r in kb.roles.values()
        ],
        "sources": [(k, s.title, s.year, s.url, s.note) for k, s in kb.sources.items()],
        "about": (
            a.summary,
            a.features,
            [(d.name, d.text) for d in a.duties],
            [(c.aspect, c.back_office, c.front_office) for c in a.comparison],
            [(w.name, w.roles) for w in a.work_types],
            [(c.name, c.text) for c in a.challenges],
            a.outlook,
        ),
        "checks": [(c.skill, c.question, c.options, c.answer) for c in kb.checks],
        "previous": dict(kb.previous),
    }


def from_plain(data: dict[str, Any], name: str) -> KnowledgeBase:
    """Rebuild the models from :func:`to_plain`'s values."""
    summary, features, duties, comparison, work_types, challenges, outlook = data["about"]
    return KnowledgeBase(
        path=name,
        families={f[0]: Family(*f) for f in data["families"]},
        skills={s[0]: Skill(*s) for s in data["skills"]},
        roles={
            r[0]: Role(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                r[6],
                Entry(*r[7]),
                r[8],
                r[9],
                r[10],
                None if r[11] is None else Codes(*r[11]),
                r[12],
                r[13],
            )
            for r in data["roles"]
        },
        sources={s[0]: Source(*s[1:]) for s in data["sources"]},
        about=About(
            summary,
            features,
            tuple(Named(*d) for d in duties),
            tuple(Comparison(*c) for c in comparison),
            tuple(WorkType(*w) for w in work_types),
            tuple(Named(*c) for c in challenges),
            outlook,
        ),
        checks=tuple(Check(*c) for c in data["checks"]),
        previous=data["previous"],
    )
