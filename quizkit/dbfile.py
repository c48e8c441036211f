"""The database file as a whole: check it, back it up, salvage a damaged one.

Part of the storage layer (it holds SQL), apart from the Store because none of this goes
through the schema: a damaged file must be read as it is, without migrating it.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from quizkit.atomic import write_atomically
from quizkit.errors import StoreError

CHECK_LIMIT = 20  # problems integrity_check lists at most
LARGEST_ROWID = 2**63 - 1


def database_error_advice(error: sqlite3.DatabaseError) -> str:
    """What a database error met while using the file means, and what to do, in one line."""
    text = str(error)
    if "locked" in text or "busy" in text:
        return f"{text} (another quizkit is writing to it; try again)"
    if "readonly" in text or "unable to open" in text:
        return f"{text} (is the file or its folder read-only?)"
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return (
            f"the database is damaged ({text}); `quizkit db check` says where, "
            "`quizkit db recover` saves what can be read"
        )
    return f"{text} (`quizkit db check` tests the file)"


def _connect_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise StoreError(f"{path}: no database here")
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    # damaged text must not stop a read: undecodable bytes become U+FFFD
    conn.text_factory = lambda data: data.decode("utf-8", "replace")
    return conn


@dataclass
class CheckReport:
    """What SQLite's integrity check found: nothing (ok), or the problems it lists."""

    problems: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_database(path: Path) -> CheckReport:
    """Run SQLite's integrity check over the whole file (reading only)."""
    conn = _connect_read_only(path)
    try:
        rows = conn.execute(f"PRAGMA integrity_check({CHECK_LIMIT})").fetchall()
        problems = [row[0] for row in rows if row[0] != "ok"]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    finally:
        conn.close()
    return CheckReport(problems)


def backup_database(path: Path, target: Path) -> int:
    """Copy the database, consistent even while another quizkit writes, with SQLite's online
    backup; written atomically. Returns the copy's size in bytes."""
    if target.exists() and target.resolve() == path.resolve():
        raise StoreError(f"{target}: is the database itself; name another file")
    if Path(f"{target}-wal").exists():
        raise StoreError(f"{target}: is a database in use (it has a -wal file); name another file")
    source = _connect_read_only(path)
    try:
        write_atomically(target, lambda temporary: _copy(source, temporary))
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{path}: {database_error_advice(error)}") from None
    finally:
        source.close()
    return target.stat().st_size


def backup_connection(conn: sqlite3.Connection, target: Path) -> None:
    """A copy of an open database (Store.open's backup before a migration), atomically."""
    write_atomically(target, lambda temporary: _copy(conn, temporary))


def _copy(source: sqlite3.Connection, temporary: Path) -> None:
    copy = sqlite3.connect(temporary)
    try:
        source.backup(copy)
        # a copy on its own, not in WAL mode: it must not pick up a stray -wal beside it
        copy.execute("PRAGMA journal_mode = DELETE")
    finally:
        copy.close()


@dataclass
class RecoverReport:
    """What a salvage saved: rows per table, the stretches it could not read, where it went."""

    saved: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, int] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    lost_tables: list[str] = field(default_factory=list)
    output: Path | None = None
    damaged_kept: Path | None = None


