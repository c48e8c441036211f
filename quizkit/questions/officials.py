"""Officials both ways: who held the office, and which country (or what office) it was."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict

from quizkit.extract.gazetteer import MONARCHIES, PRESIDENTIAL_REPUBLICS, place_named
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop
from quizkit.questions.caseless import Caseless
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
from quizkit.questions.roles import (
    body_post,
    destination_in,
    from_old_document,
    home_state,
    is_acting,
    is_one_of_several,
    local_office,
    local_place,
    sentence_map,
    serves_another,
    told,
)
from quizkit.questions.story import Official, Story, is_country

ORG_OFFICES = ["Secretary General", "Deputy Secretary General", "Chairman", "Spokesperson"]
# Offices held at an organisation on a country's behalf: an ambassador *to* the UN.
ENVOY_OFFICES = {"ambassador", "envoy", "representative", "permanent representative", "delegate"}


# 'outgoing' marks a holder still in office at the article's date; these mark one who left.
OUTGOING = Caseless(r"\boutgoing\b", needs="outgoing")
LEFT_MARKS = Caseless(r"\b(?:former|late|ex-|then-)")


def held_before(official: Official, story: Story, lines: list[str]) -> bool:
    """Former at the article's date: the extractor says so (but not for an 'outgoing' holder,
    still in office), a sentence naming the person says the office was lost, or only an old
    document names it."""
    outgoing = any(OUTGOING.found_in(line) for line in lines) and not any(
        LEFT_MARKS.found_in(line) for line in lines
    )
    if official.former and not outgoing:
        return True
    names = {n for n in official.names | {official.person} if len(n) > 3}
    return from_old_document(official, lines, story) or any(
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
    'the Ambassador of Japan to the United States', 'a deputy prime minister of Peru'."""
    office = office or singular(official.office)
    if is_one_of_several(office) and official.country:
        return f"{indefinite(office)} {office.lower()} of {official.place_phrase}"
    if official.org and re.search(r" (?:of|in|for) ", office):
        return f"{official.place_phrase}'s {office}"
    posted = destination(office)
    if posted and official.country:
        return f"the {posted[0]} of {official.place_phrase} to {place_phrase(posted[1])}"
    return f"the {office} of {official.place_phrase}"


def indefinite(word: str) -> str:
    return "an" if word.lower().startswith(("a", "e", "i", "o", "u")) else "a"


def post_of(official: Official, lines: list[str]) -> str:
    """The office as the sentences tell it: 'Acting Leader' for a stand-in, 'Ambassador to
    the UN' for 'Peru's UN ambassador'."""
    office = singular(official.office)
    if is_envoy_without_destination(office):
        posted = destination_in(official, lines)
        if posted:
            office = f"{office} to {posted}"
    if is_acting(official, lines) and not office.lower().startswith("acting"):
        office = f"Acting {office}"
    return office


