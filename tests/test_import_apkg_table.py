"""A collection of plain notes is read with one query that joins each column into one text:
it must give exactly what reading the notes batch by batch gives, and any collection it
does not fit must be read batch by batch, with the same notes, errors and skipped rows."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from transfer_fixtures import (
    BASIC,
    CLOZE,
    REVERSED,
    TYPED,
    AnkiNote,
    changed_package,
)

from quizkit.errors import InputError
from quizkit.importers import ImportOptions, apkg, read_notes
from quizkit.importers.sqlitefile import Budget
from quizkit.models import NoteTable

# Fronts and backs as other tools leave them: untidy blanks and other spaces, letters
# beyond ASCII, extra fields that hold only spaces, tags with runs of blanks.
PLAIN = [
    AnkiNote(1, "g1", BASIC, ["Which port hosts the Kelmar regatta?", "Ostrav", "", ""]),
    AnkiNote(2, "g2", BASIC, ["  Who chairs the  harbour board? ", "Ada\tMorrow", " ", ""]),
    AnkiNote(3, "g3", BASIC, ["Gr\u00f6\u00dfe der Mole", "2\u00a0km", "", " \t"], tags=" a  b "),
    AnkiNote(4, "g4", BASIC, ["Gull\u2003count", "forty", "", ""], tags="port"),
    AnkiNote(5, "g5", BASIC, ["Lisk bell", "bronze", "\u2003", ""], tags="port"),
]


def package(tmp_path: Path, notes: list[AnkiNote], modern: bool, *sql: str) -> Path:
    """An .apkg of these notes, its collection changed by `sql` first."""
    return changed_package(tmp_path / "deck.apkg", notes, modern, *sql)


def outcome(path: Path, options: ImportOptions) -> tuple[str, Any, list[str]]:
    """What read_notes gives: the kind of sequence, every note and the skipped rows, or the
    error's message."""
    try:
        batch = read_notes(path, options)
    except InputError as error:
        return "error", str(error), []
    return type(batch.notes).__name__, (batch.deck, list(batch.notes)), batch.skipped


def both_ways(
    path: Path, monkeypatch: pytest.MonkeyPatch, options: ImportOptions
) -> tuple[Any, Any, list[bool]]:
    """The outcome with the one-query path allowed (and whether it gave the notes), and
    with it turned off, so that each collection is read batch by batch."""
    used: list[bool] = []
    plain_table: Callable[..., NoteTable | None] = apkg._plain_table

    def spy(*args: Any) -> NoteTable | None:
        table = plain_table(*args)
        used.append(table is not None)
        return table

    with monkeypatch.context() as patch:
        patch.setattr(apkg, "_plain_table", spy)
        fast = outcome(path, options)
    with monkeypatch.context() as patch:
        patch.setattr(apkg, "_plain_table", lambda *_args: None)
        slow = outcome(path, options)
    return fast, slow, used


@pytest.mark.parametrize("modern", [True, False], ids=["anki21b", "anki2"])
def test_plain_notes_come_from_one_query_as_batches_give_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, modern: bool
) -> None:
    path = package(tmp_path, PLAIN, modern)
    fast, slow, used = both_ways(path, monkeypatch, ImportOptions())
    assert used == [True]
    assert fast == slow
    kind, (deck, notes), skipped = fast
    assert (kind, deck.name, skipped) == ("NoteTable", "deck", [])
    assert [(n.question, n.answer, n.deck, n.tags) for n in notes[1:4]] == [
        ("Who chairs the harbour board?", "Ada Morrow", "Default", ()),
        ("Gr\u00f6\u00dfe der Mole", "2 km", "Default", ("a", "b")),
        ("Gull count", "forty", "Default", ("port",)),
    ]


# Notes tables whose id is not the rowid (no key, a descending key, no rowid), and Anki's.
NOTES_TABLES = {
    "no key": "id integer",
    "descending key": "id integer primary key desc",
    "without rowid": "id integer primary key",
    "rowid": "id integer primary key",
}


@pytest.mark.parametrize("key", NOTES_TABLES)
def test_notes_come_in_id_order_whatever_order_the_file_keeps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str
) -> None:
    """A notes table filled in another order than its ids', with an index that covers every
    column read: the notes still come in the order of their ids."""
    path = package(
        tmp_path,
        PLAIN,
        False,
        "CREATE TABLE old AS SELECT * FROM notes",
        "DROP TABLE notes",
        f"""CREATE TABLE notes ({NOTES_TABLES[key]}, guid text, mid integer, mod integer,
            usn integer, tags text, flds text, sfld text, csum integer, flags integer,
            data text) {"WITHOUT ROWID" if key == "without rowid" else ""}""",
        "INSERT INTO notes SELECT * FROM old ORDER BY guid DESC",
        "DROP TABLE old",
        "CREATE INDEX covering ON notes (guid DESC, tags, flds, mid, id)",
    )
    fast, slow, used = both_ways(path, monkeypatch, ImportOptions())
    assert used == [True]
    assert fast == slow
    assert [note.guid for note in fast[1][1]] == ["g1", "g2", "g3", "g4", "g5"]


def plain(count: int = 4, **kinds: Any) -> list[AnkiNote]:
    return [
        AnkiNote(n, f"g{n}", BASIC, [f"front {n}", f"back {n}"], **kinds) for n in range(1, count)
    ]


