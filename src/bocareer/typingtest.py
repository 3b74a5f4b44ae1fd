"""The typing test, measured rather than claimed: passages, the arithmetic, and the level.

Definitions (the ones typing tests use):

- a **word** is five characters, spaces included;
- an **uncorrected error** is one character change (a wrong, missing or extra character) needed
  to turn what is left typed into the passage up to that point;
- **gross words per minute** = characters typed / 5 / minutes;
- **net words per minute** = gross - uncorrected errors per minute;
- **accuracy** = characters right / characters typed (uncorrected errors only), and **accuracy
  counting corrections** = keystrokes that were right when typed / all keystrokes (a mistake
  fixed with Backspace still counts against it);
- with ``numbers``, **keystrokes per hour** = correct keystrokes (digits and Enter) per hour.

The level is the highest level of the knowledge base's measured skill (typing) whose thresholds
the figures meet: net words per minute (or keystrokes per hour) and accuracy. Pure: the terminal
part is :mod:`bocareer.tty.typing`.
"""

from __future__ import annotations

import random
from typing import NamedTuple

from bocareer.models import KnowledgeBase, Skill
from bocareer.results import SkillRef, TypingResult

#: Passages of ordinary back-office text (invented names and figures).
PASSAGES = (
    "Please find attached the invoice for the office supplies delivered on 12 March. The total "
    "of 18,450 includes tax and the delivery charge. Kindly arrange payment within thirty days "
    "and quote the order number on your remittance. If any item is missing or damaged, reply to "
    "this message with the details and we will send a replacement at no extra cost.",
    "The new employee starts on Monday in the accounts team. Her access card, laptop and e-mail "
    "account must be ready by nine in the morning. The induction covers safety, the leave policy "
    "and the expense system. Her manager will review her first month and agree targets for the "
    "quarter, which will then be recorded in the personnel file.",
    "Customer records must be checked against the signed application form before they are "
    "approved. Look for missing signatures, dates of birth that do not match the identity "
    "document, and addresses without a postal code. Any record that fails a check is returned to "
    "the branch with a short note saying what needs to be corrected and by when.",
    "Stock was counted in the main warehouse on Friday evening. Three items showed a difference "
    "from the system: twelve boxes of printer paper, four toner cartridges and two office chairs. "
    "The store keeper will recount them on Monday, and any difference that remains will be "
    "reported to the finance team for approval before the records are adjusted.",
)
#: Numbers for the numeric keypad test: at least this many lines.
NUMBERS = 40


class Result(NamedTuple):
    """What a typing test measured."""

    numbers: bool
    seconds: float
    """How long the test ran: the limit, or less when the passage was finished or Esc pressed."""
    typed: int
    """Characters left typed at the end."""
    errors: int
    """Uncorrected errors: character changes between what is typed and the passage (Tally)."""
    keystrokes: int
    """Every character key pressed (corrections included)."""
    wrong_keystrokes: int
    """Keystrokes that were wrong when typed (even if corrected later)."""

    @property
    def minutes(self) -> float:
        """The test's length in minutes."""
        return max(self.seconds, 1e-9) / 60

    @property
    def gross_wpm(self) -> float:
        """Characters typed / 5 / minutes."""
        return self.typed / 5 / self.minutes

    @property
    def net_wpm(self) -> float:
        """Gross words per minute less uncorrected errors per minute (never below 0)."""
        return max(0.0, self.gross_wpm - self.errors / self.minutes)

    @property
    def accuracy(self) -> float:
        """Characters right / characters typed, in per cent."""
        return 100.0 * (self.typed - self.errors) / self.typed if self.typed else 0.0

    @property
    def accuracy_all(self) -> float:
        """Keystrokes right when typed / all keystrokes, in per cent (corrections count)."""
        if not self.keystrokes:
            return 0.0
        return 100.0 * (self.keystrokes - self.wrong_keystrokes) / self.keystrokes

    @property
    def kph(self) -> float:
        """Correct keystrokes per hour."""
        return (self.typed - self.errors) / (self.minutes / 60)


