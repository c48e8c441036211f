"""Numbers worth a question: quantities together with what they count.

A number is a quantity when the text says what it counts: a noun after it
("2,000 troops", "a three-day visit"), money or a share ("$5-billion", "325 mln
dlrs", "7.25 pct"), an age, a magnitude, people killed or injured, or a group it
is part of ("11 of his colleagues"). The two ends of a range are both kept.
Dates, years, times of day, ordinals and numbers inside names are not
quantities. Every pattern here is anchored or bounded, so reading is linear.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from quizkit.extract.facts import NumberFact, Provenance
from quizkit.extract.gazetteer import place_of_demonym
from quizkit.extract.text import Sentence, lowered

_SMALL_NUMBERS = """zero one two three four five six seven eight nine ten eleven twelve thirteen
    fourteen fifteen sixteen seventeen eighteen nineteen twenty"""
_WORDS = {w: i for i, w in enumerate(_SMALL_NUMBERS.split()) if i >= 1}
_TENS = {"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80}
_TENS |= {"ninety": 90, "twenty": 20}
_WORDS |= _TENS | {"dozen": 12, "a": 1}
_UNIT_WORDS = [w for w, i in _WORDS.items() if 1 <= i <= 9 and w != "a"]
_WORDS |= {f"{t}-{u}": _TENS[t] + _WORDS[u] for t in _TENS for u in _UNIT_WORDS}
_SCALES = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bln": 10**9,
    "bn": 10**9,
    "trillion": 10**12,
    "k": 1_000,
}
_FRACTIONS = {"half": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4}


def _trie_pattern(words: list[str]) -> str:
    """An alternation of words written as a trie, so a failing match stops at its first letter."""
    heads: dict[str, list[str]] = {}
    ends = False
    for word in words:
        if word:
            heads.setdefault(word[0], []).append(word[1:])
        else:
            ends = True
    branches = [re.escape(h) + _trie_pattern(rest) for h, rest in sorted(heads.items())]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    return f"(?:{body})?" if ends else body


_BASE_WORDS = sorted(w for w in _WORDS if w != "a" and "-" not in w)
_WORD_ALTERNATIVES = f"{_trie_pattern(_BASE_WORDS)}(?:-{_trie_pattern(_UNIT_WORDS)}(?![\\w-]))?"
# Matched on lower-cased text. A word number is "a" only before a scale ("a thousand").
_NUMBER = re.compile(
    rf"""
    (?=[\d$€£¥otfsenda])
    (?:(?P<cur>[$€£¥])|(?<![\w\-/.,:+#№$€£¥]))
    (?:
        (?P<digits>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)
      | \b(?P<word>{_WORD_ALTERNATIVES}|a(?=\s+(?:dozen|hundred|thousand|million|billion)\b))
        (?:\b|(?=-?fold\b))
    )
    """,
    re.VERBOSE,
)
# Every number _NUMBER reads has a digit or a part of a number word (_has_number_word)
# in it: a sentence with neither is not scanned. (A substring test per part is faster
# than one scan for all of them.)
_DIGIT = re.compile(r"\d")
_DIGIT_ASCII = re.compile("[0-9]")


def _has_number_word(piece: str) -> bool:
    """Whether lower-cased text holds a part of a number word ("thirt" of "thirty")."""
    return (
        "one" in piece
        or "two" in piece
        or "three" in piece
        or "four" in piece
        or "five" in piece
        or "six" in piece
        or "seven" in piece
        or "eight" in piece
        or "nine" in piece
        or "ten" in piece
        or "eleven" in piece
        or "twelve" in piece
        or "thirt" in piece
        or "fort" in piece
        or "fift" in piece
        or "twent" in piece
        or "dozen" in piece
        or "hundred" in piece
        or "thousand" in piece
        or "million" in piece
        or "billion" in piece
    )


_MAGNITUDE_FIRST = re.compile(r"(?<=magnitude-)(?P<cur>)(?P<digits>\d+(?:\.\d+)?)(?P<word>)")
_AFTER = re.compile(
    r"""(?P<half>\s+and\s+a\s+half)?
    (?:(?P<sep>\s|-)?(?P<scale>hundred|thousand|million|billion|trillion|mln|bln|bn)\b
      | (?P<short>m|k)\b)?
    (?P<money>\s+(?:u\.s\.\ )?(?:dlrs|dollars|euros|yen|pounds|sterling|francs|marks|yuan|rupees
        |rubles|roubles|pesos|won|lire|riyals|dinars|cts|cents)\b)?
    (?P<pct>\s*%|\s+percent\b|\s+per\ cent\b|\s+pct\b|\s+percentage\ points?\b)?
    (?P<fold>-?fold\b)?""",
    re.VERBOSE,
)
_FRACTION = re.compile(
    r"\b(?P<num>one|two|three|a)[\s\-](?P<den>half|thirds?|quarters?)\s+of\s+(?:the\s+)?"
)
_CURRENCY_UNITS = {
    "$": "$",
    "€": "EUR",
    "£": "GBP",
    "¥": "yen",
    "eur": "EUR",
    "usd": "US$",
    "gbp": "GBP",
    "chf": "CHF",
    "rs": "Rs",
    "rs.": "Rs",
    "dlrs": "$",
    "dollars": "$",
    "euros": "EUR",
    "yen": "yen",
    "pounds": "GBP",
    "sterling": "GBP",
    "cts": "cents",
    "cents": "cents",
}
_CURRENCY_CODES = frozenset(["eur", "usd", "gbp", "chf", "rs", "rs."])
_DOLLAR_COUNTRIES = frozenset(["us", "ca", "c", "a", "au", "nz", "hk", "s"])
_LETTERS_BEFORE = re.compile(r"(?<![\w.])[a-z]{1,2}$")
_CURRENCY_NAMES = {"$": "dollars", "EUR": "euros", "GBP": "pounds", "yen": "yen"}
_UNITS_WORDS = """people persons children men women police personnel staff troops cattle
    km kilometres kilometers miles metres meters tonnes tons barrels kg kilograms pounds
    hours days weeks months years minutes seconds times feet"""
_UNITS = frozenset(_UNITS_WORDS.split())
# Singular units a number can modify as a compound ("a two day summit", "1,200 tonne").
_SINGULAR_UNITS_WORDS = """day week month year hour minute nation member point party man mile
    km kilometre kilometer metre meter tonne ton storey story seat country state step lane"""
_SINGULAR_UNITS = frozenset(_SINGULAR_UNITS_WORDS.split())
_NOT_NOUNS_WORDS = """
    was has is does goes says means remains seems as its his this thus plus less unless
    across always perhaps whereas besides towards afterwards yes us bus exempts"""
_NOT_NOUNS = frozenset(_NOT_NOUNS_WORDS.split())
_STOP_WORDS = """the a an of in on at to for and or but that which who with by from as than per
    off into onto over under about after before across near up down out since during
    were are was is have had has been be will would could may might said says"""
_STOP = frozenset(_STOP_WORDS.split())
_PEOPLE_STATES = re.compile(
    r"\s+(?:(?:were|are|was|have\s+been|had\s+been|has\s+been|being)\s+(?:reported\s+)?)?"
    r"(?P<state>killed|dead|injured|wounded|missing|arrested|detained|hurt|aboard|on\s+board"
    r"|displaced|evacuated|rescued|died|homeless)\b"
)
# The words right before a number are compared as words, not searched with a regex.
_VERBS_BEFORE_TEXT = """killed killing injured injuring wounded wounding arrested detained
    evacuated displaced rescued"""
_VERBS_BEFORE = frozenset(_VERBS_BEFORE_TEXT.split())
_COLLECTIVES_TEXT = """population audience crowd toll total force fleet staff workforce turnout
    budget deficit debt membership"""
_COLLECTIVES = frozenset(_COLLECTIVES_TEXT.split())
_COLLECTIVE_LINKS = frozenset(["of", "at", "to", "reached"])
_AGE_WORDS = frozenset(["aged", "age", "turns", "turned", "turning"])
_AGE_AFTER = re.compile(r"(?:-|\s+)years?(?:-|\s+)old\b|-year-old\b| year-old\b")
_MAGNITUDE_AFTER = re.compile(
    r"(?:-|\s+)magnitude\b|\s+on\s+the\s+richter\b|\s+(?:earthquake|quake|tremor|aftershock)\b"
)
_OF_GROUP = re.compile(r"\s+of\s+(?P<det>the|those|them|its|his|her|their|our|these|whom|which)\b")
_APPROX_TEXT = """roughly|about|around|approximately|nearly|almost|some|over|more than|fewer than
    |less than|at least|at most|up to|upwards of|just over|just under|well over|under|close to
    |an estimated|as many as|no fewer than|no more than|only|just|another|all"""
_APPROX = frozenset(" ".join(p.split()) for p in _APPROX_TEXT.split("|"))
_NOT_APPROX = frozenset(["only", "just", "another", "all"])
_RANGE_GAP = re.compile(r"\s*(?:to|or|and|-|–)\s*(?:about\s+|around\s+)?$")
_YEAR = re.compile(r"1[89]\d\d|20\d\d")
_YEAR_LEAD = re.compile(
    r"\b(?:in|since|of|by|from|until|till|before|after|the|its|his|her|their|during|early"
    r"|late|mid|spring|summer|autumn|winter|year)\s+$"
)
_TIME_AFTER = re.compile(
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|hrs\b|o['’]clock|local\s+time)"
)
_VERB_LIKE = re.compile(
    r"[a-z]{2,}ed|began|met|took|left|came|went|made|held|won|lost|fell|rose|hit|struck|ran|is"
    r"|are|has|have|will|would|can|could|may|must|says|said"
)
_MONTHS = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
)
_MONTH_NAMES_WORDS = """january february march april may june july august september october
    november december jan feb mar apr jun jul aug sep sept oct nov dec"""
_MONTH_NAMES = frozenset(_MONTH_NAMES_WORDS.split())
_MONTH_AFTER = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?![a-z])")
_COMPOUND = re.compile(r"(?:-|\s)([a-z]+)(?:-long|-old)?(?=[\s,.;:]|$)")
_TAIL = re.compile(r"\s+(?:in|of)\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*s)\b")
_WORD = re.compile(r"[^\W\d_][\w.’']*")
_NEXT_WORD = re.compile(r"\s+((?:[A-Z]\.){2,}|[^\W\d_][\w\-’']*)")
_BARE_PREDICATE = re.compile(
    r"\s+(?:are|were|is|was|have|had|remain|remained|died|currently|still)\b"
)
_LABEL_WORDS_TEXT = "no. no number page room flight route article at resolution chapter section"
_LABEL_WORDS = frozenset(_LABEL_WORDS_TEXT.split())
_DEMONYM_LIKE = re.compile(r"[A-Z][a-z]+(?:an|ese|ish|i)")
_NAME_COMMA = re.compile(r"[A-Z][\w’'\-]*,\s$")
_ONE_OF_STATE = re.compile(
    r"[^.;]{0,40}?\b(?:was|is|has\s+been|had\s+been)\s+(?:\w+\s+)?(?:killed|wounded|injured"
    r"|shot|kidnapped|released|freed|arrested|hurt|abducted)\b|[^.;]{0,40}?\bdied\b"
)
_QUANTIFIERS_WORDS = (
    "about some nearly roughly around over almost more only just all another at least up to "
    "than of and or"
)
_QUANTIFIERS = frozenset(_QUANTIFIERS_WORDS.split())


@dataclass
class _Found:
    value: Decimal
    start: int
    end: int
    what: str | None
    unit: str | None
    has_scale: bool


def find_numbers(
    source: str, text: str, sentences: list[Sentence], lower: str | None = None
) -> list[NumberFact]:
    """Quantities in the sentences of one document, in text order (`lower`: lowered(text),
    when the caller has it already)."""
    lower = lowered(text) if lower is None else lower
    facts: list[NumberFact] = []
    # The digits are found by one forward scan over the document, shared by its sentences
    # (in text order); ASCII text needs no test for other scripts' digits.
    digit = _DIGIT_ASCII if lower.isascii() else _DIGIT
    next_digit = -1  # where the digit found last is (-1: none looked for yet)
    for sentence in sentences:
        start, end = sentence.start, sentence.end
        if next_digit < start:
            m = digit.search(lower, start)
            next_digit = m.start() if m else len(lower)
        if next_digit < end:
            facts.extend(_sentence_numbers(source, text, lower, sentence, True))
            continue
        # Most sentences hold no number: a sentence without a digit, a number word or
        # a fraction is passed by.
        piece = lower[start:end]
        words = _has_number_word(piece)
        if words or "hal" in piece or "thir" in piece or "quarter" in piece:
            facts.extend(_sentence_numbers(source, text, lower, sentence, False, words))
    return facts


def _sentence_numbers(
    source: str, text: str, lower: str, sentence: Sentence, digits: bool, words: bool = True
) -> list[NumberFact]:
    """The quantities of one sentence; `digits` and `words` are false when it holds no
    digit and no number written as a word or a digit."""
    found: list[_Found | None] = []
    piece = lower[sentence.start : sentence.end]
    matches = []
    if words:
        matches = list(_NUMBER.finditer(lower, sentence.start, sentence.end))
    if digits and "magnitude-" in piece:
        # "a magnitude-5.5 aftershock": the one number written after a hyphen
        matches += _MAGNITUDE_FIRST.finditer(lower, sentence.start, sentence.end)
    for m in matches:
        if m["digits"] and _beside_a_month(lower, m.start(), m.end()):
            continue  # "March 5", "5 March": a day of a date, no count
        found.append(_read(text, lower, sentence, m))
    if "hal" in piece or "thir" in piece or "quarter" in piece:
        found += _fractions(text, lower, sentence)  # every fraction has one of these words
    if digits and "/" in piece:
        found = _mixed_rates(lower, sentence, found)
    numbers = sorted((f for f in found if f), key=lambda f: f.start)
    facts: list[NumberFact] = []
    last_what: str | None = None
    for i, number in enumerate(numbers):
        if number.what is None and i + 1 < len(numbers):
            nxt = numbers[i + 1]
            if nxt.what and _RANGE_GAP.fullmatch(lower, number.end, nxt.start):
                number.what, number.unit = nxt.what, nxt.unit
                if nxt.has_scale and not number.has_scale:
                    number.value *= _scale_of(nxt.value)
                number.end = nxt.end
        if number.what is None and i and numbers[i - 1].what:
            before = numbers[i - 1]
            if _RANGE_GAP.fullmatch(lower, before.end, number.start):
                number.what, number.unit = before.what, before.unit  # "aged 28 or 29"
        if number.what is None and i and numbers[i - 1].what:
            before = numbers[i - 1]
            if number.start - before.end < 80 and _COMPARED.search(
                lower, max(before.end, number.start - 20), number.start
            ):
                number.what, number.unit = before.what, before.unit  # "1.71 francs, against 1.69"
        if number.what is None and last_what and _bare_with_predicate(lower, number):
            number.what = last_what
        if number.what is None and number.has_scale:
            # "Net 5.6 mln vs 4.3 mln": a scaled sum is a quantity even with its noun left out
            number.what = last_what or _word_before(text, sentence.start, number.start) or "amount"
        if number.what is None:
            continue
        last_what = number.what
        value = _plain(number.value)
        if value is None:
            continue
        start, approx = _approximation(text, sentence.start, number.start)
        where = Provenance(source, sentence.text, sentence.index, start, number.end)
        facts.append(
            NumberFact(value, text[start : number.end], number.what, where, approx, number.unit)
        )
    return facts


# A second value compared with the first, sharing its unit: "1.71 francs, against 1.69".
_COMPARED = re.compile(r"\b(?:against|versus|vs\.?|compared with|compared to)\s+$")


def _beside_a_month(lower: str, start: int, end: int) -> bool:
    return bool(
        _month_before(lower, max(0, start - 12), start) or _MONTH_AFTER.match(lower, end, end + 16)
    )


def _month_before(lower: str, low: int, high: int) -> bool:
    """Whether lower[low:high] ends with a whole month name (a full stop may follow) and
    then spaces, as in "march 5"; read back from the end rather than by a pattern anchored
    there, which would be tried at every character of the window."""
    gap = high
    while gap > low and lower[gap - 1].isspace():
        gap -= 1
    if gap == high:
        return False
    end = gap - 1 if gap > low and lower[gap - 1] == "." else gap
    at = end
    while at > low and (lower[at - 1].isalnum() or lower[at - 1] == "_") and end - at < 12:
        at -= 1
    return lower[at:end] in _MONTH_NAMES and (
        at == 0 or not (lower[at - 1].isalnum() or lower[at - 1] == "_")
    )


def _currency(lower: str, start: int, symbol: str) -> str | None:
    """The unit of a sum written with a symbol, with its country letters ("US$", "CA$")."""
    letters = _LETTERS_BEFORE.search(lower, max(0, start - 4), start)
    if letters is None:
        return _CURRENCY_UNITS[symbol]
    prefix = letters.group()
    if prefix not in _DOLLAR_COUNTRIES or symbol != "$":
        return None
    return f"{prefix.upper()}$"


def _read(text: str, lower: str, sentence: Sentence, m: re.Match[str]) -> _Found | None:
    """One number: its value, how far it reaches, and what it counts (None: not yet known)."""
    digits, word = m["digits"], m["word"]
    if digits:
        if len(digits.replace(",", "").replace(".", "")) > 18:
            return None  # no quantity a reader could ask about has that many digits
        value = Decimal(digits.replace(",", ""))
    else:
        value = Decimal(_WORDS[word])
    after = _AFTER.match(lower, m.end(), sentence.end)
    assert after is not None  # every part of _AFTER is optional
    end = after.end()
    scale = after["scale"] or (after["short"] if m["cur"] else None)
    if m["cur"] and not digits:
        return None
    if after["half"]:
        value += Decimal("0.5")
    if scale:
        value *= _SCALES[scale]
    elif after["short"]:
        return None  # "5 m" without money is five metres or a label: left out
    if end < sentence.end and (lower[end].isalnum() or lower[end] in "_:") and not after["fold"]:
        return None
    if lower.startswith((".", ","), end) and end + 1 < len(lower) and lower[end + 1].isdigit():
        return None
    # The words before the number, as written and lower-cased (offsets are the same in both).
    tail = _tail(text, sentence.start, m.start())
    words = [lower[at : at + len(w)] for w, at in tail]
    if _is_label(text, sentence, tail, end) or _TIME_AFTER.match(lower, end):
        return None
    if digits and not (scale or m["cur"] or after["pct"] or after["money"]):
        if _YEAR.fullmatch(digits) and not _counts_after(text, end, sentence.end):
            return None
        if _YEAR.fullmatch(digits) and _YEAR_LEAD.search(lower, sentence.start, m.start()):
            return None
        if digits.endswith(".0") and not _MAGNITUDE_AFTER.match(lower, end):
            return None  # "Web 2.0", "ban 2.0": a version, not a quantity
    unit = None
    first = m.start()
    if m["cur"]:
        unit = _currency(lower, m.start(), m["cur"])
        if unit is None:
            return None  # "abc$5": a code, not a sum
        if unit.endswith("$"):
            first -= len(unit) - 1  # "US$7 billion" starts at its letters
    elif words and words[-1] in _CURRENCY_CODES:
        unit = _CURRENCY_UNITS[words[-1]]  # "EUR 50 million", "Rs 500"
    if after["money"]:
        unit = _CURRENCY_UNITS.get(after["money"].split()[-1], unit)
    found = _Found(value, first, end, None, unit, bool(scale))
    if after["pct"]:
        found.what, found.unit = "percent", "percent"
        return found
    if unit:
        name = "dollars" if unit.endswith("$") else _CURRENCY_NAMES.get(unit)
        found.what = name or (after["money"].strip() if after["money"] else unit)
        return found
    if word == "a" and not scale:
        return None  # "a" counts only as "a thousand", "a dozen"
    # "one of the hostages was wounded" counts; "one of the most powerful" does not.
    if (
        word == "one"
        and not scale
        and not (_OF_GROUP.match(lower, end) and _ONE_OF_STATE.match(lower, end))
    ):
        return None
    found.what, found.end = _what(text, lower, sentence, m.start(), end, bool(after["fold"]), words)
    return found


def _what(
    text: str,
    lower: str,
    sentence: Sentence,
    start: int,
    end: int,
    fold: bool,
    tail: list[str],
) -> tuple[str | None, int]:
    """What the number counts, and where its phrase ends; `tail` holds the lower-cased
    words right before it (_tail)."""
    last = tail[-1] if tail else ""
    magnitude = last in ("magnitude", "measuring") or tail[-2:] == ["intensity", "of"]
    if magnitude or lower.endswith("magnitude-", 0, start) or _MAGNITUDE_AFTER.match(lower, end):
        after = _MAGNITUDE_AFTER.match(lower, end)
        return "magnitude", after.end() if after and after.group().endswith("magnitude") else end
    age = _AGE_AFTER.match(lower, end)
    if age:
        return "age", age.end()
    aged = last in _AGE_WORDS or tail[-2:] == ["age", "of"] or tail[-3:] == ["age", "given", "as"]
    if aged or _is_age_after_name(text, sentence, start, end):
        return "age", end
    compound = _compound(text, lower, end, sentence.end)
    if compound:
        return compound
    group = _OF_GROUP.match(lower, end)
    if group:
        noun = _counted_noun(text, group.end(), sentence.end, fold=False)
        if group["det"] in ("them", "whom", "which") or noun is None:
            state = _PEOPLE_STATES.match(lower, group.end())
            return (f"people {state['state']}" if state else None), group.end()
        return noun
    state = _PEOPLE_STATES.match(lower, end)
    if state:
        return f"people {' '.join(state['state'].split())}", state.end()
    noun = _counted_noun(text, end, sentence.end, fold)
    if noun:
        return noun
    if last in _VERBS_BEFORE and not _NEXT_WORD.match(text, end, sentence.end):
        return "people " + last.replace("ing", "ed"), end
    words = tail[: len(tail) - _approx_length(tail)]
    if len(words) >= 2 and words[-1] in _COLLECTIVE_LINKS and words[-2] in _COLLECTIVES:
        return words[-2], end
    if len(words) >= 3 and words[-2] in ("rose", "stood") and words[-3] in _COLLECTIVES:
        return words[-3], end
    return None, end


def _tail(text: str, floor: int, start: int) -> list[tuple[str, int]]:
    """The last four words right before `start`, with their offsets ([] when no space precedes)."""
    base = max(floor, start - 40)
    if base >= start or not text[start - 1].isspace():
        return []
    # str.split and str.rindex rather than a pattern: each word is found back from the end
    # (it is the last run of non-spaces before where the one after it starts).
    piece = text[base:start]
    tail = []
    at = len(piece)
    for word in reversed(piece.split()[-4:]):
        at = piece.rindex(word, 0, at)
        tail.append((word, base + at))
    tail.reverse()
    return tail


def _approx_length(words: list[str]) -> int:
    """How many of the last words are an approximation ("more than", "about"), 0 if none."""
    for k in (3, 2, 1):
        if len(words) >= k and " ".join(words[-k:]).lower() in _APPROX:
            return k
    return 0


def _compound(text: str, lower: str, end: int, limit: int) -> tuple[str, int] | None:
    """ "a five-nation trip", "a 3,000-strong force", "a two day summit", "1,200 tonne"."""
    m = _COMPOUND.match(lower, end, limit)
    if not m:
        return None
    unit = m.group(1)
    hyphen = lower[end] == "-"
    noun = _noun_words(text, m.end(), limit)
    if unit == "strong" and hyphen and noun:
        return noun[0], noun[1]
    if unit not in _SINGULAR_UNITS:
        if not hyphen or len(unit) < 3 or unit in _NOT_COMPOUND_UNITS:
            return None
        # "a 14-bank committee", "the 24-industrial nation area": any noun or adjective
        if noun and unit.endswith(("al", "ic", "ive", "ous", "ese", "ish")):
            return f"{unit} {noun[0]}", noun[1]  # "the 24-industrial nation area"
        return (f"{_plural_of(unit)} of the {noun[0]}", noun[1]) if noun else (unit, m.end())
    if noun is None:
        if hyphen and unit in ("member", "nation", "country", "party", "man", "seat"):
            return _plural_of(unit), m.end()  # "the four-member European bloc"
        return (f"{unit}s", m.end()) if not hyphen and unit in ("tonne", "ton") else None
    return f"{_plural_of(unit)} of the {noun[0]}", noun[1]


# Words after "two-" that make no count: "a two-way race", "a three-fold rise".
_NOT_COMPOUND_UNITS = frozenset(
    ["way", "fold", "sided", "off", "time", "times", "hand", "handed", "thirds"]
)


def _plural_of(unit: str) -> str:
    if unit.endswith("man"):
        return unit[:-3] + "men"
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit if unit.endswith("s") else f"{unit}s"


def _noun_words(text: str, pos: int, limit: int) -> tuple[str, int] | None:
    """Up to three lower-case words after pos, ending before a stop word: a noun phrase."""
    words: list[str] = []
    end = pos
    for m in _NEXT_WORD.finditer(text, pos, limit):
        if m.start() != end or len(words) == 3:
            break
        word = m.group(1)
        if word.lower() in _STOP or not word[0].islower() or _VERB_LIKE.fullmatch(word):
            break
        words.append(word)
        end = m.end()
        if text.startswith((",", ".", ";", ":"), end):
            break
    return (" ".join(words), end) if words else None


def _counted_noun(text: str, pos: int, limit: int, fold: bool) -> tuple[str, int] | None:
    """What follows a number and is counted by it: up to three modifiers and a noun."""
    words: list[str] = []
    for m in _NEXT_WORD.finditer(text, pos, limit):
        if m.start() != pos:
            break
        word = m.group(1)
        lower = word.lower()
        capital = word[0].isupper()
        if lower in _STOP:
            break
        if capital and not (place_of_demonym(word) or _plural_demonym(word) or _modifier(word)):
            break
        if lower in ("more", "other", "additional", "extra", "fewer") and not words:
            pos = m.end()
            continue
        words.append(word)
        pos = m.end()
        if fold or lower in _UNITS or _plural(lower) or (capital and _plural_demonym(word)):
            what = " ".join(words)
            tail = _TAIL.match(text, pos, limit)
            if tail and fold:
                what, pos = f"{what} {tail.group().strip()}", tail.end()
            return what, pos
        if len(words) == 4:
            break
    return None


def _modifier(word: str) -> bool:
    """A capitalised word that can stand inside a counted phrase ("20 Latin American nations")."""
    if re.fullmatch(r"(?:[A-Z]\.){2,}|[A-Z]{2,4}", word):
        return True  # "100,000 U.S. troops", "300 UN peacekeepers"
    return word.isalpha() and word[1:].islower() and len(word) > 2


def _plural_demonym(word: str) -> bool:
    return word.endswith("s") and bool(place_of_demonym(word[:-1]))


def _plural(word: str) -> bool:
    if word.endswith("men") and len(word) > 3:
        return True
    return (
        len(word) > 3
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "ous"))
        and word not in _NOT_NOUNS
    )


def _counts_after(text: str, pos: int, limit: int) -> bool:
    """A four-digit number like a year, followed by what it counts ("2000 troops")."""
    noun = _counted_noun(text, pos, limit, fold=False)
    return noun is not None and not text[pos + 1 : pos + 2].isupper()


def _is_age_after_name(text: str, sentence: Sentence, start: int, end: int) -> bool:
    """ "Ana Torres, 25, was charged": a number set off by commas after a name is an age."""
    if not text.startswith(",", end):
        return False
    return bool(_NAME_COMMA.search(text, max(sentence.start, start - 30), start))


# A measure after a number: "Montana 875,000 acres" is a value in a list, not a label.
_MEASURE_AFTER = re.compile(
    r"\s+(?:mln|bln|billion|million|thousand|pct|percent|per\s+cent|acres|hectares|tonnes"
    r"|tons|barrels|bushels|bales|dlrs|dollars|head|kilometres|kilometers|miles)\b"
)
_LIST_BEFORE = re.compile(r"(?:[,;:]|\band)\s*$")


def _is_label(text: str, sentence: Sentence, tail: list[tuple[str, int]], end: int) -> bool:
    """A number that names something ("Resolution 2231", "Article 5", "No. 3") counts nothing.

    `tail` holds the words right before the number, with their offsets (_tail)."""
    if not tail or not _WORD.fullmatch(tail[-1][0]):
        return False
    word, at = tail[-1]
    if word.lower() in _LABEL_WORDS:
        return True
    if word.endswith(("'s", "’s")) or _DEMONYM_LIKE.fullmatch(word):
        return False  # "ISAF's 13 year mission", "a South Korean 1,200 tonne ship"
    first = at == sentence.start
    if _MEASURE_AFTER.match(text, end, sentence.end) and (
        first or _LIST_BEFORE.search(text, max(sentence.start, at - 6), at)
    ):
        return False  # "Iowa 1.0 mln acres, Montana 875,000 acres": a value after each name
    return (
        word[0].isupper()
        and not first
        and word.lower() not in _QUANTIFIERS
        and not place_of_demonym(word)
    )


def _bare_with_predicate(lower: str, number: _Found) -> bool:
    """ "about 120 observers ..., but only 38 are working": the count of the noun before."""
    if not _approx_length([w for w, _ in _tail(lower, 0, number.start)]):
        return False
    return bool(_BARE_PREDICATE.match(lower, number.end)) or lower.startswith(
        (".", ";", ","), number.end
    )


def _word_before(text: str, floor: int, start: int) -> str | None:
    tail = _tail(text, floor, start)
    if not tail or not _WORD.fullmatch(tail[-1][0]):
        return None
    word = tail[-1][0].lower()
    return None if word in _STOP or word in _QUANTIFIERS else word


def _fractions(text: str, lower: str, sentence: Sentence) -> list[_Found | None]:
    """ "two-thirds of the members", "a quarter of voters": the fraction, as a number."""
    found: list[_Found | None] = []
    for m in _FRACTION.finditer(lower, sentence.start, sentence.end):
        numerator = 1 if m["num"] == "a" else _WORDS[m["num"]]
        value = Decimal(numerator) / Decimal(_FRACTIONS[m["den"]])
        noun = _counted_noun(text, m.end() - 1, sentence.end, fold=False)
        if noun:
            found.append(_Found(round(value, 2), m.start(), noun[1], noun[0], None, False))
    return found


# A rate with a fraction, as wires and bond tables write it: "10-7/8 pct", "7 1/2 percent".
_MIXED_RATE = re.compile(
    r"(?<![\w\-/.,])(\d{1,3})[- ](\d{1,2})/(\d{1,2})(?:\s*%|\s+(?:pct|percent|per cent)\b)"
)


def _mixed_rates(lower: str, sentence: Sentence, found: list[_Found | None]) -> list[_Found | None]:
    """Mixed-fraction percentages, replacing the whole number read on its own."""
    for m in _MIXED_RATE.finditer(lower, sentence.start, sentence.end):
        denominator = int(m[3])
        if not denominator or int(m[2]) >= denominator:
            continue
        value = Decimal(m[1]) + Decimal(m[2]) / Decimal(denominator)
        found = [f for f in found if not (f and m.start() <= f.start < m.end())]
        found.append(_Found(value, m.start(), m.end(), "percent", "percent", False))
    return found


def _scale_of(value: Decimal) -> int:
    """The scale word's factor inside a value ("5 million" -> 1,000,000)."""
    for factor in (10**12, 10**9, 10**6, 1_000):
        if value >= factor:
            return factor
    return 1


def _plain(value: Decimal) -> int | float | None:
    """The value as JSON writes it: an int when whole, else a float."""
    if value == value.to_integral_value():
        return int(value)
    number = float(value)
    return round(number, 6)


def _approximation(text: str, floor: int, start: int) -> tuple[int, str | None]:
    """Widen a number's span to "about", "more than" and the like; returns start and approx."""
    tail = _tail(text, floor, start)
    k = _approx_length([w for w, _ in tail])
    if not k:
        return start, None
    word = " ".join(w for w, _ in tail[-k:]).lower()
    return tail[-k][1], None if word in _NOT_APPROX else word
