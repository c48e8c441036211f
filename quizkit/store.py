"""The Store: quizkit's SQLite file, and the module that holds SQL (quizkit.store_read holds the
few reads `quizkit decks` makes without it)."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from itertools import chain, islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from quizkit.beside import Worker, ctrl_c_held, nothing, stop_if, wait_for
from quizkit.errors import StoreError, UnknownDeck, UnknownNote
from quizkit.models import (
    CardHistory,
    CardState,
    Deck,
    DeckCounts,
    DeckInfo,
    ImportReport,
    LoggedReview,
    Note,
    NoteTable,
    PrintNote,
    Rating,
    RecordedReview,
    Review,
    SourceRef,
    StudyCard,
)
from quizkit.store_read import (
    MIGRATIONS,
    applied_migrations,
    deck_tallies,
    iso,
    suspended_leeches,
)

if TYPE_CHECKING:
    from quizkit._sqlite_utils import Database

SQLITE_HEADER = b"SQLite format 3\x00"
SCHEMA = Path(__file__).with_name("schema.sql")  # a new file's schema (Store._create_schema)
MEDIA_NAME = re.compile(r"[0-9a-f]{16,64}(\.[a-z0-9]{1,5})?")
BUSY_TIMEOUT_S = 10.0
BUSY_NOTICE_AFTER_S = 1.0  # a write waiting this long for another quizkit's lock says so
# A bulk write's page cache: far less than the file, so that SQLite writes pages out while
# the notes go in (on Store.load_tables's writer thread), not all of them at the commit;
# measured on 100,000 notes, 2-16 MB are alike and 1 MB is slower, and 8 MB leaves room for
# the guid index of a bigger file.
BULK_CACHE_KIB = 8192
PAGE_SIZE = 8192  # a new file's pages (Store.open)
BULK_BATCH = 10_000  # notes per executemany, between progress reports
PACKED = 8  # staged notes to a row of the scratch table (Store._stage)
WRITER_WAIT_S = 0.001  # Python's thread switch interval while Store.load_tables writes
# An import adding this many notes (and at least as many as were stored) leaves the search
# index to be rebuilt at the next search.
LAZY_INDEX_NOTES = 5_000
SAME_ANSWER = timedelta(seconds=1)
T = TypeVar("T")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


_ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
_encode_text = json.encoder.encode_basestring  # how _ENCODER writes a text


def _dumps(value: Any) -> str:
    return _ENCODER.encode(value)


NOTE_COLUMNS = (
    "kind, question, answer, alternatives, distractors, tags, sources, extra, reverse, deck_id"
)
CONTENT_COLUMNS = (
    "kind",
    "question",
    "answer",
    "alternatives",
    "distractors",
    "tags",
    "sources",
    "extra",
    "reverse",
    "deck_id",
)
# The staged columns that hold text (all but reverse and deck_id).
TEXT_COLUMNS = {"guid", *CONTENT_COLUMNS[:-2]}
# A staged note: its guid, the deck it names (NULL: the import's deck) and its content.
STAGED_COLUMNS = ("guid", "deck", *CONTENT_COLUMNS[:-1])
CARD_SELECT = """
    SELECT c.id, c.note_id, c.ord, c.deck_id, c.state, c.step, c.stability, c.difficulty,
           c.due, c.last_review, c.suspended, n.question, n.answer, n.kind, n.alternatives,
           n.distractors, n.tags, n.sources, n.extra, n.guid
    FROM cards c JOIN notes n ON n.id = c.note_id
"""


# Sibling burying: the other card of the same note (question vs reverse) was not reviewed
# since the given moment, the start of the study day.
SIBLING_NOT_REVIEWED_SINCE = """ AND NOT EXISTS (
    SELECT 1 FROM cards s JOIN reviews r ON r.card_id = s.id
    WHERE s.note_id = c.note_id AND s.id != c.id AND r.reviewed_at >= ?)"""


@dataclass
class NoteColumns:
    """Notes as the notes table stores them, one list per column, or one value for all.

    Made before the write lock is taken, so that the write is SQL over ready values.
    """

    guids: list[str]
    decks: list[str | None] | str | None  # the deck each note names; None: the import's deck
    kinds: list[str] | str
    questions: list[str]
    answers: list[str]
    alternatives: list[str] | str
    distractors: list[str] | str
    tags: list[str] | str
    sources: list[str] | str
    extra: list[str] | str
    reverse: list[int] | int

    def values(self) -> list[Any]:
        """The columns as the notes table orders them, from guid to reverse."""
        return [
            self.guids,
            self.kinds,
            self.questions,
            self.answers,
            self.alternatives,
            self.distractors,
            self.tags,
            self.sources,
            self.extra,
            self.reverse,
        ]


def _staged_split(columns: NoteColumns) -> tuple[dict[str, list[Any]], dict[str, Any]]:
    """The columns by name (STAGED_COLUMNS): those that vary from note to note, and those
    with one value for every note, which are not written row by row but given once."""
    named = zip(STAGED_COLUMNS, [columns.guids, columns.decks, *columns.values()[1:]], strict=True)
    staged: dict[str, list[Any]] = {}
    constants: dict[str, Any] = {}
    for name, value in named:
        if isinstance(value, list):
            staged[name] = value
        else:
            constants[name] = value
    return staged, constants


def _without_deck(constants: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in constants.items() if name != "deck"}


@dataclass
class DeckText:
    """A deck's notes as `Store._deck_holding` compares them with a file's: the deck, the
    columns joined, the values every note must have; and what was read (how many notes
    have those values, and the text), once it has been (`Store.reading_deck`). Used only
    while no other connection has written to the file since."""

    deck_id: int
    columns: tuple[str, ...]
    constants: dict[str, Any]
    data_version: int  # the file's, before it was read (`Store._data_version`)
    stored: tuple[int, str | None] | None = None

    def shape(self) -> tuple[int, tuple[str, ...], dict[str, Any]]:
        return self.deck_id, self.columns, self.constants


def note_columns(
    notes: Iterable[Note], tag_texts: dict[tuple[str, ...], str] | None = None
) -> NoteColumns:
    """Notes as columns of stored values; of two notes with one guid, the later one counts.

    A `NoteTable` (a big CSV file) is already columns: only its tags are encoded, once for
    each different set of tags (in `tag_texts`, when given: kept from table to table).
    """
    if isinstance(notes, NoteTable):
        return NoteColumns(
            notes.guids,
            notes.deck,
            "basic",
            notes.questions,
            notes.answers,
            "[]",
            "[]",
            _dumped_lists(notes.tags, tag_texts),
            "[]",
            "{}",
            0,
        )
    kept = list({note.guid: note for note in notes}.values())
    return NoteColumns(
        [n.guid for n in kept],
        _one_value([n.deck for n in kept]),
        _one_value([n.kind for n in kept]),
        [n.question for n in kept],
        [n.answer for n in kept],
        _one_value(_dumped_lists([n.alternatives for n in kept])),
        _one_value(_dumped_lists([n.distractors for n in kept])),
        _dumped_lists([n.tags for n in kept]),
        _one_value([_dumps([s.to_dict() for s in n.sources]) if n.sources else "[]" for n in kept]),
        _one_value([_dumps(n.extra) if n.extra else "{}" for n in kept]),
        _one_value([int(n.reverse) for n in kept]),
    )


def _one_value(column: list[Any]) -> Any:
    """The column's one value when every note has it (so it is not staged row by row)."""
    if column and column.count(column[0]) == len(column):
        return column[0]
    return column


def _dumped_lists(
    lists: Sequence[tuple[str, ...]], known: dict[tuple[str, ...], str] | None = None
) -> list[str]:
    """Each tuple as a JSON list, each distinct one encoded once (a big file's notes share a
    few sets of tags); `known` holds those encoded before, and is given the new ones."""
    dumped = {} if known is None else known
    for values in set(lists).difference(dumped):
        dumped[values] = _dumped_list(values)
    return list(map(dumped.__getitem__, lists))


def _dumped_list(values: tuple[str, ...]) -> str:
    """A tuple of texts as `_dumps` writes it as a list (the JSON encoder's own function for
    a text, without setting up a whole encoder each time: a file may have thousands)."""
    if all(type(value) is str for value in values):
        return "[" + ", ".join(map(_encode_text, values)) + "]"
    return _dumps(list(values))


def _queue_filter(
    where: str,
    params: list[Any],
    deck: Deck | None,
    exclude: Iterable[int],
    bury_since: datetime | None,
) -> tuple[str, list[Any]]:
    """The WHERE clause shared by the study queues: deck, cards left out, buried siblings.

    The deck test comes first so the planner can use the (deck_id, ...) partial indexes.
    """
    skip = list(exclude)
    if deck is not None:
        in_deck, ids = _in_deck("c.deck_id", deck)
        where = f"{in_deck} AND " + where
        params = [*ids, *params]
    if skip:
        where += f" AND c.id NOT IN ({','.join('?' * len(skip))})"
        params = [*params, *skip]
    if bury_since is not None:
        where += SIBLING_NOT_REVIEWED_SINCE
        params = [*params, iso(bury_since)]
    return where, params


def _study_card(row: tuple[Any, ...]) -> StudyCard:
    from quizkit.extra import stored_extra  # loaded by the commands that read notes

    return StudyCard(
        id=row[0],
        note_id=row[1],
        ord=row[2],
        deck_id=row[3],
        state=CardState(row[4]),
        step=row[5],
        stability=row[6],
        difficulty=row[7],
        due=parse_iso(row[8]),
        last_review=parse_iso(row[9]) if row[9] else None,
        suspended=bool(row[10]),
        question=row[11],
        answer=row[12],
        kind=row[13],
        alternatives=tuple(json.loads(row[14])),
        distractors=tuple(json.loads(row[15])),
        tags=tuple(json.loads(row[16])),
        sources=tuple(SourceRef.from_dict(s) for s in json.loads(row[17])),
        extra=stored_extra(row[18]),
        guid=row[19],
    )


