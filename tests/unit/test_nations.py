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


# The decider (ECEA's host-nominated title): a tournament's one event that splits nations
# level on points before event wins.
ECEA_TEAMS = {1: "JP", 2: "CN", 3: "KR", 4: "JP", 5: "CN", 6: "KR", 7: "JP", 8: "CN",
              9: "KR", 10: "JP", 11: "CN", 12: "KR"}
ECEA_2023 = [EventPlacement({1: 1, 2: 2, 3: 3}, True),  # eFootball
             EventPlacement({5: 1, 6: 2, 4: 3}, True),  # PUBG Mobile, Korea's title
             EventPlacement({9: 1, 8: 2, 7: 3}, True),  # League of Legends
             EventPlacement({10: 1, 12: 2, 11: 3}, True)]  # Apex Legends


def rows(table):
    return [(r.rank, r.nation, r.points, r.decider_place, r.tiebreak) for r in table]


def test_the_decider_event_splits_nations_level_on_points():
    table = nation_table(ECEA_TEAMS, ECEA_2023, [], [10, 6, 5], decider=1)
    assert rows(table) == [(1, "JP", 30, 3, None), (2, "CN", 27, 1, "decider"),
                           (3, "KR", 27, 2, "decider")]


def test_without_a_decider_the_same_tie_is_shared():
    table = nation_table(ECEA_TEAMS, ECEA_2023, [], [10, 6, 5])
    assert rows(table) == [(1, "JP", 30, None, None), (2, "CN", 27, None, None),
                           (2, "KR", 27, None, None)]


def test_the_decider_waits_for_its_event_to_be_completed():
    """A place decided while the event is played (Korea's team knocked out first) would put
    its nation before one still playing: the decider applies once the event is completed."""
    nation = {1: "KR", 2: "JP", 3: "KR", 4: "JP"}
    events = [EventPlacement({1: 1, 2: 2}, True), EventPlacement({2: 1, 1: 2}, True),
              EventPlacement({3: 3}, False)]  # 3rd scores nothing on this scale
    table = nation_table(nation, events, [], [10, 6], decider=2)
    assert rows(table) == [(1, "JP", 16, None, None), (1, "KR", 16, None, None)]
    events[2] = EventPlacement({4: 1, 3: 3}, True)
    table = nation_table(nation, events, [], [10, 6], decider=2)
    assert rows(table) == [(1, "JP", 26, 1, None), (2, "KR", 16, 3, None)]


def test_a_nation_with_no_placed_team_in_the_decider_comes_after():
    nation = {1: "KR", 2: "JP", 3: "CN", 4: "JP"}
    events = [EventPlacement({1: 1, 2: 2}, True),  # KR 10, JP 6
              EventPlacement({4: 1, 3: 2}, True),  # JP 10, CN 6 (KR not in it)
              EventPlacement({3: 1, 1: 2}, True)]  # CN 10, KR 6
    table = nation_table(nation, events, [], [10, 6, 5], decider=1)
    assert rows(table) == [(1, "JP", 16, 1, "decider"), (2, "CN", 16, 2, "decider"),
                           (3, "KR", 16, None, "decider")]


def test_the_decider_only_splits_a_tie_on_points():
    """More points stay ahead of a better place in the decider."""
    nation = {1: "KR", 2: "JP", 3: "KR", 4: "JP"}
    events = [EventPlacement({1: 1, 2: 2}, True), EventPlacement({3: 1, 4: 2}, True),
              EventPlacement({2: 1, 1: 2}, True)]
    table = nation_table(nation, events, [], [10, 6, 5], decider=2)
    assert rows(table) == [(1, "KR", 26, 2, None), (2, "JP", 22, 1, None)]


def test_level_in_the_decider_too_the_next_rules_decide():
    """Two nations with no team in the decider are level there: event wins split them (the
    rows say so), else match wins minus losses."""
    nation = {1: "KR", 2: "JP", 3: "CN", 4: "CN"}
    events = [EventPlacement({1: 1, 2: 2, 3: 3}, True),
              EventPlacement({3: 1, 2: 2, 1: 3}, True),
              EventPlacement({4: 1, 2: 2, 1: 3}, True),
              EventPlacement({3: 1}, True)]  # the decider: China's team alone
    table = nation_table(nation, events, [], [4, 2, 1], decider=3)
    assert rows(table) == [(1, "CN", 13, 1, None), (2, "KR", 6, None, "event_wins"),
                           (3, "JP", 6, None, "event_wins")]
    events = [EventPlacement({1: 1, 2: 2}, True), EventPlacement({2: 1, 1: 2}, True),
              EventPlacement({3: 1, 4: 2}, True)]  # the decider: China's teams alone
    table = nation_table(nation, events, [(2, 1, 2)], [10, 6, 5], decider=2)
    assert rows(table) == [(1, "KR", 16, None, "match_difference"),
                           (2, "JP", 16, None, "match_difference"), (3, "CN", 10, 1, None)]
