"""CPU time of `read_notes` on a 100,000-note JSON deck, the parse side of `quizkit import`.

    python tests/benchmarks/bench_read_json.py [--rounds 7] [--against CHECKOUT [--python PY]]
                                               [--file DECK.json]

The deck is the one bench_import.py exports (`quizkit export --format json` of its 100,000-card
CSV, built and cached on first use). Each round calls `read_notes` once in a worker process
that stays up between rounds, and times it with `time.process_time` (CPU time: on a shared
machine wall time is mostly other people's work). `--against` starts a second worker on another
checkout of quizkit (with that checkout's Python, `--python`), and the rounds alternate between
the two, so that both see the same load: that is how a change is compared with main.
`--file` reads another JSON deck instead (notes of other tools, read note by note).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import Row, print_table, summarize, with_bytecode  # noqa: E402
from bench_import import cards_csv, exported  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
TARGET_MS = 350.0
# One worker: for each line, parses the deck and answers with the CPU milliseconds of
# read_notes called alone and inside the import's collector pause; for "digest", with a
# digest of the batch (every field of every note), so that two checkouts can be seen to agree.
WORKER = r"""
import hashlib, sys, time
from pathlib import Path
from quizkit.collector import collector_paused
from quizkit.importers import ImportOptions, read_notes

path = Path(sys.argv[1])
for line in sys.stdin:
    if line.strip() == "digest":  # once, untimed: every field of every note
        batch = read_notes(path, ImportOptions())
        digest = hashlib.sha1(repr((batch.deck, list(batch.notes), batch.skipped)).encode())
        del batch
        print(f"0 0 {digest.hexdigest()}", flush=True)
        continue
    started = time.process_time()
    batch = read_notes(path, ImportOptions())
    alone = (time.process_time() - started) * 1000
    del batch
    with collector_paused():
        started = time.process_time()
        batch = read_notes(path, ImportOptions())
        paused = (time.process_time() - started) * 1000
    del batch
    print(f"{alone} {paused} -", flush=True)
"""


class Worker:
    """A process running WORKER on one checkout of quizkit."""

    def __init__(self, name: str, python: str, checkout: Path, deck: Path) -> None:
        self.name = name
        env = {**os.environ, "PYTHONPATH": str(checkout), **with_bytecode()}
        self.process = subprocess.Popen(
            [python, "-c", WORKER, str(deck)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
            text=True,
        )

    def once(self, what: str = "time") -> tuple[float, float, str]:
        assert self.process.stdin and self.process.stdout
        self.process.stdin.write(what + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().split()
        if len(answer) != 3:
            raise SystemExit(f"{self.name}: the worker stopped")
        return float(answer[0]), float(answer[1]), answer[2]

    def close(self) -> None:
        if self.process.stdin:
            self.process.stdin.close()
        self.process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7, help="calls of read_notes per worker")
    parser.add_argument("--against", type=Path, help="another checkout of quizkit to compare")
    parser.add_argument("--python", default=sys.executable, help="the Python for --against")
    parser.add_argument("--file", type=Path, help="another JSON deck to read instead")
    args = parser.parse_args()
    if args.file:
        deck = args.file
    else:
        env = {**os.environ, "PYTHONPATH": str(REPO), **with_bytecode()}
        _package, deck = exported(cards_csv(100_000)[0], 100_000, env)
    workers = [Worker("this checkout", sys.executable, REPO, deck)]
    if args.against:
        workers.append(Worker(f"{args.against.name}", args.python, args.against, deck))
    alone: dict[str, list[float]] = {w.name: [] for w in workers}
    paused: dict[str, list[float]] = {w.name: [] for w in workers}
    digests: dict[str, str] = {}
    try:
        for worker in workers:
            digests[worker.name] = worker.once("digest")[2]  # also a warm-up
        for _ in range(args.rounds):
            for worker in workers:
                ms_alone, ms_paused, _ = worker.once()
                alone[worker.name].append(ms_alone)
                paused[worker.name].append(ms_paused)
    finally:
        for worker in workers:
            worker.close()
    rows: list[Row] = []
    for worker in workers:
        # the target is for read_notes as `quizkit import` calls it: inside the pause
        target = None if args.file else TARGET_MS
        rows.append(summarize(f"read_notes, {worker.name}", alone[worker.name]))
        rows.append(summarize("  inside the import's collector pause", paused[worker.name], target))
    load = os.getloadavg()
    ok = print_table(
        f"read_notes on {deck.name}: CPU time, median of {args.rounds} alternating rounds; "
        f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores",
        rows,
    )
    same = len(set(digests.values())) == 1
    if args.against:
        print(f"same batch from both checkouts: {'yes' if same else 'NO'}")
    return 0 if ok and same else 1


if __name__ == "__main__":
    sys.exit(main())
