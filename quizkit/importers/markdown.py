"""Markdown flashcards as Obsidian's spaced-repetition plugin writes them.

`question::answer` is one card, `question:::answer` asks both ways; several lines of question,
a `?` line (`??`: both ways) and several lines of answer make a multi-line card, which ends
at a blank line. Headings become tags (nested headings: one tag each). YAML front matter may
name the deck (`deck: ...`). Code blocks and HTML comments (`<!--SR:...-->`) are skipped; a
backslash at the start of a line is dropped (it keeps `# x` or `?` from acting as markup).
"""

from __future__ import annotations

from pathlib import Path

from quizkit.importers import ImportBatch, ImportOptions, Problems, Warn, dedupe, default_deck_name
from quizkit.models import DeckInfo, Note, content_guid
from quizkit.textfile import read_text

ESCAPED_COMMENT = "<\\!--"  # how the exporter writes `<!--` inside a card: CommonMark's escape


def read_markdown(path: Path, options: ImportOptions, warn: Warn | None) -> ImportBatch:
    text = read_text(path, warn)
    lines = text.split("\n")
    start, front_deck = _front_matter(lines)
    deck_name = options.deck or front_deck or default_deck_name(path, options)
    problems = Problems(str(path), options.skip_bad)
    notes: list[Note] = []
    headings: list[str | None] = []
    block: list[tuple[int, str]] = []
    fenced = False
    for number, raw in enumerate(lines[start:], start + 1):
        line = _without_comments(raw).rstrip()
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            notes += _block(block, headings, deck_name, problems)
            block = []
            continue
        heading = None if fenced else _heading(line)
        if fenced or heading or not line.strip():
            notes += _block(block, headings, deck_name, problems)
            block = []
            if heading:
                level, title = heading
                headings = [*headings[: level - 1], *[None] * (level - 1 - len(headings))]
                headings.append(title)
            continue
        block.append((number, line))
    notes += _block(block, headings, deck_name, problems)
    notes = dedupe(notes, problems, "same question as the card at")
    return ImportBatch(DeckInfo(deck_name), notes, problems.skipped)


def _without_comments(line: str) -> str:
    """The line without its `<!-- ... -->` comments, in one pass (each search starts where
    the last one ended, so a line of 40,000 `<!--` is read once)."""
    if "<!--" not in line:
        return line.replace(ESCAPED_COMMENT, "<!--")
    kept = []
    position = 0
    while True:
        start = line.find("<!--", position)
        if start < 0:
            break
        end = line.find("-->", start + 4)
        if end < 0:
            break  # an unclosed comment is text, as before
        kept.append(line[position:start])
        position = end + 3
    kept.append(line[position:])
    return "".join(kept).replace(ESCAPED_COMMENT, "<!--")


def _heading(line: str) -> tuple[int, str] | None:
    """(level, title) of an ATX heading (`## Title ##`), or None; no backtracking."""
    level = len(line) - len(line.lstrip("#"))
    if not 1 <= level <= 6 or level == len(line) or not line[level].isspace():
        return None
    return level, line[level:].strip().rstrip("#").rstrip()


def _front_matter(lines: list[str]) -> tuple[int, str | None]:
    """Where the body starts, and the deck named in YAML front matter."""
    if not lines or lines[0].strip() != "---":
        return 0, None
    deck = None
    for index, line in enumerate(lines[1:], 1):
        if line.strip() == "---":
            return index + 1, deck
        key, _colon, value = line.partition(":")
        if key.strip() == "deck" and value.strip():
            deck = _unquote(value.strip())
    return 0, None


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _block(
    block: list[tuple[int, str]], headings: list[str | None], deck: str, problems: Problems
) -> list[Note]:
    if not block:
        return []
    tags = tuple(h for h in headings if h)
    marks = [i for i, (_n, line) in enumerate(block) if line.strip() in ("?", "??")]
    if marks:
        at = marks[0]
        question = "\n".join(_unescaped(line) for _n, line in block[:at]).strip()
        answer = "\n".join(_unescaped(line) for _n, line in block[at + 1 :]).strip()
        reverse = block[at][1].strip() == "??"
        note = _note(question, answer, reverse, tags, deck, block[0][0], problems)
        return [note] if note else []
    notes = []
    for number, line in block:
        separator = ":::" if ":::" in line else "::" if "::" in line else None
        if separator is None:
            continue  # prose between cards
        question, _sep, answer = _unescaped(line).partition(separator)
        note = _note(
            question.strip(), answer.strip(), separator == ":::", tags, deck, number, problems
        )
        if note:
            notes.append(note)
    return notes


def _unescaped(line: str) -> str:
    """A leading backslash keeps a line from reading as a heading, `?` or code fence."""
    return line[1:] if line.startswith("\\") else line


def _note(
    question: str,
    answer: str,
    reverse: bool,
    tags: tuple[str, ...],
    deck: str,
    line: int,
    problems: Problems,
) -> Note | None:
    if not question:
        problems.bad("card has no question", line)
        return None
    if not answer:
        problems.bad("card has no answer", line)
        return None
    return Note(
        question=question,
        answer=answer,
        guid=content_guid(deck, question),
        deck=deck,
        tags=tags,
        reverse=reverse,
        line=line,
    )
