"""What the validator reports for a knowledge base: each problem with its message and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from bocareer.errors import DataError, Problem
from bocareer.kb.load import check, check_grounded, load
from bocareer.models import KnowledgeBase
from kb_text import FAMILIES, ROLES, SKILLS, kb, marked_line, role, skill

WriteKb = Callable[..., Path]

# The second role of the base ladder, reused where a test rewrites the first one.
HEAD_CLERK = role("head-clerk", skills="{typing: 3, filing: 4}", preparation="4")


def run(write_kb: WriteKb, text: str) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Validate ``text`` written to a file."""
    return check(write_kb(text))


def problems_of(write_kb: WriteKb, text: str) -> list[Problem]:
    """Every problem for ``text``; the file must be unusable (at least one error)."""
    knowledge_base, problems = run(write_kb, text)
    assert knowledge_base is None, "expected the file to be rejected"
    return problems


def single(write_kb: WriteKb, text: str) -> Problem:
    """The one problem ``text`` has, which must be an error."""
    problems = problems_of(write_kb, text)
    assert len(problems) == 1, [str(p) for p in problems]
    assert not problems[0].warning
    return problems[0]


def with_clerk(**kwargs: str) -> str:
    """The base knowledge base with the first role rewritten (it still leads to head-clerk)."""
    kwargs.setdefault("next", "[head-clerk]")
    return kb(roles="roles:\n" + role("clerk", **kwargs) + HEAD_CLERK)


def test_base_text_is_valid(write_kb: WriteKb) -> None:
    """The helpers' base knowledge base has no problem, so each test's problem is its own."""
    knowledge_base, problems = run(write_kb, kb())
    assert problems == []
    assert knowledge_base is not None
    assert knowledge_base.previous["head-clerk"] == ("clerk",)


def test_tiny_fixture_is_valid(tiny_path: Path) -> None:
    """tests/data/tiny.yaml validates with no error and no warning."""
    knowledge_base, problems = check(tiny_path)
    assert [str(p) for p in problems] == []
    assert knowledge_base is not None
    assert len(knowledge_base.families) == 2
    assert len(knowledge_base.roles) == 5


# -- schema --------------------------------------------------------------------------------


def test_missing_required_field(write_kb: WriteKb) -> None:
    """A role without `tools` is reported where the role's mapping starts, naming the key."""
    text = kb(
        roles=ROLES.replace("    title: Clerk\n", "    title: Clerk  #!\n", 1).replace(
            "    tools: [Pen]\n", "", 1
        )
    )
    problem = single(write_kb, text)
    assert problem.message == "roles.clerk: missing required key 'tools'"
    assert problem.line == marked_line(text)


def test_missing_top_level_section(write_kb: WriteKb) -> None:
    """A knowledge base without `skills` says so."""
    text = kb(skills="", roles="roles:\n" + role("clerk", skills="{}"))
    messages = [p.message for p in problems_of(write_kb, text)]
    assert "top level: missing required key 'skills'" in messages


def test_unknown_key_with_did_you_mean(write_kb: WriteKb) -> None:
    """A misspelt key is an error on its own line that suggests the key meant."""
    text = with_clerk(extra="    preparaton_note: typo  #!\n")
    problem = single(write_kb, text)
    assert problem.message == (
        "roles.clerk: unknown key 'preparaton_note'; did you mean preparation_note, preparation?"
    )
    assert problem.line == marked_line(text)


def test_unknown_top_level_key(write_kb: WriteKb) -> None:
    """An unknown top-level key is reported with the closest allowed key."""
    text = kb(tail="chekcs: []  #!\n")
    problem = single(write_kb, text)
    assert problem.message.startswith("top level: unknown key 'chekcs'; did you mean checks")
    assert problem.line == marked_line(text)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("6", "roles.clerk.skills.typing: 6 is out of range 1-5"),
        ("0", "roles.clerk.skills.typing: 0 is out of range 1-5"),
        ("four", "roles.clerk.skills.typing: expected a whole number 1-5, found text 'four'"),
        ("2.5", "roles.clerk.skills.typing: expected a whole number 1-5, found the number 2.5"),
        ("true", "roles.clerk.skills.typing: expected a whole number 1-5, found true/false"),
    ],
)
def test_skill_level_outside_one_to_five(write_kb: WriteKb, value: str, message: str) -> None:
    """A role's skill level must be a whole number 1-5; anything else is reported on its line."""
    text = with_clerk(skills=f"\n      typing: {value}  #!\n      filing: 1")
    problem = single(write_kb, text)
    assert problem.message == message
    assert problem.line == marked_line(text)


