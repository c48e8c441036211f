"""A big file imported into a collection that has notes: the notes of the deck it goes to are
read on a second thread while the file is read (Store.reading_deck), so that a file imported
before and unchanged since is found so at once. The guess must never change an outcome, and
whatever ends the reading of the file, the second thread has ended before the store is used."""

from __future__ import annotations

import os
import signal
import sqlite3
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pieces_fixtures import dump

import quizkit.beside
import quizkit.importers
import quizkit.importing
import quizkit.store
from quizkit.errors import InputError
from quizkit.importers import ImportOptions
from quizkit.importing import import_file
from quizkit.models import ImportReport
from quizkit.store import Store


def rows(count: int, head: str = "front,back,tags\n") -> str:
    return head + "".join(
        f"What is the capital of region {i}?,Town {i} on the river,geo ch{i % 3}\n"
        for i in range(count)
    )


class Reads:
    """Where Store._deck_text ran: on the main thread (after the file was read) or beside."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.threads: list[str] = []
        original = Store._deck_text

        def counted(store: Store, *args: Any) -> Any:
            main = threading.current_thread() is threading.main_thread()
            self.threads.append("main" if main else "beside")
            return original(store, *args)

        monkeypatch.setattr(Store, "_deck_text", counted)


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Reads:
    monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", 2_000)  # these files are big
    return Reads(monkeypatch)


def run(path: Path, source: Path, now: datetime, **options: Any) -> tuple[str, ImportReport]:
    store = Store.open(path)
    try:
        return import_file(store, source, now, ImportOptions(**options))
    finally:
        store.close()


def test_an_unchanged_file_is_found_so_by_the_read_beside(
    reads: Reads, tmp_path: Path, now: datetime
) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(rows(300), encoding="utf-8")
    db = tmp_path / "quizkit.db"
    run(db, source, now)
    before = dump(db)
    assert reads.threads == []  # the first import went in pieces: nothing to compare
    _, report = run(db, source, now + timedelta(days=1))
    assert (report.added, report.updated, report.unchanged) == (0, 0, 300)
    assert reads.threads == ["beside"]  # not read again once the file was
    assert dump(db) == before


@pytest.mark.parametrize(
    "change",
    ["one answer", "one note more", "another deck named", "another column"],
)
def test_the_guess_never_changes_what_is_stored(
    reads: Reads, tmp_path: Path, now: datetime, change: str
) -> None:
    """Each import, with the deck read beside and without, stores the same."""
    source = tmp_path / "capitals.csv"
    source.write_text(rows(300), encoding="utf-8")
    second = tmp_path / "second.csv"
    text = rows(300)
    if change == "one answer":
        text = text.replace("Town 7 on", "Town 7 by")
    elif change == "one note more":
        text += "Which river is the longest?,The Nile,geo\n"
    elif change == "another deck named":  # the guess is the file's name: wrong here
        text = rows(300, "#separator:comma\n#columns:Front,Back,Tags\n#deck:capitals\n")
    else:
        text = rows(300, "front,back,notes,tags\n").replace(",geo", ",an aside,geo")
    second.write_text(text, encoding="utf-8")
    stored = []
    for read_beside in (True, False):
        db = tmp_path / f"beside-{read_beside}.db"
        run(db, source, now, deck="second")
        if not read_beside:
            quizkit.importers.PIECE_CHARACTERS = 1 << 40  # monkeypatched: undone at the end
        outcome = run(db, second, now + timedelta(days=1))
        stored.append((outcome, dump(db)))
    assert stored[0] == stored[1]
    assert reads.threads[0] == "beside"


def test_a_bad_row_ends_the_read_beside_first(reads: Reads, tmp_path: Path, now: datetime) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(rows(300), encoding="utf-8")
    db = tmp_path / "quizkit.db"
    run(db, source, now)
    source.write_text(rows(300) + "A front with no back\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"capitals\.csv:302"):
        run(db, source, now)
    assert reads.threads == ["beside"]
    assert threading.active_count() == 1
    assert len(dump(db)["notes"]) == 300


def test_a_deck_changed_while_the_file_is_read_is_compared_again(
    reads: Reads, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another quizkit edits a note after the deck was read beside, while the file is still
    being read: what was read is out of date, so the deck is read again, and the file's
    answer comes back."""
    source = tmp_path / "capitals.csv"
    source.write_text(rows(300), encoding="utf-8")
    db = tmp_path / "quizkit.db"
    run(db, source, now)
    read = quizkit.importing.read_notes

    def edited_meanwhile(*args: Any) -> Any:
        while not reads.threads:  # the deck's read has begun beside...
            time.sleep(0.001)
        with sqlite3.connect(db) as other:  # ...and another quizkit edits a note
            other.execute("UPDATE notes SET answer = 'Edited' WHERE answer LIKE 'Town 7 %'")
        other.close()
        return read(*args)

    monkeypatch.setattr(quizkit.importing, "read_notes", edited_meanwhile)
    _, report = run(db, source, now + timedelta(days=1))
    assert (report.added, report.updated, report.unchanged) == (0, 1, 299)
    assert reads.threads == ["beside", "main"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM notes WHERE answer = 'Edited'").fetchone() == (0,)
    conn.close()


def slow_deck_text(started: threading.Event, ended: threading.Event) -> Any:
    """Store._deck_text as a query that runs for many seconds, unless SQLite's interrupt
    stops it."""

    def slow(store: Store, *args: Any) -> Any:
        started.set()
        try:
            store.conn.execute(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 50000000) SELECT COUNT(*) FROM n"
            ).fetchone()
        finally:
            ended.set()
        raise AssertionError("the query was not stopped")

    return slow


