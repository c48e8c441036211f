"""Practice tests and cram sessions at a terminal (or from a pipe, one line per question)."""

from __future__ import annotations

import string
import sys
import time

from quizkit.cram import CramOutcome, CramSummary
from quizkit.models import StudyCard
from quizkit.quiz import Question, QuizReport, Reply
from quizkit.study import Answer
from quizkit.terminal import TerminalLearner


class QuizTerminal(TerminalLearner):
    """Asks a test's questions; on a terminal an unreadable choice is asked again."""

    def answer(self, question: Question, number: int, total: int) -> Reply | None:
        self._say()
        media = question.card.prompt_media
        self._say(f"[{number}/{total}] {question.prompt}" + (f" {media}" if media else ""))
        if question.mode == "mcq":
            for letter, option in zip(string.ascii_uppercase, question.options, strict=False):
                self._say(f"  {letter}. {option}")
            last = string.ascii_uppercase[len(question.options) - 1]
            hint = f"Your choice (A-{last} or 1-{len(question.options)}, q to quit): "
        elif question.mode == "truefalse":
            self._say(f"  True or false: {question.statement}")
            hint = "True or false? (t/f, q to quit): "
        else:
            hint = "Your answer (q to quit): "
        started = time.monotonic()
        while True:
            text = self._read(hint if self.interactive else "> ")
            if text is None or text.strip().lower() == "q":
                return None
            if not self.interactive or question.understands(text):
                break
            self._say("That is not one of the choices.")
        return Reply(text.strip(), int((time.monotonic() - started) * 1000))


def quiz_report_lines(report: QuizReport) -> list[str]:
    """The score, then each missed question with what was answered and the right answer."""
    answered = report.answered
    share = f"{100 * report.score / answered:.0f}%" if answered else "-"
    if report.quit:
        lines = [
            f"Stopped after {answered} of {report.total} questions: "
            f"{report.score} of {answered} right ({share})."
        ]
    else:
        lines = [f"Score: {report.score} of {report.total} right ({share})."]
    if report.missed:
        lines += ["", "Missed:"]
        for result in report.missed:
            lines.append(f"  [{result.number}] {result.question.prompt}")
            lines.append(f"      you answered: {result.given or '(nothing)'}")
            lines.append(f"      answer: {result.question.right_answer}")
    elif answered:
        lines += ["", "No questions missed."]
    return lines


class CramTerminal(TerminalLearner):
    """A cram session's cards; wrong ones are said to come back."""

    # cram's Learner (cram.py) is told how many cards remain, not the study queue's counts
    def ask(self, card: StudyCard, remaining: int) -> Answer | None:  # type: ignore[override]
        return self._ask(card, f"{remaining} to go")

    def show_cram_outcome(self, outcome: CramOutcome) -> bool:
        card = outcome.card
        if outcome.typed is not None:
            verdict = "Right" if outcome.correct else "Wrong"
            if outcome.correct and outcome.typo:
                verdict = "Right (with a typo)"
            self._say(f"{verdict}. Answer: {card.expected}")
        if outcome.detail:
            self._say(outcome.detail)
        if outcome.comes_back:
            self._say("It comes back later in this session.")
        return True


def cram_summary_lines(summary: CramSummary) -> list[str]:
    again = summary.done - summary.first_time
    if summary.quit:
        head = f"Stopped: {summary.done} of {summary.cards} cards answered right"
    else:
        head = f"Crammed {summary.cards} card{'s' if summary.cards != 1 else ''}"
    lines = [
        f"{head}: {summary.first_time} right the first time, {again} after another go. "
        "The schedule is unchanged."
    ]
    if summary.missed:
        lines.append("Missed at least once:")
        lines += [f"  {card.prompt} -> {card.expected}" for card in summary.missed]
    return lines


def open_quiz_terminal() -> QuizTerminal:
    return QuizTerminal(sys.stdin, sys.stdout, sys.stdin.isatty())


def open_cram_terminal() -> CramTerminal:
    return CramTerminal(sys.stdin, sys.stdout, sys.stdin.isatty())
