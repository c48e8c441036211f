"""Officials both ways: who held the office, and which country (or what office) it was."""

from __future__ import annotations

import re
from collections import defaultdict

from quizkit.extract.gazetteer import place_named
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop
from quizkit.questions.distractors import pick, rng_for
from quizkit.questions.offices import (
    LOST_HINT,
    destination,
    is_envoy_without_destination,
    is_generic,
    is_local_title,
    is_national,
    office_class,
    said_to_have_lost,
    same_post,
    singular,
)
from quizkit.questions.phrasing import country_name, org_name
from quizkit.questions.story import Official, Story

ORG_OFFICES = ["Secretary General", "Deputy Secretary General", "Chairman", "Spokesperson"]
# Offices held at an organisation on a country's behalf: an ambassador *to* the UN.
ENVOY_OFFICES = {"ambassador", "envoy", "representative", "permanent representative", "delegate"}


def held_before(official: Official, story: Story) -> bool:
    """Former: the extractor says so, or a sentence naming the person says the office was lost."""
    if official.former:
        return True
    names = {n for n in official.names | {official.person} if len(n) > 3}
    return any(
        said_to_have_lost(sentence, names)
        for sentence in story.sentences_matching(LOST_HINT)
        if any(name in sentence for name in names)
    )


def when_held(official: Official, former: bool | None = None) -> str:
    """' in January 2022', or ' before January 2022' for a former office-holder."""
    if not official.month:
        return ""
    former = official.former if former is None else former
    return f" before {official.month}" if former else f" in {official.month}"


def office_phrase(official: Official, office: str | None = None) -> str:
    """'the Defense Minister of Armenia', 'the CSTO's Commander of the Forces',
    'the Ambassador of Japan to the United States'."""
    office = office or singular(official.office)
    if official.org and re.search(r" (?:of|in|for) ", office):
        return f"{official.place_phrase}'s {office}"
    posted = destination(office)
    if posted and official.country:
        return f"the {posted[0]} of {official.place_phrase} to {place_phrase(posted[1])}"
    return f"the {office} of {official.place_phrase}"


def place_phrase(name: str) -> str:
    """A destination mid-sentence: 'the United States', 'the UN', 'Poland'."""
    place = place_named(name)
    if place is None:
        return name
    return country_name(place.name) if place.is_country else org_name(place.name)


def unsound_office(official: Official, office: str) -> str | None:
    """Why '<office> of <place>' would not be a sound question, or None when it is."""
    if official.country and not is_national(office, official.country):
        return "office-not-national"
    if not office_exists(office, official.country):
        return "no-such-office"
    return None


# Presidential republics with no prime minister: a 'Prime Minister of the United States' in
# the facts is another country's head of government given the wrong country.
NO_PRIME_MINISTER = {"United States", "Mexico", "Brazil", "Argentina", "Chile", "Colombia"}
NO_PRIME_MINISTER |= {"Venezuela", "Indonesia", "Ecuador", "Bolivia", "Paraguay", "Uruguay"}


