"""Officials: a person, the office they hold and the country or organisation they serve.

Each office found in a sentence (offices.py) is given its holder: the name after it
("President Ana Torres", "the president, Ana Torres"), before it in apposition ("Ana
Torres, Chile's finance minister") or shared with the office after it ("Deputy Prime
Minister and Foreign Minister Ana Torres"). A mention with no place written beside it
takes the one the text around suggests.

Mentions are then merged: one person under several spellings, within and across
documents, becomes one official per place, with aliases.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TypeVar

from quizkit.extract.facts import OfficialFact, Provenance
from quizkit.extract.gazetteer import (
    PRESIDENTIAL_REPUBLICS,
    Place,
    find_places,
    fold,
    longest_place_at,
    organisation_long_names,
    place_named,
)
from quizkit.extract.names import (
    APPOINTING_VERB,
    appointed_name,
    appositive_name,
    name_after,
    name_key,
    surname,
)
from quizkit.extract.offices import (
    CLAUSE_WORDS,
    COMMA,
    PREPOSITION_AFTER,
    STATE_OFFICE,
    Office,
    local_organisations,
    read_office,
)
from quizkit.extract.text import Sentence, lowered
from quizkit.extract.titles import OFFICE_HEAD

_AND = re.compile(r"[ \t]+and[ \t]+")
# "OPEC's president, who is also Algeria's oil minister, Ana Torres"
_WHO_IS_ALSO = re.compile(r"[ \t]*,[ \t]+who[ \t]+(?:is|was)[ \t]+also[ \t]+[^,]{1,80},[ \t]")
_OF_AFTER_NAME = re.compile(r",?\s+of\s+(?:the\s+)?")
_NAMES_AND = re.compile(r"(?:[ \t]*,)?[ \t]+and[ \t]+|[ \t]*,[ \t]+")


@dataclass(frozen=True)
class OfficialMention:
    """One mention of an office holder in one sentence, before merging.

    `place` is written beside the office; `context` is what the text around suggests
    when nothing is ("the country's president", a country named earlier in the sentence,
    the place of the office before in a coordination).
    """

    person: str
    office: str
    place: Place | None
    start: int
    end: int
    sentence: Sentence
    text: str
    former: bool = False
    context: Place | None = None
    # An office of a state, which may take the country an article is about.
    state: bool = False
    # Written as a title right before the name ("President Vega").
    titled: bool = False
    # The country named in the sentence before, for a state office when the article
    # has no country of its own ("Malaysia's economy grew. Prime Minister Anwar said").
    previous_country: Place | None = None
    # The country named last before it (this sentence or the one before), for a state
    # office the article's country does not have ("Prime Minister X" in a US story).
    nearest_country: Place | None = None
    # The surname of the office-holder an adviser or aide serves: "an adviser to Mr Vega".
    serves: str | None = None


def find_officials(
    text: str,
    sentences: list[Sentence],
    places: list[tuple[Place, int, int]] | None = None,
    lower: str | None = None,
) -> list[OfficialMention]:
    """Every office holder mentioned in the sentences, in text order (`lower`: lowered(text),
    when the caller has it already)."""
    lower = lowered(text) if lower is None else lower
    places = find_places(text) if places is None else places
    local = local_organisations(text)
    found: list[OfficialMention] = []
    last: Sentence | None = None
    verb = 0
    for sentence, m in _office_heads(lower, sentences):
        if sentence is not last:
            # where a verb that may give an office first stands, once per sentence
            last, found_verb = sentence, APPOINTING_VERB.search(text, sentence.start, sentence.end)
            verb = found_verb.start() if found_verb else sentence.end
        found.extend(_read_mentions(text, lower, sentence, m, local, verb < m.start()))
    found = _without_overlaps(_counterparts(found))
    return _aides(_with_context(text, found, places))


# The words an office head begins with: every alternative of OFFICE_HEAD starts with one
# (a test checks it). Found after a non-word character, they are the few places the long
# pattern can match, which is then tried there only, not at every character of the text.
_HEAD_FIRST_WORDS = (
    "prime crown supreme chief attorne high secretar director chancellor commander vice "
    "taoiseach first minister premier president king queen emir sultan speaker sen congress "
    "mayor intendant commissioner administrator ambassador judge advis leader "
    "dictator ruler head spokes chair envoy delegate rep counterpart gov"
)
_HEAD_FIRST = tuple(_HEAD_FIRST_WORDS.split())


def _head_starts(lower: str) -> list[int]:
    """Where a head's first word begins after a non-word character, and the text's start.

    Each word is looked for with str.find, which skips through the text far faster than
    a pattern of alternatives tried at every non-word character. The words are letters
    only: an occurrence starting inside another has a letter before it and is no start.
    """
    found = {0}
    for word in _HEAD_FIRST:
        at = lower.find(word, 1)
        while at != -1:
            before = lower[at - 1]
            if not (before.isalnum() or before == "_"):
                found.add(at)
            at = lower.find(word, at + len(word))
    return sorted(found)


def _office_heads(lower: str, sentences: list[Sentence]) -> list[tuple[Sentence, re.Match[str]]]:
    """`OFFICE_HEAD.finditer(lower, sentence.start, sentence.end)` for every sentence, with
    the pattern tried only where a head's first word begins (and at the text's start)."""
    starts = _head_starts(lower)
    found: list[tuple[Sentence, re.Match[str]]] = []
    for sentence in sentences:
        pos = sentence.start
        for i in range(bisect_left(starts, pos), len(starts)):
            at = starts[i]
            if at >= sentence.end:
                break
            if at < pos:
                continue
            m = OFFICE_HEAD.match(lower, at, sentence.end)
            if m:
                found.append((sentence, m))
                pos = m.end()
    return found


def _aides(mentions: list[OfficialMention]) -> list[OfficialMention]:
    """An aide serves the country of the head of state or government they work for:
    "Ana Ruiz, an adviser to Mr Vega" after "Chile's President, Luis Vega"."""
    heads: dict[str, OfficialMention] = {}
    for mention in mentions:
        if mention.place and mention.place.is_country and _HEAD.fullmatch(mention.office.lower()):
            heads.setdefault(name_key(surname(mention.person)), mention)
    out = []
    for mention in mentions:
        head = heads.get(name_key(mention.serves)) if mention.serves else None
        if head is not None:
            office = f"{mention.office} to the {head.office}"
            mention = replace(mention, office=office, context=head.place, state=True)
        out.append(mention)
    return out


_HEAD = re.compile(r"president|prime minister|chancellor|premier")


def _counterparts(mentions: list[OfficialMention]) -> list[OfficialMention]:
    """A counterpart holds the office of the person met: "the minister met her Peruvian
    counterpart" makes a Peruvian minister. Being of another country by definition, a
    counterpart never takes the country of the article or of the sentence."""
    out: list[OfficialMention] = []
    last: OfficialMention | None = None  # the latest mention that is not a counterpart
    for mention in mentions:
        if mention.office.startswith("Counterpart"):
            if last and last.sentence is mention.sentence and last.start < mention.start:
                mention = replace(mention, office=last.office)
        else:
            last = mention
        out.append(mention)
    return out


def _without_overlaps(mentions: list[OfficialMention]) -> list[OfficialMention]:
    """One mention per person and span: "Deputy Prime Minister and Foreign Minister X"."""
    out: list[OfficialMention] = []
    places: dict[tuple[str, int], set[Place | None]] = {}
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        seen = places.setdefault((mention.person, mention.sentence.index), set())
        if seen and (mention.place is None or mention.place in seen):
            continue
        seen.add(mention.place)
        out.append(mention)
    out.sort(key=lambda m: m.start)
    return out


def _read_mentions(
    text: str,
    lower: str,
    sentence: Sentence,
    m: re.Match[str],
    local: dict[str, Place],
    verb_before: bool,
) -> list[OfficialMention]:
    """The holders of the office at `m`; `verb_before` tells whether a verb that may give
    an office ("made", "elected") stands before it in the sentence."""
    office = read_office(text, lower, sentence, m, local)
    if office is None:
        return []
    given = appointed_name(text, sentence.start, m.start()) if verb_before else None
    if given and given[1] >= office.start and not _YEAR.search(text, sentence.start, sentence.end):
        # "the deal made Ana Torres president": the name is no body the office belongs to;
        # with a year in the sentence, the office may be long gone
        state = bool(STATE_OFFICE.search(office.office.lower()))
        return [
            _mention(
                text,
                sentence,
                replace(office, start=m.start(), state=state),
                given,
                None,
                given[1],
                office.end,
            )
        ]
    names = _names_after(text, office, sentence)
    if names:
        titled = text[m.start()].isupper() and not office.former
        return [
            _mention(text, sentence, office, name, place, office.start, name[2], titled)
            for name, place in names
        ]
    shared = _name_of_next_office(text, lower, sentence, office, local)
    if shared:
        return [_mention(text, sentence, office, shared, None, office.start, shared[2])]
    name = None
    if office.determiner or office.this_country or office.place:
        end = office.end
        if office.place and not office.state:
            end = _of_phrase_end(text, lower, end, sentence.end)
        also = _WHO_IS_ALSO.match(text, end, sentence.end)
        comma = also or COMMA.match(text, end, sentence.end)
        name = name_after(text, comma.end() - 1, sentence.end) if comma else None
        if name:
            return [_mention(text, sentence, office, name, None, office.start, name[2])]
    name = appositive_name(text, sentence.start, office.start)
    if name:
        mention = _mention(text, sentence, office, name, None, name[1], office.end)
        served = _SERVES.match(text, office.end, sentence.end)
        if served and mention.place is None and _AIDE.search(office.office):
            mention = replace(mention, serves=served.group(1))
        return [mention]
    return []


# "an adviser to Mr Vega", "a senior aide to President Vega": whom an aide works for.
_AIDE = re.compile(r"\b(?:advis[eo]r|aide)$", re.IGNORECASE)
_SERVES = re.compile(
    r"[ \t]+to[ \t]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+|President[ \t]+|Prime[ \t]+Minister[ \t]+)"
    r"([A-Z][\w’'-]+)(?=[ \t]*[,.;])"
)


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _name_of_next_office(
    text: str, lower: str, sentence: Sentence, office: Office, local: dict[str, Place]
) -> tuple[str, int, int] | None:
    """The holder of two offices joined by "and": "Deputy Prime Minister and Foreign
    Minister Ana Torres" names Ana Torres for both."""
    joined = _AND.match(lower, office.end, sentence.end)
    if not joined:
        return None
    following = OFFICE_HEAD.search(lower, joined.end(), min(sentence.end, joined.end() + 40))
    if not following:
        return None
    second = read_office(text, lower, sentence, following, local)
    if second is None or second.start != joined.end():
        return None
    names = _names_after(text, second, sentence)
    return names[0][0] if len(names) == 1 else None


