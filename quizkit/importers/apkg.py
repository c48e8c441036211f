"""Anki packages (.apkg, .colpkg): notes, decks, tags, media and, if asked, the schedule.

Reads `collection.anki21b` (zstd-compressed, schema 18, Anki's current default) before
`collection.anki21` and `collection.anki2`, so the old-format placeholder that newer Anki
puts beside the real collection is never taken for it.

Packages are untrusted: entries are never extracted by name, every read is capped (zip and
zstd bombs), the collection is loaded into memory read-only and checked to be an Anki
collection, and media are read only when a note refers to them.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path, PurePosixPath
from typing import IO, Any

from quizkit.errors import InputError
from quizkit.extra import NoteExtra
from quizkit.importers import (
    CardSchedule,
    ImportBatch,
    ImportOptions,
    MediaFile,
    PastReview,
    Problems,
    Warn,
    default_deck_name,
)
from quizkit.importers.ankihtml import cloze_card, cloze_numbers, html_to_text
from quizkit.importers.protobuf import ProtobufError, fields, first_int, first_text
from quizkit.models import DeckInfo, Note, SourceRef

MIB = 1 << 20
MAX_COLLECTION_BYTES = 512 * MIB
MAX_MEDIA_FILE_BYTES = 100 * MIB
MAX_MEDIA_TOTAL_BYTES = 512 * MIB
MAX_ENTRIES = 200_000
COLLECTIONS = ("collection.anki21b", "collection.anki21", "collection.anki2")
REQUIRED_TABLES = {"col", "notes", "cards"}
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
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise InputError(where, f"not an Anki package ({error})") from None
    with archive:
        names = _checked_names(archive, where)
        chosen = next((name for name in COLLECTIONS if name in names), None)
        if chosen is None:
            raise InputError(where, "not an Anki package (no collection.anki2/anki21/anki21b)")
        compressed = chosen.endswith("b")
        data = _read_entry(archive, chosen, MAX_COLLECTION_BYTES, compressed, where)
        conn = _open_collection(data, f"{where}:{chosen}")
        del data  # SQLite holds its own copy
        try:
            collection = _schema(conn, f"{where}:{chosen}")
            problems = Problems(where, options.skip_bad)
            deck_name = default_deck_name(path, options)
            notes, schedules, wanted = _notes(conn, collection, problems, options)
        except sqlite3.Error as error:
            raise InputError(f"{where}:{chosen}", f"unreadable Anki collection ({error})") from None
        finally:
            conn.close()
        media = _media(archive, names, wanted, compressed, where, warn)
    return ImportBatch(DeckInfo(deck_name), notes, problems.skipped, media, schedules)


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


def _read_entry(
    archive: zipfile.ZipFile, name: str, cap: int, compressed: bool, where: str
) -> bytearray:
    """An entry's bytes, zstd-decompressed when asked; stops as soon as it passes `cap`."""
    info = archive.getinfo(name)
    if not compressed and info.file_size > cap:
        raise InputError(where, f"{name}: unpacks to more than {cap // MIB} MiB")
    try:
        with archive.open(info) as raw:
            stream: IO[bytes] = raw
            if compressed:
                import zstandard

                stream = zstandard.ZstdDecompressor().stream_reader(raw)
            data = bytearray()
            while chunk := stream.read(MIB):
                data += chunk
                if len(data) > cap:
                    raise InputError(where, f"{name}: unpacks to more than {cap // MIB} MiB")
    except (zipfile.BadZipFile, OSError, EOFError) as error:
        raise InputError(where, f"{name}: damaged ({error})") from None
    except (RuntimeError, NotImplementedError) as error:  # encrypted, unknown compression
        raise InputError(where, f"{name}: cannot be read ({error})") from None
    except Exception as error:  # zstandard.ZstdError, raised for corrupt frames
        if type(error).__name__ != "ZstdError":
            raise
        raise InputError(where, f"{name}: damaged zstd data ({error})") from None
    return data


