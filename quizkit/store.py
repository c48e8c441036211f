"""The Store: quizkit's SQLite file, and the only module that holds SQL."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from quizkit.errors import StoreError, UnknownDeck, UnknownNote
from quizkit.models import (
    CardState,
    Deck,
    DeckCounts,
    DeckInfo,
    ImportReport,
    Note,
    Review,
    SourceRef,
    StudyCard,
)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 10.0


def iso(moment: datetime) -> str:
    """One fixed-width UTC text form, so that comparing strings compares times."""
    if moment.tzinfo is None:
        raise ValueError("quizkit times must be timezone-aware")
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


NOTE_COLUMNS = (
    "kind, question, answer, alternatives, distractors, tags, sources, extra, reverse, deck_id"
)
CARD_SELECT = """
    SELECT c.id, c.note_id, c.ord, c.deck_id, c.state, c.step, c.stability, c.difficulty,
           c.due, c.last_review, c.suspended, n.question, n.answer, n.kind, n.alternatives,
           n.distractors, n.tags, n.sources, n.extra
    FROM cards c JOIN notes n ON n.id = c.note_id
"""


def _study_card(row: tuple[Any, ...]) -> StudyCard:
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
        extra=json.loads(row[18]),
    )


class Store:
    """An open quizkit database. Opening it applies pending migrations, once, here."""

    def __init__(self, db: Database, path: Path) -> None:
        self.db = db
        self.path = path

    @classmethod
    def open(cls, path: Path | str) -> Store:
        """Open (or create) the database at `path` and bring its schema up to date.

        Every check that can refuse the file runs before anything is written to it, so a
        file that is not quizkit's, or is from a newer quizkit, is left exactly as it was.
        """
        from quizkit.migrations import migrations

        path = Path(path)
        _check_file(path)
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
            db = Database(conn, execute_plugins=False, recursive_triggers=False)
            applied = {m.name for m in migrations.applied(db)}
            known = {m.name for m in migrations._migrations}
            if applied - known:
                raise StoreError(
                    f"{path}: written by a newer quizkit (unknown schema version "
                    f"{max(applied - known)}); upgrade quizkit to use it"
                )
            if not applied and _has_foreign_tables(db):
                raise StoreError(f"{path}: not a quizkit database (it holds other tables)")
            conn.execute("PRAGMA foreign_keys = ON")
            # WAL lets a second terminal read while one studies; FULL makes each commit durable.
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            if migrations.pending(db):
                with _write_transaction(db):
                    # another quizkit opening the same new file may have migrated it meanwhile
                    if migrations.pending(db):
                        migrations.apply(db)
        except sqlite3.DatabaseError as error:
            if conn is not None:
                conn.close()
            raise StoreError(f"{path}: cannot use this database: {_describe(error)}") from None
        except StoreError:
            assert conn is not None
            conn.close()
            raise
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One atomic write; a failure inside leaves the database as it was."""
        try:
            with _write_transaction(self.db):
                yield
        except sqlite3.OperationalError as error:
            raise StoreError(f"{self.path}: {_describe(error)}") from None

    # decks -------------------------------------------------------------

    def deck(self, name: str) -> Deck:
        row = self.db.execute(
            "SELECT id, name, description, desired_retention FROM decks WHERE name = ?", [name]
        ).fetchone()
        if row is None:
            raise UnknownDeck(name, [d.name for d in self.decks()])
        return Deck(*row)

    def deck_by_id(self, deck_id: int) -> Deck:
        row = self.db.execute(
            "SELECT id, name, description, desired_retention FROM decks WHERE id = ?", [deck_id]
        ).fetchone()
        return Deck(*row)

    def decks(self) -> list[Deck]:
        rows = self.db.execute(
            "SELECT id, name, description, desired_retention FROM decks ORDER BY name"
        ).fetchall()
        return [Deck(*row) for row in rows]

    def ensure_deck(self, info: DeckInfo, now: datetime) -> Deck:
        """The deck of that name, created or with its settings updated from `info`."""
        with self.transaction():
            self.db.execute(
                """INSERT INTO decks (name, description, desired_retention, created)
                   VALUES (?, ?, ?, ?)
                   ON CONFLICT(name) DO UPDATE SET description = excluded.description,
                       desired_retention = excluded.desired_retention""",
                [info.name, info.description, info.desired_retention, iso(now)],
            )
        return self.deck(info.name)

    def _deck_id(self, name: str, stamp: str) -> int:
        """The id of a deck named by a note (Anki's deck column), created when new."""
        self.db.execute("INSERT OR IGNORE INTO decks (name, created) VALUES (?, ?)", [name, stamp])
        return int(self.db.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()[0])

    def deck_counts(self, now: datetime) -> list[DeckCounts]:
        """Every deck with its new / learning / due-now / suspended / total card counts."""
        kinds = ("new", "learning", "due", "suspended", "total")
        tallies: dict[int, dict[str, int]] = {}
        # one scan of idx_cards_deck_state, a few rows per deck
        for deck_id, state, suspended, count, due in self.db.execute(
            """SELECT deck_id, state, suspended, COUNT(*), SUM(due <= ?) FROM cards
               GROUP BY deck_id, state, suspended""",
            [iso(now)],
        ).fetchall():
            tally = tallies.setdefault(deck_id, dict.fromkeys(kinds, 0))
            tally["total"] += count
            if suspended:
                tally["suspended"] += count
            elif state == CardState.NEW:
                tally["new"] += count
            else:
                tally["due"] += due
                if state != CardState.REVIEW:
                    tally["learning"] += count
        empty = dict.fromkeys(kinds, 0)
        return [DeckCounts(deck, **tallies.get(deck.id, empty)) for deck in self.decks()]

    # notes and cards ---------------------------------------------------

    def upsert_notes(self, deck: Deck, notes: Iterable[Note], now: datetime) -> ImportReport:
        """Add new notes and update changed ones by guid; cards and their history are kept.

        Runs in the caller's transaction when there is one, else in its own.
        """
        report = ImportReport()
        stamp = iso(now)
        with self.transaction():
            for note in notes:
                deck_id = self._deck_id(note.deck, stamp) if note.deck else deck.id
                values = [
                    note.kind,
                    note.question,
                    note.answer,
                    _dumps(list(note.alternatives)),
                    _dumps(list(note.distractors)),
                    _dumps(list(note.tags)),
                    _dumps([s.to_dict() for s in note.sources]),
                    _dumps(note.extra),
                    int(note.reverse),
                    deck_id,
                ]
                row = self.db.execute(
                    f"SELECT id, {NOTE_COLUMNS} FROM notes WHERE guid = ?", [note.guid]
                ).fetchone()
                if row is None:
                    note_id = self.db.execute(
                        f"""INSERT INTO notes (guid, {NOTE_COLUMNS}, created, modified)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                        [note.guid, *values, stamp, stamp],
                    ).lastrowid
                    report.added += 1
                elif list(row[1:]) != values:
                    note_id = row[0]
                    self.db.execute(
                        f"""UPDATE notes SET ({NOTE_COLUMNS}, modified) =
                            (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) WHERE id = ?""",
                        [*values, stamp, note_id],
                    )
                    self.db.execute(
                        "UPDATE cards SET deck_id = ? WHERE note_id = ?", [deck_id, note_id]
                    )
                    report.updated += 1
                else:
                    report.unchanged += 1
                    continue
                assert note_id is not None
                self._sync_cards(note_id, deck_id, note.reverse, stamp)
                self._link_sources(note_id, note.sources)
        return report

    def _sync_cards(self, note_id: int, deck_id: int, reverse: bool, stamp: str) -> None:
        """One card per direction; a dropped reverse card goes, the forward card always stays."""
        for ord_ in (0, 1) if reverse else (0,):
            self.db.execute(
                """INSERT OR IGNORE INTO cards (note_id, deck_id, ord, state, due)
                   VALUES (?, ?, ?, 0, ?)""",
                [note_id, deck_id, ord_, stamp],
            )
        if not reverse:
            self.db.execute(
                "DELETE FROM reviews WHERE card_id IN "
                "(SELECT id FROM cards WHERE note_id = ? AND ord = 1)",
                [note_id],
            )
            self.db.execute("DELETE FROM cards WHERE note_id = ? AND ord = 1", [note_id])

    def _link_sources(self, note_id: int, sources: Iterable[SourceRef]) -> None:
        self.db.execute("DELETE FROM note_sources WHERE note_id = ?", [note_id])
        for name in sorted({s.document for s in sources}):
            self.db.execute("INSERT OR IGNORE INTO sources (name) VALUES (?)", [name])
            self.db.execute(
                """INSERT OR IGNORE INTO note_sources (note_id, source_id)
                   SELECT ?, id FROM sources WHERE name = ?""",
                [note_id, name],
            )

    def deck_cards(self, deck: Deck) -> list[StudyCard]:
        rows = self.db.execute(
            CARD_SELECT + " WHERE c.deck_id = ? ORDER BY c.note_id, c.ord", [deck.id]
        ).fetchall()
        return [_study_card(row) for row in rows]

    def card(self, card_id: int) -> StudyCard:
        row = self.db.execute(CARD_SELECT + " WHERE c.id = ?", [card_id]).fetchone()
        if row is None:
            raise UnknownNote(f"no card with id {card_id}")
        return _study_card(row)

    # study -------------------------------------------------------------

    def next_due_card(
        self, deck: Deck | None, now: datetime, exclude: Iterable[int] = ()
    ) -> StudyCard | None:
        """The most overdue card that is due by `now` (learning, review or relearning)."""
        skip = list(exclude)
        marks = ",".join("?" * len(skip))
        where = "c.state > 0 AND c.suspended = 0 AND c.due <= ?"
        params: list[Any] = [iso(now)]
        if deck is not None:
            where = "c.deck_id = ? AND " + where
            params.insert(0, deck.id)
        if skip:
            where += f" AND c.id NOT IN ({marks})"
            params += skip
        row = self.db.execute(
            CARD_SELECT + f" WHERE {where} ORDER BY c.due LIMIT 1", params
        ).fetchone()
        return _study_card(row) if row else None

    def next_new_card(self, deck: Deck | None, exclude: Iterable[int] = ()) -> StudyCard | None:
        """The oldest card never studied."""
        skip = list(exclude)
        where = "c.state = 0 AND c.suspended = 0"
        params: list[Any] = []
        if deck is not None:
            where = "c.deck_id = ? AND " + where
            params.append(deck.id)
        if skip:
            where += f" AND c.id NOT IN ({','.join('?' * len(skip))})"
            params += skip
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
        sql = """SELECT COUNT(*) FROM reviews r CROSS JOIN cards c ON c.id = r.card_id
                 WHERE r.reviewed_at >= ? AND r.state_before = 0 AND c.deck_id = ?"""
        return int(self.db.execute(sql, [iso(since), deck.id]).fetchone()[0])

    def count_due(self, deck: Deck | None, now: datetime, limit: int = -1) -> int:
        """Scheduled cards due by `now`: the 'still to go' figure shown while studying.

        Counting stops at `limit` (when not -1): counting costs time in proportion to the count.
        """
        sql = "SELECT 1 FROM cards WHERE state > 0 AND suspended = 0 AND due <= ?"
        params: list[Any] = [iso(now)]
        if deck is not None:
            sql += " AND deck_id = ?"
            params.append(deck.id)
        # ORDER BY due steers SQLite to the (deck_id, due) index, where counting can stop early
        sql = f"SELECT COUNT(*) FROM ({sql} ORDER BY due LIMIT ?)"
        return int(self.db.execute(sql, [*params, limit]).fetchone()[0])

    def next_due_time(self, deck: Deck | None) -> datetime | None:
        """When the next scheduled (not new) card falls due."""
        if deck is None:
            sql = "SELECT MIN(due) FROM cards WHERE state > 0 AND suspended = 0"
            params: list[Any] = []
        else:
            # one probe of the (deck_id, due) index; left to itself SQLite reads the deck's
            # whole slice of idx_cards_deck_state
            sql = """SELECT MIN(due) FROM cards INDEXED BY idx_cards_deck_due
                     WHERE deck_id = ? AND state > 0 AND suspended = 0"""
            params = [deck.id]
        value = self.db.execute(sql, params).fetchone()[0]
        return parse_iso(value) if value else None

    def record_review(self, card: StudyCard, review: Review) -> int:
        """Write a review and the card's new schedule together, committed before returning."""
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
        return review_id

    def amend_review(self, review_id: int, card: StudyCard, review: Review) -> None:
        """Replace a just-written review (the learner overrode the grade) and its card state."""
        with self.transaction():
            self._write_card_state(card)
            self.db.execute(
                "UPDATE reviews SET rating = ? WHERE id = ?", [int(review.rating), review_id]
            )

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


@contextmanager
def _write_transaction(db: Database) -> Iterator[None]:
    """A transaction that takes the write lock up front (BEGIN IMMEDIATE), nested as a savepoint.

    Taking the lock first means a second quizkit on the same file waits its turn (the busy
    timeout) instead of failing when its read turns into a write.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        db.conn.rollback()
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise


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


def _has_foreign_tables(db: Database) -> bool:
    return any(not name.startswith(("_sqlite", "sqlite_")) for name in db.table_names())


def _describe(error: sqlite3.Error) -> str:
    text = str(error)
    if "readonly" in text or "unable to open" in text:
        return f"{text} (is the file or its folder read-only?)"
    if "locked" in text or "busy" in text:
        return f"{text} (another quizkit is writing to it; try again)"
    return text
