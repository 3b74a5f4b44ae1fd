"""The knowledge base's evidence fields, the grounding check against O*NET, and the ladder rules:
on the shipped file (which must pass with no problem) and on small files built to fail."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from bocareer.kb.grounding import expected, ground, onet_level, spearman
from bocareer.kb.load import check, check_grounded, load, shipped_path
from bocareer.models import KnowledgeBase
from bocareer.occupations.data import Element, Occupation, Onet, onet
from cli_asserts import ok
from kb_text import FAMILIES, kb, marked_line, role, skill

WriteKb = Callable[..., Path]
Invoke = Callable[..., Result]


# -- the shipped file ---------------------------------------------------------------------


def test_shipped_file_passes_the_grounding_check() -> None:
    """The shipped knowledge base passes every grounding check and ladder rule, with every
    skill's rank correlation at 0.6 or more and every central element accounted for."""
    knowledge_base, problems, found = check_grounded(shipped_path())
    assert [str(p) for p in problems] == []
    assert knowledge_base is not None
    assert found is not None
    assert found.rated_roles >= 60
    checked = [c for c in found.correlations if c.rho is not None]
    assert len(checked) >= 20
    assert all(c.rho is not None and c.rho >= 0.6 for c in checked)
    for c in found.correlations:
        if c.rho is None:
            assert not knowledge_base.skills[c.skill].onet, "only unmapped skills go unchecked"
            assert knowledge_base.skills[c.skill].onet_note
    assert all(d.why for d in found.departures)
    assert all(u.why for u in found.uncovered)


def test_shipped_file_is_broad_enough() -> None:
    """At least 75 roles, including the back-office jobs the issue lists, each with its codes."""
    base = load(shipped_path())
    assert len(base.roles) >= 75
    for rid in [
        "payroll-clerk", "accounts-clerk", "accounts-payable-clerk", "collections-executive",
        "procurement-executive", "buyer", "inventory-control-clerk", "logistics-coordinator",
        "logistician", "benefits-administrator", "compensation-benefits-specialist",
        "claims-processor", "loan-processing-officer", "executive-assistant", "medical-secretary",
        "office-manager", "team-leader", "project-coordinator", "business-analyst",
        "software-tester", "network-support-technician", "bi-analyst", "mis-executive",
    ]:  # fmt: skip
        r = base.role(rid)
        assert r.codes is not None
        assert r.codes.onet_soc
        assert r.codes.isco
        assert "job_zone" in r.figures, rid


@pytest.mark.parametrize(
    ("text", "role_id"),
    [
        ("back office executive", "back-office-executive"),
        ("accounts executive", "finance-executive"),
        ("MIS executive", "mis-executive"),
        ("KYC analyst", "document-verification-specialist"),
        ("AP executive", "accounts-payable-clerk"),
        ("HR generalist", "hr-executive"),
        ("help desk", "it-support-executive"),
        ("bookkeeper", "accounts-clerk"),
    ],
)
def test_roles_are_found_by_the_names_people_use(invoke: Invoke, text: str, role_id: str) -> None:
    """`bocareer roles TEXT` finds a role by the titles job ads use, Indian ones included."""
    found = [r["id"] for r in json.loads(ok(invoke(["roles", text, "--json"])).stdout)["roles"]]
    assert role_id in found


def test_entry_roles_ask_for_entry_levels_in_the_shipped_file() -> None:
    """No entry role (preparation 1-2) asks for a level 5 or for more than one level 4."""
    for r in load(shipped_path()).roles.values():
        if r.preparation <= 2:
            levels = list(r.skills.values())
            assert 5 not in levels, r.id
            assert levels.count(4) <= 1, r.id


def test_validate_grounding_prints_the_figures(invoke: Invoke) -> None:
    """`validate --grounding` prints each skill's correlation and says the file is OK."""
    result = ok(invoke(["validate", "--grounding"]))
    assert "Rank correlation" in result.stdout
    assert "customer-service" in result.stdout
    assert "OK:" in result.stderr
    doc = json.loads(ok(invoke(["validate", "--grounding", "--json"])).stdout)
    assert doc["valid"] is True
    assert {c["skill"] for c in doc["grounding"]["skills"]} >= {"analysis", "typing"}
    plain = json.loads(ok(invoke(["validate", "--json"])).stdout)
    assert plain["grounding"] is None


