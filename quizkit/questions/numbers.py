"""Number questions phrased with the thing counted: 'How many troops did Chile send to Haiti?'"""

from __future__ import annotations

import re

from quizkit.extract.facts import NumberFact
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop, source_of
from quizkit.questions.dates import names_something
from quizkit.questions.distractors import factor_options, format_number, number_options, rng_for
from quizkit.questions.phrasing import country_name, past_tense_lemma, sentence_case_subject
from quizkit.questions.story import Story

APPROX = re.compile(
    r"\b(about|around|roughly|approximately|some|nearly|almost|more than|over|at least|"
    r"up to|fewer than|less than)\s*$",
    re.I,
)
APPROX_WORDS = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about",
    "some": "about", "nearly": "nearly", "almost": "nearly", "more than": "more than",
    "over": "more than", "at least": "at least", "up to": "up to", "fewer than": "fewer than",
    "less than": "less than",
}  # fmt: skip
MONEY_UNITS = {"$", "US$", "EUR", "€", "£", "GBP", "USD", "yen", "¥", "dollars", "euros", "pounds"}
CHANGE_VERBS = {"rise", "fall", "grow", "drop", "increase", "decrease", "jump", "climb", "decline"}
DURATIONS = {"days", "weeks", "months", "years", "hours", "nights"}
# Where a clause ends: the question takes the words up to here.
CLAUSE_END = re.compile(
    r"\s*(?:[;:!?\"“”()]|[,.](?!\d)|\s-\s|\b(?:and|but|while|whereas|although|because|said|says|"
    r"according|which|who|if|unless|after|before|when)\b)"
)
# Where a clause starts, reading back from the number.
CLAUSE_START = re.compile(
    r"(?:[,;:\"“”()]|(?<![A-Z])\.\s|\b(?:and|but|that|while|after|as|when|said|says|if|because)\b)\s*"
)
NOT_SUBJECTS = {"he", "she", "it", "they", "we", "i", "you", "this", "that", "which", "who"}
NOT_SUBJECTS |= {"its", "his", "her", "their", "our", "my", "your"}
NOT_SUBJECTS |= {"in", "on", "at", "by", "for", "with", "from", "to", "of", "after", "before"}
AUXILIARIES = {"has", "have", "had", "was", "were", "is", "are", "will", "would", "be", "been"}
RELATIVE_ADVERBIAL = re.compile(
    r"\s+(?:on\s+)?(?:last\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|"
    r"yesterday|this (?:morning|week|month|year)|last (?:week|month|year|night))\b",
    re.I,
)
NUMBER_HEAD = re.compile(
    r"^(?:(?:US)?\$|€|£|¥|EUR\s?|USD\s?)?[\d.,]+(?:\s?(?:million|billion|bn|mln|m))?%?"
    r"|^(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|a dozen)[ -]?)+\b",
    re.I,
)


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    drops: list[Drop] = []
    for fact in story.numbers:
        if story.is_headline(fact.where):
            continue  # headline grammar drops its verbs: the body's sentence is asked instead
        factor = factor_question(fact, story)
        if factor is not None:
            candidates.append(_factor_candidate(fact, factor, seed))
            continue
        phrased = number_question(fact) or magnitude_question(fact)
        answer = answer_text(fact)
        if phrased is None:
            drops.append(
                Drop("no-context", "number", fact.text, answer, str(source_of(fact.where)))
            )
            continue
        question, style = phrased
        if not names_something(question):
            drops.append(
                Drop("vague-event", "number", question, answer, str(source_of(fact.where)))
            )
            continue
        guid = content_guid("number", fact.what, str(fact.value), question)
        counted = style == "count"
        candidates.append(
            Candidate(
                Note(
                    question=question,
                    answer=answer,
                    guid=guid,
                    kind="number",
                    alternatives=_alternatives(fact, answer),
                    distractors=number_options(
                        rng_for(seed, guid), fact.value, bool(approx_of(fact))
                    )
                    if counted
                    else (),
                    tags=("number",),
                    sources=(source_of(fact.where),),
                    extra={"answer_type": "number", "what": fact.what},
                ),
                f"number:{fact.value:g}",
                origin=fact,
            )
        )
    return candidates, drops


