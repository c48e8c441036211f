"""Speed of `quizkit import` as a whole command, beside `sqlite-utils insert --csv`.

    python tests/benchmarks/bench_import.py [--rows 100000] [--rounds 5]

The CSV is ../shared/bench/gen_cards.py's (front, back, tags; 30-120 characters a side, some
commas and quotes), or one made up here in the same shape when ../shared is absent. Each round
times, alternately on the same file, `quizkit import cards.csv --deck big` into a fresh
database and `sqlite-utils insert DB cards cards.csv --csv`, so both see the same machine load;
then a re-import of the unchanged file, a re-import of the file with one answer in a hundred
changed (no target: it shows that updating a few notes of a big deck costs no more than
staging them), and imports of the same notes as an Anki package and as a JSON deck (made once
with `quizkit export` and cached). quizkit runs from cached bytecode,
as an installed package (and sqlite-utils) does. Targets (issue 14): import <= 1.0 s and at
least 4 times faster than sqlite-utils; re-import <= 1.0 s; .apkg and JSON <= 1.5 s.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Row, cache_dir, print_table, summarize, with_bytecode  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
GEN_CARDS = REPO.parent / "shared" / "bench" / "gen_cards.py"
TARGET_IMPORT_MS = 1000.0
TARGET_REIMPORT_MS = 1000.0
TARGET_PACKAGE_MS = 1500.0
TARGET_RATIO = 4.0
SQLITE_UTILS = "sqlite-utils insert db cards cards.csv --csv"
WORDS = [
    "capital",
    "river",
    "treaty",
    "signed",
    "founded",
    "element",
    "theorem",
    "ocean",
    "island",
    "border",
]


def cards_csv(rows: int) -> tuple[Path, str]:
    """The benchmark CSV (built once, cached) and where it came from."""
    if GEN_CARDS.is_file():
        path = cache_dir() / f"gen-cards-{rows}.csv"
        if not path.exists():
            partial = path.with_suffix(".partial")
            subprocess.run(
                [sys.executable, str(GEN_CARDS), str(partial), "--n", str(rows)], check=True
            )
            partial.rename(path)
        return path, "../shared/bench/gen_cards.py"
    path = cache_dir() / f"made-up-cards-{rows}.csv"
    if not path.exists():
        write_made_up_csv(path, rows)
    return path, "made up here (../shared is absent)"


def write_made_up_csv(path: Path, rows: int) -> None:
    """gen_cards.py's shape: two 30-120 character sides with commas and quotes, 1-3 tags."""
    rng = random.Random(1)

    def side() -> str:
        words = []
        while sum(len(w) + 1 for w in words) < rng.randint(30, 120):
            word = rng.choice(WORDS)
            words.append(
                word + "," if rng.random() < 0.04 else f'"{word}"' if rng.random() < 0.01 else word
            )
        return " ".join(words).capitalize() + rng.choice("?.")

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["front", "back", "tags"])
        for number in range(rows):  # the number keeps every front different
            front = f"{side()[:-1]} ({number})?"
            writer.writerow([front, side(), " ".join(rng.sample(WORDS, rng.randint(1, 3)))])


def run_ms(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) milliseconds of one run of the command, which must
    succeed. CPU time is the figure a loaded machine disturbs less."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {done.stderr.decode()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu * 1000


def fresh(path: Path) -> Path:
    for leftover in path.parent.glob(path.name + "*"):
        leftover.unlink()
    return path


def changed(source: Path) -> Path:
    """The CSV with every hundredth answer changed, made once and cached."""
    path = source.with_name(source.stem + "-changed.csv")
    if not path.exists():
        with source.open(newline="", encoding="utf-8") as file:
            rows = list(csv.reader(file))
        for row in rows[1::100]:
            row[1] += " (revised)"
        partial = path.with_suffix(".partial")
        with partial.open("w", newline="", encoding="utf-8") as file:
            csv.writer(file).writerows(rows)
        partial.replace(path)
    return path


