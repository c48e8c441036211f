"""Fuzzing every importer with Hypothesis: random bytes, and valid files with bytes flipped,
inserted, dropped or repeated. Whatever comes in, an import either succeeds or raises a
QuizkitError (one line for the user), quickly, and a refused file changes nothing stored.

Bounded for CI: a fixed number of examples a format, derandomized so every run tries the same.
"""

from __future__ import annotations

import json
import sqlite3
import time
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from transfer_fixtures import BASIC, CLOZE, AnkiNote, collection_anki2, write_package

from quizkit.errors import QuizkitError
from quizkit.importers import ImportOptions
from quizkit.importing import import_file
from quizkit.store import Store

EXAMPLE_LIMIT_S = 2.0
FUZZ = settings(
    max_examples=40,
    deadline=None,  # measured below in CPU time, which other processes do not inflate
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _mnemosyne_db() -> bytes:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE cards (_id integer primary key, id text, question, answer)")
    db.execute("INSERT INTO cards VALUES (1, 'c1', 'Capital of <b>France</b>?', 'Paris')")
    db.execute("CREATE TABLE tags (_id integer primary key, name text)")
    db.execute("INSERT INTO tags VALUES (1, 'geo')")
    db.execute("CREATE TABLE tags_for_card (_card_id integer, _tag_id integer)")
    db.execute("INSERT INTO tags_for_card VALUES (1, 1)")
    db.commit()
    data = db.serialize()
    db.close()
    return data


def _apkg(tmp: Path) -> bytes:
    notes = [
        AnkiNote(1, "g1", BASIC, ["Capital of <i>France</i>?", "Paris [sound:p.mp3]"]),
        AnkiNote(2, "g2", CLOZE, ["{{c1::Rome}} is in {{c2::Italy::country}}", ""]),
    ]
    path = write_package(
        tmp / "seed.apkg", collection_anki2(notes), modern=False, media={"p.mp3": b"ID3"}
    )
    return path.read_bytes()


SEEDS: dict[str, bytes] = {
    "csv": b'front,back,tags\nCapital of France?,Paris,geo\n"Multi\nline",answer,\n',
    "tsv": b"Capital of France?\tParis\nCapital of Italy?\tRome\n",
    "anki-text": (
        b"#separator:tab\n#html:true\n#notetype column:3\n"
        b"Capital of <b>France</b>?\tParis &amp; more\tBasic\n{{c1::Rome}}\t\tCloze\n"
    ),
    "quizlet": b"Capital of France?\tParis\nCapital of Italy?\tRome\n",
    "json": json.dumps(
        {
            "deck": {"name": "Fuzz", "desired_retention": 0.9},
            "notes": [
                {"question": "q1", "answer": "a1", "tags": ["t"], "extra": {"items": ["a", "b"]}},
                {"question": "q2", "answer": "a2", "sources": [{"document": "d", "sentence": 2}]},
            ],
        }
    ).encode(),
    "md": (
        b"---\ndeck: Fuzz\n---\n# Geo\nCapital of France?::Paris\nq <!-- c -->:::a\n\n"
        b"Multi\n?\nline\n"
    ),
    "supermemo": b"Q: Capital of France?\nA: Paris\n\nQ: Capital of Italy?\nA: Rome\n",
    "mnemosyne": (
        b"<?xml version='1.0'?><mnemosyne><item id='1'><cat>geo</cat><Q>Capital?</Q>"
        b"<A>Paris</A></item></mnemosyne>"
    ),
    "deck": (
        b'[deck]\nname = "Fuzz"\n\n[[notes]]\nquestion = "q"\nanswer = "a"\n'
        b'sources = [{ document = "d", sentence = 1 }]\nextra = { truth = true }\n'
    ),
}


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` with a few bytes flipped, inserted, dropped or a slice repeated."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            data += draw(st.binary(min_size=1, max_size=8))
            continue
        at = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(["flip", "insert", "drop", "repeat", "special"]))
        if action == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif action == "drop":
            del data[at : at + draw(st.integers(1, 16))]
        elif action == "repeat":
            end = min(len(data), at + draw(st.integers(1, 32)))
            data[at:at] = data[at:end] * draw(st.integers(2, 200))
        else:
            data[at:at] = draw(
                st.sampled_from(
                    [b'"', b"\x00", b"[", b"{", b"<!--", b"{{c1::", b"[sound:", b"\xff\xfe", b"NaN"]
                )
            )
    return bytes(data)


def fingerprint(store: Store) -> tuple[int, ...]:
    row = store.db.execute(
        """SELECT (SELECT COUNT(*) FROM notes), (SELECT COUNT(*) FROM cards),
                  (SELECT COUNT(*) FROM decks), (SELECT COUNT(*) FROM media),
                  (SELECT COUNT(*) FROM reviews), (SELECT COALESCE(MAX(modified), '') = ''
                   FROM notes)"""
    ).fetchone()
    return tuple(row)


def import_once(store: Store, path: Path, data: bytes, fmt: str, now: datetime) -> None:
    path.write_bytes(data)
    before = fingerprint(store)
    started = time.process_time()
    try:
        import_file(store, path, now, ImportOptions(format=fmt, keep_schedule=True))
    except QuizkitError as error:
        assert "\n" not in str(error)
        assert fingerprint(store) == before
    assert time.process_time() - started < EXAMPLE_LIMIT_S


FORMATS = [*SEEDS, "apkg", "mnemosyne-db"]


def seed_for(fmt: str, tmp: Path) -> bytes:
    if fmt == "apkg":
        return _apkg(tmp)
    if fmt == "mnemosyne-db":
        return _mnemosyne_db()
    return SEEDS[fmt]


@pytest.mark.parametrize("fmt", FORMATS)
def test_random_bytes(fmt: str, tmp_path: Path, store: Store, now: datetime) -> None:
    @FUZZ
    @given(st.binary(max_size=2048))
    def run(data: bytes) -> None:
        import_once(store, tmp_path / "fuzzed", data, _base(fmt), now)

    run()


@pytest.mark.parametrize("fmt", FORMATS)
def test_mutated_files(fmt: str, tmp_path: Path, store: Store, now: datetime) -> None:
    seed = seed_for(fmt, tmp_path)
    import_file(store, _write(tmp_path / "seed", seed), now, ImportOptions(format=_base(fmt)))

    @FUZZ
    @given(mutated(seed))
    def run(data: bytes) -> None:
        import_once(store, tmp_path / "fuzzed", data, _base(fmt), now)

    run()


def _base(fmt: str) -> str:
    return fmt.removesuffix("-db")


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
