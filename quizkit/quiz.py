"""Practice tests: questions drawn at random from a deck, answered, scored; no terminal here.

A test leaves the schedule alone unless a `record` callback is given (`quizkit quiz --record`).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from quizkit.errors import QuizkitError
from quizkit.grading import fold
from quizkit.models import Rating, Review, StudyCard
from quizkit.store import Store
from quizkit.study import check_answer, rating_for

MODES = ("typed", "mcq", "truefalse", "mixed")
MIXED = ("typed", "mcq", "truefalse")
CHOICES = 4  # options in a multiple-choice question, the right one included
TRUE_WORDS = {"t", "true", "y", "yes"}
FALSE_WORDS = {"f", "false", "n", "no"}


@dataclass(frozen=True)
class Question:
    """One question of a test: a card asked as typed, multiple choice or true/false."""

    card: StudyCard
    mode: str
    options: tuple[str, ...] = ()
    statement: str = ""
    truth: bool = True

    @property
    def prompt(self) -> str:
        return self.card.prompt

    @property
    def right_answer(self) -> str:
        """The right answer as the missed-questions list shows it."""
        if self.mode == "mcq":
            index = self.options.index(self.card.expected)
            return f"{string.ascii_uppercase[index]}. {self.card.expected}"
        if self.mode == "truefalse":
            return "true" if self.truth else f"false (the answer is {self.card.expected})"
        return self.card.expected

    def choice(self, text: str) -> int | None:
        """The option a multiple-choice reply names: by letter, number or the option's text."""
        reply = text.strip()
        letters = string.ascii_uppercase[: len(self.options)]
        if len(reply) == 1 and reply.upper() in letters:
            return letters.index(reply.upper())
        if reply.isdigit() and 1 <= int(reply) <= len(self.options):
            return int(reply) - 1
        folded = fold(reply)
        for index, option in enumerate(self.options):
            if folded and fold(option) == folded:
                return index
        return None

    def understands(self, text: str) -> bool:
        """Whether a reply is a valid answer form (any text for a typed question)."""
        if self.mode == "mcq":
            return self.choice(text) is not None
        if self.mode == "truefalse":
            return text.strip().lower() in TRUE_WORDS | FALSE_WORDS
        return True


@dataclass(frozen=True)
class Reply:
    text: str
    duration_ms: int


@dataclass(frozen=True)
class Result:
    """A question answered: the reply, the verdict, and the rating it would record."""

    number: int
    question: Question
    given: str
    correct: bool
    typo: bool
    detail: str
    rating: Rating
    duration_ms: int


@dataclass
class QuizReport:
    total: int
    results: list[Result] = field(default_factory=list)
    quit: bool = False

    @property
    def answered(self) -> int:
        return len(self.results)

    @property
    def score(self) -> int:
        return sum(r.correct for r in self.results)

    @property
    def missed(self) -> list[Result]:
        return [r for r in self.results if not r.correct]


class QuizTaker(Protocol):
    """The other side of a test. Returning None means the learner stops."""

    def answer(self, question: Question, number: int, total: int) -> Reply | None: ...


def judge(question: Question, reply: Reply, number: int) -> Result:
    text = reply.text.strip()
    typo, detail = False, ""
    if question.mode == "mcq":
        index = question.choice(text)
        correct = index is not None and question.options[index] == question.card.expected
        if index is not None:
            text = f"{string.ascii_uppercase[index]}. {question.options[index]}"
    elif question.mode == "truefalse":
        said = text.lower()
        correct = (said in TRUE_WORDS and question.truth) or (
            said in FALSE_WORDS and not question.truth
        )
    elif not text:
        correct = False
    else:
        correct, typo, detail = check_answer(question.card, text)
    if question.mode == "typed":
        rating = rating_for(correct, typo, reply.duration_ms, question.card.expected)
    else:
        # recognising the answer is easier than recalling it: a right pick is never Easy
        rating = Rating.GOOD if correct else Rating.AGAIN
    return Result(number, question, text, correct, typo, detail, rating, reply.duration_ms)


def draw_cards(cards: Sequence[StudyCard], count: int, rng: random.Random) -> list[StudyCard]:
    """`count` cards at random, at most one per note, so a reverse card never gives it away."""
    by_note: dict[int, list[StudyCard]] = {}
    for card in cards:
        if not card.suspended:
            by_note.setdefault(card.note_id, []).append(card)
    notes = sorted(by_note)
    chosen = rng.sample(notes, min(count, len(notes)))
    return [rng.choice(by_note[note_id]) for note_id in chosen]


