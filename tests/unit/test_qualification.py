"""Who goes through to a stage seeded from another, and why it waits."""

from __future__ import annotations

from tournament.formats.qualification import Hold, qualifiers
from tournament.formats.standings import line_tie


def test_top_n_of_each_group_crossed():
    groups = {1: [(11, 1), (12, 2), (13, 3)], 2: [(21, 1), (22, 2), (23, 3)]}
    assert qualifiers(9, groups, 2, grouped=True) == [11, 21, 12, 22]


def test_a_tie_across_the_line_holds():
    groups = {1: [(11, 1), (12, 2), (13, 2), (14, 4)], 2: [(21, 1), (22, 2), (23, 3)]}
    held = qualifiers(9, groups, 2, grouped=True)
    assert held == Hold("unresolved_tie", 9, (12, 13), 1, (2, 3))
    assert held.as_dict() == {"code": "unresolved_tie", "stage": 9, "teams": [12, 13],
                              "group": 1, "places": [2, 3]}
    # the line after the 3rd place passes between ranks 2 and 4, but who of the two is 2nd
    # still decides the seeding: it holds too
    assert qualifiers(9, groups, 3, grouped=True) == Hold("unresolved_tie", 9, (12, 13), 1,
                                                          (2, 3))
    assert qualifiers(9, {1: [(11, 1), (12, 2), (13, 3), (14, 3)]}, 2, grouped=False) == [
        11, 12]


def test_a_tie_for_a_seeded_place_among_the_qualifiers_holds():
    held = qualifiers(9, {1: [(11, 1), (12, 1), (13, 3)]}, 2, grouped=False)
    assert isinstance(held, Hold) and held.places == (1, 2) and held.group is None


def test_too_few_qualifiers():
    held = qualifiers(9, {1: [(11, 1), (12, 2)]}, 1, grouped=False)
    assert isinstance(held, Hold) and held.code == "too_few_teams"


def test_line_tie_boundaries():
    ranked = [(1, 1), (2, 2), (3, 2), (4, 2), (5, 5)]
    assert line_tie(ranked, 1) == []
    assert line_tie(ranked, 2) == [2, 3, 4] == line_tie(ranked, 3)
    assert line_tie(ranked, 4) == []
    assert line_tie(ranked, 0) == [] == line_tie(ranked, 5)