def _of_phrase_end(text: str, lower: str, pos: int, limit: int) -> int:
    """The end of a short "of ..." after an office, up to a comma: "head of investment,"."""
    of = PREPOSITION_AFTER.match(lower, pos, limit)
    if not of or of.group(1) != "of":
        return pos
    stop = lower.find(",", of.end(), min(limit, of.end() + 50))
    if stop < 0:
        return pos
    words = lower[of.end() : stop].split()
    if len(words) > 5 or any(w in CLAUSE_WORDS for w in words):
        return pos
    return stop


def _mention(
    text: str,
    sentence: Sentence,
    office: Office,
    name: tuple[str, int, int],
    own_place: Place | None,
    start: int,
    end: int,
    titled: bool = False,
) -> OfficialMention:
    place = own_place or office.place
    if place is None and _US_PARTY_TAG.match(text, end, sentence.end):
        place = place_named("United States")  # "Sen. Ana Torres (D-Okla.)"
    if place is None:
        after = _OF_AFTER_NAME.match(text, end, sentence.end)
        hit = longest_place_at(text, after.end(), limit=sentence.end) if after else None
        if hit and hit[0].is_country:
            place, end = hit[0], hit[1]
    return OfficialMention(
        name[0],
        office.office,
        place,
        start,
        end,
        sentence,
        text[start:end],
        office.former,
        _THIS_COUNTRY_MARK if office.this_country else None,
        office.state,
        titled,
    )


