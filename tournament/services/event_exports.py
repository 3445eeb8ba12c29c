"""An event's results and standings as tables (JSON rows, or CSV for spreadsheets and
broadcast graphics): one row per match, one row per team and stage."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..formats.types import StageStatus
from . import annulment
from .stage_reads import stage_matches
from .standings import table
from .tournaments import event_by_slug, event_stages, event_teams, tournament_by_slug

RESULT_COLUMNS = ("stage", "number", "round", "group", "bracket", "team1", "team2", "score1",
                  "score2", "games", "status", "winner", "draw", "forfeited_by",
                  "scheduled_at", "venue", "station", "game_in_play", "annulled",
                  "forfeit_reason")
STANDING_COLUMNS = ("stage", "group", "rank", "team", "nation", "wins", "draws", "losses",
                    "points", "games_won", "games_lost", "goals_for", "goals_against",
                    "buchholz", "status", "tied")


async def event_tables(session: AsyncSession, slug: str,
                       event_slug: str) -> dict[str, list[dict[str, Any]]]:
    t = await tournament_by_slug(session, slug)
    event = await event_by_slug(session, t, event_slug)
    assert event.id is not None
    names = {x.id: x for x in await event_teams(session, event.id)}
    results: list[dict[str, Any]] = []
    standings: list[dict[str, Any]] = []
    withdrawn = annulment.withdrawals_of(names.values())
    for stage in await event_stages(session, event.id):
        if stage.status == StageStatus.DRAFT or stage.id is None:
            continue
        matches = await stage_matches(session, stage.id)
        struck = annulment.struck(stage, matches, withdrawn)
        for m in matches:
            if not m.active or None in m.teams:
                continue  # byes and an unplayed bracket reset are no results
            view = views.match_view(m, t.timezone, struck)
            team1, team2 = (names[x].name if x in names else None for x in m.teams)
            results.append({"stage": stage.name, "number": m.number, "round": m.round,
                            "group": m.group, "bracket": m.bracket, "team1": team1,
                            "team2": team2, "score1": m.score1, "score2": m.score2,
                            "games": " ".join(f"{a}-{b}" for a, b in m.games or []),
                            "status": m.status, "winner": m.winner, "draw": m.draw,
                            "forfeited_by": m.forfeit, "scheduled_at": view["scheduled_at"],
                            "venue": m.venue, "station": m.station,
                            "game_in_play": view["game_in_play"],
                            "annulled": view["annulled"],
                            "forfeit_reason": m.forfeit_reason})
        for row in table(stage, matches, withdrawn):
            team = names.get(row.team_id)
            standings.append({"stage": stage.name, "group": row.group, "rank": row.rank,
                              "team": team.name if team else row.team_id,
                              "nation": team.nation if team else None, "wins": row.wins,
                              "draws": row.draws, "losses": row.losses,
                              "points": row.points, "games_won": row.games_won,
                              "games_lost": row.games_lost, "goals_for": row.goals_for,
                              "goals_against": row.goals_against, "buchholz": row.buchholz,
                              "status": row.status, "tied": row.tied})
    return {"results": results, "standings": standings}


def as_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore",
                            lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return "\ufeff" + out.getvalue()  # a BOM so spreadsheets read Korean and Japanese
