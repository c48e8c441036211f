"""Hostile files for `quizkit import`, each crafted here (issue 15), with the line it must give.

Each case writes its files into a folder and returns the `quizkit import` arguments and a
piece of the one line quizkit must print. Used by tests/test_hostile_imports.py (exit 1, one
line, no traceback, database unchanged, time and memory) and tests/benchmarks/bench_hostile.py,
both through `run_quizkit`, which measures one quizkit process.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from transfer_fixtures import BASIC, CLOZE, CRT, AnkiNote, collection_anki2, collection_anki21b

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
DEEP = 100_000
HUGE_INT = "9" * 5_000

Build = Callable[[Path], tuple[list[str], str]]


@dataclass(frozen=True)
class Case:
    name: str
    build: Build


CASES: list[Case] = []


def case(name: str) -> Callable[[Build], Build]:
    def register(build: Build) -> Build:
        CASES.append(Case(name, build))
        return build

    return register


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def deck_toml(extra: str = "", note: str = "") -> str:
    return (
        '[deck]\nname = "Crafted"\n\n[[notes]]\nquestion = "Capital of France?"\n'
        f'answer = "Paris"\n{note}' + (f"extra = {extra}\n" if extra else "")
    )


def deck_json(note: dict[str, object] | str) -> str:
    body = note if isinstance(note, str) else json.dumps(note)
    return '{"deck": {"name": "Crafted"},\n "notes": [\n' + body + "\n]}\n"


# --- pictures only from where the user said ------------------------------------------------


def _media_folder(folder: Path) -> Path:
    media = folder / "pictures"
    media.mkdir(exist_ok=True)
    (media / "map.png").write_bytes(PNG)
    return media


@case("toml image: absolute path")
def _(folder: Path) -> tuple[list[str], str]:
    media = _media_folder(folder)
    secret = write(folder, "photo.png", PNG)
    deck = write(folder, "deck.toml", deck_toml(f'{{ image = "{secret}" }}'))
    return [str(deck), "--media", str(media)], "must be a bare file name"


@case("toml image: ../ path")
def _(folder: Path) -> tuple[list[str], str]:
    media = _media_folder(folder)
    write(folder, "photo.png", PNG)
    deck = write(folder, "deck.toml", deck_toml('{ image = "../photo.png" }'))
    return [str(deck), "--media", str(media)], "must be a bare file name"


@case("json image: absolute path")
def _(folder: Path) -> tuple[list[str], str]:
    media = _media_folder(folder)
    secret = write(folder, "photo.png", PNG)
    note = {"question": "q", "answer": "a", "extra": {"image": str(secret)}}
    deck = write(folder, "deck.json", deck_json(note))
    return [str(deck), "--media", str(media)], "must be a bare file name"


@case("image: symlink out of the media folder")
def _(folder: Path) -> tuple[list[str], str]:
    media = _media_folder(folder)
    secret = write(folder, "photo.png", PNG)
    (media / "link.png").symlink_to(secret)
    deck = write(folder, "deck.toml", deck_toml('{ image = "link.png" }'))
    return [str(deck), "--media", str(media)], "leads out of the --media folder"


@case("image: not a picture by its content")
def _(folder: Path) -> tuple[list[str], str]:
    media = _media_folder(folder)
    write(media, "notes.png", "dear diary")
    deck = write(folder, "deck.toml", deck_toml('{ image = "notes.png" }'))
    return [str(deck), "--media", str(media)], "is not a PNG, JPEG, GIF or WebP picture"


@case("image: a FIFO in the media folder")
def _(folder: Path) -> tuple[list[str], str]:
    media = _media_folder(folder)
    os.mkfifo(media / "pipe.png")
    deck = write(folder, "deck.toml", deck_toml('{ image = "pipe.png" }'))
    return [str(deck), "--media", str(media)], "not a regular file"


@case("image: no --media given")
def _(folder: Path) -> tuple[list[str], str]:
    write(folder, "map.png", PNG)
    deck = write(folder, "deck.toml", deck_toml('{ image = "map.png" }'))
    return [str(deck)], "say which folder holds the pictures with --media DIR"


@case("image: data URI")
def _(folder: Path) -> tuple[list[str], str]:
    media = _media_folder(folder)
    deck = write(folder, "deck.toml", deck_toml('{ image = "data:image/png;base64,iVBO" }'))
    return [str(deck), "--media", str(media)], "must be a bare file name"


# --- SQLite tricks inside packages and Mnemosyne databases -----------------------------------


def _sqlite(data: bytes, statements: list[str], params: list[object] | None = None) -> bytes:
    """A collection's bytes changed by SQL statements (the last one takes `params`)."""
    db = sqlite3.connect(":memory:")
    db.deserialize(data[:18] + b"\x01\x01" + data[20:])
    for index, statement in enumerate(statements):
        last = index == len(statements) - 1
        db.execute(statement, params if last and params else [])
    db.commit()
    out = db.serialize()
    db.close()
    return out


