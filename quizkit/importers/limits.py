"""Limits on what a file may hold, checked where its values enter: nesting depth, 64-bit
whole numbers, finite numbers, text sizes. JSON and TOML are parsed here with those limits."""

from __future__ import annotations

import json
import re
from itertools import chain
from typing import Any

from quizkit.errors import InputError
from quizkit.extra import MAX_ITEMS, MAX_TEXT, check_extra
from quizkit.models import Note, NoteTable

MAX_DEPTH = 100
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
MAX_NAME = 1_000  # characters in a guid, kind, deck name or tag
DIGITS = re.compile(r"[0-9_]+")


class Rejected:
    """A value the parser met but quizkit refuses (NaN, a 5,000-digit number)."""

    __slots__ = ("reason",)

    def __init__(self, reason: str) -> None:
        self.reason = reason


def _json_int(text: str) -> int | Rejected:
    if len(text.lstrip("-")) > 19:
        return Rejected("a whole number beyond 64 bits")
    value = int(text)
    return value if INT64_MIN <= value <= INT64_MAX else Rejected("a whole number beyond 64 bits")


def _constant(name: str) -> Rejected:
    return Rejected(f"{name} is not a number")


def _toml_float(text: str) -> float | Rejected:
    value = float(text)
    return value if value - value == 0 else Rejected(f"{text} is not a number")


# JSON whose numbers too big or not finite become `Rejected` values, found later by
# `value_problem` with the note they belong to.
JSON_DECODER = json.JSONDecoder(parse_int=_json_int, parse_constant=_constant)


def load_json(text: str, where: str) -> Any:
    """JSON as JSON_DECODER reads it; too deep or malformed is an InputError with its line."""
    try:
        return JSON_DECODER.decode(text)
    except json.JSONDecodeError as error:
        raise InputError(where, f"invalid JSON: {error.msg}", error.lineno) from None
    except RecursionError:
        raise InputError(
            where, f"nested deeper than {MAX_DEPTH} levels", _deepest_line(text)
        ) from None


def load_toml(text: str, where: str) -> dict[str, Any]:
    """TOML, with the same limits as `load_json`; syntax errors are the caller's to word."""
    import tomllib  # loaded only for deck files: a CSV or JSON import does without it

    try:
        return tomllib.loads(text, parse_float=_toml_float)
    except RecursionError:
        raise InputError(
            where, f"nested deeper than {MAX_DEPTH} levels", _deepest_line(text)
        ) from None
    except ValueError as error:
        if isinstance(error, tomllib.TOMLDecodeError):
            raise
        # Python refuses to read integers of more than 4,300 digits
        longest = max(DIGITS.finditer(text), key=lambda m: m.end() - m.start(), default=None)
        line = text.count("\n", 0, longest.start()) + 1 if longest else None
        raise InputError(where, "a whole number beyond 64 bits", line) from None


def _deepest_line(text: str) -> int | None:
    """The line where brackets first nest deeper than MAX_DEPTH (strings skipped roughly)."""
    depth = 0
    quote = ""
    escaped = False
    line = 1
    for char in text:
        if char == "\n":
            line += 1
        if quote:
            if escaped:
                escaped = False
            elif char == "\\" and quote == '"':
                escaped = True
            elif char == quote:
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line
        elif char in "]}":
            depth -= 1
    return None


def value_problem(value: object, depth: int = 0) -> str | None:
    """What is wrong with a parsed value: too deep, a number out of range, or None."""
    stack: list[tuple[object, int]] = [(value, depth)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            if level >= MAX_DEPTH:
                return f"nested deeper than {MAX_DEPTH} levels"
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, level + 1) for child in children)
        elif isinstance(item, Rejected):
            return item.reason
        elif isinstance(item, int) and not INT64_MIN <= item <= INT64_MAX:
            return "a whole number beyond 64 bits"
        elif isinstance(item, float) and item - item != 0:
            return f"{item} is not a number"
    return None


def note_problem(note: Note) -> str | None:
    """A text over its stated size in a note, or an `extra` that fails its checks, or None.
    Cheap: a few len() calls for a note without extra."""
    if len(note.question) > MAX_TEXT or len(note.answer) > MAX_TEXT:
        return f"a question or answer longer than {MAX_TEXT:,} characters"
    if len(note.guid) > MAX_NAME or len(note.kind) > MAX_NAME or len(note.deck or "") > MAX_NAME:
        return f"an id, kind or deck name longer than {MAX_NAME:,} characters"
    for values in (note.alternatives, note.distractors, note.tags):
        if values:
            if len(values) > MAX_ITEMS:
                return f"more than {MAX_ITEMS:,} alternatives, distractors or tags"
            if max(map(len, values)) > MAX_TEXT:
                return f"an alternative, distractor or tag longer than {MAX_TEXT:,} characters"
    if note.extra:
        try:
            check_extra(note.extra)
        except ValueError as error:
            return str(error)
    return None


def table_fits(table: NoteTable) -> bool:
    """Whether no note of the table has a problem `note_problem` would find, checked on
    whole columns (a NoteTable's notes are plain: kind 'basic', no extra). False: check
    note by note, to word the problem."""
    if len(table.deck) > MAX_NAME or not table.guids:
        return not table.guids
    if max(map(len, table.guids)) > MAX_NAME:
        return False
    if max(map(len, table.questions)) > MAX_TEXT or max(map(len, table.answers)) > MAX_TEXT:
        return False
    shared = set(table.tags)  # each distinct set of tags once: files repeat a few sets
    if max(map(len, shared), default=0) > MAX_ITEMS:
        return False
    return max(map(len, chain.from_iterable(shared)), default=0) <= MAX_TEXT
