"""What an office is: national or not, generic or named, its class, its singular.

"<office> of <country>" is a sound question only for an office a country has once (its
president, its foreign minister, its ambassador to somewhere). The extractor files mayors,
governors, senators, committee chairs and delegates under their country too; asking "Who was
the Mayor of Canada?" would be false. These rules decide, from the office's words alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizkit.questions.caseless import Caseless

# Offices a country has one of at a time (or, for ambassadors and envoys, one per destination).
_NATIONAL = re.compile(
    r"\b(?:president|prime minister|premier|chancellor|king|queen|emir|sultan|emperor|monarch|"
    r"crown prince|leader|minister|secretary of state|(?:foreign|home|defen[cs]e|interior|"
    r"treasury|health|justice|energy|foreign affairs) secretary|"
    r"speaker|national security adviser|attorney general|chief justice|"
    r"(?:army|armed forces|defen[cs]e forces?|military|intelligence|police|navy|air force|"
    r"staff|spy) (?:chief|head|commander)|chief of (?:the )?(?:general )?staff|"
    r"ambassador|envoy|permanent representative|high commissioner)\b",
    re.IGNORECASE,
)
# Offices below the nation, or one of many: never "of <country>".
_NOT_NATIONAL = re.compile(
    r"\b(?:local|district|provincial|province|regional|region|state minister|minister of state|"
    r"cabinet minister|junior minister|office minister|municipal|village|city|county|mayor|"
    r"governor|intendant|administrator|senator|congress(?:wo)?man|representative|"
    r"lawmaker|member|councill?or|committee|chair(?:man|woman|person)?|judge|delegate|"
    r"spokes(?:person|man|woman)|official|director|commissioner)\b",
    re.IGNORECASE,
)
# Offices that are no title of a post: "What office did she hold? Head".
GENERIC = {
    "head", "chief", "director", "judge", "representative", "member", "official", "secretary",
    "delegate", "officer", "adviser", "advisor", "aide", "staff",
}  # fmt: skip
# Federations whose premiers lead a province or state; the country has a prime minister.
_PROVINCIAL_PREMIERS = {"Canada", "Australia"}
# An office said to be held by someone the text says lost it: "dictator X was overthrown".
LOST_WORDS = (
    r"(?:ousted|overthrown|deposed|toppled|removed from office|forced (?:out|from)|assassinated|"
    r"executed|killed|exiled)"
)
LOST_OFFICE = rf"(?:(?:was|were|had been|has been|is)\s+)?{LOST_WORDS}"
FORMER_BEFORE = r"\b(?:former|ex-|late|deposed|ousted|toppled|then|one-time|onetime)\s+"
# Every sentence `said_to_have_lost` accepts has one of these words at the start of a word:
# a story's sentences are searched for them once, and only those again for each person.
LOST_HINT = Caseless(
    rf"(?<!\w)(?:{FORMER_BEFORE}|{LOST_WORDS}\b)",
    needs=("former", "ex-", "late", "deposed", "ousted", "toppled", "then", "one-time")
    + ("onetime", "overthrown", "removed", "forced", "assassinated", "executed", "killed")
    + ("exiled",),
)
# Offices that are the same post under another name: never each other's wrong option.
SYNONYMS = [
    {"spokesperson", "spokesman", "spokeswoman"},
    {"chair", "chairman", "chairwoman", "chairperson", "head", "leader", "chief"},
    {"secretary general", "head", "chief", "leader"},
    {"director general", "director", "head", "chief", "managing director"},
]
# Office classes: a wrong option for "who" is a person whose office is of the same class.
_CLASSES = [
    ("org", r"secretary general|director|chair|spokes|executive secretary|commissioner"),
    ("head", r"president|prime minister|premier|chancellor|king|queen|emir|sultan|leader|"
     r"emperor|monarch|dictator"),
    ("diplomat", r"ambassador|envoy|representative|delegate|high commissioner"),
    ("minister", r"minister|secretary"),
    ("security", r"chief|commander|general|intelligence|army|security adviser"),
]  # fmt: skip


def is_national(office: str, country: str | None = None) -> bool:
    """A national office of a country: 'Foreign Minister', 'Ambassador to Peru', 'King'."""
    if not _NATIONAL.search(office) or _NOT_NATIONAL.search(office):
        return False
    if re.fullmatch(r"(?:vice )?premier", office, re.IGNORECASE):
        return country not in _PROVINCIAL_PREMIERS
    return True


def is_generic(office: str) -> bool:
    """'Head', 'Official', 'Member': a description, not the title of a post."""
    return office.casefold() in GENERIC


# Offices of a town, province or legislature that are titles a learner can place in a country.
_LOCAL_TITLE = re.compile(
    r"\b(?:mayor|governor|intendant|premier|administrator|district commissioner|minister)\b",
    re.IGNORECASE,
)
# Offices no country question suits: one of a committee, a court, a delegation, a legislature.
_NO_COUNTRY = re.compile(
    r"\b(?:chair\w*|vice|director|head|member|judge|representative|delegate|spokes\w+|"
    r"official|senator|congress\w*|lawmaker|press|secretary)\b",
    re.IGNORECASE,
)


def is_local_title(office: str) -> bool:
    """A title one holds in a town, province or cabinet: 'a mayor in which country' is sound."""
    return bool(_LOCAL_TITLE.search(office)) and not _NO_COUNTRY.search(office)


def destination(office: str) -> tuple[str, str] | None:
    """'Ambassador to Poland' -> ('Ambassador', 'Poland'); None when no place is named."""
    match = re.fullmatch(
        r"((?:Deputy |Special )?(?:Ambassador|Envoy|Permanent Representative|High Commissioner))"
        r" (?:to|in|at) (?:the )?(.+)",
        office,
        flags=re.IGNORECASE,
    )
    return (match.group(1), match.group(2)) if match else None


def is_envoy_without_destination(office: str) -> bool:
    """'Ambassador' alone: a country has many, so 'the Ambassador of X' has no one answer."""
    return bool(
        re.fullmatch(r"(?:deputy |special )?(?:ambassador|envoy|permanent representative)", office,
                     re.IGNORECASE)
    )  # fmt: skip


KEEP_S = {"affairs", "arms", "forces", "services", "relations", "news", "works", "rights", "sports"}


def singular(office: str) -> str:
    """'Secretaries General' -> 'Secretary General', 'Foreign Ministers' -> 'Foreign Minister';
    'Foreign Affairs Minister' stays as it is."""
    words = office.split()
    fixed = []
    for index, word in enumerate(words):
        if word.lower() in KEEP_S:
            pass
        elif word.endswith("ies") and len(word) > 4:
            word = word[:-3] + "y"
        elif index == len(words) - 1 and re.fullmatch(
            r"[A-Z][a-z]+(?:er|or|ent|ant|ist|ive|ir|ef)s", word
        ):
            word = word[:-1]
        elif word.endswith("men") and len(word) > 4:
            word = word[:-3] + "man"
        fixed.append(word)
    return " ".join(fixed)


def same_post(a: str, b: str) -> bool:
    """Two names of one post ('Spokesman', 'Spokesperson'): never each other's wrong option."""
    fa, fb = a.casefold(), b.casefold()
    if fa == fb:
        return True
    return any(fa in group and fb in group for group in SYNONYMS)


