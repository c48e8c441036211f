"""How the learner is doing: figures over the review log and the cards, as plain values.

Days and weeks are those of the timezone of the `now` passed in; weeks start on Monday.
A review is of a *mature* card when the card's previous review was at least 21 days
before it (Anki's definition: an interval of 21 days or more). True retention is the share
of those reviews answered right (Hard, Good or Easy). Lapses count every Again rating,
as leeches do.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from quizkit.models import Deck, StudyCard
from quizkit.store import Store, start_of_day

MATURE_DAYS = 21
FORECAST_DAYS = 30
HISTORY_DAYS = 30
RETENTION_WEEKS = 12
HARDEST = 10
STREAK_LIMIT_DAYS = 100 * 366
# Interval histogram bucket starts, in days; the last bucket is open-ended.
INTERVAL_EDGES = [0, 1, 3, 7, 14, 21, 30, 90, 180, 365]
EPOCH = datetime(1, 1, 1, tzinfo=UTC)


@dataclass(frozen=True)
class CardCounts:
    """Cards by state; the four states count unsuspended cards only."""

    new: int
    learning: int
    review: int
    relearning: int
    suspended: int
    leeches: int

    @property
    def total(self) -> int:
        return self.new + self.learning + self.review + self.relearning + self.suspended


@dataclass(frozen=True)
class DayCount:
    day: date
    count: int


@dataclass(frozen=True)
class WeekRetention:
    """Reviews of mature cards in the week starting on `week`, and how many passed."""

    week: date
    mature_reviews: int
    passed: int

    @property
    def retention(self) -> float | None:
        return self.passed / self.mature_reviews if self.mature_reviews else None


@dataclass(frozen=True)
class IntervalBucket:
    label: str
    count: int


@dataclass(frozen=True)
class HardCard:
    card_id: int
    prompt: str
    answer: str
    lapses: int


@dataclass(frozen=True)
class Stats:
    deck: str | None
    now: datetime
    cards: CardCounts
    reviews_today: int
    reviews_this_week: int
    reviews_total: int
    retention: list[WeekRetention]
    average_interval: float | None
    median_interval: float | None
    intervals: list[IntervalBucket]
    forecast: list[DayCount]
    reviews_per_day: list[DayCount]
    hardest: list[HardCard]
    streak: int

    def to_json(self) -> dict[str, Any]:
        """Plain JSON-ready data: dates as ISO text, retention as a share (0-1) or null."""
        data = asdict(self)
        data["now"] = self.now.isoformat()
        data["cards"]["total"] = self.cards.total
        data["mature_days"] = MATURE_DAYS
        data["retention"] = [
            {
                "week": w.week.isoformat(),
                "mature_reviews": w.mature_reviews,
                "passed": w.passed,
                "retention": w.retention,
            }
            for w in self.retention
        ]
        for key in ("forecast", "reviews_per_day"):
            data[key] = [{"day": d.day.isoformat(), "count": d.count} for d in getattr(self, key)]
        return data


def day_start(now: datetime, offset: int) -> datetime:
    """Local midnight `offset` days from `now`'s day (wall-clock days, so DST is right)."""
    return start_of_day(now) + timedelta(days=offset)


def day_ranges(now: datetime, first: int, count: int) -> list[tuple[datetime, datetime]]:
    return [(day_start(now, i), day_start(now, i + 1)) for i in range(first, first + count)]


def week_start(now: datetime) -> datetime:
    return day_start(now, -now.weekday())


def bucket_labels(edges: list[int]) -> list[str]:
    labels = []
    for low, high in zip(edges, [*edges[1:], None], strict=True):
        if high is None:
            labels.append(f"{low}+ d")
        elif high - low == 1:
            labels.append(f"{low} d")
        else:
            labels.append(f"{low}-{high - 1} d")
    return labels


def compute_stats(store: Store, deck: Deck | None, now: datetime) -> Stats:
    """Every figure `quizkit stats` shows, for one deck or (deck None) for all."""
    first = store.first_review_at(deck)
    # no days or weeks from before the first review: they could only say "0"
    history = [r for r in day_ranges(now, 1 - HISTORY_DAYS, HISTORY_DAYS) if _since(r, first)]
    per_day = store.reviews_in_ranges(deck, history)
    this_week = week_start(now)
    weeks = [
        (this_week - timedelta(weeks=i), this_week - timedelta(weeks=i - 1))
        for i in range(RETENTION_WEEKS - 1, -1, -1)
    ]
    weeks = [w for w in weeks if _since(w, first)]
    mature = store.mature_reviews_in_ranges(deck, weeks, MATURE_DAYS)
    forecast_ranges = day_ranges(now, 0, FORECAST_DAYS)
    # overdue cards are due today
    forecast_ranges[0] = (EPOCH, forecast_ranges[0][1])
    forecast = store.due_in_ranges(deck, forecast_ranges)
    average, median, buckets = store.interval_summary(deck, [float(e) for e in INTERVAL_EDGES])
    return Stats(
        deck=deck.name if deck else None,
        now=now,
        cards=CardCounts(*store.card_state_counts(deck)),
        reviews_today=per_day[-1] if per_day else 0,
        reviews_this_week=store.review_count(deck, this_week),
        reviews_total=store.review_count(deck),
        retention=[
            WeekRetention(start.date(), total, passed)
            for (start, _end), (total, passed) in zip(weeks, mature, strict=True)
        ],
        average_interval=average,
        median_interval=median,
        intervals=[
            IntervalBucket(label, n)
            for label, n in zip(bucket_labels(INTERVAL_EDGES), buckets, strict=True)
        ],
        forecast=[DayCount(day_start(now, i).date(), n) for i, n in enumerate(forecast)],
        reviews_per_day=[
            DayCount(start.date(), n) for (start, _end), n in zip(history, per_day, strict=True)
        ],
        hardest=[_hard_card(card, fails) for card, fails in store.most_failed_cards(deck, HARDEST)],
        streak=streak(store, deck, now),
    )


def _since(span: tuple[datetime, datetime], first: datetime | None) -> bool:
    """Whether a [start, end) span ends after the first review (none: no span does)."""
    return first is not None and span[1] > first


def _hard_card(card: StudyCard, fails: int) -> HardCard:
    return HardCard(card.id, card.prompt, card.expected, fails)


def streak(store: Store, deck: Deck | None, now: datetime) -> int:
    """Days in a row with at least one review, up to today (or yesterday, until today has one)."""
    offset = 0 if store.reviewed_between(deck, day_start(now, 0), day_start(now, 1)) else -1
    days = 0
    window = 8
    # look back in ever larger windows of days, one query each, until a day without reviews
    while days < STREAK_LIMIT_DAYS:
        first = offset - days - window + 1
        found = store.reviewed_in_ranges(deck, day_ranges(now, first, window))
        for reviewed in reversed(found):
            if not reviewed:
                return days
            days += 1
        window *= 2
    return days
