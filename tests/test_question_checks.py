"""The checks stage: each fault a reader found is caught mechanically, with its reason code."""

from __future__ import annotations

from typing import Any

import pytest

from quizkit.models import Note
from quizkit.questions.candidate import Candidate
from quizkit.questions.checks import (
    check_each,
    check_set,
    headline_caps,
    reason_against,
    subjectless_verb,
)


def candidate(
    question: str,
    answer: str = "12 May 2021",
    kind: str = "date",
    distractors: tuple[str, ...] = (),
    alternatives: tuple[str, ...] = (),
    fact: str = "f",
    **extra: Any,
) -> Candidate:
    note = Note(
        question=question,
        answer=answer,
        guid=question,
        kind=kind,
        distractors=distractors,
        alternatives=alternatives,
        extra=extra,
    )
    return Candidate(note, fact)


@pytest.mark.parametrize(
    "question",
    [
        "When did the foreign ministers of Chile and Peru sign the fisheries accord?",
        "On what date were the talks in Geneva scheduled to open?",
        "When was the Varna summit postponed?",
        "When did Olga Tamm begin her visit to Riga?",
        "Which four countries' foreign ministers met in Lima in March 2019? Name all four.",
        "True or false: Olga Tamm was the Foreign Minister of Estonia in May 2021.",
        "Fill in the blank: The Varna accord was signed by Bulgaria and Romania on [...].",
        "When did the Arab League meet in Port Harbour?",
        "When did NATO Secretary General Jens Lund arrive in Oslo?",
        "When did police arrest Jan Vos for the third time in two days?",
        "How many people died in the Tarsa floods?",
        "When did Borduria respond by calling Olga Tamm a traitor?",
        "What happened in the West Bank on 4 May 2021?",
        "When were the talks held in Riga and Tallinn?",
    ],
)
def test_well_formed_questions_pass(question: str) -> None:
    assert reason_against(candidate(question)) is None


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        # a clause cut mid-way
        ("When did the centre open with officers from all?", "dangling-end"),
        ("When did the minister act to ensure that?", "dangling-end"),
        ("When did Mayor Ruiz travel to?", "dangling-end"),
        ("When did the army and?", "dangling-end"),
        ("When was the bridge in Tarsa rebuilt as long as it was?", "dangling-end"),
        ("When did Olga Tamm give a speech entitled?", "dangling-end"),
        ("When did Olga Tamm send Jan Vos to Riga to support?", "dangling-end"),
        ("When did the talks on the Tarsa dam collapse after Brown called?", "dangling-end"),
        ("When did Jan Vos express concern about the Premier-Elect's?", "dangling-end"),
        ("When did Jan Vos blame the floods on the dam and appeal?", "dangling-end"),
        ("How many people died in the clashes between Tarsa police?", "dangling-end"),
        ('When did Jan Vos call the plan "a failure?', "dangling-end"),
        # capital first letter
        ("when did the Tarsa dam burst?", "lowercase-start"),
        ("Fill in the blank: the Tarsa dam burst on [...].", "lowercase-start"),
        # relative time words
        ("When did Jan Vos say the dam would be inspected today?", "relative-time"),
        ("When did police in Tarsa arrest Jan Vos on Monday?", "relative-time"),
        ("How many troops did Chile send to Haiti this week?", "relative-time"),
        ("When did Jan Vos arrive in Tarsa yesterday?", "relative-time"),
        (
            "Fill in the blank: The Tarsa dam burst last Thursday after [...] of rain.",
            "relative-time",
        ),
        # pronouns and words that point into the article
        ("When did he sign the Tarsa accord?", "unresolved-pronoun"),
        ("When did they meet Olga Tamm?", "unresolved-pronoun"),
        ("When was this decided in Tarsa?", "unresolved-pronoun"),
        ("When did Olga Tamm make the announcement?", "unresolved-pronoun"),
        ("When did Olga Tamm leave the country?", "unresolved-pronoun"),
        ("How many houses were demolished in this village near Tarsa?", "unresolved-pronoun"),
        ("When were meanwhile thirteen soldiers killed in Tarsa?", "unresolved-pronoun"),
        ("When did his plane land in Tarsa?", "unresolved-pronoun"),
        ("Fill in the blank: It is dated [...] and names Olga Tamm.", "unresolved-pronoun"),
        ("Fill in the blank: Olga Tamm and Jan Vos were there on [...].", "unresolved-pronoun"),
        ("How many engineers were killed in a revenge revenge attack in Tarsa?", "repeated-word"),
        # clauses cut from the article and pasted together
        ("When did Olga Tamm, escort by her aides, began her tour of Tarsa?", "broken-clause"),
        ("When did the panel meet and is drafting a report on the dam?", "broken-clause"),
        ("When was the dam finished and engineers are said to be proud?", "broken-clause"),
        ("On what date was the rally set to be the tenth, was to start in Riga?", "broken-clause"),
        ("How many aid workers kidnapped in Tarsa?", "broken-clause"),
        ("How many people did floods in Tarsa which kill led to a crisis?", "broken-clause"),
        ("What happened in Tarsa Strip on 4 May 2021?", "broken-clause"),
        ("When did Jan Vos, Dominican Republic's envoy, land in Riga?", "broken-clause"),
        ("On what date was secretary of State Olga Tamm to land in Riga?", "broken-clause"),
        ("When did Thousands of people march in Tarsa?", "broken-clause"),
        ("When did Olga Tamm also visit Riga?", "unresolved-pronoun"),
        (
            "Fill in the blank: Olga Tamm and other officials were there on [...].",
            "unresolved-pronoun",
        ),
        ("When did Jan Vos, age given as 40 or 41, land in Riga?", "broken-clause"),
        ("Fill in the blank: [...] has not been seen in public in the past week.", "relative-time"),
        # headline capitals
        ("When did U.S. Officials meet Olga Tamm?", "headline-caps"),
        ("Who was the Premier Under Fire?", "headline-caps"),
        ("When was Tarsa Dam Inspection Delayed?", "headline-caps"),
    ],
)
def test_each_fault_is_dropped_with_its_reason(question: str, reason: str) -> None:
    assert reason_against(candidate(question)) == reason


