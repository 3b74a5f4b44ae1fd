"""The interactive quiz session: terminal checks, saving, Ctrl-C and resuming."""

from __future__ import annotations

import shlex
from pathlib import Path

from bocareer.errors import BocareerError, ExitCode, UsageError
from bocareer.models import KnowledgeBase
from bocareer.quiz import Mode, QuizState
from bocareer.session import Result


class Interrupted(BocareerError):
    """Ctrl-C during the quiz; the answers so far are saved."""

    exit_code = ExitCode.INTERRUPTED


def run_interactive(
    kb: KnowledgeBase,
    *,
    mode: Mode,
    family: str | None,
    verify: bool,
    top: int,
    save: Path | None,
    resume: bool,
) -> Result | None:
    """Ask the quiz in the terminal; None when the person chose to stop for now."""
    from bocareer import prompts, render, state
    from bocareer.files import check_writable
    from bocareer.matching import signal
    from bocareer.quiz import revisit, run
    from bocareer.session import finish, save_answers

    if not prompts.terminal_available():
        raise UsageError(
            "the quiz needs a terminal (stdin and stdout); to answer from a file, use "
            "`bocareer quiz --answers FILE` (- for stdin)"
        )
    if family is not None:
        kb.family(family)
    if save is not None:
        check_writable(save)
    if resume:
        current = state.load_progress()
        render.message(f"Resuming your quiz: {_answers(current)} so far.")
    else:
        current = QuizState(mode=mode, family=family, verify=verify)
    state.save_progress(current)  # fails now, not after ten questions, if it cannot be saved
    asker = prompts.QuestionaryAsker()
    resume_hint = "resume with `bocareer quiz --resume`"
    try:
        outcome = run(kb, asker, current, on_answer=state.save_progress)
        if not outcome.finished:
            state.save_progress(current)
            render.message(f"Stopped for now: {_answers(current)} saved; {resume_hint}.")
            return None
        sig = signal(dict(current.answers))
        if sig.warning:
            render.message(f"Note: {sig.warning}")
            if asker.confirm("Would you like to revisit a few answers?"):
                revisit(kb, asker, current, on_answer=state.save_progress)
    except KeyboardInterrupt:
        raise Interrupted(f"quiz interrupted: {_answers(current)} saved; {resume_hint}") from None
    target = save or state.last_answers_path()
    save_answers(target, current)
    state.clear_progress()
    reprint = f"bocareer match --answers {shlex.quote(str(target))}"
    return finish(kb, current, top=top, reprint=reprint)


def _answers(state: QuizState) -> str:
    n = len(state.answers)
    return f"{n} answer{'' if n == 1 else 's'}"