def _notes() -> list[AnkiNote]:
    return [AnkiNote(1, "guid-1", BASIC, ["Capital of France?", "Paris"], deck=1)]


def _package(folder: Path, collection: bytes, name: str = "deck.apkg") -> Path:
    path = folder / name
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", collection)
        archive.writestr("media", "{}")
    return path


def _legacy(*statements: str, params: list[object] | None = None) -> bytes:
    return _sqlite(collection_anki2(_notes()), list(statements), params)


NOTES_COLUMNS = (
    "id integer primary key, guid text, mid integer, mod integer, usn integer, tags text, {flds},"
    " sfld integer, csum integer, flags integer, data text"
)
GENERATED_FLDS = "flds text GENERATED ALWAYS AS (printf('%.*c', 300000000, 'x')) VIRTUAL"
RECURSIVE = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r)"


@case("apkg: notes.flds a generated column")
def _(folder: Path) -> tuple[list[str], str]:
    db = sqlite3.connect(":memory:")
    data = collection_anki2(_notes())
    db.deserialize(data)
    db.execute("DROP TABLE notes")
    stored = NOTES_COLUMNS.replace(" {flds},", "")
    db.execute(f"CREATE TABLE notes ({stored})")
    db.execute("INSERT INTO notes VALUES (1, 'guid-1', 1001, 0, 0, '', 0, 0, 0, '')")
    db.execute("PRAGMA writable_schema = ON")
    declared = NOTES_COLUMNS.format(flds=GENERATED_FLDS)
    db.execute(
        "UPDATE sqlite_master SET sql = ? WHERE name = 'notes'",
        [f"CREATE TABLE notes ({declared})"],
    )
    db.commit()
    out = db.serialize()
    db.close()
    return [str(_package(folder, out))], "notes.flds is a generated column"


@case("apkg: notes a recursive view")
def _(folder: Path) -> tuple[list[str], str]:
    data = _legacy(
        "DROP TABLE notes",
        f"CREATE VIEW notes AS {RECURSIVE} SELECT n AS id, 'g' AS guid, 1001 AS mid, '' AS tags,"
        " 'a' AS flds FROM r",
    )
    return [str(_package(folder, data))], "it holds a view"


@case("apkg (schema 18): decks a recursive view")
def _(folder: Path) -> tuple[list[str], str]:
    data = _sqlite(
        collection_anki21b(_notes()),
        [
            "DROP TABLE decks",
            f"CREATE VIEW decks AS {RECURSIVE} SELECT n AS id, 'd' AS name FROM r",
        ],
    )
    return [str(_package(folder, data))], "it holds a view"


