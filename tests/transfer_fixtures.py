"""Anki packages built by hand for the import tests: schema 11 (collection.anki2, JSON in col)
and schema 18 (collection.anki21b, zstd, note types in tables with protobuf configs)."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import zstandard

CRT = 1_640_995_200  # 2022-01-01T00:00Z
BASIC, REVERSED, CLOZE, TYPED = 1001, 1002, 1003, 1004
NOTE_TYPES = {
    BASIC: ("Basic", False, ["Front", "Back"], ["{{Front}}"]),
    REVERSED: ("Basic (and reversed card)", False, ["Front", "Back"], ["{{Front}}", "{{Back}}"]),
    CLOZE: ("Cloze", True, ["Text", "Back Extra"], ["{{cloze:Text}}"]),
    TYPED: ("Basic (type in the answer)", False, ["Front", "Back"], ["{{Front}} {{type:Back}}"]),
}
PLACEHOLDER_TEXT = "Please update to the latest Anki version, then import the package again."
DECKS = {1: "Default", 20: "Geo", 21: "Geo::Europe"}


@dataclass
class AnkiNote:
    id: int
    guid: str
    mid: int
    fields: list[str]
    tags: str = ""
    deck: int = 1
    # one (ord, type, queue, due, ivl, factor, data) per card; default: new cards
    cards: list[tuple[int, int, int, int, int, int, str]] = field(default_factory=list)


def _varint(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def pb_int(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


def pb_bytes(number: int, value: bytes) -> bytes:
    return _varint(number << 3 | 2) + _varint(len(value)) + value


def _cards_of(note: AnkiNote) -> list[tuple[int, int, int, int, int, int, str]]:
    if note.cards:
        return note.cards
    _name, cloze, _fields, templates = NOTE_TYPES[note.mid]
    if cloze:
        import re

        numbers = sorted({int(n) for n in re.findall(r"\{\{c(\d+)::", note.fields[0])})
        return [(n - 1, 0, 0, 0, 0, 0, "") for n in numbers]
    return [(i, 0, 0, 0, 0, 0, "") for i in range(len(templates))]


def _common_tables(
    db: sqlite3.Connection, notes: list[AnkiNote], revlog: list[tuple[int, ...]]
) -> None:
    db.execute(
        """CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer,
           usn integer, tags text, flds text, sfld integer, csum integer, flags integer,
           data text)"""
    )
    db.execute(
        """CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer,
           mod integer, usn integer, type integer, queue integer, due integer, ivl integer,
           factor integer, reps integer, lapses integer, left integer, odue integer,
           odid integer, flags integer, data text)"""
    )
    db.execute(
        """CREATE TABLE revlog (id integer primary key, cid integer, usn integer, ease integer,
           ivl integer, lastIvl integer, factor integer, time integer, type integer)"""
    )
    card_id = 5000
    for note in notes:
        db.execute(
            "INSERT INTO notes VALUES (?, ?, ?, 0, 0, ?, ?, ?, 0, 0, '')",
            [note.id, note.guid, note.mid, note.tags, "\x1f".join(note.fields), note.fields[0]],
        )
        for ord_, ctype, queue, due, ivl, factor, data in _cards_of(note):
            card_id += 1
            db.execute(
                "INSERT INTO cards VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, ?)",
                [card_id, note.id, note.deck, ord_, ctype, queue, due, ivl, factor, data or "{}"],
            )
    for entry in revlog:  # (ms, card id) as a review graded 3, or (ms, card id, ease, type)
        review_ms, cid, ease, kind = (*entry, 3, 1) if len(entry) == 2 else entry
        db.execute(
            "INSERT INTO revlog VALUES (?, ?, 0, ?, 1, 0, 2500, 1000, ?)",
            [review_ms, cid, ease, kind],
        )


def collection_anki2(notes: list[AnkiNote], revlog: Sequence[tuple[int, ...]] = ()) -> bytes:
    """A schema-11 collection: note types and decks as JSON in the col table."""
    models = {
        str(mid): {
            "id": mid,
            "name": name,
            "type": 1 if cloze else 0,
            "flds": [{"name": f, "ord": i} for i, f in enumerate(fields)],
            "tmpls": [
                {"name": f"Card {i + 1}", "ord": i, "qfmt": q, "afmt": ""}
                for i, q in enumerate(templates)
            ],
        }
        for mid, (name, cloze, fields, templates) in NOTE_TYPES.items()
    }
    decks = {str(did): {"id": did, "name": name} for did, name in DECKS.items()}
    db = sqlite3.connect(":memory:")
    db.execute(
        """CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer,
           ver integer, dty integer, usn integer, ls integer, conf text, models text,
           decks text, dconf text, tags text)"""
    )
    db.execute(
        "INSERT INTO col VALUES (1, ?, 0, 0, 11, 0, 0, 0, '{}', ?, ?, '{}', '{}')",
        [CRT, json.dumps(models), json.dumps(decks)],
    )
    _common_tables(db, notes, list(revlog))
    db.commit()
    data = db.serialize()
    db.close()
    return data


def collection_anki21b(notes: list[AnkiNote], revlog: Sequence[tuple[int, ...]] = ()) -> bytes:
    """A schema-18 collection, uncompressed: note types, fields, templates, decks in tables."""
    db = sqlite3.connect(":memory:")
    db.execute(
        """CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer,
           ver integer, dty integer, usn integer, ls integer, conf text, models text,
           decks text, dconf text, tags text)"""
    )
    db.execute("INSERT INTO col VALUES (1, ?, 0, 0, 18, 0, 0, 0, '', '', '', '', '')", [CRT])
    db.execute(
        "CREATE TABLE notetypes (id integer primary key, name text, mtime_secs integer, "
        "usn integer, config blob)"
    )
    db.execute(
        "CREATE TABLE fields (ntid integer, ord integer, name text, config blob, "
        "PRIMARY KEY (ntid, ord))"
    )
    db.execute(
        "CREATE TABLE templates (ntid integer, ord integer, name text, mtime_secs integer, "
        "usn integer, config blob, PRIMARY KEY (ntid, ord))"
    )
    db.execute(
        "CREATE TABLE decks (id integer primary key, name text, mtime_secs integer, "
        "usn integer, common blob, kind blob)"
    )
    for mid, (name, cloze, fields, templates) in NOTE_TYPES.items():
        config = (pb_int(1, 1) if cloze else b"") + pb_bytes(3, b".card {}")
        db.execute("INSERT INTO notetypes VALUES (?, ?, 0, 0, ?)", [mid, name, config])
        for i, field_name in enumerate(fields):
            db.execute("INSERT INTO fields VALUES (?, ?, ?, ?)", [mid, i, field_name, b""])
        for i, qfmt in enumerate(templates):
            config = pb_bytes(1, qfmt.encode()) + pb_bytes(2, b"{{FrontSide}}")
            db.execute(
                "INSERT INTO templates VALUES (?, ?, ?, 0, 0, ?)", [mid, i, f"Card {i + 1}", config]
            )
    for did, name in DECKS.items():
        db.execute(
            "INSERT INTO decks VALUES (?, ?, 0, 0, x'', x'')", [did, name.replace("::", "\x1f")]
        )
    _common_tables(db, notes, list(revlog))
    db.commit()
    data = db.serialize()
    db.close()
    return data[:18] + b"\x02\x02" + data[20:]  # as Anki leaves it: a WAL-mode file


def write_package(
    path: Path,
    collection: bytes,
    *,
    modern: bool,
    media: dict[str, bytes] | None = None,
    placeholder: bool = True,
    extra_entries: dict[str, bytes] | None = None,
) -> Path:
    """An .apkg: modern = anki21b (zstd collection, zstd media, protobuf media list) with the
    old-format placeholder beside it; else a legacy collection.anki2 with a JSON media list."""
    media = media or {}
    compress = zstandard.ZstdCompressor().compress
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if modern:
            archive.writestr("meta", pb_int(1, 3))
            archive.writestr("collection.anki21b", compress(collection))
            if placeholder:
                archive.writestr(
                    "collection.anki2",
                    collection_anki2(
                        [
                            AnkiNote(
                                1,
                                "placeholder",
                                BASIC,
                                [
                                    PLACEHOLDER_TEXT,
                                    "",
                                ],
                            )
                        ]
                    ),
                )
            entries = b"".join(
                pb_bytes(1, pb_bytes(1, name.encode()) + pb_int(2, len(data)))
                for name, data in media.items()
            )
            archive.writestr("media", compress(entries))
            for index, data in enumerate(media.values()):
                archive.writestr(str(index), compress(data))
        else:
            archive.writestr("collection.anki2", collection)
            archive.writestr("media", json.dumps({str(i): name for i, name in enumerate(media)}))
            for index, data in enumerate(media.values()):
                archive.writestr(str(index), data)
        for name, data in (extra_entries or {}).items():
            archive.writestr(name, data)
    return path


def changed_package(path: Path, notes: list[AnkiNote], modern: bool, *sql: str) -> Path:
    """An .apkg at `path` of these notes, its collection changed by `sql` first (the header's
    write and read versions set to 1, so SQLite opens it in memory without WAL)."""
    data = (collection_anki21b if modern else collection_anki2)(notes)
    db = sqlite3.connect(":memory:")
    db.deserialize(data[:18] + b"\x01\x01" + data[20:])
    for statement in sql:
        db.execute(statement)
    db.commit()
    changed = db.serialize()
    db.close()
    return write_package(path, changed, modern=modern)
