"""Practice tests: drawing, question forms, judging, and `quizkit quiz` from a pipe."""

from __future__ import annotations

import random
from datetime import datetime

import pytest
from click.testing import CliRunner
from practice_deck import DECK, make_deck, schedule_rows, without_prompts

from quizkit.cli import cli
from quizkit.errors import QuizkitError
from quizkit.models import Deck, Note, Rating, StudyCard
from quizkit.quiz import (
    Question,
    QuizReport,
    Reply,
    build_quiz,
    judge,
    make_question,
    run_quiz,
    wrong_answers,
)
from quizkit.store import Store


@pytest.fixture
def deck(store: Store, now: datetime) -> Deck:
    return make_deck(store, now)


@pytest.fixture
def cards(store: Store, deck: Deck) -> list[StudyCard]:
    return store.deck_cards(deck)


def by_question(cards: list[StudyCard], prompt: str) -> StudyCard:
    return next(c for c in cards if c.prompt == prompt)


def test_same_seed_same_test(cards: list[StudyCard]) -> None:
    first = build_quiz(cards, 3, "mixed", random.Random(5))
    again = build_quiz(cards, 3, "mixed", random.Random(5))
    assert first == again
    others = {
        tuple(q.card.id for q in build_quiz(cards, 3, "mixed", random.Random(s))) for s in range(10)
    }
    assert len(others) > 1


def test_at_most_one_card_per_note(cards: list[StudyCard]) -> None:
    for seed in range(20):
        questions = build_quiz(cards, 10, "typed", random.Random(seed))
        # five notes (one with a reverse card): the count is capped at five
        assert len(questions) == 5
        assert len({q.card.note_id for q in questions}) == 5


def test_mixed_mode_mixes_evenly(store: Store, now: datetime) -> None:
    notes = [
        Note(f"Question {i}?", f"Answer {i}", f"q{i}", distractors=("X", "Y", "Z"))
        for i in range(6)
    ]
    notes.append(Note("Only typed?", "Yes", "typed-only", kind="lonely"))
    cards = store.deck_cards(make_deck(store, now, notes))
    for seed in range(10):
        questions = build_quiz(cards, 7, "mixed", random.Random(seed))
        modes = [q.mode for q in questions]
        assert sorted(modes) == ["mcq", "mcq", "truefalse", "truefalse", "typed", "typed", "typed"]
        lonely = next(q for q in questions if q.card.kind == "lonely")
        assert lonely.mode == "typed"


def test_multiple_choice_uses_the_notes_distractors(cards: list[StudyCard]) -> None:
    card = by_question(cards, "Capital of France?")
    question = make_question(card, "mcq", cards, random.Random(3))
    assert question.mode == "mcq"
    assert sorted(question.options) == ["Lyon", "Marseille", "Nice", "Paris"]


def test_multiple_choice_skips_a_distractor_that_is_the_answer(store: Store, now: datetime) -> None:
    notes = [
        Note("Capital?", "Paris", "c", distractors=("paris", "Lyon", "Nice", "Metz")),
        Note("Other?", "Rome", "o"),
        Note("Third?", "Oslo", "t"),
    ]
    cards = store.deck_cards(make_deck(store, now, notes))
    for seed in range(10):
        question = make_question(cards[0], "mcq", cards, random.Random(seed))
        assert len(question.options) == 4
        # the note's three real distractors, never a borrowed answer in their place
        assert sorted(question.options) == ["Lyon", "Metz", "Nice", "Paris"]


def test_multiple_choice_borrows_answers_of_the_same_kind(cards: list[StudyCard]) -> None:
    card = by_question(cards, "Largest planet?")
    assert wrong_answers(card, cards) == ["Paris", "William Shakespeare"]
    question = make_question(card, "mcq", cards, random.Random(3))
    assert sorted(question.options) == ["Jupiter", "Paris", "William Shakespeare"]
    reverse = by_question(cards, "William Shakespeare")
    # the reverse card's answer is a question; there is no other reverse card to borrow from
    assert make_question(reverse, "mcq", cards, random.Random(3)).mode == "typed"


def test_list_cards_and_cards_without_wrong_answers_are_typed(cards: list[StudyCard]) -> None:
    for prompt in ("Which two colours?", "Fall of the Berlin Wall, year?"):
        card = by_question(cards, prompt)
        for mode in ("mcq", "truefalse"):
            assert make_question(card, mode, cards, random.Random(0)).mode == "typed"


def test_true_false_statements(cards: list[StudyCard]) -> None:
    card = by_question(cards, "Capital of France?")
    seen = set()
    for seed in range(30):
        q = make_question(card, "truefalse", cards, random.Random(seed))
        assert (q.statement == "Paris") == q.truth
        seen.add(q.truth)
    assert seen == {True, False}


