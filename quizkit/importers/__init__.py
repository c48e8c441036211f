"""Files from people and other tools, read into notes. One module per format.

`detect_format` names a file's format from its content and extension; `read_notes` parses a
whole file into an `ImportBatch` without touching the store.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from operator import methodcaller
from pathlib import Path

from quizkit.errors import InputError
from quizkit.formats import IMPORT_FORMATS as FORMATS
from quizkit.importers.limits import note_problem, table_fits
from quizkit.models import DeckInfo, Note, NoteTable, fold_for_id
from quizkit.textfile import read_head

Warn = Callable[[str], None]
# A big file is read (and written to the store) in pieces of about this many characters of
# text, or this many notes (read_plain_pieces).
PIECE_CHARACTERS = 1 << 21
PIECE_NOTES = 12_500
# A CSV cell written by quizkit's exporters as '=... to stop spreadsheets evaluating it.
FORMULA_GUARD = ("'=", "'+", "'-", "'@")


@dataclass(frozen=True)
class ImportOptions:
    """What the user said on the command line about how to read files."""

    format: str | None = None
    separator: str | None = None
    row_separator: str | None = None
    skip_bad: bool = False
    keep_schedule: bool = False
    deck: str | None = None
    media_dir: Path | None = None  # where the deck's pictures are (`--media`)


@dataclass(frozen=True)
class PastReview:
    """One answer from another tool's review log: when, the grade (1-4), how long it took,
    and the card's state before it (0 new, 1 learning, 2 review, 3 relearning)."""

    reviewed_at: datetime
    rating: int
    duration_ms: int | None
    state_before: int


@dataclass(frozen=True)
class CardSchedule:
    """A card's schedule and review log as another tool kept them (Anki), for --keep-schedule."""

    guid: str
    ord: int
    state: int
    due: datetime
    stability: float | None
    difficulty: float | None
    last_review: datetime | None
    suspended: bool = False
    reviews: tuple[PastReview, ...] = ()
    steps_left: int | None = None  # a (re)learning card's steps still to go


@dataclass(frozen=True)
class MediaFile:
    """A picture or sound a note refers to: its name in the file and its bytes."""

    original: str
    data: bytes


@dataclass
class ImportBatch:
    """One parsed file: its deck, notes, rows left out (--skip-bad), media and schedules.

    Notes with `deck` set go to that deck; the others to `deck`.
    `deck_settings` is True when the file states the deck's settings (native, JSON).
    """

    deck: DeckInfo
    notes: Sequence[Note]
    skipped: list[str] = field(default_factory=list)
    media: list[MediaFile] = field(default_factory=list)
    schedules: list[CardSchedule] = field(default_factory=list)
    deck_settings: bool = False


@dataclass
class PlainPieces:
    """A big file's notes, all plain, as a table of notes per piece of its text: read one
    piece at a time, so that the store writes each while the next is read."""

    deck: str
    notes: int  # about how many notes: for progress, and the write's journal (first_load)
    tables: Iterator[NoteTable]
    settings: DeckInfo | None = None  # the deck's settings, when the file states them (JSON)

    def close(self) -> None:
        """Let go of what reading the tables holds (an unpacked .apkg) now, not when they
        are collected: after an error or Ctrl-C, the traceback would keep them."""
        if isinstance(self.tables, Generator):
            self.tables.close()


class ReadWhole(Exception):
    """A piece of a file read in pieces is not plain (or not new): read the whole file."""


class Problems:
    """Bad rows: the first is an error, or with --skip-bad each is noted and left out."""

    def __init__(self, where: str, skip_bad: bool) -> None:
        self.where = where
        self.skip_bad = skip_bad
        self.skipped: list[str] = []

    def bad(self, message: str, line: int | None = None, at: str | None = None) -> None:
        """Report a bad row at `line` (or at a named place such as `note 123`)."""
        where = f"{self.where}:{at}" if at else self.where
        error = InputError(where, message, line)
        if not self.skip_bad:
            raise error
        self.skipped.append(str(error))


def default_deck_name(path: Path, options: ImportOptions) -> str:
    return options.deck or path.stem or "Imported"


def guid_maker(deck: str) -> Callable[[str], str]:
    """content_guid(deck, front) for many fronts of one deck, folding the deck name once."""
    prefix = fold_for_id(deck) + "\x1f"
    sha1 = hashlib.sha1

    def guid(front: str) -> str:
        return sha1((prefix + fold_for_id(front)).encode("utf-8")).hexdigest()[:16]

    return guid


