"""Date questions about events: when it happened, when it was to happen, what happened where.

The event clause, its tense and its place come from the extractor. The date of filing and
the date of a bare statement ("X said on Monday") are never asked as if they were events.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import chain

from quizkit.extract.facts import DateFact, Provenance
from quizkit.extract.gazetteer import find_places
from quizkit.grading import fold
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop, source_of
from quizkit.questions.date_clauses import (
    attach,
    complete,
    coordinated_plan,
    dated_attack,
    dated_noun,
    name_description,
    nominal_event,
    published_interview,
    quoted_statement,
    sent_to,
    speech_around_date,
    spelled_out,
    statement_clause,
    surgery,
    trailing_attribution,
    unnamed_description,
    verb_before_date,
)
from quizkit.questions.distractors import StoryDays, date_options, rng_for
from quizkit.questions.phrasing import (
    MONTH_NAMES,
    capitalise,
    country_name,
    format_day,
    is_statement,
    main_verb,
    past_tense_lemma,
    planned_question,
    sentence_case_subject,
    when_question,
)
from quizkit.questions.story import Story, countries_named

LEADING_LINKS = re.compile(r"^(?:meanwhile|also|however|but|and|then|later|earlier),?\s+", re.I)


LONG_WORD = re.compile(r"[a-z]{6,}")
BY_BEFORE = re.compile(r"\bby\s*(?:next|this)?\s*$")


def stems(text: str) -> set[str]:
    return {w[:6] for w in LONG_WORD.findall(text.lower())}


def lead_of(fact: DateFact) -> str:
    """'by' when the text gives the date as a deadline ('by next Wednesday'), else 'when'."""
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    before = sentence[:at].lower() if at >= 0 else ""
    return "by" if BY_BEFORE.search(before) else "when"


def is_planned(fact: DateFact, story: Story) -> bool:
    """Ahead of the article's date, as the extractor says or as the calendar shows."""
    dateline = story.datelines.get(fact.where.source)
    later = bool(dateline) and not str(dateline).startswith("--") and fact.date > str(dateline)
    return fact.planned or later


# A time of day adds nothing a learner could be asked: 'at 04:32 AM (02:32 GMT)'.
CLOCK_TIME = re.compile(
    r"\s+at\s+(?:around\s+|about\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?"
    r"(?:\s+(?:local time|GMT|UTC))?(?:\s*\([^()]*\))?"
)
# A second verb in another tense ('began ... and will continue for 20 days') is a second
# event: the question asks the first one only.
SECOND_VERB = re.compile(
    r"\s+and\s+(?:(?:will|would|is|are|has|have|could|may|might|should|must)\s"
    r"|(?:\S+\s+){1,3}(?:is|are|was|were)\s+(?:believed|thought|said|suspected|reported)\b)"
    r".*$"
)
# A participle phrase set off by commas ('Bush, accompanied by his wife, began ...'): the
# question keeps the subject and its own verb.
APPOSITIVE = re.compile(r",\s+(?:accompanied|joined|flanked|followed|backed|escorted) by [^,]+,")
# A word before a title that had its capital only from opening the sentence ('Outgoing CIA
# director Ana Roe'); a title itself ('Deputy', 'Acting President') keeps it.
PRE_TITLE = re.compile(r"^(Outgoing|Former|Incoming|Ousted|Exiled|Jailed|Embattled|Veteran)\b")
# 'the Western town of Zory': a compass word before a common noun is no part of a name.
COMPASS_BEFORE_NOUN = re.compile(
    r"(?<=\bthe )(Northern|Southern|Eastern|Western|Central)(?= (?:town|city|village|port|"
    r"region|province|district|suburb|part|border)\b)"
)
# A place phrase set off after a name ('struck Varna, in the Tarsa province'): the name
# already says where, and the aside is where a copied slip of the pen would sit.
TRAILING_PLACE_ASIDE = re.compile(r"(\b[A-Z][\w'’-]*),\s+in\s+[^,]+$")
# An age set off after a name ('Ana Roe, 25,', 'Ana Roe, aged 31,'): no part of the event.
AGE_ASIDE = re.compile(r",\s+(?:aged?\s+(?:given\s+as\s+)?)?\d{1,3}(?:\s+or\s+\d{1,3})?,")
TRAILING = {"the", "a", "an", "to", "of", "on", "for", "and", "in", "at", "with", "by", "from"}


