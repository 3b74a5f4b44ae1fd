"""Score a person's skills against every role: pure functions, no I/O.

The score (0-100) multiplies two shares, both worked out over skill levels:

* **coverage**: how much of what the role asks the person has,
  ``covered / sum(needs)`` where ``covered = sum(min(has, needs))`` over the role's skills;
* **use** (called ``focus`` in JSON): how much the role draws on the person's strongest skills,
  ``covered`` over the sum of the person's ``k`` strongest ratings, ``k`` being the number of
  skills the role needs. A skill the role needs counts at most at the level it needs, so being
  above a role's level in a skill it needs never lowers its score; a strong skill the role does
  not use at all lowers it.

``score = 100 * coverage * use``. A role you cannot do scores low however well it would use
you; a narrow entry role scores low for someone whose strongest skills it leaves idle, so a broad,
experienced profile is matched with the roles that use it. A role's own profile scores 100.
Ties go to the role that uses more levels of the person's skill, then to the smaller
over-qualification (levels above what the role needs), then to the role id.

Preparation: the person's level is their starting job's (its Job Zone, or the role's
preparation), or else the highest preparation among the roles they clearly cover (coverage 0.9
or more). Roles more than one level below it are ranked after the roles at or near it, unless
none of those scores FITS or more; then the ranking stays as it is and says so.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from bocareer.models import KnowledgeBase, Role

#: A missed check question halves the rating that the score uses for that skill.
MISSED_CHECK_FACTOR = 0.5
#: Below this best score, a ranking says little: say so instead of pretending.
LOW_SCORE = 25.0
#: A person "clearly covers" a role from this coverage on (it sets their level).
COVERS = 0.9
#: A role at the person's level "fits" from this score on.
FITS = 50.0
#: With a starting job, the share of the score that comes from how near the job is to the role
#: (:mod:`bocareer.occupations.similarity`); the rest is the skill score.
NEAR_WEIGHT = 0.4
#: The highest level ratings alone can show (5 needs the degree a rating cannot show).
RATED_LEVEL_CAP = 4
#: A role below the level of the person's job counts this share of its score per level below:
#: a step back.
STEP_BACK = 0.9


def blend(match: Match, similarity: float) -> Match:
    """The match with a starting job: ``(1 - NEAR_WEIGHT) * skills + NEAR_WEIGHT * 100 * similarity``."""
    score = (1 - NEAR_WEIGHT) * match.score + NEAR_WEIGHT * 100 * similarity
    return match._replace(score=score, skill_score=match.score, similarity=similarity)


class SkillGap(NamedTuple):
    """A skill the role needs above the person's level."""

    skill: str
    has: float
    needs: int


class Match(NamedTuple):
    """One role scored for one person."""

    role: str
    score: float
    coverage: float
    use: float
    strengths: tuple[str, ...]
    """Skills the person meets or exceeds, highest need first."""
    gaps: tuple[SkillGap, ...]
    """Skills below the role's level, biggest shortfall first."""
    overshoot: float
    covered: float
    """Levels of the person's skill the role uses: sum(min(has, needs))."""
    skill_score: float | None = None
    """With a starting job: the score from the skills alone (``score`` then blends in
    ``similarity``)."""
    similarity: float | None = None
    """With a starting job: how near it is to the role, 0-1."""

    @property
    def rank_key(self) -> tuple[float, float, float, str]:
        """Sort key: best score, then most levels used, then tightest fit, then id.

        Scores are compared at 9 decimals: the same fraction reached by two formulas can differ
        in its last bit, which must not decide a tie.
        """
        return (-round(self.score, 9), -self.covered, self.overshoot, self.role)


def effective(ratings: Mapping[str, float], missed: Iterable[str] = ()) -> dict[str, float]:
    """Ratings as the score uses them: a missed check halves that skill's rating."""
    out = {s: float(v) for s, v in ratings.items() if v > 0}
    for skill in missed:
        if skill in out:
            out[skill] *= MISSED_CHECK_FACTOR
    return out