# A US legislator's party and state after the name: "(D-Okla.)", "(R-Texas)".
_US_PARTY_TAG = re.compile(r"\s*\([DRI]-[A-Z][A-Za-z.]{1,12}(?: [A-Z][A-Za-z.]{1,12})?\)")

# A stand-in context meaning "the country the text last named", resolved afterwards.
_COORDINATION_GAP = re.compile(r"\s*(?:,\s*)?(?:and|as well as)?\s*")
_THIS_COUNTRY_MARK = Place("\x00this country", True)


_PLURAL = re.compile(r"(?:s|men|women|people|ies[\s-]general)$")


def _names_after(
    text: str, office: Office, sentence: Sentence
) -> list[tuple[tuple[str, int, int], Place | None]]:
    """Names after an office, each with its own "of <country>": one, or a list after a
    plural office ("Foreign Ministers Ana Torres of Chile and Luis Vega of Peru")."""
    out: list[tuple[tuple[str, int, int], Place | None]] = []
    plural: bool | None = None  # read once a name follows
    pos = office.end
    while True:
        name = name_after(text, pos, sentence.end)
        if not name:
            break
        if plural is None:
            plural = bool(_PLURAL.search(office.office.lower()))
        own: Place | None = None
        end = name[2]
        after = _OF_AFTER_NAME.match(text, end, sentence.end)
        hit = longest_place_at(text, after.end(), limit=sentence.end) if after else None
        if hit and hit[0].is_country:
            own, end = hit[0], hit[1]
        out.append(((name[0], name[1], end), own))
        if not plural:
            break
        joiner = _NAMES_AND.match(text, end, sentence.end)
        if not joiner:
            break
        pos = joiner.end() - 1
    return out


