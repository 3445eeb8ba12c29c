"""A free-for-all (battle royale) lobby's games: the stage settings, a reported game
checked and stored (``placings``: ``{"number": n, "results": [{"team_id", "placement",
"kills"}, ...]}``), each game's points (placement points by place, kill points), and when
a lobby is over (its ``games`` played, or a match-point win: a team at or above the
threshold that then wins a game). The format is ``free_for_all.py``; the table,
``leaderboard.py``."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .format import Settings, choice, count, fail
from .results import MatchResult
from .standings import check_keys
from .state import MatchState
from .types import FormatError, MatchStatus, NeedsAdmin

# The default placement points: PUBG Mobile's official events since 2023 (PMGC 2023/2024,
# PMWC, PMSL, PMPL, BMPS) score 10, 6, 5, 4, 3, 2, 1, 1 for 1st-8th, 0 for 9th-16th, and
# one point a kill (tests/replays/bmps_2025_grand_finals.py; Liquipedia's PMGC 2023 page).
# Before that, PMGC 2021 scored 15, 12, 10, 8, 6, 4, 2, then 1 for 8th-12th, 0 for 13th-16th:
# kept by name for a stage that wants it (stages store their settings whole, so one made
# under that default keeps it). The tiebreakers below are PUBG Mobile's (chicken dinners,
# placement points, kills, the last game's place).
PUBG_MOBILE_2023_POINTS = (10, 6, 5, 4, 3, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0)
PMGC_2021_POINTS = (15, 12, 10, 8, 6, 4, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0)
TIEBREAKERS = ("wins", "placement_points", "kills", "best_placement", "best_game",
               "last_game_placement", "seed")
DEFAULT_TIEBREAKERS = ("wins", "placement_points", "kills", "last_game_placement")
MAX_LOBBY = 100

Placing = tuple[int, int, int]  # team, placement, kills
Game = tuple[int, tuple[Placing, ...]]  # game number within its lobby, its placings


@dataclass(frozen=True, kw_only=True)
class FreeForAllSettings(Settings):
    lobby_size: int = 16
    games: int = 6  # games per lobby (with match_point: the most it plays)
    placement_points: list[int] = field(default_factory=lambda: list(PUBG_MOBILE_2023_POINTS))
    kill_points: int = 1
    match_point: int | None = None
    tiebreakers: list[str] = field(default_factory=lambda: list(DEFAULT_TIEBREAKERS))
    advance: int | None = None  # the top N (of each lobby, without rotation) go through
    rotation: bool = False

    def check(self) -> None:
        super().check()
        count(self.lobby_size, "lobby_size", 2, MAX_LOBBY)
        count(self.games, "games", 1, 100)
        points = self.placement_points
        if not isinstance(points, list) or not 1 <= len(points) <= MAX_LOBBY or not all(
                isinstance(p, int) and not isinstance(p, bool) and 0 <= p <= 1000
                for p in points):
            raise fail("placement_points", "placement_points is a list of whole numbers "
                       "(0 to 1000) by place, first place first.")
        count(self.kill_points, "kill_points", 0, 100)
        count(self.match_point, "match_point", 1, 100_000, optional=True)
        count(self.advance, "advance", 1, 1024, optional=True)
        choice(self.rotation, "rotation", (True, False))
        if self.rotation and self.lobby_size < 4:
            raise fail("rotation", "rotation needs lobbies of at least 4 teams (two groups).")
        breakers = self.tiebreakers
        if not isinstance(breakers, list):
            raise fail("tiebreakers", f"tiebreakers is a list drawn from "
                       f"{', '.join(TIEBREAKERS)}.")
        check_keys(breakers, TIEBREAKERS)


# -- games ------------------------------------------------------------------------------------
def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_game(raw: Any, expected: Collection[int]) -> tuple[int, tuple[Placing, ...]]:
    """A reported game: its number and its placings (by place), or the FormatError that
    says what is wrong. ``expected`` are the teams that must appear, each exactly once."""
    if not isinstance(raw, Mapping) or not _whole(raw.get("number")) or raw["number"] < 1:
        raise FormatError("invalid_game", "A game is {\"number\": n, \"results\": [...]} "
                          "with n from 1.", "game.number")
    results = raw.get("results")
    if not isinstance(results, list) or not all(
            isinstance(r, Mapping) and all(_whole(r.get(k))
                                           for k in ("team_id", "placement", "kills"))
            for r in results):
        raise FormatError("invalid_game", "Each result is {\"team_id\", \"placement\", "
                          "\"kills\"} (whole numbers).", "game.results")
    teams = [r["team_id"] for r in results]
    missing = sorted(set(expected) - set(teams))
    extra = sorted(set(teams) - set(expected))
    if missing or extra or len(set(teams)) != len(teams):
        twice = sorted({t for t in teams if teams.count(t) > 1})
        raise FormatError("invalid_game_teams", "Every team of the lobby appears exactly once "
                          f"(missing: {missing or 'none'}; not in the lobby: {extra or 'none'}; "
                          f"twice: {twice or 'none'}).", "game.results", missing=missing,
                          extra=extra, twice=twice)
    places = sorted(r["placement"] for r in results)
    if places != list(range(1, len(results) + 1)):
        raise FormatError("invalid_placements", f"Places are 1 to {len(results)}, each once.",
                          "game.results", teams=len(results))
    if any(r["kills"] < 0 for r in results):
        raise FormatError("invalid_kills", "Kills are 0 or more.", "game.results")
    placings = sorted((r["team_id"], r["placement"], r["kills"]) for r in results)
    return raw["number"], tuple(sorted(placings, key=lambda p: p[1]))


def games_of(m: MatchState | MatchResult) -> list[Game]:
    """The stored games of a lobby, by number."""
    if isinstance(m, MatchResult):
        return list(m.placings)
    return [game_from_json(g) for g in m.placings or ()]


def game_from_json(g: Mapping[str, Any]) -> Game:
    return (int(g["number"]), tuple((int(r["team_id"]), int(r["placement"]), int(r["kills"]))
                                    for r in g["results"]))


def game_json(game: Game) -> dict[str, Any]:
    number, placings = game
    return {"number": number, "results": [{"team_id": t, "placement": p, "kills": k}
                                          for t, p, k in placings]}


def placement_points(place: int, settings: FreeForAllSettings) -> int:
    table = settings.placement_points
    return table[place - 1] if place <= len(table) else 0


def game_points(placing: Placing, settings: FreeForAllSettings) -> int:
    _, place, kills = placing
    return placement_points(place, settings) + kills * settings.kill_points


def match_point_win(games: Sequence[Game], settings: FreeForAllSettings) -> int | None:
    """The number of the game that ended the lobby by match point: the first game won by
    a team that was at or above the threshold before it (None: not yet, or no match
    point)."""
    if settings.match_point is None:
        return None
    totals: dict[int, int] = {}
    for number, placings in sorted(games):
        for placing in placings:
            if placing[1] == 1 and totals.get(placing[0], 0) >= settings.match_point:
                return number
        for placing in placings:
            totals[placing[0]] = totals.get(placing[0], 0) + game_points(placing, settings)
    return None


def lobby_over(games: Sequence[Game], settings: FreeForAllSettings) -> bool:
    return len(games) >= settings.games or match_point_win(games, settings) is not None


def record_game(m: MatchState, raw: Any, settings: FreeForAllSettings,
                withdrawn: frozenset[int], may_reset: bool = True) -> None:
    """Report (or, for a number already reported, correct) a game of lobby ``m``: every
    team of the lobby still in exactly once (a correction: the teams of the game it
    corrects), places 1..N, kills >= 0. Nothing changes on an error."""
    assert m.lobby is not None
    games = games_of(m)
    given: Any = raw.get("number") if isinstance(raw, Mapping) else None
    number = int(given) if _whole(given) else 0
    if 1 <= number <= len(games):
        expected: Collection[int] = [t for t, _, _ in games[number - 1][1]]
    else:
        if number == len(games) + 1 and lobby_over(games, settings):
            raise FormatError("lobby_complete", "This lobby has played all its games.",
                              "game.number")
        if number >= 1 and number != len(games) + 1:
            raise FormatError("invalid_game", f"The next game is number {len(games) + 1}.",
                              "game.number", next=len(games) + 1)
        expected = [t for t in m.lobby if t not in withdrawn]
    game = check_game(raw, expected)
    if game[0] <= len(games):
        games[game[0] - 1] = game
    else:
        games.append(game)
    end = match_point_win(games, settings)
    if end is not None and end < len(games):
        later = list(range(end + 1, len(games) + 1))
        if not may_reset:
            raise NeedsAdmin("correction_needs_admin", "With this correction the stage ended "
                             f"at game {end} by match point; games {later} would be cleared. "
                             "Ask an admin.", "game", games=later, end=end)
        games = games[:end]
    m.placings = [game_json(g) for g in games]
    m.status = MatchStatus.COMPLETED if lobby_over(games, settings) else MatchStatus.LIVE


