"""Two terminals and a big import on one database: nobody dies, no answer is lost."""

from __future__ import annotations

import os
import random
import re
import sqlite3
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

import quizkit.store
from quizkit.models import CardState, Rating, Review
from quizkit.store import Store

pexpect = pytest.importorskip("pexpect")

ANSWER = "Answer (Enter to reveal, q to quit): "
GO_ON = "Enter to go on, 1-4 to change the grade, q to quit: "
QUESTION = re.compile(r"\[\d+\] \([^)]*\) (Which city is clue \d+\?)\r\n")
BIG_ROWS = 200_000
BOUND_S = 60.0


def write_csv(path: Path, rows: list[str]) -> Path:
    path.write_text("front,back\n" + "".join(rows), encoding="utf-8")
    return path


def test_a_write_waits_for_a_long_lock_and_says_so_once(
    store: Store, isolated_env: Path, now: datetime, tmp_path: Path, monkeypatch
) -> None:
    """A lock held past the busy timeout: the answer waits (one notice) instead of failing."""
    monkeypatch.setattr(quizkit.store, "BUSY_TIMEOUT_S", 0.2)
    monkeypatch.setattr(quizkit.store, "BUSY_NOTICE_AFTER_S", 0.1)
    from quizkit.importing import import_file

    import_file(store, write_csv(tmp_path / "c.csv", ["Which city?,Minsk\n"]), now)
    card = store.deck_cards(store.deck("c"))[0]
    locked = threading.Event()

    def hold_lock() -> None:
        other = sqlite3.connect(isolated_env)
        other.execute("BEGIN IMMEDIATE")
        locked.set()
        time.sleep(1.0)  # five busy timeouts
        other.rollback()
        other.close()

    thread = threading.Thread(target=hold_lock)
    thread.start()
    assert locked.wait(timeout=10)
    notices: list[str] = []
    store.on_busy = lambda: notices.append("waiting")
    started = time.monotonic()
    review = Review(card.id, now, Rating.GOOD, "Minsk", True, 900, CardState.NEW, None)
    store.record_review(card, review)
    waited = time.monotonic() - started
    thread.join()
    assert waited > 0.5
    assert notices == ["waiting"]
    assert len(store.reviews_of(card.id)) == 1


def test_two_study_sessions_and_a_200k_row_import(isolated_env: Path, tmp_path: Path) -> None:
    cities = write_csv(
        tmp_path / "cities.csv", [f"Which city is clue {n}?,Minsk\n" for n in range(600)]
    )
    env = {**os.environ, "QUIZKIT_DB": str(isolated_env)}
    quizkit = [sys.executable, "-m", "quizkit"]
    subprocess.run([*quizkit, "import", str(cities)], env=env, check=True, capture_output=True)
    big = write_csv(
        tmp_path / "big.csv", [f"Big question number {n}?,Answer {n}\n" for n in range(BIG_ROWS)]
    )
    sessions = [
        pexpect.spawn(
            sys.executable,
            ["-m", "quizkit", "study", "cities", "--new", "100000"],
            env=env,
            encoding="utf-8",
            timeout=BOUND_S,
            dimensions=(50, 250),
        )
        for _ in range(2)
    ]
    rng = random.Random(16)
    acknowledged: Counter[tuple[str, str]] = Counter()
    during_import = 0
    started = time.monotonic()
    importer = subprocess.Popen(
        [*quizkit, "import", str(big), "--deck", "Big"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    # Rounds: both sessions answer at once, so their commits meet each other and the import's.
    after_import = 0
    while after_import < 3 and time.monotonic() - started < BOUND_S:
        questions = []
        for child in sessions:
            child.expect(QUESTION)
            questions.append(child.match.group(1))
            child.expect_exact(ANSWER)
        typed = [rng.choice(["Minsk", "Pinsk"]) for _ in sessions]
        for child, text in zip(sessions, typed, strict=True):
            child.sendline(text)
        running = importer.poll() is None
        for child, question, text in zip(sessions, questions, typed, strict=True):
            child.expect_exact(GO_ON)  # shown only once the answer is committed
            acknowledged[(question, text)] += 1
            child.sendline("")
        during_import += 2 * running
        after_import += importer.poll() is not None
    out, err = importer.communicate(timeout=BOUND_S)
    for child in sessions:
        child.expect(QUESTION)
        child.expect_exact(ANSWER)
        child.sendline("q")
        child.expect_exact("Session over")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, child.before
    assert time.monotonic() - started < BOUND_S + 30
    assert importer.returncode == 0, err
    assert f"deck 'Big': {BIG_ROWS} added" in out
    assert during_import >= 2  # the sessions did answer while the import ran
    with sqlite3.connect(isolated_env) as conn:
        stored = conn.execute(
            """SELECT n.question, r.typed FROM reviews r JOIN cards c ON c.id = r.card_id
               JOIN notes n ON n.id = c.note_id"""
        ).fetchall()
        big_cards = conn.execute(
            "SELECT COUNT(*) FROM cards WHERE deck_id = (SELECT id FROM decks WHERE name = 'Big')"
        ).fetchone()[0]
    conn.close()
    assert Counter(stored) == acknowledged
    assert big_cards == BIG_ROWS


def test_notes_are_staged_while_another_quizkit_holds_the_write_lock(
    store: Store, isolated_env: Path, now: datetime
) -> None:
    """Reading and staging a file takes no lock: only the final move into the tables does."""
    from quizkit.models import Note

    other = sqlite3.connect(isolated_env, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    try:
        store.stage_notes([Note(f"Clue {n}?", "Minsk", f"g{n}") for n in range(500)])
    finally:
        other.rollback()
        other.close()
    with store.transaction():
        report = store.write_staged(store.deck_for_import("Cities", now), now)
    assert (report.added, report.updated, report.unchanged) == (500, 0, 0)
