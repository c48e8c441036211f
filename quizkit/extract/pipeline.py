"""One extraction run: read each document, then put the run's documents together.

Officials are merged across the documents; an article without a year borrows
it from another article of the same story, or pins it by a printed weekday.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from quizkit.collector import collector_paused
from quizkit.extract.dates import (
    DateContext,
    Dateline,
    find_dateline,
    pinned_date,
    resolve_dates,
)
from quizkit.extract.facts import DateFact, DocumentFacts, Fact, ParticipantsFact
from quizkit.extract.gazetteer import Place, country_of_city, find_places, is_place_word
from quizkit.extract.names import is_common_word, name_key
from quizkit.extract.numbers import find_numbers
from quizkit.extract.officials import OfficialMention, find_officials, merge_officials
from quizkit.extract.participants import find_participants
from quizkit.extract.text import Sentence, lowered, split_sentences

_WORD = re.compile(r"[^\W\d_][\w\-]+")
_MID_SENTENCE_CAPITAL = re.compile(r"[A-Z](?<=[a-z,] [A-Z])[a-z][\w\-]{2,}")


@dataclass(frozen=True)
class _Reading:
    """What is read from one document before the run's documents are put together."""

    source: str
    text: str
    lower: str  # lowered(text), made once for the readers that need it
    sentences: list[Sentence]
    header: Dateline
    officials: list[OfficialMention]
    surnames: frozenset[str]
    places: list[tuple[Place, int, int]]
    home_country: Place | None
    place_names: frozenset[str]
    proper_names: frozenset[str]


@collector_paused()
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
    officials = merge_officials(
        mentions,
        {r.source: r.home_country for r in readings},
        {r.source: r.text for r in readings},
        {r.source: country_of_city(r.header.city) if r.header.city else None for r in readings},
    )
    results = []
    stories = _Stories(readings)
    for reading in readings:
        context = _date_context(reading, stories, year, ref_date, today)
        dates = resolve_dates(
            reading.source, reading.text, reading.sentences, context, reading.header, reading.lower
        )
        facts: list[Fact] = [
            *dates,
            *officials.get(reading.source, []),
            *_dated(
                find_participants(
                    reading.source,
                    reading.text,
                    reading.sentences,
                    reading.officials,
                    reading.places,
                    officials.get(reading.source, []),
                ),
                dates,
            ),
            *find_numbers(reading.source, reading.text, reading.sentences, reading.lower),
        ]
        results.append(
            DocumentFacts(
                reading.source,
                _dateline_value(reading.header, context),
                reading.header.headline,
                tuple(facts),
                _sentences_before(reading.sentences, facts),
            )
        )
    return results


def _sentences_before(sentences: list[Sentence], facts: list[Fact]) -> tuple[tuple[int, str], ...]:
    """The sentence before each fact's sentence, when both stand in one paragraph."""
    by_index = {s.index: s for s in sentences}
    found = {}
    for index in sorted({f.where.sentence_index for f in facts}):
        here, before = by_index.get(index), by_index.get(index - 1)
        if here is not None and before is not None and before.paragraph == here.paragraph:
            found[index] = before.text
    return tuple(found.items())


def _dated(sets: list[ParticipantsFact], dates: list[DateFact]) -> list[ParticipantsFact]:
    """Each participant set with the date its sentence gives, when it gives one (the
    date of what happened rather than of the statement about it)."""
    by_sentence: dict[int, str] = {}
    for fact in sorted(dates, key=lambda f: f.reporting):
        by_sentence.setdefault(fact.where.sentence_index, fact.date)
    return [replace(s, date=by_sentence.get(s.where.sentence_index)) for s in sets]


def _read(source: str, text: str) -> _Reading:
    sentences = split_sentences(text)
    places = find_places(text)
    countries = [p for p, _, _ in places if p.is_country]
    lower = lowered(text)
    officials = find_officials(text, sentences, places, lower)
    return _Reading(
        source,
        text,
        lower,
        sentences,
        find_dateline(text),
        officials,
        frozenset(name_key(m.person.split()[-1]) for m in officials),
        places,
        _home_country(countries),
        frozenset(p.name for p, _, _ in places),
        _proper_names(text),
    )


