"""The practice commands at a real terminal (a pty), their help, and what `--help` imports."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner
from practice_deck import DECK, make_deck
from stats_log import build_log

from quizkit.cli import cli
from quizkit.models import Note
from quizkit.quiz import build_quiz
from quizkit.store import Store

REPO = Path(__file__).resolve().parents[1]
CAPITAL = [Note("Capital of France?", "Paris", "capital", distractors=("Lyon", "Nice", "Metz"))]


def spawn(*args: str) -> pexpect.spawn:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return pexpect.spawn(
        sys.executable, ["-m", "quizkit", *args], env=env, encoding="utf-8", timeout=20
    )


def test_interactive_quiz_asks_again_for_a_choice_it_cannot_read(
    store: Store, now: datetime
) -> None:
    deck = make_deck(store, now, CAPITAL)
    question = build_quiz(store.deck_cards(deck), 1, "mcq", random.Random(3))[0]
    letter = "ABCD"[question.options.index("Paris")]
    child = spawn("quiz", DECK, "--mode", "mcq", "--seed", "3")
    child.expect_exact("[1/1] Capital of France?")
    child.expect_exact("Your choice (A-D or 1-4, q to quit): ")
    child.sendline("z")
    child.expect_exact("That is not one of the choices.")
    child.expect_exact("Your choice (A-D or 1-4, q to quit): ")
    child.sendline(letter.lower())
    child.expect_exact("Score: 1 of 1 right (100%).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_interactive_quiz_quits_on_q(store: Store, now: datetime) -> None:
    make_deck(store, now, CAPITAL)
    child = spawn("quiz", DECK, "--mode", "truefalse", "--seed", "3")
    child.expect_exact("True or false? (t/f, q to quit): ")
    child.sendline("q")
    child.expect_exact("Stopped after 0 of 1 questions: 0 of 0 right (-).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


@pytest.mark.parametrize("command", ["quiz", "stats", "unsuspend", "study"])
def test_new_commands_have_help(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage: " in result.output
    if command == "study":
        assert "--cram" in result.output and "--tag TAG" in result.output


def test_help_does_not_load_the_practice_modules() -> None:
    code = (
        "import sys\n"
        "from quizkit.cli import cli\n"
        "try:\n"
        "    cli(['--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = ['jinja2', 'fsrs', 'quizkit.quiz', 'quizkit.stats', 'quizkit.stats_html',"
        " 'quizkit.cram', 'quizkit.charts']\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONPATH": str(REPO)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.splitlines()[-1] == "[]"


@pytest.mark.parametrize(("no_color", "coloured"), [(None, True), ("1", False)])
def test_stats_bars_colour_only_without_no_color(
    store: Store, now: datetime, no_color: str | None, coloured: bool
) -> None:
    build_log(store, now)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("COLUMNS", None)
    if no_color is not None:
        env["NO_COLOR"] = no_color
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizkit", "stats", "Deck A"],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(24, 50),
    )
    child.expect(pexpect.EOF)
    output = child.before
    child.close()
    assert child.exitstatus == 0
    assert "Thu 20 Jan 2 " in output
    assert ("\x1b[36m" in output) is coloured
    # the bars follow the pty's 50 columns either way
    bar_line = next(line for line in output.splitlines() if "Thu 20 Jan 2" in line)
    assert bar_line.count("█") == 35
