"""The command line: parse options, call one core function, print.

The only module that imports click.

Core modules are imported inside each command so that `quizkit --help` stays fast.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from quizkit import __version__
from quizkit.formats import EXPORT_FORMATS, IMPORT_FORMATS

if TYPE_CHECKING:
    from quizkit.models import Deck
    from quizkit.store import Store

F = TypeVar("F", bound=Callable[..., Any])
LARGE_HANDOUT = 500  # questions: more asks for --yes (a handout of thousands is a mistake)


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
    store = Store.open(path)
    if store.migration_backup is not None:
        warn(f"upgraded the database; a copy from before is kept as {store.migration_backup}")
    # a write that meets another quizkit's write (a big import) waits for it, and says so
    store.on_busy = lambda: warn(
        f"{path}: another quizkit is writing to the database; waiting for it to finish"
    )
    return store


def db_option(func: F) -> F:
    return click.option(
        "--db",
        "db",
        metavar="PATH",
        envvar=None,
        help="Database file (default: $QUIZKIT_DB, else the user's quizkit folder).",
    )(func)


class OutOfRangeError(click.ClickException):
    """A usage error (exit status 2) told in one line, without the usage text: the value,
    not the command's shape, is wrong."""

    exit_code = 2


def reports_errors(func: F) -> F:
    """Turn quizkit's own errors into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from quizkit.errors import OutOfRange, QuizkitError

        try:
            return func(*args, **kwargs)
        except OutOfRange as error:
            raise OutOfRangeError(str(error)) from None
        except QuizkitError as error:
            raise click.ClickException(str(error)) from None
        except Exception as error:
            import sqlite3

            if not isinstance(error, sqlite3.DatabaseError):
                raise
            from quizkit.dbfile import database_error_advice

            path = db_path(kwargs.get("db"))
            raise click.ClickException(f"{path}: {database_error_advice(error)}") from None

    return wrapper  # type: ignore[return-value]


# SQLite's integers, and so quizkit's ids, are 64-bit signed
LARGEST_ID = 2**63 - 1


def checked_id(value: int | str, what: str) -> None:
    """Refuse an id no row can have before it reaches SQLite (which cannot even hold it)."""
    from quizkit.errors import OutOfRange

    text = str(value)
    if text.isascii() and text.isdigit() and int(text) > LARGEST_ID:
        raise OutOfRange(f"{what} {text} is out of range (ids go up to {LARGEST_ID})")
    if isinstance(value, int) and value < -LARGEST_ID - 1:
        raise OutOfRange(f"{what} {text} is out of range")


def warn(message: str) -> None:
    click.echo(f"quizkit: {message}", err=True)


def complete_deck(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[Any]:
    """Deck names for the shell's tab completion; quiet when the database cannot be read."""
    from click.shell_completion import CompletionItem

    try:
        from quizkit.store import Store

        path = db_path(ctx.params.get("db"))
        if not path.is_file():
            return []
        store = Store.open(path)
        try:
            names = store.deck_names()
        finally:
            store.close()
    except Exception:  # completion must never print a traceback into the shell
        return []
    folded = incomplete.casefold()
    return [CompletionItem(n) for n in names if n.casefold().startswith(folded)]


def deck_argument(required: bool = False) -> Callable[[F], F]:
    """The DECK argument: any case, a unique prefix; left out, the only deck there is."""
    return click.argument("deck", required=required, shell_complete=complete_deck)


def pick_deck(store: Store, typed: str | None) -> Deck:
    from quizkit.decks import resolve_deck

    return resolve_deck(store, typed)


