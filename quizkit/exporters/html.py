"""Handouts as one self-contained HTML file: inline CSS, images as data URIs, no scripts, no links.

Layout comes from Jinja2 templates in quizkit/templates/ (autoescaped, StrictUndefined);
what goes on the page comes from quizkit.handouts.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from quizkit.collector import collector_paused
from quizkit.errors import HandoutError
from quizkit.handouts import CARD_COLUMNS, CARDS_PER_SHEET, Handout, HandoutOptions, build_handout

if TYPE_CHECKING:
    from jinja2 import Environment
    from markupsafe import Markup

    from quizkit.exporters.pages import Page
    from quizkit.store import Store

# Paper sizes and print margins in millimetres. 14 mm sides and 16 mm top and bottom clear the
# unprintable edge of ordinary office printers and leave room for the running header and footer.
PAPER_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
MARGIN_TOP_MM = 16.0
MARGIN_SIDE_MM = 14.0


@dataclass(frozen=True)
class Geometry:
    """Sizes the stylesheet needs, as CSS lengths."""

    size: str
    width: str
    height: str
    content_width: str
    content_height: str
    margin_top: str
    margin_side: str
    card_width: str
    card_height: str
    sheet_height: str


def geometry(paper: str) -> Geometry:
    width, height = PAPER_MM[paper]
    content_w = width - 2 * MARGIN_SIDE_MM
    content_h = height - 2 * MARGIN_TOP_MM
    rows = CARDS_PER_SHEET // CARD_COLUMNS
    # Round each card down to a tenth of a millimetre and keep 1 mm spare, so a sheet of cards
    # never spills onto a second page.
    card_w = int(content_w / CARD_COLUMNS * 10) / 10
    card_h = int((content_h - 1) / rows * 10) / 10

    def mm(value: float) -> str:
        return f"{value:.1f}mm"

    return Geometry(
        size="A4" if paper == "a4" else "letter",
        width=mm(width),
        height=mm(height),
        content_width=mm(content_w),
        content_height=mm(content_h),
        margin_top=mm(MARGIN_TOP_MM),
        margin_side=mm(MARGIN_SIDE_MM),
        card_width=mm(card_w),
        card_height=mm(card_h),
        sheet_height=mm(card_h * rows),
    )


def css_string(value: object) -> Markup:
    """Text as a quoted CSS string: anything but letters, digits and spaces as a hex escape,
    so deck text in the stylesheet (the running header) can neither end the string nor the
    <style> element, and prints as written."""
    from markupsafe import Markup

    text = "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in str(value))
    return Markup(f'"{text}"')


@functools.cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    env = Environment(
        loader=PackageLoader("quizkit", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


@dataclass(frozen=True)
class RenderedHandout:
    """The handout page(s), and the key as its own document when asked for separately."""

    html: str
    key_html: str | None


def render_handout(handout: Handout) -> RenderedHandout:
    template = environment().get_template("handout.html")
    page = geometry(handout.paper)
    html = template.render(h=handout, page=page, part="handout", pages=printed_pages(handout))
    key_html = None
    if handout.key == "separate":
        key_pages = printed_pages(handout, "key")
        key_html = template.render(h=handout, page=page, part="key", pages=key_pages)
    return RenderedHandout(html, key_html)


def printed_pages(handout: Handout, part: str = "handout") -> list[Page]:
    """For versions printed duplex: every page decided here, each version (and each key)
    starting on a front page and numbered on its own. One version flows as the browser likes."""
    from quizkit.exporters.pages import duplex, key_pages, version_pages

    if len(handout.versions) < 2:
        return []
    width, height = PAPER_MM[handout.paper]
    width, height = width - 2 * MARGIN_SIDE_MM, height - 2 * MARGIN_TOP_MM
    parts: list[list[Page]] = []
    if part == "handout":
        parts += [version_pages(version, width, height) for version in handout.versions]
    if part == "key" or handout.key == "end":
        parts += [key_pages(version, width, height) for version in handout.versions]
    return duplex(parts)


def build_for_deck(store: Store, deck_name: str, options: HandoutOptions) -> Handout:
    """The handout of a deck's printable notes: never those quoting an article, and dropped
    notes only when asked for."""

    from quizkit.decks import resolve_deck
    from quizkit.models import quotes_article

    deck = resolve_deck(store, deck_name)
    options = replace(options, media_dir=store.media_dir, source_titles=store.source_titles())
    notes = store.print_notes(deck, include_dropped=options.include_dropped)
    return build_handout(deck.name, [n for n in notes if not quotes_article(n.extra)], options)


def export_html(store: Store, deck_name: str, options: HandoutOptions) -> str:
    """The handout as one HTML document (the key at its end unless options.key says otherwise).

    The one code path behind `quizkit print` and `quizkit export --format html`.
    """
    with collector_paused():
        return render_handout(build_for_deck(store, deck_name, options)).html


@dataclass(frozen=True)
class PrintReport:
    """What was printed: the handout, and its HTML when no output file was given."""

    handout: Handout
    html: str | None


def print_handout(
    store: Store,
    deck_name: str,
    options: HandoutOptions,
    output: Path | None,
    key_output: Path | None = None,
) -> PrintReport:
    """Render and write the handout (and key) files; output None returns the text instead."""
    if key_output is not None and output is not None and key_output.resolve() == output.resolve():
        raise HandoutError(f"{key_output}: the key needs a file of its own, not the handout's")
    with collector_paused():
        handout = build_for_deck(store, deck_name, options)
        rendered = render_handout(handout)
    if output is not None:
        write_file(output, rendered.html)
    if key_output is not None and rendered.key_html is not None:
        write_file(key_output, rendered.key_html)
    return PrintReport(handout, None if output is not None else rendered.html)


def write_file(path: Path, text: str) -> None:
    """Written whole or not at all: a full disk leaves an existing handout as it was."""
    from quizkit.atomic import write_text_atomically

    write_text_atomically(path, text)
