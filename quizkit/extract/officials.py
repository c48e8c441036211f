"""Officials: a person, the office they hold and the country or organisation they serve.

Mentions are read in the forms news English uses ("Russian Defense Minister X",
"Defense Minister of Belarus X", "X, the Russian defence minister", "the foreign
minister, X") and then merged: one person under several spellings, within and
across documents, becomes one official with aliases.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from quizkit.extract.facts import OfficialFact, Provenance
from quizkit.extract.gazetteer import (
    Place,
    find_places,
    fold,
    is_place_word,
    longest_place_at,
    place_ending_at,
)
from quizkit.extract.text import Sentence, lowered

_MINISTRY = (
    r"foreign\s+affairs|internal\s+affairs|home\s+affairs|foreign\s+trade|european\s+affairs"
    r"|economic\s+development|emergency\s+situations|social\s+affairs|national\s+defen[cs]e"
    r"|foreign|defen[cs]e|interior|home|finance|economy|economic|health|justice|energy|trade"
    r"|industry|education|agriculture|emergencies|environment|labou?r|transport|culture"
    r"|sports?|tourism|science|digital|development|communications|information|security"
    r"|oil|petroleum|water|housing|immigration|migration"
)
_STAFF = r"(?:forces|command|army|navy|mission|operation|contingent|guard|troops|staff)"
_OFFICE = re.compile(
    rf"""(?=\b(?:first|deputy|vice|acting|prime|minister|secretary|president|chancellor|premier
        |king|queen|emir|crown|supreme|chief|head|commander|director|high|ambassador
        |[a-z]+\s(?:[a-z]+\s)?(?:minister|secretary)))  # fails fast where no office starts
    \b(?:
        (?:first\s+)?(?:deputy\s+|vice\s+)?prime\s+minister
      | (?:first\s+)?(?:deputy\s+|acting\s+)?(?:{_MINISTRY})\s+minister
      | (?:first\s+)?(?:deputy\s+|acting\s+)?minister\s+(?:of|for)\s+(?:the\s+)?(?:{_MINISTRY})
      | (?:deputy\s+)?secretary[\s-]general
      | secretary\s+of\s+state(?:\s+for\s+(?:the\s+)?(?:{_MINISTRY}))?
      | secretary\s+of\s+(?:defen[cs]e|the\s+treasury|homeland\s+security|energy|commerce
            |agriculture|labor|transportation|education|the\s+interior)
      | (?:foreign|defen[cs]e|home|health|treasury|interior|energy|commerce|trade|transport
            |culture|education|environment|justice|business)\s+secretary
      | (?:vice\s+)?president
      | (?:vice\s+)?chancellor(?:\s+of\s+the\s+exchequer)?
      | premier | king | queen | emir | crown\s+prince | supreme\s+leader
      | (?:deputy\s+)?(?:chief|head)\s+of\s+(?:the\s+)?(?:\S+\s+)?
            (?:general|joint|defen[cs]e|armed\s+forces)\s+staff
      | (?:deputy\s+)?(?:commander|head|chief|director)(?:-in-chief)?\s+of\s+the\s+
            (?:[\w\-]+\s+){{0,3}}?{_STAFF}
      | high\s+representative(?:\s+for\s+foreign\s+affairs\s+and\s+security\s+policy)?
      | (?:deputy\s+)?director[\s-]general
      | ambassador
    )\b(?!-)""",
    re.VERBOSE,
)
# Offices of a state, for which a country may be inferred from the article.
_STATE_OFFICE = re.compile(
    r"minister|president|chancellor|premier|king|queen|emir|prince|secretary(?! general)"
)
# Offices of an organisation, which may take the one organisation named beside them.
_ORG_OFFICE = re.compile(r"secretary general|director general|high representative")

_PARTICLES_WORDS = "al el bin ibn von van der den de da di du la le dos das del ter"
_PARTICLES = frozenset(_PARTICLES_WORDS.split())
_HONORIFICS_WORDS = (
    "mr mrs ms dr sir dame lord lady gen general adm admiral col colonel lt lieutenant maj "
    "major capt captain marshal sheikh prof professor army"
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
    also earlier later meanwhile however according said says told"""
_NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
_WORD = re.compile(r"[ \t]+([^\W\d_][\w’'\-]*\.?)")
_FORMER = re.compile(r"\b(?:former|ex|late|then)[\s-]*$", re.IGNORECASE)
_APPOSITION = re.compile(r",\s+(?:(?:the|a)\s+(?:[^,]{0,40}\s+)?|[^\W\d_][^,]{0,40}['’]s\s+)$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'\-]*)[ \t]*$")


@dataclass(frozen=True)
class OfficialMention:
    """One mention of an office holder in one sentence, before merging."""

    person: str
    office: str
    place: Place | None
    start: int
    end: int
    sentence: Sentence
    text: str


def find_officials(text: str, sentences: list[Sentence]) -> list[OfficialMention]:
    """Every office holder mentioned in the sentences, in text order."""
    found: list[OfficialMention] = []
    lower = lowered(text)
    for sentence in sentences:
        for m in _OFFICE.finditer(lower, sentence.start, sentence.end):
            mention = _read_mention(text, sentence, m)
            if mention:
                found.append(mention)
    return found


def _read_mention(text: str, sentence: Sentence, m: re.Match[str]) -> OfficialMention | None:
    office_text = text[m.start() : m.end()]
    place, inner = _place_inside(office_text)
    start, end = m.start(), m.end()
    before = place_ending_at(text, start - _trailing_space(text, start))
    if before and before[1] >= sentence.start:
        place = place or before[0]
        start = before[1]
    if _FORMER.search(text, max(sentence.start, start - 12), start):
        return None
    after_place, end, suffix = _place_after(text, end, sentence.end)
    place = after_place or place
    office = canonical_office(inner + suffix)
    if office is None:
        return None
    name = _name_after(text, end, sentence.end)
    span = (start, name[2]) if name else (start, end)
    if name is None:
        name = _appositive_name(text, sentence.start, m.start())
        span = (name[1], end) if name else span
    if name is None and re.search(r"\bthe\s+$", text[sentence.start : start]):
        comma = re.compile(r",(?=[ \t])").match(text, end, sentence.end)
        name = _name_after(text, comma.end(), sentence.end) if comma else None
        span = (start, name[2]) if name else span
    if name is None:
        return None
    if place is None:
        of_place = re.compile(r",?\s+of\s+(?:the\s+)?").match(text, span[1], sentence.end)
        hit = longest_place_at(text, of_place.end(), limit=sentence.end) if of_place else None
        if hit:
            place, span = hit[0], (span[0], hit[1])
    if place is None and _ORG_OFFICE.search(office.lower()):
        place = _only_organisation(text, sentence)
    person = name[0]
    return OfficialMention(
        person, office, place, span[0], span[1], sentence, text[span[0] : span[1]]
    )


def _only_organisation(text: str, sentence: Sentence) -> Place | None:
    """The organisation a sentence names, when it names exactly one."""
    orgs = {p for p, _, _ in find_places(text, sentence.start, sentence.end) if not p.is_country}
    return orgs.pop() if len(orgs) == 1 else None


def _trailing_space(text: str, pos: int) -> int:
    return len(text[max(0, pos - 5) : pos]) - len(text[max(0, pos - 5) : pos].rstrip())


def _place_inside(office: str) -> tuple[Place | None, str]:
    """An organisation written inside an office ("Chief of the CSTO Joint Staff")."""
    for m in re.finditer(r"\b[A-Z][\w.\-]+", office):
        if m.start() == 0 or not is_place_word(m.group()):
            continue
        hit = longest_place_at(office, m.start())
        if hit:
            rest = f"{office[: m.start()]}{office[hit[1] :]}"
            return hit[0], " ".join(rest.split())
    return None, office


