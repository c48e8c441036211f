"""The stages in order: propose per kind, check each, check the set, select."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import cast

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


@dataclass(frozen=True)
class Built:
    """The notes of a deck, and every candidate left out with its reason."""

    notes: list[Note]
    dropped: list[Drop]


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
    notes = [_finished(c) for c in chosen]
    return Built(notes, dropped)


def build_notes(docs: Sequence[DocumentFacts], seed: int = 0) -> list[Note]:
    return build(docs, seed).notes


def _finished(candidate: Candidate) -> Note:
    """The note as stored: a lone wrong option gives the answer away, so it is typed instead."""
    note = candidate.note
    extra = cast(NoteExtra, {k: v for k, v in note.extra.items() if k != "person"})
    extra["fact"] = candidate.fact
    lone = len(note.distractors) == 1 and note.kind != "truefalse"
    return replace(note, extra=extra, distractors=() if lone else note.distractors)
