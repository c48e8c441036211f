"""The shipped default deck imports cleanly and twice changes nothing."""

from __future__ import annotations

from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.importing import bundled_deck_path


def test_default_deck_imports_idempotently(runner: CliRunner) -> None:
    path = str(bundled_deck_path())
    first = runner.invoke(cli, ["import", path])
    assert first.exit_code == 0, first.output
    assert "0 updated" in first.output and "0 unchanged" in first.output
    second = runner.invoke(cli, ["import", path])
    assert second.exit_code == 0
    assert " 0 added, 0 updated," in second.output
