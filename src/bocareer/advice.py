"""Build the results of the commands about a person (match, quiz, report, gap, learn, next):
rank, plan and explain, with every name resolved for the renderers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from bocareer.answers import Answers
from bocareer.errors import UsageError
from bocareer.models import KnowledgeBase
from bocareer.results import (
    CheckEffect,
    GapLine,
    GapResult,
    LearnResult,
    MatchLine,
    MatchResult,
    Measured,
    MissedCheck,
    MoveLine,
    NextResult,
    OpeningLine,
    PlanView,
    RatingLine,
    ReportResult,
    RoleRef,
    SkillRef,
    StartInfo,
    StepLine,
)
from bocareer.scoring import MISSED_CHECK_FACTOR, Match, signal

if TYPE_CHECKING:  # `match` never needs the quiz: importing it would cost start-up time
    from bocareer.occupations.start import Start
    from bocareer.quiz.state import QuizState

#: A full report plans this many of the best matches; a brief one plans the best only.
PLANNED = 3
#: A plan's growth tree shows the next steps only, so each role fits two printed pages;
#: `bocareer path ROLE` draws the whole ladder.
PLAN_TREE_DEPTH = 2
PLAN_TREE_STEPS = 8


def _ref(kb: KnowledgeBase, role_id: str) -> RoleRef:
    return RoleRef(role_id, kb.roles[role_id].title)


def match_lines(
    kb: KnowledgeBase, matches: Sequence[Match], ratings: Mapping[str, int], missed: Sequence[str]
) -> tuple[MatchLine, ...]:
    """Scored roles, with strengths, gaps and missed checks named."""
    missed_set = set(missed)
    out = []
    for m in matches:
        role = kb.roles[m.role]
        out.append(
            MatchLine(
                id=role.id,
                title=role.title,
                family=role.family,
                family_name=kb.families[role.family].name,
                preparation=role.preparation,
                score=m.score,
                coverage=m.coverage,
                focus=m.use,
                strengths=tuple(SkillRef(s, kb.skills[s].name) for s in m.strengths),
                gaps=tuple(
                    GapLine(
                        g.skill, kb.skills[g.skill].name, ratings.get(g.skill, 0), g.has, g.needs
                    )
                    for g in m.gaps
                ),
                missed=tuple(
                    MissedCheck(
                        s,
                        kb.skills[s].name,
                        ratings.get(s, 0),
                        ratings.get(s, 0) * MISSED_CHECK_FACTOR,
                    )
                    for s in role.skills
                    if s in missed_set and ratings.get(s, 0) > 0
                ),
                next_roles=tuple(_ref(kb, n) for n in role.next),
                skill_score=m.skill_score,
                similarity=m.similarity,
            )
        )
    return tuple(out)


BELOW = (
    "No role at your level (preparation {low} or more) fits yet, so the best matches below are "
    "under it: they are where you could start, not where your experience stops."
)


def ranked(
    kb: KnowledgeBase,
    ratings: Mapping[str, int],
    *,
    top: int,
    family: str | None = None,
    missed: Sequence[str] = (),
    start: Start | None = None,
) -> MatchResult:
    """Rank the roles for a person's ratings, from their starting job when there is one: its
    role is where they are (left out), its level the person's level."""
    from bocareer.scoring import advise

    if top < 1:
        raise UsageError("--top must be 1 or more")
    if family is not None:
        kb.family(family)
    current = start.role if start is not None else None
    level = None
    near = None
    if start is not None:
        from bocareer.occupations.similarity import nearness, relative

        level = start.level(kb)
        profile = {s: a.level for s, a in start.profile.items()}
        near = relative(nearness(kb, start.code, profile), start.own)
    advice = advise(
        kb,
        ratings,
        top,
        family=family,
        missed=missed,
        level=level,
        current=current,
        own=start.own if start is not None else (),
        near=near,
    )
    warnings = (BELOW.format(low=(advice.level or 1) - 1),) if advice.below else ()
    return MatchResult(
        matches=match_lines(kb, advice.matches, ratings, missed),
        warnings=warnings,
        start=start_info(kb, start) if start is not None else None,
        level=advice.level,
        below=advice.below,
        checks=_check_effects(kb, ratings, missed, advice.matches),
    )


