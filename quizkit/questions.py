"""Facts into notes: the questions a teacher would ask, with options, sources and conflicts.

Input is what `quizkit.extract` found in the articles of one story, read together;
output is plain `Note`s, ready for the store or a deck file. Wording is built from
templates and the extractor's short phrases; a fact whose phrase will not make a
natural, self-contained question is left out rather than asked badly.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from quizkit.distractors import (
    date_options,
    factor_options,
    format_number,
    number_options,
    pick,
    rng_for,
)
from quizkit.extra import NoteExtra
from quizkit.extract.facts import (
    DateFact,
    DocumentFacts,
    NumberFact,
    OfficialFact,
    ParticipantsFact,
    Provenance,
)
from quizkit.grading import fold
from quizkit.models import Note, SourceRef, content_guid
from quizkit.phrasing import (
    capitalise,
    country_name,
    format_day,
    join_list,
    month_year,
    org_name,
    past_tense_lemma,
    sentence_case_subject,
    when_question,
)

SPEECH_VERBS = {"say", "announce", "tell", "add", "state", "report", "note", "claim", "write"}
END_WORDS = {"complete", "completed", "end", "ends", "ended", "finish", "finished", "conclude"}
NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}
MULTIPLE_WORDS = {2: ("twofold", "double", "doubled"), 3: ("threefold", "triple", "tripled")}
APPROX_WORDS = re.compile(r"\b(?:about|around|roughly|approximately|some|nearly|almost)\b", re.I)
ORG_OFFICES = ["Secretary General", "Deputy Secretary General", "Chairman", "Spokesperson"]


def _sentence_start(fact: DateFact) -> int:
    """Offset of the fact's sentence in its document (offsets are document-wide)."""
    return fact.where.start - fact.where.sentence.find(fact.text)


def _lead(fact: DateFact) -> str:
    """'by' when the text gives the date as a deadline ('by next Wednesday'), else 'when'."""
    before = fact.where.sentence[: fact.where.start - _sentence_start(fact)].lower()
    return "by" if re.search(r"\bby\s*(?:next|this)?\s*$", before) else "when"


def ref(where: Provenance) -> SourceRef:
    return SourceRef(Path(where.source).stem, where.sentence_index)


@dataclass
class Official:
    """One person across all mentions in the story."""

    person: str
    office: str
    country: str | None
    org: str | None
    names: set[str] = field(default_factory=set)
    sources: list[SourceRef] = field(default_factory=list)
    month: str | None = None

    @property
    def place(self) -> str:
        return self.country or self.org or ""

    @property
    def place_phrase(self) -> str:
        return country_name(self.country) if self.country else org_name(self.org or "")


@dataclass
class Story:
    """What the articles say together: the backdrop questions draw context and options from."""

    officials: list[Official]
    dates: list[DateFact]
    participants: list[ParticipantsFact]
    numbers: list[NumberFact]
    countries: list[str]
    main_country: str | None
    month: str | None
    datelines: dict[str, str | None]


def read_story(docs: Sequence[DocumentFacts]) -> Story:
    officials: dict[tuple[str, str], Official] = {}
    dates, participants, numbers = [], [], []
    country_counts: Counter[str] = Counter()
    full_dates: Counter[str] = Counter()
    datelines = {Path(d.source).stem: d.dateline for d in docs}
    for doc in docs:
        for fact in doc.facts:
            if isinstance(fact, OfficialFact):
                _merge_official(officials, fact, doc.dateline)
                if fact.country:
                    country_counts[fact.country] += 1
            elif isinstance(fact, DateFact):
                dates.append(fact)
                if not fact.date.startswith("--"):
                    full_dates[fact.date[:7]] += 1
            elif isinstance(fact, ParticipantsFact):
                participants.append(fact)
                country_counts.update(fact.countries)
            elif isinstance(fact, NumberFact):
                numbers.append(fact)
    month = None
    if full_dates:
        month = month_year(full_dates.most_common(1)[0][0] + "-01")
    for official in officials.values():
        official.month = official.month or month
    return Story(
        officials=list(officials.values()),
        dates=dates,
        participants=participants,
        numbers=numbers,
        countries=[c for c, _ in country_counts.most_common()],
        main_country=_main_country(docs, country_counts),
        month=month,
        datelines=datelines,
    )


