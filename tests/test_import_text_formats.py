"""Markdown, JSON, SuperMemo Q&A and Mnemosyne imports, and format detection."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from quizkit.errors import InputError
from quizkit.importers import ImportOptions, detect_format, read_notes
from quizkit.models import SourceRef


def parsed(path: Path, options: ImportOptions | None = None) -> list[tuple[Any, ...]]:
    batch = read_notes(path, options or ImportOptions())
    return [(n.line, n.question, n.answer, n.tags, n.reverse) for n in batch.notes]


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MARKDOWN = """\
---
deck: "Capitals & rivers"
---

Some prose that is not a card.

# Europe

France::Paris
Germany:::Berlin

## Rivers

Longest river
of France
?
Loire
<!--SR:!2022-01-05,3,250-->

# Asia

Kazakhstan
??
Astana

```
code::not a card
```
"""


def test_markdown_cards_and_heading_tags(tmp_path: Path) -> None:
    path = write(tmp_path, "notes.md", MARKDOWN)
    batch = read_notes(path, ImportOptions())
    assert batch.deck.name == "Capitals & rivers"
    assert parsed(path) == [
        (9, "France", "Paris", ("Europe",), False),
        (10, "Germany", "Berlin", ("Europe",), True),
        (14, "Longest river\nof France", "Loire", ("Europe", "Rivers"), False),
        (22, "Kazakhstan", "Astana", ("Asia",), True),
    ]


def test_markdown_bad_card(tmp_path: Path) -> None:
    path = write(tmp_path, "m.md", "ok::fine\n::no question\n")
    with pytest.raises(InputError) as error:
        read_notes(path, ImportOptions())
    assert str(error.value) == f"{path}:2: card has no question"


def test_json_list_of_objects(tmp_path: Path) -> None:
    text = """[
  {"question": "Capital of France?", "answer": "Paris", "tags": ["geo"],
   "distractors": ["Lyon", "Nice"], "sources": ["atlas", {"document": "news", "sentence": 4}]},
  {"front": "dog", "back": "Hund", "reverse": true},
  {"term": "felis", "definition": "cat", "tags": "latin animals"}
]"""
    path = write(tmp_path, "list.json", text)
    batch = read_notes(path, ImportOptions())
    first = batch.notes[0]
    assert first.distractors == ("Lyon", "Nice")
    assert first.sources == (SourceRef("atlas"), SourceRef("news", 4))
    assert parsed(path) == [
        (2, "Capital of France?", "Paris", ("geo",), False),
        (4, "dog", "Hund", (), True),
        (5, "felis", "cat", ("latin", "animals"), False),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[{"question": "q"}]', "1: note has no answer"),
        ('[\n  {"question": "q", "answer": "a", "tags": [1]}\n]', "2: 'tags' must be a list of strings"),  # noqa: E501
        ('{"notes": 3}', " expected a list of notes, or an object with a 'notes' list"),
        ('[{"question": "q",', "1: invalid JSON: Expecting property name enclosed in double quotes"),  # noqa: E501
    ],
)  # fmt: skip
def test_json_errors(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, "bad.json", text)
    with pytest.raises(InputError) as error:
        read_notes(path, ImportOptions())
    assert str(error.value) == f"{path}:{message}"


def test_supermemo_q_and_a(tmp_path: Path) -> None:
    text = (
        "Q: What is 2+2?\nA: 4\n\nQ: Name two\nprimes\nA: 2\nA: 3\nQ: Capital of Peru?\nA: Lima\n"
    )
    path = write(tmp_path, "sm.txt", text)
    assert detect_format(path, ImportOptions()) == "supermemo"
    assert parsed(path) == [
        (1, "What is 2+2?", "4", (), False),
        (4, "Name two\nprimes", "2\n3", (), False),
        (8, "Capital of Peru?", "Lima", (), False),
    ]


def test_supermemo_question_without_answer(tmp_path: Path) -> None:
    path = write(tmp_path, "sm.txt", "Q: one\nA: 1\n\nQ: two\n")
    with pytest.raises(InputError) as error:
        read_notes(path, ImportOptions(format="supermemo"))
    assert str(error.value) == f"{path}:4: question without an A: line"


MNEMOSYNE_XML = """<?xml version="1.0" encoding="UTF-8"?>
<mnemosyne core_version="1" time_of_start="1640995200">
<category active="1"><name>&lt;default&gt;</name></category>
<category active="1"><name>Geography</name></category>
<item id="a1" gr="2" e="2.5"><cat>Geography</cat>
<Q>Capital of &lt;b&gt;France&lt;/b&gt;?</Q><A>Paris</A></item>
<item id="a2" gr="0"><cat>&lt;default&gt;</cat><Q>2+2</Q><A>4</A></item>
</mnemosyne>
"""


def test_mnemosyne_xml(tmp_path: Path) -> None:
    path = write(tmp_path, "export.xml", MNEMOSYNE_XML)
    assert parsed(path) == [
        (None, "Capital of France?", "Paris", ("Geography",), False),
        (None, "2+2", "4", (), False),
    ]


def test_mnemosyne_xml_with_entities_is_refused(tmp_path: Path) -> None:
    bomb = '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">]>\n<mnemosyne/>'
    path = write(tmp_path, "bomb.xml", bomb)
    with pytest.raises(InputError) as error:
        read_notes(path, ImportOptions())
    assert str(error.value) == f"{path}: XML with a DOCTYPE or entities is not accepted"


def test_mnemosyne_2_database(tmp_path: Path) -> None:
    path = tmp_path / "default.db"
    db = sqlite3.connect(path)
    db.executescript(
        """CREATE TABLE cards (_id INTEGER PRIMARY KEY, id TEXT, card_type_id TEXT,
               _fact_id INTEGER, fact_view_id TEXT, question TEXT, answer TEXT, tags TEXT);
           CREATE TABLE tags (_id INTEGER PRIMARY KEY, id TEXT, name TEXT);
           CREATE TABLE tags_for_card (_card_id INTEGER, _tag_id INTEGER);
           INSERT INTO cards VALUES (1, 'c1', '1', 1, '1.1', '<b>dog</b>', 'Hund', 'German');
           INSERT INTO cards VALUES (2, 'c2', '1', 2, '1.1', 'cat', 'Katze<br>f.', '');
           INSERT INTO tags VALUES (1, 't1', 'German'), (2, 't2', '__UNTAGGED__');
           INSERT INTO tags_for_card VALUES (1, 1), (2, 2);"""
    )
    db.commit()
    db.close()
    batch = read_notes(path, ImportOptions())
    got = [(n.guid, n.question, n.answer, n.tags) for n in batch.notes]
    assert got == [
        ("mnemosyne-c1", "dog", "Hund", ("German",)),
        ("mnemosyne-c2", "cat", "Katze\nf.", ()),
    ]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("deck.toml", "", "deck"),
        ("x.txt", "[deck]\nname = 'x'\n", "deck"),
        ("x.csv", "a,b\n", "csv"),
        ("x.tsv", "a\tb\n", "tsv"),
        ("x.txt", "#separator:tab\na\tb\n", "anki-text"),
        ("x.txt", "a\tb\n", "csv"),
        ("x.json", "[]", "json"),
        ("export", '[{"q": 1}]', "json"),
        ("x.md", "a::b\n", "md"),
        ("x.txt", "Q: a\nA: b\n", "supermemo"),
        ("x", "<?xml version='1.0'?><mnemosyne/>", "mnemosyne"),
        ("x.bin", "PK\x03\x04", "apkg"),
    ],
)
def test_format_detection(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = write(tmp_path, name, content)
    assert detect_format(path, ImportOptions()) == expected


@pytest.mark.parametrize(
    ("html", "text", "media"),
    [
        ("a<br>b<br/>c", "a\nb\nc", ()),
        ("<div>one</div><div>two</div>", "one\ntwo", ()),
        ("x&nbsp;&amp;&lt;y&gt; &#233;", "x &<y> é", ()),
        ("hi<script>alert(1)</script><style>p{}</style>!", "hi!", ()),
        ('<img src="a.png"> pic [sound:b.mp3]', "pic", ("a.png", "b.mp3")),
        ("  spaced   out  ", "spaced out", ()),
    ],
)
def test_anki_html_to_text(html: str, text: str, media: tuple[str, ...]) -> None:
    from quizkit.importers.ankihtml import html_to_text

    converted = html_to_text(html)
    assert (converted.text, converted.media) == (text, media)


@pytest.mark.parametrize(
    ("number", "question", "answer"),
    [
        (1, "[...] and [...] are in France", "Paris, Lyon"),
        (2, "Paris and Lyon are in [country]", "France"),
    ],
)
def test_cloze_cards(number: int, question: str, answer: str) -> None:
    from quizkit.importers.ankihtml import cloze_card, cloze_numbers

    text = "{{c1::Paris}} and {{c1::Lyon}} are in {{c2::France::country}}"
    assert cloze_numbers(text) == [1, 2]
    assert cloze_card(text, number) == (question, answer)
