"""What the sentences say about an official's post beyond its title.

The extractor reports a person, an office and a country. The sentences it came from may say
more that changes the question: the post is held *acting*, it is one of several (a deputy),
the person only works *for* the office-holder ("press secretary for the governor, X"), the
office is known only from an old document, an ambassador's destination, or the province or
city a mayor or premier serves. These rules read it from the sentences, in news English.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizkit.extract.gazetteer import find_places, place_named
from quizkit.questions.candidate import document_name
from quizkit.questions.caseless import Caseless
from quizkit.questions.story import Official, Story

Told = dict[tuple[str, int], str]


def sentence_map(story: Story) -> Told:
    """Each sentence of the story by (document, sentence number), as notes cite them."""
    return {
        (document_name(source), index): sentence
        for source, by_index in story.sentences.items()
        for index, sentence in by_index.items()
    }


def told(official: Official, sentences: Told) -> list[str]:
    """The sentences the official was found in, each once."""
    found = [
        sentences.get((s.document, -1 if s.sentence is None else s.sentence), "")
        for s in official.sources
    ]
    return [s for s in dict.fromkeys(found) if s]


def _names(official: Official) -> list[str]:
    return sorted({n for n in official.names | {official.person} if len(n) > 2}, key=len)[::-1]


def _office_words(office: str) -> str:
    """'Provincial Governor' -> a pattern matching 'provincial governor', 'provincial-governor'."""
    return r"[\s-]+".join(re.escape(w) for w in office.split())


# "acting for Ana Ruz" is no acting post: the words between are an office's, not these.
_SMALL = r"(?:on|for|of|as|in|with|under|at|to|by|from|against)"
_STAND_IN = Caseless(r"\b(?:acting|interim|caretaker)\b", needs=("acting", "interim", "caretaker"))


def is_acting(official: Official, sentences: Iterable[str]) -> bool:
    """'Acting leader Raul Ortiz', 'the interim president, Raul Ortiz': a stand-in, so the
    post's holder (named elsewhere or not) is another answer to 'Who was the leader?'."""
    lines = [s for s in sentences if _STAND_IN.found_in(s)]
    for name in _names(official) if lines else []:
        pattern = (
            rf"\b(?:acting|interim|caretaker)\b(?:[\s-]+(?!{_SMALL}\b)[\w'’-]+){{0,3}}\s*,?\s+"
            rf"{re.escape(name)}\b"
        )
        if any(re.search(pattern, s, re.IGNORECASE) for s in lines):
            return True
    return False


# Posts a country or body has several of at once: "the deputy prime minister" has no one holder.
_SEVERAL = re.compile(
    r"\b(?:deputy|vice|assistant|junior|under[\s-]secretary|state minister|minister of state|"
    r"(?:advis[eo]r|aide) to)\b",
    re.IGNORECASE,
)
# ... except a vice president, whom a country has one of.
_ONE_VICE = re.compile(r"^vice[\s-]president$", re.IGNORECASE)


def is_one_of_several(office: str) -> bool:
    """A deputy or vice post, or an adviser to a leader: 'X was a deputy prime minister of
    which country?' is sound, 'Who was the Deputy Prime Minister?' is not."""
    return bool(_SEVERAL.search(office)) and not _ONE_VICE.match(office.strip())


# Who works for an office-holder: the name after "secretary for the governor," is theirs.
_STAFF = (
    r"\b(?:secretary|spokes(?:man|woman|person)|aide|advis[eo]r|assistant|deputy|staff|"
    r"officer|wife|husband|son|daughter|lawyer|bodyguard|driver)"
)


_STAFF_WORDS = "secretary spokes aide advis assistant deputy staff officer wife husband son"
_STAFF_WORDS += " daughter lawyer bodyguard driver"
_WORKS_FOR = Caseless(
    _STAFF + r"\s+(?:for|of|to)\s+(?:the|a|an)\s", needs=tuple(_STAFF_WORDS.split())
)


def serves_another(official: Official, sentences: Iterable[str]) -> bool:
    """'the press secretary for the provincial governor, Ana Ruz': the office is her
    employer's, and the name after it is hers, so the office is not."""
    lines = [s for s in sentences if _WORKS_FOR.found_in(s)]
    office = _office_words(official.office)
    for name in _names(official) if lines else []:
        pattern = (
            rf"{_STAFF}\s+(?:for|of|to)\s+(?:the|a|an)\s+(?:{office})\s*,\s*{re.escape(name)}\b"
        )
        if any(re.search(pattern, s, re.IGNORECASE) for s in lines):
            return True
    return False


