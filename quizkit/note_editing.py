"""Notes written by hand: `quizkit add` and `quizkit edit`, from options or in $EDITOR.

The editor gets a note as a few lines of TOML (the language of quizkit's deck files), so a
question of several lines keeps its layout and lists are plain `["a", "b"]`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from quizkit.errors import QuizkitError
from quizkit.models import Deck, Note, content_guid
from quizkit.store import Store

HEADER = (
    "# {what}: change the values, save and close the editor.",
    "# options are the wrong answers a multiple-choice question offers;",
    "# alternatives are other answers that count as right. Lines starting with # are ignored.",
    "# Leave the question empty to {cancel}.",
)


@dataclass(frozen=True)
class NoteFields:
    """What a person writes of a note."""

    question: str
    answer: str
    alternatives: tuple[str, ...] = ()
    options: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    reverse: bool = False


def note_text(fields: NoteFields, adding: bool) -> str:
    """The text $EDITOR opens on."""
    import tomli_w

    data: dict[str, Any] = {
        "question": fields.question,
        "answer": fields.answer,
        "alternatives": list(fields.alternatives),
        "options": list(fields.options),
        "tags": list(fields.tags),
    }
    if adding:
        data["reverse"] = fields.reverse
    what, cancel = ("New note", "add nothing") if adding else ("Edit note", "change nothing")
    header = "\n".join(HEADER).format(what=what, cancel=cancel)
    return header + "\n" + tomli_w.dumps(data, multiline_strings=True)


def parse_note_text(text: str, adding: bool) -> NoteFields | None:
    """The note as the person left it; None when they emptied the question (cancelled)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise QuizkitError(f"the edited note is not valid: {error}") from None
    known = {"question", "answer", "alternatives", "options", "tags", *(["reverse"] * adding)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise QuizkitError(f"the edited note has unknown fields: {', '.join(unknown)}")
    question = _text(data, "question")
    if not question.strip():
        return None
    answer = _text(data, "answer")
    if not answer.strip():
        raise QuizkitError("the edited note has no answer")
    reverse = data.get("reverse", False)
    if not isinstance(reverse, bool):
        raise QuizkitError("the edited note's 'reverse' must be true or false")
    return NoteFields(
        question.strip("\n"),
        answer.strip(),
        _list(data, "alternatives"),
        _list(data, "options"),
        _list(data, "tags"),
        reverse,
    )


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key, "")
    if not isinstance(value, str):
        raise QuizkitError(f"the edited note's {key!r} must be text in quotes")
    return value


def _list(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise QuizkitError(f'the edited note\'s {key!r} must be a list of texts: ["a", "b"]')
    return tuple(v.strip() for v in value if v.strip())


@dataclass(frozen=True)
class Added:
    """A note just added: where it went, its id, and whether its deck is new."""

    deck: Deck
    note_id: int
    new_deck: bool = False
    closest: str | None = None  # with a new deck: an existing name it may have been meant as


def add_note(store: Store, deck_name: str, fields: NoteFields, now: datetime) -> Added:
    """Store a new note in the deck (by any name that names one; else a new deck of exactly
    that name). The same question twice in one deck is refused: its guid is the one an
    import of the same card would give."""
    from quizkit.decks import resolve_deck, suggest
    from quizkit.errors import UnknownDeck

    if not fields.question.strip() or not fields.answer.strip():
        raise QuizkitError("a note needs a question and an answer")
    new_deck, closest = False, None
    try:
        deck = resolve_deck(store, deck_name)
    except UnknownDeck:
        closest = suggest(deck_name, [d.name for d in store.decks()])
        deck = store.deck_for_import(deck_name.strip(), now)
        new_deck = True
    guid = content_guid(deck.name, fields.question)
    existing = store.note_exists(guid)
    if existing is not None:
        raise QuizkitError(
            f"deck {deck.name!r} already has this question (note {existing}); "
            f"`quizkit edit {existing}` changes it"
        )
    note = Note(
        question=fields.question,
        answer=fields.answer,
        guid=guid,
        deck=deck.name,
        alternatives=fields.alternatives,
        distractors=fields.options,
        tags=fields.tags,
        reverse=fields.reverse,
    )
    # a parent named only by its sub-decks gets a deck of its own for the note
    target = store.deck_for_import(deck.name, now) if deck.family else deck
    store.upsert_notes(target, [note], now)
    note_id = store.note_exists(guid)
    assert note_id is not None
    return Added(deck, note_id, new_deck, closest)


def fields_of(note: Note) -> NoteFields:
    return NoteFields(
        note.question, note.answer, note.alternatives, note.distractors, note.tags, note.reverse
    )


def edited(note: Note, fields: NoteFields) -> Note:
    """The stored note with a person's changes."""
    return replace(
        note,
        question=fields.question,
        answer=fields.answer,
        alternatives=fields.alternatives,
        distractors=fields.options,
        tags=fields.tags,
    )
