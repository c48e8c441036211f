"""Fact extraction: plain-text news articles in, typed facts with provenance out.

Needs no database. Documents given together are read as one run (see
pipeline.py): officials are merged across them and an article without a year
borrows it from another article of the same story.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from quizkit.errors import InputError
from quizkit.extract.facts import (
    DateFact,
    DocumentFacts,
    Fact,
    NumberFact,
    OfficialFact,
    ParticipantsFact,
    Provenance,
)
from quizkit.extract.pipeline import extract_texts
from quizkit.extract.report import to_data, to_json, to_text
from quizkit.extract.text import read_article

__all__ = [
    "DateFact",
    "DocumentFacts",
    "Fact",
    "NumberFact",
    "OfficialFact",
    "ParticipantsFact",
    "Provenance",
    "extract_files",
    "extract_texts",
    "to_data",
    "to_json",
    "to_text",
]


def extract_files(
    paths: Iterable[str | Path],
    year: int | None = None,
    ref_date: date | None = None,
    today: date | None = None,
) -> tuple[list[DocumentFacts], list[InputError], list[str]]:
    """Read and extract the article files; returns facts, per-file errors and warnings.

    A file that cannot be read is reported and skipped; the others are still read.
    """
    docs: list[tuple[str, str]] = []
    errors: list[InputError] = []
    warnings: list[str] = []
    for path in paths:
        try:
            text, notes = read_article(path)
        except InputError as exc:
            errors.append(exc)
            continue
        warnings.extend(notes)
        docs.append((str(path), text))
    return extract_texts(docs, year, ref_date, today), errors, warnings
