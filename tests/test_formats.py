"""One format option for every command: --format, --json, -o FILE by its suffix, clashes, CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from cli_asserts import ok, one_line_error
from people import SAMPLE_RATINGS

Invoke = Callable[..., Result]


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """The sample person's answers."""
    path = tmp_path / "me.json"
    path.write_text(json.dumps({"ratings": SAMPLE_RATINGS}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("suffix", "starts"),
    [(".json", '{\n  "schema_version": 1'), (".md", "# Accountant"), (".html", "<!DOCTYPE html>")],
)
def test_output_suffix_picks_the_format(
    invoke: Invoke, tmp_path: Path, suffix: str, starts: str
) -> None:
    """`role ID -o FILE` writes the format its suffix names, says so on stderr, prints nothing."""
    out = tmp_path / f"accountant{suffix}"
    result = ok(invoke(["role", "accountant", "-o", out]))
    assert result.stdout == ""
    assert result.stderr.strip() == f"Wrote {out}"
    assert out.read_text(encoding="utf-8").startswith(starts)


def test_json_to_a_json_file_is_the_same_document(invoke: Invoke, tmp_path: Path) -> None:
    """`--json -o x.json` writes exactly what `--json` prints."""
    out = tmp_path / "role.json"
    ok(invoke(["role", "accountant", "--json", "-o", out]))
    printed = ok(invoke(["role", "accountant", "--json"])).stdout
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(printed)


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["role", "accountant", "-o", "{tmp}/a.pdf"], "cannot write a .pdf file"),
        (["role", "accountant", "-o", "{tmp}/noext"], "a file without a suffix"),
        (["role", "accountant", "--json", "-o", "{tmp}/a.md"], "--json clashes with -o"),
        (["role", "accountant", "--format", "html", "-o", "{tmp}/a.md"], "clashes with -o"),
        (["roles", "-o", "{tmp}/roles.md"], "cannot write a .md file"),
        (["roles", "--format", "html"], "--format html does not apply here"),
        (["skills", "--format", "csv"], "--format csv does not apply here"),
        (["report", "--answers", "{answers}", "--format", "table"], "does not apply here"),
        (["role", "accountant", "--json", "--format", "markdown"], "--json and --format markdown"),
    ],
)
def test_format_clashes_are_usage_errors(
    invoke: Invoke, tmp_path: Path, answers: Path, args: list[str], needle: str
) -> None:
    """A suffix bocareer cannot write, or options that disagree, exit 2 with one line and no
    file written."""
    filled = [a.format(tmp=tmp_path, answers=answers) for a in args]
    line = one_line_error(invoke(filled), 2)
    assert needle in line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["me.json"]


def test_existing_output_file_needs_force(invoke: Invoke, tmp_path: Path) -> None:
    """-o never replaces a file without --force, and --force does."""
    out = tmp_path / "a.md"
    out.write_text("keep me", encoding="utf-8")
    line = one_line_error(invoke(["role", "accountant", "-o", out]), 1)
    assert "already exists; add --force" in line
    assert out.read_text(encoding="utf-8") == "keep me"
    ok(invoke(["role", "accountant", "-o", out, "--force"]))
    assert out.read_text(encoding="utf-8").startswith("# Accountant")


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("args", "list_key"),
    [
        (["roles"], "roles"),
        (["match", "--answers", "{answers}"], "matches"),
        (["learn", "--answers", "{answers}"], "skills"),
        (["next", "--from", "data-entry-operator"], "moves"),
    ],
)
def test_csv_rows_follow_the_json_document(
    invoke: Invoke, answers: Path, args: list[str], list_key: str
) -> None:
    """--format csv has a header row named after the JSON items' keys and one row per item,
    the same items in the same order."""
    filled = [a.format(answers=answers) for a in args]
    doc = json.loads(ok(invoke([*filled, "--json"])).stdout)
    rows = _csv(ok(invoke([*filled, "--format", "csv"])).stdout)
    items = doc[list_key]
    assert rows, "a CSV with rows"
    assert len(rows) == len(items)
    assert list(rows[0]) == list(items[0]), "the header is the JSON item's keys, in order"
    first_key = next(iter(items[0]))
    assert [r[first_key] for r in rows] == [str(i[first_key]) for i in items]


def test_csv_file_from_suffix(invoke: Invoke, tmp_path: Path) -> None:
    """`roles -o roles.csv` writes CSV a spreadsheet opens: one row per role."""
    out = tmp_path / "roles.csv"
    ok(invoke(["roles", "-o", out]))
    rows = _csv(out.read_text(encoding="utf-8"))
    roles = json.loads(ok(invoke(["roles", "--json"])).stdout)["roles"]
    assert [r["id"] for r in rows] == [r["id"] for r in roles]
    accountant = next(r for r in rows if r["id"] == "accountant")
    assert "bookkeeping:" in accountant["skills"]


def test_csv_cells_cannot_run_as_formulas(invoke: Invoke, write_kb: Callable[..., Path]) -> None:
    """A text from the data that starts like a formula is kept as text in the CSV."""
    from kb_text import kb, role

    path = write_kb(kb(roles="roles:\n" + role("clerk", summary='"=HYPERLINK(1)"')))
    rows = _csv(ok(invoke(["--data", path, "roles", "--format", "csv"])).stdout)
    assert rows[0]["summary"] == "'=HYPERLINK(1)"
