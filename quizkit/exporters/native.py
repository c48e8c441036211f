"""Write quizkit's own TOML deck files, readable back by importers.native."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import tomli_w

from quizkit.models import DeckInfo, Note


def note_table(note: Note) -> dict[str, Any]:
    """A note as a [[notes]] table, leaving out fields at their defaults."""
    table: dict[str, Any] = {"id": note.guid, "question": note.question, "answer": note.answer}
    if note.kind != "basic":
        table["kind"] = note.kind
    extra = dict(note.extra)
    if "answer_type" in extra:
        table["answer_type"] = extra.pop("answer_type")
    for key in ("alternatives", "distractors", "tags"):
        if getattr(note, key):
            table[key] = list(getattr(note, key))
    if note.sources:
        table["sources"] = [s.to_dict() for s in note.sources]
    if note.reverse:
        table["reverse"] = True
    if extra:
        table["extra"] = extra
    return table


def deck_file_text(deck: DeckInfo, notes: Iterable[Note]) -> str:
    """The deck as TOML text, notes in the order given."""
    head: dict[str, Any] = {"name": deck.name}
    if deck.description:
        head["description"] = deck.description
    head["desired_retention"] = deck.desired_retention
    body = tomli_w.dumps(
        {"deck": head, "notes": [note_table(n) for n in notes]}, multiline_strings=False
    )
    return "# A quizkit deck: see README.md, section 'Deck files'.\n\n" + body
