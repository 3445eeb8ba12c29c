"""The nation table."""

from __future__ import annotations

from tournament.formats.nations import EventPlacement, nation_table

NATION = {1: "KR", 2: "JP", 3: "KR", 4: "JP", 5: "CN"}


def test_best_placed_team_per_nation_scores():
    events = [EventPlacement({1: 1, 2: 2, 3: 3, 4: 4}, True),
              EventPlacement({2: 1, 1: 2}, True)]
    table = nation_table(NATION, events, [(1, 2, 1), (3, 4, 2), (1, 3, 1)], [10, 6, 5])
    rows = {r.nation: r for r in table}
    assert rows["KR"].points == 10 + 6 and rows["JP"].points == 6 + 10
    assert rows["KR"].event_wins == rows["JP"].event_wins == 1
    # same-nation matches (1 v 3) do not count
    assert (rows["KR"].match_wins, rows["KR"].match_losses) == (1, 1)
    assert rows["KR"].rank == rows["JP"].rank == 1  # a true tie shares the rank
    assert rows["CN"].rank == 3 and rows["CN"].points == 0


def test_every_team_scores_when_asked():
    events = [EventPlacement({1: 1, 3: 2, 2: 3}, True)]
    table = nation_table(NATION, events, [], [10, 6, 5], every_team=True)
    assert {r.nation: r.points for r in table}["KR"] == 16


def test_head_to_head_of_every_pair_of_nations():
    from tournament.formats.nations import nation_pairs

    nation = {1: "KR", 2: "JP", 3: "CN", 4: "KR"}
    matches = [(1, 2, 1), (2, 1, 1), (4, 2, 2), (1, 3, 1), (3, 2, None), (1, 4, 1)]
    pairs = {p.nations: (p.wins, p.draws) for p in nation_pairs(nation, matches,
                                                                 ["KR", "JP", "CN"])}
    assert pairs == {("KR", "JP"): ([1, 2], 0), ("KR", "CN"): ([1, 0], 0),
                     ("JP", "CN"): ([0, 0], 1)}


# Found by a mutation review (tests/README.md, mutations 55-66): each fails its mutant.
def test_nations_level_on_points_and_event_wins_rank_by_match_wins_minus_losses():
    nation = {1: "KR", 2: "JP", 3: "CN", 4: "CN"}
    # no event placed yet; between nations KR is 1-0, CN 3-3, JP 2-3
    matches = [(1, 3, 1), (2, 3, 1), (2, 4, 1), (2, 3, 2), (2, 4, 2), (2, 3, 2)]
    table = nation_table(nation, [], matches, [10, 6, 5])
    assert [(r.nation, r.rank, r.match_wins, r.match_losses) for r in table] == [
        ("KR", 1, 1, 0), ("CN", 2, 3, 3), ("JP", 3, 2, 3)]


def test_the_last_place_of_the_points_table_scores():
    nation = {1: "KR", 2: "JP", 3: "CN"}
    table = nation_table(nation, [EventPlacement({1: 1, 2: 2, 3: 3}, True)], [], [10, 6, 5])
    assert {r.nation: r.points for r in table} == {"KR": 10, "JP": 6, "CN": 5}


def test_a_first_place_shared_in_an_unbroken_tie_wins_no_event():
    """A review played a three-nation round robin to three draws: every team 1st, tied, the
    event without a champion, yet each nation was counted an event win. Each still scores
    the shared place's points (a shared Olympic gold counts for each); the event is won only
    by a sole 1st. Two teams of one nation sharing 1st alone leave that nation the winner."""
    table = nation_table(NATION, [EventPlacement({1: 1, 2: 1, 5: 1}, True)], [],
                         [12, 8, 6])
    assert {r.nation: (r.points, r.event_wins) for r in table} == {
        "KR": (12, 0), "JP": (12, 0), "CN": (12, 0)}
    table = nation_table(NATION, [EventPlacement({1: 1, 3: 1, 2: 3}, True)], [],
                         [12, 8, 6])
    assert {r.nation: r.event_wins for r in table}["KR"] == 1
