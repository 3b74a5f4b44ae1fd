"""The knowledge base that ships with bocareer: clean, complete, and true to its sources."""

from __future__ import annotations

import csv
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from bocareer.errors import Problem
from bocareer.kb.load import check, shipped_path
from bocareer.models import KnowledgeBase, Role
from bocareer.occupations.data import onet

REFERENCE = Path(__file__).parent / "data" / "reference_codes.yaml"
BLS = Path(__file__).parent / "data" / "bls_oews_may2023_national.tsv"

#: The 32 roles the seed articles name (the issue's list), by title.
SEED_TITLES = [
    "HR Executive",
    "Recruitment Specialist",
    "Payroll Manager",
    "Training & Development Coordinator",
    "Employee Relations Officer",
    "Accountant",
    "Financial Analyst",
    "Billing & Invoicing Executive",
    "Tax Consultant",
    "Audit Assistant",
    "Finance Executive",
    "Finance Manager",
    "IT Support Executive",
    "System Administrator",
    "Data Analyst",
    "Cybersecurity Specialist",
    "Software Developer (internal systems)",
    "Data Entry Operator",
    "Document Verification Specialist",
    "Database Manager",
    "Research Analyst",
    "Compliance Officer",
    "Legal Advisor",
    "Risk Management Executive",
    "Policy Analyst",
    "Quality Analyst",
    "Quality Manager",
    "Process Improvement Manager",
    "Internal Auditor",
    "Operations Manager",
    "Administrative Assistant",
    "HR Coordinator",
]

#: The career moves the seeds describe, each as the ladder's route: data entry to data analyst
#: climbs two preparation levels (2 to 4), and careers make it through MIS (reporting) work.
SEED_MOVES = [
    ("data-entry-operator", "mis-executive", "data-analyst"),
    ("finance-executive", "finance-manager"),
    ("quality-analyst", "quality-manager"),
]

#: The moves of two or more preparation levels the shipped ladders keep, because careers make
#: the leap; each says in `takes` what makes it.
LEAPS = {
    ("claims-processor", "insurance-claims-executive"),
    ("logistics-coordinator", "logistician"),
    ("document-verification-specialist", "compliance-officer"),
    ("litigation-support-specialist", "legal-advisor"),
}

#: Skills the seeds name ("communication skills" is split into written and spoken).
SEED_SKILLS = [
    "analysis",
    "attention-to-detail",
    "written-communication",
    "interpersonal-communication",
    "problem-solving",
    "data-management",
    "market-research",
    "typing",
    "spreadsheets",
    "accounting-software",
    "hr-systems",
    "bookkeeping",
    "payroll",
]

#: The back-office functions the issue names, with the ids fixed in data/_parts/IDS.md.
FAMILIES = [
    "administration",
    "operations",
    "finance-accounting",
    "human-resources",
    "it-technical",
    "data-processing",
    "compliance-legal",
    "quality-assurance",
    "records-transcription",
    "content-publishing",
    "teleservices",
]

Checked = tuple[KnowledgeBase | None, list[Problem]]


@pytest.fixture(scope="module")
def shipped() -> Checked:
    """The shipped file, read and validated once for the module."""
    return check(shipped_path())


@pytest.fixture(scope="module")
def kb(shipped: Checked) -> KnowledgeBase:
    """The shipped knowledge base (the module fails here if it does not load)."""
    knowledge_base, problems = shipped
    assert knowledge_base is not None, [str(p) for p in problems]
    return knowledge_base


def _norm(title: str) -> str:
    """A title without spacing or a trailing '(...)', so 'Abstractor / Indexer' = 'Abstractor/Indexer'."""
    return re.sub(r"\s+", "", re.sub(r"\s*\([^)]*\)\s*$", "", title)).casefold()


def test_shipped_file_exists() -> None:
    """shipped_path() points at a real file (editable install or wheel)."""
    assert shipped_path().is_file()


def test_shipped_file_has_no_problem_at_all(shipped: Checked) -> None:
    """The shipped file validates with zero problems: no error and no warning."""
    knowledge_base, problems = shipped
    assert [str(p) for p in problems] == []
    assert knowledge_base is not None


def test_every_seed_role_is_present_by_title(kb: KnowledgeBase) -> None:
    """Every one of the 32 roles named by the seeds is in the file, by its exact title."""
    titles = {r.title for r in kb.roles.values()}
    assert len(SEED_TITLES) == 32
    missing = [t for t in SEED_TITLES if t not in titles]
    assert missing == []


