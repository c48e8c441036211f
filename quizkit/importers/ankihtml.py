"""Anki field HTML to plain text: line breaks kept, entities decoded, media references kept.

Nothing in a field is executed or fetched: scripts and styles are dropped, and pictures and
sounds become names in `FieldText.media` that the importer resolves inside the package only.

Fields are untrusted, so every scan here is linear: each search starts where the last one
ended (no regular expression with nested repetition, no re-scanning after a stray `<`).
Python's html.parser is not used: it is quadratic on unclosed comments and tags.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass

BLOCK_TAGS = {"div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}
DROPPED_TAGS = {"script", "style", "head", "title"}
SOUND_OPEN = "[sound:"
# An attribute in one tag's text (bounded by the tag): no nested repetition.
SRC = re.compile(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)
MAX_CLOZES = 500  # distinct cloze numbers in one note (each makes a card holding the text)


@dataclass(frozen=True)
class FieldText:
    """A field as text, with the media files its HTML named (pictures, then sounds)."""

    text: str
    media: tuple[str, ...]


def _sounds(text: str) -> tuple[str, list[str]]:
    """The text without its `[sound:name]` tags, and the names, in one pass."""
    if SOUND_OPEN not in text:
        return text, []
    kept: list[str] = []
    names: list[str] = []
    position = search = 0
    while True:
        start = text.find(SOUND_OPEN, search)
        if start < 0:
            break
        end = text.find("]", start + len(SOUND_OPEN))
        if end < 0:
            break  # no `]` after this one, so none after any later one either
        if end == start + len(SOUND_OPEN):  # `[sound:]` names nothing
            search = start + 1
            continue
        kept.append(text[position:start])
        names.append(text[start + len(SOUND_OPEN) : end])
        position = search = end + 1
    kept.append(text[position:])
    return "".join(kept), names


def _tag_name(inside: str) -> str:
    """The lower-case name at the start of a tag's text (`/div` -> `div`), or ''."""
    end = 0
    while end < len(inside) and (inside[end].isalnum() and inside[end].isascii()):
        end += 1
    return inside[:end].lower()


def html_to_text(field: str) -> FieldText:
    """Text of an Anki field; `[sound:x]` tags and `<img src>` become media names."""
    field, sounds = _sounds(field)
    if "<" not in field and "&" not in field:
        return FieldText(tidy(field), tuple(sounds))
    parts: list[str] = []
    pictures: list[str] = []
    dropping = 0
    position = 0
    next_gt = -1  # the first '>' at or after the current '<' (reused while still ahead)
    length = len(field)

    def text(chunk: str) -> None:
        if chunk and not dropping:
            parts.append(htmllib.unescape(chunk))

    def line_break() -> None:
        if parts and not parts[-1].endswith("\n"):
            parts.append("\n")

    while position < length:
        lt = field.find("<", position)
        if lt < 0:
            text(field[position:])
            break
        text(field[position:lt])
        if field.startswith("<!--", lt):
            end = field.find("-->", lt + 4)
            position = length if end < 0 else end + 3
            continue
        if next_gt <= lt:
            next_gt = field.find(">", lt + 1)
            if next_gt < 0:
                text(field[lt:])  # a '<' that never closes is text
                break
        inside = field[lt + 1 : next_gt]
        closing = inside.startswith("/")
        name = _tag_name(inside[1:] if closing else inside)
        if not name and not inside.startswith("!") and not inside.startswith("?"):
            text("<")  # `a < b`: a less-than sign, not a tag
            position = lt + 1
            continue
        position = next_gt + 1
        if name in DROPPED_TAGS:
            dropping = max(0, dropping - 1) if closing else dropping + 1
        elif name == "br":
            if not dropping:
                parts.append("\n")
        elif name in BLOCK_TAGS:
            if not dropping:
                line_break()
        elif name == "img" and not closing and not dropping:
            match = SRC.search(inside)
            if match:
                src = htmllib.unescape(next(g for g in match.groups() if g is not None))
                if src:
                    pictures.append(src)
    joined = "".join(parts).replace("\xa0", " ")
    return FieldText(tidy(joined), (*pictures, *sounds))


def tidy(text: str) -> str:
    """The text with its spaces collapsed, line by line, and blank lines at its ends gone."""
    if "\n" not in text:  # one line: its spaces collapsed is all there is to do
        return " ".join(text.split())
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip("\n").strip()


@dataclass(frozen=True)
class _Cloze:
    number: int
    answer: str
    hint: str


def _clozes(text: str) -> list[str | _Cloze]:
    """The text as plain pieces and `{{cN::answer::hint}}` markers, in one pass."""
    pieces: list[str | _Cloze] = []
    position = 0
    search = 0
    while True:
        start = text.find("{{c", search)
        if start < 0:
            break
        digits = start + 3
        end_digits = digits
        while end_digits < len(text) and text[end_digits].isdigit() and text[end_digits].isascii():
            end_digits += 1
        if not 0 < end_digits - digits <= 6 or not text.startswith("::", end_digits):
            search = start + 1  # not a marker (a number of more than 6 digits is not one)
            continue
        close = text.find("}}", end_digits + 2)
        if close < 0:
            break  # no `}}` after this marker, so none after any later one
        answer, _sep, hint = text[end_digits + 2 : close].partition("::")
        number = int(text[digits:end_digits])
        pieces.append(text[position:start])
        pieces.append(_Cloze(number, answer, hint))
        position = search = close + 2
    pieces.append(text[position:])
    return pieces


def cloze_numbers(text: str) -> list[int]:
    """The cloze numbers used in a cloze note's text, in order; ValueError past MAX_CLOZES."""
    numbers = sorted({p.number for p in _clozes(text) if isinstance(p, _Cloze)})
    if len(numbers) > MAX_CLOZES:
        raise ValueError(f"more than {MAX_CLOZES} cloze numbers in one note")
    return numbers


def cloze_card(text: str, number: int) -> tuple[str, str]:
    """The question (cloze `number` hidden, the others shown) and its answer."""
    answers: list[str] = []
    question: list[str] = []
    for piece in _clozes(text):
        if isinstance(piece, str):
            question.append(piece)
        elif piece.number != number:
            question.append(piece.answer)
        else:
            answers.append(piece.answer)
            question.append(f"[{piece.hint}]" if piece.hint else "[...]")
    return "".join(question), ", ".join(answers)
