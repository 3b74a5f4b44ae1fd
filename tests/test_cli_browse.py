"""The browsing commands through the CLI, with the shipped data and with tests/data/tiny.yaml."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

import pytest
from typer.testing import Result

from bocareer import __version__
from bocareer.kb.load import load, shipped_path
from bocareer.models import KnowledgeBase
from cli_asserts import json_out, ok, one_line_error
from kb_text import ROLES
from kb_text import kb as kb_text
from kb_text import role as role_text

Invoke = Callable[..., Result]
WriteKb = Callable[..., Path]

SHIPPED: KnowledgeBase = load(shipped_path())
TINY_PATH = Path(__file__).parent / "data" / "tiny.yaml"
TINY: KnowledgeBase = load(TINY_PATH)

# A sample of shipped roles that covers every shape of ladder: entry points with many paths up,
# middles, tops with many routes in, cross-family moves, and roles without codes.
SAMPLE = [
    "data-entry-operator",
    "telemarketer",
    "hr-coordinator",
    "hr-executive",
    "compliance-officer",
    "internal-auditor",
    "finance-manager",
    "operations-manager",
    "hr-manager",
]
CASES = [(SHIPPED, r) for r in SAMPLE] + [(TINY, r) for r in TINY.roles]
CASE_IDS = [f"shipped-{r}" for r in SAMPLE] + [f"tiny-{r}" for r in TINY.roles]

ROLE_KEYS = {
    "id",
    "title",
    "family",
    "summary",
    "responsibilities",
    "skills",
    "next_roles",
    "previous_roles",
    "codes",
}


def tiny(invoke: Invoke, *args: str) -> Result:
    """Run a command against tiny.yaml via --data."""
    return invoke(["--data", str(TINY_PATH), *args])


# -- version and data selection ---------------------------------------------------------------


def test_version(invoke: Invoke) -> None:
    """--version prints the package version and exits 0."""
    result = ok(invoke(["--version"]))
    assert result.stdout.strip() == f"bocareer {__version__}"


def test_data_option_selects_the_knowledge_base(invoke: Invoke) -> None:
    """--data makes every command read that file instead of the shipped one."""
    doc = json_out(tiny(invoke, "roles", "--json"))
    assert [r["id"] for r in doc["roles"]] == list(TINY.roles)


def test_env_variable_selects_the_knowledge_base(invoke: Invoke) -> None:
    """BOCAREER_DATA does what --data does."""
    doc = json_out(invoke(["roles", "--json"], env={"BOCAREER_DATA": str(TINY_PATH)}))
    assert [r["id"] for r in doc["roles"]] == list(TINY.roles)


def test_data_option_wins_over_env_variable(invoke: Invoke, tmp_path: Path) -> None:
    """An explicit --data is used even when BOCAREER_DATA points elsewhere."""
    env = {"BOCAREER_DATA": str(tmp_path / "missing.yaml")}
    doc = json_out(invoke(["--data", str(TINY_PATH), "families", "--json"], env=env))
    assert [f["id"] for f in doc["families"]] == list(TINY.families)


def test_missing_data_file_is_one_line_error(invoke: Invoke, tmp_path: Path) -> None:
    """A --data path that does not exist is a one-line error naming the file, exit 1."""
    missing = tmp_path / "nope.yaml"
    line = one_line_error(invoke(["--data", str(missing), "roles"]))
    assert line == f"bocareer: {missing}: no such file"


@pytest.mark.parametrize("how", ["option", "env"])
def test_max_size_refuses_a_larger_file(invoke: Invoke, how: str) -> None:
    """--max-size (or BOCAREER_MAX_SIZE) below the file's size refuses it with exit 1."""
    if how == "option":
        result = invoke(["--data", str(TINY_PATH), "--max-size", "0.001", "roles"])
    else:
        result = invoke(["--data", str(TINY_PATH), "roles"], env={"BOCAREER_MAX_SIZE": "0.001"})
    line = one_line_error(result)
    assert str(TINY_PATH) in line
    assert "--max-size" in line


