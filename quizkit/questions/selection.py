"""Which checked candidates make the deck: every fact asked, none asked too often, kinds spread."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from quizkit.questions.candidate import Candidate, Drop, drop_of
from quizkit.questions.checks import balance_truefalse

# How many questions one fact may have in a deck; a cloze or timeline stands for its article.
PER_FACT = 2
PER_KIND_FACT = {"cloze": 1, "timeline": 1, "number": 1}
# Study order: a fact's variants are spread through the deck, not met back to back.
KIND_ORDER = {"official": 0, "date": 1, "participants": 2, "number": 3, "truefalse": 7}
KIND_ORDER |= {"timeline": 8, "cloze": 9}


def select(candidates: Sequence[Candidate]) -> tuple[list[Candidate], list[Drop]]:
    """The best-ranked variants of each fact (at least one each), in study order."""
    by_fact: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_fact[candidate.fact].append(candidate)
    kept: list[Candidate] = []
    dropped: list[Drop] = []
    for variants in by_fact.values():
        ordered = sorted(variants, key=lambda c: c.rank)
        limit = PER_KIND_FACT.get(ordered[0].note.kind, PER_FACT)
        kept += ordered[:limit]
        dropped += [drop_of(c, "spread") for c in ordered[limit:]]
    position = {id(c): i for i, c in enumerate(candidates)}
    kept.sort(key=lambda c: (_study_slot(c), position[id(c)]))
    kept, unbalanced = balance_truefalse(kept)
    return kept, dropped + unbalanced


def _study_slot(candidate: Candidate) -> int:
    note = candidate.note
    if note.kind == "official":
        return 0 if note.extra.get("answer_type") == "person" else 4
    if note.kind == "date" and "reverse" in note.tags:
        return 6
    return KIND_ORDER.get(note.kind, 9)
