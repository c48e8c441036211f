"""Staged notes are packed several to a row (Store._stage) and unpacked by SQL: every note
comes back once, in file order, whatever the count, and is written in that order."""

from __future__ import annotations

from datetime import datetime

import pytest

from quizkit.models import Note
from quizkit.store import BULK_BATCH, PACKED, Store


def notes(count: int) -> list[Note]:
    return [
        Note(
            f"Who signed treaty {i}?",
            f"Envoy {i}",
            f"guid-{i:06d}",
            "Treaties",
            tags=("treaty", f"year{i % 4}"),
            kind="basic" if i % 3 else "person",
        )
        for i in range(count)
    ]


@pytest.mark.parametrize(
    "count", [1, PACKED - 1, PACKED, PACKED + 1, BULK_BATCH + 3, 2 * BULK_BATCH + PACKED]
)
def test_staged_notes_come_back_in_file_order(store: Store, now: datetime, count: int) -> None:
    given = notes(count)
    store.stage_notes(given)
    rows = store.conn.execute(
        "SELECT position, guid, question, tags FROM temp.staged_notes ORDER BY prow, slot"
    ).fetchall()
    tags = [f'["treaty", "year{i % 4}"]' for i in range(count)]
    assert rows == [(i + 1, n.guid, n.question, tags[i]) for i, n in enumerate(given)]
    deck = store.deck_for_import("Treaties", now)
    with store.transaction():
        report = store.write_staged(deck, now)
    assert report.added == count
    stored = store.conn.execute("SELECT guid, kind FROM notes ORDER BY id").fetchall()
    assert stored == [(n.guid, n.kind) for n in given]
    # nothing of the staging is left behind
    left = store.conn.execute(
        "SELECT name FROM temp.sqlite_master WHERE name LIKE 'staged%'"
    ).fetchall()
    assert left == []
