"""m003_practice_leeches upgrades a database written before it, keeping its cards."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from quizkit.migrations import migrations
from quizkit.store import Store


def test_upgrade_from_the_schema_before(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = Database(sqlite3.connect(str(path)))
    migrations.apply(db, stop_before="m003_practice_leeches")
    assert "leech" not in db["cards"].columns_dict
    stamp = "2022-01-01T00:00:00.000000+00:00"
    db.execute("INSERT INTO decks (id, name, created) VALUES (1, 'Old', ?)", [stamp])
    db.execute(
        "INSERT INTO notes (id, guid, deck_id, question, answer, created, modified) "
        "VALUES (1, 'g', 1, 'Q?', 'A', ?, ?)",
        [stamp, stamp],
    )
    db.execute(
        "INSERT INTO cards (id, note_id, deck_id, suspended, due) VALUES (1, 1, 1, 1, ?)", [stamp]
    )
    db.conn.commit()
    db.close()

    store = Store.open(path)
    assert "m003_practice_leeches" in {m.name for m in migrations.applied(store.db)}
    # a card suspended by hand before leeches existed is not a leech
    assert store.db.execute("SELECT suspended, leech FROM cards").fetchall() == [(1, 0)]
    assert "idx_reviews_rating_card" in {i.name for i in store.db["reviews"].indexes}
    assert store.suspended_leeches() == {}
    store.close()
