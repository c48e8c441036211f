"""Typed answer against expected answer: names, aliases, dates, numbers, lists and typos.

The rules, as a demanding learner expects them:

- case, accents, punctuation and the articles a/an/the never matter;
- any listed alternative is as good as the answer;
- a small typo (edit distance for the answer's length, a swap of two letters counting as one)
  is right, but marked, so the session grades it Hard; a typo never turns one number into
  another, and an answer that is exactly one of the card's distractors is never a typo;
- dates compare as dates, in any form people type; a date without its year is right when the
  question itself names the year;
- numbers compare as numbers: separators, hedges ("about"), number words and a unit are
  allowed, but a different unit is wrong;
- people: the full name, the surname alone, "Surname, Given", initials, and the parts of
  different transliterations mixed ("Sergey Shoigu" for "Sergei Shoigu" / "Sergey Shoygu");
  a given name that belongs to no spelling of the person is wrong;
- lists ("name all six") are graded item by item, in any order.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

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
WEEKDAYS = {
    "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thurs",
    "friday", "fri", "saturday", "sat", "sunday", "sun",
}  # fmt: skip
HEDGES = re.compile(
    r"^(?:(?:about|around|roughly|approximately|approx|some|nearly|almost|over|under|more than|"
    r"less than|fewer than|up to|at least|at most|circa|ca|c)\b\.?|~)\s*"
)
SMALL_NUMBERS = {
    word: value
    for value, word in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
         "eighteen", "nineteen"]
    )
}  # fmt: skip
TENS = {
    word: 10 * value
    for value, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9}


@dataclass(frozen=True)
class Grade:
    """The verdict on a typed answer: right or not, and whether it took a typo to be right."""

    correct: bool
    typo: bool = False
    detail: str = ""


RIGHT = Grade(True)
WRONG = Grade(False)
TYPO = Grade(True, typo=True)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, no articles, single spaces.

    Cached: generating a deck folds the same names and options many times over."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[\u2019'`]s\b", "", text)
    words = re.sub(r"[\W_]+", " ", text).split()
    return " ".join(w for w in words if w not in ARTICLES)


# typos ---------------------------------------------------------------------


def edit_distance(a: str, b: str, limit: int) -> int:
    """Insertions, deletions, substitutions and swaps of neighbours needed to turn a into b.

    Any distance over `limit` is returned as limit + 1. (Optimal string alignment, from
    rapidfuzz: a swap of two neighbouring letters is one typo, as people make them.)
    """
    from rapidfuzz.distance import OSA

    return min(OSA.distance(a, b, score_cutoff=limit), limit + 1)


def allowed_typos(length: int) -> int:
    """Edit distance tolerated for an answer of this many characters."""
    if length <= 4:
        return 0
    if length <= 8:
        return 1
    return 2 + (length - 15) // 10 if length > 15 else 2


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _match(typed: str, options: Iterable[str], rejected: Iterable[str] = ()) -> Grade:
    """Folded `typed` against folded `options`: exact, a typo away, or wrong."""
    options = [o for o in options if o]
    if typed in options:
        return RIGHT
    if typed in set(rejected):
        return WRONG
    for option in options:
        budget = allowed_typos(len(option))
        # a typo never rescues a different number
        if (
            budget
            and _digits(typed) == _digits(option)
            and edit_distance(typed, option, budget) <= budget
        ):
            return TYPO
    return WRONG


# dates ---------------------------------------------------------------------


@dataclass(frozen=True)
class PartialDate:
    """A date as typed: the month always, the day and year when given."""

    year: int | None
    month: int
    day: int | None

    def valid(self) -> bool:
        try:
            date(self.year or 2000, self.month, self.day or 1)
        except ValueError:
            return False
        return True


# The patterns of a typed date, compiled once: grading reads every option of every card.
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_YEAR_WORD = re.compile(r"\d{4}")
_DAY_WORD = re.compile(r"\d{1,2}(?:st|nd|rd|th)?")
_NOT_DIGIT = re.compile(r"\D")


def read_dates(text: str) -> tuple[PartialDate, ...]:
    """The readings of `text` as a date: none, one, or two for an ambiguous 05/01/2022."""
    cleaned = unicodedata.normalize("NFKC", text).strip().casefold()
    numeric = _ISO_DATE.fullmatch(cleaned)
    if numeric:
        year, month, day = numeric.groups()
        found = PartialDate(int(year), int(month), int(day) if day else None)
        return (found,) if found.valid() else ()
    numeric = _NUMERIC_DATE.fullmatch(cleaned)
    if numeric:
        first, second, year = (int(g) for g in numeric.groups())
        readings = {PartialDate(year, second, first), PartialDate(year, first, second)}
        return tuple(sorted((r for r in readings if r.valid()), key=lambda r: (r.month, r.day)))
    words = cleaned.replace(",", " ").replace(".", " ").split()
    words = [w for w in words if w not in {"the", "of"}]
    if words and words[0] in WEEKDAYS:
        words = words[1:]
    kinds = []
    for word in words:
        if word in MONTHS:
            kinds.append("M")
        elif _YEAR_WORD.fullmatch(word):
            kinds.append("Y")
        elif _DAY_WORD.fullmatch(word):
            kinds.append("D")
        else:
            return ()
    shape = "".join(kinds)
    if shape not in {"DMY", "MDY", "DM", "MD", "MY", "YMD"}:
        return ()
    parts = dict(zip(shape, words, strict=True))
    found = PartialDate(
        int(parts["Y"]) if "Y" in parts else None,
        MONTHS[parts["M"]],
        int(_NOT_DIGIT.sub("", parts["D"])) if "D" in parts else None,
    )
    return (found,) if found.valid() else ()


def parse_date(text: str) -> date | None:
    """A full date in one of the forms people type: 13 Jan 2022, January 13, 2022, 2022-01-13."""
    for reading in read_dates(text):
        if reading.year is not None and reading.day is not None:
            return date(reading.year, reading.month, reading.day)
    return None


def _grade_date(typed: Sequence[PartialDate], wanted: PartialDate, question: str) -> Grade:
    missing = ""
    for reading in typed:
        if reading.month != wanted.month:
            continue
        if wanted.day is not None and reading.day != wanted.day:
            if reading.day is None:
                missing = "the day is missing"
            continue
        if wanted.year is not None and reading.year != wanted.year:
            if reading.year is None and str(wanted.year) in question:
                return RIGHT
            if reading.year is None:
                missing = "the year is missing"
            continue
        return RIGHT
    return Grade(False, detail=missing)


# numbers -------------------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A number as typed, with the unit that followed it (folded, singular), if any."""

    value: float
    unit: str = ""


