"""Number questions phrased with the thing counted: 'How many troops did Chile send to Haiti?'"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, timedelta

from quizkit.extract.facts import NumberFact
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop, drop_of, source_of
from quizkit.questions.checks import caps_in_words, unresolved_pronoun
from quizkit.questions.dates import names_something
from quizkit.questions.distractors import (
    factor_options,
    format_number,
    number_options,
    pick,
    rng_for,
)
from quizkit.questions.phrasing import (
    MONTH_NAMES,
    common_word,
    country_name,
    format_day,
    month_year,
    past_tense_lemma,
    sentence_case_subject,
)
from quizkit.questions.story import Story, countries_named

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
    r"^(?:(?:US)?\$|€|£|¥|EUR\s?|USD\s?)?[\d.,]+(?:[\s-]?(?:million|billion|bn|mln|m))?%?"
    r"|^(?:(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|a dozen)[ -]?)+\b",
    re.I,
)


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    drops: list[Drop] = []
    dated = sentence_days(story)
    known: dict[str, set[str]] = {}
    for fact in story.numbers:
        if story.is_headline(fact.where):
            continue  # headline grammar drops its verbs: the body's sentence is asked instead
        factor = factor_question(fact, story)
        if factor is not None:
            candidates.append(_factor_candidate(fact, factor, seed))
            continue
        when = when_of(fact, story, dated)
        answer = answer_text(fact)
        claimed = claim_reason(fact)
        if claimed is not None:
            drops.append(Drop(claimed, "number", fact.text, answer, str(source_of(fact.where))))
            continue
        phrased = (
            age_question(fact)
            or injured_question(fact)
            or share_question(fact)
            or attack_question(fact)
            or offer_question(fact)
            or aboard_question(fact, story, dated)
            or named_place_question(fact, story)
            or deployed_there_question(fact, story)
            or aid_value_question(fact, story)
            or audience_question(fact)
            or number_question(fact, when.year if when else None)
            or magnitude_question(fact)
            or strongest_aftershock_question(fact, story)
        )
        if phrased is None:
            drops.append(
                Drop("no-context", "number", fact.text, answer, str(source_of(fact.where)))
            )
            continue
        question, style = phrased
        if style == "age" and age_range(fact):
            # 'age given as 28 or 29': the text does not know it, so neither can a learner
            drops.append(
                Drop("uncertain-value", "number", question, answer, str(source_of(fact.where)))
            )
            continue
        if style == "value":
            answer = value_answer(fact)  # as the story writes it, with its other currency
        ages = count_range(fact) if style == "range" else None
        if ages:
            # no wrong options: 'about 25 to 30' holds more than one right count
            answer, style = ages, "range"
        question = name_events(place_event(question, story), story, known)
        reason = unnamed_event(question)
        if reason is None and not names_something(question):
            reason = "vague-event"
        if reason is None and unresolved_pronoun(question):
            reason = "unresolved-pronoun"  # checked before the anchor's words come first
        if reason is None:
            question = anchored(question, when, fact) if when else question
            reason = None if YEAR.search(question) else "no-time-frame"
        if reason is not None:
            drops.append(Drop(reason, "number", question, answer, str(source_of(fact.where))))
            continue
        guid = content_guid("number", fact.what, str(fact.value), question)
        counted = style in ("count", "age") or (style == "toll" and not is_percent(fact))
        candidates.append(
            Candidate(
                Note(
                    question=question,
                    answer=answer,
                    guid=guid,
                    kind="number",
                    alternatives=_range_ends(ages) if ages else _alternatives(fact, answer),
                    distractors=_options(fact, guid, seed) if counted else (),
                    tags=("number",),
                    sources=(source_of(fact.where),),
                    extra={"answer_type": "number", "what": fact.what},
                ),
                f"number:{fact.value:g}:{fact.what.strip().lower()}",
                origin=fact,
            )
        )
    return _without_giveaways(candidates, drops)


def _without_giveaways(
    candidates: list[Candidate], drops: list[Drop]
) -> tuple[list[Candidate], list[Drop]]:
    """Two counts of one sentence each asked with the other's answer in its wording ('the
    7.4 quake killed how many?', 'the quake that killed 20,000 measured what?'): keep the first."""
    kept: list[Candidate] = []
    # where in `kept` each sentence's counts stand: only counts of one sentence give each
    # other away, and a deck of many articles must not try every pair
    at: dict[tuple[str, int], list[int]] = defaultdict(list)
    for candidate in candidates:
        origin = candidate.origin
        here = (
            (origin.where.source, origin.where.sentence_index)
            if isinstance(origin, NumberFact)
            else None
        )
        near = at.get(here, []) if here is not None else []
        rival = next((kept[i] for i in near if _reveal_each_other(kept[i], candidate)), None)
        if rival is None:
            if here is not None:
                at[here].append(len(kept))
            kept.append(candidate)
            continue
        # 'the 7.4-magnitude quake ... killed how many?' and 'the quake that killed 20,000 ...
        # measured what?': each asked without the other's number still names its quake
        first = _without_count(rival.note.question, candidate.note.answer)
        second = _without_count(candidate.note.question, rival.note.answer)
        if first is None or second is None:
            drops.append(drop_of(candidate, "gives-away-another"))
            continue
        kept[kept.index(rival)] = replace(rival, note=replace(rival.note, question=first))
        if here is not None:
            at[here].append(len(kept))
        kept.append(replace(candidate, note=replace(candidate.note, question=second)))
    return kept, drops


def _without_count(question: str, answer: str) -> str | None:
    """The question without its words giving `answer` ('a 7.4-magnitude earthquake' -> 'the
    earthquake', 'the quake that killed 20,000 people' -> 'the quake'), or None."""
    digits = re.search(r"\d[\d,.]*", answer)
    if digits is None:
        return None
    number = re.escape(digits.group(0))
    plain = re.sub(rf"\b(?:[Aa]n?|[Tt]he) {number}[- ]magnitude ", "the ", question)
    plain = re.sub(
        rf",? (?:that|which) (?:killed|left) (?:{'|'.join(APPROX_WORDS)} )?{number} "
        r"(?:people|dead)\b,?",
        "",
        plain,
    )
    return plain if plain != question and not _shows(answer, plain) else None


def _reveal_each_other(a: Candidate, b: Candidate) -> bool:
    if not isinstance(a.origin, NumberFact) or not isinstance(b.origin, NumberFact):
        return False
    one, two = a.origin.where, b.origin.where
    if (one.source, one.sentence_index) != (two.source, two.sentence_index):
        return False
    return _shows(a.note.answer, b.note.question) and _shows(b.note.answer, a.note.question)


