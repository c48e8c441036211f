"""`quizkit decks` lists its tree in one order, run after run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quizkit.cli import cli

REPO = Path(__file__).resolve().parents[1]


def test_decks_differing_only_in_case_list_in_one_order_every_run(tmp_path: Path) -> None:
    """The tree's order ignores case, then uses it: each run (with its own string hashing)
    lists "Languages" and "languages" the same way."""
    db = tmp_path / "q.db"
    for name in ("languages::verbs", "Languages", "languages", "LANGUAGES::Nouns"):
        card = tmp_path / "one.csv"
        card.write_text(f"Word for {name}?,{name}\n", encoding="utf-8")
        done = CliRunner().invoke(cli, ["import", str(card), "--deck", name, "--db", str(db)])
        assert done.exit_code == 0, done.output
    listings = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO)}
        shown = subprocess.run(
            [sys.executable, "-m", "quizkit", "decks", "--db", str(db)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        listings.add(shown.stdout)
    assert len(listings) == 1
    names = [line.split()[0] for line in listings.pop().splitlines()[1:]]
    assert names == ["LANGUAGES", "Nouns", "languages", "verbs"]  # each under its own parent