@case("apkg (schema 18): fields a recursive view")
def _(folder: Path) -> tuple[list[str], str]:
    data = _sqlite(
        collection_anki21b(_notes()),
        [
            "DROP TABLE fields",
            f"CREATE VIEW fields AS {RECURSIVE} SELECT 1001 AS ntid, n AS ord, 'f' AS name FROM r",
        ],
    )
    return [str(_package(folder, data))], "it holds a view"


@case("apkg: a trigger")
def _(folder: Path) -> tuple[list[str], str]:
    data = _legacy(
        "CREATE TRIGGER t AFTER INSERT ON notes BEGIN DELETE FROM cards; END",
    )
    return [str(_package(folder, data))], "it holds a trigger"


@case("apkg: cards a virtual table")
def _(folder: Path) -> tuple[list[str], str]:
    data = _legacy(
        "DROP TABLE cards",
        "CREATE VIRTUAL TABLE cards USING fts4(nid, ord)",
    )
    return [str(_package(folder, data))], "a virtual table"


def _mnemosyne(folder: Path, question: str | None = None, view_tags: bool = False) -> Path:
    """A Mnemosyne 2 database; `question`: a declaration of cards.question written into the
    schema after the rows (inserting with it would run a generated column's expression)."""
    path = folder / "mnemosyne.db"
    db = sqlite3.connect(path)
    if question:
        db.execute("CREATE TABLE cards (_id integer primary key, id text, answer)")
        db.execute("INSERT INTO cards VALUES (1, 'c1', 'Paris')")
        db.execute("PRAGMA writable_schema = ON")
        db.execute(
            "UPDATE sqlite_master SET sql = ? WHERE name = 'cards'",
            [f"CREATE TABLE cards (_id integer primary key, id text, {question}, answer)"],
        )
        db.execute("PRAGMA writable_schema = OFF")
    else:
        db.execute("CREATE TABLE cards (_id integer primary key, id text, question, answer)")
        db.execute("INSERT INTO cards VALUES (1, 'c1', 'Capital of France?', 'Paris')")
    if view_tags:
        db.execute(f"CREATE VIEW tags AS {RECURSIVE} SELECT n AS _id, 'tag' AS name FROM r")
    else:
        db.execute("CREATE TABLE tags (_id integer primary key, name text)")
    db.execute("CREATE TABLE tags_for_card (_card_id integer, _tag_id integer)")
    db.commit()
    db.close()
    return path


@case("mnemosyne: question a generated column")
def _(folder: Path) -> tuple[list[str], str]:
    column = "question text GENERATED ALWAYS AS (printf('%.*c', 300000000, 'x')) VIRTUAL"
    return [str(_mnemosyne(folder, column))], "cards.question is a generated column"


@case("mnemosyne: tags a recursive view")
def _(folder: Path) -> tuple[list[str], str]:
    return [str(_mnemosyne(folder, view_tags=True))], "it holds a view"


# --- Anki fields of the wrong type or range -------------------------------------------------


def _col(column: str, value: object, expected: str) -> Build:
    def build(folder: Path) -> tuple[list[str], str]:
        data = _legacy(f"UPDATE col SET {column} = ?", params=[value])
        return [str(_package(folder, data))], expected

    return build


for _name, _column, _value, _expected in [
    ("col.models a list", "models", "[]", "col.models is not a JSON object"),
    ("col.models a string", "models", '"Basic"', "col.models is not a JSON object"),
    ("col.decks a list", "decks", "[1, 2]", "col.decks is not a JSON object"),
    ("col.decks a string", "decks", '"Default"', "col.decks is not a JSON object"),
    ("col.models a blob", "models", b"\x00{}", "col.models is not text"),
    ("deck name an integer", "decks", '{"1": {"id": 1, "name": 5}}', ".name must be text"),
    ("col.decks nested 100,000 deep", "decks", "[" * DEEP + "]" * DEEP, "nested deeper than 100"),
    ("col.models with a 5,000-digit number", "models", '{"1": ' + HUGE_INT + "}", "beyond 64 bits"),
    ("crt = 9e18", "crt", 9 * 10**18, "col.crt is not a time between 1970 and 9999"),
    ("crt text", "crt", "yesterday", "col.crt must be a number"),
    ("crt NULL", "crt", None, "col.crt must be a number"),
]:
    CASES.append(Case(f"apkg: {_name}", _col(_column, _value, _expected)))


