"""Participating countries: the set of countries taking part in an event.

Two forms are read. In the first, office holders of several countries (named in full
or, once the article has introduced them, by surname) meet, talk, phone, sign or agree
in one sentence: "Chilean President X met his Peruvian counterpart Y", "In a telephone
call with X, Y said", "X and Y signed a joint statement". When the holders are written
as one coordination ("X and Y") the set is that coordination, so a third person who
only reads the statement out is left aside.

In the second, countries are written as one list introduced as the members of a
group or the parties to something: "forces of A, B and C", "A and B plan to hold
exercises", "host nations are A, B and C", "the president visits A, B and C",
"observers arrived from A, B and C". Lists in other sentences (trade figures, places
hit by a storm) and lists of possessives ("A's and B's programmes") are left alone.
Two sides of a confrontation are never a set.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from quizkit.extract.clauses import event_phrase, tidy
from quizkit.extract.facts import OfficialFact, ParticipantsFact, Provenance
from quizkit.extract.gazetteer import Place, fold
from quizkit.extract.names import is_common_word
from quizkit.extract.officials import OfficialMention
from quizkit.extract.text import Sentence

# Words that make a sentence about office holders one of them taking part together.
# Each pattern of words below starts with a lookahead on the first letters its words
# can have: a cheap test that lets the scan skip most positions of a sentence. Here the
# words are grouped by their first letter, written first, so the scan skips to those letters.
_TOGETHER = re.compile(
    r"""(?:
        t(?<=\b.)(?:ook\ part|ake\ part|aking\ part|alks|alked|elephoned|elephone|reaty)
      | p(?<=\b.)(?:articipated|articipate|honed|hone\ call|ress\ conference)
      | a(?<=\b.)(?:ttended|ttend|ppeared\ with|greed|greement|ccord)
      | j(?<=\b.)(?:oined|oint|ointly)
      | g(?<=\b.)athered
      | m(?<=\b.)(?:et|eet|eets|eeting)
      | h(?<=\b.)(?:eld\ talks|osted)
      | s(?<=\b.)(?:poke\ (?:with|to)|peaking\ (?:with|to)|igned|ummit|hook\ hands|haking\ hands)
      | b(?<=\b.)y\ phone
      | c(?<=\b.)(?:onversation|onferred)
      | n(?<=\b.)egotiat\w+
    )\b(?:\s+in\b)?""",
    re.VERBOSE,
)


def _may_tell_of_meeting(sentence: str) -> bool:
    """Whether a sentence holds a word every match of _TOGETHER has in it: one substring
    test each is cheaper than the scan, and most sentences fail them all."""
    return (
        "met" in sentence
        or "meet" in sentence
        or "talk" in sentence
        or "part" in sentence
        or "phone" in sentence
        or "agree" in sentence
        or "sign" in sentence
        or "join" in sentence
        or "attend" in sentence
        or "accord" in sentence
        or "confer" in sentence
        or "summit" in sentence
        or "treaty" in sentence
        or "hosted" in sentence
        or "gathered" in sentence
        or "negotiat" in sentence
        or "conversation" in sentence
        or "appeared with" in sentence
        or "spoke" in sentence
        or "speaking" in sentence
        or "hands" in sentence
    )


_REPORTED = re.compile(r"\b(?:said|says|told|added|stated|according to)\b")
_CONFRONTATION = re.compile(
    r"\b(?:accus\w*|condemn\w*|summon\w*|charged|blamed|critici[sz]ed|denied|rejected"
    r"|attack\w*|strikes?|sanctions?|war|invaded?|invasion|recalled|expelled"
    r"|warned|threatened|clash\w*|fighting|dispute|conflict|feud)\b"
)
_AGREEMENT = re.compile(r"\b(?:agreed|signed|agreement|talks|met|meeting|ceasefire|truce)\b")
# "The presidents of each country agreed": the countries of the list just before.
_THOSE_AGREED = re.compile(
    r"\b(?:each|both|the two|the three|the four|all(?: \w+)?) (?:countries|nations|governments"
    r"|sides|states|country|nation|government|side)\b[^.;]{0,30}?\b(?:agreed|signed|reached"
    r"|approved|decided)\b"
)
# "the countries' 1979 peace treaty": a pact of the two countries the sentence names.
_THEIR_PACT = re.compile(
    r"\b(?:the|both)\s+(?:two\s+)?(?:countries|nations|governments)['’]\s+(?:\d{4}\s+)?"
    r"(?:\w+\s+)?(?:treaty|agreement|accord|pact|deal)\b"
    r"|\b(?:treaty|agreement|accord|pact|deal)\s+between\s+the\s+(?:two\s+)?(?:countries|nations)\b"
)
_CLAUSE_END = re.compile(r"[,;]|(?<![A-Z])\.(?:\s|$)")
_EVENT_WORDS = re.compile(
    r"(?=[acdefhjlmnoprstv])\b(?:forces|troops|soldiers|peacekeepers|contingents?|ministers|leaders|delegations?"
    r"|delegates|observers|monitors|representatives|meeting|summit|talks|conference"
    r"|exercises?|drills|statement|agreement|treaty|deal|mission|operation|signed"
    r"|took part|participat\w*|attended|joined|members?|member states|alliance|coalition"
    r"|counterparts|colleagues|host|hosts|hosting|nations|countries|visits?|visiting"
    r"|trip|tour|negotiations|partners|agreed|agree|pact|accord)\b",
)
_LIST_INTRO = re.compile(
    r"(?:\b(?:of|from|between|among|including|by|with|namely|are|were|include|includes"
    r"|comprising|comprises|consisting of|made up of"
    r"|included|visits|visited|visiting|toured|members|member states|partners|allies)"
    r"|\b(?:trip|tour|visits?|journey)\s+(?:to|in)"
    r"|[—–:;])\s+(?:the\s+)?$"
)
# "A hosted its counterparts from B and C": the host takes part too.
_HOST = re.compile(
    r"\b(?:hosted|hosts|welcomed|welcomes|received|receives)\s+(?:its|their|the)\s+"
    r"(?:counterparts|colleagues|leaders|ministers|delegations|guests)\s+from\s+(?:the\s+)?$"
)
_VENUE = re.compile(
    r"\b(?:met|meet|meets|meeting|talks|summit|conference|signed|gathered|held)\b[^;,]{0,40}?"
    r"\b(?:in|at)\s+(?:the\s+)?([A-Z][\w’'\-]+(?:[ \t][A-Z][\w’'\-]+){0,2})"
)
_BY = re.compile(r"\bby\s+(?:the\s+)?$")
_TRIP = re.compile(r"\b(?:trip|tour|visits?|journey)\b")
_JOINER = re.compile(
    r"^(?:,\s*(?:and\s+|as well as\s+|plus\s+)?|;\s*(?:and\s+|plus\s+)?"
    r"|\s+(?:and|as well as|plus)\s+)(?:the\s+)?$"
)
# A list that is the subject of its clause: "On Feb. 10, A and B began joint drills".
_CLAUSE_START = re.compile(r"(?:,\s+|\b(?:in which|where|which|as|that)\s+)(?:the\s+)?$")
_VERB_AFTER = re.compile(
    r"\s+(?:(?:have|has|had|will|would|also|jointly|may|on\s+\w+)\s+)?"
    r"(?:signed|agreed|agree|held|hold|began|started|launched|conducted|conduct|joined|took"
    r"|issued|adopted|pledged|sent|deployed|met|announced|backed|endorsed|approved|plan"
    r"|plans|planned|to|host|hosted|reached|participate|participated|opened|resumed"
    r"|concluded|completed|established|restored|formed|set up|created|will)\b"
)
_GROUP_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:troops|forces|soldiers|peacekeepers|leaders|ministers|officials"
    r"|delegations|diplomats|counterparts|contingents|units|servicemen|warships|jets)\b"
)
# An organisation that takes part itself: "NATO leaders", "EU ministers", "the AU delegation".
_ORG_PARTY = re.compile(r"\s+(?:leaders|ministers|delegation|delegates|officials|members)\b")
_COORDINATED = re.compile(r"\s*,?\s*(?:and|as well as)\s+|\s*,\s*")
_POSSESSIVE_AFTER = re.compile(r"['’]s?\b")
_NEGATED = re.compile(
    r"\b(?:not|no|never|refused|refuses|declined|ruled out|cancel(?:l?ed|s)?|postponed"
    r"|called off|failed)\b"
)
_SPECULATIVE = re.compile(r"\b(?:expected|anticipated|likely|hoped|invited)\s+to\b")
_WITH_COUNTRY = re.compile(r"\bwith\s+(?:the\s+)?$")
_TRAVEL_TO = re.compile(r"\b(?:in|to)\s+(?:the\s+)?$")
_NAME_WORD = re.compile(r"[A-Z][\w’'\-]+")


def find_participants(
    source: str,
    text: str,
    sentences: list[Sentence],
    officials: list[OfficialMention],
    places: list[tuple[Place, int, int]],
    facts: list[OfficialFact] | None = None,
) -> list[ParticipantsFact]:
    """Participant sets of one document, one per distinct set of countries.

    `places` are the document's place mentions (gazetteer.find_places), in text order;
    `facts` are the document's officials after merging, which give a mention its
    place when the sentence left it out and let a surname stand for its holder.
    """
    people = _people(facts or [])
    found: list[ParticipantsFact] = []
    seen: dict[frozenset[str], int] = {}
    by_sentence: dict[int, list[OfficialMention]] = {}
    for mention in officials:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    previous: tuple[Sentence, list[tuple[Place, int, int]]] | None = None
    last_list: tuple[str, ...] = ()
    cursor = 0
    for sentence in sentences:
        while cursor < len(places) and places[cursor][1] < sentence.start:
            cursor += 1
        inside = []
        while cursor < len(places) and places[cursor][2] <= sentence.end:
            inside.append(places[cursor])
            cursor += 1
        # Lists, pairs and talks between groups all need two places in the sentence.
        several = len(inside) >= 2
        runs = _runs(text, inside) if several else []
        sets = (
            _meeting(source, text, sentence, by_sentence.get(sentence.index, []), people, inside)
            if _may_tell_of_meeting(sentence.text)
            else []
        )
        if runs:
            sets += _lists(source, text, sentence, inside, runs, previous)
        if several:
            sets += _groups_talking(source, text, sentence, inside)
            pair = list(dict.fromkeys(p.name for p, _, _ in inside if p.is_country))
            if len(pair) == 2 and _has_pact_word(sentence.text):
                pact = _THEIR_PACT.search(sentence.text)
                if pact:
                    where = Provenance(
                        source, sentence.text, sentence.index, sentence.start, sentence.end
                    )
                    event = tidy(_CLAUSE_END.split(sentence.text[pact.start() :], maxsplit=1)[0])
                    sets.append(ParticipantsFact(event, tuple(pair), pact.group(), where))
        agreed = None
        if len(last_list) >= 2 and _has_agreed_word(sentence.text):
            agreed = _THOSE_AGREED.search(sentence.text)
        if agreed:
            where = Provenance(source, sentence.text, sentence.index, sentence.start, sentence.end)
            event = tidy(_CLAUSE_END.split(sentence.text[agreed.start() :], maxsplit=1)[0])
            sets.append(ParticipantsFact(event, last_list, agreed.group(), where))
        if runs:
            last_list = tuple(dict.fromkeys(p.name for p, _, _ in runs[-1]))
        venue = _venue(text, sentence) if sets else None
        if venue is not None:  # the sets are made without a place
            sets = [replace(fact, place=venue) for fact in sets]
        for fact in sets:
            key = frozenset(fact.countries)
            if key not in seen:
                seen[key] = len(found)
                found.append(fact)
            elif found[seen[key]].where.sentence_index == 1:
                found[seen[key]] = fact  # the body tells what the headline only names
        previous = (sentence, inside)
    return found


def _has_pact_word(sentence: str) -> bool:
    """Whether a sentence names a pact: what _THEIR_PACT needs, tested before scanning."""
    return (
        "treaty" in sentence
        or "agreement" in sentence
        or "accord" in sentence
        or "pact" in sentence
        or "deal" in sentence
    )


def _has_agreed_word(sentence: str) -> bool:
    """Whether a sentence holds a verb and a noun _THOSE_AGREED needs, tested before
    scanning (one substring test each: this runs on nearly every sentence)."""
    return (
        "agreed" in sentence
        or "signed" in sentence
        or "reached" in sentence
        or "approved" in sentence
        or "decided" in sentence
    ) and (
        # and the sides it names: "countries", "nations", "governments", "sides", "states"
        "countr" in sentence
        or "nation" in sentence
        or "government" in sentence
        or "side" in sentence
        or "state" in sentence
    )


def _venue(text: str, sentence: Sentence) -> str | None:
    """Where a meeting was held, when its sentence says: "met in Lima", "talks at Camp David"."""
    for m in _VENUE.finditer(text, sentence.start, sentence.end):
        words = m.group(1).split()
        while words and is_common_word(words[-1]):
            words.pop()
        if words and not is_common_word(words[0]):
            return " ".join(words)
    return None


def _people(facts: list[OfficialFact]) -> dict[str, Place]:
    """Each official's names (in full and the surname alone) mapped to their place.

    A surname shared by officials of two places stands for neither.
    """
    people: dict[str, Place] = {}
    clashes: set[str] = set()
    for fact in facts:
        place = Place(fact.country, True) if fact.country else Place(fact.org or "", False)
        for name in (fact.person, *fact.aliases, fact.person.split()[-1]):
            key = fold(name)
            if key in people and people[key] != place:
                clashes.add(key)
            people.setdefault(key, place)
    for key in clashes:
        del people[key]
    return people


def _parties(
    text: str,
    sentence: Sentence,
    mentions: list[OfficialMention],
    people: dict[str, Place],
    places: list[tuple[Place, int, int]],
) -> list[tuple[Place, int, int]]:
    """The office holders in a sentence with their places, in text order: those written
    with an office, those written by name alone, and organisations written as a party
    ("NATO leaders")."""
    parties: list[tuple[Place, int, int]] = []
    for mention in mentions:
        place = people.get(fold(mention.person)) or mention.place or mention.context
        if place is not None:
            parties.append((place, mention.start, mention.end))
    spans = sorted((m.start, m.end) for m in mentions)
    for m in _NAME_WORD.finditer(text, sentence.start, sentence.end) if people else ():
        word = m.group()
        if word.endswith(("'s", "’s")):
            word = word[:-2]
        place = people.get(word.lower() if word.isascii() else fold(word))
        if place is not None and not _inside(spans, m.start()):
            parties.append((place, m.start(), m.end()))
    for place, start, end in places:
        inside = sentence.start <= start and end <= sentence.end
        if inside and not place.is_country and _ORG_PARTY.match(text, end, sentence.end):
            parties.append((place, start, end))
    parties.sort(key=lambda p: p[1])
    return parties


def _meeting(
    source: str,
    text: str,
    sentence: Sentence,
    mentions: list[OfficialMention],
    people: dict[str, Place],
    places: list[tuple[Place, int, int]],
) -> list[ParticipantsFact]:
    """Office holders of several countries who met, talked, signed or agreed.

    When a written holder has no known place the set would be incomplete, so none is given.
    Called only for a sentence that passes _may_tell_of_meeting (most do not).
    """
    if mentions and any(
        (people.get(fold(m.person)) or m.place or m.context) is None for m in mentions
    ):
        return []
    verb = _TOGETHER.search(sentence.text)
    if not verb:
        return []  # most sentences tell of no meeting: their parties need not be read
    parties = _parties(text, sentence, mentions, people, places)
    if not parties:
        return []
    parties += _countries_with(text, sentence, places, parties)
    parties.sort(key=lambda p: p[1])
    group = _coordination(text, parties)
    if group and not _BY.search(text, max(sentence.start, group[0][1] - 12), group[0][1]):
        group = None  # "X met A and B": X takes part as well; "a statement by A and B" not
    chosen = group or parties
    members = list(
        dict.fromkeys(
            p.name
            for p, _, end in chosen
            if p.is_country or _ORG_PARTY.match(text, end, sentence.end)
        )
    )
    if len(members) < 2 or not any(p.is_country for p, _, _ in chosen):
        return []
    if _CONFRONTATION.search(sentence.text) and not _AGREEMENT.search(sentence.text):
        return []
    if _NEGATED.search(sentence.text, verb.start()) or _NEGATED.search(
        sentence.text, max(0, verb.start() - 25), verb.start()
    ):
        return []  # "X did not meet Y", "X refused to sign"
    first = parties[0][1] - sentence.start
    if _REPORTED.search(sentence.text, min(first, verb.start()), max(first, verb.start())):
        return []  # "X said Y met Z": the speaker took part in nothing
    rest = _CLAUSE_END.split(sentence.text[verb.end() :], maxsplit=1)[0]
    event = tidy(rest if verb.group().endswith(" in") else f"{verb.group()}{rest}")
    start, end = chosen[0][1], chosen[-1][2]
    event = event or event_phrase(sentence, start, end) or tidy(sentence.text)
    where = Provenance(source, sentence.text, sentence.index, start, end)
    return [ParticipantsFact(event, tuple(members), text[start:end], where)]


def _countries_with(
    text: str,
    sentence: Sentence,
    places: list[tuple[Place, int, int]],
    parties: list[tuple[Place, int, int]],
) -> list[tuple[Place, int, int]]:
    """Countries written as the other party of an office holder: "ties with Colombia"."""
    if not parties:
        return []
    out = []
    spans = sorted((a, b) for _, a, b in parties)
    for place, start, end in places:
        if not (sentence.start <= start and end <= sentence.end and place.is_country):
            continue
        if _inside(spans, start):
            continue
        if _WITH_COUNTRY.search(text, max(sentence.start, start - 10), start):
            out.append((place, start, end))
    return out


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    """Whether `pos` falls in one of the spans (sorted by start; spans do not nest deeply)."""
    i = bisect_right(spans, (pos, 1 << 62))
    return any(a <= pos < b for a, b in spans[max(0, i - 3) : i])


def _coordination(
    text: str, parties: list[tuple[Place, int, int]]
) -> list[tuple[Place, int, int]] | None:
    """The longest run of parties written as one coordination ("X and Y", "X, Y and Z")
    with two countries at least, or None."""
    best: list[tuple[Place, int, int]] = []
    run: list[tuple[Place, int, int]] = []
    for party in parties:
        if run and _COORDINATED.fullmatch(text, run[-1][2], party[1]):
            run.append(party)
        else:
            run = [party]
        if len({p.name for p, _, _ in run}) > len({p.name for p, _, _ in best}):
            best = list(run)
    return best if len({p.name for p, _, _ in best if p.is_country}) >= 2 else None


def _lists(
    source: str,
    text: str,
    sentence: Sentence,
    places: list[tuple[Place, int, int]],
    runs: list[list[tuple[Place, int, int]]],
    previous: tuple[Sentence, list[tuple[Place, int, int]]] | None,
) -> list[ParticipantsFact]:
    """Lists of two or more countries introduced as the members of a group.

    `places` are the sentence's place mentions and `runs` its lists of them (_runs);
    `previous` the sentence before with its own.
    """
    inside = places
    if not runs or not _EVENT_WORDS.search(sentence.text.lower()):
        return []
    if _CONFRONTATION.search(sentence.text) and not _AGREEMENT.search(sentence.text):
        return []  # "the dispute between A, B and C": sides, not partners
    facts = []
    for run in runs:
        if any(_is_possessive(text, end) for _, _, end in run):
            continue  # "A's and B's programmes": owners, not parties
        countries = list(dict.fromkeys(p.name for p, _, _ in run))
        start, end = run[0][1], run[-1][2]
        intro = _LIST_INTRO.search(text, max(sentence.start, start - 24), start)
        group = _GROUP_NOUN.match(text, end, sentence.end)
        subject = _starts_clause(text[sentence.start : start]) and _VERB_AFTER.match(
            text, end, sentence.end
        )
        if len(countries) < 2 or not (intro or group or subject):
            continue
        if _NEGATED.search(text, end, min(sentence.end, end + 60)):
            continue  # "talks between A and B are not on the agenda"
        if _SPECULATIVE.search(text, end, min(sentence.end, end + 40)):
            continue  # "others from A and B are expected to attend": not yet taking part
        host = _HOST.search(text, sentence.start, start) if intro else None
        if host:
            guests = [p for p in inside if p[2] <= host.start() and p[0].is_country]
            if guests and _starts_clause(text[sentence.start : guests[-1][1]]):
                countries = list(dict.fromkeys([guests[-1][0].name, *countries]))
        if intro and _TRIP.search(intro.group()) and previous:
            countries = _earlier_stops(text, *previous) + countries
            countries = list(dict.fromkeys(countries))
        bloc = _bloc_partner(text, sentence, inside, start) if intro else None
        if bloc:
            countries = list(dict.fromkeys([bloc[0].name, *countries]))
            start = bloc[1]
        partner = _subject_partner(text, sentence, inside, start) if intro else None
        if partner and intro and intro.group().lstrip().startswith("with"):
            begin = partner[1]
            where = Provenance(source, sentence.text, sentence.index, begin, end)
            event = event_phrase(sentence, begin, end)
            if _PACTS.search(text, partner[2], start):
                # "A signed agreements with B and C": one pact with each
                for country in countries:
                    pair = (partner[0].name, country)
                    facts.append(ParticipantsFact(event, pair, text[begin:end], where))
                continue
            countries = list(dict.fromkeys([partner[0].name, *countries]))
            facts.append(ParticipantsFact(event, tuple(countries), text[begin:end], where))
            continue
        where = Provenance(source, sentence.text, sentence.index, start, end)
        event = event_phrase(sentence, sentence.start if subject else start, end)
        facts.append(ParticipantsFact(event, tuple(countries), text[start:end], where))
    return facts


# "A and Mercosur, a trade bloc comprising B, C and D": A deals with the bloc's members.
_BLOC_BEFORE_LIST = re.compile(
    r"\s+(?:and|with)\s+(?:the\s+)?[^,;.]{0,60}?,?\s+(?:(?:a|an|the)\s+)?[^,;.]{0,40}?"
    r"\b(?:bloc|grouping|group|alliance|union|community)\b[^,;.]{0,20}?,?\s+"
    r"(?:comprising|comprises|consisting of|made up of|including|whose members are)\s+(?:the\s+)?"
)


def _bloc_partner(
    text: str, sentence: Sentence, places: list[tuple[Place, int, int]], start: int
) -> tuple[Place, int, int] | None:
    """The country dealing with a bloc whose members the list names."""
    before = [p for p in places if p[2] <= start and p[0].is_country]
    for place in reversed(before[-3:]):
        if _BLOC_BEFORE_LIST.fullmatch(text, place[2], start):
            return place
    return None


_PACTS = re.compile(r"\b(?:agreements|deals|accords|pacts|treaties)\b")


def _subject_partner(
    text: str, sentence: Sentence, places: list[tuple[Place, int, int]], start: int
) -> tuple[Place, int, int] | None:
    """The country that is the subject of the clause before a list "with B and C" and
    does something together with them ("A signed a pact with B and C")."""
    for place in places:
        if place[2] > start:
            break
        if not place[0].is_country or _is_possessive(text, place[2]):
            continue
        if not _starts_clause(text[sentence.start : place[1]]):
            continue
        between = text[place[2] : start]
        if len(between) < 120 and _TOGETHER.search(between) and not _NEGATED.search(between):
            return place
    return None


# "U.S. officials held grain talks with Soviet counterparts": the people of two countries.
_GROUP_WORDS = (
    r"(?:officials|delegates|delegation|delegations|negotiators|diplomats|envoys|ministers"
    r"|leaders|authorities|representatives|counterparts)"
)
_GROUPS_TALK = re.compile(
    rf"[ \t]{_GROUP_WORDS}\b[^.;]{{0,60}}?\b(?:held|hold|holding|had)[ \t](?:[a-z\-]+[ \t]){{0,2}}"
    rf"talks[ \t]with[ \t](?:their[ \t]|its[ \t]|the[ \t])?"
    rf"|[ \t]{_GROUP_WORDS}\b[ \t](?:met|talked|negotiated|conferred)[ \t]with[ \t]"
    rf"(?:their[ \t]|its[ \t]|the[ \t])?"
)
_GROUP_AFTER = re.compile(rf"[ \t]{_GROUP_WORDS}\b")


def _groups_talking(
    source: str, text: str, sentence: Sentence, places: list[tuple[Place, int, int]]
) -> list[ParticipantsFact]:
    """Officials of one country who held talks with those of another."""
    if len(places) < 2 or " with " not in sentence.text:
        return []
    ends = {end: place for place, _, end in places if place.is_country}
    starts = {start: (place, end) for place, start, end in places if place.is_country}
    facts = []
    for m in _GROUPS_TALK.finditer(text, sentence.start, sentence.end):
        first = ends.get(m.start())
        second = starts.get(m.end())
        if not first or not second or first == second[0]:
            continue
        if not _GROUP_AFTER.match(text, second[1], sentence.end):
            continue
        if _NEGATED.search(text, max(sentence.start, m.end() - 32), m.end()):
            continue  # "did not hold talks with ..."
        start, end = _start_of(places, m.start()), second[1]
        where = Provenance(source, sentence.text, sentence.index, start, end)
        event = event_phrase(sentence, start, end) or tidy(text[start:end])
        facts.append(ParticipantsFact(event, (first.name, second[0].name), text[start:end], where))
    return facts


def _start_of(places: list[tuple[Place, int, int]], end: int) -> int:
    return next(start for _, start, e in places if e == end)


def _starts_clause(before: str) -> bool:
    """Whether a list after `before` (the sentence up to it) is the subject of a clause."""
    return before.strip().lower() in ("", "the") or bool(_CLAUSE_START.search(before[-30:]))


def _is_possessive(text: str, end: int) -> bool:
    return text[end - 2 : end] in ("'s", "’s") or bool(_POSSESSIVE_AFTER.match(text, end))


def _earlier_stops(
    text: str, previous: Sentence, places: list[tuple[Place, int, int]]
) -> list[str]:
    """Countries a traveller was in or went to in the sentence before a trip's next stops."""
    return [
        place.name
        for place, start, end in places
        if previous.start <= start
        and end <= previous.end
        and place.is_country
        and _TRAVEL_TO.search(text, max(previous.start, start - 8), start)
    ]


def _runs(text: str, places: list[tuple[Place, int, int]]) -> list[list[tuple[Place, int, int]]]:
    """Places written as one list: joined only by commas, "and" or "as well as"."""
    runs: list[list[tuple[Place, int, int]]] = []
    for place in places:
        if not place[0].is_country:
            runs.append([])
            continue
        if runs and runs[-1] and _JOINER.match(text[runs[-1][-1][2] : place[1]]):
            runs[-1].append(place)
        else:
            runs.append([place])
    return [run for run in runs if len(run) >= 2]
