"""Articles into a deck: extract the facts of all articles together, build notes, store them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from quizkit.errors import InputError, QuizkitError
from quizkit.exporters.native import deck_file_text
from quizkit.models import DeckInfo, ImportReport, Note
from quizkit.questions import Drop, build, shareable
from quizkit.store import Store


@dataclass
class Generated:
    """The notes built from a run, the questions left out (with why), unreadable files."""

    notes: list[Note]
    errors: list[InputError] = field(default_factory=list)
    dropped: list[Drop] = field(default_factory=list)


def notes_from_articles(
    paths: Sequence[Path],
    today: date,
    seed: int = 0,
    year: int | None = None,
    warn: Callable[[str], None] | None = None,
) -> Generated:
    """Read every article in one extraction run, so people and dates merge across them."""
    from quizkit.extract import extract_files

    docs, errors, warnings = extract_files(list(paths), year=year, today=today)
    for message in warnings:
        if warn:
            warn(message)
    if not docs:
        raise QuizkitError("no article could be read: " + "; ".join(str(e) for e in errors))
    built = build(docs, seed)
    return Generated(built.notes, list(errors), built.dropped)


def store_notes(store: Store, deck: DeckInfo, notes: Sequence[Note], now: datetime) -> ImportReport:
    """Add or update the deck's generated notes in one transaction; edited or dropped ones stay."""
    protected = store.protected_guids(n.guid for n in notes)
    with store.transaction():
        stored = store.ensure_deck(deck, now)
        report = store.upsert_notes(stored, [n for n in notes if n.guid not in protected], now)
    report.unchanged += len(protected)
    return report


def write_deck_file(path: Path, deck: DeckInfo, notes: Sequence[Note]) -> int:
    """Write the shareable notes (no article prose) as a native deck file; returns how many."""
    kept = shareable(notes)
    try:
        path.write_text(deck_file_text(deck, kept), encoding="utf-8")
    except OSError as error:
        raise InputError(str(path), f"cannot write: {error.strerror}") from None
    return len(kept)
