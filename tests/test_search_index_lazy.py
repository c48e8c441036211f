"""A bulk import leaves the search index to the first search, which finds exactly what it
would have found had the import indexed every note (issue 14)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.store import LAZY_INDEX_NOTES


def found(runner: CliRunner, text: str, *options: str) -> list[str]:
    result = runner.invoke(cli, ["search", text, *options, "--json"])
    assert result.exit_code in (0, 1), result.output
    return [n["answer"] for n in json.loads(result.output)["notes"]] if result.output else []


def stale(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        count = conn.execute("SELECT COUNT(*) FROM notes_fts_stale").fetchone()[0]
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
    conn.close()
    return int(count)


def test_edits_and_deletes_before_the_first_search_are_searched_right(
    runner: CliRunner, tmp_path: Path, isolated_env: Path
) -> None:
    small = tmp_path / "rivers.csv"
    small.write_text("front,back\nLongest river of Norland?,Velmar\n", encoding="utf-8")
    assert runner.invoke(cli, ["import", str(small)]).exit_code == 0
    assert found(runner, "velmar") == ["Velmar"]  # a small import is indexed at once
    big = tmp_path / "towns.csv"
    rows = [f"Population of Brenhold district {n}?,{n} thousand" for n in range(LAZY_INDEX_NOTES)]
    big.write_text("front,back,tags\n" + "\n".join(f"{r},census" for r in rows) + "\n")
    assert runner.invoke(cli, ["import", str(big)]).exit_code == 0
    assert stale(isolated_env) == 1  # left for the first search
    # changes while the index is behind: an edit, a deleted deck, a new note
    assert runner.invoke(cli, ["edit", "2", "--answer", "Kestrel Hollow"]).exit_code == 0
    assert runner.invoke(cli, ["deck", "delete", "rivers", "--yes"]).exit_code == 0
    added = ["add", "towns", "-q", "Oldest bridge of Brenhold?", "-a", "Ferrow Span"]
    assert runner.invoke(cli, added).exit_code == 0
    assert found(runner, "kestrel") == ["Kestrel Hollow"]
    assert stale(isolated_env) == 0
    assert found(runner, "velmar") == []
    assert found(runner, "ferrow") == ["Ferrow Span"]
    assert found(runner, "district 4999") == ["4999 thousand"]
    assert len(found(runner, "census", "--limit", "7000")) == LAZY_INDEX_NOTES  # the tags
    # back to keeping the index current note by note
    assert runner.invoke(cli, ["edit", "3", "--answer", "Marrow Gate"]).exit_code == 0
    assert found(runner, "marrow") == ["Marrow Gate"]
    assert stale(isolated_env) == 0


def test_reimporting_a_big_unchanged_file_keeps_the_index_current(
    runner: CliRunner, tmp_path: Path, isolated_env: Path
) -> None:
    big = tmp_path / "towns.csv"
    rows = [f"Mayor of Quillon ward {n}?,Ada Fenwick {n}" for n in range(LAZY_INDEX_NOTES)]
    big.write_text("front,back\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert runner.invoke(cli, ["import", str(big)]).exit_code == 0
    assert found(runner, "ward 4321") == ["Ada Fenwick 4321"]
    again = runner.invoke(cli, ["import", str(big)])
    assert f"0 added, 0 updated, {LAZY_INDEX_NOTES} unchanged" in again.output
    assert stale(isolated_env) == 0  # nothing new: nothing to rebuild


def test_a_bigger_collection_is_not_rebuilt_for_a_bulk_import(
    runner: CliRunner, tmp_path: Path, isolated_env: Path
) -> None:
    first, second = tmp_path / "wards.csv", tmp_path / "bridges.csv"
    rows = [f"Mayor of Quillon ward {n}?,Ada Fenwick {n}" for n in range(LAZY_INDEX_NOTES + 1)]
    first.write_text("front,back\n" + "\n".join(rows) + "\n", encoding="utf-8")
    rows = [f"Builder of Quillon bridge {n}?,Tom Harl {n}" for n in range(LAZY_INDEX_NOTES)]
    second.write_text("front,back\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert runner.invoke(cli, ["import", str(first)]).exit_code == 0
    assert found(runner, "ward 4321") == ["Ada Fenwick 4321"]
    # as many notes again, less than were stored: indexed with the import, not rebuilt later
    assert runner.invoke(cli, ["import", str(second)]).exit_code == 0
    assert stale(isolated_env) == 0
    assert found(runner, "bridge 4321") == ["Tom Harl 4321"]
