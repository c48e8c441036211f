"""A studied deck (every card state, a suspended card, a dropped note, media) and helpers
that open quizkit's exports with Anki's own library, as a learner moving to Anki would."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from quizkit.models import DeckInfo, Note, Rating, Review, SourceRef
from quizkit.scheduler import make_scheduler, review
from quizkit.store import Store

DECK = "Harbour towns"
# Media as quizkit keeps them: content-hash names in the folder beside the database.
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(40))
MAP = hashlib.sha256(PNG).hexdigest()[:32] + ".png"
GULL_PNG = b"\x89PNG\r\n\x1a\n-gull" + bytes(range(9))
GULL = hashlib.sha256(GULL_PNG).hexdigest()[:32] + ".png"
HORN_MP3 = b"ID3-horn" + bytes(range(12))
HORN = hashlib.sha256(HORN_MP3).hexdigest()[:32] + ".mp3"
MEDIA = {MAP: PNG, GULL: GULL_PNG, HORN: HORN_MP3}
START = datetime.fromisoformat("2022-01-01T08:00:00+00:00")
NOTES = [
    Note("Which town hosts the Kelmar regatta?", "Ostrav", "n-regatta", tags=("sailing",)),
    Note("Port of Vendra", "Lisk", "n-vendra", tags=("ports", "north sea"), reverse=True),
    Note("Who chairs the Kelmar harbour board?", "Ada Morrow", "n-board"),
    Note("When did the Lisk ferry start?", "3 March 1998", "n-ferry", tags=("ferries",)),
    Note("How long is the Ostrav mole?", "about 2 km", "n-mole"),
    Note("Which flag flies over Vendra?", "a blue gull", "n-flag"),
    Note(
        "Which harbour is on this map?",
        "Ostrav",
        "n-map",
        tags=("maps",),
        alternatives=("Ostrav harbour",),
        distractors=("Lisk", "Vendra", "Kelmar"),
        sources=(SourceRef("coast-gazette", 3),),
        extra={"media": [MAP], "front_media": [MAP]},
    ),
    Note(
        "What does the Lisk foghorn sound like?",
        "a low double note",
        "n-horn",
        extra={"media": [GULL, HORN]},
    ),
    Note(
        "Fill in the blank: The mole was finished in [...].",
        "1911",
        "n-cloze",
        kind="cloze",
        extra={"study_only": True},
    ),
]
# (guid, ord) -> answers as (days after START, rating): review, learning, relearning, new.
ANSWERS: dict[tuple[str, int], list[tuple[float, Rating]]] = {
    ("n-regatta", 0): [(0, Rating.GOOD), (0.01, Rating.GOOD), (2, Rating.GOOD), (9, Rating.EASY)],
    ("n-vendra", 0): [(0, Rating.GOOD)],
    ("n-vendra", 1): [(0, Rating.AGAIN), (0.01, Rating.GOOD), (0.02, Rating.GOOD)],
    ("n-board", 0): [(0, Rating.EASY), (8, Rating.AGAIN)],
    ("n-ferry", 0): [(0, Rating.GOOD), (0.01, Rating.GOOD), (3, Rating.HARD)],
    ("n-cloze", 0): [(0, Rating.GOOD)],
    ("n-map", 0): [(1, Rating.GOOD), (1.01, Rating.GOOD)],
}


def studied_store(store: Store, now: datetime) -> Store:
    """The deck studied with quizkit's own scheduler; the flag note dropped, the ferry card
    suspended as a leech."""
    deck = store.ensure_deck(DeckInfo(DECK, "Ports of an invented coast", 0.9), now)
    with store.transaction():
        for name, data in MEDIA.items():
            store.add_media(name, f"original-{name[-3:]}", data, now)
    store.upsert_notes(deck, NOTES, now)
    scheduler = make_scheduler(0.9)
    cards = {(c.note_id, c.ord): c for c in store.deck_cards(deck)}
    ids = {guid: store.find_note(guid)[0] for guid, _ord in ANSWERS} | {
        "n-flag": store.find_note("n-flag")[0]
    }
    for (guid, ord_), answers in ANSWERS.items():
        card = cards[(ids[guid], ord_)]
        for days, rating in answers:
            moment = START + timedelta(days=days)
            after = review(scheduler, card, rating, moment)
            store.record_review(
                after,
                Review(card.id, moment, rating, None, None, 4200, card.state, None),
            )
            card = after
    store.drop_note(ids["n-flag"], now)
    ferry = cards[(ids["n-ferry"], 0)]
    with store.transaction():  # a leech, suspended as `study` suspends one
        store.db.execute("UPDATE cards SET leech = 1, suspended = 1 WHERE id = ?", [ferry.id])
    return store


def anki_collection(path: Path) -> Any:
    collection = pytest.importorskip("anki.collection")
    path.parent.mkdir(parents=True, exist_ok=True)
    return collection.Collection(str(path))


def import_into_anki(col: Any, package: Path) -> None:
    from anki.collection import ImportAnkiPackageOptions, ImportAnkiPackageRequest

    col.import_anki_package(
        ImportAnkiPackageRequest(
            package_path=str(package),
            options=ImportAnkiPackageOptions(with_scheduling=True),
        )
    )


def anki_cards(col: Any) -> dict[tuple[str, int], Any]:
    """(note guid, card ord) -> Anki's card."""
    found = {}
    for cid in col.find_cards(""):
        card = col.get_card(cid)
        found[(card.note().guid, card.ord)] = card
    return found
