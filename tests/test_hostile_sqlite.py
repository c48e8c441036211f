"""Databases from other tools are opened as untrusted: read-only, a time budget on every
query, a cap on what one file may produce."""

from __future__ import annotations

import _thread
import sqlite3
import time

import pytest

from quizkit.errors import InputError
from quizkit.importers.sqlitefile import (
    Budget,
    check_tables,
    interrupted,
    open_untrusted,
    unreadable,
)

RUNAWAY = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r"


def database(*statements: str) -> bytearray:
    db = sqlite3.connect(":memory:")
    for statement in statements:
        db.execute(statement)
    db.commit()
    data = bytearray(db.serialize())
    db.close()
    return data


def test_a_runaway_query_is_stopped_by_the_time_budget() -> None:
    conn = open_untrusted(database("CREATE TABLE t (x)"), "x.db", "a test database", 0.3)
    started = time.monotonic()
    with pytest.raises(sqlite3.OperationalError) as error:
        conn.execute(RUNAWAY).fetchall()
    assert interrupted(error.value)
    assert time.monotonic() - started < 2.0


def test_the_database_is_read_only() -> None:
    conn = open_untrusted(database("CREATE TABLE t (x)"), "x.db", "a test database")
    with pytest.raises(sqlite3.OperationalError, match="readonly|read-only|query_only"):
        conn.execute("INSERT INTO t VALUES (1)")


def test_not_sqlite_is_one_line() -> None:
    with pytest.raises(InputError, match="x.db: not a test database \\(not an SQLite database\\)"):
        open_untrusted(bytearray(b"hello"), "x.db", "a test database")


@pytest.mark.parametrize(
    ("statements", "message"),
    [
        (["CREATE TABLE a (x)"], "not a test database (no t table)"),
        (["CREATE VIEW t AS SELECT 1 AS x"], "it holds a view ('t')"),
        (
            [
                "CREATE TABLE t (x)",
                "CREATE TABLE u (y)",
                "CREATE TRIGGER g AFTER INSERT ON u BEGIN DELETE FROM t; END",
            ],
            "it holds a trigger ('g')",
        ),
        (["CREATE TABLE t (x, y AS (x * 2))"], "t.y is a generated column"),
        (["CREATE TABLE t (x, y AS (x * 2) STORED)"], "t.y is a generated column"),
    ],
)
def test_only_plain_tables_are_read(statements: list[str], message: str) -> None:
    conn = open_untrusted(database(*statements), "x.db", "a test database")
    with pytest.raises(InputError) as error:
        check_tables(conn, ["t"], "x.db", "a test database")
    assert message in str(error.value)


def test_budget_caps_what_one_file_may_produce() -> None:
    budget = Budget("deck.apkg", cap=2 << 20)
    budget.take("x" * (1 << 20), b"y" * (1 << 20), None, 7)
    with pytest.raises(InputError, match="^deck.apkg: holds more than 2 MiB of text$"):
        budget.take("z")


def test_ctrl_c_during_a_query_is_ctrl_c_not_a_runaway_query(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C lands in the progress handler, the Python code that runs inside a query, and
    SQLite stops the query as if the budget had: the user must see Ctrl-C, not a message
    about a runaway query."""
    conn = open_untrusted(database("CREATE TABLE t (x)"), "x.db", "a test database", 30.0)
    clock = time.process_time

    def pressed_now() -> float:  # the first look at the clock: as if Ctrl-C came then
        monkeypatch.setattr(time, "process_time", clock)
        _thread.interrupt_main()
        return clock()

    monkeypatch.setattr(time, "process_time", pressed_now)
    with pytest.raises(sqlite3.OperationalError) as error:
        conn.execute(RUNAWAY).fetchall()
    with pytest.raises(KeyboardInterrupt):
        unreadable(error.value, "x.db", "a test database", conn)
    conn.close()