def _check_effects(
    kb: KnowledgeBase, ratings: Mapping[str, int], missed: Sequence[str], best: Sequence[Match]
) -> tuple[CheckEffect, ...]:
    """What each missed check did to the best match's score."""
    from bocareer.scoring import effective, score_role

    if not best or not missed:
        return ()
    role = kb.roles[best[0].role]
    after = score_role(role, effective(ratings, missed)).score
    out = []
    for skill in missed:
        if ratings.get(skill, 0) <= 0:
            continue
        others = [s for s in missed if s != skill]
        before = score_role(role, effective(ratings, others)).score
        rated = ratings[skill]
        out.append(
            CheckEffect(
                skill,
                kb.skills[skill].name,
                rated,
                rated * MISSED_CHECK_FACTOR,
                role.id,
                before,
                after,
            )
        )
    return tuple(out)


def match_result(
    kb: KnowledgeBase,
    answers: Answers,
    *,
    top: int,
    family: str | None,
    start: Start | None = None,
) -> MatchResult:
    """Rank the roles for a set of answers (from ``start``, else the file's own ``from:``)."""
    if start is None and answers.start:
        from bocareer.occupations.start import resolve

        start = resolve(kb, answers.start)
    asked = answers.asked or tuple(answers.ratings) + answers.skipped
    given: dict[str, float | None] = {s: answers.ratings.get(s) for s in asked}
    for s in answers.skipped:
        given[s] = None
    # Ticked or job-given levels are answers too: a saved quiz whose one rating question was
    # answered 0 still rated the skills its checklists ticked.
    for s in answers.assumed:
        given.setdefault(s, answers.ratings.get(s))
    sig = signal(given, len(asked) or None)
    result = ranked(kb, answers.ratings, top=top, family=family, missed=answers.missed, start=start)
    return result._replace(
        warnings=((sig.warning,) if sig.warning else ()) + result.warnings,
        assumed=tuple(SkillRef(s, kb.skills[s].name) for s in answers.assumed if s in kb.skills),
        measured=tuple(
            Measured(s, kb.skills[s].name, claimed, level)
            for s, (claimed, level) in answers.measured.items()
        ),
    )


def quiz_result(
    kb: KnowledgeBase,
    state: QuizState,
    *,
    top: int,
    reprint: str | None = None,
    start: Start | None = None,
) -> MatchResult:
    """Rank what a quiz collected, with where the best match leads."""
    from bocareer.ladders import growth_tree
    from bocareer.scoring import effective

    sig = signal(state.given)
    result = ranked(
        kb, state.ratings, top=top, family=state.family, missed=state.missed, start=start
    )
    best = result.matches
    # The next two steps, as a plan shows them: the matches stay on screen above the tree, and
    # `bocareer path ROLE` (named under the tree) draws the whole ladder.
    tree = (
        growth_tree(
            kb,
            best[0].id,
            effective(state.ratings, state.missed),
            limit=PLAN_TREE_STEPS,
            depth=PLAN_TREE_DEPTH,
        )
        if best
        else None
    )
    return result._replace(
        warnings=((sig.warning,) if sig.warning else ()) + result.warnings,
        asked=tuple(state.answers),
        questions=state.opening + len(state.answers),
        tree=tree,
        reprint=reprint,
        assumed=tuple(SkillRef(s, kb.skills[s].name) for s in state.assumed_kept),
        measured=tuple(
            Measured(s, kb.skills[s].name, int(m["claimed"]), int(m["level"]))
            for s, m in state.measured.items()
            if s in kb.skills
        ),
    )


def plan_view(
    kb: KnowledgeBase,
    ratings: Mapping[str, int],
    role_id: str,
    missed: Sequence[str] = (),
    own: Sequence[str] = (),
) -> PlanView:
    """A gap plan toward one role, with where it leads measured against the person."""
    from bocareer.ladders import growth_tree, routes_in
    from bocareer.planning import gap_plan
    from bocareer.scoring import effective

    plan = gap_plan(kb, ratings, role_id, missed, own)
    role = kb.roles[role_id]
    return PlanView(
        role=_ref(kb, role_id),
        summary=role.summary,
        preparation=role.preparation,
        score=plan.score,
        steps=tuple(
            StepLine(s.skill, kb.skills[s.skill].name, s.has, s.needs, s.score_after)
            for s in plan.steps
        ),
        stepping_stones=tuple(_ref(kb, r) for r in plan.stepping_stones),
        tree=growth_tree(
            kb, role_id, effective(ratings, missed), limit=PLAN_TREE_STEPS, depth=PLAN_TREE_DEPTH
        ),
        routes_in=tuple(tuple(_ref(kb, r) for r in route) for route in routes_in(kb, role_id)),
    )


