"""The interactive quiz session: terminal checks, the starting job, a paused quiz, saving,
Ctrl-C and resuming."""

from __future__ import annotations

import shlex
import signal
from pathlib import Path
from typing import TYPE_CHECKING

from bocareer.errors import (
    BocareerError,
    HungUp,
    Interrupted,
    NoTerminalError,
    Signalled,
    Terminated,
    UsageError,
    quoted,
)
from bocareer.models import KnowledgeBase
from bocareer.quiz.selector import Mode
from bocareer.quiz.state import QuizState
from bocareer.results import MatchResult

if TYPE_CHECKING:
    from bocareer.occupations.start import Start
    from bocareer.tty.asker import QuestionaryAsker


class Options:
    """What the quiz was asked to do."""

    def __init__(
        self,
        *,
        mode: Mode,
        family: str | None,
        verify: bool,
        top: int,
        save: Path | None,
        force: bool,
        resume: bool,
        restart: bool,
        from_job: str | None,
    ) -> None:
        self.mode, self.family, self.verify, self.top = mode, family, verify, top
        self.save, self.force, self.resume, self.restart = save, force, resume, restart
        self.from_job = from_job


def run_interactive(kb: KnowledgeBase, opts: Options) -> MatchResult | None:
    """Ask the quiz in the terminal; None when the person chose to stop for now."""
    from bocareer.quiz import progress
    from bocareer.tty import asker as prompts

    if not prompts.terminal_available():
        raise NoTerminalError(
            "the quiz needs a terminal (stdin and stdout); to answer from a file, use "
            "`bocareer quiz --answers FILE` (- for stdin)"
        )
    if opts.family is not None:
        kb.family(opts.family)
    _stop_on_signals()
    if opts.resume and opts.restart:
        raise UsageError("--resume and --restart clash: give one")
    ask = prompts.QuestionaryAsker()
    with progress.Lock():
        resume, paused = opts.resume, None
        if progress.exists() and not resume and not opts.restart:
            try:
                paused = progress.load_progress(kb)
            except BocareerError:
                paused = None  # offered all the same, as "cannot be read": never wiped silently
            if paused is None or not paused.blank:
                resume = _resume_or_restart(paused, ask)
        return _session(kb, opts, ask, resume, paused)


def _opening(
    kb: KnowledgeBase,
    opts: Options,
    ask: QuestionaryAsker,
    resume: bool,
    paused: QuizState | None,
) -> tuple[QuizState, Start | None]:
    """The quiz to run: the paused one (already read, or read now; saying what it started
    from), or a new one from the starting job, if any."""
    from bocareer.output.console import message
    from bocareer.quiz import progress
    from bocareer.quiz.flow import begin

    if resume:
        current = paused or progress.load_progress(kb)
        start = _start(kb, current.start, ask) if current.start else None
        since = f" (from {start.title})" if start is not None else ""
        message(f"Resuming your quiz{since}: {_answers(current)} so far.")
        if opts.from_job and (start is None or opts.from_job not in (start.key, start.title)):
            message(
                f"Note: --from {opts.from_job} is not used: the paused quiz keeps its own "
                "starting job (`bocareer quiz --restart --from ...` starts afresh)."
            )
        return current, start
    start = _start(kb, opts.from_job, ask) if opts.from_job else None
    current = begin(QuizState(mode=opts.mode, family=opts.family, verify=opts.verify), start)
    if start is not None:
        message(f"Starting from your job: {start.title}.")
    return current, start


def _stopped(exc: KeyboardInterrupt, current: QuizState | None) -> Interrupted:
    """The error for Ctrl-C, SIGTERM or SIGHUP: what was saved, and how to go on."""
    signum = exc.signum if isinstance(exc, Signalled) else None
    how = {
        int(signal.SIGTERM): "stopped (SIGTERM)",
        int(signal.SIGHUP): "stopped (the terminal closed)",
    }.get(signum or 0, "interrupted")
    if current is None or current.blank:
        text = f"quiz {how} before the first answer: nothing to save"
    else:
        text = f"quiz {how}: {_answers(current)} saved; resume with `bocareer quiz --resume`"
    if signum == signal.SIGTERM:
        return Terminated(text)
    if signum == signal.SIGHUP:
        return HungUp(text)
    return Interrupted(text)


