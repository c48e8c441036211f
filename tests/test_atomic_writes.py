"""Output files are written whole or not at all: a disk that fills up midway leaves the old
file as it was, and no temporary file behind."""

from __future__ import annotations

import errno
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli

ARTICLE = Path(__file__).parent / "articles" / "nato-estonia-deployment.txt"
OLD = "the teacher's old handout\n"


@pytest.fixture
def deck(runner: CliRunner, write_deck) -> None:
    notes = [
        {"id": f"n{n}", "question": f"Which city hosted summit number {n}?", "answer": "Minsk"}
        for n in range(400)
    ]
    assert runner.invoke(cli, ["import", str(write_deck("Cities", notes))]).exit_code == 0


def full_disk_after_half(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[Path]:
    """Writes to the temporary file of `target` stop halfway with ENOSPC, as on a full disk."""
    failed: list[Path] = []
    real_write_text = Path.write_text
    real_write_bytes = Path.write_bytes

    def write_text(self: Path, data: str, *args: object, **kwargs: object) -> int:
        if self.name.startswith(f".{target.name}."):
            real_write_text(self, data[: len(data) // 2], *args, **kwargs)  # type: ignore[arg-type]
            failed.append(self)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write_text(self, data, *args, **kwargs)  # type: ignore[arg-type]

    def write_bytes(self: Path, data: bytes) -> int:
        if self.name.startswith(f".{target.name}."):
            real_write_bytes(self, data[: len(data) // 2])
            failed.append(self)
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write_bytes(self, data)

    monkeypatch.setattr(Path, "write_text", write_text)
    monkeypatch.setattr(Path, "write_bytes", write_bytes)
    return failed


@pytest.mark.parametrize(
    "args",
    [
        ["print", "Cities", "-o", "{out}"],
        ["print", "Cities", "-o", "{other}", "--key", "{out}"],
        ["stats", "--html", "{out}"],
        ["generate", str(ARTICLE), "--deck", "NATO", "--out", "{out}"],
        ["export", "Cities", "-o", "{out}", "--format", "csv"],
    ],
)
def test_a_full_disk_leaves_the_old_file(
    runner: CliRunner,
    deck: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
) -> None:
    out = tmp_path / "out.file"
    out.write_text(OLD, encoding="utf-8")
    failed = full_disk_after_half(monkeypatch, out)
    filled = [a.format(out=out, other=tmp_path / "handout.html") for a in args]
    result = runner.invoke(cli, filled)
    assert failed, "the command wrote its file some other way"
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[-1] == f"Error: {out}: cannot write: No space left on device"
    assert out.read_text(encoding="utf-8") == OLD
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_real_file_size_limit_midway_leaves_the_old_handout(
    deck: None, tmp_path: Path, isolated_env: Path
) -> None:
    """The kernel refuses the write past 64 KiB (RLIMIT_FSIZE), as a full disk would."""
    out = tmp_path / "handout.html"
    out.write_text(OLD, encoding="utf-8")
    limit = 64 * 1024

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a failed write, not a dead process
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    whole = subprocess.run(
        [sys.executable, "-m", "quizkit", "print", "Cities", "--seed", "1"],
        capture_output=True,
        check=True,
    ).stdout
    assert len(whole) > limit  # the handout cannot fit
    result = subprocess.run(
        [sys.executable, "-m", "quizkit", "print", "Cities", "-o", str(out), "--seed", "1"],
        capture_output=True,
        text=True,
        preexec_fn=limited,
    )
    assert result.returncode == 1
    assert result.stderr == f"Error: {out}: cannot write: File too large\n"
    assert out.read_text(encoding="utf-8") == OLD
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    written = subprocess.run(
        [sys.executable, "-m", "quizkit", "print", "Cities", "-o", str(out), "--seed", "1"],
        capture_output=True,
        text=True,
    )
    assert written.returncode == 0, written.stderr
    assert out.read_bytes() == whole
    assert oct(out.stat().st_mode & 0o777) != oct(0o600)  # an ordinary file, not mkstemp's
