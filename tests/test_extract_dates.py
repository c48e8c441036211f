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
        ("Ministers agreed on Monday to draw up plans.", [("2023-02-27", "Monday")]),
        ("Ministers will meet on Monday to draw up plans.", [("2023-03-06", "Monday")]),
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
        ("China launched a Long March 5 rocket from Hainan.", []),
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


@pytest.mark.parametrize(
    ("top", "dateline"),
    [
        ("Talks end\n\nBy a staff writer\n\n21 August 2023 14:05 (UTC +02:00)\n\n", "2023-08-21"),
        ("2023-08-21\n\nTalks end\n\n", "2023-08-21"),
        ("Talks end\n\nNAIROBI, Kenya, Aug. 21 (Reuters) -\n\n", "--08-21"),
        ("Talks end in Nairobi on August 21, 2023\n\n", None),
        (
            "Talks end\n\nThe talks ended on 21 August 2023 after a week of hard bargaining.\n\n",
            None,
        ),
    ],
)
def test_dateline(top: str, dateline: str | None) -> None:
    (doc,) = extract_texts([("a.txt", top + "Delegates went home.")], today=TODAY)
    assert doc.dateline == dateline


def test_a_weekday_pins_the_year_of_the_whole_article() -> None:
    text = (
        "Dam talks resume\n\nThe talks, which opened on Tuesday, June 4, resumed on June 10, "
        "the ministry said on Tuesday."
    )
    # 4 June fell on a Tuesday in 2024, the latest such year before TODAY.
    assert dates(text, header=1) == [
        ("2024-06-04", "Tuesday, June 4"),
        ("2024-06-10", "June 10"),
        ("2024-06-04", "Tuesday"),
    ]


def test_same_story_found_by_shared_names_of_things() -> None:
    dated = (
        "Ferry service halted\n\n5 May 2022 08:00\n\n"
        "Sailings from Port Lorne to Kestrel Island stopped, Irish officials said."
    )
    undated = (
        "Ferry back\n\nFerries between Port Lorne and Kestrel Island in Ireland resumed on May 2."
    )
    docs = extract_texts([("a.txt", dated), ("b.txt", undated)], today=TODAY)
    assert [f.date for f in docs[1].facts if isinstance(f, DateFact)] == ["2022-05-02"]


def test_partial_dateline_with_a_fallback_year() -> None:
    text = (
        "Strike ends\n\nROME, Jan. 5 (Reuters) - The strike that began on December 28 ended on "
        "Tuesday, unions said. Talks will resume on February 2."
    )
    # The dateline's Jan. 5 dates no event: it is the day the article speaks from.
    assert dates(text, header=1) == [
        ("--12-28", "December 28"),
        ("--02-02", "February 2"),
    ]
    # December is after the dateline's January: last year's; February looks ahead.
    assert dates(text, header=1, year=2023) == [
        ("2022-12-28", "December 28"),
        ("2023-01-03", "Tuesday"),
        ("2023-02-02", "February 2"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # tense and preposition decide the direction of a bare weekday
        ("The envoy is to meet President Lorna Vale on Wednesday.", [("2023-03-08", "Wednesday")]),
        (
            "Vale has sent her deputy to visit the port on Monday.",
            [("2023-03-06", "Monday")],
        ),
        ("Vale called for calm and an end to violence on Monday.", [("2023-02-27", "Monday")]),
        ("The delegation leaves on Saturday.", [("2023-03-04", "Saturday")]),
        ("Dock workers struck on Saturday.", [("2023-02-25", "Saturday")]),
        (
            "The ministry reported the arrests Monday of last week.",
            [("2023-02-20", "Monday of last week")],
        ),
        (
            "Kestrel, Norland — Last Saturday, a storm hit the coast.",
            [("2023-02-25", "Last Saturday")],
        ),
        # a month and day takes the year nearest the dateline in the direction of the text
        ("A hearing is scheduled for February 20.", [("2024-02-20", "February 20")]),
        ("The talks that failed on November 30 were not resumed.", [("2022-11-30", "November 30")]),
        # a colon after a day opens what follows; before digits it is a time
        (
            "Ana Ruiz described the raid, on February 10: troops had fired first.",
            [("2023-02-10", "February 10")],
        ),
        ("The session opened on February 10 at 10:30.", [("2023-02-10", "February 10")]),
        # ranges give both ends
        (
            "Talks were held on February 3-5 in Porto.",
            [("2023-02-03", "February 3"), ("2023-02-05", "5")],
        ),
        (
            "The summit ran from 12 to 14 January in Riga.",
            [("2023-01-12", "12"), ("2023-01-14", "14 January")],
        ),
        ("Voting is set for May 2–4, 2024.", [("2024-05-02", "May 2"), ("2024-05-04", "4")]),
        ("On March 1 and 5 people died.", [("2023-03-01", "March 1")]),
        # holidays
        ("The failed Christmas Day plot shook the airline.", [("2022-12-25", "Christmas Day")]),
        (
            "The day before Christmas a family was attacked in Norland.",
            [("2022-12-24", "The day before Christmas")],
        ),
        ("The boat was towed on New Year's Day.", [("2023-01-01", "New Year's Day")]),
        ("Ferries to Christmas Island resumed.", []),
        # "today" meaning nowadays is no date
        ("Trains now cross faster than can be done today by road.", []),
        ("Even today the border is closed.", []),
        ("Ten years ago the mill had 900 workers; today it has 40.", []),
        # a quote whose day the text never gives is not dated
        ("“Today we have made a big step,” Vale said.", []),
    ],
)
def test_direction_holidays_and_undated(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert dates(DATED + sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Minister Hal Korvo said on Monday that the ship would sail from Tallinn on March 28.",
            [
                (
                    "2023-02-27",
                    "Minister Hal Korvo said that the ship would sail from Tallinn",
                    None,
                    False,
                    True,
                ),
                ("2023-03-28", "the ship would sail from Tallinn", "Tallinn", True, False),
            ],
        ),
        (
            "The ship will sail on March 28, the port authority said on Wednesday.",
            [
                ("2023-03-28", "the ship will sail", None, True, False),
                (
                    "2023-03-01",
                    "the port authority said that the ship will sail",
                    None,
                    False,
                    True,
                ),
            ],
        ),
        (
            "The foreign ministers of Norland and Estavia signed the accord in Geneva on Tuesday.",
            [
                (
                    "2023-02-28",
                    "the foreign ministers of Norland and Estavia signed the accord in Geneva",
                    "Geneva",
                    False,
                    False,
                )
            ],
        ),
        (
            "On Thursday, Norland's Defence Minister Ada Penn told reporters that troops had left.",
            [
                (
                    "2023-03-02",
                    "Norland's Defence Minister Ada Penn told reporters that troops had left",
                    None,
                    False,
                    True,
                )
            ],
        ),
        (
            "Prime Minister Ida Marsh arrived in Porto. On Saturday she will open the new bridge.",
            [
                (
                    "2023-03-04",
                    "Prime Minister Ida Marsh will open the new bridge",
                    None,
                    True,
                    False,
                )
            ],
        ),
        (
            "The strike, which began on Monday, will end on Wednesday.",
            [
                ("2023-02-27", "the strike began", None, False, False),
                ("2023-03-08", "the strike will end", None, True, False),
            ],
        ),
        (
            "Also, today, Estavian jets struck a depot in the north, officials said.",
            [("2023-03-03", "Estavian jets struck a depot in the north", None, False, False)],
        ),
        (
            "On Sunday, in the worst day of fighting in years, nine soldiers were reported killed.",
            [("2023-02-26", "nine soldiers were reported killed", None, False, False)],
        ),
        (
            "Speaking on Monday before the summit, the bloc's chief, Ola Brand, warned Estavia.",
            [("2023-02-27", "the bloc's chief warned Estavia", None, False, True)],
        ),
        (
            "The rally was cancelled, a day before the race, due to start on Saturday in Porto.",
            [("2023-03-04", "the race is due to start in Porto", "Porto", True, False)],
        ),
        (
            "Leaders met in Riga over Thursday to Friday in a summit on energy.",
            [
                ("2023-03-02", "Leaders met in Riga in a summit on energy", "Riga", False, False),
                ("2023-03-03", "Leaders met in Riga in a summit on energy", "Riga", False, False),
            ],
        ),
        (
            "Delegates from the Polish city of Gdansk met in the Western town of Zary on Monday.",
            [
                (
                    "2023-02-27",
                    "Delegates from the Polish city of Gdansk met in the Western town of Zary",
                    None,
                    False,
                    False,
                )
            ],
        ),
    ],
)
def test_event_place_planned_reporting(
    sentence: str, expected: list[tuple[str, str, str | None, bool, bool]]
) -> None:
    (doc,) = extract_texts([("a.txt", DATED + sentence)], today=TODAY)
    found = [
        (f.date, f.event, f.place, f.planned, f.reporting)
        for f in doc.facts
        if isinstance(f, DateFact)
    ]
    assert found == expected