def _strongest(ratings: Mapping[str, float], role: Role, order: list[tuple[float, str]]) -> float:
    """The sum of the person's ``k`` strongest ratings, each needed skill capped at its need.

    ``order`` is the person's ratings, highest first: only the first ``k`` skills outside the role
    matter, so this is linear in the role's size, not the person's.
    """
    k = len(role.skills)
    capped = [min(ratings.get(s, 0.0), need) for s, need in role.skills.items()]
    outside = []
    for value, skill in order:
        if skill not in role.skills:
            outside.append(value)
            if len(outside) == k:
                break
    return sum(heapq.nlargest(k, capped + outside))


def score_role(
    role: Role, ratings: Mapping[str, float], order: list[tuple[float, str]] | None = None
) -> Match:
    """Score one role; ``order`` (the ratings sorted highest first) can be passed in to save
    work when many roles are scored against the same ratings."""
    if order is None:
        order = ranked_ratings(ratings)
    covered = 0.0
    need_sum = 0
    overshoot = 0.0
    strengths: list[tuple[int, str]] = []
    gaps: list[SkillGap] = []
    for skill, needs in role.skills.items():
        has = ratings.get(skill, 0.0)
        need_sum += needs
        covered += min(has, needs)
        if has >= needs:
            strengths.append((needs, skill))
            overshoot += has - needs
        else:
            gaps.append(SkillGap(skill, has, needs))
    strongest = _strongest(ratings, role, order)
    coverage = covered / need_sum if need_sum else 0.0
    use = covered / strongest if strongest > 0 else 0.0
    return Match(
        role=role.id,
        score=100.0 * coverage * use,
        coverage=coverage,
        use=use,
        strengths=tuple(s for _, s in sorted(strengths, key=lambda t: (-t[0], t[1]))),
        gaps=tuple(sorted(gaps, key=lambda g: (g.has - g.needs, g.skill))),
        overshoot=overshoot,
        covered=covered,
    )


def ranked_ratings(ratings: Mapping[str, float]) -> list[tuple[float, str]]:
    """The person's ratings above 0, highest first (ties by skill id)."""
    return sorted(((v, s) for s, v in ratings.items() if v > 0), key=lambda t: (-t[0], t[1]))


def rank(
    kb: KnowledgeBase,
    ratings: Mapping[str, float],
    *,
    family: str | None = None,
    missed: Iterable[str] = (),
    near: Mapping[str, float] | None = None,
) -> list[Match]:
    """Every role (of one family, if given) scored and ranked best first: on the skills alone,
    or blended with ``near`` (role id -> similarity 0-1 of the starting job) when given."""
    eff = effective(ratings, missed)
    order = ranked_ratings(eff)
    matches = [
        score_role(r, eff, order) for r in kb.roles.values() if family is None or r.family == family
    ]
    if near is not None:
        matches = [blend(m, near.get(m.role, 0.0)) for m in matches]
    return sorted(matches, key=lambda m: m.rank_key)


class Advice(NamedTuple):
    """The best matches, with the preparation rule applied."""

    matches: list[Match]
    level: int | None
    """The person's preparation level, when known."""
    below: bool
    """True when the best match is more than one level below the person's, because no role at
    or near their level fits yet."""


def person_level(
    kb: KnowledgeBase, ranked: Iterable[Match], ratings: Mapping[str, float] | None = None
) -> int | None:
    """The level a person's ratings show: the highest preparation among the roles they clearly
    cover, or, if higher, the level just above every role whose five greatest needs the
    person's five highest ratings match on average (up to RATED_LEVEL_CAP). A sales executive
    with four skills at 4 and one at 3 is past what any entry role asks, whether or not a level-4 role is
    covered yet; and no role's own profile shows more than one level above the role."""
    levels = [kb.roles[m.role].preparation for m in ranked if m.coverage >= COVERS]
    if ratings:
        mine = _top_mean(ratings.values())
        tops: dict[int, float] = {}
        for role in kb.roles.values():
            top = _top_mean(role.skills.values())
            tops[role.preparation] = max(tops.get(role.preparation, 0.0), top)
        levels += [p + 1 for p, most in tops.items() if p < RATED_LEVEL_CAP and mine >= most]
    return max(levels) if levels else None


