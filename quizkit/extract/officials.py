"""Officials: a person, the office they hold and the country or organisation they serve.

An office is found by its head word ("minister", "president", "spokesman", "mayor")
and grown to the left over the words that qualify it ("deputy foreign", "provincial").
Its place is read from the text around it, in the forms news English uses:
"Chile's Finance Minister", "Chilean Finance Minister", "Finance Minister ... of Chile",
"the country's president", "a Hamas spokesman", "chair of the Chilean senate's
committee". Its holder is read after it ("President Ana Torres", "the president, Ana
Torres") or before it in apposition ("Ana Torres, Chile's finance minister").

Offices of a state may take their country from the text when none is written beside
them; offices that exist everywhere (spokesman, head, chairman, adviser) count only
with a country or organisation written beside them, so that a company's spokesman or a
campaign's adviser is never filed as an official.

Mentions are then merged: one person under several spellings, within and across
documents, becomes one official with aliases.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from quizkit.extract.facts import OfficialFact, Provenance
from quizkit.extract.gazetteer import (
    Place,
    find_places,
    fold,
    is_place_word,
    longest_place_at,
    organisation_long_names,
    place_ending_at,
    place_named,
)
from quizkit.extract.text import Sentence, lowered


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The head word of an office; what qualifies it is read to its left.
_HEAD = re.compile(
    r"""\b(?:
        prime\s+ministers? | crown\s+princes? | supreme\s+leader | chief\s+justice
      | attorneys?[\s-]general | high\s+(?:representative|commissioner)
      | secretar(?:y|ies)[\s-]general | directors?[\s-]general | secretary\s+of\s+state
      | chancellor\s+of\s+the\s+exchequer | commanders?[\s-]in[\s-]chief
      | vice[\s-]premier | vice[\s-]presidents? | taoiseach | first\s+minister
      | ministers? | premiers? | presidents? | chancellors? | kings? | queens? | emirs?
      | sultans? | speakers? | senators? | congress(?:wo)?m[ae]n | governors? | mayors?
      | intendants? | commissioners? | administrators? | ambassadors? | judges?
      | advis[eo]rs? | leaders? | dictators? | rulers? | chiefs? | heads? | directors?
      | spokes(?:man|men|woman|women|person|persons|people)
      | chair(?:man|men|woman|women|person)? | secretar(?:y|ies) | envoys? | delegates?
      | representatives? | commanders? | counterparts?
    )(?:[\s-]elect)?\b(?!-)
    | \b(?:sen|rep|gov)\.(?=[ \t])""",
    re.VERBOSE,
)
# Words that qualify an office and belong to it ("deputy foreign minister").
_QUALIFIERS = _words(
    """first deputy vice acting interim assistant senior special executive principal
    junior permanent"""
)
_DOMAINS = _words(
    """foreign affairs internal home trade european economic development emergency
    situations social national defence defense interior finance economy health justice
    energy industry education agriculture emergencies environment labour labor transport
    culture sport sports tourism science digital communications information security oil
    petroleum water housing immigration migration treasury business homeland state cabinet
    policy intelligence police army military armed forces force party opposition
    parliamentary press election electoral human rights refugee counterterrorism
    counter-terrorism anti-terrorism nuclear aid peace legal regional provincial district
    local county city federal office public works planning fisheries mines media religious
    family navy naval air staff joint general foreign-policy farm budget competition
    enlargement climate monetary fiscal"""
)
_MINISTRY = (
    r"foreign\s+affairs|internal\s+affairs|home\s+affairs|foreign\s+trade|european\s+affairs"
    r"|economic\s+development|emergency\s+situations|social\s+affairs|national\s+defen[cs]e"
    r"|homeland\s+security|the\s+interior|the\s+treasury|the\s+economy"
    r"|foreign|defen[cs]e|interior|home|finance|economy|economic|health|justice|energy|trade"
    r"|industry|education|agriculture|emergencies|environment|labou?r|transport|culture"
    r"|sports?|tourism|science|digital|development|communications|information|security"
    r"|oil|petroleum|water|housing|immigration|migration|commerce|transportation|treasury"
    r"|state"
)
_MINISTRY_AFTER = re.compile(rf"\s+(?:of|for)\s+(?:the\s+)?(?:{_MINISTRY})\b")
_STAFF_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:general\s+staff|staff|forces|command|army|navy|mission|operation|contingent|guard)\b"
)
_FORMER_WORDS = _words("former ex late outgoing then")
_MODIFIERS = _words(
    """acting interim caretaker incumbent current new newly sitting serving senior top
    regional local provincial district socialist conservative liberal communist
    nationalist centrist veteran powerful influential hardline moderate embattled ousted
    deposed exiled elected appointed designated longtime long-time"""
)
# "the country's president": the country is the one the text was speaking of.
_THIS_COUNTRY = _words("country's nation's island's kingdom's republic's state's emirate's")
_DETERMINERS = _words("the a an")
# Offices of a state: their holder is an official even with no place written beside.
_STATE_OFFICE = re.compile(
    r"minister|president|chancellor|premier|king|queen|emir|sultan|crown prince|taoiseach"
    r"|supreme leader|secretary of state|\w secretary$|senator|congress|governor|mayor"
    r"|intendant|ambassador|chief justice|attorney general|dictator|^judge"
    r"|opposition leader|national security advis|parliamentary speaker"
    r"|(?:local|district|provincial|regional|county) (?:administrator|commissioner)"
    r"|(?:police|army|military|intelligence|armed forces|defen[cs]e forces?) chief"
    r"|chief of|commander"
)
# Offices whose holder serves a country even at an organisation ("Rwanda's UN ambassador").
_ENVOY = re.compile(r"ambassador|envoy|representative|delegate")
# Regional offices: "governor of Alaska", "mayor of Lyon" name a place that is no country.
_REGIONAL = re.compile(r"premier|governor|mayor|intendant|administrator|commissioner")
# Bodies of a state, after "of the": "chair of the Chilean senate's committee".
_STATE_BODY = re.compile(
    r"\b(?:commission|committee|parliament|council|ministry|agency|government|assembly"
    r"|senate|congress|court|service|office|secretariat|authority|police|army|forces|navy"
    r"|party|cabinet|bureau|department|directorate|administration|presidency|legislature)"
)
_FORMER_PREFIX = re.compile(r"^(?:former|ex|late|outgoing|then)-", re.IGNORECASE)
_NOT_CURRENT = re.compile(r"\b(?:first|founding|founder|second|third|last)[ \t]+$")

_PARTICLES_WORDS = "al el bin ibn von van der den de da di du la le dos das del ter bint"
_PARTICLES = frozenset(_PARTICLES_WORDS.split())
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
_NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split()) | _DOMAINS | _QUALIFIERS | _MODIFIERS | {"high"}
_WORD = re.compile(r"[ \t]+([^\W\d_][\w’'\-]*\.?)")
_WORD_END = re.compile(r"(?:['’]s?)?\.?$")
_DOUBLED = re.compile(r"(.)\1+")
_COMMA = re.compile(r"[ \t]*,[ \t]+")
_LAST_TOKEN = re.compile(r"([^\s,;:()\"“”—–]+)(-|[ \t]+)$")
_OF = re.compile(r"\s+(of|for|at|to|in)\s+(?:the\s+)?")
_GEOGRAPHIC = re.compile(
    r"[ \t]+(?:Island|Islands|River|Province|Region|City|County|District|Valley|Lake|Bay"
    r"|Mountains?|Peninsula|Strait|Sea|Gulf|Desert|Street|Square)\b"
)
_PARENTHESIS = re.compile(r"[ \t]*\([^()]{1,12}\)")
_AND = re.compile(r"[ \t]+and[ \t]+")
# "OPEC's president, who is also Algeria's oil minister, Ana Torres"
_WHO_IS_ALSO = re.compile(r"[ \t]*,[ \t]+who[ \t]+(?:is|was)[ \t]+also[ \t]+[^,]{1,80},[ \t]")
_TO_OR_IN = re.compile(r"\s+(to|in)\s+(?:the\s+)?")
_OF_AFTER_NAME = re.compile(r",?\s+of\s+(?:the\s+)?")
_NAME_IS = re.compile(r"([^\W\d_][\w’'\-]*)[ \t]+(?:is|was|became|remains)[ \t]+(?:also[ \t]+)?$")
_NAME_BEFORE = re.compile(r"([^\W\d_][\w’'\-.]*)[ \t]*,[ \t]+$")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w’'\-.]*)[ \t]+$")
_CAPITALISED_WORD = re.compile(r"\b[A-Z][\w.\-]+")
_TRAILING_WORD = re.compile(r"([^\W\d_][\w’'\-.]*)$")
_PREPOSITIONS = _words(
    "in at on from to near after before during since outside inside across for with by "
    "into over under"
)
_ABBREVIATION = re.compile(r"\(([A-Z][A-Za-z]{1,7})\)")
_INITIAL_WORD = re.compile(r"[A-Z][\w’'\-]*")
_SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "to", "on", "de", "la"})
_NAMES_AND = re.compile(r"(?:[ \t]*,)?[ \t]+and[ \t]+|[ \t]*,[ \t]+")


@dataclass(frozen=True)
class OfficialMention:
    """One mention of an office holder in one sentence, before merging.

    `place` is written beside the office; `context` is what the text around suggests
    when nothing is ("the country's president", a country named earlier in the sentence,
    the place of the office before in a coordination).
    """

    person: str
    office: str
    place: Place | None
    start: int
    end: int
    sentence: Sentence
    text: str
    former: bool = False
    context: Place | None = None
    # An office of a state, which may take the country an article is about.
    state: bool = False
    # Written as a title right before the name ("President Vega").
    titled: bool = False


@dataclass(frozen=True)
class _Office:
    """An office read in the text, with what stands before and after it."""

    office: str
    start: int  # where the office and its modifiers begin
    end: int  # where the office and its place after it end
    place: Place | None
    former: bool
    this_country: bool
    determiner: bool
    state: bool
    regional_of: bool  # "governor of <a region>": the holder's country is from context


def find_officials(
    text: str,
    sentences: list[Sentence],
    places: list[tuple[Place, int, int]] | None = None,
) -> list[OfficialMention]:
    """Every office holder mentioned in the sentences, in text order."""
    lower = lowered(text)
    places = find_places(text) if places is None else places
    local = _local_organisations(text)
    found: list[OfficialMention] = []
    for sentence in sentences:
        for m in _HEAD.finditer(lower, sentence.start, sentence.end):
            found.extend(_read_mentions(text, lower, sentence, m, local))
    found = _without_overlaps(_counterparts(found))
    return _with_context(text, found, places)


def _counterparts(mentions: list[OfficialMention]) -> list[OfficialMention]:
    """A counterpart holds the office of the person met: "the minister met her Peruvian
    counterpart" makes a Peruvian minister. Being of another country by definition, a
    counterpart never takes the country of the article or of the sentence."""
    out: list[OfficialMention] = []
    for mention in mentions:
        if mention.office.startswith("Counterpart"):
            before = [m for m in out if m.sentence is mention.sentence and m.start < mention.start]
            if before:
                mention = replace(mention, office=before[-1].office)
        out.append(mention)
    return out


def _without_overlaps(mentions: list[OfficialMention]) -> list[OfficialMention]:
    """One mention per person and span: "Deputy Prime Minister and Foreign Minister X"."""
    out: list[OfficialMention] = []
    for mention in sorted(mentions, key=lambda m: (m.start, -m.end)):
        same = [o for o in out if o.person == mention.person and o.sentence is mention.sentence]
        if same and any(o.place == mention.place or mention.place is None for o in same):
            continue
        out.append(mention)
    out.sort(key=lambda m: m.start)
    return out


def _local_organisations(text: str) -> dict[str, Place]:
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


def _read_mentions(
    text: str, lower: str, sentence: Sentence, m: re.Match[str], local: dict[str, Place]
) -> list[OfficialMention]:
    office = _read_office(text, lower, sentence, m, local)
    if office is None:
        return []
    names = _names_after(text, office, sentence)
    if names:
        titled = text[m.start()].isupper() and not office.former
        return [
            replace(
                _mention(text, sentence, office, name, place, office.start, name[2]),
                titled=titled,
            )
            for name, place in names
        ]
    shared = _name_of_next_office(text, lower, sentence, office, local)
    if shared:
        return [_mention(text, sentence, office, shared, None, office.start, shared[2])]
    name = None
    if office.determiner or office.this_country or office.place:
        end = office.end
        if office.place and not office.state:
            end = _of_phrase_end(text, lower, end, sentence.end)
        also = _WHO_IS_ALSO.match(text, end, sentence.end)
        comma = also or _COMMA.match(text, end, sentence.end)
        name = _name_after(text, comma.end() - 1, sentence.end) if comma else None
        if name:
            return [_mention(text, sentence, office, name, None, office.start, name[2])]
    name = _appositive_name(text, sentence.start, office.start)
    if name:
        return [_mention(text, sentence, office, name, None, name[1], office.end)]
    return []


def _name_of_next_office(
    text: str, lower: str, sentence: Sentence, office: _Office, local: dict[str, Place]
) -> tuple[str, int, int] | None:
    """The holder of two offices joined by "and": "Deputy Prime Minister and Foreign
    Minister Ana Torres" names Ana Torres for both."""
    joined = _AND.match(lower, office.end, sentence.end)
    if not joined:
        return None
    following = _HEAD.search(lower, joined.end(), min(sentence.end, joined.end() + 40))
    if not following:
        return None
    second = _read_office(text, lower, sentence, following, local)
    if second is None or second.start != joined.end():
        return None
    names = _names_after(text, second, sentence)
    return names[0][0] if len(names) == 1 else None