def _factor_candidate(fact: NumberFact, question: str, seed: int) -> Candidate:
    guid = content_guid("number", fact.what, str(fact.value))
    words = MULTIPLE_WORDS.get(int(fact.value), ())
    return Candidate(
        Note(
            question=question,
            answer=f"{fact.value:g}-fold",
            guid=guid,
            kind="number",
            alternatives=(f"{fact.value:g}", *words),
            distractors=factor_options(rng_for(seed, guid), fact.value),
            tags=("number",),
            sources=(source_of(fact.where),),
            extra={"answer_type": "number", "what": fact.what},
        ),
        f"number:{fact.value:g}",
        origin=fact,
    )


def approx_of(fact: NumberFact) -> str | None:
    if fact.approx:
        return APPROX_WORDS.get(fact.approx.lower(), fact.approx.lower())
    at = fact.where.sentence.find(fact.text)
    before = fact.where.sentence[:at] if at >= 0 else ""
    found = APPROX.search(before) or APPROX.search(re.sub(r"\d.*$", "", fact.text))
    return APPROX_WORDS[found.group(1).lower()] if found else None


def is_money(fact: NumberFact) -> bool:
    return (fact.unit or "") in MONEY_UNITS or fact.what.lower() in MONEY_UNITS


def is_percent(fact: NumberFact) -> bool:
    return (fact.unit or "").lower() in ("percent", "%") or fact.text.rstrip().endswith(
        ("%", "percent", "per cent")
    )


def answer_text(fact: NumberFact) -> str:
    """'about 3,000', '€50 million', '5 percent': the value as a learner would write it."""
    approx = approx_of(fact)
    if fact.what.strip().lower() == "magnitude":
        return f"{fact.value:.1f}"  # a magnitude is written with its tenth: '6.0'
    if is_money(fact) or is_percent(fact):
        head = NUMBER_HEAD.match(fact.text.strip())
        shown = head.group(0).strip() if head and any(c.isdigit() for c in head.group(0)) else ""
        if not shown:
            shown = format_number(fact.value)
        if is_percent(fact) and not shown.endswith("%"):
            shown += " percent"
        return f"{approx} {shown}" if approx else shown
    number = format_number(fact.value)
    return f"{approx} {number}" if approx else number


def _alternatives(fact: NumberFact, answer: str) -> tuple[str, ...]:
    plain = format_number(fact.value)
    forms = [plain, f"{fact.value:g}"]
    return tuple(dict.fromkeys(f for f in forms if f != answer))


MULTIPLE = re.compile(r"(?:a |an )?(\w+)fold (increase|rise|jump|drop|fall) in ([\w ]+)")
MULTIPLE_WORDS = {2: ("twofold", "double", "doubled"), 3: ("threefold", "triple", "tripled")}


def factor_question(fact: NumberFact, story: Story) -> str | None:
    """'a twofold increase in fuel prices' -> 'By what factor did fuel prices rise in ...?'"""
    found = MULTIPLE.match(fact.text)
    if found is None:
        return None
    noun, thing = found.group(2), found.group(3).strip()
    verb = {"jump": "jump", "drop": "drop", "fall": "fall"}.get(noun, "rise")
    place = f" in {country_name(story.main_country)}" if story.main_country else ""
    when = f" in {story.month}" if story.month else ""
    return f"By what factor did {thing}{place} {verb}{when}?"


QUAKES = r"(?:earthquake|quake|aftershock|tremor)"
QUAKE_AFTER = re.compile(rf"^[\s-]*(?:magnitude[\s-]+)?({QUAKES})\b\s*(.*)$", re.I)
QUAKE_HIT_BY = re.compile(
    r"(?:^|[,;:]\s*|\.\s+)((?:[A-Z][\w'-]*\s+){1,3})(?:was|were)\s+(hit|struck|shaken|rocked)"
    r"\s+by\s+an?\s*(?:magnitude[\s-]+)?$"
)
STRUCK = {"struck", "hit", "shook", "rocked", "jolted"}


