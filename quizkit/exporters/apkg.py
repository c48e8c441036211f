"""A deck as an Anki package (.apkg) that Anki opens: genanki writes the collection.

Two note types of quizkit's own keep what Anki's Basic would drop: besides Front and Back
they carry Alternatives, Distractors and Sources, one per line, which quizkit reads back.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from quizkit.exporters.delimited import anki_tag
from quizkit.models import DeckInfo, Note

FIELDS = ["Front", "Back", "Alternatives", "Distractors", "Sources"]
SOUND_SUFFIXES = (".mp3", ".ogg", ".wav", ".m4a", ".flac", ".opus", ".webm", ".mp4")
CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: center; }"
FORWARD = {
    "name": "Card 1",
    "qfmt": "{{Front}}",
    "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
}
BACKWARD = {
    "name": "Card 2",
    "qfmt": "{{Back}}",
    "afmt": '{{FrontSide}}<hr id="answer">{{Front}}',
}


def stable_id(text: str) -> int:
    """An Anki id (a positive 63-bit number) that is the same for the same name."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16) + (1 << 40)


def field_html(text: str) -> str:
    """Plain text as an Anki field: escaped, line breaks as <br>."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def write_apkg(
    deck: DeckInfo,
    notes: list[Note],
    path: Path,
    now: datetime,
    media_file: Callable[[str], Path],
) -> None:
    import genanki

    models = {
        reverse: genanki.Model(
            stable_id(f"quizkit model {reverse}"),
            "quizkit Basic (and reversed card)" if reverse else "quizkit Basic",
            fields=[{"name": name} for name in FIELDS],
            templates=[FORWARD, BACKWARD] if reverse else [FORWARD],
            css=CSS,
        )
        for reverse in (False, True)
    }
    decks: dict[str, genanki.Deck] = {}
    media: dict[str, Path] = {}
    for note in notes:
        name = note.deck or deck.name
        if name not in decks:
            decks[name] = genanki.Deck(stable_id(f"quizkit deck {name}"), name)
        back = field_html(note.answer)
        for kept in note.extra.get("media", []):
            media[kept] = media_file(kept)
            ref = f"[sound:{kept}]" if kept.endswith(SOUND_SUFFIXES) else f'<img src="{kept}">'
            back += ref
        sources = [
            s.document if s.sentence is None else f"{s.document}, sentence {s.sentence}"
            for s in note.sources
        ]
        fields = [
            field_html(note.question),
            back,
            "<br>".join(field_html(a) for a in note.alternatives),
            "<br>".join(field_html(d) for d in note.distractors),
            "<br>".join(field_html(s) for s in sources),
        ]
        decks[name].add_note(
            genanki.Note(
                model=models[note.reverse],
                fields=fields,
                tags=[anki_tag(t) for t in note.tags],
                guid=note.guid,
            )
        )
    package = genanki.Package(
        list(decks.values()) or [genanki.Deck(stable_id(deck.name), deck.name)]
    )
    _write_package(package, path, now, media)


def _write_package(package: Any, path: Path, now: datetime, media: dict[str, Path]) -> None:
    """genanki's write_to_file, but with its temporary collection removed afterwards."""
    timestamp = now.timestamp()
    with tempfile.TemporaryDirectory(prefix="quizkit-apkg-") as folder:
        collection = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            cursor = conn.cursor()
            package.write_to_db(cursor, timestamp, itertools.count(int(timestamp * 1000)))
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(collection, "collection.anki2")
            names = sorted(media)
            archive.writestr("media", json.dumps({str(i): n for i, n in enumerate(names)}))
            for index, name in enumerate(names):
                archive.write(media[name], str(index))
