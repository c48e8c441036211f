"""What the articles of one story say together: the backdrop every kind of question draws on."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizkit.extract.facts import (
    DateFact,
    DocumentFacts,
    NumberFact,
    OfficialFact,
    ParticipantsFact,
    Provenance,
)
from quizkit.grading import fold
from quizkit.models import SourceRef, fold_for_id
from quizkit.questions.candidate import source_of
from quizkit.questions.phrasing import country_name, month_year, org_name


@dataclass
class Official:
    """One person across all mentions in the story."""

    person: str
    office: str
    country: str | None
    org: str | None
    former: bool = False
    names: set[str] = field(default_factory=set)
    sources: list[SourceRef] = field(default_factory=list)
    month: str | None = None

    @property
    def place(self) -> str:
        return self.country or self.org or ""

    @property
    def place_phrase(self) -> str:
        return country_name(self.country) if self.country else org_name(self.org or "")

    @property
    def key(self) -> str:
        return f"official:{fold(self.place)}:{fold(self.person)}"


@dataclass
class Story:
    """The facts of all articles, with what each article's own lines are (headline, dateline)."""

    officials: list[Official]
    dates: list[DateFact]
    participants: list[ParticipantsFact]
    numbers: list[NumberFact]
    countries: list[str]
    # The country the story happens in: the one its headlines and text name most.
    main_country: str | None
    month: str | None
    datelines: dict[str, str | None]
    headlines: dict[str, str]
    # The sentences facts were found in, by document and number: context for pronouns.
    sentences: dict[str, dict[int, str]] = field(default_factory=dict)
    # The date facts of each document, in the order found.
    dates_in: dict[str, list[DateFact]] = field(default_factory=dict)
    # The headlines folded once: a headline may be a whole article's first line, and folding
    # it again for every fact made generating quadratic in the article's size.
    folded_headlines: dict[str, str] = field(init=False, default_factory=dict)
    # The sentences an event pattern matches, by pattern, found once per story: asking
    # whether a story tells of one phone call must not read every sentence for every fact.
    marked: dict[str, frozenset[tuple[str, int]]] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.folded_headlines = {k: fold_for_id(v) for k, v in self.headlines.items()}

    def resolve(self, where: Provenance, event: str) -> str:
        """Name who 'he' is and which country 'the country' is, from the sentence before.

        Only when the sentence just before this one (or this one) names exactly one
        official, or exactly one country; otherwise the clause stays as it is (and checks
        will leave it out).
        """
        before = [
            self.sentences.get(where.source, {}).get(where.sentence_index - back, "")
            for back in (1, 0)
        ]
        words = event.split()
        if words and words[0].lower() in ("he", "she"):
            people = {
                o.person
                for o in self.officials
                for text in before
                if any(n in text for n in o.names | {o.person})
            }
            if len(people) == 1:
                event = " ".join([people.pop(), *words[1:]])
        if re.search(r"\bthe country\b", event):
            named = {c for c in self.countries for text in before if c in text}
            if not named:
                # 'Tokayev announced the withdrawal from the country': a head of state's own
                named = {
                    o.country
                    for o in self.officials
                    if o.country
                    and o.office in ("President", "Prime Minister")
                    and any(event.startswith(f"{n} ") for n in o.names | {o.person})
                }
            if len(named) == 1:
                event = re.sub(r"\bthe country\b", country_name(named.pop()), event)
        return event

    def is_dateline(self, fact: DateFact) -> bool:
        """The date of filing: on a line of its own, in the headline, or dating the headline."""
        headline = self.folded_headlines.get(fact.where.source, "")
        return (
            self.is_dateline_sentence(fact.where, fact.text)
            or self.is_headline(fact.where)
            or (bool(headline) and fold_for_id(fact.event) == headline)
        )

    def is_dateline_sentence(self, where: Provenance, text: str = "") -> bool:
        """A line that only places and dates the article ('TALLINN, Estonia, March 9')."""
        sentence = where.sentence.strip()
        rest = sentence.replace(text, " ").split() if text else sentence.split()
        return len(sentence.split()) <= 8 and not any(w[:1].islower() for w in rest)

    def is_headline(self, where: Provenance) -> bool:
        return fold_for_id(where.sentence) == self.folded_headlines.get(where.source, "")

    def persons(self) -> set[str]:
        return {name for o in self.officials for name in (o.person, *o.names)}


