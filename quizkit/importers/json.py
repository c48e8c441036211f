"""JSON decks: a list of {question, answer, ...} objects, or the shape `export --format json`
writes ({"deck": {...}, "notes": [...]}). Field names as in deck files; front/back and
term/definition are accepted for question/answer."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cached_property
from itertools import chain, repeat
from pathlib import Path
from types import NoneType
from typing import Any, overload

from quizkit.errors import InputError
from quizkit.extra import MAX_TEXT, check_extra
from quizkit.importers import (
    ImportBatch,
    ImportOptions,
    PlainPieces,
    Problems,
    ReadWhole,
    Warn,
    content_guids,
    dedupe,
    default_deck_name,
)
from quizkit.importers.limits import JSON_DECODER, MAX_NAME, load_json, value_problem
from quizkit.models import DeckInfo, Note, NoteTable, SourceRef
from quizkit.textfile import read_text

QUESTION_KEYS = ("question", "front", "term", "q", "prompt")
ANSWER_KEYS = ("answer", "back", "definition", "a")
LIST_KEYS = ("alternatives", "distractors")
# The keys of a plain note, as `export --format json` writes a two-sided note with tags.
PLAIN_KEYS = frozenset(("id", "question", "answer", "tags"))
NO_LIST: list[str] = []  # what a note without tags (or another list) has (never changed)
NOTE_LISTS = (*LIST_KEYS, "tags")
NO_EXTRA: dict[str, Any] = {}  # what a note without "extra" has (never changed)
GAP = re.compile(r"[ \t\n\r,]*")  # what may come between two notes of an array
SPACE = re.compile(r"[ \t\n\r]*")  # JSON's white space
# Notes parsed at a time: parsing holds Python's lock, which the store's writer waits for
# between its statements (Store.load_tables).
PARSE_NOTES = 500
BETWEEN = re.compile(r"\}[ \t\n\r]*,[ \t\n\r]*\{")  # between two notes of an array, or not


def read_json(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    text = read_text(path, warn)
    where = str(path)
    deck, settings, items = _deck_and_items(load_json(text, where), path, options)
    # the common case in one parse: plain notes as columns, their lines found only if asked
    table = _plain_table(items, deck.name, ItemLines(text, len(items)))
    if table is not None:
        return ImportBatch(deck, table, deck_settings=settings)
    lines = _item_lines(text, len(items))
    problems = Problems(where, options.skip_bad)
    good: list[dict[str, Any]] = []
    for index, item in enumerate(items):
        line = lines[index] if index < len(lines) else None
        fields = _note_fields(item)
        if isinstance(fields, str):
            problems.bad(fields, line, None if line else f"note {index + 1}")
        else:
            fields["line"] = line
            good.append(fields)
    _give_guids(good, deck.name)
    notes = dedupe([Note(**fields) for fields in good], problems, "same note as the one at")
    return ImportBatch(deck, notes, problems.skipped, deck_settings=settings)


def plain_pieces(
    path: Path, options: ImportOptions, warn: Warn | None, size: int
) -> PlainPieces | None:
    """The file's notes parsed and built about `size` at a time, for a file of more than two
    such pieces holding a list of notes, or an object whose last member is its notes (as
    `export --format json` writes); None for another file, or one whose first piece is not
    plain.

    Each piece of the notes array is parsed as an array of its own (so that the parse too is
    done while the last piece is written) and built by the same `_plain_table`. A piece that
    is not plain, or not whole notes, raises ReadWhole, as does anything the whole file holds
    that `load_json` or `_deck_and_items` would refuse: the whole file is then read by
    `read_json`, which finds and words what is wrong.
    """
    text = read_text(path, warn)
    head = _head(text)
    if head is None:
        return None
    data, start = head
    end = _notes_end(text, isinstance(data, dict))
    try:
        deck, settings, _notes = _deck_and_items(data, path, options)
        # one note parsed, for how many characters a piece of `size` notes takes
        first = _after_space(text, start)
        probe = JSON_DECODER.raw_decode(text, first)[1] - first
    except (InputError, ValueError, RecursionError):
        return None  # read_json says what is wrong
    if end is None or end - start <= 2 * size * probe:
        return None
    pieces = _plain_pieces(text, start, end, deck.name, size, probe)
    try:
        table, per_note = next(pieces)
    except ReadWhole:
        return None
    tables = chain((table,), (table for table, _ in pieces))
    return PlainPieces(
        deck.name, round((end - start) / per_note), tables, deck if settings else None
    )


def _head(text: str) -> tuple[Any, int] | None:
    """What the file holds besides its notes (a list's nothing, an object's other members
    with an empty list of notes) and where its notes begin, after their '['; None when the
    file is neither a list nor an object whose members are followed by a notes array."""
    at = _after_space(text, 0)
    if text.startswith("[", at):
        return [], at + 1
    if not text.startswith("{", at):
        return None
    members: dict[str, Any] = {}
    decode = JSON_DECODER.raw_decode
    try:
        at = _after_space(text, at + 1)
        while True:
            key, at = decode(text, at)
            at = _after_space(text, at)
            if type(key) is not str or text[at] != ":":
                return None
            at = _after_space(text, at + 1)
            if key == "notes":
                members[key] = []
                return (members, at + 1) if text[at] == "[" else None
            members[key], at = decode(text, at)
            at = _after_space(text, at)
            if text[at] != ",":
                return None
            at = _after_space(text, at + 1)
    except (IndexError, ValueError, RecursionError):
        return None


def _after_space(text: str, at: int) -> int:
    return SPACE.match(text, at).end()  # type: ignore[union-attr]  # "*" matches


def _notes_end(text: str, member: bool) -> int | None:
    """Where the notes array ends (its ']'), when it is the last thing in the file (but for
    the '}' of the object holding it); else None."""
    end = len(text)
    for closing in ("}", "]") if member else ("]",):
        while end and text[end - 1] in " \t\n\r":
            end -= 1
        if not text.endswith(closing, 0, end):
            return None
        end -= 1
    return end


def _plain_pieces(
    text: str, start: int, end: int, deck_name: str, size: int, per_note: float
) -> Iterator[tuple[NoteTable, float]]:
    """The notes between `start` and `end` as tables of about `size` notes, each with the
    characters of a note so far (`per_note` at first: those of the first note). The first
    pieces are smaller (a quarter, a half): the store writes nothing until the first is read.

    A piece ends with a note's '}' followed by a comma and a line end (before the next note's
    '{'): outside any string, since a JSON string holds no line end. A piece cut inside a
    note does not parse as an array, and the notes of every piece together are the whole
    array's: each piece and the text between them (a comma) are what the whole parse reads.
    """
    done, at, notes = 0, start, max(size // 4, 1)
    items: list[Any] = []
    while at < end:
        cut, after = end, at + round(per_note * min(notes - len(items), PARSE_NOTES))
        found = BETWEEN.search(text, after, end) if after < end else None
        while found is not None and "\n" not in found.group():
            found = BETWEEN.search(text, found.end(), end)
        if found is not None:
            cut = found.start() + 1
        try:
            items += JSON_DECODER.decode("[" + text[at:cut] + "]")
        except (ValueError, RecursionError):
            raise ReadWhole(f"note {done + 1}") from None
        at = found.end() - 1 if found is not None else end
        per_note = (cut - start) / (done + len(items))
        if len(items) >= notes or at >= end:
            table = _plain_table(items, deck_name, ItemLines(text, len(items), done))
            if table is None:
                raise ReadWhole(f"note {done + 1}")
            done += len(items)
            items, notes = [], min(2 * notes, size)
            yield table, per_note


def _deck_and_items(
    data: Any, path: Path, options: ImportOptions
) -> tuple[DeckInfo, bool, list[Any]]:
    """The deck the notes go to, whether the file states its settings, and the notes (not
    yet checked) of a parsed file; InputError when it has no list of notes."""
    where = str(path)
    deck = DeckInfo(default_deck_name(path, options))
    if isinstance(data, dict):
        if not isinstance(data.get("notes"), list):
            raise InputError(where, "expected a list of notes, or an object with a 'notes' list")
        deck, settings = _deck(data.get("deck"), deck, options, where)
        return deck, settings, data["notes"]
    if isinstance(data, list):
        return deck, False, data
    raise InputError(where, "expected a list of notes, or an object with a 'notes' list")


def _deck(raw: Any, default: DeckInfo, options: ImportOptions, where: str) -> tuple[DeckInfo, bool]:
    if raw is None:
        return default, False
    if not isinstance(raw, dict) or not isinstance(raw.get("name", ""), str):
        raise InputError(where, "'deck' must be an object with a 'name'")
    problem = value_problem(raw, 1)
    if problem:
        raise InputError(where, f"deck: {problem}")
    retention = raw.get("desired_retention", 0.9)
    if (
        not isinstance(retention, int | float)
        or isinstance(retention, bool)
        or not 0.7 <= retention <= 0.99
    ):
        raise InputError(where, "deck: 'desired_retention' must be between 0.70 and 0.99")
    description = raw.get("description", "")
    if not isinstance(description, str) or len(description) > MAX_TEXT:
        raise InputError(where, f"deck: 'description' must be a string of at most {MAX_TEXT:,}")
    name = options.deck or raw.get("name", "").strip() or default.name
    if len(name) > MAX_NAME:
        raise InputError(where, f"deck: 'name' is longer than {MAX_NAME:,} characters")
    return DeckInfo(name, description, float(retention)), True


class ItemLines(Sequence[int | None]):
    """The line each note object starts on, found on first use: a file of good plain notes
    is parsed once, and only a note found wrong later (a text over its size) needs its line.
    `first`: the file's note that is this sequence's first (a piece's notes)."""

    def __init__(self, text: str, size: int, first: int = 0) -> None:
        self.text = text
        self.size = size
        self.first = first

    @cached_property
    def lines(self) -> list[int]:
        return _item_lines(self.text, self.first + self.size)[self.first :]

    def __len__(self) -> int:
        return self.size

    @overload
    def __getitem__(self, index: int) -> int | None: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[int | None]: ...

    def __getitem__(self, index: int | slice) -> int | None | Sequence[int | None]:
        if isinstance(index, slice):
            return [self[i] for i in range(self.size)[index]]
        lines = self.lines
        if index < 0:
            index += self.size
        return lines[index] if 0 <= index < len(lines) else None


def _plain_table(items: list[Any], deck_name: str, lines: ItemLines) -> NoteTable | None:
    """The notes as columns, when every one is plain (an id, a question, an answer and a list
    of tags, all strings) and good (no note `_note` would report, no guid twice).

    Each note object is visited once, to take its values out; their types are then checked a
    whole column at a time. None means "read them note by note": `_note` finds and words each
    problem. A plain note holds only strings, so `value_problem` has nothing to find in it; a
    new check on notes belongs in both places.
    """
    if not items:
        return None
    columns = _full_columns(items) or _columns(items)
    if columns is None:
        return None
    ids, questions, answers, tags, shared = columns
    # a string equals only a string, so the tags of every note are strings when those of each
    # distinct set are
    if not set(map(type, chain.from_iterable(shared))) <= {str}:
        return None
    try:
        # str.strip takes nothing but a string: a question or answer of another type stops it
        questions = list(map(str.strip, questions))
        answers = list(map(str.strip, answers))
    except TypeError:
        return None
    if not all(questions) or not all(answers):
        return None
    if not set(map(type, ids)) <= {str, NoneType}:
        return None  # numbers as ids: `_note` checks and words them
    guids = ids if all(ids) else [i or "" for i in ids]
    missing = [n for n, guid in enumerate(guids) if not guid]
    if missing:
        made = content_guids(deck_name, [questions[n] for n in missing])
        for n, guid in zip(missing, made, strict=True):
            guids[n] = guid
    if len(set(guids)) != len(guids):
        return None
    return NoteTable(deck_name, guids, questions, answers, tags, lines)


# A plain file's ids, questions, answers and tags as columns, and each set of tags once
Columns = tuple[list[Any], list[Any], list[Any], list[tuple[Any, ...]], dict[Any, Any]]


def _full_columns(items: list[Any]) -> Columns | None:
    """The columns of notes that each have exactly the four plain keys, as `export --format
    json` writes them: a subscript for each value, no key set compared. None when a note is
    not such an object (`_columns` then reads notes with fewer keys)."""
    ids: list[Any] = []
    questions: list[Any] = []
    answers: list[Any] = []
    tags: list[tuple[Any, ...]] = []
    add_id, add_question, add_answer, add_tags = (
        ids.append,
        questions.append,
        answers.append,
        tags.append,
    )
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}  # one tuple for each set of tags
    share = shared.setdefault
    try:
        for item in items:
            if len(item) != 4:
                return None
            values = item["tags"]
            if type(values) is not list:
                return None
            as_tuple = tuple(values)
            add_tags(share(as_tuple, as_tuple))
            add_id(item["id"])
            add_question(item["question"])
            add_answer(item["answer"])
    except (KeyError, TypeError):  # not an object, a key missing, a tag that is a list
        return None
    return ids, questions, answers, tags, shared