# What str.split() splits ASCII text on, besides the space.
ASCII_SPACE_BUT_BLANK = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"
_hexdigest = methodcaller("hexdigest")


def content_guids(deck: str, fronts: list[str]) -> list[str]:
    """content_guid(deck, front) for every front, with the per-front work done in bulk.

    ASCII fronts with no blank but single spaces inside fold by stripping and lowercasing
    alone: then the stripped column is lowercased, encoded and given the deck's folded name
    (as bytes, so it may be any text) before each front as one string, and only the hashing
    is per front.
    """
    prefix = fold_for_id(deck) + "\x1f"
    head = prefix.encode("utf-8")
    joined = "\x00".join(map(str.strip, fronts))
    plain: list[bytes] = []
    if (
        joined.isascii()
        and "  " not in joined
        and not any(space in joined for space in ASCII_SPACE_BUT_BLANK)
        and b"\x00" not in head
    ):
        plain = (head + joined.lower().encode("ascii").replace(b"\x00", b"\x00" + head)).split(
            b"\x00"
        )
    keys: Iterable[bytes] = plain
    if len(plain) != len(fronts):  # not plain ASCII, a front holding a NUL, or no front at all
        keys = ((prefix + fold_for_id(front)).encode("utf-8") for front in fronts)
    return [digest[:16] for digest in map(_hexdigest, map(hashlib.sha1, keys))]


def unguard_formula(cell: str) -> str:
    """Undo the formula guard quizkit's CSV export puts before = + - @."""
    return cell[1:] if cell.startswith(FORMULA_GUARD) else cell


def dedupe(notes: list[Note], problems: Problems, what: str = "same note as") -> list[Note]:
    """Notes with a guid seen before in the same file are bad rows."""
    seen: dict[str, int | None] = {}
    kept = []
    for note in notes:
        if note.guid in seen:
            other = seen[note.guid]
            problems.bad(f"{what} line {other}" if other else what.rstrip(), note.line)
            continue
        seen[note.guid] = note.line
        kept.append(note)
    return kept


SQLITE_MAGIC = b"SQLite format 3\x00"
ZIP_MAGIC = b"PK\x03\x04"
ANKI_HEADERS = (
    "#separator:",
    "#html:",
    "#tags:",
    "#columns:",
    "#notetype:",
    "#deck:",
    "#notetype column:",
    "#deck column:",
    "#tags column:",
    "#guid column:",
)
EXTENSIONS = {
    ".toml": "deck",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".apkg": "apkg",
    ".colpkg": "apkg",
    ".json": "json",
    ".md": "md",
    ".markdown": "md",
    ".xml": "mnemosyne",
    ".cards": "mnemosyne",
    ".db": "mnemosyne",
}


def detect_format(path: Path, options: ImportOptions) -> str:
    """The format named by --format, else found from the file's first bytes and its extension."""
    if options.format:
        return options.format
    by_extension = EXTENSIONS.get(path.suffix.lower())
    # A custom separator means a Quizlet export, unless the file says it is CSV or TSV.
    if options.row_separator or (options.separator and by_extension not in ("csv", "tsv")):
        return "quizlet"
    head = read_head(path, 4096)
    if head.startswith(ZIP_MAGIC):
        return "apkg"
    if head.startswith(SQLITE_MAGIC):
        return "mnemosyne"
    if by_extension in ("deck", "apkg", "md"):
        return by_extension
    text = _decode_head(head).lstrip("\ufeff").lstrip()
    if text.startswith(ANKI_HEADERS):
        return "anki-text"
    if text.startswith("[deck]") or "\n[deck]" in text:
        return "deck"
    if text.startswith(("[", "{")):
        return "json"
    if text.startswith(("<?xml", "<mnemosyne")):
        return "mnemosyne"
    if text.startswith(("Q:", "Q :")) and "\nA:" in text.replace("\nA :", "\nA:"):
        return "supermemo"
    return by_extension or "csv"


