"""`quizkit stats` for the terminal: the figures as lines, charts as block-character bars."""

from __future__ import annotations

import shlex
from collections.abc import Callable

from quizkit.charts import bar_chart, plain
from quizkit.stats import MATURE_DAYS, Stats

INDENT = "  "


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else many or word + 's'}"


def days_text(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} days"


def render_stats(stats: Stats, width: int, paint: Callable[[str], str] = plain) -> list[str]:
    """The report as lines no wider than `width` (the charts shrink to fit, within reason)."""
    c = stats.cards
    friendly = nothing_yet(stats)
    if friendly is not None:
        return [friendly]
    inner = width - len(INDENT)
    lines = [
        f"Deck: {stats.deck}" if stats.deck else "All decks",
        "",
        f"Cards: {c.new} new, {c.learning} learning, {c.review} review, "
        f"{c.relearning} relearning, {c.suspended} suspended "
        f"({plural(c.leeches, 'leech', 'leeches')}); {c.total} in all",
        f"Reviews: {stats.reviews_today} today, {stats.reviews_this_week} this week, "
        f"{stats.reviews_total} in all",
        f"Streak: {plural(stats.streak, 'day')}",
        f"Interval of review cards: average {days_text(stats.average_interval)}, "
        f"median {days_text(stats.median_interval)}",
        "",
        f"True retention by week (reviews of mature cards: interval {MATURE_DAYS}+ days):",
    ]
    for week in stats.retention:
        share = "  -" if week.retention is None else f"{week.retention * 100:3.0f}%"
        lines.append(
            f"{INDENT}week of {week.week:%Y-%m-%d}  {share}  "
            f"({week.passed} of {week.mature_reviews} right)"
        )
    lines += ["", f"Due in the next {len(stats.forecast)} days (overdue count as today):"]
    lines += [
        INDENT + line
        for line in bar_chart(
            [(f"{d.day:%a %d %b}", d.count) for d in stats.forecast], inner, paint
        )
    ]
    lines += ["", f"Reviews per day, last {len(stats.reviews_per_day)} days:"]
    lines += [
        INDENT + line
        for line in bar_chart(
            [(f"{d.day:%a %d %b}", d.count) for d in stats.reviews_per_day], inner, paint
        )
    ]
    lines += ["", "Hardest cards (most Again ratings):"]
    if not stats.hardest:
        lines.append(f"{INDENT}none yet")
    for card in stats.hardest:
        head = f"{INDENT}{card.lapses:>3}  #{card.card_id}  "
        # a question of several lines (a timeline) keeps its layout, indented under the first
        prompt = card.prompt.replace("\n", "\n" + " " * len(head))
        lines.extend(f"{head}{prompt} -> {card.answer}".split("\n"))
    return lines


def nothing_yet(stats: Stats) -> str | None:
    """One friendly line instead of a report of zeros: no cards, or nothing studied yet."""
    c = stats.cards
    where = f"Deck {stats.deck!r}" if stats.deck else "The database"
    if c.total == 0:
        return f"{where} has no cards yet: `quizkit import FILE` or `quizkit add DECK` adds some."
    if stats.reviews_total == 0:
        deck = f" {shlex.quote(stats.deck)}" if stats.deck else ""
        return (
            f"{where}: {plural(c.total, 'card')}, none studied yet; "
            f"`quizkit study{deck}` starts (statistics come with the first answers)."
        )
    return None
