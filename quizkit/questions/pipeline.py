"""The stages in order: propose per kind, check each, check the set, select."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import cast

from quizkit.collector import collector_paused
from quizkit.extra import NoteExtra
from quizkit.extract.facts import DocumentFacts
from quizkit.models import Note
from quizkit.questions import (
    cloze,
    dates,
    numbers,
    officials,
    participants,
    timeline,
    truefalse,
)
from quizkit.questions.candidate import Candidate, Drop
from quizkit.questions.checks import check_each, check_set
from quizkit.questions.conflicts import mark_conflicts
from quizkit.questions.selection import select
from quizkit.questions.story import read_story

KINDS = (officials, truefalse, dates, numbers, participants)
OPENING = 60  # characters of a sentence's opening that, copied into a note, quote the article
KEY = 16


@dataclass(frozen=True)
class Built:
    """The notes of a deck, and every candidate left out with its reason."""

    notes: list[Note]
    dropped: list[Drop]


@collector_paused()
def build(docs: Sequence[DocumentFacts], seed: int = 0) -> Built:
    """Every note for a story told by `docs` (read together), in a stable order."""
    story = read_story(docs)
    headlines = list(story.headlines.values())
    names = sorted(story.persons())
    proposed: list[Candidate] = []
    dropped: list[Drop] = []
    for kind in KINDS:
        made, left = kind.propose(story, seed)
        proposed += made
        dropped += left
    made, left = cloze.propose(docs, story)
    proposed += made
    dropped += left
    passed, failed = check_each(proposed, headlines, names)
    dropped += failed
    passed, repeated = check_set(passed)
    dropped += repeated
    made, left = timeline.propose([c for c in passed if "date" in c.note.extra], seed)
    dropped += left
    line_up, failed = check_each(made, headlines, names)
    dropped += failed
    chosen, spread = select(passed + line_up)
    dropped += spread
    chosen = mark_conflicts(story, chosen)
    openings = _openings(story.sentences)
    notes = [_finished(c, openings) for c in chosen]
    return Built(notes, dropped)


def build_notes(docs: Sequence[DocumentFacts], seed: int = 0) -> list[Note]:
    return build(docs, seed).notes


def _openings(sentences: Mapping[str, Mapping[int, str]]) -> dict[str, list[str]]:
    """The opening words of each sentence facts came from, by their first KEY characters: a
    note that holds one quotes its article."""
    found: dict[str, list[str]] = {}
    for by_index in sentences.values():
        for sentence in by_index.values():
            opening = _folded(sentence)[:OPENING]
            if len(opening) == OPENING:
                found.setdefault(opening[:KEY], []).append(opening)
    return found


def _folded(text: str) -> str:
    """Spaces folded, case kept: a sentence's opening quoted as a sentence (a timeline item, a
    'what happened' answer) keeps its capital, while a question that restates its subject
    mid-sentence ('When did the withdrawal ... begin?') is wording of its own."""
    return " ".join(text.split())


def _quotes_a_sentence(note: Note, openings: dict[str, list[str]]) -> bool:
    """True when the question or answer carries a sentence's opening OPENING characters word
    for word (a timeline's events, a 'what happened' answer): that is the article's prose."""
    for text in (_folded(note.question), _folded(note.answer)):
        start = 0
        while start + OPENING <= len(text):
            for opening in openings.get(text[start : start + KEY], ()):
                if text.startswith(opening, start):
                    return True
            start = text.find(" ", start) + 1
            if start == 0:
                break
    return False


def _finished(candidate: Candidate, openings: dict[str, list[str]]) -> Note:
    """The note as stored: a lone wrong option gives the answer away, so it is typed instead;
    a note quoting its article's prose is for studying here only (like a cloze card)."""
    note = candidate.note
    extra = cast(NoteExtra, {k: v for k, v in note.extra.items() if k != "person"})
    extra["fact"] = candidate.fact
    if _quotes_a_sentence(note, openings):
        extra["study_only"] = True
    lone = len(note.distractors) == 1 and note.kind != "truefalse"
    return replace(note, extra=extra, distractors=() if lone else note.distractors)
