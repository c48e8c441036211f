"""The command line: parse options, call one core function, print.

The only module that imports click.

Core modules are imported inside each command so that `quizkit --help` stays fast.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from quizkit import __version__

if TYPE_CHECKING:
    from quizkit.store import Store

F = TypeVar("F", bound=Callable[..., Any])


def db_path(explicit: str | None) -> Path:
    """--db, else QUIZKIT_DB, else the per-user app folder."""
    if explicit:
        return Path(explicit)
    if os.environ.get("QUIZKIT_DB"):
        return Path(os.environ["QUIZKIT_DB"])
    return Path(click.get_app_dir("quizkit")) / "quizkit.db"


def open_store(explicit: str | None) -> Store:
    from quizkit.store import Store

    path = db_path(explicit)
    if not explicit and not os.environ.get("QUIZKIT_DB"):
        path.parent.mkdir(parents=True, exist_ok=True)
    return Store.open(path)


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        envvar=None,
        help="Database file (default: $QUIZKIT_DB, else the user's quizkit folder).",
    )(func)


def reports_errors(func: F) -> F:
    """Turn quizkit's own errors into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from quizkit.errors import QuizkitError

        try:
            return func(*args, **kwargs)
        except QuizkitError as error:
            raise click.ClickException(str(error)) from None

    return wrapper  # type: ignore[return-value]


def warn(message: str) -> None:
    click.echo(f"quizkit: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizkit")
def cli() -> None:
    """Turn news articles into question decks, study them, print them for class."""


@cli.group()
def db() -> None:
    """Where the database is."""


@db.command("path")
@db_option
def db_path_command(db: str | None) -> None:
    """Print the database file quizkit uses."""
    click.echo(str(db_path(db)))


IMPORT_FORMATS = (
    "deck",
    "csv",
    "tsv",
    "anki-text",
    "quizlet",
    "apkg",
    "json",
    "md",
    "supermemo",
    "mnemosyne",
)


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(IMPORT_FORMATS),
    help="The files' format (default: found from content and extension).",
)
@click.option("--separator", help="Between front and back (Quizlet exports; CSV: one character).")
@click.option("--row-separator", help="Between cards (Quizlet exports), e.g. ';'.")
@click.option("--skip-bad", is_flag=True, help="Import the good rows and list the bad ones.")
@click.option(
    "--keep-schedule", is_flag=True, help="Keep Anki's scheduling state and review log (apkg)."
)
@click.option("--deck", "deck_name", help="Deck for notes whose file names no deck.")
@reports_errors
def import_command(
    files: tuple[Path, ...],
    db: str | None,
    fmt: str | None,
    separator: str | None,
    row_separator: str | None,
    skip_bad: bool,
    keep_schedule: bool,
    deck_name: str | None,
) -> None:
    """Load deck files: quizkit decks, CSV/TSV, Anki (text, apkg), Quizlet, JSON, Markdown,
    SuperMemo Q&A, Mnemosyne. Again: updates in place, keeps history."""
    from quizkit.clock import now
    from quizkit.importers import ImportOptions
    from quizkit.importing import import_files

    options = ImportOptions(
        fmt, _unescape(separator), _unescape(row_separator), skip_bad, keep_schedule, deck_name
    )
    store = open_store(db)
    failed = 0
    for path, deck, result in import_files(store, list(files), now(), options, warn, _progress_bar):
        if isinstance(result, Exception):
            failed += 1
            warn(str(result))
        else:
            click.echo(
                f"{path}: deck {deck!r}: {result.added} added, {result.updated} updated, "
                f"{result.unchanged} unchanged, {len(result.skipped)} skipped"
            )
            for reason in result.skipped:
                click.echo(f"  skipped {reason}")
    if failed:
        sys.exit(1)


def _unescape(text: str | None) -> str | None:
    """`\\t` and `\\n` typed on a command line mean a tab and a newline."""
    if text is None:
        return None
    return text.replace("\\t", "\t").replace("\\n", "\n")