def doubtful(official: Official, lines: list[str]) -> str | None:
    """Why no question should state this office as the person's, or None."""
    if serves_another(official, lines):
        return "office-of-another"
    return None


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
    sentences = sentence_map(story)
    for official in story.officials:
        lines = told(official, sentences)
        office = post_of(official, lines)
        fuller = fuller_name(official, story)
        if fuller:
            # 'Lee' beside 'Lee Myung-bak' of the same office and place: one person, asked once
            source = official.sources[0].document if official.sources else ""
            stated = f"{official.person}: also {fuller}"
            drops.append(Drop("same-person", "official", stated, official.person, source))
            continue
        former = held_before(official, story, lines)
        when = when_held(official, former)
        verb = "had served as" if former else "was"
        sources = tuple(dict.fromkeys(official.sources))
        source = sources[0].document if sources else ""
        stated = f"{official.person}: {office} of {official.place_phrase}{when}"
        unsound = doubtful(official, lines) or unsound_office(official, office)
        if unsound:
            drops.append(Drop(unsound, "official", stated, official.person, source))
            if unsound == "office-not-national" and official.country and is_local_title(office):
                local = local_where(official, office, former, when, seed, peers, lines)
                if not local:
                    drops.append(Drop("no-local-place", "official", stated, "", source))
                candidates += local
            elif unsound == "office-not-national" and represents(official, office, lines):
                candidates.append(which_represented(official, former, when, seed, peers))
            elif unsound == "office-not-national" and (state := home_state(official, lines)):
                candidates.append(which_state(official, office, state, former, when))
            elif unsound == "office-not-national" and (post := body_post(official, lines)):
                guid = content_guid("official-where", official.person, official.office)
                question = f"{official.person} {verb} {post}{when}?"
                note = which_country(official, question, guid, seed, peers)
                candidates.append(Candidate(note, official.key, rank=0))
            continue
        names = sorted(official.names - {official.person})
        who_guid = content_guid("official-who", official.place, official.office, official.person)
        envoy = bool(official.org) and office.lower() in ENVOY_OFFICES
        spokes = bool(official.org) and same_post(office, "spokesperson")
        several = is_one_of_several(office) or spokes
        if envoy:
            article = indefinite(office)
            who: str | None = (
                f"Who was {article} {office.lower()} to {official.place_phrase}{when}?"
            )
        else:
            who = f"Who was {office_phrase(official, office)}{when}?"
        if several and not former:
            # "Who was a spokesman for Hamas?": it has several; the other way has one answer
            drops.append(Drop("one-of-several", "official", stated, official.person, source))
            who = None
            if official.org:
                candidates.append(which_org(official, office, when, seed, story, several=True))
        elif former or official.former:
            # Many held the office before; "who had served as" has no one answer. Nor has
            # "who was" for an outgoing holder: the successor may take office that month.
            reason = "former-office" if former else "outgoing-office"
            drops.append(Drop(reason, "official", stated, official.person, source))
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
                f"the {posted[0]} of which country to {place_phrase(posted[1])}"
                if posted
                else f"the {office} of which country"
            )
            if is_one_of_several(office) or is_envoy_without_destination(office):
                post = f"{indefinite(office)} {office.lower()} of which country"
            note = which_country(
                official, f"{official.person} {verb} {post}{when}?", where_guid, seed, peers
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


_DELEGATE = re.compile(r"(?:permanent |chief )?(?:representative|delegate)", re.IGNORECASE)


def represents(official: Official, office: str, lines: list[str]) -> bool:
    """A country's delegate ('the Iranian representative, Ana Ruz'), not a legislator titled
    'Representative Ana Ruz', whose office is a seat in a house, not a country's voice."""
    if not official.country or not _DELEGATE.fullmatch(office):
        return False
    titled = [rf"\b{re.escape(office)}\s+{re.escape(name)}\b" for name in official.names]
    return not any(re.search(t, line) for t in titled for line in lines)


def which_represented(
    official: Official, former: bool, when: str, seed: int, peers: Peers
) -> Candidate:
    """'Which country did Ana Ruz represent?': one answer, the delegates of the others as
    wrong ones."""
    guid = content_guid("official-where", official.person, official.office)
    verb = "had" if former else "did"
    question = f"Which country {verb} {official.person} represent{when}?"
    return Candidate(which_country(official, question, guid, seed, peers), official.key, rank=0)


def which_state(official: Official, office: str, state: str, former: bool, when: str) -> Candidate:
    """'Ana Ruz was a United States senator from which state?': one answer, where 'Who was
    the senator from Ohio?' has two."""
    verb = "had been" if former else "was"
    note = Note(
        question=f"{official.person} {verb} a United States {office.lower()} from which "
        f"state{when}?",
        answer=state,
        guid=content_guid("official-state", official.person, official.office),
        kind="official",
        tags=("official",),
        sources=tuple(dict.fromkeys(official.sources)),
        extra={"person": official.person},
    )
    return Candidate(note, official.key, rank=0)


def which_org(
    official: Official, office: str, when: str, seed: int, story: Story, several: bool = False
) -> Candidate:
    """'Ana Ruz had served as the head of which organisation?', 'Ana Ruz was a spokesperson
    for which organisation?': one answer, though many held the post."""
    assert official.org
    guid = content_guid("official-org", official.person, official.office)
    post = office.lower() if is_generic(office) else office
    orgs = sorted({o.org for o in story.officials if o.org and o.org != official.org})
    options = pick(rng_for(seed, guid), [orgs], [official.org])
    if several:
        link = "for" if same_post(office, "spokesperson") else "of"
        question = f"{official.person} was {indefinite(office)} {office.lower()} {link} "
        question += f"which organisation{when}?"
    else:
        question = f"{official.person} had served as the {post} of which organisation{when}?"
    note = Note(
        question=question,
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
    official: Official,
    office: str,
    former: bool,
    when: str,
    seed: int,
    peers: Peers,
    lines: list[str],
) -> list[Candidate]:
    """'Ana Ruz was a cabinet minister in which country?' for a minister of many;
    'Dave Ortiz was the mayor of which city in Canada?' for a local office, whose country
    alone would be too easy (the story is about it): none when its place is not told."""
    assert official.country
    guid = content_guid("official-where", official.person, official.office)
    verb = "had been" if former else "was"
    if re.search(r"\bminister\b", office, re.IGNORECASE):
        post = f"{indefinite(office)} {office.lower()}"
        question = f"{official.person} {verb} {post} in which country{when}?"
        return [
            Candidate(which_country(official, question, guid, seed, peers), official.key, rank=2)
        ]
    found = local_place(official, lines)
    if found is None:
        return []
    kind, place = found
    link = "in" if kind in ("city", "town", "village", "place") else "of"
    question = (
        f"{official.person} {verb} the {local_office(office)} of which {kind} {link} "
        f"{official.place_phrase}{when}?"
    )
    short = re.sub(rf"\s+{kind}$", "", place, flags=re.IGNORECASE)
    sources = tuple(dict.fromkeys(official.sources))
    where = Note(
        question=question,
        answer=place,
        guid=content_guid("official-local", official.person, official.office),
        kind="official",
        alternatives=(short,) if short != place else (),
        tags=("official",),
        sources=sources,
        extra={"person": official.person},
    )
    found_in = [Candidate(where, official.key, rank=2)]
    if not former:
        # a province has one premier, a city one mayor: "who" has one answer here
        who_guid = content_guid("official-who", place, official.office, official.person)
        where_in, comma = official.place_phrase, "," if when else ""
        # "the O'Higgins Region", "the Tarsa Province": a name ending in its kind takes "the"
        named = f"the {place}" if short != place else place
        who = Note(
            question=f"Who was the {local_office(office)} of {named}, {where_in}{comma}{when}?",
            answer=official.person,
            guid=who_guid,
            kind="official",
            alternatives=tuple(sorted(official.names - {official.person})),
            tags=("official",),
            sources=sources,
            extra={"answer_type": "person", "person": official.person},
        )
        found_in.insert(0, Candidate(who, official.key, rank=0))
    return found_in


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
                [peers.countries(official.office), has_office(peers.story_countries, official)],
                [official.country],
            )
        ),
        tags=("official",),
        sources=tuple(dict.fromkeys(official.sources)),
        extra={"person": official.person},
    )


