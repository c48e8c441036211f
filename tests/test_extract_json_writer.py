"""`extract --json` writes its JSON with a faster writer than json.dumps: the bytes must be
the same as json.dumps(indent=2, ensure_ascii=False) for any data, or scripts reading it break."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from quizkit.extract.report import indented_json

PLAIN = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(alphabet=st.sampled_from('ab "\\\n{}[],:é\u2028'), max_size=8)
)
DATA = st.recursive(
    PLAIN,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.tuples(inner, inner)
        | st.dictionaries(st.text(max_size=4), inner, max_size=4)
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(DATA)
def test_same_bytes_as_json_dumps(data: Any) -> None:
    assert indented_json(data) == json.dumps(data, indent=2, ensure_ascii=False)


def test_a_facts_shaped_document_is_written_like_json_dumps() -> None:
    doc = {
        "version": 1,
        "documents": [
            {
                "source": "a.txt",
                "facts": [{"kind": "date", "date": "2023-03-07", "where": {"sentence": 2}}] * 3,
                "sentences": [[1, "Ministers met in Tallinn."], [2, "They “agreed”."]],
                "empty": [],
                "none": {},
            }
        ],
    }
    assert indented_json(doc) == json.dumps(doc, indent=2, ensure_ascii=False)
