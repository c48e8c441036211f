"""What passes between the stages: a proposed question, and a question left out with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from quizkit.extract.facts import Provenance
from quizkit.models import Note, SourceRef


@dataclass(frozen=True)
class Candidate:
    """A question one kind's module proposes; `fact` names the fact it asks about.

    Two candidates with the same `fact` are variants of one question (its reverse, its
    true/false form), so selection and handouts can keep them apart.
    """

    note: Note
    fact: str
    # Lower is asked first when the selection must choose between variants of one fact.
    rank: int = 0
    # The extracted fact the question came from (dates and numbers, for conflict notes).
    origin: object = field(default=None, compare=False)


@dataclass(frozen=True)
class Drop:
    """A candidate (or a fact no question could be made from) left out, and why."""

    reason: str
    kind: str
    question: str
    answer: str = ""
    source: str = ""


# Every reason a question can be left out, with the words `--explain` shows a teacher.
REASONS: dict[str, str] = {
    # proposal: the fact cannot give a sound question
    "dateline": "the date is only the article's date of filing",
    "statement-only": "the dated clause is only a statement, not an event",
    "no-year": "the date has no year",
    "no-clause": "the event wording is not a clause a question can be made from",
    "not-distinctive": "another event happened the same day, or the place is unknown",
    "subjectless-verb": "a verb after a comma with no subject: the article's clause was cut",
    "not-a-place": "the event's place reads as an organisation's name, not a place",
    "no-such-office": "the country has no such office (no prime minister of the United States)",
    "few-countries": "fewer than two named countries",
    "not-all-countries": "a member is an organisation, so 'which countries' would be wrong",
    "conflict-sides": "the countries are sides of a conflict, not partners in one event",
    "partial-set": "the text names only some of those who took part",
    "vague-event": "the event is not named well enough to ask about",
    "no-context": "the sentence does not name what is counted or who did it",
    "uncertain-value": "the text gives the value only as one of two ('28 or 29')",
    "blank-not-fact": "the blank would hide a weekday, relative date or the dateline",
    "quoted-speech": "the sentence is a quotation",
    "too-few-events": "fewer than three clean events on distinct days",
    "office-not-national": "a local, legislative or committee office, not the country's own",
    "former-office": "many held the office before; 'who had served as' has no one answer",
    "outgoing-office": "a successor may take office that month: 'who was' has two answers",
    "office-no-destination": "an ambassador or envoy with no destination named",
    "same-person": "a short name of an office-holder already asked by the full name",
    "generic-office": "the office is a description ('Head'), not the title of a post",
    "one-of-several": "the post has several holders at once (a deputy, a spokesperson)",
    "office-of-another": "the person works for the office-holder ('secretary for the governor')",
    "no-local-place": "a local office whose town or province the text does not name",
    # checks: the wording or options are faulty
    "dangling-end": "the question ends mid-clause",
    "no-time-frame": "a toll asked without its span (year, attack): other counts fit too",
    "place-not-event": "the place is where something came from, not where it happened",
    "broken-clause": "clauses cut and pasted together ('did ... began', 'and is drafting')",
    "lowercase-start": "the question does not start with a capital",
    "relative-time": "a relative time word needs the article to make sense",
    "unresolved-pronoun": "a pronoun or 'the announcement' needs the article to make sense",
    "headline-caps": "words copied in headline capitals",
    "lowercase-name": "a name written in lower case",
    "repeated-word": "a word twice in a row, copied from the article",
    "answer-in-question": "the question gives its answer away",
    "option-is-answer": "a wrong option is the answer written another way",
    "list-members": "a list to name with fewer than two members, or one member twice",
    "same-wording": "the same question twice",
    "same-wording-different-answer": "near-identical questions with different answers",
    "truefalse-balance": "too many true (or false) statements",
    # selection
    "spread": "the fact is already asked often enough",
}


@lru_cache(maxsize=65536)
def document_name(source: str) -> str:
    """A document as notes cite it: its file name without folder or extension."""
    return Path(source).stem


def source_of(where: Provenance) -> SourceRef:
    return SourceRef(document_name(where.source), where.sentence_index)


def drop_of(candidate: Candidate, reason: str) -> Drop:
    note = candidate.note
    source = str(note.sources[0]) if note.sources else ""
    return Drop(reason, note.kind, note.question, note.answer, source)


def explain(drops: list[Drop]) -> list[str]:
    """One line per question left out, then how many per reason: what `--explain` prints."""
    lines = []
    for drop in drops:
        wording = " ".join(drop.question.split())
        answer = f" -> {drop.answer}" if drop.answer else ""
        source = f" ({drop.source})" if drop.source else ""
        lines.append(f"left out [{drop.reason}] {drop.kind}: {wording}{answer}{source}")
    counts: dict[str, int] = {}
    for drop in drops:
        counts[drop.reason] = counts.get(drop.reason, 0) + 1
    for reason, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        lines.append(f"{count:4d} {reason}: {REASONS.get(reason, reason)}")
    return lines
