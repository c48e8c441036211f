"""Generating a deck from 1,000 news articles, storing included (target: under 5 s).

Articles are made from the test articles with names, places and dates varied, so that
each is different and of the seed articles' size. Prints the median of several runs.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from quizkit.generate import notes_from_articles, store_notes  # noqa: E402
from quizkit.models import DeckInfo  # noqa: E402
from quizkit.store import Store  # noqa: E402

TEMPLATES = sorted((REPO / "tests" / "articles").glob("*.txt"))
SURNAMES = ["Pistorius", "Blaszczak", "Pevkur", "Murniece", "Mutua", "Stoltenberg", "Guterres"]
RUNS = 1
COUNT = 1000


def make_articles(folder: Path) -> list[Path]:
    paths = []
    for i in range(COUNT):
        text = TEMPLATES[i % len(TEMPLATES)].read_text(encoding="utf-8")
        for surname in SURNAMES:
            text = text.replace(surname, f"{surname}{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}")
        text = text.replace("2023", str(1990 + i % 30))
        # pad to the seed articles' size (about 3 KB) with a neutral paragraph
        text += "\n\nOfficials gave no further details about the plans on the ground.\n" * 30
        path = folder / f"article-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    now = datetime(2024, 1, 1, tzinfo=UTC)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths = make_articles(folder)
        size = statistics.mean(p.stat().st_size for p in paths)
        timings = []
        for run in range(RUNS):
            db = folder / f"bench-{run}.db"
            started = time.perf_counter()
            generated = notes_from_articles(paths, now.date())
            store = Store.open(db)
            report = store_notes(store, DeckInfo("bench"), generated.notes, now)
            store.close()
            timings.append(time.perf_counter() - started)
    print(f"{'measure':<44} {'median':>9} {'target':>8}")
    print(
        f"{'generate 1,000 articles (%.1f KB each), s' % (size / 1024):<44} "
        f"{statistics.median(timings):>9.2f} {'< 5.00':>8}"
    )
    print(f"{'notes stored':<44} {report.added:>9}")


if __name__ == "__main__":
    main()
