"""Placing seeds into slots, snake groups, crossing qualifiers."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournament.formats.seeding import (
    bracket_size,
    cross_qualifiers,
    place,
    snake_groups,
    standard_order,
)
from tournament.formats.types import FormatError


def test_standard_order_matches_the_usual_bracket():
    assert standard_order(2) == [1, 2]
    assert standard_order(4) == [1, 4, 2, 3]
    assert standard_order(8) == [1, 8, 4, 5, 2, 7, 3, 6]
    assert standard_order(16) == [1, 16, 8, 9, 4, 13, 5, 12, 2, 15, 7, 10, 3, 14, 6, 11]


@given(st.integers(min_value=1, max_value=10))
def test_standard_order_pairs_sum_and_top_seeds_meet_last(k):
    size = 2 ** k
    order = standard_order(size)
    assert sorted(order) == list(range(1, size + 1))
    assert all(order[i] + order[i + 1] == size + 1 for i in range(0, size, 2))
    half = size // 2
    if size >= 2:  # seeds 1 and 2 are in different halves
        assert (1 in order[:half]) != (2 in order[:half])


@given(st.integers(min_value=2, max_value=200))
def test_byes_go_to_the_top_seeds(n):
    slots = place(list(range(1, n + 1)))
    assert len(slots) == bracket_size(n)
    byes = bracket_size(n) - n
    with_bye = [slots[i] if slots[i] is not None else slots[i + 1]
                for i in range(0, len(slots), 2) if None in (slots[i], slots[i + 1])]
    assert sorted(t for t in with_bye if t is not None) == list(range(1, byes + 1))
    assert not any(slots[i] is None and slots[i + 1] is None for i in range(0, len(slots), 2))


def test_natural_order_keeps_the_list():
    assert place([5, 6, 7, 8], "natural") == [5, 6, 7, 8]
    assert place([1, 2, 3, 4, 5], "natural") == [1, None, 2, None, 3, None, 4, 5]


def test_bad_fields():
    with pytest.raises(FormatError) as e:
        place([1])
    assert e.value.code == "too_few_teams"
    with pytest.raises(FormatError) as e:
        place([1, 1, 2])
    assert e.value.code == "duplicate_team"


def test_snake_groups():
    assert snake_groups(list(range(1, 9)), 2) == [[1, 4, 5, 8], [2, 3, 6, 7]]
    assert snake_groups(list(range(1, 7)), 3) == [[1, 6], [2, 5], [3, 4]]


def test_cross_qualifiers_meet_the_other_group():
    seeding = cross_qualifiers({1: [11, 12, 13], 2: [21, 22, 23]}, 2)
    assert seeding == [11, 21, 12, 22]
    slots = place(seeding)  # standard: 1 v 4, 2 v 3 → A1 v B2, B1 v A2
    assert [slots[0:2], slots[2:4]] == [[11, 22], [21, 12]]


def test_a_format_says_whether_its_plan_reads_the_seeding_method() -> None:
    """``uses_seeding_method`` decides whether the console offers the field: it must be
    true exactly where the method changes the plan of an 8-team stage."""
    from tournament.formats.registry import FORMATS

    settings = {"free_for_all": {"lobby_size": 4}}
    for name, fmt in FORMATS.items():
        parsed = fmt.parse_settings(settings.get(name, {}))
        plans = [[(m.round, m.slots, m.lobby) for m in fmt.plan(list(range(1, 9)), parsed, method)
                  .matches] for method in ("standard", "natural")]
        assert fmt.uses_seeding_method == (plans[0] != plans[1]), name