def _cards(column: str, value: object, expected: str, keep: bool = False, ctype: int = 2) -> Build:
    def build(folder: Path) -> tuple[list[str], str]:
        notes = [
            AnkiNote(
                1,
                "guid-1",
                BASIC,
                ["Capital of France?", "Paris"],
                cards=[(0, ctype, 2, 10, 5, 2500, "")],
            )
        ]
        data = _sqlite(
            collection_anki2(notes, [(CRT * 1000 + 5, 5001)]),
            [f"UPDATE cards SET {column} = ?"],
            [value],
        )
        return [str(_package(folder, data)), *(["--keep-schedule"] if keep else [])], expected

    return build


for _name, _build in [
    ("cards.ord NULL", _cards("ord", None, "ord must be a whole number")),
    ("cards.ord text", _cards("ord", "first", "ord must be a whole number")),
    ("cards.due NULL", _cards("due", None, "due must be a whole number")),
    ("cards.due text", _cards("due", "soon", "due must be a whole number")),
    ("cards.ivl text", _cards("ivl", "long", "ivl must be a whole number")),
    ("cards.type 9", _cards("type", 9, "type must be a whole number from 0 to 3")),
    ("cards.queue text", _cards("queue", "q", "queue must be a whole number")),
    ("cards.nid text", _cards("nid", "one", "nid must be a whole number")),
    ("cards.factor text (--keep-schedule)", _cards("factor", "x", "factor", keep=True)),
    ("review due 2e9 days (--keep-schedule)", _cards("due", 2 * 10**9, "due", keep=True)),
    ("learning due 9e18 (--keep-schedule)", _cards("due", 9 * 10**18, "due", True, ctype=1)),
    ("learning due negative (--keep-schedule)", _cards("due", -5, "due", True, ctype=1)),
    ("ivl 1e15 (--keep-schedule)", _cards("ivl", 10**15, "ivl", keep=True)),
]:
    CASES.append(Case(f"apkg: {_name}", _build))


def _revlog(column: str, value: object, expected: str) -> Build:
    def build(folder: Path) -> tuple[list[str], str]:
        notes = [
            AnkiNote(
                1,
                "guid-1",
                BASIC,
                ["Capital of France?", "Paris"],
                cards=[(0, 2, 2, 10, 5, 2500, "")],
            )
        ]
        data = _sqlite(
            collection_anki2(notes, [(CRT * 1000 + 5, 5001)]),
            [f"UPDATE revlog SET {column} = ?"],
            [value],
        )
        return [str(_package(folder, data)), "--keep-schedule"], expected

    return build


for _name, _build in [
    ("revlog.time NULL", _revlog("time", None, "time must be a whole number")),
    ("revlog.time text", _revlog("time", "slow", "time must be a whole number")),
    ("revlog.id far in the future", _revlog("id", 10**17, "id must be a whole number")),
    ("revlog.ease text", _revlog("ease", "good", "ease must be a whole number")),
    ("revlog.cid text", _revlog("cid", "card", "cid must be a whole number")),
]:
    CASES.append(Case(f"apkg --keep-schedule: {_name}", _build))


@case("apkg: media index nested 100,000 deep")
def _(folder: Path) -> tuple[list[str], str]:
    notes = [AnkiNote(1, "guid-1", BASIC, ['Map <img src="a.png">', "Paris"])]
    path = folder / "deck.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", collection_anki2(notes))
        archive.writestr("media", "[" * DEEP + "]" * DEEP)
    return [str(path)], "nested deeper than 100"


