"""The JSON documents bocareer prints, as TypedDicts: the contract scripts rely on.

mypy checks every builder in :mod:`bocareer.output.jsondoc` against these, and
``tests/test_json_contract.py`` checks every command's real output against them. Within a
``schema_version`` keys are only ever added, never renamed or removed (README, JSON output).
This module is imported for type checking and by the tests, never at run time.
"""

from __future__ import annotations

from typing import TypedDict

# -- browsing -------------------------------------------------------------------------------


class SkillLevelDoc(TypedDict):
    id: str
    level: int


class RoleBriefDoc(TypedDict):
    id: str
    title: str
    family: str
    preparation: int
    summary: str
    skills: list[SkillLevelDoc]
    next_roles: list[str]
    previous_roles: list[str]


class RolesDoc(TypedDict):
    schema_version: int
    roles: list[RoleBriefDoc]


class RoleSkillDoc(TypedDict):
    id: str
    name: str
    level: int
    meaning: str


class EntryDoc(TypedDict):
    education: str
    experience: str


class CodesDoc(TypedDict, total=False):
    onet_soc: str
    onet_title: str
    isco: str
    isco_title: str
    note: str
    fit: str


class SourceDoc(TypedDict, total=False):
    title: str
    year: int
    url: str
    note: str


class FigureDoc(TypedDict):
    value: float
    source: SourceDoc


class RoleFullDoc(TypedDict):
    id: str
    title: str
    family: str
    family_name: str
    summary: str
    responsibilities: list[str]
    skills: list[RoleSkillDoc]
    tools: list[str]
    entry: EntryDoc
    preparation: int
    preparation_note: str | None
    next_roles: list[str]
    previous_roles: list[str]
    codes: CodesDoc
    figures: dict[str, FigureDoc]
    seed: bool
    also_called: list[str]
    takes: dict[str, str]
    entry_point: str | None
    top_of_ladder: str | None


class RoleDoc(TypedDict):
    schema_version: int
    role: RoleFullDoc


class SkillDoc(TypedDict):
    id: str
    name: str
    description: str
    levels: dict[str, str]
    roles: list[str]


class SkillsDoc(TypedDict):
    schema_version: int
    skills: list[SkillDoc]


class FamilyDoc(TypedDict):
    id: str
    name: str
    summary: str
    roles: list[str]


class FamiliesDoc(TypedDict):
    schema_version: int
    families: list[FamilyDoc]


class PathDoc(TypedDict):
    schema_version: int
    role: str
    paths: list[list[str]]
    routes_in: list[list[str]]


class NamedTextDoc(TypedDict):
    name: str
    text: str


class ComparisonRowDoc(TypedDict):
    aspect: str
    back_office: str
    front_office: str


class WorkTypeDoc(TypedDict):
    name: str
    roles: list[str]


class AboutDoc(TypedDict):
    schema_version: int
    summary: str
    features: list[str]
    duties: list[NamedTextDoc]
    comparison: list[ComparisonRowDoc]
    work_types: list[WorkTypeDoc]
    challenges: list[NamedTextDoc]
    outlook: str
    families: list[FamilyDoc]


class CompareRoleDoc(TypedDict):
    id: str
    title: str
    preparation: int
    skills: dict[str, int]
    only: list[str]
    figures: dict[str, FigureDoc]


class CompareDoc(TypedDict):
    schema_version: int
    roles: list[CompareRoleDoc]
    skills: list[str]


class ProblemDoc(TypedDict):
    file: str
    line: int | None
    message: str
    severity: str


class CorrelationDoc(TypedDict):
    skill: str
    roles: int
    rho: float | None


class DepartureDoc(TypedDict):
    role: str
    skill: str
    required: int
    expected: int
    onet_level: float
    why: str | None


class UncoveredDoc(TypedDict):
    role: str
    element: str
    name: str
    importance: float
    why: str | None


class GroundingDoc(TypedDict):
    rated_roles: int
    skills: list[CorrelationDoc]
    departures: list[DepartureDoc]
    uncovered: list[UncoveredDoc]


class ValidateDoc(TypedDict):
    schema_version: int
    valid: bool
    problems: list[ProblemDoc]
    grounding: GroundingDoc | None


# -- a person against the roles ---------------------------------------------------------------


