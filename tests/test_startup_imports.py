"""Database commands start fast: no numpy, pandas or question-wording tables on their path."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_decks_command_loads_no_numerical_libraries(tmp_path: Path) -> None:
    probe = (
        "import sys, runpy\n"
        "sys.argv = ['quizkit', 'decks']\n"
        "try:\n    runpy.run_module('quizkit', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('numpy', 'pandas', 'lemminflect', 'jinja2') if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZKIT_DB": str(tmp_path / "q.db")}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_decks_on_an_up_to_date_file_loads_neither_the_store_nor_the_models(
    tmp_path: Path,
) -> None:
    from quizkit.models import DeckInfo
    from quizkit.store import Store

    db = tmp_path / "q.db"
    store = Store.open(db)
    store.ensure_deck(DeckInfo(name="Spanish"), datetime(2026, 1, 5, tzinfo=UTC))
    store.close()
    probe = (
        "import sys, runpy\n"
        f"sys.argv = ['quizkit', 'decks', '--db', {str(db)!r}]\n"
        "try:\n    runpy.run_module('quizkit', run_name='__main__')\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('quizkit.models', 'quizkit.store', 'dataclasses', 'json')"
        " if m in sys.modules))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("deck") and lines[1].startswith("Spanish")
    assert lines[-1] == "[]"
