"""Every parser of untrusted text runs in linear time: each is timed on n and 4n copies of the
inputs that made the old regular expressions and html.parser quadratic, and must not grow by
more than a linear factor (with room for noise: 4n may take at most 8 times n)."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from quizkit.extract.gazetteer import find_places
from quizkit.extract.officials import find_officials
from quizkit.extract.text import split_sentences
from quizkit.importers import ImportOptions, read_notes
from quizkit.importers.ankihtml import cloze_card, cloze_numbers, html_to_text
from quizkit.importers.markdown import _heading, _without_comments

LINEAR_FACTOR = 8.0  # 4x the input: 4x the time if linear, 16x if quadratic
SLACK_S = 0.02


def cpu_time(work: Callable[[], object]) -> float:
    """Least CPU time of three runs (CPU, not wall clock: other processes share the machine;
    the least, which the machine's slow moments do not raise)."""
    times = []
    for _ in range(3):
        started = time.process_time()
        work()
        times.append(time.process_time() - started)
    return min(times)


def assert_linear(make: Callable[[int], Callable[[], object]], n: int) -> None:
    """4n costs at most LINEAR_FACTOR times n, measured twice before the test fails: a slow
    moment of the machine can make one pair look superlinear, a quadratic parser fails both."""
    for _ in range(2):
        small, large = cpu_time(make(n)), cpu_time(make(4 * n))
        if large < LINEAR_FACTOR * small + SLACK_S:
            return
    raise AssertionError(f"n: {small:.3f} s, 4n: {large:.3f} s")


def _both_clozes(text: str) -> None:
    for number in cloze_numbers(text):
        cloze_card(text, number)


HTML_UNITS = ["<", "<a", "<!--", "<![", "</", "<?", "<a b='", "<!", "< ", "< >", "&", "&#x"]


@pytest.mark.parametrize("unit", HTML_UNITS)
def test_html_to_text_is_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: html_to_text("x" + unit * n), 20_000)


@pytest.mark.parametrize("unit", ["[sound:", "[sound:x", "[sound:]", "[sound:a]"])
def test_sound_tags_are_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: html_to_text("q " + unit * n), 20_000)


@pytest.mark.parametrize("unit", ["::", "{{c1::", "{{c", "{{c1::a::", "}}", "{{c1::a}}"])
def test_cloze_markers_are_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: _both_clozes("{{c1::" + unit * n), 10_000)


@pytest.mark.parametrize("unit", ["<!--", "<!-- -->", "-->", "<\\!--"])
def test_markdown_comments_are_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: _without_comments(unit * n), 20_000)


@pytest.mark.parametrize("unit", [" #", "# ", "\t#"])
def test_markdown_headings_are_linear(unit: str) -> None:
    assert_linear(lambda n: lambda: _heading("# a" + unit * n + "x"), 50_000)


@pytest.mark.parametrize(
    ("name", "row"),
    [
        ("stray.csv", 'q,"a\n'),  # every row's quote closes the last one: each row is bad
        ("html.txt", "#html:true\n"),
        ("quotes.csv", 'q,"a""b"\n'),
    ],
)
def test_whole_csv_files_are_linear(tmp_path: Path, name: str, row: str) -> None:
    def make(n: int) -> Callable[[], object]:
        path = tmp_path / f"{n}-{name}"
        header = "#separator:comma\n" if name.endswith(".txt") else ""
        body = "".join(f"q{i},{row.split(',', 1)[-1]}" for i in range(n))
        path.write_text(header + body)
        return lambda: read_notes(path, ImportOptions(skip_bad=True))

    assert_linear(make, 2_000)


def test_markdown_file_is_linear(tmp_path: Path) -> None:
    def make(n: int) -> Callable[[], object]:
        path = tmp_path / f"{n}.md"
        path.write_text("".join(f"# h{i} #\nq{i} <!-- c -->::a{i}\n\n" for i in range(n)))
        return lambda: read_notes(path, ImportOptions())

    assert_linear(make, 2_000)


@pytest.mark.parametrize(
    "unit",
    [
        "Ana Torres, the finance minister, said the plan would pass. ",  # a name before
        "The assembly elected Luis Vega speaker on Monday. ",  # a name given an office
    ],
)
def test_officials_are_linear(unit: str) -> None:
    """Reading a name beside an office looks at that name, not at the rest of the article."""

    def make(n: int) -> Callable[[], object]:
        text = unit * n
        sentences, places = split_sentences(text), find_places(text)
        return lambda: find_officials(text, sentences, places)

    assert_linear(make, 1_000)
