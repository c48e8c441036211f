"""Speed of `quizkit import` on a 100,000-row CSV, as a whole command, beside sqlite-utils.

Run from the repository root: `python tests/benchmarks/bench_import.py [rows] [runs]`.
Prints the median wall time of several runs of each command on a fresh database; the target
for quizkit is under 1.5 s for 100,000 rows.
"""

from __future__ import annotations

import csv
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TARGET_S = 1.5


def write_csv(path: Path, rows: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["front", "back", "tags"])
        for i in range(rows):
            writer.writerow([f"What is item number {i}?", f"Answer {i}, with a comma", "bench"])


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of the command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    sqlite_utils = shutil.which("sqlite-utils") or str(
        Path(sys.executable).with_name("sqlite-utils")
    )
    results: dict[str, list[tuple[float, float]]] = {
        "quizkit import": [],
        "sqlite-utils insert --csv": [],
    }
    with tempfile.TemporaryDirectory() as folder:
        data = Path(folder) / "bench.csv"
        write_csv(data, rows)
        for run in range(runs):
            db = Path(folder) / f"quizkit-{run}.db"
            command = [sys.executable, "-m", "quizkit", "import", "--db", str(db), str(data)]
            results["quizkit import"].append(timed(command, env))
            other = Path(folder) / f"sqlite-utils-{run}.db"
            command = [sqlite_utils, "insert", str(other), "cards", str(data), "--csv"]
            results["sqlite-utils insert --csv"].append(timed(command, env))
    load = os.getloadavg()[0]
    print(
        f"{rows:,} rows, median of {runs} runs, load average {load:.1f} on {os.cpu_count()} cores"
    )
    print(f"{'command':<28} {'wall s':>7} {'min s':>6} {'max s':>6} {'cpu s':>6}")
    for name, runs_ in results.items():
        walls = [wall for wall, _cpu in runs_]
        cpu = statistics.median(cpu for _wall, cpu in runs_)
        print(
            f"{name:<28} {statistics.median(walls):>7.2f} {min(walls):>6.2f} "
            f"{max(walls):>6.2f} {cpu:>6.2f}"
        )
    ours = statistics.median(wall for wall, _cpu in results["quizkit import"])
    theirs = statistics.median(wall for wall, _cpu in results["sqlite-utils insert --csv"])
    print(f"ratio quizkit / sqlite-utils (wall): {ours / theirs:.2f}")
    print(f"target under {TARGET_S} s wall: {'met' if ours < TARGET_S else 'NOT met'}")


if __name__ == "__main__":
    main()