def test_skill_definition_level_six(write_kb: WriteKb) -> None:
    """A skill that defines a level 6 is told levels run 1-5."""
    text = kb(
        skills="skills:\n"
        + skill("typing")
        + "  filing:\n    name: Filing\n    description: Filing.\n    levels:\n"
        + "".join(f"      {i}: Level {i}\n" for i in range(1, 6))
        + "      6: Beyond  #!\n"
    )
    problem = single(write_kb, text)
    assert problem.message == "skills.filing.levels: level '6' is not 1-5"
    assert problem.line == marked_line(text)


def test_skill_definition_missing_a_level(write_kb: WriteKb) -> None:
    """A skill without a text for level 3 is reported, naming the level."""
    text = kb(
        skills="skills:\n"
        + skill("typing")
        + skill("filing", levels="{1: a, 2: b, 4: d, 5: e}  #!")
    )
    problem = single(write_kb, text)
    assert problem.message == "skills.filing.levels: missing level 3"
    assert problem.line == marked_line(text)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        (
            "preparation",
            "three",
            "roles.clerk.preparation: expected a whole number 1-5, found text 'three'",
        ),
        ("preparation", "7", "roles.clerk.preparation: 7 is out of range 1-5"),
    ],
)
def test_wrong_type_for_preparation(
    write_kb: WriteKb, field: str, value: str, message: str
) -> None:
    """`preparation` must be a whole number 1-5."""
    text = with_clerk(**{field: f"{value}  #!"})
    problem = single(write_kb, text)
    assert problem.message == message
    assert problem.line == marked_line(text)


def test_wrong_type_list_given_text(write_kb: WriteKb) -> None:
    """`responsibilities` given as text instead of a list is a type error on its line."""
    text = kb(
        roles=ROLES.replace(
            "    responsibilities: [Do the work]\n",
            "    responsibilities: Do the work  #!\n",
            1,
        )
    )
    problem = single(write_kb, text)
    assert (
        problem.message == "roles.clerk.responsibilities: expected a list, found text 'Do the work'"
    )
    assert problem.line == marked_line(text)


def test_list_item_split_at_a_comma_inside_brackets(write_kb: WriteKb) -> None:
    """A flow list splits "CRM (e.g. Salesforce, Zendesk)" at its comma; the two halves each
    have an unbalanced bracket, and each is reported on the list's line (a warning: the file
    loads, but `validate` fails)."""
    text = kb(
        roles=ROLES.replace(
            "    tools: [Pen]\n", "    tools: [Pen, CRM (e.g. Salesforce, Zendesk)]  #!\n", 1
        )
    )
    knowledge_base, problems = run(write_kb, text)
    assert knowledge_base is not None
    assert all(p.warning for p in problems)
    assert [p.message for p in problems] == [
        "roles.clerk.tools[2]: 'CRM (e.g. Salesforce' has an unbalanced bracket; a comma inside "
        "brackets splits an item of a [a, b] list: quote the item or write the list one item a "
        "line",
        "roles.clerk.tools[3]: 'Zendesk)' has an unbalanced bracket; a comma inside brackets "
        "splits an item of a [a, b] list: quote the item or write the list one item a line",
    ]
    assert all(p.line == marked_line(text) for p in problems)
    fixed = text.replace("CRM (e.g. Salesforce, Zendesk)", '"CRM (e.g. Salesforce, Zendesk)"')
    assert run(write_kb, fixed)[1] == []


