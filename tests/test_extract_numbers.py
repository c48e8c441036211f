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
            [(3, "threefold rise in bread prices", "rise in bread prices")],
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
        ("It was the first such mission, and one of the most powerful states agreed.", []),
        ("Flight 17 was delayed; Article 5 was invoked.", []),
        ("He said 5 was enough.", []),
        ("The G7 and the COVID-19 task force met.", []),
        ("The airline flew Boeing 737 jets past 10 Downing Street.", []),
        ("Shops open at 7 a.m. in the 1990s style.", []),
        (
            "At least 30 people died and more than 100 countries sent aid.",
            [
                (30, "At least 30 people", "people"),
                (100, "more than 100 countries", "countries"),
            ],
        ),
    ],
)
def test_counts(sentence: str, expected: list[tuple[int | float, str, str]]) -> None:
    assert numbers(sentence) == expected


def facts(sentence: str) -> list[tuple[int | float, str, str | None, str | None]]:
    (doc,) = extract_texts([("a.txt", f"Headline\n\n{sentence}")])
    return [(f.value, f.what, f.approx, f.unit) for f in doc.facts if isinstance(f, NumberFact)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # scale words and abbreviations multiplied out, money and shares with their unit
        ("Norland offered $50bn in aid.", [(50_000_000_000, "dollars", None, "$")]),
        ("The fund lent about €1.2 billion.", [(1_200_000_000, "euros", "about", "EUR")]),
        ("Output rose to 15.8 mln tonnes.", [(15_800_000, "tonnes", None, None)]),
        ("Profit was 325 mln dlrs.", [(325_000_000, "dollars", None, "$")]),
        ("Exports reached 2 trillion yen.", [(2_000_000_000_000, "yen", None, "yen")]),
        ("Inflation rose 7.25 pct.", [(7.25, "percent", None, "percent")]),
        ("Turnout was 40 percent.", [(40, "percent", None, "percent")]),
        ("Estavia's bid was a $5-billion offer.", [(5_000_000_000, "dollars", None, "$")]),
        ("Relief is worth US$7 billion.", [(7_000_000_000, "dollars", None, "US$")]),
        # word, fraction and compound numbers
        ("A dozen envoys arrived.", [(12, "envoys", None, None)]),
        ("The reform will take three and a half years.", [(3.5, "years", None, None)]),
        ("Two-thirds of the deputies voted.", [(0.67, "deputies", None, None)]),
        ("The two Koreas held talks.", [(2, "Koreas", None, None)]),
        ("The envoy began a five-nation tour.", [(5, "nations of the tour", None, None)]),
        ("A 3,000-strong police force was sent.", [(3000, "police force", None, None)]),
        ("The talks ended a two day summit.", [(2, "days of the summit", None, None)]),
        # ranges give both ends; approximations stay in the fact
        (
            "About 25 to 30 houses collapsed.",
            [(25, "houses", "about", None), (30, "houses", None, None)],
        ),
        (
            "More than 3,000 people fled and nearly 1,200 soldiers died.",
            [(3000, "people", "more than", None), (1200, "soldiers", "nearly", None)],
        ),
        # casualties, ages, magnitudes, groups
        ("The blast killed 37.", [(37, "people killed", None, None)]),
        ("At least 39 were dead.", [(39, "people dead", "at least", None)]),
        ("Ana Torres, 25, was charged.", [(25, "age", None, None)]),
        ("Kai Lund, aged 41 or 42, was held.", [(41, "age", None, None), (42, "age", None, None)]),
        ("His 75-year-old brother took over.", [(75, "age", None, None)]),
        ("A magnitude-5.5 aftershock hit.", [(5.5, "magnitude", None, None)]),
        ("A 7.4-magnitude earthquake hit.", [(7.4, "magnitude", None, None)]),
        ("Police freed 11 of his colleagues.", [(11, "colleagues", None, None)]),
        ("The village has a population of 800.", [(800, "population", None, None)]),
        (
            "About 120 observers will come, but only 38 are working.",
            [(120, "observers", "about", None), (38, "observers", None, None)],
        ),
        # newswire tables: a scaled sum counts even with its noun left out
        (
            "Net 5.6 mln vs 4.3 mln.",
            [(5_600_000, "net", None, None), (4_300_000, "net", None, None)],
        ),
        (
            "Storms left 3,000 homeless and killed 12.",
            [(3000, "people homeless", None, None), (12, "people killed", None, None)],
        ),
        ("The 27-nation bloc agreed.", [(27, "nations of the bloc", None, None)]),
        (
            "The quake hit 30 km off the coast at a depth of 10 km.",
            [(30, "km", None, None), (10, "km", None, None)],
        ),
        (
            "In 2015 it had 1,500 staff; now it has fewer than 900.",
            [(1500, "staff", None, None), (900, "staff", "fewer than", None)],
        ),
        # no quantities here
        ("The G-7 backed Resolution 1701 and the P5+1 met in 1999.", []),
        ("Travel ban 2.0 takes effect at 2:30 p.m.", []),
        ("It was the fifth time in the 1990s; hundreds and dozens protested.", []),
    ],
)
def test_quantity_forms(
    sentence: str, expected: list[tuple[int | float, str, str | None, str | None]]
) -> None:
    assert facts(sentence) == expected


