"""A big Anki package of plain notes going into an empty collection is written a piece of
notes at a time while it is read (Store.load_tables). It must store exactly what reading it
whole stores; anything unusual in any piece must end as reading it whole ends (same notes,
same error, nothing kept); and the collection unpacked for it never outlives the import."""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pieces_fixtures import PiecesRun, dump, interrupting, same_either_way
from transfer_fixtures import BASIC, CLOZE, AnkiNote, changed_package

import quizkit.importers
import quizkit.importing
from quizkit.errors import InputError
from quizkit.importers import ImportOptions, apkg, read_plain_pieces
from quizkit.store import Store

PIECE = 40  # notes per piece in these tests: 200 notes are read in pieces of 10, 20, 40, ...
COUNT = 200


def notes(count: int = COUNT, start: int = 0, deck: int = 1, **changed: list[str]) -> list[Any]:
    """Plain basic notes about invented harbours; `changed` gives the fields of a note by
    its number (as `n37`)."""
    made = []
    for n in range(start, start + count):
        fields = [f"Which town hosts harbour {n}?", f"Port Vell {n}", ""]
        if n % 7 == 0:
            fields = [f"  Who  runs dock {n}? ", f"Ada\tMorrow {n}", " "]  # tidied on reading
        made.append(
            AnkiNote(
                1_000 + n,
                f"guid{n}",
                BASIC,
                changed.get(f"n{n}", fields),
                tags=f"port ch{n % 3}" if n % 2 else "",
                deck=deck,
            )
        )
    return made


def package(
    tmp_path: Path, found: list[AnkiNote], modern: bool = False, *sql: str, name: str = "harbours"
) -> Path:
    """An .apkg of these notes, its collection changed by `sql` first."""
    return changed_package(tmp_path / f"{name}.apkg", found, modern, *sql)


