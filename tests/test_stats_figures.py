"""Stats figures against a review log built by hand (tests/stats_log.py) with known answers."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from stats_log import DECK_A, build_log

from quizkit.models import DeckInfo, Note
from quizkit.stats import CardCounts, HardCard, compute_stats
from quizkit.store import Store

PLUS5 = timezone(timedelta(hours=5))


@pytest.fixture
def ids(store: Store, now: datetime) -> dict[str, int]:
    return build_log(store, now)


def test_deck_figures(store: Store, now: datetime, ids: dict[str, int]) -> None:
    stats = compute_stats(store, store.deck(DECK_A), now)
    assert stats.cards == CardCounts(
        new=0, learning=1, review=2, relearning=1, suspended=1, leeches=1
    )
    assert stats.cards.total == 5
    assert (stats.reviews_today, stats.reviews_this_week, stats.reviews_total) == (2, 5, 9)
    assert stats.streak == 6
    assert stats.average_interval == pytest.approx(20.0)
    assert stats.median_interval == pytest.approx(20.0)
    assert [(b.label, b.count) for b in stats.intervals if b.count] == [
        ("7-13 d", 1),
        ("30-89 d", 1),
    ]
    assert stats.hardest == [
        HardCard(ids["c3"], "Question n2?", "Answer n2", 2),
        HardCard(ids["c4"], "Question n3?", "Answer n3", 2),
        HardCard(ids["c2"], "Answer n1", "Question n1?", 1),
    ]


def test_true_retention_by_week(store: Store, now: datetime, ids: dict[str, int]) -> None:
    stats = compute_stats(store, store.deck(DECK_A), now)
    weeks = [(w.week, w.mature_reviews, w.passed) for w in stats.retention]
    assert len(weeks) == 12
    assert weeks[0] == (date(2021, 11, 1), 0, 0)
    # the week of 10 Jan: the Sunday review (passed, Hard) and the one at exactly 21 days
    # (failed); the one at 20.9 days is young
    assert weeks[-2] == (date(2022, 1, 10), 2, 1)
    assert weeks[-1] == (date(2022, 1, 17), 3, 2)
    assert sum(total for _, total, _ in weeks) == 5
    assert stats.retention[-1].retention == pytest.approx(2 / 3)
    assert stats.retention[0].retention is None


def test_forecast_puts_overdue_cards_today(
    store: Store, now: datetime, ids: dict[str, int]
) -> None:
    stats = compute_stats(store, store.deck(DECK_A), now)
    assert len(stats.forecast) == 30
    assert stats.forecast[0].day == date(2022, 1, 20)
    assert stats.forecast[-1].day == date(2022, 2, 18)
    assert {i: d.count for i, d in enumerate(stats.forecast) if d.count} == {0: 2, 10: 1, 29: 1}


def test_reviews_per_day(store: Store, now: datetime, ids: dict[str, int]) -> None:
    stats = compute_stats(store, store.deck(DECK_A), now)
    assert len(stats.reviews_per_day) == 30
    assert stats.reviews_per_day[0].day == date(2021, 12, 22)
    assert {d.day.day: d.count for d in stats.reviews_per_day if d.count} == {
        13: 1,
        15: 1,
        16: 1,
        17: 1,
        18: 1,
        19: 1,
        20: 2,
    }


def test_all_decks(store: Store, now: datetime, ids: dict[str, int]) -> None:
    stats = compute_stats(store, None, now)
    assert stats.deck is None
    assert stats.cards.review == 3
    assert (stats.reviews_today, stats.reviews_this_week, stats.reviews_total) == (3, 6, 10)
    assert stats.average_interval == pytest.approx(17.0)
    assert stats.median_interval == pytest.approx(11.0)
    assert [(h.card_id, h.lapses) for h in stats.hardest] == [
        (ids["c3"], 2),
        (ids["c4"], 2),
        (ids["c2"], 1),
        (ids["cB"], 1),
    ]
    assert (stats.retention[-1].mature_reviews, stats.retention[-1].passed) == (4, 2)
    assert stats.forecast[1].count == 1


def test_days_are_those_of_nows_timezone(store: Store, now: datetime, ids: dict[str, int]) -> None:
    local = now.astimezone(PLUS5)  # the same moment, 14:00 on Thursday in UTC+5
    stats = compute_stats(store, store.deck(DECK_A), local)
    # 19 Jan 20:00 UTC is already the 20th there; 16 Jan 23:59:59 UTC is Monday the 17th
    assert (stats.reviews_today, stats.reviews_this_week) == (3, 6)
    assert {d.day.day: d.count for d in stats.reviews_per_day if d.count} == {
        13: 1,
        15: 1,
        17: 2,
        18: 1,
        20: 3,
    }
    # nothing on the 19th there, so the streak is today alone
    assert stats.streak == 1


def test_streak_counts_from_yesterday_until_today_has_a_review(
    store: Store, now: datetime, ids: dict[str, int]
) -> None:
    # on the 21st, before any review that day, the run 15-20 Jan still counts
    assert compute_stats(store, store.deck(DECK_A), now + timedelta(days=1)).streak == 6
    two_days_later = now + timedelta(days=2)
    assert compute_stats(store, store.deck(DECK_A), two_days_later).streak == 0


def test_empty_store_gives_zeros(store: Store, now: datetime) -> None:
    stats = compute_stats(store, None, now)
    assert stats.cards == CardCounts(0, 0, 0, 0, 0, 0)
    assert (stats.reviews_today, stats.reviews_this_week, stats.reviews_total) == (0, 0, 0)
    assert stats.average_interval is None and stats.median_interval is None
    assert stats.hardest == [] and stats.streak == 0
    assert all(d.count == 0 for d in stats.forecast + stats.reviews_per_day)
    assert all(w.retention is None for w in stats.retention)


@pytest.mark.parametrize("length", [1, 7, 8, 9, 24, 25, 60])
def test_long_streaks(store: Store, now: datetime, length: int) -> None:
    deck = store.ensure_deck(DeckInfo("Streaks"), now)
    store.upsert_notes(deck, [Note("Q?", "A", "q")], now)
    days = [*range(length), length + 1]  # a run of `length` days ending today, then a gap
    for back in days:
        moment = (now - timedelta(days=back)).isoformat(timespec="microseconds")
        store.db.execute(
            "INSERT INTO reviews (card_id, reviewed_at, rating, state_before) VALUES (1, ?, 3, 2)",
            [moment],
        )
    store.db.conn.commit()
    assert compute_stats(store, deck, now).streak == length
