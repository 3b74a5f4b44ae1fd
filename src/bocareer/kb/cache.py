"""A cache of validated knowledge bases, so an unchanged file is parsed and checked only once.

Keyed by a BLAKE2 hash of the file's bytes, the cache format, Python's version and a fingerprint
of the code that builds the knowledge base (``models.py`` and ``kb/``): any change to any of them
is a different key, so a stale entry is never read, even in a development checkout whose
validator was just edited. Entries are written with ``marshal`` (plain values only: loading one
can fail but never run code), carry a checksum of their payload, and are rebuilt into the frozen
models and checked for consistency; anything odd (not a regular file, damaged, inconsistent) is
a miss. Entries unused for CLEAN_AFTER days, and temporary files left by a killed write, are
removed when a new entry is written.
"""

from __future__ import annotations

import marshal
import os
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bocareer.models import (
    About,
    Area,
    Check,
    Codes,
    Comparison,
    Entry,
    Family,
    KnowledgeBase,
    Measure,
    Named,
    NotModelled,
    Role,
    Skill,
    Source,
    WorkType,
)

ENV_CACHE = "BOCAREER_CACHE_DIR"
#: Set to 0 to turn the cache off.
ENV_USE = "BOCAREER_CACHE"
#: Raised whenever the layout of an entry changes.
FORMAT = 7
#: An entry larger than this is not read (a validated 50,000-role knowledge base is ~60 MB).
MAX_ENTRY = 256 * 1024 * 1024
#: Entries not used for this many days are removed.
CLEAN_AFTER = 30
_PREFIX, _SUFFIX = "kb-", ".marshal"


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


def hasher(digest_size: int) -> Any:
    try:
        # CPython's built-in BLAKE2: importing hashlib would load OpenSSL (~2.5 ms per command).
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - other Pythons
        from hashlib import blake2b
    return blake2b(digest_size=digest_size)


def code_fingerprint() -> bytes:
    """A hash of the modules that turn a file into a knowledge base."""
    digest = hasher(16)
    here = Path(__file__).resolve().parent
    for path in sorted([here.parent / "models.py", *here.glob("*.py")]):
        try:
            digest.update(path.read_bytes())
        except OSError:  # pragma: no cover - an installed package missing a module
            digest.update(path.name.encode())
    return bytes(digest.digest())


def entry_path(raw: bytes) -> Path:
    """Where the validated form of a file with these bytes is kept."""
    digest = hasher(20)
    digest.update(f"{FORMAT}\0{sys.version}\0".encode())
    digest.update(code_fingerprint())
    digest.update(raw)
    return cache_dir() / f"{_PREFIX}{digest.hexdigest()[:40]}{_SUFFIX}"