def clean_event(event: str) -> str:
    """The clause without a leading link word ('Meanwhile, ...'), trailing punctuation, or
    the words left hanging where a quotation was cut away ('... gangs and appealed to the').
    """
    # each pattern is run only on a clause holding what it needs: most hold none of it
    if ":" in event or "." in event:
        event = CLOCK_TIME.sub("", event)
    if "and" in event:
        event = SECOND_VERB.sub("", event)
    if "," in event:
        event = TRAILING_PLACE_ASIDE.sub(r"\1", APPOSITIVE.sub("", AGE_ASIDE.sub("", event)))
    words = LEADING_LINKS.sub("", event.strip()).strip(" ,;:").split()
    while words and words[-1].lower() in TRAILING:
        words.pop()
    if len(words) > 4 and words[-2] == "and" and past_tense_lemma(words[-1]):
        words = words[:-2]
    return " ".join(words)


# Where a clause can end early when the extractor cut its tail off ('... at a speech
# entitled', '... to announce that Israel would observe').
# Not at "since": "his first appearance since stepping down" needs its "since" phrase.
CUTS = re.compile(r"\s+(?:to|that|after|as|at a|at the|in order to|following|near)\s+")


def best_wording(event: str, planned: bool, lead: str) -> tuple[str, str | None]:
    """The event and its question, shortened at a clause boundary when the full clause was
    cut mid-way, so long as the shorter one still reads whole and names what happened.
    """
    from quizkit.questions.checks import dangling_end, wording_reason

    def ask(clause: str) -> str | None:
        return planned_question(clause, lead) if planned else when_question(clause, lead)

    question = ask(event)
    # every check is read only for a question that dangles (most do not)
    if question is None or not dangling_end(question):
        return event, question
    if wording_reason(question) != "dangling-end":
        return event, question
    shorter = event
    for _ in range(3):
        cuts = list(CUTS.finditer(shorter))
        if not cuts:
            break
        shorter = shorter[: cuts[-1].start()]
        trimmed = ask(shorter)
        if len(shorter.split()) >= 5 and trimmed and wording_reason(trimmed) is None:
            return shorter, trimmed
    return event, question


_MONTHS = frozenset(MONTH_NAMES)


def names_something(question: str) -> bool:
    """A name or number after the first word: something that says which event is meant."""
    for word in question.split()[1:]:
        bare = word.strip("?,.")
        first = bare[:1]
        if (first.isupper() and bare not in _MONTHS) or first.isdigit():
            return True
    return False


