"""Does the quick quiz agree with the full one? A simulation over generated people.

    python benchmarks/quiz_simulation.py            # 1,000 people, seed 7
    python benchmarks/quiz_simulation.py --people 500 --seed 1

Each simulated person answers truthfully from a skill profile; the full quiz asks every skill,
the quick quiz asks what the adaptive selector chooses (unasked skills count as 0). Targets
(issue 3): 12 questions or fewer on average; the quick top match equals the full top match for at
least 90 % of people, and is in the full top 3 for at least 98 %.

Profiles (see KINDS): one role's profile with each level moved by -1, 0 or +1 and a few extra
skills; exactly a role's profile plus low ratings elsewhere; part-way into a role (one or two of
its skills missing); careers across two or three roles. `--random` adds people whose skills are
a random scatter, unrelated to any role: a stress test, reported apart.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bocareer.kb.load import load
from bocareer.models import KnowledgeBase
from bocareer.quiz.flow import FileAsker, QuizState, run
from bocareer.quiz.selector import Mode
from bocareer.scoring import rank


def person(kb: KnowledgeBase, rng: random.Random, kind: str) -> dict[str, int]:
    """One simulated person's true ratings, of the given kind (see KINDS)."""
    roles = list(kb.roles.values())
    skills = sorted(kb.skills)
    out: dict[str, int] = {}

    def noisy(level: int, spread: tuple[int, ...] = (-1, 0, 1)) -> int:
        return max(0, min(5, level + rng.choice(spread)))

    if kind == "one role":  # a role's profile, each level moved by -1/0/+1, a few extras
        role = rng.choice(roles)
        out = {s: noisy(lv) for s, lv in role.skills.items()}
        for s in rng.sample(skills, rng.randint(0, 3)):
            out.setdefault(s, rng.randint(1, 3))
    elif kind == "exact role":  # exactly a role's profile plus low ratings in unrelated skills
        role = rng.choice(roles)
        out = dict(role.skills)
        for s in rng.sample(skills, rng.randint(1, 4)):
            out.setdefault(s, rng.randint(1, 2))
    elif kind in ("two roles", "three roles"):  # a career across roles: the higher level of each
        for role in rng.sample(roles, 2 if kind == "two roles" else 3):
            for s, lv in role.skills.items():
                out[s] = max(out.get(s, 0), noisy(lv, (-2, -1, 0, 0, 1)))
    elif kind == "part-way":  # on the way into a role: one or two of its skills still missing
        role = rng.choice(roles)
        missing = set(rng.sample(sorted(role.skills), rng.randint(1, 2)))
        out = {s: noisy(lv) for s, lv in role.skills.items() if s not in missing}
        for s in rng.sample(skills, rng.randint(0, 3)):
            out.setdefault(s, rng.randint(1, 3))
    else:  # "random": a scatter of skills unrelated to any role (a stress test, reported apart)
        for s in rng.sample(skills, rng.randint(5, 12)):
            out[s] = rng.randint(1, 5)
    return {s: v for s, v in out.items() if v > 0}


#: The population: kind -> share. Real skill profiles cluster the way jobs do, so most people
#: are built from roles, varied by noise, gaps and careers that span two or three roles.
KINDS = {
    "one role": 0.30,
    "exact role": 0.15,
    "part-way": 0.15,
    "two roles": 0.25,
    "three roles": 0.15,
}


def simulate(
    kb: KnowledgeBase, people: int, seed: int, kinds: dict[str, float] | None = None
) -> dict[str, float]:
    """Run both quizzes for every person and return the agreement figures."""
    kinds = kinds or KINDS
    rng = random.Random(seed)
    asked, top1, top3 = [], 0, 0
    names, shares = list(kinds), list(kinds.values())
    for _ in range(people):
        truth = person(kb, rng, rng.choices(names, shares)[0])
        full_top = [m.role for m in rank(kb, truth)[:3]]
        outcome = run(kb, FileAsker(truth), QuizState(mode=Mode.QUICK))
        quick_top = rank(kb, outcome.state.ratings)[0].role
        asked.append(len(outcome.state.answers))
        top1 += quick_top == full_top[0]
        top3 += quick_top in full_top
    return {
        "people": people,
        "mean_questions": statistics.mean(asked),
        "median_questions": statistics.median(asked),
        "max_questions": max(asked),
        "top1_agreement": top1 / people,
        "top3_agreement": top3 / people,
        "full_questions": len(kb.skills),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--data", default=None, help="knowledge base (default: the shipped one)")
    parser.add_argument(
        "--random",
        action="store_true",
        help="simulate only random scatters of skills (stress test)",
    )
    args = parser.parse_args()
    kinds = {"random": 1.0} if args.random else None
    res = simulate(load(args.data), args.people, args.seed, kinds)
    print(f"people simulated        {res['people']}")
    print(f"full quiz questions     {res['full_questions']}")
    print(
        f"quick quiz questions    mean {res['mean_questions']:.1f}, "
        f"median {res['median_questions']:g}, max {res['max_questions']}  (target: mean <= 12)"
    )
    print(f"top match = full top    {res['top1_agreement']:.1%}  (target >= 90 %)")
    print(f"top match in full top 3 {res['top3_agreement']:.1%}  (target >= 98 %)")


if __name__ == "__main__":
    main()
