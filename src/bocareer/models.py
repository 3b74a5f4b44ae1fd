"""The knowledge base as frozen values: what every command reads, and nothing else.

The loader validates the YAML into these objects, so no code downstream touches raw dicts.
They are NamedTuples rather than frozen dataclasses: as immutable, and about 6x cheaper to
define, which every command pays at start-up (see README, Performance).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple, TypeVar

T = TypeVar("T")


class Source(NamedTuple):
    """Where a code or a figure comes from."""

    title: str
    year: int | None = None
    url: str | None = None
    note: str | None = None


class Family(NamedTuple):
    """A back-office function, such as finance and accounting."""

    id: str
    name: str
    summary: str


class Measure(NamedTuple):
    """What a test must show for a level of a measurable skill (typing)."""

    net_wpm: float | None = None
    """Net words per minute (a word is five characters)."""
    accuracy: float | None = None
    """Per cent of characters right."""
    kph: float | None = None
    """Numeric keypad keystrokes per hour."""


class Skill(NamedTuple):
    """A skill, with what each level 1-5 means in plain words."""

    id: str
    name: str
    description: str
    levels: tuple[str, str, str, str, str]
    onet: Mapping[str, str] = MappingProxyType({})
    """The O*NET elements this skill stands for: element id -> O*NET's name."""
    onet_note: str | None = None
    """Why the mapping is what it is (required when nothing in O*NET fits)."""
    measured: Mapping[int, Measure] = MappingProxyType({})
    """Level -> what a test must show to reach it (typing only)."""
    not_derived: str | None = None
    """Why a job's O*NET ratings cannot show this skill (its elements are prerequisites most
    jobs share): a starting profile then leaves it unknown."""

    def anchor(self, level: int) -> str:
        """Plain-words meaning of ``level`` (1-5)."""
        return self.levels[level - 1]


class Entry(NamedTuple):
    """How people typically get into a role."""

    education: str
    experience: str


class Codes(NamedTuple):
    """Standard occupation codes for a role, with the compiler's note on the choice."""

    onet_soc: str | None = None
    onet_title: str | None = None
    isco: str | None = None
    isco_title: str | None = None
    note: str | None = None
    fit: str | None = None
    """exact (the occupation is the role), broad (the role is one kind of it, a junior title
    of it say) or proxy (the nearest code, a weak match)."""


class Role(NamedTuple):
    """A back-office role: what it does, the skills it needs and where it leads."""

    id: str
    title: str
    family: str
    summary: str
    responsibilities: tuple[str, ...]
    skills: Mapping[str, int]
    """Skill id -> level needed (1-5), in the order the file gives them."""
    tools: tuple[str, ...]
    entry: Entry
    preparation: int
    """1-5, in the manner of O*NET Job Zones."""
    next: tuple[str, ...]
    """Roles this one leads to; ``KnowledgeBase.previous`` gives the reverse."""
    preparation_note: str | None = None
    codes: Codes | None = None
    figures: Mapping[str, float] = MappingProxyType({})
    seed: bool = False
    also_called: tuple[str, ...] = ()
    """Other titles people and job ads use for the role."""
    takes: Mapping[str, str] = MappingProxyType({})
    """Next role id -> what the move takes (a degree, a certificate, years), where it climbs."""
    entry_point: str | None = None
    """Why no role in the knowledge base leads here, when none does."""
    top_of_ladder: str | None = None
    """Why the role leads nowhere further, when it does not."""
    departures: Mapping[str, str] = MappingProxyType({})
    """Skill id -> why its level departs from O*NET's on purpose."""
    uncovered: Mapping[str, str] = MappingProxyType({})
    """O*NET element id -> why no skill of this role stands for it."""


class Check(NamedTuple):
    """A multiple-choice question that checks a self-rating of one skill."""

    skill: str
    question: str
    options: tuple[str, ...]
    answer: str
    level: int = 1
    """The level it tests: a person at it answers right, one two levels below usually not."""
    why: str | None = None
    """Why the answer is right (for reviewers; not shown in the quiz)."""


class Comparison(NamedTuple):
    """One row of the back-office / front-office comparison."""

    aspect: str
    back_office: str
    front_office: str


class Named(NamedTuple):
    """A named paragraph: a duty, a challenge."""

    name: str
    text: str


class WorkType(NamedTuple):
    """A kind of back-office work and the roles that do it."""

    name: str
    roles: tuple[str, ...]


class About(NamedTuple):
    """What back-office work is; printed by ``bocareer about``."""

    summary: str = ""
    features: tuple[str, ...] = ()
    duties: tuple[Named, ...] = ()
    comparison: tuple[Comparison, ...] = ()
    work_types: tuple[WorkType, ...] = ()
    challenges: tuple[Named, ...] = ()
    outlook: str = ""


class Area(NamedTuple):
    """A kind of work the quick quiz asks about first ("Which kinds of work have you done?")."""

    id: str
    label: str
    skills: tuple[str, ...]


class NotModelled(NamedTuple):
    """An O*NET element that no skill stands for, anywhere, and why."""

    name: str
    why: str


class KnowledgeBase(NamedTuple):
    """Families, skills, roles and checks, all references resolved and checked."""

    path: str
    families: Mapping[str, Family]
    skills: Mapping[str, Skill]
    roles: Mapping[str, Role]
    sources: Mapping[str, Source] = MappingProxyType({})
    about: About = About()
    checks: tuple[Check, ...] = ()
    previous: Mapping[str, tuple[str, ...]] = MappingProxyType({})
    """Role id -> the roles that lead to it (the reverse of ``Role.next``)."""
    onet_not_modelled: Mapping[str, NotModelled] = MappingProxyType({})
    """O*NET element id -> why no skill stands for it."""
    areas: tuple[Area, ...] = ()
    """The kinds of work the quick quiz asks about first; none: it starts with a skill."""

    def role(self, role_id: str) -> Role:
        """The role with this id, or NotFoundError naming the closest ids."""
        return _lookup(self.roles, role_id, "role")

    def skill(self, skill_id: str) -> Skill:
        """The skill with this id, or NotFoundError naming the closest ids."""
        return _lookup(self.skills, skill_id, "skill")

    def family(self, family_id: str) -> Family:
        """The family with this id, or NotFoundError naming the closest ids."""
        return _lookup(self.families, family_id, "family")


def _lookup(table: Mapping[str, T], key: str, what: str) -> T:
    try:
        return table[key]
    except KeyError:
        from bocareer.errors import suggest

        raise suggest(key, list(table), what) from None