def past_event(event: str) -> bool:
    """A clause in the simple past whose subject is named: the answer to 'What happened?'."""
    return when_question(event) is not None and not is_statement(event)


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    drops: list[Drop] = []
    story_days = StoryDays(f.date for f in story.dates if not story.is_dateline(f))
    # The long words of the events asked on each day, to leave out a second wording of one.
    asked_on: dict[str, list[set[str]]] = defaultdict(list)
    # Days by the long words of their events: another day of the same event is no wrong option.
    days_by_stem: dict[str, set[str]] = defaultdict(set)
    for fact in story.dates:
        for stem in stems(fact.event):
            days_by_stem[stem].add(fact.date)

    def twin_days(event: str) -> set[str]:
        counts = Counter(chain.from_iterable(days_by_stem.get(stem, ()) for stem in stems(event)))
        return {day for day, count in counts.items() if count >= 2}

    for fact in story.dates:
        where = fact.where
        if story.is_dateline(fact):
            drops.append(_drop("dateline", fact, fact.event))
            continue
        if fact.date.startswith("--"):
            drops.append(_drop("no-year", fact, fact.event))
            continue
        # The extractor's offsets count from the document's start: the date's place in its
        # own sentence is where its words stand there.
        at = max(where.sentence.find(fact.text), 0)
        span = (at, at + len(fact.text))
        nominal = nominal_event(where.sentence, *span)
        planned = is_planned(fact, story)
        lead = lead_of(fact)
        noun_event = dated_noun(where.sentence, *span, planned)
        attack = dated_attack(where.sentence, *span) if not planned else None
        question: str | None
        if attack is not None:
            # 'due to the failed May Day plot to bomb the Tarsa ferry': the plot's date
            event, question = attack, f"On what date was there {attack.removeprefix('there was ')}?"
        elif nominal is not None and not planned:
            # 'the killing of a journalist, Ana Roe, on May 3': the date is the noun's
            event, question = nominal, when_question(nominal)
        elif noun_event is not None:
            # "Tarsa's scheduled May 3 elections": the date is the elections'
            event, question = best_wording(noun_event, planned, lead)
        else:
            # 'was to start in Riga and end on May 9 in Tartu': the date is the end's
            shared = coordinated_plan(where.sentence, *span) if planned else None
            whole = shared or complete(fact.event, where.sentence, *span)
            attached = attach(whole, where.sentence, fact.text, span[0])
            if attached.event is None:
                drops.append(_drop(attached.reason or "date-of-other-event", fact, whole))
                continue
            event = _named_subject(story.resolve(where, clean_event(attached.event)), story)
            event = PRE_TITLE.sub(lambda m: m.group(1).lower(), event)
            event = COMPASS_BEFORE_NOUN.sub(lambda m: m.group(1).lower(), event)
            if (fact.reporting and not is_announcement(event)) or is_statement(event):
                said = statement_clause(event, where.sentence) if not planned else None
                if said is None and not planned:
                    # the extractor's clause is cut: the sentence may close on its speaker
                    reported = trailing_attribution(where.sentence, *span) or (
                        speech_around_date(where.sentence, *span)
                    )
                    said = statement_clause(reported, where.sentence) if reported else None
                if said is None and not planned:
                    said = _quoted_said(where, span, story)
                if said is None:
                    drops.append(_drop("statement-only", fact, event))
                    continue
                event = said  # 'When did Ana Roe tell the BBC that the talks had failed?'
            event, question = best_wording(event, planned, lead)
            sent = sent_to(event) if planned and question is None else None
            if sent is not None:
                # 'Bush has sent Rice to visit Kenya on Monday': Rice was to visit
                event, question = best_wording(sent, planned, lead)
        if question is None and not planned:
            # the extractor's clause reads no whole: the sentence's own shape may say it
            told = _told_in_sentence(where.sentence, span, story)
            if told is not None:
                event, question = best_wording(told, planned, lead)
        first = first_of_two(fact)
        if first is not None:
            # 'found the two boats ... on May 3, and on May 9': the first was found on May 3
            event, question = best_wording(first, planned, lead)
        if question is None:
            runoff = runoff_of_reelection(fact, story)
            if runoff is not None:
                event, question = runoff
        if question is None:
            drops.append(_drop("no-clause", fact, event))
            continue
        question = a_before_vowel_sound(question)
        event = a_before_vowel_sound(event)
        # Read in the clause itself, where the verb after a description is in its own tense.
        unnamed = unnamed_description(event) or unnamed_description(question)
        named = _named_description(unnamed, event, fact, story) if unnamed else None
        if named is not None:
            event, question = best_wording(named, planned, lead)
            unnamed = (
                unnamed_description(event) or unnamed_description(question)
                if question
                else "no-clause"
            )
        if question is None or unnamed is not None:
            # 'the bitter dispute': which one is in the article, not in the question (and
            # 'When did the deployment begin?', naming nothing at all, is vague through and through)
            vague = question is not None and not names_something(question)
            reason = "vague-event" if vague else "no-antecedent"
            drops.append(_drop(reason, fact, question or event))
            continue
        if bare_unnamed_event(event):
            drops.append(_drop("vague-event", fact, question))
            continue
        place = fact.place or _only_country(fact, story)
        named_here = names_something(question)
        if not named_here and _real_place(place, event):
            # 'When did a rise in fuel prices spark protests in Tarsa?': the place says which
            placed, placed_question = best_wording(f"{event} in {place}", planned, lead)
            if placed_question is not None:
                event, question = placed, placed_question
                named_here = names_something(question)
        if not named_here:
            drops.append(_drop("vague-event", fact, question))
            continue
        words = stems(event)
        if any(len(asked & words) >= 2 for asked in asked_on[fact.date]):
            drops.append(_drop("same-wording", fact, question))
            continue
        asked_on[fact.date].append(words)
        key = f"date:{fact.date}:{fold(event)}"
        guid = content_guid("date", fact.date, event)
        twins = [format_day(day) for day in twin_days(event) if day != fact.date]
        candidates.append(
            Candidate(
                Note(
                    question=question,
                    answer=format_day(fact.date),
                    guid=guid,
                    kind="date",
                    alternatives=(fact.date,),
                    distractors=_in_year_asked(
                        _without(date_options(rng_for(seed, guid), fact.date, story_days), twins),
                        question,
                        fact.date,
                    ),
                    tags=("date",),
                    sources=(source_of(fact.where),),
                    extra={
                        "answer_type": "date",
                        "event": event,
                        "date": fact.date,
                        "planned": planned,
                    },
                ),
                key,
                rank=0,
                origin=fact,
            )
        )
    candidates += _what_happened(story, candidates, drops)
    return candidates, drops


