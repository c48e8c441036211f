"""People's names as news English writes them: after a title, in apposition, of every shape.

Particles and prefixes ("al-", "bin", "van der"), honorifics ("Sheikh", "Dr"),
hyphenated and East Asian names are read whole; capitalised words that are no one's
name (titles, months, places) end a name.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from quizkit.extract.gazetteer import is_place_word, place_named
from quizkit.extract.titles import DOMAINS, MODIFIERS, QUALIFIERS, word_set

_PARTICLES_WORDS = "al el bin ibn von van der den de da di du la le dos das del ter bint"
_PARTICLES = frozenset(_PARTICLES_WORDS.split())
_REGNAL = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|XI{0,3}|Jr\.?|Sr\.?)")
_HYPHEN_PARTICLE = re.compile(r"(?:al|el|ad|ash|as|at|ar|an|az|abu|bin|ibn|ben|ul|ud)-[A-Z]")
_HONORIFICS_WORDS = (
    "mr mrs ms dr sir dame lord lady gen general adm admiral col colonel lt lieutenant maj "
    "major capt captain marshal sheikh shaikh ayatollah prof professor army brig brigadier "
    "sgt sergeant cmdr commander rev reverend mullah imam"
)
_HONORIFICS = frozenset(_HONORIFICS_WORDS.split())
_NOT_NAMES_WORDS = """
    the a an this that these those he she it they we his her its their our in on at by for
    of and or but as to from with after before during since until while when where who which
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday minister ministers president
    secretary general deputy chief commander prime foreign defense defence council ministry
    government parliament office state states kremlin white house forces army republic
    federation union organization organisation committee agency news reuters interfax tass
    also earlier later meanwhile however according says told vice interior finance
    affairs chancellor premier ambassador director head king queen staff spokesman
    under over about into onto upon against through across without within now then there
    here today yesterday tomorrow both all former late outgoing acting elect new not no
    mayor governor senator leader emir sultan judge envoy representative spokeswoman
    spokesperson chairman administrator commissioner adviser advisor island islands river
    province region city county valley mountain mountains peninsula strait gulf
    desert street square hotel building palace tower center centre avenue bridge
    airport museum stadium university college school hospital prize award cup"""


_NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split()) | DOMAINS | QUALIFIERS | MODIFIERS | {"high"}
NEXT_WORD = re.compile(r"[ \t]+([^\W\d_][\w’'\-]*\.?)")
_DOUBLED = re.compile(r"(.)\1+")
_GEOGRAPHIC = re.compile(
    r"[ \t]+(?:Island|Islands|River|Province|Region|City|County|District|Valley|Lake|Bay"
    r"|Mountains?|Peninsula|Strait|Sea|Gulf|Desert|Street|Square)\b"
)
_PREPOSITIONS = word_set(
    "in at on from to near after before during since outside inside across for with by "
    "into over under"
)


def is_common_word(word: str) -> bool:
    """A capitalised word that is no one's name: titles, months, function words."""
    return word.lower() in _NOT_NAMES


@lru_cache(maxsize=65536)
def _is_name_word(word: str) -> bool:
    """Whether a word can be part of a person's name (cached: the same words recur)."""
    if _HYPHEN_PARTICLE.match(word):
        return True
    if not word[0].isupper() or word.isupper() or word.lower() in _NOT_NAMES:
        return False
    if is_place_word(word):
        # "Un" in "Kim Jong Un" is a name, not the UN
        place = place_named(word)
        return bool(place and place.name.isupper() and not word.isupper() and len(word) <= 3)
    return True


