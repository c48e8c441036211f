"""`quizkit stats --html`: one self-contained page, charts drawn as inline SVG, no scripts."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizkit.stats import MATURE_DAYS, Stats

CHART_WIDTH = 640
CHART_HEIGHT = 160
PLOT_TOP = 16
PLOT_BOTTOM = 28  # room for the labels under the bars
MAX_LABELS = 10


@dataclass(frozen=True)
class SvgBar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value_text: str
    show_label: bool


@dataclass(frozen=True)
class SvgChart:
    title: str
    width: int
    height: int
    baseline: float
    bars: list[SvgBar]
    top_text: str


def svg_chart(
    title: str,
    rows: Sequence[tuple[str, float | None]],
    unit: str = "",
    top: float | None = None,
) -> SvgChart:
    """Bar geometry for `rows` (label, value; None draws no bar) scaled to the tallest bar."""
    plot_height = CHART_HEIGHT - PLOT_TOP - PLOT_BOTTOM
    values = [v for _, v in rows if v is not None]
    scale_top = top if top is not None else max(values, default=0) or 1
    slot = CHART_WIDTH / max(len(rows), 1)
    every = max(1, -(-len(rows) // MAX_LABELS))
    bars = []
    for index, (label, value) in enumerate(rows):
        height = 0.0 if value is None else plot_height * value / scale_top
        shown = "no data" if value is None else f"{value:g}{unit}"
        bars.append(
            SvgBar(
                x=round(index * slot + slot * 0.1, 2),
                y=round(PLOT_TOP + plot_height - height, 2),
                width=round(slot * 0.8, 2),
                height=round(height, 2),
                label=label,
                value_text=shown,
                show_label=index % every == 0,
            )
        )
    return SvgChart(
        title=title,
        width=CHART_WIDTH,
        height=CHART_HEIGHT,
        baseline=PLOT_TOP + plot_height,
        bars=bars,
        top_text=f"{scale_top:g}{unit}",
    )


def charts(stats: Stats) -> list[SvgChart]:
    return [
        svg_chart(
            f"Due in the next {len(stats.forecast)} days",
            [(f"{d.day:%d %b}", d.count) for d in stats.forecast],
        ),
        svg_chart(
            f"Reviews per day, last {len(stats.reviews_per_day)} days",
            [(f"{d.day:%d %b}", d.count) for d in stats.reviews_per_day],
        ),
        svg_chart(
            f"True retention by week (mature cards: interval {MATURE_DAYS}+ days)",
            [
                (f"{w.week:%d %b}", None if w.retention is None else round(w.retention * 100, 1))
                for w in stats.retention
            ],
            unit="%",
            top=100.0,
        ),
        svg_chart("Intervals of review cards", [(b.label, b.count) for b in stats.intervals]),
    ]


def render_stats_html(stats: Stats) -> str:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=FileSystemLoader(Path(__file__).parent / "templates"),
        autoescape=select_autoescape(["html"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    context: dict[str, Any] = {
        "stats": stats,
        "charts": charts(stats),
        "mature_days": MATURE_DAYS,
    }
    return env.get_template("stats.html").render(context)