def _with_context(
    text: str, mentions: list[OfficialMention], places: list[tuple[Place, int, int]]
) -> list[OfficialMention]:
    """Give mentions with no place of their own the one the text around suggests.

    In order: "the country's president" takes the country named last before it; the
    second office of a coordination takes the place of the first ("Chile's finance
    minister X and trade minister Y"); a state office takes a country named earlier
    in its sentence and not written beside another office.
    """
    free = _free_countries(mentions, places)
    ends = [p[2] for p in free]
    out: list[OfficialMention] = []
    previous: OfficialMention | None = None
    for mention in mentions:
        context = None
        if mention.place is not None:
            pass
        elif mention.context == _THIS_COUNTRY_MARK:
            # the country of this sentence or the one before; beyond that, unsure
            before = _countries_before(text, free, ends, mention)
            context = before[-1][0] if before else None
        elif (
            previous
            and previous.sentence is mention.sentence
            and (previous.place or previous.context)
            and _COORDINATION_GAP.fullmatch(text, previous.end, max(previous.end, mention.start))
        ):
            context = previous.place or previous.context
        elif mention.state:
            before = _countries_before(text, free, ends, mention)
            same = [p for p in before if p[1] >= mention.sentence.start]
            context = same[-1][0] if same else None
            if context is None and before:
                # its subject, most often
                mention = replace(
                    mention, previous_country=before[0][0], nearest_country=before[-1][0]
                )
        if context != mention.context:
            mention = replace(mention, context=context)
        out.append(mention)
        previous = out[-1]
    return out


def _free_countries(
    mentions: list[OfficialMention], places: list[tuple[Place, int, int]]
) -> list[tuple[Place, int, int]]:
    """Countries named in the text and not written beside an office, in text order."""
    spans = sorted((m.start, m.end) for m in mentions)
    free = []
    i = 0
    for place in places:
        if not place[0].is_country:
            continue
        while i < len(spans) and spans[i][1] <= place[1]:
            i += 1
        for a, b in spans[i : i + 3]:
            if a <= place[1] < b:
                break
        else:
            free.append(place)
    return free


def _countries_before(
    text: str, free: list[tuple[Place, int, int]], ends: list[int], mention: OfficialMention
) -> list[tuple[Place, int, int]]:
    """Free countries in the sentence of a mention, before it, or in the sentence before."""
    floor = mention.sentence.start - 400
    out = []
    for i in range(bisect_right(ends, mention.start) - 1, -1, -1):
        place = free[i]
        if place[1] < floor or not _near(text, place[2], mention.start):
            break
        out.append(place)
    out.reverse()
    return out


def _near(text: str, end: int, start: int) -> bool:
    """Whether text[end:start] spans at most one sentence boundary (and is not long);
    the text is read up to a second boundary only."""
    if start - end > 1500:
        return False
    boundaries = _SENTENCE_END.finditer(text, end, start)
    return next(boundaries, None) is None or next(boundaries, None) is None


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])|\n")