def imported_then_slow(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path, threading.Event, threading.Event]:
    """A file imported once, and the deck's read beside made slow (`slow_deck_text`): the
    file, the collection, and when that read started and ended."""
    source = tmp_path / "capitals.csv"
    source.write_text(rows(300), encoding="utf-8")
    db = tmp_path / "quizkit.db"
    run(db, source, now)
    started, ended = threading.Event(), threading.Event()
    monkeypatch.setattr(Store, "_deck_text", slow_deck_text(started, ended))
    return source, db, started, ended


@pytest.mark.parametrize("presses", [1, 2])
def test_ctrl_c_while_the_file_is_read_stops_the_read_beside(
    reads: Reads, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch, presses: int
) -> None:
    """Ctrl-C in the reading of the file: the deck's query is stopped and its thread has
    ended before the store is closed; pressed again while that thread ends, still so."""
    source, db, started, ended = imported_then_slow(tmp_path, now, monkeypatch)
    before = dump(db)

    def pressed(*_args: Any) -> Any:
        assert started.wait(5)
        raise KeyboardInterrupt

    monkeypatch.setattr(quizkit.importing, "read_notes", pressed)
    if presses == 2:  # the second press lands in the wait for the thread

        class PressedInWait(threading.Event):
            presses = 0

            def wait(self, timeout: float | None = None) -> bool:
                PressedInWait.presses += 1
                if PressedInWait.presses == 1:
                    raise KeyboardInterrupt
                return super().wait(timeout)

        class Worker(quizkit.beside.Worker):  # type: ignore[type-arg]
            def __init__(self, *args: Any) -> None:
                super().__init__(*args)
                self.done = PressedInWait()

        monkeypatch.setattr(quizkit.store, "Worker", Worker)
    begun = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run(db, source, now)
    assert ended.is_set() and time.monotonic() - begun < 5  # stopped, not waited out
    assert threading.active_count() == 1
    assert dump(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()


def test_a_real_ctrl_c_while_waiting_for_the_read_beside_stops_it(
    reads: Reads, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is read, the deck's query still runs, and Ctrl-C (a real SIGINT) lands in
    the wait for it: the query is stopped before Ctrl-C goes on, and the store is whole."""
    source, db, started, ended = imported_then_slow(tmp_path, now, monkeypatch)
    before = dump(db)
    read = quizkit.importing.read_notes

    def read_then_press(*args: Any) -> Any:
        batch = read(*args)
        assert started.wait(5)
        threading.Timer(0.2, os.kill, [os.getpid(), signal.SIGINT]).start()
        return batch

    monkeypatch.setattr(quizkit.importing, "read_notes", read_then_press)
    begun = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        run(db, source, now)
    assert ended.is_set() and time.monotonic() - begun < 5
    assert dump(db) == before


def test_ctrl_c_just_after_the_write_lock_leaves_checks_on(
    tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C between taking the write lock and the transaction's own rollback: the load
    in pieces still rolls back, turns foreign-key checks back on and puts WAL back."""
    monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", 2_000)
    source = tmp_path / "capitals.csv"
    source.write_text(rows(300), encoding="utf-8")
    begin = quizkit.store._begin_immediate
    calls = []

    def pressed_once_locked(*args: Any) -> None:
        begin(*args)
        calls.append(1)
        if len(calls) == 2:  # the first is the new file's schema, the second the load
            raise KeyboardInterrupt

    monkeypatch.setattr(quizkit.store, "_begin_immediate", pressed_once_locked)
    store = Store.open(tmp_path / "quizkit.db")
    try:
        with pytest.raises(KeyboardInterrupt):
            import_file(store, source, now, ImportOptions())
        assert not store.conn.in_transaction
        assert store.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert store.conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        _, report = import_file(store, source, now, ImportOptions())
        assert report.added == 300
    finally:
        store.close()
