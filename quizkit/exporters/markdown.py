"""A deck as Markdown flashcards in the Obsidian spaced-repetition style.

`question::answer` (`:::` when both directions are asked), or for text over several lines the
question, a `?` line (`??` for both directions) and the answer. Tags become nested headings,
so the file reads back with the same tags; the deck's name sits in YAML front matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizkit.models import DeckInfo, Note

MAX_HEADING = 6
ESCAPE_NEEDED = re.compile(r"^(#{1,6}\s|\?\??\s*$|```|~~~|---\s*$|\\)")


def deck_markdown(deck: DeckInfo, notes: Iterable[Note]) -> str:
    lines = ["---", f"deck: {_yaml_text(deck.name)}", "---", ""]
    current: tuple[str, ...] = ()
    # Notes without tags first: headings, once written, hold until the next heading.
    for note in sorted(notes, key=lambda n: (len(n.tags) > 0, n.tags)):
        tags = note.tags[:MAX_HEADING]
        if tags != current:
            same = 0
            while same < min(len(tags), len(current)) and tags[same] == current[same]:
                same += 1
            if len(tags) < len(current) and same == len(tags):
                same -= 1  # a shorter path needs its last heading again to close deeper ones
            for level in range(max(same, 0), len(tags)):
                lines += [f"{'#' * (level + 1)} {tags[level]}", ""]
            current = tags
        lines += [*_card(note), ""]
    return "\n".join(lines).rstrip("\n") + "\n"


def _card(note: Note) -> list[str]:
    question = _one_paragraph(note.question)
    answer = _one_paragraph(note.answer)
    inline = f"{question}{':::' if note.reverse else '::'}{answer}"
    if "\n" in inline or inline.count("::") > 1 or question.endswith(":") or answer[:1] == ":":
        return [*map(_escaped, question.split("\n")), "??" if note.reverse else "?"] + [
            *map(_escaped, answer.split("\n"))
        ]
    return [_escaped(inline)]


def _one_paragraph(text: str) -> str:
    """A blank line would end the card, so blank lines inside a side are dropped; `<!--`
    is escaped (`<\\!--`, as CommonMark reads it) so no card text becomes a comment."""
    text = text.replace("<!--", "<\\!--")
    return "\n".join(line for line in text.split("\n") if line.strip())


def _escaped(line: str) -> str:
    """A line that would read as a heading, a `?` separator or a code fence (or that starts
    with a backslash) gets a backslash in front, which the importer drops."""
    return "\\" + line if ESCAPE_NEEDED.match(line) else line


def _yaml_text(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
