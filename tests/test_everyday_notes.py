"""Cards from the command line: add (options or $EDITOR), edit in $EDITOR, search, undrop."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.store import Store


def editor_writing(tmp_path: Path, text: str) -> str:
    """An $EDITOR that replaces the file with `text` (a person typing it and saving)."""
    content = tmp_path / "typed.toml"
    content.write_text(text, encoding="utf-8")
    script = tmp_path / "editor.py"
    script.write_text(
        f"import shutil, sys\nshutil.copyfile({str(content)!r}, sys.argv[1])\n",
        encoding="utf-8",
    )
    return f"{sys.executable} {script}"


def cards(runner: CliRunner, deck: str) -> list[dict]:
    result = runner.invoke(cli, ["show", deck, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["cards"]


def test_add_from_options_makes_the_deck_and_both_cards(runner: CliRunner) -> None:
    result = runner.invoke(
        cli,
        [
            "add",
            "Spanish",
            "--question",
            "dog",
            "--answer",
            "perro",
            "--alternative",
            "can",
            "--tag",
            "animals",
            "--reverse",
        ],
    )
    assert result.exit_code == 0, result.output
    assert result.output == "note 1 added to new deck 'Spanish' (2 cards): dog\n"
    shown = cards(runner, "spanish")
    assert [(c["question"], c["answer"], c["reverse"]) for c in shown] == [
        ("dog", "perro", False),
        ("perro", "dog", True),
    ]
    assert shown[0]["alternatives"] == ["can"] and shown[0]["tags"] == ["animals"]
    again = runner.invoke(cli, ["add", "span", "-q", "Dog", "-a", "perro"])
    assert (again.exit_code, again.output) == (
        1,
        "Error: deck 'Spanish' already has this question (note 1); `quizkit edit 1` changes it\n",
    )
    typo = runner.invoke(cli, ["add", "Spansh", "-q", "cat", "-a", "gato"])
    assert typo.output == (
        "note 2 added to new deck 'Spansh' (1 card): cat\n"
        "quizkit: made a new deck 'Spansh'; did you mean 'Spanish'?\n"
    )
    half = runner.invoke(cli, ["add", "Spanish", "--question", "cat"])
    assert half.exit_code == 2 and "give both --question and --answer" in half.output


def test_add_in_the_editor_keeps_a_multi_line_question(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = (
        'question = """Put in order:\nA. The vote\nB. The summit"""\n'
        'answer = "B, A"\noptions = ["A, B"]\ntags = ["timeline"]\n'
    )
    monkeypatch.setenv("EDITOR", editor_writing(tmp_path, typed))
    result = runner.invoke(cli, ["add", "History"])
    assert result.exit_code == 0, result.output
    (card,) = cards(runner, "History")
    assert card["question"] == "Put in order:\nA. The vote\nB. The summit"
    assert card["distractors"] == ["A, B"]
    shown = runner.invoke(cli, ["show", "History"]).output
    assert shown.splitlines()[:3] == [
        "    1  Put in order:",
        "       A. The vote",
        "       B. The summit",
    ]


def test_add_in_the_editor_left_empty_adds_nothing(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "true")  # saves the template as it was: no question
    result = runner.invoke(cli, ["add", "History"])
    assert result.output == "No question written: nothing added.\n"
    assert json.loads(runner.invoke(cli, ["decks", "--json"]).output)["decks"] == []


def test_edit_in_the_editor_changes_options_and_alternatives(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner.invoke(cli, ["add", "Geo", "-q", "Capital of Kazakhstan?", "-a", "Nur-Sultan"])
    seen = tmp_path / "seen.toml"
    look = tmp_path / "look.py"
    look.write_text(f"import shutil, sys\nshutil.copy(sys.argv[1], {str(seen)!r})\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {look}")
    looked = runner.invoke(cli, ["edit", "1"])
    assert looked.output == "note 1: nothing changed.\n"
    assert seen.read_text().splitlines()[-5:] == [
        'question = "Capital of Kazakhstan?"',
        'answer = "Nur-Sultan"',
        "alternatives = []",
        "options = []",
        "tags = []",
    ]
    typed = (
        'question = "Capital of Kazakhstan?"\nanswer = "Astana"\n'
        'alternatives = ["Nur-Sultan"]\noptions = ["Almaty", "Shymkent"]\ntags = ["capitals"]\n'
    )
    monkeypatch.setenv("EDITOR", editor_writing(tmp_path, typed))
    result = runner.invoke(cli, ["edit", "1"])
    assert result.output == "note 1: Capital of Kazakhstan? -> Astana\n"
    (card,) = cards(runner, "Geo")
    assert (card["answer"], card["alternatives"], card["distractors"], card["tags"]) == (
        "Astana",
        ["Nur-Sultan"],
        ["Almaty", "Shymkent"],
        ["capitals"],
    )
    monkeypatch.setenv("EDITOR", editor_writing(tmp_path, 'question = "Q"\nanswer = 3\n'))
    bad = runner.invoke(cli, ["edit", "1"])
    assert (bad.exit_code, bad.output) == (
        1,
        "Error: the edited note's 'answer' must be text in quotes\n",
    )


def test_search_finds_words_and_prefixes_and_follows_every_write(
    runner: CliRunner, isolated_env: Path
) -> None:
    runner.invoke(
        cli, ["add", "Geo", "-q", "Capital of Kazakhstan?", "-a", "Astana", "--tag", "asia"]
    )
    runner.invoke(cli, ["add", "Geo::Europe", "-q", "Capital of Armenia?", "-a", "Yerevan"])
    runner.invoke(cli, ["add", "Spanish", "-q", "capital (money)", "-a", "el capital"])

    def found(*args: str) -> list[int]:
        result = runner.invoke(cli, ["search", *args, "--json"])
        assert result.exit_code == 0, result.output
        data = json.loads(result.output)
        assert data["version"] == 1
        return [n["id"] for n in data["notes"]]

    assert sorted(found("capital")) == [1, 2, 3]
    assert found("kazakh") == [1]  # the start of a word is enough
    assert found("yerevan") == [2]  # answers are searched too
    assert sorted(found("capital", "--deck", "geo")) == [1, 2]  # a parent takes its children
    assert found("capital", "--tag", "ASIA") == [1]
    assert found('AND OR "') == []  # search syntax typed by mistake is just words
    runner.invoke(cli, ["edit", "2", "--answer", "Jerewan"])
    assert found("yerevan") == [] and found("jerewan") == [2]
    runner.invoke(cli, ["deck", "delete", "spanish", "--yes"])
    assert sorted(found("capital")) == [1, 2]
    text = runner.invoke(cli, ["search", "armenia"]).output
    assert text == "    2  Capital of Armenia?\n       -> Jerewan   [Geo::Europe]\n"
    none = runner.invoke(cli, ["search", "zebra"])
    assert (none.exit_code, none.output) == (1, "No notes match 'zebra'.\n")
    with sqlite3.connect(isolated_env) as conn:
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
    conn.close()


def test_the_index_is_built_for_notes_stored_before_it(tmp_path: Path, now) -> None:
    from sqlite_utils import Database

    from quizkit.migrations import migrations

    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before=["m006_notes_fts"])
    db.execute(
        "INSERT INTO decks (id, name, created) VALUES (1, 'Old', '2021-01-01T00:00:00+00:00')"
    )
    db.execute(
        "INSERT INTO notes (guid, deck_id, question, answer, created, modified) "
        "VALUES ('g1', 1, 'Capital of Peru?', 'Lima', '2021', '2021')"
    )
    db.conn.commit()
    db.close()
    store = Store.open(path)
    assert [n["answer"] for n in store.search_notes("peru", None, None, 10)] == ["Lima"]
    store.close()


def test_undrop_brings_a_note_back(runner: CliRunner) -> None:
    runner.invoke(cli, ["add", "Geo", "-q", "Capital of Peru?", "-a", "Lima"])
    assert runner.invoke(cli, ["drop", "1"]).exit_code == 0
    assert "(dropped)" in runner.invoke(cli, ["search", "peru"]).output
    assert runner.invoke(cli, ["study"], input="").output.endswith("Nothing to study right now.\n")
    result = runner.invoke(cli, ["undrop", "1"])
    assert result.output == "note 1 back in study: Capital of Peru?\n"
    assert "Right. Answer: Lima" in runner.invoke(cli, ["study"], input="Lima\n").output
    again = runner.invoke(cli, ["undrop", "1"])
    assert (again.exit_code, again.output) == (1, "Error: note 1 is not dropped\n")


def test_an_imported_file_is_searchable_at_once(
    runner: CliRunner, tmp_path: Path, isolated_env: Path
) -> None:
    rows = tmp_path / "capitals.csv"
    rows.write_text("front,back\nCapital of Peru?,Lima\nCapital of Chile?,Santiago\n")
    assert runner.invoke(cli, ["import", str(rows)]).exit_code == 0
    found = json.loads(runner.invoke(cli, ["search", "santiago", "--json"]).output)["notes"]
    assert [n["question"] for n in found] == ["Capital of Chile?"]
    # the bulk path indexed every new note once, and left the trigger on for later writes
    runner.invoke(cli, ["add", "capitals", "-q", "Capital of Bolivia?", "-a", "Sucre"])
    assert json.loads(runner.invoke(cli, ["search", "sucre", "--json"]).output)["notes"]
    with sqlite3.connect(isolated_env) as conn:
        assert conn.execute("SELECT COUNT(*) FROM notes_fts_paused").fetchone()[0] == 0
        conn.execute("INSERT INTO notes_fts(notes_fts) VALUES ('integrity-check')")
    conn.close()
