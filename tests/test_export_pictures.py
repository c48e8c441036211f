"""Pictures brought from Anki: they keep their side, print in handouts (embedded, sized to
the card) and show as [image: name] in the terminal."""

from __future__ import annotations

import base64
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from transfer_fixtures import BASIC, AnkiNote, collection_anki21b, write_package

from quizkit.cli import cli
from quizkit.exporters.html import export_html
from quizkit.handouts import HandoutOptions
from quizkit.importing import import_file
from quizkit.store import Store

MAP = b"\x89PNG\r\n\x1a\n-harbour-map"
GULL = b"\x89PNG\r\n\x1a\n-gull"
HORN = b"ID3-horn"


def imported(store: Store, now: datetime, tmp_path: Path) -> str:
    notes = [
        AnkiNote(1, "g-map", BASIC, ['Which harbour is this? <img src="map.png">', "Ostrav"]),
        AnkiNote(
            2,
            "g-gull",
            BASIC,
            ["Which bird nests on the Lisk mole?", 'a gull <img src="gull.png">[sound:horn.mp3]'],
        ),
    ]
    package = write_package(
        tmp_path / "coast.apkg",
        collection_anki21b(notes),
        modern=True,
        media={"map.png": MAP, "gull.png": GULL, "horn.mp3": HORN},
    )
    name, _report = import_file(store, package, now)
    return name


def uri(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")


def test_imported_pictures_print_on_their_side(store: Store, now: datetime, tmp_path: Path) -> None:
    deck = imported(store, now, tmp_path)
    worksheet = export_html(store, deck, HandoutOptions(seed=1))
    questions, key = worksheet.split('class="paper key')
    assert questions.count(uri(MAP)) == 1  # with its question
    assert uri(GULL) not in questions  # an answer's picture does not give it away
    cards = export_html(store, deck, HandoutOptions(layout="flashcards", seed=1))
    fronts, backs = cards.split('style="page: backs"')
    assert uri(MAP) in fronts and uri(MAP) not in backs
    assert uri(GULL) in backs and uri(GULL) not in fronts
    assert "horn" not in cards  # sounds do not print


def test_terminal_names_the_pictures(store: Store, now: datetime, tmp_path: Path) -> None:
    deck = imported(store, now, tmp_path)
    store.close()
    result = CliRunner().invoke(cli, ["study", deck], input="Ostrav\n\n")
    assert result.exit_code == 0, result.output
    assert "Which harbour is this? [image: map.png]" in result.output
    assert "Answer: a gull [image: gull.png] [sound: horn.mp3]" in result.output