class ExamplesLast(click.Command):
    """A command whose help ends with its examples, after the options, where people look."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        import inspect

        text, marker, examples = inspect.cleandoc(self.help or "").partition("\b\nExamples:")
        if marker and self.epilog is None:
            self.help = text.rstrip()
            self.epilog = marker + examples


class QuizkitGroup(click.Group):
    command_class = ExamplesLast
    group_class = type  # sub-groups (`deck`, `db`) are made the same way


@click.group(cls=QuizkitGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="quizkit")
def cli() -> None:
    """Turn news articles into question decks, study them, print them for class."""


@cli.group()
def db() -> None:
    """The database file: where it is, check it, back it up, recover a damaged one."""


@db.command("path")
@db_option
def db_path_command(db: str | None) -> None:
    """Print the database file quizkit uses.

    \b
    Examples:
      quizkit db path
      cp "$(quizkit db path)" backup.db
    """
    click.echo(str(db_path(db)))


@db.command("check")
@db_option
@reports_errors
def db_check(db: str | None) -> None:
    """Test the whole file with SQLite's integrity check (reads only); exit 1 if damaged.

    \b
    Examples:
      quizkit db check
      quizkit db check --db class.db
    """
    from quizkit.dbfile import check_database

    path = db_path(db)
    report = check_database(path)
    if report.ok:
        click.echo(f"{path}: ok")
        return
    click.echo(f"{path}: damaged:")
    for problem in report.problems:
        click.echo(f"  {problem}")
    click.echo("`quizkit db recover` saves what can be read into a new file.")
    sys.exit(1)


@db.command("backup")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@reports_errors
def db_backup(file: Path, db: str | None) -> None:
    """Copy the database to FILE, safely even while it is in use (SQLite's backup API).

    \b
    Examples:
      quizkit db backup ~/quizkit-backup.db
    """
    from quizkit.dbfile import backup_database

    size = backup_database(db_path(db), file)
    click.echo(f"Backed up {db_path(db)} to {file} ({size // 1024} KiB).")


@db.command("recover")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the salvage here and leave the damaged file in place.",
)
@db_option
@reports_errors
def db_recover(output: Path | None, db: str | None) -> None:
    """Salvage every row that can be read from a damaged database into a new file.

    Without -o the new file takes the database's place and the damaged one is kept beside
    it with '.damaged-DATE' added to its name.

    \b
    Examples:
      quizkit db recover
      quizkit db recover -o salvaged.db
    """
    from quizkit.clock import now
    from quizkit.dbfile import recover_database

    path = db_path(db)
    if output is not None and output.exists():
        raise click.UsageError(f"{output} exists; name a new file")
    report = recover_database(path, output, now())
    for table, count in report.saved.items():
        skipped = report.unreadable.get(table, 0)
        gaps = f" ({skipped} unreadable stretch{'es' if skipped != 1 else ''} skipped)"
        click.echo(f"  {table}: {count} rows saved" + (gaps if skipped else ""))
    for table, count in report.dropped.items():
        click.echo(f"  {table}: {count} rows left out (what they belonged to was lost)")
    for lost in report.lost_tables:
        click.echo(f"  {lost}: could not be rebuilt")
    if report.damaged_kept is not None:
        click.echo(
            f"Recovered into {report.output}; the damaged file is kept as {report.damaged_kept}."
        )
    else:
        click.echo(f"Recovered into {report.output}; {path} is left as it was.")


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
@click.option(
    "--media",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder holding the pictures that notes name (extra.image), by bare file name.",
)
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
    media: Path | None,
) -> None:
    """Load deck files: quizkit decks, CSV/TSV, Anki (text, apkg), Quizlet, JSON, Markdown,
    SuperMemo Q&A, Mnemosyne. Again: updates in place, keeps history.

    \b
    Examples:
      quizkit import spanish.apkg --keep-schedule
      quizkit import words.csv --deck "Spanish::Verbs"
    """
    from quizkit.clock import now
    from quizkit.importers import ImportOptions
    from quizkit.importing import ImportStopped, import_files

    options = ImportOptions(
        fmt,
        _unescape(separator),
        _unescape(row_separator),
        skip_bad,
        keep_schedule,
        deck_name,
        media,
    )
    store = open_store(db)
    failed = 0
    paths, bars = list(files), _ProgressBars()
    # what a Ctrl-C while a file's outcome is told says: the file is stored, or refused whole
    told: ImportStopped | None = None
    try:
        imports = import_files(store, paths, now(), options, warn, bars.start)
        for number, (path, deck, result) in enumerate(imports, 1):
            told = ImportStopped(path, not isinstance(result, Exception), len(paths) - number)
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
    except ImportStopped as stopped:
        bars.close()
        warn(str(stopped))
        sys.exit(1)
    except KeyboardInterrupt:
        bars.close()
        if told is None:
            raise  # before the first file was begun
        warn(str(told))
        sys.exit(1)
    if failed:
        sys.exit(1)


def _unescape(text: str | None) -> str | None:
    """`\\t` and `\\n` typed on a command line mean a tab and a newline."""
    if text is None:
        return None
    return text.replace("\\t", "\t").replace("\\n", "\n")


class _ProgressBars:
    """A progress bar on stderr for each file imported in more than one batch, when stderr
    is a terminal."""

    def __init__(self) -> None:
        self._bar: Any = None

    def start(self, path: Path) -> Callable[[int, int], None] | None:
        """The progress of `path`'s import, told to a bar of its own."""
        if not sys.stderr.isatty():
            return None

        def update(done: int, total: int) -> None:
            if self._bar is None:
                if done >= total:
                    return
                self._bar = click.progressbar(length=total, label=str(path), file=sys.stderr)
                self._bar.__enter__()
            self._bar.update(done - self._bar.pos)
            if done >= total:
                self.close()

        return update

    def close(self) -> None:
        """End the bar under way, if any: its line, and the cursor it hid shown again."""
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


@cli.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Write JSON (see docs/json.md).")
@reports_errors
def decks(db: str | None, as_json: bool) -> None:
    """List decks as a tree with new, learning, due-now and total card counts.

    A parent's counts include its sub-decks' (Anki's `Parent::Child` names).

    \b
    Examples:
      quizkit decks
      quizkit decks --json | jq '.decks[].name'
    """
    from quizkit.clock import now
    from quizkit.decks import deck_tree, tree_json
    from quizkit.store_read import deck_tallies, open_current, suspended_leeches

    # an up-to-date file is read with sqlite3 alone; any other goes through the Store
    conn = open_current(db_path(db)) or open_store(db).conn
    counts = deck_tallies(conn, now())
    leeches = suspended_leeches(conn)
    rows = deck_tree(counts)
    if as_json:
        _echo_json({"version": JSON_VERSION, "decks": tree_json(rows, counts, leeches)})
        return
    if not rows:
        click.echo("No decks yet: `quizkit import FILE` or `quizkit study --demo`.")
        return
    labels = ["  " * r.depth + r.label for r in rows]
    width = max(4, *(len(label) for label in labels))
    click.echo(f"{'deck':<{width}}  {'new':>5} {'learn':>5} {'due':>5} {'total':>6}")
    for label, r in zip(labels, rows, strict=True):
        click.echo(f"{label:<{width}}  {r.new:>5} {r.learning:>5} {r.due:>5} {r.total:>6}")
    for c in counts:
        if leeches.get(c.id):
            click.echo(
                f"{c.name}: {leeches[c.id]} leech card(s) suspended "
                f"(8 or more lapses); `quizkit unsuspend {quote_arg(c.name)}` brings them back"
            )


JSON_VERSION = 1


def _echo_json(data: dict[str, Any]) -> None:
    """One JSON object, `version` first (docs/json.md)."""
    import json

    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@cli.group("deck")
def deck_group() -> None:
    """Rename or delete a deck (with its sub-decks)."""


@deck_group.command("rename")
@click.argument("old", shell_complete=complete_deck)
@click.argument("new")
@db_option
@reports_errors
def deck_rename(old: str, new: str, db: str | None) -> None:
    """Rename deck OLD to NEW; its sub-decks move with it (OLD::X becomes NEW::X).

    \b
    Examples:
      quizkit deck rename spanish "Spanish 1"
      quizkit deck rename "Spanish::Verbs" "Spanish::Regular verbs"
    """
    from quizkit.decks import rename_deck

    store = open_store(db)
    before = pick_deck(store, old).name
    deck, count = rename_deck(store, old, new)
    also = f" (and {count - 1} sub-deck{'s' if count != 2 else ''})" if count > 1 else ""
    click.echo(f"Renamed deck {before!r} to {deck.name!r}{also}.")


@deck_group.command("delete")
@click.argument("name", shell_complete=complete_deck)
@click.option("--yes", "-y", is_flag=True, help="Do not ask first.")
@db_option
@reports_errors
def deck_delete(name: str, yes: bool, db: str | None) -> None:
    """Delete deck NAME and its sub-decks, with their notes, cards and review history.

    \b
    Examples:
      quizkit deck delete "Old quiz"
      quizkit deck delete spanish --yes
    """
    store = open_store(db)
    deck = pick_deck(store, name)
    notes, _cards, reviews = store.deck_contents(deck)
    subs = len(deck.ids) - 1 if deck.family else 0
    what = (
        f"deck {deck.name!r}"
        + (f" with {subs} sub-deck{'s' if subs != 1 else ''}" if subs else "")
        + f": {notes} note{'s' if notes != 1 else ''} and {reviews} "
        + f"review{'s' if reviews != 1 else ''}"
    )
    if not yes and not click.confirm(f"Delete {what} go with it?"):
        raise click.ClickException("nothing deleted")
    store.delete_deck(deck)
    click.echo(f"Deleted {what} went with it.")


@cli.command()
@deck_argument()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Write JSON (see docs/json.md).")
@reports_errors
def show(deck: str | None, db: str | None, as_json: bool) -> None:
    """List a deck's cards with question, answer and due time (through $PAGER on a terminal).

    \b
    Examples:
      quizkit show spanish
      quizkit show spanish --json | jq '.cards[].question'
    """
    from quizkit.clock import now
    from quizkit.study import due_in_words

    store = open_store(db)
    chosen = pick_deck(store, deck)
    cards = store.deck_cards(chosen)
    dropped = store.dropped_note_ids(chosen)
    if as_json:
        rows = [
            {
                "id": c.id,
                "note_id": c.note_id,
                "note_guid": c.guid,
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
                "dropped": c.note_id in dropped,
            }
            for c in cards
        ]
        _echo_json({"version": JSON_VERSION, "deck": chosen.name, "cards": rows})
        return
    moment = now()
    lines = []
    for c in cards:
        if c.note_id in dropped:
            due = "dropped"
        elif c.suspended:
            due = "suspended"
        else:
            due = "new" if c.state.value == 0 else f"due {due_in_words(c.due, moment)}"
        # a multi-line question (a timeline) keeps its lines, indented under the first
        prompt = c.prompt.replace("\n", "\n       ")
        lines.append(f"{c.id:>5}  {prompt}\n       -> {c.expected}   [{due}]")
    if not lines:
        click.echo(f"Deck {chosen.name!r} has no cards yet.")
        return
    text = "\n".join(lines)
    if sys.stdout.isatty():
        click.echo_via_pager(text + "\n")
    else:
        click.echo(text)


@cli.command()
@deck_argument()
@db_option
@click.option(
    "--new",
    "new_limit",
    type=click.IntRange(min=0),
    default=20,
    show_default=True,
    help="New cards a day.",
)
@click.option("--demo", is_flag=True, help="Load the bundled CSTO deck first and study it.")
@click.option(
    "--cram", is_flag=True, help="Go through all cards regardless of due dates; nothing is saved."
)
@click.option("--tag", metavar="TAG", help="With --cram: only the cards of notes with this tag.")
@click.option("--seed", type=int, help="With --cram: the card order's random seed.")
@reports_errors
def study(
    deck: str | None,
    db: str | None,
    new_limit: int,
    demo: bool,
    cram: bool,
    tag: str | None,
    seed: int | None,
) -> None:
    """Study due cards, then new ones: type the answer, or press Enter to reveal.

    With no DECK, all decks. Above each card: new, learning and due cards left.

    \b
    Examples:
      quizkit study spanish
      quizkit study --demo
    """
    from quizkit.clock import now
    from quizkit.importing import bundled_deck_path, import_file
    from quizkit.study import Session, due_in_words
    from quizkit.terminal import open_learner

    if (tag is not None or seed is not None) and not cram:
        raise click.UsageError("--tag and --seed work only with --cram")
    store = open_store(db)
    if demo:
        deck, _report = import_file(store, bundled_deck_path(), now())
    chosen = pick_deck(store, deck) if deck else None
    if cram:
        run_cram(store, chosen, tag, seed)
        return
    learner = open_learner()
    if demo or (learner.interactive and not store.has_reviews()):
        learner.introduce()
    summary = Session(store, chosen, now, new_limit).run(learner)
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
    for card in summary.leeches:
        click.echo(f"Suspended as a leech: {card.prompt}")
    if summary.next_due is not None:
        click.echo(f"Next card due {due_in_words(summary.next_due, now())}.")


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--deck", "deck_name", required=True, help="Deck to fill (created if new).")
@click.option(
    "-o", "--output", "out", type=click.Path(path_type=Path), help="Write a deck file instead."
)
@click.option("--out", "out_alias", type=click.Path(path_type=Path), hidden=True)
@click.option("--dry-run", is_flag=True, help="Print the questions; store nothing.")
@click.option("--review", is_flag=True, help="Keep, edit or drop each note before storing.")
@click.option("--seed", default=0, show_default=True, help="Seed for option order and choice.")
@click.option("--year", type=int, help="Year for dates that name none.")
@click.option("--explain", is_flag=True, help="List each question left out and why (on stderr).")
@db_option
@reports_errors
def generate(
    articles: tuple[Path, ...],
    deck_name: str,
    out: Path | None,
    out_alias: Path | None,
    dry_run: bool,
    review: bool,
    seed: int,
    year: int | None,
    explain: bool,
    db: str | None,
) -> None:
    """Build a question deck from news articles, read together.

    \b
    Examples:
      quizkit generate articles/*.txt --deck "CSTO in Kazakhstan" --review
      quizkit generate story.txt --deck Story -o story.toml
    """
    from quizkit.clock import now

    out = out or out_alias
    from quizkit.generate import notes_from_articles, store_notes, write_deck_file
    from quizkit.models import DeckInfo, Note
    from quizkit.note_review import review_notes

    generated = notes_from_articles(list(articles), now().date(), seed=seed, year=year, warn=warn)
    for error in generated.errors:
        warn(str(error))
    if explain:
        from quizkit.questions import explain as explain_drops

        for line in explain_drops(generated.dropped):
            click.echo(line, err=True)
    notes = generated.notes
    dropped: list[Note] = []
    if review:
        reviewed = review_notes(notes, sys.stdin, sys.stderr)
        if reviewed is None:
            raise click.ClickException("review stopped; nothing stored")
        notes, dropped = reviewed.kept, reviewed.dropped
    sources = ", ".join(sorted(p.stem for p in articles))
    deck = DeckInfo(deck_name, f"Generated by quizkit generate from: {sources}.")
    if dry_run:
        for note in notes:
            click.echo(f"[{note.kind}] {note.question}\n    -> {note.answer}")
        click.echo(f"{len(notes)} notes (dry run: nothing stored)", err=True)
    elif out is not None:
        written = write_deck_file(out, deck, notes)
        click.echo(f"{out}: {written} notes written")
    else:
        report = store_notes(open_store(db), deck, notes, now(), generated.titles, dropped)
        click.echo(
            f"deck {deck_name!r}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged"
        )
    if generated.errors:
        sys.exit(1)


@cli.command()
@click.argument("deck", shell_complete=complete_deck)
@click.option("--question", "-q", help="The question.")
@click.option("--answer", "-a", help="The answer.")
@click.option("--alternative", "alternatives", multiple=True, help="Another right answer (repeat).")
@click.option("--option", "options", multiple=True, help="A wrong multiple-choice option (repeat).")
@click.option("--tag", "tags", multiple=True, help="A tag (repeat).")
@click.option("--reverse", is_flag=True, help="Also ask the other way round.")
@db_option
@reports_errors
def add(
    deck: str,
    question: str | None,
    answer: str | None,
    alternatives: tuple[str, ...],
    options: tuple[str, ...],
    tags: tuple[str, ...],
    reverse: bool,
    db: str | None,
) -> None:
    """Add a note to DECK (made if there is no such deck); with no --question, in $EDITOR.

    \b
    Examples:
      quizkit add spanish --question "dog" --answer "perro" --reverse
      quizkit add "World capitals"        # opens $EDITOR on a small template
    """
    from quizkit.clock import now
    from quizkit.note_editing import NoteFields, add_note, note_text

    fields: NoteFields | None
    if question is None and answer is None:
        start = NoteFields("", "", alternatives, options, tags, reverse)
        fields = _edit_in_editor(note_text(start, adding=True), adding=True)
        if fields is None:
            click.echo("No question written: nothing added.")
            return
    elif question is None or answer is None:
        raise click.UsageError("give both --question and --answer (or neither, for $EDITOR)")
    else:
        fields = NoteFields(question, answer, alternatives, options, tags, reverse)
    added = add_note(open_store(db), deck, fields, now())
    cards = "2 cards" if fields.reverse else "1 card"
    where = f"new deck {added.deck.name!r}" if added.new_deck else repr(added.deck.name)
    click.echo(f"note {added.note_id} added to {where} ({cards}): {fields.question}")
    if added.closest is not None:
        warn(f"made a new deck {added.deck.name!r}; did you mean {added.closest!r}?")


def _edit_in_editor(text: str, adding: bool) -> Any:
    """Open $EDITOR on a note's text; the fields as saved, or None when left empty."""
    from quizkit.note_editing import parse_note_text

    saved = click.edit(text, extension=".toml", require_save=not adding)
    if saved is None:
        return None
    return parse_note_text(saved, adding)


@cli.command()
@click.argument("note")
@click.option("--question", help="New question text.")
@click.option("--answer", help="New answer.")
@click.option("--alternative", "alternatives", multiple=True, help="Accepted answer (repeat).")
@click.option(
    "--distractor", "--option", "distractors", multiple=True, help="Wrong option (repeat)."
)
@click.option("--tag", "tags", multiple=True, help="Tag (repeat); replaces the tags.")
@db_option
@reports_errors
def edit(
    note: str,
    question: str | None,
    answer: str | None,
    alternatives: tuple[str, ...],
    distractors: tuple[str, ...],
    tags: tuple[str, ...],
    db: str | None,
) -> None:
    """Change a stored note (by id or guid); its review history is kept. With no options,
    opens $EDITOR on the note: question, answer, alternatives, options, tags.

    \b
    Examples:
      quizkit edit 12                     # in $EDITOR, like git commit
      quizkit edit 12 --answer "Astana" --alternative "Nur-Sultan"
    """
    from dataclasses import replace

    from quizkit.clock import now
    from quizkit.note_editing import edited, fields_of, note_text

    checked_id(note, "note id")
    store = open_store(db)
    note_id, current = store.find_note(note)
    if not (question or answer or alternatives or distractors or tags):
        fields = _edit_in_editor(note_text(fields_of(current), adding=False), adding=False)
        if fields is None:
            click.echo(f"note {note_id}: nothing changed.")
            return
        changed = edited(current, fields)
    else:
        changed = replace(
            current,
            question=question or current.question,
            answer=answer or current.answer,
            alternatives=alternatives or current.alternatives,
            distractors=distractors or current.distractors,
            tags=tags or current.tags,
        )
    store.edit_note(note_id, changed, now())
    click.echo(f"note {note_id}: {changed.question} -> {changed.answer}")


@cli.command()
@click.argument("text")
@click.option("--deck", "deck_name", shell_complete=complete_deck, help="Only this deck.")
@click.option("--tag", help="Only notes with this tag.")
@click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Write JSON (see docs/json.md).")
@db_option
@reports_errors
def search(
    text: str, deck_name: str | None, tag: str | None, limit: int, as_json: bool, db: str | None
) -> None:
    """Find notes by words of their question, answer or tags (a word's start is enough).

    \b
    Examples:
      quizkit search "defense minister" --deck csto
      quizkit search kazakh --tag official --json
    """
    store = open_store(db)
    chosen = pick_deck(store, deck_name) if deck_name else None
    found = store.search_notes(text, chosen, tag, limit)
    if as_json:
        _echo_json({"version": JSON_VERSION, "query": text, "notes": found})
        return
    if not found:
        click.echo(f"No notes match {text!r}.", err=True)
        sys.exit(1)
    for row in found:
        dropped = "  (dropped)" if row["dropped"] else ""
        question = row["question"].replace("\n", "\n       ")
        click.echo(
            f"{row['id']:>5}  {question}\n       -> {row['answer']}   [{row['deck']}]{dropped}"
        )


@cli.command()
@click.argument("note")
@db_option
@reports_errors
def drop(note: str, db: str | None) -> None:
    """Take a note out of study (by id or guid); it and its history stay on record.

    \b
    Examples:
      quizkit drop 12
      quizkit undrop 12          # brings it back
    """
    from quizkit.clock import now

    checked_id(note, "note id")
    store = open_store(db)
    note_id, current = store.find_note(note)
    store.drop_note(note_id, now())
    click.echo(f"note {note_id} dropped: {current.question}")


@cli.command()
@click.argument("note")
@db_option
@reports_errors
def undrop(note: str, db: str | None) -> None:
    """Bring a dropped note (by id or guid) back into study, with its history.

    \b
    Examples:
      quizkit undrop 12
      quizkit search kazakh     # dropped notes are marked, to find their id
    """
    from quizkit.clock import now
    from quizkit.errors import QuizkitError

    store = open_store(db)
    note_id, current = store.find_note(note)
    if not store.undrop_note(note_id, now()):
        raise QuizkitError(f"note {note_id} is not dropped")
    click.echo(f"note {note_id} back in study: {current.question}")


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
    """Report the dates, officials, participants and numbers in ARTICLE files.

    \b
    Examples:
      quizkit extract story.txt
      quizkit extract articles/ --json > facts.json
    """
    from quizkit.clock import now
    from quizkit.errors import QuizkitError
    from quizkit.extract import extract_files, to_data, to_text
    from quizkit.extract.report import indented_json

    try:
        day = ref_date.date() if ref_date else None
        docs, errors, warnings = extract_files(articles, year, day, today=now().date())
    except QuizkitError as exc:
        raise click.ClickException(str(exc)) from None
    for message in [*warnings, *(str(e) for e in errors)]:
        click.echo(f"quizkit: {message}", err=True)
    if as_json:
        # "documents" stays the top-level list external scorers read; "version" sits beside it
        # (written as _echo_json writes, by the extractor's faster encoder: the facts of a
        # long article run to megabytes)
        click.echo(indented_json({"version": JSON_VERSION, **to_data(docs)}))
    else:
        click.echo(to_text(docs), nl=False)
    if errors:
        raise SystemExit(1)


# practice tests, cram, leeches and stats (issue 7) -------------------------

QUIZ_COUNT = 10
QUIZ_MODE = "mixed"


def quote_arg(text: str) -> str:
    """A deck name as it must be typed in a shell command."""
    import shlex

    return shlex.quote(text)


def fresh_seed(seed: int | None) -> int:
    """The seed given, or a new one (printed so the same run can be had again)."""
    import random

    return seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)


