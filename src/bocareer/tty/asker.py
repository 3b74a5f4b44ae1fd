"""The real Asker: questionary prompts in the terminal. The only module that imports questionary.

questionary (prompt_toolkit) takes ~115 ms to import, so nothing else imports this module until
an interactive quiz has actually started.
"""

from __future__ import annotations

import sys
from typing import Any

from bocareer.models import Check, Skill
from bocareer.quiz.flow import Nav, Reply

_SKIP, _BACK, _QUIT = "__skip__", "__back__", "__quit__"


def terminal_available() -> bool:
    """True when both stdin and stdout are a terminal: questionary needs both.

    Without one, questionary silently picks the first choice, which would invent answers.
    """
    return sys.stdin.isatty() and sys.stdout.isatty()


class QuestionaryAsker:
    """Asks with arrow-key menus; ``input``/``output`` let tests drive it through a pipe."""

    def __init__(self, input: Any = None, output: Any = None) -> None:
        self.input = input
        self.output = output

    def _select(self, message: str, choices: list[Any], instruction: str) -> Any:
        import questionary

        question = questionary.select(
            message,
            choices=choices,
            instruction=instruction,
            input=self.input,
            output=self.output,
            qmark="?",
        )
        return _ask(question)

    def rate(self, skill: Skill, number: int, total: int, can_go_back: bool) -> Reply:
        """Ask for a rating, offering that skill's own level descriptions."""
        from questionary import Choice, Separator

        choices: list[Any] = [Choice("0  I have not done this", value=0)]
        choices += [
            Choice(_wrapped(f"{i}  {_one_line(text)}", 6), value=i)
            for i, text in enumerate(skill.levels, 1)
        ]
        choices.append(Separator())
        choices.append(Choice("Not sure: skip this one", value=_SKIP))
        if can_go_back:
            choices.append(Choice("Back to the previous question", value=_BACK))
        choices.append(Choice("Quit for now (your answers are saved)", value=_QUIT))
        message = (
            _wrapped(f"Question {number} of about {total}: {_one_line(skill.name)}", 2)
            + "\n"
            + _wrapped(f"  {_one_line(skill.description)}", 2)
            + "\n  Which describes you best?"
        )
        picked = self._select(message, choices, "(arrow keys, then Enter)")
        if picked == _SKIP:
            return None
        if picked == _BACK:
            return Nav.BACK
        if picked == _QUIT:
            return Nav.QUIT
        return int(picked)

    def check(self, check: Check) -> str | Nav:
        """Ask a check question; return the option chosen."""
        from questionary import Choice

        choices = [Choice(_wrapped(_one_line(o), 3), value=o) for o in check.options]
        choices.append(Choice("Quit for now (your answers are saved)", value=_QUIT))
        message = _wrapped(f"Quick check: {_one_line(check.question)}", 2)
        picked = self._select(message, choices, "(arrow keys)")
        return Nav.QUIT if picked == _QUIT else str(picked)

    def confirm(self, message: str) -> bool:
        """A yes/no question."""
        import questionary

        question = questionary.confirm(message, default=True, input=self.input, output=self.output)
        return bool(_ask(question))


def _ask(question: Any) -> Any:
    """Ask, letting Ctrl-C through as KeyboardInterrupt (``unsafe_ask``; ``ask`` returns None).

    A SIGINT sent by another program (``kill -INT``) reaches prompt_toolkit as a <sigint> key,
    which questionary does not bind; bind it here so it ends the quiz like Ctrl-C does.
    """
    from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
    from prompt_toolkit.keys import Keys

    extra = KeyBindings()

    @extra.add(Keys.SIGINT)
    def _interrupt(event: Any) -> None:
        event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

    app = question.application
    app.key_bindings = merge_key_bindings([app.key_bindings, extra]) if app.key_bindings else extra
    return question.unsafe_ask()


def _one_line(text: str) -> str:
    """Text from the data on one line, with control characters removed."""
    from bocareer.output.text import clean

    return " ".join(clean(text).split())


def _wrapped(text: str, indent: int) -> str:
    """``text`` wrapped to the terminal, continuation lines indented: a level description on a
    60-column terminal is read in full, not cut at the edge."""
    import shutil
    import textwrap

    # Room for questionary's pointer ("» ") and a margin.
    width = max(20, shutil.get_terminal_size((80, 24)).columns - 4)
    return (
        "\n".join(
            textwrap.wrap(text, width=width, subsequent_indent=" " * indent, break_on_hyphens=False)
        )
        or text
    )
