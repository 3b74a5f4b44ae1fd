"""The Typer app: global options, usage errors as one line, and loading only the command run.

Each command group lives in its own module (``browse``, ``person``, ``kit``, ``check``); a run
imports only the module of the command it runs (see README, Performance), while ``--help`` and
shell completion load them all.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from bocareer import __version__
from bocareer.cli.options import Settings
from bocareer.errors import ExitCode

#: Each command and the module that defines it, in the order --help lists them.
COMMANDS = {
    "quiz": "person",
    "match": "person",
    "report": "kit",
    "gap": "kit",
    "learn": "kit",
    "next": "kit",
    "compare": "kit",
    "occupations": "jobs",
    "typing": "measure",
    "roles": "browse",
    "role": "browse",
    "skills": "browse",
    "families": "browse",
    "path": "browse",
    "about": "browse",
    "validate": "check",
}
#: Global options that take a value (so the command name can be found after them).
GLOBAL_VALUES = {"--data", "--max-size"}


class Group(TyperGroup):
    """Typer's group, with its own errors reported the way bocareer reports its own: one line
    on stderr (a JSON error document too when JSON was asked for), never a box."""

    def list_commands(self, ctx: Any) -> list[str]:
        """Commands in the order of COMMANDS, not alphabetically."""
        order = list(COMMANDS)
        return sorted(
            super().list_commands(ctx), key=lambda c: order.index(c) if c in order else 99
        )

    def main(  # type: ignore[override]
        self, args: list[str] | None = None, *, standalone_mode: bool = True, **kwargs: Any
    ) -> Any:
        """Run, turning Click's usage errors into bocareer's one-line form."""
        from typer._click import exceptions as click_errors

        try:
            code = super().main(args, standalone_mode=False, **kwargs)
        except click_errors.NoArgsIsHelpError as exc:
            typer.echo(exc.ctx.get_help() if exc.ctx else "")
            code = 0
        except click_errors.UsageError as exc:
            code = _usage_error(exc, args)
        except click_errors.ClickException as exc:
            _report(exc.format_message(), int(exc.exit_code), json_wanted=False)
            code = int(exc.exit_code)
        except typer.Abort:
            _report("interrupted", ExitCode.INTERRUPTED, json_wanted=False)
            code = int(ExitCode.INTERRUPTED)
        if not standalone_mode:
            return code
        sys.exit(code if isinstance(code, int) else 0)


def _usage_error(exc: Any, argv: Any) -> int:
    words = list(argv) if argv is not None else sys.argv[1:]
    where = exc.ctx.command_path if exc.ctx is not None else "bocareer"
    message = exc.format_message().rstrip(".")
    text = f"{message[:1].lower()}{message[1:]} (see `{where} --help`)"
    _report(text, ExitCode.USAGE, json_wanted=_json_in(words))
    return int(ExitCode.USAGE)


def _json_in(words: list[str]) -> bool:
    """Whether the command line asked for JSON, read from the words themselves (used when Click
    failed before the options were parsed)."""
    for i, word in enumerate(words):
        if word in {"--json", "--format=json"}:
            return True
        if word.lower().endswith(".json") and i and words[i - 1] in ("-o", "--output"):
            return True
        if word == "--format" and i + 1 < len(words) and words[i + 1].lower() == "json":
            return True
    return False


def _report(text: str, code: int, *, json_wanted: bool) -> None:
    from bocareer.errors import UsageError
    from bocareer.output.console import message

    if json_wanted:
        from bocareer.output.console import write_stdout
        from bocareer.output.jsondoc import dumps, error_doc

        write_stdout(dumps(error_doc(UsageError(text))))
    message(f"bocareer: {text}")


SETTINGS: dict[str, Any] = {
    "name": "bocareer",
    "cls": Group,
    "no_args_is_help": True,
    "pretty_exceptions_enable": False,
    "rich_markup_mode": "markdown",
    "context_settings": {"help_option_names": ["-h", "--help"]},
}
app = typer.Typer(
    **SETTINGS,
    help=(
        "Career guidance for back-office work: find the roles that fit your skills and see how "
        "each role grows into the next.\n\n"
        "Start with `bocareer quiz`, browse with `bocareer roles` and `bocareer role ID`, and add "
        "--json (or --format csv, markdown, html) to print for a script, a spreadsheet or paper."
    ),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"bocareer {__version__}")
        raise typer.Exit()


def _max_size(value: float | None) -> float | None:
    """--max-size must be a real size: not nan, inf, 0 or negative."""
    from bocareer.kb.load import valid_size

    if value is not None and not valid_size(value):
        raise typer.BadParameter(f"{value:g} is not a size in MB (more than 0, at most 100000)")
    return value


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
            help="Refuse knowledge bases larger than this many MB (more than 0, at most "
            "100000) [default: 20].",
            show_default=False,
            callback=_max_size,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = Settings(data=data, max_size=max_size)


def load_commands(names: list[str] | None = None) -> None:
    """Import the modules that define these commands (all of them by default)."""
    modules = dict.fromkeys(COMMANDS[n] for n in (names or COMMANDS) if n in COMMANDS)
    for module in modules:
        importlib.import_module(f"bocareer.cli.{module}")


def command_named(argv: list[str]) -> str | None:
    """The subcommand in ``argv``, skipping the global options and their values."""
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in GLOBAL_VALUES:
            i += 2
            continue
        if arg.startswith("-"):
            i += 1
            continue
        return arg
    return None


def slim_app(name: str | None) -> typer.Typer:
    """An app holding only the command being run.

    Typer inspects every registered command's signature before running any of them (~1 ms
    each), and each command module costs its import; a one-command app skips both. Help,
    completion and unknown commands get the full app.
    """
    if name not in COMMANDS or os.environ.get("_BOCAREER_COMPLETE"):
        load_commands()
        return app
    load_commands([name])
    chosen = [c for c in app.registered_commands if _name_of(c) == name]
    slim = typer.Typer(**SETTINGS)
    slim.registered_callback = app.registered_callback  # the global options
    slim.registered_commands = chosen
    return slim


def _name_of(command: Any) -> str:
    if command.name:
        return str(command.name)
    return command.callback.__name__.replace("_", "-") if command.callback else ""


def main() -> None:
    """Console-script entry point."""
    argv = sys.argv[1:]
    if argv == ["--version"]:  # the one global option that needs no command loaded
        sys.stdout.write(f"bocareer {__version__}\n")
        return
    try:
        slim_app(command_named(argv))()
    except KeyboardInterrupt:  # Ctrl-C while Typer itself was parsing
        sys.stderr.write("bocareer: interrupted\n")
        sys.exit(ExitCode.INTERRUPTED)
