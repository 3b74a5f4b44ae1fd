"""The counsellor's kit through the CLI: gap, learn, next and compare (reports: test_documents)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from bocareer.kb.load import load
from bocareer.planning import REACH
from bocareer.scoring import score_role
from cli_asserts import json_out, ok, one_line_error
from people import SAMPLE_RATINGS

Invoke = Callable[..., Result]
KB = load()
PERSON = SAMPLE_RATINGS


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """An answers file for a data-entry operator learning analysis."""
    path = tmp_path / "answers.yaml"
    path.write_text("ratings:\n" + "".join(f"  {s}: {v}\n" for s, v in PERSON.items()))
    return path


def test_gap_steps_follow_the_match_score(invoke: Invoke, answers: Path) -> None:
    """`gap --json`: score is today's match score; each score_after is the score with that step
    and all earlier ones taken; the first step is the single raise that gains most."""
    doc = json_out(invoke(["gap", "data-analyst", "--answers", answers, "--json"]))
    role = KB.roles["data-analyst"]
    assert doc["schema_version"] == 1
    assert doc["role"] == "data-analyst"
    assert doc["score"] == pytest.approx(score_role(role, PERSON).score, abs=0.05)
    ratings = {k: float(v) for k, v in PERSON.items()}
    for step in doc["steps"]:
        assert step["has"] == PERSON.get(step["skill"], 0)
        assert step["needs"] == role.skills[step["skill"]]
        ratings[step["skill"]] = step["needs"]
        assert step["score_after"] == pytest.approx(score_role(role, ratings).score, abs=0.05)
    gaps = {s: n for s, n in role.skills.items() if PERSON.get(s, 0) < n}
    assert [s["skill"] for s in doc["steps"]]
    assert {s["skill"] for s in doc["steps"]} == set(gaps)
    singles = {s: score_role(role, {**PERSON, s: n}).score for s, n in gaps.items()}
    assert singles[doc["steps"][0]["skill"]] == pytest.approx(max(singles.values()))
    after = [s["score_after"] for s in doc["steps"]]
    assert after == sorted(after), "every step raises the score"
    assert score_role(role, ratings).coverage == pytest.approx(1.0)


def test_gap_table_lists_the_steps(invoke: Invoke, answers: Path) -> None:
    """The gap table names the target, today's score and each skill to raise."""
    out = ok(invoke(["gap", "data-analyst", "--answers", answers])).stdout
    assert "Data Analyst" in out
    for skill in ("Data analysis and statistics", "SQL and databases"):
        assert skill in out


def test_gap_unknown_role_suggests(invoke: Invoke, answers: Path) -> None:
    """An unknown target role is one error line with the closest id."""
    line = one_line_error(invoke(["gap", "data-analist", "--answers", answers]))
    assert "data-analyst" in line


def test_gap_needs_answers(invoke: Invoke) -> None:
    """Without --answers, gap is a usage error (exit 2)."""
    one_line_error(invoke(["gap", "data-analyst"]), code=2)


def test_learn_openings_really_open_roles(invoke: Invoke, answers: Path) -> None:
    """Each skill `learn` names brings exactly its listed roles from below to at least REACH."""
    doc = json_out(invoke(["learn", "--answers", answers, "--json"]))
    assert doc["schema_version"] == 1
    assert doc["skills"], "this person has skills to learn"
    counts = [len(s["opens"]) for s in doc["skills"]]
    assert counts == sorted(counts, reverse=True)
    for item in doc["skills"]:
        raised = {**PERSON, item["skill"]: item["to_level"]}
        assert item["to_level"] > PERSON.get(item["skill"], 0)
        for rid in item["opens"]:
            assert score_role(KB.roles[rid], PERSON).score < REACH
            assert score_role(KB.roles[rid], raised).score >= REACH


def test_next_moves_rank_by_nearness(invoke: Invoke) -> None:
    """`next --from`: moves come nearest first (by the hub-corrected nearness of the job), each
    new skill above the role's, each with what carries over."""
    from bocareer.occupations.similarity import nearness

    doc = json_out(invoke(["next", "--from", "data-entry-operator", "--json", "--top", "6"]))
    assert doc["from"] == "data-entry-operator"
    start = KB.roles["data-entry-operator"].skills
    near = nearness(KB, "43-9021.00", dict(start))
    ranks = []
    for move in doc["moves"]:
        assert move["id"] != "data-entry-operator"
        assert 0 <= move["similarity"] <= 1
        assert move["similarity"] == round(near[move["id"]].similarity, 3)
        for gap in move["new_skills"]:
            assert gap["has"] == start.get(gap["skill"], 0) < gap["needs"]
        assert move["on_ladder"] == (move["id"] in KB.roles["data-entry-operator"].next)
        ranks.append((move["step"] != "level", -near[move["id"]].rank))
    assert ranks == sorted(ranks)
    assert any(move["carries_over"] for move in doc["moves"])


def test_next_with_answers_counts_the_person(invoke: Invoke, answers: Path) -> None:
    """With --answers, skills the person rates above the role's level are not asked again."""
    doc = json_out(
        invoke(["next", "--from", "data-entry-operator", "--answers", answers, "--json"])
    )
    for move in doc["moves"]:
        for gap in move["new_skills"]:
            assert gap["has"] >= PERSON.get(gap["skill"], 0)


def test_compare_lines_up_levels(invoke: Invoke) -> None:
    """`compare --json` gives each role's levels and the skills only it needs."""
    doc = json_out(invoke(["compare", "accountant", "internal-auditor", "--json"]))
    a, b = (KB.roles[r] for r in ("accountant", "internal-auditor"))
    by_id = {r["id"]: r for r in doc["roles"]}
    assert by_id["accountant"]["skills"] == dict(a.skills)
    assert set(by_id["accountant"]["only"]) == set(a.skills) - set(b.skills)
    assert set(by_id["internal-auditor"]["only"]) == set(b.skills) - set(a.skills)
    assert set(doc["skills"]) == set(a.skills) | set(b.skills)


def test_compare_table_has_bars(invoke: Invoke) -> None:
    """The compare table shows both titles and level bars."""
    out = ok(invoke(["compare", "accountant", "internal-auditor"])).stdout
    assert "Accountant" in out
    assert "Internal Auditor" in out
    assert "█" in out
    assert "alone needs" in out


@pytest.mark.parametrize(
    "ids", [["accountant"], ["accountant", "accountant"], ["a", "b", "c", "d"]]
)
def test_compare_needs_two_or_three_distinct_roles(invoke: Invoke, ids: list[str]) -> None:
    """compare refuses one role, a repeated role, or more than three."""
    result = invoke(["compare", *ids])
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.stderr