# Collections the one query does not read: each is read batch by batch.
NOT_ONE_TABLE: dict[str, tuple[list[AnkiNote], tuple[str, ...]]] = {
    "html": ([*plain(), AnkiNote(9, "g9", BASIC, ["a <b>bold</b> front", "b"])], ()),
    "sound": ([*plain(), AnkiNote(9, "g9", BASIC, ["horn", "[sound:horn.mp3]"])], ()),
    "two lines": ([*plain(), AnkiNote(9, "g9", BASIC, ["north\nsouth", "b"])], ()),
    "third field": ([*plain(), AnkiNote(9, "g9", TYPED, ["f", "b", "kept"])], ()),
    "uneven fields": ([*plain(), AnkiNote(9, "g9", BASIC, ["f", "b", ""])], ()),
    # read three fields at a time these would pass: fronts "a", "x", backs "b", "c"
    "fields that line up wrongly": (
        [AnkiNote(1, "g1", BASIC, ["a", "b", " ", "x"]), AnkiNote(2, "g2", BASIC, ["c", " "])],
        (),
    ),
    "one field": ([*plain(), AnkiNote(9, "g9", BASIC, ["alone"])], ()),
    "empty back": ([*plain(), AnkiNote(9, "g9", BASIC, ["front", " "])], ()),
    "empty front": ([*plain(), AnkiNote(9, "g9", BASIC, ["", "back"])], ()),
    "empty back, last": ([*plain(), AnkiNote(9, "g9", BASIC, ["front", ""])], ()),
    "reverse card": ([*plain(), AnkiNote(9, "g9", REVERSED, ["dog", "Hund"])], ()),
    "cloze": ([*plain(), AnkiNote(9, "g9", CLOZE, ["{{c1::Ostrav}} port", ""])], ()),
    "two decks": ([*plain(), AnkiNote(9, "g9", BASIC, ["f", "b"], deck=20)], ()),
    "same guid": ([*plain(), AnkiNote(9, "g1", BASIC, ["f", "b"])], ()),
    "guid holds a separator": ([*plain(), AnkiNote(9, "g\x1f9", BASIC, ["f", "b"])], ()),
    "tags hold a separator": ([*plain(), AnkiNote(9, "g9", BASIC, ["f", "b"], tags="x\x1fy")], ()),
    "fields hold a note separator": ([*plain(), AnkiNote(9, "g9", BASIC, ["f\x1eg", "b"])], ()),
    "a note without a card": (plain(), ("DELETE FROM cards WHERE nid = 2",)),
    "no note type": (plain(), ("UPDATE notes SET mid = NULL WHERE id = 2",)),
    "fields as a blob": (plain(), ("UPDATE notes SET flds = x'611f62' WHERE id = 2",)),
    "a card out of range": (plain(), ("UPDATE cards SET type = 9 WHERE nid = 2",)),
    "invalid UTF-8": (plain(), ("UPDATE notes SET flds = CAST(x'66e91f62' AS TEXT) WHERE id = 2",)),
}


@pytest.mark.parametrize("case", NOT_ONE_TABLE)
@pytest.mark.parametrize("skip_bad", [False, True], ids=["strict", "skip-bad"])
@pytest.mark.parametrize("first", [1, 1000], ids=["first-note-plain", "all-notes-looked-at"])
def test_other_collections_are_read_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str, skip_bad: bool, first: int
) -> None:
    """Turned away by the look at the first notes, or by the whole query after it."""
    notes, sql = NOT_ONE_TABLE[case]
    path = package(tmp_path, notes, False, *sql)
    monkeypatch.setattr(apkg, "FIRST_NOTES", first)
    fast, slow, used = both_ways(path, monkeypatch, ImportOptions(skip_bad=skip_bad))
    assert True not in used
    assert fast == slow


def test_no_card_at_all_puts_every_note_in_the_import_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = package(tmp_path, plain(), True, "DELETE FROM cards")
    fast, slow, used = both_ways(path, monkeypatch, ImportOptions(deck="Harbours"))
    assert used == [True]
    assert fast == slow
    assert fast[0] == "NoteTable" and {note.deck for note in fast[1][1]} == {"Harbours"}


def test_text_beyond_the_budget_is_refused_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = package(tmp_path, PLAIN, False)

    class SmallBudget(Budget):
        def __init__(self, where: str) -> None:
            super().__init__(where, cap=100)

    monkeypatch.setattr(apkg, "Budget", SmallBudget)
    fast, slow, used = both_ways(path, monkeypatch, ImportOptions())
    assert used == [False]
    assert fast == slow == ("error", f"{path}:collection.anki2: holds more than 0 MiB of text", [])


def test_a_note_of_many_empty_fields_is_read_batch_by_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """200,000 empty fields in one note beside two-field notes: the one query's look at the
    separators turns the collection away, and the batches read it as before."""
    notes = [*plain(), AnkiNote(9, "g9", BASIC, ["f", "b", *[""] * 200_000])]
    path = package(tmp_path, notes, False)
    fast, slow, used = both_ways(path, monkeypatch, ImportOptions())
    assert used == [False]
    assert fast == slow
    assert fast[0] == "NoteTable" and len(fast[1][1]) == 4


def test_columns_too_long_to_join_are_read_batch_by_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A column longer, joined, than SQLite's longest text (lowered here to 3,000 bytes):
    every note is still read, batch by batch."""
    notes = plain(400)
    path = package(tmp_path, notes, False)
    open_file = apkg.open_untrusted_file

    def limited(*args: Any) -> sqlite3.Connection:
        conn = open_file(*args)
        conn.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, 3000)
        return conn

    monkeypatch.setattr(apkg, "open_untrusted_file", limited)
    fast, slow, used = both_ways(path, monkeypatch, ImportOptions())
    assert used == [False]
    assert fast == slow
    assert fast[0] == "NoteTable" and len(fast[1][1]) == 399
