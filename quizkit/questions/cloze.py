"""Cloze cards: a sentence of the story with a fact worth knowing blanked (a name, a number,
a written date), never the dateline, a weekday or a relative date. Study only: they quote
the article, so they stay in the learner's database and never go into deck files.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quizkit.extract.facts import DateFact, DocumentFacts, NumberFact, OfficialFact, Provenance
from quizkit.extract.gazetteer import find_places
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop, document_name, source_of
from quizkit.questions.caseless import Caseless
from quizkit.questions.dates import names_something
from quizkit.questions.distractors import format_number
from quizkit.questions.phrasing import MONTH_NAMES, format_day
from quizkit.questions.story import Story

QUOTES = re.compile(r"[\"“”]")
_MONTHS = [m.lower() for m in MONTH_NAMES]
WRITTEN_DATE = Caseless(
    rf"\b(?:{'|'.join(m[:3] for m in _MONTHS)})[a-z]*\.?\s+\d|\d\s+(?:{'|'.join(_MONTHS)})",
    needs=tuple(m[:3] for m in _MONTHS),  # every match holds a month's first three letters
)
MAX_WORDS = 40
# "... by the time the elections are held": an event only the article says which it is.
BARE_EVENT = re.compile(
    r"\bthe\s+(?:[a-z]+\s+)?(?:elections?|race|vote|attack|talks|meeting|summit|deal|crisis|"
    r"operation|incident|war|storm|quake|earthquake|campaign)\s+(?:is|are|was|were|will|would|"
    r"has|have|had|began|begins|ended|ends)\b"
)
DAY = re.compile(r"[A-Za-z]+\.?\s+\d{1,2}(?!\d)|\d{1,2}\s+[A-Za-z]")
CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
# Which blank teaches most: a date inside the story, a number, then a name.
PREFERENCE = {"date": 0, "number": 1, "name": 2}


def propose(docs: Sequence[DocumentFacts], story: Story) -> tuple[list[Candidate], list[Drop]]:
    """One cloze per article: the best blank (a date, then a number, then a name) whose
    sentence reads whole; the blanks tried before it are reported with their reasons.
    """
    from quizkit.questions.checks import wording_reason

    candidates: list[Candidate] = []
    drops: list[Drop] = []
    for doc in docs:
        blanks = []
        for fact in doc.facts:
            blank = _blank_of(fact, story)
            if blank is not None:
                blanks.append((PREFERENCE[blank[0]], fact.where.sentence_index, fact, blank))
        blanks.sort(key=lambda item: (item[0], item[1]))
        for _rank, _index, fact, (what, text, answer) in blanks:
            where = fact.where
            sentence = " ".join(where.sentence.split())
            blanked = sentence.replace(text, "[...]", 1)
            question = f"Fill in the blank: {blanked}"
            reason = _reason_against(fact, what, text, sentence, story) or wording_reason(blanked)
            if reason:
                drops.append(Drop(reason, "cloze", question, answer, str(source_of(where))))
                continue
            document = document_name(doc.source)
            note = Note(
                question=question,
                answer=answer,
                guid=content_guid("cloze", document, str(where.sentence_index), text),
                kind="cloze",
                alternatives=_alternatives(fact, answer),
                tags=("cloze",),
                sources=(source_of(where),),
                extra={"answer_type": "text", "study_only": True},
            )
            candidates.append(Candidate(note, f"cloze:{document}"))
            break
    return candidates, drops


NUMBER_BLANK = re.compile(r"[$€£]?[\d.,]+(?:\s(?:million|billion))?%?")


def _blank_of(fact: object, story: Story) -> tuple[str, str, str] | None:
    """(what is blanked, the words blanked, the answer)."""
    if isinstance(fact, DateFact):
        return "date", fact.text, fact.text
    if isinstance(fact, NumberFact):
        head = NUMBER_BLANK.match(fact.text)
        if head is None:
            return None
        return "number", head.group(0), head.group(0)
    if isinstance(fact, OfficialFact) and fact.person in fact.where.sentence:
        return "name", fact.person, fact.person
    return None


def _alternatives(fact: object, answer: str) -> tuple[str, ...]:
    """The other accepted answers of the blank chosen: read for that one only, not for every
    blank an article offers."""
    if isinstance(fact, DateFact):
        return format_day(fact.date), fact.date
    if isinstance(fact, NumberFact):
        return (format_number(fact.value),)
    if isinstance(fact, OfficialFact):
        return fact.aliases
    return ()


_VERB = re.compile(
    r"^(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|shall|should|"
    r"did|does|do|began|begins|ended|ends|\w+ed)$"
)


def _bare_subject(sentence: str) -> bool:
    """'The race, which was ...', 'The most powerful aftershock was ...': a subject the
    article named before, which the card alone does not say (no name within it, up to its
    verb or a comma)."""
    match = re.match(r"The\s+([^,;:]*)", sentence)
    if match is None:
        return False
    subject = []
    for word in match.group(1).split()[:10]:
        if _VERB.match(word):
            break
        subject.append(word)
    return bool(subject) and not any(w[:1].isupper() for w in subject)


def _bare_title(fact: OfficialFact) -> bool:
    """A title written right before the name with no place of its own ("Defence Minister
    X"), the country only guessed from the text around."""
    title = fact.text[: -len(fact.person)] if fact.text.endswith(fact.person) else ""
    return fact.guessed and bool(title.strip()) and " of " not in title


def _names_a_place(sentence: str, blanked: str) -> bool:
    """Whether the sentence, its blank aside, names a country or an organisation."""
    return bool(find_places(sentence.replace(blanked, " ")))


def _reason_against(fact: object, what: str, text: str, sentence: str, story: Story) -> str | None:
    where: Provenance = fact.where  # type: ignore[attr-defined]
    if isinstance(fact, DateFact):
        if story.is_dateline(fact):
            return "blank-not-fact"
        if not WRITTEN_DATE.found_in(fact.text) or fact.date.startswith("--"):
            return "blank-not-fact"
    if text not in sentence or len(sentence.split()) > MAX_WORDS:
        return "no-context"
    if QUOTES.search(sentence):
        return "quoted-speech"
    if len(sentence.split()) < 6 or not sentence.rstrip().endswith((".", "!")):
        return "no-context"
    if story.is_dateline_sentence(where) or story.is_headline(where):
        return "blank-not-fact"
    if not names_something(sentence.replace(text, "")):
        return "vague-event"
    if isinstance(fact, OfficialFact) and _bare_title(fact) and not _names_a_place(sentence, text):
        # "Defence Minister [...] was also there": whose minister, only the article says
        return "no-context"
    if _bare_subject(sentence) or BARE_EVENT.search(sentence):
        return "no-context"
    if what == "date":
        rest = sentence.replace(text, " ", 1)
        # another date or an hour beside the blank: which one the blank dates is unclear,
        # and "at 03:10 ... in [...]" is a sentence copied broken
        if WRITTEN_DATE.found_in(rest) or CLOCK.search(rest):
            return "broken-clause"
        if re.search(rf"\bin\s+{re.escape(text)}", sentence) and DAY.match(text):
            return "broken-clause"  # "in March 2": a day copied with a month's preposition
    return None
