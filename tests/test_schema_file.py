"""A new file's schema comes from quizkit/schema.sql, not from running the migrations: the two
must give the same database, and a new file must not load sqlite-utils to get it."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from quizkit.migrations import migrations, schema_script
from quizkit.store import MIGRATIONS, PAGE_SIZE, SCHEMA, Store

REPO = Path(__file__).resolve().parents[1]


def contents(path: Path) -> tuple[list[tuple[str, ...]], dict[str, list[tuple[object, ...]]]]:
    """Every schema object, and every table's rows (the migrations' times left out)."""
    with sqlite3.connect(path) as conn:
        objects = sorted(
            conn.execute("SELECT type, name, tbl_name, COALESCE(sql, '') FROM sqlite_master")
        )
        tables = [name for kind, name, _, _ in objects if kind == "table"]
        rows = {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"'), key=repr)
            for name in tables
            if name != "_sqlite_migrations"
        }
        rows["_sqlite_migrations"] = list(
            conn.execute("SELECT id, migration_set, name FROM _sqlite_migrations ORDER BY id")
        )
    conn.close()
    return objects, rows


def test_schema_file_is_what_the_migrations_make() -> None:
    assert SCHEMA.read_text("utf-8") == schema_script(), (
        "quizkit/schema.sql is out of date: python -m quizkit.migrations > quizkit/schema.sql"
    )


def test_a_new_file_is_the_same_database_as_a_migrated_one(tmp_path: Path) -> None:
    from quizkit._sqlite_utils import Database

    migrated = tmp_path / "migrated.db"
    db = Database(migrated)
    migrations.apply(db)
    db.close()
    made = tmp_path / "made.db"
    Store.open(made).close()
    assert contents(made) == contents(migrated)
    with sqlite3.connect(made) as conn:
        names = [name for (name,) in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert tuple(names) == MIGRATIONS


def test_a_new_file_has_bigger_pages_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    """Bigger pages make a big import write fewer of them; a file made before is left with
    the pages it has (changing them means rewriting the whole file)."""
    from quizkit._sqlite_utils import Database

    made = tmp_path / "made.db"
    Store.open(made).close()
    old = tmp_path / "old.db"
    db = Database(old)
    migrations.apply(db, stop_before="m009_search_index_lazy")
    db.close()
    Store.open(old).close()
    sizes = []
    for path in (made, old):
        with sqlite3.connect(path) as conn:
            sizes.append(conn.execute("PRAGMA page_size").fetchone()[0])
            assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()
    assert sizes == [PAGE_SIZE, 4096] and PAGE_SIZE > 4096


def test_a_new_file_loads_no_sqlite_utils(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from quizkit.store import Store;"
        f"Store.open(Path({str(tmp_path / 'new.db')!r})).close();"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlite_utils', 'quizkit.mig'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout == "[]\n"


def test_an_old_file_is_still_upgraded_by_the_migrations(tmp_path: Path) -> None:
    from quizkit._sqlite_utils import Database

    old = tmp_path / "old.db"
    db = Database(old)
    migrations.apply(db, stop_before="m009_search_index_lazy")
    db.close()
    store = Store.open(old)
    store.close()
    assert store.migration_backup is not None
    migrated = tmp_path / "migrated.db"
    db = Database(migrated)
    migrations.apply(db)
    db.close()
    assert contents(old)[0] == contents(migrated)[0]