def _of_phrase_end(text: str, lower: str, pos: int, limit: int) -> int:
    """The end of a short "of ..." after an office, up to a comma: "head of investment,"."""
    of = _OF.match(lower, pos, limit)
    if not of or of.group(1) != "of":
        return pos
    stop = lower.find(",", of.end(), min(limit, of.end() + 50))
    if stop < 0:
        return pos
    words = lower[of.end() : stop].split()
    if len(words) > 5 or any(w in _CLAUSE_WORDS for w in words):
        return pos
    return stop


def _mention(
    text: str,
    sentence: Sentence,
    office: _Office,
    name: tuple[str, int, int],
    own_place: Place | None,
    start: int,
    end: int,
) -> OfficialMention:
    place = own_place or office.place
    if place is None:
        after = _OF_AFTER_NAME.match(text, end, sentence.end)
        hit = longest_place_at(text, after.end(), limit=sentence.end) if after else None
        if hit and hit[0].is_country:
            place, end = hit[0], hit[1]
    return OfficialMention(
        name[0],
        office.office,
        place,
        start,
        end,
        sentence,
        text[start:end],
        office.former,
        _THIS_COUNTRY_MARK if office.this_country else None,
        office.state,
    )


# A stand-in context meaning "the country the text last named", resolved afterwards.
_THIS_COUNTRY_MARK = Place("\x00this country", True)


