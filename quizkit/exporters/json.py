"""A deck as JSON: the deck's settings and its notes, field for field as in deck files."""

from __future__ import annotations

import json
from collections.abc import Iterable

from quizkit.exporters.native import note_table
from quizkit.models import DeckInfo, Note

FORMAT_NAME = "quizkit-deck"
FORMAT_VERSION = 1


def deck_json(deck: DeckInfo, notes: Iterable[Note]) -> str:
    data = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "deck": {
            "name": deck.name,
            "description": deck.description,
            "desired_retention": deck.desired_retention,
        },
        "notes": [note_table(n) for n in notes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