ANTECEDENT_REACH = 40


def _quoted_said(where: Provenance, span: tuple[int, int], story: Story) -> str | None:
    """'the Tarsa Farmers Union said that there is a sense of crisis', from a whole sentence
    quoted with its named speaker, letters spelled out from where the article gave them."""
    quoted = quoted_statement(where.sentence, *span)
    if quoted is None:
        return None
    speaker, quote = quoted
    sentences = story.sentences.get(where.source, {})
    earlier = [
        sentences[index]
        for index in range(max(1, where.sentence_index - ANTECEDENT_REACH), where.sentence_index)
        if index in sentences
    ]
    speaker = spelled_out(speaker, earlier) or speaker
    said = f"{speaker} said that {quote}"
    return statement_clause(said, said)


def _told_in_sentence(sentence: str, span: tuple[int, int], story: Story) -> str | None:
    """The past event a date belongs to, read from the sentence's own shape: the verb just
    before the date ('the Kora sank May 3 near ...'), an interview published that day, a
    named person's surgery that day."""
    told = verb_before_date(sentence, *span)
    if told is not None:
        return told
    interview = published_interview(sentence, *span)
    if interview is not None:
        speaker, published = interview
        full = {
            o.person
            for o in story.officials
            if o.person == speaker or o.person.endswith(f" {speaker}")
        }
        # the one who gave it, named in full: a bare surname may be anyone's
        if len(full) == 1:
            return f"{full.pop()}'s {published}"
        return None
    return surgery(sentence, *span, story.persons())


def _named_description(unnamed: str, event: str, fact: DateFact, story: Story) -> str | None:
    """The event with 'the dispute' named from its own sentence or an earlier one, if it can."""
    if unnamed not in event:
        return None
    here = fact.where
    # The sentences before, up to a bound: an antecedent stands within a page, and a bound
    # keeps a long article's questions in linear time.
    sentences = story.sentences.get(here.source, {})
    earlier = [
        sentences[index]
        for index in range(max(1, here.sentence_index - ANTECEDENT_REACH), here.sentence_index)
        if index in sentences
    ]
    named = name_description(unnamed, here.sentence, earlier, story.people_names())
    return event.replace(unnamed, named, 1) if named else None


def _named_subject(event: str, story: Story) -> str:
    """'Brown called for ...' -> 'Gordon Brown called for ...': a surname standing as the
    subject is one official's of the story, named in full (a surname alone may also be an
    ordinary word the question would lower-case)."""
    words = event.split()
    if len(words) < 2 or not words[0][:1].isupper() or not words[1][:1].islower():
        return event
    full = story.full_names(words[0])
    return " ".join([full.pop(), *words[1:]]) if len(full) == 1 else event


# 'a 8.8 earthquake' reads 'an eight point eight': the article goes by the sound.
A_BEFORE_VOWEL_NUMBER = re.compile(r"\b([Aa]) (?=(?:8|11|18|8\d)(?:[.,]\d+)?\b|8\d\d)")


def a_before_vowel_sound(text: str) -> str:
    if "8" not in text and "11" not in text:
        return text  # every number read with a vowel sound has one of these
    return A_BEFORE_VOWEL_NUMBER.sub(lambda m: m.group(1) + "n ", text)


