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
    """The best-ranked variants of each fact (at least one each), in study order.

    A true/false statement left out to balance true against false gives its fact's place
    to the fact's next variant (its question the other way round), so balancing the
    statements never leaves a fact asked once when it had a sound second question.
    """
    by_fact: dict[str, list[Candidate]] = defaultdict(list)
    for candidate in candidates:
        by_fact[candidate.fact].append(candidate)
    kept: list[Candidate] = []
    spare: dict[str, list[Candidate]] = {}
    for fact, variants in by_fact.items():
        ordered = sorted(variants, key=lambda c: c.rank)
        limit = PER_KIND_FACT.get(ordered[0].note.kind, PER_FACT)
        kept += ordered[:limit]
        spare[fact] = ordered[limit:]
    balanced, unbalanced = balance_truefalse(kept)
    left = {id(c) for c in balanced}
    for gone in [c for c in kept if id(c) not in left]:
        refill = [c for c in spare[gone.fact] if c.note.kind != "truefalse"][:1]
        balanced += refill
        spare[gone.fact] = [c for c in spare[gone.fact] if all(c is not r for r in refill)]
    dropped = [drop_of(c, "spread") for variants in spare.values() for c in variants]
    kept = balanced
    position = {id(c): i for i, c in enumerate(candidates)}
    kept.sort(key=lambda c: (_study_slot(c), position[id(c)]))
    return kept, dropped + unbalanced


def _study_slot(candidate: Candidate) -> int:
    note = candidate.note
    if note.kind == "official":
        return 0 if note.extra.get("answer_type") == "person" else 4
    if note.kind == "date" and "reverse" in note.tags:
        return 6
    return KIND_ORDER.get(note.kind, 9)
