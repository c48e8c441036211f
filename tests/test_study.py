"""The study session without a terminal: order, grades, overrides, commits, and weeks of study."""

from __future__ import annotations

import functools
import sqlite3
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quizkit.models import CardState, DeckInfo, Note, Rating, StudyCard
from quizkit.scheduler import make_scheduler, review
from quizkit.store import Store
from quizkit.study import (
    Answer,
    Outcome,
    QueueCounts,
    Session,
    due_in_words,
    rating_for,
    slow_after_ms,
)


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        return self.moment


@dataclass
class Scripted:
    """A learner who answers by a rule: `reply(card)` gives the text ('' to reveal) or None."""

    reply: Callable[[StudyCard], str | None]
    duration_ms: int = 2000
    reveal_rating: Rating = Rating.GOOD
    override: Callable[[Outcome], Rating | None] = lambda outcome: None
    asked: list[StudyCard] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    regrades: list[Outcome] = field(default_factory=list)
    remaining: list[QueueCounts] = field(default_factory=list)

    def ask(self, card: StudyCard, remaining: QueueCounts) -> Answer | None:
        assert len(self.asked) < 500, "the session does not end"
        self.asked.append(card)
        self.remaining.append(remaining)
        text = self.reply(card)
        return None if text is None else Answer(text, self.duration_ms)

    def rate_after_reveal(self, card: StudyCard) -> Rating | None:
        return self.reveal_rating

    def show_outcome(self, outcome: Outcome) -> Rating | None:
        self.outcomes.append(outcome)
        return self.override(outcome)

    def show_regrade(self, outcome: Outcome) -> None:
        self.regrades.append(outcome)


def knows_all(card: StudyCard) -> str:
    return card.expected


def make_deck(store: Store, now: datetime, count: int = 5, retention: float = 0.9):
    deck = store.ensure_deck(DeckInfo("Capitals", desired_retention=retention), now)
    notes = [Note(f"Capital of country {n}?", f"City{n}ville", guid=f"c{n}") for n in range(count)]
    store.upsert_notes(deck, notes, now)
    return deck


def schedule(store: Store, card: StudyCard, due: datetime) -> None:
    """Put a card in review, due at `due`, as if studied before."""
    store.db.execute(
        "UPDATE cards SET state = 2, stability = 5.0, difficulty = 5.0, due = ?, last_review = ? "
        "WHERE id = ?",
        [due.isoformat(timespec="microseconds"), (due - timedelta(days=5)).isoformat(), card.id],
    )
    store.db.conn.commit()


# order -------------------------------------------------------------------------


def test_due_reviews_first_most_overdue_first_then_new(store: Store, now: datetime) -> None:
    deck = make_deck(store, now)
    cards = store.deck_cards(deck)
    schedule(store, cards[3], now - timedelta(days=1))
    schedule(store, cards[4], now - timedelta(days=4))
    schedule(store, cards[2], now + timedelta(days=1))  # not due yet
    learner = Scripted(knows_all)
    Session(store, deck, Clock(now), new_limit=20).run(learner)
    first_seen = list(dict.fromkeys(c.id for c in learner.asked))
    assert first_seen == [cards[4].id, cards[3].id, cards[0].id, cards[1].id]
    assert learner.remaining[:4] == [
        QueueCounts(new=2, learning=0, due=2),
        QueueCounts(new=2, learning=0, due=1),
        QueueCounts(new=2, learning=0, due=0),
        QueueCounts(new=1, learning=0, due=0),
    ]


