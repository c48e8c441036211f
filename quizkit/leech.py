"""Leeches: cards failed so often that studying them more is wasted time.

A card is a leech when it has been rated Again 8 times in all (every Again counts, in any
state, not only lapses of a review card). It is then marked `leech` and suspended, until
`quizkit unsuspend` brings it back; if it keeps failing it is suspended again at every
4 more Again ratings (12, 16, ...), as Anki does.
"""

from __future__ import annotations

from quizkit.models import Rating
from quizkit.store import Store

LEECH_FAILS = 8
LEECH_REPEAT = 4


def is_leech_count(fails: int) -> bool:
    """Whether the Again rating that brought a card to `fails` makes it a leech."""
    return fails >= LEECH_FAILS and (fails - LEECH_FAILS) % LEECH_REPEAT == 0


def suspend_if_leech(store: Store, card_id: int, rating: Rating) -> bool:
    """After a card's answer is final: mark and suspend it if this failure made it a leech."""
    if rating != Rating.AGAIN:
        return False
    if not is_leech_count(store.again_count(card_id)):
        return False
    store.mark_leech(card_id)
    return True
