"""The event a date belongs to: its clause, whether it is only a statement, where, and when.

A date modifies one clause of its sentence. In "X said on Monday that the ship
would sail on March 28", Monday modifies the reporting clause ("X said that the
ship would sail", a statement) and March 28 the reported one ("the ship would
sail"). The event is written as a clause that stands on its own: other dates
and relative words are left out, and a pronoun subject is replaced by the
person the text last named.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizkit.extract.clauses import tidy
from quizkit.extract.gazetteer import is_place_word, place_named, place_of_demonym

# Present forms that are also common nouns ("states", "reports", "claims") are left out.
_REPORTING_VERBS = (
    "said|says|say|told|tells|announced|announces|stated|added|adds|reported"
    "|confirmed|confirms|declared|declares|claimed|warned|warns|insisted|insists"
    "|noted|stressed|stresses|explained|explains|wrote|writes|argued|argues|revealed"
    "|reveals|disclosed|acknowledged|admitted|denied|denies|indicated|asserted|predicted"
)
# Not a passive ("were reported killed"): a statement has a speaker. The word start and the
# verbs' first letters come first: they fail fast where no verb begins.
_REPORTING = re.compile(
    rf"\b(?=[satrcdwinep])(?<!were )(?<!was )(?<!been )(?<!are )(?<!is )(?<!be )"
    rf"(?:{_REPORTING_VERBS})\b"
)
# A trailing attribution: ", officials said." / ", the ministry said on Monday."
_TRAILER = re.compile(
    rf",\s+(?:(?:[\w'’.\-]+\s+){{1,6}}(?:{_REPORTING_VERBS})|said|says|according\s+to)\b[^,;]*$"
)
_INFINITIVE_LEAD = (
    "sent|send|sends|asked|invited|plans?|planning|hopes?|wants?|intends?|agreed|decided"
    "|going|about|set|due|expected|scheduled|ready|prepared|promised|vowed|pledged|threatened"
    "|is|are|was|were|aims?|seeks?|seeking|travel|travels|fly|flies|head|heads"
)
# Words that open a reported clause or a new clause of the sentence. The first character is
# read once, then which one it was: the scan skips quickly to the few places one can begin.
_CLAUSE_OPENERS = re.compile(
    r"[,;—–:\s](?:(?<=,)\s+(?=(?:which|who|due\s+to|set\s+to|scheduled\s+to|expected\s+to"
    r"|slated\s+to)\b)"
    r"|(?<=[;—–])|(?<=:)(?!\d)|(?<=\s)-\s|(?<=,)\s+(?:and|but|while|whereas|although|though"
    r"|as|after|before|when|because|since|where)\s"
    r"|(?<=\s)(?:that|and then|but|while|whereas|although|because)\s)"
)
_AUX = re.compile(
    r"\b(?:will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had"
    r"|did|does|do|'ll|’ll)\b|\b[a-z]{3,}ed\b"
)
# Markers that put a clause ahead of the time it is told from (all begin with a small letter
# or an apostrophe, which the scan checks first at a word's edge).
_FUTURE_LEFT = re.compile(
    rf"""\b(?=[a-z'’])
      (?:\b(?:will|shall|would(?!\s+have)|'ll|’ll|going\ to|(?:is|are|was|were)\ (?:due\ )?to
        |to\ be\ (?:held|signed|launched|opened|released|published|sworn|inaugurated)
        |scheduled|expected|due(?!\ to\ (?:the|a|an|his|her|its|their)\b)|set\ to|plans?\ to
        |planned|planning|intends?\ to|aims?\ to
        |next|upcoming|forthcoming|later\ this
        |leaves|arrives|opens|begins|starts|ends|closes|meets|travels|visits|departs|returns
        |resumes|heads|flies|takes\ place|kicks\ off|goes\ on\ trial)\b
      | \b(?:{_INFINITIVE_LEAD})\ (?:\w+\ ){{0,6}}?to\ (?!the\b|a\b|an\b|his\b|her\b|its\b
        |their\b|our\b|this\b|that\b|court\b|power\b|office\b|jail\b|prison\b|death\b
        |hospital\b)[a-z]+\b)""",
    re.VERBOSE,
)
_FUTURE_RIGHT = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:will|shall|'ll|’ll|is\s+(?:due|scheduled|expected|set)\s+to"
    r"|are\s+(?:due|scheduled|expected|set)\s+to|is\s+to|are\s+to)\b"
)
# A past participle after a noun, right before its date: "an accord signed (here) Saturday".
_PARTICIPLE_BEFORE = re.compile(
    r"\b(?!(?:will|be|been|being|to|would|shall|is|are|was|were|has|have|had|get|gets)\b)"
    r"[a-z]+ (?!(?:scheduled|planned|expected|slated|proposed|called|set)\b)"
    r"(?:[a-z]{2,}ed|held|made|won|sent|reached|struck|given|taken|agreed|begun)"
    r"(?: (?:here|there|in [A-Z]\w+))? (?:on |last )?$"
)
# A deadline: "presented by April 11", "done by Friday".
_DEADLINE_BY = re.compile(r"\b(?:[a-z]{2,}ed|done|made|given|taken|paid|sent|met|in place) by $")
_PAST_AUXILIARY = re.compile(r"\b(?:was|were|had|did)\b")
_PRONOUN_SUBJECT = re.compile(r"^(?:he|she|He|She)\b")
# Titles and names: a run of capitalised words, the actor a later "he" or "she" refers to.
_NOT_NAME_STARTS_WORDS = "The On In At A An For By From With After Before But And As When While"
_NOT_NAME_STARTS = frozenset(f"{_NOT_NAME_STARTS_WORDS} Last This That".split())
_NAME = re.compile(
    r"\b([A-Z][a-z]+(?:\s(?:al-|bin\s|de\s|van\s|von\s)?[A-Z][\w’']*(?:-[\w’']+)*){0,3})"
    r"(?P<verb>\s+(?:has\s+|had\s+)?(?:[a-z]{2,}ed|said|says|told|met|went|left|took|is|was)\b)?"
)
_PLACE = re.compile(
    r"\b(?P<prep>in|at|near|outside|inside|from)\s+(?:the\s+(?=[A-Z]))?"
    r"(?P<name>(?:[A-Z][\w\-’'.]*)(?:\s+(?:[A-Z][\w\-’']*|of|de|del|la|el)){0,3}"
    r"(?:,\s+[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+)?)?)"
)
_NOT_PLACES_WORDS = """
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Parliament Congress Senate Court
    English French Spanish Arabic Russian Chinese Christmas Easter The A An This That His Her
    Its Their Our Internet Twitter Facebook"""
_NOT_PLACES = frozenset(_NOT_PLACES_WORDS.split())
_ORGANISATION_WORDS_TEXT = """
    Nations Union Council Organization Organisation Ministry Party Committee Agency Office
    Commission Assembly Court Bank Fund Forces Army Navy Police Department House Government
    League Group Movement Front Alliance Force Conference Summit Treaty Agreement Street
    University Service News Press Times Post Island Sea River Mountains"""
_ORGANISATION_WORDS = frozenset(_ORGANISATION_WORDS_TEXT.split())
_RELATIVE_WORDS = re.compile(
    r"\b(?:today|tonight|tomorrow|yesterday|this\s+(?:morning|afternoon|evening|week)"
    r"|earlier\s+(?:today|this\s+week)|later\s+(?:today|this\s+week))\b",
    re.IGNORECASE,
)
_LEAD = re.compile(
    r"(?:\b(?:on|by|in|since|until|till|from|as of|starting|beginning|before|after|at|"
    r"late|early|mid|through|between|for|effective|dated|as early as|no later than|the|over"
    r"|around|about|circa|to|and)\s*|[-–]\s*)+$",
    re.IGNORECASE,
)
_OTHER_LEAD = re.compile(
    r"(?:\b(?:on|by|since|until|from|late|early|of|to|and|through|over|between|around|earlier"
    r"|later)\s+|[-–]\s*)$",
    re.IGNORECASE,
)
# "..., the ministry said" at the end of a clause: the speaker, after the reported words.
_SPEAKER = re.compile(rf",\s+((?:[\w'’.\-]+\s+){{0,6}}?(?:{_REPORTING_VERBS}))\b[^,]*$")
_EMBEDDED_RELATIVE = re.compile(r",\s+(?:which|who)\b[^,;]*,(?=[^,;]*$)")
_CLAUSE_END = re.compile(
    r"[;—–]|:(?!\d)|\s-\s|,\s+(?:and|but|while|whereas|although|as|after)\s|,\s+[a-z]+ing\b"
)
# Words that link a sentence to the one before and belong to no clause.
_SENTENCE_ADVERB = re.compile(
    r"^(?:(?:also|however|meanwhile|earlier|later|then|separately|in addition|moreover|still"
    r"|furthermore|finally|now|and|but|so)\b[\s,]*)+",
    re.IGNORECASE,
)
# A date written as a modifier of the next noun: "after Friday prayers", "her Sunday visit".
_ATTRIBUTIVE = re.compile(
    r"\s+(?:prayers|visit|meeting|talks|summit|vote|election|elections|hearing|deadline|session"
    r"|broadcast|speech|ceremony|attack|attacks|raid|poll|rally|strike|service|sermon|protests?"
    r"|address|announcement|statement|trip|game|match)\b"
)
# A clause-opening phrase with no verb of its own: the date's event is the main clause after it.
_FRONTED = re.compile(
    r"^(?:in|during|at|after|before|over|speaking|addressing|following|with|on|amid|since)\b"
    r"(?![^,]*\b(?:said|says|told|announced)\b)",
    re.IGNORECASE,
)
_DAYPART = re.compile(r"\s+(?:morning|afternoon|evening|night)\b")
_REDUCED_RELATIVE = re.compile(r"^(?:due|set|scheduled|expected|planned|slated)\s+to\b")
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|its|their|our)\s")
_PARTICIPLE_TAIL = re.compile(r",\s+[a-z]+ing\b")
_FINITE = re.compile(r"\b[a-z]{3,}(?:ed|ized|ised)\b")
_FINITE_PART = re.compile(
    r"\b(?:[a-z]{3,}ed|will|would|is|are|was|were|has|have|had|met|began|said|told|left)\b"
)
_SAID_BY = re.compile(
    r"\b([A-Z][\w’'\-]+(?:\s[A-Z][\w’'\-]+){0,3})\s+(?:said|says|told|added|announced|insisted)\b"
)
_OPENING = re.compile(r"^(?:that|and|but|while|whereas|although|though|as|when|because|so)\s+")
_RELATIVE_PRONOUN = re.compile(r"^(?:which|who|that)\s+")
_SUBJECT = re.compile(r"^(.*?)\s+(?=\b(?:[a-z]{3,}ed|will|would|is|are|was|were|has|have|had)\b)")
_STARTS_WITH_VERB = re.compile(
    r"^(?:[a-z]{3,}(?:ed|es)|will|would|is|are|was|were|has|have|had|met|began|left|went"
    r"|took|came|made|held|said|told|won|lost|ran|fell|rose|sent|set|put|led|saw)\b"
)
# Brackets, quotation marks and lone apostrophes, blanked before a date's clause is read. The
# first character is read once, then which one it was (a lone apostrophe has no letter before).
_BLANK = re.compile(
    r"[(\[“”\"‘’'](?:(?<=\()[^)]*\)|(?<=\[)[^\]]*\]|(?<=[“”\"])|(?<!\w.)(?<=[‘’'])(?!\w))"
)


@dataclass(frozen=True)
class DatedEvent:
    """What a date in a sentence dates."""

    event: str
    place: str | None
    reporting: bool
    future: bool


def dated_event(
    sentence: str,
    start: int,
    end: int,
    other_dates: list[tuple[int, int]],
    actor: Callable[[], str | None],
) -> DatedEvent:
    """The event dated by sentence[start:end] (offsets inside the sentence).

    `other_dates` are the spans of the sentence's other date expressions, left
    out of the event; `actor` finds the person a pronoun subject stands for.
    """
    s = _BLANK.sub(_blank, sentence)
    for a, b in other_dates:
        s = _blank_with_lead(s, a, b)
    if "week" in s or "orning" in s or "vening" in s or "fternoon" in s:
        s = _RELATIVE_WORDS.sub(_blank, s)  # other relative days are date mentions, blanked above
    daypart = _DAYPART.match(s, end)
    if daypart:
        end = daypart.end()  # "Friday morning": the part of the day goes with the date
    s = s[:start] + " " * (end - start) + s[end:]
    right = s[end:]
    left = s[:start].rstrip()
    if not _ATTRIBUTIVE.match(right):
        lead = (
            _LEAD.search(left, _lead_floor(left, max(0, len(left) - 80)))  # a lead is a few words
            if _may_end_a_lead(left)
            else None
        )
        left = (left[: lead.start()] if lead else left).rstrip(" ,")
    left = _EMBEDDED_RELATIVE.sub(_blank, left)
    if _FRONTED.match(left) and not _FINITE_PART.search(left):
        # "In talks with X on Monday, the envoy agreed": the main clause follows the comma
        comma = right.find(",")
        if comma >= 0 and not _FINITE_PART.search(right, 0, comma):
            left, right = "", right[comma:]
    speaker, right = _cut_trailer(right)
    reporting, left_clause = _left_clause(left)
    future = bool(_FUTURE_LEFT.search(left_clause))
    if not reporting:
        right_clause = _right_clause(right, bool(left_clause.strip()))
        future = future or bool(_FUTURE_RIGHT.search(right_clause))
        if not left_clause:
            reporting, right_clause = _reporting_ahead(right_clause, right)
    else:
        right_clause = _complement(right)
    before = s[max(0, start - 40) : start]
    if future and _PARTICIPLE_BEFORE.search(before):
        future = False  # "will receive aid under an accord signed Saturday": done already
    elif not (future or reporting) and _DEADLINE_BY.search(before):
        future = not _PAST_AUXILIARY.search(left_clause)  # "to be submitted by April 11"
    if _RELATIVE_PRONOUN.match(left_clause):
        head = left[: left.rfind(left_clause)]
        left_clause = f"{_antecedent(head)} {_RELATIVE_PRONOUN.sub('', left_clause)}"
    elif _REDUCED_RELATIVE.match(left_clause):
        head = left[: left.rfind(left_clause)]
        left_clause = f"{_antecedent(head)} is {left_clause}"
    elif _STARTS_WITH_VERB.match(left_clause):
        left_clause = f"{_subject(left_clause, s, start)} {left_clause}".strip()
    elif not left_clause and _STARTS_WITH_VERB.match(right_clause):
        left_clause = _subject(right_clause, s, start)
    phrase = f"{left_clause} {right_clause}".strip(" ,")
    if speaker and reporting and phrase:
        phrase = f"{speaker} that {_lower_first(phrase)}"
    if _PRONOUN_SUBJECT.match(phrase):
        name = _speaker_before(s, start) or actor()
        if name:
            phrase = name + phrase[phrase.index(" ") :] if " " in phrase else name
    place = None if reporting else _place(f"{left_clause} {right_clause}")
    return DatedEvent(
        tidy(_without_dangling_tail(phrase)), place, reporting, future and not reporting
    )


# The last word of each _LEAD alternative: a lead ends the text with one of them or a dash.
_LEAD_LAST_WORDS_TEXT = """on by in since until till from of starting beginning before after at
    late early mid through between for effective dated as than the over around about circa to and"""
_LEAD_LAST_WORDS = tuple(_LEAD_LAST_WORDS_TEXT.split())


def _may_end_a_lead(left: str) -> bool:
    """Whether `left` (no trailing space) may end with a _LEAD match: most text before a date
    ends with none of its words, and the end-anchored pattern need not be tried then. Text
    with other than ASCII near its end is left to the pattern (its case-blind matching)."""
    tail = left[-16:]
    return not tail.isascii() or tail.lower().endswith(_LEAD_LAST_WORDS) or tail.endswith("-")


_LEAD_WORDS_TEXT = """on by in since until till from as of starting beginning before after at
    late early mid through between for effective dated no later than the over around about circa
    to and"""
_LEAD_WORDS = frozenset(_LEAD_WORDS_TEXT.split())
# The end of a text that a lead could be, reversed: white space, dashes and whole lead words.
_LEAD_TAIL_REVERSED = re.compile(
    r"(?:[\s\-]|(?:" + "|".join(w[::-1] for w in sorted(_LEAD_WORDS)) + r")(?![A-Za-z]))*",
    re.IGNORECASE,
)


def _lead_floor(left: str, low: int) -> int:
    """The first place from `low` where a _LEAD match ending `left` can begin: after the last
    word, or character, that no lead is made of (read backwards from the end). The end-anchored
    pattern is then tried at a few places, not at every one. Text other than ASCII is left to
    the pattern (its case-blind matching)."""
    tail = left[low:]
    if not tail.isascii():
        return low
    return len(left) - _LEAD_TAIL_REVERSED.match(tail[::-1]).end()  # type: ignore[union-attr]


def _without_dangling_tail(phrase: str) -> str:
    """ "talks were held and ,": what another date of the sentence left behind goes."""
    words = phrase.replace(",", " , ").split()
    while words and words[-1].lower() in (",", "and", "or", "but"):
        words.pop()
    return " ".join(words).replace(" , ", ", ")


def _speaker_before(s: str, limit: int) -> str | None:
    """ "Vale said he would ...": the named speaker a reported "he" or "she" stands for."""
    found = None
    for m in _SAID_BY.finditer(s, 0, limit):
        words = m.group(1).split()
        while words and words[0] in _NOT_NAME_STARTS:
            words = words[1:]
        if words and words[-1] not in _NOT_PLACES:
            found = " ".join(words)
    return found


def _blank(m: re.Match[str]) -> str:
    return " " * len(m.group())


def _cut_trailer(right: str) -> tuple[str | None, str]:
    """Cut ", officials said." off the end; returns who said it ("officials said") and the rest."""
    # No comma follows a trailer's opening comma, so only the last comma can open one.
    comma = right.rfind(",")
    m = _TRAILER.match(right, comma) if comma >= 0 else None
    if not m:
        return None, right
    tail = right[m.start() :]
    verb = _REPORTING.search(tail)
    if verb is None and "according" not in tail:
        return None, right  # "were reported killed": a passive, no attribution
    if verb and (" that " in tail[verb.end() :] or _AUX.search(tail[verb.end() :])):
        return None, right
    speaker = " ".join(tail.strip(" ,.;").split())
    return speaker, right[: m.start()]


def _reporting_ahead(clause: str, right: str) -> tuple[bool, str]:
    """ "On Monday, X told reporters that ...": the date leads a reporting clause."""
    text = right.lstrip(" ,")
    verb = _REPORTING.search(text, 0, 120)
    if not verb or _CLAUSE_OPENERS.search(text, 1, verb.start()):
        return False, clause
    if _AUX.search(text[: verb.start()]) or len(text[: verb.start()].split()) > 8:
        return False, clause
    subject = text[: verb.start()].strip(" ,")
    if "," in subject:
        subject = subject.split(",")[0]  # "the chief, Ola Brand, warned": the apposition goes
    return True, f"{subject} {verb.group()} {_complement(text[verb.end() :])}"


def _complement(right: str) -> str:
    """What a reporting verb reports: its object and the clause after "that"."""
    text = right.strip(" ,")
    m = _CLAUSE_END.search(text)
    return text[: m.start()] if m else text


def _blank_with_lead(s: str, a: int, b: int) -> str:
    """Blanks for another date of the sentence and the preposition that leads into it."""
    lead = _OTHER_LEAD.search(s, max(0, a - 16), a)
    start = lead.start() if lead else a
    return s[:start] + " " * (b - start) + s[b:]


def _left_clause(left: str) -> tuple[bool, str]:
    """The clause a date ends (its left side) and whether it is a reporting clause.

    "X said on Monday", "X told reporters on Monday": the date follows the
    reporting verb with no clause between, so it dates the statement. "..., X
    said on Monday" is rewritten as "X said that ...".
    """
    cut = 0
    for m in _CLAUSE_OPENERS.finditer(left):
        if m.end() > 0:
            cut = m.end()
    clause = _OPENING.sub("", left[cut:].strip(" ,"))
    clause = _SENTENCE_ADVERB.sub("", clause)
    verb = None
    for m in _REPORTING.finditer(clause):
        verb = m
    if verb is None:
        return False, clause
    between = clause[verb.end() :]
    if len(between.split()) > 4 or _AUX.search(between):
        return False, between.strip(" ,") or clause
    said = _SPEAKER.search(clause, 0, verb.end())
    if said and said.start() > 0:
        reported = clause[: said.start()].strip(" ,")
        return True, f"{clause[said.start() :].strip(' ,')} that {_lower_first(reported)}"
    return True, clause


def _lower_first(text: str) -> str:
    """ "The ship sails" inside a longer clause: "the ship sails"."""
    first, _, rest = text.partition(" ")
    if first in ("The", "A", "An", "We", "It", "They", "This", "There", "Our", "Its"):
        return f"{first.lower()} {rest}"
    return text


def _right_clause(right: str, has_left: bool) -> str:
    """The rest of the date's clause after it; "On Monday, the cabinet resigned" keeps it all."""
    text = right.lstrip()
    if text.startswith((",", ".", ";", ":", "—", "–")):
        if has_left or not text.startswith(","):
            return ""
        return _first_clause(text.lstrip(" ,"))
    return _first_clause(text)


def _first_clause(text: str) -> str:
    m = _CLAUSE_OPENERS.search(text, 1)
    clause = text[: m.start()] if m else text
    cut = _PARTICIPLE_TAIL.search(clause)
    if cut:
        clause = clause[: cut.start()]
    head, comma, rest = clause.partition(",")
    if comma and _FRONTED.match(head) and not _FINITE_PART.search(head):
        return _first_clause(rest.lstrip(" ,"))  # "in the deadliest day of fighting, ..."
    if "," in clause:
        head, _, rest = clause.partition(",")
        if not _AUX.search(head) and not _FINITE.search(head):
            # "forty leaders, including X and Y, criticized ...": skip the apposition
            verb = _FINITE_PART.search(rest)
            if verb:
                return f"{head.strip()} {rest[verb.start() :].split(',')[0].strip()}"
        clause = head if len(head.split()) >= 3 or not rest.strip() else clause
    return clause.strip(" ,")


def _antecedent(text: str) -> str:
    """The noun phrase a relative clause hangs on: the clause's last one after its verb."""
    text = text.rstrip(" ,")
    cut = 0
    for m in _CLAUSE_OPENERS.finditer(text):
        cut = m.end()
    clause = _OPENING.sub("", text[cut:].strip(" ,"))
    determiner = None
    for m in _DETERMINER.finditer(clause):
        determiner = m
    if determiner and determiner.start() > 0 and _AUX.search(clause, 0, determiner.start()):
        return clause[determiner.start() :]
    return clause


def _subject(predicate: str, s: str, limit: int) -> str:
    """The sentence's subject, for a clause that starts with its verb."""
    head = s[:limit].strip(" ,")
    m = _SUBJECT.match(head)
    if not m:
        return ""
    subject = m.group(1).strip(" ,")
    cut = 0
    for c in _CLAUSE_OPENERS.finditer(subject):
        cut = c.end()
    subject = subject[cut:].strip(" ,")
    return "" if predicate.startswith(subject) else subject


def _place(clause: str) -> str | None:
    """Where the clause says its event happened: "in Geneva", "at the Hague", "from Tallinn"."""
    found: list[tuple[bool, str]] = []
    for m in _PLACE.finditer(clause):
        name = m["name"].rstrip(".,")
        first = name.split()[0].rstrip(",")
        if first in _NOT_PLACES or place_of_demonym(first) or first.isupper():
            continue
        if re.match(r"\s+[a-z]", clause[m.end() :]) and " the " in m.group():
            continue  # "in the Western town of ...": a modifier, not a name
        if name.endswith(("'s", "’s")) or clause.startswith(("'s", "’s"), m.end()):
            continue  # "in Germany's position": a possessor, not a place
        if "," in name:
            town, _, country = name.partition(",")
            if not place_named(country.strip()) or clause.startswith(" and", m.end()):
                name = town
        while name.split()[-1] in ("of", "de", "del", "la", "el"):
            name = name.rsplit(" ", 1)[0]
        found.append((m["prep"] == "from", name))
    return min(found, key=lambda f: f[0])[1] if found else None


def last_actor(text: str, start: int, end: int) -> str | None:
    """The last person-like name in text[start:end] ("Prime Minister Ana Lopez")."""
    found = None
    for m in _NAME.finditer(text, start, end):
        words = m.group(1).split()
        while words and words[0] in _NOT_NAME_STARTS:
            words = words[1:]
        if len(words) < (1 if m["verb"] else 2) or words[-1] in _NOT_PLACES:
            continue
        if words[0] in _NOT_PLACES or _ORGANISATION_WORDS & set(words) or is_place_word(words[-1]):
            continue
        found = " ".join(words)
    return found
