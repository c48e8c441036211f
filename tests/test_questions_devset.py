"""Every card generated from the development articles passes every mechanical check.

One deck per article, as a teacher would make them. Skips when ../shared is absent.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from quizkit.extract import extract_files
from quizkit.extract.facts import OfficialFact
from quizkit.grading import fold
from quizkit.questions import build
from quizkit.questions.candidate import Candidate
from quizkit.questions.checks import person_fault, problems
from quizkit.questions.story import read_story


def dev_articles(shared: Path) -> list[Path]:
    articles = sorted((shared / "eval" / "dev" / "articles").glob("wn-*.txt"))
    if not articles:
        pytest.skip("../shared/eval/dev/articles holds no articles")
    return articles


UNSOUND_OFFICE = {
    "office-not-national",
    "former-office",
    "office-no-destination",
    "same-person",
    "no-such-office",
    # the office named is the employer's ("press secretary for the governor, X")
    "office-of-another",
}


def test_no_generated_card_breaks_a_mechanical_check(shared_dir: Path) -> None:
    kinds: set[str] = set()
    for path in dev_articles(shared_dir):
        docs, errors, _warnings = extract_files([path], today=date(2026, 1, 1))
        assert not errors
        built = build(docs)
        notes = built.notes
        kinds |= {n.kind for n in notes}
        # an office no sound question can name (a delegate, a committee chair) is left out
        unsound = {d.answer for d in built.dropped if d.reason in UNSOUND_OFFICE}
        wrapped = [Candidate(n, n.extra["fact"]) for n in notes]
        found = problems(wrapped, [d.headline for d in docs], read_story(docs).persons())
        assert found == [], f"{path.name}: {found}"
        officials = {f.person for d in docs for f in d.facts if isinstance(f, OfficialFact)}
        for person in officials - {p for p in officials if person_fault(p)} - unsound:
            # every official found is asked at least once, unless the office is unsound
            assert any(person in n.question or person == n.answer for n in notes), person
        for note in notes:
            # the hygiene the question eval checks, read independently of the checks stage
            assert fold(note.answer) not in {fold(d) for d in note.distractors}, note
            if note.kind not in ("truefalse", "timeline") and len(fold(note.answer)) >= 4:
                assert fold(note.answer) not in fold(note.question), note
            assert note.question[:1].isupper(), note
    assert {"official", "date", "number", "truefalse", "cloze"} <= kinds
