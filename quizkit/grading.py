"""Typed answer against expected answer: names, aliases, dates, numbers, lists and typos."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

ARTICLES = {"a", "an", "the"}
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
DATE_FORMS = [
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), ("y", "m", "d")),
    (re.compile(rf"^(?:the )?{_DAY} (?:of )?{_MONTH},? (\d{{4}})$"), ("d", "M", "y")),
    (re.compile(rf"^{_MONTH} {_DAY},? (\d{{4}})$"), ("M", "d", "y")),
]
APPROX = re.compile(r"^(?:about|around|roughly|approximately|some|nearly|almost|over|more than)\s+")


@dataclass(frozen=True)
class Grade:
    """The verdict on a typed answer: right or not, and whether it took a typo to be right."""

    correct: bool
    typo: bool = False
    detail: str = ""


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, no articles, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\u2019'`]s\b", "", text)
    words = re.sub(r"[^\w]+", " ", text).split()
    return " ".join(w for w in words if w not in ARTICLES)


def parse_date(text: str) -> date | None:
    """A full date in one of the forms people type: 13 Jan 2022, January 13, 2022, 2022-01-13."""
    cleaned = " ".join(re.sub(r"[,]", " , ", text.strip().casefold()).split()).replace(" ,", ",")
    for pattern, order in DATE_FORMS:
        match = pattern.match(cleaned)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = MONTHS[parts["M"]] if "M" in parts else int(parts["m"])
        try:
            return date(int(parts["y"]), month, int(parts["d"]))
        except ValueError:
            return None
    return None


def parse_number(text: str) -> float | None:
    """A number typed with or without separators and hedges: 'about 2,000' -> 2000."""
    cleaned = APPROX.sub("", text.strip().casefold())
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:\s+[a-z]+)?", cleaned)
    if not match:
        return None
    return float(match.group(1).replace(",", "") + (match.group(2) or ""))


def allowed_typos(length: int) -> int:
    """Edit distance tolerated for an answer of this many characters."""
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    return 2 + (length - 15) // 10 if length > 15 else 2


def _close(typed: str, expected: str) -> Grade:
    from rapidfuzz.distance import Levenshtein

    if typed == expected:
        return Grade(True)
    # a typo never rescues a different number
    if re.sub(r"\D", "", typed) != re.sub(r"\D", "", expected):
        return Grade(False)
    budget = allowed_typos(len(expected))
    if budget and Levenshtein.distance(typed, expected, score_cutoff=budget) <= budget:
        return Grade(True, typo=True)
    return Grade(False)


def grade(
    typed: str,
    expected: str,
    alternatives: Sequence[str] = (),
    answer_type: str = "text",
) -> Grade:
    """Whether `typed` answers a card whose answer is `expected` (or one of `alternatives`)."""
    if not typed.strip():
        return Grade(False, detail="no answer")
    if answer_type == "sequence":
        # an order of letters ("C, A, B"): exactly right or wrong, no typo allowance
        letters = re.sub(r"[^a-z]", "", fold(typed))
        return Grade(letters == re.sub(r"[^a-z]", "", fold(expected)))
    candidates = [expected, *alternatives]
    wanted_date = parse_date(expected)
    if wanted_date is not None:
        typed_date = parse_date(typed)
        if typed_date is not None:
            return Grade(typed_date == wanted_date)
    wanted_number = parse_number(expected)
    if wanted_number is not None:
        typed_number = parse_number(typed)
        if typed_number is not None:
            return Grade(typed_number == wanted_number)
    folded = fold(typed)
    if answer_type == "person":
        candidates += [name.split()[-1] for name in candidates if len(name.split()) > 1]
    best = Grade(False)
    for candidate in candidates:
        verdict = _close(folded, fold(candidate))
        if verdict.correct and not verdict.typo:
            return verdict
        if verdict.correct:
            best = verdict
    return best


def split_items(typed: str) -> list[str]:
    """A typed list: items separated by commas, semicolons, 'and' or new lines."""
    parts = re.split(r"\s*(?:[,;\n]|\band\b|&)\s*", typed)
    return [p for p in (part.strip() for part in parts) if p]


@dataclass(frozen=True)
class ListGrade:
    """A list answer graded item by item."""

    correct: bool
    typo: bool
    found: tuple[str, ...]
    missing: tuple[str, ...]
    wrong: tuple[str, ...]


def grade_list(typed: str, items: Sequence[str]) -> ListGrade:
    """Right when every expected item is named and nothing else is."""
    remaining = list(items)
    found: list[str] = []
    wrong: list[str] = []
    typo = False
    for piece in split_items(typed):
        for item in remaining:
            verdict = grade(piece, item)
            if verdict.correct:
                typo = typo or verdict.typo
                found.append(item)
                remaining.remove(item)
                break
        else:
            wrong.append(piece)
    return ListGrade(
        not remaining and not wrong, typo, tuple(found), tuple(remaining), tuple(wrong)
    )
