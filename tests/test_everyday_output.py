"""Output a script can rely on (each --json shape as docs/json.md documents it, -o/--output
everywhere a file is written), and stats and show as a person reads them."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.models import DeckInfo, Note, Rating, Review
from quizkit.store import Store

ARTICLES = Path(__file__).parent / "articles"
DOCS = Path(__file__).resolve().parents[1] / "docs" / "json.md"


@pytest.fixture
def two_decks(runner: CliRunner) -> None:
    for args in (
        ["add", "Spanish", "-q", "dog", "-a", "perro", "--tag", "animals", "--reverse"],
        ["add", "Spanish::Verbs", "-q", "to eat", "-a", "comer"],
    ):
        assert runner.invoke(cli, args).exit_code == 0


def as_json(runner: CliRunner, *args: str) -> dict:
    result = runner.invoke(cli, [*args, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert isinstance(data, dict) and next(iter(data)) == "version" and data["version"] == 1
    return data


def test_decks_json_shape(runner: CliRunner, two_decks: None) -> None:
    data = as_json(runner, "decks")
    assert list(data) == ["version", "decks"]
    assert data["decks"] == [
        {
            "name": "Spanish",
            "parent": None,
            "description": "",
            "new": 3,
            "learning": 0,
            "due": 0,
            "suspended": 0,
            "leeches": 0,
            "total": 3,
        },
        {
            "name": "Spanish::Verbs",
            "parent": "Spanish",
            "description": "",
            "new": 1,
            "learning": 0,
            "due": 0,
            "suspended": 0,
            "leeches": 0,
            "total": 1,
        },
    ]


def test_show_json_shape(runner: CliRunner, two_decks: None, store: Store) -> None:
    data = as_json(runner, "show", "span")
    assert list(data) == ["version", "deck", "cards"]
    assert data["deck"] == "Spanish"
    first = data["cards"][0]
    assert list(first) == [
        "id",
        "note_id",
        "note_guid",
        "question",
        "answer",
        "kind",
        "reverse",
        "state",
        "due",
        "alternatives",
        "distractors",
        "tags",
        "sources",
        "suspended",
        "dropped",
    ]
    guid = store.find_note("1")[1].guid
    assert [(c["note_guid"], c["question"], c["reverse"]) for c in data["cards"][:2]] == [
        (guid, "dog", False),
        (guid, "perro", True),
    ]
    assert first["state"] == "new" and datetime.fromisoformat(first["due"]).tzinfo


def test_search_json_shape(runner: CliRunner, two_decks: None) -> None:
    data = as_json(runner, "search", "perro")
    assert list(data) == ["version", "query", "notes"]
    (found,) = data["notes"]
    assert list(found) == ["id", "guid", "deck", "question", "answer", "tags", "dropped"]
    assert (found["deck"], found["tags"], found["dropped"]) == ("Spanish", ["animals"], False)


def test_stats_json_shape(runner: CliRunner, two_decks: None) -> None:
    data = as_json(runner, "stats", "spanish")
    assert list(data) == [
        "version",
        "deck",
        "now",
        "cards",
        "reviews_today",
        "reviews_this_week",
        "reviews_total",
        "retention",
        "average_interval",
        "median_interval",
        "intervals",
        "forecast",
        "reviews_per_day",
        "hardest",
        "streak",
        "mature_days",
    ]
    assert data["cards"] == {
        "new": 3,
        "learning": 0,
        "review": 0,
        "relearning": 0,
        "suspended": 0,
        "leeches": 0,
        "total": 3,
    }


def test_extract_json_keeps_documents_at_the_top(runner: CliRunner) -> None:
    article = sorted(ARTICLES.glob("*.txt"))[0]
    data = as_json(runner, "extract", str(article))
    assert list(data) == ["version", "documents"]
    (document,) = data["documents"]
    assert list(document) == ["source", "dateline", "headline", "sentences", "facts"]


def test_every_json_command_is_documented() -> None:
    text = DOCS.read_text(encoding="utf-8")
    commands = [
        name
        for name, command in cli.commands.items()
        if any(p.name == "as_json" for p in command.params)
    ]
    assert sorted(commands) == ["decks", "extract", "search", "show", "stats"]
    for name in commands:
        assert f"## `quizkit {name}" in text, name


def test_output_files_are_o_everywhere_old_spellings_hidden(
    runner: CliRunner, two_decks: None, tmp_path: Path
) -> None:
    for name in ("export", "print", "generate", "stats"):
        helped = runner.invoke(cli, [name, "--help"]).output
        assert "-o, --output" in helped, name
        assert "--out " not in helped and "--html " not in helped, name
    report = tmp_path / "report.html"
    assert runner.invoke(cli, ["stats", "-o", str(report)]).exit_code == 0
    assert report.read_text().startswith("<!DOCTYPE html>")
    deck_file = tmp_path / "story.toml"
    article = ARTICLES / "nato-estonia-deployment.txt"
    result = runner.invoke(cli, ["generate", str(article), "--deck", "Story", "-o", str(deck_file)])
    assert result.exit_code == 0, result.output
    assert '[deck]\nname = "Story"' in deck_file.read_text()


def test_stats_of_a_new_deck_is_one_line(runner: CliRunner, two_decks: None) -> None:
    result = runner.invoke(cli, ["stats", "spanish::verbs"])
    assert result.output == (
        "Deck 'Spanish::Verbs': 1 card, none studied yet; `quizkit study Spanish::Verbs` "
        "starts (statistics come with the first answers).\n"
    )


def test_stats_start_at_the_first_review_and_keep_a_timeline_layout(
    runner: CliRunner, store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    deck = store.ensure_deck(DeckInfo("History"), now)
    question = "Put in order:\nA. The vote\nB. The summit"
    store.upsert_notes(deck, [Note(question, "B, A", guid="t1", kind="timeline")], now)
    card = store.deck_cards(deck)[0]
    for days in (9, 2):  # the first review nine days ago, in last week
        store.record_review(
            card,
            Review(
                card.id,
                now - timedelta(days=days),
                Rating.AGAIN,
                "A, B",
                False,
                900,
                card.state,
                None,
            ),
        )
    monkeypatch.setenv("COLUMNS", "80")
    lines = runner.invoke(cli, ["stats", "history"]).output.splitlines()
    weeks = [line for line in lines if line.startswith("  week of")]
    assert weeks == [
        "  week of 2022-01-10    -  (0 of 0 right)",
        "  week of 2022-01-17    -  (0 of 0 right)",
    ]
    history = lines.index("Reviews per day, last 10 days:")
    assert lines[history + 1].startswith("  Tue 11 Jan 1")
    assert lines[-3:] == [
        "    2  #1  Put in order:",
        "           A. The vote",
        "           B. The summit -> B, A",
    ]


def test_show_pages_through_the_pager_on_a_terminal(runner: CliRunner, two_decks: None) -> None:
    pexpect = pytest.importorskip("pexpect")
    env = {**os.environ, "PAGER": "sed s/^/PAGED:/"}
    child = pexpect.spawn(
        sys.executable, ["-m", "quizkit", "show", "spanish"], env=env, encoding="utf-8", timeout=20
    )
    child.expect_exact("PAGED:    1  dog")
    child.expect(pexpect.EOF)
    piped = runner.invoke(cli, ["show", "spanish"]).output
    assert piped.startswith("    1  dog\n") and "PAGED" not in piped


def every_command(group, prefix=()):
    import click

    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            yield from every_command(command, (*prefix, name))
        else:
            yield (*prefix, name)


@pytest.mark.parametrize("command", list(every_command(cli)), ids=" ".join)
def test_help_ends_with_one_or_two_examples(runner: CliRunner, command: tuple[str, ...]) -> None:
    lines = runner.invoke(cli, [*command, "--help"]).output.rstrip("\n").splitlines()
    start = max(i for i, line in enumerate(lines) if line.strip() == "Examples:")
    examples = lines[start + 1 :]
    assert 1 <= len(examples) <= 2, lines
    assert all(line.strip().startswith(("quizkit ", "cp ")) for line in examples), examples
    assert lines.index("Options:") < start


def test_show_of_an_empty_deck_says_so(runner: CliRunner, store: Store, now: datetime) -> None:
    store.ensure_deck(DeckInfo("Empty"), now)
    assert runner.invoke(cli, ["show", "empty"]).output == "Deck 'Empty' has no cards yet.\n"
