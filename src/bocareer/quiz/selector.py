"""Which question the quick quiz asks next: a belief over roles, sharpened one answer at a time.

The selector keeps a belief over which role fits the person, updated by each answer with a
simple model of how such a person rates a skill (near the level the role needs; low if the role
does not need it; now and then anything at all). Before the first skill it can take a prior: the
kinds of work the person has done (skills of the areas chosen are likely, of the others
unlikely), or the levels a starting job suggests (weaker evidence than an answer, and replaced
by the answer when the skill is asked). Each question is the skill expected to sharpen the
belief most among the leading roles; once a role leads, its skills are asked so its score is
complete; the quiz stops when no plausible rival could still overtake it, or at the limit.
"""

from __future__ import annotations

import copy
import heapq
import math
from collections.abc import Iterable
from enum import Enum

from bocareer.models import Area, KnowledgeBase


class Mode(str, Enum):
    """How many questions to ask."""

    QUICK = "quick"
    FULL = "full"


class Selector:
    """Chooses the next question; updated in place as answers arrive."""

    def __init__(self, kb: KnowledgeBase, family: str | None = None) -> None:
        self.roles = [r for r in kb.roles.values() if family is None or r.family == family]

        self.skill_ids = sorted(kb.skills)
        self.logpost = [0.0] * len(self.roles)
        self._belief: list[float] | None = None
        self.asked: set[str] = set()
        self.ratings: dict[str, float] = {}
        """Answered ratings."""
        self.assumed: dict[str, tuple[int, float]] = {}
        """Skill -> (level a starting job suggests, the weight of that evidence)."""
        self.floors: dict[str, int] = {}
        """Skills ticked in a checklist, with the level ticking them means (at least)."""
        self.ceilings: dict[str, int] = {}
        """Skills offered in a checklist and not ticked, with the highest level they can be."""
        self.index: dict[str, list[int]] = {}
        for i, role in enumerate(self.roles):
            for skill in role.skills:
                self.index.setdefault(skill, []).append(i)

    # -- evidence -------------------------------------------------------------------------------

    def _evidence(self, skill: str, value: float, weight: float) -> None:
        self._belief = None
        v = min(5, max(0, round(value)))
        # Every role that does not need the skill would gain the same log-likelihood, which
        # cancels out of the belief; so only the roles that need it are touched, by the difference.
        for i in self.index.get(skill, ()):
            self.logpost[i] += weight * (_LOGLIK[self.roles[i].skills[skill]][v] - _LOGLIK[0][v])

    def answer(self, skill: str, rating: float | None) -> None:
        """Record a rating; None (not sure) carries no information (an assumed level stays)."""
        self.asked.add(skill)
        if skill in self.ratings:
            # Answered again (a typing test's level replaces the claim): the last answer counts,
            # once, as it does for a selector rebuilt from the saved answers.
            self._evidence(skill, self.ratings.pop(skill), -1.0)
        if rating is None:
            return
        if skill in self.assumed:
            level, weight = self.assumed.pop(skill)
            self._evidence(skill, level, -weight)
        self.ratings[skill] = rating
        self._evidence(skill, rating, 1.0)

    def assume(self, skill: str, level: int, sure: bool) -> None:
        """A level a starting job suggests: weaker evidence than an answer, until asked."""
        weight = ASSUMED_SURE if sure else ASSUMED_UNSURE
        self.assumed[skill] = (level, weight)
        self._evidence(skill, level, weight)

    def areas(self, areas: Iterable[Area], chosen: Iterable[str]) -> None:
        """The kinds of work the person has done: skills of chosen areas are likely, skills only
        of areas left unchosen unlikely (soft evidence of a low rating)."""
        picked = set(chosen)
        likely = {s for a in areas if a.id in picked for s in a.skills}
        unlikely = {s for a in areas if a.id not in picked for s in a.skills} - likely
        self._belief = None
        for i, role in enumerate(self.roles):
            mass = sum(role.skills.values())
            share = sum(n for s, n in role.skills.items() if s in likely) / mass
            self.logpost[i] += AREA_WEIGHT * share
        for skill in unlikely:
            self._evidence(skill, 0, UNCHOSEN_WEIGHT)

    def checklist(self, offered: Iterable[str], ticked: Iterable[str], level: int) -> None:
        """Which of the skills offered the person has at ``level`` or more (ticked) or below it:
        the skill's level is bounded (see :meth:`known` for when that is enough)."""
        done = set(ticked)
        self._belief = None
        for skill in offered:
            high = skill in done
            if high:
                self.floors[skill] = max(level, self.floors.get(skill, 0))
            else:
                self.ceilings[skill] = min(level - 1, self.ceilings.get(skill, 5))
            for i in self.index.get(skill, ()):
                need = self.roles[i].skills[skill]
                self.logpost[i] += math.log(_band(need, high, level)) - math.log(
                    _band(0, high, level)
                )

    def after(self, skill: str, rating: float | None) -> Selector:
        """A copy of this selector with ``skill`` answered ``rating``; this one is unchanged."""
        other = copy.copy(self)
        other.logpost = list(self.logpost)
        other.asked = set(self.asked)
        other.ratings = dict(self.ratings)
        other.assumed = dict(self.assumed)
        other.answer(skill, rating)
        return other

    def current(self) -> dict[str, float]:
        """The ratings as they stand: answered, else assumed from a starting job, else the level
        a ticked checklist item means."""
        out: dict[str, float] = {}
        for s in dict.fromkeys([*self.floors, *self.ceilings, *self.assumed]):
            low, high = self.floors.get(s, 0), self.ceilings.get(s, 5)
            assumed = self.assumed[s][0] if s in self.assumed else None
            out[s] = float(bounded_level(low, high, assumed))
        out.update(self.ratings)
        return {s: v for s, v in out.items() if v > 0}

    # -- choosing -------------------------------------------------------------------------------

    def belief(self) -> list[float]:
        """Probability, for each role, that it is the one that fits (kept until the next answer)."""
        if self._belief is None:
            top = max(self.logpost, default=0.0)
            weights = [math.exp(x - top) for x in self.logpost]
            total = sum(weights)
            self._belief = [w / total for w in weights]
        return self._belief

    def leader(self, belief: list[float], exclude: int | None = None) -> int:
        """The role the ratings so far rank first; belief breaks ties."""
        from bocareer.scoring import ranked_ratings, score_role

        current = self.current()
        order = ranked_ratings(current)
        # Only roles that need a skill rated above 0 can score above 0: scoring just those keeps
        # a question cheap on a large knowledge base.
        scored = {i for s, v in current.items() if v > 0 for i in self.index.get(s, ())}
        scored.discard(exclude if exclude is not None else -1)
        if not scored:
            return max(
                (i for i in range(len(self.roles)) if i != exclude),
                key=lambda i: (belief[i], -i),
            )
        return max(
            scored,
            key=lambda i: (
                round(score_role(self.roles[i], current, order).score, 6),
                belief[i],
                -i,
            ),
        )

    def known(self, skill: str) -> bool:
        """Answered, assumed surely enough not to need confirming, or pinned by the checklists
        to within one level (ticked at 2 but not at 3; not ticked at 2; ticked at 4)."""
        if skill in self.asked:
            return True
        floor, ceiling = self.floors.get(skill, 0), self.ceilings.get(skill, 5)
        if ceiling - floor <= 1 or floor >= 4:
            return True
        return self.assumed.get(skill, (0, 0.0))[1] >= ASSUMED_SURE

    def _without(self, exclude: str | None) -> tuple[int | None, list[float]]:
        """The index of the role ``exclude`` names (None if none), and the belief without it."""
        skip = next((i for i, r in enumerate(self.roles) if r.id == exclude), None)
        belief = self.belief()
        if skip is not None:
            belief = [0.0 if i == skip else p for i, p in enumerate(belief)]
            total = sum(belief) or 1.0
            belief = [p / total for p in belief]
        return skip, belief

    def next_skill(
        self, mode: Mode, limit: int, exclude: str | None = None, level: int | None = None
    ) -> str | None:
        """The next skill to ask about, or None when the quiz is done. ``exclude`` is the
        person's own role: it is where they are, not a role to settle on."""
        unasked = [s for s in self.skill_ids if s not in self.asked]
        if not unasked or not self.roles:
            return None
        if mode is Mode.FULL:
            return unasked[0]
        if len(self.asked) >= limit:
            return None
        skip, belief = self._without(exclude)
        best = max(range(len(self.roles)), key=lambda i: (belief[i], -i))
        lead = self.leader(belief, skip)
        missing = [s for s in self.roles[lead].skills if not self.known(s)]
        if not missing:
            # Settled by the scores alone: no role with a real chance can overtake.
            others = {
                i for i, p in enumerate(belief) if p >= SETTLED_FLOOR and i not in (lead, skip)
            }
            if self._challenge(lead, others) is None:
                return None
        if lead == best and missing and belief[best] >= COMPLETE_AT:
            # The front runner's score must be complete before anything can be settled.
            return max(missing, key=lambda s: (self.roles[best].skills[s], s))
        if lead == best and belief[best] >= SETTLED:
            # (The leader's skills are all known here: the branch above asks them first.)
            rivals = {
                i for i, p in enumerate(belief) if p >= RIVAL_BELIEF and i not in (best, skip)
            }
            return self._challenge(best, rivals)
        found = self._most_informative(belief)
        if found is not None:
            return found
        if missing:
            return max(missing, key=lambda s: (self.roles[lead].skills[s], s))
        # Nothing sharpens the belief: ask only what could still change the ranking.
        others = {i for i, p in enumerate(belief) if p >= SETTLED_FLOOR and i not in (lead, skip)}
        return self._challenge(lead, others)

    def is_last(
        self,
        skill: str,
        mode: Mode,
        limit: int,
        exclude: str | None = None,
        level: int | None = None,
    ) -> bool:
        """Whether asking ``skill`` now ends the quiz whatever the answer (any rating, or "not
        sure"): only then may the progress line say "question 6 of about 6". The arguments are
        those of :meth:`next_skill`."""
        if not self.roles or all(s in self.asked or s == skill for s in self.skill_ids):
            return True
        if mode is Mode.FULL:
            return False
        if len(self.asked | {skill}) >= limit:
            return True
        return all(
            self.after(skill, rating).next_skill(mode, limit, exclude, level) is None
            for rating in (*range(6), None)
        )

    def _most_informative(self, belief: list[float]) -> str | None:
        """The skill whose answer is expected to leave the least uncertainty about the role.

        The expected entropy of the belief after the answer, over the leading roles. Roles that
        do not need a skill all share one likelihood, so they are summed in closed form and only
        the roles that need the skill are visited. A skill a starting job already suggests is
        worth less to ask: its expected gain is scaled down by how sure the suggestion is.
        """
        ranked = heapq.nlargest(TOP_K, range(len(self.roles)), key=belief.__getitem__)
        top = [i for i in ranked if belief[i] >= belief[ranked[0]] * PLAUSIBLE]
        mass = sum(belief[i] for i in top)
        needers: dict[str, list[tuple[float, int]]] = {}
        plogp = 0.0
        for i in top:
            p = belief[i] / mass
            plogp += p * math.log(p) if p > 0 else 0.0
            for skill, need in self.roles[i].skills.items():
                if not self.known(skill):
                    needers.setdefault(skill, []).append((p, need))
        best_skill, best_gain = None, 0.0
        for skill in sorted(needers):
            group = needers[skill]
            p_need = sum(p for p, _ in group)
            p_rest = max(0.0, 1.0 - p_need)
            s_rest = plogp - sum(p * math.log(p) for p, _ in group if p > 0)
            cost = 0.0
            for v in range(6):
                l0 = _LIK[0][v]
                z = p_rest * l0 + sum(p * _LIK[n][v] for p, n in group)
                log_z = math.log(z)
                # sum over roles of j*log(j/z), j = p*L: the roles not needing it in one term
                cost -= l0 * (s_rest + p_rest * (math.log(l0) - log_z))
                cost -= sum(
                    p * _LIK[n][v] * (math.log(p * _LIK[n][v]) - log_z) for p, n in group if p > 0
                )
            gain = (-plogp - cost) * (1.0 - self.assumed.get(skill, (0, 0.0))[1])
            if gain > best_gain + 1e-12:
                best_skill, best_gain = skill, gain
        return best_skill

    def _challenge(self, lead: int, rivals: set[int]) -> str | None:
        """A skill that could still lift a rival above the leader, or None if none can.

        A rival can overtake only if, with its unknown skills at the level it needs, it would
        score above the leader on the same ratings; ask the skill that most such rivals need.
        """
        from bocareer.scoring import ranked_ratings, score_role

        current = self.current()
        leader = self.roles[lead]
        votes: dict[str, float] = {}
        for i in sorted(rivals):
            role = self.roles[i]
            open_ = {
                s: need
                for s, need in role.skills.items()
                if not self.known(s) and current.get(s, 0.0) < need
            }
            if not open_:
                continue
            hopeful = {**current, **open_}
            order = ranked_ratings(hopeful)
            # The leader is scored on the same hopeful ratings: skills it does not use lower
            # its use of the person, so a rival's extra skills cut both ways.
            ahead = (
                score_role(role, hopeful, order).score - score_role(leader, hopeful, order).score
            )
            if ahead > 0:
                for skill, need in open_.items():
                    votes[skill] = votes.get(skill, 0.0) + need
        if not votes:
            return None
        return max(votes, key=lambda s: (votes[s], s))

    def remaining_estimate(self, mode: Mode, limit: int, exclude: str | None = None) -> int:
        """About how many more questions, the one about to be asked included: the leading
        role's skills not yet known, and one more (three while no role is settled) for the
        rivals; ``exclude`` is as for :meth:`next_skill`, whose leader this is. Shown as
        "question 4 of about 10"."""
        room = self.room(mode, limit)
        if mode is Mode.FULL or not self.roles:
            return room
        skip, belief = self._without(exclude)
        lead = self.leader(belief, skip)
        missing = sum(1 for s in self.roles[lead].skills if not self.known(s))
        extra = 1 if belief[lead] >= SETTLED else 3
        return max(1, min(missing + extra, room))

    def room(self, mode: Mode, limit: int) -> int:
        """The most questions the quiz can still ask, the one about to be asked included."""
        unasked = len(self.skill_ids) - len(self.asked)
        return unasked if mode is Mode.FULL else max(0, min(limit - len(self.asked), unasked))


