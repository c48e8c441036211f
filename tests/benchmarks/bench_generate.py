"""Generating a deck from 1,000 news articles, storing included (target: under 5 s).

Articles are made from the test articles with names, places and dates varied, so that
each is different and of the seed articles' size. Prints the median of several runs, wall
and CPU seconds, and the same for the question side alone (all but extraction).
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

import quizkit.generate  # noqa: E402
from quizkit.extract.facts import DocumentFacts  # noqa: E402
from quizkit.generate import notes_from_articles, store_notes  # noqa: E402
from quizkit.models import DeckInfo  # noqa: E402
from quizkit.questions import Built  # noqa: E402
from quizkit.store import Store  # noqa: E402

TEMPLATES = sorted((REPO / "tests" / "articles").glob("*.txt"))
SURNAMES = ["Pistorius", "Blaszczak", "Pevkur", "Murniece", "Mutua", "Stoltenberg", "Guterres"]
RUNS = 3
COUNT = 1000


def make_articles(folder: Path) -> list[Path]:
    paths = []
    for i in range(COUNT):
        text = TEMPLATES[i % len(TEMPLATES)].read_text(encoding="utf-8")
        for surname in SURNAMES:
            text = text.replace(surname, f"{surname}{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}")
        text = text.replace("2023", str(1990 + i % 30))
        # pad to the seed articles' size (about 3 KB) with a neutral paragraph
        text += "\n\nOfficials gave no further details about the plans on the ground.\n" * 37
        path = folder / f"article-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


# The question side (everything but extraction) timed on its own, wall and CPU seconds.
QUESTION_TIMES: list[tuple[float, float]] = []
_build = quizkit.generate.build


def timed_build(docs: Sequence[DocumentFacts], seed: int = 0) -> Built:
    started, cpu = time.perf_counter(), time.process_time()
    built = _build(docs, seed)
    QUESTION_TIMES.append((time.perf_counter() - started, time.process_time() - cpu))
    return built


def main() -> None:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    quizkit.generate.build = timed_build
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_articles(folder)
        size = statistics.mean(p.stat().st_size for p in paths)
        timings = []
        for run in range(RUNS):
            db = folder / f"bench-{run}.db"
            started, cpu = time.perf_counter(), time.process_time()
            generated = notes_from_articles(paths, now.date())
            store = Store.open(db)
            report = store_notes(store, DeckInfo("bench"), generated.notes, now)
            store.close()
            timings.append((time.perf_counter() - started, time.process_time() - cpu))
    print(f"{f'measure (median of {RUNS} runs)':<44} {'wall':>7} {'cpu':>7} {'target':>8}")
    rows = [
        (f"generate 1,000 articles ({size / 1024:.1f} KB each), s", timings, "< 5.00"),
        ("  of which questions (all but extraction), s", QUESTION_TIMES, "< 1.50"),
    ]
    missed = False
    for name, times, target in rows:
        wall = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        missed |= wall >= float(target.split()[-1])
        print(f"{name:<44} {wall:>7.2f} {cpu:>7.2f} {target:>8}")
    print(f"{'notes stored':<44} {report.added:>7}")
    if missed:
        sys.exit(1)


if __name__ == "__main__":
    main()
