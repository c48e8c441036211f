"""Wrong options for date questions: the story's nearest other days, the same on every run."""

from __future__ import annotations

import random

from quizkit.questions.distractors import StoryDays, date_options


def test_wrong_dates_are_the_nearest_other_days_of_the_story() -> None:
    days = ["2021-05-01", "2021-05-04", "2021-05-10", "2021-06-30", "2020-01-01", "--05-09"]
    nearest = StoryDays([*days, "2021-05-04"]).nearest("2021-05-04", 3)
    # the answer itself, a day without a year and a repeated day are never offered
    assert nearest == ["2021-05-01", "2021-05-10", "2021-06-30"]
    options = date_options(random.Random(0), "2021-05-04", days)
    assert set(options) <= {"1 May 2021", "10 May 2021", "30 June 2021", "1 January 2020"}
    assert len(options) == 3


def test_two_days_as_near_as_each_other_give_the_earlier_first() -> None:
    # the 3rd and the 5th are one day from the 4th, the 2nd and the 6th two: ties go earlier
    days = StoryDays(["2021-05-02", "2021-05-06", "2021-05-03", "2021-05-05"])
    assert days.nearest("2021-05-04", 3) == ["2021-05-03", "2021-05-05", "2021-05-02"]
    assert days.nearest("2021-05-04", 9) == [
        "2021-05-03",
        "2021-05-05",
        "2021-05-02",
        "2021-05-06",
    ]
    # the options do not depend on the order the story's days came in
    shuffled = ["2021-05-06", "2021-05-05", "2021-05-02", "2021-05-03"]
    for seed in range(5):
        assert date_options(random.Random(seed), "2021-05-04", shuffled) == date_options(
            random.Random(seed), "2021-05-04", sorted(shuffled)
        )