def run_cram(store: Store, deck_: Deck | None, tag: str | None, seed: int | None) -> None:
    """`study --cram`: the deck's cards (of one tag) until each is answered right."""
    import random

    from quizkit.cram import CramSession, cram_cards
    from quizkit.errors import QuizkitError
    from quizkit.practice_terminal import cram_summary_lines, open_cram_terminal

    if deck_ is None:
        raise click.UsageError("--cram needs a DECK")
    cards = cram_cards(store.deck_cards(deck_), tag)
    if not cards:
        which = f" tagged {tag!r}" if tag is not None else ""
        raise QuizkitError(f"deck {deck_.name!r} has no unsuspended cards{which} to cram")
    summary = CramSession(cards, random.Random(fresh_seed(seed))).run(open_cram_terminal())
    click.echo()
    for line in cram_summary_lines(summary):
        click.echo(line)


@cli.command()
@deck_argument()
@db_option
@click.option("--count", default=QUIZ_COUNT, show_default=True, help="How many questions.")
@click.option(
    "--mode",
    type=click.Choice(["typed", "mcq", "truefalse", "mixed"]),
    default=QUIZ_MODE,
    show_default=True,
    help="How questions are asked.",
)
@click.option("--seed", type=int, help="Random seed: the same seed asks the same test.")
@click.option("--record", is_flag=True, help="Count the answers as reviews in the schedule.")
@reports_errors
def quiz(
    deck: str | None, db: str | None, count: int, mode: str, seed: int | None, record: bool
) -> None:
    """A practice test: random questions, a score, and the ones you missed.

    \b
    Examples:
      quizkit quiz spanish --count 20 --mode mcq
      quizkit quiz --seed 7 --record
    """
    import random

    from quizkit.clock import now
    from quizkit.practice_terminal import open_quiz_terminal, quiz_report_lines
    from quizkit.quiz import Recorder, build_quiz, run_quiz

    store = open_store(db)
    chosen = pick_deck(store, deck)
    cards = store.deck_cards(chosen)
    seed = fresh_seed(seed)
    questions = build_quiz(cards, count, mode, random.Random(seed))
    recorder = Recorder(store, now) if record else None
    report = run_quiz(questions, open_quiz_terminal(), recorder)
    click.echo()
    for line in quiz_report_lines(report):
        click.echo(line)
    click.echo()
    if recorder is not None:
        click.echo(f"Recorded {report.answered} answers as reviews.")
        for card in recorder.leeches:
            click.echo(f"Suspended as a leech: {card.prompt}")
    else:
        click.echo("The schedule is unchanged (--record counts a test as reviews).")
    again = f"quizkit quiz {quote_arg(chosen.name)}"
    again += f" --count {count}" if count != QUIZ_COUNT else ""
    again += f" --mode {mode}" if mode != QUIZ_MODE else ""
    click.echo(f"The same test again: {again} --seed {seed}")


