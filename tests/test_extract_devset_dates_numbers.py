"""The real scorer on the Wikinews development set: dates and numbers at the bar of issue 10."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli

# kind -> (least F1, least precision)
BAR = {"dates": (0.85, 0.90), "numbers": (0.85, 0.90)}


@pytest.fixture
def dev_scores(shared_dir: Path, tmp_path: Path) -> dict[str, tuple[float, float]]:
    dev = shared_dir / "eval" / "dev"
    if not (dev / "articles").is_dir():
        pytest.skip("the development set (shared/eval/dev) is absent")
    articles = sorted(str(p) for p in (dev / "articles").glob("*.txt"))
    result = CliRunner().invoke(cli, ["extract", *articles, "--json"])
    assert result.exit_code == 0, result.output
    facts = tmp_path / "facts.json"
    facts.write_text(result.stdout, encoding="utf-8")
    score = subprocess.run(
        [
            sys.executable,
            str(shared_dir / "eval" / "score.py"),
            "--gold",
            str(dev / "gold"),
            str(facts),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = re.findall(r"^(\w+)\s+precision ([\d.]+) .* F1 ([\d.]+)", score, re.M)
    return {kind: (float(f1), float(precision)) for kind, precision, f1 in rows}


@pytest.mark.parametrize("kind", sorted(BAR))
def test_dev_set_meets_the_bar(kind: str, dev_scores: dict[str, tuple[float, float]]) -> None:
    f1, precision = dev_scores[kind]
    least_f1, least_precision = BAR[kind]
    assert f1 >= least_f1 and precision >= least_precision, (kind, dev_scores[kind])
