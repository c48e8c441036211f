"""The learner at a terminal (or a pipe): the `Learner` that `quizkit study` uses.

On a terminal the learner can reveal, grade 1-4 and override; from a pipe each card
reads exactly one line (the typed answer, or an empty line for "don't know").
"""

from __future__ import annotations

import sys
import time
from dataclasses import replace
from typing import TextIO

from quizkit.models import Note, Rating, StudyCard
from quizkit.study import DUE_COUNT_CAP, Answer, Outcome, due_in_words

RATING_KEYS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}
RATING_NAMES = {
    Rating.AGAIN: "again",
    Rating.HARD: "hard",
    Rating.GOOD: "good",
    Rating.EASY: "easy",
}


class TerminalLearner:
    """Reads answers line by line and prints each card's question and result."""

    def __init__(self, stdin: TextIO, stdout: TextIO, interactive: bool) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = interactive
        self.shown = 0
        self.quitting = False

    def _say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")
        self.stdout.flush()

    def _read(self, prompt: str) -> str | None:
        """One line, or None at end of input or Ctrl-C."""
        self.stdout.write(prompt)
        self.stdout.flush()
        try:
            line = self.stdin.readline()
        except KeyboardInterrupt:
            self._say()
            return None
        if not line:
            self._say()
            return None
        line = line.rstrip("\n").rstrip("\r")
        if not self.interactive:
            self._say(line)  # a pipe does not echo: keep the transcript readable
        return line

    def ask(self, card: StudyCard, remaining: int) -> Answer | None:
        due = f"{DUE_COUNT_CAP}+" if remaining > DUE_COUNT_CAP else str(remaining)
        return self._ask(card, f"{due} due")

    def _ask(self, card: StudyCard, status: str) -> Answer | None:
        """Show the card with a status ('12 due', '3 to go') and read the typed answer."""
        if self.quitting:
            return None
        self.shown += 1
        label = "reverse" if card.ord == 1 else card.kind
        self._say()
        self._say(f"[{self.shown}] ({label}, {status}) {card.prompt}")
        started = time.monotonic()
        hint = "Answer (Enter to reveal, q to quit): " if self.interactive else "> "
        text = self._read(hint)
        if text is None or text.strip().lower() == "q":
            return None
        return Answer(text=text.strip(), duration_ms=int((time.monotonic() - started) * 1000))

    def rate_after_reveal(self, card: StudyCard) -> Rating | None:
        self._say(f"Answer: {card.expected}")
        if not self.interactive:
            return Rating.AGAIN
        while True:
            key = self._read("How well did you know it? 1 again, 2 hard, 3 good, 4 easy: ")
            if key is None or key.strip().lower() == "q":
                return None
            if key.strip() in RATING_KEYS:
                return RATING_KEYS[key.strip()]

    def show_outcome(self, outcome: Outcome) -> Rating | None:
        card = outcome.card
        if outcome.correct is True:
            verdict = "Right (with a typo)" if outcome.typo else "Right"
        elif outcome.correct is False:
            verdict = "Wrong"
        else:
            verdict = ""
        if outcome.correct is not None:
            self._say(f"{verdict}. Answer: {card.expected}")
        if outcome.typed is not None:
            self._say(f"You typed: {outcome.typed}")
        if outcome.detail:
            self._say(outcome.detail)
        if card.sources:
            self._say("Source: " + "; ".join(str(s) for s in card.sources))
        conflict = card.extra.get("conflict")
        if conflict:
            self._say(f"Sources disagree: {conflict}")
        self._say(f"Graded {RATING_NAMES[outcome.rating]}; {_next_step(outcome)}")
        if not self.interactive or outcome.correct is None:
            return None
        key = self._read("Enter to go on, 1-4 to change the grade, q to quit: ")
        if key is None or key.strip().lower() == "q":
            self.quitting = True
            return None
        if key.strip() in RATING_KEYS:
            return RATING_KEYS[key.strip()]
        return None

    def show_regrade(self, outcome: Outcome) -> None:
        self._say(f"Regraded {RATING_NAMES[outcome.rating]}; {_next_step(outcome)}")


def _next_step(outcome: Outcome) -> str:
    """What happens to the card now: its next review, or its suspension as a leech."""
    if outcome.leech_lapses:
        return (
            f"suspended as a leech ({outcome.leech_lapses} lapses); "
            "`quizkit unsuspend` brings it back."
        )
    return f"next review {due_in_words(outcome.due, outcome.now)}."


def open_learner() -> TerminalLearner:
    return TerminalLearner(sys.stdin, sys.stdout, sys.stdin.isatty())


def review_generated(notes: list[Note], stdin: TextIO, stdout: TextIO) -> list[Note] | None:
    """Walk through generated notes: keep, edit or drop each. None if the teacher quits."""
    kept: list[Note] = []
    for index, note in enumerate(notes, start=1):
        stdout.write(f"\n[{index}/{len(notes)}] ({note.kind}) {note.question}\n")
        stdout.write(f"    answer: {note.answer}\n")
        if note.distractors:
            stdout.write(f"    options: {' | '.join(note.distractors)}\n")
        while True:
            stdout.write("k keep, e edit, d drop, q quit [k]: ")
            stdout.flush()
            choice = stdin.readline()
            if not choice:
                return None
            choice = choice.strip().lower() or "k"
            if choice in ("k", "d", "e", "q"):
                break
        if choice == "q":
            return None
        if choice == "k":
            kept.append(note)
        elif choice == "e":
            stdout.write("new question (Enter keeps it): ")
            stdout.flush()
            question = stdin.readline().strip() or note.question
            stdout.write("new answer (Enter keeps it): ")
            stdout.flush()
            answer = stdin.readline().strip() or note.answer
            kept.append(replace(note, question=question, answer=answer))
    return kept
