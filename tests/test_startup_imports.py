"""Database commands start fast: no numpy, pandas or question-wording tables on their path."""

from __future__ import annotations

import os
import subprocess
import sys
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
