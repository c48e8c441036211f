"""The HTML file: self-contained, escaped, one code path for `quizkit print` and export."""

from __future__ import annotations

import base64
import re
import subprocess
import sys
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.errors import HandoutError
from quizkit.exporters.html import css_string, export_html
from quizkit.handouts import LAYOUTS, HandoutOptions, image_data_uri
from quizkit.models import DeckInfo, Note, SourceRef
from quizkit.store import Store

REPO = Path(__file__).resolve().parents[1]
HOSTILE = [
    "<script>alert('q')</script>",
    '<img src=x onerror="alert(1)">',
    "</style><b>bold</b>",
    '"; } body { display: none } /*',
]


class Collected(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.style += data
        else:
            self.text.append(data)


def parse(html: str) -> Collected:
    parser = Collected()
    parser.feed(html)
    parser.close()
    return parser


def add_deck(store: Store, now: datetime, name: str, notes: list[Note]) -> None:
    deck = store.ensure_deck(DeckInfo(name), now)
    store.upsert_notes(deck, notes, now)


def hostile_notes() -> list[Note]:
    notes = []
    for i, text in enumerate(HOSTILE):
        notes.append(
            Note(
                question=f"Q{i} {text}",
                answer=f"A{i} {text}",
                guid=f"h{i}",
                kind="official" if i % 2 else "date",
                distractors=(f"D{i} {text}", "plain wrong", "also wrong"),
                tags=("evil",),
                sources=(SourceRef(f"src {text}"),),
                extra={"items": [text, "x"]} if i == 0 else {},
            )
        )
    notes.append(Note(question=f"Short {HOSTILE[1]}", answer=HOSTILE[2], guid="h-short"))
    return notes


@pytest.mark.parametrize("layout", LAYOUTS)
def test_hostile_text_is_printed_literally_and_runs_nothing(
    store: Store, now: datetime, layout: str
) -> None:
    add_deck(store, now, "evil </style><script>x()</script>", hostile_notes())
    options = HandoutOptions(layout=layout, title=None, seed=2, sources=True)
    html = export_html(store, "evil </style><script>x()</script>", options)
    page = parse(html)
    assert [t for t, _ in page.tags].count("style") == 1
    assert "script" not in [t for t, _ in page.tags]
    assert html.count("</style>") == 1 and "<script" not in html and "<b>bold" not in html
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on")]
    text = "".join(page.text)
    for hostile in HOSTILE:
        assert f"Q0 {HOSTILE[0]}" in text
        assert hostile in text
    assert "evil </style><script>x()</script>" in text
    # The title also reaches the running header in the stylesheet, as CSS escapes only.
    assert "<" not in page.style and "&" not in page.style
    assert css_string("evil </style><script>x()</script>") in page.style


def test_css_string_escapes_everything_but_letters_digits_and_spaces() -> None:
    assert css_string('Déjà vu 2 "</style>') == '"Déjà vu 2 \\22 \\3c \\2f style\\3e "'


PICTURE = b"\x89PNG\r\n\x1a\nfake"
KEPT = "0123456789abcdef0123456789abcdef.png"


@pytest.mark.parametrize("layout", LAYOUTS)
def test_handout_is_self_contained(store: Store, now: datetime, layout: str) -> None:
    with store.transaction():
        store.add_media(KEPT, "dot.png", PICTURE, now)
    notes = [
        Note(
            question="What is shown?",
            answer="A dot",
            guid="img",
            distractors=("A line", "A box", "A star"),
            extra={"image": KEPT},
        )
    ]
    add_deck(store, now, "pictures", notes)
    html = export_html(store, "pictures", HandoutOptions(layout=layout))
    page = parse(html)
    tags = [t for t, _ in page.tags]
    assert "script" not in tags and "link" not in tags and "iframe" not in tags
    urls = [v or "" for _, attrs in page.tags for k, v in attrs.items() if k in ("src", "href")]
    assert urls == [f"data:image/png;base64,{base64.b64encode(PICTURE).decode()}"]
    assert "url(" not in page.style and "@import" not in page.style
    assert "http" not in html


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("https://example.org/a.png", "is not in quizkit's media folder"),
        ("/etc/hostname", "is not in quizkit's media folder"),
        ("../photo.png", "is not in quizkit's media folder"),
        ("photo.png", "is not in quizkit's media folder"),
        ("data:image/png;base64,iVBORw0K", "is not in quizkit's media folder"),
        ("fedcba9876543210.png", "no such file"),
        ("0123456789abcdef.txt", "not a PNG, JPEG, GIF or WebP picture"),
    ],
)
def test_only_pictures_kept_in_the_media_folder_are_embedded(
    tmp_path: Path, name: str, message: str
) -> None:
    (tmp_path / "0123456789abcdef.txt").write_text("secret notes")
    with pytest.raises(HandoutError, match=re.escape(message)):
        image_data_uri(name, tmp_path)


