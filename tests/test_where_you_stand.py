"""Advice from where the person stands: their job is never a match, a step or a reason to
learn a step back, and the starting profile does not invent skills."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

from bocareer.kb.load import load
from bocareer.occupations.data import onet
from bocareer.occupations.profile import BROAD, from_occupation
from cli_asserts import json_out

KB = load()
Invoke = Callable[..., Result]


def _file(tmp: Path, doc: dict[str, Any]) -> str:
    path = tmp / "answers.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return str(path)


def test_own_job_by_code_is_never_a_match(invoke: Invoke, tmp_path: Path) -> None:
    """A stock clerk giving his O*NET code does not get inventory control clerk (the role on
    that code) as a match, in match or in the quiz from a file."""
    ratings = {"inventory-control": 4, "order-processing": 3, "logistics": 3, "record-keeping": 3}
    path = _file(tmp_path, {"ratings": ratings})
    for command in ("match", "quiz"):
        doc = json_out(invoke([command, "--answers", path, "--from", "43-5071.00", "--json"]))
        ids = [m["id"] for m in doc["matches"]]
        assert "inventory-control-clerk" not in ids
        assert all(m["similarity"] is not None for m in doc["matches"])
    plain = json_out(invoke(["match", "--answers", path, "--json"]))
    assert plain["matches"][0]["id"] == "inventory-control-clerk", "without the job it is a fit"
    assert plain["matches"][0]["similarity"] is None


def test_with_a_job_the_score_blends_similarity(invoke: Invoke, tmp_path: Path) -> None:
    """With --from, score = (1 - w) * skill_score + w * 100 * similarity, as the README says."""
    from bocareer.scoring import NEAR_WEIGHT, STEP_BACK

    path = _file(tmp_path, {"ratings": {"customer-service": 3, "billing-invoicing": 2}})
    doc = json_out(invoke(["match", "--answers", path, "--from", "41-2011.00", "--json"]))
    zone = doc["from_occupation"]["job_zone"]
    for m in doc["matches"]:
        blended = (1 - NEAR_WEIGHT) * m["skill_score"] + NEAR_WEIGHT * 100 * m["similarity"]
        blended *= STEP_BACK ** max(0, zone - m["preparation"])
        assert abs(m["score"] - blended) < 0.6


def test_gap_never_offers_the_current_job_as_a_step(invoke: Invoke, tmp_path: Path) -> None:
    """`gap` toward a role up the ladder lists the person's own role as a stepping stone only
    when they are not in it."""
    ratings = {"typing": 4, "attention-to-detail": 4, "spreadsheets": 3, "office-software": 3}
    free = json_out(
        invoke(
            ["gap", "data-analyst", "--answers", _file(tmp_path, {"ratings": ratings}), "--json"]
        )
    )
    assert "data-entry-operator" in free["stepping_stones"]
    held = _file(tmp_path, {"ratings": ratings, "from": "data-entry-operator"})
    doc = json_out(invoke(["gap", "data-analyst", "--answers", held, "--json"]))
    assert "data-entry-operator" not in doc["stepping_stones"]


def test_learn_opens_no_step_back(invoke: Invoke, tmp_path: Path) -> None:
    """`learn` for someone in a job opens only roles at or above their level, never their own."""
    from bocareer.advice import _own
    from bocareer.answers import Answers

    profile = dict(KB.roles["hr-coordinator"].skills)
    doc = json_out(
        invoke(
            [
                "learn",
                "--answers",
                _file(tmp_path, {"ratings": profile, "from": "hr-coordinator"}),
                "--json",
            ]
        )
    )
    own, level = _own(KB, Answers(ratings=profile, start="hr-coordinator"))
    assert level is not None
    for item in doc["skills"]:
        for rid in item["opens"]:
            assert rid not in own
            assert KB.roles[rid].preparation >= level


def test_a_tick_is_a_rating_for_the_no_signal_warning(invoke: Invoke, tmp_path: Path) -> None:
    """A saved quiz whose one rating question was answered 0 but whose checklists ticked skills
    gets matches without "You rated no skill above 0"."""
    doc = {
        "ratings": {"sales": 0, "customer-service": 3, "interpersonal-communication": 3},
        "asked": ["sales"],
        "assumed": ["customer-service", "interpersonal-communication"],
    }
    out = json_out(invoke(["match", "--answers", _file(tmp_path, doc), "--json"]))
    assert out["matches"]
    assert not any("no skill above 0" in w for w in out["warnings"])


def test_a_broad_knowledge_area_alone_assumes_nothing() -> None:
    """A truck dispatcher's Personnel and Human Resources knowledge assumes no benefits or HR
    software skill: those skills are shown only through broad knowledge areas."""
    profile = from_occupation(KB, onet(), "43-5032.00") or {}
    assert profile, "the dispatcher is rated by O*NET"
    uses: dict[str, int] = {}
    for skill in KB.skills.values():
        for element in skill.onet:
            uses[element] = uses.get(element, 0) + 1
    for sid in profile:
        elements = KB.skills[sid].onet
        assert not all(e.startswith("2.C") and uses[e] >= BROAD for e in elements), sid
    assert "benefits-administration" not in profile
    assert "hr-systems" not in profile


def test_the_report_marks_assumed_ratings(invoke: Invoke, tmp_path: Path) -> None:
    """A rating taken from the job or a tick is marked in the report's JSON and its document."""
    doc = {
        "ratings": {"customer-service": 3, "typing": 3, "record-keeping": 2},
        "asked": ["typing"],
        "assumed": ["customer-service"],
    }
    path = _file(tmp_path, doc)
    out = json_out(invoke(["report", "--answers", path, "--json"]))
    marks = {r["skill"]: r["assumed"] for r in out["ratings"]}
    assert marks["customer-service"] is True
    assert marks["typing"] is False
    text = invoke(["report", "--answers", path]).stdout
    assert "assumed from your job" in text


def test_a_quiz_from_a_code_replays_the_same(invoke: Invoke, tmp_path: Path) -> None:
    """A quiz started from an occupation code that is a role saves that code as `from:`, so
    `match` on the saved file leaves out the same roles and gives the same scores."""
    ratings = {"scheduling": 4, "office-software": 4, "record-keeping": 4, "typing": 3}
    saved = tmp_path / "saved.yaml"
    path = _file(tmp_path, {"ratings": ratings})
    quiz = json_out(
        invoke(["quiz", "--answers", path, "--from", "43-6014.00", "--save", str(saved), "--json"])
    )
    assert "from: 43-6014.00" in saved.read_text(encoding="utf-8")
    replay = json_out(invoke(["match", "--answers", str(saved), "--json"]))
    assert [(m["id"], m["score"]) for m in replay["matches"]] == [
        (m["id"], m["score"]) for m in quiz["matches"]
    ]
    assert "remote-secretary" not in [m["id"] for m in replay["matches"]]