def test_there_of_a_place_needs_the_article_but_there_was_a_does_not() -> None:
    question = "On what date was there a failed plot to bomb the Tarsa ferry?"
    assert reason_against(candidate(question)) is None
    assert reason_against(candidate("When was Olga Tamm there?")) == "unresolved-pronoun"


def test_a_reported_clause_keeps_its_own_past_tense() -> None:
    question = "When did Tarsa police report that the navy towed a boat back to Varna?"
    assert reason_against(candidate(question)) is None
    cut = "When did Tarsa police towed a boat back to Varna?"
    assert reason_against(candidate(cut)) == "broken-clause"


def test_a_toll_needs_its_span_and_what_happened_needs_the_place_it_happened() -> None:
    toll = candidate("How many soldiers were killed in Tarsa?", "13", kind="number")
    assert reason_against(toll) == "no-time-frame"
    spanned = candidate("How many soldiers were killed in Tarsa in 2019?", "13", kind="number")
    assert reason_against(spanned) is None
    question = "What happened in Borduria on 4 May 2021?"
    away = candidate(question, "Police found the boat towed back from Borduria", answer_type="free")
    assert reason_against(away) == "place-not-event"
    there = candidate(question, "Police found the boat in Borduria", answer_type="free")
    assert reason_against(there) is None


def test_a_headline_copied_in_title_case_is_dropped() -> None:
    headline = "Tarsa Dam Bursts After Week Of Heavy Rain"
    copied = candidate("When did the Tarsa dam burst after week of heavy rain?")
    assert reason_against(copied, headlines=[headline]) == "headline-caps"
    own = candidate("When did the Tarsa dam burst?")
    assert reason_against(own, headlines=[headline]) is None


def test_a_lower_case_name_is_dropped() -> None:
    question = candidate("When did bush meet Olga Tamm in Tarsa?")
    assert reason_against(question, names=["George Bush"]) == "lowercase-name"


def test_a_name_made_of_headline_words_is_dropped() -> None:
    made_up = candidate(
        "Under Fire was the Premier of which country?", "Canada", "official", person="Under Fire"
    )
    assert reason_against(made_up) == "headline-caps"


@pytest.mark.parametrize(
    ("question", "answer", "kind", "extra"),
    [
        ("Who was Jan Vos's deputy in Tarsa?", "Jan Vos", "official", {"answer_type": "person"}),
        ("Who did Vos appoint as minister?", "Jan Vos", "official", {"answer_type": "person"}),
        ("When did the Tarsa dam burst on 12 May 2021?", "12 May 2021", "date", {}),
        ("When did the Tarsa dam burst on May 12, 2021?", "12 May 2021", "date", {}),
        (
            "Which countries met Peru in Chile? Name all three.",
            "Chile, Peru and Bolivia",
            "participants",
            {"items": ["Chile", "Peru", "Bolivia"]},
        ),
    ],
)
def test_the_answer_is_not_in_the_question(
    question: str, answer: str, kind: str, extra: dict[str, Any]
) -> None:
    assert reason_against(candidate(question, answer, kind, **extra)) == "answer-in-question"


def test_a_meeting_place_among_many_participants_is_no_leak() -> None:
    question = candidate(
        "Which five countries' foreign ministers met in Lima? Name all five.",
        "Peru, Chile, Bolivia, Ecuador and Colombia",
        "participants",
        items=["Peru", "Chile", "Bolivia", "Ecuador", "Colombia"],
    )
    assert reason_against(question) is None


