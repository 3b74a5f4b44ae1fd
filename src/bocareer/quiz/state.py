"""What a quiz holds and how it talks to the person: the state saved after every answer, the
Asker protocol every way of asking implements, and how a run ended."""

from __future__ import annotations

import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, NamedTuple, Protocol

from bocareer.models import Area, Check, Skill
from bocareer.quiz.selector import Mode, bounded_level

if TYPE_CHECKING:
    from bocareer.typingtest import Result as TestResult


class Nav(Enum):
    """Answers that are not ratings."""

    BACK = "back"
    QUIT = "quit"


#: What an Asker returns for a rating question: 0-5, None for "not sure", or a navigation.
Reply = int | None | Nav


class Asker(Protocol):
    """Asks the person; implemented by tty.asker.QuestionaryAsker, FileAsker and test fakes."""

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        """Ask for a rating of ``skill``: question ``number`` of about ``total``; ``assumed`` is
        the level a starting job suggests, which one key accepts."""

    def check(self, check: Check) -> str | Nav:
        """Ask a check question; return the chosen option."""

    def areas(
        self, areas: Sequence[Area], total: int, suggested: Collection[str] = ()
    ) -> list[str] | Nav:
        """Ask which kinds of work the person has done, in a job, in study or training, or as
        a volunteer (``suggested``: those the starting job shows, shown ticked); return the
        area ids chosen."""

    def measure(self, skill: Skill, claimed: int) -> TestResult | Nav | None:
        """Offer a test of ``skill`` (typing) for a claim of ``claimed``; None if declined."""

    def checklist(
        self,
        skills: Sequence[Skill],
        number: int,
        total: int,
        level: int,
        suggested: Collection[str] = (),
    ) -> list[str] | Nav:
        """Ask which of ``skills`` the person has at ``level`` or more (2: "done on my own",
        3: "do it well", 4: "advanced"); ``suggested`` are the ones a starting job suggests,
        shown ticked so Enter accepts them. Return the ids ticked."""


class Round(NamedTuple):
    """One checklist question: "which of these do you have at ``level`` or more?"."""

    level: int
    offered: list[str]
    ticked: list[str]


@dataclass
class QuizState:
    """Everything needed to resume a quiz: saved after every answer."""

    mode: Mode = Mode.QUICK
    family: str | None = None
    verify: bool = False
    answers: dict[str, int | None] = field(default_factory=dict)
    """Skill -> rating 0-5, or None for "not sure"; in the order asked."""
    checked: dict[str, bool] = field(default_factory=dict)
    """Skill -> whether the person answered its check question correctly."""
    areas: list[str] | None = None
    """The kinds of work chosen in the first question (None: not asked)."""
    rounds: list[Round] | None = None
    """The checklist questions asked (None: not yet): each the level ticking means, the skills
    offered and those ticked. A ticked skill counts at that level until it is rated."""
    start: str | None = None
    """The starting job (a role id or an O*NET-SOC code), when there is one."""
    assumed: dict[str, tuple[int, bool]] = field(default_factory=dict)
    """Skill -> (level the starting job suggests, whether it is sure)."""
    seed: int = field(default_factory=lambda: random.randrange(1 << 30))
    """Orders check questions and their options (fixed, so a resumed quiz asks the same)."""
    shown_total: int | None = None
    """The first "of about N" shown; later estimates stay within SLACK of it, and so does the
    number of questions asked."""
    save: str | None = None
    """Where the finished quiz's answers are to be written (``--save``), remembered for
    ``--resume``."""
    measured: dict[str, dict[str, float]] = field(default_factory=dict)
    """Skill -> what a test measured: ``claimed`` and ``level`` (the rating becomes the level),
    and the figures."""

    @property
    def ticked(self) -> dict[str, int]:
        """Skill -> the highest level it was ticked at in a checklist."""
        return {s: low for s, (low, _) in self.bounds.items() if low}

    @property
    def given(self) -> dict[str, int | None]:
        """Everything the person told the quiz, for judging whether it carries a signal: the
        ratings (None when skipped) and the levels ticked in the checklists."""
        return {**self.ticked, **self.answers}

    @property
    def blank(self) -> bool:
        """Nothing answered yet (stopped at the first question): nothing to lose."""
        return self.opening == 0 and not self.answers

    @property
    def opening(self) -> int:
        """How many opening questions were answered: the kinds of work, and the checklists."""
        return (self.areas is not None) + sum(1 for r in self.rounds or () if r.offered)

    @property
    def bounds(self) -> dict[str, tuple[int, int]]:
        """Skill -> (lowest, highest) level the checklists allow: ticked at L means L or more,
        offered at L and left unticked means L - 1 at most."""
        out: dict[str, tuple[int, int]] = {}
        for level, offered, ticked in self.rounds or ():
            picked = set(ticked)
            for s in offered:
                low, high = out.get(s, (0, 5))
                out[s] = (max(low, level), high) if s in picked else (low, min(high, level - 1))
        return out

    @property
    def ratings(self) -> dict[str, int]:
        """The ratings the quiz ends with: answered, else what the starting job and the
        checklists give (:func:`~bocareer.quiz.selector.bounded_level`)."""
        bounds = self.bounds
        out: dict[str, int] = {}
        for s in dict.fromkeys([*bounds, *self.assumed]):
            low, high = bounds.get(s, (0, 5))
            assumed = self.assumed[s][0] if s in self.assumed else None
            if value := bounded_level(low, high, assumed):
                out[s] = value
        out.update({s: v for s, v in self.answers.items() if v is not None})
        return out

    @property
    def assumed_kept(self) -> list[str]:
        """Skills rated above 0 without being rated one by one: from the starting job or the
        checklists."""
        return [s for s, v in self.ratings.items() if v > 0 and self.answers.get(s) is None]

    @property
    def missed(self) -> list[str]:
        """Skills whose check question was missed."""
        return [s for s, ok in self.checked.items() if not ok]

    def answers_extra(self) -> dict[str, object]:
        """What an answers file keeps beside the ratings: skips, checks, the starting job and
        which ratings were assumed from it."""
        return {
            "from": self.start,
            "assumed": self.assumed_kept,
            "areas": self.areas,
            "ticked": list(self.ticked),
            "skipped": [s for s, v in self.answers.items() if v is None],
            "asked": list(self.answers),
            "checks": dict(self.checked),
            "measured": {k: dict(v) for k, v in self.measured.items()} or None,
            "family": self.family,
        }

    def to_dict(self) -> dict[str, object]:
        """The saved form (the answers-file format plus what resuming needs)."""
        return {
            "ratings": {s: v for s, v in self.answers.items() if v is not None},
            "skipped": [s for s, v in self.answers.items() if v is None],
            "asked": list(self.answers),
            "mode": self.mode.value,
            "family": self.family,
            "verify": self.verify,
            "checks": dict(self.checked),
            "areas": self.areas,
            "rounds": None
            if self.rounds is None
            else [[level, offered, ticked] for level, offered, ticked in self.rounds],
            "shown_total": self.shown_total,
            "from": self.start,
            "assumed": {s: [level, sure] for s, (level, sure) in self.assumed.items()},
            "seed": self.seed,
            "save": self.save,
            "measured": {k: dict(v) for k, v in self.measured.items()},
        }


@dataclass
class Outcome:
    """How a quiz run ended."""

    state: QuizState
    finished: bool
    """False when the person chose to quit; the state holds what they answered."""