# -- the arithmetic -----------------------------------------------------------------------


def test_spearman_with_ties_and_flat_sides() -> None:
    """Spearman's rho: 1 for the same order, -1 reversed, average ranks for ties, None if flat."""
    assert spearman([1, 2, 3], [10, 20, 30]) == pytest.approx(1.0)
    assert spearman([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert spearman([1, 1, 2, 3], [1, 2, 3, 4]) == pytest.approx(0.9486833, abs=1e-6)
    assert spearman([2, 2, 2], [1, 2, 3]) is None


def test_expected_level_rounds_and_counts_both_sides_of_a_half() -> None:
    """X = round(OL * 5 / 7), kept within 0-5; at an exact half both neighbours count."""
    assert expected(4.2) == (3,)
    assert expected(0.0) == (0,)
    assert expected(7.0) == (5,)
    assert expected(3.5) == (2, 3)  # 3.5 * 5 / 7 = 2.5


ELEMENTS = (
    Element("2.A.1.c", "Writing", "skill"),
    Element("2.C.1.b", "Administrative", "knowledge"),
    Element("2.C.4.a", "Mathematics", "knowledge"),
    Element("1.C.5.b", "Attention to Detail", "work style"),
)


def _onet(*rows: tuple[str, tuple[float | None, ...], tuple[float | None, ...]]) -> Onet:
    return Onet(
        ELEMENTS,
        {e.id: i for i, e in enumerate(ELEMENTS)},
        {code: Occupation(code, f"Occ {code}", 2, imp, lev) for code, imp, lev in rows},
    )


def test_onet_level_weighs_by_importance_and_puts_work_styles_on_the_level_scale() -> None:
    """OL is the importance-weighted mean level; a work style counts (I - 1) * 7 / 4."""
    data = _onet(("11-1111.00", (4.0, 2.0, 1.0, 5.0), (6.0, 3.0, 0.0, None)))
    assert onet_level(data, ["2.A.1.c", "2.C.1.b"], "11-1111.00") == pytest.approx(5.0)
    assert onet_level(data, ["1.C.5.b"], "11-1111.00") == pytest.approx(7.0)


SKILLS_MAPPED = (
    "skills:\n"
    + skill("typing", extra="    onet: {2.A.1.c: Writing}\n")
    + skill("filing", extra="    onet: {2.C.1.b: Administrative}\n")
)


def _coded(rid: str, code: str, skills: str, extra: str = "") -> str:
    return role(
        rid,
        skills=skills,
        extra=(
            f"    codes: {{onet_soc: {code}, onet_title: Occ {code}, fit: exact}}\n"
            "    entry_point: First job.\n    top_of_ladder: Last job.\n" + extra
        ),
    )


def _grounded(write_kb: WriteKb, roles: str, data: Onet) -> tuple[KnowledgeBase, list[str]]:
    path = write_kb(kb(skills=SKILLS_MAPPED, roles="roles:\n" + roles))
    knowledge_base, problems = check(path)
    assert knowledge_base is not None, [str(p) for p in problems]
    found = ground(knowledge_base, data)
    return knowledge_base, [p.message for p in found.problems]


def test_a_departure_must_say_why(write_kb: WriteKb) -> None:
    """A level two or more from O*NET's expected level fails until the role says why."""
    data = _onet(("11-1111.00", (4.0, 4.0, 1.0, 1.0), (1.4, 7.0, 0.0, None)))
    _, messages = _grounded(write_kb, _coded("clerk", "11-1111.00", "{typing: 4, filing: 5}"), data)
    assert any("typing: 4 departs from O*NET's level (expected 1)" in m for m in messages)
    _, messages = _grounded(
        write_kb,
        _coded(
            "clerk",
            "11-1111.00",
            "{typing: 4, filing: 5}",
            "    departures: {typing: The clerk types all day.}\n",
        ),
        data,
    )
    assert not any("departs" in m for m in messages)


def test_a_central_element_must_be_covered_or_explained(write_kb: WriteKb) -> None:
    """An element of importance 3.75+ that no skill of the role maps fails unless explained."""
    data = _onet(("11-1111.00", (3.0, 3.0, 4.2, 5.0), (3.0, 3.0, 4.0, None)))
    _, messages = _grounded(write_kb, _coded("clerk", "11-1111.00", "{typing: 2, filing: 2}"), data)
    assert any("no skill stands for O*NET's Mathematics (2.C.4.a" in m for m in messages)
    assert not any("Attention to Detail" in m for m in messages), "work styles are left out"
    _, messages = _grounded(
        write_kb,
        _coded(
            "clerk", "11-1111.00", "{typing: 2, filing: 2}", "    uncovered: {2.C.4.a: No sums.}\n"
        ),
        data,
    )
    assert messages == []


def test_low_rank_correlation_fails(write_kb: WriteKb) -> None:
    """A skill six rated roles use, whose levels run against O*NET's, fails the check."""
    codes = [f"11-111{i}.00" for i in range(6)]
    data = _onet(
        *[(c, (3.0, 3.0, 1.0, 1.0), (2.0 + i * 0.4, 3.0, 0.0, None)) for i, c in enumerate(codes)]
    )
    levels = [(5, 1), (4, 2), (3, 1), (2, 2), (1, 3), (1, 4)]  # none proportional to another
    roles = "".join(
        _coded(f"r{i}", c, f"{{typing: {a}, filing: {b}}}")
        for i, (c, (a, b)) in enumerate(zip(codes, levels, strict=True))
    )
    _, messages = _grounded(write_kb, roles, data)
    assert any(
        "skills.typing: required levels follow O*NET's with rank correlation" in m for m in messages
    )
    assert not any("skills.filing: required" in m for m in messages), "flat O*NET levels: no rho"


def test_mapping_names_must_be_onets(write_kb: WriteKb) -> None:
    """A mapped element with the wrong name, an unknown element, or an unmapped skill without a
    note are problems."""
    text = kb(
        skills="skills:\n"
        + skill("typing", extra="    onet: {2.A.1.c: Typing}\n")
        + skill("filing", extra="    onet: {9.Z.9: Filing}\n"),
    )
    base = load(write_kb(text))
    messages = [p.message for p in ground(base, onet()).problems]
    assert any("2.A.1.c 'Typing': O*NET calls 2.A.1.c 'Writing'" in m for m in messages)
    assert any("O*NET has no element 9.Z.9" in m for m in messages)
    unmapped = load(write_kb(kb()))
    messages = [p.message for p in ground(unmapped, onet()).problems]
    assert any("skills.typing: maps no O*NET element; say why in onet_note" in m for m in messages)


def test_codes_must_be_onets(write_kb: WriteKb) -> None:
    """An unknown code, a title that is not O*NET's, a Job Zone figure that is not O*NET's, and
    a proxy without 'Doubtful' are problems, with their lines."""
    extra = (
        "    codes: {onet_soc: 43-9021.00, onet_title: Typists, fit: proxy, note: Close.}\n"
        "    figures: {job_zone: 4}\n"
    )
    text = kb(
        roles="roles:\n" + role("clerk", next="[head-clerk]", extra=extra, preparation="4")
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4",
               extra="    codes: {onet_soc: 99-9999.00}\n"),
        head="sources:\n  job_zone: {title: O*NET Job Zones, year: 2025}\n",
    )  # fmt: skip
    path = write_kb(text)
    _, problems, _ = check_grounded(path)
    messages = [str(p) for p in problems]
    assert any("onet_title: O*NET's title is 'Data Entry Keyers'" in m for m in messages)
    assert any("job_zone: 4, but O*NET gives 2" in m for m in messages)
    assert any("a proxy code's note begins 'Doubtful'" in m for m in messages)
    assert any("99-9999.00 is not an O*NET-SOC 2019 code" in m for m in messages)
    assert all(f"{path}:" in m and m.split(":")[1].isdigit() for m in messages if "roles." in m)


# -- the ladder rules -----------------------------------------------------------------------


def test_ladder_rules(write_kb: WriteKb) -> None:
    """Entry roles ask for entry levels; a climb of two levels says what it takes; every role
    has a way in and a way on or says why not."""
    text = kb(
        roles="roles:\n"
        + role("clerk", skills="{typing: 5, filing: 4}", preparation="2", next="[head-clerk]")
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
    )
    _, problems, _ = check_grounded(write_kb(text))
    messages = [p.message for p in problems]
    assert (
        "roles.clerk: an entry role (preparation 2) asks for no level 5 and at most one level 4"
        in messages
    )
    assert any("the move to head-clerk climbs 2 preparation levels" in m for m in messages)
    assert "roles.clerk: no role leads here; say why in entry_point" in messages
    assert "roles.head-clerk: leads nowhere; say why in top_of_ladder" in messages
    fixed = kb(
        roles="roles:\n"
        + role("clerk", skills="{typing: 4, filing: 3}", preparation="2",
               next="[{role: head-clerk, takes: Three years as a clerk.}]",
               extra="    entry_point: The first office job.\n")
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4",
               extra="    top_of_ladder: Heads the office.\n")
    )  # fmt: skip
    _, problems, _ = check_grounded(write_kb(fixed))
    assert not [
        p
        for p in problems
        if "roles." in p.message and "O*NET" not in p.message and "onet" not in p.message
    ]