def exported(source: Path, rows: int, env: dict[str, str]) -> tuple[Path, Path]:
    """The same notes as an Anki package and a JSON deck, made once by quizkit's exporters."""
    folder = cache_dir()
    package, deck_json = folder / f"cards-{rows}.apkg", folder / f"cards-{rows}.json"
    if not (package.exists() and deck_json.exists()):
        db = fresh(folder / "export-source.db")
        quizkit = [sys.executable, "-m", "quizkit"]
        subprocess.run([*quizkit, "import", "--db", str(db), str(source), "--deck", "big"],
                       env=env, check=True, capture_output=True)  # fmt: skip
        for out in (package, deck_json):
            subprocess.run([*quizkit, "export", "big", "--db", str(db), "-o", str(out)],
                           env=env, check=True, capture_output=True)  # fmt: skip
        fresh(db)
    return package, deck_json


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="cards in the CSV")
    parser.add_argument("--rounds", type=int, default=5, help="runs of each measurement")
    args = parser.parse_args()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
        # quizkit from cached bytecode, as installed, like sqlite-utils beside it
        **with_bytecode(),
    }
    sqlite_utils = shutil.which("sqlite-utils") or str(
        Path(sys.executable).with_name("sqlite-utils")
    )
    data, origin = cards_csv(args.rows)
    revised = changed(data)
    package, deck_json = exported(data, args.rows, env)
    work = cache_dir() / "import-work"
    work.mkdir(exist_ok=True)
    quizkit = [sys.executable, "-m", "quizkit", "import"]
    wall: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}
    ratios, cpu_ratios = [], []
    # one untimed run first: it writes quizkit's bytecode, and warms the disk cache for both
    run_ms([*quizkit, "--db", str(fresh(work / "quizkit.db")), str(data), "--deck", "big"], env)
    for _ in range(args.rounds):
        db = fresh(work / "quizkit.db")
        runs = {
            "quizkit import cards.csv --deck big": run_ms(
                [*quizkit, "--db", str(db), str(data), "--deck", "big"], env
            ),
            SQLITE_UTILS: run_ms(
                [sqlite_utils, "insert", str(fresh(work / "su.db")), "cards", str(data), "--csv"],
                env,
            ),
            "quizkit import, again (unchanged)": run_ms(
                [*quizkit, "--db", str(db), str(data), "--deck", "big"], env
            ),
            "quizkit import, again (1 in 100 changed)": run_ms(
                [*quizkit, "--db", str(db), str(revised), "--deck", "big"], env
            ),
            "quizkit import cards.apkg": run_ms(
                [*quizkit, "--db", str(fresh(work / "apkg.db")), str(package)], env
            ),
            "quizkit import cards.json": run_ms(
                [*quizkit, "--db", str(fresh(work / "json.db")), str(deck_json)], env
            ),
        }
        for name, (wall_ms, cpu_ms) in runs.items():
            wall.setdefault(name, []).append(wall_ms)
            cpu.setdefault(name, []).append(cpu_ms)
        ratios.append(runs[SQLITE_UTILS][0] / runs["quizkit import cards.csv --deck big"][0])
        cpu_ratios.append(runs[SQLITE_UTILS][1] / runs["quizkit import cards.csv --deck big"][1])
    targets = [
        TARGET_IMPORT_MS,
        None,
        TARGET_REIMPORT_MS,
        None,
        TARGET_PACKAGE_MS,
        TARGET_PACKAGE_MS,
    ]
    rows: list[Row] = [
        summarize(name, ms, target)
        for (name, ms), target in zip(wall.items(), targets, strict=True)
    ]
    for name in ("quizkit.db", "su.db", "apkg.db", "json.db"):
        fresh(work / name)
    load = os.getloadavg()
    ok = print_table(
        f"import, {args.rows:,} cards (CSV {origin}); wall time, median of {args.rounds} "
        f"rounds; load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} "
        f"on {os.cpu_count()} cores",
        rows,
    )
    print("CPU time (user + system) of the same runs, median:")
    for name, cpu_ms in cpu.items():
        print(f"  {name:<46} {statistics.median(cpu_ms):>7.0f} ms")
    ratio = statistics.median(ratios)
    met = ratio >= TARGET_RATIO
    print(
        f"sqlite-utils / quizkit wall time, same rounds: median {ratio:.2f}x "
        f"(min {min(ratios):.2f}x, max {max(ratios):.2f}x)  "
        f"target >= {TARGET_RATIO:g}x {'ok' if met else 'MISSED'}"
    )
    print(
        f"sqlite-utils / quizkit CPU time, same rounds: median {statistics.median(cpu_ratios):.2f}x"
    )
    return 0 if ok and met else 1


if __name__ == "__main__":
    sys.exit(main())
