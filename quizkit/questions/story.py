"""What the articles of one story say together: the backdrop every kind of question draws on."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

from quizkit.extract.facts import (
    DateFact,
    DocumentFacts,
    NumberFact,
    OfficialFact,
    ParticipantsFact,
    Provenance,
)
from quizkit.extract.gazetteer import find_places, place_named
from quizkit.grading import fold
from quizkit.models import SourceRef, fold_for_id
from quizkit.questions.candidate import source_of
from quizkit.questions.caseless import Caseless
from quizkit.questions.phrasing import country_name, month_year, org_name

T = TypeVar("T")


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
    # The sentence just before a fact's sentence in its paragraph, by document and number.
    before: dict[str, dict[int, str]] = field(default_factory=dict)
    # The date facts of each document, in the order found.
    dates_in: dict[str, list[DateFact]] = field(default_factory=dict)
    # The headlines folded once: a headline may be a whole article's first line, and folding
    # it again for every fact made generating quadratic in the article's size.
    folded_headlines: dict[str, str] = field(init=False, default_factory=dict)
    # The sentences an event pattern matches, by pattern, found once per story: asking
    # whether a story tells of one phone call must not read every sentence for every fact.
    marked: dict[str, frozenset[tuple[str, int]]] = field(init=False, default_factory=dict)

    # The sentences each pattern finds, searched once per story (see sentences_matching).
    _matching: dict[re.Pattern[str] | Caseless, list[str]] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )
    # The officials by the number of a sentence naming them (see officials_at).
    _at: dict[int | None, list[Official]] | None = field(
        init=False, default=None, repr=False, compare=False
    )
    # The officials by place and office (see holding).
    _holding: dict[tuple[str, str], list[Official]] | None = field(
        init=False, default=None, repr=False, compare=False
    )
    # Whether each date fact is the date of filing, by the fact's id (a fact's hash reads all
    # its fields), with the fact kept so that its id stays its own (see is_dateline).
    _datelines: dict[int, tuple[DateFact, bool]] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )
    # Every official's names by their first three letters (see people_named_in).
    _names: dict[str, dict[str, set[str]]] | None = field(
        init=False, default=None, repr=False, compare=False
    )

    # Every official's names by person, and the full names by surname (see people_names).
    _people: dict[str, set[str]] | None = field(init=False, default=None, repr=False, compare=False)
    _by_surname: dict[str, list[str]] | None = field(
        init=False, default=None, repr=False, compare=False
    )
    # The officials by the first three letters of each of their names (see officials_in).
    _mentions: dict[str, dict[int, dict[str, list[int]]]] | None = field(
        init=False, default=None, repr=False, compare=False
    )
    # The first letters of those names, as a pattern finding where a name may start.
    _mention_starts: re.Pattern[str] = field(
        init=False, default=re.compile("(?!)"), repr=False, compare=False
    )

    # What a kind of question reads from the whole story, read once (see once).
    _once: dict[str, Any] = field(init=False, default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.folded_headlines = {k: fold_for_id(v) for k, v in self.headlines.items()}

    def once(self, key: str, make: Callable[[Story], T]) -> T:
        """What `make` reads from the whole story, read for the first question that asks it
        and kept for the others: a test per person must not read every sentence each time."""
        if key not in self._once:
            self._once[key] = make(self)
        return cast(T, self._once[key])

    def sentences_matching(self, pattern: re.Pattern[str] | Caseless) -> list[str]:
        """The sentences in which `pattern` is found: a test asked for every person of a deck
        of many articles looks at these few rather than at every sentence each time."""
        if pattern not in self._matching:
            found = pattern.found_in if isinstance(pattern, Caseless) else pattern.search
            self._matching[pattern] = [
                sentence
                for by_index in self.sentences.values()
                for sentence in by_index.values()
                if found(sentence)
            ]
        return self._matching[pattern]

    def officials_at(self, sentence_index: int) -> list[Official]:
        """The officials cited from a sentence of this number (in any document), in the
        story's order: found in one index rather than by reading every official's sources."""
        if self._at is None:
            self._at = defaultdict(list)
            for official in self.officials:
                for index in dict.fromkeys(s.sentence for s in official.sources):
                    self._at[index].append(official)
        return self._at.get(sentence_index, [])

    def holding(self, place: str, office: str) -> list[Official]:
        """The officials of one office at one place, in the story's order: each official's
        namesakes found in one index rather than by reading every official of the deck."""
        if self._holding is None:
            self._holding = defaultdict(list)
            for official in self.officials:
                self._holding[(official.place, official.office)].append(official)
        return self._holding.get((place, office), [])

    def people_named_in(self, text: str) -> set[str]:
        """The officials (by their own name) one of whose names is in the text: each place in
        the text looks up the names starting with its three letters, instead of every name of
        the deck being sought in it."""
        if self._names is None:
            self._names = defaultdict(lambda: defaultdict(set))
            for official in self.officials:
                for name in official.names | {official.person}:
                    self._names[name[:3] if len(name) >= 3 else ""][name].add(official.person)
        found: set[str] = set()
        for name, people in self._names.get("", {}).items():
            if name in text:
                found |= people
        for start in range(len(text) - 2):
            for name, people in self._names.get(text[start : start + 3], {}).items():
                if text.startswith(name, start):
                    found |= people
        return found

    def people_names(self) -> dict[str, set[str]]:
        """Each official's names (their own among them) by the person: built once per story,
        not once per date fact. Read only."""
        if self._people is None:
            self._people = {o.person: o.names | {o.person} for o in self.officials}
        return self._people

    def full_names(self, surname: str) -> set[str]:
        """The officials named in full (two words or more) whose last word is `surname`."""
        if self._by_surname is None:
            self._by_surname = defaultdict(list)
            for official in self.officials:
                words = official.person.split()
                if len(words) > 1:
                    self._by_surname[words[-1]].append(official.person)
        return set(self._by_surname.get(surname, ()))

    def officials_in(self, text: str) -> list[Official]:
        """The officials (in the story's order) one of whose names, or whose surname, is
        somewhere in the text: found by the names' first three letters, not by trying every
        official of the deck against it."""
        if self._mentions is None:
            self._mentions = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
            for number, official in enumerate(self.officials):
                surname = official.person.split()[-1] if official.person.split() else ""
                for name in official.names | {official.person, surname}:
                    first = name[:3] if len(name) >= 3 else ""
                    self._mentions[first][len(name)][name].append(number)
            # where a name can start: at a letter some name starts with (most of a
            # sentence's letters are lower case, most names' first are not)
            firsts = "".join(sorted({re.escape(key[0]) for key in self._mentions if key}))
            self._mention_starts = re.compile(f"[{firsts}]" if firsts else "(?!)")
        found: set[int] = set()
        for by_name in self._mentions.get("", {}).values():
            for name, numbers in by_name.items():
                if name in text:
                    found.update(numbers)
        for at in self._mention_starts.finditer(text, 0, max(len(text) - 2, 0)):
            start = at.start()
            # many names share their first letters: one look-up per length of name
            for length, by_name in self._mentions.get(text[start : start + 3], {}).items():
                found.update(by_name.get(text[start : start + length], ()))
        return [self.officials[number] for number in sorted(found)]

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
            people = {person for text in before for person in self.people_named_in(text)}
            if len(people) == 1:
                event = " ".join([people.pop(), *words[1:]])
        if re.search(r"\bthe country\b", event):
            # the country this sentence names (a name, not a demonym), else the one before
            named = countries_named(before[1]) or countries_named(before[0])
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
            else:
                event = _clause_country(event)
        if THIS_AS.search(event):
            # 'described this as a response to ...' just after 'Plans for a Lind Action Plan
            # were agreed': 'this' is the plan the sentence before opens with
            opening = NAMED_PLAN.match(
                self.before.get(where.source, {}).get(where.sentence_index, "")
            )
            if opening is not None:
                event = THIS_AS.sub(rf"\1 the {opening.group(1)} as", event)
        return event

    def is_dateline(self, fact: DateFact) -> bool:
        """The date of filing: on a line of its own, in the headline, or dating the headline.

        Asked of each date by several kinds of question: read once per fact."""
        known = self._datelines.get(id(fact))
        if known is not None:
            return known[1]
        headline = self.folded_headlines.get(fact.where.source, "")
        found = (
            self.is_dateline_sentence(fact.where, fact.text)
            or self.is_headline(fact.where)
            or (bool(headline) and fold_for_id(fact.event) == headline)
        )
        self._datelines[id(fact)] = (fact, found)
        return found

    def is_dateline_sentence(self, where: Provenance, text: str = "") -> bool:
        """A line that only places and dates the article ('TALLINN, Estonia, March 9')."""
        sentence = where.sentence.strip()
        words = sentence.split()
        if len(words) > 8:
            return False  # most sentences: no need to read their words
        rest = sentence.replace(text, " ").split() if text else words
        return not any(w[:1].islower() for w in rest)

    def is_headline(self, where: Provenance) -> bool:
        return fold_for_id(where.sentence) == self.folded_headlines.get(where.source, "")

    def persons(self) -> set[str]:
        return {name for o in self.officials for name in (o.person, *o.names)}


# 'described this as': 'this' standing for a thing named before, as a verb's object.
THIS_AS = re.compile(r"\b(described|called|termed|hailed|welcomed|criticised|criticized) this as\b")
# A sentence opening with a named plan or accord as its subject: 'Plans for a Lind Action Plan
# were agreed at the summit.', 'The Tarsa Accord was signed on Monday.'
NAMED_PLAN = re.compile(
    r"^(?:Plans for |The )?(?:an? |the )?((?:[A-Z][\w-]+ ){1,4}(?:Plan|Accord|Agreement|Treaty|"
    r"Pact|Initiative|Programme|Program|Strategy))(?! [A-Z])\b(?:[^,.;]*?)\b(?:was|were|is|are)"
    r" \w+ed\b"
)


def _clause_country(event: str) -> str:
    """'support for Tarsa at a meeting with the country's president': the country the clause
    itself names just before, when it names one only."""
    at = event.find("the country")
    if at < 0:
        return event
    named = {place.name for place, _s, _e in find_places(event[:at]) if place.is_country}
    if len(named) != 1:
        return event
    return event.replace("the country", country_name(named.pop()), 1)


def is_country(name: str) -> bool:
    """A country's name (not an organisation's, not a demonym)."""
    place = place_named(name)
    return bool(place and place.is_country)


def countries_named(text: str) -> set[str]:
    """The countries a sentence calls by name ('in Kenya'; not 'Kenyan troops')."""
    return {
        place.name
        for place, start, end in find_places(text)
        if place.is_country and place_named(text[start:end]) is not None
    }


def read_story(docs: Sequence[DocumentFacts]) -> Story:
    officials: dict[tuple[str, str], Official] = {}
    surnames: dict[str, Surnames] = defaultdict(Surnames)
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
        before={d.source: dict(d.before) for d in docs},
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
    surnames: dict[str, Surnames],
) -> None:
    place = fact.country or fact.org or ""
    surname = fold(fact.person.split()[-1])
    key = (place, surname)
    if key not in officials:
        other_surname = surnames[place].first_alike(surname)
        if other_surname is not None:
            key = (place, other_surname)
    if key not in officials:
        office = singular_office(fact.office)
        officials[key] = Official(fact.person, office, fact.country, fact.org, fact.former)
        surnames[place].add(surname)
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


class Surnames:
    """The surnames of one place's officials in the order met, each found again by a spelling
    one letter apart without comparing it with every other (a deck may have hundreds)."""

    def __init__(self) -> None:
        self.order: dict[str, int] = {}
        # each surname under itself and under every form with one letter left out: two
        # spellings one edit apart always share one of these
        self.by_form: dict[str, list[str]] = defaultdict(list)

    def add(self, surname: str) -> None:
        self.order.setdefault(surname, len(self.order))
        for form in _forms(surname):
            self.by_form[form].append(surname)

    def first_alike(self, surname: str) -> str | None:
        """The first surname met that `_same_surname` takes for this one, or None."""
        alike = {
            other
            for form in _forms(surname)
            for other in self.by_form.get(form, ())
            if _same_surname(surname, other)
        }
        return min(alike, key=self.order.__getitem__) if alike else None


def _forms(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _same_surname(a: str, b: str) -> bool:
    """Shoigu and Shoygu: one letter apart in a long surname is one person's two spellings."""
    if a == b:
        return True
    from rapidfuzz.distance import Levenshtein

    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


def document_of(source: str) -> str:
    return Path(source).stem
