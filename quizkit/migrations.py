"""The schema, as append-only numbered migrations. A shipped migration is never edited."""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

migrations = Migrations("quizkit")


@migrations()
def m001_initial(db: Database) -> None:
    """Decks, notes, cards (FSRS state), reviews (the log) and source documents."""
    db.execute(
        """
        CREATE TABLE decks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            desired_retention REAL NOT NULL DEFAULT 0.9,
            created TEXT NOT NULL
        )"""
    )
    db.execute(
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            title TEXT,
            url TEXT
        )"""
    )
    db.execute(
        """
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            guid TEXT NOT NULL UNIQUE,
            deck_id INTEGER NOT NULL REFERENCES decks(id),
            kind TEXT NOT NULL DEFAULT 'basic',
            question TEXT NOT NULL,
            answer TEXT NOT NULL,
            alternatives TEXT NOT NULL DEFAULT '[]',
            distractors TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '[]',
            sources TEXT NOT NULL DEFAULT '[]',
            extra TEXT NOT NULL DEFAULT '{}',
            reverse INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX idx_notes_deck ON notes(deck_id)")
    db.execute(
        """
        CREATE TABLE note_sources (
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            PRIMARY KEY (note_id, source_id)
        )"""
    )
    db.execute(
        """
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            note_id INTEGER NOT NULL REFERENCES notes(id),
            deck_id INTEGER NOT NULL REFERENCES decks(id),
            ord INTEGER NOT NULL DEFAULT 0,
            state INTEGER NOT NULL DEFAULT 0,
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due TEXT NOT NULL,
            last_review TEXT,
            suspended INTEGER NOT NULL DEFAULT 0,
            UNIQUE (note_id, ord)
        )"""
    )
    # The study loop asks for the most overdue card (of a deck or of all), then the oldest new one;
    # partial indexes keep both look-ups a single index probe on large collections.
    db.execute(
        "CREATE INDEX idx_cards_deck_due ON cards(deck_id, due) WHERE state > 0 AND suspended = 0"
    )
    db.execute("CREATE INDEX idx_cards_due ON cards(due) WHERE state > 0 AND suspended = 0")
    db.execute(
        "CREATE INDEX idx_cards_deck_new ON cards(deck_id, id) WHERE state = 0 AND suspended = 0"
    )
    db.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES cards(id),
            reviewed_at TEXT NOT NULL,
            rating INTEGER NOT NULL,
            typed TEXT,
            correct INTEGER,
            duration_ms INTEGER,
            state_before INTEGER NOT NULL,
            elapsed_days REAL
        )"""
    )
    db.execute("CREATE INDEX idx_reviews_card ON reviews(card_id)")
    db.execute("CREATE INDEX idx_reviews_time ON reviews(reviewed_at)")


@migrations()
def m002_transfer_media(db: Database) -> None:
    """Pictures and sounds from imported decks, kept in a folder beside the database under
    content-hash names; this table lists them with the name they had in their package."""
    db.execute(
        """
        CREATE TABLE media (
            name TEXT PRIMARY KEY,
            original TEXT NOT NULL,
            size INTEGER NOT NULL,
            created TEXT NOT NULL
        )"""
    )


@migrations()
def m003_practice_leeches(db: Database) -> None:
    """A card-level leech mark, and an index for counting a card's Again ratings.

    The mark lives on the card, not in the note's tags, because re-importing a deck file
    rewrites the note's tags and would silently drop it.
    """
    db.execute("ALTER TABLE cards ADD COLUMN leech INTEGER NOT NULL DEFAULT 0")
    # Leech checks count one card's Again ratings; stats rank cards by them.
    db.execute("CREATE INDEX idx_reviews_rating_card ON reviews(rating, card_id)")


@migrations()
def m004_generate_note_review(db: Database) -> None:
    """Notes a person edited or dropped, so that regenerating a deck leaves them alone."""
    db.execute("ALTER TABLE notes ADD COLUMN edited INTEGER NOT NULL DEFAULT 0")
    db.execute("ALTER TABLE notes ADD COLUMN dropped INTEGER NOT NULL DEFAULT 0")


@migrations()
def m005_study_indexes(db: Database) -> None:
    """Indexes the study benchmark asked for (100,000 cards, 1,000,000 reviews).

    idx_cards_deck_state: a deck's cards counted by state in one index scan (`quizkit decks`),
    and a deck's cards found without reading the whole table (`show`).
    idx_reviews_first: the first reviews of new cards by time, so the daily new-card limit
    is counted from today's new cards only, however many reviews the day had.
    """
    db.execute("CREATE INDEX idx_cards_deck_state ON cards(deck_id, state, suspended, due)")
    db.execute("CREATE INDEX idx_reviews_first ON reviews(reviewed_at) WHERE state_before = 0")


@migrations()
def m006_notes_fts(db: Database) -> None:
    """Full-text search over notes' questions, answers and tags (`quizkit search`).

    The same table and triggers as sqlite-utils' `enable_fts(create_triggers=True)` makes
    (so its `search()` and `detect_fts()` know them), written out here because enable_fts
    runs `executescript`, which would commit midway through the migrations' transaction.
    The update trigger fires only when an indexed column changes. FTS5 writes its pending
    terms out at every statement, so a large import's one-statement-per-row inserts would
    cost several times the import itself: while `notes_fts_paused` holds a row (only ever
    inside an import's transaction) the insert trigger stands aside, and the import indexes
    its new notes in one statement (Store.upsert_notes).
    """
    db.execute("CREATE TABLE notes_fts_paused (paused INTEGER NOT NULL)")
    db.execute(
        """CREATE VIRTUAL TABLE notes_fts USING FTS5 (question, answer, tags, content=[notes],
           tokenize='porter unicode61 remove_diacritics 2')"""
    )
    db.execute(
        """INSERT INTO notes_fts (rowid, question, answer, tags)
           SELECT rowid, question, answer, tags FROM notes"""
    )
    db.execute(
        """CREATE TRIGGER notes_ai AFTER INSERT ON notes
           WHEN NOT EXISTS (SELECT 1 FROM notes_fts_paused) BEGIN
             INSERT INTO notes_fts (rowid, question, answer, tags)
             VALUES (new.rowid, new.question, new.answer, new.tags);
           END"""
    )
    db.execute(
        """CREATE TRIGGER notes_ad AFTER DELETE ON notes BEGIN
             INSERT INTO notes_fts (notes_fts, rowid, question, answer, tags)
             VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
           END"""
    )
    db.execute(
        """CREATE TRIGGER notes_au AFTER UPDATE OF question, answer, tags ON notes BEGIN
             INSERT INTO notes_fts (notes_fts, rowid, question, answer, tags)
             VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
             INSERT INTO notes_fts (rowid, question, answer, tags)
             VALUES (new.rowid, new.question, new.answer, new.tags);
           END"""
    )


@migrations()
def m007_leeches_by_lapses(db: Database) -> None:
    """Leeches counted as Anki counts them, by lapses (Again given to a review card, state 2).

    Before this, a leech was suspended in a second transaction after the answer's, so a
    killed `quizkit study` could leave a card past the threshold unmarked: such cards (8 or
    more lapses, never marked) are marked and suspended here. Cards marked under the older
    count stay as they are.
    """
    db.execute(
        """UPDATE cards SET leech = 1, suspended = 1
           WHERE leech = 0 AND id IN (
               SELECT card_id FROM reviews WHERE rating = 1 AND state_before = 2
               GROUP BY card_id HAVING COUNT(*) >= 8)"""
    )


@migrations()
def m008_decks_leech_index(db: Database) -> None:
    """Each deck's suspended leeches counted from an index of those cards alone (they are
    few), so `quizkit decks` reads no card it does not count."""
    db.execute("CREATE INDEX idx_cards_leech ON cards(deck_id) WHERE leech = 1 AND suspended = 1")


@migrations()
def m009_search_index_lazy(db: Database) -> None:
    """The search index brought up to date at the first `quizkit search` after a bulk import,
    not during it: indexing 100,000 notes costs more than importing them.

    While `notes_fts_stale` holds a row the index is out of date, every trigger stands aside
    (nothing partial is kept), and the next search rebuilds it from the notes in one go
    (FTS5's 'rebuild', Store.search_notes) and empties the table. `notes_fts_paused` keeps
    its meaning from m006.
    """
    db.execute("CREATE TABLE notes_fts_stale (stale INTEGER NOT NULL)")
    for trigger in ("notes_ai", "notes_ad", "notes_au"):
        db.execute(f"DROP TRIGGER {trigger}")
    current = "NOT EXISTS (SELECT 1 FROM notes_fts_stale)"
    db.execute(
        f"""CREATE TRIGGER notes_ai AFTER INSERT ON notes
           WHEN NOT EXISTS (SELECT 1 FROM notes_fts_paused) AND {current} BEGIN
             INSERT INTO notes_fts (rowid, question, answer, tags)
             VALUES (new.rowid, new.question, new.answer, new.tags);
           END"""
    )
    db.execute(
        f"""CREATE TRIGGER notes_ad AFTER DELETE ON notes WHEN {current} BEGIN
             INSERT INTO notes_fts (notes_fts, rowid, question, answer, tags)
             VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
           END"""
    )
    db.execute(
        f"""CREATE TRIGGER notes_au AFTER UPDATE OF question, answer, tags ON notes
           WHEN {current} BEGIN
             INSERT INTO notes_fts (notes_fts, rowid, question, answer, tags)
             VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
             INSERT INTO notes_fts (rowid, question, answer, tags)
             VALUES (new.rowid, new.question, new.answer, new.tags);
           END"""
    )


SCHEMA_HEADER = (
    "-- The schema after every migration, made by `python -m quizkit.migrations`: do not edit.\n\n"
)


def schema_script() -> str:
    """The schema every migration leaves, as SQL: quizkit/schema.sql, which Store.open runs on
    a new file instead of the migrations (and so without loading sqlite-utils). A test keeps
    the file equal to this; `python -m quizkit.migrations > quizkit/schema.sql` remakes it.

    Tables that SQLite makes itself (the search index's shadow tables, `sqlite_*`) are left
    out: the statements that need them make them.
    """
    db = Database(memory=True)
    migrations.apply(db)
    made_by_sqlite = {
        name
        for name, kind in db.execute("SELECT name, type FROM pragma_table_list")
        if kind == "shadow"
    }
    rows = db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
    return SCHEMA_HEADER + "".join(
        f"{sql};\n\n"
        for name, sql in rows
        if name not in made_by_sqlite and not name.startswith("sqlite_")
    )


if __name__ == "__main__":
    print(schema_script(), end="")