def _read_entry(path: Path) -> bytes | None:
    """The entry's bytes, or None when it is missing, not a regular file or too large.

    Opened without blocking and checked before reading: a FIFO or a device planted in the
    cache folder must not hang every command.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY:
            return None
        chunks = []
        left = info.st_size + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    except OSError:
        return None
    finally:
        os.close(fd)


#: An entry starts with this, then the payload's CRC-32 and length (8 bytes): enough to catch a
#: damaged or truncated file, and ~10x cheaper than a cryptographic hash on a 4 MB entry.
_MAGIC = b"bocareer"


def _header(payload: bytes) -> bytes:
    import zlib

    return _MAGIC + zlib.crc32(payload).to_bytes(4, "big") + len(payload).to_bytes(4, "big")


def fetch(path: Path) -> Any:
    """The value stored at ``path`` by :func:`store`, or None when it is missing, not a regular
    file, damaged or edited (its checksum does not match)."""
    data = _read_entry(path)
    if data is None or len(data) < len(_MAGIC) + 8:
        return None
    payload = data[len(_MAGIC) + 8 :]
    if data[: len(_MAGIC) + 8] != _header(payload):
        return None
    try:
        return marshal.loads(payload)
    except Exception:  # from another Python
        return None


def store(path: Path, value: Any) -> None:
    """Keep ``value`` (plain values only) at ``path`` with a checksum; failing is never an error:
    a read-only home or a full disk only costs speed."""
    from bocareer.files import atomic_write_bytes

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = marshal.dumps(value)
        atomic_write_bytes(path, _header(payload) + payload)
        clean(path.parent, keep=path)
    except Exception:
        return


def get(raw: bytes, name: str) -> KnowledgeBase | None:
    """The cached knowledge base for these bytes, or None."""
    if not enabled():
        return None
    plain = fetch(entry_path(raw))
    try:
        kb = from_plain(plain, name)
    except Exception:  # missing, from another layout, or values of the wrong shape
        return None
    return kb if consistent(kb) else None


def put(raw: bytes, kb: KnowledgeBase) -> None:
    """Store a validated knowledge base."""
    if enabled():
        store(entry_path(raw), to_plain(kb))


def derived(
    prefix: str, source: Path, version: int, build: Callable[[], Any], ok: Callable[[Any], bool]
) -> Any:
    """A value built from a shipped data file (``build``), kept in the cache.

    Keyed by the file's path, size and modification time, bocareer's version and ``version``
    (the layout of the value): package data changes only when it is rebuilt or reinstalled, and
    reading and hashing megabytes on every run to make a key would cost more than the cache
    saves. A cached value that ``ok`` rejects is rebuilt.
    """
    from bocareer import __version__

    info = source.stat()
    digest = hasher(20)
    digest.update(
        f"{version}\0{__version__}\0{source}\0{info.st_size}\0{info.st_mtime_ns}".encode()
    )
    path = cache_dir() / f"{prefix}-{digest.hexdigest()}{_SUFFIX}"
    if enabled():
        value = fetch(path)
        if ok(value):
            return value
    value = build()
    if enabled():
        store(path, value)
    return value


def clean(folder: Path, keep: Path, now: float | None = None) -> None:
    """Remove entries unused for CLEAN_AFTER days and temporary files older than an hour."""
    now = time.time() if now is None else now
    for path in folder.iterdir():
        try:
            age = now - path.lstat().st_atime
            if path == keep:
                continue
            entry = path.name.endswith(_SUFFIX)
            leftover = path.name.startswith(".") and path.name.endswith(".tmp")
            if (entry and age > CLEAN_AFTER * 86400) or (leftover and age > 3600):
                path.unlink()
        except OSError:
            continue


def consistent(kb: KnowledgeBase) -> bool:
    """Whether a knowledge base read from the cache holds together the way a validated one does:
    every reference resolves and every level is a whole number 1-5."""
    for role in kb.roles.values():
        if role.family not in kb.families or not isinstance(role.preparation, int):
            return False
        for skill, level in role.skills.items():
            if skill not in kb.skills or type(level) is not int or not 1 <= level <= 5:
                return False
        if any(n not in kb.roles for n in role.next):
            return False
    for rid, previous in kb.previous.items():
        if rid not in kb.roles or any(p not in kb.roles for p in previous):
            return False
    return all(c.skill in kb.skills for c in kb.checks)


def to_plain(kb: KnowledgeBase) -> dict[str, Any]:
    """The knowledge base as marshal-able values."""
    a = kb.about
    return {
        "families": [tuple(f) for f in kb.families.values()],
        "skills": [
            (
                *s[:4],
                dict(s.onet),
                s.onet_note,
                {lv: tuple(m) for lv, m in s.measured.items()},
                s.not_derived,
            )
            for s in kb.skills.values()
        ],
        "roles": [
            (
                *r[:5],
                dict(r.skills),
                r.tools,
                tuple(r.entry),
                r.preparation,
                r.next,
                r.preparation_note,
                None if r.codes is None else tuple(r.codes),
                dict(r.figures),
                r.seed,
                r.also_called,
                dict(r.takes),
                r.entry_point,
                r.top_of_ladder,
                dict(r.departures),
                dict(r.uncovered),
            )
            for r in kb.roles.values()
        ],
        "sources": [(k, *s) for k, s in kb.sources.items()],
        "about": (
            a.summary,
            a.features,
            [tuple(d) for d in a.duties],
            [tuple(c) for c in a.comparison],
            [tuple(w) for w in a.work_types],
            [tuple(c) for c in a.challenges],
            a.outlook,
        ),
        "checks": [tuple(c) for c in kb.checks],
        "previous": dict(kb.previous),
        "not_modelled": {k: tuple(v) for k, v in kb.onet_not_modelled.items()},
        "areas": [tuple(a) for a in kb.areas],
    }


def from_plain(data: dict[str, Any], name: str) -> KnowledgeBase:
    """Rebuild the models from :func:`to_plain`'s values."""
    summary, features, duties, comparison, work_types, challenges, outlook = data["about"]
    roles = {}
    for r in data["roles"]:
        codes = None if r[11] is None else Codes(*r[11])
        roles[r[0]] = Role._make([*r[:7], Entry(*r[7]), *r[8:11], codes, *r[12:]])
    return KnowledgeBase(
        path=name,
        families={f[0]: Family(*f) for f in data["families"]},
        skills={
            s[0]: Skill._make([*s[:6], {lv: Measure(*m) for lv, m in s[6].items()}, s[7]])
            for s in data["skills"]
        },
        roles=roles,
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
        onet_not_modelled={k: NotModelled(*v) for k, v in data["not_modelled"].items()},
        areas=tuple(Area(*a) for a in data["areas"]),
    )
