"""Starting from a job: the search over O*NET titles, the starting profile derived from O*NET,
`occupations`, `next --from` inside and outside the back office, and `quiz --from` through a
file and through the real prompts."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from prompt_toolkit.application import create_app_session
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import Result

from bocareer.kb.load import load, shipped_path
from bocareer.models import KnowledgeBase
from bocareer.occupations.data import Occupation, onet
from bocareer.occupations.profile import from_occupation
from bocareer.occupations.search import search
from bocareer.occupations.start import Ambiguous, resolve
from bocareer.tty import asker as prompts

SHIPPED: KnowledgeBase = load(shipped_path())
DATA = onet()
RATED = sorted(c for c, o in DATA.occupations.items() if o.importance is not None)
UNRATED = sorted(c for c, o in DATA.occupations.items() if o.importance is None)
Invoke = Callable[..., Result]
ENTER = "\r"


def codes(text: str, n: int = 3) -> list[str]:
    return [h.code for h in search(text, n)]


# -- the search ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Data Entry Keyers", "43-9021.00"),  # an occupation's own title
        ("bookkeeper", "43-3031.00"),  # an alternate title
        ("nurse aide", "31-1131.00"),
        ("cashier", "41-2011.00"),
        ("warehouse worker", "53-7062.00"),
        ("retail supervisor", "41-1011.00"),
        ("store manager", "41-1011.00"),
        ("teacher's assistant", "25-9042.00"),
        ("payroll clerks", "43-3051.00"),  # a plural
    ],
)
def test_titles_and_alternate_titles_find_their_occupation(text: str, code: str) -> None:
    assert code in codes(text), search(text, 3)


@pytest.mark.parametrize(
    ("typo", "code"),
    [("bookeeper", "43-3031.00"), ("casheir", "41-2011.00"), ("nurse aid", "31-1131.00")],
)
def test_small_misspellings_are_forgiven(typo: str, code: str) -> None:
    assert code in codes(typo), search(typo, 3)


@pytest.mark.parametrize("text", ["43-9021.00", "43-9021", " 43-9021.00 "])
def test_a_code_finds_its_occupation(text: str) -> None:
    hits = search(text)
    assert [h.code for h in hits] == ["43-9021.00"]
    assert hits[0].title == "Data Entry Keyers"


@pytest.mark.parametrize("text", ["", "   ", "!!!", "xyzzy", "99-9999.00", "a" * 100_000])
def test_nothing_matching_is_an_empty_answer(text: str) -> None:
    assert search(text) == []


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_searches_without_failing(text: str) -> None:
    hits = search(text, 5)
    assert len(hits) <= 5
    assert all(h.code in DATA.occupations for h in hits)


# -- the starting profile --------------------------------------------------------------------


def _raised(code: str, element: str, by: float) -> object:
    """The O*NET data with one element's level for one occupation raised by ``by`` (capped at 7)."""
    occ = DATA.occupations[code]
    assert occ.level is not None
    i = DATA.position[element]
    levels = list(occ.level)
    old = levels[i]
    if old is None:
        return None
    levels[i] = min(7.0, old + by)
    changed = Occupation(occ.code, occ.title, occ.job_zone, occ.importance, tuple(levels))
    return DATA._replace(occupations={**DATA.occupations, code: changed})


@settings(max_examples=150, deadline=None)
@given(
    code=st.sampled_from(RATED),
    skill=st.sampled_from(sorted(s for s, k in SHIPPED.skills.items() if k.onet)),
    by=st.floats(min_value=0.1, max_value=3.0),
    data=st.data(),
)
def test_a_higher_onet_level_never_gives_a_lower_starting_level(
    code: str, skill: str, by: float, data: st.DataObject
) -> None:
    """Raise the level O*NET gives one of a skill's elements for one occupation: that skill's
    starting level for the occupation does not fall."""
    element = data.draw(st.sampled_from(sorted(SHIPPED.skills[skill].onet)))
    raised = _raised(code, element, by)
    if raised is None:
        return  # a work style: rated for importance only
    before = (from_occupation(SHIPPED, DATA, code) or {}).get(skill)
    after = (from_occupation(SHIPPED, raised, code) or {}).get(skill)  # type: ignore[arg-type]
    if before is None:
        assert after is None
        return
    assert after is not None
    assert after.level >= before.level


