"""The output formats, and the one rule for choosing one: ``--format``, its synonym ``--json``,
and the suffix of ``-o FILE``. A clash, or a suffix a command cannot write, is a usage error
(exit 2) found before any work is done. Kept apart from rendering so that choosing a format
imports nothing heavy.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import NamedTuple

from bocareer.errors import UsageError


class Format(str, Enum):
    """The output formats."""

    TABLE = "table"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"
    CSV = "csv"


T, J, M, H, C = Format.TABLE, Format.JSON, Format.MARKDOWN, Format.HTML, Format.CSV

#: The formats of each kind of command; the first is the default.
LIST = (T, J, C)
DOCUMENT = (T, J, M, H)
DATA = (T, J)
REPORT = (M, H, J)

#: File suffixes -o understands.
SUFFIXES = {".json": J, ".md": M, ".markdown": M, ".html": H, ".htm": H, ".csv": C}


class Destination(NamedTuple):
    """Where and how a result is written."""

    format: Format
    path: Path | None = None
    force: bool = False


def choose(
    allowed: tuple[Format, ...],
    fmt: Format | None = None,
    as_json: bool = False,
    output: Path | None = None,
    force: bool = False,
) -> Destination:
    """Where a command prints, given the formats it offers (the first is its default), or a
    UsageError saying what clashes.

    An ``-o`` file that exists (without ``--force``) or cannot be written fails here too, before
    any work is done.
    """
    if as_json:
        if fmt not in (None, J):
            raise UsageError(f"--json and --format {fmt.value} clash; give one of them")
        fmt = J
    if output is not None:
        suffix = output.suffix.lower()
        by_suffix = SUFFIXES.get(suffix)
        if not suffix and fmt is not None:
            by_suffix = fmt  # a name without a suffix, the format given: write that
        if by_suffix is None or by_suffix not in allowed:
            can = ", ".join(s for s, f in SUFFIXES.items() if f in allowed)
            what = f"a {suffix} file" if suffix else "a file without a suffix"
            raise UsageError(
                f"-o {output}: cannot write {what} here; use a name ending {can}"
                + ("" if suffix else ", or give --format")
            )
        if fmt is not None and fmt is not by_suffix:
            raise UsageError(
                f"--{'json' if as_json else 'format ' + fmt.value} clashes with -o {output} "
                f"(a {by_suffix.value} file); give one, or make them agree"
            )
        fmt = by_suffix
        from bocareer.files import check_writable

        check_writable(output, overwrite=force)
    fmt = fmt or allowed[0]
    if fmt not in allowed:
        can = ", ".join(f.value for f in allowed)
        raise UsageError(f"--format {fmt.value} does not apply here; choose {can}")
    return Destination(fmt, output, force)
