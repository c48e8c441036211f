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
            "The prime minister, Jane Roe, met the Irish prime minister, Simon Harris, and "
            "the Dutch prime minister, Dick Schoof, in Oslo.",
            [],
        ),
        (
            "Greek Prime Minister Kyriakos Mitsotakis said Turkish President Recep Tayyip "
            "Erdogan met Syrian officials.",
            [],
        ),
        (
            "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Sochi.",
            [(("Russia", "Turkey"), "met Turkish President Recep Tayyip Erdogan in Sochi")],
        ),
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


def country_sets(text: str) -> list[set[str]]:
    """The participant sets of one article, as sets of countries."""
    return [set(countries) for countries, _ in participants(text)]


# The forms of taking part together (issue 10), in invented sentences.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The foreign ministers of Chile, Peru and Bolivia met in Lima on Tuesday.",
            [{"Chile", "Peru", "Bolivia"}],
        ),
        ("Chile and Peru agreed to reopen the border crossing.", [{"Chile", "Peru"}]),
        ("Talks between Chile and Peru resumed in Geneva.", [{"Chile", "Peru"}]),
        (
            "A summit of Ghana, Togo and Benin leaders opened in Accra.",
            [{"Ghana", "Togo", "Benin"}],
        ),
        (
            "Chile hosted its counterparts from Peru and Bolivia at the weekend.",
            [{"Chile", "Peru", "Bolivia"}],
        ),
        (
            "Other host nations of the exercise are Estonia, Latvia and Lithuania.",
            [{"Estonia", "Latvia", "Lithuania"}],
        ),
        (
            "After Chile, the president visits Peru, Bolivia and Ecuador.",
            [{"Peru", "Bolivia", "Ecuador"}],
        ),
        (
            "Observers have arrived from Kenya, Uganda and Rwanda to watch the vote.",
            [{"Kenya", "Uganda", "Rwanda"}],
        ),
        # phone calls between leaders are talks, surnames stand for their holders
        (
            "In a telephone call with Peruvian President Luis Vega, Chilean President Ana "
            "Torres said the talks would go on.",
            [{"Peru", "Chile"}],
        ),
        (
            "Chilean President Ana Torres spoke. Peruvian President Luis Vega listened. "
            "Torres phoned Vega on Sunday.",
            [{"Chile", "Peru"}],
        ),
        # a statement by two leaders, read out by a third, is the two leaders'
        (
            "Danish Prime Minister Lars Holm read a joint statement by Chilean President Ana "
            "Torres and Peruvian President Luis Vega.",
            [{"Chile", "Peru"}],
        ),
        # "each country" takes the countries just listed
        (
            "Leaders of Chile, Peru and Bolivia gathered in Quito. The presidents of each "
            "country agreed to end the quarrel.",
            [{"Chile", "Peru", "Bolivia"}],
        ),
        # a pact of the two countries a sentence names
        (
            "Chile recalled its envoy from Peru, saying the countries' 1929 border treaty "
            "had been broken.",
            [{"Chile", "Peru"}],
        ),
        # two sides of a confrontation, owners, and those only expected are no set
        ("Chile launched air strikes on rebel camps in Peru and Bolivia.", []),
        ("The dispute between Chile and Peru over the border deepened.", []),
        (
            "Chilean President Ana Torres accused Peruvian President Luis Vega of lying at "
            "the summit.",
            [],
        ),
        ("The talks were hurt by Chile's and Peru's refusal to compromise.", []),
        ("Observers from Kenya and Uganda are expected to attend the vote.", []),
        ("Talks between Chile and Peru are not on the agenda, the minister said.", []),
    ],
)
def test_forms_of_taking_part(text: str, expected: list[set[str]]) -> None:
    assert country_sets(text) == expected


def test_organisation_as_a_party() -> None:
    text = (
        "Kyiv talks\n\nNATO leaders pledged support for Ukraine at a meeting with the "
        "country's President, Petro Stasyuk, on Thursday."
    )
    (doc,) = extract_texts([("a.txt", text)])
    sets = [set(f.countries) for f in doc.facts if isinstance(f, ParticipantsFact)]
    assert sets == [{"NATO", "Ukraine"}]


def test_a_meeting_carries_its_place_and_date() -> None:
    text = (
        "Ministers meet\n\nMarch 6, 2019\n\nThe foreign ministers of Chile, Peru, Bolivia and "
        "Ecuador met in Lima on Monday to discuss the border."
    )
    (doc,) = extract_texts([("a.txt", text)])
    (fact,) = [f for f in doc.facts if isinstance(f, ParticipantsFact)]
    assert (fact.countries, fact.place, fact.date) == (
        ("Chile", "Peru", "Bolivia", "Ecuador"),
        "Lima",
        "2019-03-04",
    )
    assert fact.to_dict()["place"] == "Lima" and fact.to_dict()["date"] == "2019-03-04"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Peruvian officials held fishing talks with Chilean counterparts on Monday.",
            {("Peru", "Chile")},
        ),
        (
            "Kenyan negotiators met with their Ugandan counterparts in Kampala.",
            {("Kenya", "Uganda")},
        ),
        (
            "In recent years, Chile has signed trade agreements with Peru and Ecuador.",
            {("Chile", "Peru"), ("Chile", "Ecuador")},
        ),
        (
            "Chile signed a trade agreement with Peru and Ecuador on Monday.",
            {("Chile", "Peru", "Ecuador")},
        ),
    ],
)
def test_one_country_with_others(sentence: str, expected: set[tuple[str, ...]]) -> None:
    assert {countries for countries, _ in participants(sentence)} == expected


def test_officials_who_did_not_hold_talks_are_no_set() -> None:
    text = "Peruvian officials did not hold talks with Chilean counterparts this week."
    assert participants(text) == []


def test_a_country_dealing_with_a_bloc_takes_part_with_the_members_the_text_lists() -> None:
    text = (
        "The cabinet endorsed a framework agreement between Kenya and Mercosur, a South"
        " American trade bloc comprising Brazil, Argentina, Paraguay and Uruguay."
    )
    assert {countries for countries, _ in participants(text)} == {
        ("Kenya", "Brazil", "Argentina", "Paraguay", "Uruguay")
    }
