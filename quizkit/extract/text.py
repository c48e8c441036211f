"""Reading article files and cutting text into sentences that keep their offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from quizkit.errors import InputError


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


def _looks_binary(text: str) -> bool:
    """Control characters other than whitespace mean the file is not prose."""
    sample = text[:4096]
    controls = sum(1 for c in sample if ord(c) < 32 and c not in "\n\t\f\v")
    return controls > len(sample) // 100


def read_article(path: str | Path) -> tuple[str, list[str]]:
    """Read one article file; raises InputError with a message a user can act on."""
    where = str(path)
    p = Path(path)
    try:
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    except IsADirectoryError:
        raise InputError(where, "is a directory, not an article file") from None
    except PermissionError:
        raise InputError(where, "permission denied") from None
    except OSError as exc:
        raise InputError(where, f"cannot read ({exc.strerror or exc})") from None
    return decode_article(data, where)


# Abbreviations whose full stop does not end a sentence in news English.
_ABBREVIATIONS_WORDS = (
    "jan feb mar apr jun jul aug sep sept oct nov dec mr mrs ms dr st gen col lt sgt "
    "capt maj adm gov sen rep prof no vs etc inc corp co ltd jr sr mt ft u.s u.k u.n "
    "e.u a.m p.m"
)
_ABBREVIATIONS = frozenset(_ABBREVIATIONS_WORDS.split())

_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[“\"‘'(\[]?[A-Z0-9À-Þ])")


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences: at paragraph breaks and at end punctuation.

    Line breaks count as boundaries because headlines and datelines stand on
    their own lines without a full stop.
    """
    sentences: list[Sentence] = []
    paragraph = 0
    for para in re.finditer(r"[^\n]+", text):
        paragraph += 1
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


def _is_abbreviation(chunk: str, dot: int) -> bool:
    if chunk[dot] != ".":
        return False
    word = re.search(r"([\w.]+)$", chunk[:dot])
    if not word:
        return False
    token = word.group(1).lower()
    return token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha())


def _add(out: list[Sentence], chunk: str, base: int, start: int, end: int, para: int) -> None:
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
