"""Articles into a deck: extract the facts of all articles together, build notes, store them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from quizkit.errors import InputError, QuizkitError
from quizkit.exporters.native import deck_file_text
from quizkit.models import DeckInfo, ImportReport, Note, quotes_article
from quizkit.questions import Drop, build
from quizkit.store import Store


@dataclass
class Generated:
    """The notes built from a run, the questions left out (with why), unreadable files."""

    notes: list[Note]
    errors: list[InputError] = field(default_factory=list)
    # each article's headline by its document name (the file's stem), for handout keys
    titles: dict[str, str] = field(default_factory=dict)
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
    titles = {Path(doc.source).stem: doc.headline for doc in docs if doc.headline}
    built = build(docs, seed)
    return Generated(built.notes, list(errors), titles, built.dropped)


def store_notes(
    store: Store,
    deck: DeckInfo,
    notes: Sequence[Note],
    now: datetime,
    titles: dict[str, str] | None = None,
    dropped: Sequence[Note] = (),
) -> ImportReport:
    """Add or update the deck's generated notes in one transaction; edited or dropped ones stay.

    `titles` (article headlines by document name) let a handout's key name the articles.
    `dropped` are notes the teacher dropped in review: stored as dropped, so that generating
    the same articles again leaves them out.
    """
    protected = store.protected_guids(n.guid for n in [*notes, *dropped])
    with store.transaction():
        if titles:
            store.set_source_titles(titles)
        stored = store.ensure_deck(deck, now)
        report = store.upsert_notes(stored, [n for n in notes if n.guid not in protected], now)
        newly_dropped = [n for n in dropped if n.guid not in protected]
        if newly_dropped:
            store.upsert_notes(stored, newly_dropped, now)
            for note in newly_dropped:
                store.drop_note(store.find_note(note.guid)[0], now)
    report.unchanged += len(protected)
    return report


def write_deck_file(path: Path, deck: DeckInfo, notes: Sequence[Note]) -> int:
    """Write the shareable notes (no article prose) as a native deck file; returns how many."""
    from quizkit.atomic import write_text_atomically

    kept = [note for note in notes if not quotes_article(note.extra)]
    write_text_atomically(path, deck_file_text(deck, kept))
    return len(kept)
