-- The schema after every migration, made by `python -m quizkit.migrations`: do not edit.

CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE TABLE decks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            description TEXT NOT NULL DEFAULT '',
            desired_retention REAL NOT NULL DEFAULT 0.9,
            created TEXT NOT NULL
        );

CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            title TEXT,
            url TEXT
        );

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
        , edited INTEGER NOT NULL DEFAULT 0, dropped INTEGER NOT NULL DEFAULT 0);

CREATE INDEX idx_notes_deck ON notes(deck_id);

CREATE TABLE note_sources (
            note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
            source_id INTEGER NOT NULL REFERENCES sources(id),
            PRIMARY KEY (note_id, source_id)
        );

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
            suspended INTEGER NOT NULL DEFAULT 0, leech INTEGER NOT NULL DEFAULT 0,
            UNIQUE (note_id, ord)
        );

CREATE INDEX idx_cards_deck_due ON cards(deck_id, due) WHERE state > 0 AND suspended = 0;

CREATE INDEX idx_cards_due ON cards(due) WHERE state > 0 AND suspended = 0;

CREATE INDEX idx_cards_deck_new ON cards(deck_id, id) WHERE state = 0 AND suspended = 0;

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
        );

CREATE INDEX idx_reviews_card ON reviews(card_id);

CREATE INDEX idx_reviews_time ON reviews(reviewed_at);

CREATE TABLE media (
            name TEXT PRIMARY KEY,
            original TEXT NOT NULL,
            size INTEGER NOT NULL,
            created TEXT NOT NULL
        );

CREATE INDEX idx_reviews_rating_card ON reviews(rating, card_id);

CREATE INDEX idx_cards_deck_state ON cards(deck_id, state, suspended, due);

CREATE INDEX idx_reviews_first ON reviews(reviewed_at) WHERE state_before = 0;

CREATE TABLE notes_fts_paused (paused INTEGER NOT NULL);

CREATE VIRTUAL TABLE notes_fts USING FTS5 (question, answer, tags, content=[notes],
           tokenize='porter unicode61 remove_diacritics 2');

CREATE INDEX idx_cards_leech ON cards(deck_id) WHERE leech = 1 AND suspended = 1;

CREATE TABLE notes_fts_stale (stale INTEGER NOT NULL);

CREATE TRIGGER notes_ai AFTER INSERT ON notes
           WHEN NOT EXISTS (SELECT 1 FROM notes_fts_paused) AND NOT EXISTS (SELECT 1 FROM notes_fts_stale) BEGIN
             INSERT INTO notes_fts (rowid, question, answer, tags)
             VALUES (new.rowid, new.question, new.answer, new.tags);
           END;

CREATE TRIGGER notes_ad AFTER DELETE ON notes WHEN NOT EXISTS (SELECT 1 FROM notes_fts_stale) BEGIN
             INSERT INTO notes_fts (notes_fts, rowid, question, answer, tags)
             VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
           END;

CREATE TRIGGER notes_au AFTER UPDATE OF question, answer, tags ON notes
           WHEN NOT EXISTS (SELECT 1 FROM notes_fts_stale) BEGIN
             INSERT INTO notes_fts (notes_fts, rowid, question, answer, tags)
             VALUES ('delete', old.rowid, old.question, old.answer, old.tags);
             INSERT INTO notes_fts (rowid, question, answer, tags)
             VALUES (new.rowid, new.question, new.answer, new.tags);
           END;

