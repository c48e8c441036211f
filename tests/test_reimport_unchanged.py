"""A re-import of an unchanged file is found unchanged as a whole (Store._deck_holding) and writes
nothing; anything else about the deck falls back to comparing note by note, with the same report
that comparison gives."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from quizkit.importers import ImportOptions
from quizkit.importing import import_file
from quizkit.models import ImportReport
from quizkit.store import Store

ROWS = [(f"Capital of region {i}?", f"Town {i}", "geo" if i % 2 else "") for i in range(40)]


def write_csv(path: Path, rows: list[tuple[str, str, str]]) -> Path:
    lines = [f'"{q}","{a}","{t}"' for q, a, t in rows]
    path.write_text("front,back,tags\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def counts(report: ImportReport) -> tuple[int, int, int]:
    return report.added, report.updated, report.unchanged


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path / "q.db")


def test_an_unchanged_file_writes_nothing(
    store: Store, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_csv(tmp_path / "geo.csv", ROWS)
    import_file(store, path, now)
    before = store.conn.total_changes
    staged: list[object] = []
    monkeypatch.setattr(store, "_stage", lambda *args: staged.append(args))
    _, report = import_file(store, path, now)
    assert counts(report) == (0, 0, len(ROWS))
    assert store.conn.total_changes == before  # not one row written
    assert staged == []  # found unchanged as a whole, not note by note


@pytest.mark.parametrize(
    "change",
    ["answer", "order", "separator", "extra note", "fewer notes"],
)
def test_other_files_give_the_note_by_note_report(
    store: Store, tmp_path: Path, now: datetime, change: str
) -> None:
    path = write_csv(tmp_path / "geo.csv", ROWS)
    import_file(store, path, now)
    rows = list(ROWS)
    expected = (0, 0, len(ROWS))
    if change == "answer":
        rows[7] = (rows[7][0], "Another town", rows[7][2])
        expected = (0, 1, len(ROWS) - 1)
    elif change == "order":
        rows.reverse()
    elif change == "separator":  # a unit separator in a value: the joined texts would mislead
        store.conn.execute("UPDATE notes SET answer = 'Town\x1f3' WHERE answer = 'Town 3'")
        store.conn.commit()
        expected = (0, 1, len(ROWS) - 1)
    elif change == "extra note":
        rows.append(("Capital of the new region?", "Newtown", ""))
        expected = (1, 0, len(ROWS))
    elif change == "fewer notes":
        rows = rows[:30]
        expected = (0, 0, 30)
    _, report = import_file(store, write_csv(tmp_path / "geo.csv", rows), now)
    assert counts(report) == expected
    stored = store.conn.execute("SELECT question, answer FROM notes ORDER BY id").fetchall()
    for question, answer, _tags in rows:
        assert (question, answer) in stored


def test_a_deck_holding_more_notes_than_the_file(
    store: Store, tmp_path: Path, now: datetime
) -> None:
    import_file(store, write_csv(tmp_path / "geo.csv", ROWS), now)
    other = write_csv(tmp_path / "more.csv", [("Longest river?", "Nile", "")])
    import_file(store, other, now, ImportOptions(deck="geo"))
    _, report = import_file(store, tmp_path / "geo.csv", now)
    assert counts(report) == (0, 0, len(ROWS))


def with_guids(path: Path) -> Path:
    """The rows with a guid column: notes of their own ids, whatever deck they go to."""
    lines = [f'"{q}","{a}",id-{i}' for i, (q, a, _) in enumerate(ROWS)]
    path.write_text("front,back,guid\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_file_with_guids_unchanged(store: Store, tmp_path: Path, now: datetime) -> None:
    path = with_guids(tmp_path / "geo.csv")
    import_file(store, path, now)
    before = store.conn.total_changes
    _, report = import_file(store, path, now)
    assert counts(report) == (0, 0, len(ROWS))
    assert store.conn.total_changes == before


def test_the_same_notes_into_another_deck_move_there(
    store: Store, tmp_path: Path, now: datetime
) -> None:
    path = with_guids(tmp_path / "geo.csv")
    import_file(store, path, now)
    name, report = import_file(store, path, now, ImportOptions(deck="Atlas"))
    assert (name, counts(report)) == ("Atlas", (0, len(ROWS), 0))
    decks = store.conn.execute(
        "SELECT DISTINCT d.name FROM notes n JOIN decks d ON d.id = n.deck_id"
    ).fetchall()
    assert decks == [("Atlas",)]


def test_unchanged_after_another_quizkit_changed_the_deck(
    store: Store, tmp_path: Path, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found unchanged before the write lock, and another quizkit edits a note before the
    import takes it: the import wrote nothing, so that edit stands."""
    path = write_csv(tmp_path / "geo.csv", ROWS)
    import_file(store, path, now)
    original = store.stage_notes

    def edited_meanwhile(*args: object) -> None:
        original(*args)  # type: ignore[arg-type]
        with sqlite3.connect(store.path) as other:
            other.execute("UPDATE notes SET answer = 'Edited' WHERE answer = 'Town 5'")
        other.close()

    monkeypatch.setattr(store, "stage_notes", edited_meanwhile)
    _, report = import_file(store, path, now)
    assert counts(report) == (0, 0, len(ROWS))
    assert store.conn.execute("SELECT COUNT(*) FROM notes WHERE answer = 'Edited'").fetchone() == (
        1,
    )


def test_a_file_with_every_answer_changed_costs_steps_in_proportion(
    store: Store, tmp_path: Path, now: datetime
) -> None:
    """Re-importing a file whose every answer changed costs SQLite a number of steps in
    proportion to its notes. A plan that scanned every stored note for each staged row took
    hours on 100,000 notes; the step counter stops such a plan early, so the test fails fast."""
    notes = 6_000
    rows = [(f"Capital of region {i}?", f"Town {i}", "geo") for i in range(notes)]
    path = write_csv(tmp_path / "geo.csv", rows)
    import_file(store, path, now)
    write_csv(path, [(question, f"City {i}", tags) for i, (question, _, tags) in enumerate(rows)])
    thousands = 0
    limit = 2 * notes  # 2,000 steps a note; the whole re-import takes about 530

    def counted() -> int:
        nonlocal thousands
        thousands += 1
        return int(thousands > limit)  # not 0: SQLite stops the statement

    store.conn.set_progress_handler(counted, 1000)
    try:
        _, report = import_file(store, path, now)
    finally:
        store.conn.set_progress_handler(None, 0)
    assert counts(report) == (0, notes, 0)
    assert store.conn.execute(
        "SELECT COUNT(*) FROM notes WHERE answer LIKE 'City %'"
    ).fetchone() == (notes,)