@pytest.mark.parametrize("route", SEED_MOVES, ids="->".join)
def test_seed_moves_are_ladder_steps(kb: KnowledgeBase, route: tuple[str, ...]) -> None:
    """The career moves the seeds describe are `next` edges in the ladders, or a route of them."""
    for source, target in itertools.pairwise(route):
        assert target in kb.role(source).next, (source, target)
        assert source in kb.previous[target]


def _climbs(kb: KnowledgeBase) -> dict[tuple[str, str], int]:
    """Every move that climbs two or more preparation levels, with how many it climbs."""
    return {
        (role.id, nxt): kb.roles[nxt].preparation - role.preparation
        for role in kb.roles.values()
        for nxt in role.next
        if kb.roles[nxt].preparation - role.preparation >= 2
    }


def test_no_move_climbs_two_levels_without_a_reason(kb: KnowledgeBase) -> None:
    """Every `next` move that climbs two or more preparation levels says in `takes` what makes
    the leap (a qualification, years of a kind of work), in a sentence or more."""
    unexplained = [
        f"{source} ({kb.roles[source].preparation}) -> {target} ({kb.roles[target].preparation})"
        for source, target in _climbs(kb)
        if not kb.roles[source].takes.get(target, "").strip()
    ]
    assert unexplained == []
    for source, target in _climbs(kb):
        reason = kb.roles[source].takes[target]
        assert len(reason.split()) >= 8, (source, target, reason)
        assert reason.endswith("."), (source, target, reason)


def test_the_leaps_are_the_ones_careers_make(kb: KnowledgeBase) -> None:
    """The ladders leap only where a career does (a new leap is a deliberate change here); data
    entry reaches data analyst through MIS executive, not in one move."""
    assert set(_climbs(kb)) == LEAPS
    assert "data-analyst" not in kb.role("data-entry-operator").next


def test_at_least_thirty_skills_each_with_five_level_texts(kb: KnowledgeBase) -> None:
    """There are at least 30 skills and each says, in words, what all five levels mean."""
    assert len(kb.skills) >= 30
    for skill in kb.skills.values():
        assert len(skill.levels) == 5
        assert all(text.strip() for text in skill.levels), skill.id
        assert len(set(skill.levels)) == 5, f"{skill.id}: two levels share a text"


@pytest.mark.parametrize("skill_id", SEED_SKILLS)
def test_seed_skills_exist(kb: KnowledgeBase, skill_id: str) -> None:
    """Each skill the seeds name exists and at least one role needs it."""
    assert skill_id in kb.skills
    assert any(skill_id in r.skills for r in kb.roles.values())


@pytest.mark.parametrize("family_id", FAMILIES)
def test_every_named_family_exists_and_has_roles(kb: KnowledgeBase, family_id: str) -> None:
    """Each back-office function named in the issue is a family with at least one role."""
    assert family_id in kb.families
    assert any(r.family == family_id for r in kb.roles.values())


def test_every_role_has_at_least_four_skills(kb: KnowledgeBase) -> None:
    """No role is described by fewer than four skills."""
    thin = {r.id: len(r.skills) for r in kb.roles.values() if len(r.skills) < 4}
    assert thin == {}


def test_every_skill_is_used_by_some_role(kb: KnowledgeBase) -> None:
    """No skill is defined that no role needs."""
    used = {s for r in kb.roles.values() for s in r.skills}
    assert set(kb.skills) - used == set()


def test_preparation_follows_job_zone_or_says_why(kb: KnowledgeBase) -> None:
    """A role's preparation equals its O*NET Job Zone, or a preparation_note explains why not."""
    unexplained = [
        r.id
        for r in kb.roles.values()
        if "job_zone" in r.figures
        and r.figures["job_zone"] != r.preparation
        and not (r.preparation_note and r.preparation_note.strip())
    ]
    assert unexplained == []


# -- agreement with the compiler's reference files (copied into tests/data) ----------------


def _reference() -> dict[str, dict[str, Any]]:
    roles: dict[str, dict[str, Any]] = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))[
        "roles"
    ]
    return roles


def _match(kb: KnowledgeBase, ref_title: str) -> Role:
    found = [r for r in kb.roles.values() if _norm(r.title) == _norm(ref_title)]
    assert len(found) == 1, f"{ref_title!r} matches {[r.id for r in found]}"
    return found[0]


