"""Which clause of a sentence a date belongs to, and whether that clause reads whole alone.

Rules of news English, not of any article: a date right after a noun-phrase subordinate
('due to the failed Christmas Day plot') dates that phrase, not the main verb; 'after being
arrested on Thursday' dates the arrest, whose subject is the main clause's; 'the killing of
a journalist, Ana Roe, on May 3' dates a killing as surely as a verb would; a definite
description ('the bitter dispute') means something only with the article in hand.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizkit.questions.phrasing import is_participle, main_verb, past_tense_lemma, plural_subject

# Words that end a noun phrase the extractor cut short ('the Israeli air' + 'strikes on').
PHRASE_ENDS = {
    "in", "on", "at", "by", "for", "with", "from", "to", "of", "into", "onto", "about",
    "against", "between", "near", "under", "over", "through", "during", "amid", "as",
    "and", "or", "but", "nor", "that", "which", "who", "whom", "whose", "where", "when",
    "while", "after", "before", "since", "because", "following", "though", "although", "if",
    "than", "until", "despite", "including", "said", "says", "is", "are", "was", "were",
    "will", "would", "has", "have", "had", "the", "a", "an",
}  # fmt: skip
# What may follow a verb that takes no object: a preposition or an adverb ('appeared in').
INTRANSITIVE_NEXT = PHRASE_ENDS - {"the", "a", "an", "that", "which", "who", "whom", "whose"}
INTRANSITIVE_NEXT |= {"today", "here", "there", "again", "briefly", "late", "early"}
# Words that open a phrase of their own after the main verb: a date behind one dates it.
SUBORDINATE = re.compile(
    r"\b(?:after|before|following|due to|because of|ahead of|amid|prior to|in the wake of)\b",
    re.IGNORECASE,
)
# A date adverb of its own ('today') modifies the main clause wherever it stands.
ADVERB_DATE = re.compile(
    r"^(?:today|yesterday|tonight|this morning|this afternoon|this evening|earlier today)$",
    re.IGNORECASE,
)
# 'after being arrested', 'before leaving for Riga': a clause of its own with its own date.
PARTICIPLE_CLAUSE = re.compile(
    r"\s+(?:after|before|following)\s+(?:being\s+)?\w+(?:ed|en|ing)\b.*$"
)


def complete(event: str, sentence: str, date_start: int, date_end: int) -> str:
    """The event with the words the extractor cut off inside a noun phrase put back.

    'to discuss the Israeli air' in '... to discuss the Israeli air strikes on Gaza' ends
    mid-phrase: the words up to the next preposition, conjunction, punctuation or the date
    itself belong to it (at most three).
    """
    words = event.split()
    if len(words) < 2:
        return event
    tail = re.escape(words[-2]) + r"\s+" + re.escape(words[-1])
    matches = list(re.finditer(rf"(?<![\w-]){tail}(?![\w-])", sentence))
    found = matches[-1] if matches else None
    if found is None or sentence[found.end() : found.end() + 1] != " ":
        return event
    added: list[str] = []
    for token in re.finditer(r"\S+", sentence[found.end() :]):
        start = found.end() + token.start()
        text = token.group()
        bare = text.strip(".,;:!?\"'“”()")
        if (
            len(added) >= 3
            and not text[:1].isupper()
            or len(added) == 6
            or date_start <= start < date_end
            or not bare
            or not text[:1].isalnum()
            or bare.lower() in PHRASE_ENDS
            or ADVERB_DATE.match(bare)
            or bare.endswith("ing")
        ):
            break  # an '-ing' word opens a phrase of its own ('barring entry to ...')
        added.append(bare)
        if text != bare:
            break  # the phrase ends at its punctuation
    return " ".join([*words, *added])


@dataclass(frozen=True)
class Attachment:
    """What the date is of: the main event (event unchanged), another clause (a new event),
    or something that cannot be asked (event None, with the reason)."""

    event: str | None
    reason: str | None = None


def attach(event: str, sentence: str, date_text: str, date_start: int) -> Attachment:
    """Which phrase of the sentence the date belongs to.

    A date standing after 'after/due to/following ...' behind the main verb dates that
    phrase: 'after being arrested on Thursday' becomes the event 'X was arrested' (when
    the main verb takes no object, its subject is the arrested one); a noun phrase there
    ('due to the failed Christmas Day plot') cannot be asked as the main event's date.
    A date on the main clause drops an 'after being ...' clause from the event.
    """
    words = event.split()
    verb_at = _verb_index(words)
    if verb_at is None or ADVERB_DATE.match(date_text.strip()):
        return Attachment(_without_participle_clause(event))
    verb = words[verb_at]
    verb_pos = _last_before(sentence, verb, date_start)
    if verb_pos is None:
        return Attachment(_without_participle_clause(event))
    between = sentence[verb_pos + len(verb) : date_start]
    openers = list(SUBORDINATE.finditer(between))
    opener = openers[-1] if openers else None
    if opener is None:
        return Attachment(_without_participle_clause(event))
    phrase = between[opener.end() :].strip()
    passive = re.fullmatch(r"being (\w+)(?: on| in)?", phrase)
    if passive and is_participle(passive.group(1)) and _takes_no_object(words, verb_at):
        subject = " ".join(words[:verb_at])
        if words[verb_at - 1].lower() in ("was", "were"):
            subject = " ".join(words[: verb_at - 1])
        be = "were" if plural_subject(subject.rstrip(",")) else "was"
        return Attachment(f"{subject} {be} {passive.group(1)}")
    return Attachment(None, "date-of-other-event")


def _without_participle_clause(event: str) -> str:
    return PARTICIPLE_CLAUSE.sub("", event)


def _verb_index(words: list[str]) -> int | None:
    """The main verb: a simple past, or the participle after 'was/were'."""
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in ("was", "were") and i + 1 < len(words):
            return i + 1
        if word.lower() in ("has", "have", "had", "is", "are", "will", "would"):
            return None
    found = main_verb(words)
    return found[0] if found else None


def _last_before(sentence: str, word: str, limit: int) -> int | None:
    found = None
    for match in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", sentence[:limit]):
        found = match.start()
    return found


def _takes_no_object(words: list[str], verb_at: int) -> bool:
    """Nothing, a preposition or an adverb after the verb: 'appeared in court'."""
    after = words[verb_at + 1 : verb_at + 2]
    return not after or after[0].lower() in INTRANSITIVE_NEXT


# Nouns that name an event by its verb, with how the verb is asked: passive 'When was X
# killed?' or active 'When did X disappear?'.
NOMINAL_EVENTS = {
    "killing": ("killed", True),
    "murder": ("murdered", True),
    "assassination": ("assassinated", True),
    "arrest": ("arrested", True),
    "kidnapping": ("kidnapped", True),
    "abduction": ("abducted", True),
    "release": ("released", True),
    "cancellation": ("cancelled", True),
    "postponement": ("postponed", True),
    "execution": ("executed", True),
    "disappearance": ("disappeared", False),
    "death": ("died", False),
    "resignation": ("resigned", False),
    "arrival": ("arrived", False),
}
_NOUNS = "|".join(NOMINAL_EVENTS)
_NAME = r"(?:the \d{4} )?[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
# '... the killing of one journalist, Ana Roe, in Varna on'  (the date follows)
_PLACE = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
NOMINAL_BEFORE = re.compile(
    rf"\bthe (?P<noun>{_NOUNS}) of "
    rf"(?P<np>(?:(?:an?|one|another|the) )?(?:[a-z-]+ )?(?P<role>[a-z-]+), (?P<name>{_NAME}),"
    rf"|{_NAME})(?: in (?P<place>{_PLACE}))?"
    rf"(?:,? (?:\w+ ){{1,3}}(?:earlier|later))?,?(?: in (?P<place2>{_PLACE}))?"
    r"(?: on| in)?\s*$"
)
# '... the cancellation' + date + ' of the 2008 Tarsa Rally'
NOMINAL_AROUND = re.compile(rf"\bthe (?P<noun>{_NOUNS})\s*$")
NAME_AFTER = re.compile(rf"^\s*of (?P<name>{_NAME})")


def nominal_event(sentence: str, date_start: int, date_end: int) -> str | None:
    """'journalist Ana Roe was killed in Varna' from 'the killing of one journalist, Ana Roe,
    in Varna on May 3'; None when the date stands by no such noun."""
    # A bounded stretch on each side: the noun stands within a few words of its date.
    before, after = sentence[max(0, date_start - 160) : date_start], sentence[date_end:][:120]
    if not any(noun in before for noun in NOMINAL_EVENTS):
        return None  # both patterns need one of the nouns before the date
    found = NOMINAL_BEFORE.search(before)
    if found:
        noun = found["noun"]
        subject = f"{found['role']} {found['name']}" if found["name"] else found["np"]
        subject = _name_end(subject)
        place = found["place"] or found["place2"]
    else:
        around, named = NOMINAL_AROUND.search(before), NAME_AFTER.match(after)
        if not (around and named):
            return None
        noun, subject, place = around["noun"], _name_end(named["name"]), None
    if not re.search(r"[A-Z]", subject):
        return None
    verb, passive = NOMINAL_EVENTS[noun]
    where = f" in {place}" if place else ""
    if passive:
        be = "were" if plural_subject(subject) else "was"
        return f"{subject} {be} {verb}{where}"
    return f"{subject} {verb}{where}"


