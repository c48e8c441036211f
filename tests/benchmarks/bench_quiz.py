"""How long `quizkit quiz` takes to draw its questions: 1,000 of a 3,000-card deck, and a
count far beyond the deck (issue 16: it took 90 s, and a huge count never started).

Not a pytest test: run it by hand.

    PYTHONPATH=. python tests/benchmarks/bench_quiz.py [--runs 7]

Builds a 3,000-note deck (a third of them with a reverse card, four kinds of answer, some
with distractors) in a temp folder, then prints the median time of build_quiz for each
count and mode, and of the whole `quizkit quiz` process answering nothing (end of input
after the first question).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from _common import print_table, summarize, time_call, time_process

from quizkit.models import DeckInfo, Note
from quizkit.quiz import build_quiz
from quizkit.store import Store

NOW = datetime(2025, 6, 18, 15, 0, tzinfo=UTC)
NOTES = 3_000
BUILD_TARGET_MS = 500.0
PROCESS_TARGET_MS = 2000.0


def build(path: Path) -> None:
    rng = random.Random(16)
    store = Store.open(path)
    deck = store.ensure_deck(DeckInfo("Quiz"), NOW)
    kinds = ["basic", "date", "official", "number"]
    notes = [
        Note(
            f"Question {i}?",
            f"Answer {rng.randrange(2000)}",
            f"q{i}",
            kind=kinds[i % 4],
            distractors=tuple(f"Wrong {rng.randrange(500)}" for _ in range(i % 4)),
            reverse=i % 3 == 0,
        )
        for i in range(NOTES)
    ]
    store.upsert_notes(deck, notes, NOW)
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quiz.db"
        build(path)
        store = Store.open(path)
        cards = store.deck_cards(store.deck("Quiz"))
        rows = []
        for count in (10, 1_000, 10**12):
            for mode in ("mixed", "mcq"):
                samples = [
                    time_call(lambda c=count, m=mode: build_quiz(cards, c, m, random.Random(1)))
                    for _ in range(args.runs)
                ]
                rows.append(summarize(f"draw {count:,} ({mode})", samples, BUILD_TARGET_MS))
        store.close()
        env = {"QUIZKIT_DB": str(path), "PYTHONPATH": os.getcwd()}
        for count in ("1000", str(10**30)):
            samples = time_process(
                ["-m", "quizkit", "quiz", "Quiz", "--count", count, "--seed", "1"],
                args.runs,
                env,
            )
            rows.append(
                summarize(f"whole `quiz --count {count[:6]}...`", samples, PROCESS_TARGET_MS)
            )
    ok = print_table(f"quiz on {len(cards):,} cards", rows)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
