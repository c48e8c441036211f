"""Printable handouts as plain values: which notes, in what order, split into which sections.

Everything here is decided from the deck and a seed; exporters/html.py only lays it out.
The same options and seed always give the same Handout.
"""

from __future__ import annotations

import base64
import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from quizkit.errors import HandoutError, InputError, LargeHandout
from quizkit.models import PrintNote, fold_for_id, media_on_side

LAYOUTS = ("worksheet", "test", "flashcards")
PAPERS = ("a4", "letter")
KEY_PLACES = ("auto", "end", "separate", "none")
MAX_VERSIONS = 26
MC_OPTIONS = 4
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = UPPER.lower()
MATCHING_MIN = 4
MATCHING_MAX = 10
CARDS_PER_SHEET = 8
CARD_COLUMNS = 2
# A media file's name in quizkit's media folder: a content hash and a short suffix.
STORED_NAME = re.compile(r"[0-9a-f]{16,64}(\.[a-z0-9]{1,5})?")

# Countries whose locales print on US Letter (CLDR's paperSize data); everywhere else uses A4.
LETTER_COUNTRIES = frozenset(
    {"US", "CA", "MX", "CL", "CO", "CR", "GT", "NI", "PA", "PH", "PR", "SV", "VE", "BZ"}
)
LOCALE_COUNTRY = re.compile(r"^[A-Za-z]{2,3}_([A-Za-z]{2})(?![A-Za-z])")

INSTRUCTIONS = {
    "worksheet": "Answer each question on the lines below it.",
    "test": "Answer every question. Work on your own; no notes.",
    "flashcards": "Print double-sided, flipping on the long edge, then cut along the dotted lines.",
}


def default_paper(environ: Mapping[str, str]) -> str:
    """Letter where the locale's country uses it (US, Canada, Mexico, ...), else A4.

    The first of LC_ALL, LC_PAPER and LANG that is set decides, as for any POSIX program.
    """
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(name)
        if value:
            match = LOCALE_COUNTRY.match(value)
            return "letter" if match and match.group(1).upper() in LETTER_COUNTRIES else "a4"
    return "a4"


@dataclass(frozen=True)
class HandoutOptions:
    """What the teacher asked for. `seed` drives every shuffle and choice."""

    layout: str = "worksheet"
    title: str | None = None
    paper: str = "a4"
    versions: int = 1
    seed: int = 0
    tags: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    limit: int | None = None
    shuffle: bool = False
    key: str = "auto"  # the key at the end, except for flashcards (they are their own key)
    sources: bool = False
    media_dir: Path | None = None  # quizkit's media folder, where pictures are kept
    include_dropped: bool = False
    # article titles by document name, for the key's sources
    source_titles: Mapping[str, str] = field(default_factory=dict)
    # a handout of more questions is refused (LargeHandout) until confirmed; None: no limit
    max_questions: int | None = None

    def check(self) -> None:
        if self.layout not in LAYOUTS:
            raise HandoutError(f"unknown layout {self.layout!r} (layouts: {', '.join(LAYOUTS)})")
        if self.paper not in PAPERS:
            raise HandoutError(f"unknown paper {self.paper!r} (papers: {', '.join(PAPERS)})")
        if self.key not in KEY_PLACES:
            raise HandoutError(f"unknown key placement {self.key!r}")
        if not 1 <= self.versions <= MAX_VERSIONS:
            raise HandoutError(f"--versions must be between 1 and {MAX_VERSIONS}")
        if self.versions > 1 and self.layout == "flashcards":
            raise HandoutError("--versions applies to the worksheet and test layouts")
        if self.limit is not None and self.limit < 1:
            raise HandoutError("--limit must be at least 1")


# the view-model -----------------------------------------------------------
# The values made once per question are named tuples: a 10,000-question handout builds
# tens of thousands of them, and a frozen dataclass is several times slower to create.


class Option(NamedTuple):
    letter: str
    text: str


class Item(NamedTuple):
    """One numbered thing to answer: a question, a true/false statement or a name to match."""

    number: int
    prompt: str
    options: tuple[Option, ...] = ()
    claim: str | None = None
    lines: int = 1
    short_lines: bool = False
    image: str | None = None
    truefalse: bool = False  # answered by circling T or F