def magnitude_question(fact: NumberFact) -> tuple[str, str] | None:
    """'A 6.0-magnitude earthquake struck Basyurt' -> 'What was the magnitude of the earthquake
    that struck Basyurt?'; 'Chile was hit by a 8.8 earthquake' -> '... that hit Chile?'."""
    if fact.what.strip().lower() != "magnitude":
        return None
    sentence = re.sub(r"\s*\([^()]*\)", "", fact.where.sentence)
    at = sentence.find(fact.text)
    if at < 0:
        return None
    number = re.sub(r"[\s-]*magnitude[\s-]*", "", fact.text, flags=re.I).strip()
    if not re.fullmatch(r"\d+(?:\.\d+)?", number):
        return None
    after = QUAKE_AFTER.match(sentence[at + len(fact.text) :])
    if after is None:
        return None
    quake = after.group(1).lower()
    rest = RELATIVE_ADVERBIAL.sub("", CLAUSE_END.split(after.group(2), maxsplit=1)[0]).strip()
    rest = re.sub(r"\s+(?:at|on|in)\s+[\d:]+.*$", "", rest)
    words = rest.split()
    if len(words) >= 2 and words[0].lower() in STRUCK and words[1][:1].isupper():
        return f"What was the magnitude of the {quake} that {rest}?", "magnitude"
    # 'A 6.8-magnitude earthquake in Varna killed 12 people in May 2021'
    if len(words) >= 4 and words[0] == "in" and words[1][:1].isupper() and words[2] == "killed":
        return (
            f"What was the magnitude of the {quake} in {words[1]} that {' '.join(words[2:])}?",
            "magnitude",
        )
    hit_by = QUAKE_HIT_BY.search(sentence[:at])
    if hit_by and not rest:
        place = hit_by.group(1).strip()
        if place.split()[0].lower() not in NOT_SUBJECTS | {"the", "a", "an"}:
            return f"What was the magnitude of the {quake} that {hit_by.group(2)} {place}?", (
                "magnitude"
            )
    return None


def number_question(fact: NumberFact) -> tuple[str, str] | None:
    """The question and its style ('count', 'money', 'percent'), or None when nothing fits."""
    sentence = re.sub(r"\s*\([^()]*\)", "", fact.where.sentence)
    at = sentence.find(fact.text)
    if at < 0:
        return None
    left = APPROX.sub("", sentence[:at]).rstrip()
    right = sentence[at + len(fact.text) :]
    if CUT_IN_LIST.match(right):
        return None  # '38 observers had arrived from Angola, Botswana, ...': not from Angola
    right = RELATIVE_ADVERBIAL.sub("", CLAUSE_END.split(right, maxsplit=1)[0]).strip()
    starts = list(CLAUSE_START.finditer(left))
    clause_left = left[starts[-1].end() :] if starts else left
    clause_left = re.sub(r"^(?:a total of)\s+", "", clause_left.strip(), flags=re.I)
    words = sentence_case_subject(clause_left.split())
    what = fact.what.strip()
    if is_money(fact):
        noun, style = "money", "money"
    elif is_percent(fact):
        noun, style = "", "percent"
    else:
        noun, style = _counted(fact), "count"
    if not noun and style == "count":
        return None
    # 'Chile sent [300 troops] to Haiti' / 'prices rose [5 percent]'
    if len(words) >= 2:
        lemma = past_tense_lemma(words[-1]) if words[-1].isalpha() else None
        subject = " ".join(words[:-1])
        sound = not ({w.lower() for w in words[:-1]} & (AUXILIARIES | RELATIVES)) and (
            words[0].lower() not in NOT_SUBJECTS
        )
        if lemma and sound:
            tail = f" {right}" if right else ""
            if style == "percent":
                if lemma in CHANGE_VERBS:
                    return f"By what percentage did {subject} {lemma}{tail}?", style
                return None
            if style == "count" and what.split()[-1].lower() in DURATIONS:
                return f"For how many {what} did {subject} {lemma}{tail}?", style
            return (
                f"How {'much' if style == 'money' else 'many'} {noun} did {subject} {lemma}{tail}?",
                style,
            )
    # 'The U.S. has provided [$70 million] to the MDC', 'The SADC is expected to send [120
    # observers]', 'Russian troops were occupying [13 Georgian villages]'
    helped = _with_auxiliary(words)
    if helped is not None and style != "percent":
        aux, subject, verb_phrase = helped
        tail = f" {right}" if right else ""
        how = "much" if style == "money" else "many"
        return f"How {how} {noun} {aux} {subject} {verb_phrase}{tail}?", style
    # '[Two foreign aid workers] were kidnapped in Somalia' / '[18 people] died in the violence'
    if words and words[-1].lower() in REPORTING_WORDS:
        words = []  # 'Investigators believe [eleven French engineers] were killed ...'
    if not words and style == "count" and right:
        first = right.split()[0]
        passive = re.match(r"(?:were|was|had been|have been|are|remain|remained)\b", right)
        if passive or (first.isalpha() and past_tense_lemma(first)):
            return f"How many {noun} {right}?", style
    duration = re.search(r"\b(will|would)\s+(\w+)\s+for\s*$", left)
    if duration and what.split()[-1:] and what.split()[-1].lower() in DURATIONS:
        subject = _subject_before(left[: duration.start()])
        if subject:
            return f"For how many {what} was {subject} to {duration.group(2)}?", style
    return None


