"""Issue 15: every hostile file gets one clear line, in bounded time and memory.

Each case of tests/hostile_cases.py is imported by a real `quizkit import` process into a
database holding a deck: it must exit 1 with one line on stderr (no traceback), leave the
database as it was, and use under 2 s of CPU and 256 MiB of memory (measured by the kernel
for that process, SQLite's memory included).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from hostile_cases import CASES, PNG, Case, deck_toml

from quizkit.importing import import_file
from quizkit.store import Store

REPO = Path(__file__).resolve().parents[1]
CPU_LIMIT_S = 2.0
MEMORY_LIMIT_KIB = 256 * 1024
KILL_AFTER_S = 60.0


@dataclass(frozen=True)
class Run:
    code: int
    stdout: str
    stderr: str
    cpu_s: float
    wall_s: float
    max_rss_kib: int


# Runs quizkit as `python -m quizkit` does, then writes the process's peak memory (VmHWM:
# the high-water mark of this program's own memory, not of the test process it forked from).
MEASURED = """
import atexit, os, runpy, sys

def peak():
    with open("/proc/self/status") as status, open(os.environ["PEAK_FILE"], "w") as out:
        out.write(next(l.split()[1] for l in status if l.startswith("VmHWM:")))

atexit.register(peak)
sys.argv[0] = "quizkit"
runpy.run_module("quizkit", run_name="__main__")
"""


def run_quizkit(args: list[str], folder: Path, db: Path) -> Run:
    """`quizkit ARGS` on DB in its own process: CPU time from wait4, peak memory from /proc."""
    out, err, peak = folder / ".stdout", folder / ".stderr", folder / ".peak"
    env = {**os.environ, "PYTHONPATH": str(REPO), "QUIZKIT_DB": str(db), "PEAK_FILE": str(peak)}
    with out.open("wb") as stdout, err.open("wb") as stderr:
        started = time.monotonic()
        process = subprocess.Popen(
            [sys.executable, "-c", MEASURED, *args],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=stderr,
            env=env,
        )
        killer = threading.Timer(KILL_AFTER_S, process.kill)
        killer.start()
        _pid, status, usage = os.wait4(process.pid, 0)
        killer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - started
    return Run(
        process.returncode,
        out.read_text(errors="replace"),
        err.read_text(errors="replace"),
        usage.ru_utime + usage.ru_stime,
        wall,
        int(peak.read_text()) if peak.exists() else 1 << 40,
    )


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def filled_db(tmp_path: Path, now: datetime) -> Path:
    """A database with one deck in it, so that 'unchanged' means something."""
    db = tmp_path / "filled.db"
    deck = tmp_path / "starter.toml"
    deck.write_text(deck_toml(), encoding="utf-8")
    store = Store.open(db)
    import_file(store, deck, now)
    store.close()
    return db


def test_the_cases_cover_every_class_of_the_issue() -> None:
    names = " ".join(c.name for c in CASES)
    for needle in (
        "image",
        "generated column",
        "recursive view",
        "crt",
        "revlog",
        "NaN",
        "nested 100,000 deep",
        "5,000-digit",
        "utf-16",
        "[sound:",
        "{{c1::",
        "<!--",
        "stray quote",
        "booleans",
        "NUL",
        "/dev/zero",
        "FIFO",
        "mnemosyne: a missing file",
        "mnemosyne: a folder",
    ):
        assert needle in names, needle
    assert len(CASES) >= 80


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_import_gives_one_line(case: Case, tmp_path: Path, filled_db: Path) -> None:
    folder = tmp_path / "crafted"
    folder.mkdir()
    args, expected = case.build(folder)
    before = dump(filled_db)
    run = run_quizkit(["import", *args], folder, filled_db)
    lines = run.stderr.splitlines()
    assert run.code == 1, run.stderr + run.stdout
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert lines[0].startswith("quizkit: ")
    assert expected in lines[0]
    assert dump(filled_db) == before
    assert run.cpu_s < CPU_LIMIT_S, f"{run.cpu_s:.2f} s of CPU"
    assert run.max_rss_kib < MEMORY_LIMIT_KIB, f"{run.max_rss_kib // 1024} MiB"
    assert all(p.stat().st_size < 1 << 20 for p in folder.iterdir() if p.is_file())


def test_pictures_from_the_media_folder_are_kept_and_printed(
    tmp_path: Path, filled_db: Path
) -> None:
    media = tmp_path / "pictures"
    media.mkdir()
    (media / "map.png").write_bytes(PNG)
    deck = tmp_path / "deck.toml"
    deck.write_text(deck_toml('{ image = "map.png" }').replace("Crafted", "Maps"))
    run = run_quizkit(["import", str(deck), "--media", str(media)], tmp_path, filled_db)
    assert run.code == 0, run.stderr
    store = Store.open(filled_db)
    [note] = store.print_notes(store.deck("Maps"))
    kept = note.extra["image"]
    assert store.media_file(kept).read_bytes() == PNG
    store.close()
    handout = run_quizkit(["print", "Maps"], tmp_path, filled_db)
    assert handout.code == 0, handout.stderr
    assert "data:image/png;base64,iVBORw0KGgo" in handout.stdout
