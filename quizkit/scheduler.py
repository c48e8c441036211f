"""Spaced-repetition scheduling through py-fsrs: the only module that imports fsrs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

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


def decay(scheduler: fsrs.Scheduler) -> float:
    """FSRS-6's forgetting-curve decay (the last weight), which Anki stores beside a card's
    memory state."""
    return float(scheduler.parameters[-1])


def steps_left(scheduler: fsrs.Scheduler, state: CardState, step: int | None) -> int:
    """How many (re)learning steps a card in `state` at `step` still has to go."""
    relearning = state is CardState.RELEARNING
    steps = scheduler.relearning_steps if relearning else scheduler.learning_steps
    return max(0, len(steps) - (step or 0))


def step_for(scheduler: fsrs.Scheduler, state: int, steps_left: int | None) -> int:
    """The (re)learning step of a card with `steps_left` to go (another tool's count): the
    inverse of steps_left; 0 when unknown."""
    if state not in (CardState.LEARNING, CardState.RELEARNING) or steps_left is None:
        return 0
    relearning = state == CardState.RELEARNING
    steps = scheduler.relearning_steps if relearning else scheduler.learning_steps
    return min(max(0, len(steps) - steps_left), max(0, len(steps) - 1))


def replay(
    scheduler: fsrs.Scheduler, answers: Sequence[tuple[datetime, Rating]]
) -> list[tuple[timedelta, float]]:
    """For each answer of a card's log, from new: the interval it set and the difficulty
    after it, as FSRS gives them. Another tool's review log wants both per answer."""
    card = fsrs.Card(card_id=0, due=answers[0][0].astimezone(UTC)) if answers else None
    found = []
    for when, rating in answers:
        assert card is not None
        moment = when.astimezone(UTC)
        card, _log = scheduler.review_card(card, fsrs.Rating(int(rating)), review_datetime=moment)
        found.append((card.due - moment, float(card.difficulty or 0.0)))
    return found
