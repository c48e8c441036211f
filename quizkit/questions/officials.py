"""Officials both ways: who held the office, and which country (or what office) it was."""

from __future__ import annotations

import re
from collections import defaultdict

from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop
from quizkit.questions.distractors import pick, rng_for
from quizkit.questions.story import Official, Story

ORG_OFFICES = ["Secretary General", "Deputy Secretary General", "Chairman", "Spokesperson"]
# Offices held at an organisation on a country's behalf: an ambassador *to* the UN.
ENVOY_OFFICES = {"ambassador", "envoy", "representative", "permanent representative", "delegate"}


# Offices held in a country's towns and provinces, or on its behalf, never "of" it: there is
# no 'Mayor of Canada'. Asked as 'a mayor in which country', never 'Who was the mayor of ...'.
LOCAL_WORDS = {"mayor", "governor", "intendant", "commissioner", "administrator", "local"}
LOCAL_WORDS |= {"district", "provincial", "regional", "municipal", "councillor", "councilor"}
LOCAL_WORDS |= {"director", "representative", "delegate"}
REPRESENTING = {"representative", "delegate"}


PREPOSITIONAL = re.compile(r" (?:of|in|for|to) ")


def possessive(name: str) -> str:
    """'Chile's', 'the United States'', 'which country's'."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def is_local(official: Official) -> bool:
    """A country's local office or its representative: many hold it, so 'who' is ambiguous."""
    return bool(official.country) and bool(set(official.office.lower().split()) & LOCAL_WORDS)


def held_in(official: Official, country: str) -> str:
    """'the Defense Minister of Armenia', or 'a mayor in Canada' for a local office."""
    if not is_local(official):
        if PREPOSITIONAL.search(official.office):
            return f"{possessive(country)} {official.office}"  # 'Chile's Ambassador to Peru'
        return f"the {official.office} of {country}"
    office = official.office.lower()
    article = "an" if office[:1] in "aeiou" else "a"
    joint = "of" if set(office.split()) & REPRESENTING else "in"
    return f"{article} {office} {joint} {country}"


def when_held(official: Official) -> str:
    """' in January 2022', or ' before January 2022' for a former office-holder."""
    if not official.month:
        return ""
    return f" before {official.month}" if official.former else f" in {official.month}"


def office_phrase(official: Official) -> str:
    """'the Defense Minister of Armenia', 'the CSTO's Commander of the Forces'."""
    if PREPOSITIONAL.search(official.office):
        return f"{possessive(official.place_phrase)} {official.office}"
    return f"the {official.office} of {official.place_phrase}"


# Presidential republics with no prime minister: a 'Prime Minister of the United States' in
# the facts is another country's head of government given the wrong country.
NO_PRIME_MINISTER = {"United States", "Mexico", "Brazil", "Argentina", "Chile", "Colombia"}
NO_PRIME_MINISTER |= {"Venezuela", "Indonesia", "Ecuador", "Bolivia", "Paraguay", "Uruguay"}


def office_exists(office: str, country: str | None) -> bool:
    return not (office.lower() == "prime minister" and country in NO_PRIME_MINISTER)


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    drops: list[Drop] = []
    peers = Peers(story)
    for official in story.officials:
        if not office_exists(official.office, official.country):
            question = f"Who was {office_phrase(official)}{when_held(official)}?"
            drops.append(Drop("no-such-office", "official", question, official.person))
            continue
        when = when_held(official)
        verb = "had served as" if official.former else "was"
        sources = tuple(dict.fromkeys(official.sources))
        names = sorted(official.names - {official.person})
        who_guid = content_guid("official-who", official.place, official.office, official.person)
        envoy = bool(official.org) and official.office.lower() in ENVOY_OFFICES
        if envoy:
            who = f"Who was an {official.office.lower()} to {official.place_phrase}{when}?"
            if not official.office.lower().startswith(("a", "e", "i", "o", "u")):
                who = who.replace("Who was an ", "Who was a ", 1)
        elif official.former:
            who = f"Who had served as {office_phrase(official)}{when}?"
        else:
            who = f"Who was {office_phrase(official)}{when}?"
        # Many mayors in a country: for a local office only 'in which country' has one answer.
        if not is_local(official):
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
            note = Note(
                question=f"{official.person} {verb} {held_in(official, 'which country')}{when}?",
                answer=official.country,
                guid=where_guid,
                kind="official",
                distractors=pick(
                    rng_for(seed, where_guid),
                    [peers.countries(official.office), story.countries],
                    [official.country],
                ),
                tags=("official",),
                sources=sources,
                extra={"person": official.person},
            )
        else:
            office_guid = content_guid("official-office", official.person, official.place)
            offices = [o.office for o in story.officials if o.org == official.org]
            note = Note(
                question=f"What office did {official.person} hold in "
                f"{official.place_phrase}{when}?",
                answer=official.office,
                alternatives=_short_offices(official.office),
                guid=office_guid,
                kind="official",
                distractors=pick(
                    rng_for(seed, office_guid), [offices, ORG_OFFICES], [official.office]
                ),
                tags=("official",),
                sources=sources,
                extra={"person": official.person},
            )
        candidates.append(Candidate(note, official.key, rank=2))
    return candidates, drops


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
        for official in story.officials:
            self.by_office[official.office].append(official)
            self.by_place[official.place].append(official)
        self._countries: dict[str, list[str]] = {}

    def people(self, official: Official, guid: str, seed: int) -> tuple[str, ...]:
        """Three people of the same office or place, or none (the answer is then typed)."""
        here = self.position[id(official)]
        pool = {
            id(o): o
            for o in [*self.by_place[official.place], *self.by_office[official.office]]
            if o is not official
        }
        near = sorted(pool.values(), key=lambda o: abs(self.position[id(o)] - here))
        plausible = [o.person for o in near[: self.NEAR]]
        chosen = pick(rng_for(seed, guid), [plausible], official.names)
        return chosen if len(chosen) == 3 else ()

    def countries(self, office: str) -> list[str]:
        """Countries where someone holds this office: the wrong answers a learner weighs."""
        if office not in self._countries:
            found = {o.country for o in self.by_office[office] if o.country}
            self._countries[office] = sorted(found)
        return self._countries[office]


def _short_offices(office: str) -> tuple[str, ...]:
    """'Commander of the Collective Peacekeeping Forces' also accepts 'Commander'."""
    head = re.split(r" (?:of|in|for) ", office, maxsplit=1)[0]
    return (head,) if head != office else ()
