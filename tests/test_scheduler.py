"""Scheduling golden values: exact interval sequences for scripted ratings.

The sequences were computed once with fsrs 6.3.2 through quizkit's wrapper and the store,
checked by reasoning (below), then pinned. A change in them means learners' schedules change:
look at why (an fsrs upgrade, a rounding change in the store) before updating them.

The reasoning: FSRS's interval is the time at which recall probability falls to the desired
retention; with the default retention 0.9 that time equals the stability S (the forgetting
curve is scaled so that R(S) = 0.9), so each review interval must be round(S) days. The
learning steps are 1 and 10 minutes, the relearning step 10 minutes; a lower retention target
gives longer intervals and a higher one shorter.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from quizkit.models import CardState, DeckInfo, Note, Rating, Review
from quizkit.scheduler import make_scheduler, review
from quizkit.store import Store, iso

G, A, H, E = Rating.GOOD, Rating.AGAIN, Rating.HARD, Rating.EASY
START = datetime(2022, 11, 29, 12, 30, tzinfo=UTC)
# py-fsrs's own test_review_card sequence
PYFSRS = [G, G, G, G, G, G, A, A, G, G, G, G, G]
MIXED = [G, G, H, G, A, G, G, E, G]


def run(store: Store, ratings: list[Rating], retention: float) -> list[timedelta]:
    """Answer one new card with `ratings`, each when it falls due, through the store."""
    name = f"run {len(store.decks()) + 1}"  # a fresh deck and card for every run
    deck = store.ensure_deck(DeckInfo(name, desired_retention=retention), START)
    store.upsert_notes(deck, [Note("Q?", "A", guid=name)], START)
    card = store.deck_cards(deck)[0]
    scheduler = make_scheduler(deck.desired_retention)
    moment = START
    intervals = []
    for rating in ratings:
        after = review(scheduler, card, rating, moment)
        store.record_review(
            after, Review(card.id, moment, rating, None, None, None, card.state, None)
        )
        card = store.card(card.id)  # every step goes through SQLite and back
        assert card == after
        intervals.append(card.due - moment)
        if card.state is CardState.REVIEW and retention == 0.9 and card.stability:
            assert (card.due - moment).days == max(1, round(card.stability))
        moment = card.due
    return intervals


@pytest.mark.parametrize(
    ("ratings", "retention", "days"),
    [
        (PYFSRS, 0.9, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]),
        (PYFSRS, 0.85, [0, 4, 31, 174, 776, 2870, 0, 0, 6, 14, 30, 60, 113]),
        (PYFSRS, 0.95, [0, 1, 3, 8, 19, 43, 0, 0, 1, 1, 1, 2, 3]),
        (MIXED, 0.9, [0, 2, 8, 26, 0, 2, 5, 16, 34]),
        (MIXED, 0.85, [0, 4, 20, 90, 0, 6, 17, 68, 172]),
        (MIXED, 0.95, [0, 1, 2, 5, 0, 1, 1, 2, 4]),
    ],
)
def test_interval_sequences(store: Store, ratings, retention: float, days: list[int]) -> None:
    intervals = run(store, ratings, retention)
    assert [i.days for i in intervals] == days


def test_learning_and_relearning_steps_are_exact(store: Store) -> None:
    intervals = run(store, [A, H, G, G, A, G], 0.9)
    assert intervals[:3] == [
        timedelta(minutes=1),  # Again on a new card: the first learning step
        timedelta(minutes=5, seconds=30),  # Hard on step 0: halfway between 1 and 10 minutes
        timedelta(minutes=10),  # Good: the second step
    ]
    assert intervals[4] == timedelta(minutes=10)  # a lapse: the relearning step


def test_retention_orders_intervals(store: Store) -> None:
    loose = run(store, MIXED, 0.85)
    usual = run(store, MIXED, 0.9)
    strict = run(store, MIXED, 0.95)
    for a, b, c in zip(loose, usual, strict, strict=True):
        assert a >= b >= c


def test_same_answers_same_schedule(store: Store) -> None:
    """No fuzz: quizkit's schedules repeat exactly (py-fsrs's fuzz uses the global random)."""
    assert make_scheduler().enable_fuzzing is False
    assert run(store, MIXED, 0.9) == run(store, MIXED, 0.9)


def test_times_must_be_timezone_aware() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        iso(datetime(2022, 1, 1))
