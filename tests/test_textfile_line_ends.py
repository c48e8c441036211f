"""Every text format reads its file through decode_text, which folds CRLF and lone CR line ends
to LF; a file of CRLF lines takes a faster way (issue 14) that must give the same text."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from quizkit.textfile import decode_text

TEXT = st.lists(st.sampled_from(["a", "é", "\r", "\n", "\r\n", "\r\n", "\u2028", "\x85"])).map(
    "".join
)


@settings(max_examples=500, deadline=None)
@given(TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
@example("q,a\r\nr,b\r\n", "utf-8")
@example("q,a\r\r\nr,b\r", "utf-8")  # a CR before a CRLF, and one at the very end
@example("old\rmac\r", "utf-8")
def test_line_ends_fold_to_lf(text: str, encoding: str) -> None:
    folded = text.replace("\r\n", "\n").replace("\r", "\n")
    assert decode_text(text.encode(encoding), "deck.csv") == folded
