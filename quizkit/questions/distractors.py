"""Wrong options for multiple choice: same type as the answer, plausible, seeded, never right."""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from functools import cached_property

from quizkit.grading import fold
from quizkit.questions.phrasing import format_day

COUNT = 3


def rng_for(seed: int, guid: str) -> random.Random:
    """One generator per note, so a note's options do not change when others are added."""
    return random.Random(f"{seed}:{guid}")


def pick(
    rng: random.Random,
    tiers: Sequence[Iterable[str]],
    forbidden: Iterable[str],
    count: int = COUNT,
) -> tuple[str, ...]:
    """Up to `count` options, best tier first, shuffled within a tier; none equal to `forbidden`."""
    banned = {fold(f) for f in forbidden}
    chosen: list[str] = []
    for tier in tiers:
        pool = sorted({t for t in tier if fold(t) not in banned})
        rng.shuffle(pool)
        for option in pool:
            if len(chosen) == count:
                return tuple(chosen)
            if fold(option) not in banned:
                chosen.append(option)
                banned.add(fold(option))
    return tuple(chosen)


class StoryDays:
    """The days of a story with a year, sorted once, so that the days nearest an answer are
    found by bisection rather than by sorting every day of the deck for each question."""

    def __init__(self, days: Iterable[str]) -> None:
        self._days = {d for d in days if not d.startswith("--")}

    @cached_property
    def _by_ordinal(self) -> list[tuple[int, str]]:
        return sorted((date.fromisoformat(d).toordinal(), d) for d in self._days)

    def nearest(self, answer: str, count: int) -> list[str]:
        """Up to `count` days other than `answer`, nearest first (the earlier of two as near)."""
        days = self._by_ordinal
        at = date.fromisoformat(answer).toordinal()
        right = bisect_left(days, (at, ""))
        left = right - 1
        found: list[str] = []
        while len(found) < count and (left >= 0 or right < len(days)):
            before = at - days[left][0] if left >= 0 else None
            after = days[right][0] - at if right < len(days) else None
            if after is None or (before is not None and before <= after):
                day = days[left][1]
                left -= 1
            else:
                day = days[right][1]
                right += 1
            if day != answer:
                found.append(day)
        return found


def date_options(
    rng: random.Random, answer: str, story_dates: Iterable[str] | StoryDays
) -> tuple[str, ...]:
    """Other dates of the story, nearest first; days either side when the story has too few."""
    if answer.startswith("--"):
        return ()
    day = date.fromisoformat(answer)
    days = story_dates if isinstance(story_dates, StoryDays) else StoryDays(story_dates)
    near = [format_day(d) for d in days.nearest(answer, 6)]
    nearby = [format_day((day + timedelta(days=k)).isoformat()) for k in (-3, -2, -1, 1, 2, 3)]
    return pick(rng, [near, nearby], [format_day(answer)])


def number_options(rng: random.Random, value: float, approx: bool) -> tuple[str, ...]:
    """Round numbers of the same order of magnitude as the answer."""
    candidates: set[float] = set()
    if value < 30:
        # small counts (days, multiples): near neighbours are the plausible wrong answers
        candidates |= {float(v) for v in range(max(1, int(value) - 3), int(value) + 5)}
    else:
        candidates |= {_round_nicely(value * f) for f in (0.25, 0.5, 2, 3, 5)}
    candidates.discard(float(value))
    labels = [format_number(c, approx) for c in candidates]
    return pick(rng, [labels], [format_number(value, approx)])


def factor_options(rng: random.Random, value: float) -> tuple[str, ...]:
    """Other multiples: '3-fold', '4-fold' for a twofold rise."""
    labels = [f"{v}-fold" for v in range(2, 11) if v != value]
    near = sorted(labels, key=lambda label: abs(int(label.split("-")[0]) - value))[:4]
    return pick(rng, [near], [f"{value:g}-fold"])


def _round_nicely(value: float) -> float:
    if value < 20:
        return float(round(value))
    magnitude = 10 ** (len(str(int(value))) - 1)
    step = magnitude / 2 if magnitude >= 10 else 1
    return float(round(value / step) * step)


def format_number(value: float, approx: bool = False) -> str:
    text = f"{int(value):,}" if float(value).is_integer() else f"{value:,}"
    return f"about {text}" if approx else text
