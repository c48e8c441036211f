"""How many articles per second `quizkit extract` reads on one core (target: 300 or more).

Run from the repository root: `python tests/benchmarks/bench_extract.py`. The target is
judged on the development set's articles (../shared/eval/dev/articles); the seed articles
(../shared/seeds) are measured beside them. When ../shared is absent, articles of the same
size are made up here. Prints the median of several runs for each set and way of calling.
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

SHARED = REPO.parent / "shared"
DEV = SHARED / "eval" / "dev" / "articles"
SEEDS = SHARED / "seeds"
RUNS = 7
BATCH = 200
TARGET = 300


def article_sets() -> list[tuple[str, list[tuple[str, str]]]]:
    """(name, articles) for the development set and the seeds, first the one judged.

    Made-up articles stand in when neither folder is there.
    """
    sets = [
        (label, [(p.name, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))])
        for label, folder in (("../shared/eval/dev", DEV), ("../shared/seeds", SEEDS))
        if folder.is_dir()
    ]
    return [(label, docs) for label, docs in sets if docs] or [("made-up articles", made_up())]


def made_up() -> list[tuple[str, str]]:
    """Articles of the seeds' size and density of facts (~3,000 characters)."""
    facts = (
        "Estonian Defence Minister Hanno Pevkur and Finnish Defence Minister Antti Hakkanen met "
        "in Tallinn on Tuesday, March 7, to discuss the deployment of roughly 1,200 troops. "
        "“We will sign the plan tomorrow,” Pevkur said on Tuesday."
    )
    prose = (
        "Officials on both sides of the border described the talks as constructive, although "
        "several questions about funding, logistics and the timetable for the exercises were "
        "left for later meetings between the two general staffs and their advisers."
    )
    body = "\n\n".join(
        [facts, prose, prose, prose, facts, prose, prose, prose, facts, prose] + [prose] * 2
    )
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
    command = [sys.executable, "-m", "quizkit", "extract", *paths, "--json"]
    start = time.perf_counter()
    subprocess.run(command, cwd=REPO, capture_output=True, check=False)
    return time.perf_counter() - start


def main() -> int:
    print(f"median of {RUNS} runs; target {TARGET}/s on one core, judged on the first set")
    print(f"{'articles':20s} {'how':28s} {'per CPU s':>10s} {'per wall s':>10s}")
    missed = False
    for number, (label, docs) in enumerate(article_sets()):
        size = statistics.mean(len(text) for _, text in docs)
        batch = [(f"{i}-{name}", text) for i in range(BATCH // len(docs)) for name, text in docs]
        rows = [
            (
                "one article per call",
                median_rates(lambda b=batch: [extract_texts([d]) for d in b], len(batch)),
            ),
            (
                f"{len(batch)} articles in one run",
                median_rates(lambda b=batch: extract_texts(b), len(batch)),
            ),
        ]
        print(f"{label} ({len(docs)} articles, mean {size:,.0f} characters)")
        for how, (cpu, wall) in rows:
            verdict = ""
            if number == 0:
                verdict = "ok" if cpu >= TARGET else "BELOW"
                missed |= cpu < TARGET
            print(f"{'':20s} {how:28s} {cpu:10.0f} {wall:10.0f}  {verdict}")
    if SEEDS.is_dir():
        paths = [str(p) for p in sorted(SEEDS.glob("*.txt"))]
        print(f"{'':20s} {'cold start, one process':28s} {cold_start_seconds(paths):9.2f}s")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