def _own(kb: KnowledgeBase, answers: Answers) -> tuple[tuple[str, ...], int | None]:
    """The roles that are the person's job (from the answers' ``from:``) and its level."""
    if not answers.start:
        return (), None
    from bocareer.occupations.start import resolve

    start = resolve(kb, answers.start)
    return start.own, start.level(kb)


def gap_result(kb: KnowledgeBase, answers: Answers, role_id: str) -> GapResult:
    """``gap ROLE``: the person's own job is never a step on the way."""
    kb.role(role_id)
    own, _ = _own(kb, answers)
    return GapResult(plan_view(kb, answers.ratings, role_id, answers.missed, own))


def report_result(
    kb: KnowledgeBase,
    answers: Answers,
    *,
    name: str | None = None,
    top: int = 5,
    brief: bool = False,
    today: dt.date | None = None,
    start: Start | None = None,
) -> ReportResult:
    """A client's report: ratings, the best matches, and plans for the best of them."""
    # A brief report is one page: the three best matches and a plan for the best one.
    if start is None and answers.start:  # resolved once, for the matches and the plans
        from bocareer.occupations.start import resolve

        start = resolve(kb, answers.start)
    matched = match_result(kb, answers, top=3 if brief else top, family=None, start=start)
    planned = 1 if brief else PLANNED
    own = start.own if start is not None else ()
    missed = set(answers.missed)
    assumed = set(answers.assumed)
    ratings = sorted(
        (
            RatingLine(s, kb.skills[s].name, v, s in missed, s in assumed)
            for s, v in answers.ratings.items()
            if v > 0
        ),
        key=lambda r: (-r.rating, r.name.casefold(), r.name),
    )
    return ReportResult(
        name=name if name is not None else answers.name,
        date=today or dt.date.today(),
        ratings=tuple(ratings),
        matches=matched.matches,
        plans=tuple(
            plan_view(kb, answers.ratings, m.id, answers.missed, own)
            for m in matched.matches[:planned]
        ),
        brief=brief,
        warnings=matched.warnings,
        start=matched.start,
    )


def learn_result(kb: KnowledgeBase, answers: Answers, top: int) -> LearnResult:
    """``learn``: the skills whose raise opens the most roles."""
    from bocareer.planning import REACH, skills_to_learn
    from bocareer.scoring import effective, person_level, rank

    # The higher of the job's level and the level the ratings show: a top call-centre agent
    # is past what a telemarketer asks, though both jobs are at preparation 2.
    own, job_level = _own(kb, answers)
    eff = effective(answers.ratings, answers.missed)
    rated = person_level(kb, rank(kb, answers.ratings, missed=answers.missed), eff)
    levels = [v for v in (job_level, rated) if v is not None]
    level = max(levels) if levels else None
    openings = skills_to_learn(kb, answers.ratings, top, answers.missed, level=level, own=own)
    return LearnResult(
        REACH,
        tuple(
            OpeningLine(
                o.skill,
                kb.skills[o.skill].name,
                o.has,
                o.to_level,
                tuple(_ref(kb, r) for r in o.opens),
            )
            for o in openings
        ),
    )


def start_info(kb: KnowledgeBase, start: Start) -> StartInfo:
    """A starting job as results show it."""
    role = _ref(kb, start.role) if start.role is not None else None
    occupation: str | None = start.title
    if start.role is not None:
        codes = kb.roles[start.role].codes
        occupation = codes.onet_title if codes is not None and codes.onet_title else None
    return StartInfo(start.code, start.title, start.job_zone, role, occupation)


def next_result(
    kb: KnowledgeBase, start: Start, ratings: Mapping[str, int] | None, top: int
) -> NextResult:
    """``next --from``: the moves from a job, the nearest in O*NET's terms first."""
    from bocareer.occupations.similarity import nearness
    from bocareer.planning import next_moves

    profile = {s: a.level for s, a in start.profile.items()}
    level = start.level(kb)
    near = nearness(kb, start.code, profile)
    moves = next_moves(
        kb,
        profile,
        near=near,
        ratings=ratings,
        current=start.role,
        own=start.own,
        top=top,
        level=level,
    )
    return NextResult(
        start_info(kb, start),
        tuple(
            MoveLine(
                m.role,
                kb.roles[m.role].title,
                m.similarity,
                m.on_ladder,
                tuple(GapLine(s, kb.skills[s].name, h, float(h), n) for s, h, n in m.new_skills),
                kb.roles[m.role].preparation,
                m.carries,
                m.step,
            )
            for m in moves
        ),
        tuple(_ref(kb, r) for r in start.own if r in kb.roles),
    )
