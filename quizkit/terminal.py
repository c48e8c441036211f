"""The learner at a terminal (or a pipe): the `Learner` that `quizkit study` uses.

On a terminal the learner can reveal, grade 1-4 and override; from a pipe each card
reads exactly one line (the typed answer, or an empty line for "don't know").
"""

from __future__ import annotations

import difflib
import os
import sys
import time
from typing import TextIO

from quizkit.models import Rating, StudyCard
from quizkit.study import Answer, Outcome, QueueCounts, due_in_words

RATING_KEYS = {"1": Rating.AGAIN, "2": Rating.HARD, "3": Rating.GOOD, "4": Rating.EASY}
RATING_NAMES = {
    Rating.AGAIN: "again",
    Rating.HARD: "hard",
    Rating.GOOD: "good",
    Rating.EASY: "easy",
}


# how to study, shown by --demo and in a learner's first session
HOW_TO_STUDY = (
    "How it works: type the answer and press Enter; Enter alone reveals the answer.",
    "Typed answers are graded for you (1-4 changes the grade); after a reveal, grade yourself:"
    " 1 again, 2 hard, 3 good, 4 easy.",
    "q quits at any prompt (Ctrl-C too); each answer is saved as soon as it is given.",
)
# ANSI styles; a near miss's differing letters are underlined as well as coloured
STYLES = {
    "green": "\x1b[32m",
    "red": "\x1b[31m",
    "blue": "\x1b[34m",
    "bold": "\x1b[1m",
    "mark": "\x1b[1;4m",
}
RESET = "\x1b[0m"
# a wrong answer this alike (0-1, difflib's ratio) to the right one is shown letter by letter
NEAR_MISS = 0.6


def wants_colour(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (no-color.org)."""
    return stream.isatty() and not os.environ.get("NO_COLOR")


class TerminalLearner:
    """Reads answers line by line and prints each card's question and result."""

    def __init__(
        self, stdin: TextIO, stdout: TextIO, interactive: bool, colour: bool = False
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.interactive = interactive
        self.colour = colour
        self.shown = 0
        self.quitting = False

    def _paint(self, text: str, *styles: str) -> str:
        if not self.colour or not text:
            return text
        return "".join(STYLES[s] for s in styles) + text + RESET

    def introduce(self) -> None:
        """The three lines on how to answer, reveal, grade and quit."""
        for line in HOW_TO_STUDY:
            self._say(line)

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

    def ask(self, card: StudyCard, counts: QueueCounts) -> Answer | None:
        if self.quitting:
            return None
        self._say()
        self._say(
            f"{self._paint(str(counts.new), 'blue')} new · "
            f"{self._paint(str(counts.learning), 'red')} learning · "
            f"{self._paint(str(counts.due), 'green')} due"
        )
        return self._ask(card, "", blank=False)

    def _ask(self, card: StudyCard, status: str, blank: bool = True) -> Answer | None:
        """Show the card, with a status ('3 to go') when given, and read the typed answer."""
        if self.quitting:
            return None
        self.shown += 1
        label = "reverse" if card.ord == 1 else card.kind
        if blank:
            self._say()
        head = f"[{self.shown}] ({label}, {status}) " if status else f"[{self.shown}] ({label}) "
        media = f" {card.prompt_media}" if card.prompt_media else ""
        # a question of several lines (a timeline) keeps its layout, indented under the first
        self._say(head + card.prompt.replace("\n", "\n" + " " * len(head)) + media)
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
            what = f"{key.strip()!r} is not a grade" if key.strip() else "Choose a grade"
            self._say(f"{what}: press 1, 2, 3 or 4 (q quits).")

    def show_outcome(self, outcome: Outcome) -> Rating | None:
        card = outcome.card
        if outcome.correct is True:
            verdict = self._paint("Right (with a typo)" if outcome.typo else "Right", "green")
        elif outcome.correct is False:
            verdict = self._paint("Wrong", "red", "bold")
        else:
            verdict = ""
        if outcome.correct is not None:
            self._say(f"{verdict}. Answer: {card.expected}")
        if outcome.typed is not None:
            near = outcome.typo or (
                outcome.correct is False
                and difflib.SequenceMatcher(
                    None, outcome.typed.casefold(), card.expected.casefold()
                ).ratio()
                >= NEAR_MISS
            )
            if near and outcome.typed.casefold() != card.expected.casefold():
                for line in self._near_miss(outcome.typed, closest_form(outcome.typed, card)):
                    self._say(line)
            else:
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
        while True:
            key = self._read("Enter to go on, 1-4 to change the grade, q to quit: ")
            if key is None or key.strip().lower() == "q":
                self.quitting = True
                return None
            if key.strip() in RATING_KEYS:
                return RATING_KEYS[key.strip()]
            if not key.strip():
                return None
            self._say(f"{key.strip()!r} is not a choice: Enter goes on, 1-4 regrades, q quits.")

    def _near_miss(self, typed: str, expected: str) -> list[str]:
        """The typed answer above the expected one, letter under letter, the letters that
        differ marked: in colour, or by a line of ^ under them."""
        top, bottom, marks = [], [], []
        matcher = difflib.SequenceMatcher(None, typed.casefold(), expected.casefold())
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            mine, right = typed[i1:i2], expected[j1:j2]
            width = max(len(mine), len(right))
            if op == "equal":
                top.append(mine)
                bottom.append(right)
                marks.append(" " * width)
            else:
                top.append(self._paint(mine, "red", "mark") + " " * (width - len(mine)))
                bottom.append(self._paint(right, "green", "mark") + " " * (width - len(right)))
                marks.append("^" * width)
        lines = [f"You typed: {''.join(top)}", f"Expected:  {''.join(bottom)}"]
        if not self.colour:
            lines.append(("           " + "".join(marks)).rstrip())
        return [line.rstrip() for line in lines]

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


def closest_form(typed: str, card: StudyCard) -> str:
    """The accepted form a near miss was aiming at: the answer, an alternative, or the
    answer's last words (a surname typed alone)."""
    words = card.expected.split()
    forms = [card.expected, *card.accepted, *(" ".join(words[i:]) for i in range(1, len(words)))]
    folded = typed.casefold()
    return max(forms, key=lambda f: difflib.SequenceMatcher(None, folded, f.casefold()).ratio())


def open_learner() -> TerminalLearner:
    return TerminalLearner(sys.stdin, sys.stdout, sys.stdin.isatty(), wants_colour(sys.stdout))
