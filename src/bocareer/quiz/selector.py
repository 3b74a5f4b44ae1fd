"""Which question the quick quiz asks next: a belief over roles, sharpened one answer at a time.

The quick quiz keeps, for every role, the score it has now (unasked skills count as 0) and the
best score it could still reach (unasked skills it needs at the level it needs them). Roles whose
best possible score is below the leader's present score are out of contention. Each question is
the skill expected to sharpen the belief most; the quiz stops when one role is left, or when no
question could change the order at the top.
"""

from __future__ import annotations

import heapq
import math
from enum import Enum

from bocareer.models import KnowledgeBase

#: The quick quiz never asks more than this many questions.
QUICK_LIMIT = 20


class Mode(str, Enum):
    """How many questions to ask."""

    QUICK = "quick"
    FULL = "full"


class Selector:
    """Chooses the next question; updated in place as answers arrive.

    It keeps a belief over which role fits the person, updated by each answer with a simple
    model of how such a person rates a skill (near the level the role needs; low if the role
    does not need it; now and then anything at all). A question is chosen to sharpen the belief
    among the leading roles. Once a role leads, the skills it needs are asked so its score is
    complete; the quiz stops when no plausible rival could still overtake it with the skills not
    yet asked, or after QUICK_LIMIT questions.
    """

    def __init__(self, kb: KnowledgeBase, family: str | None = None) -> None:
        self.roles = [r for r in kb.roles.values() if family is None or r.family == family]
        self.skill_ids = sorted(kb.skills)
        self.logpost = [0.0] * len(self.roles)
        self._belief: list[float] | None = None
        self.asked: set[str] = set()
        self.ratings: dict[str, float] = {}
        self.index: dict[str, list[int]] = {}
        for i, role in enumerate(self.roles):
            for skill in role.skills:
                self.index.setdefault(skill, []).append(i)

    def answer(self, skill: str, rating: float | None) -> None:
        """Record a rating; None (not sure) carries no information."""
        self._belief = None
        self.asked.add(skill)
        if rating is None:
            return
        self.ratings[skill] = rating
        v = min(5, max(0, round(rating)))
        # Every role that does not need the skill would gain the same log-likelihood, which
        # cancels out of the belief; so only the roles that need it are touched, by the difference.
        for i in self.index.get(skill, ()):
            self.logpost[i] += _LOGLIK[self.roles[i].skills[skill]][v] - _LOGLIK[0][v]

    def belief(self) -> list[float]:
        """Probability, for each role, that it is the one that fits (kept until the next answer)."""
        if self._belief is None:
            top = max(self.logpost, default=0.0)
            weights = [math.exp(x - top) for x in self.logpost]
            total = sum(weights)
            self._belief = [w / total for w in weights]
        return self._belief

    def leader(self, belief: list[float]) -> int:
        """The role the answers so far rank first; belief breaks ties."""
        from bocareer.scoring import score_role

        # Only roles that need a skill rated above 0 can score above 0: scoring just those keeps
        # a question cheap on a large knowledge base.
        scored = {i for s, v in self.ratings.items() if v > 0 for i in self.index.get(s, ())}
        if not scored:
            return max(range(len(self.roles)), key=lambda i: (belief[i], -i))
        total = sum(self.ratings.values())
        return max(
            scored,
            key=lambda i: (
                round(score_role(self.roles[i], self.ratings, total).score, 6),
                belief[i],
                -i,
            ),
        )

    def next_skill(self, mode: Mode) -> str | None:
        """The next skill to ask about, or None when the quiz is done."""
        unasked = [s for s in self.skill_ids if s not in self.asked]
        if not unasked or not self.roles:
            return None
        if mode is Mode.QUICK and len(self.asked) >= QUICK_LIMIT:
            return None
        belief = self.belief()
        if mode is Mode.QUICK:
            best = max(range(len(self.roles)), key=lambda i: (belief[i], -i))
            lead = self.leader(belief)
            missing = [s for s in self.roles[lead].skills if s not in self.asked]
            if not missing:
                # Settled by the scores alone: no role with a real chance can overtake.
                others = {i for i, p in enumerate(belief) if p >= SETTLED_FLOOR and i != lead}
                if self._challenge(lead, others) is None:
                    return None
            if lead == best and missing and belief[best] >= COMPLETE_AT:
                # The front runner's score must be complete before anything can be settled.
                return max(missing, key=lambda s: (self.roles[best].skills[s], s))
            if lead == best and belief[best] >= SETTLED:
                rivals = {i for i, p in enumerate(belief) if p >= RIVAL_BELIEF and i != best}
                return self._challenge(best, rivals)
        return self._most_informative(belief) or unasked[0]

    def _most_informative(self, belief: list[float]) -> str | None:
        """The unasked skill whose answer is expected to leave the least uncertainty.

        The expected entropy of the belief after the answer, over the leading roles. Roles that
        do not need a skill all share one likelihood, so they are summed in closed form and only
        the roles that need the skill are visited: a question costs time in proportion to the
        leading roles' skills, not to their number squared.
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
                if skill not in self.asked:
                    needers.setdefault(skill, []).append((p, need))
        best_skill, best_cost = None, math.inf
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
            if cost < best_cost - 1e-12:
                best_skill, best_cost = skill, cost
        return best_skill

    def _challenge(self, lead: int, rivals: set[int]) -> str | None:
        """A skill that could still lift a rival above the leader, or None if none can.

        A rival can overtake only if, with its unasked skills at the level it needs, it would
        score above the leader on the same ratings; ask the skill that most such rivals need.
        """
        from bocareer.scoring import score_role

        total = sum(self.ratings.values())
        leader = self.roles[lead]
        votes: dict[str, float] = {}
        for i in sorted(rivals):
            role = self.roles[i]
            unasked = {s: need for s, need in role.skills.items() if s not in self.asked}
            if not unasked:
                continue
            hopeful = {**self.ratings, **unasked}
            gain = float(sum(unasked.values()))
            # The leader is scored on the same hopeful ratings: skills it does not use lower
            # its focus, so a rival's extra skills cut both ways.
            ahead = (
                score_role(role, hopeful, total + gain).score
                - score_role(leader, hopeful, total + gain).score
            )
            if ahead > 0:
                for skill, need in unasked.items():
                    votes[skill] = votes.get(skill, 0.0) + need
        if not votes:
            return None
        return max(votes, key=lambda s: (votes[s], s))

    def remaining_estimate(self, mode: Mode) -> int:
        """About how many more questions: shown as "question 4 of about 10"."""
        unasked = len(self.skill_ids) - len(self.asked)
        if mode is Mode.FULL or not self.roles:
            return unasked
        belief = self.belief()
        best = max(range(len(self.roles)), key=belief.__getitem__)
        missing = sum(1 for s in self.roles[best].skills if s not in self.asked)
        extra = 1 if belief[best] >= SETTLED else 4
        return max(1, min(missing + extra, QUICK_LIMIT - len(self.asked), unasked))


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
_LIK = _likelihoods()
_LOGLIK = [[math.log(x) for x in row] for row in _LIK]
