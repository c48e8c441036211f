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
_WORD_END = re.compile(r"(?:['’]s?)?\.?$")
_DOUBLED = re.compile(r"(.)\1+")
_GEOGRAPHIC = re.compile(
    r"[ \t]+(?:Island|Islands|River|Province|Region|City|County|District|Valley|Lake|Bay"
    r"|Mountains?|Peninsula|Strait|Sea|Gulf|Desert|Street|Square)\b"
)
_NAME_IS = re.compile(r"([^\W\d_][\w’'\-]*)[ \t]+(?:is|was|became|remains)[ \t]+(?:also[ \t]+)?$")
_NAME_BEFORE = re.compile(r"([^\W\d_][\w’'\-.]*)[ \t]*,[ \t]+$")
_TRAILING_WORD = re.compile(r"([^\W\d_][\w’'\-.]*)$")
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
        core = _WORD_END.sub("", word)
        if not core:
            break
        if not words and core.lower().rstrip(".") in _HONORIFICS:
            pos = m.end()
            continue
        if (core.lower() in _PARTICLES or _REGNAL.fullmatch(core)) and words:
            words.append((m.start(1), m.start(1) + len(core)))  # "bin", "Charles III"
        elif (
            _is_name_word(core)
            or _is_initial(word)
            or (not words and _place_first_name(text, m.end(), limit, word))
        ):
            words.append((m.start(1), m.start(1) + len(core if not _is_initial(word) else word)))
        else:
            break
        pos = m.end()
        if core != word.rstrip(".") or (word.endswith(".") and not _is_initial(word)):
            break
    while words and text[words[-1][0] : words[-1][1]].lower() in _PARTICLES:
        words.pop()
    if words and _GEOGRAPHIC.match(text, words[-1][1], limit):
        words = words[:-1]  # "Chief Ana Rote Island": the last word names a place
    named = [w for w in words if text[w[0] : w[1]].lower() not in _PARTICLES]
    if not words or len(named) > 5 or _is_initial(text[words[-1][0] : words[-1][1]]):
        return None
    start, end = words[0][0], words[-1][1]
    return " ".join(text[start:end].split()), start, end


def _place_first_name(text: str, pos: int, limit: int, word: str) -> bool:
    """A first name that is also a place ("Israel Katz", "Chad Wolf", "Jordan Bardella"):
    a one-word place right before a capitalised surname, the word a name ends with."""
    if word != _WORD_END.sub("", word) or word.isupper() or not is_place_word(word):
        return False  # "Israel's": a possessive is the country
    nxt = NEXT_WORD.match(text, pos, limit)
    if not nxt:
        return False
    surname_word = _WORD_END.sub("", nxt.group(1))
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
    m = _NAME_BEFORE.search(text, max(floor, office_start - 60), office_start)
    predicate = None if m else _NAME_IS.search(text, max(floor, office_start - 60), office_start)
    if predicate:
        word = predicate.group(1)
        if not _is_name_word(word):
            return None
        return word, predicate.start(1), predicate.end(1)
    if not m:
        return None
    end = m.end(1)
    words: list[int] = []
    pos = end
    while len(words) < 5:
        w = _TRAILING_WORD.search(text, max(floor, pos - 40), pos)
        if not w:
            break
        word = w.group(1)
        if not (_is_name_word(word.rstrip(".")) or (words and word.lower() in _PARTICLES)):
            break
        words.append(w.start(1))
        gap = w.start(1)
        while gap > floor and text[gap - 1] in " \t":
            gap -= 1
        if gap == w.start(1):
            break
        pos = gap
    while words and text[words[-1] :].split()[0].lower() in _PARTICLES:
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
