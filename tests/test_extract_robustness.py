"""Any text is read without an exception: shuffled tokens that trip the date, name, number rules."""

from __future__ import annotations

import random
from datetime import date

import pytest

from quizkit.extract import extract_texts, to_json, to_text

_WORDS = (
    "Jan. 13 2022 January 13th, on the 5th Thursday, next last week today tomorrow The day “ ” "
    '" , . ! ? ( ) [ ] President Minister Defense of Peru Peruvian Chile’s ’s CSTO NATO U.S. '
    "Secretary General Secretary-General Ana Lopez von der al- İzmir ß 2,000 troops twofold five "
    "days % $ 3.5 billion 17:39 +7 - — – May may and Bolivia, Ecuador took part in said which "
    "began LIMA, Peru, Chief Commander Forces Staff … 0 31 32 February 29 30 2023-02-29 "
    "1999-13-40 former Mr. A. the 31st by the nineteenth Saturday"
)
TOKENS = [*_WORDS.split(" "), "\n", "\n\n", "\t", "\u00a0"]


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_tokens_never_raise(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(60):
        texts = [
            (name, " ".join(rng.choice(TOKENS) for _ in range(rng.randint(1, 120))))
            for name in ("a.txt", "b.txt")
        ]
        for options in (
            {},
            {"today": date(2026, 1, 1)},
            {"year": 2020, "ref_date": date(2020, 2, 29)},
        ):
            docs = extract_texts(texts, **options)  # type: ignore[arg-type]
            assert len(docs) == 2
            to_json(docs)
            to_text(docs)
