"""Every command's --json document, and its error document, checked whole against the TypedDicts
in bocareer.output.schema (the contract the README documents)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from bocareer.output import schema
from contract import conforms
from people import SAMPLE_RATINGS

Invoke = Callable[..., Result]


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """The sample person's answers file, with one check missed."""
    path = tmp_path / "me.json"
    doc = {"ratings": SAMPLE_RATINGS, "checks": {"typing": False}}
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


def _commands(answers: Path) -> list[tuple[list[str], Any]]:
    a = str(answers)
    return [
        (["roles"], schema.RolesDoc),
        (["roles", "--family", "finance-accounting"], schema.RolesDoc),
        (["role", "accountant"], schema.RoleDoc),
        (["skills"], schema.SkillsDoc),
        (["skills", "typing"], schema.SkillsDoc),
        (["families"], schema.FamiliesDoc),
        (["path", "data-entry-operator"], schema.PathDoc),
        (["about"], schema.AboutDoc),
        (["validate"], schema.ValidateDoc),
        (["match", "--answers", a], schema.MatchesDoc),
        (["quiz", "--answers", a], schema.QuizDoc),
        (["quiz", "--answers", a, "--full", "--verify"], schema.QuizDoc),
        (["report", "--answers", a, "--name", "Alex"], schema.ReportDoc),
        (["report", "--answers", a, "--brief"], schema.ReportDoc),
        (["gap", "data-analyst", "--answers", a], schema.GapPlanDoc),
        (["learn", "--answers", a], schema.LearnDoc),
        (["next", "--from", "data-entry-operator"], schema.NextDoc),
        (["next", "--from", "data-entry-operator", "--answers", a], schema.NextDoc),
        (["compare", "accountant", "financial-analyst", "internal-auditor"], schema.CompareDoc),
        (["occupations", "store manager"], schema.OccupationsDoc),
        (["occupations", "43-9021"], schema.OccupationsDoc),
        (["next", "--from", "41-1011.00"], schema.NextDoc),
        (["match", "--answers", a, "--from", "cashier"], schema.MatchesDoc),
        (["quiz", "--answers", a, "--from", "data-entry-operator"], schema.QuizDoc),
    ]


def test_every_command_json_matches_its_contract(invoke: Invoke, answers: Path) -> None:
    """Each command's JSON document has exactly the keys and types its TypedDict declares."""
    for args, doc_type in _commands(answers):
        for flag in (["--json"], ["--format", "json"]):
            result = invoke([*args, *flag])
            assert result.exit_code == 0, (args, result.stderr)
            doc = json.loads(result.stdout)
            assert next(iter(doc)) == "schema_version", "schema_version comes first"
            assert doc["schema_version"] == 1
            conforms(doc, doc_type, f"{' '.join(args)}: $")


def test_every_command_with_a_json_flag_is_covered(invoke: Invoke, answers: Path) -> None:
    """The contract test above runs every command that takes --json (none is forgotten)."""
    from bocareer.cli.root import COMMANDS

    covered = {args[0] for args, _ in _commands(answers)} | {"typing"}  # tests/test_typing.py
    for name in COMMANDS:
        help_text = invoke([name, "--help"]).stdout
        if "--json" in help_text:
            assert name in covered, f"{name} takes --json but has no contract check"


@pytest.mark.parametrize(
    ("args", "code", "kind"),
    [
        (["role", "acountant", "--json"], 1, "not-found"),
        (["gap", "nobody", "--answers", "{answers}", "--json"], 1, "not-found"),
        (["match", "--json"], 2, "usage"),
        (["match", "--answers", "{missing}", "--json"], 1, "invalid-data"),
        (["compare", "accountant", "--json"], 2, "usage"),
        (["roles", "--level", "9", "--json"], 2, "usage"),
        (["roles", "--json", "--format", "csv"], 2, "usage"),
        (["roles", "--json", "--no-such-option"], 2, "usage"),
        (["quiz", "--json"], 2, "no-terminal"),
        (["typing", "--json"], 2, "no-terminal"),
        (["occupations", "xyzzy", "--json"], 1, "not-found"),
        (["next", "--from", "xyzzy", "--json"], 1, "not-found"),
        (["next", "--from", "99-9999.00", "--json"], 1, "not-found"),
        (["--data", "{missing}", "roles", "--json"], 1, "invalid-data"),
    ],
)
def test_failures_print_an_error_document(
    invoke: Invoke, answers: Path, tmp_path: Path, args: list[str], code: int, kind: str
) -> None:
    """With --json, a failure prints the error document on stdout, the same one line on
    stderr, and exits with the code the README gives."""
    filled = [a.format(answers=answers, missing=tmp_path / "missing.yaml") for a in args]
    result = invoke(filled)
    assert result.exit_code == code, (result.stdout, result.stderr)
    doc = json.loads(result.stdout)
    conforms(doc, schema.ErrorDoc)
    assert doc["error"]["code"] == kind
    assert doc["error"]["exit_code"] == code
    line = result.stderr.strip()
    assert line == f"bocareer: {doc['error']['message']}"
    assert "\n" not in line


def test_failure_without_json_prints_nothing_on_stdout(invoke: Invoke) -> None:
    """Without --json an error is the stderr line alone."""
    result = invoke(["role", "acountant"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith("bocareer: unknown role 'acountant'; did you mean accountant")