def bare_unnamed_event(event: str) -> bool:
    """'a Tarsa government panel met': nothing after the verb and a subject no name places
    (indefinite, no 'in/of/from <Name>'), so the question fits any meeting of any panel."""
    words = event.split()
    if not words or words[0][:1].isupper() and words[0].lower() not in ("a", "an", "the"):
        return False
    found = main_verb(words)
    at = found[0] if found else None
    for i, word in enumerate(words[1:], start=1):
        if word.lower() in ("was", "were") and i + 1 < len(words):
            at = i + 1
            break
    if at is None or at + 1 < len(words):
        return False
    subject = " ".join(words[:at])
    head = words[at - 2] if words[at - 1].lower() in ("was", "were") else words[at - 1]
    if head[:1].isupper():
        return False  # 'the 2008 Tarsa Rally was cancelled': the subject is a name
    if words[0].lower() == "the" and any(w[:1].isupper() for w in words[1:at]):
        return False  # 'the Tarsa airlift began': one airlift, named by its place
    return not re.search(r"\b(?:in|of|from|at|for)\s+(?:the\s+)?[A-Z]", subject)


# Words of an organisation's name: 'in Kazakhstan Collective Security Treaty' is no place.
ORGANISATION_WORDS = {"Treaty", "Organization", "Organisation", "Security", "Council", "Party"}
ORGANISATION_WORDS |= {"Committee", "Union", "Agency", "Ministry", "Forces", "Army", "Commission"}
ORGANISATION_WORDS |= {"Collective", "Alliance", "Association", "Assembly", "Government"}


# An announcement is news in itself: 'When did Tokayev announce the withdrawal?' asks the
# date the text gives for it, where 'When did Tokayev say ...?' would only date a remark.
ANNOUNCING = {"announce", "declare", "proclaim"}


def is_announcement(event: str) -> bool:
    found = main_verb(event.split())
    return found is not None and found[1] in ANNOUNCING


def _only_country(fact: DateFact, story: Story) -> str | None:
    """The story's main country when the event's sentence names it and no other place, or
    names no place at all in a story whose headline names that country and no other."""
    if not story.main_country:
        return None
    named = {place.name for place, _start, _end in find_places(fact.where.sentence)}
    if not named:
        headline = story.headlines.get(fact.where.source, "")
        named = countries_named(headline) if headline else set()
    return country_name(story.main_country) if named == {story.main_country} else None


def _real_place(place: str | None, event: str) -> bool:
    """A place the event does not name yet, and no organisation's name."""
    if not place or set(place.split()) & ORGANISATION_WORDS:
        return False
    return f" {fold(place)} " not in f" {fold(event)} "


def _place_in_aside(place: str, event: str) -> bool:
    """'Ana Roe, the ambassador in Tarsa, was recalled': the place describes a person, it
    does not say where the event happened."""
    return any(place in aside for aside in re.findall(r",[^,]+,", event))


def _what_happened(story: Story, asked: list[Candidate], drops: list[Drop]) -> list[Candidate]:
    """'What happened in Riga on 4 May 2021?': only for a past event alone on its day, placed."""
    # Every sentence of the story dated that day counts, asked or not: 'What happened?' has
    # one answer only when the story tells of one thing on that day.
    told: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for told_fact in story.dates:
        if not story.is_dateline(told_fact):
            told[told_fact.date].add((told_fact.where.source, told_fact.where.sentence_index))
    per_day = {day: len(sentences) for day, sentences in told.items()}
    out = []
    for candidate in asked:
        fact = candidate.origin
        assert isinstance(fact, DateFact)
        extra = candidate.note.extra
        event, day = extra["event"], extra["date"]
        if extra["planned"] or not past_event(event) or len(event.split()) < 5:
            continue
        if not fact.place or per_day.get(day, 0) > 1 or _place_in_aside(fact.place, event):
            where = f"in {fact.place} " if fact.place else "(place unknown) "
            question = f"What happened {where}on {format_day(day)}?"
            drops.append(Drop("not-distinctive", "date", question, capitalise(event)))
            continue
        if not _real_place(fact.place, ""):
            question = f"What happened in {fact.place} on {format_day(day)}?"
            drops.append(Drop("not-a-place", "date", question, capitalise(event)))
            continue
        out.append(
            Candidate(
                Note(
                    question=f"What happened in {country_name(fact.place)} on {format_day(day)}?",
                    answer=capitalise(event),
                    guid=content_guid("date-reverse", day, event),
                    kind="date",
                    tags=("date", "reverse"),
                    sources=candidate.note.sources,
                    extra={"answer_type": "free"},
                ),
                candidate.fact,
                rank=1,
                origin=fact,
            )
        )
    return out


