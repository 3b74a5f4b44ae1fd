"""What every command shares: the global settings, the options declared once, shell completion,
and the wrapper that turns every failure into one line, an exit code and (with --json) an error
document."""

from __future__ import annotations

import contextlib
import functools
import inspect
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from bocareer.errors import BocareerError, ExitCode, OutputClosedError, UsageError
from bocareer.output.formats import Format

if TYPE_CHECKING:
    from bocareer.answers import Answers
    from bocareer.models import KnowledgeBase
    from bocareer.occupations.start import Start

F = TypeVar("F", bound=Callable[..., Any])


class Settings:
    """Global options, shared with every command through the Typer context."""

    def __init__(self, data: Path | None = None, max_size: float | None = None) -> None:
        self.data = data
        self.max_size = max_size
        self._kb: KnowledgeBase | None = None

    def kb(self) -> KnowledgeBase:
        """The knowledge base, read and validated once per run."""
        if self._kb is None:
            from bocareer.kb import load

            self._kb = load(self.data, self.max_size)
        return self._kb


def settings(ctx: typer.Context) -> Settings:
    """The global settings of this run."""
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else Settings()


def kb(ctx: typer.Context) -> KnowledgeBase:
    """The knowledge base of this run."""
    return settings(ctx).kb()


def read_answers(ctx: typer.Context, path: str | None) -> tuple[KnowledgeBase, Answers]:
    """The knowledge base and the --answers file, which this command needs."""
    if path is None:
        raise UsageError(
            "this command needs --answers FILE (or - for stdin); `bocareer quiz --save FILE` makes one"
        )
    from bocareer import answers

    base = kb(ctx)
    return base, answers.read(path, base)


def starting_job(base: KnowledgeBase, text: str) -> Start:
    """The --from job, resolved; says so on stderr when O*NET has no skill data for it."""
    from bocareer.occupations.start import resolve

    start = resolve(base, text)
    if not start.profile:
        from bocareer.output.console import message

        message(
            f"Note: O*NET has no skill data for {start.code} {start.title}; "
            "nothing about the job can be assumed."
        )
    return start


# -- failures -------------------------------------------------------------------------------


def wants_json(values: Mapping[str, Any]) -> bool:
    """Whether a command was asked for JSON (so a failure prints a JSON error document too)."""
    output = values.get("output")
    return bool(
        values.get("as_json")
        or values.get("fmt") is Format.JSON
        or (isinstance(output, Path) and output.suffix.lower() == ".json")
    )


