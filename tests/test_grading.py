"""Grading typed answers: a table of what a demanding learner expects to be right or wrong."""

from __future__ import annotations

from datetime import date

import pytest

from quizkit.grading import (
    PartialDate,
    Quantity,
    allowed_typos,
    edit_distance,
    fold,
    grade,
    grade_list,
    parse_date,
    read_dates,
    read_quantity,
)

RIGHT, TYPO, WRONG = "right", "typo", "wrong"

Person = tuple[str, list[str]]
SHOIGU: Person = ("Sergei Shoigu", ["Sergey Shoygu"])
TOKAYEV: Person = ("Kassym-Jomart Tokayev", [])
PAPIKYAN: Person = ("Suren Papikyan", [])
KHRENIN: Person = ("Viktor Khrenin", [])


def verdict(typed: str, expected: str, alternatives=(), answer_type="text", **kw) -> str:
    result = grade(typed, expected, alternatives, answer_type, **kw)
    if not result.correct:
        return WRONG
    return TYPO if result.typo else RIGHT


@pytest.mark.parametrize(
    ("typed", "expected", "alternatives", "want"),
    [
        # case, accents, punctuation, articles
        ("secretary general", "Secretary General", [], RIGHT),
        ("The Secretary-General", "Secretary General", [], RIGHT),
        ("  secretary   general. ", "Secretary General", [], RIGHT),
        ("Belarus", "Belarus", [], RIGHT),
        ("belarús", "Belarus", [], RIGHT),
        ("a Belarus", "Belarus", [], RIGHT),
        ("Kazakhstan's", "Kazakhstan", [], RIGHT),
        # alternatives
        ("LPG", "liquefied petroleum gas", ["LPG", "gas", "liquefied gas"], RIGHT),
        ("l.p.g.", "liquefied petroleum gas", ["LPG"], WRONG),  # 'l p g' is not 'lpg'
        ("liquified petroleum gas", "liquefied petroleum gas", [], TYPO),
        ("coal", "liquefied petroleum gas", ["LPG", "gas"], WRONG),
        # typos scale with length: none for short words
        ("Belaru", "Belarus", [], TYPO),
        ("Belraus", "Belarus", [], TYPO),  # a swap of neighbours is one typo
        ("Blrus", "Belarus", [], WRONG),
        ("Iran", "Iraq", [], WRONG),
        ("Chad", "Chas", [], WRONG),
        ("Secretery Generl", "Secretary General", [], TYPO),
        ("Deputy Secretary General", "Secretary General", [], WRONG),
        ("Secretary", "Secretary General", [], WRONG),
        # numbers
        ("2000", "about 2,000", [], RIGHT),
        ("2,000", "about 2,000", [], RIGHT),
        ("about 2000", "about 2,000", [], RIGHT),
        ("around 2 000", "about 2,000", [], RIGHT),
        ("two thousand", "about 2,000", [], RIGHT),
        ("2k", "about 2,000", [], RIGHT),
        ("2.000", "about 2,000", [], RIGHT),  # thousands as much of Europe writes them
        ("1.500.000", "1,500,000", [], RIGHT),
        ("2.5", "about 2,000", [], WRONG),
        ("2.000", "2", [], RIGHT),  # and still two
        ("2,000 troops", "about 2,000", [], RIGHT),
        ("200", "about 2,000", [], WRONG),
        ("20000", "about 2,000", [], WRONG),
        ("2,500", "about 2,000", [], WRONG),
        ("10", "10 days", [], RIGHT),
        ("ten days", "10 days", [], RIGHT),
        ("10 day", "10 days", [], RIGHT),
        ("10 dyas", "10 days", [], TYPO),
        ("10 weeks", "10 days", [], WRONG),
        ("11 days", "10 days", [], WRONG),
        ("1 days", "10 days", [], WRONG),  # one deleted digit is no typo
        ("40%", "40 percent", [], RIGHT),
        ("1.5 million", "1,500,000", [], RIGHT),
        ("twenty-one", "21", [], RIGHT),
        ("one hundred and five", "105", [], RIGHT),
        # dates
        ("2022-01-13", "13 January 2022", [], RIGHT),
        ("January 13, 2022", "13 January 2022", [], RIGHT),
        ("13 Jan 2022", "2022-01-13", [], RIGHT),
        ("jan. 13th 2022", "13 January 2022", [], RIGHT),
        ("the 13th of January, 2022", "13 January 2022", [], RIGHT),
        ("Thursday, 13 January 2022", "13 January 2022", [], RIGHT),
        ("13/01/2022", "13 January 2022", [], RIGHT),
        ("01/13/2022", "13 January 2022", [], RIGHT),
        ("13.01.2022", "13 January 2022", [], RIGHT),
        ("05/01/2022", "5 January 2022", [], RIGHT),  # day-first reading
        ("01/05/2022", "5 January 2022", [], RIGHT),  # month-first reading
        ("13 Janaury 2022", "13 January 2022", [], TYPO),
        ("2022-01-13", "14 January 2022", [], WRONG),
        ("14 January 2022", "2022-01-13", [], WRONG),
        ("13 February 2022", "13 January 2022", [], WRONG),
        ("13 January 2021", "13 January 2022", [], WRONG),
        ("13 January", "13 January 2022", [], WRONG),  # the question does not give the year
        ("January 2022", "13 January 2022", [], WRONG),
        ("13", "13 January 2022", [], WRONG),
        ("Jan 2022", "January 2022", [], RIGHT),
        ("2022-01", "January 2022", [], RIGHT),
        ("February 2022", "January 2022", [], WRONG),
        # nothing typed
        ("", "Belarus", [], WRONG),
        ("   ", "Belarus", [], WRONG),
    ],
)
def test_text_numbers_and_dates(typed: str, expected: str, alternatives, want: str) -> None:
    assert verdict(typed, expected, alternatives) == want


