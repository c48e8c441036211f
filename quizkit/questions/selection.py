"""Which checked candidates make the deck: every fact asked, none asked too often, kinds spread."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from quizkit.grading import fold
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
    return link_giveaways(kept), dropped + unbalanced


# Questions that may name another's answer in full; a statement or cloze card is no handout
# question of that kind (a cloze never prints, a statement names its own fact).
GIVERS = {"official", "date", "number", "participants"}


def link_giveaways(kept: Sequence[Candidate]) -> list[Candidate]:
    """A question whose wording names another question's whole answer (every member of a
    set, a person's full name) gives that answer away on a printed sheet: the two then share
    a fact, so a handout prints only one of them. The deck still asks both in study."""
    givers = [(c.fact, f" {fold(c.note.question)} ") for c in kept if c.note.kind in GIVERS]
    # all the wording at once: most names are in no other question, found in one search
    together = "\n".join(question for _fact, question in givers)
    out = list(kept)
    for i, candidate in enumerate(kept):
        names = _answer_names(candidate)
        if not names or not all(f" {name} " in together for name in names):
            continue
        for fact, question in givers:
            if fact != candidate.fact and all(f" {name} " in question for name in names):
                out[i] = replace(candidate, fact=fact)
                break
    return out


def _answer_names(candidate: Candidate) -> list[str]:
    """What a question must name to give this answer away, folded; [] for short answers."""
    note = candidate.note
    items = note.extra.get("items")
    if note.extra.get("answer_type") == "list" and isinstance(items, list):
        return [fold(str(i)) for i in items]
    if note.extra.get("answer_type") == "person" and len(note.answer.split()) >= 2:
        return [fold(note.answer)]
    return []


def _study_slot(candidate: Candidate) -> int:
    note = candidate.note
    if note.kind == "official":
        return 0 if note.extra.get("answer_type") == "person" else 4
    if note.kind == "date" and "reverse" in note.tags:
        return 6
    return KIND_ORDER.get(note.kind, 9)
