"""Who took part: 'Which four countries' foreign ministers met in Lima in March 2019?'

Each set is asked by the first wording its sentence supports cleanly (a group that met, a
phone call, a press conference, the chairs of a meeting, a group's partners in a deal, a
trip's stops, a dated pact, election observers' countries, talks a pair began, an arrangement's
members, the set as the subject of its clause, talks between them, a named event), anchored
by the month (or the day the sentence writes) and the place when known. A set no wording
fits, or whose event the article leaves ambiguous, is left out with its reason: a missing card
costs less than a wrong one.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from quizkit.extract.facts import DateFact, ParticipantsFact
from quizkit.extract.gazetteer import find_places
from quizkit.grading import fold
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop, source_of
from quizkit.questions.distractors import rng_for
from quizkit.questions.phrasing import country_name, format_day, join_list, month_year
from quizkit.questions.story import Official, Story, is_country

NUMBER_WORDS = {2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight"}
NUMBER_WORDS |= {9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}
EVENT_NOUNS = (
    r"meeting|summit|talks|conference|session|forum|negotiations|exercises?|drills|"
    r"agreement|accord|treaty|deal|visit|trip|tour|phone call|telephone conversation|"
    r"operation|mission|deployment|plan|statement|declaration"
)
QUALIFIERS = {
    "joint", "naval", "military", "trilateral", "bilateral", "annual", "emergency", "peace",
    "nuclear", "international", "regional", "urgent", "interim", "ministerial", "security",
    "defence", "defense", "foreign", "trade", "border", "peacekeeping", "extraordinary",
    "videoconference", "video", "online", "virtual",
}  # fmt: skip
EVENT = re.compile(rf"((?:[\w'-]+\s+){{0,4}})({EVENT_NOUNS})\b", re.I)
WEEKDAY = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:yester|to)day\b", re.I)
MONTH = r"January|February|March|April|May|June|July|August|September|October|November|December"
# Words that date a clause away from the report's month: the dateline cannot stand for it.
OTHER_TIME = re.compile(
    rf"\b(?:last|next|previous|earlier|ago|since|former|formerly|(?:19|20)\d\d|{MONTH})\b"
)
CALL = re.compile(
    r"\b(?:tele)?phone (?:call|conversation|talks)\b|\bphoned\b"
    r"|\bspoke (?:by|on the) (?:tele)?phone"
)
PRESS = re.compile(r"\b(?:joint )?(?:press|news) conference in ((?:[A-Z][\w-]+ ?){1,3})\b")
# A trip or tour of several places: a meeting on it is one of several.
TOUR = re.compile(r"\b(?:trip|tour)s?\b", re.I)
CHAIRED = re.compile(
    rf"\b(?:a|an|the)\s+((?:[\w-]+\s+){{0,3}}?(?:{EVENT_NOUNS})(?:\s+of\s+[\w-]+(?:\s+[\w-]+)?)?)"
    r"\s+((?:co-)?(?:chaired|hosted|convened|organi[sz]ed))\s+(?:jointly\s+)?by\s+(?:the\s+)?$",
    re.I,
)
# The set as the subject of its clause: its verb, as the question puts it.
KEPT_VERBS = "planned to|agreed to|agreed on|signed|held|reached|launched|concluded|pledged to"
KEPT_VERBS += "|vowed to|decided to|began|opened"
SUBJECT_VERBS = {v: v for v in KEPT_VERBS.split("|")} | {"plan to": "were planning to"}
SUBJECT_VERBS |= {"plans to": "were planning to", "will hold": "were to hold"}
SUBJECT_VERBS |= {"are to hold": "were to hold"}
SUBJECT = re.compile(r"\s+(" + "|".join(re.escape(v) for v in SUBJECT_VERBS) + r")\s+")
CLAUSE_END = re.compile(r"[,;:.!?\"“”(—–]| (?:and|but|while|after|before|because|as|which|who)\b")
PRONOUN = re.compile(r"\b(?:it|its|they|them|their|he|him|his|she|her|this|that|these|those)\b")
BETWEEN = re.compile(
    r"\b(talks|negotiations|meeting|summit)\s+between\s+(?:the\s+)?$",
    re.I,
)
GROUP_AFTER = re.compile(r"\s+(governments|leaders|delegations|ministers|presidents)\b")
HELD = {"talks": "held talks", "negotiations": "held negotiations"}
HELD |= {"meeting": "held a meeting", "summit": "held a summit"}
CONFLICT = re.compile(
    r"\b(?:war|fighting|clash(?:es)?|conflict|hostilities|dispute|feud|tensions|border row)"
    r"\b[^.;]{0,40}\bbetween\b|\b(?:fought|clashed|attacked|invaded|shelled|bombed)\b",
    re.I,
)
WAR = re.compile(r"\b(?:war|fighting|clashes|conflict|hostilities|airstrikes|offensive|attack)")
PEACE = re.compile(r"\b(?:end|ending|halt|stop|peace|ceasefire|truce|talks)\b")
HEADS = {"president", "prime minister", "chancellor", "king", "queen", "emir", "leader"}
HEADS |= {"premier", "sultan", "head of state", "head of government"}
FOREIGN = {"foreign minister", "secretary of state", "foreign secretary"}
FOREIGN |= {"minister of foreign affairs", "foreign affairs minister"}
DEFENCE = {"defence minister", "defense minister", "secretary of defense", "defence secretary"}
DEFENCE |= {"minister of defence", "minister of defense"}


def name_all(number: str) -> str:
    return "Name both." if number == "two" else f"Name all {number}."


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    drops: list[Drop] = []
    pool = [c for c in story.countries if is_country(c)]
    for fact in story.participants:
        countries = list(dict.fromkeys(fact.countries))
        stops = trip_stops(story, fact)
        if stops is not None and len(stops) > len(countries):
            countries = stops  # a stop the sentence names before the list
        answer = join_list(countries)
        source = str(source_of(fact.where))
        reason = unfit(story, fact, countries)
        question = None if reason else participants_question(story, fact, countries)
        if question is not None and _partner_left_out(fact, countries, question):
            reason, question = "partial-set", None
        if question is None:
            drops.append(Drop(reason or "vague-event", "participants", fact.event, answer, source))
            continue
        guid = content_guid("participants", *sorted(countries), str(fact.where.sentence_index))
        # never a country the question names ('a deal with Iran') among the wrong sets, nor
        # the country of a person it names (the United States on Bush's trip)
        own = {o.country for o in _named_in(story, question, ())}
        named = [c for c in pool if not _says(question, c) and c not in own]
        options = set_options(rng_for(seed, guid), countries, named)
        candidates.append(
            Candidate(
                Note(
                    question=question,
                    answer=answer,
                    guid=guid,
                    kind="participants",
                    tags=("participants",),
                    sources=(source_of(fact.where),),
                    distractors=options,
                    extra={"items": countries, "answer_type": "list"},
                ),
                "participants:" + ":".join(sorted(fold(c) for c in countries)),
                origin=fact,
            )
        )
    return candidates, drops


def unfit(story: Story, fact: ParticipantsFact, countries: list[str]) -> str | None:
    """Why no sound question can ask this set as the whole of who took part, if so."""
    if len(countries) < 2:
        return "few-countries"
    if not all(is_country(c) for c in countries):
        return "not-all-countries"  # 'which countries' would be wrong for NATO
    # 'a meeting of ten countries chaired by A and B': the ten are the meeting, not the chairs
    chairs = (
        _list_at(fact) is not None and _chaired_question(story, fact, countries, "") is not None
    )
    if partial_set(fact.where.sentence, len(countries), counted=not chairs):
        return "partial-set"
    if other_party(story, fact) and counterpart(story, fact) is None:
        return "partial-set"
    if CONFLICT.search(fact.where.sentence):
        return "conflict-sides"
    return None


def _partner_left_out(fact: ParticipantsFact, countries: Sequence[str], question: str) -> bool:
    """A country the sentence says the set acted with ('met in Paris with Poland's
    minister') that the question does not name: the set alone would be wrong."""
    sentence = fact.where.sentence
    for place, start, _end in find_places(sentence):
        if not place.is_country or place.name in countries or place.name == fact.place:
            continue
        if re.search(r"\bwith\s+(?:the\s+)?$", sentence[:start]) and place.name not in question:
            return True
    return False


PARTIAL = re.compile(
    r"\b(?:including|among (?:others|them)|such as|and others|among whom)\b"
    r"|\bother (?:[a-z]+ )?(?:countries|nations|states|members|hosts?|host nations|participants)\b",
    re.I,
)
WORD_NUMBERS = {w: n for n, w in NUMBER_WORDS.items()} | {"twenty": 20, "thirty": 30, "dozen": 12}
STATED_COUNT = re.compile(
    rf"\b(\d+|{'|'.join(WORD_NUMBERS)})(?:[- ][a-z]+)?\s+(?:[A-Za-z-]+\s+)?"
    r"(?:countries|nations|states|delegations|governments)\b",
    re.I,
)


def partial_set(sentence: str, count: int, counted: bool = True) -> bool:
    """The text names only some who took part ('twenty countries, including ...')."""
    if PARTIAL.search(sentence):
        return True
    if not counted:
        return False
    for match in STATED_COUNT.finditer(sentence):
        word = match.group(1).lower()
        stated = int(word) if word.isdigit() else WORD_NUMBERS.get(word)
        if stated is not None and stated > count:
            return True
    return False


def other_party(story: Story, fact: ParticipantsFact) -> bool:
    """A country the sentence joins to the set ('Iran and the P5+1 nations') but the set
    leaves out: naming the set alone would be wrong."""
    sentence = fact.where.sentence
    for country in story.countries:
        if country in fact.countries or country == fact.place:
            continue
        if country in sentence and re.search(rf"\b{re.escape(country)}\s+and\b", sentence):
            return True
    return False


def participants_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str]
) -> str | None:
    """The first wording the sentence supports, else None."""
    number = NUMBER_WORDS.get(len(countries), str(len(countries)))
    if list(countries) != list(dict.fromkeys(fact.countries)):
        return _trip_question(story, fact, countries, number)  # only a trip holds the stop
    for wording in (
        _forces_question,
        _met_question,
        _call_question,
        _press_question,
        _meeting_question,
        _host_question,
        _signed_question,
        _chaired_question,
        _counterpart_question,
        _trip_question,
        _pact_question,
        _observers_question,
        _began_question,
        _arrangement_question,
        _subject_question,
        _between_question,
        _event_question,
    ):
        question = wording(story, fact, countries, number)
        if question is not None:
            return question
    return None


