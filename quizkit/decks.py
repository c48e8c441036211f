"""Decks by the name a person types: any case, a unique prefix, a parent with its sub-decks.

Anki names sub-decks `Parent::Child`; naming a parent means the parent and all its children.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from quizkit.errors import AmbiguousDeck, NoDeckGiven, UnknownDeck

if TYPE_CHECKING:  # `quizkit decks` loads neither: it reads its counts through store_read
    from quizkit.models import Deck
    from quizkit.store import Store
    from quizkit.store_read import DeckTally

SEPARATOR = "::"
# how alike (0-100, rapidfuzz's normalised Levenshtein ratio) a name must be to be suggested
SUGGEST_SCORE = 50.0


def is_within(name: str, parent: str) -> bool:
    """Whether deck `name` is `parent` or one of its sub-decks."""
    return name == parent or name.startswith(parent + SEPARATOR)


def with_family(deck: Deck, decks: list[Deck]) -> Deck:
    """The deck with the ids of its sub-decks, so that its queries take them in."""
    from dataclasses import replace  # here: `quizkit decks` needs no dataclasses

    family = tuple(d.id for d in decks if is_within(d.name, deck.name))
    return replace(deck, family=family if len(family) > 1 else ())


def resolve_deck(store: Store, typed: str | None) -> Deck:
    """The deck a person means by `typed`; with None, the only deck (or only deck tree).

    Exact name first, then the same name in any case, then a unique prefix in any case. A
    prefix that matches a parent and its sub-decks means the parent.
    """
    decks = store.decks()
    if typed is None:
        roots = _roots([d.name for d in decks])
        if len(roots) == 1:
            return _named(roots[0], decks)
        raise NoDeckGiven([d.name for d in decks])
    for same in (
        lambda name: name == typed,
        lambda name: name.casefold() == typed.casefold(),
    ):
        found = [d for d in decks if same(d.name)]
        if len(found) == 1:
            return with_family(found[0], decks)
    folded = typed.casefold()
    matches = [d.name for d in decks if d.name.casefold().startswith(folded)]
    if not matches:
        # a prefix of a sub-deck's own name: "verbs" for "Spanish::Verbs"
        matches = [
            d.name for d in decks if d.name.casefold().rsplit(SEPARATOR, 1)[-1].startswith(folded)
        ]
    roots = _roots(matches)
    if len(roots) == 1:
        return _named(roots[0], decks)
    if roots:
        raise AmbiguousDeck(typed, roots)
    raise UnknownDeck(typed, [d.name for d in decks], suggest(typed, [d.name for d in decks]))


def suggest(typed: str, names: list[str]) -> str | None:
    """The known name closest to `typed` by edit distance, when any is reasonably close."""
    from rapidfuzz import fuzz, process, utils

    best = process.extractOne(
        typed, names, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=SUGGEST_SCORE
    )
    return best[0] if best else None


def _roots(names: list[str]) -> list[str]:
    """The names not inside another of the names: 'A' for ['A', 'A::B']."""
    chosen = set(names)
    return sorted(n for n in names if not any(is_within(n, p) and n != p for p in chosen))


def _named(name: str, decks: list[Deck]) -> Deck:
    from dataclasses import replace

    found = [d for d in decks if d.name == name]
    if found:
        return with_family(found[0], decks)
    # a parent that exists only as the prefix of its children ("Spanish" of "Spanish::Verbs")
    children = [d for d in decks if is_within(d.name, name)]
    first = children[0]
    return replace(
        first,
        name=name,
        description="",
        family=tuple(d.id for d in children),
    )


class DeckRow(NamedTuple):
    """One line of the deck tree: a deck's counts, its own and its sub-decks' together."""

    name: str
    depth: int
    new: int
    learning: int
    due: int
    suspended: int
    total: int
    description: str = ""
    exists: bool = True

    @property
    def label(self) -> str:
        """The last part of the name, as the tree shows it under its parent."""
        return self.name.rsplit(SEPARATOR, 1)[-1]


def deck_tree(counts: list[DeckTally]) -> list[DeckRow]:
    """Decks in tree order; a parent's counts include its children's, as Anki shows them.

    A parent that is only named by its children (`A` for `A::B`) gets a row as well.
    """
    by_name = {c.name: c for c in counts}
    names: set[str] = set()
    for name in by_name:
        parts = name.split(SEPARATOR)
        names.update(SEPARATOR.join(parts[: i + 1]) for i in range(len(parts)))
    rows = []
    for name in sorted(names, key=_tree_order):
        inside = [c for n, c in by_name.items() if is_within(n, name)]
        own = by_name.get(name)
        rows.append(
            DeckRow(
                name=name,
                depth=name.count(SEPARATOR),
                new=sum(c.new for c in inside),
                learning=sum(c.learning for c in inside),
                due=sum(c.due for c in inside),
                suspended=sum(c.suspended for c in inside),
                total=sum(c.total for c in inside),
                description=own.description if own else "",
                exists=own is not None,
            )
        )
    return rows


def _tree_order(name: str) -> list[tuple[str, str]]:
    """Each part of the name compared without case, then with it: "Languages" and "languages"
    are two decks, listed in the same order every time, each with its own sub-decks."""
    return [(part.casefold(), part) for part in name.split(SEPARATOR)]


def tree_json(
    rows: list[DeckRow], counts: list[DeckTally], leeches: dict[int, int]
) -> list[dict[str, object]]:
    """The deck tree as `decks --json` writes it (docs/json.md); `leeches` by deck id."""
    leech_of = {c.name: leeches.get(c.id, 0) for c in counts}
    return [
        {
            "name": r.name,
            "parent": r.name.rsplit(SEPARATOR, 1)[0] if r.depth else None,
            "description": r.description,
            "new": r.new,
            "learning": r.learning,
            "due": r.due,
            "suspended": r.suspended,
            "leeches": sum(n for name, n in leech_of.items() if is_within(name, r.name)),
            "total": r.total,
        }
        for r in rows
    ]


def rename_deck(store: Store, old: str, new: str) -> tuple[Deck, int]:
    """Rename a deck and its sub-decks (`Old::X` becomes `New::X`); returns the deck and how
    many decks were renamed."""
    from quizkit.errors import QuizkitError

    deck = resolve_deck(store, old)
    new = new.strip()
    if not new:
        raise QuizkitError("a deck's new name cannot be empty")
    names = {d.name: d for d in store.decks()}
    moves = [
        (d.id, new + d.name[len(deck.name) :])
        for d in names.values()
        if is_within(d.name, deck.name)
    ]
    moving = {deck_id for deck_id, _name in moves}
    for _id, name in moves:
        if name in names and names[name].id not in moving:
            raise QuizkitError(f"there is already a deck named {name!r}")
    store.rename_decks(moves)
    return resolve_deck(store, new), len(moves)
