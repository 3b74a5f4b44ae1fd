"""A regression guard on the quick quiz's quality, using the benchmark's own simulation."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from bocareer.kb.load import load, shipped_path

BENCH = Path(__file__).resolve().parent.parent / "benchmarks" / "quiz_simulation.py"


def load_benchmark() -> ModuleType:
    """Import benchmarks/quiz_simulation.py by path (benchmarks/ is not a package)."""
    spec = importlib.util.spec_from_file_location("quiz_simulation", BENCH)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    path_before = list(sys.path)
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path[:] = path_before  # the script puts src/ first on sys.path; undo that
    return module


@pytest.mark.parametrize(
    ("population", "with_start", "top3", "mean", "most"),
    [
        ("role profiles", False, 0.97, 12, 14),
        ("careers", False, 0.95, 12, 14),
        ("career changers", False, 0.8, 13, 14),
        ("careers", True, 0.85, 8.5, 10),
    ],
)
def test_quick_quiz_agrees_with_the_full_one(
    population: str, with_start: bool, top3: float, mean: float, most: int
) -> None:
    """Regression guard: over 150 simulated people (seed 5) the full quiz's top match is in the
    quick quiz's top three often enough, in few enough questions (opening questions counted).

    The bounds sit below the benchmark's README figures on purpose: this catches a change to
    the selector, the checklists or the score that makes the quick quiz clearly worse, not
    drift from one seed to another.
    """
    sim = load_benchmark()
    kb = load(shipped_path())
    result = sim.simulate(kb, sim.populations(kb)[population], 150, 5, with_start)
    assert result["people"] == 150
    assert result["top3_agreement"] >= top3, result
    assert result["mean_questions"] <= mean, result
    assert result["max_questions"] <= most, result
    assert result["top1_agreement"] <= result["top3_agreement"]
