"""Numbers worth a question: counts together with what they count.

A number counts something only when a counted noun follows it ("2,000 troops",
"five days", "a twofold increase"); dates, times, years, ordinals, codes and
phone-like digit groups are not counts and are left out.
"""

from __future__ import annotations

import re

from quizkit.extract.facts import NumberFact, Provenance
from quizkit.extract.gazetteer import place_of_demonym
from quizkit.extract.text import Sentence, lowered

_SMALL_NUMBERS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_WORDS = {w: i for i, w in enumerate(_SMALL_NUMBERS.split()) if i >= 2}
_WORDS |= {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_WORDS |= {"ninety": 90, "hundred": 100, "dozen": 12}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SCALES["trillion"] = 1_000_000_000_000

_WORD_ALTERNATIVES = "|".join(sorted(_WORDS, key=len, reverse=True))
_NUMBER = re.compile(
    rf"""
    (?=[\d$€£tfsenhd])  # fails fast where no number starts; matched on lower-cased text
    (?<![\w\-/.,:+#№$€£])(?P<cur>[$€£])?
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?)(?=-?fold\b|(?![\w\-/:]|[.,]\d))
      | \b(?P<word>(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three
            |four|five|six|seven|eight|nine)|{_WORD_ALTERNATIVES})(?:\b|(?=-?fold\b))
    )
    (?:\s+(?P<scale>hundred|thousand|million|billion|trillion)\b)?
    (?P<pct>\s*%|\s+percent\b|\s+per\s+cent\b)?
    (?P<fold>-?fold\b)?
    """,
    re.VERBOSE,
)
_UNITS_WORDS = """
    people persons children men women police personnel staff troops percent km kilometres
    kilometers miles metres meters tonnes tons barrels dollars euros rubles roubles pounds yuan
    yen hours days weeks months years minutes seconds times"""
_UNITS = frozenset(_UNITS_WORDS.split())
_NOT_NOUNS_WORDS = """
    was has is does goes says means remains seems as its his this thus plus less unless
    across always perhaps whereas besides towards afterwards yes was us bus"""
_NOT_NOUNS = frozenset(_NOT_NOUNS_WORDS.split())
_STOP_WORDS = "the a an of in on at to for and or but that which who with by from as than per"
_STOP = frozenset(_STOP_WORDS.split())
_QUANTIFIERS_WORDS = (
    "about some nearly roughly around over almost more only just all another at least up to some"
)
_QUANTIFIERS = frozenset(_QUANTIFIERS_WORDS.split())
_TAIL = re.compile(r"\s+(?:in|of)\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*s)\b")


def find_numbers(source: str, text: str, sentences: list[Sentence]) -> list[NumberFact]:
    """Counts in the sentences of one document, in text order."""
    facts: list[NumberFact] = []
    lower = lowered(text)
    for sentence in sentences:
        for m in _NUMBER.finditer(lower, sentence.start, sentence.end):
            fact = _count(source, text, sentence, m)
            if fact:
                facts.append(fact)
    return facts


def _count(source: str, text: str, sentence: Sentence, m: re.Match[str]) -> NumberFact | None:
    value = _value(m)
    if value is None or _is_label(text, sentence, m):
        return None
    if m["digits"] and not m["scale"] and re.fullmatch(r"1[89]\d\d|20\d\d", m["digits"]):
        return None
    if m["word"] and re.search(
        r"\b(?:the|these|those|both|its|their|our)\s+$",
        text[max(sentence.start, m.start() - 8) : m.start()],
    ):
        return None
    end = m.end()
    if m["pct"]:
        what = "percent"
    elif m["cur"]:
        what = {"$": "dollars", "€": "euros", "£": "pounds"}[m["cur"]]
    else:
        noun = _counted_noun(text, end, sentence.end, bool(m["fold"]))
        if noun is None:
            return None
        what, end = noun
    start = _with_quantifier(text, sentence.start, m.start())
    where = Provenance(source, sentence.text, sentence.index, start, end)
    return NumberFact(value, text[start:end], what, where)


def _value(m: re.Match[str]) -> int | float | None:
    if m["digits"]:
        number = float(m["digits"].replace(",", ""))
    else:
        word = m["word"].lower()
        if "-" in word:
            tens, unit = word.split("-")
            number = _WORDS[tens] + _WORDS[unit] if unit in _WORDS else _WORDS[tens] + 1
        else:
            number = _WORDS[word]
    if m["scale"]:
        number *= _SCALES[m["scale"].lower()]
    return int(number) if number == int(number) else number


def _is_label(text: str, sentence: Sentence, m: re.Match[str]) -> bool:
    """A number that names something ("Resolution 2231", "Article 5", "No. 3") counts nothing."""
    floor = max(sentence.start, m.start() - 30)
    before = re.search(r"([^\W\d_][\w.’']*)\s+$", text[floor : m.start()])
    if not before:
        return False
    word = before.group(1)
    if word.lower() in ("no.", "number", "page", "room", "flight", "route", "article", "at"):
        return True
    first = floor + before.start(1) == sentence.start
    return (
        word[0].isupper()
        and not first
        and word.lower() not in _QUANTIFIERS
        and not place_of_demonym(word)
    )


def _counted_noun(text: str, pos: int, limit: int, fold: bool) -> tuple[str, int] | None:
    """What follows a number and is counted by it: up to two modifiers and a noun."""
    words: list[str] = []
    for m in re.compile(r"\s+([^\W\d_][\w\-’']*)").finditer(text, pos, limit):
        if m.start() != pos:
            break
        word = m.group(1)
        lower = word.lower()
        if lower in _STOP or (word[0].isupper() and not place_of_demonym(word)):
            break
        if lower in ("more", "other", "additional", "extra", "fewer") and not words:
            pos = m.end()
            continue
        words.append(word)
        pos = m.end()
        if fold or lower in _UNITS or _plural(lower):
            what = " ".join(words)
            tail = _TAIL.match(text, pos, limit)
            if tail and fold:
                what, pos = f"{what} {tail.group().strip()}", tail.end()
            return what, pos
        if len(words) == 3:
            break
    return None


def _plural(word: str) -> bool:
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in _NOT_NOUNS
    )


def _with_quantifier(text: str, floor: int, start: int) -> int:
    """Widen a number's span to "roughly", "about", "a" and the like written before it."""
    base = max(floor, start - 20)
    m = re.search(
        r"\b(?:roughly|about|around|nearly|almost|some|over|more than|at least|up to|a)\s+$",
        text[base:start],
        re.IGNORECASE,
    )
    return base + m.start() if m else start
