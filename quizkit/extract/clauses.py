"""Cutting the clause around a fact out of its sentence, as a short phrase for a question."""

from __future__ import annotations

import re

from quizkit.extract.text import Sentence

# Words that lead into a date and mean nothing without it.
_LEAD = re.compile(
    r"(?:\b(?:on|by|in|since|until|till|from|of|as of|starting|beginning|before|after|at|"
    r"late|early|mid|through|between|for|effective|dated|as early as|no later than)\s*)+$",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"\s*(?:[;:—–]|\s-\s|,\s)\s*")
_AUXILIARY = re.compile(
    r"(?:will|would|is|was|are|were|has|had|have|could|should|must|can|began|started|ended)\b"
)
_CONJUNCTION = re.compile(r"(?:and|but|while|as|after|according to)\b")


def event_phrase(sentence: Sentence, start: int, end: int) -> str:
    """The clause around text[start:end] without it, in a short form usable in a question.

    Leading prepositions, parentheses, quotes and attributions are dropped; a
    relative clause ("..., which began on ...") takes its antecedent and a bare
    predicate ("..., will end by ...") the sentence's subject.
    """
    s = re.sub(r"\([^)]*\)|\[[^\]]*\]", lambda m: " " * len(m.group()), sentence.text)
    s = re.sub(r"[“”\"‘]", " ", s)
    a, b = start - sentence.start, end - sentence.start
    left, right = s[:a], s[b:]
    left = _LEAD.sub("", left.rstrip()).rstrip()
    left_clause = _last_clause(left)
    if re.match(r"(?:which|that|who)\b", left_clause, re.I):
        antecedent = _last_clause(left[: left.rfind(left_clause)].rstrip(" ,"))
        left_clause = f"{antecedent} {left_clause.partition(' ')[2]}"
    elif _AUXILIARY.match(left_clause):
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
    clause = re.split(r"\s+(?:but|while|whereas|according to)\s+", clause, maxsplit=1)[0]
    return clause.strip()


def tidy(phrase: str) -> str:
    phrase = re.sub(r"\([^)]*\)", "", phrase)
    phrase = phrase.replace("’", "'")
    phrase = re.sub(r"\s+", " ", phrase).strip(" ,.;:-—")
    words = phrase.split()
    if len(words) < 2:
        return ""
    if len(words) > 16:
        phrase = " ".join(words[:16])
    if words[0] in ("But", "And", "However,", "Also,", "Meanwhile,"):
        words = words[1:]
        phrase = " ".join(words)
    if words and words[0] in ("The", "A", "An", "It", "He", "She", "They", "We"):
        phrase = phrase[0].lower() + phrase[1:]
    return phrase
