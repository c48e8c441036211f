"""The real interactive session, driven through a pseudo-terminal as a learner types."""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from quizkit.store import Store

pexpect = pytest.importorskip("pexpect")

CSTO = "CSTO in Kazakhstan, January 2022"
STARTER_DECK = Path(__file__).parent / "decks" / "csto-starter.toml"
ANSWER = "Answer (Enter to reveal, q to quit): "
GO_ON = "Enter to go on, 1-4 to change the grade, q to quit: "
HOW_WELL = "How well did you know it? 1 again, 2 hard, 3 good, 4 easy: "


@pytest.fixture
def csto(isolated_env: Path, now) -> Path:
    from quizkit.importing import import_file

    store = Store.open(isolated_env)
    import_file(store, STARTER_DECK, now)
    store.close()
    return isolated_env


def spawn_study(*args: str, colour: bool = False):
    env = dict(os.environ)
    if not colour:
        env["NO_COLOR"] = "1"
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizkit", "study", *args],
        env=env,
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 250),
    )
    return child


def expect_lines(child, *lines: str) -> None:
    for line in lines:
        child.expect_exact(line)


def reviews(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT card_id, rating, typed, correct FROM reviews ORDER BY id"
        ).fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return rows


def test_type_reveal_override_and_ctrl_c(csto: Path) -> None:
    child = spawn_study(CSTO)

    # 1: a surname with a typo is right but Hard; the learner overrides to Good
    expect_lines(
        child,
        "How it works: type the answer and press Enter; Enter alone reveals the answer.",
        "15 new · 0 learning · 0 due",
        "[1] (official) Who was Armenia's defense minister in January 2022?",
    )
    child.expect_exact(ANSWER)
    child.sendline("Papikian")
    expect_lines(
        child,
        "Right (with a typo). Answer: Suren Papikyan",
        "You typed: Papikian",
        "Expected:  Papikyan",
        "                ^",
        "Source: trend-csto-defense-ministers",
        "Graded hard; next review in 6 minutes.",
    )
    child.expect_exact(GO_ON)
    child.sendline("3")
    expect_lines(child, "Regraded good; next review in 10 minutes.")

    # 2: reveal, then grade it myself
    expect_lines(child, "14 new · 0 learning · 0 due", "[2] (official) Viktor Khrenin was the")
    child.expect_exact(ANSWER)
    child.sendline("")
    expect_lines(child, "Answer: Belarus")
    child.expect_exact(HOW_WELL)
    child.sendline("2")
    expect_lines(child, "Graded hard; next review in 6 minutes.")

    # 3: another spelling of the name, right and quick: Good; Enter keeps it
    child.expect_exact(ANSWER)
    child.sendline("Sergey Shoigu")
    expect_lines(child, "Right. Answer: Sergei Shoigu", "Graded good; next review in 10 minutes.")
    child.expect_exact(GO_ON)
    child.sendline("")

    # 4: a near miss is wrong: Again
    child.expect_exact(ANSWER)
    child.sendline("Deputy Secretary General")
    expect_lines(
        child,
        "Wrong. Answer: Secretary General",
        "You typed: Deputy Secretary General",
        "Expected:         Secretary General",
        "           ^^^^^^^",
        "Graded again; next review in 1 minute.",
    )
    child.expect_exact(GO_ON)
    child.sendline("")

    # 5: Ctrl-C while the card is on screen ends the session with a summary
    expect_lines(child, "[5] (official) Who commanded")
    child.expect_exact(ANSWER)
    child.sendintr()
    expect_lines(
        child,
        "Session over: 4 cards seen, 2 of 3 typed right (67%).",
        "Next card due now.",
    )
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Traceback" not in (child.before or "")

    assert reviews(csto) == [
        (1, 3, "Papikian", 1),
        (2, 2, None, None),
        (3, 3, "Sergey Shoigu", 1),
        (4, 1, "Deputy Secretary General", 0),
    ]
    store = Store.open(csto)
    states = [c.state.name for c in store.deck_cards(store.deck(CSTO))[:5]]
    store.close()
    assert states == ["LEARNING", "LEARNING", "LEARNING", "LEARNING", "NEW"]


def test_ctrl_c_after_an_answer_keeps_it(csto: Path) -> None:
    child = spawn_study(CSTO)
    child.expect_exact(ANSWER)
    child.sendline("Papikyan")
    expect_lines(child, "Graded good; next review in 10 minutes.")
    child.expect_exact(GO_ON)
    child.sendintr()
    expect_lines(child, "Session over: 1 card seen, 1 of 1 typed right (100%).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert reviews(csto) == [(1, 3, "Papikyan", 1)]


def test_q_quits_and_a_reveal_left_ungraded_is_not_recorded(csto: Path) -> None:
    child = spawn_study(CSTO, "--new", "3")
    child.expect_exact(ANSWER)
    child.sendline("")
    child.expect_exact(HOW_WELL)
    child.sendline("9")  # not a grade: the learner is told, and asked again
    child.expect_exact("'9' is not a grade: press 1, 2, 3 or 4 (q quits).")
    child.expect_exact(HOW_WELL)
    child.sendline("q")
    child.expect(pexpect.EOF)
    child.close()
    out = child.before
    assert re.search(r"Session over: 0 cards seen\.\s+Next card due now\.", out), out
    assert reviews(csto) == []


def test_end_of_input_on_a_terminal(csto: Path) -> None:
    child = spawn_study(CSTO)
    child.expect_exact(ANSWER)
    child.sendline("Papikyan")
    child.expect_exact(GO_ON)
    child.sendline("")
    child.expect_exact(ANSWER)
    child.sendeof()
    expect_lines(child, "Session over: 1 card seen, 1 of 1 typed right (100%).")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_the_counts_line_and_a_multi_line_question(store: Store, now) -> None:
    import io

    from quizkit.models import CardState, StudyCard
    from quizkit.study import QueueCounts
    from quizkit.terminal import TerminalLearner

    card = StudyCard(
        1,
        1,
        0,
        1,
        CardState.REVIEW,
        None,
        1.0,
        5.0,
        now,
        now,
        "Put in order:\nA. The summit\nB. The vote",
        "B, A",
        "timeline",
        (),
        (),
        (),
        (),
        {},
    )
    out = io.StringIO()
    learner = TerminalLearner(io.StringIO("A\n"), out, interactive=False)
    learner.ask(card, QueueCounts(new=3, learning=1, due=1200))
    assert out.getvalue().splitlines()[1:5] == [
        "3 new · 1 learning · 1200 due",
        "[1] (timeline) Put in order:",
        "               A. The summit",
        "               B. The vote",
    ]
