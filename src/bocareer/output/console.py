"""Where output goes: results to stdout, messages to stderr, and what the terminal can show.

Rich is imported only when a table is drawn: ``bocareer roles --json`` never pays for it.
"""

from __future__ import annotations

import errno
import sys
from typing import TYPE_CHECKING

from bocareer.output.text import clean

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

_consoles: dict[str, Console] = {}


def console(stream: str = "stdout") -> Console:
    """The shared console for stdout (results) or stderr (messages).

    Rich already follows the terminal: no colour when the stream is not a TTY or NO_COLOR is set,
    and ASCII borders when the stream's encoding cannot show box-drawing characters.
    """
    if stream not in _consoles:
        from rich.console import Console

        class _Console(Console):
            def on_broken_pipe(self) -> None:
                # Rich would exit with 1, the code for bad data; let the CLI say 141.
                raise BrokenPipeError

        _consoles[stream] = _Console(stderr=stream == "stderr", highlight=False)
    return _consoles[stream]


def reset_consoles() -> None:
    """Forget the consoles, so the next one sees the current streams (used between test runs)."""
    _consoles.clear()


def unicode_ok(stream: object = None) -> bool:
    """True when ``stream`` (stdout by default) can show block and arrow characters.

    A C locale with UTF-8 mode off, or PYTHONIOENCODING=ascii, gives an ASCII stdout: bars and
    arrows are then drawn with ASCII instead of failing with UnicodeEncodeError.
    """
    encoding = getattr(stream if stream is not None else sys.stdout, "encoding", None) or "utf-8"
    try:
        "█░→·•".encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def width() -> int:
    """The width the terminal views lay out for."""
    return console().width


def write_stdout(text: str) -> None:
    """Write all of ``text`` to stdout, or raise BrokenPipeError or a WriteError.

    An unbuffered stdout (``python -u``, PYTHONUNBUFFERED) can write only part of a large text
    when the reader goes away, without an error; writing the rest raises, so nothing truncated
    is ever reported as success.
    """
    if sys.stdout is None:
        from bocareer.errors import WriteError

        raise WriteError("stdout is closed: nothing could be written (give -o FILE instead)")
    try:
        sys.stdout.flush()
        out = getattr(sys.stdout, "buffer", None)
        if out is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        data = memoryview(text.encode(sys.stdout.encoding or "utf-8", errors="replace"))
        while data:
            written = out.write(data)
            data = data[written if written is not None else len(data) :]
        out.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise stdout_error(exc) from None


def stdout_error(exc: OSError) -> Exception:
    """The error to raise when stdout cannot be written: a closed pipe, or a plain message."""
    from bocareer.errors import WriteError

    if exc.errno == errno.EPIPE:
        return BrokenPipeError()
    drop_stdout()
    reason = exc.strerror or type(exc).__name__
    return WriteError(f"could not write the output ({reason})")


def drop_stdout() -> None:
    """Point stdout at /dev/null after a write failed or its reader went away, so that Python's
    flush at exit does not fail again ("Exception ignored ...", exit 120)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


def show(*items: RenderableType) -> None:
    """Print renderables on stdout.

    Rich renders into a string first, then :func:`write_stdout` writes it all: so a reader that
    goes away mid-table (``| head -c 10``) is a broken pipe even on an unbuffered stdout, and a
    closed stdout is an error, not output silently lost.
    """
    if sys.stdout is None:
        write_stdout("")  # raises: stdout is closed
    for item in items:
        lines = getattr(item, "lines", None)
        if isinstance(lines, list):  # terminal.base.Lines: as they are, unwrapped
            write_stdout("".join(f"{line}\n" for line in lines))
        else:
            write_stdout(_rendered(item))


def _rendered(item: RenderableType) -> str:
    """``item`` as the stdout console would print it (its width, colours and character set),
    rendered into a string so that nothing is written to stdout behind write_stdout's back."""
    import io

    from rich.console import Console

    real = console()

    class _Render(Console):
        @property
        def encoding(self) -> str:
            return real.encoding  # ASCII borders when stdout cannot show box drawing

    out = _Render(
        file=io.StringIO(),
        width=real.width,
        color_system=real.color_system,  # type: ignore[arg-type]
        force_terminal=real.is_terminal,
        no_color=real.no_color,
        highlight=False,
        legacy_windows=False,
    )
    out.print(item)
    text: str = out.file.getvalue()  # type: ignore[attr-defined]
    return text


def message(text: str) -> None:
    """One line for the person on stderr (never on stdout, which may be piped).

    Written as plain text, unwrapped: a script or a CI log reading stderr gets exactly one line.
    """
    sys.stderr.write(clean(text).replace("\n", " ") + "\n")
    sys.stderr.flush()
