"""`bocareer match` and the scripted `bocareer quiz --answers` through the CLI."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from bocareer import answers as answers_mod
from bocareer.kb.load import load, shipped_path
from bocareer.models import KnowledgeBase
from bocareer.quiz.flow import QUICK_ESTIMATE, SLACK
from cli_asserts import json_out, ok, one_line_error
from kb_text import dedent, marked_line

Invoke = Callable[..., Result]
WriteKb = Callable[..., Path]

SHIPPED: KnowledgeBase = load(shipped_path())
TINY_PATH = Path(__file__).parent / "data" / "tiny.yaml"

#: A person with a clear shape: strong in data entry, some office skills, nothing else.
PERSON = {
    "typing": 4,
    "attention-to-detail": 4,
    "office-software": 3,
    "data-management": 2,
    "spreadsheets": 3,
    "customer-service": 1,
}
PERSON_YAML = "ratings:\n" + "".join(f"  {s}: {v}\n" for s, v in PERSON.items())
MATCH_KEYS = {"id", "title", "family", "score", "strengths", "gaps", "next_roles"}
MATCHES_DOC_KEYS = {
    "schema_version", "matches", "warnings", "from", "from_occupation", "assumed", "level",
    "below_level", "checks", "measured",
}  # fmt: skip


@pytest.fixture
def person_file(write_kb: WriteKb) -> Path:
    """PERSON as a YAML answers file."""
    return write_kb(PERSON_YAML, "person.yaml")


# -- reading answers -----------------------------------------------------------------------


def test_match_reads_yaml_json_and_stdin_alike(invoke: Invoke, write_kb: WriteKb) -> None:
    """The same ratings as YAML, as JSON and on stdin (`-`) give the same matches."""
    yaml_file = write_kb(PERSON_YAML, "p.yaml")
    json_file = write_kb(json.dumps({"ratings": PERSON}, indent=1), "p.json")
    from_yaml = json_out(invoke(["match", "--answers", yaml_file, "--json"]))
    from_json = json_out(invoke(["match", "--answers", json_file, "--json"]))
    from_stdin = json_out(
        invoke(["match", "--answers", "-", "--json"], input=json.dumps({"ratings": PERSON}))
    )
    from_stdin_yaml = json_out(invoke(["match", "-a", "-", "--json"], input=PERSON_YAML))
    assert from_yaml["matches"]
    assert from_yaml == from_json == from_stdin == from_stdin_yaml
    assert from_yaml["matches"][0]["id"] == "data-entry-operator"


def test_match_json_contract(invoke: Invoke, person_file: Path) -> None:
    """--json: schema_version 1, matches best first, each with the documented keys and gaps."""
    doc = json_out(invoke(["match", "--answers", person_file, "--json"]))
    assert doc["schema_version"] == 1
    assert isinstance(doc["warnings"], list)
    matches = doc["matches"]
    assert len(matches) == 5, "--top defaults to 5"
    scores = [m["score"] for m in matches]
    assert scores == sorted(scores, reverse=True)
    assert len({m["id"] for m in matches}) == len(matches)
    for m in matches:
        assert set(m) >= MATCH_KEYS
        role = SHIPPED.roles[m["id"]]
        assert m["title"] == role.title
        assert m["family"] == role.family
        assert m["next_roles"] == list(role.next)
        assert 0 <= m["score"] <= 100
        assert set(m["strengths"]) | {g["skill"] for g in m["gaps"]} == set(role.skills)
        for skill in m["strengths"]:
            assert PERSON.get(skill, 0) >= role.skills[skill]
        for g in m["gaps"]:
            assert set(g) == {"skill", "has", "counted", "needs"}
            assert g["has"] == PERSON.get(g["skill"], 0), "has is the rating in the file"
            assert g["needs"] == role.skills[g["skill"]]
            assert g["has"] < g["needs"]


def test_match_top_limits_the_list(invoke: Invoke, person_file: Path) -> None:
    """--top N returns exactly the first N of the full ranking."""
    full = json_out(invoke(["match", "--answers", person_file, "--json", "--top", "200"]))[
        "matches"
    ]
    assert len(full) == len(SHIPPED.roles)
    two = json_out(invoke(["match", "--answers", person_file, "--json", "--top", "2"]))["matches"]
    assert two == full[:2]
    assert (
        json_out(invoke(["match", "-a", person_file, "--json", "-n", "1"]))["matches"] == full[:1]
    )


def test_match_top_zero_is_a_usage_error(invoke: Invoke, person_file: Path) -> None:
    """--top 0 is refused before anything is ranked."""
    result = invoke(["match", "--answers", person_file, "--top", "0"])
    assert result.exit_code == 2
    assert result.stdout == ""


def test_match_family_keeps_only_that_family(invoke: Invoke, person_file: Path) -> None:
    """--family ranks only that family's roles, in the same order as the full ranking."""
    doc = json_out(
        invoke(
            [
                "match",
                "--answers",
                person_file,
                "--json",
                "--family",
                "finance-accounting",
                "--top",
                "200",
            ]
        )
    )
    ids = [m["id"] for m in doc["matches"]]
    expected = [r for r, role in SHIPPED.roles.items() if role.family == "finance-accounting"]
    assert sorted(ids) == sorted(expected)
    full = json_out(invoke(["match", "--answers", person_file, "--json", "--top", "200"]))
    assert ids == [m["id"] for m in full["matches"] if m["family"] == "finance-accounting"]