@dataclass(frozen=True)
class Section:
    kind: str  # "questions", "choice", "truefalse", "short", "matching"
    title: str
    instructions: str
    items: tuple[Item, ...]
    choices: tuple[Option, ...] = ()  # the lettered column of a matching exercise


class KeyEntry(NamedTuple):
    number: int
    answer: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class Version:
    label: str  # "" when there is one version, else "A", "B", ...
    sections: tuple[Section, ...]
    key: tuple[KeyEntry, ...]


class Flashcard(NamedTuple):
    number: int
    question: str
    answer: str
    sources: tuple[str, ...] = ()
    image: str | None = None
    back_image: str | None = None


@dataclass(frozen=True)
class Sheet:
    """One sheet of paper: fronts in reading order, backs mirrored row by row (None = blank)."""

    fronts: tuple[Flashcard | None, ...]
    backs: tuple[Flashcard | None, ...]


@dataclass(frozen=True)
class Handout:
    title: str
    layout: str
    paper: str
    instructions: str
    versions: tuple[Version, ...]
    sheets: tuple[Sheet, ...] = ()
    key: str = "end"
    sources: bool = False
    question_count: int = 0


# building -----------------------------------------------------------------


def build_handout(deck_name: str, notes: Sequence[PrintNote], options: HandoutOptions) -> Handout:
    """The handout for a deck's notes (one question each, in the deck's order)."""
    options.check()
    base = random.Random(f"quizkit-handout:{options.seed}")
    chosen = select_notes(deck_name, notes, options, base)
    if options.max_questions is not None and len(chosen) > options.max_questions:
        raise LargeHandout(deck_name, len(chosen), options.max_questions)
    title = options.title if options.title is not None else deck_name
    key = options.key
    if key == "auto":
        key = "none" if options.layout == "flashcards" else "end"
    common: dict[str, Any] = {
        "title": title,
        "layout": options.layout,
        "paper": options.paper,
        "instructions": INSTRUCTIONS[options.layout],
        "key": key,
        "sources": options.sources,
        "question_count": len(chosen),
    }
    if options.layout == "flashcards":
        version = Version("", (), _key_entries(chosen, [c.answer for c in chosen], options))
        return Handout(versions=(version,), sheets=flashcard_sheets(chosen, options), **common)
    labels = [""] if options.versions == 1 else list(UPPER[: options.versions])
    if options.layout == "worksheet":
        versions = tuple(
            _worksheet_version(chosen, label, options, _version_rng(options, label))
            for label in labels
        )
    else:
        plan = plan_test(chosen, base)
        versions = tuple(
            _test_version(plan, label, options, _version_rng(options, label)) for label in labels
        )
    return Handout(versions=versions, **common)


def _version_rng(options: HandoutOptions, label: str) -> random.Random:
    return random.Random(f"quizkit-handout:{options.seed}:{label or 'A'}")


def select_notes(
    deck_name: str, notes: Sequence[PrintNote], options: HandoutOptions, rng: random.Random
) -> list[PrintNote]:
    """Notes filtered by --tag and --kind, shuffled with --shuffle, cut to --limit."""
    _check_known(deck_name, notes, options)
    chosen = list(notes)
    if options.tags:
        wanted = set(options.tags)
        chosen = [c for c in chosen if wanted & set(c.tags)]
    if options.kinds:
        kinds = set(options.kinds)
        chosen = [c for c in chosen if c.kind in kinds]
    if not chosen:
        raise HandoutError(_nothing_selected(deck_name, notes, options))
    if options.shuffle:
        chosen = list(chosen)
        rng.shuffle(chosen)
    chosen = one_per_fact(chosen)
    if options.limit is not None:
        chosen = chosen[: options.limit]
    return chosen


