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


@pytest.mark.xfail(
    strict=True,
    reason="the 76-role knowledge base (issue 9) raised the quick quiz's mean to 14.3 questions; "
    "issue 11 reworks the quick quiz and this guard",
)
def test_quick_quiz_agrees_with_the_full_one() -> None:
    """Regression guard: over 200 simulated people (seed 5) the quick quiz's top match is in the
    full quiz's top 3 for at least 95 % of them, with at most 14 questions on average.

    The bounds are looser than the benchmark's own targets on purpose: this test only catches a
    change to the selector or the score that makes the quick quiz clearly worse, not drift.
    """
    sim = load_benchmark()
    result = sim.simulate(load(shipped_path()), 200, seed=5)
    assert result["people"] == 200
    assert result["top3_agreement"] >= 0.95, result
    assert result["mean_questions"] <= 14, result
    assert result["max_questions"] <= 20, result
    assert result["top1_agreement"] <= result["top3_agreement"]
