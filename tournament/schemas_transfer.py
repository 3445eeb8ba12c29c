"""The shape of a tournament export (``GET /api/tournaments/{slug}/export``), checked as
strictly as every other body when it is imported (``POST /api/tournaments/import``).
Rows refer to each other by the ids they had where they were exported (``id`` fields);
the importer gives them new ones. No secrets: users and tokens are not exported."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import Field

from .formats.limits import MAX_TEAMS_PER_STAGE
from .schemas import PlayerCreate, SlotPlace, Stations, Venues
from .schemas_edit import RoundTimes, Time
from .schemas_fields import Body, Day, Id, Integral, Name, Names, SettingsIn, Slug, TimeZone

VERSION = 1
Count = Annotated[int, Field(ge=0, le=10**9), Integral]
Int = Annotated[int, Field(ge=-(10**9), le=10**9), Integral]
Number = Annotated[int, Field(ge=1, le=10**9), Integral]


class PlacingRow(Body):
    team_id: Id
    placement: Number
    kills: Count


class LobbyGameRow(Body):
    number: Number
    results: Annotated[list[PlacingRow], Field(max_length=100)]


class MatchRow(Body):
    number: Number
    round: Count
    group: Count | None = None
    bracket: str | None = None
    team1_id: Id | None = None
    team2_id: Id | None = None
    filled1: bool = True
    filled2: bool = True
    score1: Count = 0
    score2: Count = 0
    games: list[Annotated[list[Count], Field(min_length=2, max_length=2)]] | None = None
    maps: list[str | None] | None = None
    game_in_play: bool = False  # the last of games is being played (a live match's)
    best_of: Annotated[int, Field(ge=1, le=99), Integral] = 1
    status: Literal["pending", "ready", "live", "completed"] = "pending"
    winner: Annotated[int, Field(ge=1, le=2), Integral] | None = None
    draw: bool = False
    forfeit: Annotated[int, Field(ge=1, le=2), Integral] | None = None
    # the forfeiting team's withdrawal made it (none in an export made before)
    forfeit_reason: Literal["withdrawn", "disqualified"] | None = None
    scheduled_at: Time | None = None
    stream_url: str | None = None
    venue: str | None = None
    station: str | None = None
    checked_in1_at: Time | None = None
    checked_in2_at: Time | None = None
    winner_to: Number | None = None
    winner_slot: Annotated[int, Field(ge=0, le=1), Integral] | None = None
    loser_to: Number | None = None
    loser_slot: Annotated[int, Field(ge=0, le=1), Integral] | None = None
    conditional: bool = False
    active: bool = True
    lobby: Annotated[list[Id], Field(max_length=100)] | None = None  # a free-for-all lobby
    placings: Annotated[list[LobbyGameRow], Field(max_length=100)] | None = None
    version: Number = 1
    updated_at: Time


class HoldRow(Body):
    code: Literal["waiting_for_stage", "unresolved_tie", "too_few_teams"]
    stage: Id
    teams: list[Id] = Field(default_factory=list, max_length=64)
    group: Count | None = None
    places: Annotated[list[Count], Field(min_length=2, max_length=2)] | None = None
    qualifiers: Count | None = None
    slot: Annotated[str, Field(max_length=8)] | None = None  # a place no team holds: "B3"
    message: Annotated[str, Field(max_length=500)] | None = None


class Resolution(Body):
    teams: Annotated[list[Id], Field(min_length=2, max_length=64)]
    reason: Annotated[str, Field(max_length=500)]
    at: Annotated[str, Field(max_length=64)] | None = None


class PlanApplied(Body):
    at: Time
    # the matches it timed, by their numbers in the stage (ids are the exporter's)
    matches: Annotated[list[Number], Field(max_length=MAX_TEAMS_PER_STAGE)] = Field(
        default_factory=list)


class RoundPlanRow(RoundTimes):
    """A round planned ahead (``services/round_plans.py``), as ``GET round-plans`` shows it
    without its referee (users are not exported) and the clashes found when it was applied
    (they name the exporter's matches)."""

    id: Number
    applied: PlanApplied | None = None


class Source(Body):
    from_stage: Id
    qualifiers: Annotated[int, Field(ge=1, le=64), Integral] = 2
    # where each team goes: direct entrants (team ids of the export) and places
    slots: Annotated[list[Id | SlotPlace], Field(max_length=MAX_TEAMS_PER_STAGE)] | None = None


class StageRow(Body):
    id: Id
    name: Name
    names: Names = None
    format: str
    settings: SettingsIn
    seeding: list[Id]
    seeding_method: Literal["standard", "natural"] = "standard"
    source: Source | None = None
    status: Literal["draft", "pending", "running", "completed"]
    # when it last became completed; none in an export made before it was kept
    completed_at: Time | None = None
    position: Count = 0
    hold: HoldRow | None = None
    resolutions: list[Resolution] | None = None
    draw: dict[str, Any] | None = None
    matches: list[MatchRow] = Field(default_factory=list)
    # none in an export made before plans were exported
    round_plans: Annotated[list[RoundPlanRow], Field(max_length=1000)] = Field(
        default_factory=list)


class TeamRow(Body):
    id: Id
    name: Name
    names: Names = None
    nation: Annotated[str, Field(pattern=r"^[A-Z]{2}$")] | None = None
    seed: Id | None = None
    withdrawn: bool = False
    withdrawn_at: Time | None = None  # when it withdrew (none in an export made before)
    # why: "withdrawn" or "disqualified" (none in an export made before)
    withdrawn_reason: Literal["withdrawn", "disqualified"] | None = None
    players: list[PlayerCreate] = Field(default_factory=list, max_length=50)


class EventRow(Body):
    slug: Slug
    name: Name
    names: Names = None
    game: str | None = None
    game_names: Names = None
    position: Count = 0
    teams: list[TeamRow] = Field(default_factory=list)
    stages: list[StageRow] = Field(default_factory=list)


class TournamentRow(Body):
    slug: Slug
    name: Name
    names: Names = None
    timezone: TimeZone
    starts_on: Day | None = None
    ends_on: Day | None = None
    nation_points: list[Count] = Field(default_factory=list)
    nation_scoring: Literal["best", "every"] = "best"
    nation_decider: Slug | None = None  # one of the export's events
    venues: Venues = Field(default_factory=list)  # with their names in each language
    stations: Stations = Field(default_factory=list)  # likewise
    published: bool = True
    last_seq: Count = 0


class Export(Body):
    format: Literal["tournament-export"]
    version: Literal[1]
    exported_at: Annotated[datetime, Field(json_schema_extra={"format": "date-time"})]
    tournament: TournamentRow
    events: list[EventRow] = Field(default_factory=list)
