"""Bracket slots of a stage seeded from another stage (``formats/slots.py``): places and
teams that enter directly, checked and filled in."""

from __future__ import annotations

import pytest

from tournament.formats import slots
from tournament.formats.qualification import Hold, qualifiers
from tournament.formats.types import FormatError

GROUPS = {1: [(11, 1), (12, 2), (13, 3)], 2: [(21, 1), (22, 2)]}


def test_places_go_to_their_slots_between_the_direct_entrants():
    given = slots.read([{"group": "A", "place": 1}, 91, {"group": 2, "place": 1}, 92])
    assert given == [(1, 1), 91, (2, 1), 92]
    assert slots.stored(given) == [{"group": 1, "place": 1}, 91, {"group": 2, "place": 1}, 92]
    assert qualifiers(9, GROUPS, 1, True, given) == [11, 91, 21, 92]
    # the same places without slots are crossed, and no one else comes in
    assert qualifiers(9, GROUPS, 1, True) == [11, 21]
    # a tie for a place the slots take still holds the stage
    tied = {1: [(11, 1), (12, 1), (13, 3)], 2: [(21, 1), (22, 2)]}
    held = qualifiers(9, tied, 1, True, given)
    assert isinstance(held, Hold) and held.code == "unresolved_tie"


def test_a_place_nobody_holds_or_a_direct_entrant_who_qualified_holds_the_stage():
    held = qualifiers(9, GROUPS, 3, True, [(2, 3), 91, (1, 1), 92])
    assert held == Hold("too_few_teams", 9, group=2, places=(3, 3), detail={
        "slot": "B3", "message": "Waiting for Group B 3rd of the earlier stage, which no "
                                 "team holds: a slot of this stage takes it."})
    # a stage without groups: the place alone, no group 1
    held = qualifiers(9, {1: [(11, 1), (12, 2)]}, 3, False, [(1, 3), 91, (1, 1)])
    assert isinstance(held, Hold) and held.as_dict() == {
        "code": "too_few_teams", "stage": 9, "places": [3, 3], "slot": "3",
        "message": "Waiting for 3rd of the earlier stage, which no team holds: a slot of "
                   "this stage takes it."}
    held = qualifiers(9, GROUPS, 1, True, [(1, 1), 11, (2, 1), 92])
    assert isinstance(held, Hold) and held.code == "too_few_teams" and held.teams == (11,)


@pytest.mark.parametrize(("given", "sizes", "code", "slot"), [
    ([(1, 1), (3, 1), 5], {1: 3, 2: 3}, "unknown_place", "C1"),
    ([(1, 1), (1, 2), (2, 1)], {1: 3, 2: 3}, "unknown_place", "A2"),  # only 1 goes through
    ([(1, 1), (2, 1), (1, 1)], {1: 3, 2: 3}, "duplicate_place", "A1"),
    ([(1, 1), 5, 6], {1: 3, 2: 3}, "missing_place", "B1"),
    ([(1, 1), 5], {1: None}, None, None),  # the earlier stage's size not known yet
    ([(1, 2), 5], {1: None}, "unknown_place", "2"),
])
def test_check(given, sizes, code, slot):
    if code is None:
        slots.check(given, sizes, 1)
        return
    with pytest.raises(FormatError) as caught:
        slots.check(given, sizes, 1)
    assert (caught.value.code, caught.value.params["slot"]) == (code, slot)


def test_a_group_smaller_than_the_qualifiers_needs_no_slot_for_the_place_it_lacks():
    slots.check([(1, 1), (1, 2), (2, 1), 7], {1: 3, 2: 1}, 2)
    with pytest.raises(FormatError) as caught:
        slots.check([(1, 1), (1, 2), (2, 1), (2, 2)], {1: 3, 2: 1}, 2)
    assert caught.value.code == "unknown_place"
