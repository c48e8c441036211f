"""Migrations: from a blank file, and from the first schema with data in it."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from quizkit.migrations import migrations
from quizkit.models import Rating, Review
from quizkit.scheduler import make_scheduler, review
from quizkit.store import Store, iso

MIGRATION_NAMES = [m.name for m in migrations._migrations]


def schema(path: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
    conn.close()
    return rows


def test_migrations_are_numbered_and_never_renamed() -> None:
    assert MIGRATION_NAMES[0] == "m001_initial"
    assert "m005_study_indexes" in MIGRATION_NAMES
    numbers = [name[:4] for name in MIGRATION_NAMES]
    assert all(re.fullmatch(r"m\d{3}", n) for n in numbers)
    assert len(set(numbers)) == len(numbers)


def test_m001_is_never_edited(tmp_path: Path) -> None:
    """A shipped migration's schema is fixed: change the schema with a new migration instead."""
    db = Database(tmp_path / "first.db")
    migrations.apply(db, stop_before=MIGRATION_NAMES[1:])
    db.close()
    text = "\n".join(f"{t} {n} {sql}" for t, n, sql in schema(tmp_path / "first.db"))
    assert hashlib.sha256(text.encode()).hexdigest()[:16] == "1abbfb9e8238e136", text


def test_blank_file_gets_every_migration(isolated_env: Path) -> None:
    Store.open(isolated_env).close()
    with sqlite3.connect(isolated_env) as conn:
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert applied == MIGRATION_NAMES
    tables = {name for kind, name, _ in schema(isolated_env) if kind == "table"}
    assert {"decks", "notes", "cards", "reviews", "sources", "note_sources"} <= tables


def test_database_from_the_first_schema_upgrades_with_its_data(
    tmp_path: Path, now: datetime
) -> None:
    """A database as the first quizkit left it: only m001, a deck, a studied card, a review."""
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before=MIGRATION_NAMES[1:])
    stamp = iso(now)
    db.execute(
        "INSERT INTO decks (id, name, description, desired_retention, created) "
        "VALUES (1, 'Old deck', 'from m001', 0.85, ?)",
        [stamp],
    )
    for n in (1, 2):
        db.execute(
            "INSERT INTO notes (id, guid, deck_id, question, answer, created, modified) "
            "VALUES (?, ?, 1, ?, ?, ?, ?)",
            [n, f"old-{n}", f"Question {n}?", f"Answer {n}", stamp, stamp],
        )
        db.execute(
            "INSERT INTO cards (id, note_id, deck_id, due) VALUES (?, ?, 1, ?)", [n, n, stamp]
        )
    db.execute(
        "UPDATE cards SET state = 2, step = NULL, stability = 3.2, difficulty = 5.1, "
        "due = ?, last_review = ? WHERE id = 1",
        [iso(now), "2022-01-17T09:00:00.000000+00:00"],
    )
    db.execute(
        "INSERT INTO reviews (card_id, reviewed_at, rating, typed, correct, duration_ms, "
        "state_before, elapsed_days) VALUES (1, '2022-01-17T09:00:00.000000+00:00', 3, "
        "'Answer 1', 1, 2500, 1, 0.0)"
    )
    db.conn.commit()
    db.close()

    store = Store.open(path)
    deck = store.deck("Old deck")
    assert (deck.description, deck.desired_retention) == ("from m001", 0.85)
    due = store.next_due_card(deck, now)
    assert due is not None and due.id == 1 and due.stability == 3.2
    assert [r["typed"] for r in store.reviews_of(1)] == ["Answer 1"]
    # the upgraded store studies as usual
    after = review(make_scheduler(deck.desired_retention), due, Rating.GOOD, now)
    store.record_review(after, Review(1, now, Rating.GOOD, "Answer 1", True, 900, due.state, 3.0))
    assert len(store.reviews_of(1)) == 2
    new = store.next_new_card(deck)
    assert new is not None and new.id == 2
    store.close()
    with sqlite3.connect(path) as conn:
        applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert applied == MIGRATION_NAMES
