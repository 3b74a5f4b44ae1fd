"""The real Asker: questionary prompts in the terminal. The only module that imports questionary.

questionary (prompt_toolkit) takes ~115 ms to import, so nothing else imports this module until
an interactive quiz has actually started.
"""

from __future__ import annotations

import sys
from typing import Any

from bocareer.models import Check, Skill
from bocareer.quiz import Nav, Reply

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

        return questionary.select(
            message,
            choices=choices,
            instruction=instruction,
            input=self.input,
            output=self.output,
            qmark="?",
        ).unsafe_ask()  # unsafe_ask: Ctrl-C raises KeyboardInterrupt instead of returning None

    def rate(self, skill: Skill, number: int, total: int, can_go_back: bool) -> Reply:
        """Ask for a rating, offering that skill's own level descriptions."""
        from questionary import Choice, Separator

        choices: list[Any] = [Choice("0  I have not done this", value=0)]
        choices += [
            Choice(f"{i}  {_one_line(text)}", value=i) for i, text in enumerate(skill.levels, 1)
        ]
        choices.append(Separator())
        choices.append(Choice("Not sure: skip this one", value=_SKIP))
        if can_go_back:
            choices.append(Choice("Back to the previous question", value=_BACK))
        choices.append(Choice("Quit for now (your answers are saved)", value=_QUIT))
        message = (
            f"Question {number} of about {total}: {_one_line(skill.name)}\n"
            f"  {_one_line(skill.description)}\n  Which describes you best?"
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

        choices = [Choice(_one_line(o), value=o) for o in check.options]
        choices.append(Choice("Quit for now (your answers are saved)", value=_QUIT))
        picked = self._select(f"Quick check: {_one_line(check.question)}", choices, "(arrow keys)")
        return Nav.QUIT if picked == _QUIT else str(picked)

    def confirm(self, message: str) -> bool:
        """A yes/no question."""
        import questionary

        answer = questionary.confirm(
            message, default=True, input=self.input, output=self.output
        ).unsafe_ask()
        return bool(answer)


def _one_line(text: str) -> str:
    """Text from the data on one line, with control characters removed."""
    from bocareer.render import clean

    return " ".join(clean(text).split())
