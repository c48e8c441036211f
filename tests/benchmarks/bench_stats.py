"""How long `quizkit stats` takes to compute its figures over a large review log.

Not a pytest test: run it by hand.

    PYTHONPATH=. python tests/benchmarks/bench_stats.py [--reviews 1000000] [--runs 7]

Builds a database of N reviews spread over three years across 10,000 cards in 5 decks
(kept in a temp folder, or at --db to reuse), then prints the median time of several runs
of compute_stats for all decks and for one deck. Target: under 0.5 s on 1,000,000 reviews.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from quizkit.models import DeckInfo, Note
from quizkit.stats import compute_stats
from quizkit.store import Store, iso, start_of_day

REPO = Path(__file__).resolve().parents[2]

NOW = datetime(2025, 6, 18, 15, 0, tzinfo=UTC)
DECKS = 5
CARDS = 10_000
DAYS = 3 * 365
TARGET_S = 0.5


def build(path: Path, reviews: int, rng: random.Random) -> None:
    store = Store.open(path)
    per_deck = CARDS // DECKS
    for d in range(DECKS):
        deck = store.ensure_deck(DeckInfo(f"Deck {d}"), NOW - timedelta(days=DAYS))
        notes = [Note(f"Q{d}-{i}?", f"A{d}-{i}", f"g{d}-{i}") for i in range(per_deck)]
        store.upsert_notes(deck, notes, NOW - timedelta(days=DAYS))
    card_ids = [row[0] for row in store.db.execute("SELECT id FROM cards").fetchall()]
    with store.transaction():
        for card_id in card_ids:
            last = NOW - timedelta(days=rng.uniform(0, 60))
            interval = rng.choice([1, 3, 8, 15, 30, 60, 120, 400])
            store.db.execute(
                "UPDATE cards SET state = ?, stability = 10, difficulty = 5, due = ?, "
                "last_review = ?, suspended = ? WHERE id = ?",
                [
                    rng.choice([1, 2, 2, 2, 3]),
                    iso(last + timedelta(days=interval)),
                    iso(last),
                    int(rng.random() < 0.01),
                    card_id,
                ],
            )
    start = NOW - timedelta(days=DAYS)
    span = DAYS * 86400
    batch = []
    stamps = sorted(rng.uniform(0, span) for _ in range(reviews))
    with store.transaction():
        for offset in stamps:
            batch.append(
                (
                    rng.choice(card_ids),
                    iso(start + timedelta(seconds=offset)),
                    rng.choices([1, 2, 3, 4], weights=[12, 8, 70, 10])[0],
                    rng.choice([0, 1, 2, 3]),
                    rng.choice([None, 0.5, 3.0, 10.0, 25.0, 60.0]),
                )
            )
            if len(batch) == 50_000:
                store.db.conn.executemany(
                    "INSERT INTO reviews (card_id, reviewed_at, rating, state_before, "
                    "elapsed_days) VALUES (?, ?, ?, ?, ?)",
                    batch,
                )
                batch.clear()
        if batch:
            store.db.conn.executemany(
                "INSERT INTO reviews (card_id, reviewed_at, rating, state_before, elapsed_days) "
                "VALUES (?, ?, ?, ?, ?)",
                batch,
            )
    store.db.execute("ANALYZE")
    store.close()


def median_seconds(run: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        run()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, help="reuse (or build) the database here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = args.db or Path(folder) / "bench.db"
        if not path.exists():
            started = time.perf_counter()
            build(path, args.reviews, random.Random(1))
            print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
        store = Store.open(path)
        total = store.review_count(None)
        deck = store.deck("Deck 0")
        today = start_of_day(NOW)
        rows = [
            (
                "stats, all decks",
                median_seconds(lambda: compute_stats(store, None, NOW), args.runs),
            ),
            ("stats, one deck", median_seconds(lambda: compute_stats(store, deck, NOW), args.runs)),
            (
                "next due, buried",
                median_seconds(lambda: store.next_due_card(deck, NOW, bury_since=today), args.runs),
            ),
        ]
        store.close()
        env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZKIT_NOW": NOW.isoformat()}
        command = [sys.executable, "-m", "quizkit", "stats", "--db", str(path), "--json"]
        # the whole command, Python start-up and imports included: for information only
        process = median_seconds(
            lambda: subprocess.run(command, env=env, check=True, capture_output=True), args.runs
        )
    print(f"{total:,} reviews, {CARDS:,} cards; median of {args.runs} runs")
    print(f"{'what':<24} {'median s':>9} {'target s':>9}  ok")
    for name, seconds in rows:
        verdict = "yes" if seconds < TARGET_S else "NO"
        print(f"{name:<24} {seconds:>9.3f} {TARGET_S:>9.3f}  {verdict}")
    print(f"{'`quizkit stats --json`':<24} {process:>9.3f} {'-':>9}  -")
    return 0 if all(seconds < TARGET_S for _, seconds in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