def test_reference_fixture_is_sane() -> None:
    """The committed copy of the reference holds the 45 mapped roles with well-formed codes."""
    ref = _reference()
    assert len(ref) == 45
    for title, entry in ref.items():
        assert re.fullmatch(r"\d\d-\d{4}\.\d\d", entry["soc_code"]), title
        assert re.fullmatch(r"\d{4}", entry["isco_code"]), title


@pytest.mark.parametrize("ref_title", sorted(_reference()))
def test_codes_and_figures_agree_with_reference(kb: KnowledgeBase, ref_title: str) -> None:
    """A role keeps the reference's O*NET-SOC and ISCO codes and its automation odds, or its code
    note names the reference's code and says why it changed (a new ISCO group: "ISCO 2619")."""
    entry = _reference()[ref_title]
    role = _match(kb, ref_title)
    assert role.codes is not None
    if role.codes.onet_soc != entry["soc_code"]:
        assert entry["soc_code"] in (role.codes.note or ""), f"{role.id}: why the new code?"
        assert "automation_probability" not in role.figures, (
            "the reference's figure is for its code"
        )
        return
    assert role.codes.onet_title == entry["soc_title"]
    if role.codes.isco != entry["isco_code"]:
        assert f"ISCO {entry['isco_code']}" in (role.codes.note or ""), (
            f"{role.id}: why the new ISCO?"
        )
    expected = entry["automation_probability"]
    if expected is None:
        # The reference gives no value: the knowledge base must not invent one.
        assert "automation_probability" not in role.figures
    else:
        assert role.figures["automation_probability"] == pytest.approx(expected, abs=1e-9)


def test_automation_figures_come_only_from_the_reference(kb: KnowledgeBase) -> None:
    """An automation probability is the reference's value for the role's occupation code (the
    figure is the occupation's, whichever role carries it); none is ever guessed."""
    by_code: dict[str, float] = {}
    for entry in _reference().values():
        if entry["automation_probability"] is not None:
            by_code[entry["soc_code"]] = entry["automation_probability"]
    for role in kb.roles.values():
        if "automation_probability" in role.figures:
            assert role.codes is not None
            assert role.codes.onet_soc in by_code, f"{role.id}: no reference value for its code"
            assert role.figures["automation_probability"] == pytest.approx(
                by_code[role.codes.onet_soc], abs=1e-9
            ), role.id


def _bls() -> dict[str, dict[str, str]]:
    with BLS.open(encoding="utf-8", newline="") as handle:
        return {row["soc_code"]: row for row in csv.DictReader(handle, delimiter="\t")}


def test_codes_exist_and_figures_match_onet_and_bls(kb: KnowledgeBase) -> None:
    """Every coded role's occupation exists in O*NET under its title, its Job Zone figure is
    O*NET's, and its pay and employment are BLS May 2023's for the six-digit code (or absent,
    with a note, where BLS publishes none; or absent where the code's figure is a residual
    group's that says little about the role, with the note quoting the figure it leaves out)."""
    occupations = onet().occupations
    bls = _bls()
    for role in kb.roles.values():
        if role.codes is None or role.codes.onet_soc is None:
            assert not role.figures, role.id
            continue
        code = role.codes.onet_soc
        assert code in occupations, role.id
        assert role.codes.onet_title == occupations[code].title, role.id
        assert role.figures.get("job_zone") == occupations[code].job_zone, role.id
        assert role.codes.fit in ("exact", "broad", "proxy"), role.id
        assert role.codes.isco is not None, role.id
        assert re.fullmatch(r"\d{4}", role.codes.isco), role.id
        row = bls.get(code[:7])
        for key, column in (
            ("median_pay_usd", "median_annual_usd"),
            ("employment_us", "employment"),
        ):
            value = row[column] if row else ""
            if value and key not in role.figures:
                assert f"{float(value):,.0f}" in (role.codes.note or ""), (role.id, key)
            elif value:
                assert role.figures[key] == float(value), (role.id, key)
            else:
                assert key not in role.figures, (role.id, key)
                assert "BLS" in (role.codes.note or ""), f"{role.id}: say why BLS has no figure"


def test_every_figure_has_its_source(kb: KnowledgeBase) -> None:
    """Every figure used by a role is named in `sources` with a title and a year."""
    used = {k for r in kb.roles.values() for k in r.figures}
    for key in used:
        assert kb.sources[key].title
        assert kb.sources[key].year is not None
