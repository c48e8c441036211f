"""The one gate every candidate passes or is dropped at, with a named reason (see REASONS).

Per-question checks read the wording as a learner would, without the article: a complete
clause, a capital first letter, no word whose meaning lives in the article (relative time,
pronouns), no headline capitals, no answer given away, no wrong option that is really the
answer. Checks over the whole set catch repeats and an unbalanced true/false set.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

from quizkit.extract.gazetteer import is_place_word
from quizkit.grading import ARTICLES, grade, read_dates
from quizkit.grading import fold as fold_any
from quizkit.questions.candidate import Candidate, Drop, drop_of
from quizkit.questions.caseless import Caseless
from quizkit.questions.phrasing import MONTH_NAMES, common_word

_POSSESSIVE_S = re.compile(r"['`]s\b")
_NOT_LETTERS = re.compile(r"[\W_]+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """grading.fold (case, accents, punctuation, articles), quick for plain ASCII text."""
    if not text.isascii():
        return fold_any(text)
    text = _POSSESSIVE_S.sub("", text.casefold())
    return " ".join(w for w in _NOT_LETTERS.sub(" ", text).split() if w not in ARTICLES)


PREFIXES = ("True or false: ", "Fill in the blank: ")
PREPOSITIONS = (
    "of to in on at by for with from into onto near over about after before since until "
    "against between among through during under without within toward towards across per "
    "via as than like upon amid despite including around behind beyond along except besides "
    "versus"
)
CONJUNCTIONS = "and or but nor so yet because while although though if whether that"
RELATIVES = "when where who whom whose which what how"
DETERMINERS = (
    "the a an his her its their our my your this these those some any every each no all both such"
)
AUXILIARIES = (
    "is are was were be been being am do does did has have had will would shall should can "
    "could may might must"
)
# Words that need a complement after them: "a speech entitled?", "... would observe?"
NEEDS_OBJECT = (
    "entitled titled called named dubbed support ensure include provide discuss address make "
    "take give send say tell announce observe welcome welcoming reach bring urge ask accuse "
    "kidnap arrest kill capture seize release detain attack appoint elect"
)
DANGLING = set(" ".join([PREPOSITIONS, CONJUNCTIONS, RELATIVES, DETERMINERS, AUXILIARIES]).split())
NEEDS_OBJECT_WORDS = set(NEEDS_OBJECT.split())

RELATIVE_TIMES = Caseless(
    r"\b(?:today|tonight|yesterday|tomorrow|now|currently|recently|ago|"
    r"(?:this|last|next|earlier this|later this|the past|the previous|the coming)\s+"
    r"(?:morning|afternoon|evening|night|week|weekend|month|year|spring|summer|autumn|winter)|"
    r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b",
    # every match holds one of these ('today', 'yesterday' and the weekdays end in 'day')
    needs=("day", "night", "tomorrow", "now", "currently", "recently", "ago", "morning")
    + ("afternoon", "evening", "week", "month", "year", "spring", "summer", "autumn", "winter"),
)
RELATIVE_TIME = RELATIVE_TIMES.any_case
SUBJECT_PRONOUNS = {"he", "she", "it", "they", "them", "we", "us", "i", "you", "this", "these"}
SUBJECT_PRONOUNS |= {"those", "meanwhile", "our", "my", "your", "ours", "yours"}
POSSESSIVES = {"his", "her", "him", "its", "their"}
# Two patterns, not one alternation: the second is looked for only where 'there' is written.
_CONTEXT_NOUNS = "announcement statement remarks comments decision move incident latter"
_CONTEXT_NOUNS += " country city town village capital region province same issue matter"
CONTEXT_NOUNS = Caseless(
    rf"\bthe (?:{'|'.join(_CONTEXT_NOUNS.split())})\b", needs=tuple(_CONTEXT_NOUNS.split())
)
CONTEXT_THERE = Caseless(
    r"(?<!\bwas )(?<!\bwere )(?<!\bis )(?<!\bare )"  # 'When was there a coup in Tarsa?'
    r"\bthere\b(?!\s+(?:is|are|was|were|will|would|has|have|had)\b)"
    r"|\b(?:was|were|is|are) there\b(?!\s+(?:an?|any|no)\s)",
    needs="there",
)
QUESTION_WORDS = {
    "when", "did", "was", "were", "is", "are", "who", "what", "which", "how", "many", "much",
    "on", "by", "date", "in", "the", "a", "an", "true", "or", "false", "fill", "blank",
}  # fmt: skip
# Capitalised words that are names of offices and bodies, not copied headline capitals.
NAME_WORDS = set(
    [
        "Minister",
        "President",
        "Secretary",
        "General",
        "Ambassador",
        "Chancellor",
        "Prime",
        "Foreign",
        "Defense",
        "Defence",
        "Interior",
        "Finance",
        "Health",
        "State",
        "Deputy",
        "Vice",
        "Chief",
        "Commander",
        "Army",
        "Navy",
        "Air",
        "Force",
        "Forces",
        "Council",
        "Court",
        "Supreme",
        "Parliament",
        "Assembly",
        "Party",
        "Front",
        "League",
        "Union",
        "Organisation",
        "Organization",
        "Nations",
        "United",
        "Kingdom",
        "Republic",
        "Treaty",
        "Agreement",
        "Summit",
        "Conference",
        "Initiative",
        "House",
        "Office",
        "Ministry",
        "Department",
        "Commission",
        "Committee",
        "Bank",
        "Fund",
        "Agency",
        "Service",
        "Police",
        "Guard",
        "Affairs",
        "Security",
        "Trade",
        "World",
        "National",
        "International",
        "Central",
        "Federal",
        "Democratic",
        "People",
        "Peoples",
        "Islamic",
        "Arab",
        "Development",
        "Economic",
        "Monetary",
        "Human",
        "Rights",
        "Peace",
        "Peacekeeping",
        "Collective",
        "Cooperation",
        "North",
        "South",
        "East",
        "West",
        "Eastern",
        "Western",
        "Northern",
        "Southern",
        "New",
        "Great",
        "Gulf",
        "Sea",
        "Ocean",
        "River",
        "Island",
        "Islands",
        "Mountain",
        "Mountains",
        "Strait",
        "Cape",
        "Saint",
        "St",
        "Senate",
        "Congress",
        "Cabinet",
        "Opposition",
        "Speaker",
        "Governor",
        "Mayor",
        "Premier",
        "King",
        "Queen",
        "Prince",
        "Crown",
        "Emperor",
        "Pope",
        "Sheikh",
        "Leader",
        "Envoy",
        "Special",
        "Representative",
        "Spokesman",
        "Spokesperson",
        "Director",
        "Chairman",
        "Chair",
        "Head",
        "Justice",
        "Attorney",
        "Labour",
        "Labor",
        "Conservative",
        "Liberal",
        "Socialist",
        "Green",
        "Red",
        "Cross",
        "Crescent",
        "Movement",
        "Alliance",
        "Coalition",
        "Navy",
        "Marine",
        "Marines",
        "Corps",
        "Guard",
        "Police",
        "Intelligence",
        "Revolutionary",
        "Popular",
        "Liberation",
    ]
)
NUMBER_WORDS = {"One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten"}


def body_of(question: str) -> str:
    """The wording a learner reads as a sentence: without the card's fixed lead-in."""
    for prefix in PREFIXES:
        if question.startswith(prefix):
            return question[len(prefix) :]
    return re.sub(r"\s+Name (?:all \w+|both)\.$", "", question)