def bounded_level(low: int, high: int, assumed: int | None = None) -> int:
    """The level to count for a skill the checklists bound to ``low``-``high`` and nobody rated:
    the level a starting job suggests, kept within the bounds (leaving a suggested skill
    unticked lowers it); else the low end when the range is one level wide; else its middle
    (left unticked at "do well" with nothing else known: 1, not 0)."""
    if assumed is not None:
        return max(low, min(assumed, high))
    return low if high - low <= 1 else (low + high) // 2


def _band(need: int, high: bool, level: int) -> float:
    """P(rating >= level) (``high``) or P(rating < level) for a role needing ``need``."""
    row = _LIK[need]
    return sum(row[level:]) if high else sum(row[:level])


def _likelihoods() -> list[list[float]]:
    """P(rating v | the role needs the skill at level n), n = 0 meaning not needed."""
    table = []
    for n in range(6):
        row = [math.exp(-SHARPNESS * abs(v - n)) for v in range(6)]
        z = sum(row)
        # Mixed with a flat share: someone may lack one skill of their role, or have one from
        # another job, without that single answer ruling the role out.
        table.append([(1 - SLACK) * x / z + SLACK / 6 for x in row])
    return table


# The constants below were chosen with benchmarks/quiz_simulation.py (see README, The quiz).
#: How sharply a person who fits a role rates near its level (higher = more certain).
SHARPNESS = 1.0
#: The share of answers the model lets fall anywhere.
SLACK = 0.15
#: A skill ticked as "done on my own" is at least this level (the level texts' "alone") ...
FLOOR = 2
#: ... and one ticked as "do it well" at least this one.
STRONG = 3
#: How much a level suggested by a starting job counts, against an answer's 1.
ASSUMED_SURE = 0.7
ASSUMED_UNSURE = 0.3
#: The pull toward roles whose skills lie in the kinds of work chosen (log-odds per share) ...
AREA_WEIGHT = 2.0
#: ... and how much an area left unchosen counts as a rating of 0 for its skills.
UNCHOSEN_WEIGHT = 0.5
#: From this belief on, the leading role's remaining skills are asked first.
COMPLETE_AT = 0.5
#: The quick quiz stops when the leading role is believed this likely ...
SETTLED = 0.85
#: ... and no role believed at least this likely could still overtake it.
RIVAL_BELIEF = 0.01
#: Once the leader's score is complete, roles less likely than this cannot hold the quiz open.
SETTLED_FLOOR = 1e-3
#: Only the leading roles take part in choosing a question: it keeps each question cheap on a
#: 5,000-role knowledge base, where the others are far behind anyway.
TOP_K = 32
PLAUSIBLE = 0.01
#: A skill this share of roles needs is generic.
GENERIC_SHARE = 0.25
_LIK = _likelihoods()
_LOGLIK = [[math.log(x) for x in row] for row in _LIK]
