"""Quizlet exports: term and definition split by a tab, a comma or a custom string
(`--separator`), cards split by newlines, semicolons or a custom string (`--row-separator`).
No quoting: the first separator in a card ends the term."""

from __future__ import annotations

from pathlib import Path

from quizkit.errors import InputError
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


def read_quizlet(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    text = read_text(path, warn)
    separator = options.separator or "\t"
    row_separator = options.row_separator or "\n"
    if separator == row_separator:
        raise InputError(str(path), "--separator and --row-separator must differ")
    deck_name = default_deck_name(path, options)
    guid = guid_maker(deck_name)
    problems = Problems(str(path), options.skip_bad)
    notes = []
    line_of_row = 1
    for card in text.split(row_separator):
        stripped = card.lstrip()
        line = line_of_row + card[: len(card) - len(stripped)].count("\n")
        line_of_row += card.count("\n") + row_separator.count("\n")
        if not card.strip():
            continue
        term, found, definition = card.partition(separator)
        term, definition = term.strip(), definition.strip()
        if not found:
            problems.bad(f"no separator {separator!r} between term and definition", line)
        elif not term:
            problems.bad("empty term", line)
        elif not definition:
            problems.bad("empty definition", line)
        else:
            notes.append(Note(term, definition, guid(term), deck_name, line=line))
    notes = dedupe(notes, problems, "same term as the card at")
    return ImportBatch(DeckInfo(deck_name), notes, problems.skipped)