def _read_office(
    text: str, lower: str, sentence: Sentence, m: re.Match[str], local: dict[str, Place]
) -> _Office | None:
    start, end = m.start(), m.end()
    capitalised_title = text[start].isupper()
    # grow to the left over qualifiers and domains ("deputy foreign", "legal and security")
    floor = sentence.start
    former = False
    while True:
        token = _LAST_TOKEN.search(lower, max(floor, start - 40), start)
        if not token:
            break
        word = token.group(1)
        if token.group(2) == "-" and word in _FORMER_WORDS:
            former, start = True, token.start()
            continue
        prefix, hyphen, rest = word.partition("-")
        if hyphen and prefix in _FORMER_WORDS and (rest in _DOMAINS or rest in _QUALIFIERS):
            former, start = True, token.start()
            continue
        if word in _QUALIFIERS or word in _DOMAINS:
            start = token.start()
            continue
        if word == "and":
            before = _LAST_TOKEN.search(lower, max(floor, token.start() - 40), token.start())
            if before and before.group(1) in _DOMAINS and start < m.start():
                start = before.start()
                continue
        break
    if lower.startswith("first ", start) and not re.match(
        r"first\s+(?:deputy|vice)", lower[start:end]
    ):
        return None  # "the country's first president": an office of the past
    if _NOT_CURRENT.search(lower, max(floor, start - 12), start):
        return None
    # grow to the right: "minister of foreign affairs", "chief of the general staff"
    head = lower[m.start() : m.end()]
    if re.search(r"minister|secretary", head):
        ministry = _MINISTRY_AFTER.match(lower, end, sentence.end)
        if ministry:
            end = ministry.end()
    if re.search(r"chief|head|commander|director", head):
        staff = _STAFF_AFTER.match(lower, end, sentence.end)
        if staff:
            end = staff.end()
    office_text = _FORMER_PREFIX.sub("", text[start:end])
    place, inner = _place_inside(office_text)
    office = canonical_office(inner)
    if office is None or office.lower() in ("state secretary", "general secretary"):
        return None
    # what stands before: places, former, "the country's", a determiner
    country, org, this_country, determiner, before_start, former_before = _modifiers_before(
        text, lower, floor, start, local
    )
    former = former or former_before
    if _ENVOY.search(office.lower()):
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
    if after_place and (place is None or not after_place.is_country or place.is_country):
        place = after_place if place is None or not place.is_country else place
    office = canonical_office(inner + suffix) or office
    state = bool(_STATE_OFFICE.search(office.lower()))
    if not state and capitalised_title and re.match(r"representative|rep\.|sen\.", head):
        state = True  # "Representative Ana Torres": a title of a legislature
    state = state or regional_of
    return _Office(office, start, end, place, former, this_country, determiner, state, regional_of)


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
) -> tuple[tuple[Place, int] | None, tuple[Place, int] | None, bool, bool, int, bool]:
    """Read leftwards from an office over what modifies it.

    Returns (country, organisation, "the country's", determiner, new start, former);
    places come with their position so the nearer one can be chosen.
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
        token = _LAST_TOKEN.search(lower, max(floor, edge - 40), edge + 1)
        if not token:
            break
        word = token.group(1)
        original = text[token.start(1) : token.end(1)]
        if word in _FORMER_WORDS or (word.endswith("-") and word[:-1] in _FORMER_WORDS):
            former, start = True, token.start(1)
        elif word in _MODIFIERS:
            start = token.start(1)
        elif word in _THIS_COUNTRY:
            this_country, start = True, token.start(1)
        elif word in _DETERMINERS:
            determiner, start = True, token.start(1)
            break
        elif original[:1].isupper() and not is_common_word(word) and capitalised < 3:
            capitalised += 1  # a body or region named before the office ("Alberta premier")
            start = token.start(1)
        else:
            break
    if capitalised and not (country or org or determiner or this_country):
        # capitalised words with nothing else before may be the end of a name
        # ("... said Ana Torres, Calgary mayor"): keep them out of the office
        start = _skip_capitalised(text, lower, floor, pos)
    return country, org, this_country, determiner, start, former


def _skip_capitalised(text: str, lower: str, floor: int, pos: int) -> int:
    """The start of the capitalised words right before `pos` (a body or region name)."""
    start = pos
    for _ in range(3):
        edge = start
        while edge > floor and text[edge - 1] in " \t":
            edge -= 1
        token = _LAST_TOKEN.search(lower, max(floor, edge - 40), edge + 1)
        if not token or not text[token.start(1)].isupper():
            break
        start = token.start(1)
    return start


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
    m = _OF.match(text, pos, limit)
    if not m:
        return None, pos, "", False, False
    word = m.group(1)
    low = office.lower()
    hit = _place_at(text, m.end(), limit, local)
    if word in ("to", "in"):
        if hit and hit[0].is_country and _ENVOY.search(low):
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
    if word == "of" and _REGIONAL.search(low) and text[m.end() : m.end() + 1].isupper():
        return None, _title_run_end(text, m.end() - 1, limit), "", True, False
    if _STATE_OFFICE.search(low) and word == "of":
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
        m = _WORD.match(text, cursor, limit)
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
    comma = _COMMA.match(text, end, limit)
    inner = text[pos:end].split()
    if comma and any(w in _SMALL_WORDS for w in inner):
        return end
    return pos


def _body_place(
    text: str, lower: str, pos: int, limit: int, local: dict[str, Place]
) -> tuple[Place, int] | None:
    """The country of a state body named after "of the": "of Chile's electoral commission"."""
    stop = pos
    for m in _WORD.finditer(" " + lower[pos : min(limit, pos + 160)]):
        if m.group(1).rstrip(",.") in _CLAUSE_WORDS or m.start() > 0 and "," in m.group(0):
            break
        stop = pos + m.end() - 1
        if m.group(1).endswith(","):
            break
    if not _STATE_BODY.search(lower, pos, stop):
        return None
    for place, _, _ in find_places(text, pos, stop):
        if place.is_country:
            return place, stop
    return None


_CLAUSE_WORDS = _words("said says told was is has had will would who which that where when and but")


def is_common_word(word: str) -> bool:
    """A capitalised word that is no one's name: titles, months, function words."""
    return word.lower() in _NOT_NAMES