def handle_errors(func: F) -> F:
    """Turn every failure into one line on stderr and an exit code; never a traceback."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BocareerError as exc:
            fail(exc, as_json=wants_json(kwargs))
        except KeyboardInterrupt:
            from bocareer.errors import Interrupted

            fail(Interrupted("interrupted"), as_json=wants_json(kwargs))
        except BrokenPipeError:
            from bocareer.output.console import drop_stdout

            drop_stdout()
            fail_plain("output closed before it was all written", ExitCode.BROKEN_PIPE)
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:
            if os.environ.get("BOCAREER_DEBUG"):
                raise
            fail_plain(
                f"internal error: {type(exc).__name__}: {exc} "
                "(please report it; BOCAREER_DEBUG=1 shows the details)",
                ExitCode.PROBLEM,
            )
        return None

    return wrapper  # type: ignore[return-value]


def fail(exc: BocareerError, *, as_json: bool = False) -> None:
    """Report ``exc``: one line on stderr, the error document on stdout with --json, its exit
    code."""
    if as_json and not isinstance(exc, OutputClosedError):
        from bocareer.output.console import write_stdout
        from bocareer.output.jsondoc import dumps, error_doc

        # stdout may be what failed (a full disk, a closed stream): then the line on stderr
        # is all there is to say.
        with contextlib.suppress(OSError, BocareerError):
            write_stdout(dumps(error_doc(exc)))
    fail_plain(str(exc), exc.exit_code)


def fail_plain(text: str, code: int) -> None:
    """Print ``bocareer: text`` on stderr and exit with ``code``."""
    from bocareer.output.console import message

    with contextlib.suppress(OSError):
        message(f"bocareer: {text}")
    raise typer.Exit(int(code))


# -- completion -------------------------------------------------------------------------------


def complete(kind: str) -> Callable[[typer.Context, str], list[str]]:
    """Shell completion for role, family or skill ids."""

    def completer(ctx: typer.Context, incomplete: str) -> list[str]:
        try:
            from bocareer.kb import load

            base = load(ctx.find_root().params.get("data"))
        except Exception:
            return []  # completion must never print an error into the user's shell
        table: Mapping[str, object] = {
            "role": base.roles,
            "family": base.families,
            "skill": base.skills,
        }[kind]
        return [key for key in table if key.startswith(incomplete)]

    return completer


# -- options declared once ------------------------------------------------------------------

JsonOpt = Annotated[
    bool, typer.Option("--json", help="Print a JSON document on stdout (same as --format json).")
]


def utf8_text(value: str | None) -> str | None:
    """A text argument that is not valid UTF-8 (a name typed in a Latin-1 terminal) keeps its
    readable part: each undecodable byte becomes U+FFFD, and stderr says so."""
    if value is None:
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        from bocareer.output.console import message

        fixed = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        message(f"Note: {fixed!r} is not valid UTF-8 text; the bytes that are not show as \ufffd.")
        return fixed
    return value


ForceOpt = Annotated[
    bool,
    typer.Option("--force", help="Replace an existing file (-o; and the quiz's --save)."),
]
RoleArg = Annotated[
    str,
    typer.Argument(
        help="A role id, such as `data-entry-operator` (`bocareer roles` lists them).",
        autocompletion=complete("role"),
        show_default=False,
    ),
]
AnswersOpt = Annotated[
    str | None,
    typer.Option(
        "--answers",
        "-a",
        help="Answers file (YAML or JSON, `-` for stdin): `{ratings: {skill-id: 0-5}}`.",
        show_default=False,
    ),
]
FromOpt = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="The job the person has now or had last: a role id, an O*NET-SOC code, or a job "
        "title (`bocareer occupations TEXT` finds one).",
        autocompletion=complete("role"),
        show_default=False,
        callback=utf8_text,
    ),
]
TopOpt = Annotated[int, typer.Option("--top", "-n", help="How many matches to show.", min=1)]
FamilyOpt = Annotated[
    str | None,
    typer.Option(
        "--family", "-f", help="Only roles of this family.", autocompletion=complete("family")
    ),
]


def _format_option(formats: tuple[Format, ...]) -> Any:
    """--format, listing only the formats this command offers."""
    names = [f.value for f in formats]
    return Annotated[
        Format | None,
        typer.Option(
            "--format",
            help=f"{', '.join(names)} [default: {names[0]}, or from the -o suffix].",
            metavar="|".join(names).upper(),
            show_default=False,
            case_sensitive=False,
        ),
    ]


def _output_option(formats: tuple[Format, ...]) -> Any:
    """-o/--output, naming the suffixes this command can write."""
    from bocareer.output.formats import SUFFIXES

    suffixes = " ".join(s for s, f in SUFFIXES.items() if f in formats)
    return Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=f"Write to this file instead of stdout ({suffixes}: the suffix picks the format).",
            show_default=False,
        ),
    ]


def prints(formats: tuple[Format, ...]) -> Callable[[F], F]:
    """Give a command the output options, declared once: --json, --format, -o/--output and
    --force. The format is chosen (or refused) before the command runs, and the command gets
    the choice as ``dest``; ``formats`` are the ones it offers, its default first."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def command(
            *args: Any,
            as_json: bool = False,
            fmt: Format | None = None,
            output: Path | None = None,
            force: bool = False,
            **kwargs: Any,
        ) -> Any:
            from bocareer.output.formats import choose

            return func(*args, dest=choose(formats, fmt, as_json, output, force), **kwargs)

        signature = inspect.signature(func, eval_str=True)
        own = [p for name, p in signature.parameters.items() if name != "dest"]
        keyword = inspect.Parameter.KEYWORD_ONLY
        added = [
            inspect.Parameter("as_json", keyword, default=False, annotation=JsonOpt),
            inspect.Parameter("fmt", keyword, default=None, annotation=_format_option(formats)),
            inspect.Parameter("output", keyword, default=None, annotation=_output_option(formats)),
            inspect.Parameter("force", keyword, default=False, annotation=ForceOpt),
        ]
        # Typer reads a command's options from its signature and type hints: the command
        # declares its own, and these four are added here, once for every command.
        command.__signature__ = signature.replace(parameters=[*own, *added])  # type: ignore[attr-defined]
        command.__annotations__ = {
            **{k: v for k, v in func.__annotations__.items() if k != "dest"},
            **{p.name: p.annotation for p in added},
        }
        return command  # type: ignore[return-value]

    return decorate
