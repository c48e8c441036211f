"""A big Anki package is read a batch of plain notes at a time, checked over whole columns:
it must give exactly the notes that reading each note in full gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from transfer_fixtures import (
    BASIC,
    CLOZE,
    REVERSED,
    TYPED,
    AnkiNote,
    collection_anki2,
    collection_anki21b,
    write_package,
)

from quizkit.importers import ImportOptions, apkg, read_notes
from quizkit.models import Note, NoteTable

# Fronts and backs as other tools leave them: runs of blanks, tabs, non-breaking and other
# Unicode spaces, entities, tags, line breaks, blank extra fields.
FIELDS = [  # read three at a time: two plain batches, one with a third field, one of HTML
    ["Which port hosts the Kelmar regatta?", "Ostrav", "", ""],
    ["  Who chairs the  harbour board? ", "Ada\tMorrow", " ", ""],
    ["Port of Vendra", "Lisk", "", " \t"],
    ["Length of the mole", "about 2\u00a0km"],
    ["Gull\u2003count", "forty"],
    ["Ostrav tide", "6 hours"],
    ["Lighthouse keeper", "Ivo Dane", "a note kept in a third field"],
    ["Lisk bell", "bronze", ""],
    ["Vendra bridge", "stone", " \t"],
    ["Flag over Vendra", "a blue&nbsp;gull"],
    ["First ferry", "<b>1998</b>"],
    ["Two lines", "north\nsouth"],
    ["Harbour fee in 1911", "a < b"],
]


def mixed_notes() -> list[AnkiNote]:
    notes = [
        AnkiNote(n + 1, f"g{n}", TYPED if len(fields) > 2 else BASIC, fields, tags=" port  sea ")
        for n, fields in enumerate(FIELDS)
    ]
    notes += [
        AnkiNote(50, "g-rev", REVERSED, ["dog", "Hund"], deck=20),
        AnkiNote(51, "g-cloze", CLOZE, ["{{c1::Ostrav}} lies north", ""], tags="geo"),
        AnkiNote(52, "g-empty", BASIC, ["", "no front"]),
        AnkiNote(53, "g-lisk", BASIC, ["Lisk mayor", "Tor Hale"], deck=21),
        AnkiNote(54, "g-sound", BASIC, ["Foghorn", "low [sound:horn.mp3]"]),
    ]
    return notes


def read(path: Path, monkeypatch: pytest.MonkeyPatch, whole_batches: bool) -> list[Note]:
    """The package's notes; without `whole_batches` each note is read in full by
    `_anki_note`, as before batches were read as columns."""
    with monkeypatch.context() as patch:
        patch.setattr(apkg, "BATCH", 3)
        if not whole_batches:
            patch.setattr(apkg, "_plain_batch", lambda *_args: None)
            patch.setattr(apkg, "_plain_note", lambda *_args: None)
        batch = read_notes(path, ImportOptions(skip_bad=True))
    assert batch.skipped == [f"{path}:note 52: empty front"]
    return list(batch.notes)


@pytest.mark.parametrize("modern", [True, False], ids=["anki21b", "anki2"])
def test_batches_read_as_columns_give_the_same_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, modern: bool
) -> None:
    build = collection_anki21b if modern else collection_anki2
    path = write_package(tmp_path / "deck.apkg", build(mixed_notes()), modern=modern)
    notes = read(path, monkeypatch, whole_batches=True)
    assert notes == read(path, monkeypatch, whole_batches=False)
    by_guid = {note.guid: note for note in notes}
    assert by_guid["g1"].question == "Who chairs the harbour board?"
    assert by_guid["g1"].answer == "Ada Morrow"
    assert by_guid["g3"].answer == "about 2 km"
    assert by_guid["g4"].question == "Gull count"
    assert by_guid["g6"].extra == {"fields": {"field 3": "a note kept in a third field"}}
    assert by_guid["g9"].answer == "a blue gull"
    assert by_guid["g11"].answer == "north\nsouth"
    assert by_guid["g0"].tags == ("port", "sea")
    assert by_guid["g-rev"].reverse and by_guid["g-lisk"].deck == "Geo::Europe"


def test_plain_notes_of_one_deck_come_as_a_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = [n for n in mixed_notes() if n.mid != CLOZE and n.guid not in ("g-rev", "g-lisk")]
    plain = [n for n in plain if n.guid not in ("g6", "g-sound")]  # extra field, media
    path = write_package(tmp_path / "deck.apkg", collection_anki2(plain), modern=False)
    with monkeypatch.context() as patch:
        patch.setattr(apkg, "BATCH", 3)
        batch = read_notes(path, ImportOptions(skip_bad=True))
    assert isinstance(batch.notes, NoteTable)
    assert batch.notes.deck == "Default"
    assert list(batch.notes) == read(path, monkeypatch, whole_batches=False)
