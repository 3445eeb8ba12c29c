"""A free-for-all stage's leaderboard: each team's placement and kill points, kills and
game wins over its lobbies, ranked by points then the stage's tiebreakers; one table over
the stage, or one per lobby group. A withdrawn team is placed below every team still in."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field

from .lobby_games import FreeForAllSettings, games_of, match_point_win, placement_points
from .results import MatchResult, Row
from .round_robin import mark_advance
from .standings import Key, break_ties, split


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


