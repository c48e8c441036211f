"""quizkit's own deck files: TOML that people write by hand and keep in git."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from quizkit.errors import InputError
from quizkit.extra import MAX_TEXT, check_extra
from quizkit.importers.limits import MAX_NAME, load_toml, value_problem
from quizkit.models import DeckFile, DeckInfo, Note, SourceRef, content_guid
from quizkit.textfile import read_text

DECK_FIELDS = {"name", "description", "desired_retention"}
NOTE_FIELDS = {
    "id",
    "question",
    "answer",
    "kind",
    "answer_type",
    "alternatives",
    "distractors",
    "tags",
    "sources",
    "reverse",
    "extra",
}
LIST_FIELDS = ("alternatives", "distractors", "tags")
NOTES_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*notes[ \t]*\]\]", re.MULTILINE)


def looks_native(path: Path, head: str) -> bool:
    """A .toml file, or text that opens with a [deck] table."""
    return path.suffix.lower() == ".toml" or bool(re.search(r"^[ \t]*\[deck\]", head, re.MULTILINE))


def read_deck_file(path: Path) -> DeckFile:
    """Parse and check a whole deck file; any problem is an InputError naming file and line."""
    text = read_text(path)
    where = str(path)
    try:
        data = load_toml(text, where)
    except tomllib.TOMLDecodeError as error:
        match = re.search(r"\(at line (\d+), column \d+\)", str(error))
        message = re.sub(r"\s*\((?:at line.*|at end of document)\)$", "", str(error))
        # tomllib names no line when the file ends mid-value: that is the last line
        at = int(match.group(1)) if match else max(1, text.rstrip("\n").count("\n") + 1)
        message = (message or "invalid TOML") + ("" if match else " at the end of the file")
        raise InputError(where, f"invalid TOML: {message}", at) from None
    deck = _deck_info(data.get("deck"), where, _line_of(text, r"^[ \t]*\[deck\]"))
    unknown = set(data) - {"deck", "notes"}
    if unknown:
        raise InputError(where, f"unknown table {sorted(unknown)[0]!r} (expected deck, notes)")
    raw_notes = data.get("notes", [])
    if not isinstance(raw_notes, list):
        raise InputError(where, "'notes' must be a list of [[notes]] tables")
    lines = [text.count("\n", 0, m.start()) + 1 for m in NOTES_HEADER.finditer(text)]
    notes = []
    seen: dict[str, int | None] = {}
    for index, raw in enumerate(raw_notes):
        line = lines[index] if index < len(lines) else None
        note = _note(raw, deck.name, where, line)
        if note.guid in seen:
            other = seen[note.guid]
            raise InputError(where, f"same note as the one at line {other}", line)
        seen[note.guid] = line
        notes.append(note)
    return DeckFile(deck, tuple(notes))


def _line_of(text: str, pattern: str) -> int | None:
    match = re.search(pattern, text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _deck_info(raw: Any, where: str, line: int | None) -> DeckInfo:
    if not isinstance(raw, dict):
        raise InputError(where, "missing [deck] table with the deck's name", 1)
    problem = value_problem(raw, 1)
    if problem:
        raise InputError(where, f"[deck]: {problem}", line)
    unknown = set(raw) - DECK_FIELDS
    if unknown:
        raise InputError(where, f"[deck]: unknown field {sorted(unknown)[0]!r}", line)
    name = raw.get("name")
    if not isinstance(name, str) or not name.strip():
        raise InputError(where, "[deck]: 'name' must be a non-empty string", line)
    retention = raw.get("desired_retention", 0.9)
    if (
        not isinstance(retention, int | float)
        or isinstance(retention, bool)
        or not 0.7 <= retention <= 0.99
    ):
        raise InputError(where, "[deck]: 'desired_retention' must be between 0.70 and 0.99", line)
    description = raw.get("description", "")
    if not isinstance(description, str) or len(description) > MAX_TEXT:
        raise InputError(
            where, f"[deck]: 'description' must be a string of at most {MAX_TEXT:,}", line
        )
    if len(name) > MAX_NAME:
        raise InputError(where, f"[deck]: 'name' is longer than {MAX_NAME:,} characters", line)
    return DeckInfo(name.strip(), description.strip(), float(retention))


def _note(raw: Any, deck_name: str, where: str, line: int | None) -> Note:
    if not isinstance(raw, dict):
        raise InputError(where, "a note must be a [[notes]] table", line)
    problem = value_problem(raw, 2)
    if problem:
        raise InputError(where, f"note: {problem}", line)
    unknown = set(raw) - NOTE_FIELDS
    if unknown:
        raise InputError(where, f"note: unknown field {sorted(unknown)[0]!r}", line)
    for key in ("question", "answer"):
        value = raw.get(key)
        if not isinstance(value, str) or not value.strip():
            raise InputError(where, f"note has no {key}", line)
    for key in LIST_FIELDS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise InputError(where, f"note: {key!r} must be a list of strings", line)
    for key in ("id", "kind", "answer_type"):
        if key in raw and not isinstance(raw[key], str):
            raise InputError(where, f"note: {key!r} must be a string", line)
    if not isinstance(raw.get("reverse", False), bool):
        raise InputError(where, "note: 'reverse' must be true or false", line)
    raw_extra = raw.get("extra", {})
    if not isinstance(raw_extra, dict):
        raise InputError(where, "note: 'extra' must be a table", line)
    if "answer_type" in raw:
        raw_extra = {**raw_extra, "answer_type": raw["answer_type"]}
    try:
        extra = check_extra(raw_extra)
    except ValueError as error:
        raise InputError(where, f"note: {error}", line) from None
    question = raw["question"].strip()
    return Note(
        question=question,
        answer=raw["answer"].strip(),
        guid=raw.get("id") or content_guid(deck_name, question),
        kind=raw.get("kind", "basic"),
        alternatives=tuple(raw.get("alternatives", [])),
        distractors=tuple(raw.get("distractors", [])),
        tags=tuple(raw.get("tags", [])),
        sources=_sources(raw.get("sources", []), where, line),
        reverse=raw.get("reverse", False),
        extra=extra,
        line=line,
    )


def _sources(raw: Any, where: str, line: int | None) -> tuple[SourceRef, ...]:
    try:
        return SourceRef.parse_list(raw)
    except ValueError as error:
        raise InputError(where, f"note: {error}", line) from None
