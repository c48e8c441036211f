"""A review log built by hand, with its figures worked out by hand (see test_stats_figures)."""

from __future__ import annotations

from datetime import datetime

from quizkit.models import DeckInfo, Note
from quizkit.store import Store

DECK_A = "Deck A"
DECK_B = "Deck B"

# card name -> (deck, note guid, ord, state, suspended, leech, last_review, due)
CARDS = {
    "c1": (DECK_A, "n1", 0, 2, 0, 0, "2022-01-20T08:00:00Z", "2022-01-30T08:00:00Z"),
    "c2": (DECK_A, "n1", 1, 2, 0, 0, "2022-01-19T10:00:00Z", "2022-02-18T10:00:00Z"),
    "c3": (DECK_A, "n2", 0, 3, 0, 0, "2022-01-20T08:30:00Z", "2022-01-20T09:10:00Z"),
    "c4": (DECK_A, "n3", 0, 1, 0, 0, "2022-01-15T12:00:00Z", "2022-01-19T09:00:00Z"),
    "c5": (DECK_A, "n4", 0, 0, 1, 1, None, "2022-01-01T00:00:00Z"),
    "cB": (DECK_B, "nB", 0, 2, 0, 0, "2022-01-10T00:00:00Z", "2022-01-21T00:00:00Z"),
}

# (card, reviewed_at UTC, rating, elapsed_days)
REVIEWS = [
    ("c1", "2022-01-20T08:00:00Z", 3, 25.0),  # today, mature, passed
    ("c3", "2022-01-20T08:30:00Z", 1, 30.0),  # today, mature, failed
    ("c2", "2022-01-19T20:00:00Z", 3, 2.0),  # Wed (UTC); already Thu in UTC+5
    ("c3", "2022-01-18T12:00:00Z", 4, 22.0),  # Tue, mature, passed
    ("c3", "2022-01-17T00:00:00Z", 1, 5.0),  # Monday midnight: this week, young
    ("c1", "2022-01-16T23:59:59Z", 2, 40.0),  # Sunday: last week, mature, passed (Hard)
    ("c4", "2022-01-15T12:00:00Z", 1, 20.9),  # just short of mature
    ("c4", "2022-01-13T12:00:00Z", 1, 21.0),  # exactly mature, failed
    ("c2", "2021-10-01T12:00:00Z", 1, 21.0),  # long ago: only in the totals
    ("cB", "2022-01-20T07:00:00Z", 1, 30.0),  # deck B, today, mature, failed
]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def build_log(store: Store, now: datetime) -> dict[str, int]:
    """Store the decks, cards and reviews above; returns card name -> card id."""
    for deck_name in (DECK_A, DECK_B):
        deck = store.ensure_deck(DeckInfo(deck_name), now)
        guids = sorted({c[1] for c in CARDS.values() if c[0] == deck_name})
        notes = [
            Note(
                question=f"Question {guid}?",
                answer=f"Answer {guid}",
                guid=guid,
                reverse=any(c[1] == guid and c[2] == 1 for c in CARDS.values()),
            )
            for guid in guids
        ]
        store.upsert_notes(deck, notes, now)
    ids = {}
    for name, (_deck, guid, ord_, state, suspended, leech, last, due) in CARDS.items():
        card_id = store.db.execute(
            "SELECT c.id FROM cards c JOIN notes n ON n.id = c.note_id "
            "WHERE n.guid = ? AND c.ord = ?",
            [guid, ord_],
        ).fetchone()[0]
        store.db.execute(
            "UPDATE cards SET state = ?, suspended = ?, leech = ?, last_review = ?, due = ?, "
            "stability = 10, difficulty = 5 WHERE id = ?",
            [
                state,
                suspended,
                leech,
                utc(last).isoformat(timespec="microseconds") if last else None,
                utc(due).isoformat(timespec="microseconds"),
                card_id,
            ],
        )
        ids[name] = card_id
    for name, at, rating, elapsed in REVIEWS:
        store.db.execute(
            "INSERT INTO reviews (card_id, reviewed_at, rating, state_before, elapsed_days) "
            "VALUES (?, ?, ?, 2, ?)",
            [ids[name], utc(at).isoformat(timespec="microseconds"), rating, elapsed],
        )
    store.db.conn.commit()
    return ids
