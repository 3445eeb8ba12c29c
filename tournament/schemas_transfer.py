"""The shape of a tournament export (``GET /api/tournaments/{slug}/export``), checked as
strictly as every other body when it is imported (``POST /api/tournaments/import``).
Rows refer to each other by the ids they had where they were exported (``id`` fields);
the importer gives them new ones. No secrets: users and tokens are not exported."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from .schemas import Body, Id, Name, Names, PlayerCreate, Slug, TimeZone

VERSION = 1
Count = Annotated[int, Field(ge=0, le=10**9)]


class MatchRow(Body):
    number: Annotated[int, Field(ge=1)]
    round: Annotated[int, Field(ge=0)]
    group: int | None = None
    bracket: str | None = None
    team1_id: int | None = None
    team2_id: int | None = None
    filled1: bool = True
    filled2: bool = True
    score1: Count = 0
    score2: Count = 0
    games: list[list[int]] | None = None
    maps: list[str | None] | None = None
    best_of: Annotated[int, Field(ge=1, le=99)] = 1
    status: Literal["pending", "ready", "live", "completed"] = "pending"
    winner: Literal[1, 2] | None = None
    draw: bool = False
    forfeit: Literal[1, 2] | None = None
    scheduled_at: datetime | None = None
    stream_url: str | None = None
    venue: str | None = None
    station: str | None = None
    checked_in1_at: datetime | None = None
    checked_in2_at: datetime | None = None
    winner_to: int | None = None
    winner_slot: int | None = None
    loser_to: int | None = None
    loser_slot: int | None = None
    conditional: bool = False
    active: bool = True
    version: Annotated[int, Field(ge=1)] = 1
    updated_at: datetime


class StageRow(Body):
    id: Id
    name: Name
    names: Names = None
    format: str
    settings: dict[str, Any]
    seeding: list[Id]
    seeding_method: Literal["standard", "natural"] = "standard"
    source: dict[str, int] | None = None
    status: Literal["draft", "pending", "running", "completed"]
    position: Count = 0
    hold: dict[str, Any] | None = None
    resolutions: list[dict[str, Any]] | None = None
    draw: dict[str, Any] | None = None
    matches: list[MatchRow] = Field(default_factory=list)


class TeamRow(Body):
    id: Id
    name: Name
    names: Names = None
    nation: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    seed: Id | None = None
    withdrawn: bool = False
    players: list[PlayerCreate] = Field(default_factory=list, max_length=50)


class EventRow(Body):
    slug: Slug
    name: Name
    names: Names = None
    game: str | None = None
    position: Count = 0
    teams: list[TeamRow] = Field(default_factory=list)
    stages: list[StageRow] = Field(default_factory=list)


class TournamentRow(Body):
    slug: Slug
    name: Name
    names: Names = None
    timezone: TimeZone
    starts_on: date | None = None
    ends_on: date | None = None
    nation_points: list[Count] = Field(default_factory=list)
    nation_scoring: Literal["best", "every"] = "best"
    published: bool = True
    last_seq: Count = 0


class Export(Body):
    format: Literal["tournament-export"]
    version: Literal[1]
    exported_at: datetime
    tournament: TournamentRow
    events: list[EventRow] = Field(default_factory=list)