def test_match_unknown_family_suggests_one(invoke: Invoke, person_file: Path) -> None:
    """An unknown --family exits 1 naming the closest family."""
    line = one_line_error(invoke(["match", "--answers", person_file, "--family", "finance"]))
    assert "'finance'" in line
    assert "did you mean" in line
    assert "finance-accounting" in line


def test_match_table_shows_top_role_and_score_bar(invoke: Invoke, person_file: Path) -> None:
    """The table names the top role and draws its score as a bar."""
    ranked = json_out(invoke(["match", "--answers", person_file, "--json"]))["matches"]
    result = ok(invoke(["match", "--answers", person_file]))
    out = result.stdout
    assert "Your best matches" in out
    assert "█" in out
    assert ranked[0]["title"] == "Data Entry Operator"
    assert out.index(ranked[0]["title"]) < out.index(ranked[1]["title"]), "best match comes first"
    assert result.stderr == ""


def test_match_without_answers_is_a_usage_error(invoke: Invoke) -> None:
    """`match` with no --answers exits 2 and says how to give them."""
    line = one_line_error(invoke(["match"]), code=2)
    assert "--answers" in line


# -- answers-file errors -------------------------------------------------------------------


def _bad_rating(value: str) -> str:
    """An answers file whose `spreadsheets` rating is ``value``, on the marked line."""
    return dedent(
        f"""
        name: Sam
        ratings:
          typing: 3
          spreadsheets: {value}  #!
          office-software: 2
        """
    )


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        (
            "ratings:\n  typing: 3\n  spreadsheet: 4  #!\n",
            ["unknown skill", "'spreadsheet'", "did you mean", "spreadsheets"],
        ),
        (_bad_rating("-1"), ["'spreadsheets'", "-1", "0 to 5"]),
        (_bad_rating("6"), ["'spreadsheets'", "6", "0 to 5"]),
        (_bad_rating("four"), ["'spreadsheets'", "whole number", "'four'"]),
        (_bad_rating("3.5"), ["'spreadsheets'", "whole number", "3.5"]),
        (_bad_rating("true"), ["'spreadsheets'", "whole number", "true/false"]),
        ("name: Sam  #!\nskipped: [typing]\n", ["missing", "`ratings"]),
        ("ratings: [typing, filing]  #!\n", ["`ratings`", "skill ids"]),
        (
            "ratings:\n  typing: 3\nratngs:  #!\n  filing: 2\n",
            ["unknown key", "'ratngs'", "did you mean ratings"],
        ),
        ("ratings:\n  typing: 3\n  typing: 4  #!\n", ["duplicate key", "'typing'"]),
    ],
    ids=[
        "unknown-skill",
        "minus-one",
        "six",
        "word",
        "fraction",
        "boolean",
        "missing-ratings",
        "ratings-list",
        "misspelt-key",
        "duplicate-skill",
    ],
)
def test_bad_answers_name_file_line_and_key(
    invoke: Invoke, write_kb: WriteKb, text: str, needles: list[str]
) -> None:
    """A bad answers file exits 1 with one line naming the file, the line and the key at fault."""
    path = write_kb(text, "answers.yaml")
    line = one_line_error(invoke(["match", "--answers", path]))
    assert f"{path}:{marked_line(text)}: " in line
    for needle in needles:
        assert needle in line


def test_bad_answers_fail_quiz_answers_too(invoke: Invoke, write_kb: WriteKb) -> None:
    """`quiz --answers` validates the file the same way as `match`."""
    text = _bad_rating("6")
    path = write_kb(text, "answers.yaml")
    line = one_line_error(invoke(["quiz", "--answers", path, "--json"]))
    assert f"{path}:{marked_line(text)}: " in line


def test_bad_answers_on_stdin_are_named_stdin(invoke: Invoke) -> None:
    """An error in answers read from stdin names <stdin> and the line."""
    line = one_line_error(invoke(["match", "--answers", "-"], input="ratings:\n  typing: 9\n"))
    assert "<stdin>:2:" in line
    assert "'typing'" in line