def test_new_cards_stop_at_the_daily_limit_across_sessions(store: Store, now: datetime) -> None:
    deck = make_deck(store, now, count=5)
    first = Scripted(knows_all)
    Session(store, deck, Clock(now), new_limit=2).run(first)
    assert len({c.id for c in first.asked}) == 2
    later = Scripted(knows_all)
    summary = Session(store, deck, Clock(now + timedelta(hours=3)), new_limit=2).run(later)
    assert later.asked == []
    assert summary.next_due == now.replace(hour=0) + timedelta(days=1)  # new cards tomorrow
    tomorrow = Scripted(knows_all)
    Session(store, deck, Clock(now + timedelta(days=1)), new_limit=2).run(tomorrow)
    assert len({c.id for c in tomorrow.asked if c.state is CardState.NEW}) == 2


def test_new_limit_zero_studies_only_due_cards(store: Store, now: datetime) -> None:
    deck = make_deck(store, now)
    schedule(store, store.deck_cards(deck)[1], now - timedelta(hours=1))
    learner = Scripted(knows_all)
    summary = Session(store, deck, Clock(now), new_limit=0).run(learner)
    assert [c.id for c in learner.asked] == [store.deck_cards(deck)[1].id]
    assert summary.seen == 1


# grading into ratings ----------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "duration_ms", "rating", "correct"),
    [
        ("City0ville", 2_000, Rating.GOOD, True),  # right and quick
        ("city0ville", 60_000, Rating.HARD, True),  # right but slow
        ("City0vile", 2_000, Rating.HARD, True),  # right with a typo
        ("Paris", 2_000, Rating.AGAIN, False),  # wrong
    ],
)
def test_typed_answers_map_to_ratings(
    store: Store, now: datetime, typed: str, duration_ms: int, rating: Rating, correct: bool
) -> None:
    deck = make_deck(store, now, count=1)
    learner = Scripted(lambda card: typed if not learner.asked[:-1] else None, duration_ms)
    Session(store, deck, Clock(now)).run(learner)
    (outcome,) = learner.outcomes
    assert (outcome.rating, outcome.correct) == (rating, correct)
    (row,) = store.reviews_of(learner.asked[0].id)
    assert (row["rating"], row["typed"], row["correct"], row["duration_ms"]) == (
        int(rating),
        typed,
        int(correct),
        duration_ms,
    )


def test_slow_threshold_grows_with_the_answer() -> None:
    assert slow_after_ms("Belarus") == 12_100
    assert rating_for(True, False, 12_100, "Belarus") is Rating.GOOD
    assert rating_for(True, False, 12_101, "Belarus") is Rating.HARD


def test_reveal_takes_the_learners_grade(store: Store, now: datetime) -> None:
    deck = make_deck(store, now, count=1)
    learner = Scripted(lambda card: "" if not learner.asked[:-1] else None)
    learner.reveal_rating = Rating.HARD
    summary = Session(store, deck, Clock(now)).run(learner)
    (row,) = store.reviews_of(learner.asked[0].id)
    assert (row["rating"], row["typed"], row["correct"]) == (2, None, None)
    assert (summary.seen, summary.graded, summary.percent_correct) == (1, 0, None)


def test_override_rewrites_the_review_and_the_schedule(store: Store, now: datetime) -> None:
    deck = make_deck(store, now, count=1)
    learner = Scripted(
        lambda card: "Paris" if not learner.asked[:-1] else None,
        override=lambda outcome: Rating.EASY,  # "I meant that": the learner knows better
    )
    Session(store, deck, Clock(now)).run(learner)
    card = learner.asked[0]
    (row,) = store.reviews_of(card.id)
    assert row["rating"] == int(Rating.EASY)
    expected = review(make_scheduler(0.9), card, Rating.EASY, now, 2000)
    assert store.card(card.id) == expected
    (regrade,) = learner.regrades
    assert (regrade.rating, regrade.due) == (Rating.EASY, expected.due)


def test_each_answer_is_committed_before_its_outcome_is_shown(
    store: Store, now: datetime, isolated_env: Path
) -> None:
    deck = make_deck(store, now, count=3)
    seen_by_another_process: list[int] = []

    def check(outcome: Outcome) -> None:
        with sqlite3.connect(isolated_env) as other:
            count = other.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
        other.close()
        seen_by_another_process.append(count)

    learner = Scripted(knows_all, override=check)
    Session(store, deck, Clock(now), new_limit=3).run(learner)
    assert seen_by_another_process == list(range(1, len(learner.outcomes) + 1))


