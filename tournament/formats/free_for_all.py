"""Free for all (battle royale): many teams play each game in one lobby; every game gives
each team placement points (by its place) and kill points; standings add them up.

* A lobby is a match whose ``lobby`` lists all its teams; its ``placings`` hold each
  reported game: ``{"number": n, "results": [{"team_id", "placement", "kills"}, ...]}``.
* More teams than ``lobby_size``: lobbies are formed by snake seeding. Without
  ``rotation`` each lobby is a group with its own table; with it the teams are drawn into
  an even number of groups of half a lobby, and every pair of groups meets in turn (four
  groups: A+B, C+D, then A+C, B+D, then A+D, B+C), one table over the whole stage.
* ``match_point``: a team at or above the threshold that then wins a game wins the stage,
  which ends there (the ALGS finals); ``games`` is then the most games the lobby plays.
* A withdrawn team scores nothing in later games (the lobby goes on without it) and is
  placed below every team still in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, ClassVar

from .format import Format, fail
from .leaderboard import stage_table
from .lobby_games import FreeForAllSettings, record_game
from .results import MatchResult, Row
from .seeding import SeedingMethod, snake_groups
from .state import MatchState
from .types import FormatError, MatchPlan, StageFormat, StagePlan
from .withdrawal import NO_TIMES


# -- lobbies ----------------------------------------------------------------------------------
def rotation_rounds(groups: int) -> list[list[tuple[int, int]]]:
    """Every pair of ``groups`` (even) once, each round every group once: the circle
    method with group 0 fixed and meeting group r in round r. Four groups: A+B, C+D;
    A+C, B+D; A+D, B+C."""
    ring = list(range(1, groups))
    size = len(ring)
    rounds = []
    for k in range(size):
        pairs = [(0, ring[k])]
        pairs += [tuple(sorted((ring[(k + j) % size], ring[(k - j) % size])))  # type: ignore[misc]
                  for j in range(1, groups // 2)]
        rounds.append(pairs)
    return rounds


def lobbies(teams: list[int], settings: FreeForAllSettings) -> list[tuple[int, int | None,
                                                                             list[int]]]:
    """(round, group, teams) of every lobby, in order of play."""
    n, size = len(teams), settings.lobby_size
    if n <= size:
        return [(1, None, list(teams))]
    if settings.rotation:
        half = size // 2
        count_ = -(-n // half)
        count_ += count_ % 2
        groups = snake_groups(teams, count_)
        return [(r + 1, None, groups[a] + groups[b])
                for r, pairs in enumerate(rotation_rounds(count_)) for a, b in pairs]
    groups = snake_groups(teams, -(-n // size))
    return [(1, g + 1, members) for g, members in enumerate(groups)]


def plan(teams: list[int], settings: FreeForAllSettings) -> StagePlan:
    if len(set(teams)) != len(teams):
        raise FormatError("duplicate_team", "A team appears twice in the seeding.", "seeding")
    drawn = lobbies(teams, settings)
    if len(teams) < 2 or any(len(members) < 2 for _, _, members in drawn):
        raise FormatError("too_few_teams", "Every lobby needs at least two teams.", "seeding")
    return StagePlan([MatchPlan(number=i + 1, round=r, bracket=None, slots=(None, None),
                                group=g, lobby=tuple(members))
                      for i, (r, g, members) in enumerate(drawn)])


class FreeForAll(Format[FreeForAllSettings]):
    name = StageFormat.FREE_FOR_ALL
    label = "Battle royale"  # as people name the format (its API value: free_for_all)
    settings_type = FreeForAllSettings
    partial = "_stage_ffa.html"
    columns = frozenset({"points"})
    ranking_settings = frozenset({"tiebreakers", "advance", "placement_points", "kill_points"})
    lobbies = True
    tables_in_layout = True  # the partial draws the leaderboard(s)
    uses_seeding_method = False  # lobbies are drawn by snake seeding, whatever the method

    def knocks_out(self, raw: Mapping[str, Any]) -> bool:
        """Only with a line: the top ``advance`` go through."""
        return bool(raw.get("advance"))
    unused_settings: ClassVar[Mapping[str, str]] = {
        "best_of": "A lobby plays a number of games (games), not a best-of series: best_of "
                   "stays 1.",
        "best_of_by_round": "A lobby plays a number of games (games), not a best-of series: "
                            "best_of_by_round stays empty.",
        "game_score": "A lobby's games are ranked by placement and kills, not by a game "
                      "score: game_score stays empty.",
        "game_first_to": "A lobby's games are ranked by placement and kills, not by a game "
                         "score: game_first_to stays empty.",
        "game_name": "A lobby's games are games, not the maps of a series: game_name stays "
                     "game.",
    }

    def reranks_only(self, old: FreeForAllSettings, new: FreeForAllSettings) -> bool:
        """With a match point, the points decide when the stage ends: they replan it."""
        if old.match_point is not None and (old.placement_points != new.placement_points
                                            or old.kill_points != new.kill_points):
            return False
        return super().reranks_only(old, new)

    def brackets(self, settings: FreeForAllSettings) -> Mapping[str | None, int | None]:
        """Without rotation every lobby plays in round 1; a rotation's rounds are as many
        as the field makes groups."""
        return {None: None if settings.rotation else 1}

    def leading_order(self, settings: FreeForAllSettings) -> list[str]:
        return ["total"]

    def group_numbers(self, settings: FreeForAllSettings) -> int | None:
        return 0 if settings.rotation else None  # lobbies as many as the field fills

    def check_size(self, teams: int, settings: FreeForAllSettings) -> None:
        super().check_size(teams, settings)
        if settings.match_point is not None and teams > settings.lobby_size:
            raise fail("match_point", "match_point is for a stage played in one lobby.")

    def _plan(self, teams: list[int], settings: FreeForAllSettings,
              seeding_method: SeedingMethod) -> StagePlan:
        return plan(teams, settings)

    def record_game(self, m: MatchState, raw: Any, settings: FreeForAllSettings,
                    withdrawn: frozenset[int], may_reset: bool = True) -> None:
        record_game(m, raw, settings, withdrawn, may_reset)

    def standings(self, seeding: list[int], results: list[MatchResult],
                  settings: FreeForAllSettings, *, resolutions: Sequence[Sequence[int]],
                  withdrawn: frozenset[int], complete: bool,
                  seeding_method: SeedingMethod = "standard",
                  withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> list[Row]:
        return list(stage_table(seeding, results, settings, withdrawn=withdrawn,
                                complete=complete, resolutions=resolutions))

    def event_places(self, rows: list[Row], settings: FreeForAllSettings,
                     complete: bool) -> list[tuple[int, int]]:
        if not complete or any(r.group is not None for r in rows):
            return []
        return [(r.team_id, r.rank) for r in rows if r.rank is not None]

    def match_label(self, match: Mapping[str, Any], team_count: int,
                    settings: Mapping[str, Any]) -> tuple[str, Any]:
        """A lobby is named by what it is: the one lobby of the stage ("Lobby of 16
        teams"), its group when each group is its own lobby, its round in a rotation."""
        parsed = self.parse_settings(settings)
        group = match.get("group")
        if parsed.rotation or (group is None and team_count > parsed.lobby_size):
            return super().match_label(match, team_count, settings)  # the round: who meets
        if group is None:
            return "Lobby of %d teams", len(match.get("teams") or ())
        return "Group %s", chr(64 + int(group))

    def layout(self, stage: Mapping[str, Any]) -> list[dict[str, Any]]:
        """One leaderboard per table (the stage, or each lobby group): its rows, its
        lobbies, how many game columns it shows, and the match-point state."""
        settings = stage.get("settings") or {}
        rows = list(stage.get("standings", []))
        matches = sorted(stage.get("matches", []), key=lambda m: m["number"])
        games = int(settings.get("games", FreeForAllSettings.games))
        sections = []
        for group in sorted({r.get("group") for r in rows}, key=lambda g: g or 0) or [None]:
            mine = [r for r in rows if r.get("group") == group]
            lobbies_ = [m for m in matches if m.get("group") == group]
            played = sum(len(m.get("placings") or []) for m in lobbies_)
            champion = next((r["team_id"] for r in mine if r.get("match_point")
                             and r.get("rank") == 1 and stage.get("status") == "completed"
                             and settings.get("match_point") is not None), None)
            sections.append({
                "kind": "leaderboard", "group": group,
                "letter": chr(64 + group) if group else None, "standings": mine,
                "lobbies": lobbies_, "played": played, "planned": games * len(lobbies_),
                "columns": max((len(r.get("results") or []) for r in mine), default=0),
                "match_point": settings.get("match_point"), "champion": champion})
        return sections
