"""Public JSON shapes of the stored rows, as typed dicts (the API, the pages and the live
feed share them; ``web/openapi_shapes.py`` describes the same shapes for the schema)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Required, TypedDict
from zoneinfo import ZoneInfo

from .formats.state import MatchState
from .models import Event, Player, Stage, Team, Tournament


def iso(value: datetime | None, tz: str | None = None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if tz:
        try:
            return value.astimezone(ZoneInfo(tz)).isoformat()
        except (OverflowError, ValueError):  # a stored time at the edge of the calendar
            pass
    return value.isoformat()


class TournamentView(TypedDict):
    id: int | None
    slug: str
    name: str
    names: dict[str, str]
    timezone: str
    starts_on: str | None
    ends_on: str | None
    nation_points: list[int]
    nation_scoring: str
    published: bool
    last_seq: int


def tournament_view(t: Tournament) -> TournamentView:
    return {
        "id": t.id,
        "slug": t.slug,
        "name": t.name,
        "names": t.names or {},
        "timezone": t.timezone,
        "starts_on": t.starts_on.isoformat() if t.starts_on else None,
        "ends_on": t.ends_on.isoformat() if t.ends_on else None,
        "nation_points": t.nation_points or [],
        "nation_scoring": t.nation_scoring,
        "published": t.published,
        "last_seq": t.last_seq,
    }


class EventView(TypedDict):
    id: int | None
    tournament: str
    slug: str
    name: str
    names: dict[str, str]
    game: str | None


def event_view(e: Event, tournament_slug: str) -> EventView:
    return {
        "id": e.id,
        "tournament": tournament_slug,
        "slug": e.slug,
        "name": e.name,
        "names": e.names or {},
        "game": e.game,
    }


class PlayerView(TypedDict):
    handle: str
    name: str | None
    names: dict[str, str]


def player_view(p: Player) -> PlayerView:
    return {"handle": p.handle, "name": p.name, "names": p.names or {}}


class TeamView(TypedDict, total=False):
    id: Required[int | None]
    event_id: Required[int]
    name: Required[str]
    names: Required[dict[str, str]]
    nation: Required[str | None]
    seed: Required[int | None]
    withdrawn: Required[bool]
    players: list[PlayerView]  # with the roster


def team_view(t: Team, players: list[Player] | None = None) -> TeamView:
    view: TeamView = {
        "id": t.id,
        "event_id": t.event_id,
        "name": t.name,
        "names": t.names or {},
        "nation": t.nation,
        "seed": t.seed,
        "withdrawn": t.withdrawn,
    }
    if players is not None:
        view["players"] = [player_view(p) for p in players]
    return view


class StageSummary(TypedDict):
    id: int | None
    event_id: int
    name: str
    names: dict[str, str]
    format: str
    settings: dict[str, Any]
    seeding_method: str
    status: str
    hold: dict[str, Any] | None
    team_count: int


def stage_summary(s: Stage) -> StageSummary:
    return {
        "id": s.id,
        "event_id": s.event_id,
        "name": s.name,
        "names": s.names or {},
        "format": s.format,
        "settings": s.settings or {},
        "seeding_method": s.seeding_method,
        "status": s.status,
        "hold": s.hold,
        "team_count": len(s.seeding or []),
    }


class MatchView(TypedDict):
    id: int | None
    stage_id: int
    group: int | None
    round: int
    bracket: str | None
    number: int
    teams: list[int | None]
    score: list[int]
    games: list[list[int]]
    maps: list[str | None]
    best_of: int
    status: str
    winner: int | None
    draw: bool
    forfeit: bool
    forfeited_by: int | None
    scheduled_at: str | None
    stream_url: str | None
    version: int
    updated_at: str | None


def match_view(m: MatchState, tz: str | None = None) -> MatchView:
    return {
        "id": m.id,
        "stage_id": m.stage_id,
        "group": m.group,
        "round": m.round,
        "bracket": m.bracket,
        "number": m.number,
        "teams": [m.team1_id, m.team2_id],
        "score": [m.score1, m.score2],
        "games": m.games or [],
        "maps": m.maps or [],
        "best_of": m.best_of,
        "status": m.status,
        "winner": m.winner,
        "draw": m.draw,
        "forfeit": m.forfeit is not None,
        "forfeited_by": m.forfeit,
        "scheduled_at": iso(m.scheduled_at, tz),
        "stream_url": m.stream_url,
        "version": m.version,
        "updated_at": iso(m.updated_at),
    }
