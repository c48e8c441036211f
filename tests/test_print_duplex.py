"""Versions printed duplex, through headless Chromium to PDF: each version (and each key)
starts on a front page, a blank page where needed, page numbers restart per version; and
flashcards print without a key page, pictures inside their card."""

from __future__ import annotations

import hashlib
import re
import struct
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from test_print_browser import CHROMIUM, printed_pages, shipped_deck

from quizkit.exporters.html import export_html
from quizkit.handouts import HandoutOptions
from quizkit.models import DeckInfo, Note
from quizkit.store import Store

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium")
FOOTER = re.compile(r"page (\d+) of (\d+)")
LABEL = re.compile(r"(Answer key, version [A-Z]|Version [A-Z])")
BLANK = "This page is intentionally left blank."


def parts_of(pages: list[str]) -> list[tuple[str, int]]:
    """(label, page count) of each version and key, checking the duplex rules on the way:
    every part starts on a front (odd) page, numbers its pages 1..n of n and carries its
    label on each; only blank pages come between parts, and they carry nothing else."""
    parts = []
    index = 0
    while index < len(pages):
        page = " ".join(pages[index].split())
        if BLANK in page:
            assert page == BLANK, f"physical page {index + 1} is not blank"
            assert index % 2 == 1, f"blank page {index + 1} is a front page"
            index += 1
            continue
        footer, label = FOOTER.search(page), LABEL.search(page)
        assert footer and label, f"physical page {index + 1} has no page number or label"
        assert footer.group(1) == "1", f"part starts with {footer.group(0)}"
        assert index % 2 == 0, f"{label.group(1)} starts on physical page {index + 1}, a back"
        total = int(footer.group(2))
        for offset in range(total):
            text = " ".join(pages[index + offset].split())
            assert f"page {offset + 1} of {total}" in text
            assert label.group(1) in text and BLANK not in text
        parts.append((label.group(1), total))
        index += total
    return parts


def test_versions_start_on_front_pages_numbered_on_their_own(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    deck = shipped_deck(store, now)
    options = HandoutOptions(layout="test", versions=2, seed=7, sources=True)
    pages = printed_pages(export_html(store, deck, options), tmp_path)
    parts = parts_of(pages)
    assert [label for label, _n in parts] == [
        "Version A",
        "Version B",
        "Answer key, version A",
        "Answer key, version B",
    ]
    # version A has an odd number of pages: a blank page puts version B on a front page
    blanks = [i for i, page in enumerate(pages) if BLANK in page]
    assert parts[0][1] % 2 == 1 and blanks[0] == parts[0][1]
    assert len(pages) == sum(n for _l, n in parts) + len(blanks)
    assert len(pages) % 2 == 0 or parts[-1][1] % 2 == 1


def test_long_questions_never_overflow_a_counted_page(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    """Long prompts, options and answers: the pages quizkit counts are the pages printed."""
    words = [
        "harbour",
        "board",
        "member",
        "announced",
        "ferry",
        "timetable",
        "changes",
        "after",
        "storm",
        "damage",
    ]
    notes = []
    for n in range(1, 41):
        prompt = " ".join(words[(n + i) % len(words)] for i in range(8 + (n * 7) % 45))
        notes.append(
            Note(
                question=f"Question {n}: {prompt}?",
                answer=" ".join(words[: 2 + n % 20]),
                guid=f"long-{n}",
                distractors=tuple(" ".join(words[k : k + 3 + n % 9]) for k in range(3)),
            )
        )
    store.upsert_notes(store.ensure_deck(DeckInfo("Long"), now), notes, now)
    for layout, paper in (("worksheet", "letter"), ("test", "a4")):
        options = HandoutOptions(layout=layout, versions=3, seed=3, paper=paper)
        pages = printed_pages(export_html(store, "Long", options), tmp_path, f"{layout}-{paper}")
        parts = parts_of(pages)
        assert [label for label, _n in parts][:3] == ["Version A", "Version B", "Version C"]
        text = " ".join(" ".join(pages).split())
        for n in range(1, 41):
            assert text.count(f"Question {n}:") == 3  # once in each version


def tiny_png(width: int, height: int) -> bytes:
    """A valid grey PNG of the given size (a large picture for a small card)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def test_flashcards_print_no_key_and_keep_pictures_in_their_card(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    data = tiny_png(1600, 2400)
    picture = hashlib.sha256(data).hexdigest()[:32] + ".png"  # kept in quizkit's media folder
    with store.transaction():
        store.add_media(picture, "gate.png", data, now)
    notes = [
        Note(f"Which gate is shown? {n}", f"Gate {n}", f"pic-{n}", extra={"image": picture})
        for n in range(1, 9)
    ]
    store.upsert_notes(store.ensure_deck(DeckInfo("Pictures"), now), notes, now)
    options = HandoutOptions(layout="flashcards", seed=1)
    pages = printed_pages(export_html(store, "Pictures", options), tmp_path)
    # one sheet: its questions and its answers, nothing more (no key, no overflow)
    assert len(pages) == 2
    assert all(f"Which gate is shown? {n}" in pages[0] for n in range(1, 9))
    assert "Answer key" not in "".join(pages)