@pytest.mark.parametrize(
    ("reply", "index"),
    [
        ("b", 1),
        ("B", 1),
        (" 2 ", 1),
        ("d", 3),
        ("4", 3),
        ("nice", 2),
        ("e", None),
        ("0", None),
        ("5", None),
        ("", None),
        ("Rome", None),
    ],
)
def test_choice_by_letter_number_or_text(
    cards: list[StudyCard], reply: str, index: int | None
) -> None:
    card = by_question(cards, "Capital of France?")
    question = Question(card, "mcq", options=("Lyon", "Paris", "Nice", "Marseille"))
    assert question.choice(reply) == index


def test_judging(cards: list[StudyCard]) -> None:
    capital = by_question(cards, "Capital of France?")
    mcq = Question(capital, "mcq", options=("Lyon", "Paris", "Nice", "Marseille"))
    right = judge(mcq, Reply("2", 1000), 1)
    assert (right.correct, right.given, right.rating) == (True, "B. Paris", Rating.GOOD)
    wrong = judge(mcq, Reply("a", 1000), 1)
    assert (wrong.correct, wrong.given, wrong.rating) == (False, "A. Lyon", Rating.AGAIN)
    assert judge(mcq, Reply("z", 1000), 1).given == "z"
    assert mcq.right_answer == "B. Paris"

    true = Question(capital, "truefalse", statement="Paris", truth=True)
    false = Question(capital, "truefalse", statement="Nice", truth=False)
    assert [judge(true, Reply(t, 0), 1).correct for t in ("t", "Yes", "f", "maybe")] == [
        True,
        True,
        False,
        False,
    ]
    assert [judge(false, Reply(t, 0), 1).correct for t in ("false", "n", "true")] == [
        True,
        True,
        False,
    ]
    assert false.right_answer == "false (the answer is Paris)"

    typed = Question(by_question(cards, "Who wrote Hamlet?"), "typed")
    assert judge(typed, Reply("shakespeare", 1000), 1).rating == Rating.GOOD
    misspelt = judge(typed, Reply("William Shakespaere", 1000), 1)
    assert (misspelt.correct, misspelt.typo, misspelt.rating) == (True, True, Rating.HARD)
    assert judge(typed, Reply("", 1000), 1).correct is False
    colours = judge(
        Question(by_question(cards, "Which two colours?"), "typed"), Reply("blue and red", 0), 1
    )
    assert colours.correct is True


class Script:
    def __init__(self, replies: list[str]) -> None:
        self.replies = replies
        self.asked: list[tuple[int, int]] = []

    def answer(self, question: Question, number: int, total: int) -> Reply | None:
        self.asked.append((number, total))
        return Reply(self.replies.pop(0), 100) if self.replies else None


def test_run_quiz_scores_and_stops(cards: list[StudyCard]) -> None:
    questions = [Question(c, "typed") for c in cards[:3]]
    script = Script([cards[0].expected, "nonsense"])
    seen = []
    report = run_quiz(questions, script, seen.append)
    assert script.asked == [(1, 3), (2, 3), (3, 3)]
    assert report.quit is True
    assert (report.total, report.answered, report.score) == (3, 2, 1)
    assert [r.number for r in report.missed] == [2]
    assert seen == report.results
    assert QuizReport(total=0).score == 0


def test_bad_counts_and_modes(cards: list[StudyCard]) -> None:
    with pytest.raises(QuizkitError, match=r"^--count must be at least 1, not 0$"):
        build_quiz(cards, 0, "typed", random.Random(0))
    with pytest.raises(QuizkitError, match=r"^unknown quiz mode 'oral'"):
        build_quiz(cards, 3, "oral", random.Random(0))
    with pytest.raises(QuizkitError, match="no cards to quiz on"):
        build_quiz([], 3, "typed", random.Random(0))


def expected_lines(question: Question, number: int, total: int) -> list[str]:
    lines = ["", f"[{number}/{total}] {question.prompt}"]
    if question.mode == "mcq":
        lines += [f"  {'ABCD'[i]}. {o}" for i, o in enumerate(question.options)]
    if question.mode == "truefalse":
        lines.append(f"  True or false: {question.statement}")
    return lines


