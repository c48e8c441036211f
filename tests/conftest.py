"""Shared fixtures: every test gets its own database file and a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.store import Store

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXED_NOW = datetime(2022, 1, 20, 9, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point quizkit's database at a temp file so no test touches the user's data."""
    db = tmp_path / "quizkit.db"
    monkeypatch.setenv("QUIZKIT_DB", str(db))
    monkeypatch.setenv("QUIZKIT_NOW", FIXED_NOW.isoformat())
    monkeypatch.delenv("NO_COLOR", raising=False)
    return db


@pytest.fixture
def now() -> datetime:
    return FIXED_NOW


@pytest.fixture
def store(isolated_env: Path) -> Iterator[Store]:
    opened = Store.open(isolated_env)
    yield opened
    opened.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def shared_dir() -> Path:
    """../shared beside the repository (seed articles, gold facts), or skip when absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared (seed articles and gold facts) is not beside this checkout")
    return SHARED


def deck_text(name: str, notes: list[dict[str, object]], retention: float = 0.9) -> str:
    """A native deck file's text: [deck] plus one [[notes]] table per dict."""
    import tomli_w

    return tomli_w.dumps({"deck": {"name": name, "desired_retention": retention}, "notes": notes})


@pytest.fixture
def write_deck(tmp_path: Path):
    """write_deck(name, notes, file=...) -> the path of a deck file in the test's temp dir."""

    def write(
        name: str, notes: list[dict[str, object]], file: str = "deck.toml", retention: float = 0.9
    ) -> Path:
        path = tmp_path / file
        path.write_text(deck_text(name, notes, retention), encoding="utf-8")
        return path

    return write


def mark_from_newer_quizkit(path: Path, migration: str) -> None:
    """Record a migration this quizkit does not know, as a newer quizkit would have."""
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
            "VALUES ('quizkit', ?, '2030-01-01')",
            [migration],
        )
    conn.close()
