"""The typing test in the terminal: a prompt_toolkit screen that shows the passage, colours what
is typed, and stops at the time limit.

The clock is injectable so a test can drive the screen through a pipe and control time; the
arithmetic lives in :mod:`bocareer.typingtest`.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bocareer.typingtest import Result, Tally

if TYPE_CHECKING:
    from prompt_toolkit.formatted_text import StyleAndTextTuples

Clock = Callable[[], float]
#: The clock a test reads when none is given (a test of the command replaces it).
CLOCK: Clock = time.monotonic
#: Lines of the passage shown at a time.
ROWS = 6
#: How often the screen checks the time when no key is pressed, in seconds.
TICK = 0.05


class Typist:
    """What was typed so far: the text left on screen and every keystroke's fate."""

    def __init__(self, target: str, seconds: float, clock: Clock) -> None:
        self.target, self.seconds, self.clock = target, seconds, clock
        self.typed: list[str] = []
        self.tally = Tally(target)
        self.keystrokes = 0
        self.wrong = 0
        self.started: float | None = None
        self.ended: float | None = None

    def elapsed(self) -> float:
        """Seconds since the first key (0 before it), never past the limit."""
        if self.started is None:
            return 0.0
        now = self.ended if self.ended is not None else self.clock()
        return min(self.seconds, max(0.0, now - self.started))

    def out_of_time(self) -> bool:
        """True once the limit has passed (the test then takes no more keys)."""
        return self.started is not None and self.clock() - self.started >= self.seconds

    def key(self, char: str) -> None:
        """A character key (Enter is "\\n"): counted, and checked against the passage."""
        if self.started is None:
            self.started = self.clock()
        self.keystrokes += 1
        self.wrong += self.tally.push(char)
        self.typed.append(char)
        if len(self.typed) >= len(self.target):
            self.ended = self.clock()

    def backspace(self) -> None:
        """Remove the last character (its keystroke still counts in the stricter accuracy)."""
        if self.typed:
            self.typed.pop()
            self.tally.pop()

    def finish(self) -> None:
        """Stop the clock now."""
        if self.ended is None and self.started is not None:
            self.ended = min(self.clock(), self.started + self.seconds)

    def result(self, numbers: bool) -> Result:
        """The figures for what was typed."""
        return Result(
            numbers=numbers,
            seconds=self.elapsed(),
            typed=len(self.typed),
            errors=self.tally.errors,
            keystrokes=self.keystrokes,
            wrong_keystrokes=self.wrong,
        )


def run_test(
    target: str,
    *,
    seconds: float,
    numbers: bool,
    clock: Clock | None = None,
    tick: float | None = TICK,
    input: Any = None,
    output: Any = None,
) -> Result | None:
    """Show ``target`` and time the typing; None when the person pressed Esc before starting.

    The clock starts at the first key. The test ends at the time limit (checked every ``tick``
    seconds and at every key; ``tick=None`` checks only at keys, so a test's fake clock is read
    a fixed number of times per key), when the passage is finished, or at Esc. Ctrl-C raises
    KeyboardInterrupt, so the caller restores the terminal and exits as for any interrupted
    command.
    """
    from prompt_toolkit.application import Application
    from prompt_toolkit.layout import FormattedTextControl, HSplit, Layout, Window
    from prompt_toolkit.layout.dimension import Dimension

    typist = Typist(target, seconds, clock or CLOCK)

    def stop_if_done(app: Any) -> None:
        if typist.out_of_time() or typist.ended is not None:
            typist.finish()
            if not app.is_done:
                app.exit(result=typist.result(numbers))

    def status() -> StyleAndTextTuples:
        left = seconds - typist.elapsed()
        if typist.started is None:
            return [("bold", " The clock starts at your first key. "), ("", "Esc stops the test.")]
        done = typist.result(numbers)
        figure = f"{done.kph:,.0f} keystrokes/hour" if numbers else f"{done.net_wpm:.0f} net wpm"
        return [("bold", f" {left:4.0f} s left "), ("", f"  {figure}   Esc stops the test.")]

    def passage() -> StyleAndTextTuples:
        from prompt_toolkit.application import get_app

        width = get_app().output.get_size().columns
        return _coloured(target, typist.typed, width, ROWS)

    body = FormattedTextControl(passage, show_cursor=False)
    app: Application[Result | None] = Application(
        layout=Layout(
            HSplit(
                [
                    Window(FormattedTextControl(status), height=1),
                    Window(height=1, char="─"),
                    Window(body, wrap_lines=False, height=Dimension.exact(ROWS)),
                ]
            )
        ),
        key_bindings=_keys(typist, numbers, stop_if_done),
        full_screen=False,
        input=input,
        output=output,
        erase_when_done=True,
        refresh_interval=0.25,
    )

    async def timer(every: float) -> None:
        while not app.is_done:
            stop_if_done(app)
            await asyncio.sleep(every)

    async def main() -> Result | None:
        task = asyncio.ensure_future(timer(tick)) if tick is not None else None
        try:
            return await app.run_async()
        finally:
            if task is not None:
                task.cancel()

    return asyncio.run(main())


