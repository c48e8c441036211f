"""Officials: the news forms of "office + person", canonical offices, and merging aliases."""

from __future__ import annotations

import pytest

from quizkit.extract import OfficialFact, extract_texts
from quizkit.extract.officials import canonical_office


def officials(*texts: str) -> list[list[tuple[str, str, str | None, str | None]]]:
    """(person, office, country, org) of each article's officials."""
    docs = extract_texts([(f"a{i}.txt", t) for i, t in enumerate(texts)])
    return [
        [(f.person, f.office, f.country, f.org) for f in d.facts if isinstance(f, OfficialFact)]
        for d in docs
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Turkish Foreign Minister Mevlut Cavusoglu arrived in Ankara.",
            [("Mevlut Cavusoglu", "Foreign Minister", "Turkey", None)],
        ),
        (
            "Interior Minister of Italy Matteo Piantedosi visited the port.",
            [("Matteo Piantedosi", "Interior Minister", "Italy", None)],
        ),
        (
            "Japan's Finance Minister Shunichi Suzuki spoke to reporters.",
            [("Shunichi Suzuki", "Finance Minister", "Japan", None)],
        ),
        (
            "NATO Secretary-General Jens Stoltenberg praised the decision.",
            [("Jens Stoltenberg", "Secretary General", None, "NATO")],
        ),
        (
            "U.S. Secretary of State Antony Blinken flew to Cairo.",
            [("Antony Blinken", "Secretary of State", "United States", None)],
        ),
        (
            "German Chancellor Olaf Scholz and Dutch Prime Minister Mark Rutte met.",
            [
                ("Olaf Scholz", "Chancellor", "Germany", None),
                ("Mark Rutte", "Prime Minister", "Netherlands", None),
            ],
        ),
        (
            "Kenya's President William Ruto, the AU envoy, left early.",
            [("William Ruto", "President", "Kenya", None), ("William Ruto", "Envoy", None, "AU")],
        ),
        (
            "Annalena Baerbock, the German foreign minister, called for calm.",
            [("Annalena Baerbock", "Foreign Minister", "Germany", None)],
        ),
        (
            "Gabriel Attal, France's prime minister, resigned.",
            [("Gabriel Attal", "Prime Minister", "France", None)],
        ),
        (
            "Prime Minister Hun Manet of Cambodia opened the summit.",
            [("Hun Manet", "Prime Minister", "Cambodia", None)],
        ),
        (
            "British Secretary of State for Defence Grant Shapps visited the base.",
            [("Grant Shapps", "Defense Secretary", "United Kingdom", None)],
        ),
        (
            "Minister of Foreign Affairs of Indonesia Retno Marsudi chaired the ASEAN talks.",
            [("Retno Marsudi", "Foreign Minister", "Indonesia", None)],
        ),
        (
            "Chief of the General Staff of Poland Wieslaw Kukula inspected the units.",
            [("Wieslaw Kukula", "Chief of the General Staff", "Poland", None)],
        ),
        (
            "EU High Representative Josep Borrell said the bloc would respond.",
            [("Josep Borrell", "High Representative", None, "EU")],
        ),
        # capitalised words that are no one's name, offices with no name, former holders
        ("The Russian president added that talks would go on.", []),
        ("Kenyan President says the vote was fair", []),
        ("The Council of Foreign Ministers of the AU met on Monday.", []),
        ("The Foreign Ministry of Brazil issued a statement.", []),
        ("President Thursday Williams is a character in a novel.", []),
        ("The President Hotel and the Chancellor Building were closed.", []),
        ("Rafael Nadal, the King of Clay, won again.", []),
        ("President of the Spanish Tennis Federation Miguel Diaz spoke.", []),
    ],
)
def test_office_forms(
    sentence: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert officials(f"Headline\n\n{sentence}") == [expected]


def test_office_without_place_takes_the_article_country() -> None:
    text = (
        "Vote in Canberra\n\nAustralia's parliament sat late. Prime Minister Anthony Albanese "
        "won the vote, Australian media said."
    )
    assert officials(text) == [[("Anthony Albanese", "Prime Minister", "Australia", None)]]


def test_office_without_any_place_is_left_out() -> None:
    assert officials("Talks\n\nPrime Minister Jane Doe met the foreign minister, John Roe.") == [[]]


def test_one_person_under_several_spellings_across_articles() -> None:
    first = "Talks\n\nUkrainian Foreign Minister Dmytro Kuleba met envoys. Kuleba left."
    second = "More talks\n\nDmitry Kuleba, Ukraine's foreign minister, arrived."
    docs = extract_texts([("a.txt", first), ("b.txt", second)])
    found = [[f for f in d.facts if isinstance(f, OfficialFact)] for d in docs]
    assert [f.person for f in found[0]] == ["Dmytro Kuleba"]
    assert [f.person for f in found[1]] == ["Dmitry Kuleba"]
    assert found[0][0].aliases == ("Dmitry Kuleba", "Kuleba")
    assert found[1][0].aliases == ("Dmytro Kuleba", "Kuleba")


def test_different_people_with_one_surname_stay_apart() -> None:
    text = (
        "Two Kims\n\nSouth Korean Foreign Minister Kim Sung-han met North Korean "
        "Foreign Minister Kim Yong-chol. Japanese Prime Minister Fumio Kishida and "
        "Japanese Foreign Minister Yoshimasa Hayashi attended."
    )
    assert [p for p, *_ in officials(text)[0]] == [
        "Kim Sung-han",
        "Kim Yong-chol",
        "Fumio Kishida",
        "Yoshimasa Hayashi",
    ]


def test_provenance_points_at_the_mention() -> None:
    text = "Headline\n\nTalks began. Irish Finance Minister Michael McGrath said no."
    (doc,) = extract_texts([("a.txt", text)])
    (fact,) = doc.facts
    assert isinstance(fact, OfficialFact)
    assert fact.where.sentence_index == 3
    assert text[fact.where.start : fact.where.end] == "Irish Finance Minister Michael McGrath"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Defence Minister", "Defense Minister"),
        ("Minister of Defence", "Defense Minister"),
        ("minister for foreign affairs", "Foreign Minister"),
        ("Minister of Internal Affairs", "Interior Minister"),
        ("Secretary-General", "Secretary General"),
        ("Deputy Secretary General", "Deputy Secretary General"),
        ("Secretary of State for Defence", "Defense Secretary"),
        ("Secretary of the Treasury", "Treasury Secretary"),
        ("Labour Minister", "Labor Minister"),
        ("Chancellor of the Exchequer", "Chancellor of the Exchequer"),
    ],
)
def test_canonical_office(written: str, canonical: str) -> None:
    assert canonical_office(written) == canonical


def test_surname_alias_keeps_its_particles() -> None:
    text = "Brussels\n\nEuropean Commission President Ursula von der Leyen met the press."
    (doc,) = extract_texts([("a.txt", text)])
    (fact,) = doc.facts
    assert isinstance(fact, OfficialFact)
    assert (fact.person, fact.org, fact.aliases) == (
        "Ursula von der Leyen",
        "European Commission",
        ("von der Leyen",),
    )
