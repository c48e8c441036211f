"""Cutting the clause around a fact out of its sentence, as a short phrase for a question."""

from __future__ import annotations

import re

from quizkit.extract.text import Sentence

# Words that lead into a date and mean nothing without it.
_LEAD = re.compile(
    r"(?:\b(?:on|by|in|since|until|till|from|of|as of|starting|beginning|before|after|at|with|"
    r"among|including|namely|"
    r"late|early|mid|through|between|for|effective|dated|as early as|no later than)\s*)+$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:—–]|\s-\s|,\s)\s*")
# A clause that starts with a verb ("will end", "resumed") lacks its subject.
_PREDICATE = re.compile(
    r"(?!(?:the|a|an|this|that|these|those|he|she|it|they|we|i|you|his|her|its|their|our"
    r"|some|many|all|both|each|no|one|two|three)\b)[a-z]"
)
# Parentheses, brackets, quotes and a wire dateline ("NEW DELHI, Sept. 9 (AP) —") are
# blanked out, keeping offsets.
_BLANKED = re.compile(
    r"\([^)]*\)|\[[^\]]*\]|[“”\"‘]|^[A-Z][A-Z .'\-]{2,},[^—–]{0,60}(?:[—–]|\s-\s)"
)
_RELATIVE_PRONOUN = re.compile(r"(?:which|that|who)\b", re.IGNORECASE)
_CONTRAST = re.compile(r"\s+(?:but|while|whereas|according to)\s+")
_PARENTHESES = re.compile(r"\([^)]*\)")
_LEADING_CONJUNCTION = re.compile(r"^(?:and|but|while|whereas|as)\s+")
# Words a phrase cut short must not end on.
_DANGLING = frozenset(
    ["the", "a", "an", "to", "of", "on", "in", "at", "and", "or", "for", "with", "by", "from"]
)
_CONJUNCTION = re.compile(r"(?:and|but|while|as|after|according to)\b")


def event_phrase(sentence: Sentence, start: int, end: int) -> str:
    """The clause around text[start:end] without it, in a short form usable in a question.

    Leading prepositions, parentheses, quotes and attributions are dropped; a
    relative clause ("..., which began on ...") takes its antecedent and a bare
    predicate ("..., will end by ...") the sentence's subject.
    """
    s = _BLANKED.sub(lambda m: " " * len(m.group()), sentence.text)
    a, b = start - sentence.start, end - sentence.start
    left, right = s[:a], s[b:]
    left = _LEAD.sub("", left.rstrip()).rstrip()
    left_clause = _LEADING_CONJUNCTION.sub("", _last_clause(left))
    if _RELATIVE_PRONOUN.match(left_clause):
        antecedent = _last_clause(left[: left.rfind(left_clause)].rstrip(" ,"))
        left_clause = f"{antecedent} {left_clause.partition(' ')[2]}"
    elif _PREDICATE.match(left_clause):
        subject = _first_clause(s)
        if subject and not left_clause.startswith(subject):
            left_clause = f"{subject} {left_clause}"
    right_clause = _first_clause(right)
    if not left_clause:
        phrase = right_clause
    elif right.lstrip().startswith((",", ".", ";")) or _CONJUNCTION.match(right_clause):
        phrase = left_clause
    else:
        phrase = f"{left_clause} {right_clause}"
    return tidy(phrase)


def _last_clause(text: str) -> str:
    parts = _CLAUSE_BREAK.split(text)
    for part in reversed(parts):
        if part.strip():
            return part.strip()
    return ""


def _first_clause(text: str) -> str:
    text = text.lstrip(" ,")
    parts = _CLAUSE_BREAK.split(text, maxsplit=1)
    clause = parts[0] if parts else ""
    clause = _CONTRAST.split(clause, maxsplit=1)[0]
    return clause.strip()


def tidy(phrase: str) -> str:
    phrase = _PARENTHESES.sub("", phrase)
    phrase = phrase.replace("’", "'")
    phrase = " ".join(phrase.split()).strip(" ,.;:-—")
    words = phrase.split()
    if len(words) < 2:
        return ""
    if len(words) > 16:
        words = words[:16]
        while words and words[-1].lower() in _DANGLING:
            words.pop()
        if len(words) < 2:
            return ""  # nothing but small words: no event to name
        phrase = " ".join(words)
    if words[0] in ("But", "And", "However,", "Also,", "Meanwhile,"):
        words = words[1:]
        phrase = " ".join(words)
    if words and words[0] in ("The", "A", "An", "It", "He", "She", "They", "We"):
        phrase = phrase[0].lower() + phrase[1:]
    return phrase
