"""A Swiss stage's round 1 follows its seeding method: ``standard``, top half v bottom half
(Valve's "Initial Swiss Match-ups", FIDE Dutch); ``natural``, the list as given, 1 v 2."""

from __future__ import annotations

import pytest

from tournament.formats.draw import swiss_conflicts
from tournament.formats.seeding import SeedingMethod
from tournament.formats.swiss import Swiss, SwissSettings

PAIRINGS = ("valve", "standard")


def round_one(n: int, pairing: str, method: SeedingMethod) -> list[tuple[int | None, ...]]:
    """Round 1 of ``n`` teams seeded 101, 102 … as seed numbers (None: the bye)."""
    teams = [100 + s for s in range(1, n + 1)]
    settings = SwissSettings(pairing=pairing)  # type: ignore[arg-type]
    plan = Swiss().plan(teams, settings, method)
    assert {m.round for m in plan.matches} == {1}
    return [tuple(None if t is None else t - 100 for t in m.slots) for m in plan.matches]


@pytest.mark.parametrize("pairing", PAIRINGS)
def test_standard_is_top_half_against_bottom_half(pairing: str) -> None:
    assert round_one(8, pairing, "standard") == [(1, 5), (2, 6), (3, 7), (4, 8)]
    assert round_one(16, pairing, "standard") == [(s, s + 8) for s in range(1, 9)]


@pytest.mark.parametrize("pairing", PAIRINGS)
def test_natural_pairs_the_list_as_given(pairing: str) -> None:
    assert round_one(8, pairing, "natural") == [(1, 2), (3, 4), (5, 6), (7, 8)]
    assert round_one(16, pairing, "natural") == [(s, s + 1) for s in range(1, 16, 2)]


@pytest.mark.parametrize("pairing", PAIRINGS)
def test_an_odd_field_gives_the_lowest_seed_the_bye(pairing: str) -> None:
    standard = round_one(9, pairing, "standard")
    assert sorted(standard, key=lambda p: p[1] is None) == [
        (1, 5), (2, 6), (3, 7), (4, 8), (9, None)]
    assert round_one(9, pairing, "natural") == [(1, 2), (3, 4), (5, 6), (7, 8), (9, None)]
    assert round_one(3, pairing, "natural") == [(1, 2), (3, None)]


def test_numbers_run_on_and_byes_are_marked() -> None:
    plan = Swiss().plan([1, 2, 3, 4, 5], SwissSettings(), "natural")
    assert [m.number for m in plan.matches] == [1, 2, 3]
    assert plan.matches[-1].slots == (5, None)


def test_the_draw_counts_the_meetings_of_the_method() -> None:
    nation = {1: "KR", 2: "KR", 3: "JP", 4: "CN"}  # 1 v 2 in order; 1 v 3, 2 v 4 by halves
    assert swiss_conflicts(nation, "natural")([1, 2, 3, 4]) == 1
    assert swiss_conflicts(nation, "standard")([1, 2, 3, 4]) == 0
