"""`generate --review`: the teacher keeps, edits or drops each generated note.

Dropped notes are returned too, so that the store remembers them as dropped and generating
the same articles again does not bring them back. Independent of the terminal: it reads
lines from one stream and writes prompts to another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TextIO

from quizkit.grading import fold, grade, parse_date
from quizkit.models import Note

KEYS = "k keep, e edit, d drop, a keep this and the rest, q quit"


@dataclass
class Reviewed:
    """The teacher's decisions: notes to store, and notes to remember as dropped."""

    kept: list[Note] = field(default_factory=list)
    dropped: list[Note] = field(default_factory=list)


def review_notes(notes: list[Note], stdin: TextIO, stdout: TextIO) -> Reviewed | None:
    """Walk through the notes. None when the teacher quits and keeps nothing."""
    reviewed = Reviewed()

    def ask(prompt: str) -> str | None:
        stdout.write(prompt)
        stdout.flush()
        line = stdin.readline()
        return None if not line else line.rstrip("\r\n")

    for index, note in enumerate(notes, start=1):
        _show(note, index, len(notes), stdout)
        while True:
            choice = ask(f"{KEYS} [k]: ")
            choice = "q" if choice is None else (choice.strip().lower() or "k")
            if choice in ("k", "d", "e", "a", "q"):
                break
        if choice == "q":
            done = len(reviewed.kept) + len(reviewed.dropped)
            answer = ask(f"keep the {done} notes reviewed so far (the rest are left out)? [y/N]: ")
            if answer is not None and answer.strip().lower() in ("y", "yes"):
                return reviewed
            return None
        if choice == "a":
            reviewed.kept.extend(notes[index - 1 :])
            return reviewed
        if choice == "d":
            reviewed.dropped.append(note)
        elif choice == "k":
            reviewed.kept.append(note)
        else:
            edited = _edit(note, ask)
            if edited is None:
                return None
            reviewed.kept.append(edited)
    return reviewed


def _show(note: Note, index: int, total: int, stdout: TextIO) -> None:
    stdout.write(f"\n[{index}/{total}] ({note.kind}) {note.question}\n")
    stdout.write(f"    answer: {note.answer}\n")
    if note.alternatives:
        stdout.write(f"    also right: {' | '.join(note.alternatives)}\n")
    if note.distractors:
        stdout.write(f"    options: {' | '.join(note.distractors)}\n")


def _edit(note: Note, ask: Callable[[str], str | None]) -> Note | None:
    """Question, answer, alternatives and options, each kept with Enter."""
    question = ask("new question (Enter keeps it): ")
    answer = ask("new answer (Enter keeps it): ")
    if question is None or answer is None:
        return None
    edited = replace(note, question=question.strip() or note.question)
    if answer.strip() and answer.strip() != note.answer:
        edited = with_answer(edited, answer.strip())
    alternatives = _edit_list("also right", edited.alternatives, ask)
    distractors = _edit_list("options", edited.distractors, ask)
    if alternatives is None or distractors is None:
        return None
    return replace(edited, alternatives=alternatives, distractors=distractors)


def _edit_list(
    label: str, current: tuple[str, ...], ask: Callable[[str], str | None]
) -> tuple[str, ...] | None:
    """A list typed as `a | b | c`; Enter keeps it, `-` empties it."""
    shown = " | ".join(current) or "none"
    line = ask(f"{label}, separated by | (Enter keeps: {shown}; - for none): ")
    if line is None:
        return None
    if line.strip() == "-":
        return ()
    if not line.strip():
        return current
    return tuple(dict.fromkeys(v.strip() for v in line.split("|") if v.strip()))


def with_answer(note: Note, answer: str) -> Note:
    """The note with a corrected answer: alternatives that were right only for the old
    answer go (a date's other spellings are written again for the new date), and an
    option that is now the answer is no longer offered as a wrong one."""
    answer_type = str(note.extra.get("answer_type", "text"))
    kept: list[str] = []
    stale_date = False
    for alternative in note.alternatives:
        was_right = grade(alternative, note.answer, answer_type=answer_type).correct
        if was_right and not grade(alternative, answer, answer_type=answer_type).correct:
            stale_date = stale_date or parse_date(alternative) is not None
            continue
        kept.append(alternative)
    day = parse_date(answer)
    if stale_date and day is not None:
        kept += [f"{day.day} {day:%B} {day.year}", day.isoformat()]
    alternatives = tuple(dict.fromkeys(a for a in kept if fold(a) != fold(answer)))
    distractors = tuple(d for d in note.distractors if fold(d) != fold(answer))
    return replace(note, answer=answer, alternatives=alternatives, distractors=distractors)