def test_a_link_in_the_media_folder_is_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.png"
    outside.write_bytes(PICTURE)
    media = tmp_path / "quizkit.media"
    media.mkdir()
    (media / "0123456789abcdef.png").symlink_to(outside)
    with pytest.raises(HandoutError, match="a link in the media folder"):
        image_data_uri("0123456789abcdef.png", media)


def test_same_seed_gives_byte_identical_files(store: Store, now: datetime) -> None:
    add_deck(store, now, "evil", hostile_notes())
    options = HandoutOptions(layout="test", versions=3, seed=5)
    first = export_html(store, "evil", options)
    assert export_html(store, "evil", options) == first
    assert export_html(store, "evil", HandoutOptions(layout="test", versions=3, seed=6)) != first


def test_letter_paper_sets_the_page_size(store: Store, now: datetime) -> None:
    add_deck(store, now, "evil", hostile_notes())
    assert "size: letter;" in export_html(store, "evil", HandoutOptions(paper="letter"))
    assert "size: A4;" in export_html(store, "evil", HandoutOptions(paper="a4"))


# the command -------------------------------------------------------------


@pytest.fixture
def sample_db(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["import", str(REPO / "tests" / "decks" / "print-sample.toml")])
    assert result.exit_code == 0, result.output


SAMPLE = "Harbour summit, spring 2031"


def test_print_writes_the_handout_and_a_separate_key(
    runner: CliRunner, sample_db: None, tmp_path: Path
) -> None:
    out, key = tmp_path / "test.html", tmp_path / "key.html"
    args = ["print", SAMPLE, "-o", str(out), "--layout", "test", "--seed", "4"]
    result = runner.invoke(cli, [*args, "--key", str(key), "--sources"])
    assert result.exit_code == 0, result.output
    assert result.output == f"quizkit: 12 questions in test form: wrote {out} and key {key}\n"
    handout, answers = out.read_text(), key.read_text()
    assert "Answer key" not in "".join(parse(handout).text)
    key_text = " ".join("".join(parse(answers).text).split())
    assert f"Answer key {SAMPLE}" in key_text
    assert "Source: harbour-wire, sentence 2" in answers
    assert "Who was Hungary" not in answers
    # The same seed from the command gives the same bytes as the core function.
    assert (
        handout == runner.invoke(cli, [*args[:2], *args[4:], "--key", str(key), "--sources"]).output
    )


def test_print_without_seed_says_which_seed_it_used(runner: CliRunner, sample_db: None) -> None:
    result = runner.invoke(cli, ["print", SAMPLE, "--layout", "test", "--versions", "2"])
    assert result.exit_code == 0
    line = result.stderr.splitlines()[0]
    seed = line.split("--seed ")[1].split()[0]
    assert (
        line
        == f"quizkit: shuffled with seed {seed}; pass --seed {seed} to get the same handout again"
    )
    again = runner.invoke(
        cli, ["print", SAMPLE, "--layout", "test", "--versions", "2", "--seed", seed]
    )
    assert again.stdout == result.stdout


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["print", "Nope"], 1, f"Error: no deck named 'Nope' (decks: {SAMPLE})"),
        (
            ["print", SAMPLE, "--tag", "sport"],
            1,
            f"Error: deck {SAMPLE!r}: no notes with tag sport (tags: date, number, official, "
            "participants, place, truefalse)",
        ),
        (
            ["print", SAMPLE, "--layout", "flashcards", "--versions", "2"],
            1,
            "Error: --versions applies to the worksheet and test layouts",
        ),
        (
            ["print", SAMPLE, "--key", "k.html", "--no-key"],
            2,
            "Error: --key FILE, --no-key and --with-key cannot be used together",
        ),
        (
            ["print", SAMPLE, "-o", "same.html", "--key", "./same.html"],
            1,
            "Error: same.html: the key needs a file of its own, not the handout's",
        ),
        (
            ["print", SAMPLE, "-o", "/nonexistent/dir/out.html"],
            1,
            "Error: /nonexistent/dir/out.html: folder /nonexistent/dir does not exist",
        ),
    ],
)
def test_print_refuses_bad_requests_in_one_line(
    runner: CliRunner, sample_db: None, args: list[str], code: int, message: str
) -> None:
    result = runner.invoke(cli, args)
    assert result.exit_code == code
    assert result.stderr.strip().splitlines()[-1] == message
    assert "Traceback" not in result.output