def person_fault(name: str) -> bool:
    """A 'name' that is words of a headline ('Under Fire'): a function word capitalised."""
    return any(w[:1].isupper() and w.lower() in DANGLING for w in name.split())


def texts_to_read(candidate: Candidate) -> list[str]:
    """Every piece of wording the learner sees as prose: question, and free-text answers."""
    note = candidate.note
    if note.kind == "timeline":
        _head, *events = note.question.split("\n")
        return [re.sub(r"^[A-E]\. ", "", e) for e in events]
    texts = [body_of(note.question)]
    if note.extra.get("answer_type") == "free":
        texts.append(note.answer)
    return texts


_WORD = re.compile(r"[\w'’.-]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def dangling_end(text: str) -> bool:
    """Ends mid-clause: '... to ensure that?', '... as long as he?', 'the President-Elect's?'."""
    stripped = text.rstrip().rstrip("?.!").rstrip()
    if text.count('"') % 2 or text.count("(") != text.count(")"):
        return True
    if stripped.endswith(("'s", "’s", ",", ":", ";", "-")):
        return True
    words = stripped.split()
    if not words:
        return True
    if words[-1][:1].isupper() and len(words) > 1:
        return False  # a name ('... in May', '... to Riga') completes the clause
    last = words[-1].lower().strip("\"'“”")
    if last in DANGLING:
        return True
    if len(words) >= 3 and words[-2].lower() == "and" and _bare_verb(last):
        return True  # '... and appeal?': the rest of that clause was cut
    between = stripped.lower().rfind(" between ")
    if between >= 0 and not re.search(r"\b(?:and|&)\b", stripped[between:].lower()):
        return True  # 'the violence between riot police?': the other side was cut
    # ('ow m' of 'how many/much' is looked for first: most questions have none)
    if "ow m" in stripped and FRONTED_OBJECT.search(stripped):
        return False  # 'How many nations did the summit include?': the object is asked for
    return last in NEEDS_OBJECT_WORDS or _needs_object(last)


FRONTED_OBJECT = re.compile(r"\b[Hh]ow (?:many|much)\b[^,?]* (?:did|had|has|have|was|were) ")


@lru_cache(maxsize=4096)
def _bare_verb(word: str) -> bool:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return "VERB" in lemmas and word in lemmas["VERB"]


@lru_cache(maxsize=4096)
def _needs_object(word: str) -> bool:
    from lemminflect import getAllLemmas

    # the base form after 'did' ('... to support?'), not a passive participle ('were killed?')
    lemmas = getAllLemmas(word).get("VERB", ())
    return word in lemmas and word in NEEDS_OBJECT_WORDS


def lowercase_start(text: str) -> bool:
    first = text.lstrip("\"'“(")[:1]
    return first.isalpha() and first.islower()


def relative_time(text: str) -> bool:
    return RELATIVE_TIMES.found_in(text)


def unresolved_pronoun(text: str) -> bool:
    """A pronoun or 'the announcement' whose meaning is in the article, not in the question."""
    if CONTEXT_NOUNS.found_in(text) or CONTEXT_THERE.found_in(text):
        return True
    if QUESTION_LEAD.match(text) and re.search(r"\balso\b", text):
        return True  # 'When did Abe also express ...': 'also' points back into the article
    written = [w.strip("\"'“”") for w in _words(ATTRIBUTIVE_CAPS.sub("", text))]
    words = [w.lower() for w in written]
    if SUBJECT_PRONOUNS.isdisjoint(words) and POSSESSIVES.isdisjoint(words):
        return False  # most questions hold neither: no word needs reading in its place
    for i, word in enumerate(words):
        if word in SUBJECT_PRONOUNS and not (len(word) > 1 and written[i].isupper()):
            # 'US' and 'IT' in capitals are names, not the pronouns
            return True
        if word in POSSESSIVES:
            # 'his' after a named subject refers to it ('When did Bush begin his trip?')
            before = [w for w in words[:i] if w not in QUESTION_WORDS]
            if not before:
                return True
    return False


# 'US troops': a country's letters right before a noun, never the pronoun 'us'.
ATTRIBUTIVE_CAPS = re.compile(r"\b[A-Z]{2,}(?= [a-z]{3,}\b)")


def headline_caps(text: str, headlines: Iterable[str] = (), names: Iterable[str] = ()) -> bool:
    """Words in headline capitals: a title-case run of ordinary words, or a headline copied.

    `headlines` may be the headlines or their `headline_grams`, computed once for many texts.
    """
    return caps_in_words(text, names) or _copies_headline(text, headlines)


def _copies_headline(text: str, headlines: Iterable[str]) -> bool:
    grams = headlines if isinstance(headlines, frozenset) else headline_grams(headlines)
    return bool(grams) and bool(grams & grams_of(text))


ABBREVIATION = re.compile(r"(?:[A-Z]\.){2,}|[A-Z]{2,}")


def caps_in_words(text: str, names: Iterable[str] = ()) -> bool:
    """`names`: people's names (or their `name_parts`), whose words are never headline caps
    ('Ali Abdullah Said' is a name, not 'Said' as a verb)."""
    parts = names if isinstance(names, frozenset) else name_parts(names)
    words = _words(text)
    for i in range(1, len(words) - 1):
        if words[i] in ("The", "A", "An") and words[i + 1][:1].islower():
            return True
    for i in range(1, len(words)):
        word, previous = words[i], words[i - 1]
        if not (word[:1].isupper() and word.isalpha() and previous[-1:] not in ':"“'):
            continue
        if word in NAME_WORDS or word in NUMBER_WORDS or word in MONTH_NAMES:
            continue
        if word.lower() in parts:
            continue
        if word.lower() in DANGLING and word not in ("I",):
            return True  # 'Premier Under Fire', 'Ministers To Meet'
        after_abbreviation = bool(ABBREVIATION.fullmatch(previous))
        if after_abbreviation and common_word(word) and not _place_word(word):
            return True  # 'U.S. Officials'
        if _verb_only(word):
            return True  # 'Iran Blamed', 'Rally Cancelled'
    return False


GRAM = 4


def grams_of(text: str) -> set[str]:
    words = fold(text).split()
    return {" ".join(words[i : i + GRAM]) for i in range(len(words) - GRAM + 1)}


def headline_grams(headlines: Iterable[str]) -> frozenset[str]:
    """Every run of four words of the headlines written in title case."""
    grams: set[str] = set()
    for headline in headlines:
        grams |= _title_case_grams(headline)
    return frozenset(grams)


@lru_cache(maxsize=4096)
def _title_case_grams(headline: str) -> frozenset[str]:
    return frozenset(grams_of(headline)) if _title_case(headline) else frozenset()


@lru_cache(maxsize=8192)
def _verb_only(word: str) -> bool:
    """A word English uses only as a verb ('Blamed', 'Says'): never a name's part."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word.lower())
    return bool(lemmas) and set(lemmas) == {"VERB"}


def _title_case(headline: str) -> bool:
    """Most ordinary words capitalised: 'Bush Starts Off Africa Trip In Benin'."""
    ordinary = [
        w
        for w in headline.split()[1:]
        if w.isalpha()
        and common_word(w)
        and w not in NAME_WORDS
        and w.capitalize() not in MONTH_NAMES
        and not _place_word(w)
    ]
    return len(ordinary) >= 2 and sum(w[:1].isupper() for w in ordinary) >= 0.6 * len(ordinary)


@lru_cache(maxsize=8192)
def _place_word(word: str) -> bool:
    return is_place_word(word)


LOWER_WORD = re.compile(r"\b[a-z][\w-]{3,}\b")


def lowercase_name(text: str, names: Iterable[str]) -> bool:
    """A person's name written in lower case ('When did bush say ...')."""
    parts = names if isinstance(names, frozenset) else name_parts(names)
    return any(word in parts for word in LOWER_WORD.findall(text))


def name_parts(names: Iterable[str]) -> frozenset[str]:
    """The lower-case forms of the capitalised words of people's names."""
    parts = (part for name in names for part in name.split())
    return frozenset(p.lower() for p in parts if len(p) >= 4 and p[:1].isupper())


def answer_in_question(candidate: Candidate) -> bool:
    note = candidate.note
    if note.kind in ("truefalse", "timeline"):
        return False
    question = f" {fold(note.question)} "
    items = note.extra.get("items")
    if items:
        inside = [i for i in items if f" {fold(i)} " in question]
        return len(inside) * 2 >= len(items)
    forms = [note.answer, *note.alternatives]
    if note.extra.get("answer_type") == "person":
        forms += [f.split()[-1] for f in forms if len(f.split()[-1]) >= 3]
    if any(len(fold(f)) >= 2 and f" {fold(f)} " in question for f in forms):
        return True
    answer_dates = {d for d in read_dates(note.answer) if d.valid()}
    return bool(answer_dates & dates_written_in(note.question))


DATE_IN_TEXT = re.compile(
    r"\d{4}-\d{2}-\d{2}|\d{1,2} [A-Z][a-z]+\.? \d{4}|[A-Z][a-z]+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}"
)


def dates_written_in(text: str) -> set[Any]:
    """Every full date a text writes, in any common form."""
    found = set()
    for match in DATE_IN_TEXT.finditer(text):
        found |= {d for d in read_dates(match.group(0)) if d.valid()}
    return found


def option_is_answer(candidate: Candidate) -> bool:
    """A wrong option that is the answer in another written form: a date, an alias, a surname."""
    note = candidate.note
    answer_type = str(note.extra.get("answer_type", "text"))
    forms = {fold(f) for f in (note.answer, *note.alternatives)}
    surnames = {f.split()[-1] for f in forms if f}
    members = _members(note.answer) if answer_type == "list" else None
    for option in note.distractors:
        folded = fold(option)
        if folded in forms or (members is not None and _members(option) == members):
            return True
        if answer_type == "person" and folded.split() and folded.split()[-1] in surnames:
            return True
        if (
            answer_type in ("date", "number")
            and grade(option, note.answer, note.alternatives, answer_type).correct
        ):
            return True
    return False


def _members(listed: str) -> frozenset[str]:
    """A written list's members, in any order: 'A, B and C' is 'C, A and B'."""
    return frozenset(fold(m) for m in re.split(r",\s*(?:and\s+)?|\s+and\s+", listed) if m.strip())


def list_fault(candidate: Candidate) -> bool:
    """A list to name ('Name both.') with fewer than two members, or one member twice."""
    items = candidate.note.extra.get("items")
    if candidate.note.extra.get("answer_type") != "list" or not isinstance(items, list):
        return False
    folded = [fold(str(i)) for i in items]
    return len(folded) < 2 or len(set(folded)) < len(folded)


SUBJECTLESS = re.compile(
    r"^(?:When|On what date|By what date|How many|How much)\b[^,]*\b(?:was|were|did|is|are)\b"
    r"[^,]*,[^,]*?,?\s+(?:was|were|is|are|has|have|had|will|would)\s+(?:to\s+)?[a-z]"
)


def subjectless_verb(text: str) -> bool:
    """A question that has its verb, then another after a comma with no subject of its own
    (the article's 'which' cut away): 'was the race scheduled to be the 30th rally, was to
    start in Lisbon?'."""
    return bool(SUBJECTLESS.search(text))


def repeated_word(text: str) -> bool:
    """A typo copied from the article: 'revenge revenge'."""
    words = [w.lower() for w in _words(text)]
    return any(a == b and a.isalpha() for a, b in zip(words, words[1:], strict=False))


QUESTION_LEAD = re.compile(r"^(?:When|How|On what|By how|What|Which|Who|In what|Where)\b")
AUX = set(AUXILIARIES.split())
# A second finite verb after the question's own: "..., was to start", "... and is drafting".
SECOND_FINITE = re.compile(
    r"(?:,\s+|\band\s+(?:[\w'-]+\s+){0,2}?)(?:is|are|was|were|will|would|has|have|did)\b"
    r"(?!\s+(?:\w+\s+)?(?:and|or)\b)"
)
# "in Gaza Strip": a place whose name takes "the" written without it.
BARE_THE_PLACE = re.compile(
    r"\b(?:in|of|from|to|on|at|into)\s+(?:[A-Z][\w-]+\s+)+(?:Strip|Bank|Republic|Kingdom|"
    r"Islands|Emirates|Gulf)\b"
)
BARE_THE_POSSESSIVE = re.compile(
    r"(?<!\bthe )(?<!\bThe )\b(?:United (?:Kingdom|States|Nations|Arab Emirates)|"
    r"Netherlands|Philippines|[A-Z][\w-]+ (?:Strip|Bank|Republic))['’]s\b"
)
MIXED_CASE_OFFICE = re.compile(
    r"\b(?:secretary|minister|director|head|chief)\s+of\s+(?:State|Defen[cs]e|Foreign|Interior|"
    r"Health|Finance|Justice|Staff)\b"
)
COUNT_NOUNS = r"(?:Tens|Hundreds|Thousands|Dozens|Scores|Millions)"
DETERMINER_NEXT = {"to", "the", "a", "an", "his", "her", "its", "their"}


# 'When did Roe report that ...': what follows is a clause in its own tense.
REPORTING_BASES = {"say", "report", "announce", "confirm", "state", "claim", "deny", "warn"}


def broken_clause(text: str) -> bool:
    """Clauses cut and pasted into a question: 'When did X, accompany by Y, began his trip?',
    'When did the panel meet and is drafting ...', 'How many workers kidnapped in Z?'."""
    if not QUESTION_LEAD.match(text):
        return False
    words = [w.strip(",;:?") for w in text.split()]
    lower = [w.lower() for w in words]
    head = lower[:6]
    if re.search(r",[^,]*\b(?:age|aged)\b[^,]*\d[^,]*,", text):
        return True  # 'When did X, age given as 28 or 29, plead ...': an aside pasted in
    if BARE_THE_PLACE.search(text) or BARE_THE_POSSESSIVE.search(text):
        return True
    if MIXED_CASE_OFFICE.search(text) or re.search(rf"\s{COUNT_NOUNS}\b", text):
        return True  # 'secretary of State', 'When did Tens of thousands ...'
    if any(a in head for a in AUX) and SECOND_FINITE.search(text):
        return True
    if "did" in head:
        after = lower[head.index("did") + 1 :]
        for i, word in enumerate(after):
            nxt = after[i + 1] if i + 1 < len(after) else ""
            before = after[i - 1] if i else ""
            if word == "that" and before in REPORTING_BASES:
                break  # 'did Roe report that the navy towed ...': the report's own tense
            if _past_only(word):
                return True  # 'did ... began'
            if (
                nxt in DETERMINER_NEXT
                and _past_form(word)
                and before not in AUX | {"be", "been", "being", "get", "got"}
                and i > 1
            ):
                return True  # 'did attacks which kill led to'
        for match in re.finditer(r",\s+(\w+) by\b", text):
            if _base_only(match.group(1).lower()):
                return True  # ', accompany by his wife,'
    if lower[:2] in (["how", "many"], ["how", "much"]) and not AUX & set(lower):
        # 'How many workers kidnapped in Z?': a passive without its 'were'
        return any(_past_form(w) and _lemma(w) in NEEDS_OBJECT_WORDS for w in lower[2:])
    return False


@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word).get("VERB", ())
    return lemmas[0] if lemmas else ""