@pytest.mark.parametrize(
    ("answer", "options", "answer_type", "alternatives"),
    [
        ("12 May 2021", ("13 May 2021", "May 12, 2021", "11 May 2021"), "date", ()),
        ("12 May 2021", ("2021-05-12", "13 May 2021"), "date", ()),
        ("Olga Tamm", ("Jan Vos", "Tamm", "Piet Aas"), "person", ()),
        ("Olga Tamm", ("Jan Vos", "O. Tamm", "Piet Aas"), "person", ()),
        ("Olga Tamm", ("Jan Vos", "Foreign Minister Tamm"), "person", ("Minister Tamm",)),
        ("3,000", ("1,500", "3000", "6,000"), "number", ()),
        ("Estonia", ("Latvia", "ESTONIA", "Lithuania"), "text", ()),
    ],
)
def test_no_option_is_the_answer_written_another_way(
    answer: str, options: tuple[str, ...], answer_type: str, alternatives: tuple[str, ...]
) -> None:
    question = candidate(
        "Which one is right in Tarsa?",
        answer,
        "official",
        options,
        alternatives,
        answer_type=answer_type,
    )
    assert reason_against(question) == "option-is-answer"


def test_sound_options_pass() -> None:
    question = candidate(
        "When did the Tarsa dam burst?",
        "12 May 2021",
        "date",
        ("13 May 2021", "11 May 2021", "2 June 2021"),
        answer_type="date",
    )
    assert reason_against(question) is None


def test_the_same_wording_twice_keeps_one() -> None:
    first = candidate("When did the Tarsa dam burst?", fact="a")
    again = candidate("When did the  Tarsa dam burst ?", fact="b")
    kept, dropped = check_set([first, again])
    assert kept == [first]
    assert [d.reason for d in dropped] == ["same-wording"]


def test_the_same_wording_with_different_answers_drops_both() -> None:
    first = candidate("When did NATO leaders meet in Newport?", "4 September 2014")
    second = candidate("When did NATO leaders meet in Newport?", "5 September 2014")
    kept, dropped = check_set([first, second])
    assert kept == []
    assert [d.reason for d in dropped] == ["same-wording-different-answer"] * 2


def test_near_identical_questions_with_different_answers_drop_both() -> None:
    first = candidate(
        "When did NATO leaders meet in Newport over two days in a summit?", "4 September 2014"
    )
    second = candidate(
        "When did NATO leaders meet in Newport in a summit over two days?", "5 September 2014"
    )
    other = candidate(
        "When did NATO leaders meet in Warsaw in a summit over two days?", "8 July 2016"
    )
    kept, dropped = check_set([first, second, other])
    assert kept == [other]
    assert {d.reason for d in dropped} == {"same-wording-different-answer"}


def test_questions_about_different_places_are_not_near_identical() -> None:
    egypt = candidate(
        "Who was the President of Egypt in January 2011?", "Hosni Mubarak", "official"
    )
    chad = candidate("Who was the President of Chad in January 2011?", "Idriss Deby", "official")
    kept, dropped = check_set([egypt, chad])
    assert kept == [egypt, chad] and dropped == []


def test_true_false_statements_are_balanced() -> None:
    from quizkit.questions.checks import balance_truefalse

    statements = [
        candidate(f"True or false: Minister {i} was from Tarsa.", "True", "truefalse", truth=True)
        for i in range(6)
    ] + [candidate("True or false: Minister 9 was from Tarsa.", "False", "truefalse", truth=False)]
    kept, dropped = balance_truefalse(statements)
    truths = [c.note.extra["truth"] for c in kept]
    assert abs(truths.count(True) - truths.count(False)) <= max(1, len(kept) // 5)
    assert {d.reason for d in dropped} == {"truefalse-balance"}
    assert len(kept) + len(dropped) == 7


def test_check_each_names_every_drop() -> None:
    good = candidate("When did the Tarsa dam burst?")
    bad = candidate("When did he arrive?")
    kept, dropped = check_each([good, bad])
    assert kept == [good]
    assert [(d.reason, d.question) for d in dropped] == [
        ("unresolved-pronoun", "When did he arrive?")
    ]


def test_a_name_that_is_also_a_verb_is_no_headline_capital() -> None:
    question = "When was Omar Hadi Said, the envoy in Tarsa, recalled by the government?"
    assert headline_caps(question)
    assert not headline_caps(question, names=["Omar Hadi Said"])


def test_a_second_verb_without_its_subject_is_garbled() -> None:
    cut = candidate(
        "On what date was the rally scheduled to be the last one, was to start in Tarsa?"
    )
    assert subjectless_verb(cut.note.question)
    assert reason_against(cut) in ("subjectless-verb", "broken-clause")  # both checks see it
    whole = candidate("When was Ivo Kask, the envoy in Tarsa, recalled by the government?")
    assert reason_against(whole) is None
