"""Writing extracted facts out: the JSON contract of shared/eval, or a readable summary."""

from __future__ import annotations

import json
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
    return json.dumps(to_data(docs), ensure_ascii=False, indent=2)


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
