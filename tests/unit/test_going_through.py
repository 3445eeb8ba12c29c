"""How many teams a stage sends on (``formats/going_through.py``): the new-stage form's
starting number for "Teams that go through"."""

from __future__ import annotations

from tournament.formats.going_through import going_through, grouped


def test_a_swiss_sends_the_teams_that_reach_its_wins() -> None:
    two = {"wins_to_advance": 2, "losses_to_eliminate": 2}
    assert going_through("swiss", two, 8) == 4  # 2 at 2–0, 2 at 2–1
    assert going_through("swiss", {}, 16) == 8  # Valve's 3 wins of 16: 2 + 3 + 3
    assert going_through("swiss", {}, 8) is None  # 3 wins of 8 does not split evenly
    assert going_through("swiss", {"wins_to_advance": None, "rounds": 5}, 16) is None


def test_a_league_sends_its_advance_and_a_knockout_does_not_say() -> None:
    assert going_through("round_robin", {"groups": 2, "advance": 3}, 8) == 3
    assert going_through("round_robin", {}, 8) is None
    assert going_through("single_elimination", {}, 8) is None


def test_only_a_stage_with_groups_sends_per_group() -> None:
    assert not grouped("swiss", {})
    assert not grouped("round_robin", {})
    assert grouped("round_robin", {"groups": 2})
