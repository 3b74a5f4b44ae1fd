"""The knowledge-base cache: every field survives it, a change of code or content misses it,
and anything odd in the cache folder (a FIFO, a damaged or edited entry, inconsistent values)
is a miss, never a hang or an internal error; old entries and leftovers are cleaned up."""

from __future__ import annotations

import marshal
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bocareer.kb import cache
from bocareer.kb.load import check, load, shipped_path

TINY = Path(__file__).parent / "data" / "tiny.yaml"


def test_the_shipped_knowledge_base_survives_the_cache_whole(own_cache: Path) -> None:
    """Every field of every model, the new evidence fields included, comes back from the cache
    equal to a freshly validated knowledge base."""
    fresh, problems = check(shipped_path())
    assert fresh is not None, problems
    load(shipped_path())  # fills the cache
    raw = shipped_path().read_bytes()
    cached = cache.get(raw, str(shipped_path()))
    assert cached is not None
    assert cached == fresh
    assert any(r.takes for r in cached.roles.values())
    assert any(s.measured for s in cached.skills.values())
    assert cached.onet_not_modelled


def test_the_key_changes_with_the_code_that_builds_the_knowledge_base(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An edited validator in a development checkout is a different cache key."""
    raw = TINY.read_bytes()
    before = cache.entry_path(raw)
    monkeypatch.setattr(cache, "code_fingerprint", lambda: b"another validator")
    assert cache.entry_path(raw) != before
    monkeypatch.setattr(cache, "FORMAT", cache.FORMAT + 1)
    assert cache.entry_path(raw) != before


def _entry(own_cache: Path, path: Path) -> Path:
    load(path)
    [entry] = own_cache.glob("kb-*.marshal")
    return entry


def test_a_fifo_in_the_cache_is_a_miss_not_a_hang(tmp_path: Path, own_cache: Path) -> None:
    """A FIFO where the entry should be is skipped at once; the file is read instead."""
    path = tmp_path / "kb.yaml"
    shutil.copyfile(TINY, path)
    entry = _entry(own_cache, path)
    entry.unlink()
    os.mkfifo(entry)
    code = f"import sys; from bocareer.kb.load import load; print(len(load({str(path)!r}).roles))"
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "BOCAREER_CACHE_DIR": str(own_cache)},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == str(len(load(path).roles))


def test_an_edited_entry_with_bad_values_is_a_miss(tmp_path: Path, own_cache: Path) -> None:
    """An entry that loads but holds an unknown next role or a text level is not trusted, even
    with a matching checksum: the file is read again."""
    path = tmp_path / "kb.yaml"
    shutil.copyfile(TINY, path)
    entry = _entry(own_cache, path)
    fresh = load(path)
    plain = cache.to_plain(fresh)
    for breakage in ("next", "level"):
        bad = cache.to_plain(fresh)
        role = list(bad["roles"][0])
        if breakage == "next":
            role[9] = ("no-such-role",)
        else:
            role[5] = {next(iter(role[5])): "four"}
        bad["roles"][0] = tuple(role)
        cache.store(entry, bad)
        assert cache.get(path.read_bytes(), str(path)) is None
        assert load(path) == fresh
    assert cache.fetch(entry) == plain


def test_a_damaged_entry_fails_its_checksum(tmp_path: Path, own_cache: Path) -> None:
    """One changed byte in an entry is caught by its checksum."""
    path = tmp_path / "kb.yaml"
    shutil.copyfile(TINY, path)
    entry = _entry(own_cache, path)
    data = bytearray(entry.read_bytes())
    data[-3] ^= 0xFF
    entry.write_bytes(bytes(data))
    assert cache.fetch(entry) is None
    assert cache.get(path.read_bytes(), str(path)) is None


def test_old_entries_and_leftover_temporary_files_are_cleaned(own_cache: Path) -> None:
    """Writing an entry removes entries unused for 30 days and temporary files over an hour old,
    and keeps everything recent."""
    own_cache.mkdir(parents=True)
    now = time.time()
    old = own_cache / "kb-old.marshal"
    recent = own_cache / "kb-recent.marshal"
    stale_tmp = own_cache / ".kb-x.marshal.abc.tmp"
    fresh_tmp = own_cache / ".kb-y.marshal.def.tmp"
    other = own_cache / "notes.txt"
    for p in (old, recent, stale_tmp, fresh_tmp, other):
        p.write_bytes(marshal.dumps(1))
    os.utime(old, (now - 40 * 86400, now - 40 * 86400))
    os.utime(stale_tmp, (now - 7200, now - 7200))
    cache.store(own_cache / "kb-new.marshal", {"x": 1})
    left = sorted(p.name for p in own_cache.iterdir())
    assert left == sorted(
        [".kb-y.marshal.def.tmp", "kb-new.marshal", "kb-recent.marshal", "notes.txt"]
    )
