"""The study session: pick the next card, grade the answer, schedule, commit; no terminal here.

The session talks to the learner only through a `Learner` (the terminal in real use,
a script in tests), and reads the clock only through `now`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from quizkit.grading import grade, grade_list
from quizkit.models import CardState, Deck, Rating, RecordedReview, Review, StudyCard
from quizkit.scheduler import make_scheduler, review
from quizkit.store import Store, start_of_day

# Anki's default: when nothing is due, a learning card due within this long is shown now.
LEARN_AHEAD = timedelta(minutes=20)
ONE_DAY = timedelta(days=1)


@dataclass(frozen=True)
class QueueCounts:
    """What is left to study now, as Anki shows it above each card."""

    new: int
    learning: int
    due: int


@dataclass(frozen=True)
class Answer:
    """What the learner did with a card: typed text, or asked to see the answer."""

    text: str
    duration_ms: int

    @property
    def revealed(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True)
class Outcome:
    """What the learner is shown after a card: verdict, right answer and next due time."""

    card: StudyCard
    typed: str | None
    correct: bool | None
    typo: bool
    rating: Rating
    due: datetime
    now: datetime
    detail: str = ""
    # the answer suspended the card as a leech (after this many lapses); 0 when it did not
    leech_lapses: int = 0


class Learner(Protocol):
    """The other side of a session. Returning None means the learner quits."""

    def ask(self, card: StudyCard, counts: QueueCounts) -> Answer | None: ...

    def rate_after_reveal(self, card: StudyCard) -> Rating | None: ...

    def show_outcome(self, outcome: Outcome) -> Rating | None:
        """Show the result; return a different rating to override it, else None."""
        ...

    def show_regrade(self, outcome: Outcome) -> None:
        """Confirm an override: the outcome with the learner's rating and the new due time."""
        ...


@dataclass
class Summary:
    """A finished session, for the closing line."""

    seen: int = 0
    graded: int = 0
    correct: int = 0
    next_due: datetime | None = None
    quit: bool = False
    leeches: list[StudyCard] = field(default_factory=list)

    @property
    def percent_correct(self) -> float | None:
        return 100.0 * self.correct / self.graded if self.graded else None


def slow_after_ms(expected: str) -> int:
    """How long a right answer may take and still count as Good rather than Hard."""
    return 10_000 + 300 * len(expected)


def rating_for(correct: bool, typo: bool, duration_ms: int, expected: str) -> Rating:
    if not correct:
        return Rating.AGAIN
    if typo or duration_ms > slow_after_ms(expected):
        return Rating.HARD
    return Rating.GOOD


def check_answer(card: StudyCard, typed: str) -> tuple[bool, bool, str]:
    """(correct, typo, detail) for a typed answer to this card."""
    forward = card.ord == 0
    answer_type = card.extra.get("answer_type", "text") if forward else "text"
    items = card.extra.get("items") if forward else None
    if items:
        verdict = grade_list(typed, items, answer_type)
        detail = ""
        if not verdict.correct:
            parts = []
            if verdict.missing:
                parts.append(f"missing {', '.join(verdict.missing)}")
            if verdict.wrong:
                parts.append(f"not in the list: {', '.join(verdict.wrong)}")
            detail = f"{len(verdict.found)} of {len(items)} right; " + "; ".join(parts)
        return verdict.correct, verdict.typo, detail
    result = grade(
        typed,
        card.expected,
        card.accepted,
        answer_type,
        distractors=card.distractors if forward else (),
        question=card.prompt,
    )
    return result.correct, result.typo, result.detail