def office_exists(office: str, country: str | None) -> bool:
    """False for an office the country does not have (a prime minister of a presidential
    republic): such a fact is another country's office-holder filed under the wrong one."""
    return not (office.lower() == "prime minister" and country in NO_PRIME_MINISTER)


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    drops: list[Drop] = []
    peers = Peers(story)
    for official in story.officials:
        office = singular(official.office)
        fuller = fuller_name(official, story)
        if fuller:
            # 'Lee' beside 'Lee Myung-bak' of the same office and place: one person, asked once
            source = official.sources[0].document if official.sources else ""
            stated = f"{official.person}: also {fuller}"
            drops.append(Drop("same-person", "official", stated, official.person, source))
            continue
        former = held_before(official, story)
        when = when_held(official, former)
        verb = "had served as" if former else "was"
        sources = tuple(dict.fromkeys(official.sources))
        source = sources[0].document if sources else ""
        stated = f"{official.person}: {office} of {official.place_phrase}{when}"
        unsound = unsound_office(official, office)
        if unsound:
            drops.append(Drop(unsound, "official", stated, official.person, source))
            if unsound == "office-not-national" and official.country and is_local_title(office):
                candidates.append(local_where(official, office, former, when, seed, peers))
            continue
        names = sorted(official.names - {official.person})
        who_guid = content_guid("official-who", official.place, official.office, official.person)
        envoy = bool(official.org) and office.lower() in ENVOY_OFFICES
        spokes = bool(official.org) and same_post(office, "spokesperson")
        if envoy or spokes:
            link = "to" if envoy else "for"
            article = "an" if office.lower().startswith(("a", "e", "i", "o", "u")) else "a"
            who: str | None = (
                f"Who was {article} {office.lower()} {link} {official.place_phrase}{when}?"
            )
        else:
            who = f"Who was {office_phrase(official, office)}{when}?"
        if former:
            # Many held the office before; "who had served as" has no one answer.
            drops.append(Drop("former-office", "official", stated, official.person, source))
            who = None
            if official.org and not envoy and not spokes:
                candidates.append(which_org(official, office, when, seed, story))
        elif official.country and is_envoy_without_destination(office):
            drops.append(Drop("office-no-destination", "official", stated, official.person, source))
            who = None
        if who:
            candidates.append(
                Candidate(
                    Note(
                        question=who,
                        answer=official.person,
                        guid=who_guid,
                        kind="official",
                        alternatives=tuple(names),
                        distractors=peers.people(official, who_guid, seed),
                        tags=("official",),
                        sources=sources,
                        extra={"answer_type": "person", "person": official.person},
                    ),
                    official.key,
                    rank=0,
                )
            )
        if envoy:
            continue
        if official.country:
            where_guid = content_guid("official-where", official.person, official.office)
            posted = destination(office)
            post = (
                f"{posted[0]} of which country to {place_phrase(posted[1])}"
                if posted
                else (f"{office} of which country")
            )
            note = which_country(
                official, f"{official.person} {verb} the {post}{when}?", where_guid, seed, peers
            )
        else:
            if is_generic(office):
                drops.append(Drop("generic-office", "official", stated, office, source))
                continue
            office_guid = content_guid("official-office", official.person, official.place)
            offices = [singular(o.office) for o in peers.by_org[official.org]]
            offices = [o for o in offices if not same_post(o, office) and not is_generic(o)]
            note = Note(
                question=f"What office did {official.person} hold in "
                f"{official.place_phrase}{when}?",
                answer=office,
                alternatives=_short_offices(office),
                guid=office_guid,
                kind="official",
                distractors=pick(
                    rng_for(seed, office_guid),
                    [offices, [o for o in ORG_OFFICES if not same_post(o, office)]],
                    [office],
                ),
                tags=("official",),
                sources=sources,
                extra={"person": official.person},
            )
        candidates.append(Candidate(note, official.key, rank=2))
    return candidates, drops


def which_org(official: Official, office: str, when: str, seed: int, story: Story) -> Candidate:
    """'Ana Ruz had served as the head of which organisation?': one answer, though many
    had served as its head."""
    assert official.org
    guid = content_guid("official-org", official.person, official.office)
    post = office.lower() if is_generic(office) else office
    orgs = sorted({o.org for o in story.officials if o.org and o.org != official.org})
    options = pick(rng_for(seed, guid), [orgs], [official.org])
    note = Note(
        question=f"{official.person} had served as the {post} of which organisation{when}?",
        answer=official.org,
        guid=guid,
        kind="official",
        distractors=options if len(options) == 3 else (),
        tags=("official",),
        sources=tuple(dict.fromkeys(official.sources)),
        extra={"person": official.person},
    )
    return Candidate(note, official.key, rank=1)


def local_where(
    official: Official, office: str, former: bool, when: str, seed: int, peers: Peers
) -> Candidate:
    """'Dave Ortiz was a mayor in which country?': true of one of many offices of its kind."""
    assert official.country
    guid = content_guid("official-where", official.person, official.office)
    verb = "had been" if former else "was"
    article = "an" if office.lower().startswith(("a", "e", "i", "o", "u")) else "a"
    question = f"{official.person} {verb} {article} {office.lower()} in which country{when}?"
    return Candidate(which_country(official, question, guid, seed, peers), official.key, rank=2)


