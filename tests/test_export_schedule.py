"""Anki packages carry the learner's progress: Anki opens the deck where it was left."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from anki_fixtures import DECK, anki_cards, anki_collection, import_into_anki, studied_store

from quizkit.exporting import export_deck
from quizkit.models import CardState
from quizkit.store import Store

pytest.importorskip("anki.collection")


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Anki counts days in local time; pin it so the expected day numbers are exact."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def local_day(moment: datetime) -> int:
    """Anki's day number relative to its own today: days with the 4 am rollover."""
    rollover = timedelta(hours=4)
    today = (datetime.now(UTC) - rollover).date()
    return ((moment - rollover).date() - today).days


def test_anki_opens_the_export_where_the_learner_left_it(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    studied_store(store, now)
    deck = store.deck(DECK)
    histories = {(h.guid, h.ord): h for h in store.card_histories(deck)}
    package = tmp_path / "harbour.apkg"
    export_deck(store, DECK, "apkg", package, now)

    col = anki_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_into_anki(col, package)
        cards = anki_cards(col)
        today = col.sched.today
        revlog = dict(col.db.all("SELECT cid, COUNT(*) FROM revlog GROUP BY cid"))
        total_reviews = col.db.scalar("SELECT COUNT(*) FROM revlog")
        got = {}
        for key, card in cards.items():
            memory = card.memory_state
            got[key] = (
                card.type,
                card.queue,
                card.reps,
                card.lapses,
                revlog.get(card.id, 0),
                (round(memory.stability, 2), round(memory.difficulty, 2)) if memory else None,
            )
            history = histories[key]
            if history.state == CardState.REVIEW:
                assert card.due - today == local_day(history.due)
            elif history.state in (CardState.LEARNING, CardState.RELEARNING):
                assert card.due == int(history.due.timestamp())
    finally:
        col.close()

    def expected(guid: str, ord_: int, suspended: bool = False) -> tuple[object, ...]:
        h = histories[(guid, ord_)]
        state = int(h.state)
        queue = -1 if suspended else {0: 0, 1: 1, 2: 2, 3: 1}[state]
        lapses = sum(1 for r in h.reviews if r.rating == 1 and r.state_before == 2)
        memory = None
        if h.stability is not None and h.difficulty is not None:
            memory = (round(h.stability, 2), round(h.difficulty, 2))
        return (state, queue, len(h.reviews), lapses, len(h.reviews), memory)

    # the dropped note and the cloze card quoting an article stay behind
    assert sorted(got) == [
        ("n-board", 0),
        ("n-ferry", 0),
        ("n-horn", 0),
        ("n-map", 0),
        ("n-mole", 0),
        ("n-regatta", 0),
        ("n-vendra", 0),
        ("n-vendra", 1),
    ]
    assert got == {
        ("n-board", 0): expected("n-board", 0),
        ("n-ferry", 0): expected("n-ferry", 0, suspended=True),
        ("n-horn", 0): expected("n-horn", 0),
        ("n-map", 0): expected("n-map", 0),
        ("n-mole", 0): expected("n-mole", 0),
        ("n-regatta", 0): expected("n-regatta", 0),
        ("n-vendra", 0): expected("n-vendra", 0),
        ("n-vendra", 1): expected("n-vendra", 1),
    }
    # each state is there: review, learning, relearning, new, and a suspended card
    assert {v[0] for v in got.values()} == {0, 1, 2, 3}
    assert got[("n-ferry", 0)][1] == -1
    assert total_reviews == 2 + 1 + 3 + 4 + 3 + 2  # every answer but the cloze card's
    assert os.path.getsize(package) > 0


def test_dropped_notes_asked_for_arrive_suspended(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    studied_store(store, now)
    package = tmp_path / "all.apkg"
    export_deck(store, DECK, "apkg", package, now, include_dropped=True)
    col = anki_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_into_anki(col, package)
        cards = anki_cards(col)
    finally:
        col.close()
    assert cards[("n-flag", 0)].queue == -1
    assert ("n-cloze", 0) not in cards  # the article quote still stays behind
    assert cards[("n-mole", 0)].queue == 0
