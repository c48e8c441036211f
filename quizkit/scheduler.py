"""Spaced-repetition scheduling through py-fsrs: the only module that imports fsrs."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import fsrs

from quizkit.models import CardState, Rating, StudyCard


def make_scheduler(desired_retention: float = 0.9) -> fsrs.Scheduler:
    """An FSRS-6 scheduler with default weights.

    Fuzzing is off: py-fsrs draws it from the global random generator, and quizkit's
    schedules must be the same for the same answers.
    """
    return fsrs.Scheduler(desired_retention=desired_retention, enable_fuzzing=False)


def _to_fsrs(card: StudyCard) -> fsrs.Card:
    if card.state is CardState.NEW:
        return fsrs.Card(card_id=card.id, due=card.due.astimezone(UTC))
    return fsrs.Card(
        card_id=card.id,
        state=fsrs.State(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due.astimezone(UTC),
        last_review=card.last_review.astimezone(UTC) if card.last_review else None,
    )


def review(
    scheduler: fsrs.Scheduler,
    card: StudyCard,
    rating: Rating,
    now: datetime,
    duration_ms: int | None = None,
) -> StudyCard:
    """The card as it stands after being answered with `rating` at `now`."""
    updated, _log = scheduler.review_card(
        _to_fsrs(card),
        fsrs.Rating(int(rating)),
        review_datetime=now.astimezone(UTC),
        review_duration=duration_ms,
    )
    return replace(
        card,
        state=CardState(updated.state.value),
        step=updated.step,
        stability=updated.stability,
        difficulty=updated.difficulty,
        due=updated.due,
        last_review=updated.last_review,
    )
