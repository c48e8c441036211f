"""A big plain CSV file going into an empty collection is written a piece at a time while it is
read (Store.load_tables). It must store exactly what reading it whole stores, and anything
unusual in any piece must end as reading it whole ends: same notes, same error, nothing kept."""

from __future__ import annotations

import _thread
import os
import signal
import sqlite3
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pieces_fixtures import (
    PiecesRun,
    assert_nothing_stored,
    ctrl_c_while_writing_stores_nothing,
    dump,
    interrupting,
    progress_told,
    same_either_way,
)

import quizkit.importers
import quizkit.importing
import quizkit.store
from quizkit.errors import InputError
from quizkit.importers import ImportOptions
from quizkit.importers.delimited import FIRST_PIECE_LINES, first_piece_end
from quizkit.importing import import_file
from quizkit.store import Store

PIECE = 2_000  # characters per piece in these tests: a 30 KB file is read in 15 pieces


def rows(count: int, start: int = 0, tags: bool = False) -> str:
    return "".join(
        f"What is the capital of region {i}?,Town {i} on the river"
        + (f",geo ch{i % 3}\n" if tags else "\n")
        for i in range(start, start + count)
    )


def search(path: Path, word: str) -> list[int]:
    store = Store.open(path)
    found = sorted(note["id"] for note in store.search_notes(word, None, None, 10_000))
    store.close()
    return found


class Run(PiecesRun):
    """Imports with pieces of PIECE characters, or with the file always read whole."""

    def sizes(self, pieces: bool) -> None:
        size = PIECE if pieces else 1 << 40
        self.monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", size)


@pytest.fixture
def run(tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch) -> Run:
    return Run(tmp_path, now, monkeypatch)


@pytest.mark.parametrize(
    "head",
    [
        "",
        "front,back,tags\n",
        "Question,Answer,Tags\n",
        "#separator:comma\n#columns:Front,Back,Tags\n#tags:imported\n",
        "#separator:comma\n#deck:Geography::Capitals\n",
    ],
    ids=["no header", "header row", "header names", "anki columns", "anki deck"],
)
def test_pieces_store_what_reading_whole_stores(run: Run, tmp_path: Path, head: str) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(head + rows(400, tags="tags" in head.lower()), encoding="utf-8")
    stored = same_either_way(run, source)
    assert len(stored["notes"]) == 400
    assert [card[1] for card in stored["cards"]] == [note[0] for note in stored["notes"]]


