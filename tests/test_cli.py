"""The command line: help everywhere, a light --help, the database path, import, decks, show,
study from a pipe, and bad input that gets one clear line."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from conftest import mark_from_newer_quizkit

from quizkit.cli import cli

CSTO = "CSTO in Kazakhstan, January 2022"
STARTER_DECK = Path(__file__).parent / "decks" / "csto-starter.toml"
NOTES: list[dict[str, object]] = [
    {"id": "n1", "question": "Capital of Belarus?", "answer": "Minsk"},
    {"id": "n2", "question": "Capital of Armenia?", "answer": "Yerevan", "reverse": True},
]


def run_quizkit(*args: str, input: str | None = None, env: dict[str, str] | None = None):
    """quizkit as a whole process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "quizkit", *args],
        input=input,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=60,
    )


def all_commands(group: click.Group, prefix: tuple[str, ...] = ()):
    for name, command in group.commands.items():
        yield (*prefix, name)
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


def one_error_line(result, stream: str = "output") -> str:
    text = getattr(result, stream)
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, text
    assert "Traceback" not in text
    return lines[0]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# help --------------------------------------------------------------------------


@pytest.mark.parametrize("command", [(), *all_commands(cli)], ids=" ".join)
def test_every_command_has_help(runner: CliRunner, command: tuple[str, ...]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Usage: ")
    summary = result.output.split("\n\n")[1].strip()
    assert summary and not summary.startswith("Options")


def test_help_loads_no_heavy_module() -> None:
    code = (
        "import sys\n"
        "from quizkit.cli import cli\n"
        "try:\n"
        "    cli(['--help'], prog_name='quizkit')\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ['sqlite_utils', 'fsrs', 'jinja2', 'quizkit.store', 'sqlite3', 'tomllib']\n"
        "print('loaded:', ','.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Usage: quizkit" in done.stdout
    assert done.stdout.splitlines()[-1] == "loaded: "


# the database path -------------------------------------------------------------


def test_db_path_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    runner = CliRunner()
    monkeypatch.setenv("QUIZKIT_DB", str(tmp_path / "env.db"))
    assert runner.invoke(cli, ["db", "path", "--db", "x.db"]).output == "x.db\n"
    assert runner.invoke(cli, ["db", "path"]).output == f"{tmp_path / 'env.db'}\n"
    monkeypatch.delenv("QUIZKIT_DB")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("HOME", str(tmp_path))
    expected = Path(click.get_app_dir("quizkit")) / "quizkit.db"
    assert runner.invoke(cli, ["db", "path"]).output == f"{expected}\n"
    # the default folder is made on first use
    assert runner.invoke(cli, ["decks"]).exit_code == 0
    assert expected.is_file()


@pytest.mark.parametrize("command", [["import", "f.toml"], ["decks"], ["show", "d"], ["study"]])
def test_every_data_command_takes_db(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert "--db PATH" in result.output


# import ------------------------------------------------------------------------


def test_import_twice_updates_in_place_and_keeps_history(
    runner: CliRunner, write_deck, isolated_env: Path
) -> None:
    path = write_deck("Capitals", NOTES)
    first = runner.invoke(cli, ["import", str(path)])
    assert first.output == f"{path}: deck 'Capitals': 2 added, 0 updated, 0 unchanged, 0 skipped\n"
    study = runner.invoke(cli, ["study", "Capitals"], input="Minsk\n")
    assert study.exit_code == 0, study.output
    changed = [
        {**NOTES[0], "answer": "Minsk (Mensk)"},
        NOTES[1],
        {"question": "New?", "answer": "Yes"},
    ]
    write_deck("Capitals", changed)
    second = runner.invoke(cli, ["import", str(path)])
    assert second.output == f"{path}: deck 'Capitals': 1 added, 1 updated, 1 unchanged, 0 skipped\n"
    again = runner.invoke(cli, ["import", str(path)])
    assert again.output == f"{path}: deck 'Capitals': 0 added, 0 updated, 3 unchanged, 0 skipped\n"
    with sqlite3.connect(isolated_env) as conn:
        assert conn.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 3
        assert conn.execute("SELECT COUNT(*) FROM cards").fetchone()[0] == 4  # n2 has a reverse
        assert conn.execute(
            "SELECT n.answer, c.state, COUNT(r.id) FROM notes n JOIN cards c ON c.note_id = n.id "
            "JOIN reviews r ON r.card_id = c.id WHERE n.guid = 'n1'"
        ).fetchone() == ("Minsk (Mensk)", 1, 1)
    conn.close()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[deck]\nname = "X"\n[[notes]\nquestion = "Q"\n', r"bad.toml:3: invalid TOML: "),
        (
            '[deck]\nname = "X"\n\n[[notes]]\nquestion = "Q1?"\nanswer = "A"\n\n'
            '[[notes]]\nquestion = "Q2?"\n',
            "bad.toml:8: note has no answer",
        ),
        ('[deck]\nname = "X"\n\n[[notes]]\nanswer = "A"\n', "bad.toml:4: note has no question"),
        ('[[notes]]\nquestion = "Q"\nanswer = "A"\n', "bad.toml:1: missing [deck] table"),
        (
            '[deck]\nname = "X"\n\n[[notes]]\nquestion = "Q"\nanswer = "A"\ntags = "x"\n',
            "bad.toml:4: note: 'tags' must be a list of strings",
        ),
    ],
)
def test_a_bad_deck_file_changes_nothing_and_says_where(
    runner: CliRunner, tmp_path: Path, write_deck, isolated_env: Path, text: str, message: str
) -> None:
    good = write_deck("Capitals", NOTES)
    assert runner.invoke(cli, ["import", str(good)]).exit_code == 0
    before = runner.invoke(cli, ["show", "Capitals", "--json"]).output
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    result = runner.invoke(cli, ["import", str(bad)])
    assert result.exit_code == 1
    assert one_error_line(result).startswith(f"quizkit: {tmp_path}/{message}")
    assert runner.invoke(cli, ["show", "Capitals", "--json"]).output == before
    assert [
        d["name"] for d in json.loads(runner.invoke(cli, ["decks", "--json"]).output)["decks"]
    ] == ["Capitals"]


def test_one_transaction_per_file(runner: CliRunner, tmp_path: Path, write_deck) -> None:
    good = write_deck("Capitals", NOTES, file="good.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text('[deck]\nname = "Other"\n\n[[notes]]\nquestion = "Q"\n')
    result = runner.invoke(cli, ["import", str(bad), str(good)])
    assert result.exit_code == 1
    assert f"{good}: deck 'Capitals': 2 added" in result.output
    assert f"{bad}:4: note has no answer" in result.output
    decks = json.loads(runner.invoke(cli, ["decks", "--json"]).output)["decks"]
    assert [d["name"] for d in decks] == ["Capitals"]


# decks and show ----------------------------------------------------------------


def test_decks_lists_counts(runner: CliRunner) -> None:
    assert runner.invoke(cli, ["decks"]).output.startswith("No decks yet")
    runner.invoke(cli, ["import", str(STARTER_DECK)])
    runner.invoke(cli, ["study", CSTO, "--new", "2"], input="Papikyan\nMinsk\n")
    table = runner.invoke(cli, ["decks"]).output.splitlines()
    assert table[0].split() == ["deck", "new", "learn", "due", "total"]
    assert table[1].split()[-4:] == ["13", "2", "0", "15"]
    (row,) = json.loads(runner.invoke(cli, ["decks", "--json"]).output)["decks"]
    assert {k: row[k] for k in ("name", "new", "learning", "due", "total")} == {
        "name": CSTO,
        "new": 13,
        "learning": 2,
        "due": 0,
        "total": 15,
    }


def test_show_lists_cards_with_due_times(runner: CliRunner, write_deck) -> None:
    runner.invoke(cli, ["import", str(write_deck("Capitals", NOTES))])
    runner.invoke(cli, ["study", "Capitals", "--new", "1"], input="Minsk\n")
    text = runner.invoke(cli, ["show", "Capitals"]).output
    assert text.splitlines() == [
        "    1  Capital of Belarus?",
        "       -> Minsk   [due in 10 minutes]",
        "    2  Capital of Armenia?",
        "       -> Yerevan   [new]",
        "    3  Yerevan",
        "       -> Capital of Armenia?   [new]",
    ]
    rows = json.loads(runner.invoke(cli, ["show", "Capitals", "--json"]).output)["cards"]
    assert [(r["id"], r["question"], r["answer"], r["state"], r["due"]) for r in rows] == [
        (1, "Capital of Belarus?", "Minsk", "learning", "2022-01-20T09:10:00+00:00"),
        (2, "Capital of Armenia?", "Yerevan", "new", "2022-01-20T09:00:00+00:00"),
        (3, "Yerevan", "Capital of Armenia?", "new", "2022-01-20T09:00:00+00:00"),
    ]


# study from a pipe ---------------------------------------------------------------


def test_study_from_a_pipe(isolated_env: Path) -> None:
    assert run_quizkit("import", str(STARTER_DECK)).returncode == 0
    done = run_quizkit("study", CSTO, input="Papikyan\n\n")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert (
        "15 new · 0 learning · 0 due\n"
        "[1] (official) Who was Armenia's defense minister in January 2022?" in out
    )
    assert "> Papikyan\nRight. Answer: Suren Papikyan\nYou typed: Papikyan\n" in out
    assert "Source: trend-csto-defense-ministers\nGraded good; next review in 10 minutes." in out
    assert "> \nAnswer: Belarus\n" in out
    assert "Graded again; next review in 1 minute." in out
    assert out.endswith(
        "Session over: 2 cards seen, 1 of 1 typed right (100%).\nNext card due now.\n"
    )
    assert done.stderr == ""
    with sqlite3.connect(isolated_env) as conn:
        rows = conn.execute(
            "SELECT card_id, rating, typed, correct FROM reviews ORDER BY id"
        ).fetchall()
    conn.close()
    assert rows == [(1, 3, "Papikyan", 1), (2, 1, None, None)]


def test_study_with_nothing_to_do(runner: CliRunner, write_deck) -> None:
    runner.invoke(cli, ["import", str(write_deck("Capitals", NOTES))])
    result = runner.invoke(cli, ["study", "Capitals", "--new", "0"])
    assert result.output == "\nNothing to study right now.\nNext card due in 15 hours.\n"


def test_quizkit_now_sets_the_clock(runner: CliRunner, write_deck, monkeypatch) -> None:
    runner.invoke(cli, ["import", str(write_deck("Capitals", NOTES[:1]))])
    runner.invoke(cli, ["study", "Capitals"], input="Minsk\nMinsk\n")  # learning, then review
    monkeypatch.setenv("QUIZKIT_NOW", "2022-01-21T09:00:00+00:00")
    assert "[due in 1 day]" in runner.invoke(cli, ["show", "Capitals"]).output
    monkeypatch.setenv("QUIZKIT_NOW", "2022-01-23T09:00:00+00:00")
    assert "[due now]" in runner.invoke(cli, ["show", "Capitals"]).output


# bad input: one line, non-zero, nothing changed ----------------------------------


def test_unknown_deck(runner: CliRunner, write_deck) -> None:
    runner.invoke(cli, ["import", str(write_deck("Capitals", NOTES))])
    for command in (["show", "Nope"], ["study", "Nope"]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 1
        assert one_error_line(result) == "Error: no deck named 'Nope' (decks: Capitals)"


@pytest.mark.parametrize("command", [["decks"], ["show", "X"], ["study"], ["import", "x.toml"]])
def test_database_in_a_missing_folder(tmp_path: Path, command: list[str]) -> None:
    db = tmp_path / "nowhere" / "q.db"
    done = run_quizkit(*command, "--db", str(db))
    assert done.returncode == 1
    assert one_error_line(done, "stderr") == f"Error: {db}: folder {db.parent} does not exist"
    assert not db.parent.exists()


def test_a_file_that_is_not_a_quizkit_database(tmp_path: Path) -> None:
    db = tmp_path / "other.db"
    with sqlite3.connect(db) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    conn.close()
    text = tmp_path / "notes.txt"
    text.write_text("hello\n")
    for path, why in ((db, "it holds other tables"), (text, "not an SQLite file")):
        before = digest(path)
        done = run_quizkit("decks", "--db", str(path))
        assert done.returncode == 1
        assert one_error_line(done, "stderr") == f"Error: {path}: not a quizkit database ({why})"
        assert digest(path) == before


def test_a_database_from_a_newer_quizkit(isolated_env: Path) -> None:
    assert run_quizkit("decks").returncode == 0
    mark_from_newer_quizkit(isolated_env, "m900_future")
    before = digest(isolated_env)
    done = run_quizkit("decks")
    assert done.returncode == 1
    assert one_error_line(done, "stderr") == (
        f"Error: {isolated_env}: written by a newer quizkit (unknown schema version "
        "m900_future); upgrade quizkit to use it"
    )
    assert digest(isolated_env) == before


def test_a_database_quizkit_cannot_open() -> None:
    done = run_quizkit("decks", "--db", "/proc/quizkit.db")
    assert done.returncode == 1
    assert one_error_line(done, "stderr").startswith(
        "Error: /proc/quizkit.db: cannot use this database: unable to open database file"
    )


def test_a_bad_clock(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZKIT_NOW", "yesterday")
    result = runner.invoke(cli, ["decks"])
    assert result.exit_code == 1
    assert one_error_line(result) == "Error: QUIZKIT_NOW: not an ISO timestamp: 'yesterday'"


def test_missing_deck_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["import", str(tmp_path / "gone.toml")])
    assert result.exit_code == 1
    assert one_error_line(result) == f"quizkit: {tmp_path / 'gone.toml'}: no such file"


def test_deck_file_cut_off_mid_value_names_its_last_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cut.toml"
    path.write_text('[deck]\nname = "Cut"\n\n[[notes]]\nquestion = [\n', encoding="utf-8")
    result = runner.invoke(cli, ["import", str(path)])
    assert result.exit_code == 1
    assert f"{path}:5: invalid TOML: Invalid value at the end of the file" in result.output
    assert "Traceback" not in result.output
