"""Narrow terminals, plain terminals and long ladders: what a person sees stays whole and legible."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output.vt100 import Vt100_Output
from typer.testing import Result

from bocareer.kb.load import load, shipped_path
from bocareer.tty.asker import QuestionaryAsker
from cli_asserts import ok
from people import SAMPLE_RATINGS

Invoke = Callable[..., Result]
SHIPPED = load(shipped_path())
BOX = re.compile("[┃┏━│─┡╇]")


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """The sample person's answers."""
    path = tmp_path / "me.json"
    path.write_text(json.dumps({"ratings": SAMPLE_RATINGS}), encoding="utf-8")
    return path


def test_tables_keep_role_ids_whole_at_60_columns(invoke: Invoke, answers: Path) -> None:
    """At 60 columns every role id a person may type next is printed whole on one line."""
    for args, listed in [
        (["roles"], "roles"),
        (["match", "--answers", str(answers), "--top", "5"], "matches"),
        (["next", "--from", "data-entry-operator"], "moves"),
    ]:
        result = ok(invoke(args, env={"COLUMNS": "60"}))
        assert max(len(line) for line in result.stdout.splitlines()) <= 60
        doc = json.loads(ok(invoke([*args, "--json"])).stdout)
        for rid in [item["id"] for item in doc[listed]]:
            assert re.search(rf"(^|[\s│]){re.escape(rid)}([\s│]|$)", result.stdout, re.M), rid


def test_below_40_columns_tables_become_lists(invoke: Invoke, answers: Path) -> None:
    """Below 40 columns a table turns into a list: no borders, each id on a line of its own,
    each value labelled, nothing wider than the terminal."""
    for args in (["roles", "--level", "1-2"], ["match", "--answers", str(answers)]):
        out = ok(invoke(args, env={"COLUMNS": "34"})).stdout
        assert not BOX.search(out), out
        assert max(len(line.rstrip()) for line in out.splitlines()) <= 34
    out = ok(invoke(["roles", "--level", "1-2"], env={"COLUMNS": "34"})).stdout
    lines = out.splitlines()
    entry = [r for r in SHIPPED.roles.values() if r.preparation <= 2]
    for r in entry:
        assert r.id in [line.rstrip() for line in lines], r.id
    assert "  Prep.: 2/5" in [line.rstrip() for line in lines]


def test_the_quiz_wraps_level_descriptions_at_60_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a 60-column terminal each level description is shown in full, wrapped, not cut."""
    monkeypatch.setenv("COLUMNS", "60")
    skill = max(SHIPPED.skills.values(), key=lambda s: max(len(x) for x in s.levels))
    screen = io.StringIO()
    out = Vt100_Output(screen, lambda: Size(rows=60, columns=60), term="xterm")
    with create_pipe_input() as inp:
        inp.send_text("\r")
        QuestionaryAsker(input=inp, output=out).rate(skill, 1, 10, False)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.getvalue())
    flat = " ".join(shown.split())
    for text in skill.levels:
        assert " ".join(text.split()) in flat, text
    assert any(len(line.rstrip()) > 40 for line in shown.splitlines()), "really wrapped to ~60"


def _run_ascii(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[bytes]:
    env = {
        **os.environ,
        "PYTHONIOENCODING": "ascii",
        "NO_COLOR": "1",
        "COLUMNS": "100",
        "BOCAREER_STATE_DIR": str(tmp_path / "state"),
    }
    env.pop("BOCAREER_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "bocareer", *args], capture_output=True, env=env, check=False
    )


@pytest.mark.slow
def test_an_ascii_terminal_gets_ascii_bars_and_borders(tmp_path: Path, answers: Path) -> None:
    """With an ASCII-only stdout every view prints ASCII bars, arrows and borders, never an
    internal error about encoding."""
    for args in (
        ["role", "accountant"],
        ["match", "--answers", str(answers)],
        ["path", "data-entry-operator"],
        ["compare", "accountant", "financial-analyst"],
        ["gap", "data-analyst", "--answers", str(answers)],
        ["report", "--answers", str(answers)],
        ["skills", "typing"],
    ):
        proc = _run_ascii(args, tmp_path)
        assert proc.returncode == 0, (args, proc.stderr)
        proc.stdout.decode("ascii")  # raises if anything is not ASCII
        assert b"Traceback" not in proc.stderr
    bars = _run_ascii(["role", "accountant"], tmp_path).stdout.decode()
    assert "#####" in bars or "####-" in bars
    assert "->" in _run_ascii(["path", "data-entry-operator"], tmp_path).stdout.decode()


def _chain(n: int) -> str:
    """A knowledge base whose one ladder climbs through ``n`` roles."""
    skills = "".join(
        f"  s{i}:\n    name: Skill {i}\n    description: Skill {i}.\n"
        "    levels: {1: a, 2: b, 3: c, 4: d, 5: e}\n"
        for i in range(n + 1)
    )
    roles = "".join(
        f"  r{i}:\n    title: Role {i}\n    family: f\n    summary: Role {i}.\n"
        f"    responsibilities: [Work]\n    skills: {{s{i}: 2, s{i + 1}: 3}}\n    tools: []\n"
        "    entry: {education: None, experience: None}\n    preparation: 3\n"
        f"    next: [{f'r{i + 1}' if i + 1 < n else ''}]\n"
        for i in range(n)
    )
    return (
        "schema_version: 1\nfamilies:\n  f:\n    name: F\n    summary: F.\n"
        f"skills:\n{skills}roles:\n{roles}"
    )


def test_a_1500_role_ladder_draws_a_bounded_tree(invoke: Invoke, tmp_path: Path) -> None:
    """A generated ladder of 1,500 roles gives a bounded growth tree, not a RecursionError,
    in the terminal and in documents alike."""
    path = tmp_path / "chain.yaml"
    path.write_text(_chain(1500), encoding="utf-8")
    result = ok(invoke(["--data", str(path), "path", "r0"]))
    assert "Role 10 (r10)" in result.stdout, "ten steps up"
    assert "Role 11 (r11)" not in result.stdout
    assert "1489 more roles further on: `bocareer path r0 --json`" in " ".join(
        result.stdout.split()
    )
    doc = json.loads(ok(invoke(["--data", str(path), "path", "r0", "--json"])).stdout)
    assert doc["paths"][0][-1] == "r1499"
    answers = tmp_path / "a.json"
    answers.write_text(json.dumps({"ratings": {"s0": 2, "s1": 3}}), encoding="utf-8")
    for fmt in ("markdown", "html"):
        text = ok(invoke(["--data", str(path), "report", "--answers", answers, "--format", fmt]))
        assert "Role 2" in text.stdout
        assert "Role 60" not in text.stdout
