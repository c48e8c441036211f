"""Anki packages (.apkg, .colpkg): notes, decks, tags, media and, if asked, the schedule.

Reads `collection.anki21b` (zstd-compressed, schema 18, Anki's current default) before
`collection.anki21` and `collection.anki2`, so the old-format placeholder that newer Anki
puts beside the real collection is never taken for it.

Packages are untrusted: entries are never extracted by name, every read is capped (zip and
zstd bombs), the collection is unpacked into a temporary folder of quizkit's own (removed
when read), opened read-only and checked to be an Anki collection, and media are read
only when a note refers to them.
"""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from itertools import chain
from pathlib import Path, PurePosixPath
from typing import IO, Any, NamedTuple

from quizkit.errors import InputError
from quizkit.extra import NoteExtra
from quizkit.importers import (
    CardSchedule,
    ImportBatch,
    ImportOptions,
    MediaFile,
    PastReview,
    PlainPieces,
    Problems,
    ReadWhole,
    Warn,
    default_deck_name,
)
from quizkit.importers.ankihtml import SOUND_OPEN, cloze_card, cloze_numbers, html_to_text, tidy
from quizkit.importers.limits import INT64_MAX, INT64_MIN, MAX_NAME, load_json, value_problem
from quizkit.importers.protobuf import ProtobufError, fields, first_int, first_text
from quizkit.importers.sqlitefile import (
    Budget,
    check_tables,
    interrupted,
    open_untrusted_file,
    strict_text_first,
    unreadable,
)
from quizkit.models import DeckInfo, Note, NoteTable, SourceRef
from quizkit.textfile import open_regular

MIB = 1 << 20
MAX_COLLECTION_BYTES = 512 * MIB
MAX_MEDIA_FILE_BYTES = 100 * MIB
MAX_MEDIA_TOTAL_BYTES = 512 * MIB
MAX_ENTRIES = 200_000
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
REQUIRED_TABLES = ("col", "notes", "cards")
NEW_SCHEMA_TABLES = ("notetypes", "fields", "decks")
LAST_SECOND = 253_402_300_799  # 9999-12-31 23:59:59 UTC, the last moment datetime holds
MAX_DAYS = 36_500 * 3  # an interval or due day far beyond any learner's life
MAX_FIELDS = 1_000
INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
LIST_FIELDS = {"alternatives": "alternatives", "distractors": "distractors"}
CLOZE_KIND = 1
DAY = timedelta(days=1)


@dataclass
class NoteType:
    name: str
    cloze: bool
    fields: list[str]


@dataclass
class Collection:
    """What quizkit needs from an Anki collection's schema, old (JSON in col) or new."""

    created: datetime
    note_types: dict[int, NoteType] = field(default_factory=dict)
    decks: dict[int, str] = field(default_factory=dict)