def test_a_profile_follows_the_occupation() -> None:
    """Data entry keyers start high in typing-like office skills and at 0 in management; a
    nursing assistant starts at 0 in bookkeeping."""
    keyers = from_occupation(SHIPPED, DATA, "43-9021.00") or {}
    assert keyers["people-management"].level <= 1
    assert keyers["attention-to-detail"].level >= 3
    aide = from_occupation(SHIPPED, DATA, "31-1131.00") or {}
    assert aide.get("bookkeeping", (None, 0))[1] == 0
    assert "benefits-administration" not in aide, "shown only by a broad area: not assumed"
    assert "typing" not in aide, "no O*NET element shows typing: it is left unknown"


def test_skills_marked_not_derived_are_left_unknown() -> None:
    derived = {s for code in RATED[:50] for s in from_occupation(SHIPPED, DATA, code) or {}}
    marked = {s for s, k in SHIPPED.skills.items() if k.not_derived}
    assert marked
    assert not derived & marked


def test_an_unrated_occupation_has_no_profile() -> None:
    assert UNRATED
    assert from_occupation(SHIPPED, DATA, UNRATED[0]) is None
    assert resolve(SHIPPED, UNRATED[0]).profile == {}


# -- resolving a starting job ---------------------------------------------------------------


def test_a_role_id_title_or_alias_is_that_role() -> None:
    for text in ("data-entry-operator", "Data Entry Operator", "data entry clerk"):
        start = resolve(SHIPPED, text)
        assert start.role == "data-entry-operator", text
        assert start.key == "data-entry-operator"


def test_an_occupation_outside_the_back_office_is_an_occupation() -> None:
    start = resolve(SHIPPED, "cashier")
    assert (start.role, start.code, start.job_zone) == (None, "41-2011.00", 2)
    assert start.profile


def test_an_ambiguous_title_lists_the_candidates() -> None:
    with pytest.raises(Ambiguous) as caught:
        resolve(SHIPPED, "manager")
    assert len(caught.value.candidates) >= 2
    assert "--from" in str(caught.value)


# -- the commands ----------------------------------------------------------------------------


def test_occupations_lists_codes_and_the_roles_that_share_them(invoke: Invoke) -> None:
    result = invoke(["occupations", "data entry", "--json"])
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    first = doc["occupations"][0]
    assert first["soc_code"] == "43-9021.00"
    assert "data-entry-operator" in first["roles"]


def test_occupations_with_no_match_names_the_closest_titles(invoke: Invoke) -> None:
    result = invoke(["occupations", "xyzzy"])
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "closest titles are" in lines[0]


@pytest.mark.parametrize(
    ("job", "code", "role"),
    [("data-entry-operator", "43-9021.00", "data-entry-operator"), ("cashier", "41-2011.00", None)],
)
def test_next_from_inside_and_outside_the_back_office(
    invoke: Invoke, job: str, code: str, role: str | None
) -> None:
    """From a role, its own role is not a move; from any occupation, the moves come with their
    preparation level beside the job's Job Zone, and a role two levels or more above it (a leap
    no career makes without study) comes after the others."""
    doc = json.loads(invoke(["next", "--from", job, "--json"]).stdout)
    assert doc["from"] == (role or code)
    assert doc["from_occupation"]["soc_code"] == code
    assert doc["from_occupation"]["job_zone"] == 2
    moves = doc["moves"]
    assert moves
    assert job not in [m["id"] for m in moves]
    assert all(1 <= m["preparation"] <= 5 for m in moves)
    zone = doc["from_occupation"]["job_zone"]
    steps = [m["step"] for m in moves]
    for m in moves:
        expect = (
            "leap"
            if m["preparation"] > zone + 1
            else "back"
            if m["preparation"] < zone - 1
            else "level"
        )
        assert m["step"] == expect
    assert steps == sorted(steps, key=lambda s: s != "level"), "leaps and steps back after"
    assert all(m["id"] not in doc["left_out"] for m in moves)


