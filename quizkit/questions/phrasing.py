"""Small pieces of English for question wording: dates, articles, tense, lists."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

MONTH_NAMES = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you"}
# A clause opening with one of these is subordinate: its subject is not the event's.
SUBORDINATORS = {
    "after",
    "before",
    "when",
    "while",
    "as",
    "since",
    "following",
    "because",
    "although",
    "though",
    "if",
    "once",
    "until",
    "despite",
    "amid",
    "with",
}
# Acronyms read as words take no article ("NATO said"), letter-by-letter ones do ("the UN").
NO_ARTICLE_ORGS = {"NATO", "OPEC", "ASEAN", "UNESCO", "UNICEF", "Interpol", "Mercosur", "Frontex"}


def format_day(iso: str) -> str:
    """'2022-01-13' -> '13 January 2022'; '--01-13' -> '13 January'."""
    if iso.startswith("--"):
        month, day = int(iso[2:4]), int(iso[5:7])
        return f"{day} {MONTH_NAMES[month - 1]}"
    value = date.fromisoformat(iso)
    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def month_year(iso: str | None) -> str | None:
    """'2022-01-13' -> 'January 2022'; None when the year is unknown."""
    if not iso or iso.startswith("--"):
        return None
    value = date.fromisoformat(iso)
    return f"{MONTH_NAMES[value.month - 1]} {value.year}"


def country_name(name: str) -> str:
    """A country as it stands mid-sentence: 'the United States', 'the Netherlands', 'Armenia'."""
    words = name.split()
    needs_the = (
        words[0] in ("United", "Czech", "Dominican", "Central")
        or any(w in ("Republic", "Kingdom", "Islands", "Emirates", "Strip", "Bank") for w in words)
        or name in ("Netherlands", "Philippines", "Bahamas", "Maldives", "Seychelles", "Comoros")
        or name.startswith("Gambia")
    )
    return f"the {name}" if needs_the else name


def org_name(org: str) -> str:
    """An organisation mid-sentence: 'the CSTO', 'the UN', 'NATO', 'Hamas'.

    A one-word name that is not an acronym is a proper name and takes no article."""
    bare = org in NO_ARTICLE_ORGS or (" " not in org and not org.isupper() and org[:1].isupper())
    return org if bare else f"the {org}"


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def join_list(items: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


@lru_cache(maxsize=4096)
def past_tense_lemma(word: str) -> str | None:
    """The base form of a simple-past verb ('began' -> 'begin'), else None."""
    from lemminflect import getAllInflections, getLemma

    lemmas = getLemma(word.lower(), "VERB")
    if not lemmas:
        return None
    lemma = lemmas[0]
    forms = getAllInflections(lemma, "VERB").get("VBD", ())
    return lemma if word.lower() in forms else None


PREPOSITIONS = {"in", "on", "at", "by", "for", "with", "from", "to", "of", "during", "over"}
SPEECH_PAST = {"said", "told", "added", "stated", "claimed", "announced", "declared", "reported"}
SUBJECT_STOP = {"the", "a", "an", "of", "in", "on", "to", "for", "from", "and", "its", "his", "her"}


# What a word is stripped of to be read: all but letters, digits, apostrophes and hyphens.
_NOT_WORD = re.compile(r"[^\w'-]")


def _bare(word: str) -> str:
    """The word as read; most are letters only, which the pattern would leave as they are."""
    return word if word.isalpha() else _NOT_WORD.sub("", word)


def when_question(event: str, lead: str = "when") -> str | None:
    """Turn a past-tense clause into a question about its date, or None when it cannot be done.

    'big demonstrations erupted in parts of the country' ->
    'When did big demonstrations erupt in parts of the country?'
    'the process was launched' -> 'When was the process launched?'
    'the withdrawal will end' -> 'By what date was the withdrawal to end?' (lead='by')
    """
    words = sentence_case_subject(event.split())
    if len(words) < 2 or words[0].lower() in PRONOUNS | SUBORDINATORS | PREPOSITIONS:
        return None
    passive_at = _passive_verb_at(words)
    for i, word in enumerate(words[1:], start=1):
        bare = _bare(word)
        low = bare.lower()
        previous = words[i - 1].lower()
        if passive_at is not None and i < passive_at:
            continue  # 'workers attached to a project were kidnapped': 'attached' describes
        if low in ("was", "were") and i + 1 < len(words):
            participle = words[i + 1]
            if not is_participle(participle):
                return None
            rest = " ".join(words[i + 2 :])
            subject = " ".join(words[:i])
            start = "By what date" if lead == "by" else "When"
            return _finish(f"{start} {low} {subject} {participle} {rest}")
        if low in ("will", "would") and i + 1 < len(words):
            subject = " ".join(words[:i])
            rest = " ".join(words[i + 1 :])
            start = "By what date" if lead == "by" else "On what date"
            return _finish(f"{start} was {subject} to {rest}")
        if low in ("had", "has", "have", "is", "are", "could", "should", "must", "can"):
            return None
        if previous in SUBJECT_STOP:
            continue
        lemma = past_tense_lemma(bare) if bare.isalpha() and bare.islower() else None
        if lemma:
            subject = " ".join(words[:i])
            rest = _coordinate_base(words[i + 1 :])
            start = "By what date" if lead == "by" else "When"
            return _finish(f"{start} did {subject} {lemma} {rest}")
    return None


def _passive_verb_at(words: list[str]) -> int | None:
    """Where 'was'/'were' + participle stands, when only a describing phrase comes before it."""
    for i, word in enumerate(words[1:], start=1):
        low = word.lower().strip(",")
        if word.endswith(",") or low in ("that", "and", "but") or low in SPEECH_PAST:
            return None
        if low in ("has", "have", "had", "is", "are", "will", "would"):
            return None
        if low in ("was", "were") and i + 1 < len(words) and i >= 3:
            return i if is_participle(words[i + 1]) else None
    return None


@lru_cache(maxsize=4096)
def is_participle(word: str) -> bool:
    """A past participle: 'signed', 'taken', 'hit', 'held' (not only the '-ed' ones)."""
    if word.endswith(("ed", "en", "wn", "un")):
        return True
    from lemminflect import getInflection, getLemma

    if not (word.isalpha() and word.islower()):
        return False
    lemmas = getLemma(word, "VERB")
    return bool(lemmas) and word in getInflection(lemmas[0], "VBN")


def _coordinate_base(words: list[str]) -> str:
    """'... and lifted the caps' -> '... and lift the caps', to follow 'did'."""
    out = list(words)
    for i in range(1, len(out)):
        if out[i - 1] == "and" and out[i].isalpha() and out[i].islower():
            out[i] = past_tense_lemma(out[i]) or out[i]
    return " ".join(out)


@lru_cache(maxsize=4096)
def common_word(word: str) -> bool:
    """Whether a capitalised word is an ordinary English word ('Defense'), not a name."""
    from lemminflect import getAllLemmas

    return word.isalpha() and bool(getAllLemmas(word.lower()))


def sentence_case_subject(words: list[str]) -> list[str]:
    """Lower an ordinary word that only had a capital because it opened the sentence.

    A singular noun standing alone before a past-tense verb is a name ('Bush said',
    'Rice arrived'): English needs an article before a common one.
    """
    if words and words[0] in ("The", "A", "An", "Its", "Their", "Some", "Several", "Many"):
        return [words[0].lower(), *words[1:]]
    if len(words) > 1 and words[1][:1].isupper():
        return words  # 'United States', 'Arab League': a name of several words
    if not words or not words[0][:1].isupper() or not common_word(words[0]) or words[0] == "I":
        return words
    collective = words[0].lower() in ("police", "government", "army", "military", "parliament")
    if len(words) > 1 and past_tense_lemma(words[1]) and _bare_singular_noun(words[0]):
        if collective:
            return [words[0].lower(), *words[1:]]
        return words
    return [words[0].lower(), *words[1:]]


@lru_cache(maxsize=4096)
def _bare_singular_noun(word: str) -> bool:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return set(lemmas) <= {"NOUN", "VERB"} and word.lower() in lemmas.get("NOUN", ())


_SPACES = re.compile(r"\s+")


def _finish(text: str) -> str:
    text = _SPACES.sub(" ", text).strip(" ,;:")
    return capitalise(tidy(text)) + "?"


# An office written in a headline's mixed case: 'secretary of State' (one whole title).
_MIXED_OFFICE = re.compile(
    r"\b(secretary|minister|director|head|chief)(\s+of\s+(?:State|Defen[cs]e|Foreign|Interior|"
    r"Health|Finance|Justice|Staff)\b)"
)
_COUNT_NOUN = re.compile(r"(?<=\s)(Tens|Hundreds|Thousands|Dozens|Scores|Millions)(?= of\b)")
_THE_POSSESSIVE = re.compile(
    r"(?<!\bthe )(?<!\bThe )\b((?:United (?:Kingdom|States|Nations|Arab Emirates)|Netherlands|"
    r"Philippines)['’]s)\b"
)


def tidy(text: str) -> str:
    """Mend what moving a clause into a question breaks: 'When did Tens of thousands' (the
    sentence's first word), 'secretary of State', 'United Kingdom's' without its 'the'."""
    # each mend needs words most questions lack: those are looked for first
    if "of" in text:
        text = _MIXED_OFFICE.sub(lambda m: m.group(1).capitalize() + m.group(2), text)
        text = _COUNT_NOUN.sub(lambda m: m.group(1).lower(), text)
    if "'s" in text or "’s" in text:
        text = _THE_POSSESSIVE.sub(r"the \1", text)
    return text


PLANNED = re.compile(
    r"^(?P<subject>.+?)\s+(?:will|would|(?:is|are|was|were)\s+(?:(?P<expected>expected)\s+|"
    r"(?:due|set|scheduled|slated|planned|going)\s+)?to|plans? to|planned to)\s+"
    r"(?P<verb>[a-z]+)\b(?P<rest>.*)$"
)
SPEECH_LEMMAS = {"say", "tell", "add", "state", "claim", "note", "report", "write", "comment"}
SPEECH_LEMMAS |= {"insist", "stress", "explain", "reply", "answer", "remark"}


def plural_subject(subject: str) -> bool:
    """'the talks', 'the ministers of Chile and Peru' are plural; 'the summit' is not."""
    head = re.split(r"\s+(?:of|from|in|at|for|with|on)\s+", subject, maxsplit=1)[0]
    if re.search(r"\band\b", head):
        return True
    last = head.split()[-1].lower() if head.split() else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is", "'s"))


def planned_question(event: str, lead: str = "when") -> str | None:
    """A question about the date an event was to happen, from a future or past clause.

    'the talks will open in Geneva' -> 'On what date were the talks scheduled to open in Geneva?'
    'the airlift from Kabul will end' -> 'By what date was the airlift from Kabul to end?' (by)
    """
    words = sentence_case_subject(event.split())
    text = " ".join(words)
    found = PLANNED.match(text)
    if found:
        subject, verb, rest = found["subject"], found["verb"], found["rest"]
        expected = bool(found["expected"])
        if " that " in f" {subject} ":
            # 'Medvedev declared that troops would start ...': the troops were to start
            subject = re.split(r"\bthat\s+", subject)[-1]
        elif main_verb(subject.split() + ["x"]) is not None:
            return None
    else:
        verb_at = main_verb(words)
        if verb_at is None:
            return None
        index, lemma = verb_at
        subject, verb, rest = " ".join(words[:index]), lemma, " " + " ".join(words[index + 1 :])
        expected = False
    first = subject.split()[0].lower() if subject.split() else ""
    if not subject or first in PRONOUNS | SUBORDINATORS:
        return None
    be = "were" if plural_subject(subject) else "was"
    if lead == "by":
        return _finish(f"By what date {be} {subject} to {verb}{rest}")
    how = "expected" if expected else "scheduled"
    return _finish(f"On what date {be} {subject} {how} to {verb}{rest}")


def main_verb(words: list[str]) -> tuple[int, str] | None:
    """Where a clause's simple-past main verb stands, and its base form."""
    for i, word in enumerate(words[1:], start=1):
        if words[i - 1].lower() in SUBJECT_STOP or words[i - 1].endswith(("'s", "’s")):
            continue  # 'Tamm's revised order': after a possessive comes no verb
        bare = _bare(word)
        if bare.lower() in ("was", "were", "had", "has", "is", "are", "will", "would"):
            return None
        lemma = past_tense_lemma(bare) if bare.isalpha() and bare.islower() else None
        if lemma:
            return i, lemma
    return None


def is_statement(event: str) -> bool:
    """'Bush said he had sent Rice': the clause dates the saying, not an event."""
    found = main_verb(event.split())
    return found is not None and found[1] in SPEECH_LEMMAS
