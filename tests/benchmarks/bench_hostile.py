"""Time and memory of `quizkit import` on every hostile file of issue 15 (tests/hostile_cases.py).

Run from the repository root: `python tests/benchmarks/bench_hostile.py [runs]`. Each case is
imported by its own quizkit process into a database holding one deck, `runs` times (3). The
table gives the median CPU time, the slowest wall time and the peak memory of each case; the
targets are under 2 s and under 256 MiB for files under 1 MB, and every case must be refused
with exit 1 and one line.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parents[1])]

from hostile_cases import CASES, deck_toml, run_quizkit  # noqa: E402

from quizkit.importing import import_file  # noqa: E402
from quizkit.store import Store  # noqa: E402

CPU_TARGET_S = 2.0
MEMORY_TARGET_MIB = 256


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        for index, case in enumerate(CASES):
            cpu, wall, peak, refused = [], [], [], True
            for run in range(runs):
                folder = root / f"{index}-{run}"
                folder.mkdir()
                db = folder / "quizkit.db"
                (folder / "starter.toml").write_text(deck_toml())
                store = Store.open(db)
                import_file(store, folder / "starter.toml", datetime.now(UTC))
                store.close()
                crafted = folder / "crafted"
                crafted.mkdir()
                args, expected = case.build(crafted)
                result = run_quizkit(["import", *args], crafted, db)
                lines = result.stderr.splitlines()
                refused &= result.code == 1 and len(lines) == 1 and expected in lines[0]
                cpu.append(result.cpu_s)
                wall.append(result.wall_s)
                peak.append(result.max_rss_kib / 1024)
            rows.append((case.name, statistics.median(cpu), max(wall), max(peak), refused))
    width = max(len(name) for name, *_ in rows)
    print(f"{'case':<{width}}  {'CPU s':>6}  {'wall s':>6}  {'peak MiB':>8}  one line")
    for name, cpu_s, wall_s, peak_mib, refused in rows:
        verdict = "yes" if refused else "NO"
        print(f"{name:<{width}}  {cpu_s:6.2f}  {wall_s:6.2f}  {peak_mib:8.1f}  {verdict}")
    slowest = max(rows, key=lambda row: row[1])
    largest = max(rows, key=lambda row: row[3])
    print(f"\n{len(rows)} cases, {runs} runs each (medians; the machine may be shared)")
    print(f"slowest: {slowest[0]}: {slowest[1]:.2f} s CPU, {slowest[2]:.2f} s wall")
    print(f"largest: {largest[0]}: {largest[3]:.1f} MiB")
    missed = [
        row[0]
        for row in rows
        if not row[4] or row[1] >= CPU_TARGET_S or row[3] >= MEMORY_TARGET_MIB
    ]
    if missed:
        print("targets missed: " + ", ".join(missed))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
