"""Horizontal bar charts drawn with block characters, for terminals without colour."""

from __future__ import annotations

from collections.abc import Callable, Sequence

# eighths of a character cell, so bars grow smoothly
PARTIAL_BLOCKS = ("", "▏", "▎", "▍", "▌", "▋", "▊", "▉")
FULL_BLOCK = "█"
MIN_BAR_WIDTH = 10


def bar(value: int, maximum: int, width: int) -> str:
    """A bar `width` cells long at `maximum`; any value above zero shows at least a sliver."""
    if value <= 0 or maximum <= 0:
        return ""
    eighths = max(1, round(value * width * 8 / maximum))
    full, part = divmod(eighths, 8)
    return FULL_BLOCK * full + PARTIAL_BLOCKS[part]


def plain(text: str) -> str:
    return text


def bar_chart(
    rows: Sequence[tuple[str, int]], width: int, paint: Callable[[str], str] = plain
) -> list[str]:
    """One line per row: label, count, bar; the longest bar fills what `width` leaves.

    `paint` colours the bars (on a terminal that wants colour); the chart reads without it.
    """
    if not rows:
        return []
    label_width = max(len(label) for label, _ in rows)
    count_width = max(len(str(count)) for _, count in rows)
    bar_width = max(MIN_BAR_WIDTH, width - label_width - count_width - 2)
    top = max(count for _, count in rows)
    return [
        _line(f"{label:<{label_width}} {count:>{count_width}}", bar(count, top, bar_width), paint)
        for label, count in rows
    ]


def _line(head: str, drawn: str, paint: Callable[[str], str]) -> str:
    return f"{head} {paint(drawn)}" if drawn else head