def _name_end(name: str) -> str:
    """A name without the sentence's full stop ('Regatta.'), keeping an initial's ('U.S.')."""
    return name if re.search(r"\b[A-Z]\.$", name) else name.rstrip(".")


# Heads that mean the same out of the article as in it.
SELF_CONTAINED_HEADS = {"time", "first", "world", "past", "same", "end", "start", "beginning"}
SELF_CONTAINED_HEADS |= {"rest", "part", "middle", "number", "top", "front"}
# A body the question names just before ('NATO ... the alliance', 'Latvia ... the country').
BODY_NOUNS = {"alliance", "organisation", "organization", "bloc", "union", "league", "country"}
BODY_NOUNS |= {"nation", "group", "body", "company", "party", "council", "coalition"}
QUALIFIERS = {"of", "in", "from", "at", "on", "between", "against", "with", "for", "by", "near"}
NOT_NOUN_PHRASE = QUALIFIERS | PHRASE_ENDS | {"to", "into"}


def unnamed_description(question: str) -> str | None:
    """The first definite description a learner cannot place without the article.

    'the bitter dispute', 'the failed plot', 'the most powerful aftershock': 'the' and
    ordinary words, neither a name inside nor a named qualifier after ('the coast of
    Pichilemu', 'the government of Pakistan', 'the Gaza Strip' are placed).
    """
    if "the" not in question.lower():
        return None  # most clauses have no 'the' to read a description after
    words = question.rstrip("?").split()
    for i, word in enumerate(words):
        if word.lower() != "the":
            continue
        run: list[str] = []
        for nxt in words[i + 1 : i + 5]:
            bare = nxt.strip(",;:\"'“”")
            if not bare or not bare[:1].islower() or bare.lower() in NOT_NOUN_PHRASE:
                break
            if run and past_tense_lemma(bare):
                break  # the verb after the phrase: 'the government lifted'
            possessive = bare.endswith(("'s", "’s"))
            run.append(bare[:-2] if possessive else bare)
            if possessive or nxt != bare:
                break
        if not run or any(not w.isalpha() and "-" not in w for w in run):
            continue
        if run[-1] in SELF_CONTAINED_HEADS:
            continue
        if run[-1] in BODY_NOUNS and re.search(
            r"\b[A-Z]{2,}\b|\b[A-Z][a-z]+", " ".join(words[1:i])
        ):
            continue  # 'NATO agreed to reinforce the alliance's flank': the name just before
        rest = words[i + 1 + len(run) : i + 6 + len(run)]
        if len(rest) >= 2 and rest[0].lower() in QUALIFIERS and _placing(rest[1:]):
            continue
        if rest and rest[0][:1].isupper():
            continue  # 'the pathologist Ana Roe': named by apposition
        return "the " + " ".join(run)
    return None