def _own_date(story: Story, fact: ParticipantsFact, back: int = 0) -> DateFact | str | None:
    """The event's date: the fact's own, else the nearest date its sentence (or one of the
    `back` sentences before it, for 'the meeting' told of just before) writes; never the
    dateline."""
    if fact.date and not fact.date.startswith("--"):
        return fact.date
    best: tuple[int, DateFact] | None = None
    for other in story.dates_in.get(fact.where.source, ()):
        distance = fact.where.sentence_index - other.where.sentence_index
        if not 0 <= distance <= back or other.date.startswith("--") or story.is_dateline(other):
            continue
        if best is None or distance < best[0]:
            best = (distance, other)
    return best[1] if best else None


def _when(story: Story, fact: ParticipantsFact, day_allowed: bool = False, back: int = 0) -> str:
    """' on 12 March 2019' where the wording can carry the day, ' in March 2019' where only
    the month is sure (a phone call's sentence may date what was said in it), else ''."""
    own = _own_date(story, fact, back)
    day = own.date if isinstance(own, DateFact) else own
    if day and day_allowed and len(day) == 10:
        return f" on {format_day(day)}"
    if day:
        return f" in {month_year(day[:7] + '-01')}"
    dateline = story.datelines.get(fact.where.source) or ""
    if dateline and not dateline.startswith("--") and not OTHER_TIME.search(fact.where.sentence):
        return f" in {month_year(dateline)}"
    return ""


FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|was to|were to|to be held|scheduled|planned|plans? to|next)\b"
)


def _planned(story: Story, fact: ParticipantsFact) -> bool:
    """Still to come when reported: the sentence says so and its date is after the dateline
    (a date alone is not enough: a weekday counted from the dateline may be a day out)."""
    own = _own_date(story, fact)
    day = own.date if isinstance(own, DateFact) else own
    dateline = story.datelines.get(fact.where.source) or ""
    future = FUTURE.search(fact.where.sentence)
    return bool(future and day and dateline and day > dateline)


def _unique(story: Story, fact: ParticipantsFact, pattern: re.Pattern[str]) -> bool:
    """No other sentence of the story tells of an event of the same kind."""
    return not _marked(story, pattern) - {(fact.where.source, fact.where.sentence_index)}


def _marked(story: Story, pattern: re.Pattern[str]) -> frozenset[tuple[str, int]]:
    """The story's sentences the pattern matches, found once per story and pattern."""
    key = f"{pattern.flags}:{pattern.pattern}"
    found = story.marked.get(key)
    if found is None:
        found = frozenset(
            (source, index)
            for source, by_index in story.sentences.items()
            for index, sentence in by_index.items()
            if pattern.search(sentence)
        )
        story.marked[key] = found
    return found


def _says(sentence: str, name: str) -> bool:
    """The sentence names `name` as whole words (no pattern compiled per name: a story of a
    thousand articles has thousands of names)."""
    if len(name) < 3:
        return False
    start = sentence.find(name)
    while start >= 0:
        end = start + len(name)
        before = sentence[start - 1] if start else " "
        after = sentence[end] if end < len(sentence) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return True
        start = sentence.find(name, start + 1)
    return False


def _officials_of(story: Story, fact: ParticipantsFact, countries: Sequence[str]) -> list[Official]:
    """One named office-holder of each member in the sentence, or none at all."""
    sentence = fact.where.sentence
    found: dict[str, list[Official]] = {}
    # the cheap test first: only the office-holders some name of whom is in the sentence
    for official in story.officials_in(sentence):
        if official.country is None or official.country not in countries:
            continue
        surname = official.person.split()[-1]
        names = official.names | {official.person, surname}
        if any(_says(sentence, n) for n in names):
            found.setdefault(official.country, []).append(official)
    people = {c: _one_person(v) for c, v in found.items()}
    if set(found) != set(countries) or any(p is None for p in people.values()):
        return []
    return [p for c in countries if (p := people[c]) is not None]


def _one_person(officials: list[Official]) -> Official | None:
    """The one person among a country's office-holders a sentence names, when the others are
    that person's short names ('Yayi' beside 'Yayi Boni'); None when two people are named."""
    fullest = max(officials, key=lambda o: len(o.person.split()))
    words = set(fullest.person.split())
    if all(set(o.person.split()) <= words for o in officials):
        return fullest
    return None


def _role(officials: Sequence[Official]) -> str | None:
    """'presidents', 'leaders', 'foreign ministers': what the office-holders were, together."""
    offices = {o.office.lower() for o in officials}
    if not offices:
        return None
    if len(offices) == 1:
        office = next(iter(offices))
        if re.fullmatch(r"[a-z]+(?: [a-z]+)?", office) and not {"of", "to", "in"} & set(
            office.split()
        ):
            return plural(office)
    for group, word in ((HEADS, "leaders"), (FOREIGN, "foreign ministers")):
        if offices <= group:
            return word
    if offices <= DEFENCE:
        return "defence ministers"
    return None


def plural(title: str) -> str:
    words = title.split()
    last = words[-1]
    if last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch")):
        last += "es"
    else:
        last += "s"
    return " ".join([*words[:-1], last])


GROUP = re.compile(
    r"\b((?:[a-z]+ )?(?:ministers|leaders|presidents|prime ministers|delegations|envoys|"
    r"heads of state|heads of government|negotiators))\b(?:[^.;]*?)\b(met|gathered|convened)"
    r"(?: in ([A-Z][\w-]+(?: [A-Z][\w-]+)*))?",
)


