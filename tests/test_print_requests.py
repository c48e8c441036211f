"""What a teacher asks of `quizkit print`: keys where they belong, sources that name the
article, unknown filters refused, and a warning before a huge handout."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.errors import HandoutError, LargeHandout
from quizkit.handouts import HandoutOptions, build_handout
from quizkit.models import DeckInfo, Note, PrintNote, SourceRef
from quizkit.store import Store

DECK = "Gates"


def notes(count: int) -> list[PrintNote]:
    return [
        PrintNote(
            n,
            f"Which code word opens gate {n}?",
            f"Code {n}",
            kind="date" if n % 2 else "basic",
            tags=("gates",),
            sources=(SourceRef("gate-log", n), SourceRef("  ")),
        )
        for n in range(1, count + 1)
    ]


def test_flashcards_have_no_key_unless_asked() -> None:
    assert build_handout(DECK, notes(3), HandoutOptions(layout="flashcards")).key == "none"
    asked = HandoutOptions(layout="flashcards", key="end")
    assert build_handout(DECK, notes(3), asked).key == "end"
    assert build_handout(DECK, notes(3), HandoutOptions()).key == "end"


def test_key_sources_name_the_article_and_sentence() -> None:
    titles = {"gate-log": "Gate codes changed at dawn"}
    plain = build_handout(DECK, notes(2), HandoutOptions(sources=True))
    titled = build_handout(DECK, notes(2), HandoutOptions(sources=True, source_titles=titles))
    # a reference naming no article is left out
    assert [k.sources for k in plain.versions[0].key] == [
        ("gate-log, sentence 1",),
        ("gate-log, sentence 2",),
    ]
    assert titled.versions[0].key[1].sources == (
        "Gate codes changed at dawn (gate-log), sentence 2",
    )


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            HandoutOptions(kinds=("date", "dates")),
            "deck 'Gates': no notes of kind dates (kinds: basic, date)",
        ),
        (
            HandoutOptions(tags=("gates", "gaets")),
            "deck 'Gates': no notes with tag gaets (tags: gates)",
        ),
    ],
)
def test_an_unknown_kind_or_tag_is_an_error(options: HandoutOptions, message: str) -> None:
    with pytest.raises(HandoutError) as raised:
        build_handout(DECK, notes(4), options)
    assert str(raised.value) == message


def test_more_than_the_limit_is_refused_until_confirmed() -> None:
    with pytest.raises(LargeHandout) as raised:
        build_handout(DECK, notes(12), HandoutOptions(max_questions=10))
    assert str(raised.value) == (
        "deck 'Gates': 12 questions is more than 10 for one handout; "
        "pass --yes to print them all, or --limit N"
    )
    assert build_handout(DECK, notes(12), HandoutOptions(max_questions=10, limit=10))


def test_print_asks_for_yes_above_500_questions(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    many = [Note(f"Which code opens gate {n}?", f"Code {n}", f"g{n}") for n in range(501)]
    store.upsert_notes(store.ensure_deck(DeckInfo(DECK), now), many, now)
    store.close()
    runner = CliRunner()
    out = tmp_path / "gates.html"
    refused = runner.invoke(cli, ["print", DECK, "--seed", "1", "-o", str(out)])
    assert (refused.exit_code, refused.output) == (
        1,
        "Error: deck 'Gates': 501 questions is more than 500 for one handout; "
        "pass --yes to print them all, or --limit N\n",
    )
    assert not out.exists()
    limited = runner.invoke(cli, ["print", DECK, "--seed", "1", "--limit", "500", "-o", str(out)])
    assert limited.exit_code == 0, limited.output
    confirmed = runner.invoke(cli, ["print", DECK, "--seed", "1", "--yes", "-o", str(out)])
    assert confirmed.exit_code == 0, confirmed.output
    assert "501 questions in worksheet form" in confirmed.output


def test_export_html_asks_for_yes_above_500_questions(
    store: Store, now: datetime, tmp_path: Path
) -> None:
    many = [Note(f"Which code opens gate {n}?", f"Code {n}", f"g{n}") for n in range(501)]
    store.upsert_notes(store.ensure_deck(DeckInfo(DECK), now), many, now)
    store.close()
    runner = CliRunner()
    out = tmp_path / "gates.html"
    refused = runner.invoke(cli, ["export", DECK, "--format", "html", "-o", str(out)])
    assert refused.exit_code == 1
    assert "501 questions is more than 500 for one handout; pass --yes" in refused.output
    assert not out.exists()
    confirmed = runner.invoke(cli, ["export", DECK, "--format", "html", "--yes", "-o", str(out)])
    assert confirmed.exit_code == 0, confirmed.output
    assert out.read_text(encoding="utf-8").count("Which code opens gate") >= 501


def test_a_separate_key_file_is_paged_for_duplex_too() -> None:
    from quizkit.exporters.html import render_handout

    options = HandoutOptions(versions=2, seed=5, key="separate")
    rendered = render_handout(build_handout(DECK, notes(30), options))
    assert rendered.key_html is not None
    assert 'style="page: vA-1"' in rendered.html and 'style="page: kA-1"' not in rendered.html
    assert (
        'style="page: kA-1"' in rendered.key_html and 'style="page: vA-1"' not in rendered.key_html
    )
    assert 'style="page: kB-1"' in rendered.key_html


def test_duplex_puts_a_blank_page_after_a_part_ending_on_a_front_page() -> None:
    from quizkit.exporters.pages import BLANK, Page, duplex

    def part(name: str, count: int) -> list[Page]:
        return [Page(f"{name}-{n}", name, n, count, n == 1) for n in range(1, count + 1)]

    pages = duplex([part("a", 3), part("b", 2), part("c", 1), part("d", 1)])
    assert [p.name for p in pages] == [
        "a-1",
        "a-2",
        "a-3",
        "blank",
        "b-1",
        "b-2",
        "c-1",
        "blank",
        "d-1",
    ]
    assert pages[3] is BLANK