def has_office(countries: list[str], official: Official) -> list[str]:
    """The countries that could have the official's office, as far as the form of government
    tells (only 'President' and 'Prime Minister' are judged; others keep every country)."""
    office = singular(official.office).lower()
    # a 'President of which country?' never offers a kingdom, nor 'Prime Minister' a
    # presidential republic
    ruled_out = {
        "president": MONARCHIES,
        "prime minister": PRESIDENTIAL_REPUBLICS | {"United States"},
    }.get(office)
    return [c for c in countries if c not in ruled_out] if ruled_out else countries


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
    return [name for name in names if is_country(name)]


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
        # each group's places in the story's order (rising, as the groups are in that order)
        self.alike_positions = {
            group: [self.position[id(o)] for o in members] for group, members in self.alike.items()
        }

    def people(self, official: Official, guid: str, seed: int) -> tuple[str, ...]:
        """Three people of a comparable office, or none (the answer is then typed).

        Same office or same kind of post first (ministers for a minister, ambassadors for
        an ambassador); people of the same place only when their post is of that kind too.
        """
        near = self._nearest(official)
        own = [set(n.casefold().split()) for n in official.names | {official.person}]
        wrong = [
            name
            for name in distinct_people([o.person for o in near])
            if not _alike_any(set(name.casefold().split()), own)
        ]
        chosen = pick(rng_for(seed, guid), [wrong], official.names)
        return chosen if len(chosen) == 3 else ()

    def _nearest(self, official: Official) -> list[Official]:
        """The NEAR comparable people nearest in the story's order, nearest first and the
        earlier of two as near (as a stable sort by distance would give them): read outwards
        from the official's place, as a deck of many articles holds thousands of them."""
        here = self.position[id(official)]
        group = (office_class(official.office), bool(official.org))
        alike, positions = self.alike.get(group, []), self.alike_positions.get(group, [])
        right = bisect_left(positions, here)
        left = right - 1
        if right < len(alike) and alike[right] is official:
            right += 1
        near: list[Official] = []
        while len(near) < self.NEAR and (left >= 0 or right < len(alike)):
            if right >= len(alike) or (
                left >= 0 and here - positions[left] <= positions[right] - here
            ):
                near.append(alike[left])
                left -= 1
            else:
                near.append(alike[right])
                right += 1
        return near

    def countries(self, office: str) -> list[str]:
        """Countries where someone holds this office: the wrong answers a learner weighs."""
        if office not in self._countries:
            found = {o.country for o in self.by_office[office] if o.country}
            self._countries[office] = countries_only(sorted(found))
        return self._countries[office]


def _alike_any(words: set[str], others: list[set[str]]) -> bool:
    """'Yayi' and 'Yayi Boni': one name's words all in another's are one person's (each name
    split once, not once per pair compared)."""
    return any(words <= other or other <= words for other in others)


def distinct_people(names: list[str]) -> list[str]:
    """Each person once, under the fullest name given: never 'Yayi' beside 'Yayi Boni'."""
    kept: set[str] = set()
    kept_words: list[set[str]] = []
    for name in sorted(dict.fromkeys(names), key=lambda n: -len(n.split())):
        words = set(name.casefold().split())
        if not _alike_any(words, kept_words):
            kept.add(name)
            kept_words.append(words)
    return [n for n in names if n in kept]


def _short_offices(office: str) -> tuple[str, ...]:
    """'Commander of the Collective Peacekeeping Forces' also accepts 'Commander'."""
    head = re.split(r" (?:of|in|for) ", office, maxsplit=1)[0]
    return (head,) if head != office else ()
