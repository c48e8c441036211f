"""A damaged database file: every command says so in one line with what to do; `db check`
finds the damage, `db recover` saves what can be read, `db backup` copies a file in use, and
an upgrade of the schema keeps a copy from before."""

from __future__ import annotations

import random
import re
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import deck_text
from sqlite_utils import Database

from quizkit.cli import cli
from quizkit.migrations import migrations
from quizkit.models import CardState, DeckInfo, Note, Rating, Review
from quizkit.scheduler import make_scheduler, review
from quizkit.store import Store

NOTES = [
    {"id": f"n{n}", "question": f"Which city hosted summit number {n}?", "answer": f"City {n}"}
    for n in range(300)
]
STUDIED = 240  # reviews enough to fill several pages, so that damage to one leaves others
DAMAGED = re.compile(
    r"^Error: .*quizkit\.db: (cannot use this database: )?the database is damaged \(.+\); "
    r"`quizkit db check` says where, `quizkit db recover` saves what can be read$"
)


def build(path: Path, now: datetime) -> None:
    """A deck of 300 notes, STUDIED of them studied once; closed, so the file holds it all."""
    store = Store.open(path)
    deck = store.ensure_deck(DeckInfo("Cities"), now)
    notes = [Note(n["question"], n["answer"], n["id"]) for n in NOTES]
    store.upsert_notes(deck, notes, now)
    scheduler = make_scheduler()
    for card in store.deck_cards(deck)[:STUDIED]:
        after = review(scheduler, card, Rating.GOOD, now)
        store.record_review(
            after, Review(card.id, now, Rating.GOOD, card.expected, True, 900, CardState.NEW, None)
        )
    store.close()


def damage(path: Path, seed: int = 7) -> list[int]:
    """Overwrite the first leaf page of notes, cards and reviews with random bytes."""
    with sqlite3.connect(path) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = [
            conn.execute(
                "SELECT MIN(pageno) FROM dbstat WHERE name = ? AND pagetype = 'leaf'", [table]
            ).fetchone()[0]
            for table in ("notes", "cards", "reviews")
        ]
    conn.close()
    rng = random.Random(seed)
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * size)
            handle.write(rng.randbytes(size))
    return pages


@pytest.fixture
def damaged(isolated_env: Path, now: datetime) -> Path:
    build(isolated_env, now)
    damage(isolated_env)
    return isolated_env


@pytest.mark.parametrize(
    "args",
    [
        ["show", "Cities"],
        ["stats"],
        ["study", "Cities"],
        ["import", "{deck}"],
        ["export", "Cities", "-o", "{tmp}/out.csv"],
        ["print", "Cities", "-o", "{tmp}/out.html"],
    ],
)
def test_every_command_says_so_in_one_line(
    runner: CliRunner, damaged: Path, tmp_path: Path, args: list[str]
) -> None:
    deck = tmp_path / "cities.toml"
    deck.write_text(deck_text("Cities", NOTES), encoding="utf-8")  # type: ignore[arg-type]
    filled = [a.format(deck=deck, tmp=tmp_path) for a in args]
    result = runner.invoke(cli, filled, input="City 0\n")
    assert result.exit_code == 1, result.output
    last = result.output.splitlines()[-1]
    assert DAMAGED.match(last), result.output
    assert not isinstance(result.exception, sqlite3.Error) or result.exit_code == 1
    assert "Traceback" not in result.output


def test_check_finds_the_damage_and_recover_saves_the_rest(
    runner: CliRunner, damaged: Path
) -> None:
    check = runner.invoke(cli, ["db", "check"])
    assert check.exit_code == 1
    lines = check.output.splitlines()
    assert lines[0] == f"{damaged}: damaged:"
    assert len(lines) > 2
    assert lines[-1] == "`quizkit db recover` saves what can be read into a new file."

    damaged_bytes = damaged.read_bytes()
    result = runner.invoke(cli, ["db", "recover"])
    assert result.exit_code == 0, result.output
    kept = damaged.with_name("quizkit.db.damaged-20220120T090000")
    assert result.output.splitlines()[-1] == (
        f"Recovered into {damaged}; the damaged file is kept as {kept}."
    )
    assert kept.read_bytes() == damaged_bytes
    saved = dict(re.findall(r"^  (\w+): (\d+) rows saved", result.output, re.M))
    assert 0 < int(saved["notes"]) < 300
    assert 0 < int(saved["reviews"]) < STUDIED
    assert int(saved["decks"]) == 1

    assert runner.invoke(cli, ["db", "check"]).output == f"{damaged}: ok\n"
    with sqlite3.connect(damaged) as conn:
        # every card left has its note, every review its card
        assert conn.execute(
            "SELECT COUNT(*) FROM cards WHERE note_id NOT IN (SELECT id FROM notes)"
        ).fetchone() == (0,)
        assert conn.execute(
            "SELECT COUNT(*) FROM reviews WHERE card_id NOT IN (SELECT id FROM cards)"
        ).fetchone() == (0,)
        cards = conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0]
    conn.close()
    show = runner.invoke(cli, ["show", "Cities"])
    assert show.exit_code == 0, show.output
    assert show.output.count(" -> City ") == cards > 0
    # and it studies again
    study = runner.invoke(cli, ["study", "Cities"], input="wrong\n")
    assert study.exit_code == 0, study.output


