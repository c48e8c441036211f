"""Reading article files and cutting text into sentences that keep their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quizkit.errors import InputError
from quizkit.textfile import MIB, read_capped

# Articles larger than this are refused: extraction stays within seconds and a few hundred
# MiB below it (a long news article is well under 100 KB; 5 MB of text takes a few seconds).
MAX_ARTICLE_BYTES = 8 * MIB
# A longer stretch without an end of sentence is cut at a space: news sentences stay under
# 700 characters, and the rules that look across a sentence then work on bounded pieces.
MAX_SENTENCE_CHARS = 1000


@dataclass(frozen=True)
class Sentence:
    """A sentence of a document: its text, 1-based number and character offsets."""

    text: str
    index: int
    start: int
    end: int
    paragraph: int


def decode_article(data: bytes, where: str) -> tuple[str, list[str]]:
    """Decode an article's bytes; returns the text (LF line ends, no BOM) and warnings.

    UTF-8 (with or without BOM) is expected; cp1252 is the common fallback for
    articles saved by older Windows tools, so it is accepted with a warning.
    """
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        data = _from_utf16(data, where)
    if b"\x00" in data:
        raise InputError(where, "binary file, not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(where, "binary file, not a text article") from None
        warnings.append(f"{where}: not valid UTF-8, read as cp1252")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(where, "empty file, no text to extract from")
    if _looks_binary(text):
        raise InputError(where, "binary file, not a text article")
    return text, warnings


def _from_utf16(data: bytes, where: str) -> bytes:
    """UTF-16 with a BOM (as some Windows editors save) re-encoded as UTF-8."""
    try:
        return data.decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        raise InputError(where, "binary file, not a text article") from None


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace mean the file is not prose."""
    sample = text[:4096]
    return len(_CONTROLS.findall(sample)) > len(sample) // 100


# Control characters but tab, line feed, vertical tab and form feed.
_CONTROLS = re.compile(r"[\x00-\x08\x0d-\x1f]")


def read_article(path: str | Path) -> tuple[str, list[str]]:
    """Read one article file; raises InputError with a message a user can act on."""
    where = str(path)
    try:
        data = read_capped(Path(path), MAX_ARTICLE_BYTES, "article")
    except InputError as exc:
        if exc.reason == "is a folder, not a file":
            raise InputError(where, "is a directory, not an article file") from None
        raise
    return decode_article(data, where)


# Abbreviations whose full stop does not end a sentence in news English.
_ABBREVIATIONS_WORDS = (
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen col lt sgt "
    "capt maj adm gov sen rep prof no vs etc inc corp co ltd jr sr mt ft u.s u.k u.n "
    "e.u a.m p.m"
)
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_WORDS.split())

# A run of end marks matches only from its first mark (the mark first, so the scan skips to
# marks quickly), and possessively: a long run of dots
# is then scanned once, not once per dot.
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[”\"’')\]]*+(?=\s+[“\"‘'(\[]?[A-Z0-9À-Þ])")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences: at paragraph breaks and at end punctuation.

    Line breaks count as boundaries because headlines and datelines stand on
    their own lines without a full stop.
    """
    sentences: list[Sentence] = []
    for paragraph, para in enumerate(_LINE.finditer(text), 1):
        base = para.start()
        chunk = para.group()
        start = 0
        for m in _BOUNDARY.finditer(chunk):
            if _is_abbreviation(chunk, m.start()):
                continue
            _add(sentences, chunk, base, start, m.end(), paragraph)
            start = m.end()
        _add(sentences, chunk, base, start, len(chunk), paragraph)
    return sentences


_LINE = re.compile(r"[^\n]+")
# The word before a full stop: letters, digits, underscores and full stops.
_WORD_BEFORE = re.compile(r"[\w.]+\Z")


def _is_abbreviation(chunk: str, dot: int) -> bool:
    if chunk[dot] != ".":
        return False
    # the word before the dot, read back from it ([\w.]+ within 12 characters)
    low = max(0, dot - 12)
    end = dot - 1 if dot > low and chunk[dot - 1] == "\n" else dot
    word = _WORD_BEFORE.search(chunk, low, end)
    if not word:
        return False
    token = word.group().lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add(out: list[Sentence], chunk: str, base: int, start: int, end: int, para: int) -> None:
    while end - start > MAX_SENTENCE_CHARS:
        cut = chunk.rfind(" ", start + MAX_SENTENCE_CHARS // 2, start + MAX_SENTENCE_CHARS)
        cut = cut + 1 if cut > 0 else start + MAX_SENTENCE_CHARS
        _add_piece(out, chunk, base, start, cut, para)
        start = cut
    _add_piece(out, chunk, base, start, end, para)


def _add_piece(out: list[Sentence], chunk: str, base: int, start: int, end: int, para: int) -> None:
    piece = chunk[start:end]
    stripped = piece.strip()
    if not stripped:
        return
    lead = len(piece) - len(piece.lstrip())
    s = base + start + lead
    out.append(Sentence(stripped, len(out) + 1, s, s + len(stripped), para))


def lowered(text: str) -> str:
    """text.lower() with every offset kept (a few letters, like "İ", lower to two characters)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