@lru_cache(maxsize=4096)
def _past_form(word: str) -> bool:
    """'began', 'led', 'kidnapped': a verb's past form (finite or participle)."""
    from lemminflect import getInflection

    lemma = _lemma(word)
    if not lemma or lemma == word:
        return False
    return word in getInflection(lemma, "VBD") or word in getInflection(lemma, "VBN")


@lru_cache(maxsize=4096)
def _past_only(word: str) -> bool:
    """'began', 'went': a past tense that is neither base form nor participle, nor a noun."""
    from lemminflect import getAllLemmas, getInflection

    lemma = _lemma(word)
    if not lemma or lemma == word or len(getAllLemmas(word)) > 1:
        return False
    return word in getInflection(lemma, "VBD") and word not in getInflection(lemma, "VBN")


@lru_cache(maxsize=4096)
def _base_only(word: str) -> bool:
    """'accompany': a verb's base form that is no noun or adjective as well."""
    from lemminflect import getAllLemmas

    lemmas = getAllLemmas(word)
    return set(lemmas) == {"VERB"} and word in lemmas["VERB"]


CASUALTY = re.compile(r"\b(?:killed|dead|died|wounded|injured)\b")
TIME_FRAME = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|"
    r"October|November|December|since|during|as a result of|in the (?:[\w-]+ ){0,3}"
    r"(?:attack|attacks|offensive|war|clashes|explosion|blast|crash|earthquake|bombing|raid|"
    r"fighting|violence|riots|storm|floods?))\b"
)


