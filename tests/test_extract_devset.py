"""The real scorer on the Wikinews development set: each kind of fact at its bar.

The development set (../shared/eval/dev) is thirty real articles the extractor was
not written for; its gold facts were labelled by hand. Each kind must reach its F1
and precision bar; kinds are added to the table as their work lands.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from quizkit.extract import extract_files, to_json

SHARED = Path(__file__).resolve().parents[2] / "shared"
# kind (as score.py names it) -> (minimum F1, minimum precision)
BARS = {
    "officials": (0.85, 0.90),
    "participants": (0.85, 0.90),
}


@pytest.fixture(scope="module")
def dev_scores(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[dict[str, tuple[float, float]], str]:
    """Per kind (F1, precision) from score.py on the dev set, and the scorer's report."""
    dev = SHARED / "eval" / "dev"
    if not dev.is_dir():
        pytest.skip("../shared/eval/dev (the development set) is not beside this checkout")
    articles = sorted((dev / "articles").glob("*.txt"))
    docs, errors, _ = extract_files(articles)
    assert not errors
    facts = tmp_path_factory.mktemp("dev") / "facts.json"
    facts.write_text(to_json(docs), encoding="utf-8")
    report = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "--gold",
            str(dev / "gold"),
            str(facts),
            "--details",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    scores = {
        kind: (float(f1), float(precision))
        for kind, precision, f1 in re.findall(
            r"^(\w+)\s+precision ([\d.]+) .* F1 ([\d.]+)$", report, re.M
        )
    }
    return scores, report


@pytest.mark.parametrize("kind", sorted(BARS))
def test_dev_set_kind_reaches_its_bar(
    kind: str, dev_scores: tuple[dict[str, tuple[float, float]], str]
) -> None:
    scores, report = dev_scores
    f1, precision = scores[kind]
    min_f1, min_precision = BARS[kind]
    assert f1 >= min_f1 and precision >= min_precision, report