def _is_name_word(word: str) -> bool:
    if _HYPHEN_PARTICLE.match(word):
        return True
    if not word[0].isupper() or word.isupper() or word.lower() in _NOT_NAMES:
        return False
    if is_place_word(word):
        # "Un" in "Kim Jong Un" is a name, not the UN
        place = place_named(word)
        return bool(place and place.name.isupper() and not word.isupper() and len(word) <= 3)
    return True


def _name_after(text: str, pos: int, limit: int) -> tuple[str, int, int] | None:
    """The person's name written right after an office, as (name, start, end)."""
    words: list[tuple[int, int]] = []
    while len(words) < 6:
        m = _WORD.match(text, pos, limit)
        if not m:
            break
        word = m.group(1)
        core = _WORD_END.sub("", word)
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
    if words and _GEOGRAPHIC.match(text, words[-1][1], limit):
        words = words[:-1]  # "Chief Ana Rote Island": the last word names a place
    named = [w for w in words if text[w[0] : w[1]].lower() not in _PARTICLES]
    if not words or len(named) > 5 or _is_initial(text[words[-1][0] : words[-1][1]]):
        return None
    start, end = words[0][0], words[-1][1]
    return " ".join(text[start:end].split()), start, end


def _names_after(
    text: str, office: _Office, sentence: Sentence
) -> list[tuple[tuple[str, int, int], Place | None]]:
    """Names after an office, each with its own "of <country>": one, or a list after a
    plural office ("Foreign Ministers Ana Torres of Chile and Luis Vega of Peru")."""
    plural = re.search(r"(?:s|men|women|people|ies[\s-]general)$", office.office.lower())
    out: list[tuple[tuple[str, int, int], Place | None]] = []
    pos = office.end
    while True:
        name = _name_after(text, pos, sentence.end)
        if not name:
            break
        own: Place | None = None
        end = name[2]
        after = _OF_AFTER_NAME.match(text, end, sentence.end)
        hit = longest_place_at(text, after.end(), limit=sentence.end) if after else None
        if hit and hit[0].is_country:
            own, end = hit[0], hit[1]
        out.append(((name[0], name[1], end), own))
        if not plural:
            break
        joiner = _NAMES_AND.match(text, end, sentence.end)
        if not joiner:
            break
        pos = joiner.end() - 1
    return out


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def _appositive_name(text: str, floor: int, office_start: int) -> tuple[str, int, int] | None:
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