_DOCUMENT = Caseless(
    r"\b(?:document|documents|memo|memorandum|letter|cable|dossier)\b",
    needs=("document", "memo", "letter", "cable", "dossier"),
)
# A document's own date: "dated 2006", "dates back to 2006", "written in March 2006".
_DATED = re.compile(
    r"\b(?:dated|dates(?:\s+back)?\s+to|dating(?:\s+back)?\s+(?:to|from)|written\s+in|"
    r"signed\s+in)\s+(?:[\w,]+\s+){0,3}?(1[89]\d\d|20\d\d)\b",
    re.IGNORECASE,
)


def from_old_document(official: Official, sentences: Iterable[str], story: Story) -> bool:
    """'The document, dated 2006, lists intelligence chief Ana Ruz': an office told only in
    what an old document says was held then, not in the article's month. A person the story
    also tells of outside the document (its headline, other sentences) is of the story's time.
    """
    mine = [s for s in sentences if _DOCUMENT.found_in(s)]
    if not mine or not official.month:
        return False
    now = int(official.month.split()[-1])
    surnames = {n.split()[-1] for n in _names(official)}
    told = story.once("old-documents", _Documents)
    if any(told.names_outside(n) for n in surnames):
        return False
    return told.earliest is not None and told.earliest < now


class _Documents:
    """The story's headlines and sentences read once for what old documents say: the
    earliest year a document is dated, and the words of every text that is no document's."""

    def __init__(self, story: Story) -> None:
        texts = [*story.headlines.values()]
        texts += [s for by_index in story.sentences.values() for s in by_index.values()]
        years = [int(y) for text in texts if _DOCUMENT.found_in(text) for y in _DATED.findall(text)]
        self.earliest: int | None = min(years, default=None)
        self.others = [text for text in texts if not _DOCUMENT.found_in(text)]
        self.words = {w for text in self.others for w in _WORD.findall(text)}

    def names_outside(self, name: str) -> bool:
        """Whether a text that is no document's names `name` as a word of its own."""
        if _WORD.fullmatch(name):
            return name in self.words
        pattern = re.compile(rf"\b{re.escape(name)}\b")
        return any(pattern.search(text) for text in self.others)


_WORD = re.compile(r"\w+")


def destination_in(official: Official, sentences: Iterable[str]) -> str | None:
    """Where an ambassador is posted when the office leaves it out: "Peru's UN ambassador
    Ana Ruz", "Ana Ruz, ambassador to the OSCE" -> 'UN', 'OSCE'."""
    for name in _names(official):
        escaped = re.escape(name)
        for sentence in sentences:
            before = re.search(
                rf"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,2}})\s+(?i:ambassador|envoy)\s*,?\s+{escaped}\b",
                sentence,
            )
            after = re.search(
                rf"{escaped},?\s+(?:the\s+)?[\w'’]*\s*(?i:ambassador|envoy)\s+to\s+(?:the\s+)?"
                rf"([A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}})",
                sentence,
            )
            for match in (before, after):
                if match is None:
                    continue
                place = place_named(match.group(1).removeprefix("the ").strip())
                if place is not None and place.name != official.country:
                    return match.group(1)
    return None


# A place name as written: capitalised words, with the small words place names carry.
_PLACE = r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|del|of|upon|on))*"
_KINDS = {"region", "province", "state", "county", "district", "city", "municipality"}
_KINDS |= {"prefecture", "territory", "village", "town", "governorate", "department"}
# The adjectives of a local office that the kind of place says again.
_LOCAL_ADJECTIVE = re.compile(r"^(?:provincial|regional|local|municipal|city|district)\s+", re.I)
_STATES = {"United States", "Mexico", "Brazil", "Nigeria", "India", "Australia", "Germany"}
_STATES |= {"Malaysia", "Venezuela", "Sudan", "Austria"}
_NOT_PLACE = {"the", "a", "former", "then", "acting", "deputy", "local", "provincial", "new"}
_NOT_PLACE |= {"opposition", "outgoing", "incoming", "interim", "veteran", "regional", "city"}
_NOT_PLACE |= {"state", "district", "county", "municipal", "elected", "popular", "embattled"}