def no_time_frame(candidate: Candidate) -> bool:
    """'How many journalists have been killed in Z?': a toll needs its span (a year, an
    attack), or every count the article gives for other spans fits too."""
    question = candidate.note.question
    return (
        candidate.note.kind == "number"
        and question.startswith("How many")
        and bool(CASUALTY.search(question))
        and not TIME_FRAME.search(question)
    )


def place_not_event(candidate: Candidate) -> bool:
    """'What happened in Z on D?' when the answer only says 'back from Z': Z is not where."""
    match = re.match(r"What happened in (?:the )?(.+?) on ", candidate.note.question)
    if not match:
        return False
    place = re.escape(match.group(1))
    answer = candidate.note.answer
    named = re.findall(rf"\b(\w+)\s+(?:the\s+)?{place}\b", answer)
    return bool(named) and all(w.lower() in ("from", "to", "towards", "against") for w in named)


def wording_reason(
    text: str, headlines: Iterable[str] = (), names: Iterable[str] = ()
) -> str | None:
    if lowercase_start(text):
        return "lowercase-start"
    if repeated_word(text):
        return "repeated-word"
    if dangling_end(text):
        return "dangling-end"
    if broken_clause(text):
        return "broken-clause"
    if relative_time(text):
        return "relative-time"
    if unresolved_pronoun(text):
        return "unresolved-pronoun"
    if headline_caps(text, headlines, names):
        return "headline-caps"
    if lowercase_name(text, names):
        return "lowercase-name"
    return None