# -- roles ----------------------------------------------------------------------------------------


def test_roles_lists_every_shipped_role(invoke: Invoke) -> None:
    """`roles` shows the id of every shipped role, and a count that matches."""
    out = ok(invoke(["roles"])).stdout
    for rid in SHIPPED.roles:
        assert re.search(rf"(?<![\w-]){re.escape(rid)}(?![\w-])", out), rid
    assert f"{len(SHIPPED.roles)} roles" in out


def test_roles_json_lists_every_role_in_file_order(invoke: Invoke) -> None:
    """`roles --json` lists every role once, in the file's order, with schema_version 1."""
    doc = json_out(invoke(["roles", "--json"]))
    assert doc["schema_version"] == 1
    assert [r["id"] for r in doc["roles"]] == list(SHIPPED.roles)


def test_roles_json_ladder_fields_are_consistent(invoke: Invoke) -> None:
    """In `roles --json`, previous_roles is exactly the roles whose next_roles name the role."""
    roles = json_out(invoke(["roles", "--json"]))["roles"]
    for r in roles:
        expected = {o["id"] for o in roles if r["id"] in o["next_roles"]}
        assert set(r["previous_roles"]) == expected, r["id"]
        assert len(r["previous_roles"]) == len(set(r["previous_roles"]))


def test_roles_filter_by_family(invoke: Invoke) -> None:
    """--family keeps exactly the roles of that family."""
    doc = json_out(tiny(invoke, "roles", "--family", "money", "--json"))
    assert [r["id"] for r in doc["roles"]] == ["cash-clerk", "ledger-keeper"]
    assert {r["family"] for r in doc["roles"]} == {"money"}


def test_roles_filter_by_family_shipped(invoke: Invoke) -> None:
    """--family on the shipped data keeps the family's roles and only them."""
    doc = json_out(invoke(["roles", "--family", "human-resources", "--json"]))
    expected = [r.id for r in SHIPPED.roles.values() if r.family == "human-resources"]
    assert [r["id"] for r in doc["roles"]] == expected
    assert "hr-executive" in expected


def test_roles_filter_by_skill(invoke: Invoke) -> None:
    """--skill keeps exactly the roles that need that skill."""
    doc = json_out(tiny(invoke, "roles", "--skill", "teamwork", "--json"))
    assert [r["id"] for r in doc["roles"]] == ["filing-clerk", "records-manager", "cash-clerk"]
    for r in doc["roles"]:
        assert "teamwork" in {s["id"] for s in r["skills"]}


@pytest.mark.parametrize(("level", "low", "high"), [("1-2", 1, 2), ("4", 4, 4), ("2-5", 2, 5)])
def test_roles_filter_by_level(invoke: Invoke, level: str, low: int, high: int) -> None:
    """--level N or N-M keeps exactly the roles whose preparation is in that range."""
    doc = json_out(invoke(["roles", "--level", level, "--json"]))
    got = [r["id"] for r in doc["roles"]]
    assert got, "the filter should match some shipped roles"
    assert all(low <= r["preparation"] <= high for r in doc["roles"])
    assert got == [r.id for r in SHIPPED.roles.values() if low <= r.preparation <= high]


def test_roles_filters_combine(invoke: Invoke) -> None:
    """--family, --skill and --level together keep only roles matching all three."""
    doc = json_out(
        tiny(
            invoke,
            "roles",
            "--family",
            "records",
            "--skill",
            "spreadsheets",
            "--level",
            "1-2",
            "--json",
        )
    )
    assert [r["id"] for r in doc["roles"]] == ["records-officer"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("keeper", ["ledger-keeper"]),  # id and title
        ("LEDGER KEEPER", ["ledger-keeper"]),  # case does not matter
        ("cash counter", ["cash-clerk"]),  # a tool
        ("retention rules", ["records-manager"]),  # a responsibility
        ("accountant", ["ledger-keeper"]),  # the summary
    ],
)
def test_roles_free_text(invoke: Invoke, query: str, expected: list[str]) -> None:
    """A free-text query matches id, title, summary, duties and tools, ignoring case."""
    doc = json_out(tiny(invoke, "roles", query, "--json"))
    assert [r["id"] for r in doc["roles"]] == expected


