"""`quizkit export`: exact output per format, formula guard, round trips, Anki reading it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.exporting import export_deck
from quizkit.importing import import_file
from quizkit.models import Note, SourceRef
from quizkit.store import Store

REPO = Path(__file__).resolve().parents[1]
DECK = "Capitals"
NOTES = [
    Note(
        "Capital of France?",
        "Paris",
        "n-france",
        distractors=("Lyon", "Nice"),
        alternatives=("Paree",),
        tags=("geo", "europe"),
        sources=(SourceRef("atlas"), SourceRef("news", 4)),
    ),
    Note("dog", "Hund", "n-dog", tags=("words",), reverse=True),
    Note("Longest river\nof France", "Loire", "n-loire", tags=("geo",)),
    Note("=1+1", "-2 @home", "n-formula"),
]


@pytest.fixture
def filled(store: Store, now: datetime) -> Store:
    from quizkit.models import DeckInfo

    deck = store.ensure_deck(DeckInfo(DECK, "European capitals", 0.85), now)
    store.upsert_notes(deck, NOTES, now)
    return store


def text_export(store: Store, fmt: str, now: datetime) -> str:
    _count, text = export_deck(store, DECK, fmt, None, now)
    assert text is not None
    return text


def test_csv_is_anki_text_with_headers_and_formula_guard(filled: Store, now: datetime) -> None:
    assert text_export(filled, "csv", now) == (
        "#separator:comma\n#html:false\n#guid column:1\n#notetype column:2\n"
        "#deck column:3\n#tags column:6\n"
        "n-france,Basic,Capitals,Capital of France?,Paris,geo europe\n"
        "n-dog,Basic (and reversed card),Capitals,dog,Hund,words\n"
        'n-loire,Basic,Capitals,"Longest river\nof France",Loire,geo\n'
        "n-formula,Basic,Capitals,'=1+1,'-2 @home,\n"
    )


def test_tsv_uses_tabs(filled: Store, now: datetime) -> None:
    lines = text_export(filled, "tsv", now).split("\n")
    assert lines[0] == "#separator:tab"
    assert lines[6] == "n-france\tBasic\tCapitals\tCapital of France?\tParis\tgeo europe"


def test_markdown_export(filled: Store, now: datetime) -> None:
    assert text_export(filled, "md", now) == (
        '---\ndeck: "Capitals"\n---\n\n'
        "=1+1::-2 @home\n\n"
        "# geo\n\nLongest river\nof France\n?\nLoire\n\n"
        "## europe\n\nCapital of France?::Paris\n\n"
        "# words\n\ndog:::Hund\n"
    )


def test_json_export(filled: Store, now: datetime) -> None:
    data = json.loads(text_export(filled, "json", now))
    assert data["deck"] == {
        "name": DECK,
        "description": "European capitals",
        "desired_retention": 0.85,
    }
    assert data["notes"][0] == {
        "id": "n-france",
        "question": "Capital of France?",
        "answer": "Paris",
        "alternatives": ["Paree"],
        "distractors": ["Lyon", "Nice"],
        "tags": ["geo", "europe"],
        "sources": [{"document": "atlas"}, {"document": "news", "sentence": 4}],
    }
    assert [n["id"] for n in data["notes"]] == ["n-france", "n-dog", "n-loire", "n-formula"]


# round trips ------------------------------------------------------------

CARRIES_EXTRAS = {"json", "deck", "apkg"}
KEEPS_GUID = {"csv", "tsv", "json", "deck", "apkg"}


def contents(store: Store, fmt: str) -> list[tuple[Any, ...]]:
    notes = store.deck_notes(store.deck(DECK))
    rows = []
    for n in notes:
        row: tuple[Any, ...] = (n.question, n.answer, n.tags, n.reverse)
        if fmt in CARRIES_EXTRAS:
            row += (n.alternatives, n.distractors, n.sources)
        if fmt in KEEPS_GUID:
            row += (n.guid,)
        rows.append(row)
    return sorted(rows)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "md", "apkg", "deck"])
def test_round_trip_into_a_fresh_database(
    filled: Store, now: datetime, tmp_path: Path, fmt: str
) -> None:
    suffix = {"deck": ".toml", "md": ".md"}.get(fmt, f".{fmt}")
    path = tmp_path / f"export{suffix}"
    count, _text = export_deck(filled, DECK, fmt, path, now)
    assert count == 4
    fresh = Store.open(tmp_path / "fresh.db")
    try:
        name, report = import_file(fresh, path, now)
        assert (name, report.added, report.skipped) == (DECK, 4, [])
        assert contents(fresh, fmt) == contents(filled, fmt)
        _name, again = import_file(fresh, path, now)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    finally:
        fresh.close()


def test_apkg_carries_media_back(store: Store, now: datetime, tmp_path: Path) -> None:
    from transfer_fixtures import BASIC, AnkiNote, collection_anki21b, write_package

    notes = [AnkiNote(1, "g1", BASIC, ["q", 'a <img src="p.png">'])]
    package = write_package(
        tmp_path / "in.apkg", collection_anki21b(notes), modern=True, media={"p.png": b"PNG!"}
    )
    import_file(store, package, now)
    deck_name = store.decks()[0].name
    out = tmp_path / "out.apkg"
    export_deck(store, deck_name, "apkg", out, now)
    with zipfile.ZipFile(out) as archive:
        index = json.loads(archive.read("media"))
        assert [archive.read(entry) for entry in index] == [b"PNG!"]
    fresh = Store.open(tmp_path / "fresh.db")
    try:
        import_file(fresh, out, now)
        (note,) = fresh.deck_notes(fresh.deck(deck_name))
        assert fresh.media_file(note.extra["media"][0]).read_bytes() == b"PNG!"
    finally:
        fresh.close()


def test_anki_opens_the_package_and_the_csv(filled: Store, now: datetime, tmp_path: Path) -> None:
    collection_module = pytest.importorskip("anki.collection")
    package, table = tmp_path / "deck.apkg", tmp_path / "deck.csv"
    export_deck(filled, DECK, "apkg", package, now)
    export_deck(filled, DECK, "csv", table, now)
    for source in (package, table):
        col = collection_module.Collection(str(tmp_path / f"anki-{source.suffix[1:]}.anki2"))
        try:
            if source == package:
                request = collection_module.ImportAnkiPackageRequest(
                    package_path=str(package),
                    options=collection_module.ImportAnkiPackageOptions(),
                )
                col.import_anki_package(request)
            else:
                metadata = col.get_csv_metadata(path=str(table), delimiter=None)
                col.import_csv(
                    collection_module.ImportCsvRequest(path=str(table), metadata=metadata)
                )
            got = sorted(
                (note.guid, note.fields[0], note.tags, col.decks.name(note.cards()[0].did))
                for note in (col.get_note(nid) for nid in col.find_notes(""))
            )
            card_count = len(col.find_cards(""))
        finally:
            col.close()
        assert got == [
            ("n-dog", "dog", ["words"], DECK),
            ("n-formula", "=1+1" if source == package else "&#x27;=1+1", [], DECK),
            ("n-france", "Capital of France?", ["europe", "geo"], DECK),
            ("n-loire", "Longest river<br>of France", ["geo"], DECK),
        ]
        assert card_count == 5


def test_export_command_writes_file_and_reports(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text("front,back\ncanis,dog\n")
    assert runner.invoke(cli, ["import", str(source)]).exit_code == 0
    out = tmp_path / "out.json"
    result = runner.invoke(cli, ["export", "in", "-o", str(out)])
    assert result.exit_code == 0
    assert result.output == f"{out}: 1 note written\n"
    assert json.loads(out.read_text())["notes"][0]["question"] == "canis"


def test_export_errors(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["export", "nope", "--format", "csv"])
    assert (result.exit_code, result.output) == (
        1,
        "Error: no deck named 'nope' (the database has no decks yet)\n",
    )
    source = tmp_path / "in.csv"
    source.write_text("a,b\n")
    runner.invoke(cli, ["import", str(source)])
    result = runner.invoke(cli, ["export", "in", "--format", "apkg"])
    assert (result.exit_code, result.output) == (
        1,
        "Error: an Anki package needs an output file: -o FILE.apkg\n",
    )
    result = runner.invoke(cli, ["export", "in", "-o", str(tmp_path / "x.unknown")])
    assert result.exit_code == 1
    assert (
        result.output
        == "Error: say which format with --format (csv, tsv, json, md, apkg, deck, html)\n"
    )


def test_bad_file_from_a_real_process_is_one_line_no_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("front,back\nonly\n")
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZKIT_DB": str(tmp_path / "q.db")}
    result = subprocess.run(
        [sys.executable, "-m", "quizkit", "import", str(bad)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == f"quizkit: {bad}:2: empty back\n"
    assert result.stdout == ""


def test_markdown_escapes_lines_that_would_read_as_markup(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    from quizkit.models import DeckInfo

    tricky = [
        Note("# not a heading", "?", "t1"),
        Note("line\n??\n```", "\\backslash\n---", "t2"),
        Note("ends with:", ":starts", "t3"),
    ]
    store.upsert_notes(store.ensure_deck(DeckInfo("M"), now), tricky, now)
    path = tmp_path / "m.md"
    export_deck(store, "M", "md", path, now)
    assert path.read_text() == (
        '---\ndeck: "M"\n---\n\n'
        "\\# not a heading::?\n\n"
        "line\n\\??\n\\```\n?\n\\\\backslash\n\\---\n\n"
        "ends with:\n?\n:starts\n"
    )
    fresh = Store.open(tmp_path / "fresh.db")
    try:
        import_file(fresh, path, now)
        got = [(n.question, n.answer) for n in fresh.deck_notes(fresh.deck("M"))]
    finally:
        fresh.close()
    assert got == [(n.question, n.answer) for n in tricky]


def test_export_html_is_the_printed_handout(runner: CliRunner, tmp_path: Path) -> None:
    """`export --format html` and `print` share one code path: the same bytes."""
    from quizkit.importing import bundled_deck_path

    assert runner.invoke(cli, ["import", str(bundled_deck_path())]).exit_code == 0
    deck = "CSTO in Kazakhstan, January 2022"
    exported = tmp_path / "exported.html"
    printed = tmp_path / "printed.html"
    first = runner.invoke(cli, ["export", deck, "-o", str(exported), "--format", "html"])
    assert first.exit_code == 0, first.output
    second = runner.invoke(cli, ["print", deck, "-o", str(printed), "--paper", "a4", "--seed", "0"])
    assert second.exit_code == 0, second.output
    assert exported.read_bytes() == printed.read_bytes()
