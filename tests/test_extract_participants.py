"""Participating countries: who took part in a meeting, a force or a statement."""

from __future__ import annotations

import pytest

from quizkit.extract import ParticipantsFact, extract_texts


def participants(text: str) -> list[tuple[tuple[str, ...], str]]:
    (doc,) = extract_texts([("a.txt", f"Headline\n\n{text}")])
    return [(f.countries, f.event) for f in doc.facts if isinstance(f, ParticipantsFact)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "French Foreign Minister Catherine Colonna, Italian Foreign Minister Antonio Tajani "
            "and Spanish Foreign Minister Jose Manuel Albares took part in the Rome conference.",
            [(("France", "Italy", "Spain"), "the Rome conference")],
        ),
        (
            "The summit brought together the leaders of Ghana, Nigeria, Senegal and Ivory Coast.",
            [
                (
                    ("Ghana", "Nigeria", "Senegal", "Ivory Coast"),
                    "the summit brought together the leaders",
                )
            ],
        ),
        (
            "Malaysia, Indonesia and the Philippines signed a joint statement on fisheries.",
            [(("Malaysia", "Indonesia", "Philippines"), "signed a joint statement on fisheries")],
        ),
        (
            "Polish, Czech and Slovak troops joined the exercise near the border.",
            [
                (
                    ("Poland", "Czech Republic", "Slovakia"),
                    "troops joined the exercise near the border",
                )
            ],
        ),
        # lists that are not participants
        ("Exports to Chile, Peru and Mexico fell by a fifth last year.", []),
        ("The storm hit Cuba, Haiti and Jamaica before turning north.", []),
        ("The NATO meeting discussed Iran.", []),
        (
            "Irish Prime Minister Leo Varadkar said Spanish Prime Minister Pedro Sanchez erred.",
            [],
        ),
    ],
)
def test_participant_sets(sentence: str, expected: list[tuple[tuple[str, ...], str]]) -> None:
    assert participants(sentence) == expected


def test_one_fact_per_set_of_countries() -> None:
    text = (
        "The ministers of Norway and Sweden met in Oslo. "
        "The ministers of Sweden and Norway met again in Stockholm."
    )
    assert [c for c, _ in participants(text)] == [("Norway", "Sweden")]