def test_roles_free_text_shipped(invoke: Invoke) -> None:
    """A free-text query on the shipped data finds the accountant and no unrelated role."""
    doc = json_out(invoke(["roles", "accountant", "--json"]))
    ids = [r["id"] for r in doc["roles"]]
    assert "accountant" in ids
    assert "telemarketer" not in ids


def test_roles_no_match_is_not_an_error(invoke: Invoke) -> None:
    """Filters that match nothing exit 0 with a note on stderr and nothing on stdout."""
    result = ok(tiny(invoke, "roles", "astronaut"))
    assert result.stdout == ""
    assert "No role matches" in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "suggestion"),
    [("--family", "recrods", "records"), ("--skill", "typng", "typing")],
)
def test_roles_unknown_filter_suggests_closest(
    invoke: Invoke, option: str, value: str, suggestion: str
) -> None:
    """An unknown family or skill exits 1 and suggests the closest id on stderr."""
    line = one_line_error(tiny(invoke, "roles", option, value))
    assert f"'{value}'" in line
    assert f"did you mean {suggestion}" in line


def test_roles_unknown_family_shipped_suggests_closest(invoke: Invoke) -> None:
    """On the shipped data, --family finance suggests finance-accounting."""
    line = one_line_error(invoke(["roles", "--family", "finance"]))
    assert "finance-accounting" in line


@pytest.mark.parametrize("level", ["0", "6", "3-1", "abc", "1-9", "1-2-3", "two"])
def test_roles_bad_level_is_a_usage_error(invoke: Invoke, level: str) -> None:
    """A --level that is not 1-5 or a low-high range within 1-5 exits 2 with one line."""
    line = one_line_error(tiny(invoke, "roles", "--level", level), code=2)
    assert "--level" in line


# -- role -----------------------------------------------------------------------------------------


def test_role_shows_summary_responsibilities_and_skill_bars(invoke: Invoke) -> None:
    """`role ID` shows the summary, every responsibility and a bar with the level of each skill."""
    out = ok(tiny(invoke, "role", "records-officer")).stdout
    r = TINY.roles["records-officer"]
    assert r.title in out
    assert r.summary in out
    for duty in r.responsibilities:
        assert duty in out
    for sid, level in r.skills.items():
        line = next(ln for ln in out.splitlines() if TINY.skills[sid].name in ln and "/5" in ln)
        assert "█" * level + "░" * (5 - level) in line
        assert f"{level}/5" in line
        assert TINY.skills[sid].anchor(level) in line
    # The ladder in both directions.
    assert "Records Manager (records-manager)" in out
    assert "Filing Clerk (filing-clerk)" in out


def test_role_shows_codes_and_sourced_figures(invoke: Invoke) -> None:
    """`role accountant` shows its O*NET-SOC code and each figure with its source."""
    out = ok(invoke(["role", "accountant"])).stdout
    acc = SHIPPED.roles["accountant"]
    assert acc.codes is not None
    assert f"O*NET-SOC {acc.codes.onet_soc}" in out
    assert f"${acc.figures['median_pay_usd']:,.0f}" in out
    assert "source:" in out


def test_unknown_role_suggests_closest(invoke: Invoke) -> None:
    """`role acountant` exits 1 and suggests accountant."""
    line = one_line_error(invoke(["role", "acountant"]))
    assert line.startswith("bocareer: unknown role 'acountant'; did you mean accountant")


