"""A deck as an Anki package (.apkg) that Anki opens: genanki writes the collection.

Two note types of quizkit's own keep what Anki's Basic would drop: besides Front and Back
they carry Alternatives, Distractors and Sources, one per line, which quizkit reads back.
"""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from quizkit.exporters.delimited import anki_tag
from quizkit.models import (
    SOUND_SUFFIXES,
    CardHistory,
    CardState,
    DeckInfo,
    Note,
    Rating,
    media_on_side,
)

FIELDS = ["Front", "Back", "Alternatives", "Distractors", "Sources"]
CSS = ".card { font-family: sans-serif; font-size: 20px; text-align: center; }"
FORWARD = {
    "name": "Card 1",
    "qfmt": "{{Front}}",
    "afmt": '{{FrontSide}}<hr id="answer">{{Back}}',
}
BACKWARD = {
    "name": "Card 2",
    "qfmt": "{{Back}}",
    "afmt": '{{FrontSide}}<hr id="answer">{{Front}}',
}


def stable_id(text: str) -> int:
    """An Anki id (a positive 63-bit number) that is the same for the same name."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16) + (1 << 40)


def field_html(text: str) -> str:
    """Plain text as an Anki field: escaped, line breaks as <br>."""
    return html.escape(text, quote=False).replace("\n", "<br>")


def media_ref(name: str) -> str:
    """How an Anki field shows a kept file: a sound tag, or a picture."""
    if name.endswith(SOUND_SUFFIXES):
        return f"[sound:{name}]"
    return f'<img src="{html.escape(name)}">'


def write_apkg(
    deck: DeckInfo,
    notes: list[Note],
    path: Path,
    now: datetime,
    media_file: Callable[[str], Path],
    histories: Sequence[CardHistory] = (),
) -> None:
    """Write the notes, their media and, from `histories`, each card's schedule and log."""
    import genanki

    models = {
        reverse: genanki.Model(
            stable_id(f"quizkit model {reverse}"),
            "quizkit Basic (and reversed card)" if reverse else "quizkit Basic",
            fields=[{"name": name} for name in FIELDS],
            templates=[FORWARD, BACKWARD] if reverse else [FORWARD],
            css=CSS,
        )
        for reverse in (False, True)
    }
    decks: dict[str, genanki.Deck] = {}
    media: dict[str, Path] = {}
    for note in notes:
        name = note.deck or deck.name
        if name not in decks:
            decks[name] = genanki.Deck(stable_id(f"quizkit deck {name}"), name)
        front, back = field_html(note.question), field_html(note.answer)
        on_front = media_on_side(note.extra, front=True)
        for kept in note.extra.get("media", []):
            media[kept] = media_file(kept)
            if kept in on_front:
                front += media_ref(kept)
            else:
                back += media_ref(kept)
        sources = [
            s.document if s.sentence is None else f"{s.document}, sentence {s.sentence}"
            for s in note.sources
        ]
        fields = [
            front,
            back,
            "<br>".join(field_html(a) for a in note.alternatives),
            "<br>".join(field_html(d) for d in note.distractors),
            "<br>".join(field_html(s) for s in sources),
        ]
        decks[name].add_note(
            genanki.Note(
                model=models[note.reverse],
                fields=fields,
                tags=[anki_tag(t) for t in note.tags],
                guid=note.guid,
            )
        )
    package = genanki.Package(
        list(decks.values()) or [genanki.Deck(stable_id(deck.name), deck.name)]
    )
    _write_package(package, path, now, media, histories, deck.desired_retention)


def _write_package(
    package: Any,
    path: Path,
    now: datetime,
    media: dict[str, Path],
    histories: Sequence[CardHistory],
    retention: float,
) -> None:
    """genanki's write_to_file, plus the schedule, and its temporary collection removed."""
    timestamp = now.timestamp()
    with tempfile.TemporaryDirectory(prefix="quizkit-apkg-") as folder:
        collection = Path(folder) / "collection.anki2"
        conn = sqlite3.connect(collection)
        try:
            cursor = conn.cursor()
            package.write_to_db(cursor, timestamp, itertools.count(int(timestamp * 1000)))
            write_schedule(conn, histories, retention)
            conn.commit()
        finally:
            conn.close()
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.write(collection, "collection.anki2")
            names = sorted(media)
            archive.writestr("media", json.dumps({str(i): n for i, n in enumerate(names)}))
            for index, name in enumerate(names):
                archive.write(media[name], str(index))