def recover_database(path: Path, output: Path | None, now: datetime) -> RecoverReport:
    """Salvage every row that can still be read into a new file, table by table, row by row.

    Without `output`, the damaged file is kept beside it under a dated name and the new one
    takes its place; with it, the new file goes there and the damaged one stays put.
    """
    report = RecoverReport()
    source = _connect_read_only(path)
    try:
        try:
            schema = source.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                "AND name NOT LIKE 'sqlite_%' ORDER BY rowid"
            ).fetchall()
        except sqlite3.DatabaseError as error:
            raise StoreError(
                f"{path}: nothing can be read: its table of tables is damaged ({error}); "
                "restore a backup (quizkit keeps one from before each upgrade beside it)"
            ) from None
        target = output or path.with_name(f"{path.name}.recovered")
        write_atomically(target, lambda temporary: _salvage(source, schema, temporary, report))
    finally:
        source.close()
    if output is None:
        kept = path.with_name(f"{path.name}.damaged-{now.strftime('%Y%m%dT%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            if Path(f"{path}{suffix}").exists():
                os.replace(f"{path}{suffix}", f"{kept}{suffix}")
        os.replace(target, path)
        report.damaged_kept, report.output = kept, path
    else:
        report.output = output
    return report


def _salvage(
    source: sqlite3.Connection,
    schema: list[tuple[str, str, str]],
    temporary: Path,
    report: RecoverReport,
) -> None:
    new = sqlite3.connect(temporary)
    try:
        new.execute("PRAGMA journal_mode = DELETE")
        tables = [(name, sql) for kind, name, sql in schema if kind == "table"]
        virtual = [name for name, sql in tables if sql.upper().startswith("CREATE VIRTUAL")]
        for name, sql in tables:
            # a full-text index's own tables come with it, made by the virtual table
            if not new.execute("SELECT 1 FROM sqlite_master WHERE name = ?", [name]).fetchone():
                new.execute(sql)
        shadows = tuple(f"{name}_" for name in virtual)
        for name, sql in tables:
            if name not in virtual:
                saved = _copy_rows(source, new, name, "WITHOUT ROWID" in sql.upper(), report)
                if saved is not None and not name.startswith(shadows):
                    report.saved[name] = saved
        for name in virtual:
            # rebuilt from the rows saved (an FTS5 table's 'rebuild' command)
            quoted = '"' + name.replace('"', '""') + '"'
            try:
                new.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('rebuild')")
            except sqlite3.DatabaseError:
                report.lost_tables.append(f"index {name}")
        for kind, name, sql in schema:
            if kind != "table":
                try:
                    new.execute(sql)
                except sqlite3.DatabaseError:
                    report.lost_tables.append(f"{kind} {name}")
        _drop_orphans(new, report)
        new.commit()
    finally:
        new.close()


def _copy_rows(
    source: sqlite3.Connection,
    new: sqlite3.Connection,
    table: str,
    without_rowid: bool,
    report: RecoverReport,
) -> int | None:
    """Copy what can be read of one table; how many rows were saved (None: none readable)."""
    quoted = '"' + table.replace('"', '""') + '"'
    try:
        columns = [row[1] for row in source.execute(f"PRAGMA table_info({quoted})")]
    except sqlite3.DatabaseError:
        report.lost_tables.append(f"table {table}")
        return None
    names = ", ".join('"' + c.replace('"', '""') + '"' for c in columns)
    marks = ", ".join("?" * len(columns))
    if without_rowid:  # no rowid to step past damage by: read on until the first of it
        rows: Iterator[tuple[Any, ...]] = _rows_until_damage(
            source, f"SELECT {names} FROM {quoted}", table, report
        )
        insert = f"INSERT OR IGNORE INTO {quoted} ({names}) VALUES ({marks})"
    else:
        rows = _readable_rows(source, f"SELECT rowid, {names} FROM {quoted}", table, report)
        insert = f"INSERT OR IGNORE INTO {quoted} (rowid, {names}) VALUES (?, {marks})"
    return new.executemany(insert, rows).rowcount


def _rows_until_damage(
    source: sqlite3.Connection, select: str, table: str, report: RecoverReport
) -> Iterator[tuple[Any, ...]]:
    try:
        yield from source.execute(select)
    except sqlite3.DatabaseError:
        report.unreadable[table] = report.unreadable.get(table, 0) + 1


def _readable_rows(
    source: sqlite3.Connection, select: str, table: str, report: RecoverReport
) -> Iterator[tuple[Any, ...]]:
    """Rows in rowid order; past a damaged page, on from the next rowid that can be read."""
    start = -LARGEST_ROWID - 1
    while True:
        try:
            for row in source.execute(f"{select} WHERE rowid >= ? ORDER BY rowid", [start]):
                start = row[0] + 1
                yield row
            return
        except sqlite3.DatabaseError:
            report.unreadable[table] = report.unreadable.get(table, 0) + 1
            found = _next_readable(source, select, start) if start <= LARGEST_ROWID else None
            if found is None:
                return
            start = found


def _next_readable(source: sqlite3.Connection, select: str, after: int) -> int | None:
    """The lowest rowid above `after` from which reading works again: probe further and
    further ahead, then narrow back down. None when nothing further can be read."""

    def readable(start: int) -> bool:
        try:
            source.execute(f"{select} WHERE rowid >= ? ORDER BY rowid LIMIT 1", [start]).fetchall()
        except sqlite3.DatabaseError:
            return False
        return True

    step = 1
    while not readable(after + step):
        if after + step >= LARGEST_ROWID:
            return None
        step = min(step * 2, LARGEST_ROWID - after)
    low, high = after + step // 2, after + step  # low unreadable (or `after`), high readable
    while high - low > 1:
        middle = (low + high) // 2
        if readable(middle):
            high = middle
        else:
            low = middle
    return high


def _drop_orphans(new: sqlite3.Connection, report: RecoverReport) -> None:
    """Rows whose parent was lost: cards of lost notes, reviews of lost cards. A note whose
    deck was lost goes to a deck made for it."""
    tables = {row[0] for row in new.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if {"notes", "decks"} <= tables:
        lost = new.execute(
            "SELECT DISTINCT deck_id FROM notes WHERE deck_id NOT IN (SELECT id FROM decks)"
        ).fetchall()
        for (deck_id,) in lost:
            new.execute(
                "INSERT OR IGNORE INTO decks (id, name, created) VALUES (?, ?, datetime('now'))",
                [deck_id, f"Recovered deck {deck_id}"],
            )
    checks = [
        ("cards", "note_id NOT IN (SELECT id FROM notes)", {"notes"}),
        ("reviews", "card_id NOT IN (SELECT id FROM cards)", {"cards"}),
        ("note_sources", "note_id NOT IN (SELECT id FROM notes)", {"notes"}),
    ]
    for table, orphan, needs in checks:
        if table in tables and needs <= tables:
            count = new.execute(f"DELETE FROM {table} WHERE {orphan}").rowcount
            if count:
                report.dropped[table] = count
