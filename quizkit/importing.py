"""Files into the store: each file read whole, checked, then written in one transaction (a big
plain file into an empty collection: written a piece at a time while it is read)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import cast

from quizkit import importers
from quizkit.collector import collector_paused
from quizkit.errors import InputError, QuizkitError
from quizkit.extra import NoteExtra
from quizkit.importers import (
    ImportBatch,
    ImportOptions,
    MediaFile,
    ReadWhole,
    Warn,
    default_deck_name,
    read_notes,
    read_plain_pieces,
)
from quizkit.models import ImportReport, Note, NoteTable
from quizkit.store import DeckText, Store

DEFAULT_DECK = "csto-kazakhstan-2022.toml"
SAFE_SUFFIX = re.compile(r"\.[a-z0-9]{1,5}")
Progress = Callable[[int, int], None]
MEDIA_KEYS = ("media", "front_media", "media_names")


def import_file(
    store: Store,
    path: Path,
    now: datetime,
    options: ImportOptions | None = None,
    warn: Warn | None = None,
    progress: Progress | None = None,
) -> tuple[str, ImportReport]:
    """Import one file of any known format; on any error nothing of it is stored.

    Returns the deck name (or names, comma-separated) and the report. With
    `options.skip_bad`, bad rows are left out and listed in `report.skipped`.
    """
    options = options or ImportOptions()
    with collector_paused():
        return _import_file(store, path, now, options, warn, progress)


def _import_file(
    store: Store,
    path: Path,
    now: datetime,
    options: ImportOptions,
    warn: Warn | None,
    progress: Progress | None,
) -> tuple[str, ImportReport]:
    """Read and check the whole file, stage its notes, and only then take the write lock, for
    the one transaction that writes the file: SQL over staged rows, short, so that a `study`
    in another terminal waits a moment at most.

    A big plain file going into an empty collection (nobody studies there yet) is written
    while it is read, a piece at a time, in one transaction all the same.
    """
    if store.empty():
        warn = _once(warn)  # a file read in pieces may be read again whole
        loaded = _import_in_pieces(store, path, now, options, warn, progress)
        if loaded is not None:
            return loaded
    with _reading_stored(store, path, options) as read_ahead:
        batch = read_notes(path, options, warn)
    report = ImportReport(skipped=list(batch.skipped))
    if not batch.notes and not batch.deck_settings:
        if not batch.skipped:
            raise InputError(str(path), "no notes found (is it the right --format?)")
        return batch.deck.name, report  # every row was bad: no empty deck is made
    named, default_used = _named_decks(batch)
    kept = {media.original: _media_name(media) for media in batch.media}
    notes: Sequence[Note] = batch.notes
    if not isinstance(notes, NoteTable) and any(
        "media" in n.extra or "image" in n.extra for n in notes
    ):
        notes = [_with_media(n, kept) for n in notes]
    store.stage_notes(notes, progress, read_ahead)
    with store.first_load(), store.transaction():
        had_notes = store.deck_ids_with_notes()
        if batch.deck_settings:
            deck = store.ensure_deck(batch.deck, now)
        else:
            deck = store.deck_for_import(batch.deck.name if default_used else named[0], now)
        for media in batch.media:
            store.add_media(kept[media.original], media.original, media.data, now)
        report.merge(store.write_staged(deck, now))
        if options.keep_schedule and batch.schedules:
            from quizkit.scheduler import make_scheduler, step_for

            scheduler = make_scheduler()
            store.apply_schedules(
                (
                    s.guid,
                    s.ord,
                    s.state,
                    s.due,
                    s.stability,
                    s.difficulty,
                    s.last_review,
                    s.suspended,
                    step_for(scheduler, s.state, s.steps_left),
                )
                for s in batch.schedules
            )
            store.add_past_reviews(
                (s.guid, s.ord, r.reviewed_at, r.rating, r.duration_ms, r.state_before)
                for s in batch.schedules
                for r in s.reviews
            )
        # notes that moved to another deck (`--deck X` on a file imported before) leave
        # their old deck empty: it goes, rather than linger as an empty name in `decks`
        store.delete_emptied_decks(had_notes)
    names = [deck.name] if default_used else []
    return ", ".join([*names, *named]), report


def _import_in_pieces(
    store: Store,
    path: Path,
    now: datetime,
    options: ImportOptions,
    warn: Warn | None,
    progress: Progress | None,
) -> tuple[str, ImportReport] | None:
    """The file written a piece at a time while it is read (Store.load_tables), when it is a
    big plain file; None when it is not, and nothing was written."""
    pieces = read_plain_pieces(path, options, warn)
    if pieces is None:
        return None
    try:
        with store.first_load(pieces.notes, own_references=True), store.transaction():
            if not store.empty():  # another quizkit wrote notes meanwhile
                raise ReadWhole(str(path))
            if pieces.settings:
                deck = store.ensure_deck(pieces.settings, now)
            else:
                deck = store.deck_for_import(pieces.deck, now)
            report = store.load_tables(deck, now, pieces.tables, progress, pieces.notes)
    except ReadWhole:
        return None  # rolled back: read_notes finds and words what is not plain
    finally:
        pieces.close()
    return deck.name, report


def _reading_stored(
    store: Store, path: Path, options: ImportOptions
) -> AbstractContextManager[DeckText | None]:
    """For a big file, the notes of the deck it goes to unless it names another, read from
    the store while the file is read (`Store.reading_deck`): imported before and unchanged
    since, it is then found so without reading the deck afterwards."""
    try:
        big = path.stat().st_size >= importers.PIECE_CHARACTERS
    except OSError:
        big = False  # read_notes says what is wrong with it
    if not big:
        return nullcontext(None)
    return store.reading_deck(default_deck_name(path, options))


def _once(warn: Warn | None) -> Warn | None:
    """`warn`, saying each warning once."""
    if warn is None:
        return None
    told: set[str] = set()

    def once(message: str) -> None:
        if message not in told:
            told.add(message)
            warn(message)

    return once


def _named_decks(batch: ImportBatch) -> tuple[list[str], bool]:
    """The decks the notes name besides the file's own, and whether any note goes to that one.

    A file whose every note names its deck (Anki's deck column) creates no default deck.
    """
    notes = batch.notes
    decks = [notes.deck] if isinstance(notes, NoteTable) else [n.deck for n in notes]
    named = list(dict.fromkeys(d for d in decks if d and d != batch.deck.name))
    return named, not named or any(d in (None, batch.deck.name) for d in decks)


def _media_name(media: MediaFile) -> str:
    """The name a media file is kept under: a hash of its content, never a name from the file."""
    suffix = PurePosixPath(media.original).suffix.lower()
    suffix = suffix if SAFE_SUFFIX.fullmatch(suffix) else ""
    return hashlib.sha256(media.data).hexdigest()[:32] + suffix


def _with_media(note: Note, kept: dict[str, str]) -> Note:
    """A note's media names (as its file called them) turned into the names kept."""
    names = note.extra.get("media")
    image = note.extra.get("image")
    if not names and not image:
        return note
    extra = cast(NoteExtra, {k: v for k, v in note.extra.items() if k not in MEDIA_KEYS})
    if names:
        files = [kept[n] for n in names if n in kept]
        front = [kept[n] for n in note.extra.get("front_media", []) if n in kept]
        if files:
            extra["media"] = files
            # the names the learner knows them by, for "[image: map.png]" in the terminal
            extra["media_names"] = {kept[n]: n for n in names if n in kept}
        if front:
            extra["front_media"] = front
    if image:
        extra["image"] = kept[image]  # read_notes refused the file unless the picture was read
    return replace(note, extra=extra)


class ImportStopped(KeyboardInterrupt):
    """Ctrl-C during the import of `path`: `stored` when it came after the file's write had
    committed, else nothing of the file is stored; the `left` files after it were not read."""

    def __init__(self, path: Path, stored: bool, left: int) -> None:
        super().__init__(path, stored, left)
        self.path, self.stored, self.left = path, stored, left

    def __str__(self) -> str:
        if self.stored:
            said = "stored whole; stopped by Ctrl-C after it"
        else:
            said = "stopped by Ctrl-C; nothing of it is stored"
        more = f"; {self.left} more file{'s' * (self.left != 1)} not read" if self.left else ""
        return f"{self.path}: {said}{more}"


def import_files(
    store: Store,
    paths: list[Path],
    now: datetime,
    options: ImportOptions | None = None,
    warn: Warn | None = None,
    progress: Callable[[Path], Progress | None] | None = None,
) -> Iterator[tuple[Path, str | None, ImportReport | QuizkitError]]:
    """Each file in turn: its deck and report, or the error that left it out. Ctrl-C while
    this reads or writes a file raises ImportStopped, which says whether the file is stored
    (a Ctrl-C while the caller has a file's outcome is the caller's to word)."""
    path, left, commits = (paths[0] if paths else Path()), max(len(paths) - 1, 0), store.commits
    try:
        for number, path in enumerate(paths, 1):
            left, commits = len(paths) - number, store.commits
            try:
                name, report = import_file(
                    store, path, now, options, warn, progress(path) if progress else None
                )
            except QuizkitError as error:
                yield path, None, error
            else:
                yield path, name, report
    except KeyboardInterrupt:
        raise ImportStopped(path, store.commits > commits, left) from None


def bundled_deck_path(name: str = DEFAULT_DECK) -> Path:
    """A deck shipped with quizkit: inside the installed package, or decks/ in a checkout."""
    from importlib import resources  # loaded only here: it pulls in tempfile, shutil, ...

    packaged = resources.files("quizkit") / "decks" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "decks" / name