def _number_words(words: list[str]) -> tuple[float, int] | None:
    """'two thousand and five' -> (2005, words used); None when no number word leads."""
    total = 0.0
    current = 0.0
    used = 0
    for word in words:
        if word in SMALL_NUMBERS:
            current += SMALL_NUMBERS[word]
        elif word in TENS:
            current += TENS[word]
        elif word == "hundred" and used:
            current *= 100
        elif word in {"thousand", "million", "billion"} and used:
            total += current * SCALES[word]
            current = 0
        elif word == "and" and used:
            pass
        else:
            break
        used += 1
    if not used:
        return None
    return total + current, used


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


# A typed number's digits ('2,000', '2 000', '1.5'), and any digit: compiled once.
_LEADING_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{1,3}(?: \d{3})+(?!\d)|\d+)(\.\d+)?")
_DIGIT = re.compile(r"\d")


def read_quantity(text: str) -> Quantity | None:
    """'about 2,000' -> 2000; 'ten days' -> 10 day; '1.5 million'; '40%' -> 40 percent."""
    cleaned = unicodedata.normalize("NFKC", text).strip().casefold().replace("%", " percent")
    cleaned = HEDGES.sub("", cleaned)
    match = _LEADING_NUMBER.match(cleaned)
    if match:
        value = float(match.group(1).replace(",", "").replace(" ", "") + (match.group(2) or ""))
        words = cleaned[match.end() :].replace("-", " ").split()
        if words and words[0] in SCALES:
            value *= SCALES[words.pop(0)]
    else:
        words = cleaned.replace("-", " ").split()
        spelled = _number_words(words)
        if spelled is None:
            return None
        value, used = spelled
        words = words[used:]
    unit = fold(" ".join(words)).split()
    if len(unit) > 3 or any(_DIGIT.search(w) for w in unit):
        return None
    return Quantity(value, " ".join(_singular(w) for w in unit))