def test_a_tab_separated_file_in_pieces(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "capitals.tsv"
    source.write_text(rows(400).replace(",", "\t"), encoding="utf-8")
    assert len(same_either_way(run, source)["notes"]) == 400


def test_tags_split_in_one_piece_are_the_same_in_the_next(run: Run, tmp_path: Path) -> None:
    """Each tags cell is split once in the whole file: a later piece with formula guards
    (which only that piece undoes) and cells from earlier pieces stores what reading whole
    stores."""
    later = "".join(
        f'Which sum is number {i}?,{i},"\'=sum geo"\n'
        if i % 2
        else f"Which sum is {i}?,{i},geo ch1\n"
        for i in range(60)
    )
    source = tmp_path / "sums.csv"
    source.write_text("front,back,tags\n" + rows(300, tags=True) + later, encoding="utf-8")
    stored = same_either_way(run, source)
    tags = {note[8] for note in stored["notes"]}
    assert '["=sum", "geo"]' in tags and '["geo", "ch1"]' in tags


def test_a_first_row_of_names_further_down_is_a_note(run: Run, tmp_path: Path) -> None:
    """Only the file's first row can name the columns, not the first row of a later piece."""
    head = "front,back\n" + rows(200)
    boundary = first_piece_end(head.encode(), PIECE)  # where the second piece begins
    text = head[:boundary] + "question,answer\n" + head[boundary:]
    source = tmp_path / "names.csv"
    source.write_text(text, encoding="utf-8")
    stored = same_either_way(run, source)
    assert ("question", "answer") in [note[4:6] for note in stored["notes"]]
    assert len(stored["notes"]) == 201


def test_a_big_load_keeps_guids_unique_and_marks_search_stale(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "big.csv"
    source.write_text(rows(5_200), encoding="utf-8")  # more than LAZY_INDEX_NOTES
    same_either_way(run, source)
    path = tmp_path / "pieces.db"
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM notes_fts_stale").fetchone() == (1,)
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        with pytest.raises(sqlite3.IntegrityError):  # guids stay unique
            conn.execute(
                "INSERT INTO notes (guid, deck_id, question, answer, created, modified) "
                "SELECT guid, deck_id, 'q', 'a', '', '' FROM notes LIMIT 1"
            )
    conn.close()
    assert len(search(path, "region")) == 5_200  # the first search rebuilds it
    assert len(search(path, "5199")) == 1


def test_a_second_import_of_the_same_file_changes_nothing(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(rows(400), encoding="utf-8")
    path, _, first = run(source, pieces=True)
    before = dump(path)
    _, _, second = run(source, pieces=True)  # the collection is not empty now: read whole
    assert run.loads == 1
    assert (first.added, second.unchanged, second.added) == (400, 400, 0)
    assert dump(path) == before


@pytest.mark.parametrize(
    "last",
    [
        "A front with no back\n",  # one cell
        '"Where is the quote,Here\n',  # a quote left open
        "What is the capital of region 3?,Again\n",  # the front of a note in the first piece
        "," + "x" * 70_000 + ",y\n",  # a cell over the length limit
        "Blank back,\n",
    ],
    ids=["no back", "open quote", "repeated front", "too long", "blank back"],
)
def test_an_unusual_row_in_the_last_piece_ends_as_reading_whole_ends(
    run: Run, tmp_path: Path, last: str
) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(rows(400) + last + rows(5, start=1000), encoding="utf-8")
    whole = run.outcome(source, pieces=False)
    assert run.outcome(source, pieces=True) == whole
    assert (run.tries, run.loads) == (1, 0)  # the pieces were tried, then the file read whole


def test_skipping_bad_rows_after_trying_pieces(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(rows(300) + "A front with no back\n" + rows(5, start=900), encoding="utf-8")
    stored = same_either_way(run, source, in_pieces=False, skip_bad=True)
    assert len(stored["notes"]) == 305


@pytest.mark.parametrize("straddles", [False, True])
def test_a_value_over_two_lines(run: Run, tmp_path: Path, straddles: bool) -> None:
    """Inside a piece, csv reads it; over the end of a piece, the file is read whole."""
    text = rows(200)
    # on the line whose end would end the first piece, or on the second line
    line = FIRST_PIECE_LINES if straddles else 2
    start = 0
    for _ in range(line - 1):
        start = text.index("\n", start) + 1
    value = '"A value over\ntwo lines",Back\n'
    source = tmp_path / "lines.csv"
    source.write_text(text[:start] + value + text[start:], encoding="utf-8")
    stored = same_either_way(run, source, in_pieces=not straddles)
    assert len(stored["notes"]) == 201


def test_a_bad_row_far_down_stores_nothing_and_says_where(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(rows(400) + "A front with no back\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"capitals\.csv:401"):
        run(source, pieces=True)
    path = tmp_path / "pieces.db"
    stored = dump(path)
    assert stored["notes"] == [] and stored["cards"] == []
    assert stored["journal"] == [("wal",)]
    names = {name for _, name, _ in stored["schema"]}
    assert "notes_ai" in names


def test_ctrl_c_while_a_piece_is_written_stores_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "big.csv"
    source.write_text(rows(5_200), encoding="utf-8")
    ctrl_c_while_writing_stores_nothing(run, source, monkeypatch, 5_200)


def test_ctrl_c_in_the_reading_thread_while_the_writer_writes(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C reaches the main thread while the writer is inside a piece's statements: the
    writer is stopped (or let finish) before the rollback, which takes back every piece."""
    source = tmp_path / "big.csv"
    source.write_text(rows(5_200), encoding="utf-8")
    original = Store._add_new_notes
    pressed = threading.Event()

    def press_ctrl_c(store: Store, *args: Any) -> int:
        if not pressed.is_set():
            pressed.set()
            _thread.interrupt_main()  # as the terminal's Ctrl-C does: in the main thread
        return original(store, *args)

    monkeypatch.setattr(Store, "_add_new_notes", press_ctrl_c)
    with pytest.raises(KeyboardInterrupt):
        run(source, pieces=True)
    assert pressed.is_set()
    assert_nothing_stored(tmp_path / "pieces.db")


def test_ctrl_c_while_a_piece_is_read_stores_nothing(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "big.csv"
    source.write_text(rows(5_200), encoding="utf-8")
    from quizkit.importers import delimited

    monkeypatch.setattr(delimited, "_plain_table", interrupting(delimited._plain_table, 4))
    with pytest.raises(KeyboardInterrupt):
        run(source, pieces=True)
    stored = dump(tmp_path / "pieces.db")
    assert stored["notes"] == [] and stored["journal"] == [("wal",)]


@pytest.mark.parametrize("switch", ["_rollback_journal", "_wal"])
def test_ctrl_c_during_a_journal_switch_leaves_wal(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, switch: str
) -> None:
    """A real Ctrl-C (SIGINT) while the load switches the journal, to the rollback journal
    before it or back to WAL after it: raised only once every setting is back."""
    source = tmp_path / "big.csv"
    source.write_text(rows(5_200), encoding="utf-8")
    switches: list[str] = []  # the load's switches, after the new file's own to WAL
    pressed = []

    def pressed_during(name: str) -> Any:
        original = getattr(quizkit.store, name)

        def switched(*args: Any) -> Any:
            result = original(*args)
            if name == "_rollback_journal" and result or switches:
                switches.append(name)
            if name == switch and switches and not pressed:
                pressed.append(1)
                os.kill(os.getpid(), signal.SIGINT)  # lands at the next step of Python
            return result

        return switched

    for name in ("_rollback_journal", "_wal"):
        monkeypatch.setattr(quizkit.store, name, pressed_during(name))
    with pytest.raises(KeyboardInterrupt):
        run(source, pieces=True, db="switch.db")
    assert pressed and switches[0] == "_rollback_journal"
    stored = dump(tmp_path / "switch.db")
    assert stored["journal"] == [("wal",)]
    assert len(stored["notes"]) == (5_200 if switch == "_wal" else 0)


def test_progress_goes_up_to_the_end(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "capitals.csv"
    source.write_text(rows(400), encoding="utf-8")
    told = progress_told(run, source, PIECE)
    assert told[-1] == (400, 400)
    assert all(done < total for done, total in told[:-1])


def test_a_cp1252_file_read_again_whole_warns_once(run: Run, tmp_path: Path, now: datetime) -> None:
    source = tmp_path / "cafés.csv"
    # the first byte that is not UTF-8 far down: the file is begun in pieces, then read whole
    text = rows(400).replace("Town 307 on", "Caf\xe9 307 on") + "A front with no back\n"
    source.write_bytes(text.encode("cp1252"))
    run.monkeypatch.setattr(quizkit.importers, "PIECE_CHARACTERS", PIECE)
    warned: list[str] = []
    store = Store.open(tmp_path / "warned.db")
    with pytest.raises(InputError):
        import_file(store, source, now, ImportOptions(), warned.append)
    store.close()
    assert (run.tries, run.loads) == (1, 0)
    assert len(warned) == 1 and "cp1252" in warned[0]


@pytest.mark.parametrize(
    ("encoding", "line_end"),
    [("utf-8-sig", "\n"), ("utf-8", "\r\n"), ("utf-8-sig", "\r\n")],
    ids=["BOM", "CRLF", "BOM and CRLF"],
)
def test_pieces_decode_as_the_whole_file_is_decoded(
    run: Run, tmp_path: Path, encoding: str, line_end: str
) -> None:
    source = tmp_path / "capitals.csv"
    text = "front,back,tags\n" + rows(400, tags=True).replace("Town 9 ", "Ciudad Ñ 9 ")
    source.write_bytes(text.replace("\n", line_end).encode(encoding))
    stored = same_either_way(run, source)
    assert stored["notes"][0][4] == "What is the capital of region 0?"  # no BOM kept
    assert "Ciudad Ñ 9 on the river" in [note[5] for note in stored["notes"]]


@pytest.mark.parametrize(
    "odd", [b"Lone,carriage\rreturn\n", b"Caf\xe9,bytes of cp1252\n"], ids=["lone CR", "cp1252"]
)
def test_text_decoded_otherwise_in_a_later_piece_is_read_whole(
    run: Run, tmp_path: Path, odd: bytes
) -> None:
    source = tmp_path / "capitals.csv"
    source.write_bytes(rows(300).encode() + odd + rows(50, start=900).encode())
    whole = run.outcome(source, pieces=False)
    assert run.outcome(source, pieces=True) == whole
    assert (run.tries, run.loads) == (1, 0)


def test_a_collection_with_notes_reads_the_file_whole(run: Run, tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text("Capital of Chile?,Santiago\n", encoding="utf-8")
    run(first, pieces=True, db="both.db")
    source = tmp_path / "capitals.csv"
    source.write_text(rows(400), encoding="utf-8")
    _, _, report = run(source, pieces=True, db="both.db")
    assert run.loads == 0
    assert report.added == 400
