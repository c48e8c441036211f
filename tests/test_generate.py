"""Generating decks from articles: golden questions, sound options, idempotence, conflicts."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizkit.cli import cli
from quizkit.extract import extract_files
from quizkit.grading import fold, parse_date
from quizkit.importers.native import read_deck_file
from quizkit.models import Note
from quizkit.questions import build_notes
from quizkit.store import Store

ARTICLES = Path(__file__).parent / "articles"
NATO = ARTICLES / "nato-estonia-deployment.txt"
EVACUATION = sorted(ARTICLES.glob("evacuation-*.txt"))
TODAY = date(2024, 1, 1)


def notes_for(*paths: Path, seed: int = 0) -> list[Note]:
    docs, errors, _warnings = extract_files(list(paths), today=TODAY)
    assert not errors
    return build_notes(docs, seed)


def test_golden_questions_for_an_article() -> None:
    got = [(n.kind, n.question, n.answer) for n in notes_for(NATO)]
    assert got == [
        ("official", "Who was the Defense Minister of Germany in March 2023?", "Boris Pistorius"),
        ("official", "Who was the Defense Minister of Poland in March 2023?", "Mariusz Blaszczak"),
        ("official", "Who was the Defense Minister of Estonia in March 2023?", "Hanno Pevkur"),
        ("official", "Who was the Defense Minister of Latvia in March 2023?", "Inara Murniece"),
        ("official", "Who was the Secretary General of NATO in March 2023?", "Jens Stoltenberg"),
        (
            "date",
            "When did defense ministers of NATO member states agree to reinforce the alliance's "
            "eastern flank?",
            "9 March 2023",
        ),
        ("date", "When did protesters gather outside the parliament in Tallinn?", "1 March 2023"),
        (
            "participants",
            "Which four countries' defense ministers took part in the meeting on 9 March 2023? "
            "Name all four.",
            "Germany, Poland, Estonia and Latvia",
        ),
        (
            "official",
            "Boris Pistorius was the Defense Minister of which country in March 2023?",
            "Germany",
        ),
        (
            "official",
            "Hanno Pevkur was the Defense Minister of which country in March 2023?",
            "Estonia",
        ),
        (
            "official",
            "What office did Jens Stoltenberg hold in NATO in March 2023?",
            "Secretary General",
        ),
        (
            "date",
            "What happened in Tallinn on 1 March 2023?",
            "Protesters gathered outside the parliament in Tallinn",
        ),
        (
            "truefalse",
            "True or false: Mariusz Blaszczak was the Defense Minister of Latvia in March 2023.",
            "False",
        ),
        (
            "truefalse",
            "True or false: Inara Murniece was the Defense Minister of Latvia in March 2023.",
            "True",
        ),
        # not "The deployment began on [...]": which deployment, the card alone does not say
        (
            "cloze",
            "Fill in the blank: On [...], protesters gathered outside the parliament in Tallinn.",
            "March 1",
        ),
    ]


@pytest.mark.parametrize("paths", [[NATO], EVACUATION], ids=["nato", "evacuation"])
def test_no_answer_is_given_away_by_its_question(paths: list[Path]) -> None:
    for note in notes_for(*paths):
        if note.kind == "truefalse":
            continue
        for answer in (note.answer, *note.alternatives):
            assert not re.search(rf"\b{re.escape(fold(answer))}\b", fold(note.question)), note


def test_no_two_cards_ask_the_same_thing() -> None:
    notes = notes_for(NATO, *EVACUATION)
    questions = [fold(n.question) for n in notes]
    assert len(questions) == len(set(questions))


def test_distractors_are_of_the_answers_type_and_never_right() -> None:
    notes = notes_for(NATO)
    people = {n.answer for n in notes if n.extra.get("answer_type") == "person"}
    countries = {"Germany", "Poland", "Estonia", "Latvia"}
    for note in notes:
        wrong = {fold(d) for d in note.distractors}
        assert fold(note.answer) not in wrong
        assert not wrong & {fold(a) for a in note.alternatives}
        assert len(note.distractors) <= 3
        if note.extra.get("answer_type") == "person":
            assert set(note.distractors) <= people - {note.answer}
            # three plausible people (same office or country), or a typed answer
            assert len(note.distractors) == (0 if "NATO" in note.question else 3)
        elif note.kind == "official" and note.answer in countries:
            assert set(note.distractors) <= countries - {note.answer}
            assert len(note.distractors) == 3
        elif note.extra.get("answer_type") == "date":
            assert all(parse_date(d) for d in note.distractors)
            assert len(note.distractors) == 3


def test_distractors_are_stable_for_a_seed() -> None:
    first = [n.distractors for n in notes_for(NATO, seed=7)]
    again = [n.distractors for n in notes_for(NATO, seed=7)]
    other = [n.distractors for n in notes_for(NATO, seed=8)]
    assert first == again
    assert first != other


def test_sources_disagreeing_are_tagged_conflict() -> None:
    notes = notes_for(*EVACUATION)
    tagged = {n.question: n.extra["conflict"] for n in notes if "conflict" in n.tags}
    assert set(tagged) == {
        "By what date was the evacuation of aid workers from Port Harbour to end?",
        "In March 2023, for how many days was the evacuation of aid workers from Port Harbour "
        "to continue?",
    }
    message = next(iter(tagged.values()))
    assert "20 March 2023" in message and "14 days from 10 March 2023" in message


def test_every_note_cites_its_source_sentence() -> None:
    for note in notes_for(NATO, *EVACUATION):
        assert note.sources and all(s.sentence for s in note.sources), note
        assert {s.document for s in note.sources} <= {p.stem for p in [NATO, *EVACUATION]}


def generate(runner: CliRunner, *args: str) -> str:
    result = runner.invoke(cli, ["generate", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_regenerating_updates_in_place_and_keeps_history(runner: CliRunner, store: Store) -> None:
    first = generate(runner, str(NATO), "--deck", "NATO")
    assert "15 added, 0 updated, 0 unchanged" in first
    answer = runner.invoke(cli, ["study", "NATO", "--new", "1"], input="Pistorius\n")
    assert answer.exit_code == 0
    reviewed = store.db.execute("SELECT card_id FROM reviews").fetchall()
    assert len(reviewed) == 1
    again = generate(runner, str(NATO), "--deck", "NATO")
    assert "0 added, 0 updated, 15 unchanged" in again
    assert store.db.execute("SELECT COUNT(*) FROM notes").fetchone()[0] == 15
    assert store.reviews_of(reviewed[0][0])[0]["typed"] == "Pistorius"


def test_edited_and_dropped_notes_survive_regeneration(runner: CliRunner, store: Store) -> None:
    generate(runner, str(NATO), "--deck", "NATO")
    cards = json.loads(runner.invoke(cli, ["show", "NATO", "--json"]).output)["cards"]
    target = next(c for c in cards if c["answer"] == "Germany")
    edited = runner.invoke(
        cli, ["edit", str(target["note_id"]), "--question", "Which country did Pistorius serve?"]
    )
    assert edited.exit_code == 0, edited.output
    tf = next(c for c in cards if c["kind"] == "truefalse")
    assert runner.invoke(cli, ["drop", str(tf["note_id"])]).exit_code == 0
    generate(runner, str(NATO), "--deck", "NATO")
    after = {
        c["note_id"]: c
        for c in json.loads(runner.invoke(cli, ["show", "NATO", "--json"]).output)["cards"]
    }
    assert after[target["note_id"]]["question"] == "Which country did Pistorius serve?"
    assert after[tf["note_id"]]["suspended"] is True


def test_dry_run_stores_nothing(runner: CliRunner, store: Store) -> None:
    output = generate(runner, str(NATO), "--deck", "NATO", "--dry-run")
    assert "Who was the Defense Minister of Poland in March 2023?" in output
    assert store.decks() == []


def test_out_writes_a_deck_file_without_article_prose(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "nato.toml"
    generate(runner, str(NATO), "--deck", "NATO", "--out", str(out))
    deck = read_deck_file(out)
    assert deck.deck.name == "NATO"
    assert len(deck.notes) == 14
    assert all(n.kind != "cloze" for n in deck.notes)
    assert "Stoltenberg added" not in out.read_text(encoding="utf-8")


def test_a_missing_article_is_one_line_and_others_still_count(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["generate", str(NATO), "missing.txt", "--deck", "N", "--dry-run"])
    assert result.exit_code == 1
    assert "missing.txt" in result.output
    assert "Traceback" not in result.output


def test_review_keeps_edits_and_drops(runner: CliRunner, store: Store) -> None:
    keys = "k\ne\nWho led Poland's defence ministry?\n\n\n\nd\n" + "k\n" * 19
    result = runner.invoke(cli, ["generate", str(NATO), "--deck", "N", "--review"], input=keys)
    assert result.exit_code == 0, result.output
    questions = [row[0] for row in store.db.execute("SELECT question FROM notes WHERE dropped = 0")]
    assert "Who led Poland's defence ministry?" in questions
    assert len(questions) == 14


def test_shipped_deck_asks_about_every_gold_fact(shared_dir: Path) -> None:
    from quizkit.importing import bundled_deck_path

    notes = read_deck_file(bundled_deck_path()).notes
    text = " ".join(fold(" ".join([n.question, n.answer, *n.alternatives])) for n in notes)
    answers = {fold(a) for n in notes for a in (n.answer, *n.alternatives)}
    item_sets = [set(n.extra.get("items", [])) for n in notes]
    for gold_file in sorted((shared_dir / "eval" / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        for fact in gold["dates"]:
            day = date.fromisoformat(fact["date"])
            assert fold(f"{day.day} {day.strftime('%B')} {day.year}") in text, fact
        for fact in gold["officials"]:
            # asked either way: the person as the answer, or named in a question whose answer
            # is the place ("... was a deputy secretary general of which organisation?")
            names = [fact["person"], *fact["aliases"]]
            place = fold(fact["country_or_org"])
            assert any(fold(name) in answers for name in names) or any(
                fold(names[0]) in fold(n.question)
                and place in {fold(a) for a in (n.answer, *n.alternatives)}
                for n in notes
            ), fact
        for fact in gold["participants"]:
            assert set(fact["countries"]) in item_sets, fact
        for fact in gold["numbers"]:
            value = fact["value"]
            raw = [a for n in notes for a in (n.answer, *n.alternatives)]
            assert any(re.search(rf"\b(?:{value:,}|{value})\b", a) for a in raw), fact


def test_unsuspend_does_not_bring_back_a_dropped_note(runner: CliRunner, store: Store) -> None:
    generate(runner, str(NATO), "--deck", "NATO")
    cards = json.loads(runner.invoke(cli, ["show", "NATO", "--json"]).output)["cards"]
    assert runner.invoke(cli, ["drop", str(cards[0]["note_id"])]).exit_code == 0
    assert runner.invoke(cli, ["unsuspend", "NATO"]).exit_code == 0
    after = json.loads(runner.invoke(cli, ["show", "NATO", "--json"]).output)["cards"]
    assert after[0]["suspended"] is True


def test_explain_lists_each_question_left_out_on_stderr(runner: CliRunner) -> None:
    args = ["generate", str(NATO), "--deck", "N", "--dry-run"]
    explained = runner.invoke(cli, [*args, "--explain"])
    assert explained.exit_code == 0, explained.output
    lines = explained.stderr.splitlines()
    assert (
        "left out [vague-event] date: When did the deployment begin? "
        "-> 6 March 2023 (nato-estonia-deployment, sentence 7)"
    ) in lines
    assert (
        "left out [vague-event] number: How many troops would be deployed to the region? "
        "-> about 3,000 (nato-estonia-deployment, sentence 6)"
    ) in lines
    assert "   3 vague-event: the event is not named well enough to ask about" in lines
    assert "left out" not in explained.stdout
    plain = runner.invoke(cli, args)
    assert "left out" not in plain.output
    assert plain.stdout == explained.stdout
