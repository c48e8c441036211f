"""The learner at a terminal (or a pipe): the `Learner` that `quizkit study` uses.

On a terminal the learner can reveal, grade 1-4 and override; from a pipe each card
reads exactly one line (the typed answer, or an empty line for "don't know").
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

from quizkit.models import Rating, StudyCard
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
        media = f" {card.prompt_media}" if card.prompt_media else ""
        self._say(f"[{self.shown}] ({label}, {status}) {card.prompt}{media}")
        started = time.monotonic()
        hint = "Answer (Enter to reveal, q to quit): " if self.interactive else "> "
        text = self._read(hint)
        if text is None or text.strip().lower() == "q":
            return None
        return Answer(text=text.strip(), duration_ms=int((time.monotonic() - started) * 1000))

    def rate_after_reveal(self, card: StudyCard) -> Rating | None:
        media = f" {card.expected_media}" if card.expected_media else ""
        self._say(f"Answer: {card.expected}{media}")
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
        when = due_in_words(outcome.due, outcome.now)
        self._say(f"Graded {RATING_NAMES[outcome.rating]}; next review {when}.")
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
        when = due_in_words(outcome.due, outcome.now)
        self._say(f"Regraded {RATING_NAMES[outcome.rating]}; next review {when}.")


def open_learner() -> TerminalLearner:
    return TerminalLearner(sys.stdin, sys.stdout, sys.stdin.isatty())