def test_cli_quiz_from_a_pipe(runner: CliRunner, store: Store, cards: list[StudyCard]) -> None:
    questions = build_quiz(cards, 3, "typed", random.Random(42))
    replies = [questions[0].card.expected, "no idea", questions[2].card.expected]
    before = schedule_rows(store)
    result = runner.invoke(
        cli,
        ["quiz", DECK, "--count", "3", "--mode", "typed", "--seed", "42"],
        input="\n".join(replies) + "\n",
    )
    assert result.exit_code == 0, result.output
    screen = []
    for number, (question, reply) in enumerate(zip(questions, replies, strict=True), start=1):
        screen += [*expected_lines(question, number, 3), reply]  # piped replies are echoed
    text = without_prompts(result.output)
    assert text.splitlines() == [
        *screen,
        "",
        "Score: 2 of 3 right (67%).",
        "",
        "Missed:",
        f"  [2] {questions[1].prompt}",
        "      you answered: no idea",
        f"      answer: {questions[1].card.expected}",
        "",
        "The schedule is unchanged (--record counts a test as reviews).",
        f"The same test again: quizkit quiz {DECK} --count 3 --mode typed --seed 42",
    ]
    assert schedule_rows(store) == before


def test_cli_multiple_choice_by_letter_and_number(
    runner: CliRunner, cards: list[StudyCard]
) -> None:
    questions = build_quiz(cards, 5, "mcq", random.Random(9))
    replies = []
    for q in questions:
        if q.mode == "mcq":
            index = q.options.index(q.card.expected)
            replies.append("ABCD"[index].lower() if len(replies) % 2 else str(index + 1))
        else:
            replies.append(q.card.expected)
    # both ways of choosing are used
    assert {r for r in replies if r in "1234"} and {r for r in replies if r in "abcd"}
    result = runner.invoke(
        cli,
        ["quiz", DECK, "--count", "5", "--mode", "mcq", "--seed", "9"],
        input="\n".join(replies) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Score: 5 of 5 right (100%).\n\nNo questions missed.\n" in result.output
    assert "  A. " in result.output


def test_cli_quiz_stops_at_end_of_input(runner: CliRunner, cards: list[StudyCard]) -> None:
    questions = build_quiz(cards, 3, "typed", random.Random(1))
    result = runner.invoke(
        cli,
        ["quiz", DECK, "--count", "3", "--mode", "typed", "--seed", "1"],
        input=questions[0].card.expected + "\n",
    )
    assert result.exit_code == 0
    assert "Stopped after 1 of 3 questions: 1 of 1 right (100%).\n" in result.output


def test_cli_quiz_record_writes_reviews(
    runner: CliRunner, store: Store, cards: list[StudyCard]
) -> None:
    questions = build_quiz(cards, 2, "typed", random.Random(4))
    result = runner.invoke(
        cli,
        ["quiz", DECK, "--count", "2", "--mode", "typed", "--seed", "4", "--record"],
        input=f"{questions[0].card.expected}\nwrong\n",
    )
    assert result.exit_code == 0, result.output
    assert "Recorded 2 answers as reviews." in result.output
    first = store.reviews_of(questions[0].card.id)
    second = store.reviews_of(questions[1].card.id)
    assert [(r["rating"], r["typed"], r["correct"], r["state_before"]) for r in first + second] == [
        (3, questions[0].card.expected, 1, 0),
        (1, "wrong", 0, 0),
    ]
    assert store.card(questions[0].card.id).state.value == 1  # learning now


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--count", "0"], 1, "Error: --count must be at least 1, not 0\n"),
        (["--count", "-3"], 1, "Error: --count must be at least 1, not -3\n"),
    ],
)
def test_cli_bad_input(
    runner: CliRunner, deck: Deck, args: list[str], code: int, message: str
) -> None:
    result = runner.invoke(cli, ["quiz", DECK, *args])
    assert (result.exit_code, result.output) == (code, message)


def test_cli_unknown_mode_and_deck(runner: CliRunner, deck: Deck) -> None:
    result = runner.invoke(cli, ["quiz", DECK, "--mode", "oral"])
    assert result.exit_code == 2
    assert "Invalid value for '--mode'" in result.output
    result = runner.invoke(cli, ["quiz", "Nope"])
    assert result.exit_code == 1
    assert result.output == "Error: no deck named 'Nope' (decks: Practice)\n"


def test_cli_quiz_on_a_deck_with_only_suspended_cards(
    runner: CliRunner, store: Store, deck: Deck
) -> None:
    store.db.execute("UPDATE cards SET suspended = 1")
    store.db.conn.commit()
    result = runner.invoke(cli, ["quiz", DECK])
    assert result.exit_code == 1
    assert (
        result.output == "Error: this deck has no cards to quiz on (all suspended, or none yet)\n"
    )


def test_cli_repeat_line_names_only_options_given(runner: CliRunner, deck: Deck) -> None:
    result = runner.invoke(cli, ["quiz", DECK, "--seed", "1"], input="\n" * 5)
    assert result.exit_code == 0, result.output
    assert "Score: 0 of 5 right (0%).\n" in result.output
    assert result.output.endswith("The same test again: quizkit quiz Practice --seed 1\n")