def test_next_from_an_unknown_job_is_one_clear_line(invoke: Invoke) -> None:
    result = invoke(["next", "--from", "xyzzy"])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "closest titles" in result.stderr


def test_next_from_an_occupation_without_skill_data_says_so(invoke: Invoke) -> None:
    result = invoke(["next", "--from", UNRATED[0], "--json"])
    assert result.exit_code == 0, result.stderr
    assert "no skill data" in result.stderr


def test_quiz_from_a_file_records_the_starting_job(invoke: Invoke, tmp_path: Path) -> None:
    """`quiz --answers F --from JOB`: the answers file keeps `from:`; what was assumed is
    marked; the job's own role is not a match."""
    answers = tmp_path / "me.yaml"
    answers.write_text("ratings: {typing: 4, record-keeping: 3}\n", encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = invoke(
        ["quiz", "--answers", str(answers), "--from", "data-entry-operator", "--save", str(out),
         "--json"]
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["from"] == "data-entry-operator"
    assert "data-entry-operator" not in [m["id"] for m in doc["matches"]]
    assert doc["assumed"], "levels the file does not give are assumed from the job"
    saved = out.read_text(encoding="utf-8")
    assert "from: data-entry-operator" in saved
    again = json.loads(invoke(["match", "--answers", str(out), "--json"]).stdout)
    assert again["from"] == "data-entry-operator"
    assert [m["id"] for m in again["matches"]] == [m["id"] for m in doc["matches"]]


def test_quiz_from_an_unrated_occupation_starts_from_nothing(
    invoke: Invoke, tmp_path: Path
) -> None:
    answers = tmp_path / "me.yaml"
    answers.write_text("ratings: {typing: 4}\n", encoding="utf-8")
    result = invoke(["quiz", "--answers", str(answers), "--from", UNRATED[0], "--json"])
    assert result.exit_code == 0, result.stderr
    assert "nothing about the job can be assumed" in result.stderr
    assert json.loads(result.stdout)["assumed"] == []


def test_quiz_from_through_the_real_prompts(
    invoke: Invoke, monkeypatch: pytest.MonkeyPatch, state_dir: Path
) -> None:
    """Enter on every question accepts what the job suggests: the ticked kinds of work and
    skills, and each assumed level. The quiz asks few questions and says it started from the
    job."""
    monkeypatch.setattr(prompts, "terminal_available", lambda: True)
    shown: list[tuple[int, int]] = []
    original = prompts.QuestionaryAsker.rate

    def counting(self: prompts.QuestionaryAsker, skill, number, total, *rest):  # type: ignore[no-untyped-def]
        shown.append((number, total))
        return original(self, skill, number, total, *rest)

    monkeypatch.setattr(prompts.QuestionaryAsker, "rate", counting)
    with create_pipe_input() as inp, create_app_session(input=inp, output=DummyOutput()):
        inp.send_text(ENTER * 30)
        result = invoke(["quiz", "--from", "cashier", "--json"])
    assert result.exit_code == 0, result.stderr
    assert "Starting from your job: Cashiers" in result.stderr
    doc = json.loads(result.stdout)
    assert doc["from"] == "41-2011.00"
    assert doc["from_occupation"]["title"] == "Cashiers"
    assert doc["matches"]
    assert doc["assumed"]
    assert all(n <= t for n, t in shown)
    assert all(n <= 10 for n, _ in shown), "a starting job keeps the quiz to 10 questions"
    saved = (state_dir / "last-answers.yaml").read_text(encoding="utf-8")
    assert "from: 41-2011.00" in saved