@pytest.mark.parametrize(
    ("typed", "person", "want"),
    [
        ("Sergei Shoigu", SHOIGU, RIGHT),
        ("sergey shoygu", SHOIGU, RIGHT),
        ("Shoigu", SHOIGU, RIGHT),
        ("Shoygu", SHOIGU, RIGHT),  # the alternative's surname alone
        ("Sergey Shoigu", SHOIGU, RIGHT),  # parts of two spellings mixed
        ("Sergei Shoygu", SHOIGU, RIGHT),
        ("Shoigu, Sergei", SHOIGU, RIGHT),
        ("Shoigu Sergei", SHOIGU, RIGHT),  # surname first, as in Russian
        ("S. Shoigu", SHOIGU, RIGHT),
        ("Shoigy", SHOIGU, TYPO),  # a surname with a typo
        ("Shiogu", SHOIGU, TYPO),
        ("Sergi Shoigu", SHOIGU, TYPO),
        ("Sergei", SHOIGU, WRONG),  # the given name alone names nobody
        ("Anatoly Shoigu", SHOIGU, WRONG),  # a different given name is a different person
        ("Sidorov", SHOIGU, WRONG),
        ("Shoi", SHOIGU, WRONG),
        ("Tokayev", TOKAYEV, RIGHT),
        ("Kassym Jomart Tokayev", TOKAYEV, RIGHT),
        ("kassym-jomart tokaev", TOKAYEV, TYPO),
        ("Tokaev", TOKAYEV, TYPO),
        ("K. Tokayev", TOKAYEV, RIGHT),
        ("Nazarbayev", TOKAYEV, WRONG),
        ("Papikyan", PAPIKYAN, RIGHT),
        ("Papikian", PAPIKYAN, TYPO),
        ("Papyan", PAPIKYAN, WRONG),
        ("Khrenin", KHRENIN, RIGHT),
        ("Khrenim", KHRENIN, TYPO),
        # Khrenov is another surname, two letters away from Khrenin: a different person
        ("Khrenov", KHRENIN, WRONG),
        ("Viktor Khrenov", KHRENIN, WRONG),
    ],
)
def test_people(typed: str, person: tuple[str, list[str]], want: str) -> None:
    expected, alternatives = person
    assert verdict(typed, expected, alternatives, "person") == want


def test_surname_alone_is_only_for_people() -> None:
    assert verdict("Shoigu", "Sergei Shoigu") == WRONG
    assert verdict("Shoigu", "Sergei Shoigu", answer_type="person") == RIGHT


def test_a_distractor_is_never_a_typo_of_the_answer() -> None:
    # Gambia is one letter from Zambia: a typo, unless the card knows Gambia as a wrong answer
    assert verdict("Gambia", "Zambia") == TYPO
    assert verdict("Gambia", "Zambia", distractors=["Gambia", "Malawi"]) == WRONG
    assert verdict("Serdyuk", "Andrei Serdyukov", answer_type="person") == TYPO
    assert (
        verdict(
            "Serdyuk", "Andrei Serdyukov", answer_type="person", distractors=["Anatoly Serdyuk"]
        )
        == WRONG
    )


def test_a_date_without_its_year_is_right_when_the_question_names_the_year() -> None:
    question = "On what date in January 2022 did the CSTO begin withdrawing?"
    assert verdict("13 January", "13 January 2022", question=question) == RIGHT
    assert verdict("Jan 13", "13 January 2022", question=question) == RIGHT
    assert verdict("14 January", "13 January 2022", question=question) == WRONG
    missing = grade("13 January", "13 January 2022")
    assert missing == grade("13 January", "13 January 2022") and missing.detail == (
        "the year is missing"
    )


def test_a_wrong_given_name_says_why() -> None:
    result = grade("Anatoly Shoigu", "Sergei Shoigu", ["Sergey Shoygu"], "person")
    assert result.detail == "'anatoly' is not part of the name"