def test_bad_id_is_reported(write_kb: WriteKb) -> None:
    """An id that is not lower-case hyphenated words is reported."""
    text = kb(roles=ROLES + role("Big_Boss", skills="{typing: 5, filing: 3}", mark="  #!"))
    problems = problems_of(write_kb, text)
    bad = [p for p in problems if "should be lower-case words joined by hyphens" in p.message]
    assert len(bad) == 1
    assert bad[0].line == marked_line(text)
    assert "'Big_Boss'" in bad[0].message


# -- references --------------------------------------------------------------------------


def test_unknown_family_with_did_you_mean(write_kb: WriteKb) -> None:
    """A role's family that does not exist is reported with the closest family id."""
    text = with_clerk(family="ofice  #!")
    problem = single(write_kb, text)
    assert problem.message == "roles.clerk.family: unknown family 'ofice'; did you mean office?"
    assert problem.line == marked_line(text)


def test_unknown_skill_with_did_you_mean(write_kb: WriteKb) -> None:
    """A role that needs an undefined skill is reported on that skill's line, with a suggestion."""
    text = with_clerk(skills="\n      typng: 2  #!\n      filing: 1")
    problem = single(write_kb, text)
    assert problem.message == "roles.clerk.skills: unknown skill 'typng'; did you mean typing?"
    assert problem.line == marked_line(text)


def test_unknown_next_role_with_did_you_mean(write_kb: WriteKb) -> None:
    """A `next` id that is no role is reported on its item's line, suggesting the closest ids."""
    text = with_clerk(next="\n      - head-clerk\n      - head-clark  #!")
    problem = single(write_kb, text)
    assert problem.message.startswith(
        "roles.clerk.next: unknown role 'head-clark'; did you mean head-clerk"
    )
    assert problem.line == marked_line(text)


def test_check_with_unknown_skill(write_kb: WriteKb) -> None:
    """A check question about an undefined skill is reported."""
    text = kb(
        tail="checks:\n  - skill: typeing  #!\n    question: Q?\n    options: [a, b]\n    answer: a\n"
    )
    problem = single(write_kb, text)
    assert problem.message == "checks[1].skill: unknown skill 'typeing'; did you mean typing?"
    assert problem.line == marked_line(text)


def test_work_type_with_unknown_role(write_kb: WriteKb) -> None:
    """An about.work_types entry naming an unknown role is reported."""
    text = kb(
        tail="about:\n  work_types:\n    - name: Filing\n      roles:\n        - clerk\n        - clerck  #!\n"
    )
    problem = single(write_kb, text)
    assert problem.message.startswith(
        "about.work_types[1].roles: unknown role 'clerck'; did you mean clerk"
    )
    assert problem.line == marked_line(text)


# -- ladders ---------------------------------------------------------------------------------


def test_cycle_is_reported_naming_the_cycle(write_kb: WriteKb) -> None:
    """A -> B -> C -> A is one error that names the three roles in order."""
    text = kb(
        roles="roles:\n"
        + role("a-role", next="[b-role]", skills="{typing: 1, filing: 2}", mark="  #!")
        + role("b-role", next="[c-role]", skills="{typing: 3, filing: 1}")
        + role("c-role", next="[a-role]", skills="{typing: 3, filing: 4}")
    )
    problem = single(write_kb, text)
    assert problem.message == "roles: the ladder has a cycle: a-role -> b-role -> c-role -> a-role"
    assert problem.line == marked_line(text)


def test_role_leading_to_itself(write_kb: WriteKb) -> None:
    """A role whose `next` names itself is an error on that item."""
    text = with_clerk(next="\n      - head-clerk\n      - clerk  #!")
    messages = [(p.line, p.message) for p in problems_of(write_kb, text)]
    assert (marked_line(text), "roles.clerk.next: a role cannot lead to itself") in messages


# A ladder that passes the grounding check with no problem at all: skills that say why O*NET has
# no element for them, an entry role, a role in between and a top. ``{next}`` is the clerk's moves.
_NO_ONET = "    onet_note: Nothing in O*NET fits.\n"
_LADDER_SKILLS = "skills:\n" + skill("typing", extra=_NO_ONET) + skill("filing", extra=_NO_ONET)


