"""`quizkit stats`: text with bar charts, JSON, HTML report, and bad input."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from stats_log import DECK_A, build_log

from quizkit.cli import cli
from quizkit.store import Store


@pytest.fixture
def logged(store: Store, now: datetime) -> dict[str, int]:
    return build_log(store, now)


def test_text_report(
    runner: CliRunner, logged: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "40")
    result = runner.invoke(cli, ["stats", DECK_A])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[:7] == [
        "Deck: Deck A",
        "",
        "Cards: 0 new, 1 learning, 2 review, 1 relearning, 1 suspended (1 leech); 5 in all",
        "Reviews: 2 today, 5 this week, 9 in all",
        "Streak: 6 days",
        "Interval of review cards: average 20.0 days, median 20.0 days",
        "",
    ]
    assert "  week of 2022-01-10   50%  (1 of 2 right)" in lines
    assert "  week of 2022-01-17   67%  (2 of 3 right)" in lines
    assert "  week of 2021-11-01    -  (0 of 0 right)" in lines
    forecast = lines.index("Due in the next 30 days (overdue count as today):")
    # 40 columns, 2 indented: label 10 + count 1 + 2 spaces leave 25 cells at the top
    assert lines[forecast + 1] == "  Thu 20 Jan 2 " + "█" * 25
    assert lines[forecast + 2] == "  Fri 21 Jan 0"
    assert lines[forecast + 11] == "  Sun 30 Jan 1 " + "█" * 12 + "▌"
    per_day = lines.index("Reviews per day, last 30 days:")
    assert lines[per_day + 30] == "  Thu 20 Jan 2 " + "█" * 25
    assert lines[per_day + 29] == "  Wed 19 Jan 1 " + "█" * 12 + "▌"
    hardest = lines.index("Hardest cards (most Again ratings):")
    assert lines[hardest + 1 :] == [
        f"    2  #{logged['c3']}  Question n2? -> Answer n2",
        f"    2  #{logged['c4']}  Question n3? -> Answer n3",
        f"    1  #{logged['c2']}  Answer n1 -> Question n1?",
    ]
    assert all(len(line) <= 40 for line in lines[forecast:hardest] if line.startswith("  "))
    assert "\x1b[" not in result.output


def test_bars_follow_the_terminal_width(
    runner: CliRunner, logged: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    lines = runner.invoke(cli, ["stats", DECK_A]).output.splitlines()
    assert "  Thu 20 Jan 2 " + "█" * 85 in lines


def test_json(runner: CliRunner, logged: dict[str, int]) -> None:
    result = runner.invoke(cli, ["stats", DECK_A, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["deck"] == DECK_A
    assert data["mature_days"] == 21
    assert data["cards"] == {
        "new": 0,
        "learning": 1,
        "review": 2,
        "relearning": 1,
        "suspended": 1,
        "leeches": 1,
        "total": 5,
    }
    assert (data["reviews_today"], data["reviews_this_week"], data["reviews_total"]) == (2, 5, 9)
    assert data["retention"][-1] == {
        "week": "2022-01-17",
        "mature_reviews": 3,
        "passed": 2,
        "retention": 2 / 3,
    }
    assert data["forecast"][0] == {"day": "2022-01-20", "count": 2}
    assert data["reviews_per_day"][-1] == {"day": "2022-01-20", "count": 2}
    assert [h["lapses"] for h in data["hardest"]] == [2, 2, 1]
    assert data["streak"] == 6
    assert data["median_interval"] == 20.0


def test_empty_database_says_so_in_one_line(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["stats"])
    assert result.exit_code == 0, result.output
    assert result.output == (
        "The database has no cards yet: `quizkit import FILE` or `quizkit add DECK` adds some.\n"
    )
    data = json.loads(runner.invoke(cli, ["stats", "--json"]).output)
    assert data["reviews_total"] == 0 and data["average_interval"] is None
    assert data["retention"] == [] and data["reviews_per_day"] == []


def test_unknown_deck(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["stats", "Nope"])
    assert result.exit_code == 1
    assert result.output == "Error: no deck named 'Nope' (the database has no decks yet)\n"


def test_html_report(runner: CliRunner, logged: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(cli, ["stats", DECK_A, "--html", str(out)])
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert html.count("<svg ") == 4
    assert "<script" not in html and "src=" not in html and "href=" not in html
    assert '<td class="n">67%</td><td class="n">2</td><td class="n">3</td>' in html
    assert "<title>Thu 20 Jan: 2</title>" not in html  # chart labels are day and month
    assert "<title>20 Jan: 2</title>" in html


def test_html_escapes_card_text(
    runner: CliRunner, store: Store, logged: dict[str, int], tmp_path: Path
) -> None:
    store.db.execute("UPDATE notes SET question = '<script>alert(1)</script>' WHERE guid = 'n2'")
    store.db.conn.commit()
    out = tmp_path / "report.html"
    assert runner.invoke(cli, ["stats", DECK_A, "--html", str(out)]).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_html_to_a_missing_folder(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "no" / "report.html"
    result = runner.invoke(cli, ["stats", "--html", str(target)])
    assert result.exit_code == 1
    assert result.output == f"Error: {target}: folder {target.parent} does not exist\n"


def test_empty_deck_says_so_in_one_line(runner: CliRunner, store: Store, now: datetime) -> None:
    from quizkit.models import DeckInfo

    store.ensure_deck(DeckInfo("Empty"), now)
    result = runner.invoke(cli, ["stats", "Empty", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["cards"]["total"] == 0
    assert data["streak"] == 0 and data["hardest"] == []
    assert sum(d["count"] for d in data["forecast"]) == 0
    text = runner.invoke(cli, ["stats", "Empty"]).output
    assert text == (
        "Deck 'Empty' has no cards yet: `quizkit import FILE` or `quizkit add DECK` adds some.\n"
    )
