"""Commands that take a person's skills: the quiz, and matching saved answers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from bocareer.cli.options import (
    AnswersOpt,
    FamilyOpt,
    TopOpt,
    handle_errors,
    kb,
    prints,
    read_answers,
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
            help="--quick (default) asks only what tells the roles apart, about 12 questions; "
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
    *,
    dest: Destination,
) -> None:
    """Take the skill quiz and see the back-office roles that fit you.

    One skill at a time, you pick the description that fits you best (or skip, go back, or
    quit and resume later). At the end: your top matches, why, and where the best one leads.
    Your answers are saved after every question.

    Examples: `bocareer quiz`, `bocareer quiz --full --save me.yaml`, `bocareer quiz --resume`,
    and for scripts: `bocareer quiz --answers me.yaml --json`.
    """
    from bocareer.quiz.selector import Mode

    mode = Mode.FULL if full else Mode.QUICK
    if answers is not None:
        from bocareer.advice import quiz_result
        from bocareer.quiz.flow import FileAsker, QuizState, run

        base, given = read_answers(ctx, answers)
        if family is not None:
            base.family(family)
        state = QuizState(mode=mode, family=family, verify=verify)
        run(base, FileAsker(given.ratings, given.checks), state)
        if save is not None:
            from bocareer import answers as answers_file

            answers_file.save(save, state.ratings, state.answers_extra())
        emit(quiz_result(base, state, top=top), dest)
        return
    from bocareer.tty.session import run_interactive

    finished = run_interactive(
        kb(ctx), mode=mode, family=family, verify=verify, top=top, save=save, resume=resume
    )
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
    *,
    dest: Destination,
) -> None:
    """Rank the roles for a set of answers, without the quiz.

    Each match has a score 0-100 (how much of the role you cover, weighed by how much of your
    skill it uses), your strengths for it and the gaps to close.

    Formats: table (default), json, csv.

    Example: `bocareer match --answers my-answers.yaml --top 3`
    """
    from bocareer.advice import match_result

    base, given = read_answers(ctx, answers)
    emit(match_result(base, given, top=top, family=family), dest)