@cli.command()
@deck_argument()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Write JSON (see docs/json.md).")
@click.option(
    "-o",
    "--output",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a self-contained HTML report with charts to this file.",
)
@click.option("--html", "html_alias", type=click.Path(dir_okay=False, path_type=Path), hidden=True)
@reports_errors
def stats(
    deck: str | None,
    db: str | None,
    as_json: bool,
    html_file: Path | None,
    html_alias: Path | None,
) -> None:
    """Cards by state, reviews, true retention, intervals, forecast, hardest cards, streak.

    A mature card is one whose previous review was 21 or more days before (as in Anki);
    true retention is the share of its reviews answered Hard, Good or Easy. Lapses count
    every Again rating. Days are local days; weeks start on Monday.

    \b
    Examples:
      quizkit stats spanish
      quizkit stats -o report.html
    """
    import shutil

    html_file = html_file or html_alias
    from quizkit.clock import now
    from quizkit.stats import compute_stats

    store = open_store(db)
    figures = compute_stats(store, pick_deck(store, deck) if deck else None, now())
    if html_file is not None:
        from quizkit.atomic import write_text_atomically
        from quizkit.stats_html import render_stats_html

        write_text_atomically(html_file, render_stats_html(figures))
        click.echo(f"Wrote {html_file}", err=True)
        if not as_json:
            return
    if as_json:
        _echo_json({"version": JSON_VERSION, **figures.to_json()})
        return
    from quizkit.charts import plain
    from quizkit.stats_text import render_stats

    # colour only on a terminal, and never when NO_COLOR is set; the bars read without it
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    paint = functools.partial(click.style, fg="cyan") if colour else plain
    for line in render_stats(figures, shutil.get_terminal_size().columns, paint):
        click.echo(line)