class Store:
    """An open quizkit database. Opening it applies pending migrations, once, here."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path
        # the copy Store.open took before upgrading the schema, when it did
        self.migration_backup: Path | None = None
        self._db: Database | None = None
        self._staged_constants: dict[str, Any] = {}  # staged columns with one value for all
        self._staged_count = 0  # notes staged by stage_notes
        # the staged columns kept in Python, and the deck that holds them all unchanged, when
        # one does (`_deck_holding`): then nothing is staged, and perhaps nothing written
        self._held: dict[str, list[Any]] | None = None
        self._holding_deck: int | None = None
        # Told once when a write has waited BUSY_NOTICE_AFTER_S for another quizkit's write
        # lock; the write then waits as long as it takes. None: give up after BUSY_TIMEOUT_S.
        self.on_busy: Callable[[], None] | None = None
        self._worker: Worker[Any] | None = None  # the statement running on a second thread
        # transactions committed (`transaction`): whether a write that Ctrl-C stopped after
        # it began is stored is whether this grew meanwhile
        self.commits = 0

    @property
    def db(self) -> Database:
        """sqlite-utils' Database over the same connection, made when first needed: its
        import costs more than the whole of `quizkit decks` otherwise takes."""
        if self._db is None:
            from quizkit._sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False, recursive_triggers=False)
        return self._db

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (or create) the database at `path` and bring its schema up to date.

        Every check that can refuse the file runs before anything is written to it, so a
        file that is not quizkit's, or is from a newer quizkit, is left exactly as it was.
        The applied migrations are read with plain SQL; the migrations themselves (and
        sqlite-utils) are loaded only when one is pending.
        """
        path = Path(path)
        _check_file(path)
        conn: sqlite3.Connection | None = None
        try:
            # check_same_thread: `load_tables` writes on a second thread, one at a time
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S, check_same_thread=False)
            applied = applied_migrations(conn)
            if applied - set(MIGRATIONS):
                raise StoreError(
                    f"{path}: written by a newer quizkit (unknown schema version "
                    f"{max(applied - set(MIGRATIONS))}); upgrade quizkit to use it"
                )
            if not applied and _has_foreign_tables(conn):
                raise StoreError(f"{path}: not a quizkit database (it holds other tables)")
            conn.execute("PRAGMA foreign_keys = ON")
            if not applied:
                conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
            # WAL lets a second terminal read while one studies; FULL makes each commit durable.
            _wal(conn)
            conn.execute("PRAGMA synchronous = FULL")
            store = cls(conn, path)
            if set(MIGRATIONS) - applied:
                store.migration_backup = store._migrate(bool(applied))
        except sqlite3.DatabaseError as error:
            from quizkit.dbfile import database_error_advice

            if conn is not None:
                conn.close()
            raise StoreError(
                f"{path}: cannot use this database: {database_error_advice(error)}"
            ) from None
        except StoreError:
            assert conn is not None
            conn.close()
            raise
        return store

    def _migrate(self, upgrading: bool) -> Path | None:
        """Apply the pending migrations. Upgrading a database in use, keep a copy from before
        first and return where (an upgrade that goes wrong must not cost the learner their
        history); None for a new file, or when another quizkit upgraded it meanwhile."""
        if not upgrading and self._create_schema():
            return None
        db = self.db  # first: it loads sqlite-utils without numpy, which migrations.py would not
        from quizkit.migrations import migrations

        backup = None
        pending = migrations.pending(db)
        if pending and upgrading:
            # taken before the write lock: SQLite copies no database being written
            backup = self.path.with_name(f"{self.path.stem}.before-{pending[0].name}.db")
            if not backup.exists():  # a copy from an upgrade tried before stays
                from quizkit.dbfile import backup_connection

                backup_connection(self.conn, backup)
        with _write_transaction(self.conn):
            # another quizkit opening the same file may have migrated it meanwhile
            if migrations.pending(db):
                migrations.apply(db)
            else:
                backup = None  # that quizkit upgraded it, and says so
        return backup

    def _create_schema(self) -> bool:
        """A new file's schema, from quizkit/schema.sql (the schema every migration leaves,
        kept equal to them by a test), without loading the migrations or sqlite-utils. False
        when another quizkit began the file meanwhile: the migrations finish it then."""
        conn = self.conn
        with _write_transaction(conn):
            if applied_migrations(conn):
                return False
            statement = ""
            for line in SCHEMA.read_text("utf-8").splitlines(keepends=True):
                statement += line
                if sqlite3.complete_statement(statement):
                    conn.execute(statement)
                    statement = ""
            applied = str(datetime.now(UTC))  # as sqlite-utils' migrations write it
            conn.executemany(
                """INSERT INTO _sqlite_migrations (migration_set, name, applied_at)
                   VALUES ('quizkit', ?, ?)""",
                [(name, applied) for name in MIGRATIONS],
            )
        return True

    def close(self) -> None:
        """Close the connection, once a statement still running on a second thread (left so
        by a Ctrl-C that came at the wrong moment) is stopped: never under it."""
        if self._worker is not None:
            wait_for(self._worker, self.conn.interrupt, stop=True)
        self.conn.close()

    def _start(self, worker: Worker[T]) -> Worker[T]:
        self._worker = worker
        worker.start()
        return worker

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write; a failure inside leaves the database as it was."""
        try:
            with _write_transaction(self.conn, self.on_busy, self._committed):
                yield
        except sqlite3.OperationalError as error:
            from quizkit.dbfile import database_error_advice

            raise StoreError(f"{self.path}: {database_error_advice(error)}") from None

    def _committed(self) -> None:
        self.commits += 1

    # decks -------------------------------------------------------------

    def deck(self, name: str) -> Deck:
        row = self.conn.execute(
            "SELECT id, name, description, desired_retention FROM decks WHERE name = ?", [name]
        ).fetchone()
        if row is None:
            raise UnknownDeck(name, [d.name for d in self.decks()])
        return Deck(*row)

    def deck_by_id(self, deck_id: int) -> Deck:
        row = self.conn.execute(
            "SELECT id, name, description, desired_retention FROM decks WHERE id = ?", [deck_id]
        ).fetchone()
        return Deck(*row)

    def decks(self) -> list[Deck]:
        rows = self.conn.execute(
            "SELECT id, name, description, desired_retention FROM decks ORDER BY name"
        ).fetchall()
        return [Deck(*row) for row in rows]

    def ensure_deck(self, info: DeckInfo, now: datetime) -> Deck:
        """The deck of that name, created or with its settings updated from `info`."""
        with self.transaction():
            self.conn.execute(
                """INSERT INTO decks (name, description, desired_retention, created)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET description = excluded.description,
                       desired_retention = excluded.desired_retention""",
                [info.name, info.description, info.desired_retention, iso(now)],
            )
        return self.deck(info.name)

    def _deck_id(self, name: str, stamp: str) -> int:
        """The id of a deck named by a note (Anki's deck column), created when new."""
        self.conn.execute(
            "INSERT OR IGNORE INTO decks (name, created) VALUES (?, ?)", [name, stamp]
        )
        return int(self.conn.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()[0])

    def deck_counts(self, now: datetime) -> list[DeckCounts]:
        """Every deck with its new / learning / due-now / suspended / total card counts."""
        return [DeckCounts(Deck(*tally[:4]), *tally[4:]) for tally in deck_tallies(self.conn, now)]

    def rename_decks(self, moves: list[tuple[int, str]]) -> None:
        """Give decks new names (deck id, new name), all in one transaction."""
        with self.transaction():
            # through a name no deck can have, so that swapping names cannot collide midway
            self.db.conn.executemany(
                "UPDATE decks SET name = char(1) || 'renaming ' || id WHERE id = ?",
                ([i] for i, _n in moves),
            )
            self.db.conn.executemany(
                "UPDATE decks SET name = ? WHERE id = ?", ([n, i] for i, n in moves)
            )

    def deck_contents(self, deck: Deck) -> tuple[int, int, int]:
        """(notes, cards, reviews) of a deck and its sub-decks: what deleting it takes away."""
        in_deck, ids = _in_deck("deck_id", deck)
        notes = self.db.execute(f"SELECT COUNT(*) FROM notes WHERE {in_deck}", ids).fetchone()[0]
        cards = self.db.execute(f"SELECT COUNT(*) FROM cards WHERE {in_deck}", ids).fetchone()[0]
        reviews = self.db.execute(
            f"SELECT COUNT(*) FROM reviews WHERE card_id IN (SELECT id FROM cards WHERE {in_deck})",
            ids,
        ).fetchone()[0]
        return int(notes), int(cards), int(reviews)

    def delete_deck(self, deck: Deck) -> None:
        """Delete a deck, its sub-decks, their notes, cards and review log, in one transaction."""
        in_deck, ids = _in_deck("deck_id", deck)
        cards = f"SELECT id FROM cards WHERE {in_deck}"
        with self.transaction():
            self.db.execute(f"DELETE FROM reviews WHERE card_id IN ({cards})", ids)
            self.db.execute(f"DELETE FROM cards WHERE {in_deck}", ids)
            self.db.execute(
                f"DELETE FROM note_sources WHERE note_id IN (SELECT id FROM notes WHERE {in_deck})",
                ids,
            )
            self.db.execute(f"DELETE FROM notes WHERE {in_deck}", ids)
            self.db.execute(f"DELETE FROM decks WHERE id IN ({','.join('?' * len(ids))})", ids)

    def deck_ids_with_notes(self) -> set[int]:
        """Decks holding at least one note (one index probe per deck)."""
        rows = self.conn.execute(
            "SELECT id FROM decks WHERE EXISTS (SELECT 1 FROM notes WHERE deck_id = decks.id)"
        ).fetchall()
        return {row[0] for row in rows}

    def delete_emptied_decks(self, had_notes: set[int]) -> list[str]:
        """Delete the decks among `had_notes` that hold no note now (an import moved them all
        elsewhere); returns their names. Call inside the import's transaction."""
        emptied = sorted(had_notes - self.deck_ids_with_notes())
        if not emptied:
            return []
        marks = ",".join("?" * len(emptied))
        names = [
            row[0]
            for row in self.conn.execute(
                f"SELECT name FROM decks WHERE id IN ({marks}) ORDER BY name", emptied
            ).fetchall()
        ]
        self.conn.execute(f"DELETE FROM decks WHERE id IN ({marks})", emptied)
        return names

    def deck_names(self) -> list[str]:
        """Every deck's name, for shell completion."""
        return [row[0] for row in self.conn.execute("SELECT name FROM decks ORDER BY name")]

    # notes and cards ---------------------------------------------------

    def upsert_notes(
        self,
        deck: Deck,
        notes: Iterable[Note],
        now: datetime,
        progress: Callable[[int, int], None] | None = None,
    ) -> ImportReport:
        """Add new notes and update changed ones by guid; cards and their history are kept.

        Runs in the caller's transaction when there is one, else in its own; the notes are
        staged first (`stage_notes`), so the write lock is held only for `write_staged`.
        """
        self.stage_notes(notes, progress)
        with self.transaction():
            return self.write_staged(deck, now)

    def stage_notes(
        self,
        notes: Iterable[Note],
        progress: Callable[[int, int], None] | None = None,
        read_ahead: DeckText | None = None,
        new: bool = False,
        tag_texts: dict[tuple[str, ...], str] | None = None,
    ) -> None:
        """Copy notes, as stored values, into a scratch table of this connection (TEMP).

        Writing it takes no lock on the database, so a big import does this part while
        other terminals study; `write_staged` then moves the notes in. `progress(done,
        total)` is told how many notes are staged, batch by batch. `read_ahead`: a deck's
        notes read while the file was (`reading_deck`). `new`: none of the notes is stored
        (so no deck holds them all already). `tag_texts`: see `note_columns`.
        """
        staged, self._staged_constants = _staged_split(note_columns(notes, tag_texts))
        self._staged_count = len(staged["guid"])
        self._held = None
        self._holding_deck = None if new else self._deck_holding(staged, read_ahead)
        if self._holding_deck is not None:
            self._held = staged  # staged only if the import turns out to go to another deck
        else:
            self._stage(staged, progress)

    def _stage(
        self, staged: dict[str, list[Any]], progress: Callable[[int, int], None] | None
    ) -> None:
        """The staged columns into the view temp.staged_notes, a batch at a time.

        sqlite3 spends far more on a row than on a value in it, so PACKED notes go into each
        row of a scratch table (temp.staged_rows), and the view gives them back one to a row,
        with its `position` in the file. Ordered by `prow, slot` (the packed row, the place
        in it), the view reads in file order without a sort.
        """
        values = list(staged.values())
        total = len(staged["guid"])
        conn = self.conn
        conn.execute("PRAGMA temp_store = MEMORY")  # the scratch table: no temporary file
        own = not conn.in_transaction
        if own:
            conn.execute("BEGIN")  # DEFERRED, and it writes only the TEMP database
        try:
            self._drop_staged()
            packed = [f"{name}{slot}" for slot in range(PACKED) for name in staged]
            conn.execute(f"CREATE TEMP TABLE staged_rows ({', '.join(packed)})")
            conn.execute("CREATE TEMP TABLE staged_slots (slot INTEGER PRIMARY KEY)")
            conn.executemany("INSERT INTO temp.staged_slots VALUES (?)", zip(range(PACKED)))
            unpacked = [
                f"CASE s.slot {' '.join(f'WHEN {i} THEN r.{name}{i}' for i in range(PACKED))} "
                f"END AS {name}"
                for name in staged
            ]
            conn.execute(
                f"""CREATE TEMP VIEW staged_notes AS
                    SELECT r.rowid AS prow, s.slot AS slot,
                           (r.rowid - 1) * {PACKED} + s.slot + 1 AS position, {", ".join(unpacked)}
                    FROM temp.staged_rows AS r CROSS JOIN temp.staged_slots AS s
                    WHERE (r.rowid - 1) * {PACKED} + s.slot < {int(total)}"""
            )
            insert = f"INSERT INTO temp.staged_rows VALUES ({', '.join('?' * len(packed))})"
            # the values note after note, padded to whole rows, cut into rows of PACKED notes
            flat = chain(
                chain.from_iterable(zip(*values, strict=True)),
                repeat(None, len(values) * (-total % PACKED)),
            )
            rows = zip(*[flat] * len(packed), strict=True)
            for start in range(0, total, BULK_BATCH):
                end = start + BULK_BATCH
                conn.executemany(insert, islice(rows, -(-BULK_BATCH // PACKED)))
                if progress:
                    progress(min(end, total), total)
        except BaseException:
            if own:
                conn.rollback()
            raise
        if own:
            conn.execute("COMMIT")

    def _drop_staged(self) -> None:
        """The staged notes gone (`_stage`), when there are any."""
        self.conn.execute("DROP VIEW IF EXISTS temp.staged_notes")
        self.conn.execute("DROP TABLE IF EXISTS temp.staged_rows")
        self.conn.execute("DROP TABLE IF EXISTS temp.staged_slots")

    @contextmanager
    def reading_deck(self, name: str) -> Iterator[DeckText | None]:
        """The notes of the deck `name` read on a thread, as `_deck_holding` compares a big
        plain file's notes (a NoteTable) with them, while the caller reads that file: a file
        imported before and unchanged since then costs little more than reading it. A guess
        (the file may name another deck, or hold other columns), checked where it is used.

        The caller must not use the store inside the block. Whatever ends the block, the
        thread has ended first: an error or Ctrl-C inside stops the query (SQLite's
        interrupt); a read that failed leaves the text unknown, for `_deck_holding` to read.
        """
        row = self.conn.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
        if row is None:
            yield None
            return
        staged, constants = _staged_split(note_columns(NoteTable(name, [], [], [], [], [])))
        ahead = DeckText(row[0], tuple(staged), _without_deck(constants), self._data_version())
        work = partial(self._deck_text, ahead.deck_id, ahead.columns, ahead.constants)
        reading = self._start(Worker(work))
        try:
            yield ahead
        except BaseException:
            wait_for(reading, self.conn.interrupt, stop=True)
            raise
        wait_for(reading, self.conn.interrupt)
        with suppress(sqlite3.Error):  # read again where it is needed, which says what failed
            ahead.stored = reading.result()

    def _data_version(self) -> int:
        """A number that changes whenever another connection commits to the file."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def _deck_text(
        self, deck_id: int, columns: Sequence[str], constants: dict[str, Any]
    ) -> tuple[int, str | None]:
        """How many notes of the deck have the `constants`, and their `columns` as one text
        (`_deck_holding`)."""
        same = [f"{name} IS ?" for name in constants]
        count, text = self.conn.execute(
            f"""SELECT COUNT(*), group_concat({" || char(31) || ".join(columns)}, char(30))
                FROM notes WHERE {" AND ".join(["deck_id = ?", *same])}""",
            [deck_id, *constants.values()],
        ).fetchone()
        return count, text

    def _deck_holding(
        self, staged: dict[str, list[Any]], read_ahead: DeckText | None = None
    ) -> int | None:
        """The deck that already holds every staged note as it is, when one does (a file
        imported before and unchanged since): the import then writes nothing.

        Both sides become one text, the deck's notes joined by SQL (in the order of the deck's
        index, which is id order: any other order only makes the texts differ) and the staged
        values joined the same way by str.join, so no note becomes a Python object. The
        separators (unit and record separators) must not occur in the staged values, which
        makes equal texts mean equal notes. A deck holding another number of notes than the
        file (counted on its index: a few new notes for a big deck cost no joining) is not
        compared at all. None: compare note by note. `read_ahead`: the deck's text, when it
        was read for these columns (`reading_deck`).
        """
        constants = self._staged_constants
        guids = staged["guid"]
        if not guids or "deck" not in constants or not set(staged) <= TEXT_COLUMNS:
            return None
        found = self.conn.execute("SELECT deck_id FROM notes WHERE guid = ?", [guids[0]])
        row = found.fetchone()
        if row is None or self.conn.execute(
            "SELECT COUNT(*) FROM notes WHERE deck_id = ?", row
        ).fetchone() != (len(guids),):
            return None
        mine = "\x1e".join(map("\x1f".join, zip(*staged.values(), strict=True)))
        separators = (len(staged) - 1) * len(guids), len(guids) - 1
        if (mine.count("\x1f"), mine.count("\x1e")) != separators:
            return None
        shape = row[0], tuple(staged), _without_deck(constants)
        if (
            read_ahead
            and read_ahead.stored
            and read_ahead.shape() == shape
            and read_ahead.data_version == self._data_version()  # nobody wrote since
        ):
            stored = read_ahead.stored
        else:
            stored = self._deck_text(*shape)
        return int(row[0]) if stored == (len(guids), mine) else None

    @contextmanager
    def first_load(self, notes: int | None = None, own_references: bool = False) -> Iterator[None]:
        """The write of many notes (`notes`, else those staged) into an empty collection,
        through the rollback journal: WAL writes each page twice (into the log at the commit,
        then into the file at the checkpoint), the rollback journal once (it keeps only the
        few pages the load overwrites). WAL is back as soon as the write is over, committed
        or not. SQLite refuses the switch while another connection has the file open: then
        the write goes through WAL as usual. Call outside a transaction.

        `own_references`: every row written refers only to a deck looked up and to notes
        written in the same transaction (`load_tables`), so SQLite's foreign-key checks, a
        lookup for each note and two for each card, are off until the write is over.

        Ctrl-C while the settings change (a Ctrl-C during a switch lands just after it) is
        raised once they are all made, or all put back.
        """
        conn = self.conn
        switched = False
        big = (self._staged_count if notes is None else notes) >= LAZY_INDEX_NOTES
        try:
            with ctrl_c_held(nothing):
                switched = big and self.empty() and _rollback_journal(conn)
                if own_references:
                    conn.execute("PRAGMA foreign_keys = OFF")
            yield
        finally:
            with ctrl_c_held(nothing):
                if conn.in_transaction:  # begun, and Ctrl-C came before its own rollback could
                    conn.rollback()
                if own_references:
                    conn.execute("PRAGMA foreign_keys = ON")
                if switched:
                    _wal(conn)

    def write_staged(self, deck: Deck, now: datetime) -> ImportReport:
        """Move the staged notes in: new ones added, changed ones updated (compared in SQL,
        column by column), unchanged ones not written at all. Call in a transaction."""
        stamp = iso(now)
        conn = self.conn
        conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        with self.transaction():
            held, self._held = self._held, None
            if held is not None:
                name = self._staged_constants["deck"]
                target: int | None = deck.id
                if name is not None:
                    row = conn.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
                    target = row[0] if row else None
                if target == self._holding_deck:
                    return ImportReport(unchanged=self._staged_count)
                self._stage(held, None)  # the notes move to another deck
            # decks the notes name (Anki's deck column), created in the order first named
            if "deck" in self._staged_constants:
                names = [self._staged_constants["deck"]]
            else:
                names = [
                    name
                    for (name,) in conn.execute(
                        """SELECT deck FROM temp.staged_notes WHERE deck IS NOT NULL
                           GROUP BY deck ORDER BY MIN(position)"""
                    )
                ]
            for name in names:
                if name is not None:
                    self._deck_id(name, stamp)
            staged, params = self._staged_notes(deck)
            total = conn.execute("SELECT COUNT(*) FROM temp.staged_notes").fetchone()[0]
            last_id = self._last_note_id()
            added, changed = self._move_staged_notes(staged, params, stamp, total, last_id)
            self._index_new_notes(last_id, added)
            report = ImportReport(added=added, updated=len(changed))
            report.unchanged = total - report.added - report.updated
            self._add_cards(last_id, stamp, self._staged_any("reverse", "reverse"))
            if changed:
                self._sync_cards_of(changed, stamp)
            if changed or self._staged_any("sources", "sources != '[]'"):
                self._link_sources(last_id, changed)
            self._drop_staged()
        return report

    def _add_cards(self, last_id: int, stamp: str, reverse: bool) -> None:
        """The cards of the notes after `last_id` (new ones, just added) in one statement, in
        the order one by one would give (a note's forward card, then its reverse card, when
        some may have one). OR FAIL: see `_insert_staged`."""
        if reverse:
            self.conn.execute(
                """INSERT OR FAIL INTO cards (note_id, deck_id, ord, state, due)
                   SELECT n.id, n.deck_id, d.ord, 0, ?
                   FROM notes n JOIN (SELECT 0 AS ord UNION ALL SELECT 1) d
                       ON d.ord = 0 OR n.reverse = 1
                   WHERE n.id > ? ORDER BY n.id, d.ord""",
                [stamp, last_id],
            )
        else:  # no reverse cards: rowid order is note order, no sort needed
            self.conn.execute(
                """INSERT OR FAIL INTO cards (note_id, deck_id, ord, state, due)
                   SELECT id, deck_id, 0, 0, ? FROM notes WHERE id > ? ORDER BY id""",
                [stamp, last_id],
            )

    def empty(self) -> bool:
        """Whether the collection holds no notes at all."""
        return self.conn.execute("SELECT 1 FROM notes LIMIT 1").fetchone() is None

    def load_tables(
        self,
        deck: Deck,
        now: datetime,
        tables: Iterable[NoteTable],
        progress: Callable[[int, int], None] | None = None,
        total: int = 0,
    ) -> ImportReport:
        """New notes, a table at a time, into a collection that held none when the caller's
        transaction began (`empty`); `total`: about how many, for `progress`.

        Each table is written on a second thread while the next is read: the write is SQL,
        during which sqlite3 lets go of Python's lock, so reading and writing share two
        cores. Ctrl-C stops the write under way (SQLite's interrupt) and is raised only once
        the writer has stopped, never half-way through starting one; an error from `tables`
        also waits for the writer. The caller's rollback then takes back every table
        written.
        """
        stamp = iso(now)
        self.conn.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
        added, done = 0, 0
        tag_texts: dict[tuple[str, ...], str] = {}  # each set of tags encoded once in all
        writing: Worker[int] | None = None
        # A statement done, the writer waits for Python's lock until the reading lets go of
        # it, by default after up to 5 ms: made shorter while both run.
        with ctrl_c_held(self.conn.interrupt) as pressed, _switch_interval(WRITER_WAIT_S):
            try:
                with self._insert_trigger_set_aside():
                    for table in tables:  # reads the next table while the last one is written
                        if writing is not None:
                            added += writing.result()
                        stop_if(pressed)
                        self.stage_notes(table, new=True, tag_texts=tag_texts)
                        staged, params = self._staged_notes(deck)
                        reverse = self._staged_any("reverse", "reverse")
                        last_id = self._last_note_id()
                        # only the two long statements on the writer: each short one would
                        # wait there for Python's lock, which the reading keeps busy
                        write = partial(
                            self._add_new_notes, staged, params, stamp, last_id, reverse
                        )
                        writing = self._start(Worker(write))
                        done += len(table)
                        if progress and done < total:
                            progress(done, total)
                    if writing is not None:
                        added += writing.result()
                    stop_if(pressed)
            finally:
                if writing is not None:
                    writing.join()  # whatever ends the load, the writer stops first
        self._drop_staged()
        self._index_new_notes(0, added)
        if progress:
            progress(total, total)
        return ImportReport(added=added)

    def _add_new_notes(
        self, staged: str, params: list[Any], stamp: str, last_id: int, reverse: bool
    ) -> int:
        """Every staged note added as a new note (after `last_id`), with its cards; how many."""
        added = self._insert_staged(staged, params, stamp)
        self._add_cards(last_id, stamp, reverse)
        return added

    def _last_note_id(self) -> int:
        return int(self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM notes").fetchone()[0])

    def _move_staged_notes(
        self, staged: str, params: list[Any], stamp: str, total: int, last_id: int
    ) -> tuple[int, list[int]]:
        """Add the new staged notes and update the changed ones; returns how many were added
        and the ids of those updated, in file order. Unchanged notes are not written at all.

        Each guid is looked up once, in one query that returns only the notes to write (none
        for a file imported before and unchanged since), compared in SQL column by column.
        """
        conn = self.conn
        new_at: list[int] | None = None  # positions of the new notes; None: every one
        changed: list[int] = []
        if last_id:
            differs = " OR ".join(f"n.{c} IS NOT s.{c}" for c in CONTENT_COLUMNS)
            found = conn.execute(
                f"""SELECT s.position, n.id FROM ({staged}) AS s
                    LEFT JOIN notes n ON n.guid = s.guid WHERE n.id IS NULL OR {differs}""",
                params,
            ).fetchall()
            changed_at = [position for position, note_id in found if note_id is not None]
            changed = [note_id for _position, note_id in found if note_id is not None]
            if changed:
                # the changed notes taken out of the staged ones first, into a table of their
                # own: joined to the staged view itself, SQLite may scan every note for each
                # staged row, as it did for a big file
                conn.execute("DROP TABLE IF EXISTS temp.changed_notes")
                conn.execute(
                    f"""CREATE TEMP TABLE changed_notes AS SELECT * FROM ({staged})
                        WHERE position IN (SELECT value FROM json_each(?))""",
                    [*params, json.dumps(changed_at)],
                )
                conn.execute(
                    f"""UPDATE notes SET {", ".join(f"{c} = s.{c}" for c in CONTENT_COLUMNS)},
                            modified = ?
                        FROM temp.changed_notes AS s WHERE notes.guid = s.guid""",
                    [stamp],
                )
                conn.execute("DROP TABLE temp.changed_notes")
            if len(found) - len(changed) < total:
                new_at = [position for position, note_id in found if note_id is None]
        if new_at == []:
            return 0, changed
        where, chosen = "", []
        if new_at is not None:
            where, chosen = (
                "WHERE s.position IN (SELECT value FROM json_each(?))",
                [json.dumps(new_at)],
            )
        with self._insert_trigger_set_aside():
            added = self._insert_staged(staged, [*params, *chosen], stamp, where)
        return added, changed

    def _insert_staged(self, staged: str, params: list[Any], stamp: str, where: str = "") -> int:
        """The staged notes (those `where` picks) inserted as new notes, in file order.

        OR FAIL, not SQLite's default ABORT, which keeps a journal of the statement to undo
        it alone on an error (pages copied to a temporary file: 13 MB for a load of 100,000
        notes, whose foreign-key checks are off; the checks keep one anyway): every write
        here is in a transaction that an error rolls back whole (`transaction`).
        """
        columns = f"guid, {', '.join(CONTENT_COLUMNS)}"
        return int(
            self.conn.execute(
                f"""INSERT OR FAIL INTO notes ({columns}, created, modified)
                    SELECT {columns}, ?, ? FROM ({staged}) AS s {where}
                    ORDER BY s.prow, s.slot""",
                [stamp, stamp, *params],
            ).rowcount
        )

    @contextmanager
    def _insert_trigger_set_aside(self) -> Iterator[None]:
        """The search index's insert trigger (notes_ai) dropped for one bulk insert, and made
        again from its own SQL, in the caller's transaction: run for every row, it costs a
        third of the insert, and the import indexes its new notes itself (`_index_new_notes`).
        An error inside rolls the transaction back, and the trigger with it."""
        conn = self.conn
        (sql,) = conn.execute(
            "SELECT sql FROM main.sqlite_master WHERE type = 'trigger' AND name = 'notes_ai'"
        ).fetchone()
        conn.execute("DROP TRIGGER main.notes_ai")
        yield
        conn.execute(sql)

    def _staged_any(self, column: str, condition: str) -> bool:
        """Whether a staged note meets `condition` on `column`: asked of the one value when
        every note has the same, else of the staged rows."""
        if column in self._staged_constants:
            rows, params = f"(SELECT ? AS {column})", [self._staged_constants[column]]
        else:
            rows, params = "temp.staged_notes", []
        query = f"SELECT 1 FROM {rows} WHERE {condition} LIMIT 1"
        return self.conn.execute(query, params).fetchone() is not None

    def _index_new_notes(self, last_id: int, added: int) -> None:
        """The notes after `last_id` into the search index, or, for a bulk import, the index
        marked stale: the first search rebuilds it (`_search_index_current`), so an import
        of many notes costs no indexing that nobody may need (migration m009)."""
        conn = self.conn
        if conn.execute("SELECT 1 FROM notes_fts_stale").fetchone():
            return  # stale already: the rebuild will take these notes too
        # lazily only when the new notes are at least half of all: the rebuild then costs at
        # most twice the indexing it saves, and a big collection is not rebuilt for a few
        if added >= LAZY_INDEX_NOTES and 2 * added >= last_id + added:
            conn.execute("INSERT INTO notes_fts_stale (stale) VALUES (1)")
        elif added:
            conn.execute(
                """INSERT INTO notes_fts (rowid, question, answer, tags)
                   SELECT id, question, answer, tags FROM notes WHERE id > ?""",
                [last_id],
            )

    def _search_index_current(self) -> None:
        """Rebuild the search index from the notes if a bulk import left it stale."""
        stale = "SELECT 1 FROM notes_fts_stale"
        if self.conn.execute(stale).fetchone() is None:
            return
        with self.transaction():
            if self.conn.execute(stale).fetchone():  # another quizkit may have rebuilt it
                self.conn.execute("INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')")
                self.conn.execute("DELETE FROM notes_fts_stale")

    def _staged_notes(self, deck: Deck) -> tuple[str, list[Any]]:
        """A SELECT of the staged notes, every column and the id of the deck each goes to,
        with the parameters it takes."""
        constants = self._staged_constants
        parts = ["prow", "slot", "position"]
        inner: list[Any] = []
        for name in STAGED_COLUMNS:
            if name in constants:
                parts.append(f"? AS {name}")
                inner.append(constants[name])
            else:
                parts.append(name)
        deck_id = "CASE WHEN deck IS NULL THEN ? ELSE (SELECT id FROM decks WHERE name = deck) END"
        first = deck.id
        if "deck" in constants:  # one deck for all: its id looked up once, not row by row
            deck_id = "?"
            if constants["deck"] is not None:
                first = self.conn.execute(
                    "SELECT id FROM decks WHERE name = ?", [constants["deck"]]
                ).fetchone()[0]
        return (
            f"""SELECT *, {deck_id} AS deck_id
                FROM (SELECT {", ".join(parts)} FROM temp.staged_notes)""",
            [first, *inner],  # the outer query's parameter comes first
        )

    def _sync_cards_of(self, note_ids: list[int], stamp: str) -> None:
        """One card per direction for the notes named; a dropped reverse card goes, with its
        reviews; the forward card always stays. Cards follow their note's deck."""
        guids_json = json.dumps(note_ids)
        touched = "SELECT value FROM json_each(?)"
        self.conn.execute(
            f"""UPDATE cards SET deck_id = (SELECT deck_id FROM notes WHERE id = cards.note_id)
                WHERE note_id IN ({touched})""",
            [guids_json],
        )
        self.conn.execute(
            f"""INSERT OR IGNORE INTO cards (note_id, deck_id, ord, state, due)
                SELECT id, deck_id, 0, 0, ? FROM notes WHERE id IN ({touched})""",
            [stamp, guids_json],
        )
        self.conn.execute(
            f"""INSERT OR IGNORE INTO cards (note_id, deck_id, ord, state, due)
                SELECT id, deck_id, 1, 0, ? FROM notes WHERE reverse = 1 AND id IN ({touched})""",
            [stamp, guids_json],
        )
        dropped = f"""SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id
                      WHERE c.ord = 1 AND n.reverse = 0 AND n.id IN ({touched})"""
        self.conn.execute(f"DELETE FROM reviews WHERE card_id IN ({dropped})", [guids_json])
        self.conn.execute(f"DELETE FROM cards WHERE id IN ({dropped})", [guids_json])

    def _link_sources(self, last_id: int, changed: list[int]) -> None:
        """Each new or changed note linked to the source documents its `sources` names."""
        touched = "n.id > ? OR n.id IN (SELECT value FROM json_each(?))"
        params = [last_id, json.dumps(changed)]
        self.conn.execute(
            "DELETE FROM note_sources WHERE note_id IN (SELECT value FROM json_each(?))",
            [params[1]],
        )
        document = "json_extract(j.value, '$.document')"
        self.conn.execute(
            f"""INSERT OR IGNORE INTO sources (name)
                SELECT DISTINCT {document} FROM notes n, json_each(n.sources) j
                WHERE ({touched}) AND n.sources != '[]' ORDER BY 1""",
            params,
        )
        self.conn.execute(
            f"""INSERT OR IGNORE INTO note_sources (note_id, source_id)
                SELECT n.id, s.id FROM notes n, json_each(n.sources) j
                JOIN sources s ON s.name = {document}
                WHERE ({touched}) AND n.sources != '[]' ORDER BY n.id, s.name""",
            params,
        )

    def deck_cards(self, deck: Deck) -> list[StudyCard]:
        in_deck, ids = _in_deck("c.deck_id", deck)
        rows = self.db.execute(
            CARD_SELECT + f" WHERE {in_deck} ORDER BY c.note_id, c.ord", ids
        ).fetchall()
        return [_study_card(row) for row in rows]

    def card(self, card_id: int) -> StudyCard:
        row = self.db.execute(CARD_SELECT + " WHERE c.id = ?", [card_id]).fetchone()
        if row is None:
            raise UnknownNote(f"no card with id {card_id}")
        return _study_card(row)

    # study -------------------------------------------------------------

    def next_due_card(
        self,
        deck: Deck | None,
        now: datetime,
        exclude: Iterable[int] = (),
        bury_since: datetime | None = None,
    ) -> StudyCard | None:
        """The most overdue card that is due by `now` (learning, review or relearning).

        With `bury_since`, a card whose sibling was reviewed since then is skipped.
        """
        where, params = _queue_filter(
            "c.state > 0 AND c.suspended = 0 AND c.due <= ?", [iso(now)], deck, exclude, bury_since
        )
        row = self.db.execute(
            CARD_SELECT + f" WHERE {where} ORDER BY c.due LIMIT 1", params
        ).fetchone()
        return _study_card(row) if row else None

    def next_new_card(
        self,
        deck: Deck | None,
        exclude: Iterable[int] = (),
        bury_since: datetime | None = None,
    ) -> StudyCard | None:
        """The oldest card never studied (skipping buried siblings, as next_due_card)."""
        where, params = _queue_filter(
            "c.state = 0 AND c.suspended = 0", [], deck, exclude, bury_since
        )
        row = self.db.execute(
            CARD_SELECT + f" WHERE {where} ORDER BY c.deck_id, c.id LIMIT 1", params
        ).fetchone()
        return _study_card(row) if row else None

    def new_cards_studied_since(self, deck: Deck | None, since: datetime) -> int:
        """New cards first studied since `since`, the study day's start (the daily limit)."""
        if deck is None:
            sql = "SELECT COUNT(*) FROM reviews WHERE state_before = 0 AND reviewed_at >= ?"
            return int(self.db.execute(sql, [iso(since)]).fetchone()[0])
        # CROSS JOIN keeps SQLite reading today's first reviews first (idx_reviews_first),
        # rather than every card of the deck and then each card's reviews
        in_deck, ids = _in_deck("c.deck_id", deck)
        sql = f"""SELECT COUNT(*) FROM reviews r CROSS JOIN cards c ON c.id = r.card_id
                  WHERE r.reviewed_at >= ? AND r.state_before = 0 AND {in_deck}"""
        return int(self.db.execute(sql, [iso(since), *ids]).fetchone()[0])

    def count_due(
        self,
        deck: Deck | None,
        now: datetime,
        bury_since: datetime | None = None,
        limit: int = -1,
    ) -> int:
        """Scheduled cards due by `now`: the 'still to go' figure shown while studying.

        With `bury_since`, cards buried by a sibling's review (see next_due_card) don't count.
        Counting stops at `limit` (when not -1): counting costs time in proportion to the count.
        """
        sql = "SELECT 1 FROM cards c WHERE c.state > 0 AND c.suspended = 0 AND c.due <= ?"
        params: list[Any] = [iso(now)]
        if deck is not None:
            in_deck, ids = _in_deck("c.deck_id", deck)
            sql += f" AND {in_deck}"
            params += ids
        if bury_since is not None:
            sql += SIBLING_NOT_REVIEWED_SINCE
            params.append(iso(bury_since))
        # ORDER BY due steers SQLite to the (deck_id, due) index, where counting can stop early
        sql = f"SELECT COUNT(*) FROM ({sql} ORDER BY c.due LIMIT ?)"
        return int(self.db.execute(sql, [*params, limit]).fetchone()[0])

    def queue_counts(
        self, deck: Deck | None, now: datetime, bury_since: datetime
    ) -> tuple[int, int, int]:
        """(new, learning, review) cards ready by `now`, less those buried since `bury_since`.

        Counted once when a session starts (the session keeps them current from then on):
        the plain counts read the partial indexes; the buried ones are found from the day's
        reviews, which are few, rather than by testing every card.
        """
        where, params = ("", []) if deck is None else _in_deck("deck_id", deck)
        where = f" AND {where}" if where else ""
        new = self.db.execute(
            f"SELECT COUNT(*) FROM cards WHERE state = 0 AND suspended = 0{where}", params
        ).fetchone()[0]
        # the covering (deck_id, state, suspended, due) index: no table row is read
        learning, review = self.db.execute(
            f"""SELECT COALESCE(SUM(state != 2), 0), COALESCE(SUM(state = 2), 0)
                FROM cards INDEXED BY idx_cards_deck_state
                WHERE state > 0 AND suspended = 0 AND due <= ?{where}""",
            [iso(now), *params],
        ).fetchone()
        sibling_where = where.replace("deck_id", "s.deck_id")
        buried = self.db.execute(
            # CROSS JOIN keeps SQLite on the day's reviews first (idx_reviews_time), not on
            # every card of the deck
            f"""SELECT DISTINCT s.id, s.state, s.due FROM reviews r
                CROSS JOIN cards c ON c.id = r.card_id
                CROSS JOIN cards s ON s.note_id = c.note_id AND s.id != c.id
                WHERE r.reviewed_at >= ? AND s.suspended = 0{sibling_where}""",
            [iso(bury_since), *params],
        ).fetchall()
        for _id, state, due in buried:
            if state == CardState.NEW:
                new -= 1
            elif due <= iso(now):
                if state == CardState.REVIEW:
                    review -= 1
                else:
                    learning -= 1
        return int(new), int(learning), int(review)

    def became_due(
        self, deck: Deck | None, after: datetime, until: datetime, bury_since: datetime
    ) -> tuple[int, int]:
        """(learning, review) cards falling due in (after, until], not buried: what a
        session adds to its counts as time passes. One short range of the due index."""
        where, params = _queue_filter(
            "c.state > 0 AND c.suspended = 0 AND c.due > ? AND c.due <= ?",
            [iso(after), iso(until)],
            deck,
            (),
            bury_since,
        )
        learning, review = self.db.execute(
            f"""SELECT COALESCE(SUM(c.state != 2), 0), COALESCE(SUM(c.state = 2), 0)
                FROM cards c WHERE {where}""",
            params,
        ).fetchone()
        return int(learning), int(review)

    def sibling_cards(self, card: StudyCard) -> list[StudyCard]:
        """The other cards of the card's note (its reverse, or its forward card)."""
        rows = self.db.execute(
            CARD_SELECT + " WHERE c.note_id = ? AND c.id != ?", [card.note_id, card.id]
        ).fetchall()
        return [_study_card(row) for row in rows]

    def next_due_time(self, deck: Deck | None) -> datetime | None:
        """When the next scheduled (not new) card falls due."""
        if deck is None:
            sql = "SELECT MIN(due) FROM cards WHERE state > 0 AND suspended = 0"
            params: list[Any] = []
        else:
            # one probe of the (deck_id, due) index; left to itself SQLite reads the deck's
            # whole slice of idx_cards_deck_state
            in_deck, ids = _in_deck("deck_id", deck)
            sql = f"""SELECT MIN(due) FROM cards INDEXED BY idx_cards_deck_due
                      WHERE {in_deck} AND state > 0 AND suspended = 0"""
            params = list(ids)
        value = self.db.execute(sql, params).fetchone()[0]
        return parse_iso(value) if value else None

    def record_review(self, card: StudyCard, review: Review) -> RecordedReview:
        """Write a review, the card's new schedule and what follows from them (a leech's
        suspension) in one transaction, committed before returning: nothing is shown of an
        answer that is not stored whole."""
        with self.transaction():
            self._write_card_state(card)
            review_id = self.db.execute(
                """INSERT INTO reviews (card_id, reviewed_at, rating, typed, correct,
                       duration_ms, state_before, elapsed_days)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                [
                    review.card_id,
                    iso(review.reviewed_at),
                    int(review.rating),
                    review.typed,
                    None if review.correct is None else int(review.correct),
                    review.duration_ms,
                    int(review.state_before),
                    review.elapsed_days,
                ],
            ).lastrowid
            assert review_id is not None
            return self._apply_leech_rule(review_id, review)

    def amend_review(
        self, recorded: RecordedReview, card: StudyCard, review: Review
    ) -> RecordedReview:
        """Replace a just-written review's grade (the learner overrode it), its card state and
        its consequences: a leech suspension the first grade made is undone, and the new
        grade may make one, all in one transaction."""
        with self.transaction():
            self._write_card_state(card)
            self.db.execute(
                "UPDATE reviews SET rating = ? WHERE id = ?",
                [int(review.rating), recorded.review_id],
            )
            if recorded.leech:
                self.db.execute(
                    "UPDATE cards SET suspended = 0, leech = ? WHERE id = ?",
                    [int(recorded.was_leech), review.card_id],
                )
            return self._apply_leech_rule(recorded.review_id, review)

    def _apply_leech_rule(self, review_id: int, review: Review) -> RecordedReview:
        """Mark and suspend the card if this answer makes it a leech (see quizkit.leech)."""
        from quizkit.leech import is_lapse, suspends_as_leech

        lapses = self.lapse_count(review.card_id)
        marked = bool(
            self.db.execute("SELECT leech FROM cards WHERE id = ?", [review.card_id]).fetchone()[0]
        )
        leech = suspends_as_leech(lapses, is_lapse(review.rating, review.state_before), marked)
        if leech:
            self.db.execute(
                "UPDATE cards SET leech = 1, suspended = 1 WHERE id = ?", [review.card_id]
            )
        return RecordedReview(review_id, lapses, leech, marked)

    def _write_card_state(self, card: StudyCard) -> None:
        self.db.execute(
            """UPDATE cards SET state = ?, step = ?, stability = ?, difficulty = ?, due = ?,
                   last_review = ? WHERE id = ?""",
            [
                int(card.state),
                card.step,
                card.stability,
                card.difficulty,
                iso(card.due),
                iso(card.last_review) if card.last_review else None,
                card.id,
            ],
        )

    def reviews_of(self, card_id: int) -> list[dict[str, Any]]:
        rows = self.db.execute(
            """SELECT id, reviewed_at, rating, typed, correct, duration_ms, state_before
               FROM reviews WHERE card_id = ? ORDER BY id""",
            [card_id],
        ).fetchall()
        keys = ("id", "reviewed_at", "rating", "typed", "correct", "duration_ms", "state_before")
        return [dict(zip(keys, row, strict=True)) for row in rows]

    # generated notes: review, edit, drop ---------------------------------

    def protected_guids(self, guids: Iterable[str]) -> set[str]:
        """Guids of notes a person edited or dropped: regeneration must not overwrite them."""
        wanted = list(guids)
        found: set[str] = set()
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            rows = self.db.execute(
                f"SELECT guid FROM notes WHERE (edited = 1 OR dropped = 1) "
                f"AND guid IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
            found.update(row[0] for row in rows)
        return found

    def find_note(self, ref: str) -> tuple[int, Note]:
        """A stored note by its id (as `show --json` prints it) or its guid."""
        from quizkit.extra import stored_extra

        column = "id" if ref.isdigit() else "guid"
        row = self.db.execute(
            f"""SELECT n.id, n.guid, d.name, {NOTE_COLUMNS}
                FROM notes n JOIN decks d ON d.id = n.deck_id WHERE n.{column} = ?""",
            [int(ref) if column == "id" else ref],
        ).fetchone()
        if row is None:
            raise UnknownNote(f"no note with id {ref!r} (see `quizkit show DECK --json`)")
        note_id, guid, deck_name = row[0], row[1], row[2]
        kind, question, answer, alternatives, distractors, tags, sources, extra, reverse = row[3:12]
        return note_id, Note(
            question=question,
            answer=answer,
            guid=guid,
            deck=deck_name,
            kind=kind,
            alternatives=tuple(json.loads(alternatives)),
            distractors=tuple(json.loads(distractors)),
            tags=tuple(json.loads(tags)),
            sources=tuple(SourceRef.from_dict(s) for s in json.loads(sources)),
            reverse=bool(reverse),
            extra=stored_extra(extra),
        )

    def edit_note(self, note_id: int, note: Note, now: datetime) -> None:
        """Store a person's edit of a note; its cards and their history stay as they are."""
        with self.transaction():
            self.db.execute(
                """UPDATE notes SET question = ?, answer = ?, alternatives = ?, distractors = ?,
                       tags = ?, edited = 1, modified = ? WHERE id = ?""",
                [
                    note.question,
                    note.answer,
                    _dumps(list(note.alternatives)),
                    _dumps(list(note.distractors)),
                    _dumps(list(note.tags)),
                    iso(now),
                    note_id,
                ],
            )

    def drop_note(self, note_id: int, now: datetime) -> None:
        """Take a note out of study for good, keeping it and its history for the record."""
        with self.transaction():
            self.db.execute(
                "UPDATE notes SET dropped = 1, modified = ? WHERE id = ?", [iso(now), note_id]
            )
            self.db.execute("UPDATE cards SET suspended = 1 WHERE note_id = ?", [note_id])

    def undrop_note(self, note_id: int, now: datetime) -> bool:
        """Bring a dropped note back into study; its cards return, except leeches (they stay
        suspended until `unsuspend`). False when the note was not dropped."""
        with self.transaction():
            changed = self.db.execute(
                "UPDATE notes SET dropped = 0, modified = ? WHERE id = ? AND dropped = 1",
                [iso(now), note_id],
            ).rowcount
            if changed:
                self.db.execute(
                    "UPDATE cards SET suspended = 0 WHERE note_id = ? AND leech = 0", [note_id]
                )
        return bool(changed)

    def note_exists(self, guid: str) -> int | None:
        """The id of the note with this guid, if there is one."""
        row = self.db.execute("SELECT id FROM notes WHERE guid = ?", [guid]).fetchone()
        return None if row is None else int(row[0])

    # search --------------------------------------------------------------

    def search_notes(
        self, query: str, deck: Deck | None, tag: str | None, limit: int
    ) -> list[dict[str, Any]]:
        """Notes whose question, answer or tags hold every word of `query` (each word also as
        the start of a longer one), best matches first (FTS5's bm25 rank)."""
        words = re.findall(r"\w+", query)
        if not words:
            return []
        self._search_index_current()
        match = " ".join(f'"{word}"*' for word in words)
        where, params = "", []
        if deck is not None:
            in_deck, ids = _in_deck("n.deck_id", deck)
            where, params = f" AND {in_deck}", ids
        if tag is not None:
            where += " AND EXISTS (SELECT 1 FROM json_each(n.tags) t WHERE lower(t.value) = ?)"
            params.append(tag.casefold())
        rows = self.db.execute(
            f"""SELECT n.id, n.guid, d.name, n.question, n.answer, n.tags, n.dropped
                FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
                JOIN decks d ON d.id = n.deck_id
                WHERE notes_fts MATCH ?{where}
                ORDER BY notes_fts.rank, n.id LIMIT ?""",
            [match, *params, limit],
        ).fetchall()
        keys = ("id", "guid", "deck", "question", "answer", "tags", "dropped")
        return [
            {
                **dict(zip(keys, row, strict=True)),
                "tags": json.loads(row[5]),
                "dropped": bool(row[6]),
            }
            for row in rows
        ]

    # practice, leeches and stats (issue 7) -----------------------------

    def lapse_count(self, card_id: int) -> int:
        """How often a card lapsed: Again given when it had left learning (what makes a leech)."""
        row = self.db.execute(
            "SELECT COUNT(*) FROM reviews WHERE rating = 1 AND card_id = ? AND state_before = ?",
            [card_id, int(CardState.REVIEW)],
        ).fetchone()
        return int(row[0])

    def suspended_leeches(self) -> dict[int, int]:
        """Deck id -> how many of its cards are suspended as leeches."""
        return suspended_leeches(self.conn)

    def suspended_card_ids(self, deck: Deck) -> list[int]:
        in_deck, ids = _in_deck("deck_id", deck)
        rows = self.db.execute(
            f"SELECT id FROM cards WHERE {in_deck} AND suspended = 1 ORDER BY id", ids
        ).fetchall()
        return [row[0] for row in rows]

    def unsuspend(self, deck: Deck, card_ids: Iterable[int]) -> int:
        """Unsuspend these cards of the deck; the leech mark stays, as Anki keeps its tag."""
        in_deck, deck_ids = _in_deck("deck_id", deck)
        with self.transaction():
            changed = 0
            for card_id in list(card_ids):
                changed += self.db.execute(
                    f"""UPDATE cards SET suspended = 0 WHERE id = ? AND {in_deck} AND suspended = 1
                        AND note_id NOT IN (SELECT id FROM notes WHERE dropped = 1)""",
                    [card_id, *deck_ids],
                ).rowcount
        return changed

    def card_in_deck(self, deck: Deck, card_id: int) -> bool:
        in_deck, ids = _in_deck("deck_id", deck)
        row = self.db.execute(
            f"SELECT 1 FROM cards WHERE id = ? AND {in_deck}", [card_id, *ids]
        ).fetchone()
        return row is not None

    def leech_card_ids(self, deck: Deck | None) -> set[int]:
        sql = "SELECT id FROM cards WHERE leech = 1"
        params: list[Any] = []
        if deck is not None:
            in_deck, ids = _in_deck("deck_id", deck)
            sql += f" AND {in_deck}"
            params += ids
        return {row[0] for row in self.db.execute(sql, params).fetchall()}

    def card_state_counts(self, deck: Deck | None) -> tuple[int, int, int, int, int, int]:
        """(new, learning, review, relearning, suspended, leeches); states count unsuspended."""
        where, params = _deck_filter("deck_id", deck)
        row = self.db.execute(
            f"""SELECT COALESCE(SUM(state = 0 AND suspended = 0), 0),
                      COALESCE(SUM(state = 1 AND suspended = 0), 0),
                      COALESCE(SUM(state = 2 AND suspended = 0), 0),
                      COALESCE(SUM(state = 3 AND suspended = 0), 0),
                      COALESCE(SUM(suspended), 0),
                      COALESCE(SUM(leech), 0)
               FROM cards WHERE 1 {where}""",
            params,
        ).fetchone()
        return tuple(int(v) for v in row)  # type: ignore[return-value]

    def review_count(self, deck: Deck | None, since: datetime | None = None) -> int:
        """Reviews in the log (of a deck), all or since a moment."""
        # over a time range, the time index must lead (the card index would read the whole
        # deck's log): '+' keeps SQLite from using an index for the card test
        column = "card_id" if since is None else "+card_id"
        where, params = _deck_filter(column, deck, cards=True)
        if since is not None:
            where += " AND reviewed_at >= ?"
            params.append(iso(since))
        row = self.db.execute(f"SELECT COUNT(*) FROM reviews WHERE 1 {where}", params).fetchone()
        return int(row[0])

    def has_reviews(self) -> bool:
        """Whether anything was ever studied: a first session is told how to study."""
        return self.db.execute("SELECT 1 FROM reviews LIMIT 1").fetchone() is not None

    def first_review_at(self, deck: Deck | None) -> datetime | None:
        """When the (deck's) first review was: stats show no weeks before it."""
        where, params = _deck_filter("+card_id", deck, cards=True)
        row = self.db.execute(
            f"SELECT reviewed_at FROM reviews WHERE 1 {where} ORDER BY reviewed_at LIMIT 1",
            params,
        ).fetchone()
        return parse_iso(row[0]) if row else None

    def reviews_in_ranges(
        self, deck: Deck | None, ranges: list[tuple[datetime, datetime]]
    ) -> list[int]:
        """Reviews in each [start, end) range, one index range scan each (days or weeks)."""
        if not ranges:
            return []
        where, params = _deck_filter("+r.card_id", deck, cards=True)
        values, bounds = _ranges_values(ranges)
        rows = self.db.execute(
            f"""WITH spans(i, lo, hi) AS (VALUES {values})
                SELECT spans.i, (SELECT COUNT(*) FROM reviews r
                                 WHERE r.reviewed_at >= spans.lo AND r.reviewed_at < spans.hi
                                 {where})
                FROM spans ORDER BY spans.i""",
            bounds + params,
        ).fetchall()
        return [int(count) for _i, count in rows]

    def mature_reviews_in_ranges(
        self, deck: Deck | None, ranges: list[tuple[datetime, datetime]], mature_days: float
    ) -> list[tuple[int, int]]:
        """(reviews of mature cards, how many of them passed) in each [start, end) range.

        A review is of a mature card when the days since the card's previous review were at
        least `mature_days`; it passed when rated Hard, Good or Easy.
        """
        if not ranges:
            return []
        where, params = _deck_filter("+r.card_id", deck, cards=True)
        values, bounds = _ranges_values(ranges)
        rows = self.db.execute(
            f"""WITH spans(i, lo, hi) AS (VALUES {values})
                SELECT spans.i, COUNT(r.id), COALESCE(SUM(r.rating > 1), 0)
                FROM spans LEFT JOIN reviews r
                  ON r.reviewed_at >= spans.lo AND r.reviewed_at < spans.hi
                  AND r.elapsed_days >= ? {where}
                GROUP BY spans.i ORDER BY spans.i""",
            [*bounds, mature_days, *params],
        ).fetchall()
        return [(int(total), int(passed)) for _i, total, passed in rows]

    def reviewed_in_ranges(
        self, deck: Deck | None, ranges: list[tuple[datetime, datetime]]
    ) -> list[bool]:
        """Whether each [start, end) range holds at least one review (days, for streaks)."""
        if not ranges:
            return []
        where, params = _deck_filter("+r.card_id", deck, cards=True)
        values, bounds = _ranges_values(ranges)
        rows = self.db.execute(
            f"""WITH spans(i, lo, hi) AS (VALUES {values})
                SELECT spans.i, EXISTS (SELECT 1 FROM reviews r
                                        WHERE r.reviewed_at >= spans.lo
                                        AND r.reviewed_at < spans.hi {where})
                FROM spans ORDER BY spans.i""",
            bounds + params,
        ).fetchall()
        return [bool(found) for _i, found in rows]

    def reviewed_between(self, deck: Deck | None, start: datetime, end: datetime) -> bool:
        where, params = _deck_filter("+card_id", deck, cards=True)
        row = self.db.execute(
            f"""SELECT 1 FROM reviews WHERE reviewed_at >= ? AND reviewed_at < ? {where}
                LIMIT 1""",
            [iso(start), iso(end), *params],
        ).fetchone()
        return row is not None

    def due_in_ranges(
        self, deck: Deck | None, ranges: list[tuple[datetime, datetime]]
    ) -> list[int]:
        """Scheduled, unsuspended cards falling due in each [start, end) range."""
        if not ranges:
            return []
        where, params = _deck_filter("c.deck_id", deck)
        values, bounds = _ranges_values(ranges)
        rows = self.db.execute(
            f"""WITH spans(i, lo, hi) AS (VALUES {values})
                SELECT spans.i, (SELECT COUNT(*) FROM cards c
                                 WHERE c.state > 0 AND c.suspended = 0
                                 AND c.due >= spans.lo AND c.due < spans.hi {where})
                FROM spans ORDER BY spans.i""",
            bounds + params,
        ).fetchall()
        return [int(count) for _i, count in rows]

    def interval_summary(
        self, deck: Deck | None, edges: list[float]
    ) -> tuple[float | None, float | None, list[int]]:
        """(average, median, counts per [edge_i, edge_i+1) bucket) of review cards' intervals.

        The interval is the days between a review card's last review and its due time;
        the last bucket is open-ended.
        """
        where, params = _deck_filter("deck_id", deck)
        base = f"""SELECT julianday(due) - julianday(last_review) AS days FROM cards
                   WHERE state = 2 AND suspended = 0 AND last_review IS NOT NULL {where}"""
        count, average = self.db.execute(
            f"SELECT COUNT(*), AVG(days) FROM ({base})", params
        ).fetchone()
        median = None
        if count:
            median = self.db.execute(
                f"""SELECT AVG(days) FROM (SELECT days FROM ({base}) ORDER BY days
                    LIMIT 2 - ? % 2 OFFSET (? - 1) / 2)""",
                [*params, count, count],
            ).fetchone()[0]
        cases = " ".join(
            f"WHEN days < {float(edges[i + 1])!r} THEN {i}" for i in range(len(edges) - 1)
        )
        rows = self.db.execute(
            f"""SELECT CASE {cases} ELSE {len(edges) - 1} END AS bucket, COUNT(*)
                FROM ({base}) GROUP BY bucket""",
            params,
        ).fetchall()
        buckets = [0] * len(edges)
        for bucket, n in rows:
            buckets[bucket] += n
        return average, median, buckets

    def most_failed_cards(self, deck: Deck | None, limit: int) -> list[tuple[StudyCard, int]]:
        """The cards rated Again most often, with that count; ties by card id."""
        where, params = _deck_filter("card_id", deck, cards=True)
        rows = self.db.execute(
            f"""SELECT card_id, COUNT(*) AS fails FROM reviews WHERE rating = 1 {where}
                GROUP BY card_id ORDER BY fails DESC, card_id LIMIT ?""",
            [*params, limit],
        ).fetchall()
        return [(self.card(card_id), int(fails)) for card_id, fails in rows]

    # handouts ----------------------------------------------------------

    def print_notes(self, deck: Deck, include_dropped: bool = False) -> list[PrintNote]:
        """A deck's notes (not the dropped ones, unless asked) in the order added, with what a
        handout prints.

        Three JSON columns come back as one JSON array: one parse a row instead of three
        (a 10,000-note handout spends much of its time here); `extra` passes its checks.
        """
        from quizkit.extra import stored_extra

        in_deck, ids = _in_deck("deck_id", deck)
        rows = self.db.execute(
            f"""SELECT id, question, answer, kind,
                      json_array(json(distractors), json(tags), json(sources)), extra
               FROM notes WHERE {in_deck} AND dropped IN (0, ?) ORDER BY id""",
            [*ids, int(include_dropped)],
        ).fetchall()
        notes = []
        loads, source = json.loads, SourceRef.from_dict
        for note_id, question, answer, kind, lists, stored in rows:
            distractors, tags, sources = loads(lists)
            extra = stored_extra(stored)
            notes.append(
                PrintNote(
                    note_id,
                    question,
                    answer,
                    kind,
                    tuple(distractors),
                    tuple(tags),
                    tuple(map(source, sources)),
                    extra,
                )
            )
        return notes

    # transfer: import and export in other tools' formats ----------------

    def deck_for_import(self, name: str, now: datetime) -> Deck:
        """The deck of that name, created when new; an existing deck's settings stay."""
        with self.transaction():
            self._deck_id(name, iso(now))
        return self.deck(name)

    def deck_notes(self, deck: Deck, include_dropped: bool = True) -> list[Note]:
        """A deck's notes in the order they were added, as an exporter needs them."""
        from quizkit.extra import stored_extra

        in_deck, ids = _in_deck("deck_id", deck)
        names = {d.id: d.name for d in self.decks()} if deck.family else {deck.id: deck.name}
        rows = self.db.execute(
            f"""SELECT guid, {NOTE_COLUMNS} FROM notes WHERE {in_deck}
                {"" if include_dropped else "AND dropped = 0"} ORDER BY id""",
            ids,
        ).fetchall()
        return [
            Note(
                question=row[2],
                answer=row[3],
                guid=row[0],
                deck=names[row[10]],
                kind=row[1],
                alternatives=tuple(json.loads(row[4])),
                distractors=tuple(json.loads(row[5])),
                tags=tuple(json.loads(row[6])),
                sources=tuple(SourceRef.from_dict(s) for s in json.loads(row[7])),
                extra=stored_extra(row[8]),
                reverse=bool(row[9]),
            )
            for row in rows
        ]

    def source_titles(self) -> dict[str, str]:
        """Article titles by document name, where known (generate records headlines)."""
        rows = self.db.execute("SELECT name, title FROM sources WHERE title IS NOT NULL")
        return {name: title for name, title in rows.fetchall()}

    def set_source_titles(self, titles: dict[str, str]) -> None:
        """Remember each article's title by its document name (call inside a transaction)."""
        self.db.conn.executemany(
            """INSERT INTO sources (name, title) VALUES (?, ?)
               ON CONFLICT(name) DO UPDATE SET title = excluded.title""",
            sorted(titles.items()),
        )

    def dropped_note_ids(self, deck: Deck) -> set[int]:
        """Ids of the deck's notes taken out of study with `quizkit drop`."""
        in_deck, ids = _in_deck("deck_id", deck)
        rows = self.db.execute(
            f"SELECT id FROM notes WHERE {in_deck} AND dropped = 1", ids
        ).fetchall()
        return {row[0] for row in rows}

    def card_histories(self, deck: Deck) -> list[CardHistory]:
        """Every card of the deck with its schedule and whole review log, oldest review first:
        what another tool needs to carry on where the learner left off."""
        in_deck, ids = _in_deck("c.deck_id", deck)
        reviews: dict[int, list[LoggedReview]] = {}
        for card_id, when, rating, took, before in self.db.execute(
            f"""SELECT r.card_id, r.reviewed_at, r.rating, r.duration_ms, r.state_before
               FROM reviews r JOIN cards c ON c.id = r.card_id
               WHERE {in_deck} ORDER BY r.card_id, r.reviewed_at, r.id""",
            ids,
        ):
            reviews.setdefault(card_id, []).append(
                LoggedReview(parse_iso(when), Rating(rating), took, CardState(before))
            )
        rows = self.db.execute(
            f"""SELECT c.id, n.guid, c.ord, c.state, c.step, c.stability, c.difficulty, c.due,
                      c.last_review, c.suspended
               FROM cards c JOIN notes n ON n.id = c.note_id
               WHERE {in_deck} ORDER BY c.note_id, c.ord""",
            ids,
        ).fetchall()
        return [
            CardHistory(
                guid=guid,
                ord=ord_,
                state=CardState(state),
                step=step,
                stability=stability,
                difficulty=difficulty,
                due=parse_iso(due),
                last_review=parse_iso(last) if last else None,
                suspended=bool(suspended),
                reviews=tuple(reviews.get(card_id, ())),
            )
            for card_id, guid, ord_, state, step, stability, difficulty, due, last, suspended in (
                rows
            )
        ]

    @property
    def media_dir(self) -> Path:
        """Pictures and sounds of imported notes: a folder beside the database file."""
        return self.path.parent / f"{self.path.stem}.media"

    def add_media(self, name: str, original: str, data: bytes, now: datetime) -> None:
        """Keep a media file under `name` (a content hash chosen by the caller, never a path
        from the file being imported). Call inside the import's transaction."""
        if not MEDIA_NAME.fullmatch(name):
            raise ValueError(f"not a media file name: {name!r}")
        target = self.media_dir / name
        if not target.exists():
            partial = target.with_name(name + ".part")
            try:
                self.media_dir.mkdir(exist_ok=True)
                partial.write_bytes(data)
                partial.replace(target)
            except OSError as error:
                raise StoreError(f"{target}: cannot write: {error.strerror}") from None
        self.conn.execute(
            """INSERT INTO media (name, original, size, created) VALUES (?, ?, ?, ?)
               ON CONFLICT(name) DO UPDATE SET original = excluded.original""",
            [name, original, len(data), iso(now)],
        )

    def media_file(self, name: str) -> Path:
        """The file kept for a media name a note's `extra["media"]` holds."""
        row = self.db.execute("SELECT name FROM media WHERE name = ?", [name]).fetchone()
        if row is None or not MEDIA_NAME.fullmatch(name):
            raise UnknownNote(f"no media file named {name!r}")
        return self.media_dir / row[0]

    def apply_schedules(self, schedules: Iterable[tuple[Any, ...]]) -> int:
        """Take another tool's schedule for cards quizkit has not reviewed since.

        Each item: (guid, ord, state, due, stability, difficulty, last_review, suspended,
        step), times as datetimes; `step` is the (re)learning step, kept only for a card in
        (re)learning. A card whose own last review is later keeps its state.
        """
        cursor = self.conn.executemany(
            """UPDATE cards SET state = ?, due = ?, stability = ?, difficulty = ?,
                   last_review = ?, suspended = ?, step = CASE WHEN ? IN (1, 3) THEN ? END
               WHERE ord = ? AND note_id = (SELECT id FROM notes WHERE guid = ?)
                 AND (last_review IS NULL OR last_review <= ?)""",
            (
                [
                    state,
                    iso(due),
                    stability,
                    difficulty,
                    iso(last) if last else None,
                    int(suspended),
                    state,
                    step,
                    ord_,
                    guid,
                    iso(last) if last else "",
                ]
                for guid, ord_, state, due, stability, difficulty, last, suspended, step in (
                    schedules
                )
            ),
        )
        return cursor.rowcount

    def add_past_reviews(self, reviews: Iterable[tuple[Any, ...]]) -> None:
        """Another tool's review log into quizkit's: each item (guid, ord, reviewed_at,
        rating, duration_ms, state_before). A review of the card already logged within a
        second of it is the same answer (Anki's log keeps milliseconds, and moves answers given
        in one millisecond apart), so importing the same file again adds nothing, nor does
        bringing back a deck that went from quizkit to Anki and back."""
        self.conn.executemany(
            """INSERT INTO reviews (card_id, reviewed_at, rating, duration_ms, state_before)
               SELECT c.id, ?, ?, ?, ? FROM cards c JOIN notes n ON n.id = c.note_id
               WHERE n.guid = ? AND c.ord = ? AND NOT EXISTS
                   (SELECT 1 FROM reviews r WHERE r.card_id = c.id
                    AND r.reviewed_at >= ? AND r.reviewed_at < ?)""",
            (
                [iso(when), rating, took, state, guid, ord_, *_same_answer(when)]
                for guid, ord_, when, rating, took, state in reviews
            ),
        )


@contextmanager
def _write_transaction(
    conn: sqlite3.Connection,
    on_busy: Callable[[], None] | None = None,
    committed: Callable[[], None] = nothing,
) -> Iterator[None]:
    """A transaction that takes the write lock up front (BEGIN IMMEDIATE), nested as a savepoint.

    Taking the lock first means a second quizkit on the same file waits its turn (the busy
    timeout) instead of failing when its read turns into a write; with `on_busy`, it waits
    for as long as the other holds the lock (see `_begin_immediate`). `committed` is told
    when the outermost transaction has committed; a Ctrl-C during the commit is raised only
    after that, so that the caller knows whether what it wrote is stored.
    """
    if conn.in_transaction:
        conn.execute("SAVEPOINT quizkit_nested")
        try:
            yield
        except BaseException:
            if conn.in_transaction:  # an error may have ended the whole transaction
                conn.execute("ROLLBACK TO SAVEPOINT quizkit_nested")
                conn.execute("RELEASE SAVEPOINT quizkit_nested")
            raise
        conn.execute("RELEASE SAVEPOINT quizkit_nested")
        return
    _begin_immediate(conn, on_busy)
    try:
        yield
    except BaseException:
        conn.rollback()
        raise
    try:
        with ctrl_c_held(nothing):
            conn.execute("COMMIT")
            committed()
    except BaseException:
        conn.rollback()  # the commit failed; after it, a Ctrl-C held: then a no-op
        raise


@contextmanager
def _switch_interval(seconds: float) -> Iterator[None]:
    """Python's thread switch interval at most `seconds` inside, and as it was after."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, seconds))
    try:
        yield
    finally:
        sys.setswitchinterval(before)


def _rollback_journal(conn: sqlite3.Connection) -> bool:
    """Switch to the rollback journal (`Store.first_load`); False when another connection
    has the file open, so that SQLite refuses."""
    try:
        return bool(conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",))
    except sqlite3.OperationalError as error:
        if not _is_busy(error):
            raise
        return False


def _wal(conn: sqlite3.Connection) -> None:
    """WAL, which lets a second terminal read while one studies. A file another quizkit is
    loading through the rollback journal (`Store.first_load`) cannot switch now: that
    quizkit puts WAL back when its load is over, and until then SQLite's locks take turns."""
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as error:
        if not _is_busy(error):
            raise


def _same_answer(moment: datetime) -> tuple[str, str]:
    """The times, as stored text, that a review logged at `moment` elsewhere may have here:
    no one answers the same card twice within a second."""
    return iso(moment - SAME_ANSWER), iso(moment + SAME_ANSWER)


def _begin_immediate(conn: sqlite3.Connection, on_busy: Callable[[], None] | None) -> None:
    """Take the write lock. With `on_busy`: tell it once the wait passes BUSY_NOTICE_AFTER_S,
    then keep waiting (nothing is written before the lock is held, so trying again is safe),
    in waits that short so that Ctrl-C is not held up for the whole busy timeout."""
    if on_busy is None:
        conn.execute("BEGIN IMMEDIATE")
        return
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_NOTICE_AFTER_S * 1000)}")
    told = False
    try:
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error):
                    raise
                if not told:
                    told = True
                    on_busy()
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")


def _is_busy(error: sqlite3.OperationalError) -> bool:
    """Another connection holds the lock (SQLITE_BUSY or SQLITE_LOCKED, any extended code)."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "locked" in str(error) or "busy" in str(error)


def start_of_day(now: datetime) -> datetime:
    """Local midnight of `now`'s own timezone: the study day the new-card limit counts."""
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a folder, not a database file")
    if not path.parent.is_dir():
        if path.parent.exists():
            raise StoreError(f"{path}: {path.parent} is a file, not a folder")
        raise StoreError(f"{path}: folder {path.parent} does not exist")
    if path.exists():
        try:
            with path.open("rb") as handle:
                header = handle.read(len(SQLITE_HEADER))
        except OSError as error:
            raise StoreError(f"{path}: cannot read: {error.strerror}") from None
        if header and header != SQLITE_HEADER:
            raise StoreError(f"{path}: not a quizkit database (not an SQLite file)")


def _has_foreign_tables(conn: sqlite3.Connection) -> bool:
    names = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return any(not name.startswith(("_sqlite", "sqlite_")) for (name,) in names)


def _deck_filter(column: str, deck: Deck | None, cards: bool = False) -> tuple[str, list[Any]]:
    """An ' AND ...' clause keeping one deck's rows: by deck id, or by card id when `cards`."""
    if deck is None:
        return "", []
    in_deck, ids = _in_deck("deck_id", deck)
    if cards:
        return f" AND {column} IN (SELECT id FROM cards WHERE {in_deck})", ids
    in_deck, ids = _in_deck(column, deck)
    return f" AND {in_deck}", ids


def _in_deck(column: str, deck: Deck) -> tuple[str, list[Any]]:
    """`column = ?` for one deck, `column IN (...)` for a parent and its sub-decks."""
    ids = list(deck.ids)
    if len(ids) == 1:
        return f"{column} = ?", ids
    return f"{column} IN ({','.join('?' * len(ids))})", ids


def _ranges_values(ranges: list[tuple[datetime, datetime]]) -> tuple[str, list[Any]]:
    """A VALUES list of (index, start, end) rows for [start, end) time ranges."""
    values = ", ".join("(?, ?, ?)" for _ in ranges)
    params: list[Any] = []
    for index, (start, end) in enumerate(ranges):
        params += [index, iso(start), iso(end)]
    return values, params
