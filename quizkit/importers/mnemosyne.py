"""Mnemosyne: 1.x XML exports (`<mnemosyne><item><cat/><Q/><A/></item>`) and 2.x databases
(the `cards` table, whose question and answer are HTML, with tags).

XML with a DOCTYPE is refused, so no entity expansion (billion laughs) or external entity
can happen; a database is opened as importers/sqlitefile.py describes."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from quizkit.errors import InputError
from quizkit.importers import (
    ImportBatch,
    ImportOptions,
    Problems,
    Warn,
    dedupe,
    default_deck_name,
)
from quizkit.importers.ankihtml import html_to_text
from quizkit.importers.sqlitefile import Budget, check_tables, open_untrusted, unreadable
from quizkit.models import DeckInfo, Note, content_guid
from quizkit.textfile import read_capped, read_head, read_text

MAX_DATABASE_BYTES = 512 << 20


def read_mnemosyne(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    if read_head(path, 16) == b"SQLite format 3\x00":
        return _read_database(path, options)
    return _read_xml(path, options, warn)


def _read_xml(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    import xml.etree.ElementTree as ElementTree

    text = read_text(path, warn)
    where = str(path)
    if "<!DOCTYPE" in text or "<!ENTITY" in text:
        raise InputError(where, "XML with a DOCTYPE or entities is not accepted")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        raise InputError(where, f"invalid XML: {error.msg}", error.position[0]) from None
    if root.tag != "mnemosyne":
        raise InputError(where, f"not a Mnemosyne export (root element <{root.tag}>)", 1)
    deck_name = default_deck_name(path, options)
    problems = Problems(where, options.skip_bad)
    notes = []
    for index, item in enumerate(root.iter("item"), 1):
        question = html_to_text(item.findtext("Q") or "").text
        answer = html_to_text(item.findtext("A") or "").text
        category = (item.findtext("cat") or "").strip()
        at = f"item {item.get('id') or index}"
        if not question:
            problems.bad("item has no question", at=at)
            continue
        if not answer:
            problems.bad("item has no answer", at=at)
            continue
        notes.append(
            Note(
                question=question,
                answer=answer,
                guid=content_guid(deck_name, question),
                deck=deck_name,
                tags=(category,) if category and category != "<default>" else (),
            )
        )
    notes = dedupe(notes, problems, "same question as another item")
    return ImportBatch(DeckInfo(deck_name), notes, problems.skipped)


def _read_database(path: Path, options: ImportOptions) -> ImportBatch:
    where = str(path)
    what = "a Mnemosyne database"
    conn = open_untrusted(bytearray(read_capped(path, MAX_DATABASE_BYTES, "database")), where, what)
    budget = Budget(where)
    try:
        check_tables(conn, ("cards", "tags", "tags_for_card"), where, what)
        tags: dict[int, list[str]] = {}
        for card, name in conn.execute(
            """SELECT t._card_id, g.name FROM tags_for_card t JOIN tags g ON g._id = t._tag_id
               ORDER BY g.name"""
        ):
            budget.take(name)
            if isinstance(name, str) and name and name != "__UNTAGGED__":
                tags.setdefault(card, []).append(name)
        rows = []
        for row in conn.execute("SELECT _id, id, question, answer FROM cards ORDER BY _id"):
            budget.take(*row)
            rows.append(row)
    except sqlite3.DatabaseError as error:
        raise unreadable(error, where, f"not {what}", conn) from None
    finally:
        conn.close()
    deck_name = default_deck_name(path, options)
    problems = Problems(where, options.skip_bad)
    notes = []
    for row_id, card_id, question_html, answer_html in rows:
        question = html_to_text(question_html if isinstance(question_html, str) else "").text
        answer = html_to_text(answer_html if isinstance(answer_html, str) else "").text
        if not isinstance(card_id, str | int) or isinstance(card_id, bool):
            problems.bad("card id is not text", at=f"card row {row_id}")
            continue
        if not question or not answer:
            problems.bad("card has no question or no answer", at=f"card {card_id}")
            continue
        notes.append(
            Note(
                question=question,
                answer=answer,
                guid=f"mnemosyne-{card_id}",
                deck=deck_name,
                tags=tuple(tags.get(row_id, ())),
            )
        )
    return ImportBatch(DeckInfo(deck_name), dedupe(notes, problems), problems.skipped)
