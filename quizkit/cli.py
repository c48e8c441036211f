"""The command line: parse options, call one core function, print. The only module that imports click.

Core modules are imported inside each command so that `quizkit --help` stays fast.
"""

from __future__ import annotations

import click

from quizkit import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizkit")
def cli() -> None:
    """Turn news articles into question decks, study them, print them for class."""


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(dir_okay=True))
@click.option("--json", "as_json", is_flag=True, help="Write the facts as JSON.")
@click.option("--year", type=int, help="Year for dates the articles leave without one.")
@click.option(
    "--date",
    "ref_date",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Reference date (YYYY-MM-DD) for articles without a dateline.",
)
def extract(articles: tuple[str, ...], as_json: bool, year: int | None, ref_date) -> None:
    """Report the dates, officials, participants and numbers in ARTICLE files."""
    from datetime import date

    from quizkit.errors import QuizkitError
    from quizkit.extract import extract_files, to_json, to_text

    try:
        day = ref_date.date() if ref_date else None
        docs, errors, warnings = extract_files(articles, year, day, today=date.today())
    except QuizkitError as exc:
        raise click.ClickException(str(exc)) from None
    for message in [*warnings, *(str(e) for e in errors)]:
        click.echo(f"quizkit: {message}", err=True)
    click.echo(to_json(docs) if as_json else to_text(docs), nl=not as_json)
    if as_json:
        click.echo()
    if errors:
        raise SystemExit(1)
