"""Practice tests: questions drawn at random from a deck, answered, scored; no terminal here.

A test leaves the schedule alone unless a `record` callback is given (`quizkit quiz --record`).
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol, overload

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


class WrongAnswers(Sequence[str]):
    """A card's wrong answers in order: its note's own distractors, then the answers of the
    deck's other cards of its kind (sorted, one per folded form), leaving out the right one.

    A view over the deck's answers, not a copy: a test of 1,000 questions on a large deck
    looks at each card's few exclusions, never at the whole deck again.
    """

    def __init__(self, own: tuple[str, ...], group: Sequence[str], skipped: list[int]) -> None:
        self.own = own
        self._group = group
        self._skipped = skipped  # positions in `group` left out, ascending

    @property
    def borrowed(self) -> WrongAnswers:
        return WrongAnswers((), self._group, self._skipped)

    def __len__(self) -> int:
        return len(self.own) + len(self._group) - len(self._skipped)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        if index < len(self.own):
            return self.own[index]
        position = index - len(self.own)
        for skipped in self._skipped:
            if skipped > position:
                break
            position += 1
        return self._group[position]


class AnswerPool:
    """A deck's answers grouped by kind and direction, folded once, for wrong answers."""

    def __init__(self, cards: Sequence[StudyCard]) -> None:
        texts: dict[tuple[str, int], set[str]] = {}
        for card in cards:
            texts.setdefault((card.kind, card.ord), set()).add(card.expected)
        self._folds: dict[str, str] = {}
        self._cards: dict[int, WrongAnswers] = {}
        self._groups: dict[tuple[str, int], tuple[list[str], dict[str, int]]] = {}
        for key, group in texts.items():
            kept: list[str] = []
            where: dict[str, int] = {}
            for text in sorted(group):
                folded = self._fold(text)
                if folded not in where:
                    where[folded] = len(kept)
                    kept.append(text)
            self._groups[key] = (kept, where)

    def _fold(self, text: str) -> str:
        # folding is the costly part, and answers and distractors repeat across a deck
        folded = self._folds.get(text)
        if folded is None:
            folded = self._folds[text] = fold(text)
        return folded

    def wrong_answers(self, card: StudyCard) -> WrongAnswers:
        if card.id in self._cards:
            return self._cards[card.id]
        seen = {self._fold(card.expected)}
        own = []
        for text in card.distractors if card.ord == 0 else ():
            folded = self._fold(text)
            if folded not in seen:
                seen.add(folded)
                own.append(text)
        kept, where = self._groups.get((card.kind, card.ord), ([], {}))
        wrong = WrongAnswers(tuple(own), kept, sorted(where[f] for f in seen if f in where))
        self._cards[card.id] = wrong
        return wrong


def wrong_answers(card: StudyCard, pool: Sequence[StudyCard] | AnswerPool) -> list[str]:
    """Plausible wrong answers: the note's distractors, else answers of same-kind cards."""
    answers = pool if isinstance(pool, AnswerPool) else AnswerPool(pool)
    return list(answers.wrong_answers(card))


NO_WRONG_ANSWERS = WrongAnswers((), [], [])


def _wrong_answers_for(card: StudyCard, answers: AnswerPool) -> WrongAnswers:
    # a list answer is asked typed: picking among lists is no test of recall
    return NO_WRONG_ANSWERS if card.extra.get("items") else answers.wrong_answers(card)


def make_question(
    card: StudyCard,
    mode: str,
    pool: Sequence[StudyCard] | AnswerPool,
    rng: random.Random,
) -> Question:
    """The card asked in `mode`; typed when there are no wrong answers to offer."""
    answers = pool if isinstance(pool, AnswerPool) else AnswerPool(pool)
    wrong = _wrong_answers_for(card, answers)
    if mode == "mcq" and wrong:
        # the note's own distractors first, then borrowed ones, at random within each
        first = rng.sample(wrong.own, min(len(wrong.own), CHOICES - 1))
        borrowed = wrong.borrowed
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
    """A test of `count` questions (fewer when the deck is smaller) drawn with `rng`, in time
    linear in the deck whatever the count."""
    if mode not in MODES:
        raise QuizkitError(f"unknown quiz mode {mode!r} (modes: {', '.join(MODES)})")
    if count < 1:
        raise QuizkitError(f"--count must be at least 1, not {count}")
    drawn = draw_cards(cards, count, rng)
    if not drawn:
        raise QuizkitError("this deck has no cards to quiz on (all suspended, or none yet)")
    answers = AnswerPool(cards)
    modes = [mode] * len(drawn)
    if mode == "mixed":
        # as even a mix as the count allows, in random order, over the cards that can be
        # asked every way (a card with no wrong answers to offer is always typed)
        able = [i for i, card in enumerate(drawn) if _wrong_answers_for(card, answers)]
        mix = [MIXED[i % len(MIXED)] for i in range(len(able))]
        rng.shuffle(mix)
        modes = ["typed"] * len(drawn)
        for index, chosen in zip(able, mix, strict=True):
            modes[index] = chosen
    return [make_question(card, m, answers, rng) for card, m in zip(drawn, modes, strict=True)]


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
