"""Every error bocareer raises, and the exit code and JSON error code of each, in one table.

The core never prints: it raises one of these, and the CLI turns it into one line on stderr, an
exit code and, with ``--json``, an error document. The table at the bottom keeps the codes stable
for scripts (README, Exit codes).
"""

from __future__ import annotations

from enum import IntEnum
from typing import NamedTuple


class ExitCode(IntEnum):
    """Exit codes; documented in the README."""

    OK = 0
    PROBLEM = 1  # bad data, unknown id, invalid knowledge base or answers, a file not written
    USAGE = 2  # wrong invocation: bad option, conflicting options, no terminal for the quiz
    HUNG_UP = 129  # SIGHUP: the terminal went away
    INTERRUPTED = 130  # Ctrl-C
    BROKEN_PIPE = 141  # the reader of our stdout went away
    TERMINATED = 143  # SIGTERM


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
    """Base class: a message for the user; its exit code and JSON code come from ERRORS."""

    @property
    def exit_code(self) -> ExitCode:
        """The exit code for this kind of error."""
        return _entry(type(self))[0]

    @property
    def code(self) -> str:
        """The stable name of this kind of error in JSON error documents."""
        return _entry(type(self))[1]


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
    """The command cannot run as invoked (options that clash, a value out of range)."""


class NoTerminalError(UsageError):
    """An interactive command run without a terminal; the message names the flag to use."""


class WriteError(BocareerError):
    """A file could not be written; nothing was changed."""


class OutputClosedError(BocareerError):
    """stdout went away (``| head``) before everything was written."""


class Interrupted(BocareerError):
    """Ctrl-C during an interactive command; what was answered is saved."""


class Terminated(Interrupted):
    """SIGTERM during an interactive command: the terminal is restored, the answers saved."""


class HungUp(Interrupted):
    """SIGHUP (the terminal closed) during an interactive command: the answers are saved."""


class Signalled(KeyboardInterrupt):
    """Raised by the SIGTERM and SIGHUP handlers of an interactive command, so that it unwinds
    like Ctrl-C (prompt_toolkit restores the terminal on the way out)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


#: Every error: its exit code and its code in a JSON error document. Subclasses not listed use
#: their nearest listed base class.
ERRORS: dict[type[BocareerError], tuple[ExitCode, str]] = {
    BocareerError: (ExitCode.PROBLEM, "error"),
    DataError: (ExitCode.PROBLEM, "invalid-data"),
    NotFoundError: (ExitCode.PROBLEM, "not-found"),
    WriteError: (ExitCode.PROBLEM, "write-failed"),
    UsageError: (ExitCode.USAGE, "usage"),
    NoTerminalError: (ExitCode.USAGE, "no-terminal"),
    Interrupted: (ExitCode.INTERRUPTED, "interrupted"),
    Terminated: (ExitCode.TERMINATED, "terminated"),
    HungUp: (ExitCode.HUNG_UP, "hung-up"),
    OutputClosedError: (ExitCode.BROKEN_PIPE, "output-closed"),
}


def _entry(kind: type[BocareerError]) -> tuple[ExitCode, str]:
    for cls in kind.__mro__:
        if cls in ERRORS:
            return ERRORS[cls]
    return ERRORS[BocareerError]  # pragma: no cover - every error derives from BocareerError


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


def quoted(text: str, limit: int = 60) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters: a 100,000-character search
    must not become a 100,000-character error line."""
    return repr(text[:limit]) + ("..." if len(text) > limit else "")


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
