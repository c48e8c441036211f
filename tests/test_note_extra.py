"""A note's `extra`: known keys with checked types at import, and a safe read of what is stored."""

from __future__ import annotations

import pytest

from quizkit.extra import check_extra, stored_extra


@pytest.mark.parametrize(
    ("raw", "checked"),
    [
        ({}, {}),
        ({"items": ["Armenia", "Belarus"], "answer_type": "list"}, None),
        ({"truth": False, "correction": "It was Tuesday."}, None),
        ({"events": [{"date": "2022-01-06", "event": "troops arrived"}]}, None),
        (
            {"truefalse": {"statement": "Ice is cold.", "true": True}},
            {"truefalse": [{"statement": "Ice is cold.", "true": True}]},
        ),
        ({"fields": {"Notes": "x"}, "cloze_number": 3, "media": ["a.png"]}, None),
        ({"note": "1958-1967", "image": "map.png"}, None),
    ],
)
def test_good_extras_pass(raw: dict[str, object], checked: dict[str, object] | None) -> None:
    assert check_extra(raw) == (raw if checked is None else checked)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"items": 5}, "extra.items must be a list of strings"),
        ({"items": ["a", 5]}, "extra.items must be a string"),
        ({"truth": "yes"}, "extra.truth must be true or false"),
        ({"truth": 1}, "extra.truth must be true or false"),
        ({"answer_type": "essay"}, "extra.answer_type must be one of text, person, date"),
        ({"cloze_number": True}, "extra.cloze_number must be a whole number from 1 to 10,000"),
        ({"cloze_number": 10**20}, "extra.cloze_number must be a whole number from 1 to 10,000"),
        ({"events": [{"date": "2022-01-06"}]}, "extra.events must be a table with date and event"),
        ({"note": "x" * 131_073}, "extra.note is longer than 131,072 characters"),
        ({"items": ["x"] * 1_001}, "extra.items has more than 1,000 entries"),
        ({"colour": "red"}, "extra: unknown key 'colour' (known: answer_type, back_extra,"),
        ([1, 2], "'extra' must be a table"),
    ],
)
def test_bad_extras_are_refused(raw: object, message: str) -> None:
    with pytest.raises(ValueError) as error:
        check_extra(raw)
    assert str(error.value).startswith(message)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ('{"items": ["a"], "truth": true}', {"items": ["a"], "truth": True}),
        ('{"items": 5, "truth": true}', {"truth": True}),
        ('{"answer_type": NaN, "what": "troops"}', {}),
        ('{"colour": "red", "what": "troops"}', {"what": "troops"}),
        ("[1, 2]", {}),
        ("not JSON", {}),
        ('{"items": ' + "[" * 10_000 + "]" * 10_000 + "}", {}),
        (None, {}),
    ],
)
def test_stored_extra_keeps_only_what_passes(text: str | None, kept: dict[str, object]) -> None:
    assert stored_extra(text) == kept
