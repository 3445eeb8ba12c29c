"""Public JSON shapes of the stored rows, as typed dicts (the API, the pages and the live
feed share them; ``web/openapi_shapes.py`` describes the same shapes for the schema)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any, NotRequired, Protocol, Required, TypedDict, cast
from zoneinfo import ZoneInfo

from . import place_names
from .formats.state import MatchState
from .formats.withdrawal import void
from .models import Event, Player, Stage, Tournament


def ident(value: int | None) -> int:
    """A stored row's id (a row shown is always stored)."""
    assert value is not None, "a row without an id cannot be shown"
    return value


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


class PlaceView(TypedDict):
    name: str  # as matches hold it in ``venue`` (or ``station``)
    names: dict[str, str]  # how each language says it


class TournamentView(TypedDict):
    id: int
    slug: str
    name: str
    names: dict[str, str]
    timezone: str
    starts_on: str | None
    ends_on: str | None
    nation_points: list[int]
    nation_scoring: str
    nation_decider: str | None
    venues: list[PlaceView]
    stations: list[PlaceView]
    published: bool
    last_seq: int


def tournament_view(t: Tournament) -> TournamentView:
    return {
        "id": ident(t.id),
        "slug": t.slug,
        "name": t.name,
        "names": t.names or {},
        "timezone": t.timezone,
        "starts_on": t.starts_on.isoformat() if t.starts_on else None,
        "ends_on": t.ends_on.isoformat() if t.ends_on else None,
        "nation_points": t.nation_points or [],
        "nation_scoring": t.nation_scoring,
        "nation_decider": t.nation_decider,
        "venues": cast(list[PlaceView], place_names.view(t.venues)),
        "stations": cast(list[PlaceView], place_names.view(t.stations)),
        "published": t.published,
        "last_seq": t.last_seq,
    }


class EventView(TypedDict):
    id: int
    tournament: str
    slug: str
    name: str
    names: dict[str, str]
    game: str | None
    game_names: dict[str, str]


def event_view(e: Event, tournament_slug: str) -> EventView:
    return {
        "id": ident(e.id),
        "tournament": tournament_slug,
        "slug": e.slug,
        "name": e.name,
        "names": e.names or {},
        "game": e.game,
        "game_names": e.game_names or {},
    }


class PlayerView(TypedDict):
    handle: str
    name: str | None
    names: dict[str, str]


def player_view(p: Player) -> PlayerView:
    return {"handle": p.handle, "name": p.name, "names": p.names or {}}


class TeamView(TypedDict, total=False):
    id: Required[int]
    event_id: Required[int]
    name: Required[str]
    names: Required[dict[str, str]]
    nation: Required[str | None]
    seed: Required[int | None]
    withdrawn: Required[bool]
    withdrawn_reason: Required[str | None]  # "withdrawn" | "disqualified" once it left
    players: list[PlayerView]  # with the roster


class TeamFields(Protocol):
    """A team as ``team_view`` reads it: a ``Team`` or a plain row of its table."""

    @property
    def id(self) -> int | None: ...
    @property
    def event_id(self) -> int: ...
    @property
    def name(self) -> str: ...
    @property
    def names(self) -> dict[str, str] | None: ...
    @property
    def nation(self) -> str | None: ...
    @property
    def seed(self) -> int | None: ...
    @property
    def withdrawn(self) -> bool: ...
    @property
    def withdrawn_reason(self) -> str | None: ...


def team_view(t: TeamFields, players: list[Player] | None = None) -> TeamView:
    view: TeamView = {
        "id": ident(t.id),
        "event_id": t.event_id,
        "name": t.name,
        "names": t.names or {},
        "nation": t.nation,
        "seed": t.seed,
        "withdrawn": t.withdrawn,
        "withdrawn_reason": t.withdrawn_reason if t.withdrawn else None,
    }
    if players is not None:
        view["players"] = [player_view(p) for p in players]
    return view


class StageSummary(TypedDict):
    id: int
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
        "id": ident(s.id),
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


class ListedStage(StageSummary):
    # how many teams a stage waiting for an earlier one will hold, when sure
    # (``services/field_sizes.teams_to_come``); None for any other stage
    teams_to_come: int | None


