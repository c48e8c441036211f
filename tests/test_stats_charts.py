"""Block-character bars: lengths in eighths of a cell, scaled to the width given."""

from __future__ import annotations

import pytest

from quizkit.charts import bar, bar_chart


@pytest.mark.parametrize(
    ("value", "maximum", "width", "expected"),
    [
        (10, 10, 4, "████"),
        (5, 10, 4, "██"),
        (3, 8, 4, "█▌"),  # 1.5 cells
        (1, 64, 1, "▏"),  # an eighth: the smallest bar still shows
        (1, 1000, 10, "▏"),  # below an eighth: still a sliver, not nothing
        (0, 10, 4, ""),
        (0, 0, 4, ""),
    ],
)
def test_bar(value: int, maximum: int, width: int, expected: str) -> None:
    assert bar(value, maximum, width) == expected


def test_chart_fills_the_width_given() -> None:
    lines = bar_chart([("Mon", 4), ("Tuesday", 2), ("Wed", 0)], width=30)
    # label 7 + space + count 1 + space leaves 20 cells for the longest bar
    assert lines == [
        "Mon     4 " + "█" * 20,
        "Tuesday 2 " + "█" * 10,
        "Wed     0",
    ]
    assert max(len(line) for line in lines) == 30


def test_chart_keeps_a_minimum_bar_width_on_narrow_terminals() -> None:
    assert bar_chart([("a", 1)], width=5) == ["a 1 " + "█" * 10]


def test_empty_chart() -> None:
    assert bar_chart([], width=80) == []
