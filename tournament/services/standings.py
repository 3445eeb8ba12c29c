"""A stage's standings from its stored matches, by format."""

from __future__ import annotations

from typing import Any

from ..formats import double_elimination, single_elimination, standings, swiss
from ..formats import stages as stage_formats
from ..formats.results import MatchResult, Row
from ..models import Match, Stage


def result_of(m: Match) -> MatchResult:
    return MatchResult(number=m.number, round=m.round, bracket=m.bracket, group=m.group,
                       teams=(m.team1_id, m.team2_id), score=(m.score1, m.score2),
                       winner=m.winner, completed=m.status == "completed", draw=m.draw,
                       games=tuple((g[0], g[1]) for g in m.games or ()))


def resolutions(stage: Stage) -> list[list[int]]:
    return [list(r["teams"]) for r in stage.resolutions or []]


def rows(stage: Stage, matches: list[Match]) -> list[dict[str, Any]]:
    """Standings rows as the API shows them (``group`` added for grouped stages)."""
    teams = list(stage.seeding or [])
    settings = stage.settings or {}
    results = [result_of(m) for m in matches if m.active]
    if stage.format == "single_elimination":
        return _elimination(stage, teams, single_elimination.standings(teams, results), results)
    if stage.format == "double_elimination":
        plan = stage_formats.plan(stage.format, teams, settings,
                                  stage.seeding_method)  # type: ignore[arg-type]
        return _elimination(stage, teams, double_elimination.standings(teams, results, plan),
                            results)
    if stage.format == "round_robin":
        return _round_robin(stage, teams, settings, results)
    return _swiss(stage, teams, settings, results)


def _elimination(stage: Stage, teams: list[int], table: list[Row],
                 results: list[MatchResult]) -> list[dict[str, Any]]:
    """Teams still playing first (in seed order), then the placed teams by rank. Teams out
    in the same round share a rank by design: that is no tie to flag, but a tiebreaker
    match or the organizer's order can still split it (e.g. for a qualification spot)."""
    seed = {t: i for i, t in enumerate(teams)}
    for row in table:
        row.tied = False
    table.sort(key=lambda r: (r.rank is not None and r.status != "advanced", r.rank or 0,
                              seed.get(r.team_id, 0)))
    return _plain(standings.break_ties(table, results, resolutions(stage)))


def _plain(table: list[Row]) -> list[dict[str, Any]]:
    return [r.as_dict() for r in table]


def _round_robin(stage: Stage, teams: list[int], settings: dict[str, Any],
                 results: list[MatchResult]) -> list[dict[str, Any]]:
    group_of: dict[int, int] = {}
    for r in results:
        for t in r.teams:
            if t is not None:
                group_of[t] = r.group or 1
    seed = {t: i + 1 for i, t in enumerate(teams)}
    out: list[dict[str, Any]] = []
    for group in sorted(set(group_of.values())):
        members = {t: seed[t] for t in teams if group_of.get(t) == group}
        table = standings.compute(members, [r for r in results if (r.group or 1) == group],
                                  points=settings["points"], tiebreakers=settings["tiebreakers"],
                                  resolutions=resolutions(stage))
        advance = settings.get("advance")
        if stage.status == "completed" and advance:
            _mark_advance(table, advance)
        out.extend(row.as_dict() | {"group": group} for row in table)
    return out


def _mark_advance(table: list[Row], advance: int) -> None:
    """The top ``advance`` go through; teams tied across the line stay ``active`` (none of
    them is through) until the organizer breaks the tie."""
    undecided = set(standings.line_tie([(r.team_id, r.rank) for r in table], advance))
    for position, row in enumerate(table):
        if row.team_id in undecided:
            row.status = "active"
        else:
            row.status = "advanced" if position < advance else "eliminated"


def _swiss(stage: Stage, teams: list[int], settings: dict[str, Any],
           results: list[MatchResult]) -> list[dict[str, Any]]:
    seeds = {t: i + 1 for i, t in enumerate(teams)}
    table = standings.compute(seeds, results, tiebreakers=settings["tiebreakers"],
                              record=stage_formats.record_mode(settings),
                              resolutions=resolutions(stage))
    state = swiss.statuses(swiss.entries_from_results(teams, results),
                           stage_formats.swiss_settings(settings))
    for row in table:
        row.status = state.get(row.team_id, "active")
    return _plain(table)


def placements(stage: Stage, matches: list[Match]) -> list[dict[str, Any]]:
    """Final ranks decided so far: in an elimination stage a team's rank is final once it
    is out; in a round robin or Swiss stage only when the stage is complete (an advanced
    Swiss team's rank can still change)."""
    grouped = stage.format == "round_robin" and (stage.settings or {}).get("groups", 1) > 1
    table_final = stage.format in ("single_elimination", "double_elimination")
    if grouped or (not table_final and stage.status != "completed"):
        return []  # group ranks are not event placements; tables are final at the end
    return [{"team_id": r["team_id"], "rank": r["rank"]} for r in rows(stage, matches)
            if r["rank"] is not None and (r["status"] != "active" or stage.status == "completed")]
