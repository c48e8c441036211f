"""Ctrl-C during `quizkit import`: one line that names the file and says whether it is stored,
as it is; the files imported before it reported, those after it not read."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

import quizkit.importing
from quizkit.cli import cli
from quizkit.store import Store


def rows(count: int) -> str:
    return "".join(
        f"What is the capital of region {i}?,Town {i} on the river\n" for i in range(count)
    )


def stored_notes(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        questions = [row[0] for row in conn.execute("SELECT question FROM notes ORDER BY id")]
    conn.close()
    return questions


def wait_for_file(path: Path, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while not path.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    assert path.exists(), f"{path.name} never appeared"


def test_ctrl_c_during_a_big_import_says_nothing_of_the_file_is_stored(tmp_path: Path) -> None:
    """A real Ctrl-C (SIGINT) to a real process while it writes a big file in pieces."""
    big, after = tmp_path / "big.csv", tmp_path / "after.csv"
    big.write_text(rows(80_000), encoding="utf-8")  # 4.8 MB: read and written in pieces
    after.write_text(rows(3), encoding="utf-8")
    db = tmp_path / "stopped.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "quizkit", "import", "--db", str(db), str(big), str(after)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # The new file is in WAL (its -wal file) once open; the load in pieces then writes
    # through the rollback journal (its -journal file), from its first piece to its commit.
    for companion in ("-wal", "-journal"):
        wait_for_file(db.with_name(db.name + companion), process)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=60)
    assert (process.returncode, out) == (1, "")
    assert err.splitlines() == [
        f"quizkit: {big}: stopped by Ctrl-C; nothing of it is stored; 1 more file not read"
    ]
    assert stored_notes(db) == []


def test_ctrl_c_during_the_commit_says_the_file_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Ctrl-C that lands as the write commits is raised once the commit is counted: the
    file is stored, and the message says so."""
    source = tmp_path / "capitals.csv"
    source.write_text(rows(3), encoding="utf-8")
    db = tmp_path / "committed.db"
    committed = Store._committed

    def ctrl_c_as_it_commits(store: Store) -> None:
        os.kill(os.getpid(), signal.SIGINT)  # lands at the next step of Python
        committed(store)

    monkeypatch.setattr(Store, "_committed", ctrl_c_as_it_commits)
    result = CliRunner().invoke(cli, ["import", "--db", str(db), str(source)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"quizkit: {source}: stored whole; stopped by Ctrl-C after it"
    ]
    assert len(stored_notes(db)) == 3


def test_ctrl_c_while_a_file_is_read_keeps_the_files_before_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second, third, fourth = (tmp_path / f"{name}.csv" for name in "abcd")
    first.write_text("Capital of France?,Paris\n", encoding="utf-8")
    second.write_text("Capital of Spain?,Madrid\n", encoding="utf-8")
    for path in (third, fourth):
        path.write_text("Capital of Italy?,Rome\n", encoding="utf-8")
    read = quizkit.importing.read_notes

    def ctrl_c_on_the_second(path: Path, *args: Any) -> Any:
        if path == second:
            raise KeyboardInterrupt
        return read(path, *args)

    monkeypatch.setattr(quizkit.importing, "read_notes", ctrl_c_on_the_second)
    db = tmp_path / "some.db"
    files = [str(path) for path in (first, second, third, fourth)]
    result = CliRunner().invoke(cli, ["import", "--db", str(db), *files])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{first}: deck 'a': 1 added, 0 updated, 0 unchanged, 0 skipped"
    ]
    assert result.stderr.splitlines() == [
        f"quizkit: {second}: stopped by Ctrl-C; nothing of it is stored; 2 more files not read"
    ]
    assert stored_notes(db) == ["Capital of France?"]


def test_ctrl_c_while_a_report_is_printed_says_the_file_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("Capital of France?,Paris\n", encoding="utf-8")
    second.write_text("Capital of Spain?,Madrid\n", encoding="utf-8")
    echo = click.echo

    def ctrl_c_at_the_first_report(message: Any = None, **kwargs: Any) -> None:
        if not kwargs.get("err"):
            raise KeyboardInterrupt
        echo(message, **kwargs)

    monkeypatch.setattr(click, "echo", ctrl_c_at_the_first_report)
    db = tmp_path / "reported.db"
    result = CliRunner().invoke(cli, ["import", "--db", str(db), str(first), str(second)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"quizkit: {first}: stored whole; stopped by Ctrl-C after it; 1 more file not read"
    ]
    assert stored_notes(db) == ["Capital of France?"]


def test_ctrl_c_under_a_progress_bar_ends_its_line_and_shows_the_cursor(tmp_path: Path) -> None:
    """In a real terminal: the bar hides the cursor while it runs; Ctrl-C ends the bar's line
    and shows the cursor again before the one line that says what was stopped."""
    pexpect = pytest.importorskip("pexpect")
    big = tmp_path / "big.csv"
    big.write_text(rows(80_000), encoding="utf-8")
    db = tmp_path / "terminal.db"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizkit", "import", "--db", str(db), str(big)],
        encoding="utf-8",
        timeout=60,
        dimensions=(24, 200),
    )
    child.expect_exact(str(big))  # the bar's label: the load is under way
    child.sendintr()
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    shown = child.before
    assert "\x1b[?25h" in shown  # the cursor the bar hid
    ended = shown[shown.rindex("\x1b[?25h") :]
    assert ended.splitlines()[1:] == [f"quizkit: {big}: stopped by Ctrl-C; nothing of it is stored"]
    assert "Traceback" not in shown and "Aborted!" not in shown
    assert stored_notes(db) == []
