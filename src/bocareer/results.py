"""One typed, immutable result per command: everything a renderer needs, names resolved.

Commands build one of these (``sheets`` for the browsing commands, ``advice`` for the ones about
a person) and hand it to :func:`bocareer.output.emit`; the terminal, JSON, Markdown, HTML and CSV
renderers draw it and compute nothing, so a wording or a number is decided in one place.
NamedTuples rather than dataclasses: as immutable, and far cheaper to define at start-up.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:  # annotations only: importing them would cost every command start-up time
    from bocareer.errors import Problem
    from bocareer.kb.grounding import Grounding
    from bocareer.ladders import GrowthTree
    from bocareer.models import About, Codes, Source
    from bocareer.typingtest import Result as TypingFigures


class RoleRef(NamedTuple):
    """A role named in a result: its id (to type next) and its title (to read)."""

    id: str
    title: str


class SkillRef(NamedTuple):
    """A skill named in a result."""

    id: str
    name: str


class SkillLevel(NamedTuple):
    """A skill a role needs, with what that level means."""

    id: str
    name: str
    level: int
    meaning: str


class Figure(NamedTuple):
    """A sourced figure about a role's occupation."""

    key: str
    value: float
    source: Source | None


# -- browsing -------------------------------------------------------------------------------


class RoleSheet(NamedTuple):
    """One role in full: the hand-out a counsellor prints (``role ID``)."""

    id: str
    title: str
    family: str
    family_name: str
    summary: str
    responsibilities: tuple[str, ...]
    skills: tuple[SkillLevel, ...]
    """In the file's order; :meth:`by_level` for display."""
    tools: tuple[str, ...]
    education: str
    experience: str
    preparation: int
    preparation_note: str | None
    leads_to: tuple[RoleRef, ...]
    comes_from: tuple[RoleRef, ...]
    codes: Codes | None
    figures: tuple[Figure, ...]
    seed: bool
    also_called: tuple[str, ...] = ()
    takes: tuple[str | None, ...] = ()
    """For each of :attr:`leads_to`, what the move takes when the data says (a degree ...)."""
    entry_point: str | None = None
    top_of_ladder: str | None = None

    def by_level(self) -> tuple[SkillLevel, ...]:
        """The skills, highest level first (stable for equal levels)."""
        return tuple(sorted(self.skills, key=lambda s: -s.level))


class RoleBrief(NamedTuple):
    """A role as ``roles`` lists it."""

    id: str
    title: str
    family: str
    family_name: str
    preparation: int
    summary: str
    skills: tuple[tuple[str, int], ...]
    next_roles: tuple[str, ...]
    previous_roles: tuple[str, ...]


class RolesResult(NamedTuple):
    """``roles``: the roles that pass the filters, in the file's order."""

    roles: tuple[RoleBrief, ...]


class SkillInfo(NamedTuple):
    """A skill: what it is, what each level means, and the roles that use it."""

    id: str
    name: str
    description: str
    levels: tuple[str, str, str, str, str]
    roles: tuple[str, ...]


class SkillsResult(NamedTuple):
    """``skills [ID]``: every skill, or one skill's levels (``detail``)."""

    skills: tuple[SkillInfo, ...]
    detail: bool


class FamilyInfo(NamedTuple):
    """A back-office family and its roles."""

    id: str
    name: str
    summary: str
    roles: tuple[RoleRef, ...]


class FamiliesResult(NamedTuple):
    """``families``."""

    families: tuple[FamilyInfo, ...]


class PathResult(NamedTuple):
    """``path ID``: where a role leads and the routes into it."""

    role: RoleRef
    tree: GrowthTree
    paths: tuple[tuple[str, ...], ...]
    routes_in: tuple[tuple[RoleRef, ...], ...]


class WorkTypeInfo(NamedTuple):
    """A kind of back-office work and the roles that do it."""

    name: str
    roles: tuple[RoleRef, ...]


class AboutResult(NamedTuple):
    """``about``: what back-office work is."""

    about: About
    work_types: tuple[WorkTypeInfo, ...]
    families: FamiliesResult


class CompareRole(NamedTuple):
    """One role in a comparison."""

    id: str
    title: str
    preparation: int
    levels: tuple[int, ...]
    """The level needed of each skill of :attr:`Comparison.skills` (0 = not needed)."""
    only: tuple[SkillRef, ...]
    figures: tuple[Figure, ...]


class CompareResult(NamedTuple):
    """``compare``: two or three roles side by side."""

    roles: tuple[CompareRole, ...]
    skills: tuple[SkillRef, ...]
    """Every skill any of the roles needs, most needed first."""


class ValidateResult(NamedTuple):
    """``validate``: every problem of one file and, when it loads, what it holds."""

    path: str
    problems: tuple[Problem, ...]
    counts: tuple[int, int, int, int] | None
    """Roles, skills, families and check questions, when the file is usable."""
    grounding: Grounding | None = None
    """The grounding check's figures, when it was asked for (``--grounding``)."""


# -- a person against the roles ---------------------------------------------------------------


class GapLine(NamedTuple):
    """A skill below what a role needs: the rating given, the rating the score counts (lower
    after a missed check) and the level needed."""

    skill: str
    name: str
    rated: int
    counted: float
    needs: int


class MissedCheck(NamedTuple):
    """A skill whose check question was missed: the score counts it at half the rating."""

    skill: str
    name: str
    rated: int
    counted: float


class MatchLine(NamedTuple):
    """One role scored for one person, with what the person brings and lacks."""

    id: str
    title: str
    family: str
    family_name: str
    preparation: int
    score: float
    coverage: float
    focus: float
    strengths: tuple[SkillRef, ...]
    gaps: tuple[GapLine, ...]
    missed: tuple[MissedCheck, ...]
    next_roles: tuple[RoleRef, ...]
    skill_score: float | None = None
    """With a starting job: the score from the skills alone."""
    similarity: float | None = None
    """With a starting job: how near it is to the role, as a share of the nearest role (0-1)."""


