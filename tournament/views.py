"""Public JSON shapes of the stored rows (the API and the live feed share them)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from .models import Event, Match, Player, Stage, Team, Tournament


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


def tournament_view(t: Tournament) -> dict[str, Any]:
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


def event_view(e: Event, tournament_slug: str) -> dict[str, Any]:
    return {
        "id": e.id,
        "tournament": tournament_slug,
        "slug": e.slug,
        "name": e.name,
        "names": e.names or {},
        "game": e.game,
    }


def player_view(p: Player) -> dict[str, Any]:
    return {"handle": p.handle, "name": p.name, "names": p.names or {}}


def team_view(t: Team, players: list[Player] | None = None) -> dict[str, Any]:
    view: dict[str, Any] = {
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


def stage_summary(s: Stage) -> dict[str, Any]:
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


def match_view(m: Match, tz: str | None = None) -> dict[str, Any]:
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
