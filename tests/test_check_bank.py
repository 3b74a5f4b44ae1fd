"""The shipped check questions test what they claim to test and cannot be guessed."""

from __future__ import annotations

from collections import Counter

from bocareer.kb.load import load, shipped_path
from bocareer.models import Check, KnowledgeBase

KB: KnowledgeBase = load(shipped_path())
#: Skills no multiple-choice question can test: typing is measured by the typing test instead,
#: and listening and speaking is shown in conversation, not by choosing an option (a question
#: about it tests knowing the right words, not doing it).
UNTESTABLE = {"typing", "interpersonal-communication"}


def _longest_is_right(check: Check) -> bool:
    lengths = sorted((len(o) for o in check.options), reverse=True)
    return len(check.answer) == lengths[0] and lengths[0] > lengths[1]


def test_the_right_answer_is_the_longest_option_in_a_third_or_fewer() -> None:
    """A test-wise guesser who picks the longest option is right at most a third of the time."""
    share = sum(map(_longest_is_right, KB.checks)) / len(KB.checks)
    assert share <= 1 / 3, share


def test_every_testable_skill_has_two_questions_one_at_level_3_or_above() -> None:
    by_skill: dict[str, list[Check]] = {}
    for check in KB.checks:
        by_skill.setdefault(check.skill, []).append(check)
    assert set(KB.skills) - set(by_skill) == UNTESTABLE
    for skill, bank in by_skill.items():
        assert len(bank) >= 2, skill
        assert max(c.level for c in bank) >= 3, skill


def test_each_question_says_the_level_it_tests_and_why_its_answer_is_right() -> None:
    for check in KB.checks:
        assert 1 <= check.level <= 5, check.question
        assert check.why, check.question
        assert check.answer in check.options
        assert len(set(check.options)) == len(check.options) >= 3, check.question


def test_the_bank_reaches_the_higher_levels() -> None:
    """Most claims worth checking are 3 or 4: the bank has many questions there, not only the
    level-1 and level-2 basics."""
    levels = Counter(c.level for c in KB.checks)
    assert levels[3] + levels[4] + levels[5] >= len(KB.checks) // 2, levels


def test_no_question_is_asked_twice() -> None:
    questions = [c.question for c in KB.checks]
    assert len(questions) == len(set(questions))