# -- the new fields in the validator ---------------------------------------------------------


def test_new_fields_load_into_the_models(write_kb: WriteKb) -> None:
    """also_called, next with takes, notes, codes.fit and typing thresholds become model values."""
    text = kb(
        skills="skills:\n"
        + skill("typing", extra="    onet_note: Nothing fits.\n    measured:\n"
                "      1: {net_wpm: 20, accuracy: 90}\n      2: {net_wpm: 30, accuracy: 94, kph: 6000}\n")
        + skill("filing"),
        roles="roles:\n"
        + role("clerk", next="[{role: head-clerk, takes: Two years.}]",
               extra="    also_called: [Office Junior, Filing Clerk]\n"
               "    departures: {typing: Fast typing.}\n    uncovered: {2.C.4.a: No sums.}\n"
               "    codes: {onet_soc: 43-9061.00, fit: broad}\n")
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4",
               extra="    top_of_ladder: Heads the office.\n"),
    )  # fmt: skip
    base = load(write_kb(text))
    clerk = base.roles["clerk"]
    assert clerk.next == ("head-clerk",)
    assert clerk.takes == {"head-clerk": "Two years."}
    assert clerk.also_called == ("Office Junior", "Filing Clerk")
    assert clerk.departures == {"typing": "Fast typing."}
    assert clerk.uncovered == {"2.C.4.a": "No sums."}
    assert clerk.codes is not None
    assert clerk.codes.fit == "broad"
    assert base.roles["head-clerk"].top_of_ladder == "Heads the office."
    typing = base.skills["typing"]
    assert typing.measured[2].kph == 6000
    assert typing.measured[1].net_wpm == 20
    assert typing.onet_note == "Nothing fits."


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        (
            "    codes: {onet_soc: 43-9061.00, fit: perfect}  #!\n",
            "fit: expected one of exact, broad, proxy",
        ),
        ("    departures: {filing: Why.}\n    also_called: []  #!\n", ""),
        ("    departures:\n      sql: Why.  #!\n", "departures: 'sql' is not a skill of this role"),
    ],
)
def test_new_field_problems_name_their_line(write_kb: WriteKb, extra: str, needle: str) -> None:
    """Bad values in the new fields are reported with the line they are on."""
    text = kb(roles="roles:\n" + role("clerk", next="[head-clerk]", extra=extra)
              + role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4"))  # fmt: skip
    knowledge_base, problems = check(write_kb(text))
    if not needle:
        assert knowledge_base is not None, [str(p) for p in problems]
        return
    assert knowledge_base is None
    assert any(needle in p.message and p.line == marked_line(text) for p in problems), problems


def test_falling_typing_thresholds_are_refused(write_kb: WriteKb) -> None:
    """A typing level that asks for less speed than the level below it is an error."""
    text = kb(
        skills="skills:\n"
        + skill("typing", extra="    measured:\n      1: {net_wpm: 30}\n      2: {net_wpm: 20}\n")
        + skill("filing")
    )
    knowledge_base, problems = check(write_kb(text))
    assert knowledge_base is None
    assert any("net_wpm falls from level 1 (30) to 2 (20)" in p.message for p in problems)


def test_families_constant_is_unchanged() -> None:
    """The helpers' families text still names the one office family (the tests rely on it)."""
    assert "office" in FAMILIES
