"""Time and memory of `quizkit extract --json` and `quizkit generate --dry-run` on the crafted
articles of issue 15, each at n and 4n, and `extract` on a 5 MB article.

Run from the repository root: `python tests/benchmarks/bench_hostile_articles.py [runs]`. Each
case runs in its own quizkit process `runs` times (3); the table gives the median CPU time,
the slowest wall time and the peak memory, and the growth from n to 4n (4 when linear, 16
when quadratic; not judged, shown as nan, when the work beyond Python's start-up is under
0.5 s at 4n). Targets: growth under 6 (noise allowed), every run exit 0 or exit 1 with one
line, and `extract` on the 5 MB article under 10 s and 512 MiB. The 5 MB article is the seed
articles of ../shared/seeds repeated, or the made-up article of the tests when it is absent.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1])]

from hostile_cases import run_quizkit  # noqa: E402
from test_extract_hostile import CASES, STORY  # noqa: E402

SEEDS = HERE.parents[2] / "shared" / "seeds"
SMALL = 150_000
BIG_BYTES = 5_000_000
GROWTH_TARGET = 6.0
# Below this much work beyond start-up at 4n, the growth is noise and is not judged.
JUDGED_WORK_S = 0.5
BIG_CPU_TARGET_S = 10.0
BIG_MEMORY_TARGET_MIB = 512
COMMANDS = {
    "extract": lambda path: ["extract", str(path), "--json"],
    "generate": lambda path: ["generate", str(path), "--deck", "Crafted", "--dry-run"],
}


def big_article() -> str:
    seeds = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
    unit = "\n\n".join(p.read_text(encoding="utf-8") for p in seeds) or STORY
    return (unit * (BIG_BYTES // len(unit) + 1))[:BIG_BYTES]


def measure(
    folder: Path, text: str, args: Callable[[Path], list[str]], runs: int
) -> tuple[float, float, float, bool]:
    """Median CPU s, slowest wall s, largest peak MiB, and whether every run was well-behaved."""
    path = folder / "article.txt"
    path.write_text(text, encoding="utf-8")
    cpu, wall, peak, fine = [], [], [], True
    for _ in range(runs):
        result = run_quizkit(args(path), folder, folder / "quizkit.db")
        lines = result.stderr.strip().splitlines()
        fine &= "Traceback" not in result.stderr and (
            result.code == 0 or (result.code == 1 and len(lines) == 1)
        )
        cpu.append(result.cpu_s)
        wall.append(result.wall_s)
        peak.append(result.max_rss_kib / 1024)
    return statistics.median(cpu), max(wall), max(peak), fine


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    missed: list[str] = []
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name, make in CASES.items():
            for command, args in COMMANDS.items():
                small = measure(folder, make(SMALL), args, runs)
                large = measure(folder, make(4 * SMALL), args, runs)
                # Python's start-up is the same for both: growth is of the work beyond it.
                base = measure(folder, "Start.", args, runs)[0]
                growth = (large[0] - base) / max(small[0] - base, 0.01)
                if large[0] - base < JUDGED_WORK_S:
                    growth = float("nan")
                rows.append((f"{name} ({command})", small, large, growth))
                if growth >= GROWTH_TARGET or not (small[3] and large[3]):
                    missed.append(f"{name} ({command})")
        big = measure(folder, big_article(), COMMANDS["extract"], runs)
    width = max(len(r[0]) for r in rows)
    print(f"crafted articles: n = {SMALL // 1000} KB, 4n = {4 * SMALL // 1000} KB")
    print(
        f"{'case':<{width}}  {'n CPU s':>7}  {'4n CPU s':>8}  {'growth':>6}  "
        f"{'4n wall s':>9}  {'4n MiB':>7}  ok"
    )
    for name, small, large, growth in rows:
        ok = "yes" if small[3] and large[3] else "NO"
        print(
            f"{name:<{width}}  {small[0]:7.2f}  {large[0]:8.2f}  {growth:6.1f}  "
            f"{large[1]:9.2f}  {large[2]:7.1f}  {ok}"
        )
    source = "seed articles" if SEEDS.is_dir() else "made-up article"
    print(
        f"\nextract --json on {BIG_BYTES / 1e6:g} MB ({source} repeated): {big[0]:.2f} s CPU "
        f"(median), {big[1]:.2f} s wall (slowest), {big[2]:.1f} MiB peak; "
        f"targets < {BIG_CPU_TARGET_S:g} s, < {BIG_MEMORY_TARGET_MIB} MiB"
    )
    if not big[3] or big[0] >= BIG_CPU_TARGET_S or big[2] >= BIG_MEMORY_TARGET_MIB:
        missed.append("5 MB article")
    print(f"{runs} runs each, medians; the machine may be shared, so wall times vary")
    if missed:
        print("targets missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
