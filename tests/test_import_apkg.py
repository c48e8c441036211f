"""Anki packages: schema 11 and 18 (zstd), note types, media, schedule, hostile packages."""

from __future__ import annotations

import hashlib
import sqlite3
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import zstandard
from click.testing import CliRunner
from transfer_fixtures import (
    BASIC,
    CLOZE,
    CRT,
    REVERSED,
    TYPED,
    AnkiNote,
    collection_anki2,
    collection_anki21b,
    write_package,
)

from quizkit.cli import cli
from quizkit.errors import InputError
from quizkit.importers import ImportOptions, apkg
from quizkit.importing import import_file
from quizkit.store import Store

MEDIA = {"eiffel.png": b"\x89PNG-eiffel", "four.mp3": b"ID3-four"}
FSRS_DATA = '{"s": 12.5, "d": 6.25}'
CLOZE_TEXT = "{{c1::Paris}} is the capital of {{c2::France::country}}"


def sample_notes() -> list[AnkiNote]:
    return [
        AnkiNote(
            1,
            "guid-basic",
            BASIC,
            [
                "Capital of <b>France</b>?",
                'Paris<br>city &amp; more<div>line3</div> <img src="eiffel.png">',
            ],
            tags=" geo europe ",
            deck=21,
        ),
        AnkiNote(2, "guid-rev", REVERSED, ["dog", "Hund"], deck=20),
        AnkiNote(3, "guid-cloze", CLOZE, [CLOZE_TEXT, "Back <i>extra</i>"], tags="geo"),
        AnkiNote(4, "guid-typed", TYPED, ["2+2", "4 [sound:four.mp3]"]),
    ]


def kept(data: bytes, suffix: str) -> str:
    return hashlib.sha256(data).hexdigest()[:32] + suffix


EXPECTED = [
    ("guid-basic", "Geo::Europe", "basic", "Capital of France?", "Paris\ncity & more\nline3",
     ["geo", "europe"], 0, {"media": [kept(MEDIA["eiffel.png"], ".png")],
                            "media_names": {kept(MEDIA["eiffel.png"], ".png"): "eiffel.png"}}),
    ("guid-cloze-c1", "Default", "cloze", "[...] is the capital of France", "Paris", ["geo"], 0,
     {"back_extra": "Back extra", "cloze": CLOZE_TEXT, "cloze_number": 1}),
    ("guid-cloze-c2", "Default", "cloze", "Paris is the capital of [country]", "France", ["geo"], 0,
     {"back_extra": "Back extra", "cloze": CLOZE_TEXT, "cloze_number": 2}),
    ("guid-rev", "Geo", "basic", "dog", "Hund", [], 1, {}),
    ("guid-typed", "Default", "basic", "2+2", "4", [], 0,
     {"media": [kept(MEDIA["four.mp3"], ".mp3")],
      "media_names": {kept(MEDIA["four.mp3"], ".mp3"): "four.mp3"}}),
]  # fmt: skip


def stored(store: Store) -> list[tuple[Any, ...]]:
    import json

    rows = store.db.execute(
        """SELECT n.guid, d.name, n.kind, n.question, n.answer, n.tags, n.reverse, n.extra
           FROM notes n JOIN decks d ON d.id = n.deck_id ORDER BY n.guid"""
    ).fetchall()
    return [(*r[:5], json.loads(r[5]), r[6], json.loads(r[7])) for r in rows]


@pytest.mark.parametrize("modern", [True, False], ids=["anki21b", "anki2"])
def test_package_notes_decks_tags_media(
    store: Store, now: datetime, tmp_path: Path, modern: bool
) -> None:
    build = collection_anki21b if modern else collection_anki2
    package = write_package(
        tmp_path / "deck.apkg", build(sample_notes()), modern=modern, media=MEDIA
    )
    name, report = import_file(store, package, now)
    assert (report.added, report.updated, report.unchanged) == (5, 0, 0)
    assert stored(store) == EXPECTED
    assert name == "Geo::Europe, Geo, Default"
    for original, data in MEDIA.items():
        file = store.media_file(kept(data, Path(original).suffix))
        assert file.read_bytes() == data
        assert file.parent == tmp_path / "quizkit.media"
    cards = store.db.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    assert cards == 6  # the reversed note has two


