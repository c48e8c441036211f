"""Plain typed values passed between quizkit's modules."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import IntEnum
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple, overload

if TYPE_CHECKING:
    from quizkit.extra import NoteExtra

MAX_SENTENCE = 10_000_000  # sentence numbers of a source: far beyond any article
MAX_SOURCES = 1_000


class Rating(IntEnum):
    """The learner's grade, numbered as the keys 1-4 and as FSRS numbers them."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


class CardState(IntEnum):
    """A card's place in the schedule; NEW is quizkit's, the rest are FSRS's states."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


@dataclass(frozen=True)
class SourceRef:
    """Where a note's fact came from: a document name and, when known, a sentence number."""

    document: str
    sentence: int | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"document": self.document}
        if self.sentence is not None:
            data["sentence"] = self.sentence
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SourceRef:
        return cls(document=str(data["document"]), sentence=data.get("sentence"))

    @classmethod
    def parse_list(cls, raw: Any) -> tuple[SourceRef, ...]:
        """Sources as files write them: names, or {document, sentence} tables.

        Raises ValueError saying what is wrong, for the importer to place in its file.
        """
        if not isinstance(raw, list):
            raise ValueError("'sources' must be a list")
        refs: list[SourceRef] = []
        for item in raw:
            if len(refs) >= MAX_SOURCES:
                raise ValueError(f"more than {MAX_SOURCES} sources")
            if isinstance(item, str):
                refs.append(cls(item))
            elif isinstance(item, dict) and isinstance(item.get("document"), str):
                sentence = item.get("sentence")
                if sentence is not None and (
                    not isinstance(sentence, int)
                    or isinstance(sentence, bool)
                    or not 0 <= sentence <= MAX_SENTENCE
                ):
                    raise ValueError("a source's 'sentence' must be a whole number, 0 or more")
                refs.append(cls(item["document"], sentence))
            else:
                raise ValueError("each source needs a 'document'")
        return tuple(refs)

    def __str__(self) -> str:
        return (
            self.document if self.sentence is None else f"{self.document}, sentence {self.sentence}"
        )


def fold_for_id(text: str) -> str:
    """Fold text so that trivial edits (case, spacing, accents) keep a note's identity."""
    if text.isascii():  # the same result, without the per-character work
        return " ".join(text.lower().split())
    import unicodedata  # loaded only for non-ASCII text, so database commands start fast

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(text.split())


def content_guid(*parts: str) -> str:
    """A stable id from what defines a note, so importing it twice changes nothing."""
    import hashlib  # loaded only by the commands that make notes

    digest = hashlib.sha1("\x1f".join(fold_for_id(p) for p in parts).encode("utf-8"))
    return digest.hexdigest()[:16]


def quotes_article(extra: Mapping[str, Any]) -> bool:
    """The one rule for article prose: a note that quotes its article (a generated cloze card,
    marked `study_only`) is for studying here and never leaves the database, in any format."""
    return bool(extra.get("study_only"))


SOUND_SUFFIXES = (".mp3", ".ogg", ".wav", ".m4a", ".flac", ".opus", ".webm", ".mp4")


def media_on_side(extra: Mapping[str, Any], front: bool) -> list[str]:
    """The kept media files a note shows with its question (front) or with its answer."""
    shown = extra.get("front_media") or []
    return [name for name in extra.get("media") or [] if (name in shown) == front]


def media_labels(extra: Mapping[str, Any], front: bool) -> str:
    """'[image: map.png]' (or '[sound: ...]') for each file of one side, for a terminal."""
    names = extra.get("media_names") or {}
    labels = []
    for name in media_on_side(extra, front):
        kind = "sound" if name.endswith(SOUND_SUFFIXES) else "image"
        labels.append(f"[{kind}: {names.get(name, name)}]")
    return " ".join(labels)


def _no_extra() -> NoteExtra:
    return {}


@dataclass(frozen=True)
class Note:
    """A learnable fact as it enters the store: from a deck file, an importer or the generator.

    `reverse` adds a second card that asks the answer and expects the question.
    `extra` holds kind-specific data (list items, the truth of a true/false card, ...).
    `line` is where the note starts in its file, for error messages.
    """

    question: str
    answer: str
    guid: str
    deck: str | None = None
    kind: str = "basic"
    alternatives: tuple[str, ...] = ()
    distractors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    reverse: bool = False
    extra: NoteExtra = field(default_factory=lambda: _no_extra())
    line: int | None = None