def _without(options: tuple[str, ...], also_right: list[str]) -> tuple[str, ...]:
    """Leave out another day of the same event (a two-day summit): it would also be right."""
    return tuple(o for o in options if o not in also_right)


def _in_year_asked(options: tuple[str, ...], question: str, day: str) -> tuple[str, ...]:
    """'the run-off of the 2012 election': a day of 2006 beside it is no option at all (a day
    of late 2011 may be, for an event of early 2012)."""
    if day[:4] not in re.findall(r"\b\d{4}\b", question):
        return options
    years = [re.search(r"\d{4}$", o) for o in options]
    return tuple(
        o
        for o, y in zip(options, years, strict=True)
        if y is None or abs(int(y.group()) - int(day[:4])) <= 1
    )


def _drop(reason: str, fact: DateFact, wording: str) -> Drop:
    day = fact.date if fact.date.startswith("--") else format_day(fact.date)
    return Drop(reason, "date", wording, day, str(source_of(fact.where)))


# 'A run-off election is scheduled for May 6.' just after 'Lind, who ..., is now fighting a
# reelection bid ...': the run-off is of the presidential election of the president named.
RUNOFF_SET = re.compile(
    r"^(?:A|The) (?:presidential )?run-?off(?: election| vote)? (?:is|was) (?:scheduled|set|due)"
    r" (?:for|on) "
)
REELECTION = re.compile(
    r"^([A-Z][\w-]+)\b[^.;]*?\b(?:is|was) (?:now )?(?:fighting|seeking|running for|"
    r"campaigning for) (?:a |his |her )?re-?election\b"
)


def runoff_of_reelection(fact: DateFact, story: Story) -> tuple[str, str] | None:
    """'A run-off election is scheduled for May 6', after a sentence telling of a president's
    reelection bid -> 'On what date was the run-off of the 2012 presidential election in
    France scheduled?'; nothing when the one seeking reelection is not a country's president."""
    where = fact.where
    if fact.date.startswith("--") or not RUNOFF_SET.match(where.sentence):
        return None
    bid = REELECTION.match(story.before.get(where.source, {}).get(where.sentence_index, ""))
    if bid is None:
        return None
    presidents = {
        o.country
        for o in story.officials
        if o.country
        and o.office == "President"
        and not o.former
        and any(bid.group(1) in (n, n.split()[-1]) for n in o.names | {o.person})
    }
    if len(presidents) != 1:
        return None
    country = country_name(presidents.pop())
    event = f"the run-off of the {fact.date[:4]} presidential election in {country} was scheduled"
    return event, f"On what date was {event.removesuffix(' was scheduled')} scheduled?"


# 'Police found the two boats towed back from Tarsa on May 3, and on May 9 ...': the two were
# found one at a time, the first on the first day named.
TWO_ON_TWO_DAYS = re.compile(
    r"^(?P<clause>[A-Z][^,;:\"“”]*?\bthe two (?P<noun>[a-z]+s)\b[^,;:\"“”]*?) on (?P<first>[A-Z]"
    r"[a-z]+ \d{1,2}),? and on [A-Z][a-z]+ \d{1,2}\b"
)


def first_of_two(fact: DateFact) -> str | None:
    """'Police found the first of two boats towed back from Tarsa' when the fact's date is the
    first of two days the sentence gives for 'the two boats'; None otherwise."""
    found = TWO_ON_TWO_DAYS.match(fact.where.sentence)
    if found is None or found.group("first") != fact.text:
        return None
    noun = found.group("noun")
    clause = found.group("clause").replace(f"the two {noun}", f"the first of two {noun}", 1)
    return " ".join(sentence_case_subject(clause.split()))
