"""A big CSV's cells are found by a few str passes over the whole text instead of csv.reader
(issue 14). Whenever that reader answers, it must give exactly csv.reader's rows, each on one
line; when it cannot tell, it steps aside and csv.reader reads the file as before."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizkit.errors import InputError
from quizkit.importers import ImportOptions, delimited, read_notes
from quizkit.importers.delimited import _cells_fit, _one_line_cells
from quizkit.models import Note, NoteTable

SEPARATORS = [",", ";", "\t", " ", "|", "]", "^", "\\", "-"]  # some mean something to re
# separators, quotes, line ends, spaces, a formula guard and characters splitlines() breaks at
ALPHABET = st.sampled_from(["a", "é", "'=", '"', '""', "\n", "\x0b", *SEPARATORS, *SEPARATORS[:2]])


def csv_rows(text: str, separator: str) -> tuple[list[list[str]], int] | None:
    """csv.reader's rows of the text and the lines it read, or None where it fails."""
    reader = csv.reader(io.StringIO(text), delimiter=separator, strict=True)
    try:
        rows = list(reader)
    except csv.Error:
        return None
    return rows, reader.line_num


def fast_rows(text: str, separator: str) -> list[list[str]] | None:
    found = _one_line_cells(text, separator)
    if found is None:
        return None
    cells, width = found
    rows = [cells[start : start + width] for start in range(0, len(cells), width + 1)]
    assert all(cell == "\n" for cell in cells[width :: width + 1])  # a row's end after each
    return rows


def assert_as_csv_reader(text: str, separator: str) -> list[list[str]] | None:
    rows = fast_rows(text, separator)
    if rows is not None:
        expected = csv_rows(text, separator)
        assert expected is not None, "csv.reader refuses this text"
        assert rows == expected[0]
        assert expected[1] == len(rows)  # one line a row: row i is on line i + 1
    return rows


@settings(max_examples=1500, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join), st.sampled_from(SEPARATORS))
@example('a,"b"""\n"",""\n', ",")
@example('a,"b\nc",d\n', ",")  # a quoted value over two lines
@example('a, "b"\n', ",")  # a quote inside an unquoted value
@example('"a" ,b\n', ",")  # text after a closing quote
@example("a,b\n\nc,d\n", ",")  # an empty line
@example('a,"b\n', ",")  # a quote never closed
def test_random_text_reads_as_csv_reader_reads_it(text: str, separator: str) -> None:
    assert_as_csv_reader(text, separator)


CELL = st.text(st.sampled_from(["a", "B", " ", ",", ";", "\t", '"', "'", "=", "é", "\u2028"]))


@settings(max_examples=500, deadline=None)
@given(
    st.integers(2, 4).flatmap(
        lambda width: st.lists(st.lists(CELL, min_size=width, max_size=width), min_size=1)
    ),
    st.sampled_from(SEPARATORS),
    st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL]),
    st.booleans(),
)
def test_files_csv_writers_make_are_read_without_csv_reader(
    rows: list[list[str]], separator: str, quoting: int, last_line_end: bool
) -> None:
    out = io.StringIO()
    csv.writer(out, delimiter=separator, quoting=quoting, lineterminator="\n").writerows(rows)
    text = out.getvalue() if last_line_end else out.getvalue()[:-1]
    found = assert_as_csv_reader(text, separator)
    assert found == rows  # no value holds a line end: the fast reader takes the file


def test_a_value_over_csvs_size_limit_is_left_to_csv_reader(tmp_path: Path) -> None:
    big = "x" * (csv.field_size_limit() + 1)
    for text in (f"front,back\nq,{big}\n", f'front,back\nq,"{big[:-1]}"""\n'):  # x...x" too
        assert csv_rows(text, ",") is None
        assert _one_line_cells(text, ",") is None
    fits = f'front,back\nq,"{big[:-2]}"""\n'  # as long as csv allows
    assert assert_as_csv_reader(fits, ",") == [["front", "back"], ["q", big[:-2] + '"']]
    path = tmp_path / "big.csv"
    path.write_text(f"front,back\nq,a\nr,{big}\n", encoding="utf-8")
    with pytest.raises(InputError, match="field larger than field limit") as error:
        read_notes(path, ImportOptions())
    assert error.value.line == 3


def fields(notes: list[Note] | NoteTable) -> list[tuple[object, ...]]:
    return [(n.guid, n.deck, n.question, n.answer, n.tags, n.line) for n in notes]


BENCH_LIKE = (
    "front,back,tags\r\n"
    'Capital of Chad?,"N\'Djamena, on the ""Chari"" river",geo africa\r\n'
    "'=1+1,two,'=math\r\n"
    '"\'@handle","\'-minus",x y\r\n'
    "River of Egypt?,Nile,geo\r\n"
)


@pytest.mark.parametrize(
    "text",
    [
        BENCH_LIKE,
        '#separator:tab\n#tags:base\n#columns:Front\tBack\tTags\nq\t"a\tb"\tx\nr\ts\t\n',
        'question;answer\n"Who; when?";"""Quoted"" answer"\nWhere?;Tartu\n',
        "\ufefffront,back\nq,a\nr,\ufeffb\n",
    ],
    ids=["quotes, commas and guards", "anki tabs", "semicolons", "BOM"],
)
def test_fast_cells_give_the_notes_csv_reader_gives(
    tmp_path: Path, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "deck.csv"
    path.write_bytes(text.encode("utf-8"))
    fast = read_notes(path, ImportOptions()).notes
    assert isinstance(fast, NoteTable) and len(fast) > 1
    monkeypatch.setattr(delimited, "_one_line_cells", lambda *_args: None)
    by_csv_reader = read_notes(path, ImportOptions()).notes
    assert isinstance(by_csv_reader, NoteTable)
    assert fields(fast) == fields(by_csv_reader)


def test_guarded_cells_are_unguarded_quoted_or_not(tmp_path: Path) -> None:
    path = tmp_path / "deck.csv"
    path.write_text(BENCH_LIKE, encoding="utf-8")
    notes = read_notes(path, ImportOptions()).notes
    assert [(n.question, n.answer, n.tags) for n in notes][1:3] == [
        ("=1+1", "two", ("=math",)),
        ("@handle", "-minus", ("x", "y")),
    ]
    assert [n.line for n in notes] == [2, 3, 4, 5]


@pytest.mark.parametrize("unit", ['"', '""', '"a",', 'a"', '",\n', "\n", ",,"])
def test_the_fast_reader_is_linear(unit: str) -> None:
    def cpu(n: int) -> float:
        text = "q," + unit * n
        started = time.process_time()
        for _ in range(3):
            _one_line_cells(text, ",")
        return time.process_time() - started

    small, large = cpu(50_000), cpu(200_000)
    assert large < 8 * small + 0.05, f"n: {small:.3f} s, 4n: {large:.3f} s"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.integers(0, 5000), min_size=1, max_size=12), st.integers(2048, 4100))
def test_cells_are_measured_against_the_limit_as_csv_does(gaps: list[int], limit: int) -> None:
    text = "\x00".join("x" * gap for gap in gaps)
    cells = text.split("\x00")
    assert _cells_fit(text, cells, limit) == (max(gaps) <= limit)