class NoteTable(Sequence[Note]):
    """Plain two-sided notes of one deck held as columns, as a big CSV file is read.

    A 100,000-row file travels to the store as a few lists, not 100,000 objects: the store
    writes the columns as they are. Reading it as a sequence makes each `Note` on demand.
    """

    def __init__(
        self,
        deck: str,
        guids: list[str],
        questions: list[str],
        answers: list[str],
        tags: Sequence[tuple[str, ...]],
        lines: Sequence[int | None],
    ) -> None:
        self.deck = deck
        self.guids = guids
        self.questions = questions
        self.answers = answers
        self.tags = tags
        self.lines = lines

    def __len__(self) -> int:
        return len(self.guids)

    @overload
    def __getitem__(self, index: int) -> Note: ...

    @overload
    def __getitem__(self, index: slice) -> list[Note]: ...

    def __getitem__(self, index: int | slice) -> Note | list[Note]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        return Note(
            self.questions[index],
            self.answers[index],
            self.guids[index],
            self.deck,
            tags=self.tags[index],
            line=self.lines[index],
        )

    def __iter__(self) -> Iterator[Note]:
        return (self[i] for i in range(len(self)))


@dataclass(frozen=True)
class DeckInfo:
    """A deck's settings as written in a deck file or stored."""

    name: str
    description: str = ""
    desired_retention: float = 0.9


@dataclass(frozen=True)
class DeckFile:
    """A parsed deck file: the deck and its notes."""

    deck: DeckInfo
    notes: tuple[Note, ...]


@dataclass(frozen=True)
class Deck:
    """A stored deck. `family` holds its own id and its sub-decks' (`Name::Child`) when it
    was chosen by name, so that studying a parent studies its children too."""

    id: int
    name: str
    description: str
    desired_retention: float
    family: tuple[int, ...] = ()

    @property
    def ids(self) -> tuple[int, ...]:
        """The deck ids whose cards belong to this deck: its own, and its sub-decks'."""
        return self.family or (self.id,)


@dataclass(frozen=True)
class DeckCounts:
    """How many cards of a deck are new, learning, due now, suspended, and in all."""

    deck: Deck
    new: int
    learning: int
    due: int
    suspended: int
    total: int


@dataclass(frozen=True)
class StudyCard:
    """A card as the study loop sees it: schedule state plus the note's content."""

    id: int
    note_id: int
    ord: int
    deck_id: int
    state: CardState
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    question: str
    answer: str
    kind: str
    alternatives: tuple[str, ...]
    distractors: tuple[str, ...]
    tags: tuple[str, ...]
    sources: tuple[SourceRef, ...]
    extra: NoteExtra
    suspended: bool = False
    guid: str = ""

    @property
    def prompt(self) -> str:
        """What the learner is asked: the question, or the answer on a reverse card."""
        return self.answer if self.ord == 1 else self.question

    @property
    def expected(self) -> str:
        """What the learner must give: the answer, or the question on a reverse card."""
        return self.question if self.ord == 1 else self.answer

    @property
    def prompt_media(self) -> str:
        """Labels of the pictures and sounds shown with the prompt (see media_labels)."""
        return media_labels(self.extra, front=self.ord != 1)

    @property
    def expected_media(self) -> str:
        """Labels of the pictures and sounds shown with the answer."""
        return media_labels(self.extra, front=self.ord == 1)

    @property
    def accepted(self) -> tuple[str, ...]:
        """Other answers that count as right (only for the forward direction)."""
        return () if self.ord == 1 else self.alternatives


@dataclass(frozen=True)
class Review:
    """One answered card, as written to the review log."""

    card_id: int
    reviewed_at: datetime
    rating: Rating
    typed: str | None
    correct: bool | None
    duration_ms: int | None
    state_before: CardState
    elapsed_days: float | None


class LoggedReview(NamedTuple):
    """One answer in a card's review log, as an export carries it to another tool."""

    reviewed_at: datetime
    rating: Rating
    duration_ms: int | None
    state_before: CardState


@dataclass(frozen=True)
class CardHistory:
    """A card's schedule and its whole review log: what moves a learner's progress between
    tools. `ord` 1 is a note's reverse card."""

    guid: str
    ord: int
    state: CardState
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    suspended: bool
    reviews: tuple[LoggedReview, ...] = ()


@dataclass(frozen=True)
class RecordedReview:
    """A review as stored, with what it did: `leech` when it suspended its card as a leech
    (`lapses` lapses so far), `was_leech` whether the card had been marked one before."""

    review_id: int
    lapses: int
    leech: bool
    was_leech: bool


@dataclass
class ImportReport:
    """What an import or generate run did to the store."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[str] = field(default_factory=list)

    def merge(self, other: ImportReport) -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.skipped.extend(other.skipped)


class PrintNote(NamedTuple):
    """A note as a handout needs it: content only, no schedule.

    A named tuple because a handout loads every note of a deck, and these are made fastest.
    """

    id: int
    question: str
    answer: str
    kind: str = "basic"
    distractors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    sources: tuple[SourceRef, ...] = ()
    extra: Mapping[str, Any] = MappingProxyType({})