@cli.command()
@click.argument("deck", shell_complete=complete_deck)
@click.argument("card_ids", nargs=-1, type=int, metavar="[CARD_ID]...")
@db_option
@reports_errors
def unsuspend(deck: str, card_ids: tuple[int, ...], db: str | None) -> None:
    """Bring back a deck's suspended cards: all of them, or those given by id.

    A card that lapses (Again after it had left learning) 8 times is a leech: it is suspended
    and `quizkit decks` says so. Brought back, it is suspended again at every 4 more lapses.

    \b
    Examples:
      quizkit unsuspend spanish
      quizkit unsuspend spanish 41 42
    """
    from quizkit.errors import QuizkitError

    for card_id in card_ids:
        checked_id(card_id, "card id")
    store = open_store(db)
    chosen = pick_deck(store, deck)
    for card_id in card_ids:
        if not store.card_in_deck(chosen, card_id):
            raise QuizkitError(f"no card {card_id} in deck {chosen.name!r}")
    ids = list(card_ids) or store.suspended_card_ids(chosen)
    changed = store.unsuspend(chosen, ids)
    click.echo(f"Unsuspended {changed} card{'s' if changed != 1 else ''} in {chosen.name!r}.")


# handouts ----------------------------------------------------------------


@cli.command("print")
@deck_argument()
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="HTML file to write (default: standard output).",
)
@click.option(
    "--layout",
    type=click.Choice(["worksheet", "test", "flashcards"]),
    default="worksheet",
    show_default=True,
    help="Questions with lines; a multiple-choice test; or cut-out double-sided cards.",
)
@click.option("--title", help="Heading on every page (default: the deck's name).")
@click.option(
    "--paper",
    type=click.Choice(["a4", "letter"]),
    help="Paper size (default: from the locale's country, else A4).",
)
@click.option(
    "--key",
    "key_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the answer key to this file instead of the handout's last page(s).",
)
@click.option("--no-key", is_flag=True, help="Leave the answer key out.")
@click.option(
    "--with-key", is_flag=True, help="Put the key at the end of flashcards too (they have none)."
)
@click.option("--yes", is_flag=True, help=f"Print more than {LARGE_HANDOUT} questions.")
@click.option("--sources", is_flag=True, help="Show in the key where each fact came from.")
@click.option(
    "--versions", type=click.IntRange(1, 26), default=1, help="Versions A, B, ... shuffled apart."
)
@click.option("--seed", type=int, help="Seed for every shuffle: same seed, same file.")
@click.option("--tag", "tags", multiple=True, help="Only notes with this tag (repeatable).")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    help="Only notes of this kind: official, date, participants, number, ... (repeatable).",
)
@click.option("--limit", type=click.IntRange(min=1), help="At most this many questions.")
@click.option("--shuffle", is_flag=True, help="Pick and order questions at random.")
@click.option(
    "--include-dropped", is_flag=True, help="Also print notes taken out with `quizkit drop`."
)
@db_option
@reports_errors
def print_command(
    deck: str | None,
    output: Path | None,
    layout: str,
    title: str | None,
    paper: str | None,
    key_file: Path | None,
    no_key: bool,
    with_key: bool,
    yes: bool,
    sources: bool,
    versions: int,
    seed: int | None,
    tags: tuple[str, ...],
    kinds: tuple[str, ...],
    limit: int | None,
    shuffle: bool,
    include_dropped: bool,
    db: str | None,
) -> None:
    """Write a printable HTML handout of DECK: worksheet, test or flashcards, with answer key.

    \b
    Examples:
      quizkit print spanish -o worksheet.html
      quizkit print csto --layout test --versions 2 --seed 4 -o test.html
    """
    import random
    from dataclasses import replace

    from quizkit.errors import LargeHandout
    from quizkit.exporters.html import print_handout
    from quizkit.handouts import HandoutOptions, default_paper

    if sum(map(bool, (key_file, no_key, with_key))) > 1:
        raise click.UsageError("--key FILE, --no-key and --with-key cannot be used together")
    if seed is None:
        seed = random.SystemRandom().randrange(1_000_000)
        if versions > 1 or shuffle or layout == "test":
            warn(f"shuffled with seed {seed}; pass --seed {seed} to get the same handout again")
    options = HandoutOptions(
        layout=layout,
        title=title,
        paper=paper or default_paper(os.environ),
        versions=versions,
        seed=seed,
        tags=tags,
        kinds=kinds,
        limit=limit,
        shuffle=shuffle,
        key="separate" if key_file else "none" if no_key else "end" if with_key else "auto",
        sources=sources,
        include_dropped=include_dropped,
        max_questions=None if yes else LARGE_HANDOUT,
    )
    store = open_store(db)
    name = pick_deck(store, deck).name
    try:
        report = print_handout(store, name, options, output, key_file)
    except LargeHandout as error:
        if not sys.stdin.isatty() or not click.confirm(f"{error}. Print anyway?", err=True):
            raise
        report = print_handout(store, name, replace(options, max_questions=None), output, key_file)
    if report.html is not None:
        click.echo(report.html, nl=False)
        return
    count = report.handout.question_count
    written = f"{output}" + (f" and key {key_file}" if key_file else "")
    warn(f"{count} question{'s' if count != 1 else ''} in {layout} form: wrote {written}")


