"""A handout's versions cut into printed pages before the browser sees them.

Printed duplex, each version must start on a front (odd) page and number its own pages
("page 1 of 3"); CSS can neither restart the page count per version nor know a version's
length, so the pages are decided here from estimated heights, on the safe side: a page
holds a little less than it could, never more. Heights are in millimetres, for the
stylesheet in templates/_style.html (11 pt DejaVu Sans, line height 1.35).
"""

from __future__ import annotations

import functools
from typing import NamedTuple

from quizkit.handouts import Item, KeyEntry, Section, Version

LINE_MM = 11 * 1.35 * 25.4 / 72  # one line of body text
SMALL_LINE_MM = 9 * 1.35 * 25.4 / 72  # a source line in the key
SPARE_MM = 8.0  # left free on every page for rounding and the browser's own spacing
HEADER_MM = 40.0  # title, name / class / date, instructions, rule
SECTION_INTRO_MM = 21.0  # a section's heading and instructions
KEY_TITLE_MM = 22.0  # "Answer key, version A" and the deck title
ITEM_GAP_MM = 5.0
ANSWER_LINE_MM = 8.0
TRUEFALSE_MM = 10.0
PICTURE_MM = 44.0  # a picture's largest height and its margins
NUMBER_COLUMN_MM = 10.0  # the question number and the gap beside it
OPTION_GAP_MM = 6.0
KEY_ROW_PAD_MM = 2.5


def char_mm(char: str) -> float:
    """A character's width at 11 pt, rounded up: capitals and digits are the widest."""
    if char == " ":
        return 1.4
    if char.isupper() or char.isdigit() or char in "mwMW@%":
        return 2.7
    if char in ".,;:'!|il":
        return 1.3
    return 2.2


@functools.lru_cache(maxsize=1 << 16)  # handouts repeat their words; the cache stays bounded
def word_mm(word: str) -> float:
    return sum(map(char_mm, word))


@functools.lru_cache(maxsize=1 << 16)  # every version asks the same questions
def text_lines(text: str, width_mm: float) -> int:
    """Lines the text wraps to in a column `width_mm` wide (greedy word wrap, as browsers do)."""
    if len(text) * 2.7 <= width_mm and "\n" not in text:
        return 1  # fits even if every character were the widest
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split(" "):
            size = word_mm(word)
            if used and used + 1.4 + size > width_mm:
                lines += 1
                used = 0.0
            elif used:
                used += 1.4
            while size > width_mm:  # a word longer than the line breaks anywhere
                lines += 1
                size -= width_mm
            used += size
    return lines


def item_mm(item: Item, section: Section, width_mm: float) -> float:
    """The height of one numbered question with its answer space."""
    body = width_mm - NUMBER_COLUMN_MM
    if section.kind == "matching":
        return 3.0 + text_lines(item.prompt, body * 0.6 - 12) * LINE_MM
    height = ITEM_GAP_MM + text_lines(item.prompt, body) * LINE_MM
    if item.image:
        height += PICTURE_MM
    if item.claim is not None:
        height += 1.0 + text_lines("Answer given: " + item.claim, body) * LINE_MM
    if section.kind == "choice":
        column = (body - OPTION_GAP_MM) / 2 - 8  # less the letter before each option
        options = item.options
        height += 1.5
        for i in range(0, len(options), 2):
            lines = text_lines(options[i].text, column)
            if i + 1 < len(options):
                lines = max(lines, text_lines(options[i + 1].text, column))
            height += lines * LINE_MM + 1.0
    elif item.truefalse:
        height += TRUEFALSE_MM
    elif section.kind in ("questions", "short"):
        height += item.lines * ANSWER_LINE_MM
    return height


class Chunk(NamedTuple):
    """Part of one section on one page: its heading only where the section starts."""

    section: Section
    items: tuple[Item, ...]
    intro: bool


class Page(NamedTuple):
    """One printed page of a version (or of its key), numbered within the version."""

    name: str  # the CSS page name, unique in the document
    label: str  # "Version A", "Answer key, version A"
    number: int
    total: int
    first: bool  # the version's first page: starts on a front page, carries the header
    chunks: tuple[Chunk, ...] = ()
    key: tuple[KeyEntry, ...] = ()
    version: Version | None = None
    blank: bool = False  # left empty so that the next version starts on a front page


BLANK = Page("blank", "", 0, 0, False, blank=True)


def duplex(parts: list[list[Page]]) -> list[Page]:
    """The parts one after the other, a blank page after each part that ends on a front
    page, so that the next part starts on one."""
    pages: list[Page] = []
    for part in parts:
        if len(pages) % 2:
            pages.append(BLANK)
        pages += part
    return pages


def version_pages(version: Version, width_mm: float, height_mm: float) -> list[Page]:
    """The version's questions cut into pages; a section heading never ends a page."""
    room = height_mm - SPARE_MM
    pages: list[list[Chunk]] = [[]]
    left = room - HEADER_MM
    for section in version.sections:
        if section.kind == "matching":
            height = max(
                sum(item_mm(i, section, width_mm) for i in section.items),
                len(section.choices) * (LINE_MM + 3.0),
            )
            height += SECTION_INTRO_MM + 2.0 * text_lines(section.instructions, width_mm)
            if height > left and pages[-1]:
                pages.append([])
                left = room
            pages[-1].append(Chunk(section, section.items, True))
            left -= height
            continue
        intro = SECTION_INTRO_MM if section.title else 0.0
        current: list[Item] = []
        first = True
        for item in section.items:
            height = item_mm(item, section, width_mm)
            needed = height + (intro if first and not current else 0.0)
            if needed > left and (pages[-1] or current):
                if current:
                    pages[-1].append(Chunk(section, tuple(current), first))
                    first = False
                pages.append([])
                left = room
                current = []
                needed = height + (intro if first else 0.0)
            current.append(item)
            left -= needed
        if current:
            pages[-1].append(Chunk(section, tuple(current), first))
    label = f"Version {version.label}" if version.label else ""
    return [
        Page(f"v{version.label}-{n}", label, n, len(pages), n == 1, tuple(page), (), version)
        for n, page in enumerate(pages, start=1)
    ]


def key_pages(version: Version, width_mm: float, height_mm: float) -> list[Page]:
    """The version's answer key cut into pages of rows."""
    room = height_mm - SPARE_MM
    pages: list[list[KeyEntry]] = [[]]
    left = room - KEY_TITLE_MM
    column = width_mm - 14.0
    for entry in version.key:
        height = KEY_ROW_PAD_MM + text_lines(entry.answer, column) * LINE_MM
        if entry.sources:
            height += text_lines("Source: " + "; ".join(entry.sources), column * 1.2) * (
                SMALL_LINE_MM
            )
        if height > left and pages[-1]:
            pages.append([])
            left = room
        pages[-1].append(entry)
        left -= height
    label = "Answer key" + (f", version {version.label}" if version.label else "")
    return [
        Page(f"k{version.label}-{n}", label, n, len(pages), n == 1, key=tuple(page))
        for n, page in enumerate(pages, start=1)
    ]