def name_after(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The person's name written right after an office, as (name, start, end)."""
    words: list[tuple[int, int]] = []
    while len(words) < 6:
        m = NEXT_WORD.match(text, pos, limit)
        if not m:
            break
        word = m.group(1)
        core = _word_core(word) if word[-1] in ".'’s" else word
        if not core:
            break
        low = core.lower()
        if not words and low.rstrip(".") in _HONORIFICS:
            pos = m.end()
            continue
        at = m.start(1)
        initial = len(word) == 2 and word[1] == "." and word[0].isupper()
        if words and (low in _PARTICLES or _REGNAL.fullmatch(core)):
            words.append((at, at + len(core)))  # "bin", "Charles III"
        elif (
            _is_name_word(core)
            or initial
            or (not words and _place_first_name(text, m.end(), limit, word))
        ):
            words.append((at, at + len(word if initial else core)))
        else:
            break
        pos = m.end()
        if core != word.rstrip(".") or (word.endswith(".") and not initial):
            break
    if not words:
        return None
    while words and text[words[-1][0] : words[-1][1]].lower() in _PARTICLES:
        words.pop()
    if words and _GEOGRAPHIC.match(text, words[-1][1], limit):
        words = words[:-1]  # "Chief Ana Rote Island": the last word names a place
    if not words or _is_initial(text[words[-1][0] : words[-1][1]]):
        return None
    if len(words) > 5 and all(text[a:b].lower() not in _PARTICLES for a, b in words):
        return None  # six words and no particle among them: no one's name
    start, end = words[0][0], words[-1][1]
    return " ".join(text[start:end].split()), start, end


def _word_core(word: str) -> str:
    """A word without its possessive and final full stop, as `(?:['’]s?)?\\.?$` removed
    would leave it, by string tests rather than a pattern tried at every character."""
    end = len(word) - 1 if word.endswith(".") else len(word)
    if word.endswith(("'s", "’s"), 0, end):
        end -= 2
    elif word.endswith(("'", "’"), 0, end):
        end -= 1
    return word[:end]


def _place_first_name(text: str, pos: int, limit: int, word: str) -> bool:
    """A first name that is also a place ("Israel Katz", "Chad Wolf", "Jordan Bardella"):
    a one-word place right before a capitalised surname, the word a name ends with."""
    if word != _word_core(word) or word.isupper() or not is_place_word(word):
        return False  # "Israel's": a possessive is the country
    nxt = NEXT_WORD.match(text, pos, limit)
    if not nxt:
        return False
    surname_word = _word_core(nxt.group(1))
    return (
        bool(surname_word)
        and _is_name_word(surname_word)
        and not _GEOGRAPHIC.match(text, nxt.start(1) + len(surname_word), limit)
    )


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def appositive_name(text: str, floor: int, office_start: int) -> tuple[str, int, int] | None:
    """The name in "X, the Chilean finance minister", "X, Chile's finance minister" or
    "X is an envoy of the EU"."""
    low = max(floor, office_start - 60)
    m = _name_before_comma(text, low, office_start)
    predicate = None if m else _name_before_verb(text, low, office_start)
    if predicate:
        word = predicate[0]
        if not _is_name_word(word):
            return None
        return predicate
    if not m:
        return None
    end = m[2]
    words: list[int] = []
    pos = end
    while len(words) < 5:
        w = _trailing_word(text, max(floor, pos - 40), pos)
        if not w:
            break
        word = w[0]
        if not (_is_name_word(word.rstrip(".")) or (words and word.lower() in _PARTICLES)):
            break
        words.append(w[1])
        gap = w[1]
        while gap > floor and text[gap - 1] in " \t":
            gap -= 1
        if gap == w[1]:
            break
        pos = gap
    while words and _first_token(text, words[-1]).lower() in _PARTICLES:
        words.pop()
    if not words:
        return None
    before = text[max(floor, words[-1] - 14) : words[-1]].lower().split()
    if (
        before
        and before[-1] in _PREPOSITIONS
        and not text[floor : words[-1]].strip(' \t"“')[len(before[-1]) :].strip()
    ):
        return None  # "In Buenos Aires, the minister said": a place, not a name
    honorific = bool(before) and before[-1].rstrip(".") in _HONORIFICS
    if len(words) < 2 and not honorific:
        return None
    start = words[-1]
    return " ".join(text[start:end].split()), start, end


def _first_token(text: str, pos: int) -> str:
    """`text[pos:].split()[0]` without copying and splitting the rest of the text, which
    made reading a name cost as much as the text after it."""
    m = _FIRST_TOKEN.match(text, pos)
    return m.group(1) if m else ""


_FIRST_TOKEN = re.compile(r"\s*(\S+)")


# "the deal made Ana Torres president", "parliament elected Luis Vega speaker": a verb that
# gives an office, at most two words (no comma) before the name.
_APPOINTING = re.compile(
    r"\b(?:made|makes|make|named|names|appointed|appoints|elected|elects|declared|declares|"
    r"proclaimed|proclaims)[ \t]+(?:[a-z]+[ \t]+){0,2}$"
)

# Every verb _APPOINTING reads contains one of these: a sentence with none of them before an
# office names no one appointed to it, and is read no further for one.
APPOINTING_VERB = re.compile(r"ma(?:de|ke)|name|appoint|elect|declar|proclaim")


def appointed_name(text: str, floor: int, office_start: int) -> tuple[str, int, int] | None:
    """The name between a verb that gives an office and the office: "made Ana Torres
    president" names Ana Torres, "elected Dr Luis Vega chairman" Dr Luis Vega's name."""
    end = _skip_blanks(text, floor, office_start)
    if end == office_start:
        return None
    words: list[int] = []
    pos = end
    while len(words) < 5:
        w = _trailing_word(text, max(floor, pos - 40), pos)
        if not w or w[0].endswith("."):
            break
        if not (_is_name_word(w[0]) or (words and w[0].lower() in _PARTICLES)):
            break
        words.append(w[1])
        gap = _skip_blanks(text, floor, w[1])
        if gap == w[1]:
            break
        pos = gap
    while words and _first_token(text, words[-1]).lower() in _PARTICLES:
        words.pop()
    if len(words) < 2:
        return None
    start = words[-1]
    if not _APPOINTING.search(text, max(floor, start - 40), start):
        return None
    return " ".join(text[start:end].split()), start, end


# The words before an office are read by scanning back from it: patterns anchored at the
# office would be tried from every character of the window. Each reads as the pattern in
# its docstring would, searched in text[low:high].
_VERBS = ("is", "was", "became", "remains")


def _pattern_end(text: str, low: int, high: int) -> int:
    """Where a pattern ending with `$` must end in text[low:high] (before a final newline)."""
    return high - 1 if high > low and text[high - 1] == "\n" else high


def _word_ending_at(text: str, low: int, end: int, dots: bool) -> int | None:
    """Where the word ending at `end` starts, at its first letter (as `[^\\W\\d_][...]*`
    reads it leftmost), or None when no letter begins one there."""
    before = text[low:end][::-1]
    stop = (_NOT_NAME_CHAR_OR_DOT if dots else _NOT_NAME_CHAR).search(before)
    run = end - (stop.start() if stop else len(before))
    for at in range(run, end):
        c = text[at]
        if c.isalnum() and not c.isdecimal():
            return at
    return None


# What ends a name word read back from its end (in the window reversed): a character that
# is not [\w’'\-], or not [\w’'\-.].
_NOT_NAME_CHAR = re.compile(r"[^\w’'\-]")
_NOT_NAME_CHAR_OR_DOT = re.compile(r"[^\w’'\-.]")


def _skip_blanks(text: str, low: int, end: int) -> int:
    while end > low and text[end - 1] in " \t":
        end -= 1
    return end


def _trailing_word(text: str, low: int, high: int) -> tuple[str, int] | None:
    r"""`([^\W\d_][\w’'\-.]*)$`: the word that ends the window, from its first letter."""
    end = _pattern_end(text, low, high)
    at = _word_ending_at(text, low, end, dots=True)
    return None if at is None else (text[at:end], at)


def _name_before_comma(text: str, low: int, high: int) -> tuple[str, int, int] | None:
    r"""`([^\W\d_][\w’'\-.]*)[ \t]*,[ \t]+$`: "Ana Torres, " before an office."""
    end = _pattern_end(text, low, high)
    gap = _skip_blanks(text, low, end)
    if gap == end or gap <= low or text[gap - 1] != ",":
        return None
    word_end = _skip_blanks(text, low, gap - 1)
    at = _word_ending_at(text, low, word_end, dots=True)
    return None if at is None else (text[at:word_end], at, word_end)


def _name_before_verb(text: str, low: int, high: int) -> tuple[str, int, int] | None:
    r"""`([^\W\d_][\w’'\-]*)[ \t]+(?:is|was|became|remains)[ \t]+(?:also[ \t]+)?$`."""
    end = _pattern_end(text, low, high)
    gap = _skip_blanks(text, low, end)
    if gap == end:
        return None
    found = []
    if text.endswith("also", low, gap):
        before_also = _skip_blanks(text, low, gap - 4)
        if before_also < gap - 4:
            found.append(_before_verb(text, low, before_also))
    found.append(_before_verb(text, low, gap))
    hits = [f for f in found if f]
    return min(hits, key=lambda f: f[1]) if hits else None


def _before_verb(text: str, low: int, end: int) -> tuple[str, int, int] | None:
    for verb in _VERBS:
        if text.endswith(verb, low, end):
            verb_start = end - len(verb)
            word_end = _skip_blanks(text, low, verb_start)
            if word_end == verb_start:
                return None
            at = _word_ending_at(text, low, word_end, dots=False)
            return None if at is None else (text[at:word_end], at, word_end)
    return None


@lru_cache(maxsize=4096)
def name_key(word: str) -> str:
    """A spelling-tolerant key for a name word: Shoygu = Shoigu, Sergey = Sergei."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if c.isalpha())
    word = word.replace("y", "i").replace("j", "i").replace("kh", "h").replace("ph", "f")
    return _DOUBLED.sub(r"\1", word)


def surname(name: str) -> str:
    """The family name with its particles: "Ursula von der Leyen" -> "von der Leyen".

    A monarch's name with its number ("Charles III") has no family name: it is kept whole.
    """
    words = name.split()
    if _REGNAL.fullmatch(words[-1]):
        return name
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])
