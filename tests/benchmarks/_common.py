"""Shared pieces for quizkit's benchmark scripts: timing, whole-process runs, the table, caching.

Each bench_*.py beside this file is a script (`python tests/benchmarks/bench_NAME.py`) that
prints one table of measurements against the targets the issues set, and exits non-zero when
a target is missed. run_all.py runs them all.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path


def cache_dir() -> Path:
    """Where built benchmark data is kept between runs ($QUIZKIT_BENCH_CACHE or the temp dir)."""
    folder = Path(
        os.environ.get("QUIZKIT_BENCH_CACHE") or Path(tempfile.gettempdir()) / "quizkit-bench"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass
class Row:
    """One measured thing: median over runs, the spread, and the target if there is one."""

    name: str
    median_ms: float
    low_ms: float
    high_ms: float
    runs: int
    target_ms: float | None = None

    @property
    def ok(self) -> bool:
        return self.target_ms is None or self.median_ms <= self.target_ms


def summarize(name: str, samples_ms: Sequence[float], target_ms: float | None = None) -> Row:
    return Row(
        name,
        statistics.median(samples_ms),
        min(samples_ms),
        max(samples_ms),
        len(samples_ms),
        target_ms,
    )


def time_call(func: Callable[[], object]) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    func()
    return (time.perf_counter() - started) * 1000


def with_bytecode() -> dict[str, str]:
    """Environment for a whole-process run that loads quizkit from cached bytecode, as an
    installed package does (pip writes .pyc files): without it, a machine that sets
    PYTHONDONTWRITEBYTECODE compiles every quizkit module at every start. The bytecode goes
    to the benchmark cache, never into the source tree; time_process's warm-up run writes it."""
    return {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(cache_dir() / "pycache")}


def time_process(args: Sequence[str], runs: int, env: dict[str, str] | None = None) -> list[float]:
    """Wall-clock milliseconds of a whole process, `runs` times (after one warm-up run)."""
    full_env = {**os.environ, **(env or {})}
    command = [sys.executable, *args]

    def once() -> None:
        done = subprocess.run(command, capture_output=True, env=full_env, check=False)
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(args)} failed: {done.stderr.decode()[-500:]}")

    once()
    return [time_call(once) for _ in range(runs)]


def print_table(title: str, rows: Sequence[Row]) -> bool:
    """Print the table; True when every target is met."""
    width = max(len(r.name) for r in rows)
    print(f"\n{title}")
    print(f"{'what':<{width}}  {'median':>9}  {'min':>9}  {'max':>9}  {'runs':>5}  target")
    for r in rows:
        target = (
            "" if r.target_ms is None else f"<= {r.target_ms:g} ms {'ok' if r.ok else 'MISSED'}"
        )
        print(
            f"{r.name:<{width}}  {r.median_ms:>7.3f}ms  {r.low_ms:>7.3f}ms  {r.high_ms:>7.3f}ms  "
            f"{r.runs:>5}  {target}"
        )
    return all(r.ok for r in rows)