def _top_mean(values: Iterable[float], k: int = 5) -> float:
    top = sorted(values, reverse=True)[:k]
    return sum(top) / k if top else 0.0


def advise(
    kb: KnowledgeBase,
    ratings: Mapping[str, float],
    top: int,
    *,
    family: str | None = None,
    missed: Iterable[str] = (),
    level: int | None = None,
    current: str | None = None,
    own: Iterable[str] = (),
    near: Mapping[str, float] | None = None,
) -> Advice:
    """The best ``top`` matches: none when no skill is rated above 0 (a ranking of all-zero scores
    would pretend to mean something), the person's current role left out (it is where they are,
    not where to go; so are ``own``, the roles that are their job), roles well below their level
    after the ones at it, and a role below it counted as a step back (see the module
    docstring)."""
    if not any(v > 0 for v in ratings.values()):
        return Advice([], level, below=False)
    left_out = {current, *own}
    ranked = [
        m
        for m in rank(kb, ratings, family=family, missed=missed, near=near)
        if m.role not in left_out
    ]
    from_job = level is not None
    if level is None:
        level = person_level(kb, ranked, effective(ratings, missed))
    below = False
    if level is not None and ranked:
        if from_job:  # a job's level is known; one shown by ratings is a floor, not a fact
            ranked = sorted((_step_back(kb, m, level) for m in ranked), key=lambda m: m.rank_key)
        close = [m for m in ranked if kb.roles[m.role].preparation >= level - 1]
        under = [m for m in ranked if kb.roles[m.role].preparation < level - 1]
        if close and close[0].score >= LOW_SCORE:
            ranked = close + under
        else:
            below = ranked[0] in under
    return Advice(ranked[:top], level, below)


def _step_back(kb: KnowledgeBase, match: Match, level: int) -> Match:
    """A role below the person's level, its score lowered by STEP_BACK per level."""
    below = level - kb.roles[match.role].preparation
    return match._replace(score=match.score * STEP_BACK**below) if below > 0 else match


def top_matches(
    kb: KnowledgeBase,
    ratings: Mapping[str, float],
    top: int,
    *,
    family: str | None = None,
    missed: Iterable[str] = (),
) -> list[Match]:
    """The best ``top`` matches (:func:`advise` without a starting job)."""
    return advise(kb, ratings, top, family=family, missed=missed).matches


class Signal(NamedTuple):
    """Whether a set of answers can support a ranking, and what to tell the person if not."""

    ok: bool
    warning: str | None = None


def signal(ratings: Mapping[str, float | None], asked: int | None = None) -> Signal:
    """Warn about answers that carry no signal.

    ``ratings`` maps each asked skill to its rating, or None when skipped. Flat answers (every
    skill rated the same) and answers that are nearly all skipped (fewer than a quarter given)
    give unreliable matches; both US Department of Labor tools warn about the same.
    """
    given = [v for v in ratings.values() if v is not None]
    asked = asked if asked is not None else len(ratings)
    if not any(v > 0 for v in given):
        return Signal(False, "You rated no skill above 0, so no role can match yet.")
    if asked >= 4 and len(given) < max(2, asked // 4):
        return Signal(
            False,
            f"You skipped {asked - len(given)} of {asked} questions; the matches below rest on "
            "very few answers.",
        )
    if len(given) >= 4 and len(set(given)) == 1:
        return Signal(
            False,
            f"You rated every skill {given[0]:g}; flat answers cannot tell roles apart, so these "
            "matches are unreliable. Try to say where you are stronger and weaker.",
        )
    return Signal(True)
