"""Generate a large, valid knowledge base for scale tests.

    python benchmarks/generate_kb.py --roles 5000 --skills 500 -o /tmp/kb-5000.yaml
    bocareer validate /tmp/kb-5000.yaml

Roles get 4 to 9 random skills at random levels (every skill is used, no two profiles are the
same or proportional), grouped in families of 100 with ladders that only climb, so the file
validates clean.
"""

from __future__ import annotations

import argparse
import math
import random
from pathlib import Path


def generate(roles: int, skills: int, seed: int = 1) -> str:
    """The YAML text of a generated knowledge base."""
    rng = random.Random(seed)
    families = max(1, math.ceil(roles / 100))
    out = ["schema_version: 1", "families:"]
    out += [
        f"  fam-{f}: {{name: Family {f}, summary: Generated family {f}.}}" for f in range(families)
    ]
    out.append("skills:")
    for s in range(skills):
        levels = ", ".join(f"{i}: Level {i} of skill {s}" for i in range(1, 6))
        out.append(
            f"  skill-{s}: {{name: Skill {s}, description: Generated skill {s}., levels: {{{levels}}}}}"
        )
    out.append("roles:")
    seen: set[tuple[tuple[int, int], ...]] = set()
    for r in range(roles):
        fam, pos = divmod(r, 100)
        while True:
            picked = {r % skills} | set(rng.sample(range(skills), rng.randint(3, 8)))
            profile = {s: rng.randint(1, 5) for s in picked}
            g = 0
            for lv in profile.values():
                g = math.gcd(g, lv)
            key = tuple(sorted((s, lv // g) for s, lv in profile.items()))
            if key not in seen:
                seen.add(key)
                break
        size = min(100, roles - fam * 100)
        prep = 1 + (pos * 5) // max(size, 1)
        nxt = []
        if pos + 1 < size:
            nxt.append(f"role-{r + 1}")
            if pos + 2 < size and rng.random() < 0.5:
                nxt.append(f"role-{r + 2}")
        skills_text = ", ".join(f"skill-{s}: {lv}" for s, lv in profile.items())
        out.append(
            f"  role-{r}: {{title: Role {r}, family: fam-{fam}, summary: Generated role {r}., "
            f"responsibilities: [Do generated work {r}], skills: {{{skills_text}}}, tools: [Tool], "
            f"entry: {{education: Any, experience: Any}}, preparation: {prep}, "
            f"next: [{', '.join(nxt)}]}}"
        )
    return "\n".join(out) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, default=5000)
    parser.add_argument("--skills", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    args.output.write_text(generate(args.roles, args.skills, args.seed), encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
