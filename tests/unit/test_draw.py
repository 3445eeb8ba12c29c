"""The draw: reproducible shuffles, pots that keep seeding fair, nations kept apart."""

from __future__ import annotations

from itertools import permutations

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tournament.formats import registry
from tournament.formats.draw import group_pots, separate, shuffled, tier_pots


def pots_and_conflicts(fmt, count, settings, nation, method):
    format_ = registry.get(fmt)
    return format_.separation(count, format_.parse_settings(settings), nation, method)


def test_shuffle_is_reproducible_from_its_seed():
    teams = list(range(1, 17))
    assert shuffled(teams, 7) == shuffled(teams, 7) != shuffled(teams, 8)
    assert sorted(shuffled(teams, 7)) == teams


def test_pots():
    assert tier_pots(10) == [[0], [1], [2, 3], [4, 5, 6, 7], [8, 9]]
    assert group_pots(7, 3) == [[0, 1, 2], [3, 4, 5], [6]]


@settings(max_examples=60)
@given(n=st.integers(2, 24), nations=st.integers(1, 3), seed=st.integers(0, 10**6),
       fmt=st.sampled_from(["single_elimination", "double_elimination", "swiss",
                            "round_robin"]), groups=st.integers(2, 4))
def test_separation_never_worsens_and_moves_teams_only_within_their_pot(n, nations, seed, fmt,
                                                                         groups):
    teams = shuffled(list(range(1, n + 1)), seed)
    nation = {t: ["KR", "JP", "CN"][t % nations] for t in teams}
    found = pots_and_conflicts(fmt, n, {"groups": groups} if fmt == "round_robin" else {},
                               nation, "standard")
    assume(found is not None)
    assert found is not None
    pots, conflicts = found
    after = separate(teams, pots, conflicts)
    assert conflicts(after) <= conflicts(teams)
    for pot in pots:
        assert sorted(after[i] for i in pot) == sorted(teams[i] for i in pot)


def test_separation_reaches_the_best_possible_on_small_fields():
    # Korea and Japan, 4 teams each, in two groups: each group has two of each at best
    teams = [1, 2, 3, 4, 5, 6, 7, 8]
    nation = {t: "KR" if t <= 4 else "JP" for t in teams}
    pots, conflicts = pots_and_conflicts("round_robin", 8, {"groups": 2}, nation, "standard")
    best = min(conflicts(list(p)) for p in permutations(teams))
    assert conflicts(separate(teams, pots, conflicts)) == best == 4
    # a bracket where seeds 1 v 8 and 2 v 7 are Korean: every first round can be Korea v
    # Japan by moving teams among seeds 5-8 only
    nation = {t: "KR" if t in (1, 2, 7, 8) else "JP" for t in teams}
    pots, conflicts = pots_and_conflicts("single_elimination", 8, {}, nation, "standard")
    assert conflicts(teams) > 0 and conflicts(separate(teams, pots, conflicts)) == 0
