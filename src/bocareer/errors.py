"""The errors bocareer's core raises, and the exit code each one maps to.

The core never prints: it raises one of these, and the CLI turns it into one line on stderr and
an exit code. Keeping the codes in one table keeps them stable for scripts.
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Exit codes; documented in the README."""

    OK = 0
    PROBLEM = 1  # bad data, unknown id, invalid knowledge base, invalid answers
    USAGE = 2  # wrong invocation: missing terminal, conflicting options
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # the reader of our stdout went away


class Problem(NamedTuple):
    """One thing wrong in a file, with where it is."""

    path: str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class BocareerError(Exception):
    """Base class: a message for the user and an exit code."""

    exit_code: ExitCode = ExitCode.PROBLEM


class DataError(BocareerError):
    """A knowledge base or answers file that cannot be used; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid data"
        more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
        super().__init__(first + more)


class NotFoundError(BocareerError):
    """An id that is not in the knowledge base; the message names the closest ids."""


class UsageError(BocareerError):
    """The command cannot run as invoked."""

    exit_code = ExitCode.USAGE


def suggest(word: str, choices: list[str], what: str) -> NotFoundError:
    """Build the 'unknown X; did you mean' error used for every id look-up."""
    return NotFoundError(f"unknown {what} {word!r}{did_you_mean(word, choices)}")


def did_you_mean(word: str, choices: list[str]) -> str:
    """Return '; did you mean a, b?' for the closest choices, or ''."""
    import difflib

    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.5)
    if not close:
        close = [c for c in choices if word and word in c][:3]
    return f"; did you mean {', '.join(close)}?" if close else ""


def describe(value: object) -> str:
    """A short description of a value for an error message.

    Never the whole ``repr``: a value built by a YAML alias bomb would print gigabytes.
    """
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    text = str(value)
    return f"text {text[:40]!r}" + ("..." if len(text) > 40 else "")
