"""Quiz progress, kept in the user's state folder so an interrupted quiz can be resumed."""

from __future__ import annotations

import json
import os
from pathlib import Path

from bocareer.errors import BocareerError
from bocareer.files import atomic_write
from bocareer.quiz.flow import QuizState
from bocareer.quiz.selector import Mode

ENV_STATE = "BOCAREER_STATE_DIR"


def state_dir() -> Path:
    """$BOCAREER_STATE_DIR, else $XDG_STATE_HOME/bocareer, else ~/.local/state/bocareer."""
    explicit = os.environ.get(ENV_STATE)
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "bocareer"


def progress_path() -> Path:
    """Where the quiz in progress is saved after every answer."""
    return state_dir() / "quiz-progress.json"


def last_answers_path() -> Path:
    """Where the answers of the last finished quiz are kept (for `match --answers`)."""
    return state_dir() / "last-answers.yaml"


def save_progress(state: QuizState) -> None:
    """Save the quiz so far (an atomic write: a crash mid-write keeps the previous answers)."""
    folder = state_dir()
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(progress_path(), json.dumps(state.to_dict(), indent=2) + "\n")


def load_progress() -> QuizState:
    """The saved quiz, or an error saying there is none to resume."""
    path = progress_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise BocareerError("no quiz to resume; start one with `bocareer quiz`") from None
    except (OSError, ValueError) as exc:
        raise BocareerError(
            f"{path}: the saved quiz cannot be read ({exc}); start a new one"
        ) from None
    try:
        answers: dict[str, int | None] = {}
        ratings = data.get("ratings", {})
        skipped = set(data.get("skipped", []))
        for skill in data.get("asked", list(ratings)):
            answers[skill] = None if skill in skipped else int(ratings.get(skill, 0))
        return QuizState(
            mode=Mode(data.get("mode", "quick")),
            family=data.get("family"),
            verify=bool(data.get("verify", False)),
            answers=answers,
            checked={k: bool(v) for k, v in data.get("checks", {}).items()},
        )
    except (AttributeError, TypeError, ValueError) as exc:
        raise BocareerError(f"{path}: the saved quiz is damaged ({exc}); start a new one") from None


def clear_progress() -> None:
    """Forget the quiz in progress once it is finished."""
    progress_path().unlink(missing_ok=True)
