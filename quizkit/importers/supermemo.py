"""SuperMemo's Q&A text: `Q:` lines then `A:` lines; a line without a prefix continues the
side above it, and a blank line or the next `Q:` ends a card."""

from __future__ import annotations

import re
from pathlib import Path

from quizkit.importers import (
    ImportBatch,
    ImportOptions,
    Problems,
    Warn,
    dedupe,
    default_deck_name,
    guid_maker,
)
from quizkit.models import DeckInfo, Note
from quizkit.textfile import read_text

PREFIX = re.compile(r"^\s*([QA])\s*:\s?(.*)$")


def read_supermemo(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    text = read_text(path, warn)
    deck_name = default_deck_name(path, options)
    guid = guid_maker(deck_name)
    problems = Problems(str(path), options.skip_bad)
    notes: list[Note] = []
    sides: dict[str, list[str]] = {}
    side = ""
    start = 0

    def finish() -> None:
        if not sides:
            return
        question = "\n".join(sides.get("Q", [])).strip()
        answer = "\n".join(sides.get("A", [])).strip()
        if not question:
            problems.bad("answer without a Q: line", start)
        elif not answer:
            problems.bad("question without an A: line", start)
        else:
            notes.append(Note(question, answer, guid(question), deck_name, line=start))
        sides.clear()

    for number, line in enumerate(text.split("\n"), 1):
        match = PREFIX.match(line)
        if match:
            if match.group(1) == "Q" and ("A" in sides or side == "Q" and not sides["Q"][-1]):
                finish()
            if not sides:
                start = number
            side = match.group(1)
            sides.setdefault(side, []).append(match.group(2))
        elif not line.strip():
            finish()
            side = ""
        elif side:
            sides[side].append(line)
        else:
            problems.bad("text outside a Q: or A: line", number)
    finish()
    notes = dedupe(notes, problems, "same question as the card at")
    return ImportBatch(DeckInfo(deck_name), notes, problems.skipped)