def _met_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which four countries' foreign ministers met in Lima on 12 March 2019?'"""
    found = GROUP.search(fact.where.sentence)
    place = fact.place or (found.group(3) if found else None)
    if found is None or not place or WEEKDAY.search(place) or re.fullmatch(MONTH, place):
        return None
    when = _when(story, fact, day_allowed=True)
    group, verb = found.group(1), found.group(2)
    if _planned(story, fact):
        verb = "were to " + {"met": "meet", "gathered": "gather", "convened": "convene"}[verb]
    return f"Which {number} countries' {group} {verb} in {place}{when}? {name_all(number)}"


def _call_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries' presidents spoke by telephone in August 2008?'"""
    if (
        len(countries) != 2
        or not CALL.search(fact.where.sentence)
        or not _unique(story, fact, CALL)
    ):
        return None
    role = _role(_officials_of(story, fact, countries))
    if role is None:
        return None
    verb = "were to speak" if _planned(story, fact) else "spoke"
    return f"Which two countries' {role} {verb} by telephone{_when(story, fact)}? Name both."


def _press_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries' foreign ministers held a press conference in London in ...?'"""
    found = PRESS.search(fact.where.sentence)
    if len(countries) != 2:
        return None
    if found is None:
        return _joint_press_question(story, fact, countries)
    if not _unique(story, fact, PRESS):
        return None
    officials = _officials_of(story, fact, countries)
    if not officials:
        return None
    role = _role(officials) or "officials"
    place = found.group(1).strip()
    when = _when(story, fact)
    return (
        f"Which two countries' {role} appeared together at a press conference in {place}{when}? "
        "Name both."
    )


JOINT_PRESS = re.compile(r"\bjoint (?:press|news) conference\b")
# A press conference the story tells of afresh ('a press conference'), not 'the' one again.
ANY_PRESS = re.compile(r"\b(?:a|an|another)\s+(?:joint\s+)?(?:press|news) conference\b", re.I)


def _joint_press_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str]
) -> str | None:
    """'Which two countries' presidents held a joint press conference on 16 February 2008?':
    with no city written, only the exact day (and no other press conference in the story)
    tells this one from others on the same trip."""
    if not JOINT_PRESS.search(fact.where.sentence):
        return None
    if not _unique(story, fact, JOINT_PRESS) or not _unique(story, fact, ANY_PRESS):
        return None
    day = fact.date or ""
    if len(day) != 10 or day.startswith("--"):
        return None
    role = _role(_officials_of(story, fact, countries))
    if role is None:
        return None
    verb = "were to hold" if _planned(story, fact) else "held"
    when = format_day(day)
    return f"Which two countries' {role} {verb} a joint press conference on {when}? Name both."


SIGNED = re.compile(
    r"\b(signed|reached|concluded|initialled|initialed|ratified)\s+(a|an|the)\s+"
    r"((?:[\w'-]+\s+){0,4}?)(agreement|accord|treaty|deal|pact|memorandum of understanding)\b"
)


def _signed_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries signed the border agreement in Riga in May 2021?': a dated
    signing whose sentence names every member and no other country before its verb."""
    sentence = fact.where.sentence
    found = SIGNED.search(sentence)
    if found is None or not _own_date(story, fact):
        return None
    named = _named_before(story, sentence, found.start())
    if not set(countries) <= named | set(_named_with(sentence, found.end(), countries)):
        return None
    if named - set(countries) - {fact.place}:
        return None  # another country's part in the signing is unclear
    modifiers = [w for w in found.group(3).split() if w[:1].isupper() or w.lower() in QUALIFIERS]
    if len(modifiers) != len(found.group(3).split()):
        return None  # 'signed a long-awaited deal': keep to the name of the thing
    noun = found.group(4)
    if not _event_of_the_day(fact, f"the {noun}"):
        return None
    article = "the" if modifiers else ("an" if noun[0] in "aeiou" else "a")
    if not modifiers and not _unique(story, fact, re.compile(rf"\b{noun}\b")):
        return None
    thing = " ".join([article, *modifiers, noun])
    where = f" in {fact.place}" if fact.place and fact.place not in thing else ""
    verb = found.group(1)
    return f"Which {number} countries {verb} {thing}{where}{_when(story, fact)}? {name_all(number)}"


def _named_before(story: Story, sentence: str, end: int) -> set[str]:
    """The story's countries the sentence names before `end`."""
    head = sentence[:end]
    return {c for c in story.countries if _says(head, c)}


def _named_with(sentence: str, start: int, countries: Sequence[str]) -> list[str]:
    """Members named after the verb as its partners: 'signed a deal with Estonia'."""
    tail = sentence[start:]
    return [c for c in countries if re.search(rf"\bwith (?:the )?{re.escape(c)}\b", tail)]


MEETING = re.compile(r"\b(?:meeting|met|talks) with\b|\bmet\b")
ANY_MEETING = re.compile(r"\b(?:meet|meets|meeting|meetings|met|talks|summit)\b", re.I)


def _meeting_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries' leaders met in August 2008?': the two office-holders the
    sentence names met, and the story tells of no other meeting."""
    sentence = fact.where.sentence
    if len(countries) != 2 or not MEETING.search(sentence):
        return None
    if not _unique(story, fact, ANY_MEETING):
        return None
    officials = _officials_of(story, fact, countries)
    role = _role(officials)
    if role is None or _named_in(story, sentence, officials):
        return None  # a third person there: who met whom is no longer plain
    where = f" in {fact.place}" if fact.place else ""
    when = _when(story, fact)
    if not (where or when):
        return None
    if not where and _marked(story, TOUR):
        return None  # on a trip or tour the travellers meet others that month too
    verb = "were to meet" if _planned(story, fact) else "met"
    return f"Which two countries' {role} {verb}{where}{when}? Name both."


def _host_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries' leaders did Ban Ki-moon meet in July 2014?': one other named
    person met the members' office-holders, and no other sentence has that person meet."""
    sentence = fact.where.sentence
    found = MEETING.search(sentence)
    officials = _officials_of(story, fact, countries)
    role = _role(officials)
    if found is None or role is None:
        return None
    hosts = [o for o in _named_in(story, sentence, officials) if o.country not in countries]
    if len(hosts) != 1:
        return None
    host = hosts[0]
    names = [n for n in host.names | {host.person} if len(n) >= 3]
    if not any(0 <= sentence.find(n) < found.start() for n in names):
        return None  # the host is named before the meeting, the members after it
    if any(_mention(o, sentence) < found.end() for o in officials):
        return None
    mine = (fact.where.source, fact.where.sentence_index)
    for source, index in _marked(story, ANY_MEETING) - {mine}:
        if any(_says(story.sentences[source][index], n) for n in names):
            return None  # the host meets someone else too
    where = f" in {fact.place}" if fact.place else ""
    did = f"was {host.person} to meet" if _planned(story, fact) else f"did {host.person} meet"
    when = _when(story, fact)
    return f"Which {number} countries' {role} {did}{where}{when}? {name_all(number)}"


