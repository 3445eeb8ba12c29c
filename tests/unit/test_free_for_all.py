"""Free for all (battle royale): settings, lobbies, placement and kill points, a game
checked, corrections, match point — through the production machine (tests/sim.py). The
table's tiebreakers, the cut and withdrawals: test_leaderboard.py."""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.ffa_support import FFA, play, random_game, results, table
from tests.replays import bmps_2025_grand_finals as bmps
from tests.sim import Sim
from tournament.formats import free_for_all as ffa
from tournament.formats import lobby_games
from tournament.formats.machine_types import ResultUpdate
from tournament.formats.types import FormatError, MatchStatus, NeedsAdmin, StageStatus


def test_defaults_are_pubg_mobile() -> None:
    """PUBG Mobile's official events since 2023 (the BMPS 2025 replay's rules), not PMGC
    2021's table, which stays by name for a stage that wants it."""
    s = FFA.parse_settings({})
    assert (s.lobby_size, s.games, s.kill_points, s.match_point) == (16, 6, 1, None)
    assert s.placement_points == [10, 6, 5, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
    assert (s.placement_points, s.kill_points) == (bmps.PLACEMENT_POINTS, bmps.KILL_POINTS)
    assert list(lobby_games.PMGC_2021_POINTS) == [15, 12, 10, 8, 6, 4, 2, 1, 1, 1, 1, 1,
                                                  0, 0, 0, 0]
    assert s.tiebreakers == ["wins", "placement_points", "kills", "last_game_placement"]


@pytest.mark.parametrize("raw, name", [
    ({"lobby_size": 1}, "settings.lobby_size"),
    ({"games": 0}, "settings.games"),
    ({"placement_points": [10, -1]}, "settings.placement_points"),
    ({"placement_points": []}, "settings.placement_points"),
    ({"kill_points": -1}, "settings.kill_points"),
    ({"match_point": 0}, "settings.match_point"),
    ({"tiebreakers": ["wins", "buchholz"]}, "settings.tiebreakers"),
    ({"tiebreakers": ["wins", "wins"]}, "settings.tiebreakers"),
    ({"rotation": "yes"}, "settings.rotation"),
    ({"rotation": True, "lobby_size": 3}, "settings.rotation"),
    ({"lobbies": 2}, "settings.lobbies"),
])
def test_bad_settings(raw: dict[str, Any], name: str) -> None:
    with pytest.raises(FormatError) as err:
        FFA.parse_settings(raw)
    assert (err.value.code, err.value.field) == ("invalid_settings", name)


def test_one_lobby_holds_every_team() -> None:
    sim = Sim("free_for_all", [11, 12, 13, 14, 15])
    (lobby,) = sim.matches.values()
    assert (lobby.lobby, lobby.status, lobby.team1_id, lobby.group) == (
        [11, 12, 13, 14, 15], MatchStatus.READY, None, None)


def test_lobbies_by_snake_seeding_without_rotation() -> None:
    sim = Sim("free_for_all", list(range(1, 21)), {"lobby_size": 10})
    assert [(m.group, m.lobby) for m in sim.matches.values()] == [
        (1, [1, 4, 5, 8, 9, 12, 13, 16, 17, 20]),
        (2, [2, 3, 6, 7, 10, 11, 14, 15, 18, 19])]


def test_rotation_pairs_groups_in_turn() -> None:
    assert ffa.rotation_rounds(4) == [[(0, 1), (2, 3)], [(0, 2), (1, 3)], [(0, 3), (1, 2)]]
    sim = Sim("free_for_all", list(range(1, 17)), {"lobby_size": 8, "rotation": True})
    a, b, c, d = [1, 8, 9, 16], [2, 7, 10, 15], [3, 6, 11, 14], [4, 5, 12, 13]
    assert [(m.round, m.group, m.lobby) for m in sim.matches.values()] == [
        (1, None, a + b), (1, None, c + d), (2, None, a + c), (2, None, b + d),
        (3, None, a + d), (3, None, b + c)]


@pytest.mark.parametrize("teams, settings, labels", [
    (5, {}, [("Lobby of %d teams", 5)]),  # the stage's one lobby: no round to name
    (20, {"lobby_size": 10}, [("Group %s", "A"), ("Group %s", "B")]),
    (16, {"lobby_size": 8, "rotation": True}, [("Round %d", r) for r in (1, 1, 2, 2, 3, 3)]),
])
def test_a_lobby_is_named_by_what_it_is(teams: int, settings: dict[str, Any],
                                        labels: list[tuple[str, Any]]) -> None:
    sim = Sim("free_for_all", list(range(1, teams + 1)), settings)
    views = [{"bracket": m.bracket, "round": m.round, "group": m.group, "teams": m.lobby}
             for m in sim.matches.values()]
    assert [FFA.match_label(v, teams, settings) for v in views] == labels


def test_rotation_with_an_odd_group_count_adds_a_group() -> None:
    sim = Sim("free_for_all", list(range(1, 18)), {"lobby_size": 16, "rotation": True})
    assert len(sim.matches) == 6 and all(len(m.lobby or ()) >= 8 for m in sim.matches.values())
    assert sorted(t for m in list(sim.matches.values())[:2] for t in m.lobby or ()) == list(
        range(1, 18))


def test_match_point_needs_one_lobby() -> None:
    with pytest.raises(FormatError) as err:
        Sim("free_for_all", list(range(1, 22)), {"lobby_size": 20, "match_point": 50})
    assert err.value.field == "settings.match_point"


# -- games -----------------------------------------------------------------------------------
def test_points_are_placement_plus_kills() -> None:
    sim = Sim("free_for_all", [1, 2, 3, 4], {"placement_points": [10, 6, 5], "kill_points": 2,
                                             "games": 2})
    play(sim, 1, 1, [3, 1, 4, 2], [4, 0, 1, 2])
    rows = {r.team_id: r.as_dict() for r in sim.standings()}
    assert {k: rows[3][k] for k in (
        "team_id", "rank", "points", "placement_points", "kill_points", "kills", "wins",
        "games", "best_placement", "status", "tied", "match_point")} | {"results": None} == {
        "team_id": 3, "rank": 1, "points": 18, "placement_points": 10, "kill_points": 8,
        "kills": 4, "wins": 1, "games": 1, "best_placement": 1, "status": "active",
        "tied": False, "match_point": False, "results": None}
    assert rows[2]["points"] == 4 and rows[2]["placement_points"] == 0  # 4th: beyond the list
    assert rows[1]["results"] == [{"round": 1, "game": 1, "placement": 2, "kills": 0,
                                   "points": 6}]
    assert sim.matches[1].status == MatchStatus.LIVE and sim.status == StageStatus.RUNNING
    play(sim, 1, 2, [1, 2, 3, 4])
    assert sim.matches[1].status == MatchStatus.COMPLETED
    assert sim.status == StageStatus.COMPLETED
    assert table(sim) == [(3, 1, 23), (1, 2, 16), (2, 3, 10), (4, 4, 7)]


@pytest.mark.parametrize("game, code", [
    ({"number": 1, "results": results([1, 2, 3])}, "invalid_game_teams"),
    ({"number": 1, "results": results([1, 2, 3, 4, 5])}, "invalid_game_teams"),
    ({"number": 1, "results": results([1, 2, 3, 3])}, "invalid_game_teams"),
    ({"number": 1, "results": [{"team_id": t, "placement": p, "kills": 0}
                               for t, p in ((1, 1), (2, 2), (3, 2), (4, 4))]},
     "invalid_placements"),
    ({"number": 1, "results": [{"team_id": t, "placement": p, "kills": 0}
                               for t, p in ((1, 1), (2, 2), (3, 3), (4, 5))]},
     "invalid_placements"),
    ({"number": 1, "results": results([1, 2, 3, 4], [0, -1, 0, 0])}, "invalid_kills"),
    ({"number": 2, "results": results([1, 2, 3, 4])}, "invalid_game"),
    ({"number": 0, "results": results([1, 2, 3, 4])}, "invalid_game"),
    ({"number": 1, "results": [{"team_id": 1, "placement": 1}]}, "invalid_game"),
])
def test_a_bad_game_changes_nothing(game: dict[str, Any], code: str) -> None:
    sim = Sim("free_for_all", [1, 2, 3, 4])
    before = sim.matches[1].copy()
    update = ResultUpdate(game=game, given=frozenset({"game"}))
    with pytest.raises(FormatError) as err:
        sim.step(lambda m: m.report(1, update))
    assert err.value.code == code
    after = sim.matches[1]
    assert (after.placings, after.status, after.version) == (
        before.placings, before.status, before.version)


def test_a_lobby_takes_no_score_and_a_duel_takes_no_game() -> None:
    sim = Sim("free_for_all", [1, 2, 3, 4])
    with pytest.raises(FormatError) as err:
        sim.update(1, status="completed", score=[1, 0])
    assert err.value.code == "invalid_game"
    duel = Sim("single_elimination", [1, 2])
    update = ResultUpdate(game={"number": 1, "results": results([1, 2])},
                          given=frozenset({"game"}))
    with pytest.raises(FormatError) as err:
        duel.step(lambda m: m.report(1, update))
    assert err.value.code == "invalid_game"


def test_no_game_after_the_last() -> None:
    sim = Sim("free_for_all", [1, 2, 3], {"games": 1})
    play(sim, 1, 1, [1, 2, 3])
    with pytest.raises(FormatError) as err:
        play(sim, 1, 2, [1, 2, 3])
    assert err.value.code == "lobby_complete"


def test_resending_a_game_corrects_it() -> None:
    sim = Sim("free_for_all", [1, 2, 3], {"games": 2, "placement_points": [5, 3, 1]})
    play(sim, 1, 1, [1, 2, 3], [3, 0, 0])
    play(sim, 1, 2, [2, 1, 3])
    assert table(sim) == [(1, 1, 11), (2, 2, 8), (3, 3, 2)]
    play(sim, 1, 1, [3, 2, 1], [0, 0, 1])
    assert table(sim) == [(2, 1, 8), (3, 2, 6), (1, 3, 5)]
    assert sim.status == StageStatus.COMPLETED


# -- tiebreakers, one at a time and in order -------------------------------------------------
def test_match_point_ends_the_stage_at_the_first_qualifying_win() -> None:
    sim = Sim("free_for_all", [1, 2, 3], {"games": 10, "match_point": 10,
                                          "placement_points": [6, 3, 0], "kill_points": 1})
    play(sim, 1, 1, [1, 2, 3], [2, 0, 0])  # 1: 8
    play(sim, 1, 2, [2, 1, 3], [0, 0, 0])  # 1: 11 (now at match point), 2: 9
    assert [r.match_point for r in sim.standings()] == [True, False, False]
    play(sim, 1, 3, [2, 1, 3], [5, 0, 0])  # 2 wins but was not at match point: go on
    assert sim.status == StageStatus.RUNNING
    assert table(sim)[0] == (2, 1, 20)
    play(sim, 1, 4, [1, 3, 2])  # 1 (at match point) wins: the stage ends, 1 first
    assert sim.status == StageStatus.COMPLETED
    assert table(sim) == [(1, 1, 20), (2, 2, 20), (3, 3, 3)]
    with pytest.raises(FormatError) as err:
        play(sim, 1, 5, [1, 2, 3])
    assert err.value.code == "lobby_complete"


def test_a_correction_that_ends_earlier_clears_later_games_only_for_an_admin() -> None:
    sim = Sim("free_for_all", [1, 2, 3], {"games": 10, "match_point": 6,
                                          "placement_points": [6, 3, 0], "kill_points": 0})
    play(sim, 1, 1, [2, 1, 3])
    play(sim, 1, 2, [1, 2, 3])   # 2 at 9 -> not a win for 2; 1 at 3 wins: no
    play(sim, 1, 3, [3, 1, 2])
    assert sim.status == StageStatus.RUNNING
    with pytest.raises(NeedsAdmin):
        play(sim, 1, 2, [2, 1, 3], may_reset=False)  # 2 (at 6) wins game 2: ends there
    assert len(sim.matches[1].placings or []) == 3
    play(sim, 1, 2, [2, 1, 3])
    assert len(sim.matches[1].placings or []) == 2 and sim.status == StageStatus.COMPLETED
    assert table(sim)[0] == (2, 1, 12)


@settings(max_examples=40, deadline=None)
@given(st.integers(3, 10), st.integers(1, 5), st.integers(0, 2**32), st.data())
def test_corrections_recompute_exactly(n: int, games: int, seed: int, data: st.DataObject) -> None:
    rng = random.Random(seed)
    teams = list(range(1, n + 1))
    sim = Sim("free_for_all", teams, {"games": games})
    final = [random_game(rng, teams) for _ in range(games)]
    for g in range(1, games + 1):
        play(sim, 1, g, *random_game(rng, teams))  # a first, wrong version
    for g in data.draw(st.permutations(range(1, games + 1))):
        play(sim, 1, g, *final[g - 1])
    fresh = Sim("free_for_all", teams, {"games": games})
    for g, (order, kills) in enumerate(final, 1):
        play(fresh, 1, g, order, kills)
    assert [r.as_dict() for r in sim.standings()] == [r.as_dict() for r in fresh.standings()]


@settings(max_examples=60, deadline=None)
@given(st.integers(3, 8), st.integers(1, 40), st.integers(0, 2**32))
def test_match_point_ends_at_the_first_qualifying_win_and_not_before(
        n: int, threshold: int, seed: int) -> None:
    rng = random.Random(seed)
    teams = list(range(1, n + 1))
    s = {"games": 30, "match_point": threshold, "placement_points": [5, 3, 1]}
    sim = Sim("free_for_all", teams, s)
    totals = dict.fromkeys(teams, 0)
    for g in range(1, 31):
        order, kills = random_game(rng, teams)
        qualifies = totals[order[0]] >= threshold
        play(sim, 1, g, order, kills)
        if qualifies:
            assert sim.status == StageStatus.COMPLETED
            assert sim.standings()[0].team_id == order[0]
            assert sim.standings()[0].rank == 1
            return
        assert (sim.status == StageStatus.COMPLETED) == (g == 30)
        for place, (t, k) in enumerate(zip(order, kills, strict=True), 1):
            totals[t] += (s["placement_points"] + [0] * n)[place - 1] + k  # type: ignore[operator]


# Found by a mutation review (tests/README.md, mutations 55-66): each fails its mutant.
def test_two_withdrawn_teams_are_out_last_in_the_order_of_their_points():
    sim = Sim("free_for_all", [1, 2, 3, 4], {"games": 2, "placement_points": [5, 3, 1, 0],
                                             "kill_points": 0})
    play(sim, 1, 1, [1, 2, 3, 4])  # 1: 5, 2: 3, 3: 1, 4: 0
    sim.withdraw(1)
    sim.withdraw(2)
    play(sim, 1, 2, [4, 3])  # 4: 5, 3: 4
    assert [(r.team_id, r.rank, r.points, r.status) for r in sim.standings()] == [
        (4, 1, 5, "active"), (3, 2, 4, "active"),
        (1, 3, 5, "eliminated"), (2, 4, 3, "eliminated")]


def test_nobody_is_through_a_lobby_before_its_last_game():
    sim = Sim("free_for_all", [1, 2, 3, 4], {"games": 2, "advance": 2})
    play(sim, 1, 1, [4, 3, 2, 1])
    assert {r.team_id: r.status for r in sim.standings()} == dict.fromkeys([1, 2, 3, 4],
                                                                           "active")
    play(sim, 1, 2, [4, 3, 2, 1])
    assert [(r.team_id, r.status) for r in sim.standings()] == [
        (4, "advanced"), (3, "advanced"), (2, "eliminated"), (1, "eliminated")]


def test_a_full_lobby_is_one_lobby():
    """PUBG Mobile Global Championship grand finals: 16 teams play one lobby of 16."""
    sim = Sim("free_for_all", list(range(1, 17)), {"lobby_size": 16})
    (lobby,) = sim.matches.values()
    assert (list(lobby.lobby or []), lobby.group) == (list(range(1, 17)), None)


def test_a_team_exactly_on_the_match_point_is_on_match_point():
    sim = Sim("free_for_all", [1, 2, 3, 4], {"games": 3, "match_point": 20,
                                             "placement_points": [10, 6, 5, 4]})
    play(sim, 1, 1, [1, 2, 3, 4], [10, 0, 0, 0])  # 1: 10 + 10 kills = 20, the threshold
    flags = {r.team_id: (r.points, r.match_point) for r in sim.standings()}
    assert flags[1] == (20, True) and flags[2] == (6, False)