def _place_after(text: str, pos: int, limit: int) -> tuple[Place | None, int, str]:
    """ "of Belarus", "of the CSTO", "to the United States", "in Kazakhstan" after an office."""
    place: Place | None = None
    suffix = ""
    m = re.compile(r"\s+of\s+(?:the\s+)?").match(text, pos, limit)
    if m:
        hit = longest_place_at(text[:limit], m.end())
        if hit:
            place, pos = hit[0], hit[1]
    m = re.compile(r"\s+(to|in)\s+(?:the\s+)?").match(text, pos, limit)
    if m:
        hit = longest_place_at(text[:limit], m.end())
        if hit and hit[0].is_country:
            suffix, pos = f" {m.group(1)} {hit[0].name}", hit[1]
    return place, pos, suffix


def _is_name_word(word: str) -> bool:
    return (
        word[0].isupper()
        and not word.isupper()
        and word.lower() not in _NOT_NAMES
        and not is_place_word(word)
    )


def _name_after(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The person's name written right after an office, as (name, start, end)."""
    words: list[tuple[int, int]] = []
    while len(words) < 6:
        m = _WORD.match(text, pos, limit)
        if not m:
            break
        word = m.group(1)
        core = re.sub(r"(?:['’]s?)?\.?$", "", word)
        if not core:
            break
        if not words and core.lower().rstrip(".") in _HONORIFICS:
            pos = m.end()
            continue
        if core.lower() in _PARTICLES and words:
            words.append((m.start(1), m.start(1) + len(core)))
        elif _is_name_word(core) or _is_initial(word):
            words.append((m.start(1), m.start(1) + len(core if not _is_initial(word) else word)))
        else:
            break
        pos = m.end()
        if core != word.rstrip(".") or (word.endswith(".") and not _is_initial(word)):
            break
    while words and text[words[-1][0] : words[-1][1]].lower() in _PARTICLES:
        words.pop()
    if not words or len(words) > 4 or _is_initial(text[words[-1][0] : words[-1][1]]):
        return None
    start, end = words[0][0], words[-1][1]
    return " ".join(text[start:end].split()), start, end


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _appositive_name(
    text: str, sentence_start: int, office_start: int
) -> tuple[str, int, int] | None:
    """The name in "X, the Russian defence minister" or "X, Russia's defence minister"."""
    floor = max(sentence_start, office_start - 80)
    m = _APPOSITION.search(text[floor:office_start])
    if not m:
        return None
    end = floor + m.start()
    words: list[int] = []
    pos = end
    while len(words) < 4:
        w = _WORD_BEFORE.search(text, max(sentence_start, pos - 40), pos)
        if not w or not _is_name_word(w.group(1)):
            break
        words.append(w.start(1))
        pos = w.start(1)
    if len(words) < 2:
        return None
    start = words[-1]
    return " ".join(text[start:end].split()), start, end


_MINISTRY_NAMES = {
    "foreign affairs": "foreign",
    "internal affairs": "interior",
    "home affairs": "home",
    "the interior": "interior",
    "national defense": "defense",
    "the economy": "economy",
}
_SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "to"})


def canonical_office(raw: str) -> str | None:
    """One spelling per office: American spelling, "X Minister" for "Minister of X"."""
    office = " ".join(raw.replace("-", " ").split()).lower()
    office = office.replace("defence", "defense").replace("labour", "labor")
    office = office.replace("commander in chief", "commander-in-chief")
    m = re.fullmatch(r"((?:first )?(?:deputy |acting )?)minister (?:of|for) (?:the )?(.+)", office)
    if m:
        ministry = _MINISTRY_NAMES.get(m.group(2), m.group(2))
        office = f"{m.group(1)}{ministry} minister"
    m = re.fullmatch(r"secretary of state for (?:the )?(.+)", office)
    if m:
        office = f"{_MINISTRY_NAMES.get(m.group(1), m.group(1))} secretary"
    m = re.fullmatch(r"secretary of (?!state)(?:the )?(.+)", office)
    if m:
        office = f"{m.group(1)} secretary"
    words = [w if w in _SMALL_WORDS else w[:1].upper() + w[1:] for w in office.split()]
    return " ".join(words) or None