def _mention(official: Official, sentence: str) -> int:
    """Where the sentence first names the official (-1 when it does not)."""
    spots = [sentence.find(n) for n in official.names | {official.person} if n in sentence]
    return min(spots) if spots else -1


def _named_in(story: Story, sentence: str, officials: Sequence[Official]) -> list[Official]:
    """The story's office-holders the sentence names besides `officials` (and their short
    names), one entry per person."""
    chosen = [set(o.person.split()) for o in officials]
    found: list[Official] = []
    for official in sorted(story.officials, key=lambda o: -len(o.person.split())):
        words = set(official.person.split())
        if any(words <= c for c in chosen):
            continue
        names = official.names | {official.person}
        if any(_says(sentence, n) for n in names):
            found.append(official)
            chosen.append(words)
    return found


def _list_at(fact: ParticipantsFact) -> tuple[int, int] | None:
    """Where the set is written in its sentence, when the text holds exactly its members."""
    sentence, text = fact.where.sentence, fact.text
    start = sentence.find(text)
    if start < 0 or not text:
        return None
    items = [i for i in re.split(r",\s*(?:and\s+)?|\s+and\s+|;\s*", text) if i.strip()]
    if len(items) != len(set(fact.countries)):
        return None
    return start, start + len(text)


def _chaired_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries chaired the meeting of ten countries in September 2014?'"""
    at = _list_at(fact)
    if at is None:
        return None
    found = CHAIRED.search(fact.where.sentence[: at[0]])
    if found is None:
        return None
    event = " ".join(found.group(1).split())
    if not re.search(r"[A-Z]", event):
        return None  # 'the meeting of ten countries' says neither which meeting nor where
    verb = found.group(2).lower()
    return f"Which {number} countries {verb} the {event}{_when(story, fact)}? {name_all(number)}"


def _subject_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries signed the border agreement in Riga in May 2021?': the set is the
    subject of its clause, and the clause ends cleanly before any comma or second clause."""
    at = _list_at(fact)
    if at is None:
        return None
    sentence = fact.where.sentence
    before = re.sub(r"\bthe\s*$", "", sentence[: at[0]]).rstrip()
    if before and not re.search(r"[,;:—–]$", before):
        return None
    found = SUBJECT.match(sentence, at[1])
    if found is None:
        return None
    rest = sentence[found.end() :]
    cut = CLAUSE_END.search(rest)
    thing = " ".join((rest[: cut.start()] if cut else rest).split())
    words = thing.split()
    if not 1 <= len(words) <= 10 or PRONOUN.search(thing) or words[-1].lower() in STOP_ENDS:
        return None
    if WAR.search(thing) and not PEACE.search(thing):
        return None  # 'began a war': sides of a conflict, not partners
    verb = SUBJECT_VERBS[found.group(1)]
    if verb == found.group(1) and not _own_date(story, fact):
        return None  # an undated past clause may be the story's background, years before
    where = f" in {fact.place}" if fact.place and fact.place not in thing else ""
    when = "" if re.search(rf"\b(?:{MONTH})\b|\b(?:19|20)\d\d\b", thing) else _when(story, fact)
    return f"Which {number} countries {verb} {thing}{where}{when}? {name_all(number)}"


# A trip's stops: the list follows the traveller's verb ('the president visits A, B and C',
# 'he will continue his trip in A, B and C').
TRIP_LEAD = re.compile(
    r"\b(?:visits?|visited|visiting|toured|(?:trip|tour|journey) (?:in|to|of)|stops? in)"
    r"\s+(?:the\s+)?$"
)
TRIP_WORD = re.compile(r"\b(?:trip|tour|journey|travels? to|travell?ed to|visit|visits)\b")
EARLIER_STOP = re.compile(r"^After ([A-Z][\w-]+(?: [A-Z][\w-]+)*),\s")
TRIP_TO = re.compile(
    r"\b(?:trip|tour|journey|travels|travell?ed) to ((?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)?)"
)
NATION_COUNT = re.compile(r"\b([a-z]+|\d+)-(?:nation|country|state) (?:trip|tour|journey)\b")


def trip_stops(story: Story, fact: ParticipantsFact) -> list[str] | None:
    """The countries of a trip the sentence lists, with a stop named just before the list
    ('After Israel, the president visits A and B' holds Israel too); None when the list is
    not a trip's stops."""
    sentence = fact.where.sentence
    start = sentence.find(fact.text) if fact.text else -1
    if start < 0 or not TRIP_LEAD.search(sentence[:start]):
        return None
    stops = list(dict.fromkeys(fact.countries))
    earlier = EARLIER_STOP.match(sentence)
    if earlier and is_country(earlier.group(1)) and earlier.group(1) not in stops:
        stops.insert(0, earlier.group(1))
    return stops