def _columns(items: list[Any]) -> Columns | None:
    """The columns of notes whose keys are among the plain ones (an absent id or question
    is None, absent tags are none); None when a note is not plain."""
    ids: list[Any] = []
    questions: list[Any] = []
    answers: list[Any] = []
    tags: list[tuple[Any, ...]] = []
    shared: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    plain = PLAIN_KEYS.issuperset
    try:
        for item in items:
            if type(item) is not dict or not plain(item):
                return None
            values = item.get("tags", NO_LIST)
            if type(values) is not list:
                return None
            as_tuple = tuple(values)
            tags.append(shared.setdefault(as_tuple, as_tuple))
            questions.append(item.get("question"))
            answers.append(item.get("answer"))
            ids.append(item.get("id"))
    except TypeError:  # a tag that is a list or an object (which cannot be hashed)
        return None
    return ids, questions, answers, tags, shared


def _item_lines(text: str, count: int) -> list[int]:
    """The line each note object starts on: the notes array decoded item by item."""
    match = re.search(r'"notes"\s*:\s*\[', text) or re.search(r"\A\s*\[", text)
    if match is None:
        return []
    decoder = JSON_DECODER
    position = counted = match.end()
    line = text.count("\n", 0, position) + 1
    lines: list[int] = []
    gap = GAP.match
    try:
        while len(lines) < count:
            position = gap(text, position).end()  # type: ignore[union-attr]  # "*" matches
            line += text.count("\n", counted, position)
            counted = position
            lines.append(line)
            _value, position = decoder.raw_decode(text, position)
    except (IndexError, ValueError, RecursionError):
        return []
    return lines