def test_modern_package_is_read_not_its_placeholder(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    package = write_package(
        tmp_path / "deck.apkg", collection_anki21b(sample_notes()), modern=True, placeholder=True
    )
    import_file(store, package, now)
    questions = [row[3] for row in stored(store)]
    assert not any("Please update" in q for q in questions)
    assert len(questions) == 5


def test_colpkg_extension_and_reimport_is_idempotent(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    package = write_package(
        tmp_path / "all.colpkg", collection_anki21b(sample_notes()), modern=True
    )
    import_file(store, package, now)
    _name, again = import_file(store, package, now)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 5)


def schedule_notes() -> tuple[list[AnkiNote], list[tuple[int, int]]]:
    due = int(datetime(2022, 1, 20, 9, 30, tzinfo=UTC).timestamp())
    notes = [
        AnkiNote(1, "g-review", BASIC, ["review q", "a"], cards=[(0, 2, 2, 10, 9, 2500, "")]),
        AnkiNote(2, "g-fsrs", BASIC, ["fsrs q", "a"], cards=[(0, 2, 2, 12, 5, 2500, FSRS_DATA)]),
        AnkiNote(3, "g-learn", BASIC, ["learning q", "a"], cards=[(0, 1, 1, due, 0, 0, "")]),
        AnkiNote(4, "g-susp", BASIC, ["suspended q", "a"], cards=[(0, 2, -1, 30, 20, 1300, "")]),
        AnkiNote(5, "g-new", BASIC, ["new q", "a"]),
    ]  # fmt: skip
    revlog = [(int(datetime(2022, 1, 2, 8, tzinfo=UTC).timestamp() * 1000), 5001)]
    return notes, revlog


def card_states(store: Store) -> list[tuple[Any, ...]]:
    return store.db.execute(
        """SELECT n.guid, c.state, c.due, c.stability, c.difficulty, c.last_review, c.suspended
           FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY n.guid"""
    ).fetchall()


def test_keep_schedule_maps_anki_states(store: Store, now: datetime, tmp_path: Path) -> None:
    notes, revlog = schedule_notes()
    package = write_package(tmp_path / "s.apkg", collection_anki21b(notes, revlog), modern=True)
    import_file(store, package, now, ImportOptions(keep_schedule=True))
    stamp = "2022-01-20T09:00:00.000000+00:00"
    assert card_states(store) == [
        ("g-fsrs", 2, "2022-01-13T00:00:00.000000+00:00", 12.5, 6.25,
         "2022-01-08T00:00:00.000000+00:00", 0),
        ("g-learn", 1, "2022-01-20T09:30:00.000000+00:00", 0.1, 3.8, None, 0),
        ("g-new", 0, stamp, None, None, None, 0),
        ("g-review", 2, "2022-01-11T00:00:00.000000+00:00", 9.0, 3.8,
         "2022-01-02T08:00:00.000000+00:00", 0),
        ("g-susp", 2, "2022-01-31T00:00:00.000000+00:00", 20.0, 10.0,
         "2022-01-11T00:00:00.000000+00:00", 1),
    ]  # fmt: skip
    assert int(datetime(2022, 1, 1, tzinfo=UTC).timestamp()) == CRT


def test_without_keep_schedule_cards_are_new(store: Store, now: datetime, tmp_path: Path) -> None:
    notes, revlog = schedule_notes()
    package = write_package(tmp_path / "s.apkg", collection_anki2(notes, revlog), modern=False)
    import_file(store, package, now)
    assert {row[1] for row in card_states(store)} == {0}


def test_keep_schedule_does_not_override_newer_quizkit_review(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    notes, revlog = schedule_notes()
    package = write_package(tmp_path / "s.apkg", collection_anki21b(notes, revlog), modern=True)
    import_file(store, package, now)
    store.db.execute(
        """UPDATE cards SET state = 2, due = '2022-03-01T00:00:00.000000+00:00',
           last_review = '2022-01-19T00:00:00.000000+00:00'
           WHERE note_id = (SELECT id FROM notes WHERE guid = 'g-review')"""
    )
    import_file(store, package, now, ImportOptions(keep_schedule=True))
    review = [row for row in card_states(store) if row[0] == "g-review"][0]
    assert review[2] == "2022-03-01T00:00:00.000000+00:00"


# hostile packages -------------------------------------------------------


def assert_nothing_stored(store: Store) -> None:
    assert store.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 0
    assert store.db.execute("SELECT COUNT(*) FROM decks").fetchone()[0] == 0


@pytest.mark.parametrize("entry", ["../evil.txt", "/etc/evil", "media/../../x", "C:/evil"])
def test_unsafe_entry_names_are_refused(
    store: Store, now: datetime, tmp_path: Path, entry: str
) -> None:
    package = write_package(
        tmp_path / "bad.apkg",
        collection_anki21b(sample_notes()),
        modern=True,
        extra_entries={entry: b"x"},
    )
    with pytest.raises(InputError) as error:
        import_file(store, package, now)
    assert str(error.value) == f"{package}: unsafe entry name {entry!r} in the package"
    assert_nothing_stored(store)


def test_zstd_bomb_is_stopped_at_the_cap(
    store: Store, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apkg, "MAX_COLLECTION_BYTES", 1 << 20)
    bomb = zstandard.ZstdCompressor().compress(b"\0" * (64 << 20))
    assert len(bomb) < 100_000
    package = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki21b", bomb)
    with pytest.raises(InputError) as error:
        import_file(store, package, now)
    assert str(error.value) == f"{package}: collection.anki21b: unpacks to more than 1 MiB"


def test_deflate_bomb_is_stopped_at_the_cap(
    store: Store, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apkg, "MAX_COLLECTION_BYTES", 1 << 20)
    package = tmp_path / "bomb.apkg"
    with zipfile.ZipFile(package, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", b"\0" * (32 << 20))
    with pytest.raises(InputError) as error:
        import_file(store, package, now)
    assert str(error.value) == f"{package}: collection.anki2: unpacks to more than 1 MiB"


def test_oversized_media_file_is_refused(
    store: Store, now: datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(apkg, "MAX_MEDIA_FILE_BYTES", 1 << 20)
    big = {"eiffel.png": b"\0" * (2 << 20)}
    package = write_package(
        tmp_path / "m.apkg", collection_anki21b(sample_notes()), modern=True, media=big
    )
    with pytest.raises(InputError) as error:
        import_file(store, package, now)
    assert str(error.value) == f"{package}: 0: unpacks to more than 1 MiB"
    assert_nothing_stored(store)


def test_sqlite_that_is_not_an_anki_collection(store: Store, now: datetime, tmp_path: Path) -> None:
    other = sqlite3.connect(":memory:")
    other.execute("CREATE TABLE accounts (name TEXT, password TEXT)")
    package = tmp_path / "x.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", other.serialize())
    other.close()
    with pytest.raises(InputError) as error:
        import_file(store, package, now)
    assert str(error.value) == (
        f"{package}:collection.anki2: not an Anki collection (no col table)"
    )


def test_garbage_collection_and_non_zip(store: Store, now: datetime, tmp_path: Path) -> None:
    package = tmp_path / "x.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("collection.anki2", b"not a database at all")
    with pytest.raises(InputError, match="not an Anki collection \\(not an SQLite database\\)"):
        import_file(store, package, now)
    text = tmp_path / "y.apkg"
    text.write_text("hello")
    with pytest.raises(InputError, match="^.*y.apkg: not an Anki package"):
        import_file(store, text, now)


def test_media_names_never_become_paths(store: Store, now: datetime, tmp_path: Path) -> None:
    notes = [AnkiNote(1, "g1", BASIC, ["q", 'a <img src="../../escape.png">'])]
    package = write_package(
        tmp_path / "p.apkg",
        collection_anki21b(notes),
        modern=True,
        media={"../../escape.png": b"PNG"},
    )
    import_file(store, package, now)
    assert sorted(p.name for p in (tmp_path / "quizkit.media").iterdir()) == [kept(b"PNG", ".png")]
    assert not (tmp_path.parent / "escape.png").exists()
    row = store.db.execute("SELECT original FROM media").fetchone()
    assert row == ("../../escape.png",)


def test_bad_note_reports_note_id_and_skip_bad_lists_it(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    notes = [AnkiNote(1, "g1", BASIC, ["q", "a"]), AnkiNote(77, "g2", BASIC, ["q2", ""])]
    package = write_package(tmp_path / "p.apkg", collection_anki21b(notes), modern=True)
    with pytest.raises(InputError) as error:
        import_file(store, package, now)
    assert str(error.value) == f"{package}:note 77: empty back"
    assert_nothing_stored(store)
    _name, report = import_file(store, package, now, ImportOptions(skip_bad=True))
    assert report.added == 1
    assert report.skipped == [f"{package}:note 77: empty back"]


def test_cli_error_is_one_line_with_exit_1(runner: CliRunner, tmp_path: Path) -> None:
    package = tmp_path / "x.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.writestr("../x", b"")
    result = runner.invoke(cli, ["import", str(package)])
    assert result.exit_code == 1
    assert result.output == f"quizkit: {package}: unsafe entry name '../x' in the package\n"


def test_invalid_utf8_in_a_field_becomes_replacement_characters(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    data = collection_anki21b([AnkiNote(1, "g1", BASIC, ["caf\u00e9", "x"])])
    db = sqlite3.connect(":memory:")
    db.deserialize(data[:18] + b"\x01\x01" + data[20:])
    db.execute("UPDATE notes SET flds = CAST(X'636166E91F78' AS TEXT)")  # "caf\xe9\x1fx"
    db.commit()
    package = write_package(tmp_path / "u.apkg", db.serialize(), modern=True)
    db.close()
    import_file(store, package, now)
    assert store.db.execute("SELECT question, answer FROM notes").fetchall() == [("caf\ufffd", "x")]


def test_keep_schedule_brings_the_review_log_once(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    def ms(day: int, hour: int) -> int:
        return int(datetime(2022, 1, day, hour, tzinfo=UTC).timestamp() * 1000)

    notes = [AnkiNote(1, "g1", BASIC, ["q", "a"], cards=[(0, 2, 2, 10, 4, 2500, "")])]
    revlog = [
        (ms(1, 8), 5001, 1, 0),  # learning: the first answer, to a new card
        (ms(1, 9), 5001, 3, 0),  # learning again
        (ms(2, 8), 5001, 0, 4),  # a manual reschedule: no answer
        (ms(6, 8), 5001, 4, 1),  # review
    ]
    package = write_package(tmp_path / "r.apkg", collection_anki21b(notes, revlog), modern=True)
    options = ImportOptions(keep_schedule=True)
    import_file(store, package, now, options)
    import_file(store, package, now, options)
    (card,) = store.deck_cards(store.deck("Default"))
    keys = ("reviewed_at", "rating", "duration_ms", "state_before")
    assert [tuple(r[k] for k in keys) for r in store.reviews_of(card.id)] == [
        ("2022-01-01T08:00:00.000000+00:00", 1, 1000, 0),
        ("2022-01-01T09:00:00.000000+00:00", 3, 1000, 1),
        ("2022-01-06T08:00:00.000000+00:00", 4, 1000, 2),
    ]  # fmt: skip
    assert card.last_review == datetime(2022, 1, 6, 8, tzinfo=UTC)


def test_entry_with_unknown_compression_is_an_input_error(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    package = write_package(tmp_path / "c.apkg", collection_anki2(sample_notes()), modern=False)
    data = bytearray(package.read_bytes())
    # Mark every entry as compressed with method 99 (WinZip AES), which zipfile cannot read.
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset : start + offset + 2] = (99).to_bytes(2, "little")
            start += 4
    package.write_bytes(bytes(data))
    with pytest.raises(InputError) as error:
        import_file(store, package, now)
    assert str(error.value) == (
        f"{package}: collection.anki2: cannot be read (That compression method is not supported)"
    )