def read_quantities(text: str) -> tuple[Quantity, ...]:
    """The readings of a typed number: '2.000' is 2 and, as much of Europe writes it, 2000."""
    readings = [q for q in (read_quantity(text),) if q is not None]
    if re.search(r"\d\.\d{3}(?!\d)", text):
        european = read_quantity(re.sub(r"(?<=\d)\.(?=\d{3}(?!\d))", "", text))
        if european is not None and european not in readings:
            readings.append(european)
    return tuple(readings)


def _grade_quantity(typed: Quantity, wanted: Quantity) -> Grade:
    if typed.value != wanted.value:
        return WRONG
    if typed.unit and wanted.unit and typed.unit != wanted.unit:
        # the number is what was asked: one slip in a unit's spelling is a typo, not a new unit
        if (
            min(len(typed.unit), len(wanted.unit)) >= 3
            and edit_distance(typed.unit, wanted.unit, 1) <= 1
        ):
            return TYPO
        return Grade(False, detail=f"wrong unit: {typed.unit}")
    return RIGHT


# factors -------------------------------------------------------------------

# words that name a multiple on their own: "twice", "double" and "two-fold" say the same
MULTIPLE_NAMES = {
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "doubling": 2,
    "thrice": 3,
    "triple": 3,
    "tripled": 3,
    "tripling": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quintuple": 5,
}
FACTOR_HEDGE = re.compile(r"^(?:a|an|about|around|roughly|nearly|almost|some|by)\s+")


def read_factor(text: str) -> float | None:
    """A multiple as people write it: 'twice', 'double', 'two-fold', 'twofold', '2x', '2 times',
    'x2'. None when the text is not a multiple."""
    cleaned = fold(text).replace("-", " ").replace("×", "x").strip(" .")
    cleaned = FACTOR_HEDGE.sub("", cleaned)
    cleaned = re.sub(r"\b(?:increase|rise|jump|over|as much|as many)\b", "", cleaned).strip()
    if cleaned in MULTIPLE_NAMES:
        return float(MULTIPLE_NAMES[cleaned])
    match = (
        re.fullmatch(r"(\S+?)\s*fold", cleaned)
        or re.fullmatch(r"(\S+)\s*(?:x|times)", cleaned)
        or re.fullmatch(r"x\s*(\S+)", cleaned)
    )
    if match is None:
        return None
    word = match.group(1)
    if word in SMALL_NUMBERS:
        return float(SMALL_NUMBERS[word])
    try:
        return float(word)
    except ValueError:
        return None


# people --------------------------------------------------------------------


def _name_orders(typed: str) -> list[tuple[list[str], str]]:
    """(given names, surname) readings of a typed name: 'Given Surname', 'Surname Given'."""
    if typed.count(",") == 1:
        surname, given = typed.split(",")
        typed = f"{given} {surname}"
    words = fold(typed).split()
    if not words:
        return []
    readings = [(words[:-1], words[-1])]
    if len(words) > 1:
        readings.append((words[1:], words[0]))
    return readings


def _grade_person(typed: str, names: Sequence[str], rejected: Sequence[str]) -> Grade:
    spellings = [fold(name).split() for name in names]
    spellings = [s for s in spellings if s]
    surnames = {s[-1] for s in spellings}
    given_names = {word for s in spellings for word in s[:-1]}
    rejected_surnames = {w.split()[-1] for w in (fold(r) for r in rejected) if w}
    best = WRONG
    for given, surname in _name_orders(typed):
        verdict = _match(surname, surnames, rejected_surnames - surnames)
        if not verdict.correct:
            continue
        typo = verdict.typo
        for word in given:
            if len(word) == 1 and any(g.startswith(word) for g in given_names):
                continue
            part = _match(word, given_names)
            if not part.correct:
                verdict = Grade(False, detail=f"{word!r} is not part of the name")
                break
            typo = typo or part.typo
        else:
            verdict = TYPO if typo else RIGHT
        if verdict.correct and not verdict.typo:
            return verdict
        if verdict.correct or (not best.correct and verdict.detail):
            best = verdict
    return best