def _main_country(docs: Sequence[DocumentFacts], counts: Counter[str]) -> str | None:
    """The country the story happens in: the one its headlines and text name most."""
    headlines = "\n".join(doc.headline for doc in docs)
    best: tuple[int, str] | None = None
    for country, count in counts.items():
        mentions = count + 3 * headlines.count(country)
        if best is None or mentions > best[0]:
            best = (mentions, country)
    return best[1] if best else None


def _merge_official(
    officials: dict[tuple[str, str], Official], fact: OfficialFact, dateline: str | None
) -> None:
    place = fact.country or fact.org or ""
    surname = fold(fact.person.split()[-1])
    key = (place, surname)
    if key not in officials:
        for other_place, other_surname in officials:
            if other_place == place and _same_surname(surname, other_surname):
                key = (other_place, other_surname)
                break
    if key not in officials:
        officials[key] = Official(fact.person, fact.office, fact.country, fact.org)
    official = officials[key]
    official.names.update([fact.person, *fact.aliases])
    official.sources.append(ref(fact.where))
    if official.month is None and dateline:
        official.month = month_year(dateline)


def _same_surname(a: str, b: str) -> bool:
    """Shoigu and Shoygu: one letter apart in a long surname is one person's two spellings."""
    if a == b:
        return True
    from rapidfuzz.distance import Levenshtein

    return min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


