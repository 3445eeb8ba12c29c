"""Request bodies of the JSON API, validated with pydantic (shared with the OpenAPI schema).

Bodies are parsed with ``model_validate_json`` in strict mode: ``"yes"`` is not a boolean,
``true`` is not a number, ``2.0`` is not a whole number, nesting deeper than pydantic's
limit is invalid JSON. Every bound a request can break is in the schema itself (lengths,
patterns, ranges), so the OpenAPI schema says exactly what is accepted."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import i18n
from .formats.limits import (
    MAX_BEST_OF,
    MAX_GAME_POINTS,
    MAX_TEAMS_PER_STAGE,
    SEED_QUALIFIERS,
)
from .formats.types import StageFormat
from .schemas_fields import (
    LINE,
    URL,
    YEARS,
    Body,
    Day,
    GameNames,
    GameTitle,
    Id,
    Integral,
    Name,
    Names,
    NationPoints,
    NewSettings,
    Slug,
    TimeZone,
    _line,
    _year,
)


class Venue(Body):
    """A venue of the tournament: ``name`` as matches hold it in ``venue``, and how each
    language says it (a language left out reads ``name``)."""

    name: Annotated[str, _line(100), Field(min_length=1)]
    names: Names = None


Venues = Annotated[list[Venue], Field(max_length=50)]  # names unique (``duplicate_venue``)


class VenueEdit(Venue):
    """A venue as ``PATCH`` sends it: ``renamed_from``, a venue the tournament lists or its
    matches name, renames it, and every match and round plan at it follows."""

    renamed_from: Annotated[str, _line(100), Field(min_length=1)] | None = None


VenueEdits = Annotated[list[VenueEdit], Field(max_length=50)]


class Station(Venue):
    """A station of the tournament (a stage, a booth, a PC): ``name`` as matches hold it
    in ``station``, and how each language says it (a language left out reads ``name``)."""


class StationEdit(VenueEdit):
    """A station as ``PATCH`` sends it: ``renamed_from``, a station the tournament lists or
    its matches name, renames it, and every match and round plan on it follows."""


# names unique (``duplicate_station``)
Stations = Annotated[list[Station], Field(max_length=100)]
StationEdits = Annotated[list[StationEdit], Field(max_length=100)]


class TournamentCreate(Body):
    slug: Slug
    name: Name
    names: Names = None
    timezone: TimeZone = "Asia/Seoul"
    starts_on: Day | None = None
    ends_on: Day | None = None
    nation_points: NationPoints = Field(default_factory=lambda: [10, 6, 5])
    nation_scoring: Literal["best", "every"] = "best"
    nation_decider: Slug | None = None  # an event's slug: it splits nations level on points
    venues: Venues = Field(default_factory=list)
    stations: Stations = Field(default_factory=list)
    published: bool = True


TOURNAMENT_ALWAYS = frozenset({"name", "timezone", "nation_points", "nation_scoring",
                               "venues", "stations", "published"})


def _not_null_schema(schema: dict[str, Any], fields: frozenset[str]) -> None:
    """The schema of optional fields that must not be null: just their type."""
    for field in fields:
        prop = schema["properties"][field]
        options = [o for o in prop.pop("anyOf", []) if o.get("type") != "null"]
        if len(options) == 1:
            prop.update(options[0])
        elif options:
            prop["anyOf"] = options
        prop.pop("default", None)


class TournamentUpdate(Body):
    """``PATCH /api/tournaments/{slug}``: any of the settable fields (publishing included).
    Fields that a tournament always has cannot be set to null (``starts_on``/``ends_on``
    can: that clears them)."""

    model_config = ConfigDict(json_schema_extra=lambda schema, _: _not_null_schema(
        schema, TOURNAMENT_ALWAYS))

    name: Name | None = None
    names: Names = None
    timezone: TimeZone | None = None
    starts_on: Day | None = None
    ends_on: Day | None = None
    nation_points: NationPoints | None = None
    nation_scoring: Literal["best", "every"] | None = None
    nation_decider: Slug | None = None  # null: no decider
    venues: VenueEdits | None = None  # the whole list, replacing the stored one
    stations: StationEdits | None = None  # likewise
    published: bool | None = None

    @model_validator(mode="after")
    def _present_not_null(self) -> TournamentUpdate:
        for field in sorted(TOURNAMENT_ALWAYS & self.model_fields_set):
            if getattr(self, field) is None:
                raise PydanticCustomError(
                    "null_not_allowed", "{field}: cannot be null; leave it out to keep it",
                    {"field": field})
        return self


class EventCreate(Body):
    slug: Slug
    name: Name
    names: Names = None
    game: GameTitle | None = None
    game_names: GameNames = None


class PlayerCreate(Body):
    handle: Annotated[str, _line(100), Field(min_length=1)]
    name: Annotated[str, _line(200)] | None = None
    names: Names = None


NATION = r"^[A-Za-z]{2}$"
# the schema lists every code it takes (upper or lower case), so it says exactly what is
# accepted: two letters that name no country ("JA" typed for Japan) are refused
_NATION_CODES = sorted(i18n.NATIONS | {c.lower() for c in i18n.NATIONS})
Nation = Annotated[str, Field(pattern=NATION, json_schema_extra={"enum": _NATION_CODES})]


def _known_nation(code: str) -> str:
    """An ISO 3166-1 country code CLDR knows, in upper or lower case ("jp" is JP)."""
    if code not in _NATION_CODES:
        raise ValueError(f"{code} is no country code (ISO 3166-1, such as KR, JP, CN)")
    return code.upper()


KnownNation = Annotated[Nation, AfterValidator(_known_nation)]


class TeamCreate(Body):
    name: Name
    names: Names = None
    nation: KnownNation | None = None
    seed: Id | None = None
    players: list[PlayerCreate] = Field(default_factory=list, max_length=50)


class SlotPlace(Body):
    """A place of the earlier stage: its group (1-based, or its letter) and place."""

    group: Annotated[int, Field(ge=1, le=64), Integral] | Annotated[
        str, Field(pattern="^[A-Za-z]$")] = 1
    place: Annotated[int, Field(ge=1, le=SEED_QUALIFIERS), Integral]


SLOTS_DOC = (
    "Where every team goes, in seeding order: a team that enters directly (its id: in the "
    "event, not withdrawn, once, not in the earlier stage) or a place of the earlier stage "
    "({group, place}, e.g. {\"group\": \"A\", \"place\": 1}); every place it sends "
    "(the top `qualifiers` of each group) once. 422 unknown_place, duplicate_place, "
    "missing_place, unknown_team, team_withdrawn, duplicate_team, or the format's own code "
    "when it cannot play that many teams.")


class FromStage(Body):
    from_stage: Id
    qualifiers: Annotated[int, Field(ge=1, le=SEED_QUALIFIERS), Integral] = 2
    slots: Annotated[list[Id | SlotPlace], Field(
        min_length=2, max_length=MAX_TEAMS_PER_STAGE, description=SLOTS_DOC)] | None = None


class Draw(Body):
    """How the seeding list is drawn: shuffled with a recorded seed (``random``), and/or
    rearranged within pots so teams of one nation do not meet early."""

    random: bool = False
    seed: Annotated[int, Field(ge=0, le=2**31 - 1), Integral] | None = None  # generated when absent
    separate_nations: bool = False


class StageCreate(Body):
    name: Name
    names: Names = None
    format: Annotated[StageFormat, Field(strict=False)]  # every format of the registry
    settings: NewSettings = Field(default_factory=dict)  # null: the defaults
    seeding: Annotated[list[Id], Field(max_length=MAX_TEAMS_PER_STAGE)] | FromStage | None = None
    seeding_method: Literal["standard", "natural"] = "standard"
    draw: Draw | None = None
    start: bool = True  # false: a draft, seen by admins only, started later


class TiebreakerCreate(Body):
    """``POST /api/stages/{id}/tiebreakers``: a match between two teams that share a rank."""

    teams: Annotated[list[Id], Field(min_length=2, max_length=2)]
    best_of: Annotated[int, Field(ge=1, le=MAX_BEST_OF), Integral] = 1


class TieResolution(Body):
    """``POST /api/stages/{id}/ties``: the order of teams the tiebreakers left level."""

    teams: Annotated[list[Id], Field(min_length=2, max_length=64)]
    reason: Annotated[str, _line(500), Field(min_length=1)]


Points = Annotated[int, Field(ge=0, le=MAX_GAME_POINTS), Integral]
GameScore = Annotated[list[Points], Field(min_length=2, max_length=2)]
SeriesScore = Annotated[list[Annotated[int, Field(ge=0, le=MAX_BEST_OF), Integral]],
                        Field(min_length=2, max_length=2)]


def _in_range(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("a time needs its offset, e.g. 2026-11-20T19:00:00+09:00")
    _year(value.date())
    return value


def _url(value: str) -> str | None:
    return value or None


class GameDetail(Body):
    """A game with more than its score: the map (or stage, characters) it was played on."""

    score: GameScore
    map: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100,
                                          pattern=LINE)] | None = None
    # the game is being played (only the last game, only while the match is live): its
    # score is shown but not counted in the series
    live: bool = False


class GamePlacing(Body):
    """One team's place and kills in a free-for-all game (checked by the format: every
    team of the lobby once, places 1..N, kills >= 0)."""

    team_id: Annotated[int, Integral]
    placement: Annotated[int, Integral]
    kills: Annotated[int, Integral]


class LobbyGame(Body):
    """A free-for-all game: its number in the lobby (an earlier number corrects it)."""

    number: Annotated[int, Integral]
    results: Annotated[list[GamePlacing], Field(max_length=100)]


class MatchUpdate(Body):
    status: Literal["pending", "ready", "live", "completed"] | None = None
    score: SeriesScore | None = None
    games: Annotated[list[GameScore | GameDetail], Field(max_length=MAX_BEST_OF)] | None = None
    forfeit: Annotated[int, Field(ge=1, le=2), Integral] | None = None  # the side that forfeits
    game: LobbyGame | None = None  # a free-for-all lobby's game
    scheduled_at: Annotated[datetime, AfterValidator(_in_range),
                            Field(json_schema_extra={"pattern": YEARS})] | None = None
    stream_url: Annotated[str, Field(max_length=500, pattern=URL),
                          AfterValidator(_url)] | None = None
    venue: Annotated[str, _line(100), Field(min_length=1)] | None = None
    station: Annotated[str, _line(100), Field(min_length=1)] | None = None
    referee_id: Id | None = None
    checked_in: Annotated[list[bool], Field(min_length=2, max_length=2)] | None = None
    override: bool = False  # save a schedule that clashes with another match
    # a precondition, as If-Match: the teams the sender saw in the match (a console drawn
    # for them); others there now: 409 teams_changed, nothing saved
    expected_teams: Annotated[list[Id | None], Field(min_length=2, max_length=2)] | None = None


class Withdrawal(Body):
    reason: Literal["withdrawn", "disqualified"] = "withdrawn"
