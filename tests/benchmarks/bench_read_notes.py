"""Speed of the parse side of `quizkit import`: `read_notes` on the benchmark CSV, and its stages.

    python tests/benchmarks/bench_read_notes.py [--rows 100000] [--rounds 7]

The CSV is bench_import.py's (../shared/bench/gen_cards.py's, or made up in the same shape).
Each measurement is CPU time in this process (time.process_time: the machine is shared, and
wall time measures the neighbours), the median of `--rounds` runs taken in turn. The stages
are the parts of read_notes a big plain CSV goes through; their sum is less than the whole
(columns, tags, checks). Target (issue 14): the import <= 1.0 s, of which the store takes
about 0.55 s: read_notes <= 300 ms.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from _common import print_table, summarize  # noqa: E402
from bench_import import cards_csv  # noqa: E402

from quizkit.importers import ImportOptions, content_guids, read_notes  # noqa: E402
from quizkit.importers.delimited import _one_line_cells  # noqa: E402
from quizkit.importers.limits import table_fits  # noqa: E402
from quizkit.models import NoteTable  # noqa: E402
from quizkit.textfile import read_text  # noqa: E402

TARGET_READ_NOTES_MS = 300.0


def cpu_ms(work: Callable[[], object]) -> float:
    gc.collect()
    started = time.process_time()
    result = work()
    spent = (time.process_time() - started) * 1000
    del result
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000, help="cards in the CSV")
    parser.add_argument("--rounds", type=int, default=7, help="runs of each measurement")
    args = parser.parse_args()
    path, origin = cards_csv(args.rows)
    text = read_text(path)
    batch = read_notes(path, ImportOptions())
    assert isinstance(batch.notes, NoteTable), "the plain CSV should be read as columns"
    fronts = batch.notes.questions
    stages: dict[str, Callable[[], object]] = {
        "read_notes(cards.csv)": lambda: read_notes(path, ImportOptions()),
        "  read_text (decode, fold CRLF)": lambda: read_text(path),
        "  _one_line_cells (the CSV's cells)": lambda: _one_line_cells(text, ","),
        "  content_guids": lambda: content_guids(batch.deck.name, fronts),
        "  table_fits": lambda: table_fits(batch.notes),
    }
    samples: dict[str, list[float]] = {name: [] for name in stages}
    for _ in range(args.rounds):
        for name, work in stages.items():
            samples[name].append(cpu_ms(work))
    targets = [TARGET_READ_NOTES_MS] + [None] * (len(stages) - 1)
    rows = [
        summarize(name, ms, target)
        for (name, ms), target in zip(samples.items(), targets, strict=True)
    ]
    ok = print_table(
        f"read_notes, {args.rows:,} cards (CSV {origin}); CPU time, median of {args.rounds}",
        rows,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
