"""SQLite databases from other tools (Anki collections, Mnemosyne), opened as untrusted input.

The file is loaded into memory (or, when quizkit unpacked it itself, read where it is) and
opened read-only with `trusted_schema` off. Before any
query, the tables quizkit reads must be plain tables: no views (a recursive view never ends),
no generated columns (an expression in the schema runs on every read), no triggers, no
virtual tables. A progress handler stops any query that runs past its time or step budget,
and `Budget` caps what one file may produce, as for archives.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from quizkit.errors import InputError

MIB = 1 << 20
MAX_OUTPUT_BYTES = 512 * MIB
# SQLite steps between two looks at the clock: a query that reads a plain table of a 512 MiB
# file is done well within its budget; a recursive view or a join bomb is stopped.
HANDLER_STEPS = 10_000
SECONDS_PER_MIB = 0.5
MIN_SECONDS = 5.0
# Column hidden flags in `pragma table_xinfo`: 2 and 3 are generated columns.
GENERATED = (2, 3)


def open_untrusted(
    data: bytearray, where: str, what: str, seconds: float | None = None
) -> sqlite3.Connection:
    """An in-memory, read-only connection to `data` (an SQLite file), with a time budget
    (`seconds`, by default MIN_SECONDS plus SECONDS_PER_MIB of the file) for all its queries.

    `what` names the kind of database for messages ("an Anki collection").
    """
    if not data.startswith(MAGIC):
        raise InputError(where, f"not {what} (not an SQLite database)")
    if data[18:20] == WAL_MODE:
        # A WAL-mode file (as Anki writes them) cannot be opened in memory; mark it rollback.
        data[18:20] = ROLLBACK_MODE  # in place: a collection may be hundreds of MB
    conn = sqlite3.connect(":memory:", factory=UntrustedConnection)
    try:
        conn.deserialize(data)
    except sqlite3.DatabaseError as error:
        conn.close()
        raise InputError(where, f"not {what} ({error})") from None
    return _guarded(conn, where, what, len(data), seconds)


def open_untrusted_file(
    path: Path, where: str, what: str, seconds: float | None = None
) -> sqlite3.Connection:
    """`open_untrusted` for a file quizkit has just written in a folder of its own (an
    unpacked collection): SQLite reads it where it is, mapped into memory, instead of from
    a copy of it in memory. Nothing may change the file while the connection is open."""
    with path.open("r+b") as handle:
        header = handle.read(len(MAGIC) + 4)
        if not header.startswith(MAGIC):
            raise InputError(where, f"not {what} (not an SQLite database)")
        if header[18:20] == WAL_MODE:
            # read-only, a WAL-mode file would need its -wal and -shm files; mark it rollback
            handle.seek(18)
            handle.write(ROLLBACK_MODE)
    size = path.stat().st_size
    conn = sqlite3.connect(
        f"{path.as_uri()}?mode=ro&immutable=1", uri=True, factory=UntrustedConnection
    )
    try:
        conn.execute(f"PRAGMA mmap_size = {size}")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise InputError(where, f"not {what} ({error})") from None
    return _guarded(conn, where, what, size, seconds)


MAGIC = b"SQLite format 3\x00"
# The file format's read and write versions (bytes 18 and 19 of the header)
WAL_MODE, ROLLBACK_MODE = b"\x02\x02", b"\x01\x01"


def _guarded(
    conn: sqlite3.Connection, where: str, what: str, size: int, seconds: float | None
) -> sqlite3.Connection:
    """The connection made read-only and untrusting, with its time budget (see
    `open_untrusted`) for a database of `size` bytes."""
    if seconds is None:
        seconds = MIN_SECONDS + SECONDS_PER_MIB * size / MIB
    # Invalid UTF-8 in a field becomes U+FFFD instead of an error half-way through.
    conn.text_factory = replacing
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute("PRAGMA query_only = ON")
    except sqlite3.DatabaseError as error:
        conn.close()
        raise InputError(where, f"not {what} ({error})") from None
    # CPU seconds, not wall: a busy machine must not turn a sound collection away.
    deadline = time.process_time() + seconds
    spent = conn.budget_spent if isinstance(conn, UntrustedConnection) else threading.Event()

    def over_budget() -> int:
        if time.process_time() > deadline:
            spent.set()
            return 1
        return 0

    conn.set_progress_handler(over_budget, HANDLER_STEPS)
    return conn


def replacing(raw: bytes) -> str:
    """Text from the database, each byte that is not UTF-8 as U+FFFD."""
    return raw.decode("utf-8", errors="replace")


T = TypeVar("T")


def strict_text_first(conn: sqlite3.Connection, read: Callable[[], T]) -> T:
    """`read()` with SQLite's own decoding of text (in C, fast); only when some text is not
    valid UTF-8, `read()` again with `replacing`, which a Python call per value makes slow.
    `read` must start afresh each time it is called."""
    conn.text_factory = str
    try:
        return read()
    except sqlite3.OperationalError as error:
        if not str(error).startswith("Could not decode to UTF-8"):
            raise
    finally:
        conn.text_factory = replacing
    return read()


def check_tables(conn: sqlite3.Connection, tables: Iterable[str], where: str, what: str) -> None:
    """Refuse the database unless each of `tables` is a plain table without generated columns,
    and the schema has no views or triggers at all."""
    try:
        objects = conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as error:
        raise InputError(where, f"not {what} ({error})") from None
    kinds = {str(name): (str(kind), str(sql or "")) for kind, name, sql in objects}
    for kind, name, _sql in objects:
        if kind in ("view", "trigger"):
            raise InputError(where, f"not {what}: it holds a {kind} ({str(name)[:60]!r})")
    for table in tables:
        kind, sql = kinds.get(table, ("", ""))
        if kind != "table":
            raise InputError(where, f"not {what} (no {table} table)")
        if sql.lstrip()[:20].upper().startswith("CREATE VIRTUAL"):
            raise InputError(where, f"not {what}: {table} is a virtual table")
        quoted = '"' + table.replace('"', '""') + '"'
        for column in conn.execute(f"PRAGMA table_xinfo({quoted})"):
            if column[6] in GENERATED:
                raise InputError(where, f"not {what}: {table}.{column[1]} is a generated column")


class Budget:
    """What one file may produce: the bytes of every text and blob read from it."""

    def __init__(self, where: str, cap: int = MAX_OUTPUT_BYTES) -> None:
        self.where = where
        self.cap = cap
        self.used = 0

    def take(self, *values: object) -> None:
        for value in values:
            if isinstance(value, str | bytes):
                self.used += len(value)
        if self.used > self.cap:
            raise InputError(self.where, f"holds more than {self.cap // MIB} MiB of text")

    def take_columns(self, *columns: Sequence[Any]) -> bool:
        """`take` for a batch of rows given as columns: a column of texts is summed at once.
        Returns whether every value of the columns is text (as the caller's checks need)."""
        texts = True
        for column in columns:
            kinds = set(map(type, column))
            if kinds <= {str}:
                self.used += sum(map(len, column))
                continue
            texts = False
            if str in kinds or bytes in kinds:
                self.take(*column)
        self.take()
        return texts


class UntrustedConnection(sqlite3.Connection):
    """A connection to another tool's database; `budget_spent` is set once its time budget
    stops a query."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.budget_spent = threading.Event()


def interrupted(error: sqlite3.Error, conn: sqlite3.Connection | None = None) -> bool:
    """Whether the time budget stopped the query. Asked of the connection, a query stopped
    otherwise was stopped by Ctrl-C: the progress handler (Python, run inside the query)
    took the KeyboardInterrupt and SQLite swallowed it, so it is raised again here."""
    if "interrupted" not in str(error):
        return False
    if isinstance(conn, UntrustedConnection) and not conn.budget_spent.is_set():
        raise KeyboardInterrupt
    return True


def unreadable(error: sqlite3.Error, where: str, what: str, conn: sqlite3.Connection) -> InputError:
    """The one line for a file SQLite could not read: a query stopped by the time budget, or
    a file that is not `what` (Ctrl-C is raised, see `interrupted`)."""
    if interrupted(error, conn):
        return InputError(where, "reading it took too long (a runaway query was stopped)")
    return InputError(where, f"{what} ({error})")
