"""CSV, TSV, Anki text and Quizlet exports: columns, separators, encodings, bad rows."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.errors import InputError
from quizkit.importers import ImportOptions, detect_format, read_notes
from quizkit.importing import import_file
from quizkit.models import content_guid
from quizkit.store import Store


def cards(path: Path, options: ImportOptions | None = None) -> list[tuple[Any, ...]]:
    """(line, deck, question, answer, tags, reverse) of each parsed note."""
    batch = read_notes(path, options or ImportOptions())
    return [(n.line, n.deck, n.question, n.answer, n.tags, n.reverse) for n in batch.notes]


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_header_row_names_columns_in_any_order(tmp_path: Path) -> None:
    path = write(tmp_path, "v.csv", "tags,definition,term\nlatin,dog,canis\n,cat,felis\n")
    assert cards(path) == [
        (2, "v", "canis", "dog", ("latin",), False),
        (3, "v", "felis", "cat", (), False),
    ]


def test_no_header_row_means_front_then_back(tmp_path: Path) -> None:
    path = write(tmp_path, "v.csv", "canis,dog\nfelis,cat\n")
    assert cards(path) == [(1, "v", "canis", "dog", (), False), (2, "v", "felis", "cat", (), False)]


@pytest.mark.parametrize("separator", [",", ";", "\t", "|"])
def test_separator_is_sniffed(tmp_path: Path, separator: str) -> None:
    text = f'question{separator}answer\n"a{separator}b"{separator}c\nd{separator}e\n'
    path = write(tmp_path, "s.txt", text)
    assert [(q, a) for _l, _d, q, a, _t, _r in cards(path)] == [(f"a{separator}b", "c"), ("d", "e")]


def test_quoted_newlines_keep_row_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "q.csv", 'front;back\n"two\nlines";"x; y"\nnext;one\n')
    assert cards(path) == [
        (2, "q", "two\nlines", "x; y", (), False),
        (4, "q", "next", "one", (), False),
    ]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_unicode_encodings(tmp_path: Path, encoding: str) -> None:
    path = write(tmp_path, "u.csv", "front,back\nÄrger,anger\n東京,Tokyo\n", encoding)
    assert [(q, a) for _l, _d, q, a, _t, _r in cards(path)] == [
        ("Ärger", "anger"),
        ("東京", "Tokyo"),
    ]


def test_cp1252_falls_back_with_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path, "w.csv", "front,back\ncafé,coffee\n", "cp1252")
    warnings: list[str] = []
    batch = read_notes(path, ImportOptions(), warnings.append)
    assert [(n.question, n.answer) for n in batch.notes] == [("café", "coffee")]
    assert warnings == [f"{path}:2: not valid UTF-8; read as cp1252"]


def test_tsv_extension_means_tabs(tmp_path: Path) -> None:
    path = write(tmp_path, "t.tsv", "a,b\tc,d\n")
    assert [(q, a) for _l, _d, q, a, _t, _r in cards(path)] == [("a,b", "c,d")]


def test_anki_text_headers(tmp_path: Path) -> None:
    text = (
        "#separator:Pipe\n#html:true\n#tags:imported\n#notetype column:2\n#deck column:3\n"
        "#guid column:1\n#tags column:6\n"
        "g1|Basic|Geo::Europe|Capital of <b>France</b>?|Paris<br>city &amp; river|eu\n"
        "g2|Basic (and reversed card)|Words|dog|Hund|\n"
        "g3|Cloze|Words|{{c1::Berlin}} is in {{c2::Germany}}|extra|\n"
    )
    path = write(tmp_path, "anki.txt", text)
    assert detect_format(path, ImportOptions()) == "anki-text"
    batch = read_notes(path, ImportOptions())
    got = [(n.guid, n.deck, n.kind, n.question, n.answer, n.tags, n.reverse) for n in batch.notes]
    assert got == [
        ("g1", "Geo::Europe", "basic", "Capital of France?", "Paris\ncity & river",
         ("imported", "eu"), False),
        ("g2", "Words", "basic", "dog", "Hund", ("imported",), True),
        ("g3-c1", "Words", "cloze", "[...] is in Germany", "Berlin", ("imported",), False),
        ("g3-c2", "Words", "cloze", "Berlin is in [...]", "Germany", ("imported",), False),
    ]  # fmt: skip


def test_anki_columns_header_and_deck_header(tmp_path: Path) -> None:
    text = "#separator:tab\n#deck:Vocab\n#columns:Back\tFront\tTags\nHund\tdog\tanimal\n"
    path = write(tmp_path, "a.txt", text)
    assert cards(path) == [(4, "Vocab", "dog", "Hund", ("animal",), False)]


def test_deck_column_creates_and_fills_decks(store: Store, now: datetime, tmp_path: Path) -> None:
    text = "#separator:comma\n#deck column:1\nA,q1,a1\nB,q2,a2\nA,q3,a3\n"
    path = write(tmp_path, "d.txt", text)
    name, report = import_file(store, path, now)
    assert name == "A, B"
    assert [(c.deck.name, c.total) for c in store.deck_counts(now)] == [("A", 2), ("B", 1)]
    assert report.added == 3


def test_guid_column_makes_reimport_update(store: Store, now: datetime, tmp_path: Path) -> None:
    path = write(tmp_path, "g.txt", "#guid column:1\n#separator:comma\nid-1,old question,a\n")
    import_file(store, path, now)
    path.write_text("#guid column:1\n#separator:comma\nid-1,new question,a\n")
    _name, report = import_file(store, path, now)
    assert (report.added, report.updated, report.unchanged) == (0, 1, 0)
    rows = store.db.execute("SELECT guid, question FROM notes").fetchall()
    assert rows == [("id-1", "new question")]


def test_reimport_matches_first_field_and_keeps_history(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    path = write(tmp_path, "h.csv", "front,back\ncanis,dog\nfelis,cat\n")
    import_file(store, path, now)
    card = store.deck_cards(store.deck("h"))[0]
    from quizkit.models import CardState, Rating, Review

    store.record_review(
        card, Review(card.id, now, Rating.GOOD, "dog", True, 1500, CardState.NEW, None)
    )
    path.write_text("front,back\ncanis,hound\nfelis,cat\nursus,bear\n")
    _name, report = import_file(store, path, now)
    assert (report.added, report.updated, report.unchanged) == (1, 1, 1)
    assert len(store.reviews_of(card.id)) == 1
    assert store.deck_cards(store.deck("h"))[0].answer == "hound"
    guid = store.db.execute("SELECT guid FROM notes WHERE question = 'canis'").fetchone()[0]
    assert guid == content_guid("h", "canis")


def test_bad_row_fails_whole_file_with_row_number(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    path = write(tmp_path, "b.csv", "front,back\nok,fine\nlonely\n,no front\n")
    with pytest.raises(InputError) as error:
        import_file(store, path, now)
    assert str(error.value) == f"{path}:3: empty back"
    assert store.decks() == []


def test_skip_bad_imports_good_rows_and_lists_bad_ones(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "b.csv", "front,back\nok,fine\nlonely\n,no front\nok,again\n")
    result = runner.invoke(cli, ["import", "--skip-bad", str(path)])
    assert result.exit_code == 0
    assert result.output == (
        f"{path}: deck 'b': 1 added, 0 updated, 0 unchanged, 3 skipped\n"
        f"  skipped {path}:3: empty back\n"
        f"  skipped {path}:4: empty front\n"
        f"  skipped {path}:5: same front as the note at line 2\n"
    )


def test_formulas_are_stored_as_plain_text(store: Store, now: datetime, tmp_path: Path) -> None:
    path = write(tmp_path, "f.csv", 'front,back\n"=HYPERLINK(""http://x"",""y"")",@SUM(A1)\n')
    import_file(store, path, now)
    row = store.db.execute("SELECT question, answer FROM notes").fetchone()
    assert row == ('=HYPERLINK("http://x","y")', "@SUM(A1)")


def test_a_million_columns_is_refused(store: Store, now: datetime, tmp_path: Path) -> None:
    path = write(tmp_path, "wide.csv", "a,b\n" + "," * 999_999 + "\n")
    with pytest.raises(InputError) as error:
        import_file(store, path, now)
    assert str(error.value) == f"{path}:2: 1000000 columns (at most 1000)"


def test_a_50_mb_field_is_refused(store: Store, now: datetime, tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text('front,back\nq,"' + "x" * (50 << 20) + '"\n')
    with pytest.raises(InputError) as error:
        import_file(store, path, now)
    assert str(error.value) == (
        f"{path}:2: cannot read the row: field larger than field limit (131072)"
    )
    assert store.decks() == []


def test_invalid_utf8_that_is_not_cp1252_either(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"front,back\nq,\x81\x8d\n")
    with pytest.raises(InputError) as error:
        import_file(store, path, now)
    assert str(error.value) == f"{path}:2: not valid UTF-8 or cp1252 text"


@pytest.mark.parametrize(
    ("separator", "row_separator", "text"),
    [
        ("\t", "\n", "canis\tdog\nfelis\tcat\n"),
        (",", ";", "canis,dog;felis,cat;"),
        (" - ", "\n\n", "canis - dog\n\nfelis - cat"),
    ],
)
def test_quizlet_separators(tmp_path: Path, separator: str, row_separator: str, text: str) -> None:
    path = write(tmp_path, "quizlet.txt", text)
    options = ImportOptions(separator=separator, row_separator=row_separator)
    assert [(q, a) for _l, _d, q, a, _t, _r in cards(path, options)] == [
        ("canis", "dog"),
        ("felis", "cat"),
    ]


def test_quizlet_from_the_command_line_with_escapes(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "ql.txt", "canis\tdog|felis\tcat|oops")
    result = runner.invoke(
        cli, ["import", "--separator", "\\t", "--row-separator", "|", "--skip-bad", str(path)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"{path}: deck 'ql': 2 added, 0 updated, 0 unchanged, 1 skipped\n"
        f"  skipped {path}:1: no separator '\\t' between term and definition\n"
    )


def test_deck_option_names_the_deck(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "a,b\n")
    result = runner.invoke(cli, ["import", "--deck", "Chosen", str(path)])
    assert result.output == f"{path}: deck 'Chosen': 1 added, 0 updated, 0 unchanged, 0 skipped\n"
    shown = json.loads(runner.invoke(cli, ["show", "Chosen", "--json"]).output)["cards"]
    assert [(c["question"], c["answer"]) for c in shown] == [("a", "b")]


def test_pictures_named_in_html_text_are_not_kept_without_the_file(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    path = write(tmp_path, "p.txt", '#separator:tab\n#html:true\nq <img src="x.png">\ta\n')
    import_file(store, path, now)
    assert store.db.execute("SELECT question, extra FROM notes").fetchall() == [("q", "{}")]


def test_separator_option_on_a_csv_file_keeps_csv_quoting(tmp_path: Path) -> None:
    path = write(tmp_path, "s.csv", 'front:back\n"a:b":c\n')
    options = ImportOptions(separator=":")
    assert detect_format(path, options) == "csv"
    assert [(q, a) for _l, _d, q, a, _t, _r in cards(path, options)] == [("a:b", "c")]
    assert detect_format(tmp_path / "s.txt", options) == "quizlet"


@pytest.mark.parametrize("header", ["front,back,tags\n", "#separator:comma\n#tags column:3\n"])
def test_guarded_tags_cell_is_unguarded(tmp_path: Path, header: str) -> None:
    path = write(tmp_path, "t.csv", header + "q,a,'-minus plus\n")
    assert [t for _l, _d, _q, _a, t, _r in cards(path)] == [("-minus", "plus")]
