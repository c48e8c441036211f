"""Durability: SIGKILL the study process at random (seeded) moments, many times over.

After every kill, each answer whose outcome was printed is in the database, at most one more
(committed, killed before printing), each review came with its card's new state, and SQLite's
integrity check passes.
"""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from quizkit.cli import cli

RUNS = 30
SEED = 20220113
BLOCK = re.compile(r"^\[\d+\] \([^)]*\) (?P<question>.*)\n> (?P<typed>.*)\n(?:.*\n)*?Graded ", re.M)


def test_sigkill_never_loses_a_printed_answer(
    runner, write_deck, isolated_env: Path, now: datetime
) -> None:
    notes = [
        {"id": f"q{n}", "question": f"Which city, clue {n}?", "answer": "Minsk"} for n in range(60)
    ]
    assert runner.invoke(cli, ["import", str(write_deck("Cities", notes))]).exit_code == 0
    rng = random.Random(SEED)
    started = time.monotonic()
    outcomes_seen = 0
    for run in range(RUNS):
        answers = [rng.choice(["Minsk", "Minsk", "Pinsk", "Kyiv", ""]) for _ in range(300)]
        # a day later each run, so reviews fall due as well as new cards
        env = {**os.environ, "QUIZKIT_NOW": (now + timedelta(days=run)).isoformat()}
        before = count_reviews(isolated_env)
        with subprocess.Popen(
            [sys.executable, "-m", "quizkit", "study", "Cities", "--new", "1000"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        ) as proc:
            assert proc.stdin and proc.stdout
            proc.stdin.write("\n".join(answers) + "\n")
            proc.stdin.close()
            proc.stdout.readline()  # started: the first card is on its way
            time.sleep(rng.uniform(0, 0.08))
            proc.send_signal(signal.SIGKILL)
            printed = proc.stdout.read()
        shown = [(m["question"], m["typed"] or None) for m in BLOCK.finditer(printed)]
        outcomes_seen += len(shown)

        stored = stored_reviews(isolated_env, after=before)
        assert len(shown) <= len(stored) <= len(shown) + 1, (run, printed[-300:])
        assert stored[: len(shown)] == shown, run
        check_consistent(isolated_env)
    assert outcomes_seen > RUNS  # the kills did land among answers, not only before them
    # bounded, with room for a loaded machine: the point is that no run hangs
    assert time.monotonic() - started < 120


def count_reviews(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        count = conn.execute("SELECT COUNT(*) FROM reviews").fetchone()[0]
    conn.close()
    return count


def stored_reviews(db: Path, after: int) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT n.question, r.typed FROM reviews r JOIN cards c ON c.id = r.card_id "
            "JOIN notes n ON n.id = c.note_id ORDER BY r.id LIMIT -1 OFFSET ?",
            [after],
        ).fetchall()
    conn.close()
    return rows


def check_consistent(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # a review and its card's new schedule are written together, or neither is
        half_written = conn.execute(
            "SELECT COUNT(*) FROM cards c WHERE (c.state = 0) = EXISTS "
            "(SELECT 1 FROM reviews r WHERE r.card_id = c.id)"
        ).fetchone()[0]
        assert half_written == 0
    conn.close()