@pytest.mark.parametrize(("knowledge_base", "role_id"), CASES, ids=CASE_IDS)
def test_role_json_contract(invoke: Invoke, knowledge_base: KnowledgeBase, role_id: str) -> None:
    """`role ID --json` has schema_version 1 and the contract keys, consistent with the ladders."""
    doc = json_out(invoke(["--data", knowledge_base.path, "role", role_id, "--json"]))
    assert doc["schema_version"] == 1
    role = doc["role"]
    assert set(role) >= ROLE_KEYS
    assert role["id"] == role_id
    assert role["title"] == knowledge_base.roles[role_id].title
    assert role["family"] in knowledge_base.families
    assert isinstance(role["summary"], str)
    assert role["summary"]
    assert isinstance(role["responsibilities"], list)
    assert role["responsibilities"]
    assert all(isinstance(x, str) for x in role["responsibilities"])
    assert role["skills"]
    for s in role["skills"]:
        assert {"id", "name", "level"} <= set(s)
        assert s["name"] == knowledge_base.skills[s["id"]].name
        assert 1 <= s["level"] <= 5
    assert isinstance(role["codes"], dict)
    assert role["next_roles"] == list(knowledge_base.roles[role_id].next)
    expected_previous = {r.id for r in knowledge_base.roles.values() if role_id in r.next}
    assert set(role["previous_roles"]) == expected_previous
    assert len(role["previous_roles"]) == len(expected_previous)


def test_role_json_codes_of_a_role_without_codes(invoke: Invoke) -> None:
    """A role without codes still has a `codes` key, an empty object."""
    doc = json_out(tiny(invoke, "role", "cash-clerk", "--json"))
    assert doc["role"]["codes"] == {}
    doc = json_out(tiny(invoke, "role", "records-officer", "--json"))
    assert doc["role"]["codes"] == {"onet_soc": "43-4071.00", "onet_title": "File Clerks"}
    assert doc["role"]["figures"]["job_zone"]["value"] == 2
    assert doc["role"]["figures"]["job_zone"]["source"]["title"] == "O*NET 29.3 Job Zones"


# -- skills, families, about ------------------------------------------------------------------------


def test_skills_lists_every_skill(invoke: Invoke) -> None:
    """`skills` shows every skill id and name."""
    out = ok(tiny(invoke, "skills")).stdout
    for sid, skill in TINY.skills.items():
        assert sid in out
        assert skill.name in out


def test_skill_shows_all_five_levels(invoke: Invoke) -> None:
    """`skills SKILL` shows what each of the five levels means."""
    out = ok(invoke(["skills", "spreadsheets"])).stdout
    for text in SHIPPED.skills["spreadsheets"].levels:
        assert text in out


def test_skills_json(invoke: Invoke) -> None:
    """`skills --json` lists every skill with its five levels and exactly the roles that use it."""
    doc = json_out(invoke(["skills", "--json"]))
    assert doc["schema_version"] == 1
    assert [s["id"] for s in doc["skills"]] == list(SHIPPED.skills)
    for s in doc["skills"]:
        assert set(s["levels"]) == {"1", "2", "3", "4", "5"}
        assert s["roles"] == [r.id for r in SHIPPED.roles.values() if s["id"] in r.skills]


def test_unknown_skill_suggests_closest(invoke: Invoke) -> None:
    """`skills spreadsheet` exits 1 and suggests spreadsheets."""
    line = one_line_error(invoke(["skills", "spreadsheet"]))
    assert "did you mean spreadsheets" in line


def test_families(invoke: Invoke) -> None:
    """`families` shows each family with the titles of its roles."""
    out = ok(tiny(invoke, "families")).stdout
    for fam in TINY.families.values():
        assert fam.name in out
    assert "Cash Clerk, Ledger Keeper" in out


def test_families_json(invoke: Invoke) -> None:
    """`families --json` assigns every shipped role to exactly one family."""
    doc = json_out(invoke(["families", "--json"]))
    listed = [rid for f in doc["families"] for rid in f["roles"]]
    assert sorted(listed) == sorted(SHIPPED.roles)
    assert [f["id"] for f in doc["families"]] == list(SHIPPED.families)


def test_about_mentions_front_office(invoke: Invoke) -> None:
    """`about` explains back-office work and compares it with the front office."""
    out = ok(invoke(["about"])).stdout
    assert "front office" in out.lower()
    assert "back-office work" in out.lower()
    for row in SHIPPED.about.comparison:
        assert row.aspect in out