def reason_against(
    candidate: Candidate, headlines: Iterable[str] = (), names: Iterable[str] = ()
) -> str | None:
    """The first check the candidate fails, or None when it may be asked."""
    headlines = headlines if isinstance(headlines, frozenset) else headline_grams(headlines)
    names = names if isinstance(names, frozenset) else name_parts(names)
    person = candidate.note.extra.get("person")
    if isinstance(person, str) and person_fault(person):
        return "headline-caps"
    for text in texts_to_read(candidate):
        reason = wording_reason(text, headlines, names)
        if reason:
            return reason
    if candidate.note.kind != "cloze" and subjectless_verb(candidate.note.question):
        return "subjectless-verb"
    if no_time_frame(candidate):
        return "no-time-frame"
    if place_not_event(candidate):
        return "place-not-event"
    if answer_in_question(candidate):
        return "answer-in-question"
    if option_is_answer(candidate):
        return "option-is-answer"
    if list_fault(candidate):
        return "list-members"
    return None


def check_each(
    candidates: Sequence[Candidate], headlines: Iterable[str] = (), names: Iterable[str] = ()
) -> tuple[list[Candidate], list[Drop]]:
    grams, parts = headline_grams(headlines), name_parts(names)
    kept: list[Candidate] = []
    dropped: list[Drop] = []
    for candidate in candidates:
        reason = reason_against(candidate, grams, parts)
        if reason:
            dropped.append(drop_of(candidate, reason))
        else:
            kept.append(candidate)
    return kept, dropped