def local_place(official: Official, sentences: Iterable[str]) -> tuple[str, str] | None:
    """The province, city or region a local office serves, and what kind of place it is:
    'Alberta premier Ana Ruz', 'the mayor of Dunmore, Ana Ruz', 'Ana Ruz, the governor of
    Tarsa' -> ('province', 'Alberta'), ('city', 'Dunmore'), ('province', 'Tarsa')."""
    office = _office_words(official.office)
    for name in _names(official):
        escaped = re.escape(name)
        patterns = (
            rf"\b({_PLACE})\s+(?i:{office})\s*,?\s+{escaped}\b",
            rf"(?i:{office})\s+of\s+(?:the\s+)?({_PLACE})\s*,\s*{escaped}\b",
            rf"{escaped}\s*,\s*(?:the\s+)?(?i:{office})\s+of\s+(?:the\s+)?({_PLACE})",
            rf"(?i:{office})\s+{escaped}\s+of\s+(?:the\s+)?({_PLACE})",
        )
        for sentence in sentences:
            for pattern in patterns:
                match = re.search(pattern, sentence)
                if match and _is_local(match.group(1), official.country):
                    return _kind_of(match.group(1), official), match.group(1)
    return None


def _is_local(place: str, country: str | None) -> bool:
    """A place below the country: not the country, its adjective, nor another country."""
    if place.split()[0].lower() in _NOT_PLACE or len(place.split()) > 5:
        return False
    named = place_named(place)
    if named is not None and named.is_country:
        return False
    # "Chilean mayor", "French governor": the country's own word, or another country's
    if any(found.is_country for found, _start, _end in find_places(place)):
        return False
    return not (country and place[:4].lower() == country[:4].lower())


def _kind_of(place: str, official: Official) -> str:
    last = place.split()[-1].lower()
    if last in _KINDS:
        return last
    office = official.office.lower()
    if "mayor" in office:
        return "city"
    if "intendant" in office:
        return "region"
    if "premier" in office or "governor" in office:
        return "state" if official.country in _STATES else "province"
    return "place"


def local_office(office: str) -> str:
    """'Provincial Governor' -> 'governor': the kind of place says the rest."""
    return _LOCAL_ADJECTIVE.sub("", office).lower()


# Where an office's "of ..." phrase ends: a verb of saying, a relative, a clause.
_PHRASE_END = re.compile(
    r"\s+(?:said|says|told|tells|stated|added|announced|warned|claimed|when|who|which|that|"
    r"and|but|has|have|had|is|was|were|will|would)\b.*",
    re.IGNORECASE,
)


def body_post(official: Official, lines: Iterable[str]) -> str | None:
    """The post of a body of the country, with the country asked for: 'Ana Ruz, vice
    chairman of the Peruvian Human Rights Commission' -> 'the vice chairman of which
    country's Human Rights Commission'; "Peru's head of mining, Ana Ruz" -> 'the head of
    mining of which country'. None when the sentence does not tell it so plainly."""
    if not official.country:
        return None
    office = _office_words(official.office)
    for name in _names(official):
        escaped = re.escape(name)
        for sentence in lines:
            after = re.search(
                rf"{escaped},\s+(?:the\s+)?({office})\s+of\s+([^,.;:\"“”()]{{3,100}})",
                sentence,
                re.IGNORECASE,
            ) or re.search(
                rf"\b({office})\s+of\s+([^,.;:\"“”()]{{3,100}}),\s+{escaped}\b",
                sentence,
                re.IGNORECASE,
            )
            if after:
                post = _whose_body(after.group(1), _PHRASE_END.sub("", after.group(2)), official)
                if post:
                    return post
            before = re.search(
                rf"\b([A-Z]\w*(?:\s+[A-Z]\w*)*)['’]s\s+((?i:{office}))\s+of\s+([\w ]{{2,40}}?),"
                rf"\s+{escaped}\b",
                sentence,
            )
            if before and _is_country(before.group(1), official.country):
                return f"the {before.group(2).lower()} of {before.group(3)} of which country"
    return None


def _is_country(text: str, country: str) -> bool:
    named = place_named(text.strip())
    return named is not None and named.is_country and named.name == country


