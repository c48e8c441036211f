"""A JSON deck is read one of three ways: notes with exactly the four keys `export --format
json` writes (id, question, answer, tags) straight into columns, notes with some of those
keys through the general column loop, anything else note by note. Each way must give the same
notes, and a bad note the same one line (file:line) whichever way found it."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from test_linear_parsing import assert_linear

from quizkit.collector import collector_paused
from quizkit.errors import InputError
from quizkit.importers import ImportOptions, read_notes
from quizkit.importers import json as json_importer
from quizkit.models import NoteTable, content_guid


def exported_notes(count: int) -> list[dict[str, Any]]:
    """Notes as the exporter writes them, with text that needs escapes and repeated tag sets."""
    tag_sets = [["geo"], ["geo", "europe"], [], ["hist", "ch 2"]]
    return [
        {
            "id": f"note-{number:05d}",
            "question": f'Capital of "Land {number}"?\tA\\B',
            "answer": f"  Town {number} é  ",
            "tags": tag_sets[number % len(tag_sets)],
        }
        for number in range(count)
    ]


def write_deck(tmp_path: Path, notes: list[Any], name: str = "deck.json") -> Path:
    path = tmp_path / name
    deck = {"format": "quizkit-deck", "version": 1, "deck": {"name": "Towns"}, "notes": notes}
    path.write_text(json.dumps(deck, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def note_lines(path: Path) -> list[int]:
    """The line each note of a deck written by `write_deck` starts on."""
    lines = path.read_text().splitlines()
    return [number for number, line in enumerate(lines, 1) if line in ("    {", "    [")]


def fields(path: Path, skip_bad: bool = False) -> list[tuple[Any, ...]]:
    batch = read_notes(path, ImportOptions(skip_bad=skip_bad))
    return [dataclasses.astuple(note) for note in batch.notes]


def error_of(path: Path, skip_bad: bool = False) -> str:
    with pytest.raises(InputError) as error:
        read_notes(path, ImportOptions(skip_bad=skip_bad))
    return str(error.value)


def without_deck(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Note fields but the deck: a column table names its deck on every note, a note read
    alone leaves it to the batch."""
    deck = [field.name for field in dataclasses.fields(json_importer.Note)].index("deck")
    return [row[:deck] + row[deck + 1 :] for row in rows]