def check_set(candidates: Sequence[Candidate]) -> tuple[list[Candidate], list[Drop]]:
    """Repeats and near-repeats across the set; then the true/false balance."""
    out: set[int] = set()
    dropped: list[Drop] = []
    by_wording: dict[str, list[int]] = defaultdict(list)
    for i, candidate in enumerate(candidates):
        by_wording[fold(candidate.note.question)].append(i)
    for group in by_wording.values():
        answers = {fold(candidates[i].note.answer) for i in group}
        if len(answers) > 1:
            for i in group:
                out.add(i)
                dropped.append(drop_of(candidates[i], "same-wording-different-answer"))
        else:
            for i in group[1:]:
                out.add(i)
                dropped.append(drop_of(candidates[i], "same-wording"))
    buckets: dict[tuple[str, frozenset[str]], list[int]] = defaultdict(list)
    for i, candidate in enumerate(candidates):
        if i not in out and candidate.note.kind not in ("truefalse", "cloze", "timeline"):
            buckets[(candidate.note.kind, _names_in(candidate.note.question))].append(i)
    for group in buckets.values():
        for a_pos, a in enumerate(group):
            for b in group[a_pos + 1 :]:
                if a in out and b in out:
                    continue
                first, second = candidates[a].note, candidates[b].note
                if not near_identical(first.question, second.question):
                    continue
                if part_and_whole(first.question, second.question):
                    continue
                if fold(first.answer) == fold(second.answer):
                    if b not in out:  # one question asked twice: keep the first
                        out.add(b)
                        dropped.append(drop_of(candidates[b], "same-wording"))
                    continue
                for i in (a, b):
                    if i not in out:
                        out.add(i)
                        dropped.append(drop_of(candidates[i], "same-wording-different-answer"))
    return [c for i, c in enumerate(candidates) if i not in out], dropped


