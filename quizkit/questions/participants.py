"""Who took part: 'Which four countries' foreign ministers met in Lima? Name all four.'"""

from __future__ import annotations

import re

from quizkit.extract.facts import ParticipantsFact
from quizkit.grading import fold
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop, source_of
from quizkit.questions.phrasing import country_name, format_day, join_list, month_year
from quizkit.questions.story import Story

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


def name_all(number: str) -> str:
    return "Name both." if number == "two" else f"Name all {number}."


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


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    drops: list[Drop] = []
    for fact in story.participants:
        countries = list(dict.fromkeys(fact.countries))
        answer = join_list(countries)
        if len(countries) < 2:
            drops.append(Drop("few-countries", "participants", fact.event, answer))
            continue
        if partial_set(fact.where.sentence, len(countries)) or other_party(story, fact):
            source = str(source_of(fact.where))
            drops.append(Drop("partial-set", "participants", fact.event, answer, source))
            continue
        question = participants_question(story, fact, len(countries))
        if question is None:
            drops.append(
                Drop("vague-event", "participants", fact.event, answer, str(source_of(fact.where)))
            )
            continue
        guid = content_guid("participants", *sorted(countries), str(fact.where.sentence_index))
        candidates.append(
            Candidate(
                Note(
                    question=question,
                    answer=answer,
                    guid=guid,
                    kind="participants",
                    tags=("participants",),
                    sources=(source_of(fact.where),),
                    extra={"items": countries, "answer_type": "list"},
                ),
                "participants:" + ":".join(sorted(fold(c) for c in countries)),
                origin=fact,
            )
        )
    return candidates, drops


PARTIAL = re.compile(r"\b(?:including|among (?:others|them)|such as|and others|among whom)\b", re.I)
WORD_NUMBERS = {w: n for n, w in NUMBER_WORDS.items()} | {"twenty": 20, "thirty": 30, "dozen": 12}
STATED_COUNT = re.compile(
    r"\b(\d+|[a-z]+)(?:[- ][a-z]+)?\s+(?:countries|nations|states|delegations|governments)\b", re.I
)


def partial_set(sentence: str, count: int) -> bool:
    """The text names only some who took part ('twenty countries, including ...')."""
    if PARTIAL.search(sentence):
        return True
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
        if country in fact.countries or country == getattr(fact, "place", None):
            continue
        if re.search(rf"\b{re.escape(country)}\s+and\b", sentence):
            return True
    return False


def participants_question(story: Story, fact: ParticipantsFact, count: int) -> str | None:
    """'Which four countries' defense ministers took part in the meeting on 9 March 2023?'"""
    number = NUMBER_WORDS.get(count, str(count))
    met = _met_question(story, fact, number)
    if met is not None:
        return met
    found = event_phrase(fact.event) or event_phrase(fact.where.sentence)
    if found is None:
        return _forces_question(story, fact, number)
    event, named = found
    if not _event_of_the_day(fact, event):
        return None
    place = getattr(fact, "place", None)
    day = getattr(fact, "date", None) or _date_beside(story, fact)
    where = f" in {place}" if place and fold(place) not in fold(event) else ""
    when = ""
    dateline = story.datelines.get(fact.where.source) or ""
    if day and not day.startswith("--"):
        when = f" on {format_day(day)}" if len(day) == 10 else f" in {month_year(day + '-01')}"
    elif named and dateline and not dateline.startswith("--"):
        # Undated in the text: the month of the report, never its day of filing.
        when = f" in {month_year(dateline)}"
    if not (named or where or when):
        return None
    offices = {
        office
        for office in {
            o.office
            for o in story.officials_at(fact.where.sentence_index)
            if o.country in fact.countries
        }
        if re.fullmatch(r"[A-Za-z ]+", office) and not re.search(r" (?:in|to|of|for) ", office)
    }
    title = next(iter(offices)).lower() if len(offices) == 1 else ""
    # Only a plain title takes a plural ('presidents'); 'ambassador in Israel' does not.
    plain = re.fullmatch(r"[a-z]+(?: [a-z]+)?", title) and not set(title.split()) & PREPOSITIONS
    who = f"countries' {title}s" if plain else "countries"
    verb = "were to take part" if day and dateline and day > dateline else "took part"
    return f"Which {number} {who} {verb} in {event}{where}{when}? {name_all(number)}"