def _traveller(story: Story, stops: Sequence[str]) -> Official | None:
    """The one head of state or government from outside the stops whom the story's trip
    sentences name: the person whose trip it is."""
    found: dict[str, Official] = {}
    for by_index in story.sentences.values():
        for sentence in by_index.values():
            if not TRIP_WORD.search(sentence):
                continue
            for official in story.officials:
                if official.former or official.country in stops or official.country is None:
                    continue
                if official.office.lower() not in HEADS:
                    continue
                if any(_says(sentence, n) for n in official.names | {official.person}):
                    found.setdefault(official.country, official)
    people = list(found.values())
    if len(people) != 1:
        return None
    same = [
        o
        for o in story.officials
        if o.country == people[0].country and o.office == people[0].office
    ]
    return _one_person(same)


def _travels(traveller: Official, fact: ParticipantsFact) -> bool:
    """The list's clause is the traveller's: named, 'he'/'she', or 'the <office>' before it
    ('the foreign minister visits A and B' is someone else's trip)."""
    head = fact.where.sentence[: fact.where.sentence.find(fact.text)]
    if any(_says(head, n) for n in traveller.names | {traveller.person}):
        return True
    return bool(
        re.search(r"\b(?:[Hh]e|[Ss]he)\b", head)
        or re.search(rf"\b[Tt]he {re.escape(traveller.office.lower())}\b", head)
    )


def _trip_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which five countries were on the itinerary of George W. Bush's trip to Africa in
    February 2008?': a trip's full list of stops, its traveller named, and no count in the
    story ('a five-nation trip') that the list falls short of."""
    stops = trip_stops(story, fact)
    if stops is None or list(stops) != list(countries):
        return None
    traveller = _traveller(story, stops)
    when = _when(story, fact)
    if traveller is None or not when or not _travels(traveller, fact):
        return None
    destination = ""
    for by_index in story.sentences.values():
        for sentence in by_index.values():
            for stated in NATION_COUNT.finditer(sentence):
                word = stated.group(1).lower()
                count = int(word) if word.isdigit() else WORD_NUMBERS.get(word)
                if count != len(stops):
                    return None  # the trip has stops the list leaves out
            going = TRIP_TO.search(sentence)
            if going and not destination and going.group(1) not in stops:
                destination = f" to {going.group(1)}"
    name = traveller.person
    if " " not in name:
        name = f"{traveller.office} {name}"
    return (
        f"Which {number} countries were on the itinerary of {name}'s trip{destination}{when}? "
        f"{name_all(number)}"
    )


# 'Iran and the P5+1 nations — A, B and C — reached a deal': the list is the group, the
# country before it the group's counterpart.
COUNTERPART = re.compile(
    r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)*) and the (?:[\w+-]+ )?(?:nations|countries|powers|states)"
    r"\s*[—–(:]"
)
DURATION = re.compile(r"\w+-(?:day|week|month|year)")
CITY_BEFORE = re.compile(r"(?:^|\s)[Ii]n ([A-Z][a-z-]+),")


def counterpart(story: Story, fact: ParticipantsFact) -> str | None:
    """The country a group's list is set against in its sentence, when the sentence is so
    written (the list inside a dash or bracket just after 'X and the ... nations')."""
    sentence = fact.where.sentence
    start = sentence.find(fact.text) if fact.text else -1
    found = COUNTERPART.search(sentence, 0, max(start, 0))
    if start < 0 or found is None or found.group(1) in fact.countries:
        return None
    if not is_country(found.group(1)) or found.group(1) not in story.countries:
        return None
    return found.group(1)


def _counterpart_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which six countries reached a six-month deal with Iran in Geneva in November 2013?'"""
    other = counterpart(story, fact)
    if other is None:
        return None
    sentence = fact.where.sentence
    end = sentence.find(fact.text) + len(fact.text)
    found = SIGNED.search(sentence, end)
    if found is None or re.search(r"[.;]|\b(?:and|but|who|which)\b", sentence[end : found.start()]):
        return None
    words = found.group(3).split()
    if not all(w[:1].isupper() or w.lower() in QUALIFIERS or DURATION.fullmatch(w) for w in words):
        return None
    when = _when(story, fact)
    # another deal told of afresh ('a trade deal'); 'the deal' refers back to this one
    fresh = re.compile(rf"\b(?:a|an|another)\s+(?:[\w-]+\s+){{0,3}}{found.group(4)}\b")
    if not when or not _unique(story, fact, fresh):
        return None
    article = "an" if (words[0] if words else found.group(4))[0] in "aeiou" else "a"
    thing = " ".join([article, *words, found.group(4)])
    city = CITY_BEFORE.search(sentence[: sentence.find(other)])
    where = ""
    if city and not re.fullmatch(MONTH, city.group(1)) and not WEEKDAY.search(city.group(1)):
        where = f" in {city.group(1)}"
    return (
        f"Which {number} countries {found.group(1)} {thing} with {other}{where}{when}? "
        f"{name_all(number)}"
    )


# 'the countries' 1979 peace treaty': the pair the story has just named, bound by a dated pact
POSSESSED_PACT = re.compile(
    r"^the (?:two )?(?:countries|nations|neighbours|neighbors)['’] ((?:19|20)\d\d) "
    r"((?:[a-z-]+ )?)(treaty|accord|agreement|pact|armistice)$"
)


