"""What never leaves the database: notes quoting an article (generated cloze cards), in
every format; dropped notes, unless --include-dropped. `show` marks dropped notes."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.formats import EXPORT_FORMATS
from quizkit.models import DeckInfo, Note, SourceRef
from quizkit.store import Store

DECK = "Lisk ferry"
KEPT = Note("When did the Lisk ferry start?", "3 March 1998", "n-kept")
DROPPED = Note("Who sank the old Lisk ferry?", "nobody knows", "n-dropped")
QUOTE = Note(
    "Fill in the blank: The Lisk ferry sailed first on [...], the harbour master said.",
    "3 March 1998",
    "n-quote",
    kind="cloze",
    sources=(SourceRef("lisk-gazette", 2),),
    extra={"answer_type": "text", "study_only": True},
)
EXTENSIONS = {"deck": "toml", "md": "md"}


@pytest.fixture
def filled(store: Store, now: datetime) -> Store:
    deck = store.ensure_deck(DeckInfo(DECK), now)
    store.upsert_notes(deck, [KEPT, DROPPED, QUOTE], now)
    store.drop_note(store.find_note("n-dropped")[0], now)
    store.close()
    return store


def exported_text(path: Path, fmt: str) -> str:
    """Everything a file says: an Anki package's notes are read from its collection."""
    if fmt != "apkg":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as archive:
        data = archive.read("collection.anki2")
    conn = sqlite3.connect(":memory:")
    conn.deserialize(data)
    try:
        return json.dumps(conn.execute("SELECT flds FROM notes").fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
@pytest.mark.parametrize("include_dropped", [False, True], ids=["default", "include-dropped"])
def test_every_format_leaves_quotes_and_dropped_notes_behind(
    filled: Store, tmp_path: Path, fmt: str, include_dropped: bool
) -> None:
    out = tmp_path / f"out.{EXTENSIONS.get(fmt, fmt)}"
    args = ["export", DECK, "--format", fmt, "-o", str(out)]
    result = CliRunner().invoke(cli, args + (["--include-dropped"] if include_dropped else []))
    assert result.exit_code == 0, result.output
    text = exported_text(out, fmt)
    assert "When did the Lisk ferry start?" in text
    assert "The Lisk ferry sailed first" not in text
    assert ("Who sank the old Lisk ferry?" in text) is include_dropped


def test_print_leaves_quotes_and_dropped_notes_behind(filled: Store) -> None:
    runner = CliRunner()
    handout = runner.invoke(cli, ["print", DECK, "--seed", "1"]).output
    assert "When did the Lisk ferry start?" in handout
    assert "The Lisk ferry sailed first" not in handout
    assert "Who sank the old Lisk ferry?" not in handout
    also = runner.invoke(cli, ["print", DECK, "--seed", "1", "--include-dropped"]).output
    assert "Who sank the old Lisk ferry?" in also
    assert "The Lisk ferry sailed first" not in also


def test_show_marks_dropped_notes(filled: Store) -> None:
    runner = CliRunner()
    lines = runner.invoke(cli, ["show", DECK]).output.splitlines()
    assert lines[3] == "       -> nobody knows   [dropped]"
    assert lines[1] == "       -> 3 March 1998   [new]"
    rows = json.loads(runner.invoke(cli, ["show", DECK, "--json"]).output)["cards"]
    assert [(r["answer"], r["dropped"]) for r in rows] == [
        ("3 March 1998", False),
        ("nobody knows", True),
        ("3 March 1998", False),
    ]