class GapDoc(TypedDict):
    skill: str
    has: int
    counted: float
    needs: int


class MatchDoc(TypedDict):
    id: str
    title: str
    family: str
    preparation: int
    score: float
    coverage: float
    focus: float
    """The former name of ``use`` (same value), kept for scripts written against it."""
    reason: str
    strengths: list[str]
    gaps: list[GapDoc]
    checks_missed: list[str]
    next_roles: list[str]
    use: float
    skill_score: float | None
    """With a starting job (``from``): the score from the skills alone; ``score`` then blends
    in ``similarity``. Null without one."""
    similarity: float | None
    """With a starting job: how near the job is to the role's occupation, as a share of the
    nearest role (0-1). Null without one."""


class CheckEffectDoc(TypedDict):
    skill: str
    rated: int
    counted: float
    role: str
    score_before: float
    score_after: float


class MeasuredDoc(TypedDict):
    skill: str
    claimed: int
    level: int


class OccupationRefDoc(TypedDict):
    soc_code: str | None
    title: str
    job_zone: int | None


# "from" is a Python keyword, so these documents are declared the functional way.
MatchesDoc = TypedDict(
    "MatchesDoc",
    {
        "schema_version": int,
        "matches": list[MatchDoc],
        "warnings": list[str],
        "from": str | None,
        "from_occupation": OccupationRefDoc | None,
        "assumed": list[str],
        "level": int | None,
        "below_level": bool,
        "checks": list[CheckEffectDoc],
        "measured": list[MeasuredDoc],
    },
)


class QuizDoc(MatchesDoc):
    asked: list[str]
    questions: int


class StepDoc(TypedDict):
    skill: str
    has: int
    needs: int
    score_after: float


class GapPlanDoc(TypedDict):
    schema_version: int
    role: str
    score: float
    steps: list[StepDoc]
    stepping_stones: list[str]


class PlanDoc(TypedDict):
    role: str
    score: float
    steps: list[StepDoc]
    stepping_stones: list[str]


class RatingDoc(TypedDict):
    skill: str
    rating: int
    check_missed: bool
    assumed: bool
    """Taken from the starting job or a ticked checklist, not rated one by one."""


ReportDoc = TypedDict(
    "ReportDoc",
    {
        "schema_version": int,
        "name": str | None,
        "date": str,
        "brief": bool,
        "ratings": list[RatingDoc],
        "matches": list[MatchDoc],
        "plans": list[PlanDoc],
        "warnings": list[str],
        "from": str | None,
        "from_occupation": OccupationRefDoc | None,
    },
)


class OpeningDoc(TypedDict):
    skill: str
    has: int
    to_level: int
    opens: list[str]


class LearnDoc(TypedDict):
    schema_version: int
    within_reach_score: float
    skills: list[OpeningDoc]


class NewSkillDoc(TypedDict):
    skill: str
    has: int
    needs: int


class MoveDoc(TypedDict):
    id: str
    title: str
    similarity: float
    on_ladder: bool
    new_skills: list[NewSkillDoc]
    preparation: int
    carries_over: list[str]
    step: str


NextDoc = TypedDict(
    "NextDoc",
    {
        "schema_version": int,
        "from": str,
        "from_occupation": OccupationRefDoc,
        "moves": list[MoveDoc],
        "left_out": list[str],
    },
)


class OccupationDoc(TypedDict):
    soc_code: str
    title: str
    job_zone: int | None
    matched_title: str
    roles: list[str]


class OccupationsDoc(TypedDict):
    schema_version: int
    query: str
    occupations: list[OccupationDoc]


class TypingDoc(TypedDict):
    schema_version: int
    mode: str
    """"words" (a passage) or "numbers" (the numeric keypad)."""
    time_limit_seconds: float
    seconds: float
    characters: int
    uncorrected_errors: int
    keystrokes: int
    wrong_keystrokes: int
    gross_wpm: float
    net_wpm: float
    accuracy: float
    accuracy_counting_corrections: float
    keystrokes_per_hour: int
    skill: str | None
    level: int | None


class ErrorBodyDoc(TypedDict):
    code: str
    message: str
    exit_code: int


class ErrorDoc(TypedDict):
    schema_version: int
    error: ErrorBodyDoc
