"""Leeches: the 8th Again rating of a card marks it and suspends it; unsuspend brings it back."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from click.testing import CliRunner
from practice_deck import DECK, make_deck

from quizkit.cli import cli
from quizkit.leech import is_leech_count
from quizkit.models import CardState, Deck, Note, Rating, Review, StudyCard
from quizkit.store import Store
from quizkit.study import Answer, Outcome, Session

ONE_NOTE = [Note("Capital of France?", "Paris", "capital")]


class Clock:
    """A clock that moves on an hour each time it is read, so learning cards come due."""

    def __init__(self, start: datetime) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(hours=1)
        return self.moment


class Failing:
    """Answers every card wrong; optionally overrides the grade of the n-th answer."""

    def __init__(self, override_at: int | None = None) -> None:
        self.asked = 0
        self.override_at = override_at

    def ask(self, card: StudyCard, remaining: int) -> Answer | None:
        self.asked += 1
        return Answer("London", 1000) if self.asked <= 50 else None

    def rate_after_reveal(self, card: StudyCard) -> Rating | None:
        return Rating.AGAIN

    def show_outcome(self, outcome: Outcome) -> Rating | None:
        return Rating.GOOD if self.asked == self.override_at else None

    def show_regrade(self, outcome: Outcome) -> None:
        pass


@pytest.fixture
def deck(store: Store, now: datetime) -> Deck:
    return make_deck(store, now, ONE_NOTE)


def fail_times(store: Store, card_id: int, times: int, start: datetime) -> None:
    """Put `times` Again reviews in the log by hand (the card's schedule is not touched)."""
    card = store.card(card_id)
    for i in range(times):
        store.record_review(
            card,
            Review(
                card_id,
                start + timedelta(minutes=i),
                Rating.AGAIN,
                "x",
                False,
                1,
                CardState.NEW,
                None,
            ),
        )


@pytest.mark.parametrize(
    ("fails", "leech"),
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
def test_when_a_card_is_a_leech(fails: int, leech: bool) -> None:
    assert is_leech_count(fails) is leech


def test_eighth_failure_suspends(store: Store, deck: Deck, now: datetime) -> None:
    learner = Failing()
    summary = Session(store, deck, Clock(now)).run(learner)
    # the session ends by itself: after the 8th Again there is nothing left to study
    assert learner.asked == 8
    assert [c.prompt for c in summary.leeches] == ["Capital of France?"]
    card = store.deck_cards(deck)[0]
    assert card.suspended is True
    assert store.db.execute("SELECT leech FROM cards WHERE id = ?", [card.id]).fetchone() == (1,)
    assert store.again_count(card.id) == 8


def test_an_overridden_failure_does_not_count(store: Store, deck: Deck, now: datetime) -> None:
    learner = Failing(override_at=8)
    summary = Session(store, deck, Clock(now)).run(learner)
    # the 8th answer was regraded Good, so it took a 9th answer to fail 8 times
    assert learner.asked == 9
    assert len(summary.leeches) == 1
    assert store.again_count(summary.leeches[0].id) == 8


def test_decks_says_so_and_unsuspend_brings_it_back(
    runner: CliRunner, store: Store, deck: Deck, now: datetime
) -> None:
    Session(store, deck, Clock(now)).run(Failing())
    result = runner.invoke(cli, ["decks"])
    assert result.exit_code == 0
    assert result.output.splitlines()[-1] == (
        "Practice: 1 leech card(s) suspended (failed 8 times); "
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


def test_back_from_suspension_it_gets_four_more_tries(
    store: Store, deck: Deck, now: datetime
) -> None:
    Session(store, deck, Clock(now)).run(Failing())
    card_id = store.deck_cards(deck)[0].id
    store.unsuspend(deck, [card_id])
    learner = Failing()
    summary = Session(store, deck, Clock(now + timedelta(days=1))).run(learner)
    assert learner.asked == 4  # the 9th to 12th Again; the 12th suspends it again
    assert len(summary.leeches) == 1
    assert store.again_count(card_id) == 12


def test_study_command_reports_a_new_leech(
    runner: CliRunner, store: Store, deck: Deck, now: datetime
) -> None:
    card_id = store.deck_cards(deck)[0].id
    fail_times(store, card_id, 7, now - timedelta(days=1))
    result = runner.invoke(cli, ["study", DECK], input="London\n")
    assert result.exit_code == 0, result.output
    assert "Suspended as a leech (failed 8 times): Capital of France?\n" in result.output
    assert store.card(card_id).suspended is True


def test_quiz_record_can_make_a_leech(
    runner: CliRunner, store: Store, deck: Deck, now: datetime
) -> None:
    card_id = store.deck_cards(deck)[0].id
    fail_times(store, card_id, 7, now - timedelta(days=1))
    result = runner.invoke(
        cli, ["quiz", DECK, "--mode", "typed", "--record", "--seed", "1"], input="London\n"
    )
    assert result.exit_code == 0, result.output
    assert "Suspended as a leech (failed 8 times): Capital of France?\n" in result.output
    assert store.card(card_id).suspended is True
    # without --record the log is untouched, so nothing more can happen
    store.unsuspend(deck, [card_id])
    runner.invoke(cli, ["quiz", DECK, "--mode", "typed", "--seed", "1"], input="London\n")
    assert store.again_count(card_id) == 8


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