_HOUSE = re.compile(
    r"(parliament|senate|congress|national assembly|assembly|legislature|government)['’]s\s+"
    r"([a-z][\w -]{2,40})$"
)


def _whose_body(office: str, phrase: str, official: Official) -> str | None:
    """'Peruvian Human Rights Commission' -> "which country's Human Rights Commission":
    the country's word must stand before a body's capitalised name."""
    for place, start, end in find_places(phrase):
        if not place.is_country or place.name != official.country:
            continue
        rest = phrase[end:].strip()
        head = phrase[:start].strip()
        house = _HOUSE.match(rest)
        if house and not re.sub(r"(?:^|\s)the$", "", head):
            # "the Peruvian senate's farm committee" -> "the farm committee of which
            # country's senate"
            return (
                f"the {office.lower()} of the {house.group(2)} of which country's {house.group(1)}"
            )
        if not rest[:1].isupper() or (head and not head.islower()):
            return None
        head = re.sub(r"(?:^|\s)the$", "", head)
        head = f"{head} " if head else ""
        return f"the {office.lower()} of {head}which country's {rest}"
    return None


# The states of the United States with their AP abbreviations, as a legislator's party tag
# writes them: "(D-N.Y.)", "(R-Texas)".
US_STATES = {
    "Alabama": "Ala.", "Alaska": "Alaska", "Arizona": "Ariz.", "Arkansas": "Ark.",
    "California": "Calif.", "Colorado": "Colo.", "Connecticut": "Conn.", "Delaware": "Del.",
    "Florida": "Fla.", "Georgia": "Ga.", "Hawaii": "Hawaii", "Idaho": "Idaho",
    "Illinois": "Ill.", "Indiana": "Ind.", "Iowa": "Iowa", "Kansas": "Kan.",
    "Kentucky": "Ky.", "Louisiana": "La.", "Maine": "Maine", "Maryland": "Md.",
    "Massachusetts": "Mass.", "Michigan": "Mich.", "Minnesota": "Minn.",
    "Mississippi": "Miss.", "Missouri": "Mo.", "Montana": "Mont.", "Nebraska": "Neb.",
    "Nevada": "Nev.", "New Hampshire": "N.H.", "New Jersey": "N.J.", "New Mexico": "N.M.",
    "New York": "N.Y.", "North Carolina": "N.C.", "North Dakota": "N.D.", "Ohio": "Ohio",
    "Oklahoma": "Okla.", "Oregon": "Ore.", "Pennsylvania": "Pa.", "Rhode Island": "R.I.",
    "South Carolina": "S.C.", "South Dakota": "S.D.", "Tennessee": "Tenn.", "Texas": "Texas",
    "Utah": "Utah", "Vermont": "Vt.", "Virginia": "Va.", "Washington": "Wash.",
    "West Virginia": "W.Va.", "Wisconsin": "Wis.", "Wyoming": "Wyo.",
}  # fmt: skip
_BY_ABBREVIATION = {a.replace(" ", ""): s for s, a in US_STATES.items()}
_STATE_NAMES = "|".join(sorted(map(re.escape, US_STATES), key=len, reverse=True))
_LEGISLATOR = re.compile(r"^(?:senator|representative|congress(?:wo)?man)$", re.IGNORECASE)


def home_state(official: Official, lines: Iterable[str]) -> str | None:
    """The state a US legislator is elected in: 'Senator Ana Ruz (D-N.Y.)', 'Representative
    Ana Ruz of Indiana', 'Senator Ana Ruz, a Democrat from Ohio' -> 'New York', ..."""
    if official.country != "United States" or not _LEGISLATOR.match(official.office):
        return None
    for name in _names(official):
        escaped = re.escape(name)
        for sentence in lines:
            tag = re.search(
                rf"{escaped}\s*\([DRI]-([A-Z][A-Za-z.]{{1,12}}(?: ?[A-Z][a-z.]+)?)\)", sentence
            )
            if tag:
                found = _BY_ABBREVIATION.get(tag.group(1).replace(" ", ""))
                if found or tag.group(1) in US_STATES:
                    return found or tag.group(1)
            written = re.search(
                rf"{escaped},?\s+(?:(?:a|the)\s+(?:Democrat|Republican|Independent)\w*\s+)?"
                rf"(?:of|from)\s+({_STATE_NAMES})\b",
                sentence,
            )
            if written:
                return written.group(1)
    return None
