"""Participating countries: the set of countries taking part in an event.

Two forms are read: a sentence in which ministers or leaders of several
countries take part in something, and a list of countries ("forces of A, B and
C", "Russian, Armenian and Belarusian troops") in a sentence about a meeting,
a force or an agreement. Lists in other sentences (trade figures, places hit by
a storm) are left alone.
"""

from __future__ import annotations

import re

from quizkit.extract.clauses import event_phrase, tidy
from quizkit.extract.facts import ParticipantsFact, Provenance
from quizkit.extract.gazetteer import Place
from quizkit.extract.officials import OfficialMention
from quizkit.extract.text import Sentence

_TAKE_PART = re.compile(
    r"\b(?:took part|take part|taking part|participated|participate|attended|attend"
    r"|joined|gathered|met|held talks)\b(?:\s+in\b)?"
)
_EVENT_WORDS = re.compile(
    r"\b(?:forces|troops|soldiers|peacekeepers|contingents?|ministers|leaders|delegations"
    r"|meeting|summit|talks|exercises?|drills|statement|agreement|treaty|mission|operation"
    r"|signed|took part|participat\w*|attended|joined|members?|member states|alliance"
    r"|coalition|counterparts|colleagues)\b",
    re.IGNORECASE,
)
_LIST_INTRO = re.compile(
    r"(?:\b(?:of|from|between|among|including|by|with|namely)|[—–:])\s+(?:the\s+)?$"
)
_JOINER = re.compile(r"^(?:,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+)(?:the\s+)?$")
# A list that is the subject of its sentence: "On Feb. 10, A and B began joint drills".
_CLAUSE_START = re.compile(r"(?:^|^[A-Z][^,]{0,30},\s+)(?:the\s+)?$")
_VERB_AFTER = re.compile(
    r"\s+(?:(?:have|has|had|will|would|also|jointly|on\s+\w+)\s+)?"
    r"(?:signed|agreed|held|began|started|launched|conducted|joined|took|issued|adopted"
    r"|pledged|sent|deployed|met|announced|backed|endorsed|approved|called)\b"
)
_GROUP_NOUN = re.compile(
    r"\s+(?:\w+\s+)?(?:troops|forces|soldiers|peacekeepers|leaders|ministers|officials"
    r"|delegations|diplomats|counterparts|contingents|units|servicemen|warships|jets)\b"
)


def find_participants(
    source: str,
    text: str,
    sentences: list[Sentence],
    officials: list[OfficialMention],
    places: list[tuple[Place, int, int]],
) -> list[ParticipantsFact]:
    """Participant sets of one document, one per distinct set of countries.

    `places` are the document's place mentions (gazetteer.find_places), in text order.
    """
    facts: list[ParticipantsFact] = []
    seen: set[frozenset[str]] = set()
    by_sentence: dict[int, list[OfficialMention]] = {}
    for mention in officials:
        by_sentence.setdefault(mention.sentence.index, []).append(mention)
    for sentence in sentences:
        for fact in [
            *_meeting(source, text, sentence, by_sentence.get(sentence.index, [])),
            *_lists(source, text, sentence, places),
        ]:
            key = frozenset(fact.countries)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
    return facts


def _meeting(
    source: str, text: str, sentence: Sentence, mentions: list[OfficialMention]
) -> list[ParticipantsFact]:
    """Officials of several countries who took part in something."""
    countries = list(
        dict.fromkeys(m.place.name for m in mentions if m.place and m.place.is_country)
    )
    verb = _TAKE_PART.search(sentence.text)
    if len(countries) < 2 or not verb:
        return []
    rest = sentence.text[verb.end() :]
    event = tidy(re.split(r"[,;.]", rest, maxsplit=1)[0]) or tidy(verb.group())
    where = Provenance(source, sentence.text, sentence.index, mentions[0].start, mentions[-1].end)
    span = text[mentions[0].start : mentions[-1].end]
    return [ParticipantsFact(event, tuple(countries), span, where)]


def _lists(
    source: str, text: str, sentence: Sentence, places: list[tuple[Place, int, int]]
) -> list[ParticipantsFact]:
    """Lists of two or more countries introduced as the members of a group."""
    inside = [p for p in places if sentence.start <= p[1] and p[2] <= sentence.end]
    if len(inside) < 2 or not _EVENT_WORDS.search(sentence.text):
        return []
    facts = []
    for run in _runs(text, inside):
        countries = list(dict.fromkeys(p.name for p, _, _ in run))
        start, end = run[0][1], run[-1][2]
        intro = _LIST_INTRO.search(text, max(sentence.start, start - 20), start)
        group = _GROUP_NOUN.match(text, end, sentence.end)
        subject = _CLAUSE_START.search(text[sentence.start : start]) and _VERB_AFTER.match(
            text, end, sentence.end
        )
        if len(countries) < 2 or not (intro or group or subject):
            continue
        where = Provenance(source, sentence.text, sentence.index, start, end)
        event = event_phrase(sentence, sentence.start if subject else start, end)
        facts.append(ParticipantsFact(event, tuple(countries), text[start:end], where))
    return facts


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