def _ladder(clerk_next: str, clerk_preparation: str = "2", head_preparation: str = "4") -> str:
    return kb(
        skills=_LADDER_SKILLS,
        roles="roles:\n"
        + role("clerk", skills="{typing: 2, filing: 1}", preparation=clerk_preparation,
               next=clerk_next, extra="    entry_point: The first office job.\n")
        + role("filer", skills="{typing: 3, filing: 1}", preparation="3", next="[head-clerk]")
        + role("head-clerk", skills="{typing: 3, filing: 4}", preparation=head_preparation,
               extra="    top_of_ladder: Runs the office.\n"),
    )  # fmt: skip


def test_a_leap_without_a_reason_is_rejected_on_its_line(
    write_kb: WriteKb, invoke: Callable[..., Result]
) -> None:
    """A move that climbs two preparation levels (2 to 4) and says nothing of what makes the leap
    is an error on the move's own line, and `bocareer validate --grounding` rejects the file."""
    path = write_kb(_ladder("\n      - filer\n      - head-clerk  #!"))
    line = marked_line(path.read_text(encoding="utf-8"))
    _, problems, _ = check_grounded(path)
    assert [(p.line, p.warning) for p in problems] == [(line, False)]
    message = (
        "roles.clerk: the move to head-clerk climbs 2 preparation levels (2 to 4) with no reason; "
        "route it through the role a career passes through on the way, or say what makes the "
        "leap (next: [{role: head-clerk, takes: the qualification or experience}])"
    )
    assert problems[0].message == message
    assert str(problems[0]) == f"{path}:{line}: {message}"
    result = invoke(["validate", "--grounding", str(path)])
    assert result.exit_code == 1
    assert f"{path}:{line}: roles.clerk: the move to head-clerk climbs 2" in result.stdout


def test_a_leap_with_its_reason_passes(write_kb: WriteKb, invoke: Callable[..., Result]) -> None:
    """The same leap written `{role, takes}` is no problem, and the reason reaches the model."""
    reason = "A degree in records management and two years of filing."
    path = write_kb(_ladder(f"\n      - filer\n      - {{role: head-clerk, takes: {reason}}}"))
    knowledge_base, problems, _ = check_grounded(path)
    assert [str(p) for p in problems] == []
    assert knowledge_base is not None
    assert knowledge_base.roles["clerk"].takes == {"head-clerk": reason}
    assert invoke(["validate", "--grounding", str(path)]).exit_code == 0


def test_a_route_through_the_role_between_needs_no_reason(write_kb: WriteKb) -> None:
    """Routed through the role one level up (clerk 2 -> filer 3 -> head-clerk 4), no move leaps."""
    _, problems, _ = check_grounded(write_kb(_ladder("[filer]")))
    assert [str(p) for p in problems] == []


@pytest.mark.parametrize(
    ("clerk", "head", "climbs"),
    [("1", "3", 2), ("1", "5", 4), ("2", "3", None), ("5", "4", None)],
)
def test_only_a_climb_of_two_levels_or_more_needs_a_reason(
    write_kb: WriteKb, clerk: str, head: str, climbs: int | None
) -> None:
    """A climb of one level, and a move down, need no reason; two or more levels do."""
    path = write_kb(_ladder("[head-clerk]", clerk_preparation=clerk, head_preparation=head))
    _, problems, _ = check_grounded(path)
    leaps = [p.message for p in problems if p.message.startswith("roles.clerk: the move to")]
    if climbs is None:
        assert leaps == []
    else:
        assert len(leaps) == 1
        assert f"climbs {climbs} preparation levels ({clerk} to {head})" in leaps[0]


def test_isolated_role_is_a_warning(write_kb: WriteKb) -> None:
    """A role nothing leads to and that leads nowhere is a warning; the file still loads."""
    text = kb(roles=ROLES + role("loner", skills="{typing: 5, filing: 3}", mark="  #!"))
    knowledge_base, problems = run(write_kb, text)
    assert knowledge_base is not None
    assert len(problems) == 1
    assert problems[0].warning
    assert problems[0].message == "roles.loner: no role leads to it and it leads nowhere"
    assert problems[0].line == marked_line(text)