def _pact_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries signed a peace treaty in 1979?': the year is the pact's own, years
    before the report, and the story tells of no other pact of that year."""
    found = POSSESSED_PACT.match(fact.text.strip())
    dateline = story.datelines.get(fact.where.source) or ""
    if found is None or len(countries) != 2 or not dateline[:4].isdigit():
        return None
    year, qualifier, noun = found.group(1), found.group(2).strip(), found.group(3)
    if year >= dateline[:4] or (qualifier and qualifier not in QUALIFIERS):
        return None
    if not _unique(story, fact, re.compile(rf"\b{year}\b")):
        return None
    thing = " ".join(w for w in ("a", qualifier, noun) if w)
    if thing.startswith("a a"):
        thing = "an" + thing[1:]
    return f"Which two countries signed {thing} in {year}? Name both."


OBSERVERS_FROM = re.compile(r"\bobservers (?:had |have )?(?:arrived|come) from\s+(?:the\s+)?$")
ELECTION_OF = re.compile(
    r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?)['’]s (?:[\w-]+ ){0,3}?"
    r"(?:general|presidential|parliamentary|legislative) elections?\b"
)


def _observers_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Observers from which eight countries had arrived for Mozambique's elections in October
    2009?': the countries observers came from, for the one national election the story
    names, by the month of the report."""
    sentence = fact.where.sentence
    start = sentence.find(fact.text) if fact.text else -1
    if start < 0 or not OBSERVERS_FROM.search(sentence[:start]):
        return None
    held = {
        found.group(1)
        for by_index in story.sentences.values()
        for text in by_index.values()
        for found in ELECTION_OF.finditer(text)
    }
    if len(held) != 1:
        return None
    country = next(iter(held))
    when = _when(story, fact)
    if not is_country(country) or country in countries or not when:
        return None
    return (
        f"Observers from which {number} countries had arrived for {country}'s elections{when}? "
        f"{name_all(number)}"
    )


# '... Olmert and Abbas to move forward with peace talks they began in November in Annapolis'
BEGAN_TALKS = re.compile(
    rf"\b((?:[a-z]+ )?)(talks|negotiations) (?:they|the two|both sides) "
    rf"(?:began|started|opened|launched) in ({MONTH})(?: ((?:19|20)\d\d))?"
    r"(?: in ((?:the )?[A-Z][\w-]+(?: [A-Z][\w-]+)*))?(?=[.,;]|$)"
)
MONTHS = MONTH.split("|")


def _began_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries' leaders began peace talks in the United States in November
    2007?': the talks the pair's office-holders began, dated by a month the report names
    (the latest such month not after the report when no year is written)."""
    sentence = fact.where.sentence
    start = sentence.find(fact.text) if fact.text else -1
    found = BEGAN_TALKS.search(sentence, max(start, 0) + len(fact.text))
    dateline = story.datelines.get(fact.where.source) or ""
    if start < 0 or found is None or len(dateline) != 10 or dateline.startswith("--"):
        return None
    role = _role(_officials_of(story, fact, countries))
    if role is None:
        return None
    qualifier = found.group(1).strip()
    if qualifier and qualifier not in QUALIFIERS:
        qualifier = ""
    month = MONTHS.index(found.group(3)) + 1
    year = int(found.group(4) or dateline[:4])
    if not found.group(4) and month > int(dateline[5:7]):
        year -= 1  # 'in November' told in January: the November before
    place = found.group(5)
    if place in countries:
        return None  # the place would give one of the pair away
    where = f" in {place}" if place else ""
    talks = " ".join(w for w in (qualifier, found.group(2)) if w)
    return (
        f"Which {number} countries' {role} began {talks}{where} in {found.group(3)} {year}? "
        f"{name_all(number)}"
    )


# '... under nuclear sharing, in which A, B and C host nuclear weapons': an arrangement whose
# members the relative clause lists, with what they do under it.
ARRANGEMENT = re.compile(r"\bunder ((?:[a-z-]+ ){0,3}[a-z-]+), (?:in|under) which (?:the )?$")
MEMBERS_DO = re.compile(r"\s+(host|hold|keep|station|share)\s+")
DONE = {"host": "hosted", "hold": "held", "keep": "kept", "station": "stationed"}
DONE |= {"share": "shared"}


def _arrangement_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which five countries hosted nuclear weapons under nuclear sharing in June 2005?': the
    members of an arrangement the sentence names, what they do under it, as of the report."""
    at = _list_at(fact)
    if at is None:
        return None
    sentence = fact.where.sentence
    arrangement = ARRANGEMENT.search(sentence[: at[0]])
    found = MEMBERS_DO.match(sentence, at[1])
    if arrangement is None or found is None:
        return None
    rest = sentence[found.end() :]
    cut = CLAUSE_END.search(rest)
    thing = " ".join((rest[: cut.start()] if cut else rest).split())
    words = thing.split()
    if not 1 <= len(words) <= 6 or PRONOUN.search(thing) or words[-1].lower() in STOP_ENDS:
        return None
    when = _when(story, fact)
    if not when:
        return None
    verb = DONE[found.group(1)]
    return (
        f"Which {number} countries {verb} {thing} under {arrangement.group(1)}{when}? "
        f"{name_all(number)}"
    )


STOP_ENDS = {"the", "a", "an", "to", "of", "in", "on", "at", "for", "with", "by", "from", "and"}


