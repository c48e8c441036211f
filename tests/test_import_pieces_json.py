"""A big plain JSON file going into an empty collection is parsed and written a piece of notes
at a time (Store.load_tables), as a CSV file is (test_import_pieces). It must store exactly
what reading it whole stores, and anything unusual in any piece must end as reading it whole
ends: same notes, same error, nothing kept."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pieces_fixtures import (
    assert_nothing_stored,
    ctrl_c_while_writing_stores_nothing,
    dump,
    interrupting,
    progress_told,
    same_either_way,
)
from test_import_pieces import Run, search

import quizkit.importers
from quizkit.errors import InputError
from quizkit.extra import MAX_TEXT
from quizkit.importers import ImportOptions
from quizkit.importers import json as json_importer
from quizkit.importing import import_file
from quizkit.store import Store

NOTES = 40  # notes per piece in these tests: a file of 400 notes is read in about 10 pieces


@pytest.fixture
def run(tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Imports with pieces of NOTES notes (a file is read whole unless pieces=True)."""
    monkeypatch.setattr(quizkit.importers, "PIECE_NOTES", NOTES)
    monkeypatch.setattr(json_importer, "PARSE_NOTES", 7)  # a piece parsed a few notes at a time
    return Run(tmp_path, now, monkeypatch)


def notes(count: int, start: int = 0, ids: bool = True) -> list[dict[str, Any]]:
    return [
        {
            **({"id": f"cap-{i:05d}"} if ids else {}),
            "question": f"What is the capital of region {i}?",
            "answer": f"Town {i} on the river",
            "tags": ["geo", f"ch{i % 3}"],
        }
        for i in range(start, start + count)
    ]


def exported(items: list[Any], **members: Any) -> str:
    """The file `export --format json` writes: the deck, then the notes, indented."""
    deck = {"name": "Capitals", "description": "Regions and towns", "desired_retention": 0.85}
    return json.dumps(
        {"format": "quizkit-deck", "version": 1, "deck": deck, **members, "notes": items},
        indent=2,
        ensure_ascii=False,
    )


