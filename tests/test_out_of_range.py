"""Values beyond what quizkit can store or compute with are usage errors in one line (exit
status 2), never an OverflowError; a quiz draws its questions in time linear in the deck."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from practice_deck import DECK, make_deck

import quizkit.quiz
from quizkit.cli import cli
from quizkit.models import DeckInfo, Note
from quizkit.quiz import build_quiz
from quizkit.store import Store
from quizkit.study import Answer, Session

HUGE = "1234567890123456789012345678901"  # 31 digits
LARGEST = str(2**63 - 1)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["edit", HUGE, "--answer", "x"], f"note id {HUGE}"),
        (["drop", HUGE], f"note id {HUGE}"),
        (["unsuspend", DECK, HUGE], f"card id {HUGE}"),
        (["unsuspend", DECK, "1", str(2**63)], f"card id {2**63}"),
    ],
)
def test_an_id_no_row_can_have(
    runner: CliRunner, store: Store, now: datetime, args: list[str], message: str
) -> None:
    make_deck(store, now)
    result = runner.invoke(cli, args)
    assert (result.exit_code, result.output) == (
        2,
        f"Error: {message} is out of range (ids go up to {LARGEST})\n",
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["edit", LARGEST, "--answer", "x"], f"Error: no note with id '{LARGEST}'"),
        (["drop", LARGEST], f"Error: no note with id '{LARGEST}'"),
        (["unsuspend", DECK, LARGEST], f"Error: no card {LARGEST} in deck 'Practice'\n"),
    ],
)
def test_the_largest_id_is_merely_unknown(
    runner: CliRunner, store: Store, now: datetime, args: list[str], message: str
) -> None:
    make_deck(store, now)
    result = runner.invoke(cli, args)
    assert result.exit_code == 1
    assert result.output.startswith(message)


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00", "9999-12-31T12:00:00+00:00"])
@pytest.mark.parametrize("command", [["stats"], ["stats", "--json"], ["study"], ["decks"]])
def test_a_clock_out_of_range(
    runner: CliRunner,
    store: Store,
    now: datetime,
    monkeypatch: pytest.MonkeyPatch,
    moment: str,
    command: list[str],
) -> None:
    make_deck(store, now)
    monkeypatch.setenv("QUIZKIT_NOW", moment)
    result = runner.invoke(cli, command)
    assert (result.exit_code, result.output) == (
        2,
        f"Error: QUIZKIT_NOW: {moment} is out of range (years 1970 to 9000)\n",
    )


@pytest.mark.parametrize("moment", [datetime(1970, 1, 1, 0, 0), datetime(9000, 12, 31, 23, 0)])
def test_the_ends_of_the_range_work(
    runner: CliRunner,
    store: Store,
    monkeypatch: pytest.MonkeyPatch,
    moment: datetime,
) -> None:
    """Studied at the range's ends, with every statistic computed over the log."""
    start = moment.replace(tzinfo=UTC)
    deck = make_deck(store, start)

    class Knows:
        def ask(self, card, remaining):
            return Answer(card.expected, 1000)

        def rate_after_reveal(self, card):
            return None

        def show_outcome(self, outcome):
            return None

        def show_regrade(self, outcome):
            pass

    Session(store, deck, lambda: start).run(Knows())
    monkeypatch.setenv("QUIZKIT_NOW", (start + timedelta(minutes=30)).isoformat())
    for command in (["stats"], ["stats", "--json"], ["decks"], ["show", DECK]):
        result = runner.invoke(cli, command)
        assert result.exit_code == 0, (command, result.output)
    assert "Cards: " in runner.invoke(cli, ["stats"]).output


def test_a_huge_count_asks_the_whole_deck(runner: CliRunner, store: Store, now: datetime) -> None:
    make_deck(store, now)
    result = runner.invoke(
        cli, ["quiz", DECK, "--count", HUGE, "--mode", "typed", "--seed", "4"], input="q\n"
    )
    assert result.exit_code == 0, result.output
    assert "Stopped after 0 of 5 questions" in result.output


def test_drawing_a_quiz_folds_each_answer_once(
    store: Store, now: datetime, monkeypatch: pytest.MonkeyPatch
) -> None:
    """1,000 questions of a 3,000-note deck: the work grows with the deck, not with the
    deck times the count (it was 72 s, folding every answer of the deck for each question)."""
    rng = random.Random(16)
    deck = store.ensure_deck(DeckInfo("Big"), now)
    notes = [
        Note(
            f"Question {i}?",
            f"Answer {rng.randrange(2000)}",
            f"q{i}",
            kind=("basic", "date", "number")[i % 3],
            distractors=tuple(f"Wrong {rng.randrange(500)}" for _ in range(i % 4)),
            reverse=i % 3 == 0,
        )
        for i in range(3000)
    ]
    store.upsert_notes(deck, notes, now)
    cards = store.deck_cards(deck)
    distinct = {c.expected for c in cards} | {d for n in notes for d in n.distractors}
    folded: list[str] = []
    real_fold = quizkit.quiz.fold

    def counting_fold(text: str) -> str:
        folded.append(text)
        return real_fold(text)

    monkeypatch.setattr(quizkit.quiz, "fold", counting_fold)
    questions = build_quiz(cards, 1000, "mixed", random.Random(1))
    assert len(questions) == 1000
    assert {q.mode for q in questions} == {"typed", "mcq", "truefalse"}
    assert len(folded) <= len(distinct)