class Session:
    """One run of `quizkit study`: due cards first (most overdue first), then new ones."""

    def __init__(
        self,
        store: Store,
        deck: Deck | None,
        now: Callable[[], datetime],
        new_limit: int = 20,
    ) -> None:
        self.store = store
        self.deck = deck
        self.now = now
        self.new_limit = new_limit
        self._schedulers: dict[int, Any] = {}
        # the counts on screen, kept current answer by answer (see counts())
        self._day: datetime | None = None
        self._checked: datetime | None = None
        self._new = self._learning = self._review = self._introduced = 0

    def next_card(self, moment: datetime) -> StudyCard | None:
        # bury: a card whose sibling (same note, other direction) was reviewed today waits
        today = start_of_day(moment)
        card = self.store.next_due_card(self.deck, moment, bury_since=today)
        if card is not None:
            return card
        introduced = self.store.new_cards_studied_since(self.deck, today)
        if introduced < self.new_limit:
            card = self.store.next_new_card(self.deck, bury_since=today)
            if card is not None:
                return card
        return self.store.next_due_card(self.deck, moment + LEARN_AHEAD, bury_since=today)

    def counts(self, moment: datetime) -> QueueCounts:
        """New, learning and due cards left now.

        Counted from the tables once (and again when a new day starts); after that, kept
        current: each answer takes its card (and a sibling it buries) off, and the cards
        whose due time passed since the last look are added, from a short range of the due
        index. So a step costs the same on a 100,000-card deck as on a small one.
        """
        today = start_of_day(moment)
        if self._day != today or self._checked is None:
            self._day, self._checked = today, moment
            self._new, self._learning, self._review = self.store.queue_counts(
                self.deck, moment, today
            )
            self._introduced = self.store.new_cards_studied_since(self.deck, today)
        elif moment > self._checked:
            learning, review = self.store.became_due(self.deck, self._checked, moment, today)
            self._learning += learning
            self._review += review
            self._checked = moment
        new = max(0, min(self._new, self.new_limit - self._introduced))
        return QueueCounts(new, max(0, self._learning), max(0, self._review))

    def _take_off(self, card: StudyCard) -> None:
        """Count a card being answered out of the figure it was shown in, if it was in one."""
        if self._checked is None:
            return
        if card.state == CardState.NEW:
            self._new -= 1
            self._introduced += 1
        elif card.due <= self._checked:
            if card.state == CardState.REVIEW:
                self._review -= 1
            else:
                self._learning -= 1
        first_today = card.last_review is None or card.last_review < start_of_day(self._checked)
        if not first_today:
            return
        # the first answer of the day buries the note's other card: it leaves the counts
        for sibling in self.store.sibling_cards(card):
            if sibling.suspended:
                continue
            if sibling.state == CardState.NEW:
                self._new -= 1
            elif sibling.due <= self._checked:
                if sibling.state == CardState.REVIEW:
                    self._review -= 1
                else:
                    self._learning -= 1

    def next_due(self, moment: datetime) -> datetime | None:
        """When there will next be something to study: a scheduled card, or a new one."""
        due = self.store.next_due_time(self.deck)
        if self.store.next_new_card(self.deck) is not None:
            introduced = self.store.new_cards_studied_since(self.deck, start_of_day(moment))
            new_at = moment if introduced < self.new_limit else start_of_day(moment) + ONE_DAY
            due = min(due, new_at) if due else new_at
        return due

    def run(self, learner: Learner) -> Summary:
        """Study until nothing is left or the learner quits (q, end of input, Ctrl-C).

        Each answer is committed before its outcome is shown, so an interrupted session
        loses at most the card on screen.
        """
        summary = Summary()
        try:
            while (card := self.next_card(self.now())) is not None:
                if not self._study(card, learner, summary):
                    summary.quit = True
                    break
        except KeyboardInterrupt:
            summary.quit = True
        summary.next_due = self.next_due(self.now())
        return summary

    def _study(self, card: StudyCard, learner: Learner, summary: Summary) -> bool:
        """Ask, grade, schedule, commit, then show the outcome; False when the learner quits."""
        answer = learner.ask(card, self.counts(self.now()))
        if answer is None:
            return False
        if answer.revealed:
            chosen = learner.rate_after_reveal(card)
            if chosen is None:
                return False
            correct, typo, detail, rating = None, False, "", chosen
        else:
            correct, typo, detail = check_answer(card, answer.text)
            rating = rating_for(correct, typo, answer.duration_ms, card.expected)
            if not correct and card.extra.get("answer_type") == "free" and card.ord == 0:
                # a described event cannot be matched word for word: the learner judges
                chosen = learner.rate_after_reveal(card)
                if chosen is None:
                    return False
                correct, rating = None, chosen
        answered_at = self.now()
        after, recorded = self._apply(card, rating, answered_at, answer, correct)
        self._take_off(card)
        summary.seen += 1
        if correct is not None:
            summary.graded += 1
            summary.correct += int(correct)
        outcome = Outcome(
            card=card,
            typed=None if answer.revealed else answer.text,
            correct=correct,
            typo=typo,
            rating=rating,
            due=after.due,
            now=answered_at,
            detail=detail,
            leech_lapses=recorded.lapses if recorded.leech else 0,
        )
        override = learner.show_outcome(outcome)
        if override is not None and override != rating:
            amended = review(self._scheduler(card), card, override, answered_at, answer.duration_ms)
            recorded = self.store.amend_review(
                recorded, amended, self._log(card, override, answer, correct, answered_at)
            )
            learner.show_regrade(
                replace(
                    outcome,
                    rating=override,
                    due=amended.due,
                    leech_lapses=recorded.lapses if recorded.leech else 0,
                )
            )
        if recorded.leech:
            summary.leeches.append(card)
        return True

    def _scheduler(self, card: StudyCard) -> Any:
        if card.deck_id not in self._schedulers:
            retention = self.store.deck_by_id(card.deck_id).desired_retention
            self._schedulers[card.deck_id] = make_scheduler(retention)
        return self._schedulers[card.deck_id]

    def _log(
        self,
        card: StudyCard,
        rating: Rating,
        answer: Answer,
        correct: bool | None,
        moment: datetime,
    ) -> Review:
        elapsed = (moment - card.last_review).total_seconds() / 86400 if card.last_review else None
        return Review(
            card_id=card.id,
            reviewed_at=moment,
            rating=rating,
            typed=None if answer.revealed else answer.text,
            correct=correct,
            duration_ms=answer.duration_ms,
            state_before=card.state,
            elapsed_days=elapsed,
        )

    def _apply(
        self,
        card: StudyCard,
        rating: Rating,
        moment: datetime,
        answer: Answer,
        correct: bool | None,
    ) -> tuple[StudyCard, RecordedReview]:
        """Schedule and commit one answer, with its consequences, before anything is shown."""
        after = review(self._scheduler(card), card, rating, moment, answer.duration_ms)
        recorded = self.store.record_review(after, self._log(card, rating, answer, correct, moment))
        return after, recorded


def due_in_words(due: datetime, now: datetime) -> str:
    """'now', 'in 10 minutes', 'in 3 days': how far off a due time is, as a learner says it.

    A unit is used from just under one of it, so 23 hours 55 minutes is 'in 1 day'.
    """
    seconds = (due - now).total_seconds()
    for size, unit in (
        (86400 * 365, "year"),
        (86400 * 30, "month"),
        (86400, "day"),
        (3600, "hour"),
        (60, "minute"),
    ):
        if seconds >= size * 0.98:
            count = max(1, round(seconds / size))
            return f"in {count} {unit}{'s' if count != 1 else ''}"
    return "now"
