"""A small deck for practice tests, cram and leech tests."""

from __future__ import annotations

import re
from datetime import datetime

from quizkit.models import Deck, DeckInfo, Note
from quizkit.store import Store

DECK = "Practice"

NOTES = [
    Note(
        "Capital of France?",
        "Paris",
        "capital",
        distractors=("Lyon", "Marseille", "Nice"),
        tags=("geo",),
    ),
    Note("Fall of the Berlin Wall, year?", "1989", "wall", kind="number", tags=("history",)),
    Note(
        "Which two colours?",
        "Red, Blue",
        "colours",
        kind="participants",
        extra={"items": ["Red", "Blue"]},
        tags=("art",),
    ),
    Note("Largest planet?", "Jupiter", "planet", tags=("Geo",)),
    Note(
        "Who wrote Hamlet?",
        "William Shakespeare",
        "hamlet",
        alternatives=("Shakespeare",),
        reverse=True,
        tags=("books",),
    ),
]


def make_deck(store: Store, now: datetime, notes: list[Note] | None = None) -> Deck:
    deck = store.ensure_deck(DeckInfo(DECK), now)
    store.upsert_notes(deck, NOTES if notes is None else notes, now)
    return deck


def schedule_rows(store: Store) -> list[tuple[object, ...]]:
    """Everything studying may change: card rows and the review log."""
    cards = store.db.execute("SELECT * FROM cards ORDER BY id").fetchall()
    reviews = store.db.execute("SELECT * FROM reviews ORDER BY id").fetchall()
    return [*cards, ("reviews", len(reviews)), *reviews]


def without_prompts(output: str) -> str:
    """Pipe output without the '> ' input prompts, which share a line with what follows."""
    return re.sub(r"(?m)^(> )+", "", output)
