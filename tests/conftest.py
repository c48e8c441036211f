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
