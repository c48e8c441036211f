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


TIMED_KILLS = 8


def test_sigkill_after_the_eighth_lapse_finds_the_card_suspended(
    runner, write_deck, isolated_env: Path, now: datetime
) -> None:
    """Kill `study` after each line it prints from the 8th lapse's answer on, and at moments
    spread over that time: the lapse is never in the log without the leech's suspension,
    and a screen that showed the grade always has the suspension behind it."""
    notes = [{"id": "capital", "question": "Capital of Belarus?", "answer": "Minsk"}]
    assert runner.invoke(cli, ["import", str(write_deck("Cities", notes))]).exit_code == 0
    with sqlite3.connect(isolated_env) as conn:
        # a review card due yesterday, with 7 lapses in its log
        stamp = (now - timedelta(days=1)).isoformat()
        conn.execute(
            "UPDATE cards SET state = 2, stability = 3.0, difficulty = 6.0, due = ?, "
            "last_review = ?",
            [stamp, (now - timedelta(days=4)).isoformat()],
        )
        conn.executemany(
            "INSERT INTO reviews (card_id, reviewed_at, rating, state_before) VALUES (1, ?, 1, 2)",
            [[(now - timedelta(days=60 - i)).isoformat()] for i in range(7)],
        )
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # all of it in the file we copy
    conn.close()
    template = isolated_env.read_bytes()
    runs = iter(range(100))

    def run(after_lines: int | None, after_seconds: float | None) -> tuple[str, tuple[int, ...]]:
        # a new file each time: no connection of this process has ever seen it
        db = isolated_env.with_name(f"run{next(runs)}.db")
        db.write_bytes(template)
        with subprocess.Popen(
            [sys.executable, "-m", "quizkit", "study", "Cities", "--db", str(db)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        ) as proc:
            assert proc.stdin and proc.stdout
            proc.stdout.readline()  # the blank line before the card: the card is next
            proc.stdin.write("Kyiv\n")
            proc.stdin.close()
            printed = "".join(proc.stdout.readline() for _ in range(after_lines or 0))
            if after_seconds is not None:
                time.sleep(after_seconds)
            if after_lines is not None or after_seconds is not None:
                proc.send_signal(signal.SIGKILL)
            printed += proc.stdout.read()
        with sqlite3.connect(db) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            lapses = conn.execute(
                "SELECT COUNT(*) FROM reviews WHERE rating = 1 AND state_before = 2"
            ).fetchone()[0]
            leech, suspended = conn.execute("SELECT leech, suspended FROM cards").fetchone()
        conn.close()
        return printed, (lapses, leech, suspended)

    started = time.monotonic()
    printed, stored = run(None, None)
    whole = time.monotonic() - started
    assert "Graded again; suspended as a leech (8 lapses)" in printed
    assert stored == (8, 1, 1)
    lines = printed.count("\n")
    kills = [(n, None) for n in range(lines)]
    kills += [(None, whole * k / TIMED_KILLS / 2) for k in range(TIMED_KILLS)]
    committed = 0
    for after_lines, after_seconds in kills:
        printed, (lapses, leech, suspended) = run(after_lines, after_seconds)
        where = (after_lines, after_seconds, printed)
        assert lapses in (7, 8), where
        if lapses == 8:
            committed += 1
            assert (leech, suspended) == (1, 1), where
        else:
            assert "Graded" not in printed, where
    assert committed >= lines - 2  # killed after the answer's line, the answer was in
