"""Question wording from event clauses: tense, subjects, and clauses that must give nothing."""

from __future__ import annotations

import pytest

from quizkit.questions.phrasing import country_name, format_day, join_list, when_question


@pytest.mark.parametrize(
    ("event", "lead", "question"),
    [
        (
            "big crowds gathered outside the parliament in Riga",
            "when",
            "When did big crowds gather outside the parliament in Riga?",
        ),
        ("the talks in Geneva began", "when", "When did the talks in Geneva begin?"),
        (
            "the ministry argued that the tariff was unfair and lifted the duties",
            "when",
            "When did the ministry argue that the tariff was unfair and lift the duties?",
        ),
        (
            "the summit in Accra was postponed",
            "when",
            "When was the summit in Accra postponed?",
        ),
        (
            "the airlift from Kabul will end",
            "by",
            "By what date was the airlift from Kabul to end?",
        ),
        (
            "Defense ministers of the alliance met in Brussels",
            "when",
            "When did defense ministers of the alliance meet in Brussels?",
        ),
        ("he announced the plan", "when", None),
        ("after prices rose protests erupted in Lagos", "when", None),
        ("the minister had resigned", "when", None),
        ("talks", "when", None),
    ],
)
def test_when_question(event: str, lead: str, question: str | None) -> None:
    assert when_question(event, lead) == question


def test_small_pieces_of_english() -> None:
    assert format_day("2022-01-02") == "2 January 2022"
    assert format_day("--03-15") == "15 March"
    assert country_name("Netherlands") == "the Netherlands"
    assert country_name("United States") == "the United States"
    assert country_name("Armenia") == "Armenia"
    assert join_list(["Chad", "Mali", "Niger"]) == "Chad, Mali and Niger"