@case("apkg: cloze number of 5,000 digits")
def _(folder: Path) -> tuple[list[str], str]:
    data = _sqlite(
        collection_anki2([]),
        [f"INSERT INTO notes VALUES (1, 'g', {CLOZE}, 0, 0, '', ?, '', 0, 0, '')"],
        ["{{c" + HUGE_INT + "::Paris}}\x1fextra"],
    )
    return [str(_package(folder, data))], "cloze note without {{c1::...}}"


# --- untrusted extra values ----------------------------------------------------------------


@case('json: "extra": {"items": 5}')
def _(folder: Path) -> tuple[list[str], str]:
    path = write(
        folder, "deck.json", deck_json({"question": "q", "answer": "a", "extra": {"items": 5}})
    )
    return [str(path)], "deck.json:3: extra.items must be a list of strings"


@case("json: NaN in extra")
def _(folder: Path) -> tuple[list[str], str]:
    path = write(
        folder, "deck.json", deck_json('{"question": "q", "answer": "a", "extra": {"truth": NaN}}')
    )
    return [str(path)], "deck.json:3: NaN is not a number"


@case("json: unknown extra key")
def _(folder: Path) -> tuple[list[str], str]:
    path = write(
        folder, "deck.json", deck_json({"question": "q", "answer": "a", "extra": {"x": 1}})
    )
    return [str(path)], "deck.json:3: extra: unknown key 'x'"


@case("toml: extra.items an integer")
def _(folder: Path) -> tuple[list[str], str]:
    return [
        str(write(folder, "deck.toml", deck_toml("{ items = 5 }")))
    ], "deck.toml:4: note: extra.items"


@case("toml: nan in extra")
def _(folder: Path) -> tuple[list[str], str]:
    path = write(folder, "deck.toml", deck_toml("{ truth = nan }"))
    return [str(path)], "deck.toml:4: note: nan is not a number"


@case("toml: a date in extra")
def _(folder: Path) -> tuple[list[str], str]:
    path = write(folder, "deck.toml", deck_toml("{ event = 2022-01-06 }"))
    return [str(path)], "deck.toml:4: note: extra.event must be a string"


@case("toml: sources holding booleans")
def _(folder: Path) -> tuple[list[str], str]:
    note = 'sources = [{ document = "wire", sentence = true }]\n'
    path = write(folder, "deck.toml", deck_toml(note=note))
    return [str(path)], "deck.toml:4: note: a source's 'sentence' must be a whole number"


@case("json: sources holding booleans")
def _(folder: Path) -> tuple[list[str], str]:
    note = {"question": "q", "answer": "a", "sources": [{"document": "w", "sentence": False}]}
    return [str(write(folder, "deck.json", deck_json(note)))], "deck.json:3: 'sources'"


# --- nesting and number limits -------------------------------------------------------------


@case("json: nested 100,000 deep")
def _(folder: Path) -> tuple[list[str], str]:
    return [str(write(folder, "deck.json", "[" * DEEP + "]" * DEEP))], "deck.json:1: nested deeper"


@case("json: extra nested 100,000 deep")
def _(folder: Path) -> tuple[list[str], str]:
    note = '{"question": "q", "answer": "a", "extra": {"note": ' + "[" * DEEP + "]" * DEEP + "}}"
    return [str(write(folder, "deck.json", deck_json(note)))], "deck.json:3: nested deeper"


@case("json: extra nested 150 deep")
def _(folder: Path) -> tuple[list[str], str]:
    note = '{"question": "q", "answer": "a", "extra": {"note": ' + "[" * 150 + "]" * 150 + "}}"
    return [str(write(folder, "deck.json", deck_json(note)))], "deck.json:3: nested deeper than 100"


@case("toml: nested 100,000 deep")
def _(folder: Path) -> tuple[list[str], str]:
    path = write(folder, "deck.toml", deck_toml("{ note = " + "[" * DEEP + "]" * DEEP + " }"))
    return [str(path)], "deck.toml:7: nested deeper than 100"


