"""Dates in news text: found, resolved to calendar days, and paired with the event they date.

A partial date takes its year from the dateline, then from other articles of the
same story, then from a weekday printed beside it, then from the caller's
fallback. Relative expressions resolve against the time the sentence speaks
from: the date of the reported speech for quotes, else the dateline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from itertools import islice
from typing import NamedTuple

from quizkit.extract.events import dated_event, last_actor
from quizkit.extract.facts import DateFact, Provenance
from quizkit.extract.text import Sentence, lowered

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        [
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        ]
    )
    for name in names.split()
}
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAYS = {name: i for i, name in enumerate(_WEEKDAY_NAMES)}
_ORDINALS = """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth
    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"""
_ORDINAL_WORDS = {word: i + 1 for i, word in enumerate(_ORDINALS.split())}
_ORDINAL_WORDS |= {
    f"{tens}-{word}": base + i
    for tens, base in (("twenty", 20), ("thirty", 30))
    for word, i in _ORDINAL_WORDS.items()
    if i < 10 and base + i <= 31
}
_ORDINAL_WORDS["thirtieth"] = 30

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b\.?)"
)
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR4 = r"(?:1[89]|20)\d{2}"
_YEAR = _YEAR4 + r"(?![\d,]\d)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"

_EXPLICIT = re.compile(
    rf"""
    (?=[A-Z0-9lempnt])  # fails fast where no date can start
    (?:\b(?P<part>late|early|mid|late\ on|early\ on)\s+)?
    (?:\b(?P<mod>next|last|this|coming|past)\s+)?
    (?:\b(?P<wd>{_WEEKDAY}),?\s+(?:\(\s*)?)?
    (?:
        \b(?P<mon1>{_MONTH})\s+(?P<day1>{_DAY})(?:,?\s+(?P<year1>{_YEAR}))?
      | \b(?P<day2>{_DAY})\s+(?:of\s+)?(?P<mon2>{_MONTH})(?:,?\s+(?P<year2>{_YEAR}))?
      | \b(?P<year3>{_YEAR4})-(?P<mon3>0[1-9]|1[0-2])-(?P<day3>[0-2]\d|3[01])\b
    )
    """,
    re.VERBOSE,
)
# Where an explicit date can begin: a digit, or a word start of one of its words (a lower-case
# word leads one, so a space follows it).
_EXPLICIT_STARTS = re.compile(
    r"""[0-9lempntMTWFSJAOND](?<=\b.)
    (?:(?<=[0-9])
      | (?<=l)(?=ate\s|ast\s) | (?<=e)(?=arly\s) | (?<=m)(?=id\s) | (?<=n)(?=ext\s)
      | (?<=p)(?=ast\s) | (?<=t)(?=his\s)
      | (?<=M)(?=onday|ar|ay) | (?<=T)(?=uesday|hursday) | (?<=W)(?=ednesday)
      | (?<=F)(?=riday|eb) | (?<=S)(?=aturday|unday|ep) | (?<=J)(?=an|un|ul) | (?<=A)(?=pr|ug)
      | (?<=O)(?=ct) | (?<=N)(?=ov) | (?<=D)(?=ec))""",
    re.VERBOSE,
)
# What each kind of date must contain, where a paragraph holding one has it: a month's first
# letters or an ISO month ("-03-") for explicit dates and ranges, "the" before an ordinal for
# "on the 5th", a holiday's name. Each matches at every place its text begins.
# Where a month's name can be: one of these (a capital, then small letters, so no two overlap).
_MONTH_HINTS = ("Jan", "Feb", "Mar", "May", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ISO_HINT = re.compile(r"-(?=[01]\d-)")
# How far before its month an explicit date is looked for, when that holds seven words.
_EXPLICIT_REACH = 100
_ORDINAL_HINT = re.compile(r"the(?=\s+(?:\d|fi|se|th|fo|si|ei|ni|te|el|tw))")
_HOLIDAY_HINTS = (
    "Christmas",
    "Boxing",
    "New Year",
    "Valentine",
    "Halloween",
    "Bastille",
    "Armistice",
)
# What a relative date holds (in lower case): "tonight", "tomorrow", "this" and a part of the
# day, or "day" after one of these, as many characters before it as the date begins:
# "today", "yesterday", "a day later", "the day before", "the next (previous, following) day".
_RELATIVE_HINT = re.compile("to(?=night|morrow)|this (?=morning|afternoon|evening)")
_DAY_WORD = re.compile("day")
_DAY_LEADS = {"to": (2,), "yester": (6,), " ": (2, 4, 9, 13, 14)}
# A weekday's stem before "day", and the words that may lead it ("next Friday").
_WEEKDAY_STEMS = ("mon", "tues", "wednes", "thurs", "fri", "satur", "sun")
_WEEKDAY_MODS = ("next", "last", "this", "coming", "past")
# The lengths of the prepositions of "on the 5th": "on", "by", "till", "until", "before".
_ORDINAL_LEAD_LENGTHS = (2, 4, 5, 6)
# The other end of a range of days: "March 3-5", "3 to 5 March 2023".
_RANGE_LINK = r"\s*(?:[-–]|to|and|through|until|till)\s*"
_RANGE_END = rf"(?=\s*(?:[,.;:)]|$)|,?\s+{_YEAR}|\s+(?:in|at|on|for|when|while|with)\b)"
_RANGE_HINT = re.compile(r"\d\s*(?:[-–]|to|and|through|until|till)\s*\d")
_DAY_RANGE = re.compile(
    rf"""
    (?=[A-Z0-9])
    \b(?P<mon1>{_MONTH})\s+(?P<start1>{_DAY}){_RANGE_LINK}(?P<end1>{_DAY}){_RANGE_END}
        (?:,?\s+(?P<year1>{_YEAR}))?
  | \b(?P<start2>{_DAY}){_RANGE_LINK}{_DAY}\s+(?:of\s+)?(?P<mon2>{_MONTH})
        (?:,?\s+(?P<year2>{_YEAR}))?
    """,
    re.VERBOSE,
)
_NOT_DIGITS = re.compile(r"\D")
_WORD_AND_GAP = re.compile(r"([^\W\d_]+)(\W{0,3})$")
# A wire dateline's place: "BAKU, Azerbaijan, " or "NEW DELHI (AP), ".
_CITY = re.compile(r"[A-Z][A-Z .'\-]{2,}(?:\([^)]*\))?(?:,\s*[A-Z][\w.' ]+)*,\s")
_WIRE_CITY = re.compile(
    r"\s*([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,2})(?:,[ \t]*[A-Z][a-z.]+)?,[ \t]+"
)
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)(\s*)$")
_ORDINAL_ALTERNATIVES = "|".join(sorted(_ORDINAL_WORDS, key=len, reverse=True))
_RELATIVE = re.compile(
    rf"""
    (?=[tyamwfsnlcp])  # the first letters of every branch: fails fast elsewhere
    (?:\b(?P<word>today|tonight|tomorrow|yesterday|this\ (?:morning|afternoon|evening))\b
  | \b(?P<shift>the\ next\ day|the\ following\ day|a\ day\ later|the\ previous\ day
        |a\ day\ earlier|the\ day\ before(?=[,.;]))
  | \b(?P<wd>{_WEEKDAY.lower()})\s+(?:of\s+)?(?P<lastweek>last\ week)\b
  | (?:\b(?P<mod>next|last|this|coming|past)\s+)?\b(?P<wd2>{_WEEKDAY.lower()})\b(?!['’]s\b))
    """,
    re.VERBOSE,
)
# Days named by a fixed holiday; "the day before Christmas" shifts one day.
_HOLIDAYS = {
    "christmas eve": (12, 24),
    "christmas day": (12, 25),
    "christmas": (12, 25),
    "boxing day": (12, 26),
    "new year's eve": (12, 31),
    "new year's day": (1, 1),
    "valentine's day": (2, 14),
    "halloween": (10, 31),
    "bastille day": (7, 14),
    "armistice day": (11, 11),
}
_HOLIDAY = re.compile(
    r"""(?:\b(?P<shift>[Tt]he\ day\ (?:before|after))\s+
      | \b(?P<on2>[Oo]n)\s+)?
    \b(?P<name>Christmas\ (?:Eve|Day)|Christmas(?!\ [A-Z])|Boxing\ Day|New\ Year['’]s\ (?:Eve|Day)
      |Valentine['’]s\ Day|Halloween|Bastille\ Day|Armistice\ Day)""",
    re.VERBOSE,
)
_ORDINAL_DAY = re.compile(
    rf"""(?=[OoBbUuTtSsAa])\b(?:[Oo]n|[Bb]y|[Uu]ntil|[Tt]ill|[Ss]ince|[Bb]efore|[Aa]fter)\s+the\s+
        (?P<ord>(?:[12]\d|3[01]|[1-9])(?:st|nd|rd|th)|{_ORDINAL_ALTERNATIVES})
        \b(?!\s+(?:of\b|[a-zA-Z]))""",
    re.VERBOSE,
)
_SHIFTS = {
    "the next day": 1,
    "the following day": 1,
    "a day later": 1,
    "the previous day": -1,
    "a day earlier": -1,
    "the day before": -1,
}
_ATTRIBUTION = re.compile(
    r"\b(?=[stadnwe])(?:said|says|told|added|announced|stated|noted|declared|wrote|stressed"
    r"|explained)\b"
    r"[^“”\"]{0,40}$"
)


class DateMention(NamedTuple):
    """A date expression as written: what it says, not yet resolved to a day (a tuple: a
    document makes many, most of them never dated events).

    `relative` is None for a calendar date; else "anchor+N" (today, tomorrow),
    "previous+N" (the next day), "dom" (on the 5th), or how a weekday is
    meant: "on", "next", "last", "this", "coming", "past", "lastweek".
    """

    start: int
    end: int
    text: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    relative: str | None = None


@dataclass(frozen=True)
class DateContext:
    """What partial and relative dates resolve against.

    `dateline` is (year or None, month, day); `story_year` and `story_date`
    come from another article of the same story, or from a day the article pins
    by a weekday; `today` bounds the weekday rule and comes from the caller,
    never from the clock here.
    """

    dateline: tuple[int | None, int, int] | None = None
    story_year: int | None = None
    story_date: date | None = None
    year: int | None = None
    ref_date: date | None = None
    today: date | None = None


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """All date expressions in text[start:end], explicit ones first where they overlap."""
    end = len(text) if end is None else end
    return _Finder(text, start, end).mentions(start, end)


class _Finder:
    """Where each kind of date expression can be in text[start:end], found once.

    Most paragraphs hold no date: a document's finder tells which kinds a paragraph may hold,
    and where they may begin, by looking places up rather than searching every paragraph once
    per kind. A span asked for must start after a non-word character (as a paragraph does):
    relative dates are read from a lower-cased copy of all the text.
    """

    def __init__(self, text: str, start: int, end: int, lower: str | None = None) -> None:
        """`lower` is lowered(text[start:end]) when the caller has it already."""
        self.text = text
        self.offset = start
        self.lower = lowered(text[start:end]) if lower is None else lower
        self.months = _words_at(_MONTH_HINTS, text, start, end)
        self.iso = _hints(_ISO_HINT, text, start, end)
        self.holidays = _words_at(_HOLIDAY_HINTS, text, start, end)
        self.ordinals = _ordinal_starts(text, _hints(_ORDINAL_HINT, text, start, end))
        self.relatives = _relative_starts(self.lower)
        self.any = sorted(
            self.months
            + self.iso
            + self.holidays
            + self.ordinals
            + [at + start for at in self.relatives]
        )

    def mentions(self, start: int, end: int) -> list[DateMention]:
        """All date expressions in text[start:end], explicit ones first where they overlap."""
        if not _any_in(self.any, start, end):
            return []
        text = self.text
        found: list[DateMention] = []
        hints = _within(self.months, start, end) + _within(self.iso, start, end)
        if hints:
            for m in _matches(
                _EXPLICIT, self._explicit_starts(hints, start, end), text, start, end
            ):
                mention = _explicit(m)
                if mention:
                    found.append(mention)
            ranges = _range_ends(text, start, end)
            if ranges:
                replaced = {r.start for r in ranges}
                found = sorted(
                    [f for f in found if f.start not in replaced] + ranges, key=lambda d: d.start
                )
        others: list[DateMention | None] = [
            _day_of_month(m) for m in _matches(_ORDINAL_DAY, self.ordinals, text, start, end)
        ]
        if _any_in(self.holidays, start, end):
            others += [_holiday(m) for m in _HOLIDAY.finditer(text, start, end)]
        low, high = start - self.offset, end - self.offset
        others += [
            _relative(m, text, self.offset)
            for m in _matches(_RELATIVE, self.relatives, self.lower, low, high)
        ]
        if not others:
            return found
        taken = [(d.start, d.end) for d in found]
        starts = [s for s, _ in taken]  # explicit dates do not overlap: sorted by start and end
        for mention in others:
            if mention and not _overlaps(taken, starts, mention):
                found.append(mention)
        return sorted(found, key=lambda d: d.start)

    def _explicit_starts(self, hints: list[int], start: int, end: int) -> list[int]:
        """Where an explicit date can begin in text[start:end], given where its months (or ISO
        dates) are: among the few words before one, so only those are scanned. A date has at
        most seven runs of white space before its month ("late on next Monday, ( 5 of March")."""
        text = self.text
        found: list[int] = []
        scanned = start
        for hint in sorted(hints):
            low = max(start, hint - _EXPLICIT_REACH)
            if low > start and len(text[low:hint].split()) < 9:
                return _hints(_EXPLICIT_STARTS, text, start, end)  # long words: scan it all
            for m in _EXPLICIT_STARTS.finditer(text, max(low, scanned), end):
                if m.start() > hint:
                    break
                found.append(m.start())
            scanned = max(scanned, hint + 1)
        return found


def _words_at(words: tuple[str, ...], text: str, start: int, end: int) -> list[int]:
    """Where the words stand in text[start:end], in order; none of them can overlap another.

    Found word by word with str.find, which skips through text far faster than a pattern
    of alternatives scans it."""
    found: list[int] = []
    for word in words:
        at = text.find(word, start, end)
        while at != -1:
            found.append(at)
            at = text.find(word, at + len(word), end)
    found.sort()
    return found


def _hints(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[int]:
    return [m.start() for m in pattern.finditer(text, start, end)]


def _within(positions: list[int], start: int, end: int) -> list[int]:
    """The sorted positions that lie in [start, end)."""
    return positions[bisect_left(positions, start) : bisect_left(positions, end)]


def _any_in(positions: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted positions lies in [start, end)."""
    i = bisect_left(positions, start)
    return i < len(positions) and positions[i] < end


def _space_before(text: str, pos: int) -> int:
    """Where the run of white space that ends at `pos` begins."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _ordinal_starts(text: str, thes: list[int]) -> list[int]:
    """Where "on the 5th" can begin: a preposition's length before the space before "the"."""
    starts: set[int] = set()
    for the in thes:
        gap = _space_before(text, the)
        if gap < the:
            starts.update(gap - n for n in _ORDINAL_LEAD_LENGTHS if gap >= n)
    return sorted(starts)


def _relative_starts(lower: str) -> list[int]:
    """Where a relative date can begin in lower-cased text: read back from what it holds."""
    starts = {m.start() for m in _RELATIVE_HINT.finditer(lower)}
    for m in _DAY_WORD.finditer(lower):
        day = m.start()
        for lead, backs in _DAY_LEADS.items():
            if lower.endswith(lead, 0, day):
                starts.update(day - n for n in backs if day >= n)
        for stem in _WEEKDAY_STEMS:
            if lower.endswith(stem, 0, day):
                weekday = day - len(stem)
                starts.add(weekday)
                gap = _space_before(lower, weekday)
                if gap < weekday:
                    starts.update(
                        gap - len(mod)
                        for mod in _WEEKDAY_MODS
                        if gap >= len(mod) and lower.startswith(mod, gap - len(mod))
                    )
    return sorted(starts)


def _matches(
    pattern: re.Pattern[str], starts: list[int], text: str, start: int, end: int
) -> list[re.Match[str]]:
    """`pattern.finditer(text, start, end)`, trying the pattern only at the sorted `starts`:
    every place in the span where a match can begin (and more)."""
    found: list[re.Match[str]] = []
    pos = start
    for at in starts[bisect_left(starts, start) : bisect_left(starts, end)]:
        if at < pos:
            continue
        m = pattern.match(text, at, end)
        if m:
            found.append(m)
            pos = m.end()
    return found


def _range_ends(text: str, start: int, end: int) -> list[DateMention]:
    """The end of a range that the explicit dates leave unread: "March 3-5" gives the 5th."""
    ends: list[DateMention] = []
    if not _RANGE_HINT.search(text, start, end):
        return ends  # most paragraphs have no two numbers joined as a range
    for m in _DAY_RANGE.finditer(text, start, end):
        mon = m["mon1"] or m["mon2"]
        month = MONTHS[mon.rstrip(".").lower()]
        group = "end1" if m["mon1"] else "start2"
        year_text = m["year1"] or m["year2"]
        day = int(_NOT_DIGITS.sub("", m[group]))
        year = int(year_text) if year_text else None
        if _valid(year or 2000, month, day):
            where = m.start(group), m.end(group)
            ends.append(DateMention(*where, text[where[0] : where[1]], year, month, day))
        if m["mon1"] and year:
            # "May 2-4, 2023": the year printed after the range is the first day's too
            first = int(_NOT_DIGITS.sub("", m["start1"]))
            if _valid(year, month, first):
                span = m.start("mon1"), m.end("start1")
                ends.append(DateMention(*span, text[span[0] : span[1]], year, month, first))
    return ends


def _overlaps(taken: list[tuple[int, int]], starts: list[int], mention: DateMention) -> bool:
    """Whether the mention overlaps one of the sorted, disjoint spans `taken`."""
    i = bisect_left(starts, mention.end)
    return i > 0 and taken[i - 1][1] > mention.start


def _explicit(m: re.Match[str]) -> DateMention | None:
    mon = m["mon1"] or m["mon2"]
    if mon:
        month = MONTHS[mon.rstrip(".").lower()]
        day = int(_NOT_DIGITS.sub("", m["day1"] or m["day2"]))
        year_text = m["year1"] or m["year2"]
    else:
        month, day, year_text = int(m["mon3"]), int(m["day3"]), m["year3"]
    year = int(year_text) if year_text else None
    if not _valid(year or 2000, month, day) or _in_a_name(m):
        return None
    start = m.start()
    if m["mod"] and not m["wd"]:
        start = m.start("mon1") if m["mon1"] else m.start("day2")
    weekday = WEEKDAYS[m["wd"].lower()] if m["wd"] else None
    return DateMention(start, m.end(), m.string[start : m.end()], year, month, day, weekday)


def _in_a_name(m: re.Match[str]) -> bool:
    """ "Long March 5", "May Day 1" are names: a month that is also a word, after a capital."""
    if m["mon1"] not in ("March", "May") or m["wd"] or m["mod"] or m["part"]:
        return False
    before = _WORD_BEFORE.search(m.string, max(0, m.start() - 20), m.start())
    if not before or before.group(2) != " " or before.group(1).lower() in _LEADS_TO_DAY:
        return False
    return before.group(1)[0].isupper()


def _relative(m: re.Match[str], text: str, offset: int) -> DateMention | None:
    """A relative expression; `m` may have matched a lower-cased copy starting at `offset`."""
    start, end = m.start() + offset, m.end() + offset
    written = text[start:end]
    g = m.groupdict()
    if g["word"]:
        shift = {"tomorrow": 1, "yesterday": -1}.get(g["word"], 0)
        return DateMention(start, end, written, relative=f"anchor{shift:+d}")
    if g["shift"]:
        return DateMention(start, end, written, relative=f"previous{_SHIFTS[g['shift']]:+d}")
    if g["lastweek"]:
        return DateMention(start, end, written, weekday=WEEKDAYS[g["wd"]], relative="lastweek")
    if g["wd2"]:
        if not text[m.start("wd2") + offset].isupper() or _not_a_day(text, start):
            return None
        weekday = WEEKDAYS[g["wd2"]]
        return DateMention(start, end, written, weekday=weekday, relative=g["mod"] or "on")
    return None


_LEADS_TO_DAY_WORDS = """on by since until till from last next this before after and or late early
    in during through of as"""
_LEADS_TO_DAY = frozenset(_LEADS_TO_DAY_WORDS.split())


def _not_a_day(text: str, start: int) -> bool:
    """A weekday that names no single day: "every Friday", "Good Friday", "Super Tuesday"."""
    before = _WORD_AND_GAP.search(text, max(0, start - 30), start)
    if not before or before.group(2).strip():
        return False
    word = before.group(1)
    if word.lower() in ("every", "each", "most", "all", "some", "other"):
        return True
    return word[0].isupper() and word.lower() not in _LEADS_TO_DAY


def _day_of_month(m: re.Match[str]) -> DateMention:
    """ "on the 5th", "by the nineteenth": a day of the month the sentence speaks in."""
    ordinal = m["ord"].lower()
    day = _ORDINAL_WORDS.get(ordinal) or int(_NOT_DIGITS.sub("", ordinal))
    return DateMention(m.start("ord") - 4, m.end(), f"the {m['ord']}", day=day, relative="dom")


def _holiday(m: re.Match[str]) -> DateMention | None:
    """ "Christmas Day", "on Christmas", "the day before Christmas": a holiday's fixed day."""
    name = m["name"].replace("’", "'").lower()
    if name == "christmas" and not (m["on2"] or m["shift"]):
        return None  # "before Christmas", "the Christmas holidays": no single day
    month, day = _HOLIDAYS[name]
    when = date(2001, month, day)
    if m["shift"]:
        when += timedelta(days=1 if m["shift"].lower().endswith("after") else -1)
    start = m.start("shift") if m["shift"] else m.start("name")
    return DateMention(start, m.end(), m.string[start : m.end()], None, when.month, when.day)


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


# A line that begins with a full date ("13 January 2022 17:39", "2022-01-13").
_DATE_FIRST = re.compile(rf"(?:{_WEEKDAY},?\s+)?(?:\d|{_MONTH})")


@dataclass(frozen=True)
class Dateline:
    """An article's headline and the date it speaks from, as (year or None, month, day)."""

    headline: str
    day: tuple[int | None, int, int] | None = None
    start: int = 0
    end: int = 0
    city: str | None = None
    filed: tuple[int, int] = (0, 0)

    def covers(self, pos: int) -> bool:
        """Whether `pos` lies in a date of the dateline: the filing date dates no event."""
        return self.start <= pos < self.end or self.filed[0] <= pos < self.filed[1]


_LINE = re.compile(r"[^\n]*\S[^\n]*")


def find_dateline(text: str) -> Dateline:
    """The date an article speaks from and its headline, read from its first lines.

    A short line without a full stop that holds a full date ("13 January 2022
    17:39") is a dateline; a "CITY, Country, Jan. 13" line gives month and day.
    """
    # only the first eight lines are read: the scan stops there, not at the text's end
    lines = [(m.start(), m.end()) for m in islice(_LINE.finditer(text), 8)]
    headline = text[lines[0][0] : lines[0][1]].strip() if lines else ""
    found = _find_day(text, lines, headline)
    city, filed = _wire_city(text, lines)
    return replace(found, city=city, filed=filed)


def _wire_city(text: str, lines: list[tuple[int, int]]) -> tuple[str | None, tuple[int, int]]:
    """The city and filing date of a wire's body dateline ("OSLO, May 4 - Norway said").

    The filing date is when the story was sent, never the date of an event in it.
    """
    for s, e in lines[1:]:
        line = text[s:e]
        city = _WIRE_CITY.match(line)
        if not city:
            continue
        rest = s + city.end()
        for mention in find_mentions(text, rest, min(e, rest + 20)):
            if mention.start == rest and mention.month and mention.day and not mention.relative:
                return city.group(1).strip().title(), (s, mention.end)
    return None, (0, 0)


def _find_day(text: str, lines: list[tuple[int, int]], headline: str) -> Dateline:
    partial: Dateline | None = None
    for i, (s, e) in enumerate(lines):
        line = text[s:e].strip()
        city = _CITY.match(line)
        short = len(line) <= 80 and not line.endswith(".")
        if i == 0 and not city and not _DATE_FIRST.match(line):
            continue
        if not (short or city):
            continue
        limit = s + (len(line) if short else min(len(line), 60))
        for mention in find_mentions(text, s, limit):
            if mention.relative or mention.month is None or mention.day is None:
                continue
            day: tuple[int | None, int, int] = (mention.year, mention.month, mention.day)
            if mention.year:
                return Dateline(headline, day, mention.start, mention.end)
            if city and partial is None:
                partial = Dateline(headline, day, mention.start, mention.end)
    return partial or Dateline(headline)


def resolve_dates(
    source: str,
    text: str,
    sentences: list[Sentence],
    context: DateContext,
    header: Dateline,
    lower: str | None = None,
) -> list[DateFact]:
    """Date facts of one document, in text order (`lower`: lowered(text), when the caller
    has it already).

    The dateline itself dates no event, so it gives no fact; a quoted relative
    day whose speech has no known day is left undated.
    """
    anchor = _document_anchor(context)
    anchor_day = date(*anchor) if anchor and anchor[0] else None  # type: ignore[arg-type]
    facts: list[DateFact] = []
    previous: date | None = None
    finder = _Finder(text, 0, len(text), lower)
    by_paragraph: dict[int, list[Sentence]] = {}
    for sentence in sentences:
        by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for para in by_paragraph.values():
        para_start, para_end = para[0].start, para[-1].end
        mentions = finder.mentions(para_start, para_end)
        if not mentions:
            continue
        quotes = _Quotes(text, para_start, para_end)
        speech = _speech_date(text, para_start, quotes, mentions, anchor, context)
        starts = [m.start for m in mentions]
        for sentence in para:
            first = bisect_left(starts, sentence.start)
            last = bisect_left(starts, sentence.end)
            for i in range(first, last):
                mention = mentions[i]
                if header.covers(mention.start) or _nowadays(text, mention):
                    continue
                quoted = quotes.inside(mention.start)
                if quoted and mention.relative and not speech:
                    continue  # words spoken on a day the text does not give
                speaks_from = speech if quoted and speech else anchor
                # The clause of a date lies near it: a bounded window keeps long sentences linear.
                low = max(sentence.start, mention.start - _WINDOW)
                high = min(sentence.end, mention.end + _WINDOW)
                dated = dated_event(
                    text[low:high],
                    mention.start - low,
                    mention.end - low,
                    [
                        (m.start - low, min(m.end, high) - low)
                        for m in mentions[bisect_left(starts, low) : bisect_left(starts, high)]
                        if m is not mention
                    ],
                    partial(last_actor, text, max(0, sentence.start - 600), sentence.start),
                )
                resolved = _resolve(mention, speaks_from, previous, context, dated.future)
                if resolved is None or not dated.event:
                    continue
                value, day = resolved
                previous = day or previous
                where = Provenance(
                    source, sentence.text, sentence.index, mention.start, mention.end
                )
                planned = (
                    day > anchor_day or (day == anchor_day and dated.future)
                    if day and anchor_day
                    else dated.future
                )
                facts.append(
                    DateFact(
                        value,
                        mention.text,
                        dated.event,
                        where,
                        place=dated.place,
                        planned=planned and not dated.reporting,
                        reporting=dated.reporting,
                    )
                )
    return facts


_NOWADAYS_BEFORE = re.compile(
    r"(?:\bthan|\beven|\bstill|\buntil|\bup to|\bis|\bare|\bworld|\bexists?|\bremains?)\s+$",
    re.IGNORECASE,
)
_THEN_AND_NOW = re.compile(r"\b(?:years|decades|generations|centuries)\s+ago\b[^.!?]*$")
_NOWADAYS_AFTER = re.compile(r"^['’]s\s+(?:world|society|generation|youth|economy|standards)\b")


def _nowadays(text: str, mention: DateMention) -> bool:
    """ "faster than can be done today", "the world today": today meaning these days."""
    if mention.text.lower() != "today":
        return False
    before = text[max(0, mention.start - 40) : mention.start]
    if _NOWADAYS_BEFORE.search(before) or re.search(r"\b(?:can|could)\s+be\s+\w+\s+$", before):
        return True
    if _THEN_AND_NOW.search(text, max(0, mention.start - 120), mention.start):
        return True  # "Ten years ago it had 1,500 staff; today it has 900": now, not a day
    return bool(_NOWADAYS_AFTER.match(text, mention.end, mention.end + 30))


def _document_anchor(context: DateContext) -> tuple[int | None, int, int] | None:
    """The day the document speaks from, with its year when it can be known."""
    if context.dateline:
        year, month, day = context.dateline
        if year is None:
            year = context.story_year or _fallback_year(context)
            if year and _later_in_year(month, day, context.ref_date):
                year -= 1
        return year, month, day
    if context.story_date:
        return context.story_date.year, context.story_date.month, context.story_date.day
    if context.ref_date:
        return context.ref_date.year, context.ref_date.month, context.ref_date.day
    return None


def _later_in_year(month: int, day: int, ref: date | None) -> bool:
    return ref is not None and (month, day) > (ref.month, ref.day)


def _fallback_year(context: DateContext) -> int | None:
    if context.year:
        return context.year
    return context.ref_date.year if context.ref_date else None


class _Quotes:
    """Where a paragraph's quotation marks are, to tell quickly whether a position is quoted."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.opening = [m.start() for m in _OPENING_QUOTE.finditer(text, start, end)]
        self.closing = [m.start() for m in _CLOSING_QUOTE.finditer(text, start, end)]
        self.straight = [m.start() for m in _STRAIGHT_QUOTE.finditer(text, start, end)]

    def inside(self, pos: int) -> bool:
        opened = bisect_left(self.opening, pos) - bisect_left(self.closing, pos)
        return opened > 0 or (opened == 0 and bisect_left(self.straight, pos) % 2 == 1)


_OPENING_QUOTE = re.compile("“")
_CLOSING_QUOTE = re.compile("”")
_STRAIGHT_QUOTE = re.compile('"')
_WINDOW = 400


def _speech_date(
    text: str,
    para_start: int,
    quotes: _Quotes,
    mentions: list[DateMention],
    anchor: tuple[int | None, int, int] | None,
    context: DateContext,
) -> tuple[int | None, int, int] | None:
    """The date a quoted paragraph was spoken, from its attribution ("X said on Thursday")."""
    for mention in mentions:
        left = text[max(para_start, mention.start - 80) : mention.start]
        if not _ATTRIBUTION.search(left) or quotes.inside(mention.start):
            continue
        if mention.relative in ("on", "anchor+0", "anchor-1") or not mention.relative:
            day = _resolve_day(mention, anchor, None, context, future=False)
            if day is not None:
                return day
    return None


def _resolve(
    mention: DateMention,
    anchor: tuple[int | None, int, int] | None,
    previous: date | None,
    context: DateContext,
    future: bool,
) -> tuple[str, date | None] | None:
    """The ISO value of a mention and, when its year is known, the day itself."""
    resolved = _resolve_day(mention, anchor, previous, context, future)
    if resolved is None:
        return None
    year, month, day = resolved
    if year is None:
        return f"--{month:02d}-{day:02d}", None
    return f"{year:04d}-{month:02d}-{day:02d}", date(year, month, day)


def _resolve_day(
    mention: DateMention,
    anchor: tuple[int | None, int, int] | None,
    previous: date | None,
    context: DateContext,
    future: bool,
) -> tuple[int | None, int, int] | None:
    if mention.relative is None:
        assert mention.month is not None and mention.day is not None
        year = mention.year or _year_for(mention, anchor, context, future)
        return year, mention.month, mention.day
    if mention.relative.startswith("previous"):
        if previous is None:
            return None
        day = previous + timedelta(days=int(mention.relative[8:]))
        return day.year, day.month, day.day
    if anchor is None:
        return None
    year, month, dom = anchor
    if mention.relative == "dom":
        assert mention.day is not None
        if not _valid(year or 2000, month, mention.day):
            return None
        return year, month, mention.day
    if year is None:
        if mention.relative.startswith("anchor"):
            day = date(2000, month, dom) + timedelta(days=int(mention.relative[6:]))
            return None, day.month, day.day
        return None
    base = date(year, month, dom)
    if mention.relative.startswith("anchor"):
        day = base + timedelta(days=int(mention.relative[6:]))
    else:
        assert mention.weekday is not None
        day = _weekday_near(base, mention.weekday, mention.relative, future)
    return day.year, day.month, day.day


def _weekday_near(base: date, weekday: int, how: str, future: bool) -> date:
    """The weekday that "next Wednesday", "last Friday" or "on Thursday" means from `base`."""
    ahead = (weekday - base.weekday()) % 7
    if how in ("next", "coming"):
        return base + timedelta(days=ahead or 7)
    if how == "lastweek":
        monday = base - timedelta(days=base.weekday() + 7)
        return monday + timedelta(days=weekday)
    behind = (base.weekday() - weekday) % 7
    if how in ("last", "past"):
        return base - timedelta(days=behind or 7)
    if future and ahead:
        return base + timedelta(days=ahead)
    return base - timedelta(days=behind)


def _year_for(
    mention: DateMention,
    anchor: tuple[int | None, int, int] | None,
    context: DateContext,
    future: bool,
) -> int | None:
    """The year of a month-and-day date, by the rules in this module's docstring."""
    assert mention.month is not None and mention.day is not None
    from_story = bool((context.dateline and context.dateline[0]) or context.story_year)
    if anchor and anchor[0] and from_story:
        return _nearest_year(anchor, mention.month, mention.day, future)
    if mention.weekday is not None and context.today:
        year = _weekday_year(mention.month, mention.day, mention.weekday, context.today)
        if year:
            return year
    if anchor and anchor[0]:
        return _nearest_year(anchor, mention.month, mention.day, future)
    return context.year


def _weekday_year(month: int, day: int, weekday: int, today: date) -> int | None:
    """The latest year up to `today` in which month/day fell on `weekday`."""
    for year in range(today.year, today.year - 30, -1):
        if _valid(year, month, day):
            when = date(year, month, day)
            if when.weekday() == weekday and when <= today:
                return year
    return None


def pinned_date(text: str, today: date) -> date | None:
    """The first day an undated article pins by a weekday beside it ("Friday, March 10")."""
    for mention in find_mentions(text):
        if mention.year is None and mention.weekday is not None and mention.month and mention.day:
            year = _weekday_year(mention.month, mention.day, mention.weekday, today)
            if year:
                return date(year, mention.month, mention.day)
    return None


def _nearest_year(anchor: tuple[int | None, int, int], month: int, day: int, future: bool) -> int:
    """The year that puts month/day nearest the anchor in the direction the text points.

    News is about the past: a month after the anchor's is last year's. A
    clause that looks ahead takes the next such day, with a few days' grace.
    """
    year, anchor_month, anchor_day = anchor
    assert year is not None
    if future:
        return year + 1 if (month, day) < (anchor_month, max(1, anchor_day - 3)) else year
    return year - 1 if month > anchor_month else year