def _placing(words: list[str]) -> bool:
    """A qualifier that places: a name or number soon after ('between the nations of Chile'),
    or a bare plural ('of journalists')."""
    bare = [w.strip(",;:\"'“”") for w in words]
    if any(w[:1].isupper() or w[:1].isdigit() for w in bare[:4]):
        return True
    return bool(bare) and bare[0].lower() not in NOT_NOUN_PHRASE | {
        "his", "her", "its", "their", "this", "that", "these", "those",
    }  # fmt: skip


# A relation noun's partners, said after it in the sentence: 'the dispute that had taken
# place between the nations of Chile and Peru'.
PARTNERS = re.compile(
    r"^[^.;:]{0,60}?\b(?P<phrase>(?:between|with|against) (?:the \w+ of )?"
    r"[A-Z][\w'’-]*(?:(?:,? and |, | )[A-Z][\w'’-]*)*)"
)


def name_description(
    description: str, sentence: str, earlier: list[str], people: dict[str, set[str]] | None = None
) -> str | None:
    """The description with what places it: its partners named after it in the sentence
    ('the bitter dispute between Chile and Peru'), or the named phrase with the same head
    noun in an earlier sentence ('the summit' -> 'the Rio Group summit'); None when neither
    is there (or more than one earlier phrase would fit)."""
    at = sentence.find(description[4:]) if description.startswith("the ") else -1
    if at >= 0:
        partners = PARTNERS.match(sentence[at + len(description) - 4 :])
        if partners:
            return f"{description} {partners['phrase'].rstrip(',')}"
    head = description.split()[-1]
    # compiled once for all the earlier sentences; each match holds the head noun as written
    named = re.compile(
        rf"\b(?:the|The) ((?:[A-Z][\w'’.-]*\s+)+(?:[a-z-]+\s+){{0,2}}){re.escape(head)}\b"
    )
    owned = re.compile(rf"\b([A-Z][\w'’-]*['’]s\s+(?:[a-z-]+\s+){{0,2}}){re.escape(head)}\b")
    found = set()
    for text in earlier:
        if head in text:  # most earlier sentences never write the head noun: none matches
            for match in named.finditer(text):
                found.add(f"the {match.group(1)}{head}")
            for match in owned.finditer(text):
                found.add(f"{match.group(1)}{head}")
            found |= _owned_by_person(text, head, people or {})
        if description == f"the {head}" and head in NAMED_KINDS:
            kinds = "|".join(NAMED_KINDS[head])
            for match in re.finditer(
                rf"\b(?:the|The) ((?:[A-Z0-9][\w'’.-]*\s+)+)({kinds})\b", text
            ):
                found.add(f"the {match.group(1)}{match.group(2)}")
    return found.pop() if len(found) == 1 else None


