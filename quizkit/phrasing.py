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
        or any(w in ("Republic", "Kingdom", "Islands", "Emirates") for w in words)
        or name in ("Netherlands", "Philippines", "Bahamas", "Maldives", "Seychelles", "Comoros")
        or name.startswith("Gambia")
    )
    return f"the {name}" if needs_the else name


def org_name(org: str) -> str:
    """An organisation mid-sentence: 'the CSTO', 'the UN', 'NATO'."""
    return org if org in NO_ARTICLE_ORGS else f"the {org}"


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


SUBJECT_STOP = {"the", "a", "an", "of", "in", "on", "to", "for", "from", "and", "its", "his", "her"}


def when_question(event: str, lead: str = "when") -> str | None:
    """Turn a past-tense clause into a question about its date, or None when it cannot be done.

    'big demonstrations erupted in parts of the country' ->
    'When did big demonstrations erupt in parts of the country?'
    'the process was launched' -> 'When was the process launched?'
    'the withdrawal will end' -> 'By what date was the withdrawal to end?' (lead='by')
    """
    words = sentence_case_subject(event.split())
    if len(words) < 2 or words[0].lower() in PRONOUNS | SUBORDINATORS:
        return None
    for i, word in enumerate(words[1:], start=1):
        bare = re.sub(r"[^\w'-]", "", word)
        low = bare.lower()
        previous = words[i - 1].lower()
        if low in ("was", "were") and i + 1 < len(words):
            participle = words[i + 1]
            if not participle.endswith(("ed", "en", "wn", "un")):
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
    """Lower an ordinary word that only had a capital because it opened the sentence."""
    if words and words[0][:1].isupper() and common_word(words[0]) and words[0] != "I":
        return [words[0].lower(), *words[1:]]
    return words


def _finish(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip(" ,;:")
    return capitalise(text) + "?"
