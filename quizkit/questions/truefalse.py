"""True/false statements about officials, true and false in turn so the set stays balanced."""

from __future__ import annotations

import re

from quizkit.extra import NoteExtra
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop
from quizkit.questions.distractors import pick, rng_for
from quizkit.questions.offices import is_envoy_without_destination
from quizkit.questions.officials import (
    Peers,
    doubtful,
    fuller_name,
    held_before,
    office_phrase,
    post_of,
    unsound_office,
    when_held,
)
from quizkit.questions.phrasing import country_name
from quizkit.questions.roles import sentence_map, told
from quizkit.questions.story import Story


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    # Which comes first, true or false, varies from story to story, so that many decks
    # together are balanced as well as each one.
    first = story.officials[0].key if story.officials else ""
    start = rng_for(seed, f"truefalse-start:{first}").random() < 0.5
    # Only offices a country has once make a sound statement (see officials.unsound_office),
    # told whole (an ambassador with the place posted to) and as the person's own.
    sentences = sentence_map(story)
    with_country = []
    for o in story.officials:
        if not o.country or fuller_name(o, story):
            continue
        lines = told(o, sentences)
        office = post_of(o, lines)
        if unsound_office(o, office) or doubtful(o, lines):
            continue
        if not is_envoy_without_destination(office):
            with_country.append((o, office, lines))
    peers = Peers(story)
    central = headline_holders(story)
    for index, (official, office, lines) in enumerate(with_country):
        assert official.country
        former = held_before(official, story, lines)
        when = when_held(official, former)
        verb = "had served as" if former else "was"
        guid = content_guid("official-truefalse", official.person, official.office)
        # The wrong country must have the office too (no "Prime Minister of the United
        # States"): only a country where the story shows someone holding it will do.
        # Nor a country whose holder the headline names ("X was the President of the United
        # States" in a story of the US president's tour tests nothing).
        countries = peers.countries(official.office)
        plain = [c for c in countries if (official.office, c) not in central]
        wrong = pick(rng_for(seed, guid), [plain], [official.country], count=1)
        # Every other official is asked true/false (rank 1) rather than 'which country'; among
        # those, true and false take turns.
        asked_as_truefalse = index % 2 == 1
        truth = (index // 2 % 2 == 0) == start or not wrong
        shown = official.country if truth else wrong[0]
        extra: NoteExtra = {"truth": truth, "person": official.person}
        if not truth:
            extra["correction"] = f"{official.person} {verb} {office_phrase(official, office)}."
        stated = office_phrase(official, office).replace(
            f" of {country_name(official.country)}", f" of {country_name(shown)}", 1
        )
        note = Note(
            question=f"True or false: {official.person} {verb} {stated}{when}.",
            answer="True" if truth else "False",
            guid=guid,
            kind="truefalse",
            alternatives=("T", "yes") if truth else ("F", "no"),
            distractors=("False",) if truth else ("True",),
            tags=("official", "truefalse"),
            sources=tuple(dict.fromkeys(official.sources)),
            extra=extra,
        )
        candidates.append(Candidate(note, official.key, rank=1 if asked_as_truefalse else 3))
    return candidates, []


def headline_holders(story: Story) -> set[tuple[str, str]]:
    """(office, country) pairs whose holder a headline names: everyone reading the story
    knows who holds them, so a false statement giving them to another tests nothing."""
    words = {w for h in story.headlines.values() for w in re.findall(r"[\w'’-]+", h)}
    central = set()
    for official in story.officials:
        surnames = {n.split()[-1] for n in official.names | {official.person}}
        if official.country and surnames & words:
            central.add((official.office, official.country))
    return central
