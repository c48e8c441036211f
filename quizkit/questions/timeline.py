"""One timeline card: events of the story on distinct days, in the wording that passed checks."""

from __future__ import annotations

import random

from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop
from quizkit.questions.dates import past_event
from quizkit.questions.phrasing import capitalise, month_year

LETTERS = "ABCDE"


def propose(dates: list[Candidate], seed: int) -> tuple[list[Candidate], list[Drop]]:
    """From date questions already checked: past events, self-contained, one per day."""
    firsts: dict[str, Candidate] = {}
    for candidate in sorted(dates, key=lambda c: c.note.extra["date"]):
        extra = candidate.note.extra
        clean = past_event(extra["event"]) and len(extra["event"].split()) >= 5
        if candidate.note.kind == "date" and not extra.get("planned") and clean:
            firsts.setdefault(extra["date"], candidate)
    if len(firsts) < 3:
        if firsts:
            return [], [Drop("too-few-events", "timeline", "Put these events in order", "")]
        return [], []
    chosen = list(firsts.values())[:5]
    days = [c.note.extra["date"] for c in chosen]
    events = [capitalise(c.note.extra["event"]) for c in chosen]
    guid = content_guid("timeline", *(d + e for d, e in zip(days, events, strict=True)))
    shown = list(range(len(chosen)))
    rng = random.Random(f"{seed}:{guid}")
    while shown == sorted(shown):
        rng.shuffle(shown)
    lines = [f"{LETTERS[i]}. {events[k]}" for i, k in enumerate(shown)]
    order = [LETTERS[shown.index(k)] for k in range(len(chosen))]
    months = {d[:7] for d in days}
    period = f" of {month_year(days[0])}" if len(months) == 1 else ""
    note = Note(
        question=f"Put these events{period} in order, earliest first:\n" + "\n".join(lines),
        answer=", ".join(order),
        guid=guid,
        kind="timeline",
        alternatives=("".join(order),),
        tags=("timeline",),
        sources=tuple(dict.fromkeys(s for c in chosen for s in c.note.sources)),
        extra={
            "answer_type": "sequence",
            "events": [{"date": d, "event": e} for d, e in zip(days, events, strict=True)],
        },
    )
    return [Candidate(note, "timeline")], []