def _with_context(
    text: str, mentions: list[OfficialMention], places: list[tuple[Place, int, int]]
) -> list[OfficialMention]:
    """Give mentions with no place of their own the one the text around suggests.

    In order: "the country's president" takes the country named last before it; the
    second office of a coordination takes the place of the first ("Chile's finance
    minister X and trade minister Y"); a state office takes a country named earlier
    in its sentence and not written beside another office.
    """
    spans = [(m.start, m.end) for m in mentions]

    def free(place: tuple[Place, int, int]) -> bool:
        return not any(a <= place[1] < b for a, b in spans)

    countries = [p for p in places if p[0].is_country]
    out: list[OfficialMention] = []
    previous: OfficialMention | None = None
    for mention in mentions:
        context = None
        if mention.place is None:
            if mention.context == _THIS_COUNTRY_MARK:
                # the country of this sentence or the one before; beyond that, unsure
                floor = mention.sentence.start - 400
                before = [p for p in countries if floor <= p[1] and p[2] <= mention.start]
                before = [p for p in before if free(p) and _near(text, p[2], mention.start)]
                context = before[-1][0] if before else None
            elif (
                previous
                and previous.sentence is mention.sentence
                and (previous.place or previous.context)
                and re.fullmatch(
                    r"\s*(?:,\s*)?(?:and|as well as)?\s*", text[previous.end : mention.start]
                )
            ):
                context = previous.place or previous.context
            elif mention.state:
                before = [
                    p
                    for p in countries
                    if mention.sentence.start <= p[1] and p[2] <= mention.start and free(p)
                ]
                context = before[-1][0] if before else None
        out.append(replace(mention, context=context))
        previous = out[-1]
    return out