@dataclass
class _Person:
    """Mentions taken to be one person, across documents; `forms` has one per name and place."""

    mentions: list[tuple[str, OfficialMention]]
    forms: dict[tuple[str, Place | None], OfficialMention]


@lru_cache(maxsize=4096)
def name_key(word: str) -> str:
    """A spelling-tolerant key for a name word: Shoygu = Shoigu, Sergey = Sergei."""
    word = unicodedata.normalize("NFKD", word.lower())
    word = "".join(c for c in word if c.isalpha())
    word = word.replace("y", "i").replace("j", "i").replace("kh", "h").replace("ph", "f")
    return re.sub(r"(.)\1+", r"\1", word)


def _same_person(a: OfficialMention, b: OfficialMention) -> bool:
    wa, wb = a.person.split(), b.person.split()
    if name_key(wa[-1]) != name_key(wb[-1]):
        return False
    if len(wa) > 1 and len(wb) > 1 and name_key(wa[0])[:3] != name_key(wb[0])[:3]:
        return False
    return a.place is None or b.place is None or a.place == b.place


def merge_officials(
    mentions: list[tuple[str, OfficialMention]], home_country: dict[str, Place | None]
) -> dict[str, list[OfficialFact]]:
    """Official facts per source: one per person, with aliases from every document.

    `mentions` pairs each mention with its source; `home_country` gives the
    country an article is about, used only for state offices written with no
    country at all ("Prime Minister X").
    """
    people: list[_Person] = []
    by_surname: dict[str, list[_Person]] = {}
    for source, mention in mentions:
        candidates = by_surname.setdefault(name_key(mention.person.split()[-1]), [])
        for person in candidates:
            if any(_same_person(mention, other) for other in person.forms.values()):
                person.mentions.append((source, mention))
                person.forms.setdefault((mention.person, mention.place), mention)
                break
        else:
            person = _Person([(source, mention)], {(mention.person, mention.place): mention})
            candidates.append(person)
            people.append(person)
    facts: dict[str, list[OfficialFact]] = {}
    for person in people:
        for source, fact in _facts_of(person, home_country):
            facts.setdefault(source, []).append(fact)
    for found in facts.values():
        found.sort(key=lambda f: f.where.start)
    return facts


def _facts_of(
    person: _Person, home_country: dict[str, Place | None]
) -> list[tuple[str, OfficialFact]]:
    places = Counter(m.place for _, m in person.mentions if m.place)
    names = list(dict.fromkeys(m.person for _, m in person.mentions))
    forms = set(names) | {n.split()[-1] for n in names}
    out: list[tuple[str, OfficialFact]] = []
    for source in dict.fromkeys(s for s, _ in person.mentions):
        own = [m for s, m in person.mentions if s == source]
        place = places.most_common(1)[0][0] if places else None
        offices = Counter(m.office for m in own if m.place == place or m.place is None)
        office = offices.most_common(1)[0][0] if offices else own[0].office
        if place is None and _STATE_OFFICE.search(office.lower()):
            place = home_country.get(source)
        if place is None:
            continue
        name = max((m.person for m in own), key=lambda n: len(n.split()))
        first = own[0]
        where = Provenance(
            source, first.sentence.text, first.sentence.index, first.start, first.end
        )
        aliases = tuple(sorted(f for f in forms if fold(f) != fold(name)))
        country = place.name if place.is_country else None
        org = None if place.is_country else place.name
        out.append((source, OfficialFact(name, office, country, org, aliases, first.text, where)))
    return out