class MatchView(TypedDict):
    id: int
    stage_id: int
    group: int | None
    round: int
    bracket: str | None
    number: int
    teams: list[int | None]
    score: list[int]
    games: list[list[int]]
    maps: list[str | None]
    game_in_play: bool  # the last of games is being played: shown, not counted
    best_of: int
    status: str
    winner: int | None
    draw: bool
    forfeit: bool
    forfeited_by: int | None
    # "withdrawn" | "disqualified": the forfeiting team's withdrawal forfeited the match;
    # None for any other (a forfeit a referee entered, or none)
    forfeit_reason: str | None
    scheduled_at: str | None
    stream_url: str | None
    venue: str | None
    station: str | None
    referee_id: int | None
    checked_in_at: list[str | None]  # when each side checked in
    version: int
    updated_at: str | None
    # a withdrawn team's result that its stage strikes out of the table (withdrawn_results)
    annulled: bool
    placings: NotRequired[list[dict[str, Any]]]  # a free-for-all lobby's games


def match_view(m: MatchState, tz: str | None = None,
               struck: Collection[int] = frozenset()) -> MatchView:
    """``struck``: the teams whose results the match's stage annuls (``withdrawal.py``;
    ``Changes.struck``, ``services/annulment.py``): a match of one is ``annulled``."""
    view = _match_view(m, tz, struck)
    if m.lobby is not None:  # a lobby: every team in it, and its games
        view["teams"] = list(m.lobby)
        view["placings"] = m.placings or []
    return view


def _match_view(m: MatchState, tz: str | None, struck: Collection[int]) -> MatchView:
    return {
        "id": ident(m.id),
        "stage_id": m.stage_id,
        "group": m.group,
        "round": m.round,
        "bracket": m.bracket,
        "number": m.number,
        "teams": [m.team1_id, m.team2_id],
        "score": [m.score1, m.score2],
        "games": m.games or [],
        "maps": m.maps or [],
        "game_in_play": m.game_in_play and bool(m.games),
        "best_of": m.best_of,
        "status": m.status,
        "winner": m.winner,
        "draw": m.draw,
        "forfeit": m.forfeit is not None,
        "forfeited_by": m.forfeit,
        "forfeit_reason": m.forfeit_reason,
        "scheduled_at": iso(m.scheduled_at, tz),
        "stream_url": m.stream_url,
        "venue": m.venue,
        "station": m.station,
        "referee_id": m.referee_id,
        "checked_in_at": [iso(m.checked_in1_at, tz), iso(m.checked_in2_at, tz)],
        "version": m.version,
        "updated_at": iso(m.updated_at),
        "annulled": bool(struck) and void((m.team1_id, m.team2_id), struck),
    }


# -- whole reads (a resource with what belongs to it) --------------------------------------

class TournamentHead(TournamentView):
    events: list[EventView]


class EventWithChampion(EventView):
    champion: TeamView | None


class TournamentDetail(TournamentView):
    events: list[EventWithChampion]
    nations: list[dict[str, object]]
    nation_pairs: list[dict[str, object]]


class Placement(TypedDict):
    team_id: int
    rank: int
    last: int  # the worst place of the range it shares (5 and 8: 5th-8th); rank when alone


class EventDetail(EventView):
    champion: TeamView | None
    teams: list[TeamView]
    stages: list[ListedStage]
    placements: list[Placement]


class ScheduleEntry(MatchView):
    stage: StageSummary | None
    opponent: TeamView | None
    venue_names: dict[str, str]  # its venue in each language, from the tournament's list
    station_names: dict[str, str]  # its station in each language, likewise
    places: NotRequired[list[dict[str, int]]]  # a lobby: the team's place and kills a game


class TeamDetail(TeamView):
    tournament: str
    event: str
    schedule: list[ScheduleEntry]


class StageView(ListedStage):
    tournament: str
    seeding: list[int]
    source: dict[str, int] | None
    ties: list[dict[str, Any]]
    draw: dict[str, Any] | None
    teams: list[TeamView]
    matches: list[MatchView]
    standings: list[dict[str, object]]
