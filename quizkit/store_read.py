"""Reading an up-to-date quizkit file with sqlite3 alone: the deck listing's counts.

Part of the storage layer, apart from quizkit.store so that `quizkit decks` loads neither the
Store nor quizkit's models (making their classes costs more than counting 100,000 cards). It
only reads, and only a file that is already quizkit's and up to date; any other file (new,
foreign, damaged, older or newer) goes through Store.open, which upgrades it or says what is
wrong with it.
"""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from typing import NamedTuple

# The names of the migrations in quizkit/migrations.py, in order (a test keeps them the same):
# an up-to-date file opens without loading the migrations or sqlite-utils.
MIGRATIONS = (
    "m001_initial",
    "m002_transfer_media",
    "m003_practice_leeches",
    "m004_generate_note_review",
    "m005_study_indexes",
    "m006_notes_fts",
    "m007_leeches_by_lapses",
    "m008_decks_leech_index",
    "m009_search_index_lazy",
)
READ_TIMEOUT_S = 10.0  # as long as the Store waits for a lock
NEW, REVIEW = 0, 2  # CardState.NEW and CardState.REVIEW (quizkit.models)


class DeckTally(NamedTuple):
    """A deck (its columns, as Store.decks reads them) with its card counts."""

    id: int
    name: str
    description: str
    desired_retention: float
    new: int
    learning: int
    due: int
    suspended: int
    total: int


def iso(moment: datetime) -> str:
    """One fixed-width UTC text form, so that comparing strings compares times."""
    if moment.tzinfo is None:
        raise ValueError("quizkit times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def applied_migrations(conn: sqlite3.Connection) -> set[str]:
    """The names of quizkit's migrations this file has had (sqlite-utils' record of them)."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_sqlite_migrations'"
    ).fetchone()
    if not found:
        return set()
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = 'quizkit'"
    ).fetchall()
    return {name for (name,) in rows}


def open_current(path: str | os.PathLike[str]) -> sqlite3.Connection | None:
    """A connection for reading `path` when it is an up-to-date quizkit file in WAL mode (as
    Store.open leaves it); None for any other file, creating nothing and changing nothing."""
    if not os.path.isfile(path):
        return None
    conn = sqlite3.connect(os.fspath(path), timeout=READ_TIMEOUT_S)
    try:
        if applied_migrations(conn) == set(MIGRATIONS) and conn.execute(
            "PRAGMA journal_mode"
        ).fetchone() == ("wal",):
            return conn
    except sqlite3.DatabaseError:
        pass
    conn.close()
    return None


def deck_tallies(conn: sqlite3.Connection, now: datetime) -> list[DeckTally]:
    """Every deck, by name, with its new / learning / due-now / suspended / total card counts."""
    kinds = ("new", "learning", "due", "suspended", "total")
    tallies: dict[int, dict[str, int]] = {}
    # SQLite counts by stepping through rows, and a GROUP BY steps more slowly than a range
    # count: so the groups (deck, state, suspended) are found by seeking from one to the next
    # in idx_cards_deck_state, and each group's cards are counted in two ranges of that index,
    # due by now and due later (due is its last column): every card is stepped over once, and
    # no due date is compared card by card
    for deck_id, state, suspended, due_now, later in conn.execute(
        """WITH RECURSIVE g(deck_id, state, suspended) AS (
               SELECT * FROM (SELECT deck_id, state, suspended FROM cards
                              ORDER BY deck_id, state, suspended LIMIT 1)
               UNION ALL
               SELECT c.deck_id, c.state, c.suspended FROM g JOIN cards c ON c.id = coalesce(
                   (SELECT n.id FROM cards n WHERE n.deck_id = g.deck_id
                        AND n.state = g.state AND n.suspended > g.suspended
                        ORDER BY n.suspended LIMIT 1),
                   (SELECT n.id FROM cards n WHERE n.deck_id = g.deck_id
                        AND n.state > g.state ORDER BY n.state, n.suspended LIMIT 1),
                   (SELECT n.id FROM cards n WHERE n.deck_id > g.deck_id
                        ORDER BY n.deck_id, n.state, n.suspended LIMIT 1)))
           SELECT deck_id, state, suspended,
               (SELECT COUNT(*) FROM cards c WHERE c.deck_id = g.deck_id
                    AND c.state = g.state AND c.suspended = g.suspended AND c.due <= ?1),
               (SELECT COUNT(*) FROM cards c WHERE c.deck_id = g.deck_id
                    AND c.state = g.state AND c.suspended = g.suspended AND c.due > ?1)
           FROM g""",
        [iso(now)],
    ).fetchall():
        count = due_now + later
        tally = tallies.setdefault(deck_id, dict.fromkeys(kinds, 0))
        tally["total"] += count
        if suspended:
            tally["suspended"] += count
        elif state == NEW:
            tally["new"] += count
        else:
            tally["due"] += due_now
            if state != REVIEW:
                tally["learning"] += count
    empty = dict.fromkeys(kinds, 0)
    decks = conn.execute(
        "SELECT id, name, description, desired_retention FROM decks ORDER BY name"
    ).fetchall()
    return [
        DeckTally(*deck, *(tallies.get(deck[0], empty)[kind] for kind in kinds)) for deck in decks
    ]


def suspended_leeches(conn: sqlite3.Connection) -> dict[int, int]:
    """Deck id -> how many of its cards are suspended as leeches."""
    rows = conn.execute(
        """SELECT deck_id, COUNT(*) FROM cards WHERE leech = 1 AND suspended = 1
           GROUP BY deck_id"""
    ).fetchall()
    return {deck_id: count for deck_id, count in rows}
