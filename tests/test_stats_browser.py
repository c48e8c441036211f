"""The HTML stats report in headless Chromium: it renders its charts, and a screenshot is kept.

The screenshot goes to tests/screenshots/stats-report.png (git-ignored) for a human to look at.
"""

from __future__ import annotations

import struct
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from stats_log import DECK_A, build_log

from quizkit.stats import compute_stats
from quizkit.stats_html import render_stats_html
from quizkit.store import Store

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"

pytestmark = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (apt-get install chromium)"
)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    return subprocess.run(
        [
            str(CHROMIUM),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--window-size=900,2400",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_report_renders_in_chromium(store: Store, now: datetime, tmp_path: Path) -> None:
    build_log(store, now)
    page = tmp_path / "stats.html"
    page.write_text(render_stats_html(compute_stats(store, store.deck(DECK_A), now)), "utf-8")

    dom = chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert dom.count("<svg ") == 4
    assert dom.count('<rect class="bar"') == 30 + 30 + 12 + 10

    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / "stats-report.png"
    shot.unlink(missing_ok=True)
    chromium(tmp_path, f"--screenshot={shot}", page.as_uri())
    assert png_size(shot) == (900, 2400)

    blank = tmp_path / "blank.html"
    blank.write_text("<!DOCTYPE html><title>blank</title>", "utf-8")
    blank_shot = tmp_path / "blank.png"
    chromium(tmp_path, f"--screenshot={blank_shot}", blank.as_uri())
    # charts and tables compress far worse than an empty white page
    assert shot.stat().st_size > 5 * blank_shot.stat().st_size