@pytest.mark.parametrize(
    ("text", "needles"),
    [
        ("", ["empty"]),
        ("   \n\n", ["empty"]),
        ("ratings: [\n  typing: 3\n", ["YAML"]),
        ('{"ratings": {"typing": 3,}', ["YAML"]),
        ("just some words\n", ["mapping", "ratings"]),
    ],
    ids=["empty", "blank", "broken-yaml", "broken-json", "not-a-mapping"],
)
def test_unreadable_answers_say_where(
    invoke: Invoke, write_kb: WriteKb, text: str, needles: list[str]
) -> None:
    """Empty or unparsable answers exit 1 with one line naming the file and a line number."""
    path = write_kb(text, "answers.yaml")
    line = one_line_error(invoke(["match", "--answers", path]))
    assert re.search(rf"{re.escape(str(path))}:\d+: ", line), line
    for needle in needles:
        assert needle in line


def test_missing_answers_file(invoke: Invoke, tmp_path: Path) -> None:
    """A nonexistent answers file exits 1 naming it."""
    path = tmp_path / "nope.yaml"
    line = one_line_error(invoke(["match", "--answers", path]))
    assert str(path) in line
    assert "no such file" in line


# -- the scripted quiz ---------------------------------------------------------------------


def test_quiz_without_terminal_or_answers_is_a_usage_error(invoke: Invoke, state_dir: Path) -> None:
    """`quiz` with no terminal and no --answers exits 2 pointing at --answers, and saves nothing."""
    line = one_line_error(invoke(["quiz"]), code=2)
    assert "terminal" in line
    assert "--answers" in line
    assert not (state_dir / "quiz-progress.json").exists()


def test_quiz_answers_json_adds_asked(invoke: Invoke, person_file: Path) -> None:
    """`quiz --answers FILE --json` prints the match keys plus `asked`, with no repeats."""
    doc = json_out(invoke(["quiz", "--answers", person_file, "--json"]))
    assert doc["schema_version"] == 1
    assert set(doc) == MATCHES_DOC_KEYS | {"asked", "questions"}
    assert doc["questions"] >= len(doc["asked"])
    asked = doc["asked"]
    assert asked
    assert len(asked) == len(set(asked))
    assert set(asked) <= set(SHIPPED.skills)
    assert len(asked) <= QUICK_ESTIMATE + SLACK
    assert doc["matches"][0]["id"] == "data-entry-operator"
    for m in doc["matches"]:
        assert set(m) >= MATCH_KEYS


def test_quiz_answers_counts_missing_skills_as_zero(invoke: Invoke, person_file: Path) -> None:
    """A skill the file does not rate is answered 0: it shows as has 0 in the gaps (the full
    quiz, which rates every skill, so the ranking can be compared with `match`)."""
    doc = json_out(invoke(["quiz", "--full", "--answers", person_file, "--json", "--top", "200"]))
    unrated = [s for s in doc["asked"] if s not in PERSON]
    assert unrated, "the quiz should ask at least one skill the file leaves out"
    gaps = [g for m in doc["matches"] for g in m["gaps"] if g["skill"] in unrated]
    assert gaps
    assert all(g["has"] == 0 for g in gaps)
    # And the ranking equals `match` on the asked skills with the unrated ones at 0.
    direct = {s: PERSON.get(s, 0) for s in doc["asked"]}
    again = json_out(
        invoke(
            ["match", "--answers", "-", "--json", "--top", "200"],
            input=json.dumps({"ratings": direct}),
        )
    )
    assert [m["id"] for m in again["matches"]] == [m["id"] for m in doc["matches"]]


def test_quiz_full_asks_every_skill(invoke: Invoke, person_file: Path) -> None:
    """`quiz --full --answers` asks about every skill exactly once."""
    doc = json_out(invoke(["quiz", "--full", "--answers", person_file, "--json"]))
    assert sorted(doc["asked"]) == sorted(SHIPPED.skills)
    assert len(doc["asked"]) == len(SHIPPED.skills)


def test_quiz_save_writes_a_file_match_reads(
    invoke: Invoke, person_file: Path, tmp_path: Path
) -> None:
    """`quiz --answers IN --save OUT` keeps every rating IN gave (not only the ones the quick
    quiz asked) beside what the quiz recorded: `match` ranks OUT as it ranks IN."""
    out = tmp_path / "out.yaml"
    quiz_doc = json_out(invoke(["quiz", "--answers", person_file, "--save", out, "--json"]))
    assert out.is_file()
    saved = answers_mod.read(str(out), SHIPPED)
    assert list(saved.asked) == quiz_doc["asked"]
    assert {s: v for s, v in saved.ratings.items() if v} == {s: v for s, v in PERSON.items() if v}
    from_out = json_out(invoke(["match", "--answers", out, "--json"]))
    from_in = json_out(invoke(["match", "--answers", person_file, "--json"]))
    assert [(m["id"], m["score"]) for m in from_out["matches"]] == [
        (m["id"], m["score"]) for m in from_in["matches"]
    ]