def _check_known(deck_name: str, notes: Sequence[PrintNote], options: HandoutOptions) -> None:
    """A --tag or --kind that no note of the deck has is a mistake, even beside good ones."""
    if not notes:
        return
    tags = sorted({t for c in notes for t in c.tags})
    unknown = [t for t in options.tags if t not in tags]
    if unknown:
        raise HandoutError(
            f"deck {deck_name!r}: no notes with tag {' or '.join(unknown)} "
            f"(tags: {', '.join(tags) if tags else 'none'})"
        )
    kinds = sorted({c.kind for c in notes})
    unknown = [k for k in options.kinds if k not in kinds]
    if unknown:
        raise HandoutError(
            f"deck {deck_name!r}: no notes of kind {' or '.join(unknown)} "
            f"(kinds: {', '.join(kinds)})"
        )


def one_per_fact(notes: Sequence[PrintNote]) -> list[PrintNote]:
    """A question and its reverse (or its true/false form) ask one fact: print the first only,
    so neither gives the other away on the sheet. Notes without a fact of their own all stay.
    """
    seen: set[str] = set()
    kept = []
    for note in notes:
        fact = note.extra.get("fact")
        if isinstance(fact, str):
            if fact in seen:
                continue
            seen.add(fact)
        kept.append(note)
    return kept


def _nothing_selected(deck_name: str, notes: Sequence[PrintNote], options: HandoutOptions) -> str:
    if not notes:
        return f"deck {deck_name!r} has no notes to print"
    parts = []
    if options.tags:
        known = sorted({t for c in notes for t in c.tags})
        parts.append(
            f"tag {' or '.join(options.tags)} (tags: {', '.join(known) if known else 'none'})"
        )
    if options.kinds:
        known = sorted({c.kind for c in notes})
        parts.append(f"kind {' or '.join(options.kinds)} (kinds: {', '.join(known)})")
    return f"deck {deck_name!r}: no notes with " + " and ".join(parts)


def answer_space(note: PrintNote) -> tuple[int, bool]:
    """Writing lines for an answer, and whether they can be short: a date needs less than a list."""
    items = note.extra.get("items")
    if isinstance(items, list) and items:
        return min(len(items), 10), True
    length = len(note.answer)
    if length <= 24:
        return 1, True
    return min(math.ceil(length / 50), 6), False


def _sources(note: PrintNote, options: HandoutOptions) -> tuple[str, ...]:
    """Where the fact came from, as a teacher can look it up: the article's title (else its
    file name) and the sentence; a reference naming no article is left out."""
    if not options.sources:
        return ()
    found = []
    for source in note.sources:
        document = source.document.strip()
        if not document:
            continue
        title = options.source_titles.get(document)
        name = f"{title} ({document})" if title else document
        found.append(name if source.sentence is None else f"{name}, sentence {source.sentence}")
    return tuple(found)


def _key_entries(
    notes: Sequence[PrintNote], answers: Sequence[str], options: HandoutOptions
) -> tuple[KeyEntry, ...]:
    return tuple(
        KeyEntry(number, answer, _sources(note, options))
        for number, (note, answer) in enumerate(zip(notes, answers, strict=True), start=1)
    )


def _worksheet_version(
    notes: Sequence[PrintNote], label: str, options: HandoutOptions, rng: random.Random
) -> Version:
    order = list(notes)
    if options.versions > 1:
        rng.shuffle(order)
    items = []
    answers = []
    for number, note in enumerate(order, start=1):
        given = _given_truefalse(note)
        if given is not None:
            items.append(Item(number, note.question, truefalse=True, image=_image(note, options)))
            answers.append("True" if given[1] else "False")
            continue
        lines, short = answer_space(note)
        items.append(
            Item(number, note.question, lines=lines, short_lines=short, image=_image(note, options))
        )
        answers.append(note.answer)
    section = Section("questions", "", "", tuple(items))
    return Version(label, (section,), _key_entries(order, answers, options))