def test_help_does_not_load_the_handout_machinery() -> None:
    code = (
        "import sys; from quizkit.cli import cli\n"
        "try:\n    cli(['print', '--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = ('jinja2', 'pycountry', 'quizkit.handouts', 'quizkit.extract')\n"
        "print(sorted(m for m in heavy if m in sys.modules))"
    )
    env = {"PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("env", "size"),
    [
        ({"LC_ALL": None, "LC_PAPER": None, "LANG": "en_US.UTF-8"}, "letter"),
        ({"LC_ALL": None, "LC_PAPER": None, "LANG": "en_GB.UTF-8"}, "A4"),
    ],
)
def test_print_takes_the_paper_from_the_locale(
    runner: CliRunner, sample_db: None, env: dict[str, str | None], size: str
) -> None:
    result = runner.invoke(cli, ["print", SAMPLE, "--seed", "1"], env=env)
    assert result.exit_code == 0
    assert f"size: {size};" in result.stdout
    forced = runner.invoke(cli, ["print", SAMPLE, "--seed", "1", "--paper", "a4"], env=env)
    assert "size: A4;" in forced.stdout


def test_worksheet_versions_label_every_page(runner: CliRunner, sample_db: None) -> None:
    result = runner.invoke(cli, ["print", SAMPLE, "--versions", "2", "--seed", "3"])
    assert result.exit_code == 0
    html = result.stdout
    # every page is named and numbered within its version (or its key)
    assert html.count('style="page: vA-1"') == 1 and html.count('style="page: vB-1"') == 1
    assert html.count('style="page: kA-1"') == 1 and html.count('style="page: kB-1"') == 1
    first_a = html[html.index("@page vA-1 {") : html.index("@page vA-2 {")]
    assert "@top-right { content: " + css_string("Version A") in first_a
    key_b = html[html.index("@page kB-1 {") : html.index("</style>")]
    assert "@top-right { content: " + css_string("Answer key, version B") in key_b
    assert "@bottom-center { content: " + css_string("page 1 of 1") in key_b


def test_garbage_collection_is_back_on_after_a_failed_export(store: Store, now: datetime) -> None:
    import gc

    add_deck(store, now, "evil", hostile_notes())
    with pytest.raises(HandoutError):
        export_html(store, "evil", HandoutOptions(tags=("missing",)))
    assert gc.isenabled()


def test_print_and_export_html_are_one_code_path(
    runner: CliRunner, sample_db: None, isolated_env: Path
) -> None:
    args = ["print", SAMPLE, "--layout", "test", "--seed", "9", "--paper", "letter"]
    printed = runner.invoke(cli, [*args, "--versions", "2", "--title", "Quiz 3"]).stdout
    store = Store.open(isolated_env)
    options = HandoutOptions(layout="test", seed=9, paper="letter", versions=2, title="Quiz 3")
    assert export_html(store, SAMPLE, options) == printed
    store.close()


def test_printing_an_empty_deck_says_so(runner: CliRunner, store: Store, now: datetime) -> None:
    store.ensure_deck(DeckInfo("Blank"), now)
    result = runner.invoke(cli, ["print", "Blank", "--layout", "flashcards"])
    assert result.exit_code == 1
    assert result.stderr == "Error: deck 'Blank' has no notes to print\n"
