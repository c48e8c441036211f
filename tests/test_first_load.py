"""A big import into an empty collection goes through the rollback journal and leaves the file
in WAL mode again, whatever happens (Store.first_load)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from quizkit.importers import ImportOptions
from quizkit.importing import import_file
from quizkit.models import Deck, ImportReport
from quizkit.store import LAZY_INDEX_NOTES, Store

ROWS = LAZY_INDEX_NOTES + 10


def big_csv(path: Path, rows: int = ROWS) -> Path:
    path.write_text(
        "front,back\n" + "".join(f"Capital of region {i}?,Town {i}\n" for i in range(rows)),
        encoding="utf-8",
    )
    return path


def journal_modes_written(store: Store, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The journal mode of each write of staged notes, as it happens."""
    modes: list[str] = []
    original = store.write_staged

    def spy(deck: Deck, now: datetime) -> ImportReport:
        modes.append(store.conn.execute("PRAGMA journal_mode").fetchone()[0])
        return original(deck, now)

    monkeypatch.setattr(store, "write_staged", spy)
    return modes


def journal_mode(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        mode = str(conn.execute("PRAGMA journal_mode").fetchone()[0])
    conn.close()
    return mode


def note_count(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        count = int(conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0])
    conn.close()
    return count


def test_a_first_load_leaves_a_wal_file_and_no_journal(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "q.db"
    store = Store.open(db)
    modes = journal_modes_written(store, monkeypatch)
    _, report = import_file(store, big_csv(tmp_path / "big.csv"), now)
    store.close()
    assert modes == ["delete"]  # the load itself went through the rollback journal
    assert report.added == ROWS
    assert journal_mode(db) == "wal"
    assert not Path(f"{db}-journal").exists()
    assert note_count(db) == ROWS


def test_a_second_import_goes_through_wal(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "q.db"
    store = Store.open(db)
    import_file(store, big_csv(tmp_path / "big.csv"), now)
    modes = journal_modes_written(store, monkeypatch)
    other = tmp_path / "other.csv"
    other.write_text(
        "front,back\n" + "".join(f"River {i}?,Stream {i}\n" for i in range(ROWS)), "utf-8"
    )
    _, report = import_file(store, other, now)
    store.close()
    assert modes == ["wal"]  # the collection was not empty
    assert report.added == ROWS
    assert note_count(db) == 2 * ROWS


def test_with_another_connection_open_the_load_stays_in_wal(tmp_path: Path, now: datetime) -> None:
    db = tmp_path / "q.db"
    store = Store.open(db)
    reader = sqlite3.connect(db)
    reader.execute("SELECT COUNT(*) FROM decks").fetchone()
    _, report = import_file(store, big_csv(tmp_path / "big.csv"), now)
    # the reader, open all along, sees the committed notes
    assert reader.execute("SELECT COUNT(*) FROM notes").fetchone() == (ROWS,)
    assert reader.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    reader.close()
    store.close()
    assert report.added == ROWS


def test_a_load_that_fails_leaves_the_file_empty_and_in_wal(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "q.db"
    store = Store.open(db)

    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt  # Ctrl-C after the notes went in, before the commit

    monkeypatch.setattr(Store, "_index_new_notes", interrupted)
    with pytest.raises(KeyboardInterrupt):
        import_file(store, big_csv(tmp_path / "big.csv"), now, ImportOptions())
    store.close()
    assert journal_mode(db) == "wal"
    assert note_count(db) == 0
    assert not Path(f"{db}-journal").exists()


def test_opening_a_file_while_another_quizkit_loads_it(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    Store.open(db).close()
    loader = sqlite3.connect(db, isolation_level=None)
    assert loader.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    loader.execute("BEGIN IMMEDIATE")
    loader.execute("INSERT INTO decks (name, created) VALUES ('Loading', '2026-01-01')")
    # the other quizkit cannot switch the file to WAL now, and need not: it opens, and reads
    store = Store.open(db)
    assert store.deck_names() == []
    loader.execute("COMMIT")
    assert store.deck_names() == ["Loading"]
    store.close()
    loader.close()