class Run(PiecesRun):
    """Imports with pieces of PIECE notes, or with the file always read whole; sees that
    nothing unpacked is left in the temporary folder after each import."""

    def __init__(self, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> None:
        super().__init__(tmp_path, now, monkeypatch)
        self.temporary = tmp_path / "temporary"
        self.temporary.mkdir()
        monkeypatch.setattr(tempfile, "tempdir", str(self.temporary))
        # the look at the first notes before any piece, as far as the first piece goes
        monkeypatch.setattr(apkg, "FIRST_NOTES", PIECE // 4)

    def sizes(self, pieces: bool) -> None:
        # tiny files count as big: their notes, not their bytes, decide the pieces
        self.monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", 1 if pieces else 1 << 40)
        self.monkeypatch.setattr(quizkit.importers, "PIECE_NOTES", PIECE)

    def after(self) -> None:
        assert list(self.temporary.iterdir()) == []  # the unpacked collection is gone


@pytest.fixture
def run(tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> Run:
    return Run(tmp_path, now, monkeypatch)


@pytest.mark.parametrize("modern", [False, True], ids=["anki2", "anki21b"])
@pytest.mark.parametrize(
    ("deck", "sql", "options", "deck_name"),
    [
        (1, (), {}, "Default"),
        (21, (), {}, "Geo::Europe"),
        (20, (), {"deck": "Ports"}, "Geo"),
        (1, ("DELETE FROM cards",), {}, "harbours"),
        (1, ("DELETE FROM cards",), {"deck": "Ports"}, "Ports"),
        (99, (), {}, "harbours"),  # cards in a deck the collection does not name
    ],
    ids=["default deck", "nested deck", "deck option", "no cards", "no cards, deck", "no deck"],
)
def test_pieces_store_what_reading_whole_stores(
    run: Run,
    tmp_path: Path,
    modern: bool,
    deck: int,
    sql: tuple[str, ...],
    options: dict[str, Any],
    deck_name: str,
) -> None:
    source = package(tmp_path, notes(deck=deck), modern, *sql)
    stored = same_either_way(run, source, **options)
    assert len(stored["notes"]) == COUNT
    assert {note[2] for note in stored["notes"]} == {deck_name}
    assert [card[1] for card in stored["cards"]] == [note[0] for note in stored["notes"]]
    questions = [note[4] for note in stored["notes"]]
    assert questions[7] == "Who runs dock 7?" and questions[COUNT - 1].endswith(f"{COUNT - 1}?")


def test_notes_in_the_order_of_their_ids_not_of_their_rows(run: Run, tmp_path: Path) -> None:
    made = notes()
    source = package(tmp_path, made[100:] + made[:100])  # later ids written first
    stored = same_either_way(run, source)
    assert [note[1] for note in stored["notes"]] == [f"guid{n}" for n in range(COUNT)]


def test_every_piece_size_gives_the_same_notes(run: Run, tmp_path: Path) -> None:
    """A count of notes that pieces divide evenly, or leave one over."""
    for count in (PIECE * 4, PIECE * 4 + 1, PIECE * 2 + 1):
        source = package(tmp_path, notes(count), name=f"harbours{count}")
        whole, _, _ = run(source, pieces=False, db=f"whole{count}.db")
        pieces, _, report = run(source, pieces=True, db=f"pieces{count}.db")
        assert report.added == count
        assert dump(pieces) == dump(whole)
    assert run.loads == 3


@pytest.mark.parametrize(
    "changed",
    [
        {"n190": ["A <b>bold</b> front", "Back"]},  # HTML
        {"n190": ["A front with no back", ""]},  # empty back: an error naming the note
        {"n150": ["Front", "Back", "Third field"]},  # a field beyond front and back
        {"n195": ["{{c1::Kelmar}} hosts the regatta", ""]},  # a cloze, as a basic note
        {"n190": ["Which town hosts harbour 3?", "Port Vell 3"]},  # same text, new guid
    ],
    ids=["html", "empty back", "third field", "cloze text", "same question"],
)
@pytest.mark.parametrize("skip_bad", [False, True])
def test_an_unusual_note_in_a_later_piece_ends_as_reading_whole_ends(
    run: Run, tmp_path: Path, changed: dict[str, list[str]], skip_bad: bool
) -> None:
    source = package(tmp_path, notes(**changed))
    whole = run.outcome(source, pieces=False, skip_bad=skip_bad)
    assert run.outcome(source, pieces=True, skip_bad=skip_bad) == whole
    assert run.tries == 1


@pytest.mark.parametrize(
    ("sql", "error"),
    [
        ("UPDATE notes SET guid = 'guid3' WHERE id = 1190", None),  # repeated in a later piece
        ("UPDATE notes SET guid = x'6731' WHERE id = 1190", "wrong type"),  # a blob
        ("UPDATE notes SET mid = 4242 WHERE id = 1190", "unknown note type"),
        (f"UPDATE notes SET mid = {CLOZE} WHERE id = 1190", None),
        ("UPDATE notes SET flds = CAST(x'46726f6e74ff1f4261636b' AS TEXT) WHERE id = 1190", None),
        ("UPDATE notes SET tags = 'a\x1fb' WHERE id = 1190", None),
        ("DELETE FROM cards WHERE nid = 1190", None),  # a note of no deck, others in one
        (
            "INSERT INTO notes SELECT 5000, 'late', mid, mod, usn, tags, flds, sfld, csum,"
            " flags, data FROM notes WHERE id = 1190",
            None,
        ),  # the last note without a card
    ],
    ids=[
        "repeated guid",
        "guid a blob",
        "unknown type",
        "cloze type",
        "not utf-8",
        "separator in tags",
        "cardless note",
        "note after the rest",
    ],
)
def test_a_later_piece_not_plain_is_read_whole(
    run: Run, tmp_path: Path, sql: str, error: str | None
) -> None:
    source = package(tmp_path, notes(), False, sql)
    whole = run.outcome(source, pieces=False)
    pieces = run.outcome(source, pieces=True)
    assert pieces == whole
    if error:
        assert error in pieces[0] and "note 1190" in pieces[0] and pieces[2] == []
    assert (run.tries, run.loads) == (1, 0)


def test_a_later_piece_past_the_text_cap_is_read_whole(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cap on what a file may hold counts every piece, as it counts the whole file."""
    source = package(tmp_path, notes())
    budget = apkg.Budget
    monkeypatch.setattr(apkg, "Budget", lambda where: budget(where, cap=5_000))
    whole = run.outcome(source, pieces=False)
    assert "holds more than" in whole[0] and whole[2] == []
    assert run.outcome(source, pieces=True) == whole
    assert (run.tries, run.loads) == (1, 0)


@pytest.mark.parametrize(
    ("sql", "options"),
    [
        (("UPDATE cards SET ord = 1 WHERE nid = 1190",), {}),  # a reverse card
        (("UPDATE cards SET did = 20 WHERE nid = 1190",), {}),  # two decks
        (("UPDATE cards SET type = 9 WHERE nid = 1190",), {}),  # a card out of range
        (("UPDATE notes SET flds = 'A <i>front</i>' || char(31) || 'b' WHERE id = 1000",), {}),
        ((), {"keep_schedule": True}),
        (("DELETE FROM notes WHERE id >= 1080",), {}),  # two pieces or fewer
    ],
    ids=["reverse", "two decks", "bad card", "first notes", "keep schedule", "few notes"],
)
def test_a_collection_not_plain_is_not_begun_in_pieces(
    run: Run, tmp_path: Path, sql: tuple[str, ...], options: dict[str, Any]
) -> None:
    source = package(tmp_path, notes(), False, *sql)
    whole = run.outcome(source, pieces=False, **options)
    assert run.outcome(source, pieces=True, **options) == whole
    assert (run.tries, run.loads) == (0, 0)


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.write_bytes(path.read_bytes()[:300]),
        lambda path: path.write_bytes(b"PK\x03\x04" + b"\x00" * 200),
        lambda path: path.unlink(),
    ],
    ids=["cut short", "not a zip", "missing"],
)
def test_a_damaged_package_says_what_reading_whole_says(
    run: Run, tmp_path: Path, damage: Callable[[Path], Any]
) -> None:
    source = package(tmp_path, notes())
    damage(source)
    whole = run.outcome(source, pieces=False)
    assert whole[1] is None and str(source) in whole[0]
    assert run.outcome(source, pieces=True) == whole


def test_a_second_import_reads_the_package_whole_and_changes_nothing(
    run: Run, tmp_path: Path
) -> None:
    source = package(tmp_path, notes(), True)
    path, _, first = run(source, pieces=True)
    before = dump(path)
    _, _, second = run(source, pieces=True)  # the collection holds notes now: read whole
    assert run.loads == 1
    assert (first.added, second.unchanged, second.added) == (COUNT, COUNT, 0)
    assert dump(path) == before


def test_pieces_never_read_leave_nothing_unpacked(
    run: Run, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another quizkit writes notes between the look and the load: the tables are dropped
    unread, and the unpacked collection goes with them."""
    source = package(tmp_path, notes())
    monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", 1)
    monkeypatch.setattr(quizkit.importers, "PIECE_NOTES", PIECE)
    pieces = read_plain_pieces(source, ImportOptions())
    assert pieces is not None and pieces.notes == COUNT and pieces.deck == "Default"
    assert len(list(run.temporary.iterdir())) == 1
    del pieces
    assert list(run.temporary.iterdir()) == []
    first = package(tmp_path, notes(1, start=500), name="first")
    run(first, pieces=True, db="busy.db")
    _, _, report = run(source, pieces=True, db="busy.db")  # read whole: the store has a note
    assert run.loads == 0 and report.added == COUNT


def test_tables_closed_half_way_leave_nothing_unpacked(run: Run, tmp_path: Path) -> None:
    source = package(tmp_path, notes())
    pieces = apkg.plain_pieces(source, ImportOptions(), None, PIECE)
    assert pieces is not None
    assert [len(next(pieces.tables)) for _ in range(2)] == [PIECE // 4, PIECE // 2]
    assert len(list(run.temporary.iterdir())) == 1
    pieces.tables.close()  # type: ignore[attr-defined]
    assert list(run.temporary.iterdir()) == []


@pytest.mark.parametrize("call", [1, 4], ids=["first piece", "later piece"])
def test_ctrl_c_while_a_piece_is_read_stores_nothing_and_leaves_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: int
) -> None:
    source = package(tmp_path, notes())
    monkeypatch.setattr(apkg, "_notes_table", interrupting(apkg._notes_table, call))
    with pytest.raises(KeyboardInterrupt):
        run(source, pieces=True)  # and nothing is left unpacked (Run checks)
    stored = dump(tmp_path / "pieces.db")
    assert stored["notes"] == [] and stored["decks"] == [] and stored["journal"] == [("wal",)]


def test_ctrl_c_while_a_piece_is_written_stores_nothing_and_leaves_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = package(tmp_path, notes())
    original = Store._add_new_notes
    monkeypatch.setattr(Store, "_add_new_notes", interrupting(original, 3))
    with pytest.raises(KeyboardInterrupt):
        run(source, pieces=True)
    assert dump(tmp_path / "pieces.db")["notes"] == []
    monkeypatch.setattr(Store, "_add_new_notes", original)
    _, _, report = run(source, pieces=True)  # and the next try stores the package
    assert report.added == COUNT and run.loads == 1


@pytest.mark.parametrize("call", [1, 3], ids=["first piece", "later piece"])
def test_a_query_stopped_ends_the_import_as_reading_whole_ends(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: int
) -> None:
    """A query stopped by its time budget is not read again whole: the import stops, as
    reading whole stops when its query is stopped."""
    source = package(tmp_path, notes())
    notes_table = apkg._notes_table
    calls = 0

    def stopped(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == call:
            args[0].budget_spent.set()  # as the progress handler does when time is up
            raise sqlite3.OperationalError("interrupted")
        return notes_table(*args)

    monkeypatch.setattr(apkg, "_notes_table", stopped)
    with pytest.raises(InputError, match="reading it took too long") as raised:
        run(source, pieces=True)
    assert str(raised.value).startswith(f"{source}:collection.anki2: ")
    assert (run.tries, run.loads) == (int(call > 1), 0) and calls == call
    assert dump(tmp_path / "pieces.db")["notes"] == []

    def stopped_whole(*args: Any) -> None:
        args[0].budget_spent.set()
        raise sqlite3.OperationalError("interrupted")

    monkeypatch.setattr(apkg, "_plain_table", stopped_whole)  # its one query stopped
    with pytest.raises(InputError) as whole:
        run(source, pieces=False)
    assert str(whole.value) == str(raised.value)