def test_about_json(invoke: Invoke) -> None:
    """`about --json` carries the summary, the comparison and every family."""
    doc = json_out(invoke(["about", "--json"]))
    assert doc["schema_version"] == 1
    assert doc["summary"] == SHIPPED.about.summary
    assert any(c["front_office"] for c in doc["comparison"])
    assert [f["id"] for f in doc["families"]] == list(SHIPPED.families)


# -- path -----------------------------------------------------------------------------------------


def _edges(knowledge_base: KnowledgeBase) -> set[tuple[str, str]]:
    return {(r.id, n) for r in knowledge_base.roles.values() for n in r.next}


@pytest.mark.parametrize(("knowledge_base", "role_id"), CASES, ids=CASE_IDS)
def test_path_json_follows_real_edges(
    invoke: Invoke, knowledge_base: KnowledgeBase, role_id: str
) -> None:
    """`path ID --json`: paths start at the role, routes_in end at it, every step is a `next` edge."""
    doc = json_out(invoke(["--data", knowledge_base.path, "path", role_id, "--json"]))
    assert doc["schema_version"] == 1
    assert doc["role"] == role_id
    edges = _edges(knowledge_base)
    for p in doc["paths"]:
        assert p[0] == role_id
        assert len(p) >= 2
        assert all((a, b) in edges for a, b in pairwise(p))
        assert not knowledge_base.roles[p[-1]].next, "a path goes up to the top of a ladder"
    for p in doc["routes_in"]:
        assert p[-1] == role_id
        assert len(p) >= 2
        assert all((a, b) in edges for a, b in pairwise(p))
        assert not knowledge_base.previous[p[0]], "a route starts at an entry point"
    assert len(doc["paths"]) == len({tuple(p) for p in doc["paths"]})
    assert bool(doc["paths"]) == bool(knowledge_base.roles[role_id].next)
    assert bool(doc["routes_in"]) == bool(knowledge_base.previous[role_id])


def test_path_json_tiny_lists_every_route(invoke: Invoke) -> None:
    """On tiny.yaml the paths and routes are exactly the ones the ladders allow."""
    doc = json_out(tiny(invoke, "path", "records-officer", "--json"))
    assert sorted(doc["paths"]) == [
        ["records-officer", "ledger-keeper"],
        ["records-officer", "records-manager"],
    ]
    assert doc["routes_in"] == [["filing-clerk", "records-officer"]]
    doc = json_out(tiny(invoke, "path", "ledger-keeper", "--json"))
    assert doc["paths"] == []
    assert sorted(doc["routes_in"]) == [
        ["cash-clerk", "ledger-keeper"],
        ["filing-clerk", "records-officer", "ledger-keeper"],
    ]


def test_path_view_shows_steps_and_gaps(invoke: Invoke) -> None:
    """`path ID` draws the ladder with the skills each step asks for, and the routes in."""
    out = ok(tiny(invoke, "path", "filing-clerk")).stdout
    assert "Records Officer (records-officer)" in out
    assert "Ledger Keeper (ledger-keeper)" in out
    # filing-clerk -> records-officer asks for spreadsheets from 0 to 2.
    assert "Spreadsheets 0 → 2" in out
    assert "entry point" in out


def test_path_view_top_of_ladder(invoke: Invoke) -> None:
    """`path` on a role that leads nowhere says it is the top, and lists the routes in."""
    out = ok(tiny(invoke, "path", "records-manager")).stdout
    assert "Top of its ladder" in out
    assert "Filing Clerk → Records Officer → Records Manager" in out


def test_path_unknown_role(invoke: Invoke) -> None:
    """`path` with an unknown id exits 1 with a suggestion."""
    line = one_line_error(tiny(invoke, "path", "cash-clerck"))
    assert "did you mean cash-clerk" in line


