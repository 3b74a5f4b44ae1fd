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


class Skill(NamedTuple):
    """A skill, with what each level 1-5 means in plain words."""

    id: str
    name: str
    description: str
    levels: tuple[str, str, str, str, str]

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


class Check(NamedTuple):
    """A multiple-choice question that checks a self-rating of one skill."""

    skill: str
    question: str
    options: tuple[str, ...]
    answer: str


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