def test_entry_level_dead_end_is_a_warning(write_kb: WriteKb) -> None:
    """An entry-level role (preparation 1-2) that leads nowhere is a warning."""
    text = kb(
        roles="roles:\n"
        + role("clerk", next="[head-clerk, junior]")
        + HEAD_CLERK
        + role("junior", skills="{typing: 1, filing: 1}", preparation="1", mark="  #!")
    )
    knowledge_base, problems = run(write_kb, text)
    assert knowledge_base is not None
    assert [(p.line, p.warning) for p in problems] == [(marked_line(text), True)]
    assert (
        problems[0].message
        == "roles.junior: an entry-level role (preparation 1) that leads nowhere"
    )


def test_unused_skill_is_a_warning(write_kb: WriteKb) -> None:
    """A skill no role needs is a warning on the skill's line."""
    text = kb(skills=SKILLS + skill("sorting", mark="  #!"))
    knowledge_base, problems = run(write_kb, text)
    assert knowledge_base is not None
    assert len(problems) == 1
    assert problems[0].warning
    assert problems[0].message == "skill 'sorting' is used by no role"
    assert problems[0].line == marked_line(text)


def test_identical_profiles_are_reported(write_kb: WriteKb) -> None:
    """Two roles needing the same skills at the same levels cannot be told apart: an error."""
    text = kb(
        roles=ROLES
        + role("twin", skills="{filing: 4, typing: 3}", next="[head-clerk]", mark="  #!")
    )
    problem = single(write_kb, text)
    assert problem.message == (
        "roles.twin: has the same skill profile as 'head-clerk'; the quiz could never tell them apart"
    )
    assert problem.line == marked_line(text)


def test_proportional_profiles_are_reported(write_kb: WriteKb) -> None:
    """{a: 1, b: 2} and {a: 2, b: 4} are proportional: an error naming the earlier role."""
    text = kb(
        roles="roles:\n"
        + role("clerk", skills="{typing: 1, filing: 2}", next="[head-clerk]")
        + role("head-clerk", skills="{typing: 2, filing: 4}", preparation="4", mark="  #!")
    )
    problem = single(write_kb, text)
    assert problem.message == (
        "roles.head-clerk: has a skill profile proportional to 'clerk'; "
        "the quiz could never tell them apart"
    )
    assert problem.line == marked_line(text)


def test_different_profiles_with_shared_ratios_are_not_proportional(write_kb: WriteKb) -> None:
    """{a: 2, b: 4} and {a: 3, b: 5} share no scale factor and are both accepted."""
    text = kb(
        roles="roles:\n"
        + role("clerk", skills="{typing: 2, filing: 4}", next="[head-clerk]")
        + role("head-clerk", skills="{typing: 3, filing: 5}", preparation="4")
    )
    assert run(write_kb, text)[1] == []


# -- figures and sources ---------------------------------------------------------------------


def test_figure_without_source(write_kb: WriteKb) -> None:
    """A figure whose key has no entry in `sources` is an error on the figure's line."""
    text = with_clerk(extra="    figures:\n      job_zone: 3  #!\n")
    problem = single(write_kb, text)
    assert problem.message == (
        "roles.clerk.figures.job_zone: no figure without a source; add sources.job_zone"
    )
    assert problem.line == marked_line(text)


def test_preparation_departing_from_job_zone_needs_a_note(write_kb: WriteKb) -> None:
    """preparation 3 with job_zone 2 and no preparation_note is an error on `preparation`."""
    text = kb(
        head="sources:\n  job_zone: {title: O*NET Job Zones, year: 2025}\n",
        roles="roles:\n"
        + role(
            "clerk", preparation="3  #!", next="[head-clerk]", extra="    figures: {job_zone: 2}\n"
        )
        + HEAD_CLERK,
    )
    problem = single(write_kb, text)
    assert problem.message == (
        "roles.clerk.preparation: 3 departs from the O*NET Job Zone 2; say why in preparation_note"
    )
    assert problem.line == marked_line(text)


