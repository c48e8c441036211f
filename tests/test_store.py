"""The Store: pragmas, notes in by guid, due order, committed reviews, and files it refuses."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
import subprocess
import threading
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from conftest import mark_from_newer_quizkit

from quizkit.errors import StoreError, UnknownDeck
from quizkit.models import CardState, DeckInfo, Note, Rating, Review, StudyCard
from quizkit.store import Store, iso


def note(n: int, **fields: object) -> Note:
    return Note(question=f"Question {n}?", answer=f"Answer {n}", guid=f"g{n}", **fields)  # type: ignore[arg-type]


def scheduled(card: StudyCard, state: CardState, due: datetime) -> StudyCard:
    return replace(
        card, state=state, step=0, stability=1.0, difficulty=5.0, due=due, last_review=due
    )


def review_of(card: StudyCard, at: datetime, rating: Rating = Rating.GOOD) -> Review:
    return Review(card.id, at, rating, "typed", True, 1200, card.state, None)


@pytest.fixture
def deck(store: Store, now: datetime):
    made = store.ensure_deck(DeckInfo("Test deck"), now)
    store.upsert_notes(made, [note(n) for n in range(1, 6)], now)
    return made


def ids(card: StudyCard | None) -> int | None:
    return None if card is None else card.id


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# opening -----------------------------------------------------------------------


def test_open_sets_wal_full_sync_and_busy_timeout(store: Store) -> None:
    conn = store.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] == 10_000
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_reopening_applies_nothing_twice(isolated_env: Path) -> None:
    Store.open(isolated_env).close()
    Store.open(isolated_env).close()
    with sqlite3.connect(isolated_env) as conn:
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations")]
    assert len(names) == len(set(names)) > 0


def test_empty_file_becomes_a_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    Store.open(path).close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")


# decks and notes ---------------------------------------------------------------


def test_upsert_adds_updates_and_keeps_history(store: Store, deck, now: datetime) -> None:
    card = store.deck_cards(deck)[0]
    store.record_review(scheduled(card, CardState.REVIEW, now), review_of(card, now))
    changed = Note(question="Question 1?", answer="A better answer 1", guid="g1")
    report = store.upsert_notes(deck, [changed, note(2), note(6)], now)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
    again = store.card(card.id)
    assert again.answer == "A better answer 1"
    assert again.state is CardState.REVIEW  # the schedule survives the edit
    assert len(store.reviews_of(card.id)) == 1
    assert len(store.deck_cards(deck)) == 6


def test_reverse_card_comes_and_goes_with_the_flag(store: Store, deck, now: datetime) -> None:
    store.upsert_notes(deck, [replace(note(1), reverse=True)], now)
    cards = [c for c in store.deck_cards(deck) if c.note_id == store.deck_cards(deck)[0].note_id]
    assert [(c.ord, c.prompt, c.expected) for c in cards] == [
        (0, "Question 1?", "Answer 1"),
        (1, "Answer 1", "Question 1?"),
    ]
    store.upsert_notes(deck, [note(1)], now)
    assert len(store.deck_cards(deck)) == 5


def test_unknown_deck_names_the_known_ones(store: Store, deck) -> None:
    with pytest.raises(UnknownDeck, match=r"no deck named 'Nope' \(decks: Test deck\)"):
        store.deck("Nope")


def test_deck_counts(store: Store, deck, now: datetime) -> None:
    cards = store.deck_cards(deck)
    store.record_review(
        scheduled(cards[0], CardState.LEARNING, now - timedelta(minutes=1)),
        review_of(cards[0], now),
    )
    store.record_review(
        scheduled(cards[1], CardState.REVIEW, now + timedelta(days=3)), review_of(cards[1], now)
    )
    store.record_review(
        scheduled(cards[2], CardState.REVIEW, now - timedelta(days=1)), review_of(cards[2], now)
    )
    (counts,) = store.deck_counts(now)
    assert (counts.new, counts.learning, counts.due, counts.total) == (2, 1, 2, 5)


# study order -------------------------------------------------------------------


def test_due_cards_come_most_overdue_first(store: Store, deck, now: datetime) -> None:
    cards = store.deck_cards(deck)
    for card, days in zip(cards[:3], (1, 5, 3), strict=True):
        store.record_review(
            scheduled(card, CardState.REVIEW, now - timedelta(days=days)), review_of(card, now)
        )
    order: list[int] = []
    while (due := store.next_due_card(deck, now, exclude=order)) is not None:
        order.append(due.id)
    assert order == [cards[1].id, cards[2].id, cards[0].id]
    assert ids(store.next_due_card(None, now)) == cards[1].id
    assert store.count_due(deck, now) == 3


def test_future_and_suspended_cards_are_not_due(store: Store, deck, now: datetime) -> None:
    cards = store.deck_cards(deck)
    store.record_review(
        scheduled(cards[0], CardState.REVIEW, now + timedelta(seconds=1)), review_of(cards[0], now)
    )
    store.db.execute("UPDATE cards SET suspended = 1 WHERE id = ?", [cards[1].id])
    assert store.next_due_card(deck, now) is None
    assert store.next_due_time(deck) == now + timedelta(seconds=1)


def test_new_cards_in_file_order(store: Store, deck) -> None:
    cards = store.deck_cards(deck)
    assert ids(store.next_new_card(deck)) == cards[0].id
    assert ids(store.next_new_card(deck, exclude=[cards[0].id])) == cards[1].id


def test_new_cards_studied_since_counts_first_reviews_of_new_cards(
    store: Store, deck, now: datetime
) -> None:
    cards = store.deck_cards(deck)
    store.record_review(scheduled(cards[0], CardState.LEARNING, now), review_of(cards[0], now))
    learning = store.card(cards[0].id)
    store.record_review(learning, review_of(learning, now))  # a second review: not new
    assert store.new_cards_studied_since(deck, now - timedelta(hours=1)) == 1
    assert store.new_cards_studied_since(deck, now + timedelta(hours=1)) == 0


# reviews -----------------------------------------------------------------------


def test_a_review_is_committed_when_record_review_returns(
    store: Store, deck, now: datetime, isolated_env: Path
) -> None:
    card = store.deck_cards(deck)[0]
    after = scheduled(card, CardState.LEARNING, now + timedelta(minutes=10))
    review_id = store.record_review(after, review_of(card, now)).review_id
    other = sqlite3.connect(isolated_env)  # another process's view
    assert other.execute(
        "SELECT rating, typed FROM reviews WHERE id = ?", [review_id]
    ).fetchone() == (3, "typed")
    assert other.execute("SELECT state, due FROM cards WHERE id = ?", [card.id]).fetchone() == (
        1,
        iso(now + timedelta(minutes=10)),
    )
    other.close()


def test_amend_review_replaces_rating_and_schedule(store: Store, deck, now: datetime) -> None:
    card = store.deck_cards(deck)[0]
    recorded = store.record_review(scheduled(card, CardState.LEARNING, now), review_of(card, now))
    store.amend_review(
        recorded,
        scheduled(card, CardState.REVIEW, now + timedelta(days=2)),
        review_of(card, now, Rating.EASY),
    )
    assert [r["rating"] for r in store.reviews_of(card.id)] == [4]
    assert store.card(card.id).state is CardState.REVIEW


def test_a_failed_transaction_leaves_nothing(store: Store, deck, now: datetime) -> None:
    card = store.deck_cards(deck)[0]
    with pytest.raises(RuntimeError), store.transaction():
        store.record_review(scheduled(card, CardState.REVIEW, now), review_of(card, now))
        raise RuntimeError("crash between two writes")
    assert store.reviews_of(card.id) == []
    assert store.card(card.id).state is CardState.NEW


def test_a_second_writer_waits_instead_of_failing(
    store: Store, deck, now: datetime, isolated_env: Path
) -> None:
    """Two terminals on one database: one holds the write lock for a moment, the other waits."""
    locked = threading.Event()

    def hold_lock() -> None:
        other = Store.open(isolated_env)
        with other.transaction():
            other.db.execute("UPDATE decks SET description = 'busy'")
            locked.set()
            time.sleep(0.3)
        other.close()

    thread = threading.Thread(target=hold_lock)
    thread.start()
    assert locked.wait(timeout=10)
    card = store.deck_cards(deck)[0]
    started = time.monotonic()
    store.record_review(scheduled(card, CardState.REVIEW, now), review_of(card, now))
    waited = time.monotonic() - started
    thread.join()
    assert waited > 0.1
    assert len(store.reviews_of(card.id)) == 1


# files it refuses, unchanged ----------------------------------------------------


def test_a_text_file_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my precious notes\n")
    with pytest.raises(
        StoreError, match=r"notes.txt: not a quizkit database \(not an SQLite file\)$"
    ):
        Store.open(path)
    assert path.read_text() == "my precious notes\n"


def test_another_programs_database_is_refused_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance REAL)")
        conn.execute("INSERT INTO accounts VALUES (1, 100.0)")
    conn.close()
    before = digest(path)
    with pytest.raises(
        StoreError, match=r"other.db: not a quizkit database \(it holds other tables\)$"
    ):
        Store.open(path)
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["other.db"]


def test_a_newer_quizkits_database_is_refused_and_kept(isolated_env: Path) -> None:
    Store.open(isolated_env).close()
    mark_from_newer_quizkit(isolated_env, "m999_from_the_future")
    before = digest(isolated_env)
    with pytest.raises(
        StoreError, match=r"written by a newer quizkit .*m999_from_the_future.*upgrade"
    ):
        Store.open(isolated_env)
    assert digest(isolated_env) == before


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda tmp: tmp / "missing" / "q.db", r"q.db: folder .*missing does not exist$"),
        (lambda tmp: tmp, r": is a folder, not a database file$"),
    ],
)
def test_bad_paths(tmp_path: Path, make, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store.open(make(tmp_path))


def test_a_path_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(StoreError, match=r"afile/q.db: .*afile is a file, not a folder$"):
        Store.open(tmp_path / "afile" / "q.db")


def test_sqlite_refusing_to_open_becomes_one_clear_error() -> None:
    """The error translation path, whatever the user: /proc takes no new files, even from root."""
    with pytest.raises(
        StoreError, match=r"^/proc/quizkit.db: cannot use this database: unable to open"
    ):
        Store.open("/proc/quizkit.db")


def _immutable(folder: Path) -> bool:
    if not shutil.which("chattr"):
        return False
    done = subprocess.run(["chattr", "+i", str(folder)], capture_output=True)
    return done.returncode == 0


@pytest.mark.parametrize("existing", [False, True])
def test_read_only_folder(tmp_path: Path, now: datetime, existing: bool) -> None:
    """A folder quizkit may not write to. Root ignores chmod, so the folder is made immutable."""
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "q.db"
    if existing:
        Store.open(path).close()
    if not _immutable(folder):
        pytest.skip("chattr +i does not work here (needs root and a filesystem that supports it)")
    try:
        before = sorted(p.name for p in folder.iterdir())
        with pytest.raises(StoreError, match=r"q.db: cannot use this database: .*read-only\?\)$"):
            Store.open(path)
        assert sorted(p.name for p in folder.iterdir()) == before
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


def test_count_due_stops_at_its_limit(store: Store, deck, now: datetime) -> None:
    for card in store.deck_cards(deck):
        store.record_review(scheduled(card, CardState.REVIEW, now), review_of(card, now))
    assert store.count_due(deck, now) == store.count_due(None, now) == 5
    assert store.count_due(deck, now, limit=3) == store.count_due(None, now, limit=3) == 3


def test_suspended_cards_count_apart(store: Store, deck, now: datetime) -> None:
    cards = store.deck_cards(deck)
    store.record_review(scheduled(cards[0], CardState.REVIEW, now), review_of(cards[0], now))
    store.db.execute(
        "UPDATE cards SET suspended = 1 WHERE id IN (?, ?)", [cards[0].id, cards[1].id]
    )
    (counts,) = store.deck_counts(now)
    assert (counts.new, counts.learning, counts.due, counts.suspended, counts.total) == (
        3,
        0,
        0,
        2,
        5,
    )


def test_a_deck_without_cards_counts_zero(store: Store, now: datetime) -> None:
    store.ensure_deck(DeckInfo("Empty"), now)
    (counts,) = store.deck_counts(now)
    assert (counts.deck.name, counts.new, counts.total) == ("Empty", 0, 0)


def test_the_deck_listing_reads_card_states_as_the_models_name_them() -> None:
    # quizkit.store_read counts without loading quizkit.models, so it names two states itself
    from quizkit import store_read
    from quizkit.models import CardState

    assert (store_read.NEW, store_read.REVIEW) == (CardState.NEW, CardState.REVIEW)
