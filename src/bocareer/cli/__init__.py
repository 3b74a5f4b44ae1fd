"""The ``bocareer`` command line: a thin layer that parses options, asks the core for one result
and hands it to :func:`bocareer.output.emit.emit`.

``app`` here is the full app, every command loaded (for tests and completion); the console
script's :func:`main` loads only the command being run.
"""

from __future__ import annotations

from typing import Any


def main() -> None:
    """Console-script entry point."""
    from bocareer.cli.root import main as run

    run()


def __getattr__(name: str) -> Any:
    if name == "app":
        from bocareer.cli.root import app, load_commands

        load_commands()
        return app
    raise AttributeError(name)
