"""Where a person starts: a job they have held, given as a bocareer role id, an O*NET-SOC code
or a job title, resolved to a role or an O*NET occupation with a starting profile."""

from __future__ import annotations

from typing import NamedTuple

from bocareer.errors import NotFoundError, quoted
from bocareer.models import KnowledgeBase
from bocareer.occupations.profile import Assumed

#: A title search is taken as the job when its best title matches every word typed (score 1
#: or more) and the next occupation's best is clearly behind, or, for a misspelt title, when the
#: best is far ahead of the next.
SURE_SCORE = 1.0
MARGIN = 0.04
FUZZY_SCORE = 0.7
FUZZY_MARGIN = 0.1
#: A role whose code is the job's occupation with one of these fits is the job itself.
OWN_FITS = ("exact", "broad")
#: How many candidates an ambiguous title lists.
CANDIDATES = 5


class Start(NamedTuple):
    """A starting job, resolved."""

    code: str | None
    """Its O*NET-SOC code (a role's own code, when it has one)."""
    title: str
    job_zone: int | None
    role: str | None
    """The bocareer role, when the job is one."""
    profile: dict[str, Assumed]
    """Starting levels; empty when O*NET has no skill data for the occupation."""
    own: tuple[str, ...] = ()
    """The roles that are this job, never offered as a move or a match: the role itself, or,
    for an O*NET occupation, the roles whose code is that occupation as an exact or broad fit
    (a stock clerk's job is inventory control clerk whether he names the role or the code)."""

    by_code: bool = False
    """Given as an O*NET occupation (code or title) that is a bocareer role: its answers file
    records the code, so a replay leaves out the same roles (:attr:`own`) as the quiz did."""

    @property
    def key(self) -> str:
        """How an answers file records it (``from:``): the role id, else the O*NET-SOC code
        (the code also when the person gave the occupation, not the role)."""
        if self.by_code and self.code:
            return self.code
        return self.role or self.code or self.title

    def level(self, kb: KnowledgeBase) -> int | None:
        """The preparation level the job puts a person at: the role's, else the Job Zone."""
        return kb.roles[self.role].preparation if self.role else self.job_zone


class Ambiguous(NotFoundError):
    """A job title that fits several occupations about equally: the candidates are attached."""

    def __init__(self, text: str, candidates: list[tuple[str, str]]) -> None:
        self.candidates = candidates
        shown = "; ".join(f"{c} {t}" for c, t in candidates)
        super().__init__(
            f"{quoted(text)} fits several occupations: {shown}; give one of these codes with --from"
        )


def _role_by_name(kb: KnowledgeBase, text: str) -> str | None:
    from bocareer.occupations.search import words

    wanted = words(text)
    for role in kb.roles.values():
        names = (role.id.replace("-", " "), role.title, *role.also_called)
        if any(words(n) == wanted for n in names):
            return role.id
    return None


def resolve(kb: KnowledgeBase, text: str) -> Start:
    """A role id, an O*NET-SOC code or a job title as a starting job.

    Raises NotFoundError (with the closest titles) for a job nothing fits, and Ambiguous when a
    title fits several occupations about equally.
    """
    from bocareer.occupations.search import normal_code, search

    role_id = text if text in kb.roles else _role_by_name(kb, text)
    if role_id is not None:
        return role_start(kb, role_id)
    code = normal_code(text)
    if code is not None:
        hits = search(code)
        if not hits:
            raise NotFoundError(f"{code} is not an O*NET-SOC 2019 occupation code")
        return occupation_start(kb, code)
    hits = search(text, CANDIDATES)
    if not hits:
        raise NotFoundError(f"no job title matches {quoted(text)}{closest(text)}")
    top = hits[0]
    lead = top.score - (hits[1].score if len(hits) > 1 else 0.0)
    if (top.score >= SURE_SCORE and lead > MARGIN) or (
        top.score >= FUZZY_SCORE and lead > FUZZY_MARGIN
    ):
        return occupation_start(kb, top.code)
    raise Ambiguous(text, [(h.code, h.title) for h in hits])


def role_start(kb: KnowledgeBase, role_id: str) -> Start:
    """Starting from a bocareer role."""
    from bocareer.occupations.profile import from_role

    role = kb.role(role_id)
    code = role.codes.onet_soc if role.codes is not None else None
    zone = role.figures.get("job_zone")
    return Start(
        code, role.title, int(zone) if zone else None, role.id, from_role(kb, role_id), (role.id,)
    )


def occupation_start(kb: KnowledgeBase, code: str) -> Start:
    """Starting from an O*NET occupation; a bocareer role whose code is an exact fit for it
    counts as that role."""
    from bocareer.occupations.data import onet
    from bocareer.occupations.profile import from_occupation

    data = onet()
    occupation = data.occupations[code]
    same = [r for r in kb.roles.values() if r.codes is not None and r.codes.onet_soc == code]
    own = tuple(r.id for r in same if r.codes is not None and r.codes.fit in OWN_FITS)
    exact = [r.id for r in same if r.codes is not None and r.codes.fit == "exact"]
    if len(exact) == 1:
        return role_start(kb, exact[0])._replace(own=own, by_code=True)
    profile = from_occupation(kb, data, code) or {}
    return Start(code, occupation.title, occupation.job_zone, None, profile, own)


def closest(text: str) -> str:
    """'; the closest titles are A, B, C' from a looser search, or ''."""
    from bocareer.occupations.search import closest_titles

    found = closest_titles(text)
    return f"; the closest titles are {', '.join(found)}" if found else ""
