"""Reading article files (encodings, bad input) and sentence splitting with offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizkit.errors import InputError
from quizkit.extract.text import decode_article, read_article, split_sentences

ARTICLE = "Ministers met in Oslo.\nThe talks ended on Friday."


@pytest.mark.parametrize(
    "data",
    [
        ARTICLE.encode("utf-8"),
        b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"),
        ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    ],
    ids=["utf-8", "bom", "crlf"],
)
def test_utf8_variants_decode_to_the_same_text(data: bytes) -> None:
    assert decode_article(data, "a.txt") == (ARTICLE, [])


def test_cp1252_is_read_with_a_warning() -> None:
    text, warnings = decode_article("The minister’s visit – a first.".encode("cp1252"), "a.txt")
    assert text == "The minister’s visit – a first."
    assert warnings == ["a.txt: not valid UTF-8, read as cp1252"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "a.txt: empty file, no text to extract from"),
        (b"  \n\r\n ", "a.txt: empty file, no text to extract from"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a.txt: binary file, not a text article"),
        (bytes(range(1, 32)) * 20, "a.txt: binary file, not a text article"),
    ],
    ids=["empty", "blank", "png", "control-characters"],
)
def test_bad_bytes_raise_one_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as caught:
        decode_article(data, "a.txt")
    assert str(caught.value) == message


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_article(tmp_path)


def test_sentences_keep_offsets_and_numbers() -> None:
    text = (
        "Summit opens in Jakarta\n\n"
        "Leaders arrived on Jan. 5 for talks. Mr. Lee spoke first! "
        "“We agree,” he said. The U.S. envoy left at 3 p.m. on Friday."
    )
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "Summit opens in Jakarta",
        "Leaders arrived on Jan. 5 for talks.",
        "Mr. Lee spoke first!",
        "“We agree,” he said.",
        "The U.S. envoy left at 3 p.m. on Friday.",
    ]
    assert [s.index for s in sentences] == [1, 2, 3, 4, 5]
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert [s.paragraph for s in sentences] == [1, 2, 2, 2, 2]