RELATIVES = {"which", "who", "whom", "whose", "that", "where"}
# The words after the number run into a list of names: the clause would end inside it.
CUT_IN_LIST = re.compile(r"^[^,;.]*\b[A-Z][\w-]+,\s+[A-Z][\w-]+(?:,|\s+and\b)")
REPORTING_WORDS = {"believe", "believed", "say", "said", "says", "reported", "estimate"}
REPORTING_WORDS |= {"estimated", "feared", "fear"}
OPEN_ENDS = {"the", "a", "an", "last", "past", "next", "first", "in", "of", "for", "over"}
OPEN_ENDS |= {"within", "about", "around", "by", "to", "than", "from", "at", "on"}
PLAN_WORDS = {"expected", "set", "due", "scheduled", "going", "planning", "to", "able"}


def _with_auxiliary(words: list[str]) -> tuple[str, str, str] | None:
    """(auxiliary, subject, rest of the verb) of a clause with a helping verb before the number.

    'the U.S. has provided' -> ('has', 'the U.S.', 'provided'); 'the SADC is expected to
    send' -> ('is', 'the SADC', 'expected to send'); 'the troops will send' -> ('will', ...).
    """
    for j, word in enumerate(words[1:], start=1):
        aux = word.lower()
        if aux not in AUXILIARIES or aux in ("be", "been"):
            continue
        subject, verb = words[:j], words[j + 1 :]
        if not verb or len(subject) > 8 or subject[0].lower() in NOT_SUBJECTS:
            return None
        if any(w.endswith(",") for w in subject) or not verb[0].isalpha() or not verb[0].islower():
            return None
        if verb[-1].lower() in OPEN_ENDS:
            return None  # '... increased in the last [six months]': the number is no object
        head = verb[0]
        if aux in ("has", "have", "had") and not head.endswith(("ed", "en", "wn", "un", "t")):
            return None
        if aux in ("is", "are", "was", "were") and not (head.endswith("ing") or head in PLAN_WORDS):
            return None
        if aux in ("will", "would") and past_tense_lemma(head):
            return None
        return aux, " ".join(subject), " ".join(verb)
    return None


def _counted(fact: NumberFact) -> str:
    """The noun counted as the text gives it: 'Chilean soldiers' from 'Forty Chilean soldiers'."""
    bare = re.sub(rf"^(?:{'|'.join(APPROX_WORDS)})\s+", "", fact.text.strip(), flags=re.I)
    rest = NUMBER_HEAD.sub("", bare, count=1).strip()
    what = fact.what.strip()
    return rest if what and rest.endswith(what) and len(rest.split()) <= 4 else what


def _subject_before(text: str) -> str:
    """'The deployment began on March 6 and' -> 'the deployment'."""
    text = re.split(r"[,;:]", text)[-1]
    words = sentence_case_subject(re.sub(r"^[“\"']", "", text).strip().split())
    if not words or words[0].lower() in ("after", "before", "when", "while", "as", "since"):
        return ""
    for i, word in enumerate(words):
        if i and (
            word in ("was", "were", "is", "are", "will", "would", "has", "had")
            or (word.islower() and past_tense_lemma(word))
        ):
            return " ".join(words[:i]) if i >= 2 else ""
    return ""