@pytest.mark.parametrize(
    ("typed", "want", "found", "missing", "wrong"),
    [
        ("Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan", RIGHT, 6, (), ()),
        ("tajikistan; kyrgyzstan\nkazakhstan, belarus, armenia and russia", RIGHT, 6, (), ()),
        ("Russia Armenia Belarus Kazakhstan Kyrgyzstan Tajikistan", RIGHT, 6, (), ()),
        ("Russia & Armenia & Belarus & Kazakhstan & Kyrgyzstan & Tajikistan", RIGHT, 6, (), ()),
        ("Russia/Armenia/Belarus/Kazakhstan/Kyrgyzstan/Tajikistan", RIGHT, 6, (), ()),
        ("Russia, Armenia, Belarus, Kazakhstan, Kyrgystan, Tajikstan", TYPO, 6, (), ()),
        ("Russia, Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan", RIGHT, 6, (), ()),
        (
            "Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan",
            WRONG,
            5,
            ("Tajikistan",),
            (),
        ),
        (
            "Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Tajikistan, Uzbekistan",
            WRONG,
            6,
            (),
            ("Uzbekistan",),
        ),
        (
            "Russia, Armenia, Belarus, Kazakhstan, Kyrgyzstan, Uzbekistan and Turkmenistan",
            WRONG,
            5,
            ("Tajikistan",),
            ("Uzbekistan", "Turkmenistan"),
        ),
        (
            "",
            WRONG,
            0,
            ("Russia", "Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan"),
            (),
        ),
    ],
)
def test_lists_item_by_item(typed, want, found, missing, wrong) -> None:
    items = ["Russia", "Armenia", "Belarus", "Kazakhstan", "Kyrgyzstan", "Tajikistan"]
    result = grade_list(typed, items)
    assert (RIGHT if result.correct and not result.typo else TYPO if result.correct else WRONG) == (
        want
    )
    assert len(result.found) == found
    assert result.missing == missing
    assert result.wrong == wrong


def test_list_items_with_and_in_their_name_stay_whole() -> None:
    result = grade_list("Jamaica and Trinidad and Tobago", ["Trinidad and Tobago", "Jamaica"])
    assert result.correct and result.found == ("Jamaica", "Trinidad and Tobago")


def test_list_prefers_the_exact_item_over_a_typo_of_another() -> None:
    # Gambia is a typo away from Zambia; it must take the Gambia item, not Zambia's
    result = grade_list("Gambia, Zambia", ["Zambia", "Gambia"])
    assert result.correct and not result.typo
    assert result.found == ("Gambia", "Zambia")


def test_list_of_people_takes_surnames() -> None:
    result = grade_list("Shoigu, Khrenin", ["Sergei Shoigu", "Viktor Khrenin"], "person")
    assert result.correct and not result.typo


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("abc", "abc", 0),
        ("abc", "abd", 1),
        ("abc", "acb", 1),  # neighbours swapped
        ("shoigu", "shiogu", 1),
        ("khrenin", "khrenov", 2),
        ("kitten", "sitting", 3),
        ("", "abcd", 3),  # capped at limit + 1
        ("abcdefgh", "hgfedcba", 3),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b, limit=2) == distance


@pytest.mark.parametrize(
    ("length", "typos"), [(1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (15, 2), (25, 3), (35, 4)]
)
def test_typo_budget_grows_with_length(length: int, typos: int) -> None:
    assert allowed_typos(length) == typos


def test_fold() -> None:
    assert fold("The Kassym-Jomart Tokayev's  Ṕarty!") == "kassym jomart tokayev party"


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("13 January 2022", (PartialDate(2022, 1, 13),)),
        ("2022-1-3", (PartialDate(2022, 1, 3),)),
        ("3 May", (PartialDate(None, 5, 3),)),
        ("May 2022", (PartialDate(2022, 5, None),)),
        ("04/05/2022", (PartialDate(2022, 4, 5), PartialDate(2022, 5, 4))),
        ("31 February 2022", ()),
        ("May", ()),
        ("Belarus", ()),
        ("2022", ()),
    ],
)
def test_read_dates(text: str, readings) -> None:
    assert read_dates(text) == readings


def test_parse_date_needs_a_full_date() -> None:
    assert parse_date("January 13, 2022") == date(2022, 1, 13)
    assert parse_date("January 13") is None


@pytest.mark.parametrize(
    ("text", "quantity"),
    [
        ("about 2,000", Quantity(2000)),
        ("10 days", Quantity(10, "day")),
        ("~ 600 troops", Quantity(600, "troop")),
        ("forty-two", Quantity(42)),
        ("two thousand and five", Quantity(2005)),
        ("3.5bn", Quantity(3.5e9)),
        ("Boeing 737", None),
        ("13 January 2022", None),
        ("somewhere", None),
    ],
)
def test_read_quantity(text: str, quantity: Quantity | None) -> None:
    assert read_quantity(text) == quantity