def _open_collection(data: bytearray, where: str) -> sqlite3.Connection:
    """The collection in memory, read-only, refusing anything but an Anki collection."""
    if not data.startswith(b"SQLite format 3\x00"):
        raise InputError(where, "not an Anki collection (not an SQLite database)")
    if data[18:20] == b"\x02\x02":
        # A WAL-mode file (as Anki writes them) cannot be opened in memory; mark it rollback.
        data[18:20] = b"\x01\x01"  # in place: a collection may be hundreds of MB
    conn = sqlite3.connect(":memory:")
    # Invalid UTF-8 in a field becomes U+FFFD instead of an error half-way through.
    conn.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
    try:
        conn.deserialize(data)
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
    except sqlite3.DatabaseError as error:
        conn.close()
        raise InputError(where, f"not an Anki collection ({error})") from None
    if not tables >= REQUIRED_TABLES:
        conn.close()
        raise InputError(where, "not an Anki collection (no notes, cards and col tables)")
    return conn


def _schema(conn: sqlite3.Connection, where: str) -> Collection:
    try:
        crt, models, decks = conn.execute("SELECT crt, models, decks FROM col").fetchone()
        collection = Collection(datetime.fromtimestamp(int(crt), UTC))
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'notetypes'").fetchone():
            _new_schema(conn, collection)
        else:
            _old_schema(json.loads(models or "{}"), json.loads(decks or "{}"), collection)
    except (sqlite3.Error, ValueError, TypeError, KeyError, ProtobufError) as error:
        raise InputError(where, f"not a readable Anki collection ({error})") from None
    return collection


def _new_schema(conn: sqlite3.Connection, collection: Collection) -> None:
    """Schema 18: note types, fields, templates and decks in tables, configs in protobuf."""
    for ntid, name, config in conn.execute("SELECT id, name, config FROM notetypes"):
        kind = first_int(fields(config), 1)
        collection.note_types[ntid] = NoteType(name, kind == CLOZE_KIND, [])
    for ntid, _ord, name in conn.execute("SELECT ntid, ord, name FROM fields ORDER BY ntid, ord"):
        if ntid in collection.note_types:
            collection.note_types[ntid].fields.append(name)
    for did, name in conn.execute("SELECT id, name FROM decks"):
        collection.decks[did] = name.replace("\x1f", "::")


def _old_schema(models: dict[str, Any], decks: dict[str, Any], collection: Collection) -> None:
    """Schema 11: note types and decks as JSON in the col table."""
    for mid, model in models.items():
        names = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
        collection.note_types[int(mid)] = NoteType(
            model["name"], model.get("type") == CLOZE_KIND, names
        )
    for did, deck in decks.items():
        collection.decks[int(did)] = deck["name"]


def _notes(
    conn: sqlite3.Connection, collection: Collection, problems: Problems, options: ImportOptions
) -> tuple[list[Note], list[CardSchedule], set[str]]:
    cards: dict[int, list[tuple[Any, ...]]] = {}
    for row in conn.execute(
        """SELECT nid, ord, did, odid, type, queue, due, ivl, factor, data, id
           FROM cards ORDER BY nid, ord"""
    ):
        cards.setdefault(row[0], []).append(row)
    revlog: dict[int, list[tuple[Any, ...]]] = {}
    if options.keep_schedule:
        for row in conn.execute("SELECT cid, id, ease, time, type FROM revlog ORDER BY cid, id"):
            revlog.setdefault(row[0], []).append(row[1:])
    notes: list[Note] = []
    schedules: list[CardSchedule] = []
    wanted: set[str] = set()
    for nid, guid, mid, tags, flds in conn.execute(
        "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"
    ):
        at = f"note {nid}"
        note_type = collection.note_types.get(mid)
        if note_type is None:
            problems.bad(f"unknown note type {mid}", at=at)
            continue
        its_cards = cards.get(nid, [])
        deck = _deck_of(its_cards, collection)
        made = _anki_note(note_type, str(guid), deck, str(tags).split(), str(flds), its_cards)
        if isinstance(made, str):
            problems.bad(made, at=at)
            continue
        for note in made:
            wanted.update(note.extra.get("media", []))
        notes.extend(made)
        if options.keep_schedule:
            schedules.extend(_schedules(made, note_type, its_cards, collection, revlog))
    return notes, schedules, wanted


