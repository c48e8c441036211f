"""Leeches: cards that keep lapsing, so that studying them more is wasted time.

Counted as Anki counts them: a lapse is an Again given to a card that had left learning (a
review card); the Agains of a card still new, learning or relearning are not lapses. The 8th
lapse makes a card a leech: it is marked `leech` and suspended in the same transaction as the
answer, before the outcome is shown. Brought back by `quizkit unsuspend`, it is suspended again
at every 4 more lapses (12, 16, ...), as Anki does.

Pure rules here; the store applies them inside the answer's transaction.
"""

from __future__ import annotations

from quizkit.models import CardState, Rating

LEECH_LAPSES = 8
LEECH_REPEAT = 4


def is_lapse(rating: Rating, state_before: CardState) -> bool:
    """Whether an answer is a lapse: Again to a card that had left learning."""
    return rating == Rating.AGAIN and state_before == CardState.REVIEW


def is_leech_count(lapses: int) -> bool:
    """Whether the lapse that brought a card to `lapses` makes it a leech."""
    return lapses >= LEECH_LAPSES and (lapses - LEECH_LAPSES) % LEECH_REPEAT == 0


def suspends_as_leech(lapses: int, lapsed_now: bool, marked: bool) -> bool:
    """Whether an answer leaves its card to be suspended as a leech.

    `lapses` counts the card's lapses with this answer's; `marked` says whether the card was
    already marked a leech. A card past the threshold but never marked (an older quizkit
    suspended leeches in a second step, which a killed process could miss) is caught up at
    its next answer, whatever the answer.
    """
    if lapsed_now and is_leech_count(lapses):
        return True
    return lapses >= LEECH_LAPSES and not marked
