"""How long rendering a 10,000-card deck to a handout takes (target: under 0.5 s).

Run from the repository root: PYTHONPATH=. python tests/benchmarks/bench_print.py
Prints the median of several runs for each layout, from opening the deck in the store to the
finished HTML text (wall clock, and CPU time, which other load on the machine does not
inflate), and the same with the file written.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from quizkit.exporters.html import export_html, print_handout
from quizkit.handouts import HandoutOptions
from quizkit.models import DeckInfo, Note, SourceRef, content_guid
from quizkit.store import Store

CARDS = 10_000
RUNS = 7
TARGET_S = 0.5
NOW = datetime(2022, 1, 20, 9, 0, tzinfo=UTC)
KINDS = ("official", "date", "number", "basic")


def make_deck(store: Store) -> str:
    deck = store.ensure_deck(DeckInfo("Benchmark deck"), NOW)
    notes = []
    for i in range(CARDS):
        kind = KINDS[i % len(KINDS)]
        question = f"Question {i}: which value belongs to item number {i} of the {kind} list?"
        answer = f"Answer {i}"
        notes.append(
            Note(
                question=question,
                answer=answer,
                guid=content_guid(question, answer),
                kind=kind,
                distractors=(f"Wrong {i}a", f"Wrong {i}b", f"Wrong {i}c") if i % 5 else (),
                tags=(kind,),
                sources=(SourceRef(f"article-{i % 50}"),),
            )
        )
    store.upsert_notes(deck, notes, NOW)
    return deck.name


def median_seconds(action: object, clock: object = time.perf_counter) -> float:
    times = []
    for _ in range(RUNS):
        start = clock()  # type: ignore[operator]
        action()  # type: ignore[operator]
        times.append(clock() - start)  # type: ignore[operator]
    return statistics.median(times)


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.db")
        name = make_deck(store)
        rows = []
        for layout in ("worksheet", "test", "flashcards"):
            options = HandoutOptions(layout=layout, seed=1, sources=True)
            export_html(store, name, options)  # warm the template cache, as a second print would
            seconds = median_seconds(lambda o=options: export_html(store, name, o))
            cpu = median_seconds(lambda o=options: export_html(store, name, o), time.process_time)
            out = Path(folder) / f"{layout}.html"
            written = median_seconds(lambda o=options, p=out: print_handout(store, name, o, p))
            rows.append((layout, seconds, cpu, written, out.stat().st_size))
        options = HandoutOptions(layout="test", seed=1, versions=4)
        seconds = median_seconds(lambda: export_html(store, name, options))
        cpu = median_seconds(lambda: export_html(store, name, options), time.process_time)
        rows.append(("test --versions 4", seconds, cpu, None, 0))
    print(f"{CARDS:,} cards, median of {RUNS} runs (target under {TARGET_S} s for one handout)")
    print(f"{'layout':<18} {'render s':>9} {'cpu s':>7} {'+ write s':>10} {'size MB':>8}")
    for layout, seconds, cpu, written, size in rows:
        tail = f"{written:>10.3f} {size / 1e6:>8.1f}" if written is not None else ""
        print(f"{layout:<18} {seconds:>9.3f} {cpu:>7.3f} {tail}".rstrip())
    slow = [r for r in rows[:3] if r[3] > TARGET_S]
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
