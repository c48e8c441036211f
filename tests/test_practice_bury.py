"""Sibling burying: a question and its reverse are never both studied on the same day."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from practice_deck import make_deck

from quizkit.models import CardState, Deck, Note, Rating, Review, StudyCard
from quizkit.store import Store, start_of_day
from quizkit.study import Answer, Outcome, Session

NOTES = [
    Note("Who wrote Hamlet?", "William Shakespeare", "hamlet", reverse=True),
    Note("Capital of France?", "Paris", "capital"),
]


@pytest.fixture
def deck(store: Store, now: datetime) -> Deck:
    return make_deck(store, now, NOTES)


def review_now(store: Store, card: StudyCard, moment: datetime) -> None:
    """Log a Good answer and move the card three days on, as the scheduler might."""
    after = replace(
        card,
        state=CardState.REVIEW,
        due=moment + timedelta(days=3),
        last_review=moment,
        stability=3.0,
        difficulty=5.0,
    )
    store.record_review(after, Review(card.id, moment, Rating.GOOD, "x", True, 1, card.state, None))


def test_new_sibling_waits_for_tomorrow(store: Store, deck: Deck, now: datetime) -> None:
    forward, reverse, capital = store.deck_cards(deck)
    assert (forward.ord, reverse.ord) == (0, 1)
    review_now(store, forward, now)
    today = start_of_day(now)
    assert store.next_new_card(deck, bury_since=today).id == capital.id
    assert store.next_new_card(deck).id == reverse.id  # without burying, it would be next
    assert store.next_new_card(deck, bury_since=today + timedelta(days=1)).id == reverse.id


def test_due_sibling_waits_for_tomorrow(store: Store, deck: Deck, now: datetime) -> None:
    store.db.execute(
        "UPDATE cards SET state = 2, stability = 5, difficulty = 5, due = ?, last_review = ? "
        "WHERE note_id = 1",
        ["2022-01-19T00:00:00.000000+00:00", "2022-01-10T00:00:00.000000+00:00"],
    )
    store.db.conn.commit()
    forward = store.card(1)
    review_now(store, forward, now - timedelta(hours=1))
    # the forward card was just reviewed; its reverse is due but waits
    assert store.next_due_card(deck, now, bury_since=start_of_day(now)) is None
    assert store.next_due_card(deck, now).id == 2
    assert store.count_due(deck, now, bury_since=start_of_day(now)) == 0
    assert store.count_due(deck, now) == 1
    # a review of yesterday does not bury
    assert store.next_due_card(deck, now, bury_since=now + timedelta(days=1)).id == 2


def test_a_cards_own_reviews_do_not_bury_it(store: Store, deck: Deck, now: datetime) -> None:
    capital = store.card(3)
    review_now(store, capital, now - timedelta(hours=1))
    store.db.execute(
        "UPDATE cards SET state = 1, due = ? WHERE id = 3", ["2022-01-20T08:30:00.000000+00:00"]
    )
    store.db.conn.commit()
    assert store.next_due_card(deck, now, bury_since=start_of_day(now)).id == 3


class Knows:
    """Answers every card right; remembers which cards it saw."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    def ask(self, card: StudyCard, remaining: int) -> Answer | None:
        self.seen.append(card.id)
        return Answer(card.expected, 1000) if len(self.seen) < 30 else None

    def rate_after_reveal(self, card: StudyCard) -> Rating | None:
        return Rating.GOOD

    def show_outcome(self, outcome: Outcome) -> Rating | None:
        return None


class Clock:
    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(minutes=5)
        return self.moment


def test_a_session_shows_one_direction_a_day(store: Store, deck: Deck, now: datetime) -> None:
    learner = Knows()
    Session(store, deck, Clock(now)).run(learner)
    assert 1 in learner.seen and 3 in learner.seen
    assert 2 not in learner.seen
    assert store.card(2).state is CardState.NEW
    tomorrow = Knows()
    Session(store, deck, Clock(now + timedelta(days=1))).run(tomorrow)
    assert set(tomorrow.seen) == {2}
