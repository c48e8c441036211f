"""Case-blind checks find what an IGNORECASE pattern finds, in any case and beyond ASCII."""

from __future__ import annotations

import re

import pytest

from quizkit.questions.caseless import Caseless
from quizkit.questions.checks import relative_time, unresolved_pronoun

TEXTS = [
    "When did the Tarsa Council meet TODAY?",
    "When did the council meet in Varna?",
    "When did THE ANNOUNCEMENT reach Riga?",
    "When was there a coup in Tarsa?",
    "When did Ana Roe arrive there?",
    "When did Zoë Kühn meet the mayor on Monday?",
    "When did Zoë Kühn reach Varna?",
    "When did the minister leave the ſtate capital?",
]


@pytest.mark.parametrize("text", TEXTS)
def test_found_as_an_ignorecase_pattern_finds(text: str) -> None:
    pattern = r"\b(?:today|monday|the announcement|capital)\b"
    assert Caseless(pattern).found_in(text) == bool(re.search(pattern, text, re.IGNORECASE))


def test_words_a_match_needs_are_looked_for_first() -> None:
    there = Caseless(r"\bthere\b(?! is)", needs="there")
    assert there.found_in("When did Ana Roe arrive THERE?")
    assert not there.found_in("When did Ana Roe arrive in Riga?")


@pytest.mark.parametrize("text", TEXTS)
def test_one_of_several_needed_words_is_enough(text: str) -> None:
    pattern = r"\b(?:today|monday|the announcement|capital)\b"
    several = Caseless(pattern, needs=("day", "announcement", "capital"))
    assert several.found_in(text) == bool(re.search(pattern, text, re.IGNORECASE))


def test_the_roles_and_cloze_hints_find_what_their_patterns_find() -> None:
    from quizkit.questions.cloze import WRITTEN_DATE
    from quizkit.questions.offices import LOST_HINT
    from quizkit.questions.roles import _DOCUMENT, _STAND_IN, _WORKS_FOR

    assert WRITTEN_DATE.found_in("The talks opened on 3 MARCH in Varna.")
    assert not WRITTEN_DATE.found_in("The talks opened in Varna.")
    assert LOST_HINT.found_in("The Ousted leader Ana Roe spoke.")
    assert _DOCUMENT.found_in("A MEMO named Ana Roe.")
    assert _STAND_IN.found_in("Interim leader Ana Roe spoke.")
    assert _WORKS_FOR.found_in("Ana Roe, spokeswoman for the governor, spoke.")
    assert not _WORKS_FOR.found_in("Ana Roe spoke for the governor.")


def test_no_needed_words_at_all_is_refused() -> None:
    with pytest.raises(ValueError):
        Caseless(r"\bthere\b", needs=())


def test_a_pattern_with_capitals_is_refused() -> None:
    # lowering '\S' would make it '\s': such a pattern cannot be searched in lowered text
    with pytest.raises(ValueError):
        Caseless(r"\S+day")


def test_the_checks_read_any_case() -> None:
    assert relative_time("When did the Tarsa panel meet Yesterday?")
    assert unresolved_pronoun("When did THE STATEMENT come out?")
    assert unresolved_pronoun("When was there a protest over The Decision?")
    assert not unresolved_pronoun("When was there a coup in Tarsa?")
