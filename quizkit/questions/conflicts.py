"""Notes whose sources disagree: an end date against a start date plus a duration."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from quizkit.extract.facts import DateFact, NumberFact
from quizkit.models import Note
from quizkit.questions.candidate import Candidate
from quizkit.questions.dates import lead_of, stems
from quizkit.questions.phrasing import format_day
from quizkit.questions.story import Story

END_WORDS = {"complete", "completed", "end", "ends", "ended", "finish", "finished", "conclude"}


def mark_conflicts(story: Story, chosen: list[Candidate]) -> list[Candidate]:
    """Tag both notes 'conflict' and say what disagrees, for the learner to see after answering."""
    by_origin = {id(c.origin): i for i, c in enumerate(chosen) if c.origin is not None}
    out = list(chosen)
    spans = []
    for duration in story.numbers:
        unit = duration.what.split()[0].lower() if duration.what else ""
        if id(duration) not in by_origin or unit not in ("days", "weeks"):
            continue
        start = _start_beside(story, duration)
        if start is not None:
            days = int(duration.value) * (7 if unit == "weeks" else 1)
            spans.append((duration, start, days, stems(duration.where.sentence)))
    for end in story.dates:
        if id(end) not in by_origin or end.date.startswith("--"):
            continue
        end_words = set(re.findall(r"[a-z]+", end.event.lower()))
        if not end_words & END_WORDS and lead_of(end) != "by":
            continue
        for duration, start, days, topic in spans:
            implied = date.fromisoformat(start.date) + timedelta(days=days)
            if not stems(end.event) & topic or implied.isoformat() == end.date:
                continue
            message = (
                f"{Path(end.where.source).stem} gives {format_day(end.date)} as the end; "
                f"{Path(duration.where.source).stem} gives {days} days from "
                f"{format_day(start.date)}, which would end about "
                f"{format_day(implied.isoformat())}."
            )
            for i in (by_origin[id(end)], by_origin[id(duration)]):
                out[i] = replace(out[i], note=_with_conflict(out[i].note, message))
    return out


def _start_beside(story: Story, duration: NumberFact) -> DateFact | None:
    for fact in story.dates_in.get(duration.where.source, ()):
        if fact.date.startswith("--"):
            continue
        if fact.where.sentence_index == duration.where.sentence_index:
            return fact
    return None


def _with_conflict(note: Note, message: str) -> Note:
    tags = note.tags if "conflict" in note.tags else (*note.tags, "conflict")
    return replace(note, tags=tags, extra={**note.extra, "conflict": message})