def _decode_head(head: bytes) -> str:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[: len(head) // 2 * 2].decode("utf-16", errors="replace")
    return head.decode("utf-8", errors="replace")


def read_notes(path: Path, options: ImportOptions, warn: Warn | None = None) -> ImportBatch:
    """Parse a whole file of any supported format; raises InputError for bad input.

    Every note passes `note_problem` here, the one gate between a file and the store.
    """
    batch = _parse(path, options, warn)
    if isinstance(batch.notes, NoteTable) and table_fits(batch.notes):
        return batch  # plain notes, every one within the limits: nothing to leave out
    problems = Problems(str(path), options.skip_bad)
    kept = []
    pictures: dict[str, MediaFile] = {}
    for note in batch.notes:
        problem = note_problem(note)
        if problem is None and "image" in note.extra:
            problem = _picture(note.extra["image"], options.media_dir, pictures)
        if problem is None:
            kept.append(note)
        elif note.line is not None:
            problems.bad(problem, note.line)
        else:
            problems.bad(problem, at=f"note {note.guid[:40]}")
    if problems.skipped:
        batch.notes = kept
        batch.skipped.extend(problems.skipped)
    batch.media.extend(pictures.values())
    return batch


def read_plain_pieces(
    path: Path, options: ImportOptions, warn: Warn | None = None
) -> PlainPieces | None:
    """A big CSV, TSV, JSON or Anki package's notes a piece at a time (see `PlainPieces`),
    when every note turns out plain and within the limits; None when the file is not one to
    read so.

    Iterating the tables raises ReadWhole at the first piece that is not plain, or that
    repeats a note of an earlier piece: `read_notes` then reads the whole file, and words
    what it finds.
    """
    try:
        small = path.stat().st_size <= 2 * PIECE_CHARACTERS
    except OSError:
        return None  # read_notes says what is wrong with it
    fmt = "" if small else detect_format(path, options)
    pieces: PlainPieces | None = None
    if fmt in ("csv", "tsv", "anki-text"):
        from quizkit.importers.delimited import plain_pieces

        pieces = plain_pieces(path, options, warn, PIECE_CHARACTERS, tab=fmt == "tsv")
    elif fmt == "apkg":
        from quizkit.importers import apkg

        pieces = apkg.plain_pieces(path, options, warn, PIECE_NOTES)
    elif fmt == "json":
        from quizkit.importers.json import plain_pieces as json_pieces

        pieces = json_pieces(path, options, warn, PIECE_NOTES)
    if pieces is not None:
        pieces.tables = _fitting(pieces.tables)
    return pieces


def _fitting(tables: Iterator[NoteTable]) -> Iterator[NoteTable]:
    """The tables, as long as each is within the limits and repeats no note of another;
    closed, they close `tables` (which may hold an unpacked package) at once."""
    seen: set[str] = set()
    count = 0
    try:
        for table in tables:
            seen.update(table.guids)
            count += len(table.guids)
            if len(seen) != count or not table_fits(table):
                raise ReadWhole(table.deck)
            yield table
    finally:
        if isinstance(tables, Generator):
            tables.close()


def _picture(name: str, folder: Path | None, found: dict[str, MediaFile]) -> str | None:
    """Read the picture a note names from the --media folder, once; or say what is wrong."""
    if name in found:
        return None
    from quizkit.pictures import read_picture  # only for notes that name a picture

    if folder is None:
        return f"extra.image {name[:80]!r}: say which folder holds the pictures with --media DIR"
    try:
        found[name] = MediaFile(name, read_picture(name, folder))
    except ValueError as error:
        return f"extra.image {name[:80]!r} {error}"
    return None


def _parse(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    fmt = detect_format(path, options)
    if fmt in ("csv", "tsv", "anki-text"):
        from quizkit.importers.delimited import read_delimited

        return read_delimited(path, options, warn, tab=fmt == "tsv")
    if fmt == "quizlet":
        from quizkit.importers.quizlet import read_quizlet

        return read_quizlet(path, options, warn)
    if fmt == "apkg":
        from quizkit.importers.apkg import read_apkg

        return read_apkg(path, options, warn)
    if fmt == "json":
        from quizkit.importers.json import read_json

        return read_json(path, options, warn)
    if fmt == "md":
        from quizkit.importers.markdown import read_markdown

        return read_markdown(path, options, warn)
    if fmt == "supermemo":
        from quizkit.importers.supermemo import read_supermemo

        return read_supermemo(path, options, warn)
    if fmt == "mnemosyne":
        from quizkit.importers.mnemosyne import read_mnemosyne

        return read_mnemosyne(path, options, warn)
    if fmt == "deck":
        from dataclasses import replace

        from quizkit.importers.native import read_deck_file

        deck_file = read_deck_file(path)
        deck = replace(deck_file.deck, name=options.deck) if options.deck else deck_file.deck
        return ImportBatch(deck, list(deck_file.notes), deck_settings=True)
    raise InputError(str(path), f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