# -- JSON purity ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["roles", "--json"],
        ["role", "data-entry-operator", "--json"],
        ["skills", "--json"],
        ["skills", "typing", "--json"],
        ["families", "--json"],
        ["path", "data-entry-operator", "--json"],
        ["about", "--json"],
        ["validate", "--json"],
    ],
)
def test_json_stdout_is_only_json(invoke: Invoke, args: list[str]) -> None:
    """With --json, stdout holds one JSON document and nothing else, with schema_version 1."""
    result = ok(invoke(args))
    doc = json.loads(result.stdout)  # raises on any stray text
    assert doc["schema_version"] == 1
    assert result.stdout.lstrip().startswith("{")
    assert result.stdout.rstrip().endswith("}")


# -- validate ------------------------------------------------------------------------------------


def test_validate_shipped_is_clean(invoke: Invoke) -> None:
    """`validate` on the shipped file exits 0, prints nothing on stdout and an OK line on stderr."""
    result = ok(invoke(["validate"]))
    assert result.stdout == ""
    assert "OK" in result.stderr
    assert f"{len(SHIPPED.roles)} roles" in result.stderr


def test_validate_tiny_via_data_and_env(invoke: Invoke) -> None:
    """`validate` checks --data, BOCAREER_DATA, or an explicit file."""
    for result in (
        tiny(invoke, "validate"),
        invoke(["validate"], env={"BOCAREER_DATA": str(TINY_PATH)}),
        invoke(["validate", str(TINY_PATH)]),
    ):
        ok(result)
        assert "5 roles" in result.stderr


def _broken(write_kb: WriteKb) -> Path:
    """A knowledge base with two errors and one warning."""
    text = kb_text(
        roles="roles:\n"
        + role_text("clerk", family="ofice", skills="{typing: 7, filing: 1}", next="[head-clerk]")
        + role_text("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")
        + role_text("loner", skills="{typing: 5, filing: 3}")
    )
    return write_kb(text)


