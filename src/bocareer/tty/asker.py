"""The real Asker: questionary prompts in the terminal. The only module that imports questionary.

questionary (prompt_toolkit) takes ~115 ms to import, so nothing else imports this module until
an interactive quiz has actually started.
"""

from __future__ import annotations

import sys
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from bocareer.models import Area, Check, Skill
from bocareer.quiz.state import Nav, Reply

if TYPE_CHECKING:
    from bocareer.typingtest import Result as TestResult

_SKIP, _BACK, _QUIT = "__skip__", "__back__", "__quit__"


#: Where what the person has done may come from: not only a job, so that a graduate or someone
#: back from a break answers as honestly as someone in work.
WHERE = "in a job, in study or training, or as a volunteer"
#: The first question of the quick quiz.
AREAS_QUESTION = f"Which kinds of work have you done \N{EM DASH} {WHERE}?"
#: The checklist question for each level a tick means.
CHECKLIST_QUESTIONS = {
    2: f"Which of these have you done on your own \N{EM DASH} {WHERE}?",
    3: "Which of these do you do well: reliably, without help, and often?",
    4: "Which of these do you handle at an advanced level: the complex or escalated cases, "
    "and work others rely on?",
    5: "Which of these could you teach others, or set the standards and procedures for?",
}


def terminal_available() -> bool:
    """True when both stdin and stdout are a terminal: questionary needs both.

    Without one, questionary silently picks the first choice, which would invent answers.
    """
    return (
        sys.stdin is not None
        and sys.stdout is not None
        and sys.stdin.isatty()
        and sys.stdout.isatty()
    )


class QuestionaryAsker:
    """Asks with arrow-key menus; ``input``/``output`` let tests drive it through a pipe."""

    def __init__(self, input: Any = None, output: Any = None, typing_seconds: int = 60) -> None:
        self.input = input
        self.output = output
        self.typing_seconds = typing_seconds

    def _select(
        self, message: str, choices: list[Any], instruction: str, default: Any = None
    ) -> Any:
        import questionary

        question = questionary.select(
            message,
            choices=choices,
            instruction=instruction,
            input=self.input,
            output=self.output,
            qmark="?",
            default=default,
        )
        return _ask(question)

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        """Ask for a rating, offering that skill's own level descriptions; a level the starting
        job suggests is marked and selected, so Enter keeps it."""
        from questionary import Choice, Separator

        def mark(level: int) -> str:
            return "  (from your job: Enter keeps it)" if level == assumed else ""

        choices: list[Any] = [Choice(f"0  I have not done this{mark(0)}", value=0)]
        choices += [
            Choice(_wrapped(f"{i}  {_one_line(text)}{mark(i)}", 6), value=i)
            for i, text in enumerate(skill.levels, 1)
        ]
        default = choices[assumed] if assumed is not None and 0 <= assumed <= 5 else None
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
        picked = self._select(message, choices, "(arrow keys, then Enter)", default)
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

    def measure(self, skill: Skill, claimed: int) -> TestResult | Nav | None:
        """Offer the typing test for a claim of ``claimed``; show its figures when taken."""
        import random

        from bocareer.output.console import message
        from bocareer.tty.typing import run_test
        from bocareer.typingtest import passage

        picked = self.choose(
            f"{_one_line(skill.name)} can be measured instead of claimed: a "
            f"{self.typing_seconds}-second typing test. The level it shows replaces your "
            f"rating of {claimed}.",
            [("test", "Take the test now"), ("skip", "Keep my rating"), ("quit", "Quit for now")],
        )
        if picked == "quit":
            return Nav.QUIT
        if picked != "test":
            return None
        message(
            f"Type the text below as fast and as accurately as you can; you have "
            f"{self.typing_seconds} seconds from your first key."
        )
        seed = random.randrange(1 << 30)
        result = run_test(
            passage(False, seed, self.typing_seconds),
            seconds=float(self.typing_seconds),
            numbers=False,
            input=self.input,
            output=self.output,
        )
        from bocareer.typingtest import MIN_CHARACTERS, MIN_SECONDS, enough, level

        if result is None:
            message("Typing test stopped before the first key: your rating is kept.")
        elif not enough(result):
            message(
                f"Too short to measure ({result.seconds:.1f} s, {result.typed} characters; at "
                f"least {MIN_SECONDS:g} s and {MIN_CHARACTERS} are needed): your rating is kept."
            )
        else:
            message(
                f"Measured: {result.net_wpm:.0f} net words per minute at "
                f"{result.accuracy:.0f}% accuracy: level {level(skill, result)}, which replaces "
                f"your rating of {claimed}."
            )
        return result

    def areas(
        self, areas: Sequence[Area], total: int, suggested: Collection[str] = ()
    ) -> list[str] | Nav:
        """Which kinds of work the person has done, in a job, in study or training, or as a
        volunteer: any number, or none (Space picks, Enter goes on)."""
        import questionary
        from questionary import Choice

        choices = [
            Choice(_wrapped(_one_line(a.label), 4, 7), value=a.id, checked=a.id in suggested)
            for a in areas
        ]
        hint = "; the ticked ones are your job's" if suggested else ""
        question = questionary.checkbox(
            _wrapped(f"Question 1 of about {total}: {AREAS_QUESTION}", 2),
            choices=choices,
            instruction="\n  "
            + _wrapped(f"(Space ticks or unticks, Enter goes on; none is fine too{hint})", 2),
            input=self.input,
            output=self.output,
            qmark="?",
        )
        picked = _ask(question)
        return [str(p) for p in picked or []]

    def checklist(
        self,
        skills: Sequence[Skill],
        number: int,
        total: int,
        level: int,
        suggested: Collection[str] = (),
    ) -> list[str] | Nav:
        """Which of these skills the person has at ``level`` (2: done on their own, 3: do well,
        4: advanced): any number, or none; those the starting job suggests come ticked."""
        import questionary
        from questionary import Choice

        what = CHECKLIST_QUESTIONS[min(max(level, 2), 5)]
        choices = [
            Choice(
                _wrapped(f"{_one_line(s.name)}: {_one_line(s.description)}", 4, 7),
                value=s.id,
                checked=s.id in suggested,
            )
            for s in skills
        ]
        hint = "; the ticked ones are what your job suggests" if suggested else ""
        question = questionary.checkbox(
            _wrapped(f"Question {number} of about {total}: {what}", 2),
            choices=choices,
            instruction="\n  "
            + _wrapped(f"(Space ticks or unticks, Enter goes on; none is fine too{hint})", 2),
            input=self.input,
            output=self.output,
            qmark="?",
        )
        return [str(p) for p in _ask(question) or []]

    def choose(self, message: str, options: Sequence[tuple[str, str]]) -> str:
        """One of several (value, label) options, such as the occupations a title fits."""
        from questionary import Choice

        choices = [Choice(_wrapped(_one_line(label), 4), value=value) for value, label in options]
        return str(self._select(_wrapped(message, 2), choices, "(arrow keys, then Enter)"))

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


def _wrapped(text: str, indent: int, margin: int = 4) -> str:
    """``text`` wrapped to the terminal, continuation lines indented: a level description on a
    60-column terminal is read in full, not cut at the edge."""
    import shutil
    import textwrap

    # Room for questionary's pointer ("» ", and "○ " in a checklist): prompt_toolkit cuts a
    # line that runs past the edge instead of wrapping it, so a character would be lost.
    width = max(20, shutil.get_terminal_size((80, 24)).columns - margin)
    return (
        "\n".join(
            textwrap.wrap(text, width=width, subsequent_indent=" " * indent, break_on_hyphens=False)
        )
        or text
    )