def _proper_names(text: str) -> frozenset[str]:
    """Capitalised words inside sentences (not places, months or days): names of things."""
    return frozenset(filter(_names_a_thing, set(_MID_SENTENCE_CAPITAL.findall(text))))


@lru_cache(maxsize=65536)
def _names_a_thing(word: str) -> bool:
    """Whether a capitalised word is neither a place nor a common word. Cached like the
    other word lookups: filtering by it then runs no Python code for a word seen before."""
    return not is_place_word(word) and not is_common_word(word)


def _home_country(places: list[Place]) -> Place | None:
    """The country an article is mostly about, when one clearly dominates.

    It dominates when it has most of the mentions, or three at least and half as many
    again as the next country.
    """
    if not places:
        return None
    ranked = Counter(places).most_common(2)
    place, count = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if count >= 2 and count >= 0.6 * len(places):
        return place
    return place if count >= 3 and count >= 1.5 * runner_up else None


def _date_context(
    reading: _Reading,
    stories: _Stories,
    year: int | None,
    ref_date: date | None,
    today: date | None,
) -> DateContext:
    story = _same_story(reading, stories)
    story_date = None
    story_year = None
    if story and story.header.day and story.header.day[0]:
        story_year = story.header.day[0]
        story_date = date(*story.header.day)  # type: ignore[arg-type]
    elif reading.header.day is None and today and ref_date is None:
        story_date = pinned_date(reading.text, today)
        story_year = story_date.year if story_date else None
    return DateContext(
        dateline=reading.header.day,
        story_year=story_year,
        story_date=story_date if reading.header.day is None else None,
        year=year,
        ref_date=ref_date,
        today=today,
    )


class _Stories:
    """The run's dated readings, indexed by surname and by set of places: an undated
    article is compared only with those that share a person or a place with it, and
    the places of every group of articles naming the same ones are compared once."""

    def __init__(self, readings: list[_Reading]) -> None:
        self.dated = [r for r in readings if r.header.day and r.header.day[0]]
        self.by_surname: dict[str, list[int]] = {}
        self.by_places: dict[frozenset[str], list[int]] = {}
        for i, reading in enumerate(self.dated):
            for surname in reading.surnames:
                self.by_surname.setdefault(surname, []).append(i)
            self.by_places.setdefault(reading.place_names, []).append(i)


def _same_story(reading: _Reading, stories: _Stories) -> _Reading | None:
    """Another dated article of the run telling the same story, for a year to borrow.

    Same story: this article names an official of the other, or shares most of
    its places (three at least), or one place and two other proper names. Of several,
    the one sharing most wins (the first of the run on a tie).
    """
    if reading.header.day and reading.header.day[0]:
        return None
    if not stories.dated:
        return None  # nothing to borrow from: the text's words are not read
    words = {name_key(w) for w in set(_WORD.findall(reading.text)) if w[0].isupper()}
    # every test below needs a person or a place in common
    people = Counter(i for w in words for i in stories.by_surname.get(w, ()))
    places: dict[int, tuple[int, float]] = {}
    for names, group in stories.by_places.items():
        shared_places = len(reading.place_names & names)
        if shared_places:
            overlap = shared_places / len(reading.place_names | names or {""})
            places.update(dict.fromkeys(group, (shared_places, overlap)))
    best: tuple[int, _Reading] | None = None
    for i in sorted(people.keys() | places.keys()):
        other = stories.dated[i]
        shared_people = people.get(i, 0)
        shared_places, overlap = places.get(i, (0, 0.0))
        shared_names = len(reading.proper_names & other.proper_names)
        if not (
            shared_people
            or (shared_places >= 3 and overlap >= 0.4)
            or (shared_names >= 2 and shared_places)
        ):
            continue
        score = shared_people * 10 + shared_places + shared_names
        if best is None or score > best[0]:
            best = (score, other)
    return best[1] if best else None


def _dateline_value(header: Dateline, context: DateContext) -> str | None:
    if header.day is None:
        return None
    year, month, day = header.day
    year = year or context.story_year or context.year
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"
