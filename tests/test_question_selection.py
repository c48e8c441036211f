"""The selection stage: each fact asked at least once and at most twice, true/false balanced
without leaving a fact asked once when it has a sound second question."""

from __future__ import annotations

from collections import Counter

from quizkit.models import Note
from quizkit.questions.candidate import Candidate
from quizkit.questions.selection import select

PEOPLE = [
    ("Ana Ruz", "Chile"),
    ("Ivo Marek", "Peru"),
    ("Olga Tamm", "Estonia"),
    ("Jan Vos", "Latvia"),
    ("Liis Kask", "Finland"),
]


def official_variants(person: str, country: str, truth: bool) -> list[Candidate]:
    """Who held the office, the statement true/false, and which country: one fact."""
    fact = f"official:{country}:{person}"
    who = Note(
        guid=f"{fact}:who",
        question=f"Who was the President of {country} in May 2021?",
        answer=person,
        kind="official",
        extra={"answer_type": "person"},
    )
    claimed = country if truth else "Norway"
    statement = Note(
        guid=f"{fact}:tf",
        question=f"True or false: {person} was the President of {claimed} in May 2021.",
        answer="True" if truth else "False",
        kind="truefalse",
        extra={"truth": truth},
    )
    which = Note(
        guid=f"{fact}:which",
        question=f"{person} was the President of which country in May 2021?",
        answer=country,
        kind="official",
        extra={"answer_type": "country"},
    )
    return [Candidate(who, fact, 0), Candidate(statement, fact, 1), Candidate(which, fact, 2)]


def test_every_fact_is_asked_and_none_more_than_twice() -> None:
    candidates = [
        c for i, (p, c_) in enumerate(PEOPLE) for c in official_variants(p, c_, i % 2 == 0)
    ]
    kept, dropped = select(candidates)
    per_fact = Counter(c.fact for c in kept)
    assert set(per_fact) == {c.fact for c in candidates}
    assert max(per_fact.values()) == 2
    assert {d.reason for d in dropped} == {"spread"}


def test_a_statement_dropped_for_balance_gives_its_place_to_the_next_variant() -> None:
    # every statement true: the balance leaves most of them out
    candidates = [c for p, country in PEOPLE for c in official_variants(p, country, True)]
    kept, dropped = select(candidates)
    unbalanced = [d for d in dropped if d.reason == "truefalse-balance"]
    assert unbalanced
    per_fact = Counter(c.fact for c in kept)
    assert all(count == 2 for count in per_fact.values()), per_fact
    asked = {c.note.question for c in kept}
    for drop in unbalanced:
        person = drop.question.split(": ")[1].split(" was ")[0]
        assert f"{person} was the President of which country in May 2021?" in asked
        assert drop.question not in asked
    statements = [c for c in kept if c.note.kind == "truefalse"]
    assert len(statements) <= 1


def test_a_question_naming_another_answer_in_full_shares_its_fact_for_handouts() -> None:
    who = official_variants("Ana Ruz", "Chile", True)[0]
    date = Candidate(
        Note(
            guid="d1",
            question="When did Chilean President Ana Ruz open the Valga bridge?",
            answer="4 May 2021",
            kind="date",
        ),
        "date:valga",
    )
    met = Candidate(
        Note(
            guid="p1",
            question="Which two countries' presidents met in May 2021? Name both.",
            answer="Chile and Peru",
            kind="participants",
            extra={"items": ["Chile", "Peru"], "answer_type": "list"},
        ),
        "participants:chile:peru",
    )
    named = Candidate(
        Note(
            guid="d2",
            question="When did the presidents of Chile and Peru sign the Valga accord?",
            answer="3 May 2021",
            kind="date",
        ),
        "date:accord",
    )
    kept, _dropped = select([who, date, met, named])
    facts = {c.note.guid: c.fact for c in kept}
    # the date question names Ana Ruz in full: a sheet printing both gives 'who' away
    assert facts[who.note.guid] == "date:valga"
    # every member of the set is named in the accord's date question
    assert facts["p1"] == "date:accord"
    assert facts["d1"] == "date:valga" and facts["d2"] == "date:accord"