TRIVIAL_WORDS = {m.lower() for m in MONTH_NAMES}


def _names_in(question: str) -> frozenset[str]:
    """The capitalised words after the first: what makes two similar questions different."""
    words = _words(body_of(question))[1:]
    return frozenset(
        fold(w)
        for w in words
        if w[:1].isupper() and fold(w) not in TRIVIAL_WORDS and not RELATIVE_TIME.fullmatch(w)
    )


def near_identical(a: str, b: str) -> bool:
    """Same words but for a few small ones: 'over to Friday in a summit' and 'over Thursday to'."""
    first, second = set(fold(a).split()), set(fold(b).split())
    if not first or not second:
        return False
    overlap = len(first & second) / len(first | second)
    return overlap >= 0.75 or (
        min(len(first), len(second)) >= 6 and (first <= second or second <= first)
    )


# 'How many children were among the villagers killed ...?': a part of the whole another counts.
AMONG = re.compile(r"\bhow many ([\w-]+) (?:were|had been|have been) among the ([\w-]+)", re.I)


def part_and_whole(a: str, b: str) -> bool:
    """One question counts a part ('children among the villagers killed') of the whole the
    other counts ('how many villagers'): two facts, however alike their words."""
    for part, whole in ((a, b), (b, a)):
        found = AMONG.search(part)
        if found is None or found.group(1).lower() in fold(whole).split():
            continue
        if re.search(rf"\bhow many {re.escape(found.group(2))}\b", whole, re.I):
            return True
    return False


def balance_truefalse(candidates: list[Candidate]) -> tuple[list[Candidate], list[Drop]]:
    """True and false statements in roughly equal numbers: drop the surplus, last ones first."""
    statements = [c for c in candidates if c.note.kind == "truefalse"]
    trues = [c for c in statements if c.note.extra.get("truth")]
    falses = [c for c in statements if not c.note.extra.get("truth")]
    allowed = max(1, len(statements) // 5)
    surplus: list[Candidate] = []
    if len(trues) - len(falses) > allowed:
        surplus = trues[len(falses) + allowed :]
    elif len(falses) - len(trues) > allowed:
        surplus = falses[len(trues) + allowed :]
    gone = {id(c) for c in surplus}
    return (
        [c for c in candidates if id(c) not in gone],
        [drop_of(c, "truefalse-balance") for c in surplus],
    )


def problems(
    candidates: Sequence[Candidate], headlines: Sequence[str] = (), names: Iterable[str] = ()
) -> list[Drop]:
    """Every mechanical fault of a finished set: empty when each card passes every check."""
    _kept, each = check_each(candidates, headlines, names)
    _kept, whole = check_set(list(candidates))
    _kept, unbalanced = balance_truefalse(list(candidates))
    return each + whole + unbalanced
