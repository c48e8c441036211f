"""The bulk upsert keeps the old semantics; media lookups; a real Anki's packages; progress."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime
from pathlib import Path

import pytest

from quizkit.errors import UnknownNote
from quizkit.importers import guid_maker
from quizkit.importing import import_file
from quizkit.models import CardState, DeckInfo, Note, Rating, Review, SourceRef, content_guid
from quizkit.store import Store


def note(guid: str, question: str = "q", **fields: object) -> Note:
    return Note(question=question, answer=fields.pop("answer", "a"), guid=guid, **fields)  # type: ignore[arg-type]


def test_added_updated_unchanged_and_cards(store: Store, now: datetime) -> None:
    deck = store.ensure_deck(DeckInfo("D"), now)
    first = store.upsert_notes(deck, [note("a"), note("b", reverse=True)], now)
    assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
    second = store.upsert_notes(deck, [note("a"), note("b", answer="new", reverse=True)], now)
    assert (second.added, second.updated, second.unchanged) == (0, 1, 1)
    ords = store.db.execute(
        "SELECT n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY 1, 2"
    ).fetchall()
    assert ords == [("a", 0), ("b", 0), ("b", 1)]


def test_dropping_reverse_removes_that_card_and_its_reviews_only(
    store: Store, now: datetime
) -> None:
    deck = store.ensure_deck(DeckInfo("D"), now)
    store.upsert_notes(deck, [note("b", reverse=True)], now)
    forward, backward = store.deck_cards(deck)
    for card in (forward, backward):
        store.record_review(
            card, Review(card.id, now, Rating.GOOD, None, None, None, CardState.NEW, None)
        )
    store.upsert_notes(deck, [note("b", reverse=False)], now)
    assert [c.id for c in store.deck_cards(deck)] == [forward.id]
    assert len(store.reviews_of(forward.id)) == 1
    assert store.reviews_of(backward.id) == []


def test_note_moving_deck_takes_its_cards(store: Store, now: datetime) -> None:
    deck = store.ensure_deck(DeckInfo("D"), now)
    store.upsert_notes(deck, [note("a")], now)
    store.upsert_notes(deck, [note("a", deck="Other")], now)
    assert store.deck_cards(deck) == []
    assert [c.question for c in store.deck_cards(store.deck("Other"))] == ["q"]


def test_sources_are_linked_and_relinked(store: Store, now: datetime) -> None:
    deck = store.ensure_deck(DeckInfo("D"), now)
    store.upsert_notes(deck, [note("a", sources=(SourceRef("x"), SourceRef("y", 2)))], now)
    store.upsert_notes(deck, [note("a", sources=(SourceRef("y"),))], now)
    linked = store.db.execute(
        """SELECT s.name FROM note_sources ns JOIN sources s ON s.id = ns.source_id"""
    ).fetchall()
    assert linked == [("y",)]


def test_deck_for_import_keeps_existing_settings(store: Store, now: datetime) -> None:
    store.ensure_deck(DeckInfo("D", "described", 0.8), now)
    deck = store.deck_for_import("D", now)
    assert (deck.description, deck.desired_retention) == ("described", 0.8)


def test_media_file_refuses_unknown_and_path_like_names(store: Store, now: datetime) -> None:
    with store.transaction():
        store.add_media("0123456789abcdef.png", "a.png", b"x", now)
    assert store.media_file("0123456789abcdef.png").read_bytes() == b"x"
    for name in ("../quizkit.db", "fedcba9876543210.png"):
        with pytest.raises(UnknownNote):
            store.media_file(name)
    with pytest.raises(ValueError):
        store.add_media("../evil", "x", b"", now)


def test_guid_maker_matches_content_guid() -> None:
    for deck, front in [("Déjà vu", "  Ça  VA? "), ("d", "plain ascii"), ("", "東京")]:
        assert guid_maker(deck)(front) == content_guid(deck, front)


def test_package_written_by_anki_itself(store: Store, now: datetime, tmp_path: Path) -> None:
    collection_module = pytest.importorskip("anki.collection")
    for legacy in (False, True):
        folder = tempfile.mkdtemp(dir=tmp_path)
        col = collection_module.Collection(os.path.join(folder, "c.anki2"))
        try:
            deck_id = col.decks.id("Geo::Europe")
            basic = col.new_note(col.models.by_name("Basic (and reversed card)"))
            basic["Front"], basic["Back"] = "Capital of <b>France</b>?", "Paris<br>&amp; more"
            basic.tags = ["geo"]
            col.add_note(basic, deck_id)
            cloze = col.new_note(col.models.by_name("Cloze"))
            cloze["Text"] = "{{c1::Berlin}} is in {{c2::Germany}}"
            col.add_note(cloze, deck_id)
            out = tmp_path / f"anki-{legacy}.apkg"
            options = collection_module.ExportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=False, with_media=True, legacy=legacy
            )
            col.export_anki_package(out_path=str(out), options=options, limit=None)
        finally:
            col.close()
        _name, report = import_file(store, out, now)
        assert (report.added, report.skipped) == (3, [])  # each collection has its own guids
    notes = store.deck_notes(store.deck("Geo::Europe"))
    assert len(notes) == 6
    got = sorted({(n.question, n.answer, n.tags, n.reverse, n.kind) for n in notes})
    assert got == [
        ("Berlin is in [...]", "Germany", (), False, "cloze"),
        ("Capital of France?", "Paris\n& more", ("geo",), True, "basic"),
        ("[...] is in Germany", "Berlin", (), False, "cloze"),
    ]


def test_media_migration_upgrades_a_database_made_before_it(tmp_path: Path, now: datetime) -> None:
    from sqlite_utils import Database

    from quizkit.migrations import migrations

    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m002_transfer_media")
    old.execute("INSERT INTO decks (name, created) VALUES ('Kept', '2022-01-01')")
    old.conn.commit()
    old.close()
    upgraded = Store.open(path)
    try:
        assert "media" in upgraded.db.table_names()
        assert [d.name for d in upgraded.decks()] == ["Kept"]
        with upgraded.transaction():
            upgraded.add_media("0123456789abcdef", "a", b"x", now)
        assert upgraded.media_file("0123456789abcdef").read_bytes() == b"x"
    finally:
        upgraded.close()


def test_notes_in_plain_text_written_by_anki(store: Store, now: datetime, tmp_path: Path) -> None:
    collection_module = pytest.importorskip("anki.collection")
    col = collection_module.Collection(str(tmp_path / "c.anki2"))
    try:
        reversed_type = col.models.by_name("Basic (and reversed card)")
        note_ = col.new_note(reversed_type)
        note_["Front"], note_["Back"] = 'Capital, "of" <b>France</b>?', "Paris<br>line2"
        note_.tags = ["geo", "eu"]
        col.add_note(note_, col.decks.id("Geo::Europe"))
        cloze = col.new_note(col.models.by_name("Cloze"))
        cloze["Text"], cloze["Back Extra"] = "{{c1::Berlin}} is in {{c2::Germany}}", "x"
        col.add_note(cloze, col.decks.id("Other"))
        out = tmp_path / "notes.txt"
        col.export_note_csv(
            out_path=str(out),
            limit=None,
            with_html=True,
            with_tags=True,
            with_deck=True,
            with_notetype=True,
            with_guid=True,
        )
        basic_guid, cloze_guid = note_.guid, cloze.guid
    finally:
        col.close()
    name, report = import_file(store, out, now)
    assert (name, report.added) == ("Geo::Europe, Other", 3)
    got = sorted(
        (n.deck, n.question, n.answer, n.tags, n.reverse, n.kind)
        for deck in store.decks()
        for n in store.deck_notes(deck)
    )
    assert got == [
        ("Geo::Europe", 'Capital, "of" France?', "Paris\nline2", ("eu", "geo"), True, "basic"),
        ("Other", "Berlin is in [...]", "Germany", (), False, "cloze"),
        ("Other", "[...] is in Germany", "Berlin", (), False, "cloze"),
    ]
    stored_guids = {row[0] for row in store.db.execute("SELECT guid FROM notes")}
    assert stored_guids == {basic_guid, f"{cloze_guid}-c1", f"{cloze_guid}-c2"}
    _name, again = import_file(store, out, now)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 3)


def test_unwritable_media_folder_is_a_clear_error(store: Store, now: datetime) -> None:
    from quizkit.errors import StoreError

    store.media_dir.write_text("a file where the folder should be")
    with pytest.raises(StoreError) as error, store.transaction():
        store.add_media("0123456789abcdef.png", "a.png", b"x", now)
    assert str(error.value).startswith(
        f"{store.media_dir / '0123456789abcdef.png'}: cannot write: "
    )
    assert store.db.execute("SELECT COUNT(*) FROM media").fetchone()[0] == 0


def test_ascii_fast_path_of_fold_for_id_folds_as_before() -> None:
    import unicodedata

    from quizkit.models import fold_for_id

    def before(text: str) -> str:
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
        return " ".join(text.split())

    every_ascii = "".join(chr(i) for i in range(128))
    for text in (every_ascii, "  What IS\tthe  Capital?\n", "A\x1fB\x1cC", ""):
        assert fold_for_id(text) == before(text)


def test_new_cards_are_numbered_note_by_note(store: Store, now: datetime) -> None:
    """The study order of new cards (by id) is the notes' order, each reverse card right
    after its forward card, as when notes were added one at a time."""
    deck = store.ensure_deck(DeckInfo("D"), now)
    store.upsert_notes(deck, [note("a", reverse=True), note("b"), note("c", reverse=True)], now)
    rows = store.db.execute(
        "SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY c.id"
    ).fetchall()
    assert rows == [(1, "a", 0), (2, "a", 1), (3, "b", 0), (4, "c", 0), (5, "c", 1)]


def test_new_cards_without_reverse_follow_the_notes(store: Store, now: datetime) -> None:
    deck = store.ensure_deck(DeckInfo("D"), now)
    store.upsert_notes(deck, [note("x", reverse=True)], now)
    store.upsert_notes(deck, [note("c"), note("a"), note("b")], now)
    rows = store.db.execute(
        "SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.note_id ORDER BY c.id"
    ).fetchall()
    assert rows == [(1, "x", 0), (2, "x", 1), (3, "c", 0), (4, "a", 0), (5, "b", 0)]