# 'the race' after 'the 2008 Tarsa Rally': a common noun for the kind of a named event.
NAMED_KINDS = {
    "race": ("Rally", "Race", "Marathon", "Regatta", "Grand Prix"),
    "tournament": ("Cup", "Championship", "Open", "Tournament"),
}


def _owned_by_person(text: str, head: str, people: dict[str, set[str]]) -> set[str]:
    """'Ana Roe signed a new version of her executive order' -> "Ana Roe's executive order":
    'his/her' with the one person the sentence names before it."""
    found = set()
    noun = re.escape(head)
    owned = rf"\b(?:an? (?P<new>[a-z-]+) version of )?(?:his|her) ((?:[a-z-]+\s+){{0,2}}){noun}\b"
    for match in re.finditer(owned, text):
        before = text[: match.start()]
        named = {p for p, names in people.items() if any(n in before for n in names)}
        new = f"{match['new']} " if match["new"] else ""  # 'a revised version of his order'
        if len(named) == 1:
            found.add(f"{named.pop()}'s {new}{match.group(2)}{head}")
    return found


# 'Ana Roe has sent Ivo Kask to visit Riga on Monday': the one sent is to visit.
SENT_TO = re.compile(
    r"^.*?\b(?:sent|dispatched|asked|ordered|invited|instructed)\s+(?P<who>.+?)\s+to\s+"
    r"(?P<verb>[a-z]+)\b(?P<rest>.*)$"
)


def sent_to(event: str) -> str | None:
    """'X has sent Y to visit Riga' -> 'Y will visit Riga': the planned event is the visit."""
    found = SENT_TO.match(event)
    if not found or not found["who"][:1].isupper():
        return None
    return f"{found['who']} will {found['verb']}{found['rest']}"


# "Tarsa's scheduled October 28 general elections": a date inside a named noun phrase.
EVENT_NOUNS = r"(?:elections?|vote|referendum|summit|talks|conference|polls|games|ceremony)"
OWNER_BEFORE = re.compile(
    r"(?P<owner>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*['’]s) (?:scheduled |planned |upcoming )?$"
)
NOUN_AFTER = re.compile(rf"^\s+(?P<noun>(?:[a-z-]+ ){{0,2}}{EVENT_NOUNS})\b")