def test_recover_to_another_file_leaves_the_damaged_one(
    runner: CliRunner, damaged: Path, tmp_path: Path
) -> None:
    before = damaged.read_bytes()
    target = tmp_path / "salvage.db"
    result = runner.invoke(cli, ["db", "recover", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        f"Recovered into {target}; {damaged} is left as it was."
    )
    assert damaged.read_bytes() == before
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    again = runner.invoke(cli, ["db", "recover", "-o", str(target)])
    assert again.exit_code == 2
    assert f"{target} exists; name a new file" in again.output


def test_check_of_a_sound_file(runner: CliRunner, isolated_env: Path, now: datetime) -> None:
    build(isolated_env, now)
    result = runner.invoke(cli, ["db", "check"])
    assert (result.exit_code, result.output) == (0, f"{isolated_env}: ok\n")


def test_check_of_no_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["db", "check", "--db", str(tmp_path / "none.db")])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {tmp_path / 'none.db'}: no database here\n",
    )


def test_backup_while_another_quizkit_is_writing(
    runner: CliRunner, isolated_env: Path, tmp_path: Path, now: datetime
) -> None:
    build(isolated_env, now)
    writer = sqlite3.connect(isolated_env)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("DELETE FROM reviews")  # not committed: the backup must not see it
    target = tmp_path / "copy.db"
    result = runner.invoke(cli, ["db", "backup", str(target)])
    writer.rollback()
    writer.close()
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        rf"Backed up {re.escape(str(isolated_env))} to {re.escape(str(target))} \(\d+ KiB\)\.\n",
        result.output,
    )
    with sqlite3.connect(target) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT COUNT(*) FROM reviews").fetchone() == (STUDIED,)
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone() == (300,)
    conn.close()
    # the copy is a quizkit database in its own right
    shown = runner.invoke(cli, ["show", "Cities", "--db", str(target)])
    assert shown.output.count(" -> City ") == 300


def test_backup_refuses_the_database_itself(runner: CliRunner, isolated_env: Path, now) -> None:
    build(isolated_env, now)
    result = runner.invoke(cli, ["db", "backup", str(isolated_env)])
    assert (result.exit_code, result.output) == (
        1,
        f"Error: {isolated_env}: is the database itself; name another file\n",
    )


def test_an_upgrade_keeps_a_copy_from_before(
    runner: CliRunner, isolated_env: Path, now: datetime
) -> None:
    names = [m.name for m in migrations._migrations]
    db = Database(isolated_env)
    migrations.apply(db, stop_before=[names[-1]])
    db.execute("INSERT INTO decks (name, created) VALUES ('Old', ?)", [now.isoformat()])
    db.conn.commit()
    db.close()
    result = runner.invoke(cli, ["decks"])
    backup = isolated_env.with_name(f"quizkit.before-{names[-1]}.db")
    assert result.exit_code == 0, result.output
    assert (
        f"quizkit: upgraded the database; a copy from before is kept as {backup}\n" in result.output
    )
    with sqlite3.connect(backup) as conn:
        applied = [row[0] for row in conn.execute("SELECT name FROM _sqlite_migrations")]
        assert conn.execute("SELECT name FROM decks").fetchall() == [("Old",)]
    conn.close()
    assert applied == names[:-1]
    # up to date now: no further copy, no notice
    backup.unlink()
    assert "upgraded" not in runner.invoke(cli, ["decks"]).output
    assert not backup.exists()


def test_a_new_database_needs_no_copy(runner: CliRunner, isolated_env: Path) -> None:
    assert runner.invoke(cli, ["decks"]).exit_code == 0
    assert sorted(p.name for p in isolated_env.parent.iterdir() if "before" in p.name) == []


def test_recover_rebuilds_a_full_text_index_and_keeps_tables_without_rowid(
    runner: CliRunner, isolated_env: Path, tmp_path: Path, now: datetime
) -> None:
    """The FTS5 search index over notes is rebuilt from the notes saved, and a WITHOUT
    ROWID table (whatever a later schema adds) is read up to its first damage."""
    build(isolated_env, now)
    with sqlite3.connect(isolated_env) as conn:
        conn.execute("CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
        conn.execute("INSERT INTO settings VALUES ('theme', 'dark'), ('sound', 'off')")
    conn.close()
    damage(isolated_env)
    target = tmp_path / "salvage.db"
    result = runner.invoke(cli, ["db", "recover", "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert "could not be rebuilt" not in result.output
    assert "  settings: 2 rows saved\n" in result.output
    assert "notes_fts" not in result.output  # the index's own tables are its business
    with sqlite3.connect(target) as conn:
        notes = conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0]
        found = conn.execute(
            "SELECT COUNT(*) FROM notes_fts WHERE notes_fts MATCH 'summit'"
        ).fetchone()[0]
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    assert found == notes > 0
