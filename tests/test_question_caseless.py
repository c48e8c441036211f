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


def test_a_pattern_with_capitals_is_refused() -> None:
    # lowering '\S' would make it '\s': such a pattern cannot be searched in lowered text
    with pytest.raises(ValueError):
        Caseless(r"\S+day")


def test_the_checks_read_any_case() -> None:
    assert relative_time("When did the Tarsa panel meet Yesterday?")
    assert unresolved_pronoun("When did THE STATEMENT come out?")
    assert unresolved_pronoun("When was there a protest over The Decision?")
    assert not unresolved_pronoun("When was there a coup in Tarsa?")