def test_quiz_save_over_its_own_answers_keeps_them_all(invoke: Invoke, write_kb: WriteKb) -> None:
    """`quiz --answers F --save F --force` leaves every rating F had; without --force it refuses
    and F is untouched."""
    every = dict.fromkeys(SHIPPED.skills, 2) | PERSON
    path = write_kb("ratings:\n" + "".join(f"  {s}: {v}\n" for s, v in every.items()), "all.yaml")
    before = path.read_bytes()
    refused = invoke(["quiz", "--answers", path, "--save", path, "--json"])
    assert refused.exit_code == 1
    assert "--force" in refused.stderr
    assert path.read_bytes() == before
    done = invoke(["quiz", "--answers", path, "--save", path, "--force", "--json"])
    assert done.exit_code == 0, done.stderr
    assert answers_mod.read(str(path), SHIPPED).ratings == every


def test_quiz_save_keeps_missed_checks(invoke: Invoke, write_kb: WriteKb, tmp_path: Path) -> None:
    """A check missed in a --verify quiz is kept in the --save file, so `match` scores it as it
    scores the original answers."""
    path = write_kb(PERSON_YAML + "checks:\n  spreadsheets: false\n", "checked.yaml")
    out = tmp_path / "out.yaml"
    quiz_doc = json_out(invoke(["quiz", "--answers", path, "--verify", "--save", out, "--json"]))
    # Spreadsheets is rated 3: asked, or ticked as done well in a checklist; either way checked.
    assert "spreadsheets" in quiz_doc["asked"] + quiz_doc["assumed"]
    assert "spreadsheets" in quiz_doc["matches"][0]["checks_missed"]
    assert answers_mod.read(str(out), SHIPPED).checks["spreadsheets"] is False
    from_out = json_out(invoke(["match", "--answers", out, "--json"]))
    from_in = json_out(invoke(["match", "--answers", path, "--json"]))
    assert [(m["id"], m["score"]) for m in from_out["matches"]] == [
        (m["id"], m["score"]) for m in from_in["matches"]
    ]


def test_quiz_save_into_missing_folder_fails_cleanly(
    invoke: Invoke, person_file: Path, tmp_path: Path
) -> None:
    """--save into a folder that does not exist exits 1 with a clear line and leaves no file."""
    out = tmp_path / "no-such-folder" / "out.yaml"
    line = one_line_error(invoke(["quiz", "--answers", person_file, "--save", out, "--json"]))
    assert str(out) in line
    assert "does not exist" in line
    assert not out.exists()
    assert not out.parent.exists()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")], "no temporary file left"


@pytest.mark.parametrize("command", ["match", "quiz"])
def test_all_zero_answers_match_nothing_with_a_warning(
    invoke: Invoke, write_kb: WriteKb, command: str
) -> None:
    """All-zero ratings give no matches and a warning in JSON, and a message on stderr as a table."""
    path = write_kb("ratings:\n  typing: 0\n  spreadsheets: 0\n  record-keeping: 0\n", "zero.yaml")
    doc = json_out(invoke([command, "--answers", path, "--json"]))
    assert doc["matches"] == []
    assert len(doc["warnings"]) == 1
    assert "no skill above 0" in doc["warnings"][0]
    table = ok(invoke([command, "--answers", path]))
    assert table.stdout == ""
    assert "No role can be matched yet" in table.stderr
    assert "no skill above 0" in table.stderr


def test_match_flat_answers_warn_in_json(invoke: Invoke, write_kb: WriteKb) -> None:
    """Answers that rate every skill the same still rank, with a flat-answers warning."""
    skills = sorted(SHIPPED.skills)[:8]
    path = write_kb("ratings:\n" + "".join(f"  {s}: 3\n" for s in skills), "flat.yaml")
    doc = json_out(invoke(["match", "--answers", path, "--json"]))
    assert doc["matches"]
    assert any("flat" in w for w in doc["warnings"])


def test_match_with_tiny_knowledge_base(invoke: Invoke, write_kb: WriteKb) -> None:
    """--data switches the roles matched: a filing clerk's profile matches tiny's filing clerk."""
    path = write_kb("ratings: {filing: 2, typing: 2, attention-to-detail: 2, teamwork: 1}\n")
    doc = json_out(invoke(["--data", TINY_PATH, "match", "--answers", path, "--json"]))
    assert doc["matches"][0]["id"] == "filing-clerk"
    assert doc["matches"][0]["score"] == 100.0
    assert doc["matches"][0]["next_roles"] == ["records-officer"]