def which_country(official: Official, question: str, guid: str, seed: int, peers: Peers) -> Note:
    """A question whose answer is the official's country, with three other countries of the
    story (those with the same office first) as options, or none."""
    assert official.country
    return Note(
        question=question,
        answer=official.country,
        guid=guid,
        kind="official",
        distractors=three_or_none(
            pick(
                rng_for(seed, guid),
                [peers.countries(official.office), peers.story_countries],
                [official.country],
            )
        ),
        tags=("official",),
        sources=tuple(dict.fromkeys(official.sources)),
        extra={"person": official.person},
    )


def fuller_name(official: Official, story: Story) -> str | None:
    """The fuller name of the same office-holder, when this one is part of it ('Lee')."""
    words = official.person.split()
    for other in story.holding(official.place, official.office):
        if other is official:
            continue
        others = other.person.split()
        if len(others) > len(words) and all(w in others for w in words):
            return other.person
    return None


def three_or_none(options: tuple[str, ...]) -> tuple[str, ...]:
    """Two wrong countries make a guess too easy: three options, or a typed answer."""
    return options if len(options) == 3 else ()


def countries_only(names: list[str]) -> list[str]:
    """Wrong answers to 'which country' are countries, never NATO or the UN."""
    kept = []
    for name in names:
        place = place_named(name)
        if place is not None and place.is_country:
            kept.append(name)
    return kept


class Peers:
    """The story's officials by office and by place, for options a learner could mistake.

    Only the nearest few in the story's order are offered: a deck of many articles has
    many ministers, and the ones told beside the answer are the plausible ones.
    """

    NEAR = 12

    def __init__(self, story: Story) -> None:
        self.position = {id(o): i for i, o in enumerate(story.officials)}
        self.by_office: dict[str, list[Official]] = defaultdict(list)
        self.by_place: dict[str, list[Official]] = defaultdict(list)
        self.by_org: dict[str | None, list[Official]] = defaultdict(list)
        for official in story.officials:
            self.by_office[official.office].append(official)
            self.by_place[official.place].append(official)
            self.by_org[official.org].append(official)
        self._countries: dict[str, list[str]] = {}
        self.position_order = list(story.officials)
        # the story's countries, never NATO or the UN: any country's wrong options
        self.story_countries = countries_only(story.countries)
        # Only people whose office makes a sound question are offered as wrong answers.
        self.national = {
            id(o): not (o.country and not is_national(singular(o.office), o.country))
            for o in story.officials
        }
        # Those a learner could mistake for one another, in the story's order: the same class
        # of office, both at an organisation or both not; grouped once, not sought per question.
        self.alike: dict[tuple[str, bool], list[Official]] = defaultdict(list)
        for official in story.officials:
            if self.national[id(official)]:
                self.alike[(office_class(official.office), bool(official.org))].append(official)

    def people(self, official: Official, guid: str, seed: int) -> tuple[str, ...]:
        """Three people of a comparable office, or none (the answer is then typed).

        Same office or same kind of post first (ministers for a minister, ambassadors for
        an ambassador); people of the same place only when their post is of that kind too.
        """
        here = self.position[id(official)]
        alike = self.alike[(office_class(official.office), bool(official.org))]
        others = [o for o in alike if o is not official]
        near = sorted(others, key=lambda o: abs(self.position[id(o)] - here))
        comparable = [o.person for o in near[: self.NEAR]]
        chosen = pick(rng_for(seed, guid), [comparable], official.names)
        return chosen if len(chosen) == 3 else ()

    def countries(self, office: str) -> list[str]:
        """Countries where someone holds this office: the wrong answers a learner weighs."""
        if office not in self._countries:
            found = {o.country for o in self.by_office[office] if o.country}
            self._countries[office] = countries_only(sorted(found))
        return self._countries[office]


def _short_offices(office: str) -> tuple[str, ...]:
    """'Commander of the Collective Peacekeeping Forces' also accepts 'Commander'."""
    head = re.split(r" (?:of|in|for) ", office, maxsplit=1)[0]
    return (head,) if head != office else ()