def _near(text: str, end: int, start: int) -> bool:
    """Whether text[end:start] spans at most one sentence boundary."""
    return len(_SENTENCE_END.findall(text, end, start)) <= 1


_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[A-Z\"“])|\n")


_MINISTRY_NAMES = {
    "foreign affairs": "foreign",
    "internal affairs": "interior",
    "home affairs": "home",
    "the interior": "interior",
    "national defense": "defense",
    "the economy": "economy",
    "the treasury": "treasury",
}
_ABBREVIATED_TITLES = {"sen.": "senator", "rep.": "representative", "gov.": "governor"}
_OFFICE_SMALL_WORDS = frozenset({"of", "the", "for", "and", "in", "to"})


@lru_cache(maxsize=4096)
def canonical_office(raw: str) -> str | None:
    """One spelling per office: American spelling, "X Minister" for "Minister of X"."""
    office = " ".join(raw.replace("-", " ").split()).lower()
    office = office.replace("defence", "defense").replace("labour", "labor")
    office = office.replace("commander in chief", "commander-in-chief")
    office = office.replace("advisor", "adviser")
    office = _ABBREVIATED_TITLES.get(office, office)
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
    words = [w if w in _OFFICE_SMALL_WORDS else w[:1].upper() + w[1:] for w in office.split()]
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
    return _DOUBLED.sub(r"\1", word)