@dataclass
class _Person:
    """Mentions taken to be one person, across documents; `forms` has one per name and place."""

    mentions: list[tuple[str, OfficialMention]]
    forms: dict[tuple[str, Place | None], OfficialMention]


class _Namesakes:
    """The people of one surname, in the order first met. A mention is the first of them
    with a form of the same first name (its first three letters, when both give one) and
    the same place (when both give one); else a new person.

    Found through the first person with each first name and place, and with each alone,
    not person by person: an article naming thousands of people of one surname (a list, or
    a hostile text) costs no more a mention than one naming a few.
    """

    def __init__(self) -> None:
        self.people: list[_Person] = []
        self._first: dict[tuple[object, object], int] = {}  # (first name, place) -> person

    def add(self, source: str, mention: OfficialMention) -> _Person | None:
        """The mention added to the person it is taken to be; that person, when new."""
        first, place = _first_name(mention), mention.place
        names = (_ANY,) if first is None else (None, first)
        places = (_ANY,) if place is None else (None, place)
        index = min(self._first.get((n, p), len(self.people)) for n in names for p in places)
        new = index == len(self.people)
        if new:
            self.people.append(_Person([], {}))
        person = self.people[index]
        person.mentions.append((source, mention))
        if (mention.person, place) not in person.forms:
            person.forms[(mention.person, place)] = mention
            for key in ((first, place), (first, _ANY), (_ANY, place), (_ANY, _ANY)):
                self._first[key] = min(self._first.get(key, index), index)
        return person if new else None


_ANY = object()  # any first name or place, in `_Namesakes`' keys


def _first_name(mention: OfficialMention) -> str | None:
    """What `_Namesakes` compares of a first name: None for a surname alone."""
    words = mention.person.split()
    return name_key(words[0])[:3] if len(words) > 1 else None


def merge_officials(
    mentions: list[tuple[str, OfficialMention]],
    home_country: dict[str, Place | None],
    texts: dict[str, str] | None = None,
    wire_country: dict[str, Place | None] | None = None,
) -> dict[str, list[OfficialFact]]:
    """Official facts per source: one per person and place, with aliases from every document.

    `mentions` pairs each mention with its source; `home_country` gives the
    country an article is about, used only for state offices written with no
    country at all ("Prime Minister X"); `texts` lets an organisation be reported
    under the name its article uses; `wire_country` is the country of a wire's
    dateline city, which a state office written with no country serves.
    """
    people: list[_Person] = []
    by_surname: dict[str, _Namesakes] = {}
    for source, mention in mentions:
        namesakes = by_surname.setdefault(name_key(mention.person.split()[-1]), _Namesakes())
        if person := namesakes.add(source, mention):
            people.append(person)
    facts: dict[str, list[OfficialFact]] = {}
    headlines: dict[str, Place | None] = {}

    def headline(source: str) -> Place | None:
        """The country an article's headline names first, read once when first needed."""
        if source not in headlines:
            text = (texts or {}).get(source)
            headlines[source] = None if text is None else _headline_country(text)
        return headlines[source]

    for person in people:
        for source, fact in _facts_of(person, home_country, wire_country or {}, headline):
            if texts and fact.org:
                as_written = _organisation_as_written(fact.org, texts.get(source, ""))
                if as_written != fact.org:
                    fact = replace(fact, org=as_written)
            facts.setdefault(source, []).append(fact)
    for source, found in facts.items():
        found[:] = _one_holder(_full_names(_us_secretaries(found, (texts or {}).get(source))))
        found.sort(key=lambda f: f.where.start)
    return facts


# "Secretary of State" with no country beside it is the US title; the text must say it is
# the US that is meant (a story told from Seoul would otherwise lend it Korea).
_SECRETARY_OF_STATE = re.compile(r"(?:the\s+)?secretary\s+of\s+state\b", re.IGNORECASE)
_US_IN_TEXT = re.compile(
    r"\b(?:U\.S\.|US|USA|United States|American|Washington|WASHINGTON|White House)\b"
)


def _us_secretaries(facts: list[OfficialFact], text: str | None) -> list[OfficialFact]:
    """A guessed Secretary of State is the United States' when the text names the US, and is
    left out otherwise: the country guessed from the text around is another's."""
    out = []
    for fact in facts:
        if fact.guessed and _SECRETARY_OF_STATE.match(fact.text) and text is not None:
            if not _US_IN_TEXT.search(text):
                continue
            fact = replace(fact, office="Secretary of State", country="United States", org=None)
        out.append(fact)
    return out