def test_a_number_of_hundreds_of_digits_is_no_quantity() -> None:
    assert facts(f"Some {'9' * 400} troops and {'1' * 330}.5 tonnes left.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The 12-bank steering committee met.", [(12, "banks of the steering committee")]),
        ("A three-man panel was named.", [(3, "men of the panel")]),
        ("The five-member Andean bloc agreed.", [(5, "members")]),
        ("It was a two-way race for the seat.", []),
        ("Output fell in the 30-industrial nation group.", [(30, "industrial nation group")]),
    ],
)
def test_a_number_hyphenated_to_any_noun_counts_it(
    sentence: str, expected: list[tuple[int, str]]
) -> None:
    assert [(value, what) for value, _, what in numbers(sentence)] == expected


def test_a_number_before_a_measure_in_a_list_of_places_is_a_value_not_a_label() -> None:
    found = numbers("Idled land by state: Kansas 1.2 mln acres, Nebraska 640,000 acres.")
    assert [(value, what) for value, _, what in found] == [(1_200_000, "acres"), (640_000, "acres")]
    assert numbers("Resolution 1701 was adopted by the council.") == []


def test_a_value_compared_with_another_shares_its_unit() -> None:
    found = numbers("The rate was 1.52 Swiss francs to the dollar, against 1.48 a year earlier.")
    assert [(value, what) for value, _, what in found] == [
        (1.52, "Swiss francs"),
        (1.48, "Swiss francs"),
    ]


def test_a_rate_written_with_a_fraction() -> None:
    found = numbers("The bank cut its prime rate to 8-3/4 pct from 9 1/2 percent.")
    assert [(value, text) for value, text, _ in found] == [
        (8.75, "8-3/4 pct"),
        (9.5, "9 1/2 percent"),
    ]


def test_the_sentence_before_a_fact_is_kept_only_within_its_paragraph() -> None:
    from quizkit.extract import extract_texts

    text = (
        "LIMA, May 5, 2021 - Voters in Chile say the war was a mistake. "
        "The deployment of 4,000 Varnian troops there costs millions.\n\n"
        "Some 300 Varnian soldiers came home on Tuesday."
    )
    (doc,) = extract_texts([("invented.txt", text)])
    before = dict(doc.before)
    numbers = {f.text: f.where.sentence_index for f in doc.facts if f.kind == "number"}
    deployed = next(i for t, i in numbers.items() if "4,000" in t)
    home = next(i for t, i in numbers.items() if "300" in t)
    assert "Chile" in before[deployed]
    assert home not in before  # a new paragraph: the sentence before says nothing of it
