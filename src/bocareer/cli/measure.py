"""``bocareer typing``: a timed typing test, the one skill bocareer measures rather than asks."""

from __future__ import annotations

from typing import Annotated

import typer

from bocareer.cli.options import handle_errors, kb, prints
from bocareer.cli.root import app
from bocareer.output.emit import emit
from bocareer.output.formats import DATA, Destination


@app.command("typing")
@handle_errors
@prints(DATA)
def typing_test(
    ctx: typer.Context,
    seconds: Annotated[
        int,
        typer.Option(
            "--seconds",
            help="How long the test runs (the clock starts at your first key); a level needs "
            "30 seconds and 100 characters or more.",
            min=30,
            max=600,
        ),
    ] = 60,
    numbers: Annotated[
        bool,
        typer.Option(
            "--numbers",
            help="Numeric keypad test: type lines of numbers, Enter after each; measured in "
            "keystrokes per hour.",
        ),
    ] = False,
    seed: Annotated[
        int | None,
        typer.Option(
            "--seed", help="Pick the passage (the same seed, the same text).", hidden=True
        ),
    ] = None,
    *,
    dest: Destination,
) -> None:
    """Measure your typing speed and accuracy with a timed test in the terminal, and see the
    typing level it corresponds to (the levels are in `bocareer skills`).

    Type the passage shown; typed characters turn green when right and red when wrong, and
    Backspace corrects. The test stops at the time limit, at the end of the passage, or at Esc.

    How it is scored: a word is five characters, spaces included. Gross words per minute =
    characters typed / 5 / minutes. Net words per minute = gross less uncorrected errors per
    minute. Accuracy = characters right / characters typed; accuracy counting corrections =
    keys right when pressed / all keys pressed (a mistake you fixed still counts). With
    --numbers: correct keystrokes (digits and Enter) per hour. The level is the highest whose
    speed and accuracy you meet; a test stopped (Esc) before 30 seconds or 100 characters gives
    the figures but no level.

    It needs a terminal; with --json the figures go to stdout and the test is drawn on the
    terminal (so `bocareer typing --json > result.json` works).

    Examples: `bocareer typing`, `bocareer typing --seconds 120`, `bocareer typing --numbers`.
    """
    import random

    from bocareer.errors import BocareerError, NoTerminalError
    from bocareer.output.console import message
    from bocareer.tty.typing import run_test, screen
    from bocareer.typingtest import outcome, passage

    base = kb(ctx)
    output = screen()
    if output is None:
        raise NoTerminalError(
            "the typing test needs a terminal to type in; run `bocareer typing` in one"
        )
    text = passage(numbers, seed if seed is not None else random.randrange(1 << 30), seconds)
    message(
        "Type the text below as fast and as accurately as you can"
        + (", pressing Enter after each number" if numbers else "")
        + f"; you have {seconds} seconds from your first key."
    )
    measured = run_test(text, seconds=float(seconds), numbers=numbers, output=output)
    if measured is None:
        raise BocareerError("typing test stopped before the first key: nothing was measured")
    emit(outcome(base, measured, float(seconds)), dest)
