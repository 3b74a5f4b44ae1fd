"""Commands that take a person's skills: the quiz, and matching saved answers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bocareer.cli.options import (
    AnswersOpt,
    FamilyOpt,
    FromOpt,
    TopOpt,
    handle_errors,
    kb,
    prints,
    read_answers,
    starting_job,
)
from bocareer.cli.root import app
from bocareer.output.emit import emit
from bocareer.output.formats import LIST, Destination


@app.command()
@handle_errors
@prints(LIST)
def quiz(
    ctx: typer.Context,
    full: Annotated[
        bool,
        typer.Option(
            "--full/--quick",
            help="--quick (default) asks what tells the roles apart: a few lists to tick and a "
            "few ratings, at most 14 questions (10 with --from); "
            "--full asks about every skill.",
        ),
    ] = False,
    answers: AnswersOpt = None,
    save: Annotated[
        Path | None,
        typer.Option(
            "--save", help="Also write your answers to this file, for `match` and reports."
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the quiz that was interrupted.")
    ] = False,
    restart: Annotated[
        bool,
        typer.Option(
            "--restart", help="Start a new quiz even though one is paused (its answers are lost)."
        ),
    ] = False,
    verify: Annotated[
        bool,
        typer.Option(
            "--verify",
            help="Ask a short check question for each skill you rate 3 or more; a missed check "
            "halves that rating in the score.",
        ),
    ] = False,
    top: TopOpt = 5,
    family: FamilyOpt = None,
    from_job: FromOpt = None,
    *,
    dest: Destination,
) -> None:
    """Take the skill quiz and see the back-office roles that fit you.

    It starts broad, as a careers counsellor does: from the job you name with --from (a role
    id, an O*NET-SOC code or any job title), whose levels it then confirms rather than asks
    again (Enter keeps each), or else with the kinds of work you have done. Then one skill at a
    time you pick the description that fits you best (or skip, go back, or quit and resume
    later). At the end: your top matches, why, and where the best one leads. Your answers are
    saved after every question.

    Examples: `bocareer quiz`, `bocareer quiz --from "retail supervisor"`,
    `bocareer quiz --full --save me.yaml`, `bocareer quiz --resume`, and for scripts:
    `bocareer quiz --answers me.yaml --json`.
    """
    from bocareer.quiz.selector import Mode

    mode = Mode.FULL if full else Mode.QUICK
    if answers is not None:
        from bocareer.advice import quiz_result
        from bocareer.quiz.fileasker import FileAsker
        from bocareer.quiz.flow import QuizState, begin, run

        base, given = read_answers(ctx, answers)
        if family is not None:
            base.family(family)
        if save is not None:
            from bocareer.files import check_writable

            check_writable(save, overwrite=dest.force)  # fail before the work, not after
        job = from_job or given.start
        start = starting_job(base, job) if job else None
        state = begin(QuizState(mode=mode, family=family, verify=verify), start)
        current = start.role if start is not None else None
        run(
            base,
            FileAsker(given.ratings, given.checks),
            state,
            current=current,
            level=start.level(base) if start is not None else None,
        )
        if save is not None:
            from bocareer import answers as answers_file

            # Every rating the file gave is kept, beside the levels a starting job suggested
            # for skills the file leaves out: nothing the person said is lost by saving, and no
            # guess of the quiz's (a checklist's middle level) is written as if they said it.
            assumed = {s: v for s, v in state.ratings.items() if s in state.assumed}
            kept = {**assumed, **given.ratings}
            answers_file.save(save, kept, state.answers_extra(), overwrite=dest.force)
        emit(quiz_result(base, state, top=top, start=start), dest)
        return
    from bocareer.tty.session import Options, run_interactive

    opts = Options(
        mode=mode,
        family=family,
        verify=verify,
        top=top,
        save=save,
        force=dest.force,
        resume=resume,
        restart=restart,
        from_job=from_job,
    )
    finished = run_interactive(kb(ctx), opts)
    if finished is not None:
        emit(finished, dest)


@app.command()
@handle_errors
@prints(LIST)
def match(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    top: TopOpt = 5,
    family: FamilyOpt = None,
    from_job: FromOpt = None,
    *,
    dest: Destination,
) -> None:
    """Rank the roles for a set of answers, without the quiz.

    Each match has a score 0-100 (how much of the role you cover, weighed by how much of your
    skill it uses), your strengths for it and the gaps to close.

    With --from JOB (or `from:` in the answers file) the person's own role, if the job is one,
    is left out (it is where they are), and roles well below their level come after the rest.
    Formats: table (default), json, csv.

    Example: `bocareer match --answers my-answers.yaml --top 3`
    """
    from bocareer.advice import match_result

    base, given = read_answers(ctx, answers)
    start = starting_job(base, from_job) if from_job else None
    emit(match_result(base, given, top=top, family=family, start=start), dest)
