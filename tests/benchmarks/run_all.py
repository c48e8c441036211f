"""Run every benchmark script beside this file (bench_*.py) in turn; exit 1 if any missed a target.

python tests/benchmarks/run_all.py [ARGS...]   # ARGS go to every script, e.g. --rounds 3
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def main() -> int:
    here = Path(__file__).resolve().parent
    scripts = sorted(here.glob("bench_*.py"))
    # the checkout's quizkit, installed or not
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(
            filter(None, [str(here.parents[1]), os.environ.get("PYTHONPATH")])
        ),
    }
    failed = []
    for script in scripts:
        print(f"== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script), *sys.argv[1:]], env=env).returncode != 0:
            failed.append(script.name)
    if failed:
        print(f"\ntargets missed in: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
