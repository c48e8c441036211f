"""The real scorer on the seed articles: overall F1 at least 0.95, every official and date found."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quizkit.cli import cli


def test_seed_articles_score(runner: CliRunner, shared_dir: Path, tmp_path: Path) -> None:
    seeds = sorted(str(p) for p in (shared_dir / "seeds").glob("*.txt"))
    result = runner.invoke(cli, ["extract", *seeds, "--json"])
    assert result.exit_code == 0, result.output
    facts = tmp_path / "facts.json"
    facts.write_text(result.stdout, encoding="utf-8")
    score = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            "--gold",
            str(shared_dir / "eval" / "gold"),
            str(facts),
            "--details",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    recall = dict(re.findall(r"^(\w+)\s+precision .* recall ([\d.]+)", score, re.M))
    overall = float(re.search(r"^overall F1 ([\d.]+)", score, re.M).group(1))  # type: ignore[union-attr]
    assert overall >= 0.95, score
    assert recall["officials"] == "1.00" and recall["dates"] == "1.00", score
