"""Does the quick quiz agree with the full one? A simulation over kinds of real people.

    python benchmarks/quiz_simulation.py            # 300 people per population, seed 7
    python benchmarks/quiz_simulation.py --people 1000 --seed 1

Each simulated person answers truthfully from a skill profile; the full quiz knows every skill,
the quick quiz asks what the adaptive selector chooses. Populations (POPULATIONS):

- **role profiles**: one role's profile with each level moved by -1/0/+1 and a few extras, a
  role's exact profile, or part-way into a role (one or two of its skills missing);
- **careers**: the higher level of each skill over two or three roles' profiles, with noise;
- **career changers**: a starting profile derived from an O*NET occupation outside the back office
  (retail, care, teaching, warehouses, trades ...), each level moved by -1/0/+1, plus a skill or
  two from life outside work;

each **without** a starting job (the quiz opens with "which kinds of work have you done?") and
**with** one (role profiles start from their role, careers from their last role, career changers
from their O*NET occupation). With a starting job both quizzes leave the person's own role out and
apply their level, as `quiz --from` does.

Targets (issue 11), on each population: mean questions 12 or fewer (8 or fewer with a starting
job; the first, broad question counts), the quick top match equal to the full quiz's top match
for 90 % or more, the full top match within the quick top three for 98 % or more.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bocareer.kb.load import load
from bocareer.models import KnowledgeBase, Skill
from bocareer.occupations.data import onet
from bocareer.occupations.profile import from_occupation
from bocareer.occupations.start import Start, occupation_start, role_start
from bocareer.quiz.fileasker import FileAsker
from bocareer.quiz.flow import QuizState, Reply, run
from bocareer.quiz.selector import Mode
from bocareer.scoring import advise


class Person(NamedTuple):
    """A simulated person: true ratings and, when they name one, their starting job."""

    truth: dict[str, int]
    start: Start | None


class TruthAsker(FileAsker):
    """Answers every question truthfully from a profile, as an answers file is read: a check
    always right, a kind of work done when one of its skills is 2 ("done on my own") or more, a
    checklist skill ticked when it is at the level asked; a skill the profile leaves out is 0
    (not the level a starting job suggests: this person's truth is the profile)."""

    def __init__(self, truth: dict[str, int]) -> None:
        super().__init__(truth)

    def rate(
        self, skill: Skill, number: int, total: int, can_go_back: bool, assumed: int | None = None
    ) -> Reply:
        return self.ratings.get(skill.id, 0)


def _noisy(rng: random.Random, level: int, spread: tuple[int, ...] = (-1, 0, 1)) -> int:
    return max(0, min(5, level + rng.choice(spread)))


def role_person(kb: KnowledgeBase, rng: random.Random, with_start: bool) -> Person:
    """Someone built from one role's profile (noisy, exact, or part-way into it)."""
    role = rng.choice(list(kb.roles.values()))
    skills = sorted(kb.skills)
    kind = rng.choice(["noisy", "noisy", "exact", "part-way"])
    missing = (
        set(rng.sample(sorted(role.skills), rng.randint(1, 2))) if kind == "part-way" else set()
    )
    out = {
        s: (lv if kind == "exact" else _noisy(rng, lv))
        for s, lv in role.skills.items()
        if s not in missing
    }
    for s in rng.sample(skills, rng.randint(0, 3)):
        out.setdefault(s, rng.randint(1, 2 if kind == "exact" else 3))
    start = role_start(kb, role.id) if with_start else None
    return Person({s: v for s, v in out.items() if v > 0}, start)


def career_person(kb: KnowledgeBase, rng: random.Random, with_start: bool) -> Person:
    """A career across two or three roles: the higher level of each skill, with noise; the
    last role is the starting job."""
    roles = rng.sample(list(kb.roles.values()), rng.choice([2, 3]))
    out: dict[str, int] = {}
    for role in roles:
        for s, lv in role.skills.items():
            out[s] = max(out.get(s, 0), _noisy(rng, lv, (-2, -1, 0, 0, 1)))
    start = role_start(kb, roles[-1].id) if with_start else None
    return Person({s: v for s, v in out.items() if v > 0}, start)


def outside_codes(kb: KnowledgeBase) -> list[str]:
    """O*NET occupations that O*NET rates, outside the back office: not any role's code, not
    office and administrative support (43-), business and financial operations (13-), computer
    and mathematical (15-) occupations."""
    own = {r.codes.onet_soc for r in kb.roles.values() if r.codes is not None}
    return sorted(
        code
        for code, o in onet().occupations.items()
        if o.importance is not None and code not in own and code[:3] not in ("43-", "13-", "15-")
    )


def changer_person(
    kb: KnowledgeBase, rng: random.Random, with_start: bool, codes: list[str]
) -> Person:
    """A career changer: what their O*NET occupation suggests, with noise and a skill or two
    from outside work."""
    code = rng.choice(codes)
    profile = from_occupation(kb, onet(), code) or {}
    out = {s: _noisy(rng, a.level) if a.level else 0 for s, a in profile.items()}
    for s in rng.sample(sorted(kb.skills), rng.randint(0, 2)):
        out[s] = max(out.get(s, 0), rng.randint(1, 3))
    start = occupation_start(kb, code) if with_start else None
    return Person({s: v for s, v in out.items() if v > 0}, start)


def _level(kb: KnowledgeBase, start: Start | None) -> int | None:
    return start.level(kb) if start is not None else None


def quiz(kb: KnowledgeBase, person: Person) -> tuple[list[str], int]:
    """The quick quiz's top three and how many questions it asked."""
    state = QuizState(mode=Mode.QUICK, seed=1)
    start = person.start
    current = start.role if start is not None else None
    if start is not None:
        state.start = start.key
        state.assumed = {s: (a.level, a.sure) for s, a in start.profile.items()}
    outcome = run(kb, TruthAsker(person.truth), state, current=current, level=_level(kb, start))
    asked = len(outcome.state.answers) + outcome.state.opening
    top = advise(kb, outcome.state.ratings, 3, level=_level(kb, start), current=current)
    return [m.role for m in top.matches], asked


def full_scores(kb: KnowledgeBase, person: Person) -> list[tuple[str, float]]:
    """The full quiz's ranking (every skill known): role and score, best first."""
    start = person.start
    current = start.role if start is not None else None
    ranked = advise(kb, person.truth, len(kb.roles), level=_level(kb, start), current=current)
    return [(m.role, m.score) for m in ranked.matches]


def full_top(kb: KnowledgeBase, person: Person) -> str | None:
    """The full quiz's top match: every skill known."""
    ranked = full_scores(kb, person)
    return ranked[0][0] if ranked else None


Maker = Callable[[KnowledgeBase, random.Random, bool], Person]
#: A quick top match this close to the full quiz's (in points, on the full answers) is a near tie.
CLOSE = 5.0


def populations(kb: KnowledgeBase) -> dict[str, Maker]:
    """The populations, by name."""
    codes = outside_codes(kb)
    return {
        "role profiles": role_person,
        "careers": career_person,
        "career changers": lambda kb, rng, s: changer_person(kb, rng, s, codes),
    }


def simulate(
    kb: KnowledgeBase, make: Maker, people: int, seed: int, with_start: bool
) -> dict[str, float]:
    """Run both quizzes for ``people`` people of one population; the agreement figures."""
    rng = random.Random(seed)
    asked, top1, top3, close, n = [], 0, 0, 0, 0
    while n < people:
        person = make(kb, rng, with_start)
        full = full_scores(kb, person)
        if not full:
            continue  # nobody to match (no skill above 0): not a quiz anyone would take
        n += 1
        truth_top = full[0][0]
        quick, count = quiz(kb, person)
        asked.append(count)
        top1 += bool(quick) and quick[0] == truth_top
        top3 += truth_top in quick
        # A miss that hardly matters: the quick pick scores within CLOSE points of the full
        # quiz's top when both are scored on the person's full answers.
        scores = dict(full)
        close += bool(quick) and full[0][1] - scores.get(quick[0], 0.0) <= CLOSE
    return {
        "people": people,
        "mean_questions": statistics.mean(asked),
        "median_questions": statistics.median(asked),
        "max_questions": max(asked),
        "top1_agreement": top1 / people,
        "top3_agreement": top3 / people,
        "top1_close": close / people,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=300, help="people per population")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", default=None, help="knowledge base (default: the shipped one)")
    args = parser.parse_args()
    kb = load(args.data)
    print(
        f"{args.people} people per population, seed {args.seed}; full quiz: {len(kb.skills)} questions"
    )
    print(
        f"{'population':34} {'questions: mean (median, max)':30} {'top 1':>7} {'in top 3':>9} "
        f"{'within 5':>9}"
    )
    for name, make in populations(kb).items():
        for with_start in (False, True):
            res = simulate(kb, make, args.people, args.seed, with_start)
            label = f"{name}, {'with' if with_start else 'no'} starting job"
            target = 8 if with_start else 12
            shown = (
                f"{res['mean_questions']:.1f} ({res['median_questions']:g}, {res['max_questions']})"
            )
            print(
                f"{label:34} {shown + f' [<= {target}]':30} {res['top1_agreement']:7.1%} "
                f"{res['top3_agreement']:9.1%} {res['top1_close']:9.1%}"
            )
    print(
        "targets: top 1 >= 90 %, in top 3 >= 98 %; within 5 = the quick top match scores within "
        "5 points of the full quiz's on the full answers"
    )


if __name__ == "__main__":
    main()
