"""A big file's guids are made for the whole column at once (issue 14), and must be exactly
content_guid's for each front: decks already in a database are re-imported by them."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizkit.importers import content_guids
from quizkit.models import content_guid

# plain ASCII mostly, and what folding treats apart: runs of spaces, other spaces, accents, NUL
PIECES = st.sampled_from(
    ["a", "Q", "7", "?", " ", " ", "  ", "\t", "\x1f", "\x00", "é", "ß", "\xa0"]
)
TEXT = st.lists(PIECES, max_size=8).map("".join)


@settings(max_examples=600, deadline=None)
@given(TEXT, st.lists(TEXT, max_size=6))
@example("Big deck", [" Capital of Chad? ", "capital of  chad?", "River\tof Egypt"])
@example("deck\x00name", ["q", "r"])
@example("", [])
def test_each_guid_is_content_guid_of_its_front(deck: str, fronts: list[str]) -> None:
    assert content_guids(deck, fronts) == [content_guid(deck, front) for front in fronts]
