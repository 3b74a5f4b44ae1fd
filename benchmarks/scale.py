"""How bocareer scales: knowledge bases of 50, 5,000 and 50,000 roles.

    python benchmarks/scale.py                 # 50, 5000, 50000 roles (50,000 takes a minute)
    python benchmarks/scale.py --roles 50 5000

For each size: the file size; `validate` (always a full parse and check); `match --json` and the
scripted quick quiz, first with an empty cache (parse + validate + cache write) and then warm
(the common case: the file has been read once); and the peak memory (max RSS) of each.
Medians of --runs warm runs. The shipped knowledge base is measured the same way for reference.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_kb import generate


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float, int]:
    """Wall time (ms), peak memory (MB) and exit code of one run."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def answers_for(path: Path, skills: list[str]) -> Path:
    """A JSON answers file rating ten skills."""
    out = path.with_suffix(".answers.json")
    ratings = {s: 1 + i % 5 for i, s in enumerate(skills[:: max(1, len(skills) // 10)][:10])}
    out.write_text(json.dumps({"ratings": ratings}))
    return out


def measure(label: str, kb_path: Path, skills: list[str], runs: int) -> dict[str, str]:
    """All figures for one knowledge base."""
    py = sys.executable
    cache = tempfile.mkdtemp(prefix="bocareer-scale-cache-")
    env = {**os.environ, "BOCAREER_CACHE_DIR": cache, "BOCAREER_MAX_SIZE": "200"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    answers = answers_for(Path(cache) / "a", skills)
    base = [py, "-m", "bocareer", "--data", str(kb_path)]
    row = {"knowledge base": label, "file MB": f"{kb_path.stat().st_size / 1e6:.1f}"}
    ms, mb, code = run([*base, "validate"], env)
    row["validate ms"] = f"{ms:.0f}" + ("" if code == 0 else " (problems)")
    row["validate MB"] = f"{mb:.0f}"
    for name, args in (
        ("match", ["match", "--answers", str(answers), "--json"]),
        ("quiz", ["quiz", "--answers", str(answers), "--json"]),
    ):
        for entry in Path(cache).glob("kb-*"):
            entry.unlink()
        cold, _, _ = run([*base, *args], env)
        warm = [run([*base, *args], env) for _ in range(runs)]
        row[f"{name} cold ms"] = f"{cold:.0f}"
        row[f"{name} warm ms"] = f"{statistics.median(w[0] for w in warm):.0f}"
        row[f"{name} MB"] = f"{max(w[1] for w in warm):.0f}"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--roles", type=int, nargs="+", default=[50, 5000, 50000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
    from bocareer.kb.load import load, shipped_path

    shipped = load()
    label = f"shipped ({len(shipped.roles)} roles, {len(shipped.skills)} skills)"
    rows = [measure(label, shipped_path(), sorted(shipped.skills), args.runs)]
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.roles:
            skills = max(10, min(500, n // 10))
            path = Path(tmp) / f"kb-{n}.yaml"
            path.write_text(generate(n, skills), encoding="utf-8")
            rows.append(
                measure(
                    f"{n} roles, {skills} skills",
                    path,
                    [f"skill-{s}" for s in range(skills)],
                    args.runs,
                )
            )
    keys = list(rows[0])
    print(" | ".join(keys))
    print(" | ".join("---" for _ in keys))
    for row in rows:
        print(" | ".join(row[k] for k in keys))


if __name__ == "__main__":
    main()