@lru_cache(maxsize=4096)
def office_class(office: str) -> str:
    """The kind of post: heads, diplomats, security chiefs, ministers, posts in a body."""
    for name, pattern in _CLASSES:
        if re.search(rf"\b(?:{pattern})", office, re.IGNORECASE):
            return name
    return "other"


def said_to_have_lost(sentence: str, names: set[str]) -> bool:
    """The sentence tells the person no longer held the office: 'former', 'X was ousted'."""
    for name in names:
        if not name:
            continue
        former, lost = _lost_patterns(name)
        if former.search(sentence) or lost.search(sentence):
            return True
    return False


@lru_cache(maxsize=16384)
def _lost_patterns(name: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two patterns `said_to_have_lost` tries for one name, compiled once per name: a deck
    of many articles names more people than `re` keeps compiled."""
    escaped = re.escape(name)
    former = re.compile(rf"{FORMER_BEFORE}(?:[\w-]+\s+){{0,4}}{escaped}\b", re.IGNORECASE)
    # "Ivo Marek of Borduria was overthrown": a few words of the same clause between
    lost = re.compile(
        rf"\b{escaped}\b(?:\s+(?:of|from|in)\s+[\w'-]+(?:\s+[A-Z][\w'-]+)?)?,?\s+{LOST_OFFICE}\b",
        re.IGNORECASE,
    )
    return former, lost
