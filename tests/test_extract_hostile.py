"""Crafted articles (issue 15): `extract` and `generate --dry-run` either succeed or give exit 1
and one line, never a traceback, in time linear in the article, with output linear too; an
article over the stated cap is refused with one line. A Hypothesis fuzz test feeds random and
mutated text to `extract` for a bounded number of examples."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_linear_parsing import assert_linear

from quizkit.cli import cli
from quizkit.extract import extract_texts, to_json, to_text
from quizkit.extract.text import MAX_ARTICLE_BYTES, MAX_SENTENCE_CHARS, split_sentences
from quizkit.questions import build

# Written for this test: invented people and places, in news style.
STORY = (
    "Vastrel Accord talks resume in Orvika\n\n"
    "ORVIKA, Estonia, March 9, 2023 - Estonian Defense Minister Kalle Tammsaar said on Tuesday "
    "that about 1,200 troops from Latvia, Lithuania and Poland would take part in the exercise, "
    "which began on March 6. Latvian Prime Minister Ilze Berzina met NATO Secretary General "
    "Orla Fenwick in Riga on Wednesday. The drill will last 12 days and cost $4.5 million.\n\n"
)


def _dates(size: int) -> str:
    """One paragraph of short dated sentences (the 7k-dates article, at any size)."""
    parts, total, i = [], 0, 0
    while total < size:
        part = f"The council met on March {i % 28 + 1}, 2021 in Tallinn. "
        parts.append(part)
        total += len(part)
        i += 1
    return "".join(parts)


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit))


# name -> article of about `size` characters
CASES: dict[str, Callable[[int], str]] = {
    "a 310+ digit number": lambda n: f"Officials said {'9' * n} troops arrived in Orvika.",
    "a 310+ digit amount": lambda n: f"The plan costs ${'9' * n}.5 billion, officials said.",
    "a run of full stops": lambda n: "." * n,
    "a run of exclamation marks": lambda n: "Alarm" + "!" * n + " Then",
    "a run of ellipses": lambda n: "…" * n,
    "a run of opening brackets": lambda n: "(" * n,
    "a number phrase with no full stop": lambda n: _repeat("roughly 2,000 troops, ", n),
    "a news article repeated": lambda n: _repeat(STORY, n),
    "thousands of dates": _dates,
}


def _facts_and_questions(text: str) -> Callable[[], object]:
    def work() -> object:
        docs = extract_texts([("a.txt", text)], today=date(2026, 1, 1))
        return to_json(docs), to_text(docs), build(docs, 0)

    return work


@pytest.mark.parametrize("name", CASES)
def test_extract_and_generate_take_linear_time(name: str) -> None:
    make = CASES[name]
    assert_linear(lambda n: _facts_and_questions(make(n)), 4_000)


@pytest.mark.parametrize("name", ["a number phrase with no full stop", "a news article repeated"])
def test_json_output_grows_linearly(name: str) -> None:
    """Each sentence is written once, however many facts it holds (it once was per fact)."""

    def size(n: int) -> int:
        docs = extract_texts([("a.txt", CASES[name](n))])
        (doc,) = json.loads(to_json(docs))["documents"]
        assert doc["facts"], "the case must find facts for the measure to mean anything"
        assert all("sentence" not in fact for fact in doc["facts"])
        return len(to_json(docs))

    small, large = size(5_000), size(20_000)
    assert large < 5 * small, (small, large)
    assert large < 40 * 20_000


def _invoke(runner: CliRunner, args: list[str]) -> Result:
    started = time.process_time()
    result = runner.invoke(cli, args)
    assert time.process_time() - started < 5, "a 20 KB article must not take seconds"
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 1:
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return result


@pytest.mark.parametrize("name", CASES)
def test_cli_succeeds_or_says_one_line(runner: CliRunner, tmp_path: Path, name: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(CASES[name](20_000), encoding="utf-8")
    extracted = _invoke(runner, ["extract", str(path), "--json"])
    assert extracted.exit_code == 0
    documents = json.loads(extracted.stdout)["documents"]
    indexes = {s["index"] for s in documents[0]["sentences"]}
    assert {f["sentence_index"] for f in documents[0]["facts"]} <= indexes
    _invoke(runner, ["extract", str(path)])
    _invoke(runner, ["generate", str(path), "--deck", "Crafted", "--dry-run"])


def test_sentences_are_capped_and_keep_their_offsets() -> None:
    text = "Intro. " + _repeat("roughly 2,000 troops, ", 10 * MAX_SENTENCE_CHARS) + "end."
    sentences = split_sentences(text)
    assert len(sentences) > 10
    for sentence in sentences:
        assert len(sentence.text) <= MAX_SENTENCE_CHARS
        assert text[sentence.start : sentence.end] == sentence.text
    # Cut at spaces: no word is split in two.
    assert all(text[s.end] == " " for s in sentences[1:-1])


def test_an_article_over_the_cap_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(MAX_ARTICLE_BYTES + 1)  # sparse: no time spent writing it
    for args in (["extract", str(path)], ["generate", str(path), "--deck", "H", "--dry-run"]):
        result = _invoke(runner, args)
        assert result.exit_code == 1
        assert f"huge.txt: article larger than {MAX_ARTICLE_BYTES >> 20} MiB" in result.stderr


def test_a_pipe_is_refused_without_waiting(runner: CliRunner, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = _invoke(runner, ["extract", str(fifo)])
    assert result.exit_code == 1
    assert "pipe.txt: not a regular file" in result.stderr


_FUZZ = settings(
    max_examples=30,
    deadline=None,  # measured below in CPU time, which other processes do not inflate
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
_PIECES = [
    "(",
    ".",
    "!",
    "…",
    "\n",
    " ",
    "9" * 400,
    "roughly 2,000 troops, ",
    "March 9, 2023",
    "Jan. 4",
    "President Anna Kovel",
    "NATO",
    "Estonia",
    "$4.5 billion",
    "“",
    "”",
    "İ",
]


def _mutated(data: st.DataObject) -> str:
    text = STORY
    for _ in range(data.draw(st.integers(0, 8))):
        at = data.draw(st.integers(0, len(text)))
        piece = data.draw(st.sampled_from(_PIECES)) * data.draw(st.integers(1, 60))
        cut = data.draw(st.integers(0, 40))
        text = text[:at] + piece + text[at + cut :]
    return text


@_FUZZ
@given(st.data())
def test_fuzzed_articles_never_raise(data: st.DataObject) -> None:
    text = data.draw(
        st.one_of(
            st.text(max_size=2_000),
            st.builds(_mutated, st.data()),
        )
    )
    started = time.process_time()
    docs = extract_texts([("a.txt", text)], today=date(2026, 1, 1))
    json.loads(to_json(docs))
    to_text(docs)
    build(docs, 0)
    assert time.process_time() - started < 2.0
