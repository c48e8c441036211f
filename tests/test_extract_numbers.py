"""Numbers: counts with what they count; dates, times, years, ordinals and codes are no counts."""

from __future__ import annotations

import pytest

from quizkit.extract import NumberFact, extract_texts


def numbers(sentence: str) -> list[tuple[int | float, str, str]]:
    (doc,) = extract_texts([("a.txt", f"Headline\n\n{sentence}")])
    return [(f.value, f.text, f.what) for f in doc.facts if isinstance(f, NumberFact)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Some 1,500 peacekeepers arrived in Juba.",
            [(1500, "Some 1,500 peacekeepers", "peacekeepers")],
        ),
        ("The drills will last for 12 days.", [(12, "12 days", "days")]),
        (
            "Nearly three million people fled.",
            [(3_000_000, "Nearly three million people", "people")],
        ),
        (
            "The mission will send 450 Irish soldiers.",
            [(450, "450 Irish soldiers", "Irish soldiers")],
        ),
        (
            "A threefold rise in bread prices angered voters.",
            [(3, "A threefold rise in bread prices", "rise in bread prices")],
        ),
        ("Turnout fell to 38.5% in the capital.", [(38.5, "38.5%", "percent")]),
        (
            "The bank lent $2.5 billion to the government.",
            [(2_500_000_000, "$2.5 billion", "dollars")],
        ),
        (
            "Twenty-seven ministers signed the accord.",
            [(27, "Twenty-seven ministers", "ministers")],
        ),
        # no counts here
        ("The 3rd brigade left on 14 May 2023 at 06:45.", []),
        ("Resolution 2231 was adopted in 2015.", []),
        ("Call +44 20 7946 0958 or 555-0123.", []),
        ("It was the first such mission, and one of the two countries agreed.", []),
        ("Flight 17 was delayed; Article 5 was invoked.", []),
        ("He said 5 was enough.", []),
        ("The G7 and the COVID-19 task force met.", []),
    ],
)
def test_counts(sentence: str, expected: list[tuple[int | float, str, str]]) -> None:
    assert numbers(sentence) == expected
