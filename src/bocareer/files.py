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
    """:func:`atomic_write` for bytes.

    Only a regular file is ever replaced (a device, a pipe or a folder is refused, never turned
    into a file); a symbolic link to a file is written through, and a dangling one counts as an
    existing file. A new file gets the mode the umask gives; a replaced one keeps its mode.
    """
    mode = _refuse_or_mode(path, overwrite)
    path = _through_link(path)
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
            os.fchmod(handle.fileno(), mode)
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
    _refuse_or_mode(path, overwrite)
    path = _through_link(path)
    folder = path.parent if str(path.parent) else Path(".")
    if folder.exists() and not folder.is_dir():
        raise WriteError(f"{path}: {folder} is not a folder")
    if not folder.is_dir():
        raise WriteError(f"{path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK):
        raise WriteError(f"{path}: the folder {folder} is not writable")


def _through_link(path: Path) -> Path:
    """The file a link to a file points at (written through, so the link stays a link)."""
    return Path(os.path.realpath(path)) if path.is_symlink() and path.exists() else path


def _refuse_or_mode(path: Path, overwrite: bool) -> int:
    """The mode to give the written file; WriteError for what must not be replaced."""
    import stat

    try:
        info = path.lstat()
    except FileNotFoundError:
        return _new_file_mode()
    except OSError as exc:
        raise WriteError(f"{path}: cannot be checked ({_reason(exc)})") from None
    if not overwrite:
        raise WriteError(f"{path}: already exists; add --force to overwrite it")
    if stat.S_ISLNK(info.st_mode):
        try:
            info = path.stat()
        except OSError:
            return _new_file_mode()  # a dangling link: replaced by the file (with --force)
    if not stat.S_ISREG(info.st_mode):
        what = "a folder" if stat.S_ISDIR(info.st_mode) else "not a regular file"
        raise WriteError(
            f"{path}: is {what}; bocareer writes only regular files (leave out -o to print "
            "to stdout)"
        )
    return stat.S_IMODE(info.st_mode)


def _new_file_mode() -> int:
    """0666 less the umask, as any program's new file gets."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _reason(exc: OSError) -> str:
    return exc.strerror or type(exc).__name__
