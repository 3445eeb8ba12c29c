"""``formats/settings_patch.py``: a stage's settings changed by a JSON merge patch (RFC
7396), as ``PATCH /api/stages/{id}`` takes them."""

from __future__ import annotations

from typing import Any

import pytest

from tournament.formats import registry
from tournament.formats.settings_patch import merge_patch, patched


# RFC 7396, Appendix A
@pytest.mark.parametrize(("target", "patch", "result"), [
    ({"a": "b"}, {"a": "c"}, {"a": "c"}),
    ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
    ({"a": "b"}, {"a": None}, {}),
    ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
    ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
    ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
    ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
    ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
    (["a", "b"], ["c", "d"], ["c", "d"]),
    ({"a": "b"}, ["c"], ["c"]),
    ({"a": "foo"}, None, None),
    ({"a": "foo"}, "bar", "bar"),
    ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
    ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
    ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
])
def test_the_rfc_examples(target: Any, patch: Any, result: Any) -> None:
    assert merge_patch(target, patch) == result


def _stored(fmt_name: str, raw: dict[str, Any]) -> dict[str, Any]:
    return registry.get(fmt_name).parse_settings(raw).as_dict()


def test_a_key_left_out_stays_and_null_resets_it() -> None:
    fmt = registry.get("round_robin")
    stored = _stored("round_robin", {"best_of": 3, "points": {"win": 2, "draw": 1, "loss": 0},
                                     "advance": 2})
    after = fmt.parse_settings(patched(fmt, stored, {"advance": None, "points": {"win": 3}}))
    assert (after.best_of, after.advance, after.points) == (3, None,
                                                            {"win": 3, "draw": 1, "loss": 0})


def test_a_default_follows_what_it_depends_on_and_a_choice_stays() -> None:
    fmt = registry.get("swiss")
    standard = _stored("swiss", {"pairing": "standard"})
    valve = _stored("swiss", {})
    assert fmt.parse_settings(patched(fmt, standard, {"pairing": "valve"})).as_dict() == valve
    chosen = _stored("swiss", {"pairing": "standard", "tiebreakers": ["buchholz"]})
    assert fmt.parse_settings(patched(fmt, chosen, {"pairing": "valve"})).tiebreakers \
        == ["buchholz"]