def test_exported_notes_read_the_same_three_ways(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_deck(tmp_path, exported_notes(40))
    batch = read_notes(path, ImportOptions())
    assert isinstance(batch.notes, NoteTable)
    direct = fields(path)
    assert direct[1][:3] == ('Capital of "Land 1"?\tA\\B', "Town 1 é", "note-00001")
    assert direct[1][7] == ("geo", "europe")
    assert direct[3][7] == ("hist", "ch 2")
    assert [row[-1] for row in direct] == note_lines(path)  # found on demand
    # the same notes through the loop for notes with only some of the keys
    monkeypatch.setattr(json_importer, "_full_columns", lambda _items: None)
    assert fields(path) == direct
    # and note by note, as a note that is not plain is read
    monkeypatch.setattr(json_importer, "_plain_table", lambda *_args: None)
    assert without_deck(fields(path)) == without_deck(direct)


def test_notes_with_some_of_the_keys_are_columns_too(tmp_path: Path) -> None:
    notes = exported_notes(6)
    del notes[2]["tags"]
    del notes[4]["id"]
    path = write_deck(tmp_path, notes)
    batch = read_notes(path, ImportOptions())
    assert isinstance(batch.notes, NoteTable)
    rows = fields(path)
    assert rows[2][7] == ()
    assert rows[4][2] == content_guid("Towns", 'Capital of "Land 4"?\tA\\B')


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"tags": ["geo", ["nested"]]}, "'tags' must be a list of strings"),
        ({"tags": ["geo", {"a": "b"}]}, "'tags' must be a list of strings"),
        ({"tags": ["geo", 7]}, "'tags' must be a list of strings"),
        ({"question": 12}, "note has no question"),
        ({"answer": "   "}, "note has no answer"),
        ({"id": 2.5}, "'id' must be a string or a number"),
        ({"id": "note-00001"}, "same note as the one at line {other}"),
    ],
)
def test_a_bad_exported_note_is_found_at_its_line(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    notes = exported_notes(30)
    notes[20].update(change)
    path = write_deck(tmp_path, notes)
    line, other = note_lines(path)[20], note_lines(path)[1]
    message = message.format(other=other)
    assert error_of(path) == f"{path}:{line}: {message}"
    batch = read_notes(path, ImportOptions(skip_bad=True))
    assert batch.skipped == [f"{path}:{line}: {message}"]
    assert len(batch.notes) == 29


def test_exported_notes_with_one_that_is_not_plain(tmp_path: Path) -> None:
    """Four keys but one of them not a plain one, or a list of four strings in place of a note:
    the notes are read one by one, and nothing of them is lost."""
    notes: list[Any] = exported_notes(5)
    notes[1] = {"question": "Largest ocean?", "answer": "Pacific", "tags": [], "kind": "basic"}
    notes[3] = {"question": "q", "answer": "a", "tags": [], "reverse": True}
    path = write_deck(tmp_path, notes)
    rows = fields(path)
    assert [row[0] for row in rows] == [
        'Capital of "Land 0"?\tA\\B',
        "Largest ocean?",
        'Capital of "Land 2"?\tA\\B',
        "q",
        'Capital of "Land 4"?\tA\\B',
    ]
    assert rows[3][9] is True  # reverse
    notes[3] = ["id", "question", "answer", "tags"]
    path = write_deck(tmp_path, notes)
    line = note_lines(path)[3]
    assert (
        error_of(path) == f"{path}:{line}: a note must be an object with a question and an answer"
    )


@pytest.mark.parametrize(
    ("alternatives", "message"),
    [
        ([18446744073709551616], "a whole number beyond 64 bits"),
        (["x", [[[[]]]]], "'alternatives' must be a list of strings"),
        ([7], "'alternatives' must be a list of strings"),
    ],
)
def test_a_list_that_holds_more_than_text_is_checked(
    tmp_path: Path, alternatives: list[Any], message: str
) -> None:
    """A note of only strings and lists of strings needs no walk for numbers and depth; one
    whose list holds anything else is walked, and worded as before."""
    notes: list[Any] = [{"front": "dog", "back": "Hund", "tags": ["de"]} for _ in range(3)]
    notes[1] = {"front": "cat", "back": "Katze", "alternatives": alternatives}
    path = write_deck(tmp_path, notes)
    assert error_of(path) == f"{path}:{note_lines(path)[1]}: {message}"


def test_numbers_too_big_in_a_note_of_text(tmp_path: Path) -> None:
    path = tmp_path / "deck.json"
    path.write_text(
        '[{"front": "dog", "back": "Hund"},\n'
        ' {"front": "cat", "back": "Katze", "extra": {"n": ' + "9" * 5_000 + "}}]\n"
    )
    assert error_of(path) == f"{path}:2: a whole number beyond 64 bits"


def test_lines_of_notes_between_any_whitespace(tmp_path: Path) -> None:
    path = tmp_path / "deck.json"
    path.write_text(
        '[{"front": "a", "back": "b"},\t{"front": "c", "back": "d"}\n\n\t ,\n'
        '   \t{"front": "e", "back": "f"} , {"front": "g", "back": "h"},\n'
        '{"front": "i", "back": ""}]'
    )
    assert error_of(path) == f"{path}:5: note has no answer"
    rows = fields(path, skip_bad=True)
    assert [(row[0], row[-1]) for row in rows] == [("a", 1), ("c", 1), ("e", 4), ("g", 4)]


def test_reading_notes_one_by_one_is_linear(tmp_path: Path) -> None:
    """Notes that are not plain, and the last one bad, so that every note's line is found."""

    def make(count: int) -> Any:
        notes: list[Any] = [
            {"front": f"word {n}", "back": "x", "tags": ["t"], "kind": "basic"}
            for n in range(count)
        ]
        notes.append({"front": "last"})
        path = write_deck(tmp_path, notes, f"deck-{count}.json")

        def read() -> None:
            # as an import reads it: with the collector paused, whose full passes over the
            # whole test process would be timed with the notes otherwise
            with collector_paused():
                read_notes(path, ImportOptions(skip_bad=True))

        return read

    assert_linear(make, 2_000)


def test_notes_without_ids_get_their_content_guid_in_any_deck(tmp_path: Path) -> None:
    """Content guids are made for many notes at once, one deck at a time: each must be the
    one made for that note alone, whatever its deck and text."""
    notes: list[Any] = [
        {"front": "Ville  de Québec?", "back": "oui", "deck": "Français"},
        {"front": "  river\tlength? ", "back": "6,650 km"},
        {"term": "Kapital", "definition": "capital", "deck": "Deutsch"},
        {"front": "river length?", "back": "again", "deck": "Français"},
        {"front": "Ville de QUEBEC?", "back": "non", "deck": "Français", "id": 0},
        {"front": "Capital?", "back": "Bern", "id": "chosen-id", "kind": "basic"},
    ]
    path = write_deck(tmp_path, notes)
    batch = read_notes(path, ImportOptions(skip_bad=True))
    got = [(note.question, note.deck, note.guid) for note in batch.notes]
    assert got == [
        ("Ville  de Québec?", "Français", content_guid("Français", "Ville  de Québec?")),
        ("river\tlength?", None, content_guid("Towns", "river\tlength?")),
        ("Kapital", "Deutsch", content_guid("Deutsch", "Kapital")),
        ("river length?", "Français", content_guid("Français", "river length?")),
        ("Capital?", None, "chosen-id"),
    ]
    # the fifth note folds to the first one's guid: the same note, said at its line
    lines = note_lines(path)
    assert batch.skipped == [f"{path}:{lines[4]}: same note as the one at line {lines[0]}"]
