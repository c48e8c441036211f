"""`generate --review`: drops are remembered, answers fixed with their alternatives, options
and alternatives edited, quitting asks whether to keep the work, and a key keeps the rest."""

from __future__ import annotations

import io
import json
from pathlib import Path

from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.models import Note
from quizkit.note_review import review_notes, with_answer
from quizkit.store import Store

NATO = Path(__file__).parent / "articles" / "nato-estonia-deployment.txt"
HARBOUR = Note(
    "When did the Lisk ferry start?",
    "13 January 2022",
    "n-ferry",
    kind="date",
    alternatives=("2022-01-13", "Jan 13 2022", "the winter ferry"),
    distractors=("14 January 2022", "2 March 2021", "9 May 2020"),
    extra={"answer_type": "date"},
)
CHAIR = Note(
    "Who chairs the Kelmar harbour board?",
    "Ada Morrow",
    "n-chair",
    kind="official",
    alternatives=("Morrow", "A. Morrow", "the chair"),
    distractors=("Ben Lisk", "Cora Vend"),
    extra={"answer_type": "person"},
)


def review(notes: list[Note], keys: str) -> tuple[object, str]:
    out = io.StringIO()
    return review_notes(notes, io.StringIO(keys), out), out.getvalue()


def test_fixing_an_answer_fixes_its_alternatives_and_options() -> None:
    day = with_answer(HARBOUR, "14 January 2022")
    assert day.alternatives == ("the winter ferry", "2022-01-14")
    assert day.distractors == ("2 March 2021", "9 May 2020")
    person = with_answer(CHAIR, "Ben Lisk")
    assert person.alternatives == ("the chair",)
    assert person.distractors == ("Cora Vend",)


def test_alternatives_and_options_are_edited_in_review() -> None:
    keys = "e\n\n14 January 2022\n\nMay 9 2020 | 2 March 2021\n"
    reviewed, shown = review([HARBOUR], keys)
    assert "also right: 2022-01-13 | Jan 13 2022 | the winter ferry" in shown
    assert "(Enter keeps: the winter ferry | 2022-01-14; - for none)" in shown
    (note,) = reviewed.kept  # type: ignore[attr-defined]
    assert (note.answer, note.alternatives, note.distractors) == (
        "14 January 2022",
        ("the winter ferry", "2022-01-14"),
        ("May 9 2020", "2 March 2021"),
    )
    reviewed, _ = review([CHAIR], "e\n\n\n-\n\n")
    assert reviewed.kept[0].alternatives == ()  # type: ignore[attr-defined]
    assert reviewed.kept[0].distractors == CHAIR.distractors  # type: ignore[attr-defined]


def test_quitting_asks_whether_to_keep_what_was_reviewed() -> None:
    third = Note("Third?", "three", "n-3")
    kept, shown = review([HARBOUR, CHAIR, third], "k\nd\nq\ny\n")
    assert "keep the 2 notes reviewed so far (the rest are left out)? [y/N]" in shown
    assert [n.guid for n in kept.kept] == ["n-ferry"]  # type: ignore[attr-defined]
    assert [n.guid for n in kept.dropped] == ["n-chair"]  # type: ignore[attr-defined]
    assert review([HARBOUR, CHAIR, third], "k\nq\n\n")[0] is None
    assert review([HARBOUR, CHAIR, third], "k\n")[0] is None  # input ended: nothing kept


def test_a_keeps_this_note_and_the_rest() -> None:
    third = Note("Third?", "three", "n-3")
    reviewed, shown = review([HARBOUR, CHAIR, third], "d\na\n")
    assert [n.guid for n in reviewed.kept] == ["n-chair", "n-3"]  # type: ignore[attr-defined]
    assert [n.guid for n in reviewed.dropped] == ["n-ferry"]  # type: ignore[attr-defined]
    assert "[3/3]" not in shown


def test_a_note_dropped_in_review_stays_dropped_when_generated_again(store: Store) -> None:
    runner = CliRunner()
    args = ["generate", str(NATO), "--deck", "NATO"]
    first = runner.invoke(cli, [*args, "--review"], input="k\nd\na\n")
    assert first.exit_code == 0, first.output
    cards = json.loads(runner.invoke(cli, ["show", "NATO", "--json"]).output)["cards"]
    dropped = {c["question"] for c in cards if c["dropped"]}
    assert len(dropped) == 1
    again = runner.invoke(cli, args)
    assert again.exit_code == 0, again.output
    cards = json.loads(runner.invoke(cli, ["show", "NATO", "--json"]).output)["cards"]
    assert {c["question"] for c in cards if c["dropped"]} == dropped
    assert all(c["suspended"] for c in cards if c["dropped"])
    handout = runner.invoke(cli, ["print", "NATO", "--seed", "1"]).output
    assert dropped.pop() not in handout


def test_quitting_the_review_can_store_what_was_reviewed(store: Store) -> None:
    runner = CliRunner()
    args = ["generate", str(NATO), "--deck", "NATO", "--review"]
    result = runner.invoke(cli, args, input="k\nk\nq\ny\n")
    assert result.exit_code == 0, result.output
    assert "deck 'NATO': 2 added" in result.output
    stopped = runner.invoke(cli, [*args[:-1], "--deck", "Other", "--review"], input="k\nq\nn\n")
    assert stopped.exit_code == 1
    assert "Error: review stopped; nothing stored" in stopped.output