# the schedule -------------------------------------------------------------
# Anki's columns (schema 11): cards.type 0 new, 1 learning, 2 review, 3 relearning; queue -1
# suspended, 0 new, 1 (re)learning with due a Unix time, 2 review with due a day number
# counted from col.crt; ivl in days; factor the ease in permille; left the learning steps to
# go; data the FSRS memory state {"s", "d", "dr", "decay", "lrt"}. revlog: id the answer's
# time in ms, ease 1-4, ivl/lastIvl days (negative: seconds), factor (FSRS: 100 + difficulty
# as per mille of its 1-10 range), time in ms, type 0 learn, 1 review, 2 relearn.

ANKI_TYPE = {state: int(state) for state in CardState}
REVLOG_TYPE = {
    CardState.NEW: 0,
    CardState.LEARNING: 0,
    CardState.REVIEW: 1,
    CardState.RELEARNING: 2,
}
DEFAULT_EASE = 2500
DAY_S = 86400
ROLLOVER = timedelta(hours=4)


def anki_day(moment: datetime, crt: int) -> int:
    """A review card's due day as Anki counts it: days since the collection's creation date,
    each day starting at Anki's default rollover hour."""
    created = datetime.fromtimestamp(crt, UTC) - ROLLOVER
    return ((moment.astimezone(UTC) - ROLLOVER).date() - created.date()).days


def write_schedule(
    conn: sqlite3.Connection, histories: Sequence[CardHistory], retention: float
) -> None:
    """Give genanki's new cards the learner's states and add their review log."""
    from quizkit.scheduler import decay, make_scheduler, replay, steps_left

    crt, conf = conn.execute("SELECT crt, conf FROM col").fetchone()
    # genanki's collection names no scheduler, which Anki takes for its first one and then
    # reads a learning card's Good (3 of 3 buttons there) as Easy; quizkit's log is v2 and on.
    conn.execute("UPDATE col SET conf = ?", [json.dumps({**json.loads(conf), "schedVer": 2})])
    if not histories:
        return
    scheduler = make_scheduler(retention)
    cards = {
        (guid, ord_): cid
        for cid, guid, ord_ in conn.execute(
            "SELECT c.id, n.guid, c.ord FROM cards c JOIN notes n ON n.id = c.nid"
        )
    }
    used_ids: set[int] = set()
    for history in histories:
        cid = cards.get((history.guid, history.ord))
        if cid is None:
            continue
        reviews = history.reviews
        lapses = sum(
            1 for r in reviews if r.rating == Rating.AGAIN and r.state_before == CardState.REVIEW
        )
        state = history.state
        queue, due, ivl, left = 0, None, 0, 0
        if state == CardState.REVIEW:
            queue = 2
            due = anki_day(history.due, crt)
            if history.last_review is not None:
                ivl = max(1, round((history.due - history.last_review).total_seconds() / DAY_S))
        elif state in (CardState.LEARNING, CardState.RELEARNING):
            queue, due = 1, int(history.due.timestamp())
            left = steps_left(scheduler, state, history.step)
            left += 1000 * left  # Anki counts the steps left today in the thousands
            if state == CardState.RELEARNING:
                ivl = max(1, round(history.stability or 1))
        if history.suspended:
            queue = -1
        data: dict[str, float | int] = {}
        if history.stability is not None and history.difficulty is not None:
            data = {
                "s": round(history.stability, 4),
                "d": round(history.difficulty, 3),
                "dr": round(retention, 2),
                "decay": round(decay(scheduler), 4),
            }
            if history.last_review is not None:
                data["lrt"] = int(history.last_review.timestamp())
        conn.execute(
            """UPDATE cards SET type = ?, queue = ?, due = COALESCE(?, due), ivl = ?,
                   factor = ?, reps = ?, lapses = ?, left = ?, data = ? WHERE id = ?""",
            [
                ANKI_TYPE[state],
                queue,
                due,
                ivl,
                DEFAULT_EASE if state != CardState.NEW else 0,
                len(reviews),
                lapses,
                left,
                json.dumps(data) if data else "",
                cid,
            ],
        )
        steps = replay(scheduler, [(r.reviewed_at, r.rating) for r in reviews])
        last_ivl = 0
        for review, (interval, difficulty) in zip(reviews, steps, strict=True):
            revlog_id = int(review.reviewed_at.timestamp() * 1000)
            while revlog_id in used_ids:  # Anki keeps one answer per millisecond
                revlog_id += 1
            used_ids.add(revlog_id)
            seconds = interval.total_seconds()
            ivl_now = round(seconds / DAY_S) if seconds >= DAY_S else -round(seconds)
            conn.execute(
                "INSERT INTO revlog VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                [
                    revlog_id,
                    cid,
                    int(review.rating),
                    ivl_now,
                    last_ivl,
                    100 + round((difficulty - 1) / 9 * 1000),
                    review.duration_ms or 0,
                    REVLOG_TYPE[review.state_before],
                ],
            )
            last_ivl = ivl_now