def deck_settings(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        found = conn.execute("SELECT name, description, desired_retention FROM decks").fetchall()
    conn.close()
    return found


def write(tmp_path: Path, text: str, name: str = "capitals.json") -> Path:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return source


@pytest.mark.parametrize(
    "text",
    [
        exported(notes(400)),
        json.dumps(notes(400), indent=2),
        json.dumps(notes(400, ids=False), indent=4),
        exported([{"question": f"Q{i}: the river {i}?", "answer": f"A{i}"} for i in range(400)]),
        exported([{**note, "tags": []} for note in notes(400)]),
        exported(
            [
                {**n, "question": "Café \u00e9t\u00e9 }, { \U0001f30d " + n["question"]}
                for n in notes(400)
            ]
        ),
        json.dumps({"notes": notes(400)}, indent=1),
        json.dumps(notes(400)),  # on one line: read as one piece
        "\n\n " + exported(notes(400)).replace("\n", "\r\n") + " \r\n\t\n",
    ],
    ids=[
        "export",
        "list",
        "no ids",
        "two keys",
        "no tags",
        "unicode",
        "notes alone",
        "one line",
        "crlf and spaces",
    ],
)
def test_pieces_store_what_reading_whole_stores(run: Run, tmp_path: Path, text: str) -> None:
    source = write(tmp_path, text)
    stored = same_either_way(run, source)
    assert len(stored["notes"]) == 400
    assert [card[1] for card in stored["cards"]] == [note[0] for note in stored["notes"]]
    assert deck_settings(tmp_path / "pieces.db") == deck_settings(tmp_path / "whole.db")


@pytest.mark.parametrize("name", [None, "Towns"])
def test_the_deck_keeps_the_settings_the_file_states(
    run: Run, tmp_path: Path, name: str | None
) -> None:
    source = write(tmp_path, exported(notes(400)))
    same_either_way(run, source, deck=name)  # --deck names it, the settings stay
    settings = [(name or "Capitals", "Regions and towns", 0.85)]
    assert deck_settings(tmp_path / "pieces.db") == settings


def test_a_big_load_keeps_guids_unique_and_finds_every_note(run: Run, tmp_path: Path) -> None:
    source = write(tmp_path, exported(notes(5_200)))  # more than LAZY_INDEX_NOTES
    run.monkeypatch.setattr(quizkit.importers, "PIECE_NOTES", 700)
    same_either_way(run, source)
    path = tmp_path / "pieces.db"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(DISTINCT guid) FROM notes").fetchone() == (5_200,)
    conn.close()
    assert len(search(path, "region")) == 5_200
    assert len(search(path, "5199")) == 1


def unusual(items: list[Any], at: int, note: Any) -> list[Any]:
    return [*items[:at], note, *items[at:]]


BASE = notes(400)
NEAR_END = 390  # in the last piece


@pytest.mark.parametrize(
    "text",
    [
        exported(unusual(BASE, NEAR_END, {"question": "A front with no back"})),
        exported(unusual(BASE, NEAR_END, {**BASE[3], "answer": "Again"})),  # a repeated id
        json.dumps(
            unusual(
                notes(400, ids=False),
                NEAR_END,
                {"question": "What is the capital of region 3?", "answer": "Again"},
            ),
            indent=2,
        ),
        exported(unusual(BASE, NEAR_END, {"question": "Long?", "answer": "x" * (MAX_TEXT + 1)})),
        exported(unusual(BASE, NEAR_END, {"question": "Blank back?", "answer": "  "})),
        exported(
            unusual(BASE, NEAR_END, {"question": "Turned?", "answer": "Yes", "reverse": True})
        ),
        exported(unusual(BASE, NEAR_END, {"id": 77, "question": "A number id?", "answer": "Yes"})),
        exported(
            unusual(
                BASE, NEAR_END, {"question": "Big?", "answer": "Yes", "extra": {"numbers": [1e400]}}
            )
        ),
        exported(unusual(BASE, NEAR_END, {"question": "Tags?", "answer": "No", "tags": [1]})),
        exported(
            unusual(
                BASE,
                NEAR_END,
                {
                    "question": "Sourced?",
                    "answer": "Yes",
                    "sources": [
                        {"document": "a.txt", "sentence": 1},
                        {"document": "b.txt", "sentence": 2},
                    ],
                },
            )
        ),
        exported(unusual(BASE, NEAR_END, [1, 2])),
        exported(
            unusual(
                BASE,
                NEAR_END,
                {
                    "question": "Deep?",
                    "answer": "Yes",
                    "extra": {"x": json.loads("[" * 150 + "]" * 150)},
                },
            )
        ),
        exported(BASE).replace('"Town 395 on the river"', '"Town 395 on the river",'),
        exported(BASE)[:-10] + ",\n  ]\n}",  # a comma after the last note
        exported(BASE)[:-1] + ', "notes": []\n}',  # notes again: the last ones count
    ],
    ids=[
        "no answer",
        "repeated id",
        "repeated question",
        "too long",
        "blank back",
        "reverse",
        "number id",
        "not a number",
        "tag not text",
        "sources over lines",
        "not an object",
        "too deep",
        "a stray comma",
        "trailing comma",
        "notes twice",
    ],
)
def test_an_unusual_note_in_a_later_piece_ends_as_reading_whole_ends(
    run: Run, tmp_path: Path, text: str
) -> None:
    whole, pieces = outcomes(run, write(tmp_path, text))
    assert pieces == whole
    assert (run.tries, run.loads) == (1, 0)  # the pieces were tried, then the file read whole


@pytest.mark.parametrize(
    "text",
    [
        exported(BASE) + "\n{}",  # something after the deck
        exported(BASE)[:-1] + ', "deck": {"name": "Later", "desired_retention": 0.8}\n}',
        exported(BASE, deck={"name": "Bad", "desired_retention": 2}),
        exported(BASE).replace('"Town 5 on the river"', '"Town 5\non the river"'),
    ],
    ids=["extra data", "deck after notes", "bad deck", "line end in a string"],
)
def test_a_file_not_plain_from_the_start_is_read_whole(run: Run, tmp_path: Path, text: str) -> None:
    whole, pieces = outcomes(run, write(tmp_path, text))
    assert pieces == whole
    assert (run.tries, run.loads) == (0, 0)  # nothing begun in pieces


def outcomes(run: Run, source: Path) -> list[tuple[Any, ...]]:
    """What importing the file read whole, then tried in pieces, reports and stores."""
    found = []
    for pieces in (False, True):
        db = run.tmp_path / f"{'pieces' if pieces else 'whole'}.db"
        try:
            _, name, report = run(source, pieces=pieces)
            found.append((name, report, dump(db)["notes"], deck_settings(db)))
        except InputError as error:
            found.append((str(error), None, dump(db)["notes"], deck_settings(db)))
    return found


def test_a_later_piece_that_is_not_plain_is_tried_first(run: Run, tmp_path: Path) -> None:
    """The first pieces are written before a later one sends the file to be read whole."""
    source = write(
        tmp_path, exported(unusual(BASE, NEAR_END, {**BASE[0], "id": "cloze-1", "kind": "cloze"}))
    )
    same_either_way(run, source, in_pieces=False)


def test_skipping_bad_notes_after_trying_pieces(run: Run, tmp_path: Path) -> None:
    source = write(tmp_path, exported(unusual(BASE, 300, {"question": "No back"})))
    stored = same_either_way(run, source, in_pieces=False, skip_bad=True)
    assert len(stored["notes"]) == 400


def test_a_bad_note_far_down_stores_nothing_and_says_where(run: Run, tmp_path: Path) -> None:
    text = exported(unusual(BASE, NEAR_END, {"question": "A front with no back"}))
    source = write(tmp_path, text)
    line = text.count("\n", 0, text.index("A front with no back"))  # the line of its '{'
    with pytest.raises(InputError, match=rf"capitals\.json:{line}: note has no answer"):
        run(source, pieces=True)
    assert (run.tries, run.loads) == (1, 0)
    assert_nothing_stored(tmp_path / "pieces.db")


def test_ctrl_c_while_a_piece_is_written_stores_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path, exported(notes(400)))
    ctrl_c_while_writing_stores_nothing(run, source, monkeypatch, 400)


