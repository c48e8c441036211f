"""Big CSV files read as columns, and notes moved into the store with SQL (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from quizkit.importers import ImportOptions, delimited, read_notes
from quizkit.importing import import_file
from quizkit.migrations import migrations
from quizkit.models import Note, NoteTable
from quizkit.store import MIGRATIONS, Store

REPO = Path(__file__).resolve().parents[1]

PLAIN_FILES = {
    "header and tags": "front,back,tags\nCapital of Chad?,N'Djamena,geo africa\nRiver?,Nile,geo\n",
    "no header": "Capital of Chad?,N'Djamena\nRiver of Egypt?,Nile\n",
    "tags first": "tags,definition,term\nlatin,dog,canis\n,cat,felis\n",
    "semicolons": "question;answer\nWho wrote it?;Anna Petrova, in 1910\nWhere?;Tartu\n",
    "formula guards": "front,back,tags\n'=1+1,'@two,'=x\n'-minus,plus,\n",
    "quoted lines": 'front,back\n"two\nlines","x, y"\nnext,one\n"a ""quote""",b\n',
    "accents and spaces": "front,back\nÄrger  im  Büro,anger\nCafé\tnoir,coffee\nTOKYO,東京\n",
    "anki headers": "#separator:tab\n#tags:imported\n#columns:Back\tFront\tTags\nHund\tdog\tpet\n",
    "blank cell tags": "front,back,tags\nq1,a1,\nq2,a2,x\n",
    "CRLF line ends": 'front,back\r\nq1,a1\r\n"two\r\nlines",x\r\n',
    "breaks only splitlines knows": "front,back\nPage\x0cbreak?,a\u2028b\nq\x1e,r\x85s\n",
}


def fields(notes: Sequence[Note]) -> list[tuple[object, ...]]:
    return [(n.guid, n.deck, n.question, n.answer, n.tags, n.line, n.reverse) for n in notes]


@pytest.mark.parametrize("text", PLAIN_FILES.values(), ids=PLAIN_FILES.keys())
def test_the_bulk_reader_gives_what_the_row_reader_gives(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "deck.csv"
    path.write_text(text, encoding="utf-8")
    bulk = read_notes(path, ImportOptions()).notes
    assert isinstance(bulk, NoteTable)  # the bulk reader took the file
    monkeypatch.setattr(delimited, "_plain_table", lambda *_args: None)
    by_row = read_notes(path, ImportOptions()).notes
    assert fields(bulk) == fields(by_row)
    assert len(bulk) == len(by_row) > 0


def test_a_deck_named_in_any_script_gets_the_row_readers_guids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "words.csv"
    path.write_text("front,back\nCapital of Peru?,Lima\nRiver?,Nile\n", encoding="utf-8")
    options = ImportOptions(deck="Кириллица 日本語")
    bulk = read_notes(path, options).notes
    assert isinstance(bulk, NoteTable)
    monkeypatch.setattr(delimited, "_plain_table", lambda *_args: None)
    assert fields(bulk) == fields(read_notes(path, options).notes)


@pytest.mark.parametrize(
    "text",
    [
        "front,back\nq,a\nq,b\n",  # the same front twice
        "front,back\nq,\n",  # an empty back
        "front,back\nq,a\n\nr,b\n",  # a blank line
        "#html:true\nfront,back\n<b>q</b>,a\n",  # HTML to convert
        "front,back,extra\nq,a,more\n",  # a third field
    ],
)
def test_files_the_bulk_reader_leaves_to_the_row_reader(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deck.csv"
    path.write_text(text, encoding="utf-8")
    batch = read_notes(path, ImportOptions(skip_bad=True))
    assert not isinstance(batch.notes, NoteTable)


def test_reimport_compares_in_sql_and_writes_only_changed_notes(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    path = tmp_path / "capitals.csv"
    rows = [f"Capital number {n}?,City {n},geo" for n in range(50)]
    path.write_text("front,back,tags\n" + "\n".join(rows) + "\n", encoding="utf-8")
    first = import_file(store, path, now)[1]
    assert (first.added, first.updated, first.unchanged) == (50, 0, 0)
    later = now + timedelta(days=1)
    rows[3] = "Capital number 3?,Another city,geo"
    rows[7] = "Capital number 7?,City 7,geo history"
    rows.append("Capital number 50?,City 50,geo")
    path.write_text("front,back,tags\n" + "\n".join(rows) + "\n", encoding="utf-8")
    again = import_file(store, path, later)[1]
    assert (again.added, again.updated, again.unchanged) == (1, 2, 48)
    modified = dict(
        store.db.execute("SELECT question, modified FROM notes WHERE modified > created")
    )
    assert sorted(modified) == ["Capital number 3?", "Capital number 7?"]
    deck = store.deck("capitals")
    assert [c.total for c in store.deck_counts(later) if c.deck == deck] == [51]


def test_store_knows_every_migration_by_name() -> None:
    assert tuple(m.name for m in migrations._migrations) == MIGRATIONS


def test_an_up_to_date_database_opens_without_sqlite_utils(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    Store.open(db).close()
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['quizkit', 'decks', '--db', {str(db)!r}]\n"
        "try:\n    runpy.run_module('quizkit', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print('sqlite_utils' in sys.modules)"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "False"