@case("json: a 5,000-digit integer")
def _(folder: Path) -> tuple[list[str], str]:
    note = '{"question": "q", "answer": "a", "id": ' + HUGE_INT + "}"
    return [str(write(folder, "deck.json", deck_json(note)))], "deck.json:3: a whole number beyond"


@case("json: 2**64 as a sentence number")
def _(folder: Path) -> tuple[list[str], str]:
    note = {"question": "q", "answer": "a", "sources": [{"document": "w", "sentence": 2**64}]}
    return [str(write(folder, "deck.json", deck_json(note)))], "deck.json:3: a whole number beyond"


@case("toml: a 5,000-digit integer")
def _(folder: Path) -> tuple[list[str], str]:
    note = f'sources = [{{ document = "w", sentence = {HUGE_INT} }}]\n'
    return [str(write(folder, "deck.toml", deck_toml(note=note)))], "deck.toml:7: a whole number"


@case("json: a question over 131,072 characters")
def _(folder: Path) -> tuple[list[str], str]:
    note = {"question": "q" * 200_000, "answer": "a"}
    return [str(write(folder, "deck.json", deck_json(note)))], "deck.json:3: a question or answer"


@case("csv: an anki-text cloze number of 5,000 digits")
def _(folder: Path) -> tuple[list[str], str]:
    text = "#separator:tab\n#notetype:Cloze\n{{c" + HUGE_INT + "::Paris}}\textra\n"
    return [str(write(folder, "cloze.txt", text))], "cloze.txt:3: cloze note without"


# --- text decoding and unbounded input -----------------------------------------------------


@case("utf-16: BOM and an odd byte count")
def _(folder: Path) -> tuple[list[str], str]:
    data = "q,a\nq2,a2\n".encode("utf-16") + b"\x00"
    return [str(write(folder, "odd.csv", data))], "not valid UTF-16 text (an odd number of bytes)"


@case("utf-16: a lone surrogate")
def _(folder: Path) -> tuple[list[str], str]:
    data = b"\xff\xfe" + "q,a\n".encode("utf-16-le") + b"\x00\xd8" + "x,y\n".encode("utf-16-le")
    return [str(write(folder, "lone.csv", data))], "lone.csv:2: not valid UTF-16 text"


@case("csv: NUL after the first 4 KB")
def _(folder: Path) -> tuple[list[str], str]:
    rows = "".join(f"question {i},answer {i}\n" for i in range(400))
    return [str(write(folder, "nul.csv", rows + "q\x00,a\n"))], "nul.csv:401: NUL character"


@case("csv: a stray quote swallowing later rows")
def _(folder: Path) -> tuple[list[str], str]:
    path = write(folder, "stray.csv", 'q1,a1\nq2,"a2\nq3,a3\nq4,a4\n')
    return [str(path)], "stray.csv:2: a quote opened in this row is never closed"


@case("csv: /dev/zero")
def _(folder: Path) -> tuple[list[str], str]:
    return ["/dev/zero", "--format", "csv"], "not a regular file"


@case("a FIFO (no format given)")
def _(folder: Path) -> tuple[list[str], str]:
    os.mkfifo(folder / "deck.csv")
    return [str(folder / "deck.csv")], "not a regular file"


for _format in ("csv", "deck", "json", "md", "apkg", "mnemosyne", "quizlet", "supermemo"):

    def _fifo(folder: Path, fmt: str = _format) -> tuple[list[str], str]:
        os.mkfifo(folder / "pipe")
        return [str(folder / "pipe"), "--format", fmt], "not a regular file"

    CASES.append(Case(f"a FIFO with --format {_format}", _fifo))


@case("mnemosyne: a missing file")
def _(folder: Path) -> tuple[list[str], str]:
    return [str(folder / "missing.db"), "--format", "mnemosyne"], "missing.db: no such file"


