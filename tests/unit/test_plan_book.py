"""How many matches a round plan will time (``formats/plan_book.py``): a Swiss round as it
will pair, a drawn format's round as drawn."""

from __future__ import annotations

from tournament.formats import registry
from tournament.formats.plan_book import Planned, drawn_rounds, round_size


def _counts(fmt_name: str, teams: int, **settings: object) -> dict[object, int]:
    fmt = registry.get(fmt_name)
    drawn = drawn_rounds(fmt, fmt.parse_settings(settings), teams)
    return {k: len(v) for k, v in drawn.items()}


def test_a_valve_swiss_of_sixteen_plays_eight_eight_eight_six_three():
    assert _counts("swiss", 16) == {(None, r, None): n for r, n in
                                    ((1, 8), (2, 8), (3, 8), (4, 6), (5, 3))}


def test_a_fixed_swiss_of_seven_pairs_everyone_each_round_a_bye_included():
    counts = _counts("swiss", 7, wins_to_advance=None, losses_to_eliminate=None, rounds=4)
    assert counts == {(None, r, None): 4 for r in range(1, 5)}


def test_a_swiss_decider_lasts_its_own_best_of():
    fmt = registry.get("swiss")
    drawn = drawn_rounds(fmt, fmt.parse_settings({"best_of": 1, "decider_best_of": 3}), 16)
    assert drawn[None, 3, None] == [Planned(3)] * 2 + [Planned(1)] * 4 + [Planned(3)] * 2


def test_a_drawn_round_counts_its_matches_and_a_stored_round_its_own():
    fmt = registry.get("double_elimination")
    drawn = drawn_rounds(fmt, fmt.parse_settings({}), 8)
    assert len(round_size({}, drawn, 1, "winners", None)) == 4
    # by bare number: round 1 of every bracket (upper, lower, the grand final)
    assert len(round_size({}, drawn, 1, None, None)) == 4 + 2 + 1
    made = {("winners", 1, None): [Planned()] * 3}
    assert len(round_size(made, drawn, 1, "winners", None)) == 3
    assert round_size({}, drawn, 1, "tiebreaker", None) == []
    assert drawn_rounds(fmt, fmt.parse_settings({}), 1) == {}