def _deck_of(cards: list[tuple[Any, ...]], collection: Collection) -> str | None:
    for card in cards:
        did = card[3] or card[2]  # a card in a filtered deck remembers its home deck in odid
        if did in collection.decks:
            return collection.decks[did]
    return None


def _anki_note(
    note_type: NoteType,
    guid: str,
    deck: str | None,
    tags: list[str],
    flds: str,
    cards: list[tuple[Any, ...]],
) -> list[Note] | str:
    raw = flds.split("\x1f")
    texts = [html_to_text(value) for value in raw]
    media = [name for text in texts for name in text.media]
    names = [n.lower() for n in note_type.fields] + [""] * max(0, len(raw) - len(note_type.fields))
    extra: NoteExtra = {}
    if media:
        extra["media"] = list(dict.fromkeys(media))
    if note_type.cloze:
        text = texts[0].text
        numbers = cloze_numbers(text)
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
                    tags=tuple(tags),
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
            tags=tuple(tags),
            sources=sources,
            reverse=any(card[1] >= 1 for card in cards),
            extra=extra,
        )
    ]


def _source(line: str) -> SourceRef:
    document, sep, sentence = line.rpartition(", sentence ")
    if sep and sentence.isdigit():
        return SourceRef(document, int(sentence))
    return SourceRef(line)


def _schedules(
    notes: list[Note],
    note_type: NoteType,
    cards: list[tuple[Any, ...]],
    collection: Collection,
    revlog: dict[int, list[tuple[Any, ...]]],
) -> list[CardSchedule]:
    """Anki's card states as FSRS states: type 0-3 are the same four; FSRS memory from the
    card's data when Anki ran FSRS, else stability from the interval and difficulty from ease.
    The card's review log comes along."""
    found = []
    for _nid, ord_, _did, _odid, ctype, queue, due, ivl, factor, data, cid in cards:
        if ctype not in (1, 2, 3):
            continue
        if note_type.cloze:
            guid, ord_ = f"{notes[0].guid.rsplit('-c', 1)[0]}-c{ord_ + 1}", 0
        else:
            guid, ord_ = notes[0].guid, min(ord_, 1)
        memory = _json_object(data)
        if ctype == 2 or queue == 3:
            when = collection.created + DAY * int(due)
        else:
            when = datetime.fromtimestamp(int(due), UTC)
        interval = ivl if ivl > 0 else -ivl / 86400
        stability = float(memory.get("s") or max(interval, 0.1))
        ease = (factor or 2500) / 1000
        difficulty = float(memory.get("d") or round(min(10.0, max(1.0, 11 - (ease - 1.3) * 6)), 2))
        reviews = _past_reviews(revlog.get(cid, []))
        last: datetime | None = None
        if reviews:
            last = reviews[-1].reviewed_at
        elif ctype == 2:
            last = when - DAY * max(interval, 0)
        found.append(
            CardSchedule(guid, ord_, ctype, when, stability, difficulty, last, queue == -1, reviews)
        )
    return found


def _past_reviews(entries: list[tuple[Any, ...]]) -> tuple[PastReview, ...]:
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
        reviews.append(PastReview(when, ease, took if took and took > 0 else None, state))
    return tuple(reviews)


def _json_object(text: Any) -> dict[str, Any]:
    try:
        value = json.loads(text) if text else {}
    except ValueError:
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
            mapping = json.loads(data.decode("utf-8") or "{}")
            return {str(name): str(entry) for entry, name in mapping.items()}
        index = {}
        for position, raw in enumerate(fields(data).get(1, [])):
            if isinstance(raw, bytes):
                entry = fields(raw)
                legacy = first_int(entry, 255, -1)
                index[first_text(entry, 1)] = str(legacy if legacy >= 0 else position)
        return index
    except (ValueError, AttributeError) as error:
        raise InputError(where, f"media: unreadable list of media files ({error})") from None