def test_validate_broken_file_lists_file_line_problems(invoke: Invoke, write_kb: WriteKb) -> None:
    """`validate FILE` prints one `file:line: message` per problem on stdout and exits 1."""
    path = _broken(write_kb)
    result = invoke(["validate", str(path)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    for line in lines:
        assert re.match(rf"^{re.escape(str(path))}:\d+: \S", line), line
    assert "unknown family 'ofice'" in lines[0]
    assert "7 is out of range 1-5" in lines[1]
    assert lines[2].endswith("(warning)")
    assert "2 errors, 1 warning" in result.stderr


def test_validate_warning_alone_fails(invoke: Invoke, write_kb: WriteKb) -> None:
    """A file with only a warning still makes `validate` exit 1."""
    text = kb_text(roles=ROLES + role_text("loner", skills="{typing: 5, filing: 3}"))
    result = invoke(["validate", str(write_kb(text))])
    assert result.exit_code == 1
    assert "(warning)" in result.stdout
    assert "0 errors, 1 warning" in result.stderr


def test_validate_json(invoke: Invoke, write_kb: WriteKb) -> None:
    """`validate --json` lists each problem with file, line, message and severity."""
    path = _broken(write_kb)
    result = invoke(["validate", str(path), "--json"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["schema_version"] == 1
    assert doc["valid"] is False
    assert [p["severity"] for p in doc["problems"]] == ["error", "error", "warning"]
    for p in doc["problems"]:
        assert p["file"] == str(path)
        assert isinstance(p["line"], int)
        assert p["message"]


def test_validate_json_clean(invoke: Invoke) -> None:
    """`validate --json` on a clean file says valid with no problems."""
    doc = json_out(tiny(invoke, "validate", "--json"))
    assert doc == {"schema_version": 1, "valid": True, "problems": [], "grounding": None}


def test_validate_missing_file(invoke: Invoke, tmp_path: Path) -> None:
    """`validate` on a missing file reports it without a line number and exits 1."""
    missing = tmp_path / "gone.yaml"
    result = invoke(["validate", str(missing)])
    assert result.exit_code == 1
    assert result.stdout.strip() == f"{missing}: no such file"


# -- hostile and broken data ------------------------------------------------------------------------


def _markup_kb(write_kb: WriteKb) -> Path:
    text = TINY_PATH.read_text(encoding="utf-8").replace(
        "summary: Looks after an organisation's records and who may see them.",
        'summary: "[bold red]x[/] and [link=http://evil]y[/link]"',
    )
    assert "[link=http://evil]" in text
    return write_kb(text)


def test_rich_markup_in_summary_is_printed_literally(invoke: Invoke, write_kb: WriteKb) -> None:
    """Rich markup in a role summary is shown as typed by `role ID`, not interpreted."""
    path = _markup_kb(write_kb)
    out = ok(invoke(["--data", str(path), "role", "records-officer"])).stdout
    assert "[bold red]x[/]" in out
    assert "[link=http://evil]y[/link]" in out
    assert "\x1b" not in out


def test_rich_markup_in_role_title_is_literal_everywhere(invoke: Invoke, write_kb: WriteKb) -> None:
    """A role title with markup is literal in the roles table, role view, path view and families."""
    text = TINY_PATH.read_text(encoding="utf-8").replace(
        "title: Records Officer", 'title: "[bold]Rec[/bold] [link=http://evil]Officer[/link]"'
    )
    path = write_kb(text)
    literal = "[bold]Rec[/bold] [link=http://evil]Officer[/link]"
    for args in (["roles"], ["role", "records-officer"], ["path", "filing-clerk"], ["families"]):
        out = ok(invoke(["--data", str(path), *args])).stdout
        assert literal in out, args


def test_rich_markup_in_skill_name_is_literal_in_skill_view(
    invoke: Invoke, write_kb: WriteKb
) -> None:
    """A skill name with markup is shown as typed by `skills SKILL`."""
    text = TINY_PATH.read_text(encoding="utf-8").replace(
        "    name: Typing\n", '    name: "[bold red]Typ[/] [link=http://evil]ing[/link]"\n'
    )
    out = ok(invoke(["--data", str(write_kb(text)), "skills", "typing"])).stdout
    assert "[link=http://evil]ing[/link]" in out


def test_rich_markup_in_skill_name_is_literal_in_tables(invoke: Invoke, write_kb: WriteKb) -> None:
    """A skill name with markup is literal in `skills` and in the role view."""
    text = TINY_PATH.read_text(encoding="utf-8").replace(
        "    name: Typing\n", '    name: "[bold red]Typ[/] [link=http://evil]ing[/link]"\n'
    )
    path = write_kb(text)
    for args in (["skills"], ["role", "filing-clerk"]):
        out = ok(invoke(["--data", str(path), *args])).stdout
        assert "[link=http://evil]ing[/link]" in out, args


def test_broken_knowledge_base_is_one_line_with_file_and_line(
    invoke: Invoke, write_kb: WriteKb
) -> None:
    """`roles` on a broken file exits 1 with one stderr line `bocareer: file:line: ...`, no traceback."""
    path = _broken(write_kb)
    line = one_line_error(invoke(["--data", str(path), "roles"]))
    assert re.match(rf"^bocareer: {re.escape(str(path))}:\d+: ", line), line
    assert "unknown family 'ofice'" in line
    assert "(and 1 more problems)" in line  # the warning is not counted as an error


@pytest.mark.parametrize(
    "content",
    [
        b"roles: [\n",  # invalid YAML
        b'x: !!python/object/apply:os.system ["echo hi"]\n',
        b"name: caf\xe9\n",  # not UTF-8
        b"",  # empty
    ],
)
def test_unreadable_knowledge_base_never_tracebacks(
    invoke: Invoke, write_kb: WriteKb, content: bytes
) -> None:
    """Every kind of unreadable file gives a one-line error and exit 1 for a browsing command."""
    path = write_kb(content)
    line = one_line_error(invoke(["--data", str(path), "role", "accountant"]))
    assert str(path) in line
