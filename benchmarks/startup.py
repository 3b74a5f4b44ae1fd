"""Start-up time of bocareer's commands against Python's and Typer's floors.

Run with the interpreter of the environment bocareer is installed in:

    python benchmarks/startup.py            # medians of 15 runs
    python benchmarks/startup.py --runs 30

"Typer floor" is a one-command Typer app in the same environment: the least any Typer CLI can
cost. Targets (issue 5): JSON commands within 1.25x the floor, tables within 1.6x, the first quiz
question within 2.5x; `next --from SOC --json` within 1.6x (issue 15).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ANSWERS = HERE / "answers-example.json"
ANSWERS_YAML = HERE / "answers-example.yaml"

HELLO = """
import typer
app = typer.Typer()
@app.command()
def hello() -> None:
    print("hello")
app()
"""


def measure(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    """Median wall time of ``cmd`` in milliseconds, after one warm-up run."""
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
        )
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def first_question(cmd: list[str], runs: int, env: dict[str, str]) -> float:
    """Median ms from starting the quiz in a pseudo-terminal to its first question on screen."""
    import pty
    import select
    import signal

    times = []
    for i in range(runs + 1):  # the first run fills the caches and is not counted
        master, slave = pty.openpty()
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True
        )
        os.close(slave)
        seen = b""
        while b"Question 1" not in seen:
            ready, _, _ = select.select([master], [], [], 10)
            if not ready:
                break
            try:
                seen += os.read(master, 65536)
            except OSError:
                break
        elapsed = (time.perf_counter() - start) * 1000
        os.write(master, b"\x03")  # Ctrl-C, as a person would press it
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
        os.close(master)
        if i:
            times.append(elapsed)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    py = sys.executable
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100"}
    # Measure what users get: byte-code cached (pip compiles it on install), the knowledge base
    # cache in a fresh folder (the warm-up run fills it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["BOCAREER_CACHE_DIR"] = tempfile.mkdtemp(prefix="bocareer-bench-cache-")
    with tempfile.TemporaryDirectory() as tmp:
        hello = Path(tmp) / "hello.py"
        hello.write_text(HELLO)
        floors = {
            "python -c pass": [py, "-c", "pass"],
            "Typer floor (hello app)": [py, str(hello)],
        }
        commands: dict[str, tuple[list[str], str]] = {
            "bocareer --version": ([py, "-m", "bocareer", "--version"], "json"),
            "bocareer roles --json": ([py, "-m", "bocareer", "roles", "--json"], "json"),
            "bocareer role accountant": ([py, "-m", "bocareer", "role", "accountant"], "table"),
            "bocareer roles": ([py, "-m", "bocareer", "roles"], "table"),
            'bocareer occupations "store manager" --json': (
                [py, "-m", "bocareer", "occupations", "store manager", "--json"],
                "search",
            ),
            "bocareer next --from 43-5071.00 --json": (
                [py, "-m", "bocareer", "next", "--from", "43-5071.00", "--json"],
                "next",
            ),
            "bocareer next --from cashier --json": (
                [py, "-m", "bocareer", "next", "--from", "cashier", "--json"],
                "search",
            ),
        }
        commands["bocareer match --answers F.json --json"] = (
            [py, "-m", "bocareer", "match", "--answers", str(ANSWERS), "--json"],
            "json",
        )
        commands["bocareer match --answers F.yaml --json"] = (
            [py, "-m", "bocareer", "match", "--answers", str(ANSWERS_YAML), "--json"],
            "json",
        )
        results = {name: measure(cmd, args.runs, env) for name, cmd in floors.items()}
        for name, (cmd, _) in commands.items():
            results[name] = measure(cmd, args.runs, env)
        quiz_env = {**env, "BOCAREER_STATE_DIR": tempfile.mkdtemp(prefix="bocareer-bench-state-")}
        commands["bocareer quiz (to 1st question)"] = ([], "quiz")
        results["bocareer quiz (to 1st question)"] = first_question(
            [py, "-m", "bocareer", "quiz", "--restart"], args.runs, quiz_env
        )
    floor = results["Typer floor (hello app)"]
    limits = {"json": 1.25, "table": 1.6, "quiz": 2.5, "search": 1.5, "next": 1.6}
    print(f"{'command':44} {'median ms':>10} {'x Typer floor':>14} {'target':>8}")
    for name, ms in results.items():
        kind = commands[name][1] if name in commands else ""
        target = f"{limits[kind]:.2f}x" if kind else ""
        print(f"{name:44} {ms:10.1f} {ms / floor:14.2f} {target:>8}")
    print(f"\n{args.runs} runs each, medians; Python {sys.version.split()[0]} at {py}")


if __name__ == "__main__":
    main()
