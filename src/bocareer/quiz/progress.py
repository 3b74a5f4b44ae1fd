"""Quiz progress, kept in the user's state folder so an interrupted quiz can be resumed.

Saved atomically after every answer. Read back with the same care as an answers file: a progress
file that was edited, or that belongs to another knowledge base, is refused with what is wrong,
never trusted. One quiz at a time holds the progress: a second one started meanwhile is told so
instead of overwriting the first one's answers.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import IO, Any

from bocareer.errors import BocareerError, UsageError
from bocareer.files import atomic_write
from bocareer.models import KnowledgeBase
from bocareer.quiz.selector import Mode
from bocareer.quiz.state import QuizState, Round

ENV_STATE = "BOCAREER_STATE_DIR"
#: A progress file is small; anything larger is not one.
MAX_PROGRESS_BYTES = 1024 * 1024


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


def ensure_state_dir() -> Path:
    """The state folder, made if missing; a clear error if it cannot be."""
    folder = state_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise BocareerError(
            f"{folder}: the state folder is a file; move it, or set {ENV_STATE} to a folder"
        ) from None
    except OSError as exc:
        raise BocareerError(
            f"{folder}: the state folder cannot be made ({exc.strerror or exc}); "
            f"set {ENV_STATE} to a folder you can write"
        ) from None
    if not folder.is_dir():
        raise BocareerError(f"{folder}: the state folder is not a folder; set {ENV_STATE}")
    return folder


class Lock:
    """Holds the quiz progress for one quiz at a time (an advisory lock on a file beside it)."""

    def __init__(self) -> None:
        self.handle: IO[str] | None = None

    def __enter__(self) -> Lock:
        import fcntl

        path = ensure_state_dir() / "quiz.lock"
        self.handle = path.open("a", encoding="utf-8")
        try:
            fcntl.flock(self.handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.handle.close()
            self.handle = None
            raise UsageError(
                "another quiz is running with the same state folder; finish it first (or set "
                f"{ENV_STATE} to another folder)"
            ) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()  # closing releases the lock


def exists() -> bool:
    """Whether a paused quiz is waiting to be resumed."""
    return progress_path().is_file()


def save_progress(state: QuizState) -> None:
    """Save the quiz so far (an atomic write: a crash mid-write keeps the previous answers)."""
    ensure_state_dir()
    atomic_write(progress_path(), json.dumps(state.to_dict(), indent=2) + "\n")


def load_progress(kb: KnowledgeBase) -> QuizState:
    """The saved quiz, checked against the knowledge base; an error saying what is wrong."""
    from bocareer.kb.yamlload import read_bytes

    path = progress_path()
    if not path.exists():
        raise BocareerError("no quiz to resume; start one with `bocareer quiz`")
    try:
        data = json.loads(read_bytes(path, max_bytes=MAX_PROGRESS_BYTES).decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise BocareerError(f"{path}: the saved quiz cannot be read ({exc}); {_OVER}") from None
    except BocareerError as exc:
        raise BocareerError(f"{exc}; {_OVER}") from None
    problem = _problem(data, kb)
    if problem is not None:
        raise BocareerError(f"{path}: the saved quiz does not fit ({problem}); {_OVER}")
    ratings, skipped = data.get("ratings", {}), set(data.get("skipped", []))
    answers = {s: None if s in skipped else ratings.get(s, 0) for s in data.get("asked", [])}
    rounds = data.get("rounds")
    return QuizState(
        mode=Mode(data.get("mode", "quick")),
        family=data.get("family"),
        verify=data.get("verify", False),
        answers=answers,
        checked=dict(data.get("checks", {})),
        areas=data.get("areas"),
        rounds=None if rounds is None else [Round(lv, list(o), list(t)) for lv, o, t in rounds],
        start=data.get("from"),
        assumed={s: (lv, sure) for s, (lv, sure) in data.get("assumed", {}).items()},
        seed=data.get("seed", 0),
        save=data.get("save"),
        shown_total=data.get("shown_total"),
        measured={s: dict(m) for s, m in data.get("measured", {}).items()},
    )


_OVER = "start over with `bocareer quiz --restart`"


def _problem(data: Any, kb: KnowledgeBase) -> str | None:
    """What makes a progress file unusable with this knowledge base, or None."""
    if not isinstance(data, dict):
        return "expected a mapping"
    skills = kb.skills

    def skill_list(key: str) -> str | None:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(s, str) for s in value):
            return f"`{key}` must be a list of skill ids"
        unknown = [s for s in value if s not in skills]
        return f"unknown skill {unknown[0]!r} in `{key}`" if unknown else None

    def level(value: Any) -> bool:
        return type(value) is int and 0 <= value <= 5

    for key in ("asked", "skipped"):
        found = skill_list(key)
        if found:
            return found
    ratings = data.get("ratings", {})
    if not isinstance(ratings, dict):
        return "`ratings` must map skill ids to 0-5"
    for skill, value in ratings.items():
        if skill not in skills:
            return f"unknown skill {skill!r} in `ratings`"
        if not level(value):
            return f"rating for {skill!r} must be a whole number 0-5"
    checks = data.get("checks", {})
    if not isinstance(checks, dict) or not all(
        s in skills and isinstance(v, bool) for s, v in checks.items()
    ):
        return "`checks` must map skill ids to true or false"
    assumed = data.get("assumed", {})
    if not isinstance(assumed, dict) or not all(
        s in skills
        and isinstance(v, list)
        and len(v) == 2
        and level(v[0])
        and isinstance(v[1], bool)
        for s, v in assumed.items()
    ):
        return "`assumed` must map skill ids to [level 0-5, sure]"
    rounds = data.get("rounds")
    if rounds is not None and not (
        isinstance(rounds, list)
        and all(
            isinstance(r, list)
            and len(r) == 3
            and level(r[0])
            and all(isinstance(x, list) and all(s in skills for s in x) for x in r[1:])
            for r in rounds
        )
    ):
        return "`rounds` must list [level, offered skills, ticked skills]"
    measured = data.get("measured", {})
    if not isinstance(measured, dict) or not all(
        s in skills and isinstance(m, dict) and level(m.get("claimed")) and level(m.get("level"))
        for s, m in measured.items()
    ):
        return "`measured` must map skill ids to {claimed, level}"
    if data.get("mode", "quick") not in ("quick", "full"):
        return "`mode` must be quick or full"
    family = data.get("family")
    if family is not None and family not in kb.families:
        return f"unknown family {family!r}"
    areas = data.get("areas")
    known = {a.id for a in kb.areas}
    if areas is not None and not (isinstance(areas, list) and all(a in known for a in areas)):
        return "`areas` must list the knowledge base's quiz areas"
    for key, kind in (
        ("verify", bool), ("seed", int), ("from", str), ("save", str), ("shown_total", int)
    ):  # fmt: skip
        value = data.get(key)
        if value is not None and not isinstance(value, kind):
            return f"`{key}` has the wrong type"
    shown = data.get("shown_total")
    if shown is not None and (type(shown) is not int or shown < 1):
        # The first estimate shown: the quick quiz stops two questions above it.
        return "`shown_total` must be a whole number, 1 or more"
    return None


def clear_progress() -> None:
    """Forget the quiz in progress once it is finished."""
    progress_path().unlink(missing_ok=True)
