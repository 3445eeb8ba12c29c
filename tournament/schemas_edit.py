"""Request bodies of the organizer's edits: stages, teams, events, schedules (the same
strict rules as ``schemas.py``). Fields a thing always has cannot be set to null."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from .formats.limits import MAX_TEAMS_PER_STAGE
from .schemas import KnownNation, PlayerCreate, _in_range, _not_null_schema, _url
from .schemas_fields import (
    URL,
    YEARS,
    Body,
    GameNames,
    GameTitle,
    Id,
    Integral,
    Name,
    Names,
    SettingsIn,
    _line,
)

Place = Annotated[str, _line(100), Field(min_length=1)]  # a venue or a station
Time = Annotated[datetime, AfterValidator(_in_range), Field(json_schema_extra={"pattern": YEARS})]
Stream = Annotated[str, Field(max_length=500, pattern=URL), AfterValidator(_url)]


class Patch(Body):
    """A partial update: fields left out stay as they are; ``ALWAYS`` fields are never
    null."""

    ALWAYS: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _present_not_null(self) -> Any:
        for field in sorted(self.ALWAYS & self.model_fields_set):
            if getattr(self, field) is None:
                raise PydanticCustomError(
                    "null_not_allowed", "{field}: cannot be null; leave it out to keep it",
                    {"field": field})
        return self


def _always(fields: frozenset[str]) -> ConfigDict:
    return ConfigDict(json_schema_extra=lambda schema, _: _not_null_schema(schema, fields))


class StageUpdate(Patch):
    """``PATCH /api/stages/{id}``: a draft or a stage without results is planned again;
    once results exist that would be lost, only with ``confirm``."""

    ALWAYS = frozenset({"name", "settings", "seeding", "seeding_method"})
    model_config = _always(ALWAYS)

    name: Name | None = None
    names: Names = None
    settings: SettingsIn | None = None
    seeding: Annotated[list[Id], Field(max_length=MAX_TEAMS_PER_STAGE)] | None = None
    seeding_method: Literal["standard", "natural"] | None = None
    confirm: bool = False


class StageDelete(Body):
    confirm: bool = False


class EventUpdate(Patch):
    ALWAYS = frozenset({"name"})
    model_config = _always(ALWAYS)

    name: Name | None = None
    names: Names = None
    game: GameTitle | None = None
    game_names: GameNames = None


class TeamUpdate(Patch):
    ALWAYS = frozenset({"name", "players"})
    model_config = _always(ALWAYS)

    name: Name | None = None
    names: Names = None
    nation: KnownNation | None = None
    seed: Id | None = None
    players: list[PlayerCreate] | None = Field(default=None, max_length=50)


class RoundTimes(Body):
    """A round's times and places: its matches from ``starts_at``, spread over the
    ``stations`` in turn, each station playing one every ``interval_minutes`` (without
    stations: one match every interval; 0: all at once). A round's schedule and a round
    plan (as sent, and as an export carries it) are this and more."""

    round: Annotated[int, Field(ge=1, le=100), Integral]
    bracket: Literal["winners", "losers", "grand_final", "third_place", "tiebreaker"] | None = None
    group: Annotated[int, Field(ge=1, le=64), Integral] | None = None
    starts_at: Time
    interval_minutes: Annotated[int, Field(ge=0, le=24 * 60), Integral] = 0
    venue: Place | None = None
    stations: Annotated[list[Place], Field(max_length=64)] = Field(default_factory=list)
    stream_url: Stream | None = None


class RoundSchedule(RoundTimes):
    """``POST /api/stages/{id}/schedule`` (and a round plan as sent): a round's times, its
    referee, and whether to save it though it clashes."""

    referee_id: Id | None = None
    override: bool = False  # save even though it clashes
