"""Dates: the forms news English writes, year resolution, relative days, and what is no date."""

from __future__ import annotations

from datetime import date

import pytest

from quizkit.extract import DateFact, extract_texts

TODAY = date(2026, 11, 23)
# Friday, 3 March 2023 is the day these test articles speak from.
DATED = "Cabinet crisis deepens in Lisbon\n\nLisbon, 3 March 2023 09:15\n\n"


def dates(text: str, header: int = 2, **options: object) -> list[tuple[str, str]]:
    """(date, text) of each date fact of one article after its `header` lines."""
    (doc,) = extract_texts([("a.txt", text)], today=TODAY, **options)  # type: ignore[arg-type]
    return [
        (f.date, f.text)
        for f in doc.facts
        if isinstance(f, DateFact) and f.where.sentence_index > header
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # full dates
        (
            "The treaty was signed on 14 February 2021 in Porto.",
            [("2021-02-14", "14 February 2021")],
        ),
        ("Talks resumed on Feb. 14, 2021, officials said.", [("2021-02-14", "Feb. 14, 2021")]),
        ("The vote was held on February 14th, 2021.", [("2021-02-14", "February 14th, 2021")]),
        ("The decree took effect on 2021-02-14 nationwide.", [("2021-02-14", "2021-02-14")]),
        (
            "The ceasefire began on the 9th of January 2022.",
            [("2022-01-09", "9th of January 2022")],
        ),
        # partial dates take the dateline's year
        ("Voting began on February 2 in the north.", [("2023-02-02", "February 2")]),
        ("Protests erupted late Feb. 4 in the capital.", [("2023-02-04", "late Feb. 4")]),
        ("Prices rose sharply on the 1st, traders said.", [("2023-03-01", "the 1st")]),
        # a month after the dateline's is last year's, unless the sentence looks ahead
        ("Parliament was dissolved on December 12.", [("2022-12-12", "December 12")]),
        ("Elections will be held on October 8.", [("2023-10-08", "October 8")]),
        # relative days resolve against the dateline
        ("Officials said today that the border had reopened.", [("2023-03-03", "today")]),
        ("The premier flies to Madrid tomorrow.", [("2023-03-04", "tomorrow")]),
        ("The agency reported yesterday that exports fell.", [("2023-03-02", "yesterday")]),
        ("Negotiators met on Tuesday to discuss the draft.", [("2023-02-28", "Tuesday")]),
        ("The envoy arrived last Monday.", [("2023-02-27", "last Monday")]),
        ("Talks resume next Wednesday, March 8.", [("2023-03-08", "next Wednesday, March 8")]),
        ("The ministers spoke on Thursday last week.", [("2023-02-23", "Thursday last week")]),
        (
            "On March 1, the cabinet resigned. The next day, the president named a premier.",
            [("2023-03-01", "March 1"), ("2023-03-02", "The next day")],
        ),
        # no dates here
        ("The minister may meet 12 envoys before the summit.", []),
        ("May 2022 was the wettest month on record.", []),
        ("The session started at 10:30 and ended at 17:45.", []),
        ("She came third in the 2019 race and first in 2020.", []),
        ("Call 555-0123 or +351 21 123 4567 for details.", []),
        ("It was the first such operation by the alliance.", []),
        ("Black Friday sales rose, and shops open every Sunday.", []),
        ("The Ministry of Defence and the March Group met.", []),
    ],
)
def test_date_forms(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert dates(DATED + sentence) == expected


def test_quoted_relative_days_resolve_against_the_speech() -> None:
    text = DATED + "“We will sign the deal tomorrow,” the finance minister said on Tuesday."
    assert dates(text) == [("2023-03-01", "tomorrow"), ("2023-02-28", "Tuesday")]


def test_year_from_a_weekday_printed_beside_the_date() -> None:
    # 13 January fell on a Thursday in 2022, the latest such year before TODAY.
    text = "Accord signed\n\nThe accord was signed on Thursday, January 13, in Geneva."
    assert dates(text, header=1) == [("2022-01-13", "Thursday, January 13")]


def test_year_unknown_stays_partial() -> None:
    text = "Accord signed\n\nThe accord was signed on January 13 in Geneva."
    assert dates(text, header=1) == [("--01-13", "January 13")]
    assert dates(text, header=1, year=2019) == [("2019-01-13", "January 13")]


def test_reference_date_option() -> None:
    text = "Floods recede\n\nWater levels fell yesterday. Rain began on March 3."
    assert dates(text, header=1, ref_date=date(2020, 6, 1)) == [
        ("2020-05-31", "yesterday"),
        ("2020-03-03", "March 3"),
    ]


def test_city_dateline_reads_with_a_full_date_at_the_top() -> None:
    text = (
        "Ministers meet in Vilnius\n\nPosted 4 April 2024 10:00\n\nVILNIUS, Lithuania, April 4\n\n"
        "The talks opened on Wednesday. Troops arrived on March 28."
    )
    (doc,) = extract_texts([("a.txt", text)], today=TODAY)
    assert doc.dateline == "2024-04-04"
    found = [(f.date, f.text) for f in doc.facts if isinstance(f, DateFact)]
    assert ("2024-04-03", "Wednesday") in found and ("2024-03-28", "March 28") in found


def test_year_comes_from_another_article_of_the_same_story() -> None:
    dated = (
        "Summit ends\n\n12 October 2021\n\n"
        "Egyptian Foreign Minister Sameh Shoukry met Sudanese officials on Monday."
    )
    undated = "Shoukry visits Khartoum\n\nShoukry arrived in Khartoum on October 9."
    unrelated = "Storm hits coast\n\nThe storm reached the coast on October 9."
    docs = extract_texts(
        [("dated.txt", dated), ("undated.txt", undated), ("other.txt", unrelated)], today=TODAY
    )
    by_source = {d.source: [f.date for f in d.facts if isinstance(f, DateFact)] for d in docs}
    assert by_source["undated.txt"] == ["2021-10-09"]
    assert by_source["other.txt"] == ["--10-09"]


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("On March 1, the cabinet resigned, ending a week of protests.", "the cabinet resigned"),
        ("The strike, which began on Monday, has closed ports.", "the strike began"),
        (
            "The interior minister announced on Feb. 20 that the curfew would end.",
            "the interior minister announced that the curfew would end",
        ),
    ],
)
def test_event_is_a_short_clause(sentence: str, event: str) -> None:
    (doc,) = extract_texts([("a.txt", DATED + sentence)], today=TODAY)
    found = [f for f in doc.facts if isinstance(f, DateFact) and f.where.sentence_index > 2]
    assert found[0].event == event
    assert found[0].where.sentence == sentence
    assert doc.facts and found[0].where.start < found[0].where.end
