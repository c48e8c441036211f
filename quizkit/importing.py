"""Files into the store: each file read whole, checked, then written in one transaction."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from importlib import resources
from pathlib import Path

from quizkit.errors import QuizkitError
from quizkit.importers.native import read_deck_file
from quizkit.models import ImportReport
from quizkit.store import Store

DEFAULT_DECK = "csto-kazakhstan-2022.toml"


def import_file(store: Store, path: Path, now: datetime) -> tuple[str, ImportReport]:
    """Import one deck file; on any error nothing of it is stored. Returns (deck name, report)."""
    deck_file = read_deck_file(path)
    with store.transaction():
        deck = store.ensure_deck(deck_file.deck, now)
        report = store.upsert_notes(deck, deck_file.notes, now)
    return deck.name, report


def import_files(
    store: Store, paths: list[Path], now: datetime
) -> Iterator[tuple[Path, str | None, ImportReport | QuizkitError]]:
    """Each file in turn: its deck and report, or the error that left it out."""
    for path in paths:
        try:
            name, report = import_file(store, path, now)
        except QuizkitError as error:
            yield path, None, error
        else:
            yield path, name, report


def bundled_deck_path(name: str = DEFAULT_DECK) -> Path:
    """A deck shipped with quizkit: inside the installed package, or decks/ in a checkout."""
    packaged = resources.files("quizkit") / "decks" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "decks" / name
