"""Writing files so that a failure never leaves half a file behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from bocareer.errors import WriteError


def atomic_write(path: Path, text: str, *, overwrite: bool = True) -> None:
    """Write ``text`` to ``path`` all at once: a temporary file in the same folder, then rename.

    A full disk, a missing folder or a crash leaves the old file (or no file), never a part.
    """
    atomic_write_bytes(path, text.encode("utf-8"), overwrite=overwrite)


def atomic_write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """:func:`atomic_write` for bytes."""
    if not overwrite and path.exists():
        raise WriteError(f"{path}: already exists; add --force to overwrite it")
    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except (FileNotFoundError, NotADirectoryError):
        what = "is not a folder" if folder.exists() else "does not exist"
        raise WriteError(f"{path}: the folder {folder} {what}") from None
    except OSError as exc:
        raise WriteError(f"{path}: cannot write here ({_reason(exc)})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise WriteError(
            f"{path}: could not be written ({_reason(exc)}); nothing was changed"
        ) from None


def check_writable(path: Path, *, overwrite: bool = True) -> None:
    """Fail now, before any work, if ``path`` could not be written later."""
    folder = path.parent if str(path.parent) else Path(".")
    if not overwrite and path.exists():
        raise WriteError(f"{path}: already exists; add --force to overwrite it")
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"{path}: {folder} is not a folder")
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise WriteError(f"{path}: the folder {folder} is not writable")


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
