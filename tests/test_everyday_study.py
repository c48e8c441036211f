"""The study screen: colour and its absence, the first-session lines, invalid keys, quiz
without a deck, and the ways of saying a factor."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.grading import grade
from quizkit.store import Store

pexpect = pytest.importorskip("pexpect")

ANSWER = "Answer (Enter to reveal, q to quit): "
GO_ON = "Enter to go on, 1-4 to change the grade, q to quit: "
RED, GREEN, RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"


@pytest.fixture
def capitals(runner: CliRunner, write_deck) -> None:
    notes = [
        {"id": "kz", "question": "Capital of Kazakhstan?", "answer": "Astana"},
        {"id": "am", "question": "Capital of Armenia?", "answer": "Yerevan"},
    ]
    assert runner.invoke(cli, ["import", str(write_deck("Capitals", notes))]).exit_code == 0


def spawn(*args: str, colour: bool):
    env = dict(os.environ)
    if not colour:
        env["NO_COLOR"] = "1"
    return pexpect.spawn(
        sys.executable,
        ["-m", "quizkit", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 200),
    )


def test_colour_on_a_terminal_marks_right_wrong_and_the_letters_missed(capitals: None) -> None:
    child = spawn("study", colour=True)
    child.expect_exact(ANSWER)
    child.sendline("Astna")  # a near miss of Astana
    child.expect_exact(GO_ON)
    shown = child.before
    assert f"{GREEN}Right (with a typo){RESET}" in shown
    # the letter the learner left out is marked in the expected answer
    assert f"Expected:  Ast{GREEN}\x1b[1;4ma{RESET}na" in shown
    child.sendline("")
    child.expect_exact(ANSWER)
    child.sendline("Gyumri")
    child.expect_exact(GO_ON)
    assert f"{RED}\x1b[1mWrong{RESET}" in child.before
    child.sendline("q")
    child.expect(pexpect.EOF)


def test_no_color_and_invalid_keys(capitals: None) -> None:
    child = spawn("study", colour=False)
    # a first session opens with how to answer, reveal, grade and quit
    child.expect_exact("How it works: type the answer and press Enter")
    child.expect_exact("q quits at any prompt")
    child.expect_exact("2 new · 0 learning · 0 due")
    child.expect_exact(ANSWER)
    child.sendline("Astna")
    child.expect_exact(GO_ON)
    assert "\x1b[" not in child.before
    assert "Expected:  Astana\r\n              ^" in child.before
    child.sendline("x")
    child.expect_exact("'x' is not a choice: Enter goes on, 1-4 regrades, q quits.")
    child.expect_exact(GO_ON)
    child.sendline("")
    child.expect_exact("1 new · 0 learning · 0 due")
    child.sendline("q")
    child.expect(pexpect.EOF)
    # the next session is not the first: no introduction
    again = spawn("study", colour=False)
    again.expect_exact(ANSWER)
    assert "How it works" not in again.before
    again.sendline("q")
    again.expect(pexpect.EOF)


def test_demo_opens_with_the_three_lines(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["study", "--demo"], input="q\n")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:3] == [
        "How it works: type the answer and press Enter; Enter alone reveals the answer.",
        "Typed answers are graded for you (1-4 changes the grade); after a reveal, grade "
        "yourself: 1 again, 2 hard, 3 good, 4 easy.",
        "q quits at any prompt (Ctrl-C too); each answer is saved as soon as it is given.",
    ]


def test_quiz_without_a_deck_uses_the_only_one(capitals: None, runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["quiz", "--count", "2", "--mode", "typed", "--seed", "3"], input="Astana\nYerevan\n"
    )
    assert result.exit_code == 0, result.output
    assert "2 of 2" in result.output
    assert "quizkit quiz Capitals --count 2 --mode typed --seed 3" in result.output


@pytest.mark.parametrize(
    "typed, right",
    [
        ("twice", True),
        ("double", True),
        ("Doubled", True),
        ("two-fold", True),
        ("twofold", True),
        ("2-fold", True),
        ("2x", True),
        ("two times", True),
        ("a twofold increase", True),
        ("triple", False),
        ("three-fold", False),
        ("half", False),
    ],
)
def test_the_ways_of_saying_a_factor(typed: str, right: bool) -> None:
    assert grade(typed, "2-fold", answer_type="number").correct is right


def test_a_factor_answer_in_a_real_session(
    runner: CliRunner, write_deck, isolated_env: Path
) -> None:
    notes = [{"id": "f", "question": "By what factor did exports rise?", "answer": "2-fold"}]
    runner.invoke(cli, ["import", str(write_deck("Trade", notes))])
    result = runner.invoke(cli, ["study"], input="double\n")
    assert "Right. Answer: 2-fold" in result.output
    store = Store.open(isolated_env)
    assert store.review_count(None) == 1
    store.close()
