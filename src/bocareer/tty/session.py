"""The interactive quiz session: terminal checks, saving, Ctrl-C and resuming."""

from __future__ import annotations

import shlex
from pathlib import Path

from bocareer.errors import Interrupted, NoTerminalError
from bocareer.models import KnowledgeBase
from bocareer.quiz.flow import QuizState
from bocareer.quiz.selector import Mode
from bocareer.results import MatchResult


def run_interactive(
    kb: KnowledgeBase,
    *,
    mode: Mode,
    family: str | None,
    verify: bool,
    top: int,
    save: Path | None,
    resume: bool,
) -> MatchResult | None:
    """Ask the quiz in the terminal; None when the person chose to stop for now."""
    from bocareer import answers
    from bocareer.advice import quiz_result
    from bocareer.files import check_writable
    from bocareer.output.console import message
    from bocareer.quiz import progress
    from bocareer.quiz.flow import revisit, run
    from bocareer.scoring import signal
    from bocareer.tty import asker as prompts

    if not prompts.terminal_available():
        raise NoTerminalError(
            "the quiz needs a terminal (stdin and stdout); to answer from a file, use "
            "`bocareer quiz --answers FILE` (- for stdin)"
        )
    if family is not None:
        kb.family(family)
    if save is not None:
        check_writable(save)
    if resume:
        current = progress.load_progress()
        message(f"Resuming your quiz: {_answers(current)} so far.")
    else:
        current = QuizState(mode=mode, family=family, verify=verify)
    progress.save_progress(current)  # fails now, not after ten questions, if it cannot be saved
    ask = prompts.QuestionaryAsker()
    resume_hint = "resume with `bocareer quiz --resume`"
    try:
        outcome = run(kb, ask, current, on_answer=progress.save_progress)
        if not outcome.finished:
            progress.save_progress(current)
            message(f"Stopped for now: {_answers(current)} saved; {resume_hint}.")
            return None
        sig = signal(dict(current.answers))
        if sig.warning:
            message(f"Note: {sig.warning}")
            if ask.confirm("Would you like to revisit a few answers?"):
                revisit(kb, ask, current, on_answer=progress.save_progress)
    except KeyboardInterrupt:
        raise Interrupted(f"quiz interrupted: {_answers(current)} saved; {resume_hint}") from None
    target = save or progress.last_answers_path()
    answers.save(target, current.ratings, current.answers_extra())
    progress.clear_progress()
    reprint = f"bocareer match --answers {shlex.quote(str(target))}"
    return quiz_result(kb, current, top=top, reprint=reprint)


def _answers(state: QuizState) -> str:
    n = len(state.answers)
    return f"{n} answer{'' if n == 1 else 's'}"