def test_ctrl_c_while_a_piece_is_read_stores_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = write(tmp_path, exported(notes(400)))
    plain_table = interrupting(json_importer._plain_table, 4)
    monkeypatch.setattr(json_importer, "_plain_table", plain_table)
    with pytest.raises(KeyboardInterrupt):
        run(source, pieces=True)
    stored = dump(tmp_path / "pieces.db")
    assert stored["notes"] == [] and stored["decks"] == [] and stored["journal"] == [("wal",)]


def test_a_collection_with_notes_reads_the_file_whole(run: Run, tmp_path: Path) -> None:
    first = write(tmp_path, '[{"question": "Capital of Chile?", "answer": "Santiago"}]', "a.json")
    run(first, pieces=True, db="both.db")
    _, _, report = run(write(tmp_path, exported(notes(400))), pieces=True, db="both.db")
    assert run.loads == 0
    assert report.added == 400


def test_progress_goes_up_to_the_end(run: Run, tmp_path: Path) -> None:
    told = progress_told(run, write(tmp_path, exported(notes(400))), 2_000)
    total = told[-1][1]
    assert told[-1] == (total, total) and 380 <= total <= 420  # about as many as the notes
    assert all(done < total for done, total in told[:-1])


def test_a_cp1252_file_read_again_whole_warns_once(run: Run, tmp_path: Path, now: datetime) -> None:
    source = tmp_path / "cafés.json"
    text = exported(unusual(BASE, NEAR_END, {"question": "No back"}))
    source.write_bytes(text.replace("Town 7 on", "Caf\xe9 7 on").encode("cp1252"))
    run.monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", 2_000)
    warned: list[str] = []
    store = Store.open(tmp_path / "warned.db")
    with pytest.raises(InputError, match="no answer"):
        import_file(store, source, now, ImportOptions(), warned.append)
    store.close()
    assert (run.tries, run.loads) == (1, 0)
    assert len(warned) == 1 and "cp1252" in warned[0]
