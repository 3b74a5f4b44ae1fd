"""How alike jobs are (bocareer.occupations.similarity) and the moves ranked by it."""

from __future__ import annotations

import importlib.util
from collections import Counter
from pathlib import Path

import pytest

from bocareer.advice import next_result
from bocareer.kb.load import load
from bocareer.occupations.data import data_path, onet
from bocareer.occupations.similarity import NAME, nearness, relative, row
from bocareer.occupations.start import occupation_start, resolve

ROOT = Path(__file__).resolve().parent.parent
KB = load()


def test_the_shipped_table_is_what_the_script_builds() -> None:
    """Rebuilding data/occupation_similarity.tsv from data/onet gives the shipped bytes."""
    spec = importlib.util.spec_from_file_location(
        "build_similarity", ROOT / "scripts" / "build_similarity.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.build() == data_path(NAME).read_text(encoding="utf-8")


def test_every_shipped_role_code_has_a_column() -> None:
    """Each role's O*NET code is a column of the table (else it would fall back to skills)."""
    table = row("43-9021.00")
    assert table is not None
    codes = {r.codes.onet_soc for r in KB.roles.values() if r.codes and r.codes.onet_soc}
    assert codes <= set(table.similarity)


def test_an_occupation_is_nearest_to_itself_and_bounded() -> None:
    """Similarities are 0-1, and an occupation with a role is at least as near itself as to
    any other role occupation."""
    for code in ("43-3031.00", "15-1252.00", "43-4051.00"):
        table = row(code)
        assert table is not None
        assert all(0 <= v <= 1 for v in table.similarity.values())
        assert table.similarity[code] == max(table.similarity.values())


def test_roles_sharing_a_code_are_told_apart_by_their_skills() -> None:
    """Two roles on one code (broad or proxy fits) get different nearness from a job."""
    start = occupation_start(KB, "43-5071.00")
    near = nearness(KB, start.code, {s: a.level for s, a in start.profile.items()})
    assert near["accounts-clerk"].similarity != near["audit-assistant"].similarity


def test_relative_similarity_tops_at_one_without_the_own_job() -> None:
    """The share of the nearest role is 1 for the nearest role outside the job's own."""
    start = occupation_start(KB, "43-5071.00")
    near = nearness(KB, start.code, {s: a.level for s, a in start.profile.items()})
    rel = relative(near, start.own)
    assert max(v for r, v in rel.items() if r not in start.own) == pytest.approx(1.0)


def test_an_unknown_occupation_has_no_row() -> None:
    """A code the table lacks, or one O*NET does not describe, gives None (skills only)."""
    assert row("99-9999.99") is None
    assert row("43-9199.00") is None  # "All Other": O*NET rates nothing


def test_no_role_is_a_hub_for_every_job() -> None:
    """Across every O*NET occupation O*NET rates, no role is in more than a third of the
    `next --from` top fives (the issue's limit), and the moves differ from job to job."""
    data = onet()
    counts: Counter[str] = Counter()
    lists = set()
    n = 0
    for code, occupation in data.occupations.items():
        if occupation.importance is None:
            continue
        moves = next_result(KB, occupation_start(KB, code), None, 5).moves
        counts.update(m.id for m in moves)
        lists.add(tuple(m.id for m in moves))
        n += 1
    role, most = counts.most_common(1)[0]
    assert most / n <= 1 / 3, (role, most / n)
    assert len(lists) > n / 4


@pytest.mark.parametrize(
    ("job", "expect"),
    [
        ("43-5071.00", {"logistics-coordinator", "order-management-executive"}),
        ("25-2021.00", {"training-development-coordinator"}),
        ("15-1252.00", {"software-tester", "business-analyst", "database-manager"}),
    ],
)
def test_moves_follow_the_job(job: str, expect: set[str]) -> None:
    """A stock clerk is sent to logistics and orders, a teacher to training, a developer to
    other IT roles; and the own job is left out."""
    start = resolve(KB, job)
    res = next_result(KB, start, None, 5)
    ids = {m.id for m in res.moves}
    assert ids & expect
    assert not ids & set(start.own)
    assert all(m.carries for m in res.moves if m.step == "level")
