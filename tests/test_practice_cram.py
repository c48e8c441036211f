"""Cram mode: every card regardless of due dates, missed ones back until right, nothing saved."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from click.testing import CliRunner
from practice_deck import DECK, make_deck, schedule_rows, without_prompts

from quizkit.cli import cli
from quizkit.cram import CramOutcome, CramSession, cram_cards
from quizkit.errors import QuizkitError
from quizkit.models import Deck, Rating, StudyCard
from quizkit.store import Store
from quizkit.study import Answer


@pytest.fixture
def deck(store: Store, now: datetime) -> Deck:
    return make_deck(store, now)


class Script:
    """Answers from a table keyed by prompt, one reply per showing; '' reveals."""

    def __init__(self, replies: dict[str, list[str]], reveal_rating: Rating = Rating.AGAIN) -> None:
        self.replies = replies
        self.reveal_rating = reveal_rating
        self.asked: list[tuple[str, int]] = []
        self.outcomes: list[CramOutcome] = []

    def ask(self, card: StudyCard, remaining: int) -> Answer | None:
        self.asked.append((card.prompt, remaining))
        left = self.replies.get(card.prompt)
        return Answer(left.pop(0), 100) if left else None

    def rate_after_reveal(self, card: StudyCard) -> Rating | None:
        return self.reveal_rating

    def show_cram_outcome(self, outcome: CramOutcome) -> bool:
        self.outcomes.append(outcome)
        return True


def geo_cards(store: Store, deck: Deck) -> list[StudyCard]:
    return cram_cards(store.deck_cards(deck), "geo")


def test_tag_filter_ignores_case_and_skips_suspended(store: Store, deck: Deck) -> None:
    assert sorted(c.prompt for c in geo_cards(store, deck)) == [
        "Capital of France?",
        "Largest planet?",
    ]
    assert len(cram_cards(store.deck_cards(deck), None)) == 6
    store.db.execute("UPDATE cards SET suspended = 1 WHERE note_id = 1")
    store.db.conn.commit()
    assert [c.prompt for c in geo_cards(store, deck)] == ["Largest planet?"]
    assert cram_cards(store.deck_cards(deck), "nothing") == []


def test_missed_cards_come_back_until_right(store: Store, deck: Deck) -> None:
    cards = geo_cards(store, deck)
    session = CramSession(cards, random.Random(0))
    first = session.queue[0].prompt
    other = session.queue[1].prompt
    right = {c.prompt: c.expected for c in cards}
    script = Script({first: ["wrong", "", right[first]], other: [right[other]]})
    summary = session.run(script)
    assert script.asked == [(first, 2), (other, 2), (first, 1), (first, 1)]
    assert [o.comes_back for o in script.outcomes] == [True, False, True, False]
    assert script.outcomes[2].typed is None  # revealed, and rated Again
    assert (summary.cards, summary.shown, summary.done, summary.first_time) == (2, 4, 2, 1)
    assert [c.prompt for c in summary.missed] == [first]
    assert summary.quit is False


def test_revealed_and_rated_good_counts_as_known(store: Store, deck: Deck) -> None:
    cards = geo_cards(store, deck)
    script = Script({c.prompt: [""] for c in cards}, reveal_rating=Rating.GOOD)
    summary = CramSession(cards, random.Random(0)).run(script)
    assert (summary.shown, summary.done, summary.first_time, summary.missed) == (2, 2, 2, [])


def test_quitting(store: Store, deck: Deck) -> None:
    cards = geo_cards(store, deck)
    session = CramSession(cards, random.Random(0))
    first = session.queue[0]
    summary = session.run(Script({first.prompt: [first.expected]}))
    assert (summary.shown, summary.done, summary.quit) == (1, 1, True)


def test_nothing_to_cram() -> None:
    with pytest.raises(QuizkitError, match="^no cards to cram$"):
        CramSession([], random.Random(0))


def test_cli_cram_leaves_the_schedule_alone(runner: CliRunner, store: Store, deck: Deck) -> None:
    order = geo_cards(store, deck)
    random.Random(5).shuffle(order)
    first, second = order
    before = schedule_rows(store)
    result = runner.invoke(
        cli,
        ["study", DECK, "--cram", "--tag", "geo", "--seed", "5"],
        input=f"nope\n{second.expected}\n{first.expected}\n",
    )
    assert result.exit_code == 0, result.output
    assert without_prompts(result.output).splitlines() == [
        "",
        f"[1] (basic, 2 to go) {first.prompt}",
        "nope",
        f"Wrong. Answer: {first.expected}",
        "It comes back later in this session.",
        "",
        f"[2] (basic, 2 to go) {second.prompt}",
        second.expected,
        f"Right. Answer: {second.expected}",
        "",
        f"[3] (basic, 1 to go) {first.prompt}",
        first.expected,
        f"Right. Answer: {first.expected}",
        "",
        "Crammed 2 cards: 1 right the first time, 1 after another go. The schedule is unchanged.",
        "Missed at least once:",
        f"  {first.prompt} -> {first.expected}",
    ]
    assert schedule_rows(store) == before


def test_cli_cram_stopped_by_end_of_input(runner: CliRunner, deck: Deck) -> None:
    result = runner.invoke(cli, ["study", DECK, "--cram", "--seed", "1"], input="")
    assert result.exit_code == 0
    assert result.output.endswith(
        "\nStopped: 0 of 6 cards answered right: 0 right the first time, 0 after another go. "
        "The schedule is unchanged.\n"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--tag", "geo"], 2, "Error: --tag and --seed work only with --cram\n"),
        (
            ["--cram", "--tag", "poetry"],
            1,
            f"Error: deck {DECK!r} has no unsuspended cards tagged 'poetry' to cram\n",
        ),
    ],
)
def test_cli_bad_input(
    runner: CliRunner, deck: Deck, args: list[str], code: int, message: str
) -> None:
    result = runner.invoke(cli, ["study", DECK, *args])
    assert result.exit_code == code
    assert result.output.endswith(message)
    assert "Traceback" not in result.output


def test_cli_cram_needs_a_deck(runner: CliRunner, deck: Deck) -> None:
    result = runner.invoke(cli, ["study", "--cram"])
    assert result.exit_code == 2
    assert result.output.endswith("Error: --cram needs a DECK\n")
