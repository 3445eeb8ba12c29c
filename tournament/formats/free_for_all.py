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

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .format import Format, Settings, choice, count, fail
from .results import MatchResult, Row
from .round_robin import mark_advance
from .seeding import SeedingMethod, snake_groups
from .standings import Key, break_ties, split
from .state import MatchState
from .types import FormatError, MatchPlan, MatchStatus, NeedsAdmin, StageFormat, StagePlan

# PUBG Mobile (PMGC 2021): 15, 12, 10, 8, 6, 4, 2, then 1 for 8th-12th, 0 for 13th-16th.
PUBG_MOBILE_POINTS = (15, 12, 10, 8, 6, 4, 2, 1, 1, 1, 1, 1, 0, 0, 0, 0)
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
    placement_points: list[int] = field(default_factory=lambda: list(PUBG_MOBILE_POINTS))
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
        if not isinstance(breakers, list) or any(t not in TIEBREAKERS for t in breakers):
            raise fail("tiebreakers", f"tiebreakers is a list drawn from "
                       f"{', '.join(TIEBREAKERS)}.")
        if len(set(breakers)) != len(breakers):
            raise fail("tiebreakers", "A tiebreaker appears twice.")


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
                             "Ask an admin.", "game", games=later)
        games = games[:end]
    m.placings = [game_json(g) for g in games]
    m.status = MatchStatus.COMPLETED if lobby_over(games, settings) else MatchStatus.LIVE


# -- standings --------------------------------------------------------------------------------
@dataclass(slots=True)
class FreeForAllRow(Row):
    placement_points: int = 0
    kill_points: int = 0
    kills: int = 0
    games: int = 0
    best_placement: int | None = None
    best_game: int | None = None  # the most points it scored in one game
    last_placement: int | None = None
    match_point: bool = False  # at or above the match point threshold
    played: list[dict[str, int]] = field(default_factory=list)  # each game, in order

    def as_dict(self) -> dict[str, object]:
        row = Row.as_dict(self) | {
            "team_id": self.team_id, "rank": self.rank, "points": self.points,
            "placement_points": self.placement_points, "kill_points": self.kill_points,
            "kills": self.kills, "wins": self.wins, "games": self.games,
            "best_placement": self.best_placement, "status": self.status, "tied": self.tied,
            "match_point": self.match_point, "results": self.played,
        }
        return row


def tally(teams: Mapping[int, int | None], lobbies_: Sequence[MatchResult],
          settings: FreeForAllSettings) -> dict[int, FreeForAllRow]:
    rows = {t: FreeForAllRow(t) for t in teams}
    played = sorted(((r.round, r.number, g) for r in lobbies_ for g in games_of(r)),
                    key=lambda x: (x[0], x[2][0], x[1]))
    for round_, _, (number, placings) in played:
        for placing in placings:
            team, place, kills = placing
            row = rows.setdefault(team, FreeForAllRow(team))
            pp = placement_points(place, settings)
            row.placement_points += pp
            row.kills += kills
            row.kill_points += kills * settings.kill_points
            row.points += pp + kills * settings.kill_points
            row.games += 1
            row.wins += place == 1
            row.best_placement = place if row.best_placement is None \
                else min(row.best_placement, place)
            scored = pp + kills * settings.kill_points
            row.best_game = scored if row.best_game is None else max(row.best_game, scored)
            row.last_placement = place
            row.played.append({"round": round_, "game": number, "placement": place,
                               "kills": kills, "points": pp + kills * settings.kill_points})
    if settings.match_point is not None:
        for row in rows.values():
            row.match_point = row.points >= settings.match_point
    return rows


