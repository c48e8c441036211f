"""The vocabulary of public offices as news English writes them.

An office is found by its head word ("minister", "president", "spokesman", "mayor") and
grown over the words that qualify it ("deputy foreign", "provincial"). Offices of a state
may take their country from the article; offices that exist everywhere (spokesman, head,
chairman, adviser) count only beside a country or organisation, so a company's
spokesman or a campaign's adviser is never filed as an official.
"""

from __future__ import annotations

import re
from functools import lru_cache


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# The head word of an office; what qualifies it is read to its left.
OFFICE_HEAD = re.compile(
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
QUALIFIERS = word_set(
    """first deputy vice acting interim assistant senior special executive principal
    junior permanent"""
)
DOMAINS = word_set(
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
    enlargement climate monetary fiscal government ministry presidential embassy"""
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
MINISTRY_AFTER = re.compile(rf"\s+(?:of|for)\s+(?:the\s+)?(?:{_MINISTRY})\b")
STAFF_AFTER = re.compile(
    r"\s+of\s+(?:the\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?:general\s+staff|staff|forces|command|army|navy|mission|operation|contingent|guard)\b"
)
FORMER_WORDS = word_set("former ex late outgoing then")
MODIFIERS = word_set(
    """acting interim caretaker incumbent current new newly sitting serving senior top
    regional local provincial district socialist conservative liberal communist
    nationalist centrist veteran powerful influential hardline moderate embattled ousted
    deposed exiled elected appointed designated longtime long-time"""
)
# "the country's president": the country is the one the text was speaking of.
THIS_COUNTRY = word_set("country's nation's island's kingdom's republic's state's emirate's")
DETERMINERS = word_set("the a an")
# Offices of a state: their holder is an official even with no place written beside.
STATE_OFFICE = re.compile(
    r"minister|president|chancellor|premier|king|queen|emir|sultan|crown prince|taoiseach"
    r"|supreme leader|secretary of state|\w secretary$|senator|congress|governor|mayor"
    r"|intendant|ambassador|chief justice|attorney general|dictator|^judge"
    r"|opposition leader|national security advis|parliamentary speaker"
    r"|(?:local|district|provincial|regional|county) (?:administrator|commissioner)"
    r"|(?:police|army|military|intelligence|armed forces|defen[cs]e forces?) chief"
    r"|chief of|commander"
)
# Offices whose holder serves a country even at an organisation ("Rwanda's UN ambassador").
ENVOY = re.compile(r"ambassador|envoy|representative|delegate")
# Regional offices: "governor of Alaska", "mayor of Lyon" name a place that is no country.
REGIONAL = re.compile(r"premier|governor|mayor|intendant|administrator|commissioner")
# Bodies of a state, after "of the": "chair of the Chilean senate's committee".
STATE_BODY = re.compile(
    r"\b(?:commission|committee|parliament|council|ministry|agency|government|assembly"
    r"|senate|congress|court|service|office|secretariat|authority|police|army|forces|navy"
    r"|party|cabinet|bureau|department|directorate|administration|presidency|legislature)"
)
FORMER_PREFIX = re.compile(r"^(?:former|ex|late|outgoing|then)-", re.IGNORECASE)
# "the country's first president", "its founding chairman": an office no one holds now.
NOT_CURRENT = word_set("first founding founder second third last")
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
