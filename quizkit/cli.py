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
from quizkit.formats import EXPORT_FORMATS, IMPORT_FORMATS

if TYPE_CHECKING:
    from quizkit.models import Deck
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
    store = Store.open(path)
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

    store = open_store(db)
    counts = store.deck_counts(now())
    leeches = store.suspended_leeches()
    if as_json:
        rows = [
            {
                "name": c.deck.name,
                "description": c.deck.description,
                "new": c.new,
                "learning": c.learning,
                "due": c.due,
                "suspended": c.suspended,
                "leeches": leeches.get(c.deck.id, 0),
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
    for c in counts:
        if leeches.get(c.deck.id):
            click.echo(
                f"{c.deck.name}: {leeches[c.deck.id]} leech card(s) suspended "
                f"(failed 8 times); `quizkit unsuspend {quote_arg(c.deck.name)}` brings them back"
            )


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
    """Study due cards, then new ones: type the answer, or press Enter to reveal."""
    from quizkit.clock import now
    from quizkit.importing import bundled_deck_path, import_file
    from quizkit.study import Session, due_in_words
    from quizkit.terminal import open_learner

    if (tag is not None or seed is not None) and not cram:
        raise click.UsageError("--tag and --seed work only with --cram")
    store = open_store(db)
    if demo:
        deck, _report = import_file(store, bundled_deck_path(), now())
    chosen = store.deck(deck) if deck else None
    if cram:
        run_cram(store, chosen, tag, seed)
        return
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
    for card in summary.leeches:
        click.echo(f"Suspended as a leech (failed 8 times): {card.prompt}")
    if summary.next_due is not None:
        click.echo(f"Next card due {due_in_words(summary.next_due, now())}.")


@cli.command()
@click.argument("articles", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--deck", "deck_name", required=True, help="Deck to fill (created if new).")
@click.option("--out", type=click.Path(path_type=Path), help="Write a deck file instead.")
@click.option("--dry-run", is_flag=True, help="Print the questions; store nothing.")
@click.option("--review", is_flag=True, help="Keep, edit or drop each note before storing.")
@click.option("--seed", default=0, show_default=True, help="Seed for option order and choice.")
@click.option("--year", type=int, help="Year for dates that name none.")
@db_option
@reports_errors
def generate(
    articles: tuple[Path, ...],
    deck_name: str,
    out: Path | None,
    dry_run: bool,
    review: bool,
    seed: int,
    year: int | None,
    db: str | None,
) -> None:
    """Build a question deck from news articles, read together."""
    from quizkit.clock import now
    from quizkit.generate import notes_from_articles, store_notes, write_deck_file
    from quizkit.models import DeckInfo
    from quizkit.terminal import review_generated

    generated = notes_from_articles(list(articles), now().date(), seed=seed, year=year, warn=warn)
    for error in generated.errors:
        warn(str(error))
    notes = generated.notes
    if review:
        reviewed = review_generated(notes, sys.stdin, sys.stderr)
        if reviewed is None:
            raise click.ClickException("review stopped; nothing stored")
        notes = reviewed
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
        report = store_notes(open_store(db), deck, notes, now())
        click.echo(
            f"deck {deck_name!r}: {report.added} added, {report.updated} updated, "
            f"{report.unchanged} unchanged"
        )
    if generated.errors:
        sys.exit(1)


@cli.command()
@click.argument("note")
@click.option("--question", help="New question text.")
@click.option("--answer", help="New answer.")
@click.option("--alternative", "alternatives", multiple=True, help="Accepted answer (repeat).")
@click.option("--distractor", "distractors", multiple=True, help="Wrong option (repeat).")
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
    """Change a stored note (by id or guid); its review history is kept."""
    from dataclasses import replace

    from quizkit.clock import now

    store = open_store(db)
    note_id, current = store.find_note(note)
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
@click.argument("note")
@db_option
@reports_errors
def drop(note: str, db: str | None) -> None:
    """Take a note out of study (by id or guid); it and its history stay on record."""
    from quizkit.clock import now

    store = open_store(db)
    note_id, current = store.find_note(note)
    store.drop_note(note_id, now())
    click.echo(f"note {note_id} dropped: {current.question}")


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
    from quizkit.clock import now
    from quizkit.errors import QuizkitError
    from quizkit.extract import extract_files, to_json, to_text

    try:
        day = ref_date.date() if ref_date else None
        docs, errors, warnings = extract_files(articles, year, day, today=now().date())
    except QuizkitError as exc:
        raise click.ClickException(str(exc)) from None
    for message in [*warnings, *(str(e) for e in errors)]:
        click.echo(f"quizkit: {message}", err=True)
    click.echo(f"{to_json(docs)}\n" if as_json else to_text(docs), nl=False)
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
@click.argument("deck")
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
def quiz(deck: str, db: str | None, count: int, mode: str, seed: int | None, record: bool) -> None:
    """A practice test: random questions, a score, and the ones you missed."""
    import random

    from quizkit.clock import now
    from quizkit.practice_terminal import open_quiz_terminal, quiz_report_lines
    from quizkit.quiz import Recorder, build_quiz, run_quiz

    store = open_store(db)
    cards = store.deck_cards(store.deck(deck))
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
            click.echo(f"Suspended as a leech (failed 8 times): {card.prompt}")
    else:
        click.echo("The schedule is unchanged (--record counts a test as reviews).")
    again = f"quizkit quiz {quote_arg(deck)}"
    again += f" --count {count}" if count != QUIZ_COUNT else ""
    again += f" --mode {mode}" if mode != QUIZ_MODE else ""
    click.echo(f"The same test again: {again} --seed {seed}")


@cli.command()
@click.argument("deck", required=False)
@db_option
@click.option("--json", "as_json", is_flag=True, help="Write JSON.")
@click.option(
    "--html",
    "html_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write a self-contained HTML report with charts to this file.",
)
@reports_errors
def stats(deck: str | None, db: str | None, as_json: bool, html_file: Path | None) -> None:
    """Cards by state, reviews, true retention, intervals, forecast, hardest cards, streak.

    A mature card is one whose previous review was 21 or more days before (as in Anki);
    true retention is the share of its reviews answered Hard, Good or Easy. Lapses count
    every Again rating. Days are local days; weeks start on Monday.
    """
    import shutil

    from quizkit.clock import now
    from quizkit.errors import QuizkitError
    from quizkit.stats import compute_stats

    store = open_store(db)
    figures = compute_stats(store, store.deck(deck) if deck else None, now())
    if html_file is not None:
        from quizkit.stats_html import render_stats_html

        try:
            html_file.write_text(render_stats_html(figures), encoding="utf-8")
        except OSError as error:
            raise QuizkitError(f"{html_file}: cannot write: {error.strerror}") from None
        click.echo(f"Wrote {html_file}", err=True)
        if not as_json:
            return
    if as_json:
        click.echo(json.dumps(figures.to_json(), indent=2, ensure_ascii=False))
        return
    from quizkit.charts import plain
    from quizkit.stats_text import render_stats

    # colour only on a terminal, and never when NO_COLOR is set; the bars read without it
    colour = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    paint = functools.partial(click.style, fg="cyan") if colour else plain
    for line in render_stats(figures, shutil.get_terminal_size().columns, paint):
        click.echo(line)


@cli.command()
@click.argument("deck")
@click.argument("card_ids", nargs=-1, type=int, metavar="[CARD_ID]...")
@db_option
@reports_errors
def unsuspend(deck: str, card_ids: tuple[int, ...], db: str | None) -> None:
    """Bring back a deck's suspended cards: all of them, or those given by id.

    A card rated Again 8 times in all is a leech: it is suspended and `quizkit decks` says so.
    Brought back, it is suspended again at every 4 more Again ratings (12, 16, ...).
    """
    from quizkit.errors import QuizkitError

    store = open_store(db)
    chosen = store.deck(deck)
    for card_id in card_ids:
        if not store.card_in_deck(chosen, card_id):
            raise QuizkitError(f"no card {card_id} in deck {chosen.name!r}")
    ids = list(card_ids) or store.suspended_card_ids(chosen)
    changed = store.unsuspend(chosen, ids)
    click.echo(f"Unsuspended {changed} card{'s' if changed != 1 else ''} in {chosen.name!r}.")


# handouts ----------------------------------------------------------------


@cli.command("print")
@click.argument("deck")
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
    "--media",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder that notes' image paths are relative to (default: current folder).",
)
@db_option
@reports_errors
def print_command(
    deck: str,
    output: Path | None,
    layout: str,
    title: str | None,
    paper: str | None,
    key_file: Path | None,
    no_key: bool,
    sources: bool,
    versions: int,
    seed: int | None,
    tags: tuple[str, ...],
    kinds: tuple[str, ...],
    limit: int | None,
    shuffle: bool,
    media: Path | None,
    db: str | None,
) -> None:
    """Write a printable HTML handout of DECK: worksheet, test or flashcards, with answer key."""
    import random

    from quizkit.exporters.html import print_handout
    from quizkit.handouts import HandoutOptions, default_paper

    if key_file and no_key:
        raise click.UsageError("--key FILE and --no-key cannot be used together")
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
        key="separate" if key_file else "none" if no_key else "end",
        sources=sources,
        media_dir=media,
    )
    report = print_handout(open_store(db), deck, options, output, key_file)
    if report.html is not None:
        click.echo(report.html, nl=False)
        return
    count = report.handout.question_count
    written = f"{output}" + (f" and key {key_file}" if key_file else "")
    warn(f"{count} question{'s' if count != 1 else ''} in {layout} form: wrote {written}")


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
    """Write a deck for other tools: Anki CSV/TSV, Anki package, JSON, Markdown, deck file, HTML.

    `--format html` writes the default handout (a worksheet with its key); `quizkit print`
    offers the handout's options.
    """
    from quizkit.clock import now
    from quizkit.exporting import export_deck, format_for

    chosen = format_for(output, fmt)
    if chosen == "html":
        from quizkit.exporters.html import print_handout
        from quizkit.handouts import HandoutOptions, default_paper

        options = HandoutOptions(paper=default_paper(os.environ))
        report = print_handout(open_store(db), deck, options, output)
        if report.html is not None:
            click.echo(report.html, nl=False)
        else:
            click.echo(f"{output}: {report.handout.question_count} questions written", err=True)
        return
    count, text = export_deck(open_store(db), deck, chosen, output, now())
    if text is not None:
        click.echo(text, nl=False)
    else:
        click.echo(f"{output}: {count} note{'s' if count != 1 else ''} written", err=True)
