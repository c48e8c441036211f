"""Decks by any name: case, prefixes, suggestions, the only deck, sub-decks, rename, delete,
re-import under another name, shell completion."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from transfer_fixtures import BASIC, AnkiNote, collection_anki2, write_package

from quizkit.cli import cli


def note(question: str, answer: str) -> dict[str, object]:
    return {"id": question.lower().replace(" ", "-"), "question": question, "answer": answer}


@pytest.fixture
def languages(runner: CliRunner, write_deck) -> None:
    """Spanish with a Spanish::Verbs sub-deck, and Swedish."""
    for name, file, notes in (
        ("Spanish", "es.toml", [note("Dog in Spanish", "perro")]),
        ("Spanish::Verbs", "es-verbs.toml", [note("To eat in Spanish", "comer")]),
        ("Swedish", "sv.toml", [note("Dog in Swedish", "hund")]),
    ):
        result = runner.invoke(cli, ["import", str(write_deck(name, notes, file=file))])
        assert result.exit_code == 0, result.output


def shown(runner: CliRunner, *args: str) -> list[str]:
    result = runner.invoke(cli, ["show", *args, "--json"])
    assert result.exit_code == 0, result.output
    return [card["answer"] for card in json.loads(result.output)["cards"]]


def test_any_case_and_a_unique_prefix(runner: CliRunner, languages: None) -> None:
    assert shown(runner, "swedish") == ["hund"]
    assert shown(runner, "SWE") == ["hund"]
    # a prefix of a parent and its children means the parent, children included
    assert shown(runner, "span") == ["perro", "comer"]
    assert shown(runner, "spanish::verbs") == ["comer"]


def test_a_typo_gets_the_closest_name(runner: CliRunner, languages: None) -> None:
    result = runner.invoke(cli, ["show", "Spansih"])
    assert (result.exit_code, result.output) == (
        1,
        "Error: no deck named 'Spansih'; did you mean 'Spanish'?\n",
    )


def test_an_ambiguous_prefix_lists_the_candidates(runner: CliRunner, languages: None) -> None:
    result = runner.invoke(cli, ["show", "s"])
    assert (result.exit_code, result.output) == (
        1,
        "Error: 's' could be any of these decks: Spanish, Swedish\n",
    )


def test_the_only_deck_is_used_when_none_is_named(runner: CliRunner, write_deck) -> None:
    runner.invoke(cli, ["import", str(write_deck("Capitals", [note("Capital of Peru", "Lima")]))])
    assert shown(runner) == ["Lima"]
    exported = runner.invoke(cli, ["export", "--format", "csv"])
    assert exported.exit_code == 0, exported.output
    assert "Lima" in exported.output
    handout = runner.invoke(cli, ["print", "--seed", "1"])
    assert handout.exit_code == 0 and "Capital of Peru" in handout.output
    stats = runner.invoke(cli, ["stats", "--json"])
    assert json.loads(stats.output)["cards"]["new"] == 1


def test_no_deck_named_with_several_decks(runner: CliRunner, languages: None) -> None:
    result = runner.invoke(cli, ["show"])
    assert (result.exit_code, result.output) == (
        1,
        "Error: name a deck: Spanish, Spanish::Verbs, Swedish\n",
    )


def test_decks_shows_the_tree_with_a_parent_counting_its_children(
    runner: CliRunner, languages: None
) -> None:
    result = runner.invoke(cli, ["decks"])
    assert result.output.splitlines() == [
        "deck       new learn   due  total",
        "Spanish      2     0     0      2",
        "  Verbs      1     0     0      1",
        "Swedish      1     0     0      1",
    ]
    data = json.loads(runner.invoke(cli, ["decks", "--json"]).output)
    assert [(d["name"], d["parent"], d["total"]) for d in data["decks"]] == [
        ("Spanish", None, 2),
        ("Spanish::Verbs", "Spanish", 1),
        ("Swedish", None, 1),
    ]


def test_studying_a_parent_studies_its_children(runner: CliRunner, languages: None) -> None:
    result = runner.invoke(cli, ["study", "spanish"], input="perro\ncomer\n")
    assert result.exit_code == 0, result.output
    assert "Session over: 2 cards seen, 2 of 2 typed right (100%)." in result.output


def test_anki_sub_decks_are_kept_on_import(runner: CliRunner, tmp_path: Path) -> None:
    notes = [
        AnkiNote(1, "guid-paris", BASIC, ["Capital of France?", "Paris"], deck=21),
        AnkiNote(2, "guid-geo", BASIC, ["Longest river?", "Nile"], deck=20),
    ]
    package = write_package(tmp_path / "geo.apkg", collection_anki2(notes), modern=False)
    assert runner.invoke(cli, ["import", str(package)]).exit_code == 0
    assert runner.invoke(cli, ["decks"]).output.splitlines()[1:] == [
        "Geo           2     0     0      2",
        "  Europe      1     0     0      1",
    ]
    assert shown(runner, "geo") == ["Paris", "Nile"]


def test_rename_moves_the_sub_decks_too(runner: CliRunner, languages: None) -> None:
    result = runner.invoke(cli, ["deck", "rename", "spanish", "Español"])
    assert result.output == "Renamed deck 'Spanish' to 'Español' (and 1 sub-deck).\n"
    names = [d["name"] for d in json.loads(runner.invoke(cli, ["decks", "--json"]).output)["decks"]]
    assert names == ["Español", "Español::Verbs", "Swedish"]
    taken = runner.invoke(cli, ["deck", "rename", "Español", "Swedish"])
    assert (taken.exit_code, taken.output) == (
        1,
        "Error: there is already a deck named 'Swedish'\n",
    )


def test_delete_asks_and_says_what_goes(
    runner: CliRunner, languages: None, isolated_env: Path
) -> None:
    assert runner.invoke(cli, ["study", "swedish"], input="hund\n").exit_code == 0
    refused = runner.invoke(cli, ["deck", "delete", "swe"], input="n\n")
    assert refused.exit_code == 1
    assert refused.output == (
        "Delete deck 'Swedish': 1 note and 1 review go with it? [y/N]: n\nError: nothing deleted\n"
    )
    result = runner.invoke(cli, ["deck", "delete", "spanish", "--yes"])
    assert result.output == (
        "Deleted deck 'Spanish' with 1 sub-deck: 2 notes and 0 reviews went with it.\n"
    )
    confirmed = runner.invoke(cli, ["deck", "delete", "swe"], input="y\n")
    assert confirmed.exit_code == 0, confirmed.output
    with sqlite3.connect(isolated_env) as conn:
        counts = [
            conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
            for t in ("decks", "notes", "cards", "reviews")
        ]
    conn.close()
    assert counts == [0, 0, 0, 0]


def test_reimport_under_another_deck_leaves_no_empty_deck(runner: CliRunner, write_deck) -> None:
    path = write_deck("Capitals", [note("Capital of Peru", "Lima")])
    assert runner.invoke(cli, ["import", str(path)]).exit_code == 0
    assert runner.invoke(cli, ["import", str(path), "--deck", "Geography"]).exit_code == 0
    data = json.loads(runner.invoke(cli, ["decks", "--json"]).output)
    assert [(d["name"], d["total"]) for d in data["decks"]] == [("Geography", 1)]


def test_deck_names_complete_in_the_shell(runner: CliRunner, languages: None) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizkit"],
        env={
            **os.environ,
            "_QUIZKIT_COMPLETE": "bash_complete",
            "COMP_WORDS": "quizkit study sp",
            "COMP_CWORD": "2",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.splitlines() == ["plain,Spanish", "plain,Spanish::Verbs"]
