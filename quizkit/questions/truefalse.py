"""True/false statements about officials, true and false in turn so the set stays balanced."""

from __future__ import annotations

from quizkit.extra import NoteExtra
from quizkit.models import Note, content_guid
from quizkit.questions.candidate import Candidate, Drop
from quizkit.questions.distractors import pick, rng_for
from quizkit.questions.officials import Peers, held_in, office_exists, when_held
from quizkit.questions.phrasing import country_name
from quizkit.questions.story import Story


def propose(story: Story, seed: int) -> tuple[list[Candidate], list[Drop]]:
    candidates: list[Candidate] = []
    # Which comes first, true or false, varies from story to story, so that many decks
    # together are balanced as well as each one.
    first = story.officials[0].key if story.officials else ""
    start = rng_for(seed, f"truefalse-start:{first}").random() < 0.5
    with_country = [o for o in story.officials if o.country and office_exists(o.office, o.country)]
    peers = Peers(story)
    for index, official in enumerate(with_country):
        assert official.country
        when = when_held(official)
        verb = "had served as" if official.former else "was"
        guid = content_guid("official-truefalse", official.person, official.office)
        # A wrong country where someone holds the same office is the plausible one.
        wrong = pick(
            rng_for(seed, guid),
            [peers.countries(official.office), story.countries],
            [official.country],
            count=1,
        )
        # Every other official is asked true/false (rank 1) rather than 'which country'; among
        # those, true and false take turns.
        asked_as_truefalse = index % 2 == 1
        truth = (index // 2 % 2 == 0) == start or not wrong
        shown = official.country if truth else wrong[0]
        extra: NoteExtra = {"truth": truth, "person": official.person}
        if not truth:
            extra["correction"] = (
                f"{official.person} {verb} {held_in(official, country_name(official.country))}."
            )
        note = Note(
            question=f"True or false: {official.person} {verb} "
            f"{held_in(official, country_name(shown))}{when}.",
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