@case("mnemosyne: a folder")
def _(folder: Path) -> tuple[list[str], str]:
    return [str(folder), "--format", "mnemosyne"], "is a folder, not a file"


# --- worse-than-linear parsing (each must finish quickly) ----------------------------------


@case("anki-text: [sound: x 18,000 in a field (126 KB), then a bad row")
def _(folder: Path) -> tuple[list[str], str]:
    text = "#separator:tab\n#html:true\nq\t" + "[sound:" * 18_000 + "\n\tno front\n"
    return [str(write(folder, "sound.txt", text))], "sound.txt:4: empty front"


@case("apkg: [sound: x 20,000 in a field, then a bad note")
def _(folder: Path) -> tuple[list[str], str]:
    notes = [
        AnkiNote(1, "guid-1", BASIC, ["q", "[sound:" * 20_000]),
        AnkiNote(2, "guid-2", BASIC, ["", "no front"]),
    ]
    return [str(_package(folder, collection_anki2(notes)))], "deck.apkg:note 2: empty front"


@case("anki-text: a 126 KB #html:true cell of unclosed markup, then a bad row")
def _(folder: Path) -> tuple[list[str], str]:
    cell = ("<a <![&" * 21_000)[:126_000]
    text = "#separator:tab\n#html:true\nq\t" + cell + "\n\tno front\n"
    return [str(write(folder, "html.txt", text))], "html.txt:4: empty front"


@case("anki-text: {{c1:: then 60k ::")
def _(folder: Path) -> tuple[list[str], str]:
    text = "#separator:tab\n#notetype:Cloze\n{{c1::" + "::" * 60_000 + "\textra\n"
    return [str(write(folder, "cloze.txt", text))], "cloze.txt:3: cloze note without"


@case("markdown: <!-- x 40,000 on a line, then a card without an answer")
def _(folder: Path) -> tuple[list[str], str]:
    text = "<!--" * 40_000 + "\n\nquestion::\n"
    return [str(write(folder, "comments.md", text))], "comments.md:3: card has no answer"


@case("markdown: a heading of 50,000 ' #', then a card without an answer")
def _(folder: Path) -> tuple[list[str], str]:
    text = "# a" + " #" * 50_000 + "x\n\nquestion::\n"
    return [str(write(folder, "heading.md", text))], "heading.md:3: card has no answer"


# --- running one case as its own process --------------------------------------------------

REPO = Path(__file__).resolve().parents[1]
KILL_AFTER_S = 60.0


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    cpu_s: float
    wall_s: float
    max_rss_kib: int


# Runs quizkit as `python -m quizkit` does, then writes the process's peak memory (VmHWM:
# the high-water mark of this program's own memory, not of the test process it forked from).
MEASURED = """
import atexit, os, runpy, sys

def peak():
    with open("/proc/self/status") as status, open(os.environ["PEAK_FILE"], "w") as out:
        out.write(next(l.split()[1] for l in status if l.startswith("VmHWM:")))

atexit.register(peak)
sys.argv[0] = "quizkit"
runpy.run_module("quizkit", run_name="__main__")
"""


def run_quizkit(args: list[str], folder: Path, db: Path) -> Run:
    """`quizkit ARGS` on DB in its own process: CPU time from wait4, peak memory from /proc."""
    out, err, peak = folder / ".stdout", folder / ".stderr", folder / ".peak"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZKIT_DB": str(db), "PEAK_FILE": str(peak)}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-c", MEASURED, *args],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            env=env,
        )
        killer = threading.Timer(KILL_AFTER_S, process.kill)
        killer.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - started
    return Run(
        process.returncode,
        out.read_text(errors="replace"),
        err.read_text(errors="replace"),
        usage.ru_utime + usage.ru_stime,
        wall,
        int(peak.read_text()) if peak.exists() else 1 << 40,
    )
