"""Leeches as Anki counts them: the 8th lapse (Again to a card that had left learning)
marks and suspends the card in the answer's own transaction, and the screen says so then."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from practice_deck import DECK, make_deck
from sqlite_utils import Database

from quizkit.cli import cli
from quizkit.leech import is_leech_count, suspends_as_leech
from quizkit.migrations import migrations
from quizkit.models import CardState, Deck, Note, Rating, Review, StudyCard
from quizkit.store import Store
from quizkit.study import Answer, Outcome, Session

ONE_NOTE = [Note("Capital of France?", "Paris", "capital")]


class Clock:
    """A clock that moves on by `step` each time it is read, so every card is soon due."""

    def __init__(self, start: datetime, step: timedelta = timedelta(days=2000)) -> None:
        self.moment = start
        self.step = step

    def __call__(self) -> datetime:
        self.moment += self.step
        return self.moment


class Lapsing:
    """Knows a card while it is learning, forgets it once it is a review card: every
    second answer is a lapse. Optionally regrades the n-th answer; checks, as each outcome
    is shown, that the database file already holds what the outcome says."""

    def __init__(self, db: Path, regrade: dict[int, Rating] | None = None) -> None:
        self.db = db
        self.asked = 0
        self.regrade = regrade or {}
        self.states: list[CardState] = []
        self.leech_shown: list[int] = []
        self.regrades_shown: list[int] = []
        self.suspended_when_shown: list[bool] = []

    def ask(self, card: StudyCard, remaining: int) -> Answer | None:
        self.asked += 1
        self.states.append(card.state)
        if self.asked > 60:
            return None
        return Answer("London" if card.state == CardState.REVIEW else "Paris", 1000)

    def rate_after_reveal(self, card: StudyCard) -> Rating | None:
        return Rating.AGAIN

    def show_outcome(self, outcome: Outcome) -> Rating | None:
        self.leech_shown.append(outcome.leech_lapses)
        with sqlite3.connect(self.db) as conn:  # another connection: only what is committed
            (suspended,) = conn.execute(
                "SELECT suspended FROM cards WHERE id = ?", [outcome.card.id]
            ).fetchone()
        conn.close()
        self.suspended_when_shown.append(bool(suspended))
        return self.regrade.get(self.asked)

    def show_regrade(self, outcome: Outcome) -> None:
        self.regrades_shown.append(outcome.leech_lapses)


@pytest.fixture
def deck(store: Store, now: datetime) -> Deck:
    return make_deck(store, now, ONE_NOTE)


def lapse_times(store: Store, card_id: int, times: int, due: datetime) -> None:
    """Log `times` lapses by hand and leave the card a review card due at `due`."""
    card = replace(
        store.card(card_id),
        state=CardState.REVIEW,
        stability=3.0,
        difficulty=6.0,
        due=due,
        last_review=due - timedelta(days=3),
    )
    for i in range(times):
        moment = due - timedelta(days=60) + timedelta(days=i)
        review = Review(card_id, moment, Rating.AGAIN, "x", False, 1, CardState.REVIEW, 3.0)
        store.record_review(card, review)


def leech_mark(store: Store, card_id: int) -> tuple[int, int]:
    return store.db.execute("SELECT leech, suspended FROM cards WHERE id = ?", [card_id]).fetchone()


@pytest.mark.parametrize(
    ("lapses", "leech"),
    [
        (1, False),
        (7, False),
        (8, True),
        (9, False),
        (11, False),
        (12, True),
        (14, False),
        (16, True),
    ],
)
def test_when_a_lapse_makes_a_leech(lapses: int, leech: bool) -> None:
    assert is_leech_count(lapses) is leech


@pytest.mark.parametrize(
    ("lapses", "lapsed_now", "marked", "suspends"),
    [
        (8, True, False, True),
        (7, True, False, False),
        (8, False, True, False),  # unsuspended at 8, then an Again while relearning
        (9, True, True, False),
        (12, True, True, True),
        (11, False, False, True),  # past the threshold, never marked: caught up
        (11, True, True, False),
    ],
)
def test_suspension_rule(lapses: int, lapsed_now: bool, marked: bool, suspends: bool) -> None:
    assert suspends_as_leech(lapses, lapsed_now, marked) is suspends


def test_the_agains_of_a_new_card_are_not_lapses(
    store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    class Failing(Lapsing):
        def ask(self, card: StudyCard, remaining: int) -> Answer | None:
            self.asked += 1
            return Answer("London", 1000) if self.asked <= 30 else None

    learner = Failing(isolated_env)
    summary = Session(store, deck, Clock(now, timedelta(hours=1))).run(learner)
    assert learner.asked == 31  # 30 Agains of a learning card: still studied, never a leech
    assert summary.leeches == []
    card_id = store.deck_cards(deck)[0].id
    assert (store.lapse_count(card_id), leech_mark(store, card_id)) == (0, (0, 0))


def test_eighth_lapse_suspends_before_the_outcome_is_shown(
    store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    learner = Lapsing(isolated_env)
    summary = Session(store, deck, Clock(now)).run(learner)
    # new, learning, then 8 lapses with a relearning answer between each two: 17 answers,
    # and then nothing is left to study
    assert learner.asked == 17
    assert learner.states[:3] == [CardState.NEW, CardState.LEARNING, CardState.REVIEW]
    assert learner.leech_shown == [0] * 16 + [8]
    assert learner.suspended_when_shown == [False] * 16 + [True]
    assert [c.prompt for c in summary.leeches] == ["Capital of France?"]
    card_id = store.deck_cards(deck)[0].id
    assert (store.lapse_count(card_id), leech_mark(store, card_id)) == (8, (1, 1))


def test_a_regraded_eighth_lapse_is_no_leech(
    store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    learner = Lapsing(isolated_env, regrade={17: Rating.GOOD})
    summary = Session(store, deck, Clock(now)).run(learner)
    assert learner.leech_shown[16] == 8
    assert learner.regrades_shown == [0]  # regraded Good: back in study at once
    # it took one more lapse to make the leech
    assert learner.leech_shown[-1] == 8 and len(learner.leech_shown) == 18
    assert len(summary.leeches) == 1
    card_id = store.deck_cards(deck)[0].id
    assert (store.lapse_count(card_id), leech_mark(store, card_id)) == (8, (1, 1))


def test_a_lapse_given_by_regrading_can_make_the_leech(
    store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    card_id = store.deck_cards(deck)[0].id
    lapse_times(store, card_id, 7, now)

    class Knowing(Lapsing):
        def ask(self, card: StudyCard, remaining: int) -> Answer | None:
            self.asked += 1
            return Answer("Paris", 1000) if self.asked == 1 else None

    learner = Knowing(isolated_env, regrade={1: Rating.AGAIN})
    summary = Session(store, deck, Clock(now)).run(learner)
    assert (learner.leech_shown, learner.regrades_shown) == ([0], [8])
    assert len(summary.leeches) == 1
    assert leech_mark(store, card_id) == (1, 1)


def test_back_from_suspension_it_gets_four_more_lapses(
    store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    clock = Clock(now)
    Session(store, deck, clock).run(Lapsing(isolated_env))
    card_id = store.deck_cards(deck)[0].id
    store.unsuspend(deck, [card_id])
    learner = Lapsing(isolated_env)
    summary = Session(store, deck, clock).run(learner)
    assert learner.leech_shown == [0] * 7 + [12]  # lapses 9 to 12, relearning between
    assert len(summary.leeches) == 1
    assert (store.lapse_count(card_id), leech_mark(store, card_id)) == (12, (1, 1))


def test_a_leech_an_earlier_run_missed_is_suspended_at_its_next_answer(
    store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    card_id = store.deck_cards(deck)[0].id
    lapse_times(store, card_id, 8, now)
    # as an older quizkit killed between the answer and the suspension left it
    store.db.execute("UPDATE cards SET leech = 0, suspended = 0 WHERE id = ?", [card_id])
    store.db.conn.commit()

    class Knowing(Lapsing):
        def ask(self, card: StudyCard, remaining: int) -> Answer | None:
            self.asked += 1
            return Answer("Paris", 1000) if self.asked == 1 else None

    learner = Knowing(isolated_env)
    Session(store, deck, Clock(now)).run(learner)
    assert learner.leech_shown == [8]
    assert leech_mark(store, card_id) == (1, 1)


def test_migration_suspends_the_leeches_an_older_quizkit_missed(
    tmp_path: Path, now: datetime
) -> None:
    path = tmp_path / "old.db"
    db = Database(path)
    migrations.apply(db, stop_before=["m007_leeches_by_lapses"])
    stamp = now.isoformat()
    db.execute("INSERT INTO decks (id, name, created) VALUES (1, 'Old', ?)", [stamp])
    for n in (1, 2, 3):
        db.execute(
            "INSERT INTO notes (id, guid, deck_id, question, answer, created, modified) "
            "VALUES (?, ?, 1, ?, 'A', ?, ?)",
            [n, f"g{n}", f"Q{n}?", stamp, stamp],
        )
        db.execute(
            "INSERT INTO cards (id, note_id, deck_id, state, due) VALUES (?, ?, 1, 2, ?)",
            [n, n, stamp],
        )
    # card 1: 8 lapses, unmarked; card 2: 7 lapses and 5 Agains while learning; card 3:
    # marked and unsuspended by its owner after 8 lapses
    rows = [(1, 2)] * 8 + [(2, 2)] * 7 + [(2, 1)] * 5 + [(3, 2)] * 8
    db.conn.executemany(
        "INSERT INTO reviews (card_id, reviewed_at, rating, state_before) VALUES (?, ?, 1, ?)",
        [(card, stamp, state) for card, state in rows],
    )
    db.execute("UPDATE cards SET leech = 1 WHERE id = 3")
    db.conn.commit()
    db.close()
    store = Store.open(path)
    marks = store.db.execute("SELECT id, leech, suspended FROM cards ORDER BY id").fetchall()
    store.close()
    assert marks == [(1, 1, 1), (2, 0, 0), (3, 1, 0)]


def test_decks_says_so_and_unsuspend_brings_it_back(
    runner: CliRunner, store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    Session(store, deck, Clock(now)).run(Lapsing(isolated_env))
    result = runner.invoke(cli, ["decks"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        "Practice: 1 leech card(s) suspended (8 or more lapses); "
        "`quizkit unsuspend Practice` brings them back"
    )
    rows = json.loads(runner.invoke(cli, ["decks", "--json"]).output)["decks"]
    assert (rows[0]["leeches"], rows[0]["suspended"]) == (1, 1)

    result = runner.invoke(cli, ["unsuspend", DECK])
    assert (result.exit_code, result.output) == (0, "Unsuspended 1 card in 'Practice'.\n")
    card = store.deck_cards(deck)[0]
    assert card.suspended is False
    assert "leech" not in runner.invoke(cli, ["decks"]).output
    assert json.loads(runner.invoke(cli, ["decks", "--json"]).output)["decks"][0]["leeches"] == 0
    assert runner.invoke(cli, ["unsuspend", DECK]).output == "Unsuspended 0 cards in 'Practice'.\n"


def test_study_screen_says_so_right_after_the_answer(
    runner: CliRunner, store: Store, deck: Deck, now: datetime
) -> None:
    card_id = store.deck_cards(deck)[0].id
    lapse_times(store, card_id, 7, now - timedelta(days=1))
    result = runner.invoke(cli, ["study", DECK], input="London\n")
    assert result.exit_code == 0, result.output
    assert (
        "You typed: London\n"
        "Graded again; suspended as a leech (8 lapses); `quizkit unsuspend` brings it back.\n"
    ) in result.output
    assert "Suspended as a leech: Capital of France?\n" in result.output
    assert store.card(card_id).suspended is True


def test_quiz_record_can_make_a_leech(
    runner: CliRunner, store: Store, deck: Deck, now: datetime
) -> None:
    card_id = store.deck_cards(deck)[0].id
    lapse_times(store, card_id, 7, now - timedelta(days=1))
    result = runner.invoke(
        cli, ["quiz", DECK, "--mode", "typed", "--record", "--seed", "1"], input="London\n"
    )
    assert result.exit_code == 0, result.output
    assert "Suspended as a leech: Capital of France?\n" in result.output
    assert store.card(card_id).suspended is True
    # without --record the log is untouched, so nothing more can happen
    store.unsuspend(deck, [card_id])
    runner.invoke(cli, ["quiz", DECK, "--mode", "typed", "--seed", "1"], input="London\n")
    assert store.lapse_count(card_id) == 8


def test_unsuspend_chosen_cards(runner: CliRunner, store: Store, now: datetime) -> None:
    deck = make_deck(store, now)
    store.db.execute("UPDATE cards SET suspended = 1 WHERE id IN (1, 2)")
    store.db.conn.commit()
    result = runner.invoke(cli, ["unsuspend", DECK, "2"])
    assert (result.exit_code, result.output) == (0, "Unsuspended 1 card in 'Practice'.\n")
    assert [c.suspended for c in store.deck_cards(deck)][:2] == [True, False]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["Practice", "99"], "Error: no card 99 in deck 'Practice'\n"),
        (["Elsewhere"], "Error: no deck named 'Elsewhere' (decks: Practice)\n"),
    ],
)
def test_unsuspend_bad_input(runner: CliRunner, deck: Deck, args: list[str], message: str) -> None:
    result = runner.invoke(cli, ["unsuspend", *args])
    assert (result.exit_code, result.output) == (1, message)


def test_unsuspend_card_id_must_be_a_number(runner: CliRunner, deck: Deck) -> None:
    result = runner.invoke(cli, ["unsuspend", DECK, "first"])
    assert result.exit_code == 2
    assert "'first' is not a valid integer" in result.output


def test_at_a_terminal_the_leech_is_said_at_once_and_a_regrade_takes_it_back(
    store: Store, deck: Deck, now: datetime, isolated_env: Path
) -> None:
    """Through a pty: the 8th lapse is suspended (in the file) while its result is on the
    screen; regrading it Good brings it back into study there and then."""
    pexpect = pytest.importorskip("pexpect")
    card_id = store.deck_cards(deck)[0].id
    lapse_times(store, card_id, 7, now - timedelta(days=1))
    child = pexpect.spawn(
        sys.executable,
        ["-m", "quizkit", "study", DECK],
        env=dict(os.environ),
        encoding="utf-8",
        timeout=20,
        dimensions=(50, 250),
    )
    child.expect_exact("Answer (Enter to reveal, q to quit): ")
    child.sendline("London")
    child.expect_exact(
        "Graded again; suspended as a leech (8 lapses); `quizkit unsuspend` brings it back."
    )
    child.expect_exact("Enter to go on, 1-4 to change the grade, q to quit: ")
    with sqlite3.connect(isolated_env) as conn:
        assert conn.execute("SELECT leech, suspended FROM cards").fetchone() == (1, 1)
    conn.close()
    child.sendline("3")
    child.expect(r"Regraded good; next review in \d+ days?\.")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert "Suspended as a leech" not in child.before
    with sqlite3.connect(isolated_env) as conn:
        assert conn.execute("SELECT leech, suspended FROM cards").fetchone() == (0, 0)
        assert conn.execute("SELECT rating FROM reviews ORDER BY id DESC LIMIT 1").fetchone() == (
            3,
        )
    conn.close()