def _resume_or_restart(paused: QuizState | None, ask: QuestionaryAsker) -> bool:
    """A paused quiz is waiting (None: one that cannot be read): ask whether to resume it;
    never discard it silently."""
    shown = f"{_answers(paused)} so far" if paused is not None else "it cannot be read"
    picked = ask.choose(
        f"You have a paused quiz ({shown}). What would you like to do?",
        [
            ("resume", "Resume it"),
            ("restart", "Start over (its answers are lost)"),
            ("cancel", "Cancel"),
        ],
    )
    if picked == "cancel":
        raise UsageError("nothing changed; `bocareer quiz --resume` continues the paused quiz")
    return picked == "resume"


def _session(
    kb: KnowledgeBase,
    opts: Options,
    ask: QuestionaryAsker,
    resume: bool,
    paused: QuizState | None = None,
) -> MatchResult | None:
    from bocareer import answers
    from bocareer.advice import quiz_result
    from bocareer.files import check_writable
    from bocareer.output.console import message
    from bocareer.quiz import progress
    from bocareer.quiz.flow import revisit, run
    from bocareer.scoring import signal as no_signal_warning

    held: list[QuizState] = []  # the quiz, once there is one: what Ctrl-C reports as saved
    try:
        current, start = _opening(kb, opts, ask, resume, paused)
        held.append(current)
        if opts.save is not None:
            current.save = str(opts.save)
        target = Path(current.save) if current.save else None
        if target is not None:
            check_writable(target, overwrite=opts.force)
        progress.save_progress(current)  # fails now, not after ten questions, if it cannot
        hint = "resume with `bocareer quiz --resume`" + (
            f" (your answers will then be written to {target})" if target else ""
        )
        role = start.role if start is not None else None
        outcome = run(
            kb, ask, current, on_answer=progress.save_progress, current=role,
            level=start.level(kb) if start is not None else None,
        )  # fmt: skip
        if not outcome.finished:
            progress.save_progress(current)
            message(f"Stopped for now: {_answers(current)} saved; {hint}.")
            return None
        sig = no_signal_warning(current.given)
        if sig.warning:
            message(f"Note: {sig.warning}")
            if ask.confirm("Would you like to revisit a few answers?"):
                revisit(kb, ask, current, on_answer=progress.save_progress)
    except KeyboardInterrupt as exc:
        raise _stopped(exc, held[0] if held else None) from None
    written = target or progress.last_answers_path()
    answers.save(
        written, current.ratings, current.answers_extra(), overwrite=target is None or opts.force
    )
    progress.clear_progress()
    reprint = f"bocareer match --answers {shlex.quote(str(written))}"
    return quiz_result(kb, current, top=opts.top, reprint=reprint, start=start)


def _stop_on_signals() -> None:
    """SIGTERM and SIGHUP unwind the quiz like Ctrl-C: prompt_toolkit leaves raw mode and shows
    the cursor again on the way out, and the answers so far are kept (the default action would
    kill the process with the terminal still raw and the cursor hidden)."""

    def stop(signum: int, frame: object) -> None:
        signal.signal(signum, signal.SIG_DFL)  # a second signal kills at once
        raise Signalled(signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, stop)


def _start(kb: KnowledgeBase, job: str, ask: QuestionaryAsker) -> Start | None:
    """The starting job; a title that fits several occupations is offered as a choice, with a
    way to go on without one."""
    from bocareer.cli.options import starting_job
    from bocareer.occupations.start import Ambiguous, occupation_start

    try:
        return starting_job(kb, job)
    except Ambiguous as exc:
        code = ask.choose(
            f"{quoted(job)} fits several occupations. Which is your job?",
            [(c, f"{t} ({c})") for c, t in exc.candidates]
            + [(_NONE, "None of these: take the quiz without a starting job")],
        )
        return None if code == _NONE else occupation_start(kb, code)


_NONE = "__none__"


def _answers(state: QuizState | None) -> str:
    """How many questions are answered: the opening ones (kinds of work, checklists) too."""
    n = state.opening + len(state.answers) if state is not None else 0
    return f"{n} answer{'' if n == 1 else 's'}"