def _keys(typist: Typist, numbers: bool, stop_if_done: Callable[[Any], None]) -> Any:
    """The test's keys: characters, Enter (numbers only), Backspace, Esc and Ctrl-C."""
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.keys import Keys

    keys = KeyBindings()

    @keys.add(Keys.Any)
    def _char(event: Any) -> None:
        if not typist.out_of_time():
            for char in event.data:
                if char.isprintable():
                    typist.key(char)
        stop_if_done(event.app)

    @keys.add(Keys.Enter)
    def _enter(event: Any) -> None:
        if numbers and not typist.out_of_time():
            typist.key("\n")
        stop_if_done(event.app)

    @keys.add(Keys.Backspace)
    def _back(event: Any) -> None:
        typist.backspace()

    @keys.add(Keys.Escape, eager=True)
    def _escape(event: Any) -> None:
        typist.finish()
        event.app.exit(result=typist.result(numbers) if typist.started is not None else None)

    @keys.add(Keys.ControlC)
    @keys.add(Keys.SIGINT)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt)

    return keys


def lines_of(target: str, width: int) -> list[tuple[int, int]]:
    """``target`` broken into lines of at most ``width`` characters at spaces (or at its own
    newlines), as (start, end) positions; a line's end includes its trailing space."""
    out: list[tuple[int, int]] = []
    start = 0
    while start < len(target):
        newline = target.find("\n", start, start + width + 1)
        if newline != -1:
            out.append((start, newline + 1))
            start = newline + 1
            continue
        end = start + width
        if end >= len(target):
            out.append((start, len(target)))
            break
        space = target.rfind(" ", start, end + 1)
        end = space + 1 if space > start else end
        out.append((start, end))
        start = end
    return out


def _coloured(target: str, typed: list[str], width: int, rows: int) -> StyleAndTextTuples:
    """The lines around the next character, word-wrapped to ``width``: typed characters green
    (right) or red (wrong), the next one marked."""
    lines = lines_of(target, max(10, width - 1))
    at = len(typed)
    current = next((i for i, (a, b) in enumerate(lines) if a <= at < b), len(lines) - 1)
    first = max(0, current - 1)
    out: StyleAndTextTuples = []
    for a, b in lines[first : first + rows]:
        for i in range(a, b):
            want = target[i]
            shown = "⏎" if want == "\n" else want
            if i < at:
                right = typed[i] == want
                style = "fg:ansigreen" if right else "fg:ansired underline"
                if not right and want == " ":
                    shown = "·"
            else:
                style = "reverse" if i == at else ""
            out.append((style, shown))
        out.append(("", "\n"))
    return out


def screen() -> Any:
    """Where to draw the test: stdout when it is a terminal, else stderr when that is one (so
    ``bocareer typing --json > result.json`` works), else None: no terminal, no test."""
    import sys

    if sys.stdin is None or not sys.stdin.isatty():
        return None
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and stream.isatty():
            from prompt_toolkit.output import create_output

            return create_output(stdout=stream)
    return None