def test_a_clause_of_nothing_but_small_words_names_no_event() -> None:
    text = DATED + "Envoys said on Monday that " + "the " * 40 + "ship sails."
    assert dates(text) == [("2023-02-27", "Monday")]


def test_a_sentence_with_thousands_of_dates_is_read_whole() -> None:
    text = DATED + "Talks were held on Monday and on March 1" + ", on Monday and on March 1" * 500
    (doc,) = extract_texts([("a.txt", text)], today=TODAY)
    found = [f for f in doc.facts if isinstance(f, DateFact)]
    assert {f.date for f in found} == {"2023-02-27", "2023-03-01"}
    # Dates far from the clause's verb name no event of their own and give no fact.
    assert found[0].event == "Talks were held" and found[1].event == "Talks were held"


@pytest.mark.parametrize(
    "body",
    [
        "VALDORA, June 2 - Norland said it would sell its grain reserve.",
        "PORT ELMAR, June 2 (Reuters) - Norland said it would sell its grain reserve.",
        "VALDORA, Norland, June 2 - The ministry said it would sell its grain reserve.",
    ],
)
def test_a_wire_dateline_under_the_date_line_is_its_filing_date_not_a_fact(body: str) -> None:
    text = f"NORLAND TO SELL GRAIN\n\nJune 2, 1987\n\n{body}\n"
    (doc,) = extract_texts([("a.txt", text)], today=TODAY)
    assert doc.dateline == "1987-06-02"
    assert [f.date for f in doc.facts if isinstance(f, DateFact)] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a past participle dates what was done, even inside a sentence about the future
        (
            "Norland will receive new loans under an accord signed here Saturday, aides said.",
            [("2023-02-25", "Saturday")],
        ),
        ("Norland will be paid under a pact agreed on Monday.", [("2023-02-27", "Monday")]),
        # still ahead when the participle is part of the future verb
        ("The accord will be signed Saturday in Porto.", [("2023-03-04", "Saturday")]),
        # a deadline points forward
        (
            "The senator wants the plans submitted by April 11, aides said.",
            [("2023-04-11", "April 11")],
        ),
        ("By April 11 the troops had left the town.", [("2022-04-11", "April 11")]),
    ],
)
def test_participles_and_deadlines_point_the_way_the_text_does(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert dates(DATED + sentence) == expected