def dated_noun(sentence: str, date_start: int, date_end: int, planned: bool) -> str | None:
    """'Tarsa's general elections will be held' from "Tarsa's scheduled October 28 general
    elections"; None when the date is not set inside such a phrase."""
    noun = NOUN_AFTER.match(sentence[date_end : date_end + 60])
    if noun is None:
        return None
    owner = OWNER_BEFORE.search(sentence[max(0, date_start - 80) : date_start])
    if owner is None:
        return None
    subject = f"{owner['owner']} {noun['noun']}"
    if planned:
        return f"{subject} will be held"
    return f"{subject} {'were' if plural_subject(subject) else 'was'} held"


SPEECH_VERBS = {"say", "tell", "warn", "announce", "declare", "state", "claim", "report"}
SPEECH_VERBS |= {"insist", "stress", "add", "note", "confirm", "deny", "urge"}
CONTENT_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us"}
CONTENT_PRONOUNS |= {"this", "these", "those", "his", "its", "their", "our", "my"}
FINITE = {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could"}
FINITE |= {"may", "might", "must", "should", "does", "do", "did", "doesn't", "don't", "isn't"}
FINITE |= {"wasn't", "won't", "remains", "remained"}


def statement_clause(event: str, sentence: str) -> str | None:
    """A statement that can be asked as itself: 'When did Ana Roe tell the BBC that talks
    had failed?' The speaker is named, the words said are a whole clause of the writer's
    (no quotation, no pronoun pointing back into the article), cut at a condition ('if
    ...') or the speaker's second verb ('and expressed ...'); else None.
    """
    stripped = sentence.lstrip()
    if stripped[:1] in "\"“'‘":
        return None  # a quotation put in the writer's words by the extractor
    words = event.split()
    found = main_verb(words)
    if found is None or found[1] not in SPEECH_VERBS:
        return None
    at = found[0]
    subject = words[:at]
    if not any(w[:1].isupper() for w in subject) or subject[0].lower() in CONTENT_PRONOUNS:
        return None
    text = " ".join(words[at + 1 :])
    text = re.split(r",?\s+if\s+", text)[0]
    second = re.search(r"\s+and\s+(\w+)\b", text)
    if second and past_tense_lemma(second.group(1)):
        text = text[: second.start()]
    said = text.split()
    if not said or len(said) > 22:
        return None
    if any(w.lower().strip(",.;:") in CONTENT_PRONOUNS for w in said[1:]):
        return None
    lowered = [w.lower() for w in said]
    clause = said[lowered.index("that") + 1 :] if "that" in lowered else []
    if "that" in lowered and not any(
        w.lower() in FINITE or past_tense_lemma(w) or _present_verb(w) for w in clause
    ):
        return None  # 'reported that claiming ...': no clause after 'that'
    return " ".join([*subject, words[at], *said])


def _present_verb(word: str) -> bool:
    """'risks', 'needs': a third-person present verb."""
    if not (word.isalpha() and word.islower() and word.endswith("s")):
        return False
    from lemminflect import getInflection, getLemma

    lemmas = getLemma(word, "VERB")
    return bool(lemmas) and word in getInflection(lemmas[0], "VBZ")


# A clause opens at the sentence's start or after a semicolon: the subject stands in it.
_CLAUSE_START = re.compile(r"^.*(?:;\s+|\.\s+)")
# 'A patrol boat of the Tarsa navy (TN), the Kora, sank May 3 ...': a description with its
# name set off after it; the name says which one.
_APPOSED_NAME = re.compile(
    r"^(?:[^,]|,(?=\d))+,\s+(?P<name>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*),$"
)
# The words after the date that still belong to its clause: up to punctuation, a
# conjunction or a phrase of its own.
_CLAUSE_END = re.compile(
    r"[.,;:\"“”()]|\s(?:and|but|while|which|who|after|before|following|as|when|according)\s"
)
_BEFORE_VERB = {"was", "were", "is", "are", "has", "have", "had", "be", "been", "not"}


# 'in Tartu, Estonia': a place and its country set off by a comma stay one phrase.
_PLACE_COUNTRY = re.compile(r"^,\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=[.;:,]|\s+[a-z]|$)")


def _rest_of_clause(after: str) -> str:
    """The words after a date that still belong to its clause."""
    after = after.lstrip(" ,")
    cut = _CLAUSE_END.search(after)
    if cut is None:
        return after.strip()
    rest = after[: cut.start()]
    country = _PLACE_COUNTRY.match(after[cut.start() :])
    if country and re.search(r"\b(?:in|to|from|near|at) [A-Z][\w'’-]*$", rest):
        rest += country.group()
    return rest.strip()


def verb_before_date(sentence: str, date_start: int, date_end: int) -> str | None:
    """'the Kora sank near the border' from 'A patrol boat, the Kora, sank May 3 near the
    border.': the date stands right after the clause's own past-tense verb, so it dates that
    verb; a subject set off by a name is asked by the name. None for any other shape."""
    before = _CLAUSE_START.sub("", sentence[max(0, date_start - 200) : date_start])
    before = re.sub(r"\s*\([^()]*\)", "", before)
    found = re.fullmatch(r"(?P<subject>.+?)\s+(?P<verb>[a-z]+)\s+(?:on\s+)?", before)
    lemma = past_tense_lemma(found["verb"]) if found else None
    if not found or lemma is None or lemma in SPEECH_VERBS:
        return None  # 'Roe said on Monday': a remark, asked (if at all) as a statement
    subject = found["subject"]
    if subject.split()[-1].lower() in _BEFORE_VERB:
        return None
    if re.search(r",(?!\d)", subject):
        apposed = _APPOSED_NAME.match(subject)
        if not apposed:
            return None  # 'When Roe left, Kask arrived': more than a subject before the verb
        subject = apposed["name"]
    if len(subject.split()) > 10 or not re.search(r"[A-Z]", subject):
        return None
    if any(w.islower() and past_tense_lemma(w) for w in subject.split()):
        return None  # 'Roe said the talks collapsed Monday': the date is not the saying's
    rest = _rest_of_clause(sentence[date_end : date_end + 160])
    if rest and rest.split()[0].lower() not in INTRANSITIVE_NEXT:
        return None  # an object after the date: the date may be of something else
    return " ".join(w for w in (subject, found["verb"], rest) if w)


# 'In a Tarsa Times interview published on Friday Roe said ...': the date is the
# interview's; the one who gave it is the clause's named subject.
_INTERVIEW_BEFORE = re.compile(
    r"^(?:In|in) (?:a|an|the) (?P<outlet>[A-Z][\w'’.&-]*(?: [A-Z][\w'’.&-]*){0,4}) "
    r"(?P<noun>interview|op-ed|column|article) "
    r"(?P<verb>published|released|broadcast|aired) (?:on )?$"
)
_SPEAKER_AFTER = re.compile(r"^,?\s*(?P<name>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*) (?P<verb>[a-z]+)\b")


def published_interview(sentence: str, date_start: int, date_end: int) -> tuple[str, str] | None:
    """("Roe", "Tarsa Times interview was published") from 'In a Tarsa Times interview
    published on Friday Roe said ...'; None when the sentence does not open that way."""
    found = _INTERVIEW_BEFORE.match(sentence[:date_start].lstrip())
    speaker = _SPEAKER_AFTER.match(sentence[date_end:])
    if not (found and speaker and past_tense_lemma(speaker["verb"])):
        return None
    return speaker["name"], f"{found['outlet']} {found['noun']} was {found['verb']}"


# "Ana Roe's condition is stable following surgery on Monday for a broken hip": the one
# person the clause names, in full, had the surgery.
_SURGERY_BEFORE = re.compile(r"\b(?:following|after) (?:emergency )?surgery (?:on )?$")
_FULL_NAME = re.compile(r"\b[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)+\b")
_SURGERY_FOR = re.compile(
    r"^\s*(?P<for>for (?:[a-z-]+ ){0,3}[a-z-]+)(?=\s+(?:according|and|but)\b|[.,;]|$)"
)


def surgery(sentence: str, date_start: int, date_end: int, people: set[str]) -> str | None:
    """'Ana Roe underwent surgery for a broken hip', when the clause before the surgery
    names one person in full and no one else (`people` are the story's names)."""
    before = _CLAUSE_START.sub("", sentence[max(0, date_start - 200) : date_start])
    found = _SURGERY_BEFORE.search(before)
    if not found:
        return None
    opening = before[: found.start()]
    named = {re.sub(r"['’]s$", "", m.group()) for m in _FULL_NAME.finditer(opening)}
    if len(named) != 1 or any(p in opening and not any(p in n for n in named) for p in people):
        return None
    reason = _SURGERY_FOR.match(sentence[date_end:])
    return f"{named.pop()} underwent surgery" + (f" {reason['for']}" if reason else "")


# '<what happened>, Tarsa police reported Monday.': the date closes the sentence right after
# a named speaker's verb, so it dates the report, and the report is of the clause before.
_TRAILING_SPEAKER = re.compile(
    r"^(?P<said>[A-Z].+?),\s+(?P<speaker>(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)\s+"
    r"(?P<verb>said|reported|announced|confirmed|stated)\s+(?:on\s+)?$"
)
# Where the reported clause's own asides begin ('..., after claiming ...').
_SAID_ASIDE = re.compile(r",\s+(?:after|before|while|as|following|when|because|since|but)\b")


def trailing_attribution(sentence: str, date_start: int, date_end: int) -> str | None:
    """'Tarsa police reported that the navy towed the boat to Varna' from 'The navy towed the
    boat to Varna, after it sank, Tarsa police reported Monday.'; None for any other shape
    (a quotation, no named speaker, words after the date)."""
    if sentence[date_end:].strip() not in ("", "."):
        return None
    found = _TRAILING_SPEAKER.match(sentence[:date_start].strip() + " ")
    if not found or re.search(r"[\"“”]", found["said"]):
        return None
    said = _SAID_ASIDE.split(found["said"])[0].strip()
    first, _, rest = said.partition(" ")
    if first in ("The", "A", "An"):
        said = f"{first.lower()} {rest}"
    return f"{found['speaker']} {found['verb']} that {said}"


# 'Tarsa officials had said as late as Monday that the road was open': the date stands
# between a named speaker's verb and what was said, so it dates the saying.
_SPEAKER_BEFORE = re.compile(
    r"(?:^|,\s+|\s+and\s+)(?P<speaker>(?:[\w-]+\s+){0,2}[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)"
    r"\s+(?:had\s+|has\s+)?(?P<verb>said|announced|confirmed|stated|warned|reported)\s+"
    r"(?:as late as\s+|as early as\s+|on\s+)?$"
)
_SAID_AFTER = re.compile(r"^,?\s+that\s+(?P<said>[^\"“”]+?)\.?$")


def speech_around_date(sentence: str, date_start: int, date_end: int) -> str | None:
    """'Tarsa officials said that the road was open' from '..., and Tarsa officials had said
    as late as Monday that the road was open.'; None for any other shape."""
    before = sentence[max(0, date_start - 160) : date_start]
    found = _SPEAKER_BEFORE.search(before)
    said = _SAID_AFTER.match(sentence[date_end:])
    if not (found and said) or len(found["speaker"].split()) < 2:
        return None  # 'Officials said ...': one word may be capital only for opening
    return f"{found['speaker']} {found['verb']} that {said['said']}"


# 'due to the failed May Day plot to bomb the Tarsa ferry': a date set inside the noun
# phrase of an attack or plot dates that attack, whichever verb the sentence hangs it on.
_ATTACK_BEFORE = re.compile(r"\bthe (?P<adj>(?:failed|foiled|thwarted|attempted|botched) )?$")
_ATTACK_AFTER = re.compile(
    r"^\s*(?P<noun>(?:bomb |suicide |terror )?(?:plot|attack|bombing|raid))\s+"
    r"(?P<what>(?:to|on|against)\s+[^,;:.\"“”()]+?)"
    r"(?:,\s+(?P<claim>for which [^,;:.\"“”()]+?claimed responsibility))?(?=[,;:.]|$)"
)


def dated_attack(sentence: str, date_start: int, date_end: int) -> str | None:
    """'there was a failed plot to bomb the Tarsa ferry' from 'the failed May Day plot to
    bomb the Tarsa ferry'; None unless its target or claim names something (a capital)."""
    before = _ATTACK_BEFORE.search(sentence[max(0, date_start - 40) : date_start])
    after = _ATTACK_AFTER.match(sentence[date_end : date_end + 200])
    if not (before and after):
        return None
    what = after["what"].split()
    # the sentence's own verb after the phrase ('the May 3 attack on Riga killed two')
    verb = next((i for i, w in enumerate(what) if i >= 2 and past_tense_lemma(w)), None)
    if verb is not None:
        told = " ".join(what[:verb])
    else:
        told = f"{after['what']}, {after['claim']}" if after["claim"] else after["what"]
    if not re.search(r"\b[A-Z]", told):
        return None  # 'the May Day plot to bomb a ferry': which one is in the article
    adjective = before["adj"] or ""
    article = "an" if (adjective or after["noun"])[:1] in "aeiou" else "a"
    return f"there was {article} {adjective}{after['noun']} {told}"


# 'The race, which was to be the tenth, was to start in Riga and end on May 9 in Tartu':
# the date stands by the second verb, which shares the first one's subject and plan.
_COORDINATED_PLAN = re.compile(
    r"^(?P<subject>(?:The|A|An) [a-z][\w-]*(?: [a-z][\w-]*){0,2})\s+(?:was|were)\s+"
    r"(?:to|due to|scheduled to|set to|expected to)\s+[a-z]+\b[^;]*?\s+and\s+"
    r"(?P<verb>[a-z]+)\s+(?:on\s+)?$"
)


def coordinated_plan(sentence: str, date_start: int, date_end: int) -> str | None:
    """'the race will end in Tartu' from 'The race, which was to be the tenth, was to start
    in Riga and end on May 9 in Tartu'; None for any other shape."""
    before = _CLAUSE_START.sub("", sentence[max(0, date_start - 240) : date_start])
    before = re.sub(r",\s+(?:which|who)\s+[^,]+,", "", before)
    found = _COORDINATED_PLAN.match(before)
    if not found or past_tense_lemma(found["verb"]) or found["verb"] in PHRASE_ENDS:
        return None
    rest = _rest_of_clause(sentence[date_end : date_end + 160])
    if rest and rest.split()[0].lower() not in INTRANSITIVE_NEXT:
        return None
    subject = found["subject"]
    subject = subject[0].lower() + subject[1:]
    return " ".join(w for w in (subject, "will", found["verb"], rest) if w)


# '"There is a sense of crisis among farmers," Tarsa's union said on Monday.': a whole
# sentence quoted, its speaker named and the date closing the sentence after the verb.
_QUOTED_BEFORE = re.compile(
    r"^[\"“](?P<quote>[A-Z][^\"“”]+?),?[\"”],?\s+"
    r"(?P<speaker>(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)\s+"
    r"(?P<verb>said|stated|warned)\s+(?:on\s+)?$"
)
# Words that speak from inside the quotation: out of it they mean someone else.
FIRST_PERSON = {"i", "we", "you", "our", "us", "my", "me", "your", "ours", "yours"}
# Where the quotation's main clause ends: a relative clause or an aside of its own.
_QUOTE_CLAUSE_END = re.compile(r",\s|\s(?:who|which|whose|where|while|because)\s")


def quoted_statement(sentence: str, date_start: int, date_end: int) -> tuple[str, str] | None:
    """(speaker, what was said) from '"There is a sense of crisis among farmers who ...,"
    the union said on Monday.': the quotation's main clause in the writer's words; None when
    the quotation speaks in the first or second person or the sentence has another shape."""
    if sentence[date_end:].strip() not in ("", "."):
        return None
    found = _QUOTED_BEFORE.match(sentence[:date_start].strip() + " ")
    if not found:
        return None
    quote = _QUOTE_CLAUSE_END.split(found["quote"])[0].strip()
    words = [w.strip(".,;:!?'‘’").lower() for w in quote.split()]
    if len(words) < 4 or FIRST_PERSON & set(words):
        return None
    first, _, rest = quote.partition(" ")
    if first in ("There", "The", "A", "An"):
        quote = f"{first.lower()} {rest}"
    return found["speaker"], quote


def spelled_out(short: str, earlier: list[str]) -> str | None:
    """'the Tarsa Farmers Union' for 'the TFU' where an earlier sentence wrote it out with
    the letters after it in brackets and its capitals spell them."""
    letters = short.removeprefix("the ").strip()
    if not re.fullmatch(r"[A-Z]{2,6}", letters):
        return None
    found = set()
    for text in earlier:
        for match in re.finditer(
            rf"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|on|the)\s+)?)+)\({letters}\)", text
        ):
            words = match.group(1).split()
            initials = "".join(w[0] for w in words if w[:1].isupper())
            if initials.endswith(letters):
                named = words[-_count_to(words, len(letters)) :]
                found.add(" ".join(named))
    if len(found) != 1:
        return None
    return f"the {found.pop()}" if short.startswith("the ") else found.pop()


def _count_to(words: list[str], capitals: int) -> int:
    """How many words from the end hold the last `capitals` capitalised words."""
    seen = 0
    for back, word in enumerate(reversed(words), start=1):
        seen += word[:1].isupper()
        if seen == capitals:
            return back
    return len(words)