def _one_holder(facts: list[OfficialFact]) -> list[OfficialFact]:
    """Move an office whose country was only guessed when the article names another holder
    of that office there ("President Vega" is not Chile's president beside "Chilean
    President Ana Torres"), or when another guessed holder's own sentence names the country
    and this one's does not ("President Kibaki" is not Benin's beside "in Benin, where he
    met President Yayi Boni"), to the country named just before it if that one has no
    other holder of the office; else drop it."""
    current = [f for f in facts if f.country and not f.former]
    written = {(fold(f.office), f.country, fold(f.person)) for f in current if not f.guessed}
    guessed = [f for f in current if f.guessed]
    if len(guessed) > 1:
        held = Counter((fold(f.office), f.country) for f in guessed)
        told = {
            (fold(f.office), f.country, fold(f.person))
            for f in guessed
            if held[(fold(f.office), f.country)] > 1 and _names_country(f)
        }
    else:
        told = set()

    def another(f: OfficialFact, holders: set[tuple[str, str | None, str]]) -> bool:
        return any(
            o == fold(f.office) and c == f.country and p != fold(f.person) for o, c, p in holders
        )

    # every holder of an office, for a moved one not to take another's
    holders = {(fold(f.office), f.country, fold(f.person)) for f in current}
    out = []
    for f in facts:
        if (
            f.guessed
            and not f.former
            and (
                another(f, written)
                or (
                    f.country
                    and another(f, told)
                    and (fold(f.office), f.country, fold(f.person)) not in told
                )
            )
        ):
            target = place_named(f.fallback) if f.fallback else None
            moved = replace(f, country=f.fallback, org=None, fallback=None)
            if target and not _has_no(target, f.office) and not another(moved, holders):
                out.append(moved)
            continue
        out.append(f)
    return out


def _names_country(fact: OfficialFact) -> bool:
    """The sentence of a guessed office names its country: "in Benin, where he met President
    Yayi Boni" is as good as written beside it, against a "President Kibaki" told elsewhere."""
    place = place_named(fact.country or "")
    return place is not None and any(
        p[0] == place for p in find_places(fact.where.sentence) if p[0].is_country
    )


def _full_names(facts: list[OfficialFact]) -> list[OfficialFact]:
    """A holder named by surname alone under one office takes the full name the article
    gives them under another ("Brandt is an envoy" after "Tomas Brandt, the minister")."""
    full: dict[str, set[str]] = {}
    for fact in facts:
        if " " in fact.person:
            full.setdefault(name_key(fact.person.split()[-1]), set()).add(fact.person)
    out = []
    for fact in facts:
        fuller = full.get(name_key(fact.person), set()) if " " not in fact.person else set()
        if len(fuller) == 1:
            (person,) = fuller
            aliases = tuple(sorted({*fact.aliases, fact.person} - {person}))
            fact = replace(fact, person=person, aliases=aliases)
        out.append(fact)
    return out


@lru_cache(maxsize=256)
def _organisation_as_written(short: str, text: str) -> str:
    """An organisation under its short name when the article uses it, else as written."""
    longs = [long for long, s in organisation_long_names().items() if s == short]
    shorts = len(re.findall(rf"\b{re.escape(short)}\b", text))
    inside = sum(len(re.findall(re.escape(long), text)) for long in longs if short in long)
    if shorts > inside:
        return short
    for long in sorted(longs, key=len, reverse=True):
        if long in text:
            return long
    return short


def _home_of(office: str, home: Place | None) -> Place | None:
    """The article's country for a state office written without one.

    An envoy in an article about a country is as often a foreign one, so an envoy
    takes it only when the office names another country ("ambassador to Peru").
    """
    if home is None or not _SENT.search(office.lower()):
        return home
    sent_to = re.search(r" (?:to|in) (.+)$", office)
    return home if sent_to and sent_to.group(1) != home.name else None


_SENT = re.compile(r"ambassador|envoy|delegate")

