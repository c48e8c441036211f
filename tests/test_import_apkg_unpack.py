"""An Anki collection is unpacked into a temporary folder of quizkit's own and read there:
the folder goes away whatever happens, and the file is read as untrusted as in memory."""

from __future__ import annotations

import sqlite3
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from transfer_fixtures import BASIC, AnkiNote, collection_anki2, collection_anki21b, write_package

from quizkit.errors import InputError
from quizkit.importers import ImportOptions, apkg, read_notes
from quizkit.importers.sqlitefile import interrupted, open_untrusted_file

NOTES = [AnkiNote(1, "g1", BASIC, ["Which port hosts the regatta?", "Ostrav"])]
RUNAWAY = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"


def good(path: Path) -> Path:
    return write_package(path, collection_anki21b(NOTES), modern=True)


def deflate_bomb(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("collection.anki2", b"\0" * (4 << 20))
    return path


def not_a_collection(path: Path) -> Path:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE notes (x)")
    db.commit()
    data = db.serialize()
    db.close()
    return write_package(path, data, modern=False)


def bad_note(path: Path) -> Path:
    notes = [*NOTES, AnkiNote(2, "g2", BASIC, ["front", ""])]
    return write_package(path, collection_anki2(notes), modern=False)


PACKAGES: dict[str, tuple[Callable[[Path], Path], str | None]] = {
    "read": (good, None),
    "deflate bomb": (deflate_bomb, ": collection.anki2: unpacks to more than 1 MiB"),
    "not a collection": (not_a_collection, ":collection.anki2: not an Anki collection"),
    "bad note": (bad_note, ":note 2: empty back"),
}


@pytest.mark.parametrize("case", PACKAGES)
def test_the_unpacked_collection_is_removed_whatever_happens(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:
    make, problem = PACKAGES[case]
    package = make(tmp_path / "deck.apkg")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setattr(apkg, "MAX_COLLECTION_BYTES", 1 << 20)
    unpacked: list[Path] = []
    unpack = apkg._unpack

    def spy(*args: object) -> Path:
        unpacked.append(unpack(*args))  # type: ignore[arg-type]
        assert unpacked[0].stat().st_size > 0
        return unpacked[0]

    monkeypatch.setattr(apkg, "_unpack", spy)
    if problem is None:
        batch = read_notes(package, ImportOptions())
        assert [note.question for note in batch.notes] == ["Which port hosts the regatta?"]
        assert unpacked and unpacked[0].parent.parent == temporary
    else:
        with pytest.raises(InputError) as error:
            read_notes(package, ImportOptions())
        assert str(error.value).startswith(f"{package}{problem}")
    assert list(temporary.iterdir()) == []


def test_no_temporary_folder_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = good(tmp_path / "deck.apkg")
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    with pytest.raises(InputError) as error:
        read_notes(package, ImportOptions())
    assert str(error.value).startswith(f"{package}: collection.anki21b: cannot be unpacked (")
    assert "\n" not in str(error.value)


def unpacked_database(folder: Path, *statements: str) -> Path:
    db = sqlite3.connect(":memory:")
    for statement in statements:
        db.execute(statement)
    db.commit()
    data = db.serialize()
    db.close()
    path = folder / "collection"
    path.write_bytes(data[:18] + b"\x02\x02" + data[20:])  # marked WAL, as Anki leaves it
    return path


def test_an_unpacked_file_is_read_only_with_a_time_budget(tmp_path: Path) -> None:
    path = unpacked_database(tmp_path, "CREATE TABLE t (x)", "INSERT INTO t VALUES (7)")
    conn = open_untrusted_file(path, "x.db", "a test database", 0.3)
    assert conn.execute("SELECT x FROM t").fetchall() == [(7,)]
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        conn.execute("INSERT INTO t VALUES (1)")
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError) as error:
        conn.execute(RUNAWAY).fetchall()
    assert interrupted(error.value)
    assert time.monotonic() - started < 2.0
    conn.close()


def test_an_unpacked_file_that_is_not_sqlite_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "collection"
    path.write_bytes(b"PK\x03\x04 not a database at all")
    with pytest.raises(InputError) as error:
        open_untrusted_file(path, "x.apkg:collection.anki2", "an Anki collection")
    assert (
        str(error.value)
        == "x.apkg:collection.anki2: not an Anki collection (not an SQLite database)"
    )