class Builder:
    """Builds a story's notes; every option draw is seeded per note."""

    def __init__(self, story: Story, seed: int = 0) -> None:
        self.story = story
        self.seed = seed
        self.notes: dict[str, Note] = {}
        self.extra_sources: dict[str, list[SourceRef]] = defaultdict(list)
        self.dates_by_source: dict[str, list[DateFact]] = defaultdict(list)
        for fact in story.dates:
            self.dates_by_source[fact.where.source].append(fact)

    def add(self, note: Note) -> None:
        answer = re.escape(fold(note.answer))
        gives_away = note.kind != "truefalse" and re.search(rf"\b{answer}\b", fold(note.question))
        if note.guid not in self.notes and not gives_away:
            self.notes[note.guid] = note

    # officials ---------------------------------------------------------

    def officials(self) -> None:
        for official in self.story.officials:
            when = f" in {official.month}" if official.month else ""
            sources = tuple(dict.fromkeys(official.sources))
            names = sorted(official.names - {official.person})
            who_guid = content_guid(
                "official-who", official.place, official.office, official.person
            )
            if official.org and re.search(r" (?:of|in|for) ", official.office):
                who = f"Who was {official.place_phrase}'s {official.office}{when}?"
            else:
                who = f"Who was the {official.office} of {official.place_phrase}{when}?"
            self.add(
                Note(
                    question=who,
                    answer=official.person,
                    guid=who_guid,
                    kind="official",
                    alternatives=tuple(names),
                    distractors=self._people(official, who_guid),
                    tags=("official",),
                    sources=sources,
                    extra={"answer_type": "person"},
                )
            )
            if official.country:
                where_guid = content_guid("official-where", official.person, official.office)
                self.add(
                    Note(
                        question=f"{official.person} was the {official.office} "
                        f"of which country{when}?",
                        answer=official.country,
                        guid=where_guid,
                        kind="official",
                        distractors=self._countries(official.country, where_guid),
                        tags=("official",),
                        sources=sources,
                    )
                )
                self._true_false(official, when, sources)
            else:
                office_guid = content_guid("official-office", official.person, official.place)
                offices = [o.office for o in self.story.officials if o.org == official.org]
                self.add(
                    Note(
                        question=f"What office did {official.person} hold in "
                        f"{official.place_phrase}{when}?",
                        answer=official.office,
                        alternatives=_short_offices(official.office),
                        guid=office_guid,
                        kind="official",
                        distractors=pick(
                            rng_for(self.seed, office_guid),
                            [offices, ORG_OFFICES],
                            [official.office],
                        ),
                        tags=("official",),
                        sources=sources,
                    )
                )

    def _people(self, official: Official, guid: str) -> tuple[str, ...]:
        others = [o for o in self.story.officials if o is not official]
        same_office = [o.person for o in others if o.office == official.office]
        same_place = [o.person for o in others if o.place == official.place]
        return pick(
            rng_for(self.seed, guid),
            [same_office, same_place, [o.person for o in others]],
            official.names,
        )

    def _countries(self, answer: str, guid: str) -> tuple[str, ...]:
        return pick(rng_for(self.seed, guid), [self.story.countries], [answer])

    def _true_false(self, official: Official, when: str, sources: tuple[SourceRef, ...]) -> None:
        assert official.country
        guid = content_guid("official-truefalse", official.person, official.office)
        rng = rng_for(self.seed, guid)
        wrong = pick(rng, [self.story.countries], [official.country], count=1)
        truth = not wrong or rng.random() < 0.5
        shown = official.country if truth else wrong[0]
        statement = (
            f"True or false: {official.person} was the {official.office} "
            f"of {country_name(shown)}{when}."
        )
        extra: NoteExtra = {"truth": truth}
        if not truth:
            extra["correction"] = (
                f"{official.person} was the {official.office} of {country_name(official.country)}."
            )
        self.add(
            Note(
                question=statement,
                answer="True" if truth else "False",
                guid=guid,
                kind="truefalse",
                alternatives=("T", "yes") if truth else ("F", "no"),
                distractors=("False",) if truth else ("True",),
                tags=("official", "truefalse"),
                sources=sources,
                extra=extra,
            )
        )

    # dates -------------------------------------------------------------

    def dates(self) -> dict[int, str]:
        """Date questions, both ways where the event is distinctive; returns fact id -> guid."""
        by_fact: dict[int, str] = {}
        story_days = [f.date for f in self.story.dates]
        events_on: dict[str, set[str]] = defaultdict(set)
        phrased: list[tuple[DateFact, str, str]] = []
        same_day: dict[str, list[str]] = defaultdict(list)
        for fact in self.story.dates:
            if fact.date.startswith("--"):
                continue
            event = self._in_context(self._complete_event(fact, fact.event))
            event = re.split(r"\s+and\s+(?:will|would|is|are|was|were|has|had)\b", event)[0]
            event = _without_dangling_words(event)
            question = self._date_question(fact, event)
            if question is None:
                continue
            twin = next(
                (e for e in same_day[fact.date] if len(_stems(e) & _stems(event)) >= 2), None
            )
            if twin is not None:
                self.extra_sources[content_guid("date", fact.date, twin)].append(ref(fact.where))
                continue
            same_day[fact.date].append(event)
            phrased.append((fact, event, question))
            events_on[fact.date].add(fold(event))
        for fact, event, question in phrased:
            guid = content_guid("date", fact.date, event)
            by_fact[id(fact)] = guid
            self.add(
                Note(
                    question=question,
                    answer=format_day(fact.date),
                    guid=guid,
                    kind="date",
                    alternatives=(fact.date,),
                    distractors=date_options(rng_for(self.seed, guid), fact.date, story_days),
                    tags=("date",),
                    sources=(ref(fact.where), *self.extra_sources[guid]),
                    extra={"answer_type": "date", "event": event},
                )
            )
            past = question.startswith(("When did", "When was", "When were"))
            past = past and len(event.split()) >= 5
            if past and len(events_on[fact.date]) == 1 and self.story.main_country:
                self._what_happened(fact, event, phrased)
        self._timeline(phrased)
        return by_fact

    def _in_context(self, event: str) -> str:
        """Name the country where the text leans on the article ('the country')."""
        from quizkit.extract.gazetteer import organisation_long_names

        for long, short in organisation_long_names().items():
            if long in event:
                event = event.replace(long, short)
        country = self.story.main_country
        if country:
            event = re.sub(r"\bthe country\b", country_name(country), event)
            event = re.sub(r"^the government\b", f"{country}'s government", event)
        return event

    def _complete_event(self, fact: DateFact, event: str) -> str:
        """Mend an event cut short by the extractor: a bare 'X announced', or a 'he' subject."""
        words = event.split()
        if words and (past_tense_lemma(words[-1]) or "") in SPEECH_VERBS:
            after = fact.where.sentence[fact.where.end - _sentence_start(fact) :]
            that = re.match(r"\s*(that [^,;:()]+?)(?:,|;|:|\(|$|\.\s)", after)
            if that:
                event = f"{event} {that.group(1).strip()}"
        if words and words[0].lower() in ("he", "she"):
            name = self._last_person_before(fact)
            if name:
                event = f"{name} {' '.join(words[1:])}"
        return event

    def _last_person_before(self, fact: DateFact) -> str | None:
        """The official named last before this sentence in the same article."""
        best: tuple[int, int, str] | None = None
        document = Path(fact.where.source).stem
        named_here = [
            o for o in self.story.officials if any(s.document == document for s in o.sources)
        ]
        for other in self.dates_by_source[fact.where.source]:
            if not other.where.sentence_index < fact.where.sentence_index:
                continue
            for official in named_here:
                for name in official.names:
                    at = other.where.sentence.rfind(name)
                    if at >= 0:
                        key = (other.where.sentence_index, at, official.person)
                        if best is None or key > best:
                            best = key
        return best[2] if best else None

    def _date_question(self, fact: DateFact, event: str) -> str | None:
        question = when_question(event, _lead(fact))
        if question is None:
            return None
        words = question.rstrip("?").split()
        if len(words) < 4 or words[-1] in SPEECH_VERBS:
            return None
        if not any(w[:1].isupper() or w[:1].isdigit() for w in words[1:]):
            return None  # nothing names where or who: not answerable away from the article
        return question

    def _what_happened(
        self, fact: DateFact, event: str, phrased: list[tuple[DateFact, str, str]]
    ) -> None:
        country = self.story.main_country
        assert country
        guid = content_guid("date-reverse", fact.date, event)
        others = [
            capitalise(e)
            for f, e, q in phrased
            if f.date != fact.date and q.startswith(("When did", "When was", "When were"))
        ]
        self.add(
            Note(
                question=f"What happened in {country_name(country)} on {format_day(fact.date)}?",
                answer=capitalise(event),
                guid=guid,
                kind="date",
                distractors=pick(rng_for(self.seed, guid), [others], [event]),
                tags=("date", "reverse"),
                sources=(ref(fact.where),),
                extra={"answer_type": "free"},
            )
        )

    def _timeline(self, phrased: list[tuple[DateFact, str, str]]) -> None:
        firsts: dict[str, tuple[DateFact, str]] = {}
        for fact, event, _question in sorted(phrased, key=lambda p: p[0].date):
            firsts.setdefault(fact.date, (fact, event))
        if len(firsts) < 3:
            return
        chosen = list(firsts.values())[:5]
        guid = content_guid("timeline", *(f.date + e for f, e in chosen))
        rng = rng_for(self.seed, guid)
        shown = chosen[:]
        while len(shown) > 1 and shown == chosen:
            rng.shuffle(shown)
        letters = "ABCDE"
        lines = [f"{letters[i]}. {capitalise(e)}" for i, (_f, e) in enumerate(shown)]
        order = [letters[shown.index(item)] for item in chosen]
        period = f" of {self.story.month}" if self.story.month else ""
        self.add(
            Note(
                question=f"Put these events{period} in order, earliest first:\n" + "\n".join(lines),
                answer=", ".join(order),
                guid=guid,
                kind="timeline",
                alternatives=("".join(order),),
                tags=("timeline",),
                sources=tuple(dict.fromkeys(ref(f.where) for f, _e in chosen)),
                extra={
                    "answer_type": "sequence",
                    "events": [{"date": f.date, "event": e} for f, e in chosen],
                },
            )
        )

    # participants and numbers -------------------------------------------

    def participants(self) -> None:
        for fact in self.story.participants:
            countries = list(dict.fromkeys(fact.countries))
            question = self._participants_question(fact, len(countries))
            if len(countries) < 2 or question is None:
                continue
            guid = content_guid("participants", *sorted(countries), str(fact.where.sentence_index))
            self.add(
                Note(
                    question=question,
                    answer=join_list(countries),
                    guid=guid,
                    kind="participants",
                    tags=("participants",),
                    sources=(ref(fact.where),),
                    extra={"items": countries, "answer_type": "list"},
                )
            )

    def _participants_question(self, fact: ParticipantsFact, count: int) -> str | None:
        """'Which six countries' defense ministers took part in the meeting on 13 January 2022?'"""
        number = NUMBER_WORDS.get(count, str(count))
        day = self._date_beside(fact.where)
        on_day = f" on {format_day(day)}" if day else ""
        event = self._in_context(fact.event)
        offices = {
            o.office
            for o in self.story.officials
            if o.country in fact.countries
            and any(s.sentence == fact.where.sentence_index for s in o.sources)
        }
        if re.match(
            r"(?:the|a|an) [\w -]*(?:meeting|summit|talks|conference|session|forum)$", event
        ):
            who = f"countries' {next(iter(offices)).lower()}s" if len(offices) == 1 else "countries"
            return f"Which {number} {who} took part in {event}{on_day}? Name all {number}."
        forces = re.search(r"\b(?:we|they|will)\b.*?\bwill (\w+)\b.*\b(forces|troops)\b", event)
        if forces and day:
            from lemminflect import getInflection

            participle = getInflection(forces.group(1), "VBN")
            if not participle:
                return None
            place = self.story.main_country
            origin = (
                f" from {country_name(place)}" if place and forces.group(1) == "withdraw" else ""
            )
            return (
                f"The {forces.group(2)} of which {number} countries were to be {participle[0]}"
                f"{origin}{on_day}? Name all {number}."
            )
        return None

    def _date_beside(self, where: Provenance) -> str | None:
        """The full date in the same sentence, else the article's dateline."""
        for fact in self.dates_by_source[where.source]:
            if fact.where.sentence_index == where.sentence_index and not fact.date.startswith("--"):
                return fact.date
        dateline = self.story.datelines.get(Path(where.source).stem)
        return dateline if dateline and not dateline.startswith("--") else None

    def numbers(self) -> dict[int, str]:
        by_fact: dict[int, str] = {}
        for fact in self.story.numbers:
            question = self._number_question(fact)
            if question is None:
                continue
            approx = bool(APPROX_WORDS.search(fact.text))
            guid = content_guid("number", fact.what, str(fact.value))
            by_fact[id(fact)] = guid
            answer = format_number(fact.value, approx)
            options = number_options(rng_for(self.seed, guid), fact.value, approx)
            alternatives: tuple[str, ...] = (format_number(fact.value),) if approx else ()
            if question.startswith("By what factor"):
                answer = f"{fact.value:g}-fold"
                options = factor_options(rng_for(self.seed, guid), fact.value)
                alternatives = (f"{fact.value:g}", *MULTIPLE_WORDS.get(int(fact.value), ()))
            self.add(
                Note(
                    question=question,
                    answer=answer,
                    guid=guid,
                    kind="number",
                    alternatives=alternatives,
                    distractors=options,
                    tags=("number",),
                    sources=(ref(fact.where),),
                    extra={"answer_type": "number", "what": fact.what},
                )
            )
        return by_fact

    def _number_question(self, fact: NumberFact) -> str | None:
        """A question from the clause around the number, or None when no pattern fits."""
        where = fact.where
        sentence = where.sentence
        offset = sentence.find(fact.text)
        if offset < 0:
            return None
        left = sentence[:offset].rstrip()
        right = self._in_context(sentence[offset + len(fact.text) :].strip())
        unit = fact.what.split()[0] if fact.what else ""
        hedge = "Roughly how" if APPROX_WORDS.search(fact.text) else "How"
        multiple = re.match(
            r"(?:a |an )?(\w+)fold (increase|rise|jump|drop|fall) in ([\w ]+)", fact.text
        )
        if multiple:
            noun, thing = multiple.group(2), multiple.group(3).strip()
            verb = {"jump": "jump", "drop": "drop", "fall": "fall"}.get(noun, "rise")
            place = (
                f" in {country_name(self.story.main_country)}" if self.story.main_country else ""
            )
            when = f" in {self.story.month}" if self.story.month else ""
            return f"By what factor did {thing}{place} {verb}{when}?"
        clause = re.split(r"\s*(?:[,;:.]|\band\b|\bbut\b)\s*", right, maxsplit=1)[0]
        first = clause.split()[0] if clause.split() else ""
        if unit and first.islower() and past_tense_lemma(first):
            when = f" in {self.story.month}" if self.story.month else ""
            return f"{hedge} many {unit} {clause}{when}?"
        duration = re.search(r"\b(will|would)\s+(\w+)\s+for\s*$", left)
        if duration and unit in ("days", "weeks", "months", "years", "hours"):
            subject = _subject_of(re.sub(r"^[“\"']", "", left).strip())
            if len(subject.split()) >= 2:
                subject = (
                    subject[0].lower() + subject[1:] if subject.split()[0] == "The" else subject
                )
                return f"For how many {unit} was {subject} to {duration.group(2)}?"
        within = re.search(r"\bwithin\s*$", left)
        passive = re.search(r"\b((?:the|a) [\w ]+?) will be (\w+(?: out)?)", right)
        if within and passive and unit in ("days", "weeks", "months", "hours"):
            return f"Within how many {unit} was {passive.group(1)} to be {passive.group(2)}?"
        return None

    # cloze ---------------------------------------------------------------

    def cloze(self, docs: Sequence[DocumentFacts]) -> None:
        """One cloze per article: its busiest sentence with a date blanked (study only)."""
        for doc in docs:
            per_sentence: Counter[int] = Counter(f.where.sentence_index for f in doc.facts)
            dated = [
                f for f in doc.facts if isinstance(f, DateFact) and not f.date.startswith("--")
            ]
            dated.sort(key=lambda f: (-per_sentence[f.where.sentence_index], f.where.start))
            for fact in dated[:1]:
                where = fact.where
                sentence = where.sentence
                offset = sentence.find(fact.text)
                if offset < 0 or len(sentence) > 400:
                    continue
                blanked = sentence[:offset] + "[...]" + sentence[offset + len(fact.text) :]
                guid = content_guid("cloze", Path(doc.source).stem, str(where.sentence_index))
                self.add(
                    Note(
                        question=f"Fill in the blank: {' '.join(blanked.split())}",
                        answer=fact.text,
                        guid=guid,
                        kind="cloze",
                        alternatives=(format_day(fact.date), fact.date),
                        tags=("cloze",),
                        sources=(ref(where),),
                        extra={"answer_type": "text", "study_only": True},
                    )
                )

    # conflicts -----------------------------------------------------------

    def conflicts(self, date_guids: dict[int, str], number_guids: dict[int, str]) -> None:
        """Tag notes whose sources disagree: an end date against a start date plus a duration."""
        spans = []
        for duration in self.story.numbers:
            unit = duration.what.split()[0].lower() if duration.what else ""
            if id(duration) not in number_guids or unit not in ("days", "weeks"):
                continue
            start = self._start_beside(duration)
            if start is not None:
                days = int(duration.value) * (7 if unit == "weeks" else 1)
                spans.append((duration, start, days, _stems(duration.where.sentence)))
        for end in self.story.dates:
            if id(end) not in date_guids or end.date.startswith("--"):
                continue
            end_words = set(re.findall(r"[a-z]+", end.event.lower()))
            if not end_words & END_WORDS and _lead(end) != "by":
                continue
            for duration, start, days, topic in spans:
                implied = date.fromisoformat(start.date) + timedelta(days=days)
                if not _stems(end.event) & topic or implied.isoformat() == end.date:
                    continue
                message = (
                    f"{Path(end.where.source).stem} gives {format_day(end.date)} as the end; "
                    f"{Path(duration.where.source).stem} gives {days} days from "
                    f"{format_day(start.date)}, which would end about "
                    f"{format_day(implied.isoformat())}."
                )
                for guid in (date_guids[id(end)], number_guids[id(duration)]):
                    note = self.notes.get(guid)
                    if note is not None:
                        self.notes[guid] = _with_conflict(note, message)

    def _start_beside(self, duration: NumberFact) -> DateFact | None:
        for fact in self.dates_by_source[duration.where.source]:
            same = fact.where.sentence_index == duration.where.sentence_index
            if same and not fact.date.startswith("--"):
                return fact
        return None


