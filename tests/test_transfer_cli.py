"""`quizkit import` and `quizkit export` as commands: options, exit codes, progress, laziness."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli

REPO = Path(__file__).resolve().parents[1]


def run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZKIT_DB": str(tmp_path / "q.db")}
    return subprocess.run(
        [sys.executable, "-m", "quizkit", *args], capture_output=True, text=True, env=env
    )


def big_csv(path: Path, rows: int) -> Path:
    path.write_text("front,back\n" + "".join(f"q{i},a{i}\n" for i in range(rows)))
    return path


def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    data = big_csv(tmp_path / "big.csv", 25_000)
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZKIT_DB": str(tmp_path / "q.db")}
    child = pexpect.spawn(
        sys.executable, ["-m", "quizkit", "import", str(data)], env=env, encoding="utf-8"
    )
    output = child.read()
    child.close()
    assert child.exitstatus == 0
    assert f"{data}  [####################################]  100%" in output
    assert f"{data}: deck 'big': 25000 added, 0 updated, 0 unchanged, 0 skipped" in output


def test_no_progress_bar_into_a_pipe(tmp_path: Path) -> None:
    data = big_csv(tmp_path / "big.csv", 25_000)
    result = run(["import", str(data)], tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"{data}: deck 'big': 25000 added, 0 updated, 0 unchanged, 0 skipped\n"


def test_one_bad_file_among_good_ones(runner: CliRunner, tmp_path: Path) -> None:
    good = tmp_path / "good.csv"
    good.write_text("a,b\n")
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2")
    result = runner.invoke(cli, ["import", str(bad), str(good)])
    assert result.exit_code == 1
    assert result.output == (
        f"quizkit: {bad}:1: invalid JSON: Expecting ',' delimiter\n"
        f"{good}: deck 'good': 1 added, 0 updated, 0 unchanged, 0 skipped\n"
    )


def test_format_option_overrides_detection(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "cards.txt"
    path.write_text("Q: a\nA: b\n")
    result = runner.invoke(cli, ["import", "--format", "csv", "--skip-bad", str(path)])
    assert result.output.splitlines()[0].endswith("0 added, 0 updated, 0 unchanged, 2 skipped")
    result = runner.invoke(cli, ["import", str(path)])
    assert result.output == f"{path}: deck 'cards': 1 added, 0 updated, 0 unchanged, 0 skipped\n"


def test_missing_file(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["import", str(tmp_path / "nope.apkg")])
    assert (result.exit_code, result.output) == (
        1,
        f"quizkit: {tmp_path / 'nope.apkg'}: no such file\n",
    )


def test_cli_module_loads_no_transfer_code(tmp_path: Path) -> None:
    probe = (
        "import sys, quizkit.cli; "
        "print(sorted(m for m in sys.modules if m.startswith(('quizkit.import', "
        "'quizkit.export', 'zstandard', 'genanki', 'sqlite_utils'))))"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout == "[]\n"


def test_help_documents_the_options(runner: CliRunner) -> None:
    text = runner.invoke(cli, ["import", "--help"]).output
    for option in (
        "--format",
        "--separator",
        "--row-separator",
        "--skip-bad",
        "--keep-schedule",
        "--deck",
    ):
        assert option in text
    text = runner.invoke(cli, ["export", "--help"]).output
    assert "[csv|tsv|json|md|apkg|deck|html]" in text


def test_cli_format_lists_match_the_core() -> None:
    from quizkit import cli as cli_module
    from quizkit.exporting import EXPORT_FORMATS
    from quizkit.importers import FORMATS

    assert cli_module.IMPORT_FORMATS == FORMATS
    assert cli_module.EXPORT_FORMATS == EXPORT_FORMATS


def test_a_file_without_notes(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_text("front,back\n")
    result = runner.invoke(cli, ["import", str(empty)])
    assert (result.exit_code, result.output) == (
        1,
        f"quizkit: {empty}: no notes found (is it the right --format?)\n",
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("front,back\nonly\n")
    result = runner.invoke(cli, ["import", "--skip-bad", str(bad)])
    assert result.exit_code == 0
    assert json.loads(runner.invoke(cli, ["decks", "--json"]).output) == {"version": 1, "decks": []}