class StartInfo(NamedTuple):
    """The job a person starts from: a bocareer role or an O*NET occupation."""

    code: str | None
    title: str
    job_zone: int | None
    role: RoleRef | None
    """The bocareer role, when the job is one ("where you are")."""
    occupation: str | None = None
    """O*NET's title for ``code`` (for a role, its occupation's title, not the role's)."""

    @property
    def key(self) -> str:
        """The role id, else the O*NET-SOC code: what ``from`` holds in JSON and answers files."""
        return self.role.id if self.role is not None else self.code or self.title


class CheckEffect(NamedTuple):
    """A missed check and what it did to the best match's score."""

    skill: str
    name: str
    rated: int
    counted: float
    role: str
    before: float
    """The best match's score had the check been passed."""
    after: float


class Measured(NamedTuple):
    """A rating a test measured (typing): the claim, and the level the test showed, which the
    score uses."""

    skill: str
    name: str
    claimed: int
    level: int


class MatchResult(NamedTuple):
    """``match`` and ``quiz``: the ranked roles for one person."""

    matches: tuple[MatchLine, ...]
    warnings: tuple[str, ...]
    asked: tuple[str, ...] | None = None
    """The skills the quiz asked, in order (quiz only)."""
    questions: int | None = None
    """How many questions the person answered: opening lists and ratings (quiz only)."""
    tree: GrowthTree | None = None
    """Where the best match leads, against the person (quiz only)."""
    reprint: str | None = None
    start: StartInfo | None = None
    """The job the person starts from; its role, when it is one, is where they are and is
    left out of the matches."""
    assumed: tuple[SkillRef, ...] = ()
    """Ratings assumed (from the starting job, or "done on my own" in the quiz), not answered."""
    level: int | None = None
    """The person's preparation level, as the ranking used it."""
    below: bool = False
    """True when the best match is more than a level below the person's because no role at
    their level fits yet."""
    checks: tuple[CheckEffect, ...] = ()
    measured: tuple[Measured, ...] = ()


class StepLine(NamedTuple):
    """One step of a gap plan: raise a skill; the score once this and every earlier step is
    taken."""

    skill: str
    name: str
    has: int
    needs: int
    score_after: float


class PlanView(NamedTuple):
    """A gap plan toward one role: the document ``gap`` prints and the report repeats."""

    role: RoleRef
    summary: str
    preparation: int
    score: float
    steps: tuple[StepLine, ...]
    stepping_stones: tuple[RoleRef, ...]
    tree: GrowthTree
    routes_in: tuple[tuple[RoleRef, ...], ...]


class RatingLine(NamedTuple):
    """One of the person's ratings, with a missed check if any."""

    skill: str
    name: str
    rating: int
    missed: bool
    assumed: bool = False
    """Taken from the starting job or a checklist tick, not rated one by one."""


class ReportResult(NamedTuple):
    """``report``: a client's report; the brief one is its first page alone."""

    name: str | None
    date: dt.date
    ratings: tuple[RatingLine, ...]
    """Highest first."""
    matches: tuple[MatchLine, ...]
    plans: tuple[PlanView, ...]
    """Gap plans of the best matches, in their order."""
    brief: bool
    warnings: tuple[str, ...]
    start: StartInfo | None = None
    """The job the client starts from (``--from`` or the answers file's ``from:``)."""


class OpeningLine(NamedTuple):
    """Raising one skill to ``to_level`` brings these roles within reach."""

    skill: str
    name: str
    has: int
    to_level: int
    opens: tuple[RoleRef, ...]


class LearnResult(NamedTuple):
    """``learn``: the skills that open the most roles."""

    reach: float
    openings: tuple[OpeningLine, ...]


class MoveLine(NamedTuple):
    """A role someone could move to, and what it asks beyond what they have."""

    id: str
    title: str
    similarity: float
    on_ladder: bool
    new_skills: tuple[GapLine, ...]
    preparation: int
    carries: tuple[str, ...] = ()
    """What carries over from the job, in O*NET's words (shared knowledge, skills, tools)."""
    step: str = "level"
    """"level", "leap" (two or more preparation levels above the job) or "back" (below)."""


class NextResult(NamedTuple):
    """``next --from``: moves from a job, the nearest in O*NET's terms first."""

    start: StartInfo
    moves: tuple[MoveLine, ...]
    own: tuple[RoleRef, ...] = ()
    """Roles left out because they are the job itself."""


class OccupationHit(NamedTuple):
    """An O*NET occupation found by name, with the bocareer roles that share its code."""

    code: str
    title: str
    job_zone: int | None
    matched_title: str
    roles: tuple[RoleRef, ...]


class OccupationsResult(NamedTuple):
    """``occupations TEXT``: O*NET occupations by any job title, best first."""

    query: str
    hits: tuple[OccupationHit, ...]


class GapResult(NamedTuple):
    """``gap ROLE``: one gap plan."""

    plan: PlanView


class TypingResult(NamedTuple):
    """``typing``: what a timed typing test measured, and the level it corresponds to."""

    figures: TypingFigures
    """The measurement itself (speeds and accuracies are its properties)."""
    limit: float
    """The time limit in seconds."""
    skill: SkillRef | None
    """The knowledge base's measured skill (typing), if it has one."""
    level: int | None
    """None when the test was too short to give one (typingtest.MIN_SECONDS, MIN_CHARACTERS)."""
    level_text: str
    """What the level asks, in the test's own terms ("" for level 0 or none)."""
