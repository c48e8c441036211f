"""A note's `extra`: the known keys, the type of each, and the one check every value passes.

Importers hand a file's `extra` to `check_extra`, which refuses unknown keys and wrong types,
so study, quiz, cram and print can trust what they read. What an older quizkit stored
unchecked is read back through `stored_extra`, which keeps only the values that pass.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, TypedDict, cast

ANSWER_TYPES = ("text", "person", "date", "number", "list", "free", "sequence")
MAX_TEXT = 131_072  # characters in one text, as for a CSV field
MAX_ITEMS = 1_000  # entries in one list
MAX_CLOZE = 10_000


class TimelineEvent(TypedDict):
    date: str
    event: str


class TrueFalse(TypedDict):
    statement: str
    true: bool


class NoteExtra(TypedDict, total=False):
    """Kind-specific data of a note. Every key is optional."""

    answer_type: str  # how a typed answer is graded: one of ANSWER_TYPES
    items: list[str]  # a list answer, graded item by item
    truth: bool  # a true/false note's truth
    correction: str  # what is true instead, shown after a false statement
    event: str  # what a date note dates
    date: str  # the day a date note asks, ISO
    planned: bool  # a date note's event lay ahead of its article
    fact: str  # the fact a generated note asks: notes of one fact never share a handout
    events: list[TimelineEvent]  # a timeline's events in order
    what: str  # what a number counts
    conflict: str  # how two articles disagree
    study_only: bool  # quotes an article: never written to deck files
    person: str  # the person an official note is about
    truefalse: list[TrueFalse]  # statements a handout may print as true/false
    image: str  # a picture in quizkit's media folder (its stored name)
    media: list[str]  # pictures and sounds in quizkit's media folder (stored names)
    front_media: list[str]  # those of `media` shown with the question (the rest: the answer)
    media_names: dict[str, str]  # stored name -> the name the learner knows it by
    fields: list[str] | dict[str, str]  # another tool's fields beyond front and back
    back_extra: str  # a cloze note's back
    cloze: str  # a cloze note's whole text
    cloze_number: int  # which cloze of that text this note asks
    note: str  # a remark for the reader


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise ValueError("must be a string")
    if len(value) > MAX_TEXT:
        raise ValueError(f"is longer than {MAX_TEXT:,} characters")
    return value


def _flag(value: object) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _texts(value: object) -> list[str]:
    if not isinstance(value, list):
        raise ValueError("must be a list of strings")
    if len(value) > MAX_ITEMS:
        raise ValueError(f"has more than {MAX_ITEMS:,} entries")
    return [_text(item) for item in value]


def _answer_type(value: object) -> str:
    if value not in ANSWER_TYPES:
        raise ValueError(f"must be one of {', '.join(ANSWER_TYPES)}")
    return cast(str, value)


def _cloze_number(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_CLOZE:
        raise ValueError(f"must be a whole number from 1 to {MAX_CLOZE:,}")
    return value


def _table(value: object, keys: dict[str, Callable[[object], Any]]) -> dict[str, Any]:
    if not isinstance(value, dict) or set(value) != set(keys):
        raise ValueError(f"must be a table with {' and '.join(keys)}")
    return {key: check(value[key]) for key, check in keys.items()}


def _events(value: object) -> list[TimelineEvent]:
    if not isinstance(value, list) or len(value) > MAX_ITEMS:
        raise ValueError("must be a list of {date, event} tables")
    return [cast(TimelineEvent, _table(item, {"date": _text, "event": _text})) for item in value]


def _truefalse(value: object) -> list[TrueFalse]:
    """Statements with their truth; a statement left out is the note's question."""
    entries = [value] if isinstance(value, dict) else value
    if not isinstance(entries, list) or len(entries) > MAX_ITEMS:
        raise ValueError("must be a list of {statement, true} tables")
    checked = []
    for item in entries:
        if isinstance(item, dict) and "statement" not in item:
            item = {"statement": "", **item}
        checked.append(cast(TrueFalse, _table(item, {"statement": _text, "true": _flag})))
    return checked


def _names(value: object) -> dict[str, str]:
    if not isinstance(value, dict) or len(value) > MAX_ITEMS:
        raise ValueError(f"must be a table of at most {MAX_ITEMS:,} names")
    return {_text(key): _text(item) for key, item in value.items()}


def _fields(value: object) -> list[str] | dict[str, str]:
    if isinstance(value, dict):
        if len(value) > MAX_ITEMS:
            raise ValueError(f"has more than {MAX_ITEMS:,} entries")
        return {_text(key): _text(item) for key, item in value.items()}
    return _texts(value)


CHECKS: dict[str, Callable[[object], Any]] = {
    "answer_type": _answer_type,
    "items": _texts,
    "truth": _flag,
    "correction": _text,
    "event": _text,
    "date": _text,
    "planned": _flag,
    "fact": _text,
    "events": _events,
    "what": _text,
    "conflict": _text,
    "study_only": _flag,
    "person": _text,
    "truefalse": _truefalse,
    "image": _text,
    "media": _texts,
    "front_media": _texts,
    "media_names": _names,
    "fields": _fields,
    "back_extra": _text,
    "cloze": _text,
    "cloze_number": _cloze_number,
    "note": _text,
}


def check_extra(raw: object) -> NoteExtra:
    """`raw` as a NoteExtra; ValueError saying which key is wrong and how."""
    if not isinstance(raw, Mapping):
        raise ValueError("'extra' must be a table")
    checked: dict[str, Any] = {}
    for key, value in raw.items():
        check = CHECKS.get(key)
        if check is None:
            known = ", ".join(sorted(CHECKS))
            raise ValueError(f"extra: unknown key {str(key)[:40]!r} (known: {known})")
        try:
            checked[key] = check(value)
        except ValueError as error:
            raise ValueError(f"extra.{key} {error}") from None
    return cast(NoteExtra, checked)


def stored_extra(text: str | None) -> NoteExtra:
    """A stored `extra`, keeping only what passes the checks (older quizkits stored any JSON)."""
    if not text or text == "{}":
        return {}
    try:
        raw = json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict):
        return {}
    try:
        return check_extra(raw)
    except ValueError:
        pass
    kept: dict[str, Any] = {}
    for key, value in raw.items():
        check = CHECKS.get(key)
        if check is None:
            continue
        try:
            kept[key] = check(value)
        except ValueError:
            continue
    return cast(NoteExtra, kept)


def _no_constant(name: str) -> object:
    raise ValueError(f"{name} is not a number")
