"""Score a person's skills against every role: pure functions, no I/O.

The score (0-100) multiplies two shares, both worked out over skill levels:

* **coverage**: how much of what the role asks the person has,
  ``sum(min(has, needs)) / sum(needs)`` over the role's skills;
* **focus**: how much of the person's skill the role would use,
  ``used / (used + unused)`` where ``used`` is that same ``sum(min(has, needs))`` and ``unused``
  is the sum of the person's ratings in skills the role does not need at all.

``score = 100 * coverage * (0.6 + 0.4 * focus)``. Coverage dominates: a role you cannot do is a
poor match however well it uses you; focus keeps a role that ignores most of what you can do
below one that uses it. Being above a role's level in a skill it needs never lowers its score, so
raising a rating never hurts a role that needs that skill. Ties are broken by the smaller
over-qualification (the sum of levels above what the role needs), then by role id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from bocareer.models import KnowledgeBase, Role

FOCUS_WEIGHT = 0.4
#: A missed check question halves the rating that the score uses for that skill.
MISSED_CHECK_FACTOR = 0.5
#: Below this best score, a ranking says little: say so instead of pretending.
LOW_SCORE = 25.0


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
    focus: float
    strengths: tuple[str, ...]
    """Skills the person meets or exceeds, highest need first."""
    gaps: tuple[SkillGap, ...]
    """Skills below the role's level, biggest shortfall first."""
    overshoot: float

    @property
    def rank_key(self) -> tuple[float, float, str]:
        """Sort key: best score, then tightest fit, then id.

        Scores are compared at 9 decimals: the same fraction reached by two formulas (1/7 * 100
        two ways) can differ in its last bit, which must not decide a tie.
        """
        return (-round(self.score, 9), self.overshoot, self.role)


def effective(ratings: Mapping[str, float], missed: Iterable[str] = ()) -> dict[str, float]:
    """Ratings as the score uses them: a missed check halves that skill's rating."""
    out = {s: float(v) for s, v in ratings.items() if v > 0}
    for skill in missed:
        if skill in out:
            out[skill] *= MISSED_CHECK_FACTOR
    return out


def score_role(role: Role, ratings: Mapping[str, float], total: float | None = None) -> Match:
    """Score one role; ``total`` (the sum of all ratings) can be passed in to save work."""
    if total is None:
        total = sum(ratings.values())
    used = 0.0
    own = 0.0
    need_sum = 0
    overshoot = 0.0
    strengths: list[tuple[int, str]] = []
    gaps: list[SkillGap] = []
    for skill, needs in role.skills.items():
        has = ratings.get(skill, 0.0)
        own += has
        need_sum += needs
        used += min(has, needs)
        if has >= needs:
            strengths.append((needs, skill))
            overshoot += has - needs
        else:
            gaps.append(SkillGap(skill, has, needs))
    unused = total - own
    coverage = used / need_sum if need_sum else 0.0
    focus = used / (used + unused) if used > 0 else 0.0
    score = 100.0 * coverage * (1 - FOCUS_WEIGHT + FOCUS_WEIGHT * focus)
    return Match(
        role=role.id,
        score=score,
        coverage=coverage,
        focus=focus,
        strengths=tuple(s for _, s in sorted(strengths, key=lambda t: (-t[0], t[1]))),
        gaps=tuple(sorted(gaps, key=lambda g: (g.has - g.needs, g.skill))),
        overshoot=overshoot,
    )


def rank(
    kb: KnowledgeBase,
    ratings: Mapping[str, float],
    *,
    family: str | None = None,
    missed: Iterable[str] = (),
    limit: int | None = None,
) -> list[Match]:
    """Every role (of one family, if given) scored and ranked best first; the best ``limit``
    only, when given (the rest are ranked on the score alone, which is much cheaper)."""
    eff = effective(ratings, missed)
    total = sum(eff.values())
    roles = [r for r in kb.roles.values() if family is None or r.family == family]
    if limit is not None and limit < len(roles):
        keyed = sorted(roles, key=lambda r: _rank_key(r, eff, total))
        roles = keyed[:limit]
    matches = [score_role(role, eff, total) for role in roles]
    return sorted(matches, key=lambda m: m.rank_key)


def top_matches(
    kb: KnowledgeBase,
    ratings: Mapping[str, float],
    top: int,
    *,
    family: str | None = None,
    missed: Iterable[str] = (),
) -> list[Match]:
    """The best ``top`` matches, or none when no skill is rated above 0 (a ranking of all-zero
    scores would pretend to mean something)."""
    if not any(v > 0 for v in ratings.values()):
        return []
    return rank(kb, ratings, family=family, missed=missed, limit=top)


def _rank_key(role: Role, ratings: Mapping[str, float], total: float) -> tuple[float, float, str]:
    """Match.rank_key without building the Match (no strengths, no gaps)."""
    used = own = overshoot = 0.0
    need_sum = 0
    for skill, needs in role.skills.items():
        has = ratings.get(skill, 0.0)
        own += has
        need_sum += needs
        if has >= needs:
            used += needs
            overshoot += has - needs
        else:
            used += has
    unused = total - own
    focus = used / (used + unused) if used > 0 else 0.0
    score = (
        100.0 * (used / need_sum if need_sum else 0.0) * (1 - FOCUS_WEIGHT + FOCUS_WEIGHT * focus)
    )
    return (-round(score, 9), overshoot, role.id)


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