def test_summary_counts_and_next_due(store: Store, now: datetime) -> None:
    deck = make_deck(store, now, count=4)
    replies = iter(["City0ville", "wrong", "City2ville", "City3ville", None])
    learner = Scripted(lambda card: next(replies))
    summary = Session(store, deck, Clock(now), new_limit=4).run(learner)
    assert (summary.seen, summary.graded, summary.correct, summary.quit) == (4, 4, 3, True)
    assert summary.percent_correct == 75.0
    # the failed card is in its first learning step; new cards do not wait: all were seen
    assert summary.next_due == now + timedelta(minutes=1)


def test_ctrl_c_anywhere_ends_with_a_summary_and_keeps_answers(store: Store, now: datetime) -> None:
    deck = make_deck(store, now, count=3)

    def reply(card: StudyCard) -> str:
        if len(learner.asked) == 3:
            raise KeyboardInterrupt
        return card.expected

    learner = Scripted(reply)
    summary = Session(store, deck, Clock(now), new_limit=3).run(learner)
    assert summary.quit and summary.seen == 2
    assert store.db.execute("SELECT COUNT(*) FROM reviews").fetchone()[0] == 2


def test_list_cards_are_graded_item_by_item(store: Store, now: datetime) -> None:
    deck = store.ensure_deck(DeckInfo("Lists"), now)
    items = ["Russia", "Armenia", "Belarus"]
    store.upsert_notes(
        deck, [Note("Name all three", ", ".join(items), guid="l", extra={"items": items})], now
    )
    learner = Scripted(lambda card: "belarus and russia" if not learner.asked[:-1] else None)
    Session(store, deck, Clock(now)).run(learner)
    (outcome,) = learner.outcomes
    assert outcome.correct is False
    assert outcome.detail == "2 of 3 right; missing Armenia"


@pytest.mark.parametrize(("retention", "days"), [(0.85, 4), (0.9, 2), (0.95, 1)])
def test_the_decks_desired_retention_sets_the_intervals(
    store: Store, now: datetime, retention: float, days: int
) -> None:
    deck = make_deck(store, now, count=1, retention=retention)
    learner = Scripted(knows_all)  # Good (10 minutes, shown again at once), Good: graduated
    Session(store, deck, Clock(now)).run(learner)
    assert [o.due - now for o in learner.outcomes] == [timedelta(minutes=10), timedelta(days=days)]


# weeks of study ----------------------------------------------------------------


def study_days(
    store: Store, start: datetime, days: int, reply: Callable[[StudyCard, int], str]
) -> dict[int, list[datetime]]:
    """One session a day at 09:00 for `days` days; returns each card's review times."""
    deck = store.deck("Capitals")
    clock = Clock(start)
    reviewed: dict[int, list[datetime]] = {}
    for day in range(days):
        clock.moment = start + timedelta(days=day)
        learner = Scripted(functools.partial(lambda day, card: reply(card, day), day))
        Session(store, deck, clock, new_limit=5).run(learner)
        for card in learner.asked:
            reviewed.setdefault(card.id, []).append(clock.moment)
    return reviewed


def review_gaps(times: list[datetime]) -> list[int]:
    """Days between the sessions in which a card was seen (same-day repeats dropped)."""
    days = sorted({t.date() for t in times})
    return [(b - a).days for a, b in zip(days, days[1:], strict=False)]


def test_a_learner_who_knows_everything_sees_intervals_grow(store: Store, now: datetime) -> None:
    make_deck(store, now, count=5)
    reviewed = study_days(store, now, 60, lambda card, day: card.expected)
    for times in reviewed.values():
        gaps = review_gaps(times)
        assert len(gaps) >= 3
        assert gaps == sorted(gaps) and gaps[-1] > gaps[0]
    assert review_gaps(next(iter(reviewed.values()))) == [2, 11, 46]  # as test_scheduler pins


