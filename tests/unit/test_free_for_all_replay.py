"""A published battle royale final replayed through the free-for-all standings:
ALGS 2024 Split 2 Pro League NA Final (match point). Partial data: see the module's note."""

from __future__ import annotations

from tournament.formats import leaderboard, lobby_games, registry
from tournament.formats.results import MatchResult

from ..replays import algs_2024_split2_na_final as algs

SETTINGS = registry.get("free_for_all").parse_settings({
    "lobby_size": 20, "games": 6, "placement_points": algs.PLACEMENT_POINTS,
    "kill_points": 1, "match_point": algs.MATCH_POINT})
IDS = {name: i + 1 for i, name in enumerate(algs.ROUNDS)}


def games() -> list[lobby_games.Game]:
    out: list[lobby_games.Game] = []
    for n in range(6):
        placings = sorted(((IDS[t], r[n][0], r[n][1]) for t, r in algs.ROUNDS.items()
                           if r[n] is not None), key=lambda p: p[1])
        out.append((n + 1, tuple(placings)))
    return out


def lobby() -> MatchResult:
    return MatchResult(number=1, round=1, bracket=None, group=None, teams=(None, None),
                       score=(0, 0), winner=None, completed=True,
                       lobby=tuple(IDS.values()), placings=tuple(games()))


def test_every_published_total_is_its_places_and_kills() -> None:
    rows = leaderboard.tally(dict.fromkeys(IDS.values(), None), [lobby()], SETTINGS)
    assert {name: rows[IDS[name]].points for name in IDS} == {
        name: total for _, name, total, _ in algs.PUBLISHED}


def test_match_point_reached_after_round_4_and_won_in_round_5() -> None:
    played = games()
    assert lobby_games.match_point_win(played[:4], SETTINGS) is None
    assert lobby_games.match_point_win(played, SETTINGS) == 5
    for _, name, _, reached in algs.PUBLISHED:  # the MP # column
        totals = [sum(lobby_games.game_points((0, p, k), SETTINGS)
                      for p, k in filter(None, algs.ROUNDS[name][:n])) for n in range(7)]
        first = next((n for n, total in enumerate(totals) if total >= algs.MATCH_POINT), None)
        assert first == reached, name


def test_final_order_champion_then_points() -> None:
    table = leaderboard.rank({IDS[n]: i + 1 for i, n in enumerate(IDS)}, [lobby()], SETTINGS)
    names = {v: k for k, v in IDS.items()}
    assert [(r.rank, names[r.team_id], r.points) for r in table] == [
        (place, name, total) for place, name, total, _ in algs.PUBLISHED]