@cli.command("export")
@deck_argument()
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
@click.option(
    "--include-dropped", is_flag=True, help="Also write notes taken out with `quizkit drop`."
)
@click.option(
    "--yes", is_flag=True, help=f"With --format html: more than {LARGE_HANDOUT} questions."
)
@reports_errors
def export_command(
    deck: str | None,
    db: str | None,
    fmt: str | None,
    output: Path | None,
    include_dropped: bool,
    yes: bool,
) -> None:
    """Write a deck for other tools: Anki CSV/TSV, Anki package, JSON, Markdown, deck file, HTML.

    `--format html` writes the default handout (a worksheet with its key); `quizkit print`
    offers the handout's options. An Anki package carries the schedule and review log.

    \b
    Examples:
      quizkit export spanish -o spanish.apkg
      quizkit export spanish --format csv > spanish.csv
    """
    from quizkit.clock import now
    from quizkit.exporting import export_deck, format_for

    chosen = format_for(output, fmt)
    store = open_store(db)
    deck = pick_deck(store, deck).name
    if chosen == "html":
        from quizkit.exporters.html import print_handout
        from quizkit.handouts import HandoutOptions, default_paper

        options = HandoutOptions(
            paper=default_paper(os.environ),
            include_dropped=include_dropped,
            max_questions=None if yes else LARGE_HANDOUT,
        )
        report = print_handout(store, deck, options, output)
        if report.html is not None:
            click.echo(report.html, nl=False)
        else:
            click.echo(f"{output}: {report.handout.question_count} questions written", err=True)
        return
    count, text = export_deck(store, deck, chosen, output, now(), include_dropped)
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"{output}: {count} note{'s' if count != 1 else ''} written", err=True)
