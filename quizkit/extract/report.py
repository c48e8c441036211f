"""Writing extracted facts out: the JSON contract of shared/eval, or a readable summary."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from quizkit.extract.facts import (
    DateFact,
    DocumentFacts,
    Fact,
    NumberFact,
    OfficialFact,
    ParticipantsFact,
)


def to_json(docs: list[DocumentFacts]) -> str:
    """`{"documents": [...]}`, one object per document, as the scorer reads it."""
    return indented_json(to_data(docs))


def indented_json(data: Any) -> str:
    """`json.dumps(data, ensure_ascii=False, indent=2)`, byte for byte, in a fraction of the time.

    With an indent the standard library encodes in Python, value by value. Here the C
    encoder writes each container of one-line values (a sentence, a fact), and each run of
    such containers in a list at once, with the indent of their level in its item separator.
    """
    parts: list[str] = []
    try:
        _encode(data, 0, parts)
    except _Unusual:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return "".join(parts)


class _Unusual(Exception):
    """A key or value the fast path leaves to the standard encoder."""


_PLAIN = frozenset({str, int, float, bool, type(None)})
_CONTAINERS = frozenset({dict, list, tuple})
_TEXT = frozenset({str})
_quoted = json.encoder.encode_basestring  # the C function when there is one


@cache
def _flat_encoder(level: int) -> json.JSONEncoder:
    """The C encoder of one-line values in a container whose items stand at `level`."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",\n" + "  " * level, ": "))


def _one_line(item: Any) -> bool:
    """Whether a value is written on one line: a plain value or an empty container."""
    kind = type(item)
    return kind in _PLAIN or (kind in _CONTAINERS and not item)


def _all_one_line(items: Any) -> bool:
    return _PLAIN.issuperset(map(type, items)) or all(map(_one_line, items))


def _flat_dict(item: Any) -> bool:
    """A non-empty dict of text keys and one-line values."""
    return (
        type(item) is dict
        and bool(item)
        and _TEXT.issuperset(map(type, item))
        and _all_one_line(item.values())
    )


def _encode(value: Any, level: int, parts: list[str]) -> None:
    kind = type(value)
    if kind is str:
        parts.append(_quoted(value))
        return
    if kind in _PLAIN:
        parts.append(_flat_encoder(0).encode(value))
        return
    if kind is dict:
        if not _TEXT.issuperset(map(type, value)):
            raise _Unusual
        items = value.values()
    elif kind is list or kind is tuple:
        items = value
    else:
        raise _Unusual
    if not value:
        parts.append("{}" if kind is dict else "[]")
        return
    inner = "\n" + "  " * (level + 1)
    outer = "\n" + "  " * level
    if _all_one_line(items):
        text = _flat_encoder(level + 1).encode(value)
        parts.append(f"{text[0]}{inner}{text[1:-1]}{outer}{text[-1]}")
        return
    separator = inner
    if kind is dict:
        parts.append("{")
        for key, item in value.items():
            parts.append(f"{separator}{_quoted(key)}: ")
            _encode(item, level + 1, parts)
            separator = "," + inner
        parts.append(outer + "}")
        return
    parts.append("[")
    run: list[dict[str, Any]] = []
    for item in value:
        if _flat_dict(item):
            run.append(item)
            continue
        if run:
            parts.append(separator + _dict_run(run, level + 1))
            separator, run = "," + inner, []
        parts.append(separator)
        _encode(item, level + 1, parts)
        separator = "," + inner
    if run:
        parts.append(separator + _dict_run(run, level + 1))
    parts.append(outer + "]")


def _dict_run(run: list[dict[str, Any]], level: int) -> str:
    """Flat dicts that stand one after another in a list, at `level`, in one C call.

    The encoder writes them as one list whose every separator is that of the dicts' items;
    a separator between two dicts is the only one with a brace on each side (an item starts
    with its key's quote, and no string holds a raw line break), so it is replaced by the
    list's own.
    """
    inner = "\n" + "  " * (level + 1)
    outer = "\n" + "  " * level
    text = _flat_encoder(level + 1).encode(run)[2:-2]
    text = text.replace("}," + inner + "{", f"{outer}}},{outer}{{{inner}")
    return f"{{{inner}{text}{outer}}}"


def to_data(docs: list[DocumentFacts]) -> dict[str, list[dict[str, Any]]]:
    """What `to_json` writes, as plain data, for a caller that adds fields beside it."""
    return {"documents": [d.to_dict() for d in docs]}


_SECTIONS: list[tuple[str, type]] = [
    ("Dates", DateFact),
    ("Officials", OfficialFact),
    ("Participants", ParticipantsFact),
    ("Numbers", NumberFact),
]


def to_text(docs: list[DocumentFacts]) -> str:
    """A summary per document, grouped by kind of fact."""
    lines: list[str] = []
    for doc in docs:
        lines.append(f"{doc.source}" + (f" (dateline {doc.dateline})" if doc.dateline else ""))
        if not doc.facts:
            lines.append("  no facts found")
        for title, kind in _SECTIONS:
            facts = [f for f in doc.facts if isinstance(f, kind)]
            if facts:
                lines.append(f"  {title}:")
                lines.extend(f"    {_line(f)}" for f in facts)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n" if lines else ""


def _line(fact: Fact) -> str:
    if isinstance(fact, DateFact):
        return f"{fact.date}  {fact.event}  [{fact.text}]"
    if isinstance(fact, OfficialFact):
        aka = f" (also {', '.join(fact.aliases)})" if fact.aliases else ""
        return f"{fact.person}, {fact.office}, {fact.country or fact.org}{aka}"
    if isinstance(fact, ParticipantsFact):
        return f"{', '.join(fact.countries)}: {fact.event}"
    return f"{fact.value:,}  {fact.what}  [{fact.text}]"