def passage(numbers: bool, seed: int, seconds: float = 60.0) -> str:
    """The text to type, long enough that even a very fast typist (180 words a minute, or
    15,000 keystrokes an hour) does not finish it before ``seconds``: passages in a seeded
    order, or lines of numbers for the numeric keypad."""
    rng = random.Random(seed)
    if numbers:
        lines = max(NUMBERS, int(seconds * 15_000 / 3600 / 7) + 5)
        return "\n".join(str(rng.randrange(10_000, 10_000_000)) for _ in range(lines))
    order = list(PASSAGES)
    rng.shuffle(order)
    text = " ".join(order)
    while len(text) < seconds * 15:
        text += " " + " ".join(order)
    return text


class Tally:
    """Uncorrected errors as the person types: the fewest one-character changes (insertions,
    deletions, substitutions) that turn the typed text into the passage up to that point.

    So a letter left out is one error, not a red line to the end. Kept as one row of the edit
    distance table per typed character, within a band of the diagonal (a person is never
    ``BAND`` characters out of step), so a key costs O(BAND) and Backspace pops a row.
    """

    BAND = 32

    def __init__(self, target: str) -> None:
        self.target = target
        self.rows: list[tuple[int, list[int]]] = [(0, list(range(min(len(target), self.BAND) + 1)))]

    @property
    def errors(self) -> int:
        """Uncorrected errors in what is typed now."""
        return min(self.rows[-1][1])

    def push(self, char: str) -> bool:
        """Add a typed character; True when it added an error."""
        before = self.errors
        i = len(self.rows)
        plo, prow = self.rows[-1]
        hi = min(len(self.target), i + self.BAND)
        lo = max(0, min(i - self.BAND, hi))
        far = i + len(self.target) + 1

        def prev(j: int) -> int:
            return prow[j - plo] if plo <= j < plo + len(prow) else far

        row: list[int] = []
        for j in range(lo, hi + 1):
            best = prev(j) + 1
            if j > 0:
                best = min(best, prev(j - 1) + (self.target[j - 1] != char))
                if row:
                    best = min(best, row[-1] + 1)
            row.append(best)
        self.rows.append((lo, row))
        return self.errors > before

    def pop(self) -> None:
        """Backspace: forget the last typed character."""
        if len(self.rows) > 1:
            self.rows.pop()


def count(target: str, typed: str) -> int:
    """Uncorrected errors in ``typed`` against the passage (see :class:`Tally`)."""
    tally = Tally(target)
    for char in typed:
        tally.push(char)
    return tally.errors


#: A test gives a level only after this long ...
MIN_SECONDS = 30.0
#: ... and this many characters (or keystrokes): a two-second burst is no measure of speed.
MIN_CHARACTERS = 100


def enough(result: Result) -> bool:
    """Whether the test ran long enough to give a level."""
    return result.seconds >= MIN_SECONDS and result.typed >= MIN_CHARACTERS


def measured_skill(kb: KnowledgeBase) -> Skill | None:
    """The knowledge base's skill with measured thresholds (typing), if any."""
    return next((s for s in kb.skills.values() if s.measured), None)


def level(skill: Skill, result: Result) -> int:
    """The highest level of ``skill`` whose thresholds ``result`` meets (0 if none)."""
    reached = 0
    for lv, need in sorted(skill.measured.items()):
        speed = result.kph if result.numbers else result.net_wpm
        wanted = need.kph if result.numbers else need.net_wpm
        if wanted is None:
            continue
        if speed >= wanted and result.accuracy >= (need.accuracy or 0.0):
            reached = lv
        else:
            break
    return reached


def thresholds(skill: Skill, reached: int) -> str:
    """What level ``reached`` asks, in the test's own terms: only what was measured."""
    need = skill.measured.get(reached)
    if need is None:
        return ""
    return (
        f"at least {need.net_wpm:g} net words per minute at {need.accuracy:g}% accuracy, or "
        f"{need.kph:,.0f} numeric keystrokes an hour"
    )


def outcome(kb: KnowledgeBase, result: Result, limit: float) -> TypingResult:
    """The ``typing`` command's result: the figures and the knowledge base's level for them."""
    skill = measured_skill(kb)
    reached = level(skill, result) if skill is not None and enough(result) else None
    return TypingResult(
        figures=result,
        limit=limit,
        skill=SkillRef(skill.id, skill.name) if skill is not None else None,
        level=reached,
        level_text=thresholds(skill, reached) if skill is not None and reached else "",
    )
