"""Fact extraction: plain-text news articles in, typed facts with provenance out.

Needs no database. Documents given together are read as one run: officials
are merged across them and an article without a year borrows it from another
article of the same story.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from quizkit.errors import InputError
from quizkit.extract.dates import DateContext, Dateline, find_dateline, resolve_dates
from quizkit.extract.facts import (
    DateFact,
    DocumentFacts,
    Fact,
    NumberFact,
    OfficialFact,
    ParticipantsFact,
    Provenance,
)
from quizkit.extract.gazetteer import Place, find_places
from quizkit.extract.numbers import find_numbers
from quizkit.extract.officials import (
    OfficialMention,
    find_officials,
    merge_officials,
    name_key,
)
from quizkit.extract.participants import find_participants
from quizkit.extract.report import to_json, to_text
from quizkit.extract.text import Sentence, read_article, split_sentences

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
    "to_json",
    "to_text",
]


@dataclass(frozen=True)
class _Reading:
    """What is read from one document before the run's documents are put together."""

    source: str
    text: str
    sentences: list[Sentence]
    header: Dateline
    officials: list[OfficialMention]
    surnames: frozenset[str]
    places: list[tuple[Place, int, int]]
    home_country: Place | None
    countries: frozenset[str]


def extract_texts(
    docs: list[tuple[str, str]],
    year: int | None = None,
    ref_date: date | None = None,
    today: date | None = None,
) -> list[DocumentFacts]:
    """Facts of each (source, text) document, in the order given.

    `year` and `ref_date` are the fallbacks for dates the articles leave open;
    `today` bounds the year found from a printed weekday (the caller's clock).
    """
    readings = [_read(source, text) for source, text in docs]
    mentions = [(r.source, m) for r in readings for m in r.officials]
    officials = merge_officials(mentions, {r.source: r.home_country for r in readings})
    results = []
    for reading in readings:
        context = _date_context(reading, readings, year, ref_date, today)
        facts: list[Fact] = [
            *resolve_dates(
                reading.source, reading.text, reading.sentences, context, reading.header
            ),
            *officials.get(reading.source, []),
            *find_participants(
                reading.source, reading.text, reading.sentences, reading.officials, reading.places
            ),
            *find_numbers(reading.source, reading.text, reading.sentences),
        ]
        results.append(
            DocumentFacts(
                reading.source,
                _dateline_value(reading.header, context),
                reading.header.headline,
                tuple(facts),
            )
        )
    return results


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


def _read(source: str, text: str) -> _Reading:
    sentences = split_sentences(text)
    places = find_places(text)
    countries = [p for p, _, _ in places if p.is_country]
    officials = find_officials(text, sentences)
    return _Reading(
        source,
        text,
        sentences,
        find_dateline(text),
        officials,
        frozenset(name_key(m.person.split()[-1]) for m in officials),
        places,
        _home_country(countries),
        frozenset(p.name for p in countries),
    )


def _home_country(places: list[Place]) -> Place | None:
    """The country an article is mostly about, when one clearly dominates."""
    if not places:
        return None
    place, count = Counter(places).most_common(1)[0]
    return place if count >= 2 and count >= 0.6 * len(places) else None


def _date_context(
    reading: _Reading,
    readings: list[_Reading],
    year: int | None,
    ref_date: date | None,
    today: date | None,
) -> DateContext:
    story = _same_story(reading, readings)
    story_date = None
    story_year = None
    if story and story.header.day and story.header.day[0]:
        story_year = story.header.day[0]
        story_date = date(*story.header.day)  # type: ignore[arg-type]
    return DateContext(
        dateline=reading.header.day,
        story_year=story_year,
        story_date=story_date if reading.header.day is None else None,
        year=year,
        ref_date=ref_date,
        today=today,
    )


def _same_story(reading: _Reading, readings: list[_Reading]) -> _Reading | None:
    """Another dated article of the run telling the same story, for a year to borrow.

    Same story: this article names an official of the other, or three of its countries.
    """
    if reading.header.day and reading.header.day[0]:
        return None
    words = {name_key(w) for w in re.findall(r"[^\W\d_][\w\-]+", reading.text) if w[0].isupper()}
    best: tuple[int, _Reading] | None = None
    for other in readings:
        if other is reading or not (other.header.day and other.header.day[0]):
            continue
        shared_people = len(other.surnames & words)
        shared_countries = len(reading.countries & other.countries)
        if shared_people == 0 and shared_countries < 3:
            continue
        score = shared_people * 10 + shared_countries
        if best is None or score > best[0]:
            best = (score, other)
    return best[1] if best else None


def _dateline_value(header: Dateline, context: DateContext) -> str | None:
    if header.day is None:
        return None
    year, month, day = header.day
    year = year or context.story_year or context.year
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