def flashcard_sheets(notes: Sequence[PrintNote], options: HandoutOptions) -> tuple[Sheet, ...]:
    """Eight cards a sheet; each back row is reversed so a long-edge flip lines answers up."""
    sheets = []
    for start in range(0, len(notes), CARDS_PER_SHEET):
        batch: list[Flashcard | None] = [
            Flashcard(
                start + i + 1,
                c.question,
                c.answer,
                _sources(c, options),
                _image(c, options),
                _image(c, options, front=False),
            )
            for i, c in enumerate(notes[start : start + CARDS_PER_SHEET])
        ]
        batch += [None] * (CARDS_PER_SHEET - len(batch))
        backs: list[Flashcard | None] = []
        for row in range(0, CARDS_PER_SHEET, CARD_COLUMNS):
            backs += reversed(batch[row : row + CARD_COLUMNS])
        sheets.append(Sheet(tuple(batch), tuple(backs)))
    return tuple(sheets)


# the test layout ----------------------------------------------------------


@dataclass(frozen=True)
class QuizPlan:
    """Which notes go to which section, and the fixed parts of each question.

    Decided once from the seed, so that every version asks the same questions.
    """

    choice: tuple[tuple[PrintNote, tuple[str, ...]], ...]  # note, options (answer first)
    truefalse: tuple[tuple[PrintNote, str, str | None, bool], ...]  # note, prompt, claim, truth
    short: tuple[PrintNote, ...]
    matching: tuple[tuple[PrintNote, str, str], ...]  # note, official, country


