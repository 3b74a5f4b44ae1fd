"""The typing test: its arithmetic, its levels, the screen driven through a pipe with a clock the
test controls, the `typing` command, and the measured rating in `quiz --verify`."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result as CliResult

from bocareer.kb.load import load, shipped_path
from bocareer.models import KnowledgeBase
from bocareer.quiz.flow import QuizState, run
from bocareer.quiz.selector import Mode
from bocareer.tty import typing as screen
from bocareer.tty.asker import QuestionaryAsker
from bocareer.typingtest import (
    MIN_SECONDS,
    PASSAGES,
    Result,
    count,
    level,
    measured_skill,
    passage,
)

SHIPPED: KnowledgeBase = load(shipped_path())
TYPING = SHIPPED.skills["typing"]
ESC = "\x1b"
BACKSPACE = "\x7f"
Invoke = Callable[..., CliResult]


class Clock:
    """A clock that moves ``step`` seconds each time it is read."""

    def __init__(self, step: float) -> None:
        self.now, self.step = 1000.0, step

    def __call__(self) -> float:
        self.now += self.step
        return self.now


def typed(keys: str, *, seconds: float = 60, numbers: bool = False, step: float = 0.01,
          target: str = PASSAGES[0]) -> Result | None:  # fmt: skip
    """Run the screen on ``keys`` with a fake clock (read only at keys)."""
    with create_pipe_input() as inp:
        inp.send_text(keys)
        return screen.run_test(
            target, seconds=seconds, numbers=numbers, clock=Clock(step), tick=None,
            input=inp, output=DummyOutput(),
        )  # fmt: skip


# -- the arithmetic ------------------------------------------------------------------------


def test_the_figures_follow_the_definitions() -> None:
    """300 characters in a minute with 5 left wrong: 60 gross, 55 net, 98.3% accurate; 320
    keys pressed, 25 of them wrong when pressed: 92.2% counting corrections."""
    r = Result(numbers=False, seconds=60, typed=300, errors=5, keystrokes=320, wrong_keystrokes=25)
    assert r.gross_wpm == pytest.approx(60)
    assert r.net_wpm == pytest.approx(55)
    assert r.accuracy == pytest.approx(98.333, abs=0.01)
    assert r.accuracy_all == pytest.approx(92.1875)
    assert r.kph == pytest.approx(295 * 60)


def test_net_speed_never_goes_below_zero() -> None:
    r = Result(numbers=False, seconds=60, typed=50, errors=40, keystrokes=50, wrong_keystrokes=40)
    assert r.net_wpm == 0


@pytest.mark.parametrize(
    ("text", "errors"),
    [
        ("Please find attached", 0),
        ("Please fnid attached", 2),  # two letters swapped: two changes
        ("Please find atached", 1),  # a letter left out: one error, not the rest of the line
        ("Please finnd attached", 1),  # a letter doubled
        ("Plaese find attached", 2),
        ("Xlease find attached", 1),
    ],
)
def test_uncorrected_errors_are_character_changes(text: str, errors: int) -> None:
    assert count(PASSAGES[0], text) == errors


@settings(deadline=None, max_examples=60)
@given(st.integers(min_value=0, max_value=160), st.data())
def test_a_right_prefix_has_no_errors_and_a_change_costs_at_most_one(
    cut: int, data: st.DataObject
) -> None:
    prefix = PASSAGES[1][:cut]
    assert count(PASSAGES[1], prefix) == 0
    if cut:
        at = data.draw(st.integers(min_value=0, max_value=cut - 1))
        changed = prefix[:at] + "#" + prefix[at + 1 :]
        assert count(PASSAGES[1], changed) == 1
        dropped = prefix[:at] + prefix[at + 1 :]
        assert count(PASSAGES[1], dropped) <= 1


def test_the_passage_outlasts_a_fast_typist() -> None:
    """At 180 words a minute a person types 15 characters a second: the text is longer."""
    for seconds in (15, 60, 600):
        assert len(passage(False, 1, seconds)) >= seconds * 15
        lines = passage(True, 1, seconds).split("\n")
        assert len("\n".join(lines)) >= seconds * 15_000 / 3600
        assert all(line.isdigit() for line in lines)
    assert passage(False, 7) == passage(False, 7)


@pytest.mark.parametrize(
    ("net", "accuracy", "expected"),
    [(19, 99, 0), (20, 90, 1), (35, 99, 2), (45, 96, 3), (45, 95.9, 2), (60, 98, 4), (90, 99, 5)],
)
def test_the_level_is_the_highest_whose_speed_and_accuracy_are_met(
    net: float, accuracy: float, expected: int
) -> None:
    """The shipped typing levels: 20/30/40/55/70 net wpm at 90/94/96/98/99% accuracy."""
    typed_chars = 1000
    errors = round(typed_chars * (100 - accuracy) / 100)
    seconds = 60 * (typed_chars / 5 - errors) / net
    r = Result(False, seconds, typed_chars, errors, typed_chars, errors)
    assert r.net_wpm == pytest.approx(net, rel=0.01)
    assert level(TYPING, r) == expected


def test_numbers_are_levelled_by_keystrokes_per_hour() -> None:
    r = Result(True, 60, 140, 2, 140, 2)  # 138 right in a minute: 8,280 an hour
    assert level(TYPING, r) == 3
    assert measured_skill(SHIPPED) is TYPING


# -- the screen, through a pipe ------------------------------------------------------------


def test_typing_the_passage_right_is_100_percent_accurate() -> None:
    keys = PASSAGES[0][:100]
    r = typed(keys + ESC)
    assert r is not None
    assert (r.typed, r.errors, r.keystrokes, r.wrong_keystrokes) == (100, 0, 100, 0)
    assert r.accuracy == r.accuracy_all == 100
    assert 0 < r.seconds < 60


def test_a_corrected_mistake_counts_only_in_the_stricter_accuracy() -> None:
    keys = "Plx" + BACKSPACE + "ease find" + ESC
    r = typed(keys)
    assert r is not None
    assert (r.typed, r.errors, r.keystrokes, r.wrong_keystrokes) == (11, 0, 12, 1)
    assert r.accuracy == 100
    assert r.accuracy_all == pytest.approx(100 * 11 / 12)


def test_keys_after_the_time_limit_are_not_counted() -> None:
    """Each key reads the clock a fixed number of times; at 0.5 s a read, a 15-second test
    ends long before 200 keys, and its length is the limit."""
    r = typed(PASSAGES[0][:200], seconds=15, step=0.5)
    assert r is not None
    assert 0 < r.typed < 200
    assert r.seconds == 15


def test_the_test_ends_at_the_end_of_the_passage() -> None:
    r = typed("abc", target="abc")
    assert r is not None
    assert (r.typed, r.errors) == (3, 0)
    assert r.seconds < 60


def test_enter_types_a_line_break_only_in_the_numbers_test() -> None:
    r = typed("123\r45" + ESC, numbers=True, target="123\n456\n")
    assert r is not None
    assert (r.typed, r.errors) == (6, 0)
    r = typed("ab\rc" + ESC, target="abc")
    assert r is not None
    assert (r.typed, r.errors) == (3, 0)


def test_esc_before_the_first_key_measures_nothing() -> None:
    assert typed(ESC) is None


def test_ctrl_c_interrupts() -> None:
    with pytest.raises(KeyboardInterrupt):
        typed("Ple\x03")


def test_the_real_clock_ends_the_test_without_a_key() -> None:
    """With the real clock the screen stops itself at the limit while nobody types."""
    with create_pipe_input() as inp:
        inp.send_text("Plea")
        began = time.monotonic()
        r = screen.run_test(
            PASSAGES[0], seconds=0.3, numbers=False, input=inp, output=DummyOutput()
        )
    assert r is not None
    assert r.typed == 4
    assert r.seconds == pytest.approx(0.3)
    assert time.monotonic() - began < 5


def test_lines_break_at_spaces_and_keep_every_character() -> None:
    text = passage(False, 3)
    lines = screen.lines_of(text, 40)
    assert "".join(text[a:b] for a, b in lines) == text
    assert all(b - a <= 41 for a, b in lines)
    assert all(text[b - 1] == " " for a, b in lines[:-1])


# -- the command ---------------------------------------------------------------------------


def test_typing_needs_a_terminal(invoke: Invoke) -> None:
    result = invoke(["typing", "--json"])
    assert result.exit_code == 2
    assert "needs a terminal" in result.stderr
    assert json.loads(result.stdout)["error"]["code"] == "no-terminal"


def test_typing_reports_figures_as_json_and_no_level_for_a_burst(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command through CliRunner with the keys coming from a pipe: 150 characters typed
    right in a fraction of a second, then Esc. The figures are given; a level is not (a short
    burst is no measure of speed)."""
    monkeypatch.setattr(screen, "screen", DummyOutput)
    text = passage(False, 5, 60)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(text[:150] + ESC)
        result = invoke(["typing", "--json", "--seed", "5"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert (doc["mode"], doc["characters"], doc["uncorrected_errors"]) == ("words", 150, 0)
    assert doc["accuracy"] == 100.0
    assert doc["skill"] == "typing"
    assert doc["seconds"] < MIN_SECONDS
    assert doc["level"] is None
    shown = None
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(text[:150] + ESC)
        shown = invoke(["typing", "--seed", "5"])
    assert "Too short to give a level" in " ".join(shown.stdout.split())


def test_a_long_enough_test_gives_a_level(invoke: Invoke, monkeypatch: pytest.MonkeyPatch) -> None:
    """With a clock the test controls (0.2 s a read), 150 characters run past 30 seconds: the
    level is the one the figures reach."""
    monkeypatch.setattr(screen, "screen", DummyOutput)
    ticks = iter(range(100_000))
    monkeypatch.setattr(screen, "CLOCK", lambda: next(ticks) * 0.2)
    text = passage(False, 5, 60)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(text[:150] + ESC)
        result = invoke(["typing", "--json", "--seed", "5"])
    doc = json.loads(result.stdout)
    assert doc["seconds"] >= MIN_SECONDS, doc
    typed, errors = doc["characters"], doc["uncorrected_errors"]
    assert typed >= 100
    figures = Result(False, doc["seconds"], typed, errors, doc["keystrokes"], errors)
    assert doc["level"] == level(TYPING, figures)


def test_typing_stopped_before_a_key_is_an_error(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(screen, "screen", DummyOutput)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(ESC)
        result = invoke(["typing"])
    assert result.exit_code == 1
    assert "nothing was measured" in result.stderr


@pytest.mark.parametrize("seconds", ["5", "29", "601", "x"])
def test_typing_rejects_a_bad_length(invoke: Invoke, seconds: str) -> None:
    result = invoke(["typing", "--seconds", seconds])
    assert result.exit_code == 2
    assert "--seconds" in result.stderr


# -- the measured rating in the quiz -------------------------------------------------------


class MeasuringAsker:
    """Rates typing 4 and everything else 0, and takes the typing test (38 net wpm, 97%)."""

    def __init__(self) -> None:
        self.offered: list[tuple[str, int]] = []

    def rate(self, skill, number, total, can_go_back, assumed=None):  # type: ignore[no-untyped-def]
        return 4 if skill.id == "typing" else 0

    def check(self, check):  # type: ignore[no-untyped-def]
        return check.answer

    def areas(self, areas, total, suggested=()):  # type: ignore[no-untyped-def]
        return []

    def checklist(self, skills, number, total, level, suggested=()):  # type: ignore[no-untyped-def]
        return []

    def measure(self, skill, claimed):  # type: ignore[no-untyped-def]
        self.offered.append((skill.id, claimed))
        seconds = 60 * (1000 / 5 - 30) / 38
        return Result(False, seconds, 1000, 30, 1000, 30)


def test_verify_replaces_a_typing_claim_with_the_measured_level() -> None:
    asker = MeasuringAsker()
    state = QuizState(mode=Mode.FULL, verify=True)
    outcome = run(SHIPPED, asker, state)
    assert outcome.finished
    assert asker.offered == [("typing", 4)]
    assert state.answers["typing"] == 2  # 38 net wpm at 97% reaches level 2, not 4
    assert state.measured["typing"]["claimed"] == 4
    extra = state.answers_extra()
    assert extra["measured"] == {"typing": state.measured["typing"]}


def test_the_measured_rating_is_kept_in_the_answers_file_and_shown_by_match(
    tmp_path: Path, invoke: Invoke
) -> None:
    from bocareer import answers

    state = QuizState(mode=Mode.FULL, verify=True)
    run(SHIPPED, MeasuringAsker(), state)
    path = tmp_path / "me.yaml"
    answers.save(path, state.ratings, state.answers_extra())
    back = answers.read(str(path), SHIPPED)
    assert back.ratings["typing"] == 2
    assert back.measured == {"typing": (4, 2)}
    result = invoke(["match", "--answers", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["measured"] == [{"skill": "typing", "claimed": 4, "level": 2}]
    shown = invoke(["match", "--answers", str(path)])
    assert "rated 4, measured 2 by the typing test" in " ".join(shown.stdout.split())


def test_the_real_prompt_offers_the_test_and_takes_it() -> None:
    """QuestionaryAsker.measure: Enter on "Take the test now", type, then Esc a moment later
    (keys left over from the first prompt reach the test; a lone Esc waits for the next key,
    as it would at a keyboard)."""
    import threading

    with create_pipe_input() as inp:
        inp.send_text("\r" + PASSAGES[0][:20])
        later = threading.Timer(0.5, inp.send_text, [ESC])
        later.start()
        try:
            got = QuestionaryAsker(input=inp, output=DummyOutput(), typing_seconds=30).measure(
                TYPING, 3
            )
        finally:
            later.cancel()
    assert isinstance(got, Result)
    assert got.typed == 20
    assert got.seconds < 30


def test_a_test_too_short_keeps_the_claim() -> None:
    """--verify: a burst of a few seconds does not replace a claim of 3 with a measured 5."""

    class Burst(MeasuringAsker):
        def measure(self, skill, claimed):  # type: ignore[no-untyped-def]
            self.offered.append((skill.id, claimed))
            return Result(False, 3.0, 40, 0, 40, 0)  # 160 net wpm, for 3 seconds

    state = QuizState(mode=Mode.FULL, verify=True)
    run(SHIPPED, Burst(), state)
    assert state.answers["typing"] == 4
    assert "typing" not in state.measured


def test_the_real_prompt_can_keep_the_rating() -> None:
    with create_pipe_input() as inp:
        inp.send_text("\x1b[B\r")
        got = QuestionaryAsker(input=inp, output=DummyOutput()).measure(TYPING, 3)
    assert got is None