def _only_text(item: dict[str, Any]) -> bool:
    """Whether every value of a note is a string or a list of strings, as in most notes: then
    `value_problem` has nothing to find (no number, nothing nested deep) and is not walked."""
    for value in item.values():
        if type(value) is not str and (
            type(value) is not list or not set(map(type, value)) <= {str}
        ):
            return False
    return True


def _first(item: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        if key in item:
            return item[key]
    return None


def _note_fields(item: Any) -> dict[str, Any] | str:
    """A note's fields as `Note` takes them (its guid empty when it has no id: `_give_guids`
    makes those in bulk), or what is wrong with it."""
    if not isinstance(item, dict):
        return "a note must be an object with a question and an answer"
    problem = None if _only_text(item) else value_problem(item, 2)
    if problem:
        return problem
    question, answer = _first(item, QUESTION_KEYS), _first(item, ANSWER_KEYS)
    if not isinstance(question, str) or not question.strip():
        return "note has no question"
    if not isinstance(answer, str) or not answer.strip():
        return "note has no answer"
    lists: dict[str, tuple[str, ...]] = {}
    for key in NOTE_LISTS:
        value = item.get(key, NO_LIST)
        if value == NO_LIST:  # absent or empty, as most are: nothing to check
            lists[key] = ()
            continue
        if key == "tags" and isinstance(value, str):
            value = value.split()
        if not isinstance(value, list) or not all(map(isinstance, value, repeat(str))):
            return f"{key!r} must be a list of strings"
        lists[key] = tuple(value)
    raw_sources = item.get("sources", NO_LIST)
    sources = () if raw_sources == NO_LIST else _sources(raw_sources)
    if sources is None:
        return "'sources' must be a list of names or {document, sentence} objects"
    raw_extra = item.get("extra", NO_EXTRA)
    if not isinstance(raw_extra, dict):
        return "'extra' must be an object"
    if "answer_type" in item:
        raw_extra = {**raw_extra, "answer_type": item["answer_type"]}
    try:
        extra = check_extra(raw_extra)
    except ValueError as error:
        return str(error)
    deck = item.get("deck")
    if not isinstance(deck, str) or not deck:
        deck = None
    guid = _first(item, ("id", "guid"))
    if guid is not None and (not isinstance(guid, str | int) or isinstance(guid, bool)):
        return "'id' must be a string or a number"
    kind = item.get("kind", "basic")
    if not isinstance(kind, str):
        return "'kind' must be a string"
    return {
        "question": question.strip(),
        "answer": answer.strip(),
        "guid": str(guid) if guid else "",
        "deck": deck,
        "kind": kind,
        "alternatives": lists["alternatives"],
        "distractors": lists["distractors"],
        "tags": lists["tags"],
        "sources": sources,
        "reverse": item.get("reverse") is True,
        "extra": extra,
    }


def _give_guids(notes: list[dict[str, Any]], deck_name: str) -> None:
    """Give each note without an id its content guid (of its deck and question), made in bulk
    for each deck: one note at a time, they took a quarter of the time of a deck of notes
    without ids."""
    by_deck: dict[str, list[dict[str, Any]]] = {}
    for fields in notes:
        if not fields["guid"]:
            by_deck.setdefault(fields["deck"] or deck_name, []).append(fields)
    for deck, missing in by_deck.items():
        made = content_guids(deck, [fields["question"] for fields in missing])
        for fields, guid in zip(missing, made, strict=True):
            fields["guid"] = guid


def _sources(raw: Any) -> tuple[SourceRef, ...] | None:
    try:
        return SourceRef.parse_list(raw)
    except ValueError:
        return None
