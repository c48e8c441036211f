"""A real terminal session on a 100,000-card deck: 50 answers, and before each card the
counts on screen equal what the database holds at that moment, counted independently."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quizkit.store import Store, iso

pexpect = pytest.importorskip("pexpect")

CARDS = 100_000
LEARNING = 10  # due now, in learning
REVIEWS_DUE = 15  # due now, in review
ANSWERS = 50
NEW_LIMIT = 25
COUNTS = re.compile(r"(\d+) new · (\d+) learning · (\d+) due\r?\n\[\d+\] \(basic\) (Q\d+)\?")


def build(path: Path, now: datetime) -> None:
    """One deck: most cards new, a few learning and review cards due now, the rest later."""
    store = Store.open(path)
    stamp = iso(now - timedelta(days=30))
    with store.transaction():
        conn = store.db.conn
        conn.execute("INSERT INTO decks (id, name, created) VALUES (1, 'Big deck', ?)", [stamp])
        # as a large import does it: the search index filled in one statement at the end
        conn.execute("INSERT INTO notes_fts_paused (paused) VALUES (1)")
        conn.executemany(
            "INSERT INTO notes (id, guid, deck_id, question, answer, created, modified) "
            "VALUES (?, ?, 1, ?, ?, ?, ?)",
            ((n, f"big-{n}", f"Q{n}?", f"A{n}", stamp, stamp) for n in range(1, CARDS + 1)),
        )
        conn.execute("DELETE FROM notes_fts_paused")
        conn.execute(
            "INSERT INTO notes_fts (rowid, question, answer, tags) "
            "SELECT id, question, answer, tags FROM notes"
        )

        def card(n: int) -> tuple:
            if n <= LEARNING:
                return (n, n, 1, 0, 5.0, 5.0, iso(now - timedelta(minutes=n)), stamp)
            if n <= LEARNING + REVIEWS_DUE:
                return (n, n, 2, None, 9.0, 5.0, iso(now - timedelta(days=n)), stamp)
            if n <= 20_000:  # reviews due later
                return (n, n, 2, None, 9.0, 5.0, iso(now + timedelta(days=1 + n % 90)), stamp)
            return (n, n, 0, None, None, None, stamp, None)

        conn.executemany(
            "INSERT INTO cards (id, note_id, deck_id, state, step, stability, difficulty, due, "
            "last_review) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?)",
            (card(n) for n in range(1, CARDS + 1)),
        )
    store.close()


def reference_counts(path: Path, now: datetime) -> tuple[int, int, int]:
    """new / learning / due by plain SQL over the whole table, as a check on the screen."""
    day = iso(now.replace(hour=0, minute=0, second=0, microsecond=0))
    with sqlite3.connect(path) as conn:
        new = conn.execute("SELECT COUNT(*) FROM cards WHERE state = 0 AND suspended = 0")
        introduced = conn.execute(
            "SELECT COUNT(*) FROM reviews WHERE state_before = 0 AND reviewed_at >= ?", [day]
        )
        new_left = min(new.fetchone()[0], NEW_LIMIT - introduced.fetchone()[0])
        learning, due = conn.execute(
            "SELECT COALESCE(SUM(state IN (1, 3)), 0), COALESCE(SUM(state = 2), 0) FROM cards "
            "WHERE state > 0 AND suspended = 0 AND due <= ?",
            [iso(now)],
        ).fetchone()
    conn.close()
    return new_left, learning, due


def test_fifty_answers_on_a_100k_deck_keep_the_counts_right(
    isolated_env: Path, now: datetime
) -> None:
    build(isolated_env, now)
    env = {**os.environ, "NO_COLOR": "1"}
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizkit", "study", "big", "--new", str(NEW_LIMIT)],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(50, 200),
    )
    shown = []
    started = time.monotonic()
    for answer in range(ANSWERS):
        child.expect(COUNTS)
        new, learning, due, question = child.match.groups()
        on_screen = (int(new), int(learning), int(due))
        # every earlier answer is committed before this card appears: the file agrees
        assert on_screen == reference_counts(isolated_env, now), (answer, question)
        shown.append(on_screen)
        number = int(question[1:])
        child.expect_exact("Answer (Enter to reveal, q to quit): ")
        child.sendline(f"A{number}" if answer % 3 else "wrong")
        child.expect_exact("Enter to go on, 1-4 to change the grade, q to quit: ")
        child.sendline("")
    elapsed = time.monotonic() - started
    # the clock is pinned: the cards answered wrong are due a minute on, so only learning
    # ahead (Anki's 20 minutes) has a card left, and nothing counts as due now
    child.expect(COUNTS)
    assert child.match.groups()[:3] == ("0", "0", "0")
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    # due learning and review cards first, then new ones up to the day's limit
    due_first = LEARNING + REVIEWS_DUE
    assert shown[0] == (NEW_LIMIT, LEARNING, REVIEWS_DUE)
    assert shown[due_first] == (NEW_LIMIT, 0, 0)
    assert shown[-1] == (NEW_LIMIT - (ANSWERS - 1 - due_first), 0, 0)
    # generous, for a shared CI machine; it bounds the whole session, not one step
    assert elapsed < 60