def read_story(docs: Sequence[DocumentFacts]) -> Story:
    officials: dict[tuple[str, str], Official] = {}
    surnames: dict[str, list[str]] = defaultdict(list)
    dates: list[DateFact] = []
    participants: list[ParticipantsFact] = []
    numbers: list[NumberFact] = []
    country_counts: Counter[str] = Counter()
    months: Counter[str] = Counter()
    sentences: dict[str, dict[int, str]] = defaultdict(dict)
    dates_in: dict[str, list[DateFact]] = defaultdict(list)
    for doc in docs:
        for fact in doc.facts:
            sentences[doc.source][fact.where.sentence_index] = fact.where.sentence
            if isinstance(fact, OfficialFact):
                _merge_official(officials, fact, doc.dateline, surnames)
                if fact.country:
                    country_counts[fact.country] += 1
            elif isinstance(fact, DateFact):
                dates.append(fact)
                dates_in[doc.source].append(fact)
                if not fact.date.startswith("--"):
                    months[fact.date[:7]] += 1
            elif isinstance(fact, ParticipantsFact):
                participants.append(fact)
                country_counts.update(fact.countries)
            elif isinstance(fact, NumberFact):
                numbers.append(fact)
    month = month_year(months.most_common(1)[0][0] + "-01") if months else None
    for official in officials.values():
        official.month = official.month or month
    return Story(
        officials=list(officials.values()),
        dates=dates,
        participants=participants,
        numbers=numbers,
        countries=[c for c, _ in country_counts.most_common()],
        main_country=_main_country(docs, country_counts),
        month=month,
        datelines={d.source: d.dateline for d in docs},
        headlines={d.source: d.headline for d in docs},
        sentences=dict(sentences),
        dates_in=dict(dates_in),
    )


def _main_country(docs: Sequence[DocumentFacts], counts: Counter[str]) -> str | None:
    headlines = "\n".join(doc.headline for doc in docs)
    best: tuple[int, str] | None = None
    for country, count in counts.items():
        mentions = count + 3 * headlines.count(country)
        if best is None or mentions > best[0]:
            best = (mentions, country)
    return best[1] if best else None


def _merge_official(
    officials: dict[tuple[str, str], Official],
    fact: OfficialFact,
    dateline: str | None,
    surnames: dict[str, list[str]],
) -> None:
    place = fact.country or fact.org or ""
    surname = fold(fact.person.split()[-1])
    key = (place, surname)
    if key not in officials:
        for other_surname in surnames[place]:
            if _same_surname(surname, other_surname):
                key = (place, other_surname)
                break
    if key not in officials:
        office = singular_office(fact.office)
        officials[key] = Official(fact.person, office, fact.country, fact.org, fact.former)
        surnames[place].append(surname)
    official = officials[key]
    official.names.update([fact.person, *fact.aliases])
    official.sources.append(source_of(fact.where))
    if official.month is None and dateline:
        official.month = month_year(dateline)


PLURAL_TITLES = {"Secretaries": "Secretary", "Ministers": "Minister", "Presidents": "President"}
PLURAL_TITLES |= {"Ambassadors": "Ambassador", "Leaders": "Leader", "Envoys": "Envoy"}
PLURAL_TITLES |= {"Generals": "General", "Chiefs": "Chief", "Governors": "Governor"}


def singular_office(office: str) -> str:
    """One person holds one office: 'Secretaries-General' (from a list of them) is 'Secretary
    General', so the answer never differs from a wrong option by its plural alone."""
    parts = re.split(r"( (?:of|to|in|for) )", office, maxsplit=1)
    words = re.split(r"[ -]", parts[0])
    if not any(w in PLURAL_TITLES for w in words):
        return office
    return " ".join(PLURAL_TITLES.get(w, w) for w in words) + "".join(parts[1:])


def _same_surname(a: str, b: str) -> bool:
    """Shoigu and Shoygu: one letter apart in a long surname is one person's two spellings."""
    if a == b:
        return True
    from rapidfuzz.distance import Levenshtein

    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


def document_of(source: str) -> str:
    return Path(source).stem