# the verdict ---------------------------------------------------------------


def grade(
    typed: str,
    expected: str,
    alternatives: Sequence[str] = (),
    answer_type: str = "text",
    *,
    distractors: Sequence[str] = (),
    question: str = "",
) -> Grade:
    """Whether `typed` answers a card whose answer is `expected` (or one of `alternatives`).

    `distractors` are known wrong answers (never accepted as a typo of the right one);
    `question` is the card's question (a date needs no year when the question names it).
    """
    if not typed.strip():
        return Grade(False, detail="no answer")
    if answer_type == "sequence":
        # an order of letters ("C, A, B"): exactly right or wrong, no typo allowance
        letters = re.sub(r"[^a-z]", "", fold(typed))
        return Grade(letters == re.sub(r"[^a-z]", "", fold(expected)))
    candidates = [expected, *alternatives]
    folded = fold(typed)
    rejected = [fold(d) for d in distractors]
    if folded in {fold(c) for c in candidates}:
        return RIGHT
    wanted_factor = read_factor(expected) if re.search(r"fold\b", fold(expected)) else None
    if wanted_factor is not None:
        typed_factor = read_factor(typed)
        if typed_factor is not None:
            return RIGHT if typed_factor == wanted_factor else WRONG
    for candidate in candidates:
        wanted_dates = read_dates(candidate)
        if wanted_dates:
            typed_dates = read_dates(typed)
            if typed_dates:
                return _grade_date(typed_dates, wanted_dates[0], question)
            break
        wanted = read_quantity(candidate)
        if wanted is not None:
            verdicts = [_grade_quantity(q, wanted) for q in read_quantities(typed)]
            if verdicts:
                return next((v for v in verdicts if v.correct), verdicts[0])
            break
    if answer_type == "person":
        return _grade_person(typed, candidates, distractors)
    return _match(folded, [fold(c) for c in candidates], rejected)


# lists ---------------------------------------------------------------------


@dataclass(frozen=True)
class ListGrade:
    """A list answer graded item by item."""

    correct: bool
    typo: bool
    found: tuple[str, ...]
    missing: tuple[str, ...]
    wrong: tuple[str, ...]


def grade_list(typed: str, items: Sequence[str], answer_type: str = "text") -> ListGrade:
    """Right when every expected item is named and nothing else is, in any order.

    Items are split at commas, semicolons, slashes and new lines; within a piece, the longest run of
    words that names an item is taken, so 'Trinidad and Tobago' stays one item while
    'Russia and Belarus' (or 'Russia Belarus') is two; 'and' alone between items is ignored.
    Naming an item twice is no mistake.
    """
    remaining = list(items)
    found: list[str] = []
    wrong: list[str] = []
    typo = False

    def take(piece: str) -> bool:
        nonlocal typo
        verdicts = [(grade(piece, item, answer_type=answer_type), item) for item in remaining]
        exact = [item for verdict, item in verdicts if verdict.correct and not verdict.typo]
        close = [item for verdict, item in verdicts if verdict.correct]
        if exact or close:
            item = (exact or close)[0]
            typo = typo or not exact
            found.append(item)
            remaining.remove(item)
            return True
        return any(grade(piece, item, answer_type=answer_type).correct for item in found)

    stray: list[str] = []

    def flush() -> None:
        if stray:
            wrong.append(" ".join(stray))
            stray.clear()

    for chunk in re.split(r"[,;/\n]", typed):
        words = chunk.split()
        start = 0
        while start < len(words):
            for end in range(len(words), start, -1):
                if take(" ".join(words[start:end])):
                    break
            else:
                if fold(words[start]) in {"and", ""}:
                    flush()
                else:
                    stray.append(words[start])
                start += 1
                continue
            flush()
            start = end
        flush()
    return ListGrade(
        not remaining and not wrong, typo, tuple(found), tuple(remaining), tuple(wrong)
    )