def _shows(answer: str, question: str) -> bool:
    digits = re.search(r"\d[\d,.]*", answer)
    if digits is None:
        return False
    return re.search(rf"(?<![\d,.]){re.escape(digits.group(0))}(?![\d,])", question) is not None


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
        shown = re.sub(r"(?<=\d)-(?=[a-z])", " ", shown)  # '$5-billion' is '$5 billion'
        if not shown:
            shown = format_number(fact.value)
        if is_percent(fact) and not shown.endswith("%"):
            shown += " percent"
        return f"{approx} {shown}" if approx else shown
    number = spoken(format_number(fact.value))
    return f"{approx} {number}" if approx else number


BIG = re.compile(r"\b\d{1,3}(?:,\d{3}){2,}\b")


def spoken(text: str) -> str:
    """'2,500,000' -> '2.5 million', as news writes a big round count; others unchanged."""

    def say(found: re.Match[str]) -> str:
        value = int(found.group(0).replace(",", ""))
        for scale, name in ((10**9, "billion"), (10**6, "million")):
            if value >= scale and value % (scale // 10) == 0:
                return f"{value / scale:g} {name}"
        return found.group(0)

    return BIG.sub(say, text)


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
    sentence = without_brackets(fact.where.sentence)
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


# 'The strongest aftershock, off the coast, had a magnitude of 5.5': the one aftershock a story
# ranks first, asked as it stands among the quake's aftershocks in the story's country.
STRONGEST_AFTERSHOCK = re.compile(
    r"^(?:(?:On|In|At|Later|Then)\b[^,]*,\s*)?(?:The|the) (?:most powerful|strongest|largest|"
    r"biggest) aftershock\b(?!s)"
)
MAGNITUDE_OF = re.compile(r"\b(?:an? )?(?:intensity|magnitude) of\s*$")


def strongest_aftershock_question(fact: NumberFact, story: Story) -> tuple[str, str] | None:
    """'The most powerful aftershock ... with an intensity of 5.5' -> 'What was the magnitude
    of the strongest aftershock in Chile?' (the anchor adds its day)."""
    if fact.what.strip().lower() != "magnitude" or not story.main_country:
        return None
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    if at < 0 or not re.fullmatch(r"\d+\.\d", fact.text.strip()):
        return None
    if not STRONGEST_AFTERSHOCK.match(sentence) or not MAGNITUDE_OF.search(sentence[:at]):
        return None
    place = country_name(story.main_country)
    return f"What was the magnitude of the strongest aftershock in {place}?", "magnitude"


PARENTHESES = re.compile(r"\s*\([^()]*\)")
TALLY_AFTER = re.compile(r"\s*(?:to|-|–)\s*\d")
A_TOTAL_OF = re.compile(r"^(?:a total of)\s+", re.I)


def without_brackets(sentence: str) -> str:
    """The sentence without its asides in brackets (most have none: no pattern is run)."""
    return PARENTHESES.sub("", sentence) if "(" in sentence else sentence


def number_question(fact: NumberFact, year: int | None = None) -> tuple[str, str] | None:
    """The question and its style ('count', 'money', 'percent'), or None when nothing fits.

    `year` is the year the article speaks from: 'this year' in the clause becomes it.
    """
    sentence = without_brackets(fact.where.sentence)
    at = sentence.find(fact.text)
    if at < 0:
        return None
    left = APPROX.sub("", sentence[:at]).rstrip()
    right = INCLUDING.sub("", sentence[at + len(fact.text) :], count=1)
    if TALLY_AFTER.match(right):
        return None  # '120 to 30': a tally asked by one side reads as garbled
    if CUT_IN_LIST.match(right):
        return None  # '38 observers had arrived from Angola, Botswana, ...': not from Angola
    after = right
    right = _tidy_right(_clause_after(after), year)
    # 'were killed when a bus crashed near Varna': the 'when' clause says which event
    longer = _tidy_right(_clause_after(after, through_when=True), year)
    starts = list(CLAUSE_START.finditer(left))
    clause_left = left[starts[-1].end() :] if starts else left
    clause_left = A_TOTAL_OF.sub("", clause_left.strip())
    clause_left = LEADING_TIME.sub("", clause_left)
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
    measured = OF_STUFF.match(right) if style == "count" else None
    if measured:
        # '2 million tonnes of grain': what is measured belongs to the counted noun
        noun, right = f"{noun} {measured.group(1)}", right[measured.end() :].strip()
    # 'The death toll from the floods in Tarsa rose to [120]', 'Turnout in X was [63 percent]'
    toll = TOLL.match(" ".join(words))
    if toll and style in ("count", "percent"):
        subject = toll.group(1)
        return f"What was {subject[0].lower()}{subject[1:]}?", "toll"
    # 'The Riga summit, which drew [20 nations], ...': the named antecedent is the subject
    relative = NAMED_WHICH.search(left)
    if relative and style == "count" and len(words) == 2 and words[0] == "which":
        lemma = past_tense_lemma(words[1]) if words[1].isalpha() else None
        if lemma:
            subject = " ".join(sentence_case_subject(relative.group(1).split()))
            tail = f" {right}" if right else ""
            return f"How many {noun} did {subject} {lemma}{tail}?", style
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
        # '500 deaths of Tarsans were reported', '2,000 people in Varna depend on aid'
        named = NAMED_PHRASE.match(right)
        if named:
            noun, right = f"{noun} {named.group(1)}", named.group(2)
        elif not names_something(f"How many {noun} {right}?") and longer != right:
            right = longer
        first = right.split()[0]
        passive = re.match(r"(?:were|was|had been|have been|are|remain|remained)\b", right)
        if passive or (first.isalpha() and past_tense_lemma(first)):
            return f"How many {noun} {right}?", style
        if first == "will" and len(right.split()) > 2:
            # '2,000 soldiers will take part in the drill': planned, told from the article's day
            return f"How many {noun} were to {right[5:]}?", style
        past = _past_of_present(first)
        if past:
            return f"How many {noun} {past}{right[len(first) :]}?", style
    duration = re.search(r"\b(will|would)\s+(\w+)\s+for\s*$", left)
    if duration and what.split()[-1:] and what.split()[-1].lower() in DURATIONS:
        subject = _subject_before(left[: duration.start()])
        if subject:
            return f"For how many {what} was {subject} to {duration.group(2)}?", style
    return None


RELATIVES = {"which", "who", "whom", "whose", "that", "where"}
# 'expelled 35 diplomats accused of spying': the aside describes the counted, not the event.
PARTICIPLE_ASIDE = re.compile(r"\s+\b(?:accused|suspected|charged|believed|thought)\b")
# ', including X and Y,' after the counted noun: an aside the question leaves out.
INCLUDING = re.compile(r"^,\s+(?:including|among them)\s[^,;]*,")
# 'Last month the army expelled ...': the time goes into the question's anchor, not its clause.
LEADING_TIME = re.compile(
    r"^(?:(?:on\s+)?(?:last\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|"
    r"last (?:week|month|night)|earlier this (?:week|month))\s*,?\s+",
    re.I,
)


# A named place or people joined to the counted noun: 'of Tarsans', 'in northern Varna'.
NAMED_PHRASE = re.compile(
    r"^((?:of|in|from) (?:the |northern |southern |eastern |western )?"
    r"[A-Z][\w'-]*(?: [A-Z][\w'-]*)*) (.+)$"
)


def _past_of_present(word: str) -> str | None:
    """'depend' -> 'depended': a plural count's present verb, told in the past like the story."""
    from lemminflect import getAllLemmas, getInflection

    if not word.isalpha() or not word.islower() or word in AUXILIARIES:
        return None
    lemmas = getAllLemmas(word).get("VERB", ())
    if word not in lemmas:
        return None
    past = getInflection(word, "VBD")
    return past[0] if past else None


OF_STUFF = re.compile(
    r"^(of (?!(?:the|a|an|his|her|its|their|them|those|these|whom|which)\b)"
    r"(?:[a-z][\w-]* ){0,1}[a-z][\w-]*)(?=$|\s+(?:to|in|from|for|on|at|by|with|into|over)\b)"
)


# 'The death toll from the floods in Tarsa rose to': a figure the sentence gives the value of.
TOLL = re.compile(
    r"^((?:[Tt]he )?(?:[\w'-]+ ){0,2}(?:toll|number|total|turnout|Turnout|population|tally)"
    r"(?: (?:of|from|in|among|for|at) [\w\s'-]+?)?) (?:rose|climbed|jumped|increased|grew|"
    r"reached|stood at|was|has risen|had risen|has reached|had reached)(?: to)?$"
)
# 'The Riga summit, which included': a named thing (a capital after its first word) in commas.
NAMED_WHICH = re.compile(
    r"(?:^|[.;:]\s+)((?:The |the )?(?:[\w'-]+ ){0,3}?[A-Z][\w'-]*(?: [\w'-]+){0,3}), which \w+$"
)


def _clause_after(right: str, through_when: bool = False) -> str:
    """The words after the number up to where its clause ends; 'between X and Y' stays whole,
    and with `through_when` a 'when' or 'after' clause too."""
    end = CLAUSE_END.search(right)
    while end is not None:
        head = right[: end.start()]
        word = end.group(0).strip()
        between = word == "and" and re.search(r"\bbetween\s+[\w\s-]+$", head)
        if between or (through_when and word in ("when", "after") and head.strip()):
            through_when = False  # one such clause, never a chain of them
            end = CLAUSE_END.search(right, end.end())
            continue
        return head
    return right


THIS_YEAR = re.compile(r"\bthis year\b")
LAST_YEAR = re.compile(r"\blast year\b")
NOW_HYPHEN = re.compile(r"\bnow-(?=\w)")  # 'the now-ten days of the siege'


def _tidy_right(right: str, year: int | None) -> str:
    """The clause after the number without asides and relative time words."""
    right = PARTICIPLE_ASIDE.split(right, maxsplit=1)[0]
    if year is not None:
        right = THIS_YEAR.sub(f"in {year}", right)
        right = LAST_YEAR.sub(f"in {year - 1}", right)
    right = RELATIVE_ADVERBIAL.sub("", right).strip()
    return NOW_HYPHEN.sub("", right)


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


LEADING_APPROX = re.compile(rf"^(?:{'|'.join(APPROX_WORDS)})\s+", re.I)
LEADING_A = re.compile(r"^an? ", re.I)
LEADING_MILLION = re.compile(r"^(?:million|billion)\s+")  # 'one million citizens'
# 'people injured' is what the extractor counts; the question says 'were injured' itself
TRAILING_TOLL = re.compile(r"\s+(?:injured|killed|wounded|dead|arrested|hurt|missing)$")


def _counted(fact: NumberFact) -> str:
    """The noun counted as the text gives it: 'Chilean soldiers' from 'Forty Chilean soldiers'."""
    bare = LEADING_APPROX.sub("", fact.text.strip())
    rest = NUMBER_HEAD.sub("", LEADING_A.sub("", bare), count=1).strip()
    rest = LEADING_MILLION.sub("", rest)
    what = fact.what.strip()
    noun = rest if what and rest.endswith(what) and len(rest.split()) <= 4 else what
    return TRAILING_TOLL.sub("", noun)


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


# --- Anchoring a count in its time, naming its event, keeping claims out ---------------------

YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
MONTHS = MONTH_NAMES
BARE_MONTH = re.compile(rf"\b({'|'.join(MONTHS)})\b(?!\s+(?:\d|of\b))")
# An accusation or a denial before the number: the count is someone's claim, not a fact.
ACCUSING = re.compile(r"\b(?:accus\w*|alleg\w*|claim\w*|denie[sd]|deny\w*|purport\w*)\b", re.I)
QUOTES = '"“”'
ATTRIBUTED = re.compile(r"\b[Aa]ccording to ((?:the )?[A-Z][\w.'-]*(?: [A-Z]?[\w.'-]*){0,4}),\s+")
# Events a news story names ('the 2010 Tarsa Rally'); 'the rally' alone says none of them.
EVENT_NOUNS = (
    "election|elections|rally|race|summit|conference|talks|offensive|war|operation|"
    "mission|vote|referendum|campaign|tournament|festival|visit|trip|ceasefire|deal|"
    "company|firm|group|agency"
)
BARE_EVENT = re.compile(
    rf"\bthe ((?:[a-z][\w-]* ){{0,2}})({EVENT_NOUNS})\b"
    r"(?!\s+(?:in|of|into|on|against|at|for|between|with|over)\s+(?:the\s+)?[A-Z\d])"
)
# Events that happen somewhere: a count of them names the place when nothing else does.
PLACED_EVENTS = re.compile(
    r"\bthe (?:[a-z][\w-]* ){0,2}(?:violence|earthquake|quake|protests|riots|floods?|storm|"
    r"unrest)\b"
)
# The first helping verb after the counted noun: 'How many X have been killed', 'How many X
# has Y threatened', 'How many X is Y expected to send'.
PERFECT = re.compile(
    r"^(How (?:many|much) (?:(?!\b(?:is|are|to|did|was|were) )[^?])+?) (has|have)\b"
)
PRESENT = re.compile(
    r"^(How (?:many|much) (?:(?!\b(?:has|have|to|did|was|were) )[^?])+?) (is|are)\b"
)
PLANNED_WORDING = re.compile(r"\b(?:were|was) (?:to|expected to|scheduled to|due to|set to)\b")
SHIFTED = {"has": "had", "have": "had", "is": "was", "are": "were"}
LAST_MONTH = re.compile(r"\blast month\b", re.I)
LAST_WEEK = re.compile(r"\blast week\b", re.I)
LAST_YEAR = re.compile(r"\blast year\b", re.I)
LEADING_YEAR = re.compile(
    rf"^(?:In|During|By the end of|Throughout) (?:({'|'.join(MONTH_NAMES)}) )?((?:1[89]|20)\d\d),"
)


@dataclass(frozen=True)
class When:
    """The time a count belongs to: its day when the sentence dates it, else its month."""

    month: str
    year: int
    month_number: int
    day: str | None = None


def sentence_days(story: Story) -> dict[tuple[str, int], set[str]]:
    """The past days each sentence gives, read once per story (not once per number)."""
    days: dict[tuple[str, int], set[str]] = defaultdict(set)
    for source, facts in story.dates_in.items():
        for d in facts:
            if not d.date.startswith("--") and not d.planned and not story.is_dateline(d):
                days[(source, d.where.sentence_index)].add(d.date)
    return days


def when_of(
    fact: NumberFact, story: Story, dated: dict[tuple[str, int], set[str]] | None = None
) -> When | None:
    """The sentence's own date, else the month the article speaks from (a month back for
    'last month'), else the story's month."""
    where = fact.where
    dated = sentence_days(story) if dated is None else dated
    days = set(dated.get((where.source, where.sentence_index), ()))
    if len(days) == 1:
        day = days.pop()
        return _when(day, format_day(day))
    written = _written_time(where.sentence)
    if written is not None:
        return written
    if LAST_YEAR.search(where.sentence):
        # 'Last year, Tarsa exported ...': the year before the article's, no month
        year = int((story.datelines.get(where.source) or "0000")[:4]) - 1
        return When(str(year), year, 12) if year > 0 else None
    dateline = story.datelines.get(where.source)
    if dateline and not dateline.startswith("--"):
        if LAST_WEEK.search(where.sentence):
            return _when((date.fromisoformat(dateline) - timedelta(days=7)).isoformat())
        if LAST_MONTH.search(where.sentence):
            year, month = int(dateline[:4]), int(dateline[5:7]) - 1
            year, month = (year - 1, 12) if month == 0 else (year, month)
            return _when(f"{year:04d}-{month:02d}-01")
        return _when(dateline)
    if story.month:
        name, year_text = story.month.split()
        return When(story.month, int(year_text), MONTHS.index(name) + 1)
    return None


def _written_time(sentence: str) -> When | None:
    """'In 2019, ...' or 'In May 2019, ...': the time a sentence opens with, which the clause
    asked (after the comma) belongs to; a year elsewhere may date another clause."""
    opening = LEADING_YEAR.match(sentence)
    if opening is None:
        return None
    name, year = opening.group(1), opening.group(2)
    if name:
        return When(f"{name} {year}", int(year), MONTHS.index(name) + 1)
    return When(year, int(year), 12)


def _when(iso: str, day: str | None = None) -> When:
    return When(month_year(iso) or "", int(iso[:4]), int(iso[5:7]), day)


def anchored(question: str, when: When, fact: NumberFact) -> str:
    """'How many troops did Chile send to Haiti?' -> 'In March 2004, how many troops did
    Chile send to Haiti?'; a running count is 'as of' its month, in the past perfect; a count
    the sentence gives 'according to' a source says so."""
    body, lead = _timed(question, when)
    attributed = ATTRIBUTED.search(_sentence_of(fact))
    if attributed and caps_in_words(f"According to {attributed.group(1)}"):
        attributed = None  # a long title-case source reads as a copied headline: time only
    if attributed:
        at = f" {lead[0].lower()}{lead[1:]}" if lead else ""
        return f"According to {attributed.group(1)}, {_lower_first(body)[:-1]}{at}?"
    return f"{lead}, {_lower_first(body)}" if lead else body


def _lower_first(text: str) -> str:
    return text[0].lower() + text[1:]


def _timed(question: str, when: When) -> tuple[str, str | None]:
    """The question in the tense of its time, and the phrase that leads it ('In May 2021')
    when the question does not already carry its year."""
    perfect = PERFECT.match(question)
    if YEAR.search(question):
        if perfect and str(when.year) in question:
            # 'How many X have been killed in 2011?': a running count, as of the article
            return f"{perfect.group(1)} had{question[perfect.end() :]}", f"As of {when.month}"
        return question, None
    bare = BARE_MONTH.search(question)
    if bare:
        # 'in March' of the article's year, or of the year before for a month still ahead
        month = MONTHS.index(bare.group(1)) + 1
        year = when.year - 1 if month > when.month_number else when.year
        if PLANNED_WORDING.search(question):
            # a plan's month is ahead of the article: this year, or next when already past
            year = when.year + 1 if month < when.month_number else when.year
        return f"{question[: bare.end()]} {year}{question[bare.end() :]}", None
    if question.startswith("What was the magnitude"):
        at = f" on {when.day}" if when.day else f" in {when.month}"
        return f"{question[:-1]}{at}?", None
    present = PRESENT.match(question)
    if question.startswith("What was"):
        return question, f"As of {when.day or when.month}"  # a toll or a share: as it stood
    if perfect:
        question = f"{perfect.group(1)} had{question[perfect.end() :]}"
        return question, f"As of {when.day or when.month}"
    if present:
        question = f"{present.group(1)} {SHIFTED[present.group(2)]}{question[present.end() :]}"
    return question, f"On {when.day}" if when.day else f"In {when.month}"


def _sentence_of(fact: NumberFact) -> str:
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    return sentence if at < 0 else sentence[:at]


def claim_reason(fact: NumberFact) -> str | None:
    """Why the count is someone's word, not the article's: an accusation, a quotation."""
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    before, after = (sentence[:at], sentence[at:]) if at >= 0 else (sentence, "")
    if ACCUSING.search(before):
        return "attributed-claim"
    opened = sum(before.count(q) for q in QUOTES) % 2 == 1
    # a closing mark after the number with none before: the quotation began a sentence earlier
    first = re.search(r"(?<=\S)[\"”](?=[\s,.;]|$)|(?<=\s)[\"“]", after)
    closed_later = (
        first is not None
        and first.group(0) in '"”'
        and after[first.start() - 1] != " "
        and not any(q in before for q in QUOTES)
    )
    return "quoted-speech" if opened or closed_later else None


def unnamed_event(question: str) -> str | None:
    """'the rally', 'the election' with nothing saying which: the question needs the article."""
    return "unnamed-event" if BARE_EVENT.search(question) else None


def name_events(question: str, story: Story, known: dict[str, set[str]] | None = None) -> str:
    """'the rally' -> 'the 2008 Tarsa Rally' when the story names exactly one such event;
    'the election' -> 'the election in Varna' when the name is a country's. `known` keeps the
    names found per noun, so the story is read once per noun, not once per number."""
    known = {} if known is None else known
    for found in list(BARE_EVENT.finditer(question)):
        noun = found.group(2)
        if noun not in known:
            known[noun] = _event_names(noun, story)
        names = set(known[noun])
        if len(names) != 1:
            continue
        name = names.pop()
        last = name.split()[-1]
        if last in story.countries and len(name.split()) == 1:
            wording = f"the {found.group(1)}{noun} in {country_name(last)}"
        else:
            capital = f"{noun}:capital"  # whether the story writes it as a name, read once
            if capital not in known:
                known[capital] = {name} if noun_is_name(name, noun, story) else set()
            named = bool(known[capital])
            wording = f"the {name} {noun[0].upper()}{noun[1:]}" if named else f"the {name} {noun}"
        question = question.replace(found.group(0), wording, 1)
    return question


def noun_is_name(name: str, noun: str, story: Story) -> bool:
    """'Dakar Rally' is a name written with its capital; 'Mozambique elections' is not."""
    pattern = re.compile(rf"\b{re.escape(name)} {noun[0].upper()}{noun[1:]}s?\b")
    return any(pattern.search(text) for text in _story_texts(story))


def _event_names(noun: str, story: Story) -> set[str]:
    """The names before 'noun' in the story's headlines and sentences ('2008 Tarsa' Rally)."""
    stem = noun.rstrip("s") if noun.endswith("ions") else noun
    pattern = re.compile(rf"((?:(?:\d{{4}}|[A-Z][\w'.-]*) ){{1,3}})(?i:{stem})s?\b")
    names: set[str] = set()
    for text in _story_texts(story):
        for match in pattern.finditer(text):
            words = match.group(1).split()
            while (
                words
                and not words[0][0].isdigit()
                and (words[0].lower() in DETERMINERS or common_word(words[0]))
            ):
                words = words[1:]  # 'Transparent Tarsa elections': the name is 'Tarsa'
            if words and not all(w[0].isdigit() for w in words):
                words[-1] = re.sub(r"['’]s$", "", words[-1])  # "Tarsa's elections"
                names.add(" ".join(words))
    return names


DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"}


def _story_texts(story: Story) -> list[str]:
    texts = list(story.headlines.values())
    for sentences in story.sentences.values():
        texts += sentences.values()
    return texts


def place_event(question: str, story: Story) -> str:
    """'How many people died in the violence?' names the country the story happens in."""
    if names_something(question) or not story.main_country:
        return question
    if not PLACED_EVENTS.search(question):
        return question
    return f"{question[:-1]} in {country_name(story.main_country)}?"


def _options(fact: NumberFact, guid: str, seed: int) -> tuple[str, ...]:
    """Wrong counts written like the answer ('nearly 300' beside 'nearly 1,200') that are
    false. A bound ('at least 40', 'more than 1 million') gets none: a smaller bound would be
    true too, and a larger one may be, so the answer is typed."""
    approx = approx_of(fact)
    if approx in LOWER_BOUNDS | UPPER_BOUNDS:
        return ()
    value = float(fact.value)
    if fact.what.strip().lower() == "age":
        # ages a few years either side: '72', '79' beside '75', never '300'
        ages = [str(v) for v in range(max(1, int(value) - 6), int(value) + 7) if v != value]
        return pick(rng_for(seed, guid), [ages], [answer_text(fact)])
    if value >= 10**6 and spoken(format_number(value)) != format_number(value):
        # '2 million' beside '6 million', never beside '500,000'
        scales = (0.5, 1.5, 2, 3, 4, 5)
        values = {_round_nicely(value * f) for f in scales} - {value}
        prefix = f"{approx} " if approx else ""
        labels = [f"{prefix}{spoken(format_number(v))}" for v in values if v >= 10**6]
        return pick(rng_for(seed, guid), [labels], [answer_text(fact)])
    whole = re.search(r"\bof the ([\d,]+)\b", fact.text)
    if whole and approx is None:
        # '7 of the 10 seats': fewer than the whole, never the whole itself
        total = int(whole.group(1).replace(",", ""))
        parts = [str(v) for v in range(max(1, int(value) - 4), min(total, int(value) + 5))]
        return pick(rng_for(seed, guid), [[p for p in parts if p != str(int(value))]], [])
    options = number_options(rng_for(seed, guid), value, bool(approx))
    if approx and approx != "about":
        options = tuple(re.sub(r"^about ", f"{approx} ", o) for o in options)
    return options


# Bounds: a wrong option beside them may be true too.
LOWER_BOUNDS = {"more than", "at least"}
UPPER_BOUNDS = {"up to", "fewer than", "less than"}


def _round_nicely(value: float) -> float:
    if value < 20:
        return float(round(value))
    magnitude = 10 ** (len(str(int(value))) - 1)
    return float(round(value / (magnitude / 2)) * (magnitude / 2))


NAME = r"(?:[A-Z][\w'-]+ ){1,3}[A-Z][\w'-]+"
# 'Ana Lind, 25, and ...': a person's age in commas after the name.
AGE_AFTER_NAME = re.compile(rf"(?:^|[,;(]\s*|\band\s+)({NAME}),\s*$")
# 'his 75-year-old brother, Jan Vos': the name in apposition after the age.
NAME_AFTER_AGE = re.compile(rf"^[\s-]*(?:year[\s-]old\s+)?(?:[a-z]+\s+){{0,2}}[a-z]+,\s+({NAME})\b")


# 'Ana Lind, aged 28 or 29, ...': the article is unsure, and the answer is both ages.
AGE_GIVEN_AFTER_NAME = re.compile(
    rf"(?:^|[,;(]\s*|\band\s+)({NAME}),\s*(?:aged?|age given as|age reported as)\s+$"
)
AGE_OR = re.compile(r"^\s+or\s+(\d{1,3})\s*[,;)]")


def age_range(fact: NumberFact) -> str | None:
    """'28 or 29' when an age is given as the first of two ('aged 28 or 29'), else None."""
    if fact.what.strip().lower() != "age":
        return None
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    other = AGE_OR.match(sentence[at + len(fact.text) :]) if at >= 0 else None
    if other is None or not 0 < int(other.group(1)) - fact.value <= 2:
        return None
    return f"{fact.value:g} or {other.group(1)}"


def age_question(fact: NumberFact) -> tuple[str, str] | None:
    """'Ana Lind, 25, was charged' -> 'How old was Ana Lind?' (the anchor adds when)."""
    if fact.what.strip().lower() != "age" or not 0 < fact.value < 120:
        return None
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    if at < 0:
        return None
    after = sentence[at + len(fact.text) :]
    before_name = AGE_AFTER_NAME.search(sentence[:at])
    given = AGE_GIVEN_AFTER_NAME.search(sentence[:at])
    if before_name and re.match(r"\s*,", after):
        name = before_name.group(1)
    elif given and age_range(fact):
        name = given.group(1)  # 'Ana Lind, age given as 28 or 29,': both ages the answer
    else:
        tail = re.sub(
            r"^[\s-]*year[\s-]*old\b", " year-old", fact.text[len(str(int(fact.value))) :]
        )
        after_name = NAME_AFTER_AGE.match(tail + after) if "year" in tail + after[:12] else None
        if after_name is None:
            return None
        name = after_name.group(1)
    if any(common_word(w) for w in name.split()):
        return None  # 'Police Chief', 'Foreign Minister': an office, not a person's name
    return f"How old was {name}?", "age"


# 'The blast killed 12 people and 30 were injured' / '... and injured 30': the agent of both.
AGENT_KILLED = re.compile(
    r"(?:^|[,;]\s*)((?:The|the|A|a|An|an) [\w\s'-]+?) killed\b[^,;]*?\band\s*(injured|wounded)?\s*$"
)
HURT_TEXT = re.compile(r"\b(?:were|was)\s+(injured|wounded|hurt)\b")


def injured_question(fact: NumberFact) -> tuple[str, str] | None:
    """The second count of 'X killed 12 and injured 30': 'How many people were injured in X?'"""
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    if at < 0:
        return None
    left = APPROX.sub("", sentence[:at]).rstrip()
    agent = AGENT_KILLED.search(left)
    if agent is None:
        return None
    hurt = agent.group(2) or (
        HURT_TEXT.search(fact.text) or HURT_TEXT.match(sentence[at + len(fact.text) :].strip())
    )
    if hurt is None:
        return None
    verb = hurt if isinstance(hurt, str) else hurt.group(1)
    noun = "people"
    subject = agent.group(1)
    subject = (
        subject[0].lower() + subject[1:] if subject.split()[0] in ("The", "A", "An") else subject
    )
    if not subject.startswith("the "):
        return None  # 'a blast' names no event the learner can tell apart
    return f"How many {noun} were {verb} in {subject}?", "count"


# 'Nearly 1,200 villagers have been killed in the siege of Tarsa, and more than 400 of those
# killed have been children': the share names its whole from the clause before it.
SHARE_OF = re.compile(r"\bof (?:those|them)\s*$", re.I)
SHARE_WHOLE = re.compile(
    r"(?:^|[;:]\s*)(?:(?:nearly|almost|about|around|roughly|some|more than|over|at least)\s+)?"
    r"[\d][\d,.]*\s+(?P<noun>(?:[A-Za-z][\w-]* ){0,2}?[A-Za-z][\w-]*) "
    r"(?P<aux>have been|has been|had been|were|was) "
    r"(?P<verb>killed|injured|wounded|arrested|detained|displaced|evacuated) "
    r"(?P<tail>[^,;]+?)\s*(?:,\s*and|;|,)\s*$",
    re.I,
)
SHARE_PART = re.compile(
    r"^\s+(?P<verb>killed|dead|injured|wounded|arrested|detained|displaced|evacuated)\s+"
    r"(?P<aux>have been|had been|were|are)\s+(?P<rest>(?:[a-z][\w-]* ){0,2}"
    r"[a-z][\w-]*)\s*[.;]?\s*$"
)


def share_question(fact: NumberFact) -> tuple[str, str] | None:
    """'... and more than 400 of those killed have been children' -> 'How many children have
    been among the villagers killed in the siege of Tarsa?' (the anchor sets the tense)."""
    sentence = without_brackets(fact.where.sentence)
    at = sentence.find(fact.text)
    if at < 0 or not SHARE_OF.search(fact.text):
        return None
    part = SHARE_PART.match(sentence[at + len(fact.text) :])
    left = APPROX.sub("", sentence[:at]).rstrip()
    whole = SHARE_WHOLE.search(left)
    if part is None or whole is None:
        return None
    verb = whole.group("verb").lower()
    if part.group("verb") not in (verb, "dead" if verb == "killed" else verb):
        return None  # '... killed, and 30 of them injured': a share of another count
    noun, tail = whole.group("noun"), RELATIVE_ADVERBIAL.sub("", whole.group("tail")).strip()
    if noun.split()[0].lower() in NOT_SUBJECTS | DETERMINERS or not tail:
        return None
    perfect = part.group("aux").endswith("been")
    among = f"{'have been' if perfect else 'were'} among the {noun} {verb} {tail}"
    return f"How many {part.group('rest')} {among}?", "count"


# 'Last month rebels bombed the UN office in Tarsa; that attack killed 37': the clause before
# names the attack the count belongs to.
NAMED_ATTACK = re.compile(
    r"(?:^|[;,]\s*|\band\s+)(?:(?:[Ll]ast|[Oo]n|[Ii]n) \w+,? )?(?:[Tt]he )?"
    r"[\w'-]+(?: [\w'-]+){0,4}?"
    r" (?P<verb>bombed|attacked|shelled|stormed|raided) (?P<target>the [^,;]+?)\s*[;,]\s*"
    r"(?:and\s+)?(?:that|the|this) (?:attack|bombing|blast|raid|assault|explosion) "
    r"(?P<hurt>killed|injured|wounded)$"
)
ATTACK_NOUNS = {
    "bombed": "bombing of", "attacked": "attack on", "shelled": "shelling of",
    "stormed": "storming of", "raided": "raid on",
}  # fmt: skip


def attack_question(fact: NumberFact) -> tuple[str, str] | None:
    """'they bombed the UN office in Tarsa; that attack killed 37' -> 'How many people did the
    bombing of the UN office in Tarsa kill?': the attack named by what was attacked."""
    sentence = without_brackets(fact.where.sentence)
    at = sentence.find(fact.text)
    if at < 0 or not re.fullmatch(r"\s*(?:people\s*)?[.;]?\s*", sentence[at + len(fact.text) :]):
        return None
    found = NAMED_ATTACK.search(APPROX.sub("", sentence[:at]).rstrip())
    if found is None or not _named_place(found.group("target")):
        return None
    attack = f"the {ATTACK_NOUNS[found.group('verb')]} {found.group('target')}"
    if found.group("hurt") == "killed":
        return f"How many people did {attack} kill?", "count"
    return f"How many people were {found.group('hurt')} in {attack}?", "count"


def _named_place(target: str) -> bool:
    """'the UN office in Tarsa' names what was hit; 'the building' does not."""
    return any(w[:1].isupper() for w in target.split()[1:])


# 'Norvik Oil made its third offer of $2 billion to buy Tarsa Gas': a bid, asked by its bidder
# and its target ('How much was Norvik Oil's third offer to buy Tarsa Gas?').
OFFER = re.compile(
    r"(?:^|[,;]\s*|\band\s+)(?P<bidder>(?:the )?[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,5})"
    r" (?:recently |also |has |had |have )?(?:made|submitted|tabled|placed|launched)"
    r" (?:its|their|a|an|the) (?P<which>(?:first|second|third|fourth|fifth|final|latest|new|"
    r"revised|higher|improved) )?(?:offer|bid) (?:of|for|worth)$"
)
OFFER_FOR = re.compile(
    r"^\s+to (?P<verb>buy|acquire|take over|purchase) (?P<target>[^,;]+?)\s*(?:[,;]|\.?$)"
)


def offer_question(fact: NumberFact) -> tuple[str, str] | None:
    """'X made its third offer of $2 billion to buy Y' -> 'How much was X's third offer to buy
    Y?': the money of a named bid for a named target."""
    if not is_money(fact):
        return None
    sentence = without_brackets(fact.where.sentence)
    at = sentence.find(fact.text)
    if at < 0:
        return None
    bid = OFFER.search(APPROX.sub("", sentence[:at]).rstrip())
    target = OFFER_FOR.match(sentence[at + len(fact.text) :])
    if bid is None or target is None or not _named_place(f"the {target.group('target')}"):
        return None
    bidder = bid.group("bidder")
    owner = f"{bidder}'" if bidder.endswith("s") else f"{bidder}'s"
    which = bid.group("which") or ""
    return (
        f"How much was {owner} {which}offer to {target.group('verb')} {target.group('target')}?",
        ("money"),
    )


# 'The ferry Tarsa Star sank on 3 May 2021 ... . Of the 120 aboard, 40 passengers died.': the
# counts of those aboard belong to the vessel the sentence before names as sinking.
ABOARD_OF = re.compile(r"^Of the ([\d,]+) (?:aboard|on board),\s+")
ABOARD_FATE = re.compile(
    r"^\s+(went down|died|drowned|survived|were rescued|were killed|are missing|were missing)"
    r"\s*\.?$"
)
VESSEL_SANK = re.compile(
    r"(?:^|,\s*)(?:the |The )([A-Z][\w-]*(?: [A-Z][\w-]*){1,3}),? (?:sank|capsized|went down)\b"
)


def aboard_question(
    fact: NumberFact, story: Story, dated: dict[tuple[str, int], set[str]]
) -> tuple[str, str] | None:
    """'Of the 120 aboard, 40 sailors went down.' after 'the Tarsa Star sank on 3 May 2021' ->
    'How many people were aboard the Tarsa Star, which sank on 3 May 2021?' and 'How many
    sailors went down with the Tarsa Star on 3 May 2021?'."""
    sentence, where = fact.where.sentence, fact.where
    whole = ABOARD_OF.match(sentence)
    if whole is None:
        return None
    before = story.sentences.get(where.source, {}).get(where.sentence_index - 1, "")
    vessel = VESSEL_SANK.search(before)
    days = dated.get((where.source, where.sentence_index - 1), set())
    if vessel is None or len(days) != 1:
        return None
    ship, day = f"the {vessel.group(1)}", format_day(next(iter(days)))
    if sentence.find(fact.text) == whole.start(1):
        return f"How many people were aboard {ship}, which sank on {day}?", "count"
    at = sentence.find(fact.text)
    fate = ABOARD_FATE.match(sentence[at + len(fact.text) :])
    noun = _counted(fact)
    if at != whole.end() or fate is None or not noun.isalpha():
        return None
    verb = fate.group(1)
    with_ship = f"went down with {ship}" if verb == "went down" else f"{verb} when {ship} sank"
    return f"How many {noun} {with_ship} on {day}?", "count"


def _range_ends(span: str) -> tuple[str, ...]:
    """'about 25 to 30' -> ('25', '30'): either end is a right typed answer."""
    return tuple(re.split(r" or | to ", span.removeprefix("about ")))


# 'Tarsa, the largest of the affected villages, ...' / 'the village of Tarsa': the place a
# following 'the village' or 'this village' means ('Tarsa and Varna, the two villages': none).
PLACE_NOUNS = "village|town|city"
PLACE_NAMED = re.compile(
    rf"(?<!\band )(?<!\bor )(?<!, )\b([A-Z][\w-]+), the (?:[\w-]+ ){{0,4}}?(?:{PLACE_NOUNS})s?\b"
    rf"|\b[Tt]he (?:{PLACE_NOUNS}) of ([A-Z][\w-]+)\b"
)
PLACE_BACK = re.compile(rf"\b(?:[Tt]he|[Tt]his) ({PLACE_NOUNS})\b")
POPULATION = re.compile(rf"^(?:The|This) ({PLACE_NOUNS}) has a population of\s*$")
RANGE = re.compile(r"^((?:about|around|some|roughly)\s+)?(\d[\d,]*) to (\d[\d,]*)\b", re.I)


def named_place_question(fact: NumberFact, story: Story) -> tuple[str, str] | None:
    """'The village has a population of 800' or '25 to 30 houses were demolished in this
    village', just after 'Tarsa, the largest of the villages': asked of Tarsa by name."""
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    if at < 0:
        return None
    population = POPULATION.match(sentence[:at])
    if population and re.fullmatch(r"\s*[,.;].*", sentence[at + len(fact.text) :]):
        place = _place_before(story, fact, population.group(1))
        return (f"What was the population of {place}?", "count") if place else None
    if not RANGE.match(fact.text):
        return None
    done = re.match(
        rf"^\s*(?:were|was) (\w+) in (?:this|the) ({PLACE_NOUNS})\s*\.?$",
        sentence[at + len(fact.text) :],
    )
    noun = _counted(fact).split()[-1:] if done else []
    if done is None or sentence[:at].strip() or not noun or not past_tense_lemma(done.group(1)):
        return None
    place = _place_before(story, fact, done.group(2))
    return (f"How many {noun[0]} were {done.group(1)} in {place}?", "range") if place else None


# 'the deployment of more than 5,000 Varnian troops there': 'there' is the one country the
# sentence just before names ('... the decision to invade Chile was a mistake.').
DEPLOYMENT_OF = re.compile(r"\bthe deployment of\s*$", re.I)
TROOPS = re.compile(r"(?:[A-Z][\w.]*\s+)*(?:troops|soldiers)")
APPROX_LEAD = re.compile(r"^(?:about|around|some|nearly|almost|more than|over|at least)\s+", re.I)


def deployed_there_question(fact: NumberFact, story: Story) -> tuple[str, str] | None:
    """'... the deployment of more than 5,000 Varnian troops there is ...', just after a
    sentence naming Chile alone -> 'How many Varnian troops were deployed in Chile?'."""
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    if at < 0 or not DEPLOYMENT_OF.search(sentence[:at]):
        return None
    if not re.match(r"\s+there\b", sentence[at + len(fact.text) :]):
        return None
    counted = NUMBER_HEAD.sub("", APPROX_LEAD.sub("", fact.text.strip())).strip()
    if not TROOPS.fullmatch(counted):
        return None
    before = story.before.get(fact.where.source, {}).get(fact.where.sentence_index)
    named = countries_named(before) if before else set()
    if len(named) != 1 or countries_named(sentence[:at] + sentence[at + len(fact.text) :]):
        return None  # 'there' is only sure when one country alone stands just before
    return f"How many {counted} were deployed in {country_name(named.pop())}?", "count"


# '..., NATO outlined four areas where the alliance would provide support for Chile, ..., with
# assistance expected to have a monetary value of about 15 million euros': who gives, to which
# country, and what the help is worth.
AID_VALUE_OF = re.compile(
    r"\bwith (?:the )?(assistance|aid) expected to (?:have a (?:monetary )?value of|be worth)\s*$"
)
AID_GIVER = re.compile(
    r"\b([A-Z]{2,}) (?:outlined|pledged|promised|offered|announced)\b[^.;]*?\b(?:support|aid|"
    r"assistance) (?:for|to) ([A-Z][\w-]+(?: [A-Z][\w-]+)?)"
)


def aid_value_question(fact: NumberFact, story: Story) -> tuple[str, str] | None:
    """'NATO outlined ... support for Chile, ..., with assistance expected to have a monetary
    value of about 15 million euros' -> 'How much was NATO's assistance to Chile expected to be
    worth?'."""
    if not is_money(fact):
        return None
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    noun = AID_VALUE_OF.search(sentence[:at]) if at >= 0 else None
    giver = AID_GIVER.search(sentence[:at]) if noun else None
    if noun is None or giver is None:
        return None
    rest = re.sub(r"\([^()]*\)", "", sentence[at + len(fact.text) :])  # '(US$19 million)'
    if countries_named(sentence[:at] + rest) != {giver.group(2)}:
        return None  # the help goes to the one country the sentence names
    country = country_name(giver.group(2))
    return f"How much was {giver.group(1)}'s {noun.group(1)} to {country} expected to be worth?", (
        "value"
    )


def value_answer(fact: NumberFact) -> str:
    """'about 15 million euros (about US$19 million)': the sum as written, and the same sum in
    another currency when the story gives it in brackets just after."""
    text = re.sub(r"^(?:around|roughly|approximately|some)\b", "about", fact.text.strip())
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    after = (
        re.match(r"\s*(\([^()]*\d[^()]*\))", sentence[at + len(fact.text) :]) if at >= 0 else None
    )
    return f"{text} {after.group(1)}" if after else text


def count_range(fact: NumberFact) -> str | None:
    """'about 25 to 30' when the count is given as a range, else None."""
    found = RANGE.match(fact.text.strip())
    if found is None:
        return None
    about = "about " if found.group(1) else ""
    return f"{about}{found.group(2)} to {found.group(3)}"


def _place_before(story: Story, fact: NumberFact, noun: str) -> str | None:
    """The place 'the village' means: named just before, with every sentence between saying
    only 'the village' (two sentences back at most)."""
    by_index = story.sentences.get(fact.where.source, {})
    for back in (1, 2):
        before = by_index.get(fact.where.sentence_index - back)
        if before is None:
            return None
        names = {a or b for a, b in PLACE_NAMED.findall(before)}
        if len(names) == 1 and re.search(rf"\b{noun}", before):
            return names.pop()
        if names or not PLACE_BACK.search(before):
            return None
    return None


# 'Ana Lind, the former premier, gave a speech ... to an audience of about 2,000 in Tarsa City':
# the speaker opens the sentence, the place closes the audience.
SPEAKER = re.compile(rf"^({NAME}),[^,]+,\s+(?:made|gave|delivered)\b")
AUDIENCE = re.compile(r"\b(speech|address|lecture|talk)\b[^;]*?\bto an audience of\s*$")
AUDIENCE_PLACE = re.compile(r"^\s+in ([A-Z][\w-]+(?: [A-Z][\w-]+)?)\b")


def audience_question(fact: NumberFact) -> tuple[str, str] | None:
    """'Ana Lind, ..., gave a speech ... to an audience of about 2,000 in Tarsa City' -> 'How
    many people were in the audience for Ana Lind's speech in Tarsa City?'."""
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    if at < 0 or not re.fullmatch(r"(?:(?:about|around|some|nearly|more than) )?[\d,]+", fact.text):
        return None
    speaker = SPEAKER.match(sentence)
    talk = AUDIENCE.search(APPROX.sub("", sentence[:at]).rstrip() + " ")
    place = AUDIENCE_PLACE.match(sentence[at + len(fact.text) :])
    if speaker is None or talk is None or place is None:
        return None
    name = speaker.group(1)
    if any(common_word(w) for w in name.split()):
        return None  # 'Foreign Minister', not a person's name
    owner = f"{name}'" if name.endswith("s") else f"{name}'s"
    where = place.group(1)
    return f"How many people were in the audience for {owner} {talk.group(1)} in {where}?", "count"
