"""Handouts as values: selection, sections, versions, flashcard mirroring, paper default."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from quizkit.errors import HandoutError
from quizkit.handouts import (
    HandoutOptions,
    answer_space,
    build_handout,
    country_named_in,
    default_paper,
    flashcard_sheets,
    matching_pair,
)
from quizkit.importing import import_file
from quizkit.models import PrintNote, SourceRef
from quizkit.store import Store

SAMPLE = "Harbour summit, spring 2031"
SAMPLE_DECK = Path(__file__).parent / "decks" / "print-sample.toml"


@pytest.fixture
def sample(store: Store, now: datetime) -> list[PrintNote]:
    import_file(store, SAMPLE_DECK, now)
    return store.print_notes(store.deck(SAMPLE))


def note(number: int, **fields: object) -> PrintNote:
    values: dict[str, object] = {"question": f"Question {number}?", "answer": f"Answer {number}"}
    values.update(fields)
    return PrintNote(id=number, **values)  # type: ignore[arg-type]


def prompts(handout_version: object) -> list[str]:
    return [i.prompt for s in handout_version.sections for i in s.items]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("environ", "paper"),
    [
        ({}, "a4"),
        ({"LANG": "en_US.UTF-8"}, "letter"),
        ({"LANG": "fr_CA.UTF-8"}, "letter"),
        ({"LANG": "es_MX"}, "letter"),
        ({"LANG": "en_GB.UTF-8"}, "a4"),
        ({"LANG": "de_DE.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "letter"),
        ({"LANG": "en_US.UTF-8", "LC_PAPER": "en_IE.UTF-8"}, "a4"),
        ({"LC_ALL": "C.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "a4"),
        ({"LC_ALL": "", "LANG": "en_PH.UTF-8"}, "letter"),
        ({"LANG": "C"}, "a4"),
    ],
)
def test_default_paper_follows_the_locale_country(environ: dict[str, str], paper: str) -> None:
    assert default_paper(environ) == paper


def test_officials_pair_with_their_countries(sample: list[PrintNote]) -> None:
    pairs = [matching_pair(n) for n in sample]
    assert [p for p in pairs if p] == [
        ("Ilona Varga", "Hungary"),
        ("Tomas Berg", "Norway"),
        ("Ana Petrescu", "Romania"),
        ("Luis Ortega", "Chile"),
    ]


@pytest.mark.parametrize(
    ("question", "country"),
    [
        ("Who was Armenia's defense minister?", "Armenia"),
        ("Who was the President of Kazakhstan in 2022?", "Kazakhstan"),
        ("Who was the prime minister of the United Kingdom?", "United Kingdom"),
        ("Who is Bosnia and Herzegovina's foreign minister?", "Bosnia and Herzegovina"),
        ("Who commanded the forces in Kazakhstan?", None),
        ("Who was the head of the CSTO's staff?", None),
    ],
)
def test_country_named_in_a_question(question: str, country: str | None) -> None:
    assert country_named_in(question) == country


def test_test_has_every_section_and_each_question_once(sample: list[PrintNote]) -> None:
    handout = build_handout(SAMPLE, sample, HandoutOptions(layout="test", seed=3))
    (version,) = handout.versions
    assert [(s.kind, len(s.items)) for s in version.sections] == [
        ("choice", 6),
        ("truefalse", 1),
        ("short", 1),
        ("matching", 4),
    ]
    numbers = [i.number for s in version.sections for i in s.items]
    assert numbers == list(range(1, 13))
    assert [k.number for k in version.key] == numbers
    asked = {n.question for n in sample if not matching_pair(n) and n.kind != "truefalse"}
    statement = "The summit agreed to close the harbour to cruise ships."
    officials = {"Ilona Varga", "Tomas Berg", "Ana Petrescu", "Luis Ortega"}
    assert sorted(prompts(version)) == sorted(asked | officials | {statement})
    choice = version.sections[0]
    for item, entry in zip(choice.items, version.key, strict=False):
        assert len(item.options) == 4
        letter, _, text = entry.answer.partition(". ")
        assert {o.letter: o.text for o in item.options}[letter] == text
    matching = version.sections[3]
    assert sorted(o.text for o in matching.choices) == ["Chile", "Hungary", "Norway", "Romania"]
    key = {k.number: k.answer for k in version.key}
    home = {"Ilona Varga": "Hungary", "Tomas Berg": "Norway", "Ana Petrescu": "Romania"}
    letters = {o.text: o.letter for o in matching.choices}
    for item in matching.items:
        country = home.get(item.prompt, "Chile")
        assert key[item.number] == f"{letters[country]}. {country}"


def test_made_up_true_false_key_matches_the_claim(sample: list[PrintNote]) -> None:
    notes = [n for n in sample if n.kind != "truefalse"]
    by_question = {n.question: n for n in notes}
    truths = set()
    for seed in range(6):
        options = HandoutOptions(layout="test", seed=seed)
        version = build_handout(SAMPLE, notes, options).versions[0]
        section = next(s for s in version.sections if s.kind == "truefalse")
        assert section.instructions == "Circle T if the answer given is right, F if it is wrong."
        key = {k.number: k.answer for k in version.key}
        for item in section.items:
            right = by_question[item.prompt].answer
            expected = "True" if item.claim == right else f"False (the answer is {right})"
            assert key[item.number] == expected
            truths.add(item.claim == right)
    assert truths == {True, False}


def test_versions_hold_the_same_questions_in_other_orders(sample: list[PrintNote]) -> None:
    options = HandoutOptions(layout="test", seed=11, versions=3)
    handout = build_handout(SAMPLE, sample, options)
    assert [v.label for v in handout.versions] == ["A", "B", "C"]
    orders = [prompts(v) for v in handout.versions]
    assert sorted(orders[0]) == sorted(orders[1]) == sorted(orders[2])
    assert len({tuple(o) for o in orders}) == 3
    options_a = [o.text for o in handout.versions[0].sections[0].items[0].options]
    same_q = next(
        i
        for i in handout.versions[1].sections[0].items
        if i.prompt == handout.versions[0].sections[0].items[0].prompt
    )
    assert sorted(options_a) == sorted(o.text for o in same_q.options)
    assert build_handout(SAMPLE, sample, options) == handout


def test_worksheet_keeps_deck_order_unless_shuffled(sample: list[PrintNote]) -> None:
    plain = build_handout(SAMPLE, sample, HandoutOptions(seed=1)).versions[0]
    assert prompts(plain) == [n.question for n in sample]
    shuffled = build_handout(SAMPLE, sample, HandoutOptions(seed=1, shuffle=True)).versions[0]
    assert prompts(shuffled) != prompts(plain)
    assert sorted(prompts(shuffled)) == sorted(prompts(plain))
    assert [k.answer for k in plain.key] == [n.answer for n in sample]


@pytest.mark.parametrize(
    ("options", "count", "first"),
    [
        (HandoutOptions(tags=("date",)), 2, "On what date did the harbour summit open?"),
        (HandoutOptions(kinds=("number", "participants")), 3, "How many new ferries"),
        (HandoutOptions(limit=2), 2, "Who was Hungary's transport minister"),
        (HandoutOptions(kinds=("official",), limit=3), 3, "Who was Hungary's transport minister"),
    ],
)
def test_selection(
    sample: list[PrintNote], options: HandoutOptions, count: int, first: str
) -> None:
    version = build_handout(SAMPLE, sample, options).versions[0]
    assert len(prompts(version)) == count
    assert prompts(version)[0].startswith(first)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            HandoutOptions(tags=("sport",)),
            f"deck {SAMPLE!r}: no notes with tag sport (tags: date, number, official, "
            "participants, place, truefalse)",
        ),
        (
            HandoutOptions(kinds=("basic",), tags=("date",)),
            f"deck {SAMPLE!r}: no notes with tag date (tags: date, number, official, "
            "participants, place, truefalse) and kind basic (kinds: basic, date, number, "
            "official, participants, truefalse)",
        ),
        (
            HandoutOptions(layout="flashcards", versions=2),
            "--versions applies to the worksheet and test layouts",
        ),
    ],
)
def test_impossible_handouts_say_why(
    sample: list[PrintNote], options: HandoutOptions, message: str
) -> None:
    with pytest.raises(HandoutError) as error:
        build_handout(SAMPLE, sample, options)
    assert str(error.value) == message


def test_flashcard_backs_are_mirrored_row_by_row() -> None:
    notes = [note(n) for n in range(1, 12)]
    sheets = flashcard_sheets(notes, HandoutOptions(layout="flashcards"))
    assert len(sheets) == 2
    numbers = [
        [c.number if c else None for c in side] for side in (sheets[1].fronts, sheets[1].backs)
    ]
    assert numbers == [
        [9, 10, 11, None, None, None, None, None],
        [10, 9, None, 11, None, None, None, None],
    ]
    assert [c.answer for c in sheets[0].backs if c][:2] == ["Answer 2", "Answer 1"]


@pytest.mark.parametrize(
    ("answer", "extra", "space"),
    [
        ("13 January 2022", {}, (1, True)),
        ("liquefied petroleum gas", {}, (1, True)),
        ("The withdrawal began after the situation had stabilised.", {}, (2, False)),
        ("x" * 500, {}, (6, False)),
        ("Russia, Armenia, Belarus", {"items": ["Russia", "Armenia", "Belarus"]}, (3, True)),
    ],
)
def test_answer_lines_fit_the_answer(
    answer: str, extra: dict[str, object], space: tuple[int, bool]
) -> None:
    assert answer_space(note(1, answer=answer, extra=extra)) == space


def test_sources_show_only_when_asked() -> None:
    notes = [note(1, sources=(SourceRef("paper-one", 3), SourceRef("paper-two")))]
    bare = build_handout("d", notes, HandoutOptions()).versions[0].key[0]
    cited = build_handout("d", notes, HandoutOptions(sources=True)).versions[0].key[0]
    assert bare.sources == ()
    assert cited.sources == ("paper-one, sentence 3", "paper-two")


def test_deck_true_false_statements_are_used_as_written() -> None:
    notes = [
        note(1, kind="truefalse", question="The sun is a star.", answer="true"),
        note(2, extra={"truefalse": [{"statement": "Ice is hot.", "true": False}]}),
        note(3, distractors=("Wrong",)),
    ]
    version = build_handout("d", notes, HandoutOptions(layout="test")).versions[0]
    tf = next(s for s in version.sections if s.kind == "truefalse")
    assert [(i.prompt, i.claim) for i in tf.items] == [
        ("The sun is a star.", None),
        ("Ice is hot.", None),
    ]
    key = {k.number: k.answer for k in version.key}
    assert [key[i.number] for i in tf.items] == ["True", "False"]
    assert tf.instructions == "Circle T if the statement is true, F if it is false."


def test_worksheet_true_false_notes_are_circled_not_written(sample: list[PrintNote]) -> None:
    version = build_handout(SAMPLE, sample, HandoutOptions()).versions[0]
    (item,) = [i for i in version.sections[0].items if i.truefalse]
    assert item.prompt == "True or false: the summit agreed to close the harbour to cruise ships."
    assert version.key[item.number - 1].answer == "False"


def test_matching_says_when_a_country_is_used_twice() -> None:
    people = [("Ada Lind", "Norway"), ("Bo Sand", "Norway"), ("Cy Rao", "Chile")]
    people += [("Di Moss", "Peru"), ("Ed Hale", "Japan")]
    notes = [
        note(n, kind="official", question=f"Who was {country}'s envoy?", answer=person)
        for n, (person, country) in enumerate(people, start=1)
    ]
    version = build_handout("d", notes, HandoutOptions(layout="test", seed=1)).versions[0]
    (matching,) = version.sections
    assert sorted(i.prompt for i in matching.items) == sorted(p for p, _ in people)
    assert sorted(o.text for o in matching.choices) == ["Chile", "Japan", "Norway", "Peru"]
    assert matching.instructions.endswith(" A country may be used more than once.")


def test_multiple_choice_never_shows_the_answer_twice() -> None:
    notes = [note(1, answer="Oslo", distractors=("oslo", "Bergen", "Bergen", "Tromsø"))]
    version = build_handout("d", notes, HandoutOptions(layout="test")).versions[0]
    (item,) = version.sections[0].items
    assert sorted(o.text for o in item.options) == ["Bergen", "Oslo", "Tromsø"]


def test_a_question_and_its_variants_never_share_a_sheet() -> None:
    who = note(
        1,
        question="Who was the Foreign Minister of Tarsia?",
        answer="Olga Tamm",
        kind="official",
        extra={"fact": "official:tarsia:olga tamm"},
    )
    where = note(
        2,
        question="Olga Tamm was the Foreign Minister of which country?",
        answer="Tarsia",
        kind="official",
        distractors=("Varnia", "Ostland", "Belmar"),
        extra={"fact": "official:tarsia:olga tamm"},
    )
    statement = note(
        3,
        question="True or false: Olga Tamm was the Foreign Minister of Varnia.",
        answer="False",
        kind="truefalse",
        extra={"truth": False, "fact": "official:tarsia:olga tamm"},
    )
    other = note(
        4,
        question="When did the Varna talks open?",
        answer="3 May 2031",
        kind="date",
        extra={"fact": "date:2031-05-03:varna talks"},
    )
    imported = note(5, question="Capital of Tarsia?", answer="Belmar")
    again = note(6, question="Capital of Tarsia, again?", answer="Belmar")
    notes = [who, where, statement, other, imported, again]
    for layout in ("worksheet", "test"):
        for seed in range(4):
            options = HandoutOptions(layout=layout, seed=seed, shuffle=True)
            asked = prompts(build_handout("d", notes, options).versions[0])
            tamm = [p for p in asked if "Olga Tamm" in p or "Foreign Minister of Tarsia" in p]
            assert len(tamm) == 1, asked
            assert "When did the Varna talks open?" in asked
            assert {"Capital of Tarsia?", "Capital of Tarsia, again?"} <= set(asked)
