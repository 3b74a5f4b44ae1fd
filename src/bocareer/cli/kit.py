"""The counsellor's kit: client reports, gap plans, skills to learn, next moves, comparisons."""

from __future__ import annotations

from typing import Annotated

import typer

from bocareer.cli.options import (
    AnswersOpt,
    FromOpt,
    RoleArg,
    TopOpt,
    complete,
    handle_errors,
    kb,
    prints,
    read_answers,
    starting_job,
    utf8_text,
)
from bocareer.cli.root import app
from bocareer.errors import UsageError
from bocareer.output.emit import emit
from bocareer.output.formats import DOCUMENT, LIST, REPORT, Destination


@app.command()
@handle_errors
@prints(REPORT)
def report(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    name: Annotated[
        str | None,
        typer.Option("--name", help="The client's name, for the heading.", callback=utf8_text),
    ] = None,
    brief: Annotated[
        bool,
        typer.Option(
            "--brief",
            help="One page: strongest skills, the three best matches with why and the two "
            "biggest gaps, and the first step toward the best.",
        ),
    ] = False,
    top: TopOpt = 5,
    from_job: FromOpt = None,
    *,
    dest: Destination,
) -> None:
    """A client report to print or e-mail: the brief page, then a plan for each of the best
    three roles (summary, skills to raise, where it leads).

    With --from JOB (or `from:` in the answers file) the client's own role, if the job is one,
    is where they are, not a match, and roles well below their level come after the rest.
    Formats: markdown (default), html (one self-contained page to print), json.

    Example: `bocareer report --answers alex.yaml --name "Alex Doe" -o alex.html`
    """
    from bocareer.advice import report_result

    base, given = read_answers(ctx, answers)
    start = starting_job(base, from_job) if from_job else None
    emit(report_result(base, given, name=name, top=top, brief=brief, start=start), dest)


@app.command()
@handle_errors
@prints(DOCUMENT)
def gap(
    ctx: typer.Context,
    role_id: RoleArg,
    answers: AnswersOpt = None,
    *,
    dest: Destination,
) -> None:
    """Which skills to raise for a target role, biggest gain first, and the roles on the way.

    Each step shows the match score once it and every step before it are taken.
    Formats: table (default), json, markdown, html.

    Example: `bocareer gap data-analyst --answers alex.yaml`
    """
    from bocareer.advice import gap_result

    base, given = read_answers(ctx, answers)
    emit(gap_result(base, given, role_id), dest)


@app.command()
@handle_errors
@prints(LIST)
def learn(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    top: TopOpt = 5,
    *,
    dest: Destination,
) -> None:
    """The few skills that would bring the most roles within reach: training that pays off broadly.

    Formats: table (default), json, csv.

    Example: `bocareer learn --answers alex.yaml`
    """
    from bocareer.advice import learn_result

    base, given = read_answers(ctx, answers)
    emit(learn_result(base, given, top), dest)


@app.command(name="next")
@handle_errors
@prints(LIST)
def next_(
    ctx: typer.Context,
    from_job: FromOpt = None,
    answers: AnswersOpt = None,
    top: TopOpt = 5,
    *,
    dest: Destination,
) -> None:
    """The back-office roles someone in a job can move to, fewest new skills first, ladders or
    not, with each role's preparation beside the job's (a role more than one level above the job
    comes after the rest). --from is required: a bocareer role or any O*NET occupation (retail
    supervisor, cashier, nursing assistant ...).

    With --answers, the person's own ratings count too. Formats: table (default), json, csv.

    Examples: `bocareer next --from data-entry-operator`, `bocareer next --from cashier`
    """
    if from_job is None:
        raise UsageError("next needs --from JOB: a role id, an O*NET-SOC code or a job title")
    from bocareer.advice import next_result

    ratings = None
    if answers is not None:
        base, given = read_answers(ctx, answers)
        ratings = given.ratings
    else:
        base = kb(ctx)
    start = starting_job(base, from_job)
    emit(next_result(base, start, ratings, top), dest)


@app.command()
@handle_errors
@prints(DOCUMENT)
def compare(
    ctx: typer.Context,
    role_ids: Annotated[
        list[str],
        typer.Argument(
            help="Two or three role ids.", autocompletion=complete("role"), show_default=False
        ),
    ],
    *,
    dest: Destination,
) -> None:
    """Roles side by side: preparation, pay, every skill's level, and what each alone needs.

    Formats: table (default), json, markdown, html.

    Example: `bocareer compare accountant financial-analyst internal-auditor`
    """
    if not 2 <= len(role_ids) <= 3:
        raise UsageError("compare takes two or three role ids")
    from bocareer.sheets import compare_result

    emit(compare_result(kb(ctx), role_ids), dest)