def _same_person(a: OfficialMention, b: OfficialMention) -> bool:
    wa, wb = a.person.split(), b.person.split()
    if name_key(wa[-1]) != name_key(wb[-1]):
        return False
    if len(wa) > 1 and len(wb) > 1 and name_key(wa[0])[:3] != name_key(wb[0])[:3]:
        return False
    return a.place is None or b.place is None or a.place == b.place


def merge_officials(
    mentions: list[tuple[str, OfficialMention]],
    home_country: dict[str, Place | None],
    texts: dict[str, str] | None = None,
) -> dict[str, list[OfficialFact]]:
    """Official facts per source: one per person and place, with aliases from every document.

    `mentions` pairs each mention with its source; `home_country` gives the
    country an article is about, used only for state offices written with no
    country at all ("Prime Minister X"); `texts` lets an organisation be reported
    under the name its article uses.
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
            if texts and fact.org:
                fact = replace(fact, org=_organisation_as_written(fact.org, texts.get(source, "")))
            facts.setdefault(source, []).append(fact)
    for found in facts.values():
        found[:] = _full_names(found)
        found.sort(key=lambda f: f.where.start)
    return facts


def _full_names(facts: list[OfficialFact]) -> list[OfficialFact]:
    """A holder named by surname alone under one office takes the full name the article
    gives them under another ("Brandt is an envoy" after "Tomas Brandt, the minister")."""
    out = []
    for fact in facts:
        if " " not in fact.person:
            fuller = [
                f.person
                for f in facts
                if " " in f.person and name_key(f.person.split()[-1]) == name_key(fact.person)
            ]
            if len(set(fuller)) == 1:
                aliases = tuple(sorted({*fact.aliases, fact.person} - {fuller[0]}))
                fact = replace(fact, person=fuller[0], aliases=aliases)
        out.append(fact)
    return out


def _organisation_as_written(short: str, text: str) -> str:
    """An organisation under its short name when the article uses it, else as written."""
    longs = [long for long, s in organisation_long_names().items() if s == short]
    shorts = len(re.findall(rf"\b{re.escape(short)}\b", text))
    inside = sum(len(re.findall(re.escape(long), text)) for long in longs if short in long)
    if shorts > inside:
        return short
    for long in sorted(longs, key=len, reverse=True):
        if long in text:
            return long
    return short


def _home_of(office: str, home: Place | None) -> Place | None:
    """The article's country for a state office written without one.

    An envoy in an article about a country is as often a foreign one, so an envoy
    takes it only when the office names another country ("ambassador to Peru").
    """
    if home is None or not _SENT.search(office.lower()):
        return home
    sent_to = re.search(r" (?:to|in) (.+)$", office)
    return home if sent_to and sent_to.group(1) != home.name else None


_SENT = re.compile(r"ambassador|envoy|delegate")


def _surname(name: str) -> str:
    """The family name with its particles: "Ursula von der Leyen" -> "von der Leyen"."""
    words = name.split()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _PARTICLES:
        start -= 1
    return " ".join(words[start:])


def _facts_of(
    person: _Person, home_country: dict[str, Place | None]
) -> list[tuple[str, OfficialFact]]:
    places = Counter(m.place for _, m in person.mentions if m.place)
    names = list(dict.fromkeys(m.person for _, m in person.mentions))
    forms = set(names) | {_surname(n) for n in names}
    out: list[tuple[str, OfficialFact]] = []
    by_source: dict[str, list[OfficialMention]] = {}
    for source, mention in person.mentions:
        by_source.setdefault(source, []).append(mention)
    for source, own in by_source.items():
        place = places.most_common(1)[0][0] if places else None
        offices = Counter(m.office for m in own if m.place == place or m.place is None)
        office = offices.most_common(1)[0][0] if offices else own[0].office
        if place is None:
            contexts = Counter(m.context for m in own if m.context)
            place = contexts.most_common(1)[0][0] if contexts else None
        if place is None and any(m.state for m in own):
            place = _home_of(office, home_country.get(source))
        if place is None:
            continue
        if all(" " not in m.person for m in own) and not any(m.place or m.titled for m in own):
            continue  # one word and no place written beside it: "the president, Hotel"
        name = max((m.person for m in own), key=lambda n: len(n.split()))
        first = own[0]
        where = Provenance(
            source, first.sentence.text, first.sentence.index, first.start, first.end
        )
        aliases = tuple(sorted(f for f in forms if fold(f) != fold(name)))
        country = place.name if place.is_country else None
        org = None if place.is_country else place.name
        former = all(m.former for m in own)
        fact = OfficialFact(name, office, country, org, aliases, first.text, where, former=former)
        out.append((source, fact))
    return out
