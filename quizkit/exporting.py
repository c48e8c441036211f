"""Decks out of the store, in quizkit's and other tools' formats."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from quizkit.errors import QuizkitError
from quizkit.formats import EXPORT_FORMATS
from quizkit.models import Deck, DeckInfo, Note, quotes_article
from quizkit.store import Store

EXTENSIONS = {
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
    ".tsv": "tsv",
    ".txt": "tsv",
    ".json": "json",
    ".md": "md",
    ".apkg": "apkg",
    ".toml": "deck",
}


def format_for(path: Path | None, fmt: str | None) -> str:
    """The format asked for, else the one the output file's extension names."""
    if fmt:
        return fmt
    if path is not None and path.suffix.lower() in EXTENSIONS:
        return EXTENSIONS[path.suffix.lower()]
    raise QuizkitError("say which format with --format (" + ", ".join(EXPORT_FORMATS) + ")")


def deck_text(deck: DeckInfo, notes: list[Note], fmt: str) -> str:
    """A text format's content."""
    if fmt in ("csv", "tsv"):
        from quizkit.exporters.delimited import delimited_text

        return delimited_text(notes, "\t" if fmt == "tsv" else ",")
    if fmt == "json":
        from quizkit.exporters.json import deck_json

        return deck_json(deck, notes)
    if fmt == "md":
        from quizkit.exporters.markdown import deck_markdown

        return deck_markdown(deck, notes)
    if fmt == "deck":
        from quizkit.exporters.native import deck_file_text

        return deck_file_text(deck, notes)
    raise QuizkitError(f"unknown export format {fmt!r} (known: {', '.join(EXPORT_FORMATS)})")


def exported_notes(store: Store, deck: Deck, include_dropped: bool = False) -> list[Note]:
    """The notes an export writes: never those quoting an article, dropped ones only if asked."""
    notes = store.deck_notes(deck, include_dropped=include_dropped)
    return [note for note in notes if not quotes_article(note.extra)]


def export_deck(
    store: Store,
    deck_name: str,
    fmt: str,
    path: Path | None,
    now: datetime,
    include_dropped: bool = False,
) -> tuple[int, str | None]:
    """Write a deck to `path` (text formats: returned instead when `path` is None).

    Returns the number of notes and the text when not written to a file. Anki packages also
    carry every card's schedule and review log; a dropped note's cards go suspended.
    """
    from quizkit.decks import resolve_deck

    deck = resolve_deck(store, deck_name)
    info = DeckInfo(deck.name, deck.description, deck.desired_retention)
    notes = exported_notes(store, deck, include_dropped)
    if fmt == "apkg":
        if path is None:
            raise QuizkitError("an Anki package needs an output file: -o FILE.apkg")
        from quizkit.exporters.apkg import write_apkg

        histories = store.card_histories(deck)
        _write_atomically(
            path,
            lambda target: write_apkg(info, notes, target, now, store.media_file, histories),
        )
        return len(notes), None
    text = deck_text(info, notes, fmt)
    if path is None:
        return len(notes), text
    _write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"))
    return len(notes), None


def _write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Write beside the target, then rename: a failed export leaves no half-written file."""
    from quizkit.atomic import write_atomically

    write_atomically(path, write)
