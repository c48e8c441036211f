"""Anki field HTML to plain text: line breaks kept, entities decoded, media references kept.

Nothing in a field is executed or fetched: scripts and styles are dropped, and pictures and
sounds become names in `FieldText.media` that the importer resolves inside the package only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

BLOCK_TAGS = {"div", "p", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}
DROPPED_TAGS = {"script", "style", "head", "title"}
SOUND = re.compile(r"\[sound:([^\]]+)\]")
CLOZE = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


@dataclass(frozen=True)
class FieldText:
    """A field as text, with the media files its HTML named (pictures, then sounds)."""

    text: str
    media: tuple[str, ...]


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.media: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in DROPPED_TAGS:
            self.dropping += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in BLOCK_TAGS:
            self._break()
        elif tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.media.append(src)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in DROPPED_TAGS:
            self.dropping = max(0, self.dropping - 1)
        elif tag in BLOCK_TAGS:
            self._break()

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")


def html_to_text(html: str) -> FieldText:
    """Text of an Anki field; `[sound:x]` tags and `<img src>` become media names."""
    sounds: list[str] = []
    if "[sound:" in html:  # most fields have none: two regex passes saved per field
        sounds = SOUND.findall(html)
        html = SOUND.sub("", html)
    if "<" not in html and "&" not in html:
        return FieldText(_tidy(html), tuple(sounds))
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts).replace("\xa0", " ")
    return FieldText(_tidy(text), (*parser.media, *sounds))


def _tidy(text: str) -> str:
    if "\n" not in text:  # one line: its spaces collapsed is all there is to do
        return " ".join(text.split())
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip("\n").strip()


def cloze_numbers(text: str) -> list[int]:
    """The cloze numbers used in a cloze note's text, in order."""
    return sorted({int(m.group(1)) for m in CLOZE.finditer(text)})


def cloze_card(text: str, number: int) -> tuple[str, str]:
    """The question (cloze `number` hidden, the others shown) and its answer."""
    answers: list[str] = []

    def hide(match: re.Match[str]) -> str:
        if int(match.group(1)) != number:
            return match.group(2)
        answers.append(match.group(2))
        return f"[{match.group(3)}]" if match.group(3) else "[...]"

    question = CLOZE.sub(hide, text)
    return question, ", ".join(answers)
