"""Cram mode: every card of a deck (or of one tag) regardless of due dates, before an exam.

Nothing is written: the schedule and the review log stay as they were. A card answered
wrong goes to the back of the queue and comes back until it is answered right.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from quizkit.errors import QuizkitError
from quizkit.grading import fold
from quizkit.models import Rating, StudyCard
from quizkit.study import Answer, check_answer


@dataclass(frozen=True)
class CramOutcome:
    """What the learner is shown after a card, and whether it comes back."""

    card: StudyCard
    typed: str | None
    correct: bool
    typo: bool
    detail: str
    comes_back: bool


class CramLearner(Protocol):
    """The other side of a cram session. None (or False) means the learner quits."""

    def ask(self, card: StudyCard, remaining: int) -> Answer | None: ...

    def rate_after_reveal(self, card: StudyCard) -> Rating | None: ...

    def show_cram_outcome(self, outcome: CramOutcome) -> bool: ...


@dataclass
class CramSummary:
    cards: int
    shown: int = 0
    done: int = 0
    first_time: int = 0
    missed: list[StudyCard] = field(default_factory=list)
    quit: bool = False


def cram_cards(cards: Sequence[StudyCard], tag: str | None) -> list[StudyCard]:
    """The unsuspended cards, those whose note has `tag` (any case) when one is given."""
    wanted = fold(tag) if tag is not None else None
    return [
        card
        for card in cards
        if not card.suspended and (wanted is None or wanted in {fold(t) for t in card.tags})
    ]


class CramSession:
    """Goes through `cards` in a random order (from `rng`) until each is answered right once."""

    def __init__(self, cards: Sequence[StudyCard], rng: random.Random) -> None:
        if not cards:
            raise QuizkitError("no cards to cram")
        order = list(cards)
        rng.shuffle(order)
        self.queue = deque(order)
        self.total = len(order)

    def run(self, learner: CramLearner) -> CramSummary:
        summary = CramSummary(cards=self.total)
        failed: set[int] = set()
        while self.queue:
            card = self.queue[0]
            answer = learner.ask(card, len(self.queue))
            if answer is None:
                summary.quit = True
                break
            if answer.revealed:
                rating = learner.rate_after_reveal(card)
                if rating is None:
                    summary.quit = True
                    break
                correct, typo, detail = rating != Rating.AGAIN, False, ""
            else:
                correct, typo, detail = check_answer(card, answer.text)
            self.queue.popleft()
            summary.shown += 1
            if correct:
                summary.done += 1
                summary.first_time += card.id not in failed
            else:
                if card.id not in failed:
                    summary.missed.append(card)
                failed.add(card.id)
                self.queue.append(card)
            outcome = CramOutcome(
                card=card,
                typed=None if answer.revealed else answer.text,
                correct=correct,
                typo=typo,
                detail=detail,
                comes_back=not correct,
            )
            if not learner.show_cram_outcome(outcome):
                summary.quit = bool(self.queue)
                break
        return summary