def test_preparation_note_excuses_the_departure(write_kb: WriteKb) -> None:
    """The same departure with a preparation_note is accepted."""
    text = kb(
        head="sources:\n  job_zone: {title: O*NET Job Zones, year: 2025}\n",
        roles="roles:\n"
        + role(
            "clerk",
            next="[head-clerk]",
            extra="    figures: {job_zone: 2}\n    preparation_note: Employers ask for more.\n",
        )
        + HEAD_CLERK,
    )
    knowledge_base, problems = run(write_kb, text)
    assert problems == []
    assert knowledge_base is not None
    assert knowledge_base.roles["clerk"].preparation_note == "Employers ask for more."


def test_automation_probability_above_one(write_kb: WriteKb) -> None:
    """An automation probability outside 0-1 is an error."""
    text = kb(
        head="sources:\n  automation_probability: {title: Frey and Osborne}\n",
        roles="roles:\n"
        + role(
            "clerk", next="[head-clerk]", extra="    figures: {automation_probability: 1.5}  #!\n"
        )
        + HEAD_CLERK,
    )
    problem = single(write_kb, text)
    assert "1.5 is not a probability between 0 and 1" in problem.message
    assert problem.line == marked_line(text)


def test_infinite_figure_is_refused(write_kb: WriteKb) -> None:
    """A figure of .inf is not a number a source could give, so it is an error."""
    text = kb(
        head="sources:\n  median_pay_usd: {title: BLS OEWS}\n",
        roles="roles:\n"
        + role("clerk", next="[head-clerk]", extra="    figures: {median_pay_usd: .inf}  #!\n")
        + HEAD_CLERK,
    )
    problem = single(write_kb, text)
    assert problem.line == marked_line(text)


def test_source_for_no_field_is_a_warning(write_kb: WriteKb) -> None:
    """A source whose key is no field sources nothing: a warning."""
    text = kb(head="sources:\n  salary: {title: Somewhere}  #!\n")
    knowledge_base, problems = run(write_kb, text)
    assert knowledge_base is not None
    assert [(p.line, p.warning) for p in problems] == [(marked_line(text), True)]
    assert "no field is called 'salary'" in problems[0].message


# -- checks ------------------------------------------------------------------------------------


def test_check_answer_not_among_options(write_kb: WriteKb) -> None:
    """A check whose answer is none of its options is an error on `answer`."""
    text = kb(
        tail="checks:\n  - skill: typing\n    question: Q?\n    options: [a, b]\n    answer: c  #!\n"
    )
    problem = single(write_kb, text)
    assert problem.message == "checks[1].answer: must be exactly one of the options"
    assert problem.line == marked_line(text)


def test_check_with_repeated_options(write_kb: WriteKb) -> None:
    """A check that lists the same option twice is an error on `options`."""
    text = kb(
        tail="checks:\n  - skill: typing\n    question: Q?\n    options: [a, a, b]  #!\n    answer: b\n"
    )
    problem = single(write_kb, text)
    assert problem.message == "checks[1].options: the same option appears twice"
    assert problem.line == marked_line(text)


def test_check_with_repeated_answer_option_reports_both(write_kb: WriteKb) -> None:
    """When the answer itself appears twice, both the repetition and the ambiguity are reported."""
    text = kb(
        tail="checks:\n  - skill: typing\n    question: Q?\n    options: [a, a, b]\n    answer: a\n"
    )
    messages = {p.message for p in problems_of(write_kb, text)}
    assert messages == {
        "checks[1].options: the same option appears twice",
        "checks[1].answer: must be exactly one of the options",
    }


# -- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("escape", [r"\e", r"\x1b", r"\x9b", r"\x07"])
def test_control_character_in_summary(write_kb: WriteKb, escape: str) -> None:
    """A terminal control character (written as a YAML escape) in a summary is an error on its line."""
    text = with_clerk(summary=f'"Red {escape}[31malert"  #!')
    problem = single(write_kb, text)
    assert problem.message == "roles.clerk.summary: contains a control character"
    assert problem.line == marked_line(text)


