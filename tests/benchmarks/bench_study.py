"""Study speed on a big collection: 100,000 cards and 1,000,000 reviews.

    python tests/benchmarks/bench_study.py [--rounds 5] [--answers 200] [--rebuild]

In process, each study step as `quizkit study` runs it: pick the next card, count what is
still due (the figure on screen), grade the typed answer, then schedule it and commit it
durably (WAL, synchronous=FULL, one commit per answer). Targets: picking plus recording,
and the whole step (pick, count, grade, record), at most 1.5 ms each; the counts on screen
are kept current per answer, not recounted. "whole step, CPU" is the step's processor
time: the work, without the wait for the disk to confirm the commit (fsync), which on a
shared or slow disk dominates the wall-clock figures. As whole processes: `quizkit --help` under
150 ms and `quizkit decks` on that database at most 150 ms (issue 14), `decks` loading quizkit
from cached bytecode as an installed package does; where PYTHONDONTWRITEBYTECODE is set, the
figure with every module compiled at start is printed below it, without a target.

The database is built once with executemany in one transaction and cached under the temp
dir (or $QUIZKIT_BENCH_CACHE); each run studies a fresh copy of it. No ANALYZE is run: a
learner's database has no statistics either, so the query plans are the ones they get.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import (  # noqa: E402
    Row,
    cache_dir,
    print_table,
    summarize,
    time_process,
    with_bytecode,
)

from quizkit.migrations import migrations  # noqa: E402
from quizkit.store import Store, iso  # noqa: E402
from quizkit.study import Answer, Session, check_answer, rating_for  # noqa: E402

CARDS = 100_000
REVIEWS = 1_000_000
DECKS = 10
FRESH_CARDS = 5_000  # the last deck has only new cards: the new-card path
NOW = datetime(2023, 3, 1, 9, 0, tzinfo=UTC)
BUILD_VERSION = 4  # bump when the generated data, or how Store.open makes a file, changes
TARGET_STEP_MS = 1.5
TARGET_HELP_MS = 150.0
TARGET_DECKS_MS = 150.0


def database_path() -> Path:
    schema = hashlib.sha1(" ".join(m.name for m in migrations._migrations).encode()).hexdigest()
    return cache_dir() / f"study-{CARDS}-{REVIEWS}-{schema[:8]}-v{BUILD_VERSION}.db"


def build(path: Path) -> float:
    """Write the big database; returns seconds taken."""
    started = time.perf_counter()
    partial = path.with_suffix(".partial")
    # earlier builds (older schema or generator) and half-written ones
    for leftover in [*path.parent.glob("study-*.db*"), *path.parent.glob(partial.name + "*")]:
        leftover.unlink()
    store = Store.open(partial)
    rng = random.Random(2023)
    created = iso(NOW - timedelta(days=400))
    studied = CARDS - FRESH_CARDS - CARDS // 5  # a fifth of the rest is still new
    per_card = REVIEWS // studied
    extra = REVIEWS - per_card * studied
    with store.transaction():
        db = store.db.conn
        db.executemany(
            "INSERT INTO decks (id, name, created) VALUES (?, ?, ?)",
            [(d, f"Deck {d:02d}", created) for d in range(1, DECKS + 1)],
        )
        db.executemany(
            "INSERT INTO notes (id, guid, deck_id, question, answer, created, modified) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    n,
                    f"bench-{n}",
                    deck_of(n),
                    f"Question number {n}?",
                    f"Answer {n}",
                    created,
                    created,
                )
                for n in range(1, CARDS + 1)
            ),
        )
        db.executemany(
            "INSERT INTO cards (id, note_id, deck_id, state, step, stability, difficulty, due, "
            "last_review) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (card_row(n, n <= studied, rng, created) for n in range(1, CARDS + 1)),
        )
        db.executemany(
            "INSERT INTO reviews (card_id, reviewed_at, rating, typed, correct, duration_ms, "
            "state_before, elapsed_days) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            review_rows(studied, per_card, extra, rng),
        )
    store.close()
    partial.rename(path)
    return time.perf_counter() - started


def deck_of(n: int) -> int:
    """Decks 1-9 share the studied and new cards; deck 10 holds the last FRESH_CARDS, all new."""
    return DECKS if n > CARDS - FRESH_CARDS else 1 + n % (DECKS - 1)


def card_row(n: int, studied: bool, rng: random.Random, created: str) -> tuple:
    if not studied:
        return (n, n, deck_of(n), 0, None, None, None, created, None)
    kind = rng.random()
    if kind < 0.03:  # learning or relearning, due around now
        state, step = (1 if kind < 0.02 else 3), 0
        due = NOW + timedelta(minutes=rng.uniform(-30, 30))
    else:  # review: about one in eight due now, the rest over the next months
        state, step = 2, None
        due = NOW + timedelta(days=rng.uniform(-30, 200))
    stability = rng.lognormvariate(2.5, 1.0)
    last = due - timedelta(days=max(0.01, stability))
    return (n, n, deck_of(n), state, step, stability, rng.uniform(1, 10), iso(due), iso(last))


def review_rows(studied: int, per_card: int, extra: int, rng: random.Random) -> Iterator[tuple]:
    start = NOW - timedelta(days=365)
    for card in range(1, studied + 1):
        count = per_card + (1 if card <= extra else 0)
        # at most 30 + 13 * 25 days after the start: every review is in the past
        moment = start + timedelta(days=rng.uniform(0, 30))
        for k in range(count):
            rating = rng.choice((1, 3, 3, 3, 2, 4))
            yield (
                card,
                iso(moment),
                rating,
                f"Answer {card}",
                int(rating > 1),
                rng.randint(800, 20_000),
                0 if k == 0 else 2,
                None,
            )
            moment += timedelta(days=rng.uniform(0.5, 25))


def measure_steps(store: Store, deck_name: str | None, answers: int) -> dict[str, list[float]]:
    """Time each part of `answers` study steps, as Session.run does them."""
    deck = store.deck(deck_name) if deck_name else None
    session = Session(store, deck, lambda: NOW, new_limit=10**9)
    times: dict[str, list[float]] = {"pick": [], "count": [], "grade": [], "record": []}
    cpu: list[float] = []
    for _ in range(answers):
        cpu_started = time.process_time()
        started = time.perf_counter()
        card = session.next_card(NOW)
        picked = time.perf_counter()
        session.counts(NOW)
        counted = time.perf_counter()
        assert card is not None, "the benchmark ran out of cards"
        answer = Answer(card.expected, 2_000)
        correct, typo, _detail = check_answer(card, answer.text)
        rating = rating_for(correct, typo, answer.duration_ms, card.expected)
        graded = time.perf_counter()
        session._apply(card, rating, NOW, answer, correct)
        session._take_off(card)
        recorded = time.perf_counter()
        cpu.append((time.process_time() - cpu_started) * 1000)
        times["pick"].append((picked - started) * 1000)
        times["count"].append((counted - picked) * 1000)
        times["grade"].append((graded - counted) * 1000)
        times["record"].append((recorded - graded) * 1000)
    times["cpu"] = cpu
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5, help="runs of each measurement")
    parser.add_argument("--answers", type=int, default=200, help="study steps per run")
    parser.add_argument("--rebuild", action="store_true", help="rebuild the cached database")
    args = parser.parse_args()

    cached = database_path()
    if args.rebuild or not cached.exists():
        seconds = build(cached)
        print(f"built {cached} in {seconds:.1f} s ({cached.stat().st_size / 2**20:.0f} MiB)")
    else:
        print(
            f"using cached {cached} ({cached.stat().st_size / 2**20:.0f} MiB); --rebuild to remake"
        )

    work = cached.with_name("study-work.db")
    rounds: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for leftover in work.parent.glob(work.name + "*"):
            leftover.unlink()
        shutil.copyfile(cached, work)
        store = Store.open(work)
        for label, deck in (("all decks", None), ("one deck", "Deck 03"), ("new cards", "Deck 10")):
            steps = measure_steps(store, deck, args.answers)
            cpu = steps.pop("cpu")
            for part, samples in steps.items():
                # one figure per run: the median step of that run
                rounds.setdefault(f"{label}: {part}", []).append(sorted(samples)[len(samples) // 2])
            both = [p + r for p, r in zip(steps["pick"], steps["record"], strict=True)]
            rounds.setdefault(f"{label}: pick + record", []).append(sorted(both)[len(both) // 2])
            every = [sum(parts) for parts in zip(*steps.values(), strict=True)]
            rounds.setdefault(f"{label}: whole step", []).append(sorted(every)[len(every) // 2])
            # the work itself: CPU time of the step, without waiting on the disk's fsync
            rounds.setdefault(f"{label}: whole step, CPU", []).append(sorted(cpu)[len(cpu) // 2])
        store.close()

    rows: list[Row] = []
    for name, samples in rounds.items():
        target = TARGET_STEP_MS if name.endswith(("pick + record", "whole step", "CPU")) else None
        rows.append(summarize(name, samples, target))
    env = {"QUIZKIT_NOW": NOW.isoformat()}
    rows.append(
        summarize(
            "process: quizkit --help",
            time_process(["-m", "quizkit", "--help"], args.rounds * 2, env),
            TARGET_HELP_MS,
        )
    )
    decks = ["-m", "quizkit", "decks", "--db", str(work)]
    rows.append(
        summarize(
            "process: quizkit decks (100k cards)",
            time_process(decks, args.rounds * 2, {**env, **with_bytecode()}),
            TARGET_DECKS_MS,
        )
    )
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        rows.append(
            summarize(
                "  the same, every module compiled at start",
                time_process(decks, args.rounds * 2, env),
            )
        )
    ok = print_table(
        f"study, {CARDS:,} cards and {REVIEWS:,} reviews; median of {args.rounds} runs "
        f"(each the median of {args.answers} steps)",
        rows,
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