def _between_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which two countries' governments held talks in May 2010?'"""
    at = _list_at(fact)
    if at is None:
        return None
    sentence = fact.where.sentence
    found = BETWEEN.search(sentence[: at[0]])
    if found is None:
        return None
    noun = found.group(1).lower()
    if not _unique(story, fact, ANY_MEETING):
        return None  # another meeting of the story would fit 'held talks' as well
    group = GROUP_AFTER.match(sentence, at[1])
    who = f"countries' {group.group(1)}" if group else "countries"
    where = f" in {fact.place}" if fact.place else ""
    when = _when(story, fact)
    if not (where or when):
        return None
    return f"Which {number} {who} {HELD[noun]}{where}{when}? {name_all(number)}"


def event_phrase(text: str) -> tuple[str, bool] | None:
    """'the Latin American summit' from '... at a Latin American summit marked ...'.

    Returns the phrase and whether a qualifier names it (else a place or date must).
    """
    found = EVENT.search(text)
    if not found:
        return None
    before = found.group(1).split()
    kept: list[str] = []
    for word in reversed(before):
        if word[:1].isupper() or word.lower() in QUALIFIERS or re.fullmatch(r"\w+-nation", word):
            kept.insert(0, word)
        else:
            break
    noun = found.group(2).lower()
    if kept and kept[0].lower() in ("the", "a", "an"):
        kept = kept[1:]
    return " ".join(["the", *kept, noun]), bool(kept)


# A generic 'took part in' fits gatherings only: nobody 'takes part in' a visit or a plan.
GATHERINGS = {"meeting", "summit", "talks", "conference", "session", "forum", "negotiations"}
GATHERINGS |= {"exercise", "exercises", "drills"}


def _event_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'Which four countries' defense ministers took part in the videoconference meeting in
    January 2022?': a gathering the sentence names, unique in the story, anchored by its
    date (or the month of the report) and its place when known."""
    # The extractor's own clause for the set: a gathering elsewhere in the sentence may be
    # another event ('the meeting failed because ... A and B host ...').
    found = event_phrase(fact.event)
    if found is None:
        return None
    event, named = found
    noun = event.split()[-1]
    when = _when(story, fact, day_allowed=True, back=2)
    if noun not in GATHERINGS or not _event_of_the_day(fact, event):
        return None
    if CALL.search(fact.where.sentence):
        return None
    alike = ANY_MEETING if noun in ("meeting", "talks", "summit") else re.compile(rf"\b{noun}\b")
    if not named and not _unique(story, fact, alike):
        return None  # 'the meeting' when the story tells of several
    where = f" in {fact.place}" if fact.place and fold(fact.place) not in fold(event) else ""
    if not when:
        return None
    role = _role(_officials_of(story, fact, countries))
    who = f"countries' {role}" if role else "countries"
    verb = "were to take part" if _planned(story, fact) else "took part"
    return f"Which {number} {who} {verb} in {event}{where}{when}? {name_all(number)}"


def _event_of_the_day(fact: ParticipantsFact, event: str) -> bool:
    """Never a treaty signed years before, nor a press conference."""
    noun = event.split()[-1]
    sentence = fact.where.sentence
    if re.search(rf"\b(?:press|news)\s+{noun}", sentence, re.I):
        return False
    for year in re.findall(rf"\b(\d{{4}})\s+(?:[\w-]+\s+)?{noun}|{noun} of (\d{{4}})", sentence):
        written = year[0] or year[1]
        if not (fact.date or "").startswith(written):
            return False
    return True


FORCES = re.compile(r"\bwill (withdraw|deploy|send|pull out)\b.*\b(forces|troops)\b", re.I)


def _forces_question(
    story: Story, fact: ParticipantsFact, countries: Sequence[str], number: str
) -> str | None:
    """'The forces of which three countries were to be withdrawn from Kazakhstan on ...?'"""
    found = FORCES.search(fact.event) or FORCES.search(fact.where.sentence)
    day = fact.date
    if found is None or not day or day.startswith("--"):
        return None
    from lemminflect import getInflection

    verb = found.group(1).lower()
    participle = getInflection(verb.split()[0], "VBN")
    if not participle:
        return None
    # Only a place the sentence itself names: the story's main country may be the wrong one.
    place = fact.place if fact.place and fact.place in fact.where.sentence else None
    origin = f" from {country_name(place)}" if place and verb == "withdraw" else ""
    return (
        f"The {found.group(2).lower()} of which {number} countries were to be "
        f"{participle[0]}{origin} on {format_day(day)}? {name_all(number)}"
    )


def set_options(
    rng: random.Random, countries: Sequence[str], pool: Sequence[str], count: int = 3
) -> tuple[str, ...]:
    """Other sets of the same size, each the answer with one member swapped for another
    country of the story (two when the set has only two), each member left out of at least
    one option so none stands out as always kept; never the answer's members in another order.
    """
    others = [c for c in pool if c not in countries]
    if not others:
        return ()
    rng.shuffle(others)
    positions = list(range(len(countries)))
    rng.shuffle(positions)
    variants: list[list[str]] = []
    for k, position in enumerate(positions):
        variants.append(_swapped(countries, {position: others[k % len(others)]}))
    if len(others) >= 2:
        variants.insert(
            len(countries), _swapped(countries, dict(zip(positions, others[:2], strict=False)))
        )
    variants += [_swapped(countries, {p: o}) for p in positions for o in others]
    chosen: list[str] = []
    seen = {frozenset(fold(c) for c in countries)}
    for variant in variants:
        members = frozenset(fold(c) for c in variant)
        if members not in seen and len(members) == len(countries):
            seen.add(members)
            chosen.append(join_list(variant))
            if len(chosen) == count:
                break
    return tuple(chosen)


def _swapped(countries: Sequence[str], swaps: dict[int, str]) -> list[str]:
    return [swaps.get(i, c) for i, c in enumerate(countries)]
