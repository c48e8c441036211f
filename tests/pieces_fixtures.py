"""Shared by the tests of files read in pieces (Store.load_tables): what an import stored, and
imports of one file read in pieces or whole, counted."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

import quizkit.importers
import quizkit.importing
from quizkit.errors import InputError
from quizkit.importers import ImportOptions, PlainPieces
from quizkit.importing import import_file
from quizkit.models import ImportReport
from quizkit.store import Store


def dump(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Everything an import writes, as rows."""
    with sqlite3.connect(path) as conn:
        found = {
            "notes": conn.execute(
                """SELECT n.id, guid, d.name, kind, question, answer, alternatives, distractors,
                          tags, sources, extra, reverse, n.created, modified, edited, dropped
                   FROM notes n JOIN decks d ON d.id = n.deck_id ORDER BY n.id"""
            ).fetchall(),
            "cards": conn.execute(
                "SELECT id, note_id, deck_id, ord, state, due, suspended FROM cards ORDER BY id"
            ).fetchall(),
            "decks": conn.execute("SELECT id, name FROM decks ORDER BY id").fetchall(),
            "schema": conn.execute(
                "SELECT type, name, sql FROM sqlite_master ORDER BY type, name"
            ).fetchall(),
            "journal": conn.execute("PRAGMA journal_mode").fetchall(),
        }
    conn.close()
    return found


class PiecesRun:
    """Imports of a file read in pieces, or always whole (`sizes` sets the pieces' size for
    each); counts the files begun in pieces (`tries`) and the loads that went to the end
    (`loads`)."""

    def __init__(self, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
        self.tmp_path = tmp_path
        self.now = now
        self.monkeypatch = monkeypatch
        self.loads = 0
        self.tries = 0
        original = Store.load_tables

        def counted(store: Store, *args: Any, **kwargs: Any) -> ImportReport:
            report = original(store, *args, **kwargs)
            self.loads += 1  # a load that went to the end
            return report

        monkeypatch.setattr(Store, "load_tables", counted)
        read = quizkit.importing.read_plain_pieces

        def tried(*args: Any) -> PlainPieces | None:
            pieces = read(*args)
            self.tries += pieces is not None  # a file that was begun in pieces
            return pieces

        monkeypatch.setattr(quizkit.importing, "read_plain_pieces", tried)

    def sizes(self, pieces: bool) -> None:
        """Set the size of a piece: small, or too big for any test file to be cut."""
        raise NotImplementedError

    def after(self) -> None:
        """Check what must hold after every import, whatever its end."""

    def __call__(
        self, source: Path, pieces: bool, db: str | None = None, **options: Any
    ) -> tuple[Path, str, ImportReport]:
        self.sizes(pieces)
        path = self.tmp_path / (db or f"{'pieces' if pieces else 'whole'}.db")
        store = Store.open(path)
        try:
            name, report = import_file(store, source, self.now, ImportOptions(**options))
        finally:
            # the load turns foreign-key checks off: they are back, whatever ended it
            assert store.conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
            store.close()
            self.after()
        return path, name, report

    def outcome(self, source: Path, pieces: bool, **options: Any) -> tuple[Any, ...]:
        """The deck and report, or the error, and the notes stored either way."""
        path = self.tmp_path / f"{'pieces' if pieces else 'whole'}.db"
        try:
            _, name, report = self(source, pieces, **options)
        except InputError as error:
            return str(error), None, dump(path)["notes"]
        return name, report, dump(path)["notes"]


def same_either_way(
    run: PiecesRun, source: Path, in_pieces: bool = True, **options: Any
) -> dict[str, list[tuple[Any, ...]]]:
    """What the file stores, the same read whole and tried in pieces; `in_pieces`: whether
    the pieces went through, or something in them sent the file to be read whole."""
    whole, name_whole, report_whole = run(source, pieces=False, **options)
    assert (run.tries, run.loads) == (0, 0)
    pieces, name_pieces, report_pieces = run(source, pieces=True, **options)
    assert (run.tries, run.loads) == (1, int(in_pieces))
    assert (name_pieces, report_pieces) == (name_whole, report_whole)
    assert dump(pieces) == dump(whole)
    return dump(pieces)


def interrupting(function: Callable[..., Any], call: int) -> Callable[..., Any]:
    """`function`, but Ctrl-C is pressed at its `call`th call."""
    calls = 0

    def interrupted(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == call:
            raise KeyboardInterrupt
        return function(*args)

    return interrupted


def assert_nothing_stored(path: Path) -> None:
    """The collection at `path` as an interrupted or failed load leaves it: empty, in WAL,
    with the search index's insert trigger back."""
    stored = dump(path)
    assert stored["notes"] == [] and stored["cards"] == [] and stored["decks"] == []
    assert stored["journal"] == [("wal",)]
    assert "notes_ai" in {name for _, name, _ in stored["schema"]}


def ctrl_c_while_writing_stores_nothing(
    run: PiecesRun, source: Path, monkeypatch: pytest.MonkeyPatch, notes: int
) -> None:
    """Ctrl-C while the third piece is written: nothing is stored, Python's switch interval
    is as it was, and the next try stores all `notes`."""
    original = Store._add_new_notes
    monkeypatch.setattr(Store, "_add_new_notes", interrupting(original, 3))
    switch = sys.getswitchinterval()
    with pytest.raises(KeyboardInterrupt):
        run(source, pieces=True)
    assert sys.getswitchinterval() == switch  # as it was before the load
    assert_nothing_stored(run.tmp_path / "pieces.db")
    monkeypatch.setattr(Store, "_add_new_notes", original)
    _, _, report = run(source, pieces=True)  # and the next try stores the file
    assert report.added == notes


def progress_told(run: PiecesRun, source: Path, piece: int) -> list[tuple[int, int]]:
    """What an import in pieces of `piece` characters tells its progress bar, checked to go
    up, one load, to its end: (done, total) each time."""
    run.monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", piece)
    told: list[tuple[int, int]] = []
    store = Store.open(run.tmp_path / "progress.db")
    import_file(store, source, run.now, ImportOptions(), progress=lambda d, t: told.append((d, t)))
    store.close()
    assert run.loads == 1
    assert len(told) > 3
    assert [done for done, _ in told] == sorted(done for done, _ in told)
    return told