PREPOSITIONS = {"in", "of", "to", "for", "at", "on", "from", "with"}
AGREEMENT = re.compile(r"\b(?:agreement|accord|treaty|deal|plan|statement|declaration)$")


def _event_of_the_day(fact: ParticipantsFact, event: str) -> bool:
    """An agreement is asked only with the date its own sentence gives (not one from a
    sentence beside it); never a treaty signed years before, nor a press conference."""
    own_date = getattr(fact, "date", None)
    noun = event.split()[-1]
    if re.search(rf"\b(?:press|news)\s+{noun}", fact.where.sentence, re.I):
        return False  # a press conference is no event countries take part in
    if re.search(r"\b(?:phone|telephone)\b", event, re.I):
        return False  # leaders speak on the phone; their countries take part in nothing
    sentence = fact.where.sentence
    for year in re.findall(rf"\b(\d{{4}})\s+(?:[\w-]+\s+)?{noun}|{noun} of (\d{{4}})", sentence):
        written = year[0] or year[1]
        if own_date and not own_date.startswith(written):
            return False  # 'the 1979 peace treaty' is not an event of the story's day
    if AGREEMENT.search(event):
        return bool(own_date)
    return True


GROUP = re.compile(
    r"\b((?:[a-z]+ )?(?:ministers|leaders|presidents|prime ministers|delegations|envoys|"
    r"heads of state|heads of government|negotiators))\b(?:[^.;]*?)\b(met|gathered|convened)"
    r"(?: in ([A-Z][\w-]+(?: [A-Z][\w-]+)*))?",
)


def _met_question(story: Story, fact: ParticipantsFact, number: str) -> str | None:
    """'Which four countries' foreign ministers met in Lima on 12 March 2019?'"""
    found = GROUP.search(fact.event) or GROUP.search(fact.where.sentence)
    place = getattr(fact, "place", None) or (found.group(3) if found else None)
    if found is None or not place:
        return None
    day = getattr(fact, "date", None) or _date_beside(story, fact)
    when = f" on {format_day(day)}" if day and len(day) == 10 else ""
    dateline = story.datelines.get(fact.where.source) or ""
    if not when and dateline and not dateline.startswith("--"):
        when = f" in {month_year(dateline)}"
    if day and dateline and day > dateline:
        verb = {"met": "meet", "gathered": "gather", "convened": "convene"}[found.group(2)]
        return (
            f"Which {number} countries' {found.group(1)} were to {verb} in {place}{when}? "
            f"{name_all(number)}"
        )
    group, verb = found.group(1), found.group(2)
    return f"Which {number} countries' {group} {verb} in {place}{when}? {name_all(number)}"


FORCES = re.compile(r"\bwill (withdraw|deploy|send|pull out)\b.*\b(forces|troops)\b", re.I)


def _forces_question(story: Story, fact: ParticipantsFact, number: str) -> str | None:
    """'The forces of which three countries were to be withdrawn from Kazakhstan on ...?'"""
    found = FORCES.search(fact.event) or FORCES.search(fact.where.sentence)
    day = getattr(fact, "date", None) or _date_beside(story, fact)
    if found is None or not day or day.startswith("--"):
        return None
    from lemminflect import getInflection

    verb = found.group(1).lower()
    participle = getInflection(verb.split()[0], "VBN")
    if not participle:
        return None
    place = getattr(fact, "place", None) or story.main_country
    origin = f" from {country_name(place)}" if place and verb == "withdraw" else ""
    return (
        f"The {found.group(2).lower()} of which {number} countries were to be "
        f"{participle[0]}{origin} on {format_day(day)}? {name_all(number)}"
    )


def _date_beside(story: Story, fact: ParticipantsFact) -> str | None:
    """The date of an event in the same sentence, else in one of the two before it.

    Never the date of filing: a report is not dated by the day it was written.
    """
    best: tuple[int, str] | None = None
    for other in story.dates_in.get(fact.where.source, ()):
        if other.date.startswith("--"):
            continue
        back = fact.where.sentence_index - other.where.sentence_index
        near = 0 <= back <= 2 and not story.is_dateline(other)
        if near and (best is None or back < best[0]):
            best = (back, other.date)
    return best[1] if best else None
