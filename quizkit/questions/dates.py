"""Date questions about events: when it happened, when it was to happen, what happened where.

The event clause, its tense and its place come from the extractor. The date of filing and
the date of a bare statement ("X said on Monday") are never asked as if they were events.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from itertools import chain

from quizkit.extract.facts import DateFact
from quizkit.grading import fold
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop, source_of
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
    when_question,
)
from quizkit.questions.story import Story

LEADING_LINKS = re.compile(r"^(?:meanwhile|also|however|but|and|then|later|earlier),?\s+", re.I)


def stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 6}


def lead_of(fact: DateFact) -> str:
    """'by' when the text gives the date as a deadline ('by next Wednesday'), else 'when'."""
    sentence = fact.where.sentence
    at = sentence.find(fact.text)
    before = sentence[:at].lower() if at >= 0 else ""
    return "by" if re.search(r"\bby\s*(?:next|this)?\s*$", before) else "when"


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
TRAILING = {"the", "a", "an", "to", "of", "on", "for", "and", "in", "at", "with", "by", "from"}


def clean_event(event: str) -> str:
    """The clause without a leading link word ('Meanwhile, ...'), trailing punctuation, or
    the words left hanging where a quotation was cut away ('... gangs and appealed to the').
    """
    event = SECOND_VERB.sub("", CLOCK_TIME.sub("", event))
    event = APPOSITIVE.sub("", event)
    words = LEADING_LINKS.sub("", event.strip()).strip(" ,;:").split()
    while words and words[-1].lower() in TRAILING:
        words.pop()
    if len(words) > 4 and words[-2] == "and" and past_tense_lemma(words[-1]):
        words = words[:-2]
    return " ".join(words)


# Where a clause can end early when the extractor cut its tail off ('... at a speech
# entitled', '... to announce that Israel would observe').
CUTS = re.compile(r"\s+(?:to|that|after|since|as|at a|at the|in order to|following|near)\s+")


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


def names_something(question: str) -> bool:
    """A name or number after the first word: something that says which event is meant."""
    words = [w.strip("?,.") for w in question.split()[1:]]
    return any((w[:1].isupper() and w not in MONTH_NAMES) or w[:1].isdigit() for w in words)


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
        event = story.resolve(fact.where, clean_event(fact.event))
        if story.is_dateline(fact):
            drops.append(_drop("dateline", fact, event))
            continue
        if fact.date.startswith("--"):
            drops.append(_drop("no-year", fact, event))
            continue
        if (fact.reporting and not is_announcement(event)) or is_statement(event):
            drops.append(_drop("statement-only", fact, event))
            continue
        planned = is_planned(fact, story)
        lead = lead_of(fact)
        event, question = best_wording(event, planned, lead)
        if question is None:
            drops.append(_drop("no-clause", fact, event))
            continue
        place = fact.place or _only_country(fact, story)
        if not names_something(question) and _real_place(place, event):
            # 'When did a rise in fuel prices spark protests in Tarsa?': the place says which
            placed, placed_question = best_wording(f"{event} in {place}", planned, lead)
            if placed_question is not None:
                event, question = placed, placed_question
        if not names_something(question):
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
                    distractors=_without(
                        date_options(rng_for(seed, guid), fact.date, story_days), twins
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
    """The story's main country when the event's sentence names it and no other place."""
    from quizkit.extract.gazetteer import find_places

    if not story.main_country:
        return None
    named = {place.name for place, _start, _end in find_places(fact.where.sentence)}
    return country_name(story.main_country) if named == {story.main_country} else None


def _real_place(place: str | None, event: str) -> bool:
    """A place the event does not name yet, and no organisation's name."""
    if not place or set(place.split()) & ORGANISATION_WORDS:
        return False
    return f" {fold(place)} " not in f" {fold(event)} "


def _what_happened(story: Story, asked: list[Candidate], drops: list[Drop]) -> list[Candidate]:
    """'What happened in Riga on 4 May 2021?': only for a past event alone on its day, placed."""
    per_day: dict[str, int] = defaultdict(int)
    for candidate in asked:
        per_day[candidate.note.extra["date"]] += 1
    out = []
    for candidate in asked:
        fact = candidate.origin
        assert isinstance(fact, DateFact)
        extra = candidate.note.extra
        event, day = extra["event"], extra["date"]
        if extra["planned"] or not past_event(event) or len(event.split()) < 5:
            continue
        if not fact.place or per_day[day] > 1:
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


def _drop(reason: str, fact: DateFact, wording: str) -> Drop:
    day = fact.date if fact.date.startswith("--") else format_day(fact.date)
    return Drop(reason, "date", wording, day, str(source_of(fact.where)))