def test_a_failed_review_comes_back_sooner(store: Store, now: datetime, tmp_path: Path) -> None:
    make_deck(store, now, count=5)
    other = Store.open(tmp_path / "other.db")
    make_deck(other, now, count=5)
    fail_day = 13  # the third review of every card (after gaps of 2 and 11 days)
    good = study_days(store, now, 80, lambda card, day: card.expected)
    failed: set[int] = set()

    def fail_once(card: StudyCard, day: int) -> str:
        if day == fail_day and card.id not in failed:
            failed.add(card.id)
            return "no idea"
        return card.expected

    bad = study_days(other, now, 80, fail_once)
    assert len(failed) == 5
    for card_id in good:
        good_gaps, bad_gaps = review_gaps(good[card_id]), review_gaps(bad[card_id])
        assert good_gaps[:2] == bad_gaps[:2] == [2, 11]
        # the lapse is shown again the same day (relearning), then after a shorter gap
        assert (
            sum(1 for t in bad[card_id] if t.date() == (now + timedelta(days=fail_day)).date()) == 2
        )
        assert bad_gaps[2] < good_gaps[2], (good_gaps, bad_gaps)
    other.close()


# due times in words ------------------------------------------------------------


@pytest.mark.parametrize(
    ("delta", "words"),
    [
        (timedelta(seconds=-30), "now"),
        (timedelta(seconds=30), "now"),
        (timedelta(minutes=1), "in 1 minute"),
        (timedelta(minutes=10), "in 10 minutes"),
        (timedelta(minutes=5, seconds=30), "in 6 minutes"),
        (timedelta(minutes=59, seconds=30), "in 1 hour"),
        (timedelta(hours=5), "in 5 hours"),
        (timedelta(hours=23, minutes=55), "in 1 day"),
        (timedelta(days=3), "in 3 days"),
        (timedelta(days=45), "in 2 months"),
        (timedelta(days=498), "in 1 year"),
    ],
)
def test_due_in_words(now: datetime, delta: timedelta, words: str) -> None:
    assert due_in_words(now + delta, now) == words


# the counts on screen -------------------------------------------------------------


def test_counts_kept_current_match_a_fresh_count_at_every_card(store: Store, now: datetime) -> None:
    """Answers right and wrong, reverse cards burying their siblings, the clock moving on:
    before every card the counts kept step by step equal a count made from scratch."""
    deck = store.ensure_deck(DeckInfo("Mixed"), now)
    notes = [Note(f"Word {n}?", f"Mot{n}", guid=f"w{n}", reverse=n % 3 == 0) for n in range(12)]
    store.upsert_notes(deck, notes, now)
    cards = store.deck_cards(deck)
    for offset, card in enumerate(cards[:6]):
        schedule(store, card, now - timedelta(hours=offset))
    clock = Clock(now)
    checked: list[QueueCounts] = []
    misses: Counter[int] = Counter()

    def reply(card: StudyCard) -> str:
        fresh = Session(store, deck, clock, new_limit=5).counts(clock.moment)
        assert learner.remaining[-1] == fresh, (len(learner.remaining), card.prompt)
        checked.append(fresh)
        clock.moment += timedelta(minutes=4)
        # a learning card missed for ever never leaves learning (nor becomes a leech): miss
        # each chosen card three times, then know it
        if card.id % 4 or misses[card.id] >= 3:
            return card.expected
        misses[card.id] += 1
        return "no idea"

    learner = Scripted(reply)
    Session(store, deck, clock, new_limit=5).run(learner)
    assert len(checked) > 15
    assert checked[0] == QueueCounts(new=5, learning=0, due=6)
    assert any(c.learning for c in checked)  # wrong answers came back as learning cards
