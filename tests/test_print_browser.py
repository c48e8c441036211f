"""Handouts as a real browser prints them: headless Chromium to PDF, read back with pdftotext.

Skipped, with the reason, where Chromium or poppler-utils is not installed (.ci/run installs
both). Screenshots of each layout's first page go to tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import uuid
from datetime import datetime
from pathlib import Path

import pytest

from quizkit.exporters.html import export_html
from quizkit.handouts import HandoutOptions, build_handout
from quizkit.importing import bundled_deck_path, import_file
from quizkit.models import DeckInfo, Note, SourceRef
from quizkit.store import Store

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).parent / "screenshots"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (/usr/bin/chromium)"),
    pytest.mark.skipif(
        shutil.which("pdftotext") is None, reason="needs pdftotext (Debian's poppler-utils)"
    ),
]


def chromium(work: Path, *args: str) -> None:
    profile = work / f"chromium-profile-{uuid.uuid4().hex}"
    subprocess.run(
        [str(CHROMIUM), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        timeout=180,
        check=True,
    )
    shutil.rmtree(profile, ignore_errors=True)


def printed_pages(html: str, work: Path, name: str = "handout") -> list[str]:
    """The text of each page Chromium prints from the HTML, as pdftotext lays it out."""
    source, pdf = work / f"{name}.html", work / f"{name}.pdf"
    source.write_text(html, encoding="utf-8")
    chromium(work, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", source.as_uri())
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    assert pages[-1].strip() == ""
    return pages[:-1]


def add_deck(store: Store, now: datetime, name: str, count: int, **fields: object) -> list[Note]:
    notes = [
        Note(
            question=f"Item {n:03d}: which code word was chosen for gate {n}?",
            answer=f"Code {n:03d}",
            guid=f"{name}-{n}",
            distractors=(f"Wrong {n:03d}a", f"Wrong {n:03d}b", f"Wrong {n:03d}c"),
            sources=(SourceRef("gate-log", n),),
            **fields,  # type: ignore[arg-type]
        )
        for n in range(1, count + 1)
    ]
    store.upsert_notes(store.ensure_deck(DeckInfo(name), now), notes, now)
    return notes


def key_start(pages: list[str]) -> int:
    starts = [i for i, page in enumerate(pages) if "Answer key" in page]
    assert starts, "no answer key printed"
    return starts[0]


def assert_footers(pages: list[str]) -> None:
    for number, page in enumerate(pages, start=1):
        assert f"page {number} of {len(pages)}" in page


def test_worksheet_pages_questions_and_key(store: Store, now: datetime, tmp_path: Path) -> None:
    notes = add_deck(store, now, "Gates", 30)
    pages = printed_pages(export_html(store, "Gates", HandoutOptions(seed=1)), tmp_path)
    # 30 one-line questions with one short answer line each: 12 fit under the header on the
    # first A4 page and 14 on each page after it; then the key, 30 short rows, on one page.
    assert len(pages) == 4
    assert_footers(pages)
    key = key_start(pages)
    assert key == 3
    for note in notes:
        tag = note.question[:9]
        assert sum(page.count(tag) for page in pages[:key]) == 1, tag
        assert not any(tag in page for page in pages[key:])
        assert sum(page.count(note.answer) for page in pages[key:]) == 1
    assert "Name" in pages[0] and "Class" in pages[0] and "Date" in pages[0]
    assert "Answer each question on the lines below it." in pages[0]


def test_letter_paper_fits_fewer_questions(store: Store, now: datetime, tmp_path: Path) -> None:
    add_deck(store, now, "Gates", 30)
    html = export_html(store, "Gates", HandoutOptions(seed=1, paper="letter", key="none"))
    pages = printed_pages(html, tmp_path)
    assert len(pages) == 3
    assert_footers(pages)
    assert "Answer key" not in "".join(pages)


def test_flashcards_are_mirrored_behind_their_questions(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    add_deck(store, now, "Gates", 20)
    options = HandoutOptions(layout="flashcards", sources=True, key="end")
    pages = printed_pages(export_html(store, "Gates", options), tmp_path)
    # 8 cards a sheet: 3 sheets, each a page of questions and a page of answers; then the key
    # (asked for: flashcards have none by default).
    assert len(pages) == 7
    assert_footers(pages)
    assert key_start(pages) == 6
    instructions = "Print double-sided, flipping on the long edge, then cut along the dotted lines."
    assert [instructions in " ".join(page.split()) for page in pages] == [True, False] * 3 + [False]
    for sheet in range(3):
        fronts, backs = pages[2 * sheet], pages[2 * sheet + 1]
        numbers = range(8 * sheet + 1, min(8 * sheet + 8, 20) + 1)
        assert [n for n in range(1, 21) if f"Item {n:03d}" in fronts] == list(numbers)
        assert [n for n in range(1, 21) if f"Code {n:03d}" in backs] == list(numbers)
        assert "Item" not in backs and "Code" not in fronts
    # Left card on the front, right card on the back: the answers of a row swap sides.
    row = next(line for line in pages[0].splitlines() if "Item 001" in line)
    assert row.index("Item 001") < row.index("Item 002")
    back_row = next(line for line in pages[1].splitlines() if "Code 001" in line)
    assert back_row.index("Code 002") < back_row.index("Code 001")
    lone = next(line for line in pages[5].splitlines() if "Code 017" in line)
    assert lone.index("Code 017") > len(lone) / 2


def shipped_deck(store: Store, now: datetime) -> str:
    """The generated CSTO deck that ships with quizkit."""
    name, _ = import_file(store, bundled_deck_path(), now)
    return name


def test_versions_ask_the_same_questions_in_other_orders(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    deck = shipped_deck(store, now)
    notes = store.print_notes(store.deck(deck))
    options = HandoutOptions(layout="test", versions=2, seed=7)
    printed = printed_pages(export_html(store, deck, options), tmp_path)
    # printed duplex: blank pages keep each version on a front page (tests/test_print_duplex.py)
    pages = [p for p in printed if "intentionally left blank" not in p]
    labels = [re.search(r"(Answer key, version [AB]|Version [AB])", p) for p in pages]
    assert all(labels), "a page without its version label"
    names = [m.group(1) for m in labels if m]
    # Version A's pages, then B's, then A's key and B's key, each starting on a new page.
    a_count, b_count = names.count("Version A"), names.count("Version B")
    assert names[: a_count + b_count] == ["Version A"] * a_count + ["Version B"] * b_count
    keys = names[a_count + b_count :]
    assert keys == sorted(keys) and set(keys) == {"Answer key, version A", "Answer key, version B"}
    a_pages, b_pages = pages[:a_count], pages[a_count : a_count + b_count]

    handout = build_handout(deck, notes, options)
    asked = []
    for version, version_pages in zip(handout.versions, (a_pages, b_pages), strict=True):
        flat = [" ".join(page.split()) for page in version_pages]
        places = []
        # Every question (matching names aside: they also occur inside other questions) is
        # printed on exactly one page of its version, once, in the handout's order.
        prompts = [
            " ".join(item.prompt.split())
            for section in version.sections
            if section.kind != "matching"
            for item in section.items
        ]
        for prompt in prompts:
            hits = [(n, page.index(prompt)) for n, page in enumerate(flat) if prompt in page]
            assert len(hits) == 1, prompt
            assert flat[hits[0][0]].count(prompt) == 1, prompt
            places.append(hits[0])
        assert places == sorted(places)
        asked.append(prompts)
    # one question per fact: a question and its reverse never share a sheet
    assert len(asked[0]) >= len({n.extra.get("fact", n.id) for n in notes}) // 2
    assert sorted(asked[0]) == sorted(asked[1])
    assert asked[0] != asked[1]


def test_escaped_text_prints_literally(store: Store, now: datetime, tmp_path: Path) -> None:
    hostile = "<script>alert('x')</script> <img src=x onerror=alert(1)> </style>"
    note = Note(question=f"Which tag is this? {hostile}", answer=f"{hostile} end", guid="h")
    store.upsert_notes(store.ensure_deck(DeckInfo(f"Tags {hostile}"), now), [note], now)
    for layout in ("worksheet", "test", "flashcards"):
        html = export_html(store, f"Tags {hostile}", HandoutOptions(layout=layout))
        # Long words wrap inside a card, so compare without the spaces.
        text = "".join("".join(printed_pages(html, tmp_path, layout)).split())
        for expected in (f"Which tag is this? {hostile}", f"{hostile} end", f"Tags {hostile}"):
            assert "".join(expected.split()) in text


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("layout", ["worksheet", "test", "flashcards"])
def test_screenshot_of_each_layout(
    store: Store, now: datetime, tmp_path: Path, layout: str
) -> None:
    deck = shipped_deck(store, now)
    source = tmp_path / f"{layout}.html"
    source.write_text(export_html(store, deck, HandoutOptions(layout=layout, seed=1)))
    SCREENSHOTS.mkdir(exist_ok=True)
    shot = SCREENSHOTS / f"{layout}.png"
    shot.unlink(missing_ok=True)
    chromium(
        tmp_path,
        f"--screenshot={shot}",
        "--window-size=900,1250",
        "--hide-scrollbars",
        source.as_uri(),
    )
    assert png_size(shot) == (900, 1250)