def rank(teams: Mapping[int, int | None], lobbies_: Sequence[MatchResult],
         settings: FreeForAllSettings, *, withdrawn: Collection[int] = frozenset(),
         resolutions: Sequence[Sequence[int]] = ()) -> list[FreeForAllRow]:
    """One table: the match-point winner first, then by points and the tiebreakers in
    order (a tie split into smaller ties ranks each again from the first tiebreaker);
    teams nothing separates share a rank. Withdrawn teams come last."""
    rows = tally(teams, lobbies_, settings)
    champion = None
    for r in lobbies_:
        end = match_point_win(games_of(r), settings)
        if end is not None:
            champion = next(t for t, p, _ in games_of(r)[end - 1][1] if p == 1)
    never = 10**9
    plain: dict[str, Callable[[int], Key]] = {
        "points": lambda t: (-rows[t].points,),
        "wins": lambda t: (-rows[t].wins,),
        "placement_points": lambda t: (-rows[t].placement_points,),
        "kills": lambda t: (-rows[t].kills,),
        "best_placement": lambda t: (rows[t].best_placement or never,),
        "best_game": lambda t: (-(g if (g := rows[t].best_game) is not None else -1),),
        "last_game_placement": lambda t: (rows[t].last_placement or never,),
        "seed": lambda t: (s if (s := teams.get(t)) is not None else float("inf"),),
    }
    order_by = ["points", *settings.tiebreakers]

    def order(tied: list[int], level: int) -> list[list[int]]:
        if len(tied) < 2 or level >= len(order_by):
            return [tied]
        values: dict[int, Key] = {t: plain[order_by[level]](t) for t in tied}
        return split(tied, values, lambda block: order(block, 0), lambda: order(tied, level + 1))

    def display(t: int) -> tuple[float, int]:
        seed = teams.get(t)
        return (seed if seed is not None else float("inf"), t)

    gone = set(withdrawn)
    first = [champion] if champion is not None and champion not in gone else []
    rest = sorted((t for t in rows if t not in gone and t not in first), key=display)
    table: list[FreeForAllRow] = []
    for block in [first, *order(rest, 0)] if first else order(rest, 0):
        place = len(table) + 1
        for t in sorted(block, key=display):
            rows[t].rank = place
            rows[t].tied = len(block) > 1
            table.append(rows[t])
    broken = break_ties(list(table), [], resolutions)
    for t in sorted((t for t in rows if t in gone), key=lambda t: (-rows[t].points, display(t))):
        row = rows[t]
        row.rank, row.tied, row.status = len(broken) + 1, False, "eliminated"
        broken.append(row)
    return broken  # type: ignore[return-value]


def stage_table(seeding: list[int], results: Sequence[MatchResult],
                settings: FreeForAllSettings, *, withdrawn: frozenset[int], complete: bool,
                resolutions: Sequence[Sequence[int]] = ()) -> list[FreeForAllRow]:
    """The stage's table(s): one over the whole stage, or one per lobby group."""
    seed = {t: i + 1 for i, t in enumerate(seeding)}
    lobbies_ = [r for r in results if r.lobby]
    groups = sorted({r.group for r in lobbies_ if r.group is not None})
    out: list[FreeForAllRow] = []
    for group in groups or [None]:  # type: ignore[list-item]
        mine = [r for r in lobbies_ if r.group == group]
        members = {t for r in mine for t in r.lobby} if group is not None else set(seeding)
        table = rank({t: seed.get(t) for t in seeding if t in members}, mine, settings,
                     withdrawn=withdrawn & members, resolutions=resolutions)
        if complete and settings.advance:
            mark_advance(table, settings.advance)  # type: ignore[arg-type]
            for row in table:
                if row.team_id in withdrawn:
                    row.status = "eliminated"
        for row in table:
            row.group = group
        out += table
    return out


class FreeForAll(Format[FreeForAllSettings]):
    name = StageFormat.FREE_FOR_ALL
    label = "Free for all"
    settings_type = FreeForAllSettings
    partial = "_stage_ffa.html"
    columns = frozenset({"points"})
    ranking_settings = frozenset({"tiebreakers", "advance", "placement_points", "kill_points"})

    def reranks_only(self, old: FreeForAllSettings, new: FreeForAllSettings) -> bool:
        """With a match point, the points decide when the stage ends: they replan it."""
        if old.match_point is not None and (old.placement_points != new.placement_points
                                            or old.kill_points != new.kill_points):
            return False
        return super().reranks_only(old, new)
    lobbies = True
    tables_in_layout = True  # the partial draws the leaderboard(s)

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
                  seeding_method: SeedingMethod = "standard") -> list[Row]:
        return list(stage_table(seeding, results, settings, withdrawn=withdrawn,
                                complete=complete, resolutions=resolutions))

    def event_places(self, rows: list[Row], settings: FreeForAllSettings,
                     complete: bool) -> list[tuple[int, int]]:
        if not complete or any(r.group is not None for r in rows):
            return []
        return [(r.team_id, r.rank) for r in rows if r.rank is not None]

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
