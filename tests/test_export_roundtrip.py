"""quizkit -> .apkg -> Anki -> .apkg -> quizkit keeps notes, cards, tags, media (on their
side), suspension and the review history."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from anki_fixtures import DECK, MEDIA, anki_collection, import_into_anki, studied_store

from quizkit.exporting import export_deck
from quizkit.importers import ImportOptions
from quizkit.importing import import_file
from quizkit.models import CardState
from quizkit.store import Store

pytest.importorskip("anki.collection")
ROLLOVER = timedelta(hours=4)


@pytest.fixture(autouse=True)
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.delenv("TZ")
    time.tzset()


def through_anki(package: Path, folder: Path, legacy: bool) -> Path:
    """Import the package into a fresh Anki collection and export it again from Anki."""
    from anki.collection import ExportAnkiPackageOptions

    col = anki_collection(folder / "collection.anki2")
    try:
        import_into_anki(col, package)
        out = folder / "from-anki.apkg"
        col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(
                with_scheduling=True, with_media=True, with_deck_configs=False, legacy=legacy
            ),
            limit=None,  # the whole collection
        )
    finally:
        col.close()
    return out


def snapshot(store: Store) -> dict[str, Any]:
    """What a learner would miss if it were lost: note content, media bytes by side, cards
    with their state, due day, suspension and memory, and each card's answers."""
    deck = store.deck(DECK)
    notes = {}
    for note in store.deck_notes(deck):
        media = note.extra.get("media", [])
        front = note.extra.get("front_media", [])
        notes[note.guid] = (
            note.question,
            note.answer,
            sorted(note.tags),
            note.alternatives,
            note.distractors,
            tuple(str(s) for s in note.sources),
            note.reverse,
            [store.media_file(n).read_bytes() for n in media if n in front],
            [store.media_file(n).read_bytes() for n in media if n not in front],
        )
    cards = {}
    for h in store.card_histories(deck):
        if h.state == CardState.REVIEW:
            due: object = (h.due - ROLLOVER).date()
        elif h.state == CardState.NEW:
            due = None
        else:
            due = int(h.due.timestamp())
        cards[(h.guid, h.ord)] = (
            h.state,
            h.step if h.state in (CardState.LEARNING, CardState.RELEARNING) else None,
            due,
            h.suspended,
            None if h.stability is None else round(h.stability, 2),
            None if h.difficulty is None else round(h.difficulty, 2),
            [(r.reviewed_at.replace(microsecond=0), r.rating, r.duration_ms) for r in h.reviews],
        )
    return {"notes": notes, "cards": cards}


@pytest.mark.parametrize("legacy", [False, True], ids=["anki21b", "anki2"])
def test_round_trip_through_anki_loses_nothing(
    store: Store, now: datetime, tmp_path: Path, legacy: bool
) -> None:
    studied_store(store, now)
    before = snapshot(store)
    first = tmp_path / "from-quizkit.apkg"
    export_deck(store, DECK, "apkg", first, now)
    second = through_anki(first, tmp_path / "anki", legacy)

    other = Store.open(tmp_path / "other.db")
    try:
        _name, report = import_file(other, second, now, ImportOptions(keep_schedule=True))
        after = snapshot(other)
    finally:
        other.close()

    assert report.skipped == []
    # the dropped note and the cloze quoting an article never left; all else came back
    left_behind = {"n-flag", "n-cloze"}
    assert set(after["notes"]) == set(before["notes"]) - left_behind
    # Anki's tags cannot hold spaces: "north sea" comes back as "north_sea", as documented
    expected = {g: v for g, v in before["notes"].items() if g not in left_behind}
    vendra = expected["n-vendra"]
    expected["n-vendra"] = (*vendra[:2], ["north_sea", "ports"], *vendra[3:])
    assert after["notes"] == expected
    assert after["cards"] == {k: v for k, v in before["cards"].items() if k[0] not in left_behind}
    # the picture asked about is on the question side, the others with the answer
    assert after["notes"]["n-map"][7:] == ([MEDIA[k] for k in MEDIA][:1], [])
    assert sorted(after["notes"]["n-horn"][8]) == sorted(list(MEDIA.values())[1:])
    assert sum(len(card[6]) for card in after["cards"].values()) == 15
    assert after["cards"][("n-ferry", 0)][3] is True
    assert after["cards"][("n-vendra", 0)][:2] == (CardState.LEARNING, 1)  # its second step


def test_coming_back_from_anki_to_the_same_database_duplicates_nothing(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    studied_store(store, now)
    before = snapshot(store)
    reviews = store.review_count(None)
    first = tmp_path / "from-quizkit.apkg"
    export_deck(store, DECK, "apkg", first, now)
    second = through_anki(first, tmp_path / "anki", legacy=False)
    _name, report = import_file(store, second, now, ImportOptions(keep_schedule=True))
    assert (report.added, report.skipped) == (0, [])
    assert store.review_count(None) == reviews
    assert snapshot(store)["cards"] == before["cards"]
