"""The ``bocareer`` command line: parse options, call the core, hand results to render.

Kept thin on purpose. Imports of the core, Rich and questionary happen inside the commands that
need them, so ``bocareer roles --json`` never pays for a prompt library (see README, Performance).
"""

from __future__ import annotations

import contextlib
import functools
import os
import sys
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from bocareer import __version__
from bocareer.errors import BocareerError, ExitCode, UsageError

if TYPE_CHECKING:
    from bocareer.models import KnowledgeBase

F = TypeVar("F", bound=Callable[..., Any])

_APP_SETTINGS: dict[str, Any] = {
    "name": "bocareer",
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": "markdown",
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(
    **_APP_SETTINGS,
    help=(
        "Career guidance for back-office work: find the roles that fit your skills and see how "
        "each role grows into the next.\n\n"
        "Start with `bocareer quiz`, browse with `bocareer roles` and `bocareer role ID`, and add "
        "--json to any listing to pipe it to a script."
    ),
)


class Settings:
    """Global options, shared with every command through the Typer context."""

    def __init__(self, data: Path | None = None, max_size: float | None = None) -> None:
        self.data = data
        self.max_size = max_size
        self._kb: KnowledgeBase | None = None

    def kb(self) -> KnowledgeBase:
        """The knowledge base, read and validated once per run."""
        if self._kb is None:
            from bocareer.knowledge_base import load

            self._kb = load(self.data, self.max_size)
        return self._kb


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def handle_errors(func: F) -> F:
    """Turn every failure into one line on stderr and an exit code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BocareerError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", ExitCode.INTERRUPTED)
        except BrokenPipeError:
            _silence_stdout()
            fail("output closed before it was all written", ExitCode.BROKEN_PIPE)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if os.environ.get("BOCAREER_DEBUG"):
                raise
            fail(
                f"internal error: {type(exc).__name__}: {exc} "
                "(please report it; BOCAREER_DEBUG=1 shows the details)",
                ExitCode.PROBLEM,
            )
        return None

    return wrapper  # type: ignore[return-value]


def fail(text: str, code: int) -> None:
    """Print ``bocareer: text`` on stderr and exit with ``code``."""
    from bocareer.render import message

    with contextlib.suppress(BrokenPipeError, OSError):
        message(f"bocareer: {text}")
    raise typer.Exit(int(code))


def _silence_stdout() -> None:
    # Python flushes stdout at exit; after the reader has gone that flush raises again and prints
    # "Exception ignored". Point stdout at /dev/null so the exit is quiet.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


# -- completion ---------------------------------------------------------------------------


def _complete(kind: str) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            from bocareer.knowledge_base import load

            data = ctx.find_root().params.get("data")
            kb = load(data)
        except Exception:
            return []  # completion must never print an error into the user's shell
        table: Mapping[str, object] = {"role": kb.roles, "family": kb.families, "skill": kb.skills}[
            kind
        ]
        return [key for key in table if key.startswith(incomplete)]

    return complete


# -- shared options -----------------------------------------------------------------------

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print a JSON document on stdout instead of a table.")
]
RoleArg = Annotated[
    str,
    typer.Argument(
        help="A role id, such as `data-entry-operator` (`bocareer roles` lists them).",
        autocompletion=_complete("role"),
        show_default=False,
    ),
]


class DocFormat(str, Enum):
    """Printable formats."""

    MARKDOWN = "markdown"
    HTML = "html"


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", help="Write to this file instead of stdout.", show_default=False
    ),
]
ForceOpt = Annotated[
    bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
]


def _emit(as_json: bool, doc: Callable[[], dict[str, Any]], view: Callable[[], Any]) -> None:
    """Print the command's JSON document, or its view for a person (one renderable or a list).

    Both are callables so that only the chosen one is built.
    """
    from bocareer import render

    if as_json:
        render.write_json(doc())
        return
    shown = view()
    render.show(*(shown if isinstance(shown, list) else [shown]))


def _doc_format(fmt: DocFormat | None, output: Path | None) -> DocFormat | None:
    """The printable format: as given, else from the --output suffix, else None."""
    if fmt is None and output is not None:
        return DocFormat.HTML if output.suffix.lower() in {".html", ".htm"} else DocFormat.MARKDOWN
    return fmt


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bocareer {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    data: Annotated[
        Path | None,
        typer.Option(
            "--data",
            envvar="BOCAREER_DATA",
            help="Use this knowledge base (YAML) instead of the one that ships with bocareer.",
            show_default=False,
        ),
    ] = None,
    max_size: Annotated[
        float | None,
        typer.Option(
            "--max-size",
            envvar="BOCAREER_MAX_SIZE",
            help="Refuse knowledge bases larger than this many MB [default: 20].",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = Settings(data=data, max_size=max_size)


# -- browsing -----------------------------------------------------------------------------


def _parse_levels(text: str) -> tuple[int, int]:
    """``3`` -> (3, 3); ``1-2`` -> (1, 2)."""
    try:
        lo, _, hi = text.partition("-")
        low, high = int(lo), int(hi or lo)
    except ValueError:
        raise UsageError(
            f"--level takes a number 1-5 or a range such as 1-2, not {text!r}"
        ) from None
    if not 1 <= low <= high <= 5:
        raise UsageError(f"--level {text}: levels run from 1 to 5, low to high")
    return low, high


@app.command()
@handle_errors
def roles(
    ctx: typer.Context,
    query: Annotated[
        str | None,
        typer.Argument(
            help="Only roles whose id, title, summary, duties or tools contain this text."
        ),
    ] = None,
    family: Annotated[
        str | None,
        typer.Option(
            "--family", "-f", help="Only this family.", autocompletion=_complete("family")
        ),
    ] = None,
    skill: Annotated[
        str | None,
        typer.Option(
            "--skill",
            "-s",
            help="Only roles that need this skill.",
            autocompletion=_complete("skill"),
        ),
    ] = None,
    level: Annotated[
        str | None,
        typer.Option(
            "--level",
            "-l",
            help="Only this preparation level, 1-5, or a range: `--level 1-2` for entry-level roles.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """List back-office roles, optionally filtered.

    Example: `bocareer roles --family finance-accounting --level 1-3`
    """
    kb = _settings(ctx).kb()
    if family is not None:
        kb.family(family)
    if skill is not None:
        kb.skill(skill)
    low, high = _parse_levels(level) if level else (1, 5)
    needle = query.casefold() if query else None
    found = [
        r
        for r in kb.roles.values()
        if (family is None or r.family == family)
        and (skill is None or skill in r.skills)
        and low <= r.preparation <= high
        and (needle is None or needle in _haystack(r))
    ]
    from bocareer import payloads, render

    if not found and not as_json:
        render.message("No role matches these filters.")
        return
    _emit(
        as_json,
        lambda: payloads.document(roles=[payloads.role_brief(kb, r) for r in found]),
        lambda: render.roles_table(kb, found),
    )


def _haystack(role: Any) -> str:
    return " ".join(
        [role.id, role.title, role.summary, *role.responsibilities, *role.tools]
    ).casefold()


@app.command()
@handle_errors
def role(
    ctx: typer.Context,
    role_id: RoleArg,
    as_json: JsonOpt = False,
    fmt: Annotated[
        DocFormat | None,
        typer.Option("--format", help="Print as markdown or html, to hand out [default: a table]."),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """Show one role in full: summary, duties, skills with levels, tools, entry route, ladder.

    Example: `bocareer role accountant`, or `bocareer role accountant --format html -o accountant.html`
    """
    kb = _settings(ctx).kb()
    found = kb.role(role_id)
    fmt = _doc_format(fmt, output)
    if fmt is not None:
        from bocareer import documents

        text = (
            documents.role_html(kb, found)
            if fmt is DocFormat.HTML
            else documents.role_markdown(kb, found)
        )
        _emit_document(text, output, force)
        return
    from bocareer import payloads, render

    _emit(
        as_json,
        lambda: payloads.document(role=payloads.role_full(kb, found)),
        lambda: render.role_view(kb, found),
    )


@app.command()
@handle_errors
def skills(
    ctx: typer.Context,
    skill_id: Annotated[
        str | None,
        typer.Argument(
            help="Show what each level of this skill means.", autocompletion=_complete("skill")
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """List the skills roles need, or what each level 1-5 of one skill means.

    Example: `bocareer skills spreadsheets`
    """
    kb = _settings(ctx).kb()
    ids = [kb.skill(skill_id).id] if skill_id else list(kb.skills)
    from bocareer import payloads, render

    _emit(
        as_json,
        lambda: payloads.document(skills=[payloads.skill_doc(kb, s) for s in ids]),
        lambda: render.skill_levels(kb, ids[0]) if skill_id else render.skills_table(kb, ids),
    )


@app.command()
@handle_errors
def families(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the back-office families (HR, finance, IT support ...) and their roles.

    Example: `bocareer families`
    """
    kb = _settings(ctx).kb()
    from bocareer import payloads, render

    _emit(
        as_json,
        lambda: payloads.document(families=[payloads.family_doc(kb, f) for f in kb.families]),
        lambda: render.families_table(kb),
    )


@app.command()
@handle_errors
def path(ctx: typer.Context, role_id: RoleArg, as_json: JsonOpt = False) -> None:
    """Show where a role can lead (each step and the skills it asks for) and the routes into it.

    Example: `bocareer path data-entry-operator`
    """
    kb = _settings(ctx).kb()
    kb.role(role_id)
    from bocareer import payloads, render
    from bocareer.paths import paths_up, routes_in

    _emit(
        as_json,
        lambda: payloads.document(
            role=role_id, paths=paths_up(kb, role_id), routes_in=routes_in(kb, role_id)
        ),
        lambda: render.path_view(kb, role_id),
    )


@app.command()
@handle_errors
def about(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """What back-office work is, its families, and how it differs from the front office."""
    kb = _settings(ctx).kb()
    from bocareer import payloads, render

    _emit(as_json, lambda: payloads.about_doc(kb), lambda: render.about_view(kb))


@app.command()
@handle_errors
def validate(
    ctx: typer.Context,
    file: Annotated[
        Path | None,
        typer.Argument(
            help="The knowledge base to check [default: --data, $BOCAREER_DATA, or the shipped one].",
            show_default=False,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check a knowledge base and report every problem as `file:line: message`.

    Exits 0 when the file is clean, 1 when there is any problem (warnings included).

    Example: `bocareer validate my-roles.yaml`
    """
    from bocareer.knowledge_base import check
    from bocareer.render import message, write_json

    settings = _settings(ctx)
    kb, problems = check(file if file is not None else settings.data, settings.max_size)
    if as_json:
        write_json(
            {
                "schema_version": 1,
                "valid": not problems,
                "problems": [
                    {
                        "file": p.path,
                        "line": p.line,
                        "message": p.message,
                        "severity": "warning" if p.warning else "error",
                    }
                    for p in problems
                ],
            }
        )
    else:
        for p in problems:
            typer.echo(f"{p}{' (warning)' if p.warning else ''}")
    if problems:
        errors = sum(1 for p in problems if not p.warning)
        message(f"{errors} error(s), {len(problems) - errors} warning(s)")
        raise typer.Exit(ExitCode.PROBLEM)
    assert kb is not None
    message(
        f"{kb.path}: OK: {len(kb.roles)} roles, {len(kb.skills)} skills, "
        f"{len(kb.families)} families, {len(kb.checks)} check questions"
    )


# -- matching and the quiz ----------------------------------------------------------------

AnswersOpt = Annotated[
    str | None,
    typer.Option(
        "--answers",
        "-a",
        help="Answers file (YAML or JSON, `-` for stdin): `{ratings: {skill-id: 0-5}}`.",
        show_default=False,
    ),
]
TopOpt = Annotated[int, typer.Option("--top", "-n", help="How many matches to show.", min=1)]
FamilyOpt = Annotated[
    str | None,
    typer.Option(
        "--family",
        "-f",
        help="Only match roles of this family.",
        autocompletion=_complete("family"),
    ),
]


@app.command()
@handle_errors
def match(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    top: TopOpt = 5,
    family: FamilyOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Rank the roles for a set of answers, without the quiz.

    Each match has a score 0-100 (how much of the role you cover, weighed by how much of your
    skill it uses), your strengths for it and the gaps to close.

    Example: `bocareer match --answers my-answers.yaml --top 3`
    """
    from bocareer.session import match as run_match

    kb, given = _answers(ctx, answers)
    result = run_match(kb, given, top=top, family=family)
    _show_result(kb, result, as_json, tree=False)


@app.command()
@handle_errors
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
    as_json: JsonOpt = False,
) -> None:
    """Take the skill quiz and see the back-office roles that fit you.

    One skill at a time, you pick the description that fits you best (or skip, go back, or
    quit and resume later). At the end: your top matches, why, and where the best one leads.
    Your answers are saved after every question.

    Examples: `bocareer quiz`, `bocareer quiz --full --save me.yaml`, `bocareer quiz --resume`,
    and for scripts: `bocareer quiz --answers me.yaml --json`.
    """
    from bocareer.quiz import Mode

    kb = _settings(ctx).kb()
    mode = Mode.FULL if full else Mode.QUICK
    if answers is not None:
        from bocareer import answers as answers_mod
        from bocareer.session import scripted_quiz

        given = answers_mod.read(answers, kb)
        result = scripted_quiz(kb, given, mode=mode, family=family, verify=verify, top=top)
        if save is not None and result.state is not None:
            from bocareer.session import save_answers

            save_answers(save, result.state)
        _show_result(kb, result, as_json)
        return
    from bocareer.interactive import run_interactive

    finished = run_interactive(
        kb, mode=mode, family=family, verify=verify, top=top, save=save, resume=resume
    )
    if finished is not None:
        _show_result(kb, finished, as_json)


def _show_result(kb: KnowledgeBase, result: Any, as_json: bool, *, tree: bool = True) -> None:
    from bocareer import render

    if as_json:
        from bocareer.payloads import match_doc

        doc = match_doc(
            kb,
            result.matches,
            ratings=result.ratings,
            missed=result.missed,
            warnings=result.warnings,
        )
        if result.asked is not None:
            doc["asked"] = result.asked
        render.write_json(doc)
        return
    for warning in result.warnings:
        render.message(f"Note: {warning}")
    if not result.matches:
        render.message("No role can be matched yet: rate at least one skill above 0.")
        return
    render.show(render.matches_view(kb, result.matches, result.ratings, result.missed))
    if tree:
        render.show(render.growth_tree(kb, result.matches[0].role))
    if result.reprint:
        render.show(render.plain(f"To see this again: {result.reprint}", "dim"))


# -- the counsellor's kit -------------------------------------------------------------------


def _emit_document(text: str, output: Path | None, force: bool) -> None:
    """A printable document to stdout, or atomically to a file (never over one without --force)."""
    if output is None:
        from bocareer.render import write_stdout

        write_stdout(text)
        return
    from bocareer.files import atomic_write
    from bocareer.render import message

    atomic_write(output, text, overwrite=force)
    message(f"Wrote {output}")


def _answers(ctx: typer.Context, path: str | None) -> tuple[KnowledgeBase, Any]:
    if path is None:
        raise UsageError(
            "this command needs --answers FILE (or - for stdin); `bocareer quiz --save FILE` makes one"
        )
    from bocareer import answers as answers_mod

    kb = _settings(ctx).kb()
    return kb, answers_mod.read(path, kb)


@app.command()
@handle_errors
def report(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    name: Annotated[
        str | None, typer.Option("--name", help="The client's name, for the heading.")
    ] = None,
    fmt: Annotated[
        DocFormat | None,
        typer.Option(
            "--format", help="markdown or html [default: from the --output suffix, else markdown]."
        ),
    ] = None,
    top: TopOpt = 5,
    output: OutputOpt = None,
    force: ForceOpt = False,
) -> None:
    """A client report to print or e-mail: ratings chart, top matches, gap plans, growth paths.

    Example: `bocareer report --answers alex.yaml --name "Alex Doe" -o alex.html`
    """
    from bocareer import documents
    from bocareer.report import build

    kb, given = _answers(ctx, answers)
    fmt = _doc_format(fmt, output) or DocFormat.MARKDOWN
    if output is not None:
        from bocareer.files import check_writable

        check_writable(output, overwrite=force)  # fail before the work, not after
    data = build(kb, given, name=name, top=top)
    render_fn = documents.report_html if fmt is DocFormat.HTML else documents.report_markdown
    _emit_document(render_fn(kb, data), output, force)


@app.command()
@handle_errors
def gap(
    ctx: typer.Context,
    role_id: RoleArg,
    answers: AnswersOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Which skills to raise for a target role, biggest gain first, and the roles on the way.

    Each step shows the match score once it and every step before it are taken.

    Example: `bocareer gap data-analyst --answers alex.yaml`
    """
    from bocareer.planning import gap_plan

    kb, given = _answers(ctx, answers)
    plan = gap_plan(kb, given.ratings, role_id, given.missed)
    from bocareer import payloads, render

    _emit(as_json, lambda: payloads.gap_doc(plan), lambda: render.gap_view(kb, plan))


@app.command()
@handle_errors
def learn(
    ctx: typer.Context,
    answers: AnswersOpt = None,
    top: TopOpt = 5,
    as_json: JsonOpt = False,
) -> None:
    """The few skills that would bring the most roles within reach: training that pays off broadly.

    Example: `bocareer learn --answers alex.yaml`
    """
    from bocareer.planning import REACH, skills_to_learn

    kb, given = _answers(ctx, answers)
    openings = skills_to_learn(kb, given.ratings, top, given.missed)
    from bocareer import payloads, render

    if not openings and not as_json:
        render.message("No single skill raise brings another role within reach.")
        return
    _emit(
        as_json,
        lambda: payloads.learn_doc(openings, REACH),
        lambda: render.learn_view(kb, openings, REACH),
    )


@app.command(name="next")
@handle_errors
def next_(
    ctx: typer.Context,
    from_role: Annotated[
        str,
        typer.Option(
            "--from", help="The role the person is in now.", autocompletion=_complete("role")
        ),
    ],
    answers: AnswersOpt = None,
    top: TopOpt = 5,
    as_json: JsonOpt = False,
) -> None:
    """The roles someone in a role can move to with the fewest new skills, ladders or not.

    With --answers, the person's own ratings count too.

    Example: `bocareer next --from data-entry-operator`
    """
    from bocareer import answers as answers_mod
    from bocareer.planning import next_moves

    kb = _settings(ctx).kb()
    ratings = answers_mod.read(answers, kb).ratings if answers is not None else None
    moves = next_moves(kb, from_role, ratings, top)
    from bocareer import payloads, render

    _emit(
        as_json,
        lambda: payloads.next_doc(kb, from_role, moves),
        lambda: render.next_view(kb, from_role, moves),
    )


@app.command()
@handle_errors
def compare(
    ctx: typer.Context,
    role_ids: Annotated[
        list[str],
        typer.Argument(
            help="Two or three role ids.", autocompletion=_complete("role"), show_default=False
        ),
    ],
    as_json: JsonOpt = False,
) -> None:
    """Roles side by side: their skills as aligned level bars, and what each alone needs.

    Example: `bocareer compare accountant financial-analyst internal-auditor`
    """
    if not 2 <= len(role_ids) <= 3:
        raise UsageError("compare takes two or three role ids")
    from bocareer.planning import compare as compare_roles

    kb = _settings(ctx).kb()
    comparison = compare_roles(kb, role_ids)
    from bocareer import payloads, render

    _emit(
        as_json,
        lambda: payloads.compare_doc(kb, comparison),
        lambda: render.compare_view(kb, comparison),
    )


def _command_named(argv: list[str]) -> str | None:
    """The subcommand in ``argv``, skipping the global options and their values."""
    takes_value = {"--data", "--max-size"}
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in takes_value:
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        return arg
    return None


def _slim_app(name: str | None) -> typer.Typer:
    """An app holding only the command being run.

    Typer inspects every registered command's signature before running any of them (~1 ms
    each); a one-command app skips that for the other commands. Help, completion and unknown
    commands get the full app.
    """
    if name is None or os.environ.get("_BOCAREER_COMPLETE"):
        return app
    chosen = [
        c
        for c in app.registered_commands
        if (c.name or (c.callback.__name__.replace("_", "-") if c.callback else "")) == name
    ]
    if len(chosen) != 1:
        return app
    slim = typer.Typer(**_APP_SETTINGS)
    slim.registered_callback = app.registered_callback  # the global options
    slim.registered_commands = chosen
    return slim


def main() -> None:
    """Console-script entry point."""
    try:
        _slim_app(_command_named(sys.argv[1:]))()
    except KeyboardInterrupt:  # Ctrl-C while Typer itself was parsing
        sys.stderr.write("bocareer: interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