def wrong_answers(card: StudyCard, pool: Sequence[StudyCard]) -> list[str]:
    """Plausible wrong answers: the note's distractors, else answers of same-kind cards."""
    right = fold(card.expected)
    own = list(card.distractors) if card.ord == 0 else []
    borrowed = sorted(
        {
            other.expected
            for other in pool
            if other.note_id != card.note_id and other.kind == card.kind and other.ord == card.ord
        }
    )
    seen = {right}
    picked = []
    for text in own + borrowed:
        if fold(text) not in seen:
            seen.add(fold(text))
            picked.append(text)
    return picked


def _wrong_answers_for(card: StudyCard, pool: Sequence[StudyCard]) -> list[str]:
    # a list answer is asked typed: picking among lists is no test of recall
    return [] if card.extra.get("items") else wrong_answers(card, pool)


def make_question(
    card: StudyCard, mode: str, pool: Sequence[StudyCard], rng: random.Random
) -> Question:
    """The card asked in `mode`; typed when there are no wrong answers to offer."""
    wrong = _wrong_answers_for(card, pool)
    if mode == "mcq" and wrong:
        mine = {fold(d) for d in card.distractors} if card.ord == 0 else set()
        own = [w for w in wrong if fold(w) in mine]
        borrowed = [w for w in wrong if fold(w) not in mine]
        # the note's own distractors first, then borrowed ones, at random within each
        first = rng.sample(own, min(len(own), CHOICES - 1))
        rest = rng.sample(borrowed, min(len(borrowed), CHOICES - 1 - len(first)))
        options = [card.expected, *first, *rest]
        rng.shuffle(options)
        return Question(card, "mcq", options=tuple(options))
    if mode == "truefalse" and wrong:
        truth = rng.random() < 0.5
        statement = card.expected if truth else rng.choice(wrong)
        return Question(card, "truefalse", statement=statement, truth=truth)
    return Question(card, "typed")


def build_quiz(
    cards: Sequence[StudyCard], count: int, mode: str, rng: random.Random
) -> list[Question]:
    """A test of `count` questions (fewer when the deck is smaller) drawn with `rng`."""
    if mode not in MODES:
        raise QuizkitError(f"unknown quiz mode {mode!r} (modes: {', '.join(MODES)})")
    if count < 1:
        raise QuizkitError(f"--count must be at least 1, not {count}")
    drawn = draw_cards(cards, count, rng)
    if not drawn:
        raise QuizkitError("this deck has no cards to quiz on (all suspended, or none yet)")
    modes = [mode] * len(drawn)
    if mode == "mixed":
        # as even a mix as the count allows, in random order, over the cards that can be
        # asked every way (a card with no wrong answers to offer is always typed)
        able = [i for i, card in enumerate(drawn) if _wrong_answers_for(card, cards)]
        mix = [MIXED[i % len(MIXED)] for i in range(len(able))]
        rng.shuffle(mix)
        modes = ["typed"] * len(drawn)
        for index, chosen in zip(able, mix, strict=True):
            modes[index] = chosen
    return [make_question(card, m, cards, rng) for card, m in zip(drawn, modes, strict=True)]


def run_quiz(
    questions: Sequence[Question],
    taker: QuizTaker,
    record: Callable[[Result], None] | None = None,
) -> QuizReport:
    """Ask every question in turn; `record` (when given) sees each result as it comes."""
    report = QuizReport(total=len(questions))
    for number, question in enumerate(questions, start=1):
        reply = taker.answer(question, number, len(questions))
        if reply is None:
            report.quit = True
            break
        result = judge(question, reply, number)
        report.results.append(result)
        if record is not None:
            record(result)
    return report


class Recorder:
    """Schedules each answer as a review, as studying would (`quizkit quiz --record`)."""

    def __init__(self, store: Store, now: Callable[[], datetime]) -> None:
        self.store = store
        self.now = now
        self.leeches: list[StudyCard] = []

    def __call__(self, result: Result) -> None:
        from quizkit.scheduler import make_scheduler, review

        card = self.store.card(result.question.card.id)
        moment = self.now()
        retention = self.store.deck_by_id(card.deck_id).desired_retention
        after = review(make_scheduler(retention), card, result.rating, moment, result.duration_ms)
        elapsed = (moment - card.last_review).total_seconds() / 86400 if card.last_review else None
        recorded = self.store.record_review(
            after,
            Review(
                card_id=card.id,
                reviewed_at=moment,
                rating=result.rating,
                typed=result.given,
                correct=result.correct,
                duration_ms=result.duration_ms,
                state_before=card.state,
                elapsed_days=elapsed,
            ),
        )
        if recorded.leech:
            self.leeches.append(card)