def _progress_bar(path: Path) -> Callable[[int, int], None] | None:
    """A progress bar on stderr for imports of more than one batch, when it is a terminal."""
    if not sys.stderr.isatty():
        return None
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if bar is None:
            if done >= total:
                return
            bar = click.progressbar(length=total, label=str(path), file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)
        if done >= total:
            bar.__exit__(None, None, None)

    return update


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Write JSON.")
@reports_errors
def decks(db: str | None, as_json: bool) -> None:
    """List decks with new, learning, due-now and total card counts."""
    from quizkit.clock import now

    counts = open_store(db).deck_counts(now())
    if as_json:
        rows = [
            {
                "name": c.deck.name,
                "description": c.deck.description,
                "new": c.new,
                "learning": c.learning,
                "due": c.due,
                "suspended": c.suspended,
                "total": c.total,
            }
            for c in counts
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if not counts:
        click.echo("No decks yet: `quizkit import FILE` or `quizkit study --demo`.")
        return
    width = max(len(c.deck.name) for c in counts)
    click.echo(f"{'deck':<{width}}  {'new':>5} {'learn':>5} {'due':>5} {'total':>6}")
    for c in counts:
        click.echo(f"{c.deck.name:<{width}}  {c.new:>5} {c.learning:>5} {c.due:>5} {c.total:>6}")


@cli.command()
@click.argument("deck")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Write JSON.")
@reports_errors
def show(deck: str, db: str | None, as_json: bool) -> None:
    """List a deck's cards with question, answer and due time."""
    from quizkit.clock import now
    from quizkit.study import due_in_words

    store = open_store(db)
    cards = store.deck_cards(store.deck(deck))
    if as_json:
        rows = [
            {
                "id": c.id,
                "note_id": c.note_id,
                "question": c.prompt,
                "answer": c.expected,
                "kind": c.kind,
                "reverse": c.ord == 1,
                "state": c.state.name.lower(),
                "due": c.due.isoformat(),
                "alternatives": list(c.accepted),
                "distractors": [] if c.ord == 1 else list(c.distractors),
                "tags": list(c.tags),
                "sources": [s.to_dict() for s in c.sources],
                "suspended": c.suspended,
            }
            for c in cards
        ]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    moment = now()
    for c in cards:
        due = "new" if c.state.value == 0 else f"due {due_in_words(c.due, moment)}"
        click.echo(f"{c.id:>5}  {c.prompt}\n       -> {c.expected}   [{due}]")


@cli.command()
@click.argument("deck", required=False)
@db_option
@click.option("--new", "new_limit", default=20, show_default=True, help="New cards a day.")
@click.option("--demo", is_flag=True, help="Load the bundled CSTO deck first and study it.")
@reports_errors
def study(deck: str | None, db: str | None, new_limit: int, demo: bool) -> None:
    """Study due cards, then new ones: type the answer, or press Enter to reveal."""
    from quizkit.clock import now
    from quizkit.importing import bundled_deck_path, import_file
    from quizkit.study import Session, due_in_words
    from quizkit.terminal import open_learner

    store = open_store(db)
    if demo:
        deck, _report = import_file(store, bundled_deck_path(), now())
    chosen = store.deck(deck) if deck else None
    summary = Session(store, chosen, now, new_limit).run(open_learner())
    click.echo()
    if summary.seen == 0 and not summary.quit:
        click.echo("Nothing to study right now.")
    else:
        share = summary.percent_correct
        right = (
            f", {summary.correct} of {summary.graded} typed right ({share:.0f}%)"
            if share is not None
            else ""
        )
        click.echo(
            f"Session over: {summary.seen} card{'s' if summary.seen != 1 else ''} seen{right}."
        )
    if summary.next_due is not None:
        click.echo(f"Next card due {due_in_words(summary.next_due, now())}.")


# Formats `quizkit export` writes; `html` (handouts) joins them from the print issue.
EXPORT_FORMATS = ("csv", "tsv", "json", "md", "apkg", "deck")


@cli.command("export")
@click.argument("deck")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    help="Output format (default: from the -o file's extension).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Output file (default: stdout, for text formats).",
)
@reports_errors
def export_command(deck: str, db: str | None, fmt: str | None, output: Path | None) -> None:
    """Write a deck for other tools: Anki CSV/TSV, Anki package, JSON, Markdown, deck file."""
    from quizkit.clock import now
    from quizkit.exporting import export_deck, format_for

    count, text = export_deck(open_store(db), deck, format_for(output, fmt), output, now())
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"{output}: {count} note{'s' if count != 1 else ''} written", err=True)
