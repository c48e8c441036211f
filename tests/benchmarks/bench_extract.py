"""How many articles per second `quizkit extract` reads on one core (target: 300 or more).

Run from the repository root: `python tests/benchmarks/bench_extract.py`. Uses the
seed articles in ../shared/seeds, or articles of the same size made up here when
that folder is absent. Prints the median of several runs for each way of calling.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from quizkit.extract import extract_texts  # noqa: E402

SEEDS = REPO.parent / "shared" / "seeds"
RUNS = 7
BATCH = 200
TARGET = 300


def articles() -> list[tuple[str, str]]:
    """The seed articles, or made-up ones of the same size (about 3,500 characters)."""
    if SEEDS.is_dir():
        return [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    paragraph = (
        "Estonian Defence Minister Hanno Pevkur and Finnish Defence Minister Antti Hakkanen met "
        "in Tallinn on Tuesday, March 7, to discuss the deployment of roughly 1,200 troops. "
        "“We will sign the plan tomorrow,” Pevkur said on Tuesday. The drills of Estonia, "
        "Finland and Latvia will last for 10 days, NATO Secretary General Jens Stoltenberg said. "
    )
    body = "\n\n".join([paragraph] * 9)
    return [(f"made-up-{i}.txt", f"Ministers meet\n\n7 March 2023 10:00\n\n{body}") for i in (1, 2)]


def median_rates(call: Callable[[], object], count: int) -> tuple[float, float]:
    """Articles per CPU second and per wall-clock second: medians over RUNS runs of `call`.

    CPU time is what one core spends, unaffected by other processes sharing the
    machine; wall-clock time is what a user waits.
    """
    call()
    cpu, wall = [], []
    for _ in range(RUNS):
        start_cpu, start_wall = time.process_time(), time.perf_counter()
        call()
        cpu.append(count / (time.process_time() - start_cpu))
        wall.append(count / (time.perf_counter() - start_wall))
    return statistics.median(cpu), statistics.median(wall)


def cold_start_seconds(paths: list[str]) -> float:
    """Wall time of one `quizkit extract` process on the given files (import, tables, output)."""
    if not paths:
        return float("nan")
    command = [sys.executable, "-m", "quizkit", "extract", *paths, "--json"]
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> None:
    docs = articles()
    size = statistics.mean(len(text) for _, text in docs)
    batch = [(f"{i}-{name}", text) for i in range(BATCH // len(docs)) for name, text in docs]
    rows = [
        (
            "one article per call",
            median_rates(lambda: [extract_texts([d]) for d in docs], len(docs)),
        ),
        (
            f"{len(batch)} articles in one run",
            median_rates(lambda: extract_texts(batch), len(batch)),
        ),
    ]
    source = "../shared/seeds" if SEEDS.is_dir() else "made-up articles"
    print(f"articles: {source}, mean {size:,.0f} characters; median of {RUNS} runs")
    print(f"{'how':28s} {'per CPU s':>10s} {'per wall s':>10s}  target {TARGET}/s on one core")
    for how, (cpu, wall) in rows:
        verdict = "ok" if cpu >= TARGET else "BELOW"
        print(f"{how:28s} {cpu:10.0f} {wall:10.0f}  {verdict}")
    paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))] if SEEDS.is_dir() else []
    print(f"{'cold start, one process':28s} {cold_start_seconds(paths):9.2f}s")


if __name__ == "__main__":
    main()