def read_apkg(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    where = str(path)
    with _package(path) as archive:
        names = _checked_names(archive, where)
        chosen, compressed, inside = _collection_entry(names, where)
        with _unpacked(archive, chosen, compressed, where, options.keep_schedule) as conn:
            try:
                collection = _schema(conn, inside)
                deck_name = default_deck_name(path, options)

                def read() -> tuple[Problems, Sequence[Note], list[CardSchedule], set[str]]:
                    problems = Problems(where, options.skip_bad)
                    found = _notes(conn, collection, problems, options, inside, deck_name)
                    return problems, *found

                problems, notes, schedules, wanted = strict_text_first(conn, read)
            except sqlite3.Error as error:
                raise unreadable(error, inside, "unreadable Anki collection", conn) from None
        media = _media(archive, names, wanted, compressed, where, warn)
    return ImportBatch(DeckInfo(deck_name), notes, problems.skipped, media, schedules)


def plain_pieces(
    path: Path, options: ImportOptions, warn: Warn | None, size: int
) -> PlainPieces | None:
    """The package's notes `size` at a time, for a collection of more than two such pieces
    that `_plain_table` could read (cards all checked, one deck, one card a note, notes by
    rowid); else None, and nothing is left unpacked.

    The package is unpacked and checked once; each piece is read as `_plain_table` reads
    every note, with the same query over the next `size` notes by id. A piece that is not
    plain (or an SQLite error) raises ReadWhole, and `read_apkg` then reads the whole
    package, which words what is wrong; a query stopped (its time budget, Ctrl-C) ends the
    import as it ends read_apkg. `warn` is not needed: a plain collection names no media,
    the one thing read_apkg warns about. The unpacked collection is removed when the
    tables are done, closed, dropped, or stop with an error (Ctrl-C too).
    """
    if options.keep_schedule:
        return None
    where = inside = str(path)
    stack = ExitStack()
    try:
        archive = stack.enter_context(_package(path))
        chosen, compressed, inside = _collection_entry(_checked_names(archive, where), where)
        conn = stack.enter_context(_unpacked(archive, chosen, compressed, where, False))
        collection = _schema(conn, inside)
        conn.text_factory = str  # as in `_notes`: text that is not UTF-8 reads whole
        count = conn.execute("SELECT count(*) FROM notes").fetchone()[0]
        if count <= 2 * size or conn.execute(ANY_CARD_UNCHECKED).fetchone():
            stack.close()
            return None
        plain, deck = _plain_look(conn, collection)
        if not plain or not _id_is_rowid(conn):
            stack.close()
            return None
        deck_name = default_deck_name(path, options)
    except sqlite3.Error as error:
        stack.close()
        if interrupted(error, conn):
            raise _stopped(error, inside, conn) from None
        return None  # read_apkg reads the collection, and words what is wrong with it
    except BaseException:
        stack.close()
        raise  # an InputError as read_apkg raises it: the same steps came first there
    # from here on the tables own the unpacked collection: they remove it when they stop
    tables = _plain_pieces(stack, conn, collection, deck, deck_name, count, size, inside)
    try:
        first = next(tables)
    except ReadWhole:
        return None  # read_apkg reads what is not plain
    except BaseException:
        stack.close()  # in case the tables never began (Ctrl-C just now)
        raise
    return PlainPieces(first.deck, count, _first_then(first, tables))


def _stopped(error: sqlite3.Error, where: str, conn: sqlite3.Connection) -> InputError:
    """A query stopped by its time budget: the end of the import, worded as read_apkg words
    it, not a reason to read the package again."""
    return unreadable(error, where, "unreadable Anki collection", conn)


def _first_then(first: NoteTable, rest: Iterator[NoteTable]) -> Iterator[NoteTable]:
    """`first`, then the rest: closing this closes the rest (and removes what it holds)."""
    yield first
    yield from rest


def _plain_pieces(
    stack: ExitStack,
    conn: sqlite3.Connection,
    collection: Collection,
    deck: str | None,
    deck_name: str,
    count: int,
    size: int,
    where: str,
) -> Iterator[NoteTable]:
    """Every note as tables of `size` notes in the order of their ids, each read by
    `_notes_table` as the whole collection is; closes `stack` when done or stopped.

    The first tables are smaller (a quarter, a half): the store writes nothing until the
    first is read, so the sooner it comes, the longer reading and writing overlap.
    """
    with stack:
        budget = Budget(where)
        start = conn.execute("SELECT min(id) FROM notes").fetchone()[0]
        done, step = 0, max(size // 4, 1)
        while done < count:
            try:
                last = conn.execute(PIECE_END, (start, step - 1)).fetchone()
                end = INT64_MAX if last is None else last[0]  # the last piece: the rest
                table = _notes_table(
                    conn, NOTES_BETWEEN, (start, end), collection, budget, deck, deck_name
                )
            except sqlite3.Error as error:
                if interrupted(error, conn):
                    raise _stopped(error, where, conn) from None
                table = None
            if table is None:
                raise ReadWhole(f"{where}: note {start}")
            yield table
            done += len(table)
            start, step = end + 1, min(2 * step, size)


@contextmanager
def _package(path: Path) -> Iterator[zipfile.ZipFile]:
    """The package opened as a zip archive, closed with its file after use."""
    where = str(path)
    handle = open_regular(path)
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        handle.close()
        raise InputError(where, f"not an Anki package ({error})") from None
    with handle, archive:
        yield archive


def _collection_entry(names: set[str], where: str) -> tuple[str, bool, str]:
    """The collection's entry, whether it is zstd-compressed, and where to say it is."""
    chosen = next((name for name in COLLECTIONS if name in names), None)
    if chosen is None:
        raise InputError(where, "not an Anki package (no collection.anki2/anki21/anki21b)")
    return chosen, chosen.endswith("b"), f"{where}:{chosen}"


@contextmanager
def _unpacked(
    archive: zipfile.ZipFile, chosen: str, compressed: bool, where: str, with_revlog: bool
) -> Iterator[sqlite3.Connection]:
    """The collection unpacked into a temporary folder and opened (`_open_collection`);
    closed and removed after use."""
    inside = f"{where}:{chosen}"
    with _temporary_folder(chosen, where) as folder:
        unpacked = _unpack(archive, chosen, compressed, where, Path(folder))
        conn = _open_collection(unpacked, inside, with_revlog)
        try:
            yield conn
        finally:
            conn.close()


def _checked_names(archive: zipfile.ZipFile, where: str) -> set[str]:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise InputError(where, f"package has {len(infos)} entries (at most {MAX_ENTRIES})")
    for info in infos:
        name = info.filename
        parts = PurePosixPath(name.replace("\\", "/")).parts
        if name.startswith(("/", "\\")) or ".." in parts or (parts and ":" in parts[0]):
            raise InputError(where, f"unsafe entry name {name!r} in the package")
    return {info.filename for info in infos}


def _temporary_folder(name: str, where: str) -> tempfile.TemporaryDirectory[str]:
    """A folder of quizkit's own for the unpacked collection, removed with all in it."""
    try:
        return tempfile.TemporaryDirectory(prefix="quizkit-apkg-", ignore_cleanup_errors=True)
    except OSError as error:  # no temporary folder can be made
        raise InputError(where, f"{name}: cannot be unpacked ({error})") from None


def _unpack(
    archive: zipfile.ZipFile, name: str, compressed: bool, where: str, folder: Path
) -> Path:
    """The collection written to a file in `folder` (quizkit's own), for SQLite to read in
    place: no copy of it in memory, none made again by SQLite."""
    unpacked = folder / "collection"
    try:
        with unpacked.open("wb") as file:
            for chunk in _entry_chunks(archive, name, MAX_COLLECTION_BYTES, compressed, where):
                file.write(chunk)
    except OSError as error:  # the temporary folder is full, or gone
        raise InputError(where, f"{name}: cannot be unpacked ({error})") from None
    return unpacked


def _read_entry(
    archive: zipfile.ZipFile, name: str, cap: int, compressed: bool, where: str
) -> bytearray:
    """An entry's bytes, zstd-decompressed when asked; stops as soon as it passes `cap`."""
    data = bytearray()
    for chunk in _entry_chunks(archive, name, cap, compressed, where):
        data += chunk
    return data


def _entry_chunks(
    archive: zipfile.ZipFile, name: str, cap: int, compressed: bool, where: str
) -> Iterator[bytes]:
    """An entry's bytes a chunk at a time, zstd-decompressed when asked; stops as soon as
    they pass `cap`."""
    info = archive.getinfo(name)
    if not compressed and info.file_size > cap:
        raise InputError(where, f"{name}: unpacks to more than {cap // MIB} MiB")
    size = 0
    try:
        with archive.open(info) as raw:
            stream: IO[bytes] = raw
            if compressed:
                import zstandard

                stream = zstandard.ZstdDecompressor().stream_reader(raw)
            while chunk := stream.read(MIB):
                size += len(chunk)
                if size > cap:
                    raise InputError(where, f"{name}: unpacks to more than {cap // MIB} MiB")
                yield chunk
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as error:
        raise InputError(where, f"{name}: damaged ({error})") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted, unknown compression
        raise InputError(where, f"{name}: cannot be read ({error})") from None
    except Exception as error:  # zstandard.ZstdError, raised for corrupt frames
        if type(error).__name__ != "ZstdError":
            raise
        raise InputError(where, f"{name}: damaged zstd data ({error})") from None


def _open_collection(unpacked: Path, where: str, with_revlog: bool) -> sqlite3.Connection:
    """The unpacked collection, read-only, refusing anything but an Anki collection whose
    tables are plain tables (see importers/sqlitefile.py)."""
    what = "an Anki collection"
    conn = open_untrusted_file(unpacked, where, what)
    try:
        check_tables(conn, REQUIRED_TABLES, where, what)
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        if "notetypes" in names:
            check_tables(conn, NEW_SCHEMA_TABLES, where, what)
        if with_revlog:
            check_tables(conn, ("revlog",), where, what)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise InputError(where, f"not {what} ({error})") from None
    except InputError:
        conn.close()
        raise
    return conn


def _schema(conn: sqlite3.Connection, where: str) -> Collection:
    row = conn.execute("SELECT crt, models, decks FROM col").fetchone()
    if row is None:
        raise InputError(where, "not a readable Anki collection (the col table is empty)")
    crt, models, decks = row
    try:
        collection = Collection(_moment(crt, "col.crt"))
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'notetypes'").fetchone():
            _new_schema(conn, collection)
        else:
            _old_schema(
                _json(models, "col.models", where), _json(decks, "col.decks", where), collection
            )
    except (ValueError, ProtobufError) as error:
        raise InputError(where, f"not a readable Anki collection: {error}") from None
    return collection


def _json(text: object, what: str, where: str) -> dict[str, Any]:
    """A JSON object from a column, with the limits of importers/limits.py."""
    if text is None or text == "":
        return {}
    if not isinstance(text, str):
        raise ValueError(f"{what} is not text")
    value = load_json(text, f"{where}:{what}")
    problem = value_problem(value)
    if problem:
        raise ValueError(f"{what}: {problem}")
    if not isinstance(value, dict):
        raise ValueError(f"{what} is not a JSON object")
    return value


def _whole(value: object, what: str, low: int = INT64_MIN, high: int = INT64_MAX) -> int:
    """A column that must hold a whole number in [low, high]; ValueError naming it."""
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValueError(f"{what} must be a whole number from {low} to {high}, not {value!r:.40}")
    return value


def _text(value: object, what: str) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{what} must be text, not {value!r:.40}")
    return value


def _moment(seconds: object, what: str) -> datetime:
    """A Unix time in seconds (whole or not) between 1970 and 9999 as a UTC datetime."""
    if not isinstance(seconds, int | float) or isinstance(seconds, bool):
        raise ValueError(f"{what} must be a number, not {seconds!r:.40}")
    if not 0 <= seconds <= LAST_SECOND:
        raise ValueError(f"{what} is not a time between 1970 and 9999 ({seconds!r:.40})")
    return datetime.fromtimestamp(seconds, UTC)


def _new_schema(conn: sqlite3.Connection, collection: Collection) -> None:
    """Schema 18: note types, fields, templates and decks in tables, configs in protobuf."""
    for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes"):
        if not isinstance(config, bytes):
            raise ValueError(f"notetypes.config of note type {ntid!r:.40} is not a blob")
        kind = first_int(fields(config), 1)
        collection.note_types[_whole(ntid, "notetypes.id")] = NoteType(
            _text(name, "notetypes.name"), kind == CLOZE_KIND, []
        )
    for ntid, _ord, name in conn.execute("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"):
        if ntid in collection.note_types:
            collection.note_types[ntid].fields.append(_text(name, "fields.name"))
    for did, name in conn.execute("SELECT id, name FROM decks"):
        collection.decks[_whole(did, "decks.id")] = _deck_name(name, "decks.name").replace(
            "\x1f", "::"
        )


def _deck_name(name: object, what: str) -> str:
    text = _text(name, what)
    if len(text) > MAX_NAME:
        raise ValueError(f"{what} is longer than {MAX_NAME} characters")
    return text


def _old_schema(models: dict[str, Any], decks: dict[str, Any], collection: Collection) -> None:
    """Schema 11: note types and decks as JSON in the col table."""
    for mid, model in models.items():
        what = f"col.models[{mid[:20]!r}]"
        if not isinstance(model, dict) or not isinstance(model.get("flds"), list):
            raise ValueError(f"{what} must be an object with a list of fields")
        fields_ = model["flds"]
        for entry in fields_:
            if not isinstance(entry, dict):
                raise ValueError(f"{what}.flds must hold objects")
            _text(entry.get("name"), f"{what}.flds name")
            _whole(entry.get("ord"), f"{what}.flds ord", 0, MAX_FIELDS)
        names = [f["name"] for f in sorted(fields_, key=lambda f: f["ord"])]
        kind = model.get("type", 0)
        collection.note_types[_whole(_id(mid), what)] = NoteType(
            _text(model.get("name"), f"{what}.name"), kind == CLOZE_KIND, names
        )
    for did, deck in decks.items():
        what = f"col.decks[{did[:20]!r}]"
        if not isinstance(deck, dict):
            raise ValueError(f"{what} must be an object")
        collection.decks[_whole(_id(did), what)] = _deck_name(deck.get("name"), f"{what}.name")


def _id(key: str) -> int | None:
    """A JSON object key that must be an id (digits)."""
    stripped = key.lstrip("-")
    return int(key) if stripped.isdigit() and len(stripped) <= 19 else None


def _notes(
    conn: sqlite3.Connection,
    collection: Collection,
    problems: Problems,
    options: ImportOptions,
    where: str,
    deck_name: str,
) -> tuple[Sequence[Note], list[CardSchedule], set[str]]:
    """The collection's notes, read in batches and checked column by column.

    Plain two-sided notes (no media, no fields beyond front and back, no reverse card) come back
    as columns (a `NoteTable` when all are plain and of one deck), as a big CSV file does,
    not as an object per note; a batch of them is read with a few calls over whole columns.
    A collection of nothing but such notes, in one deck, is read with one query instead
    (`_plain_table`).
    """
    budget = Budget(where)
    cards: dict[int, list[Card]] = {}
    unchecked = options.keep_schedule or conn.execute(ANY_CARD_UNCHECKED).fetchone()
    # only with SQLite's strict decoding: a text that is not UTF-8 is replaced value by value
    if not unchecked and conn.text_factory is str:
        table = _plain_table(conn, collection, budget, deck_name)
        if table is not None:
            return table, [], set()
    # a card in a filtered deck keeps its home deck in odid
    homes = [] if options.keep_schedule else conn.execute(CARD_HOMES).fetchall()
    if unchecked:
        # every column is needed, or some value is wrong: each card checked and kept
        cards = _cards(conn, budget, where)
        homes = [(c.nid, c.ord, c.odid or c.did) for group in cards.values() for c in group]
    deck_of, reversed_ = _card_facts(homes, collection.decks)
    revlog = _revlog(conn, where) if options.keep_schedule else {}
    note_types = collection.note_types
    made: list[PlainNotes | list[Note]] = []  # in the collection's order
    schedules: list[CardSchedule] = []
    wanted: set[str] = set()
    tag_sets: dict[str, tuple[str, ...]] = {}
    rows = conn.execute("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id")
    while batch := rows.fetchmany(BATCH):
        columns = tuple(zip(*batch, strict=True))
        nids, guids, mids, tags, flds = columns
        texts = budget.take_columns(guids, tags, flds)
        plain = None
        if texts and not options.keep_schedule and reversed_.isdisjoint(nids):
            plain = _plain_batch(columns, note_types, deck_of)
        if plain is not None:
            made.append(_with_tags(plain, tags, tag_sets))
            continue
        for nid, guid, mid, tag_text, fields_text in batch:
            at = f"note {nid!r:.40}"
            if type(nid) is not int or not type(guid) is type(tag_text) is type(fields_text) is str:
                problems.bad("id, guid, tags or fields of the wrong type", at=at)
                continue
            note_type = note_types.get(mid)
            if note_type is None:
                problems.bad(f"unknown note type {mid!r:.40}", at=at)
                continue
            deck, reverse = deck_of.get(nid), nid in reversed_
            sides = _plain_note(note_type, fields_text, reverse)
            if sides is not None:
                made.append(
                    _with_tags(([guid], [sides[0]], [sides[1]], [deck], []), (tag_text,), tag_sets)
                )
            else:
                its_tags = tuple(tag_text.split())
                result = _anki_note(note_type, guid, deck, its_tags, fields_text, reverse)
                if isinstance(result, str):
                    problems.bad(result, at=at)
                    continue
                made.append(result)
                for note in result:
                    wanted.update(note.extra.get("media", []))
            if cards.get(nid) and options.keep_schedule:
                try:
                    schedules.extend(_schedules(guid, note_type, cards[nid], collection, revlog))
                except ValueError as error:
                    problems.bad(f"schedule: {error}", at=at)
    return _as_notes(made, deck_name), schedules, wanted


BATCH = 10_000  # rows read at a time: what one file produces is counted batch by batch
# Plain notes as columns: guids, questions, answers, the deck each is in, tags.
PlainNotes = tuple[list[str], list[str], list[str], list[str | None], list[tuple[str, ...]]]


def _card_facts(
    cards: list[tuple[int, int, int]], decks: dict[int, str]
) -> tuple[dict[int, str | None], set[int]]:
    """From every card (nid, ord, home deck): each note's deck, that of its first card
    (by ord) whose deck is known, and the notes with a reverse card."""
    nids, ords, homes = zip(*cards, strict=True) if cards else ((), (), ())
    if len(set(nids)) == len(nids) and max(ords, default=0) == 0:  # one card a note
        return dict(zip(nids, map(decks.get, homes), strict=True)), set()
    deck_of: dict[int, str | None] = {}
    reversed_ = set()
    for nid, ord_, home in sorted(cards):
        if deck_of.get(nid) is None:
            deck_of[nid] = decks.get(home)
        if ord_ >= 1:
            reversed_.add(nid)
    return deck_of, reversed_


def _plain_batch(
    columns: tuple[Sequence[Any], ...],
    note_types: dict[int, NoteType],
    deck_of: dict[int, str | None],
) -> PlainNotes | None:
    """A batch of note rows (none with a reverse card), given as its columns (id, guid, mid,
    tags, flds) with every guid, tags and fields text, as plain notes when every one is,
    checked over whole columns: whole-number ids, known basic note types, no HTML, entity,
    sound or line break, nothing beyond a front and a back.
    None: read the batch note by note (`_plain_note` and `_anki_note` word any problem)."""
    nids, guids, mids, _tags, flds = columns
    if not _all_of_type(nids, int):
        return None
    for mid in set(mids):
        note_type = note_types.get(mid)
        if note_type is None or note_type.cloze:
            return None
    sides = _plain_sides(NOTE_SEPARATOR.join(flds), len(flds))
    if sides is None:
        return None
    return list(guids), *sides, list(map(deck_of.get, nids)), []


def _plain_sides(text: str, count: int) -> tuple[list[str], list[str]] | None:
    """The tidied fronts and backs of `count` notes when every one is plain (no HTML,
    entity, sound or line break, nothing beyond a front and a back), checked over all of
    them at once. `text` is their fields texts between NOTE_SEPARATOR.
    None: some note is not, or holds that separator; read note by note."""
    if "<" in text or "&" in text or SOUND_OPEN in text or "\n" in text:
        return None
    size = _fields_each(text, count)
    if size < 2:
        return None  # notes of two field counts, or of one field: read note by note
    fields = text.replace(NOTE_SEPARATOR, "\x1f").split("\x1f")
    questions, answers = fields[0::size], fields[1::size]
    rest = [fields[n::size] for n in range(2, size)]
    if any(map(any, rest)) and not "".join(chain.from_iterable(rest)).isspace():
        return None
    if not _tidy_already(questions + answers):
        # one line each: tidy() is the spaces collapsed
        questions = list(map(" ".join, map(str.split, questions)))
        answers = list(map(" ".join, map(str.split, answers)))
        if not all(questions) or not all(answers):
            return None
    return questions, answers


NOTE_SEPARATOR = "\x1e"  # between two notes' fields texts (Anki's is "\x1f" between fields)
# Every byte but the two separators, to drop from the encoded text and keep only them.
NOT_SEPARATORS = bytes(byte for byte in range(256) if byte not in b"\x1e\x1f")


def _fields_each(text: str, count: int) -> int:
    """How many fields each of the `count` notes in `text` has, when all have as many (the
    separators alone, in order, are those of one note, then a note separator, and so on),
    else 0. In UTF-8 neither separator byte is ever part of another character."""
    separators = text.encode("utf-8", "surrogatepass").translate(None, NOT_SEPARATORS)
    size = separators.count(b"\x1f") // max(count, 1) + 1
    note = b"\x1f" * (size - 1)
    return size if count and separators == (note + b"\x1e") * (count - 1) + note else 0


# The cards' count, highest ord and lowest and highest home deck: whether some note has a
# reverse card or the cards are in several decks (cards are checked first: no value here
# is NULL or of a wrong type).
CARD_DECKS = """SELECT count(*), max(ord), min(IIF(odid, odid, did)), max(IIF(odid, odid, did))
                FROM cards"""
# Every note at once: checks of its columns, and each text column joined into one text in
# the notes' order (group_concat in C instead of a Python row per note).
NOTE_COLUMNS = """
    SELECT count(*),
           count(*) FILTER (WHERE typeof(id) <> 'integer' OR typeof(mid) <> 'integer'
                            OR typeof(guid) <> 'text' OR typeof(tags) <> 'text'
                            OR typeof(flds) <> 'text'),
           count(*) FILTER (WHERE id NOT IN (SELECT nid FROM cards)),
           min(mid), max(mid),
           group_concat(guid, char(31)), group_concat(tags, char(31)),
           group_concat(flds, char(30))  -- NOTE_SEPARATOR
    FROM {notes}"""
# The fields of the first notes, a look that spares the whole query when they are not plain.
FIRST_FIELDS = "SELECT flds FROM notes ORDER BY id LIMIT ?"
FIRST_NOTES = 1000
# The notes in the order of their ids: sorted, or as a scan of the table walks its b-tree
# when id is the rowid (no index taken instead, none sorted: about 40 ms on 100,000 notes).
NOTES_BY_ID = "(SELECT id, guid, mid, tags, flds FROM notes ORDER BY id)"
NOTES_BY_ROWID = "notes NOT INDEXED"
# A piece of the notes, from one id to another (id is the rowid: found, not sorted), and
# the id that ends a piece of so many notes from an id on (the rowid's b-tree walked, no
# note read).
NOTES_BETWEEN = "(SELECT id, guid, mid, tags, flds FROM notes NOT INDEXED WHERE id BETWEEN ? AND ?)"
PIECE_END = "SELECT id FROM notes WHERE id >= ? ORDER BY id LIMIT 1 OFFSET ?"


def _id_is_rowid(conn: sqlite3.Connection) -> bool:
    """Whether notes.id is the table's rowid (an INTEGER PRIMARY KEY, as Anki makes it): its
    only primary key column, with no index of its own (a primary key that is not the rowid,
    as in a WITHOUT ROWID table, has one: origin 'pk')."""
    keys = [str(row[1]).lower() for row in conn.execute("PRAGMA table_info(notes)") if row[5]]
    key_index = any(row[3] == "pk" for row in conn.execute("PRAGMA index_list(notes)"))
    return keys == ["id"] and not key_index


def _plain_table(
    conn: sqlite3.Connection, collection: Collection, budget: Budget, deck_name: str
) -> NoteTable | None:
    """Every note as one `NoteTable`, when all are plain notes of one basic note type, each
    with its own guid, in one deck with one card each (or none with a card), read from a
    query that returns each column as one text, split in C: no Python object per row.
    None: read the notes batch by batch, which words any problem. Cards must be checked."""
    plain, deck = _plain_look(conn, collection)
    if not plain:
        return None
    notes = NOTES_BY_ROWID if _id_is_rowid(conn) else NOTES_BY_ID
    return _notes_table(conn, notes, (), collection, budget, deck, deck_name)


def _plain_look(conn: sqlite3.Connection, collection: Collection) -> tuple[bool, str | None]:
    """Whether the collection may be read as plain notes, by a look at its first notes and
    its cards (no reverse card, one deck); and that deck, if its cards have a known one."""
    first = [row[0] for row in conn.execute(FIRST_FIELDS, (FIRST_NOTES,))]
    if (
        not first
        or not _all_of_type(first, str)
        or _plain_sides(NOTE_SEPARATOR.join(first), len(first)) is None
    ):
        return False, None  # the first notes are not plain: no use joining every column
    cards, most_ord, home, other_home = conn.execute(CARD_DECKS).fetchone()
    if cards and (most_ord != 0 or home != other_home):
        return False, None  # reverse cards or several decks
    return True, collection.decks.get(home) if cards else None


def _notes_table(
    conn: sqlite3.Connection,
    notes: str,
    params: tuple[int, ...],
    collection: Collection,
    budget: Budget,
    deck: str | None,
    deck_name: str,
) -> NoteTable | None:
    """The notes of `notes` (a table or subquery, with its `params`) as a `NoteTable` of
    `deck` (else `deck_name`) when every one is plain, their text counted in `budget`.
    None: some note is not plain (see `_plain_table`)."""
    try:
        row = conn.execute(NOTE_COLUMNS.format(notes=notes), params).fetchone()
    except sqlite3.DataError:  # a joined column is longer than SQLite's longest text
        return None
    count, wrong, cardless, mid, other_mid, guid_text, tag_text, field_text = row
    note_type = collection.note_types.get(mid)
    if (
        not count
        or wrong
        or (deck is not None and cardless)  # notes without a card have no deck
        or mid != other_mid
        or note_type is None
        or note_type.cloze
    ):
        return None
    if not all(isinstance(text, str) for text in (guid_text, tag_text, field_text)):
        return None
    guids, tags = guid_text.split("\x1f"), tag_text.split("\x1f")
    if not len(guids) == len(tags) == count:
        return None  # a separator inside some guid or tags
    text_length = len(guid_text) + len(tag_text) + len(field_text) - 3 * (count - 1)
    if budget.used + text_length > budget.cap:
        return None  # read batch by batch, to stop where the cap is passed
    sides = _plain_sides(field_text, count)
    if sides is None or len(set(guids)) != count:
        return None
    budget.used += text_length
    tag_sets = {text: tuple(text.split()) for text in set(tags)}
    return NoteTable(
        deck if deck is not None else deck_name,
        guids,
        *sides,
        list(map(tag_sets.__getitem__, tags)),
        [None] * count,
    )


def _tidy_already(fields: list[str]) -> bool:
    """Whether `tidy` leaves each of these one-line fields (two or more) as it is and none is
    empty: ASCII with no space but single blanks between words."""
    # Joined by blanks, a blank at either end of a field, or an empty field, makes two in a
    # row or one at an end: one search (searching for two characters is slow) finds those
    # and every run of blanks at once.
    text = " ".join(fields)
    return (
        text.isascii()
        and not text.startswith(" ")
        and not text.endswith(" ")
        and "  " not in text
        and not any(space in text for space in OTHER_SPACES)
    )


# Spaces that make an ASCII field untidy wherever they are (tidy() makes each a blank).
OTHER_SPACES = tuple("\t\r\x0b\x0c\x1c\x1d\x1e")


def _with_tags(
    plain: PlainNotes, tags: Sequence[str], tag_sets: dict[str, tuple[str, ...]]
) -> PlainNotes:
    """The plain notes with their tags, the notes with the same text of tags sharing one
    tuple (the store encodes each distinct tuple once)."""
    new = set(tags).difference(tag_sets)
    tag_sets.update({text: tuple(text.split()) for text in new})
    plain[4].extend(map(tag_sets.__getitem__, tags))
    return plain


def _as_notes(made: list[PlainNotes | list[Note]], deck_name: str) -> Sequence[Note]:
    """The notes as a `NoteTable` when every one is plain, of one deck, with its own guid;
    else as a list of Notes in the collection's order."""
    if made and all(isinstance(entry, tuple) for entry in made):
        chunks: list[PlainNotes] = made  # type: ignore[assignment]
        guids, questions, answers, decks, tags = (
            list(chain.from_iterable(column)) for column in zip(*chunks, strict=True)
        )
        if decks.count(decks[0]) == len(decks) and len(set(guids)) == len(guids):
            # notes of no known deck go to the import's deck, as a None deck does
            deck = decks[0] if decks[0] is not None else deck_name
            return NoteTable(deck, guids, questions, answers, tags, [None] * len(guids))
    notes: list[Note] = []
    for entry in made:
        if isinstance(entry, tuple):
            for guid, question, answer, deck_of, tag_list in zip(*entry, strict=True):
                notes.append(Note(question, answer, guid, deck_of, tags=tag_list))
        else:
            notes.extend(entry)
    return notes


def _plain_note(note_type: NoteType, flds: str, reverse: bool) -> tuple[str, str] | None:
    """Front and back of a note that is only that: a basic note with one card, no media and
    no other field that is not empty, as `_anki_note` would read it. None: read it there."""
    if note_type.cloze or reverse:
        return None
    raw = flds.split("\x1f")
    if len(raw) < 2:
        return None
    if "<" in flds or "&" in flds or SOUND_OPEN in flds:
        texts = [html_to_text(value) for value in raw]
        if any(text.media for text in texts) or any(text.text for text in texts[2:]):
            return None
        question, answer = texts[0].text, texts[1].text
    else:
        if any(raw[2:]) and any(map(tidy, raw[2:])):
            return None
        question, answer = tidy(raw[0]), tidy(raw[1])
    if not question or not answer:
        return None  # `_anki_note` words the problem
    return question, answer


class Card(NamedTuple):
    """A row of Anki's cards table, each column checked for its type and range."""

    nid: int
    ord: int
    did: int
    odid: int
    type: int
    queue: int
    due: int
    ivl: int
    factor: int
    data: str
    id: int
    left: int


# Each checked column of a card: its index, name and range.
CARD_CHECKS = (
    (0, "nid", INT64_MIN, INT64_MAX),
    (1, "ord", 0, MAX_FIELDS),
    (2, "did", INT64_MIN, INT64_MAX),
    (3, "odid", INT64_MIN, INT64_MAX),
    (4, "type", 0, 3),
    (5, "queue", -3, 4),
    (6, "due", INT32_MIN * 1000, LAST_SECOND),
    (7, "ivl", -LAST_SECOND, MAX_DAYS),
    (8, "factor", 0, 100_000),
    (10, "id", INT64_MIN, INT64_MAX),
    (11, "left", 0, INT32_MAX),
)
CARD_DATA = 9
# Each card's note, ord and home deck, as `_card` takes them (a NULL or empty odid read as 0)
CARD_HOMES = "SELECT nid, ord, IIF(odid, odid, did) FROM cards"
# A card with some value `_card` would refuse or change (a NULL or empty one read as 0), if
# any. Asked apart from CARD_HOMES: SQLite runs these checks in a WHERE clause at about half
# their cost as a result column, and no flag per card travels to Python.
ANY_CARD_UNCHECKED = "SELECT 1 FROM cards WHERE NOT ({}) LIMIT 1".format(
    " AND ".join(
        f"typeof({name}) = 'integer'"
        + ("" if (low, high) == (INT64_MIN, INT64_MAX) else f" AND {name} BETWEEN {low} AND {high}")
        for _, name, low, high in CARD_CHECKS
    )
)


def _cards(conn: sqlite3.Connection, budget: Budget, where: str) -> dict[int, list[Card]]:
    """Each note's cards in order, every column checked a whole batch at a time; a batch
    that does not pass is checked card by card to name the first wrong value."""
    cards: dict[int, list[Card]] = {}
    rows = conn.execute(
        """SELECT nid, ord, did, odid, type, queue, due, ivl, factor, data, id, left
           FROM cards ORDER BY nid, ord"""
    )
    while batch := rows.fetchmany(BATCH):
        columns = list(zip(*batch, strict=True))
        budget.take_columns(columns[CARD_DATA])
        if all(_whole_column(columns[i], low, high) for i, _, low, high in CARD_CHECKS) and (
            _all_of_type(columns[CARD_DATA], str)
        ):
            checked = list(map(Card._make, batch))
        else:
            checked = [_card(row, where) for row in batch]
        for card in checked:
            group = cards.get(card.nid)
            if group is None:
                cards[card.nid] = [card]
            else:
                group.append(card)
    return cards


def _all_of_type(column: Sequence[object], kind: type) -> bool:
    return set(map(type, column)) <= {kind}


def _whole_column(column: Sequence[Any], low: int, high: int) -> bool:
    """Whether every value is a whole number (never NULL) in [low, high]."""
    return _all_of_type(column, int) and low <= min(column) and max(column) <= high


def _revlog(conn: sqlite3.Connection, where: str) -> dict[int, list[tuple[int, int, int, int]]]:
    """Each card's review log (id, ease, time, type), checked a batch at a time."""
    revlog: dict[int, list[tuple[int, int, int, int]]] = {}
    rows = conn.execute("SELECT cid, id, ease, time, type FROM revlog ORDER BY cid, id")
    while batch := rows.fetchmany(BATCH):
        cid, stamp, ease, took, kind = zip(*batch, strict=True)
        if not (
            _whole_column(cid, INT64_MIN, INT64_MAX)
            and _whole_column(stamp, 0, LAST_SECOND * 1000)
            and _whole_column(ease, -1, 1000)
            and _whole_column(took, INT32_MIN, INT32_MAX)
            and _whole_column(kind, -1, 1000)
        ):
            _revlog_problem(batch, where)
        for row in batch:
            revlog.setdefault(row[0], []).append(row[1:])
    return revlog


def _revlog_problem(rows: list[tuple[Any, ...]], where: str) -> None:
    """Raise the InputError naming the first wrong value of these review log rows."""
    for row in rows:
        try:
            _whole(row[0], "cid")
            _whole(row[1], "id", 0, LAST_SECOND * 1000)
            _whole(row[2], "ease", -1, 1000)
            _whole(row[3], "time", INT32_MIN, INT32_MAX)
            _whole(row[4], "type", -1, 1000)
        except ValueError as error:
            raise InputError(where, f"revlog {row[1]!r:.40}: {error}") from None


def _card(row: tuple[Any, ...], where: str) -> Card:
    nid, ord_, did, odid, ctype, queue, due, ivl, factor, data, cid, left = row
    try:
        return Card(
            _whole(nid, "nid"),
            _whole(ord_, "ord", 0, MAX_FIELDS),
            _whole(did, "did"),
            _whole(odid or 0, "odid"),
            _whole(ctype, "type", 0, 3),
            _whole(queue, "queue", -3, 4),
            _whole(due, "due", INT32_MIN * 1000, LAST_SECOND),
            _whole(ivl, "ivl", -LAST_SECOND, MAX_DAYS),
            _whole(factor or 0, "factor", 0, 100_000),
            data if isinstance(data, str) else "",
            _whole(cid, "id"),
            _whole(left or 0, "left", 0, INT32_MAX),
        )
    except ValueError as error:
        raise InputError(where, f"card {cid!r:.40}: {error}") from None


def _anki_note(
    note_type: NoteType,
    guid: str,
    deck: str | None,
    tags: tuple[str, ...],
    flds: str,
    reverse: bool,
) -> list[Note] | str:
    raw = flds.split("\x1f")
    texts = [html_to_text(value) for value in raw]
    media = [name for text in texts for name in text.media]
    names = [n.lower() for n in note_type.fields] + [""] * max(0, len(raw) - len(note_type.fields))
    extra: NoteExtra = {}
    if media:
        extra["media"] = list(dict.fromkeys(media))
        # which side each picture is on: the first field is the question's (the cloze text)
        if texts[0].media:
            extra["front_media"] = list(dict.fromkeys(texts[0].media))
    if note_type.cloze:
        text = texts[0].text
        try:
            numbers = cloze_numbers(text)
        except ValueError as error:
            return str(error)
        if not numbers:
            return "cloze note without {{c1::...}}"
        if len(texts) > 1 and texts[1].text:
            extra["back_extra"] = texts[1].text
        notes = []
        for number in numbers:
            question, answer = cloze_card(text, number)
            notes.append(
                Note(
                    question=question,
                    answer=answer,
                    guid=f"{guid}-c{number}",
                    deck=deck,
                    kind="cloze",
                    tags=tags,
                    extra={**extra, "cloze": text, "cloze_number": number},
                )
            )
        return notes
    if len(texts) < 2:
        return f"note type {note_type.name!r} has one field; expected a front and a back"
    question, answer = texts[0].text, texts[1].text
    if not question:
        return "empty front"
    if not answer:
        return "empty back"
    lists: dict[str, tuple[str, ...]] = {"alternatives": (), "distractors": ()}
    sources: tuple[SourceRef, ...] = ()
    others: dict[str, str] = {}
    # A note may hold fewer fields than its type names (Anki pads them), or more.
    for name, value in zip(names[2:], texts[2:], strict=False):
        lines = tuple(line for line in value.text.split("\n") if line)
        if name in LIST_FIELDS:
            lists[LIST_FIELDS[name]] = lines
        elif name == "sources":
            sources = tuple(_source(line) for line in lines)
        elif value.text:
            others[name or f"field {len(others) + 3}"] = value.text
    if others:
        extra["fields"] = others
    return [
        Note(
            question=question,
            answer=answer,
            guid=guid,
            deck=deck,
            alternatives=lists["alternatives"],
            distractors=lists["distractors"],
            tags=tags,
            sources=sources,
            reverse=reverse,
            extra=extra,
        )
    ]


def _source(line: str) -> SourceRef:
    document, sep, sentence = line.rpartition(", sentence ")
    if sep and sentence.isdigit():
        return SourceRef(document, int(sentence))
    return SourceRef(line)


def _schedules(
    guid: str,
    note_type: NoteType,
    cards: list[Card],
    collection: Collection,
    revlog: dict[int, list[tuple[int, int, int, int]]],
) -> list[CardSchedule]:
    """Anki's card states as FSRS states: type 0-3 are the same four; FSRS memory from the
    card's data when Anki ran FSRS, else stability from the interval and difficulty from ease.
    The card's review log comes along. ValueError for a time or number out of range."""
    found = []
    created = collection.created.timestamp()
    for card in cards:
        if card.type not in (1, 2, 3):
            continue
        if note_type.cloze:
            card_guid, ord_ = f"{guid}-c{card.ord + 1}", 0
        else:
            card_guid, ord_ = guid, min(card.ord, 1)
        memory = _json_object(card.data)
        if card.type == 2 or card.queue == 3:
            when = _moment(created + 86400 * card.due, f"card {card.id}: due (day {card.due})")
        else:
            when = _moment(card.due, f"card {card.id}: due")
        interval = card.ivl if card.ivl > 0 else -card.ivl / 86400
        stability = _memory(memory, "s", 0.001, MAX_DAYS * 10) or max(interval, 0.1)
        ease = (card.factor or 2500) / 1000
        difficulty = _memory(memory, "d", 1.0, 10.0) or round(
            min(10.0, max(1.0, 11 - (ease - 1.3) * 6)), 2
        )
        reviews = _past_reviews(revlog.get(card.id, []))
        last: datetime | None = None
        if reviews:
            last = reviews[-1].reviewed_at
        elif card.type == 2:
            last = _moment(
                when.timestamp() - 86400 * max(interval, 0), f"card {card.id}: last review"
            )
        found.append(
            CardSchedule(
                card_guid,
                ord_,
                card.type,
                when,
                stability,
                difficulty,
                last,
                card.queue == -1,
                reviews,
                # Anki counts the steps left in the last three digits of `left`
                card.left % 1000 if card.type in (1, 3) else None,
            )
        )
    return found


def _memory(memory: dict[str, Any], key: str, low: float, high: float) -> float | None:
    """FSRS stability or difficulty from a card's data: a number in [low, high], or None."""
    value = memory.get(key)
    if isinstance(value, int | float) and not isinstance(value, bool) and low <= value <= high:
        return float(value)
    return None


def _past_reviews(entries: list[tuple[int, int, int, int]]) -> tuple[PastReview, ...]:
    """Anki's revlog rows (id in ms, ease, time in ms, type) as reviews: type 0 is learning
    (the first one answers a new card), 1 review, 2 relearning, 3 a filtered-deck review;
    rescheduling entries (ease 0, types 4 and 5) are no answers and are left out."""
    reviews: list[PastReview] = []
    for stamp, ease, took, kind in entries:
        if ease not in (1, 2, 3, 4) or kind not in (0, 1, 2, 3):
            continue
        if kind == 0:
            state = 1 if any(r.state_before in (0, 1) for r in reviews) else 0
        else:
            state = {1: 2, 2: 3, 3: 2}[kind]
        when = datetime.fromtimestamp(stamp / 1000, UTC)
        reviews.append(PastReview(when, ease, took if took > 0 else None, state))
    return tuple(reviews)


def _json_object(text: str) -> dict[str, Any]:
    """A card's data: FSRS memory as a small JSON object; anything else counts as none."""
    if not text or len(text) > 10_000:
        return {}
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def _media(
    archive: zipfile.ZipFile,
    names: set[str],
    wanted: set[str],
    compressed: bool,
    where: str,
    warn: Warn | None,
) -> list[MediaFile]:
    """The media files notes refer to, read from the package under their index names."""
    if not wanted or "media" not in names:
        return []
    index = _media_index(archive, compressed, where)
    found: list[MediaFile] = []
    total = 0
    for original in sorted(wanted):
        entry = index.get(original)
        if entry is None or entry not in names:
            if warn:
                warn(f"{where}: media file {original!r} is not in the package")
            continue
        data = _read_entry(archive, entry, MAX_MEDIA_FILE_BYTES, compressed, where)
        total += len(data)
        if total > MAX_MEDIA_TOTAL_BYTES:
            raise InputError(where, f"media unpack to more than {MAX_MEDIA_TOTAL_BYTES // MIB} MiB")
        found.append(MediaFile(original, bytes(data)))
    return found


def _media_index(archive: zipfile.ZipFile, compressed: bool, where: str) -> dict[str, str]:
    """Media name -> zip entry: JSON {"0": "name"} in old packages, protobuf in new ones."""
    data = bytes(_read_entry(archive, "media", 64 * MIB, compressed, where))
    try:
        if not compressed:
            mapping = load_json(data.decode("utf-8") or "{}", f"{where}:media")
            if not isinstance(mapping, dict) or not all(
                isinstance(n, str) for n in mapping.values()
            ):
                raise ValueError("not an object of names")
            return {name: entry for entry, name in mapping.items()}
        index = {}
        for position, raw in enumerate(fields(data).get(1, [])):
            if isinstance(raw, bytes):
                entry = fields(raw)
                legacy = first_int(entry, 255, -1)
                index[first_text(entry, 1)] = str(legacy if legacy >= 0 else position)
        return index
    except (ValueError, AttributeError) as error:
        raise InputError(where, f"media: unreadable list of media files ({error})") from None