def plan_test(notes: Sequence[PrintNote], rng: random.Random) -> QuizPlan:
    """Matching when at least four officials pair with countries; the deck's own true/false
    statements, or else a quarter of the notes with distractors, as true/false; the rest with
    distractors as multiple choice; the others as short answer.
    """
    matched: list[tuple[PrintNote, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for note in notes:
        pair = matching_pair(note)
        # A deck may ask both ways ("Who was X's minister?", "Y was minister of which country?"):
        # the pair is matched once, and the other note stays a question of its own.
        if pair is None or (fold_for_id(pair[0]), fold_for_id(pair[1])) in seen:
            continue
        seen.add((fold_for_id(pair[0]), fold_for_id(pair[1])))
        matched.append((note, *pair))
    matched = matched[:MATCHING_MAX]
    if len(matched) < MATCHING_MIN:
        matched = []
    in_matching = {c.id for c, _, _ in matched}
    rest = [c for c in notes if c.id not in in_matching]
    given = [c for c in rest if _given_truefalse(c) is not None]
    wrongs = {c.id: wrong_answers(c) for c in rest}
    with_distractors = [c for c in rest if wrongs[c.id] and _given_truefalse(c) is None]
    # A deck with true/false statements of its own gets no made-up ones on top.
    tf_count = len(with_distractors) // 4 if len(with_distractors) >= 4 and not given else 0
    tf_ids = {c.id for c in rng.sample(with_distractors, tf_count)}
    truefalse: list[tuple[PrintNote, str, str | None, bool]] = []
    choice: list[tuple[PrintNote, tuple[str, ...]]] = []
    short: list[PrintNote] = []
    for note in rest:
        statement = _given_truefalse(note)
        if statement is not None:
            truefalse.append((note, statement[0], None, statement[1]))
        elif note.id in tf_ids:
            truth = rng.random() < 0.5
            claim = note.answer if truth else rng.choice(wrongs[note.id])
            truefalse.append((note, note.question, claim, truth))
        elif wrongs[note.id]:
            wrong = wrongs[note.id]
            if len(wrong) > MC_OPTIONS - 1:
                wrong = rng.sample(wrong, MC_OPTIONS - 1)
            choice.append((note, (note.answer, *wrong)))
        else:
            short.append(note)
    return QuizPlan(tuple(choice), tuple(truefalse), tuple(short), tuple(matched))


# By (any plain statements, any questions with an answer given).
def wrong_answers(note: PrintNote) -> list[str]:
    """The note's distractors, once each, leaving out any that is really the answer."""
    seen = {" ".join(note.answer.casefold().split())}
    wrong = []
    for text in note.distractors:
        key = " ".join(text.casefold().split())
        if key not in seen:
            seen.add(key)
            wrong.append(text)
    return wrong


TRUEFALSE_INSTRUCTIONS = {
    (True, False): "Circle T if the statement is true, F if it is false.",
    (False, True): "Circle T if the answer given is right, F if it is wrong.",
    (True, True): "Circle T if the statement, or the answer given, is right; F if it is wrong.",
}
TRUE_OR_FALSE = re.compile(r"^\s*true\s+or\s+false\s*[:?.-]\s*", re.IGNORECASE)


def _given_truefalse(note: PrintNote) -> tuple[str, bool] | None:
    """A statement the deck itself marks true or false: (statement, truth)."""
    if note.kind == "truefalse":
        truth = note.extra.get("truth")
        if not isinstance(truth, bool):
            truth = note.answer.strip().casefold() in {"true", "t", "yes"}
        # The section heading already says "True or false"; the statement is what is left.
        statement = TRUE_OR_FALSE.sub("", note.question)
        return statement[:1].upper() + statement[1:], truth
    entries = note.extra.get("truefalse")
    if isinstance(entries, dict):
        entries = [entries]
    if isinstance(entries, list):
        for entry in entries:
            if isinstance(entry, dict) and isinstance(entry.get("true"), bool):
                return str(entry.get("statement") or note.question), entry["true"]
    return None


def _test_version(
    plan: QuizPlan, label: str, options: HandoutOptions, rng: random.Random
) -> Version:
    shuffled = options.versions > 1 or options.shuffle
    sections: list[Section] = []
    key: list[KeyEntry] = []
    number = 0

    def order(items: Sequence[Any]) -> list[Any]:
        items = list(items)
        if shuffled:
            rng.shuffle(items)
        return items

    if plan.choice:
        items = []
        for note, texts in order(plan.choice):
            number += 1
            shown = list(texts)
            rng.shuffle(shown)
            opts = tuple(map(Option, UPPER, shown))
            right = opts[shown.index(note.answer)]
            items.append(Item(number, note.question, options=opts, image=_image(note, options)))
            key.append(KeyEntry(number, f"{right.letter}. {right.text}", _sources(note, options)))
        sections.append(
            Section(
                "choice",
                "Multiple choice",
                "Circle the letter of the one best answer.",
                tuple(items),
            )
        )
    if plan.truefalse:
        items = []
        for note, prompt, claim, truth in order(plan.truefalse):
            number += 1
            items.append(
                Item(number, prompt, claim=claim, image=_image(note, options), truefalse=True)
            )
            answer = "True" if truth else "False"
            if not truth and claim is not None:
                answer += f" (the answer is {note.answer})"
            key.append(KeyEntry(number, answer, _sources(note, options)))
        sections.append(
            Section(
                "truefalse",
                "True or false",
                TRUEFALSE_INSTRUCTIONS[
                    (any(i.claim is None for i in items), any(i.claim is not None for i in items))
                ],
                tuple(items),
            )
        )
    if plan.short:
        items = []
        for note in order(plan.short):
            number += 1
            lines, short_lines = answer_space(note)
            items.append(Item(number, note.question, lines=lines, short_lines=short_lines))
            key.append(KeyEntry(number, note.answer, _sources(note, options)))
        sections.append(
            Section("short", "Short answer", "Write your answer on the lines.", tuple(items))
        )
    if plan.matching:
        countries = sorted({country for _, _, country in plan.matching})
        rng.shuffle(countries)
        choices = tuple(map(Option, LOWER, countries))
        letter_of = {o.text: o.letter for o in choices}
        items = []
        for note, official, country in order(plan.matching):
            number += 1
            items.append(Item(number, official))
            key.append(
                KeyEntry(number, f"{letter_of[country]}. {country}", _sources(note, options))
            )
        sections.append(
            Section(
                "matching",
                "Matching",
                "Write the letter of each official's country on the line before the name."
                + (" A country may be used more than once." if len(choices) < len(items) else ""),
                tuple(items),
                choices,
            )
        )
    return Version(label, tuple(sections), tuple(key))


# officials and countries --------------------------------------------------

NAME_WORD = r"[A-Z][\w.'’-]*"
PERSON = re.compile(rf"\b{NAME_WORD}(?:\s+{NAME_WORD})+")
NOT_NAME_START = frozenset(
    {"who", "what", "which", "when", "where", "how", "in", "on", "at", "by", "the", "a", "an"}
    | {"during", "after", "before", "since"}
)
POSSESSIVE = re.compile(r"['’]s\b")
OF = re.compile(r"\bof\s+")
MAX_NAME_WORDS = 5


def country_name(text: str) -> str | None:
    """The usual short name of the country `text` names ("Russian Federation" -> "Russia").

    The extractor's gazetteer (pycountry plus the short forms news uses) is the one list of
    country names; it is imported here, lazily, so only a test with officials loads it.
    """
    from quizkit.extract.gazetteer import place_named

    place = place_named(re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE))
    return place.name if place is not None and place.is_country else None


def country_named_in(question: str) -> str | None:
    """A country the question names as "Armenia's ..." or "... of Kazakhstan", else None."""
    for match in POSSESSIVE.finditer(question):
        words = question[: match.start()].split()[-MAX_NAME_WORDS:]
        for start in range(len(words)):
            found = country_name(" ".join(words[start:]))
            if found:
                return found
    for match in OF.finditer(question):
        words = question[match.end() :].split()[:MAX_NAME_WORDS]
        for end in range(len(words), 0, -1):
            found = country_name(" ".join(words[:end]).rstrip("?.,;:!"))
            if found:
                return found
    return None


def matching_pair(note: PrintNote) -> tuple[str, str] | None:
    """(official, country) for an official's note that ties a person to a country, else None.

    Either the answer is a country and the question names the person ("Viktor Khrenin was the
    defense minister of which country?"), or the answer is a person and the question names the
    country ("Who was Armenia's defense minister?", "Who was the President of Kazakhstan?").
    """
    if note.kind != "official":
        return None
    answer = note.answer.strip()
    country = country_name(answer)
    if country:
        person = note.extra.get("person")
        if not isinstance(person, str) or not person:
            person = _person_in(note.question)
        return (person, country) if person else None
    if note.extra.get("answer_type", "person") != "person" or not PERSON.fullmatch(answer):
        return None
    country = country_named_in(note.question)
    return (answer, country) if country else None


def _person_in(question: str) -> str | None:
    for match in PERSON.finditer(question):
        words = match.group(0).split()
        while words and words[0].casefold() in NOT_NAME_START:
            words.pop(0)
        name = " ".join(words)
        if len(words) >= 2 and not country_name(name):
            return name
    return None


# images -------------------------------------------------------------------


def _image(note: PrintNote, options: HandoutOptions, front: bool = True) -> str | None:
    """The picture printed with the question (front) or the answer, as a data: URI so the
    handout needs no other file and no network: the note's `image`, else the first picture it
    brought from another tool.

    Only pictures kept in quizkit's media folder (`options.media_dir`, set from the store)
    are embedded: a deck cannot make a handout carry any other file of the teacher's disk.
    """
    value = note.extra.get("image") if front else None
    brought = media_on_side(note.extra, front)
    if not (isinstance(value, str) and value) and not brought:
        return None
    if options.media_dir is None:
        raise HandoutError(f"note {note.id}: no media folder to print its picture from")
    if isinstance(value, str) and value:
        return image_data_uri(value, options.media_dir)
    for name in brought:
        try:
            return image_data_uri(name, options.media_dir)
        except HandoutError:
            continue  # a sound or another file that does not print
    return None


def image_data_uri(name: str, media_dir: Path) -> str:
    """Picture `name` from quizkit's media folder as a data: URI; HandoutError if it is not
    a picture kept there."""
    from quizkit.pictures import MAX_PICTURE_BYTES, picture_type
    from quizkit.textfile import read_capped

    if not STORED_NAME.fullmatch(name):
        raise HandoutError(
            f"image {name[:80]!r} is not in quizkit's media folder: "
            "import the deck again with --media DIR"
        )
    path = media_dir / name
    if path.is_symlink():
        raise HandoutError(f"image {name!r}: a link in the media folder, not a picture kept there")
    try:
        data = read_capped(path, MAX_PICTURE_BYTES, "picture")
    except InputError as error:
        raise HandoutError(f"image {str(path)!r}: {error.reason}") from None
    kind = picture_type(data)
    if kind is None:
        raise HandoutError(f"image {str(path)!r}: not a PNG, JPEG, GIF or WebP picture")
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
