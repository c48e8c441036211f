"""Reading an office in a sentence with the place it belongs to.

The place is read from the text around the office in the forms news English uses:
"Chile's Finance Minister", "Chilean Finance Minister", "Finance Minister of Chile",
"the country's president", "a Hamas spokesman", "chair of the Chilean senate's
committee", "governor of <a region>" (a region: the country comes from the article).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from quizkit.extract.gazetteer import (
    Place,
    find_places,
    fold,
    is_place_word,
    longest_place_at,
    place_ending_at,
    place_named,
)
from quizkit.extract.names import NEXT_WORD, is_common_word
from quizkit.extract.text import Sentence
from quizkit.extract.titles import (
    DETERMINERS,
    DOMAINS,
    ENVOY,
    FORMER_PREFIX,
    FORMER_WORDS,
    MINISTRY_AFTER,
    MODIFIERS,
    NOT_CURRENT,
    QUALIFIERS,
    REGIONAL,
    STAFF_AFTER,
    STATE_BODY,
    STATE_OFFICE,
    THIS_COUNTRY,
    canonical_office,
    word_set,
)

COMMA = re.compile(r"[ \t]*,[ \t]+")
# What ends a token read back from its end: a space or punctuation that ends a phrase.
_NOT_IN_TOKEN = re.compile(r'[\s,;:()"“”—–]')
PREPOSITION_AFTER = re.compile(r"\s+(of|for|at|to|in)\s+(?:the\s+)?")
_PARENTHESIS = re.compile(r"[ \t]*\([^()]{1,12}\)")
_TO_OR_IN = re.compile(r"\s+(to|in)\s+(?:the\s+)?")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'\-.]*)[ \t]+$")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w.\-]+")
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_INITIAL_WORD = re.compile(r"[A-Z][\w’'\-]*")
_SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "to", "on", "de", "la"})


@dataclass(frozen=True)
class Office:
    """An office read in the text, with what stands before and after it."""

    office: str
    start: int  # where the office and its modifiers begin
    end: int  # where the office and its place after it end
    place: Place | None
    former: bool
    this_country: bool
    determiner: bool
    state: bool


def local_organisations(text: str) -> dict[str, Place]:
    """Organisations an article defines by abbreviation: "Movement for Change (MFC)".

    Maps the folded long name and the abbreviation to the organisation under its
    abbreviation, as the article itself names it.
    """
    found: dict[str, Place] = {}
    for m in _ABBREVIATION.finditer(text):
        abbreviation = m.group(1)
        if place_named(abbreviation):
            continue
        words = text[max(0, m.start() - 120) : m.start()].split()
        letters = abbreviation.upper()
        picked: list[str] = []
        for word in reversed(words):
            if word.lower() in _SMALL_WORDS:
                picked.append(word)
                continue
            if not _INITIAL_WORD.fullmatch(word):
                break
            picked.append(word)
            initials = "".join(w[0] for w in picked if w.lower() not in _SMALL_WORDS)
            if initials[::-1] == letters:
                place = Place(abbreviation, False)
                found[fold(" ".join(reversed(picked)))] = place
                found[fold(abbreviation)] = place
                break
            if len(initials) >= len(letters):
                break
    return found


def read_office(
    text: str, lower: str, sentence: Sentence, m: re.Match[str], local: dict[str, Place]
) -> Office | None:
    start, end = m.start(), m.end()
    capitalised_title = text[start].isupper()
    # grow to the left over qualifiers and domains ("deputy foreign", "legal and security")
    floor = sentence.start
    former = False
    while True:
        token = _last_token(lower, max(floor, start - 40), start)
        if not token:
            break
        word, gap, at = token
        if gap == "-" and word in FORMER_WORDS:
            former, start = True, at
            continue
        prefix, hyphen, rest = word.partition("-")
        if hyphen and prefix in FORMER_WORDS and (rest in DOMAINS or rest in QUALIFIERS):
            former, start = True, at
            continue
        if word in QUALIFIERS or word in DOMAINS:
            start = at
            continue
        if word == "and":
            before = _last_token(lower, max(floor, at - 40), at)
            if before and before[0] in DOMAINS and start < m.start():
                start = before[2]
                continue
        break
    if lower.startswith("first ", start) and not _FIRST_DEPUTY.match(lower, start, end):
        return None  # "the country's first president": an office of the past
    if _word_before_is(lower, max(floor, start - 12), start, NOT_CURRENT):
        return None
    # grow to the right: "minister of foreign affairs", "chief of the general staff"
    head = lower[m.start() : m.end()]
    if "minister" in head or "secretary" in head:
        ministry = MINISTRY_AFTER.match(lower, end, sentence.end)
        if ministry:
            end = ministry.end()
    if "chief" in head or "head" in head or "commander" in head or "director" in head:
        staff = STAFF_AFTER.match(lower, end, sentence.end)
        if staff:
            end = staff.end()
    office_text = FORMER_PREFIX.sub("", text[start:end])
    place, inner = _place_inside(office_text)
    office = canonical_office(inner)
    if office is None:
        return None
    # what stands before: places, former, "the country's", a determiner
    country, org, this_country, determiner, before_start, former_before, body = _modifiers_before(
        text, lower, floor, start, local
    )
    former = former or former_before
    if _is_envoy(office):
        place = place or (country or org or (None, 0))[0]
    else:
        place = place or _nearest(country, org)
    start = before_start
    # what stands after: "of Chile", "of the EU", "to Peru", "of the Chilean senate"
    after_place, end, suffix, regional_of, refused = _place_after(
        text, lower, end, sentence.end, office, local
    )
    if refused:
        return None
    if after_place and (place is None or not (place.is_country or after_place.is_country)):
        place = after_place  # a country written before the office stays its place
    office = canonical_office(inner + suffix) or office
    state = _is_state_office(office)
    if not state and capitalised_title and _LEGISLATOR.match(head):
        state = True  # "Representative Ana Torres": a title of a legislature
    state = state or regional_of
    if body and not _is_regional(office):
        # "Real Madrid president X": the office of a named body, not of a state; only a
        # region's office ("Alberta premier") may stand after a name that is no country
        state = False
    chamber = _LEGISLATURE_LEADER.match(lower, start, end)
    if chamber and place is None:
        state = True  # "Senate Majority leader X", "House Speaker X": a state's legislature
        if chamber.group(1):
            place = place_named("United States")  # its parties: "Senate Republican leader"
    return Office(office, start, end, place, former, this_country, determiner, state)


_FIRST_DEPUTY = re.compile(r"first\s+(?:deputy|vice)")
_LEGISLATOR = re.compile(r"representative|rep\.|sen\.")
# A leader of a chamber: "Senate Majority leader", "Senate Republican leader", "House Speaker".
_LEGISLATURE_LEADER = re.compile(
    r"(?:senate|house)(?: (?:majority|minority|(republican|democratic)))?"
    r" (?:leader|whip|speaker|majority leader|minority leader)\b"
)


def _word_before_is(text: str, low: int, high: int, words: frozenset[str]) -> bool:
    """Whether text[low:high] ends with one of `words`, whole, then spaces or tabs
    (as `\b(?:...)[ \t]+$` searched there would tell)."""
    end = high - 1 if high > low and text[high - 1] == "\n" else high
    gap = end
    while gap > low and text[gap - 1] in " \t":
        gap -= 1
    if gap == end:
        return False
    at = gap
    while at > low and (text[at - 1].isalnum() or text[at - 1] == "_") and gap - at < 20:
        at -= 1
    return text[at:gap] in words and (
        at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_")
    )


def _last_token(text: str, low: int, high: int) -> tuple[str, str, int] | None:
    """The word that ends text[low:high] before a hyphen or spaces (a newline may follow),
    with that gap and where the word starts; None when the text ends otherwise.

    A scan back from the end: a pattern anchored at the end would be tried from every
    character of the window."""
    end = high
    if end > low and text[end - 1] == "\n":
        end -= 1
    if end <= low:
        return None
    gap = end - 1
    if text[gap] in " \t":
        while gap > low and text[gap - 1] in " \t":
            gap -= 1
    elif text[gap] != "-":
        return None
    before = text[low:gap][::-1]
    stop = _NOT_IN_TOKEN.search(before)
    at = gap - (stop.start() if stop else len(before))
    if at == gap:
        return None
    return text[at:gap], text[gap:end], at


# What an office is, by its name: the same few offices recur in every article.
@lru_cache(maxsize=4096)
def _is_envoy(office: str) -> bool:
    return bool(ENVOY.search(office.lower()))


@lru_cache(maxsize=4096)
def _is_state_office(office: str) -> bool:
    return bool(STATE_OFFICE.search(office.lower()))


@lru_cache(maxsize=4096)
def _is_regional(office: str) -> bool:
    return bool(REGIONAL.search(office.lower()))


@lru_cache(maxsize=4096)
def _place_inside(office: str) -> tuple[Place | None, str]:
    """An organisation written inside an office ("Chief of the CSTO Joint Staff")."""
    for m in _CAPITALISED_WORD.finditer(office):
        if m.start() == 0 or not is_place_word(m.group()):
            continue
        hit = longest_place_at(office, m.start())
        if hit:
            rest = f"{office[: m.start()]}{office[hit[1] :]}"
            return hit[0], " ".join(rest.split())
    return None, office


def _nearest(country: tuple[Place, int] | None, org: tuple[Place, int] | None) -> Place | None:
    """Of a country and an organisation before an office, the one written nearer to it."""
    if country and org:
        return country[0] if country[1] > org[1] else org[0]
    return (country or org or (None, 0))[0]


def _modifiers_before(
    text: str, lower: str, floor: int, pos: int, local: dict[str, Place]
) -> tuple[tuple[Place, int] | None, tuple[Place, int] | None, bool, bool, int, bool, bool]:
    """Read leftwards from an office over what modifies it.

    Returns (country, organisation, "the country's", determiner, new start, former,
    named body); places come with their position so the nearer one can be chosen, and
    "named body" tells that capitalised words other than a place stand before the office.
    """
    country: tuple[Place, int] | None = None
    org: tuple[Place, int] | None = None
    this_country = determiner = former = False
    start = pos
    capitalised = 0
    for _ in range(8):
        edge = start
        while edge > floor and text[edge - 1] in " \t":
            edge -= 1
        if edge <= floor:
            break
        hit = _place_ending_at(text, edge, floor, local)
        if hit:
            place, at = hit
            if place.is_country and country is None:
                country = (place, at)
            elif not place.is_country and org is None:
                org = (place, at)
            start = at
            continue
        token = _last_token(lower, max(floor, edge - 40), edge + 1)
        if not token:
            break
        word, _, at = token
        original = text[at : at + len(word)]
        if word in FORMER_WORDS or (word.endswith("-") and word[:-1] in FORMER_WORDS):
            former, start = True, at
        elif word in MODIFIERS:
            start = at
        elif word in THIS_COUNTRY:
            this_country, start = True, at
        elif word in DETERMINERS:
            determiner, start = True, at
            break
        elif original[:1].isupper() and not is_common_word(word) and capitalised < 3:
            capitalised += 1  # a body or region named before the office ("Alberta premier")
            start = at
        else:
            break
    body = bool(capitalised) and not (country or org)
    return country, org, this_country, determiner, start, former, body


def _place_ending_at(
    text: str, end: int, floor: int, local: dict[str, Place]
) -> tuple[Place, int] | None:
    hit = place_ending_at(text, end)
    if hit and hit[1] >= floor:
        return hit
    if local:
        word = _WORD_BEFORE.search(text, max(floor, end - 30), end + 1)
        if word:
            found = local.get(fold(_strip_s(word.group(1))))
            if found:
                return found, word.start(1)
    return None


def _strip_s(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _place_at(text: str, pos: int, limit: int, local: dict[str, Place]) -> tuple[Place, int] | None:
    """A country or organisation written at `pos`, from the gazetteer or the article."""
    hit = longest_place_at(text, pos, limit=limit)
    if hit:
        return hit
    if local:
        words = text[pos : min(limit, pos + 120)].split()
        for n in range(min(len(words), 8), 0, -1):
            phrase = " ".join(words[:n]).rstrip(",.;:")
            found = local.get(fold(_strip_s(phrase)))
            if found:
                return found, pos + text[pos:limit].find(phrase) + len(phrase)
    return None


def _place_after(
    text: str, lower: str, pos: int, limit: int, office: str, local: dict[str, Place]
) -> tuple[Place | None, int, str, bool, bool]:
    """What follows an office: its place, the new end, a suffix ("to Peru") for the office.

    Returns (place, end, suffix, regional, refused); refused means the office belongs to
    something no state or organisation ("President of the Tennis Federation").
    """
    m = PREPOSITION_AFTER.match(text, pos, limit)
    if not m:
        return None, pos, "", False, False
    word = m.group(1)
    hit = _place_at(text, m.end(), limit, local)
    if word in ("to", "in"):
        if hit and hit[0].is_country and _is_envoy(office):
            return None, hit[1], f" {word} {hit[0].name}", False, False
        if hit and not hit[0].is_country and word == "in":
            return hit[0], hit[1], "", False, False  # "an envoy in the Quartet"
        return None, pos, "", False, False
    if hit:
        end = hit[1]
        if not hit[0].is_country:
            end = _body_name_end(text, end, limit)
        there = _TO_OR_IN.match(text, end, limit)
        where = longest_place_at(text, there.end(), limit=limit) if there else None
        if there and where and where[0].is_country:
            return hit[0], where[1], f" {there.group(1)} {where[0].name}", False, False
        return hit[0], _past_parenthesis(text, end, limit), "", False, False
    if word == "of" and _is_regional(office) and text[m.end() : m.end() + 1].isupper():
        return None, _title_run_end(text, m.end() - 1, limit), "", True, False
    if _is_state_office(office) and word == "of":
        return None, pos, "", False, True
    if word in ("of", "for", "at"):
        body = _body_place(text, lower, m.end(), limit, local)
        if body:
            return body[0], body[1], "", False, False
    return None, pos, "", False, False


def _past_parenthesis(text: str, pos: int, limit: int) -> int:
    """Past an abbreviation in parentheses after a name: "... Progress (MJP)"."""
    m = _PARENTHESIS.match(text, pos, limit)
    return m.end() if m else pos


def _title_run_end(text: str, pos: int, limit: int) -> int:
    """The end of a name in title case ("New Brunswick", "High Commissioner for Refugees")."""
    end = pos
    cursor = pos
    while True:
        m = NEXT_WORD.match(text, cursor, limit)
        if not m:
            break
        word = m.group(1)
        cursor = m.end()
        if word.lower() in _SMALL_WORDS:
            continue
        if not word[0].isupper():
            break
        end = m.end(1) - (1 if word.endswith(".") else 0)
        if word.endswith((".", "'s", "’s")):
            break
    return end


def _body_name_end(text: str, pos: int, limit: int) -> int:
    """The end of an organisation's body written after its name, up to a comma
    ("United Nations High Commissioner for Human Rights,"); `pos` when there is none."""
    end = _title_run_end(text, pos, limit)
    comma = COMMA.match(text, end, limit)
    inner = text[pos:end].split()
    if comma and any(w in _SMALL_WORDS for w in inner):
        return end
    return pos


def _body_place(
    text: str, lower: str, pos: int, limit: int, local: dict[str, Place]
) -> tuple[Place, int] | None:
    """The country of a state body named after "of the": "of Chile's electoral commission"."""
    stop = pos
    for m in NEXT_WORD.finditer(" " + lower[pos : min(limit, pos + 160)]):
        if m.group(1).rstrip(",.") in CLAUSE_WORDS or m.start() > 0 and "," in m.group(0):
            break
        stop = pos + m.end() - 1
        if m.group(1).endswith(","):
            break
    if not STATE_BODY.search(lower, pos, stop):
        return None
    for place, _, _ in find_places(text, pos, stop):
        if place.is_country:
            return place, stop
    return None


CLAUSE_WORDS = word_set(
    "said says told was is has had will would who which that where when and but"
)