DANGLING = {"the", "a", "an", "to", "of", "on", "for", "and", "in", "at", "with", "by", "from"}


def _without_dangling_words(event: str) -> str:
    """Drop words left hanging where the extractor cut a quote away ('... appealed to the')."""
    words = event.split()
    while words and words[-1].lower() in DANGLING:
        words.pop()
    if len(words) > 3 and words[-2] == "and":
        words = words[:-2]  # '... and appealed': the rest of that clause was cut
    return " ".join(words)


def _subject_of(clause: str) -> str:
    """The words before a clause's first verb: 'The deployment began on ...' -> 'the deployment'."""
    words = clause.split()
    for i, word in enumerate(words):
        if i and (
            word in ("was", "were", "is", "are", "will", "would", "has", "had")
            or (word.islower() and past_tense_lemma(word))
        ):
            return " ".join(sentence_case_subject(words[:i]))
    return ""


def _short_offices(office: str) -> tuple[str, ...]:
    """'Commander of the Collective Peacekeeping Forces' also accepts 'Commander'."""
    head = re.split(r" (?:of|in|for) ", office, maxsplit=1)[0]
    return (head,) if head != office else ()


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-z]+", text.lower()) if len(w) >= 6}


def _with_conflict(note: Note, message: str) -> Note:
    from dataclasses import replace

    tags = note.tags if "conflict" in note.tags else (*note.tags, "conflict")
    return replace(note, tags=tags, extra={**note.extra, "conflict": message})


def build_notes(docs: Sequence[DocumentFacts], seed: int = 0) -> list[Note]:
    """Every note for a story told by `docs` (read together), in a stable order."""
    story = read_story(docs)
    builder = Builder(story, seed)
    builder.officials()
    date_guids = builder.dates()
    builder.participants()
    number_guids = builder.numbers()
    builder.cloze(docs)
    builder.conflicts(date_guids, number_guids)
    return sorted(builder.notes.values(), key=_study_order)


def _study_order(note: Note) -> int:
    """Questions about one fact are spread through the deck, not studied back to back."""
    if note.kind == "official":
        if note.extra.get("answer_type") == "person":
            return 0
        return 4 if "which country" in note.question else 5
    if note.kind == "date":
        return 6 if "reverse" in note.tags else 1
    order = {"participants": 2, "number": 3, "truefalse": 7, "timeline": 8, "cloze": 9}
    return order.get(note.kind, 9)


def shareable(notes: Iterable[Note]) -> list[Note]:
    """Notes fit for a deck file: cloze cards quote article prose and stay in the database."""
    return [n for n in notes if not n.extra.get("study_only")]