# Offices a country's government does not have: a "Prime Minister X" in a story about
# the United States is another country's. Presidential republics have no prime minister;
# the United States has no minister, chancellor or monarch either.
_NO_PRIME_MINISTER = re.compile(r"\b(?:prime minister|premier)\b")
_NO_SUCH_OFFICE = {name: _NO_PRIME_MINISTER for name in PRESIDENTIAL_REPUBLICS}
_NO_SUCH_OFFICE["United States"] = re.compile(
    r"\b(?:prime minister|premier|chancellor|minister|king|queen)\b"
)


def _has_no(place: Place, office: str) -> bool:
    """Whether the country has no office of that name, so cannot be the holder's."""
    lacking = _NO_SUCH_OFFICE.get(place.name)
    return lacking is not None and lacking.search(office.lower()) is not None


# Heads of state and government, and ministers: in a wire filed abroad they are as
# often the story's own country's as the dateline's.
_HEAD_OR_MINISTER = re.compile(r"president|prime minister|premier|chancellor|king|queen|minister")


def _headline_country(text: str) -> Place | None:
    """The first country a headline names: the story's subject ("Chilean minister visits
    Peru" is a story about Chile)."""
    first = text.split("\n", 1)[0]
    countries = [p for p, _, _ in find_places(first) if p.is_country]
    return countries[0] if countries else None


def _facts_of(
    person: _Person,
    home_country: dict[str, Place | None],
    wire_country: dict[str, Place | None],
    headline_country: Callable[[str], Place | None] | None = None,
) -> list[tuple[str, OfficialFact]]:
    names = list(dict.fromkeys(m.person for _, m in person.mentions))
    forms = set(names) | {surname(n) for n in names}
    out: list[tuple[str, OfficialFact]] = []
    by_source: dict[str, list[OfficialMention]] = {}
    for source, mention in person.mentions:
        by_source.setdefault(source, []).append(mention)
    for source, own in by_source.items():
        # a place this article writes beside the person; another article's only when
        # this one gives none and names the same office, or a state's office, there
        place = _most_common(m.place for m in own if m.place)
        guessed_here = place is None
        office = _most_common(m.office for m in own if m.place == place or m.place is None)
        if office is None:
            office = own[0].office
        if place is None:
            state = any(m.state for m in own)
            place = _most_common(
                m.place
                for _, m in person.mentions
                if m.place and (fold(m.office) == fold(office) or (state and m.state))
            )
        guessed = guessed_here
        if place is None:
            place = _most_common(m.context for m in own if m.context)
        if place is None and any(m.state for m in own):
            wire = wire_country.get(source)
            home = home_country.get(source)
            if not _HEAD_OR_MINISTER.search(office.lower()) or home is None:
                home = wire or home
            if home is None:
                home = _most_common(m.previous_country for m in own if m.previous_country)
            if home is None and any(m.titled for m in own):
                # a titled office no sentence near places: the country the headline names first
                home = headline_country(source) if headline_country else None
            place = _home_of(office, home)
            if place is not None and _has_no(place, office):
                place = _most_common(m.nearest_country for m in own if m.nearest_country)
                if place is not None and _has_no(place, office):
                    place = None
        if place is None:
            continue
        if all(" " not in m.person for m in own) and not any(m.place or m.titled for m in own):
            continue  # one word and no place written beside it: "the president, Hotel"
        name = max((m.person for m in own), key=lambda n: len(n.split()))
        first = own[0]
        where = Provenance(
            source, first.sentence.text, first.sentence.index, first.start, first.end
        )
        aliases = tuple(sorted(f for f in forms if fold(f) != fold(name)))
        country = place.name if place.is_country else None
        org = None if place.is_country else place.name
        former = all(m.former for m in own)
        fallback = (
            _most_common(m.nearest_country for m in own if m.nearest_country) if guessed else None
        )
        fact = OfficialFact(
            name,
            office,
            country,
            org,
            aliases,
            first.text,
            where,
            former=former,
            guessed=guessed,
            fallback=fallback.name if fallback and fallback != place else None,
        )
        out.append((source, fact))
    return out


_T = TypeVar("_T")


def _most_common(items: Iterable[_T]) -> _T | None:
    """The item seen most often, the first seen among equals (as `Counter.most_common(1)`
    picks it), or None when there is none: without a Counter's cost for a few items."""
    counts: dict[_T, int] = {}
    for item in items:
        counts[item] = counts.get(item, 0) + 1
    return max(counts, key=counts.__getitem__) if counts else None