def test_tab_in_text_is_allowed(write_kb: WriteKb) -> None:
    """A tab is not a terminal control character and is accepted."""
    text = with_clerk(summary='"Files\\tthings."')
    assert run(write_kb, text)[1] == []


def test_empty_text_is_reported(write_kb: WriteKb) -> None:
    """A summary of only spaces is reported as empty."""
    text = with_clerk(summary='"   "  #!')
    problem = single(write_kb, text)
    assert problem.message == "roles.clerk.summary: is empty"
    assert problem.line == marked_line(text)


def test_schema_version_true_is_refused(write_kb: WriteKb) -> None:
    """schema_version must be the number 1; true is not."""
    text = kb().replace("schema_version: 1\n", "schema_version: true  #!\n")
    problem = single(write_kb, text)
    assert problem.line == marked_line(text)


def test_schema_version_two_is_refused(write_kb: WriteKb) -> None:
    """A schema_version this bocareer does not read is an error naming both versions."""
    text = kb().replace("schema_version: 1\n", "schema_version: 2  #!\n")
    problem = single(write_kb, text)
    assert problem.message == "schema_version is 2; this bocareer reads 1"
    assert problem.line == marked_line(text)


# -- all at once --------------------------------------------------------------------------------


def test_all_problems_are_reported_in_one_run(write_kb: WriteKb) -> None:
    """A file with three distinct errors yields three problems, each on its own line, in file order."""
    text = kb(
        roles="roles:\n"
        + role(
            "clerk",
            family="ofice  #1",
            skills="\n      typing: 7  #2\n      filing: 1",
            next="\n      - head-clerk\n      - head-clark  #3",
        )
        + HEAD_CLERK
    )
    problems = problems_of(write_kb, text)
    assert [p.line for p in problems] == [marked_line(text, f"#{i}") for i in (1, 2, 3)]
    assert "unknown family 'ofice'" in problems[0].message
    assert "7 is out of range 1-5" in problems[1].message
    assert "unknown role 'head-clark'" in problems[2].message


def test_load_raises_with_every_error(write_kb: WriteKb) -> None:
    """load() raises DataError carrying every error, and its message counts the rest."""
    text = kb(
        roles="roles:\n"
        + role("clerk", family="ofice", skills="{typing: 7, filing: 1}", next="[head-clerk]")
        + HEAD_CLERK
    )
    with pytest.raises(DataError) as info:
        load(write_kb(text))
    assert len(info.value.problems) == 2
    assert str(info.value).endswith("(and 1 more problems)")
    assert "unknown family 'ofice'" in str(info.value)


def test_one_role_knowledge_base_loads(write_kb: WriteKb) -> None:
    """A knowledge base with a single role and no ladder loads with no problem at all."""
    text = kb(roles="roles:\n" + role("clerk", preparation="1"))
    knowledge_base, problems = run(write_kb, text)
    assert problems == []
    assert knowledge_base is not None
    assert list(knowledge_base.roles) == ["clerk"]
    assert knowledge_base.previous == {"clerk": ()}


def test_empty_roles_section_is_an_error(write_kb: WriteKb) -> None:
    """`roles: {}` is reported as empty."""
    text = kb(roles="roles: {}  #!\n", skills="skills: {}\n", families=FAMILIES)
    problems = problems_of(write_kb, text)
    assert (marked_line(text), "roles: is empty") in [(p.line, p.message) for p in problems]


def test_previous_is_the_reverse_of_next(tiny_path: Path) -> None:
    """KnowledgeBase.previous lists exactly the roles whose `next` names each role."""
    knowledge_base = load(tiny_path)
    for rid in knowledge_base.roles:
        expected = {r.id for r in knowledge_base.roles.values() if rid in r.next}
        assert set(knowledge_base.previous[rid]) == expected
    assert set(knowledge_base.previous["ledger-keeper"]) == {"records-officer", "cash-clerk"}
