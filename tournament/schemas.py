"""Request bodies of the JSON API, validated with pydantic (shared with the OpenAPI schema)."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, field_validator

SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$")
LANGS = ("ko", "ja", "en")


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _names(value: dict[str, str] | None) -> dict[str, str] | None:
    if value is None:
        return None
    unknown = set(value) - set(LANGS)
    if unknown:
        raise ValueError(f"names takes the languages ko, ja, en; not {sorted(unknown)}")
    return {k: v.strip() for k, v in value.items() if v and v.strip()}


def _slug(value: str) -> str:
    if not SLUG.match(value):
        raise ValueError("a slug is 1-64 lowercase letters, digits and inner hyphens")
    return value


class TournamentCreate(Body):
    slug: str
    name: str = Field(min_length=1, max_length=200)
    names: dict[str, str] | None = None
    timezone: str = "Asia/Seoul"
    starts_on: date | None = None
    ends_on: date | None = None
    nation_points: list[int] = Field(default_factory=lambda: [10, 6, 5])
    nation_scoring: Literal["best", "every"] = "best"
    published: bool = True

    _v_slug = field_validator("slug")(_slug)
    _v_names = field_validator("names")(_names)

    @field_validator("timezone")
    @classmethod
    def _tz(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise ValueError(f"unknown time zone {value!r}") from exc
        return value

    @field_validator("nation_points")
    @classmethod
    def _points(cls, value: list[int]) -> list[int]:
        if any(p < 0 for p in value):
            raise ValueError("nation points cannot be negative")
        return value


class TournamentUpdate(Body):
    """``PATCH /api/tournaments/{slug}``: any of the settable fields (publishing included)."""

    name: str | None = Field(default=None, min_length=1, max_length=200)
    names: dict[str, str] | None = None
    timezone: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    nation_points: list[int] | None = None
    nation_scoring: Literal["best", "every"] | None = None
    published: bool | None = None

    _v_names = field_validator("names")(_names)
    _v_tz = field_validator("timezone")(lambda v: TournamentCreate._tz(v) if v else v)
    _v_points = field_validator("nation_points")(
        lambda v: TournamentCreate._points(v) if v is not None else v)


class EventCreate(Body):
    slug: str
    name: str = Field(min_length=1, max_length=200)
    names: dict[str, str] | None = None
    game: str | None = Field(default=None, max_length=100)

    _v_slug = field_validator("slug")(_slug)
    _v_names = field_validator("names")(_names)


class PlayerCreate(Body):
    handle: str = Field(min_length=1, max_length=100)
    name: str | None = Field(default=None, max_length=200)
    names: dict[str, str] | None = None

    _v_names = field_validator("names")(_names)


class TeamCreate(Body):
    name: str = Field(min_length=1, max_length=200)
    names: dict[str, str] | None = None
    nation: str | None = None
    seed: int | None = Field(default=None, ge=1)
    players: list[PlayerCreate] = Field(default_factory=list, max_length=50)

    _v_names = field_validator("names")(_names)

    @field_validator("nation")
    @classmethod
    def _nation(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise ValueError("a nation is an ISO 3166-1 alpha-2 code such as KR or JP")
        return value.upper()


class FromStage(Body):
    from_stage: int
    qualifiers: int = Field(default=2, ge=1)


class Draw(Body):
    """How the seeding list is drawn: shuffled with a recorded seed (``random``), and/or
    rearranged within pots so teams of one nation do not meet early."""

    random: bool = False
    seed: int | None = Field(default=None, ge=0, le=2**31 - 1)  # generated when absent
    separate_nations: bool = False


class StageCreate(Body):
    name: str = Field(min_length=1, max_length=200)
    names: dict[str, str] | None = None
    format: Literal["single_elimination", "double_elimination", "round_robin", "swiss"]
    settings: dict[str, Any] = Field(default_factory=dict)
    seeding: list[int] | FromStage | None = None
    seeding_method: Literal["standard", "natural"] = "standard"
    draw: Draw | None = None

    _v_names = field_validator("names")(_names)


class TiebreakerCreate(Body):
    """``POST /api/stages/{id}/tiebreakers``: a match between two teams that share a rank."""

    teams: list[int] = Field(min_length=2, max_length=2)
    best_of: int = Field(default=1, ge=1, le=99)


class TieResolution(Body):
    """``POST /api/stages/{id}/ties``: the order of teams the tiebreakers left level."""

    teams: list[int] = Field(min_length=2, max_length=64)
    reason: str = Field(min_length=1, max_length=500)


class MatchUpdate(Body):
    status: Literal["pending", "ready", "live", "completed"] | None = None
    score: Any = None
    games: Any = None
    forfeit: Literal[1, 2] | None = None
    scheduled_at: datetime | None = None
    stream_url: str | None = Field(default=None, max_length=500)

    @field_validator("stream_url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value and not re.match(r"^https?://", value):
            raise ValueError("a stream URL starts with http:// or https://")
        return value or None

    @field_validator("scheduled_at")
    @classmethod
    def _aware(cls, value: datetime | None) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("a time needs its offset, e.g. 2026-11-20T19:00:00+09:00")
        return value


class UserCreate(Body):
    name: str = Field(min_length=1, max_length=100)
    role: Literal["admin", "referee"] = "referee"
    # referees only: the tournaments (slugs) they may referee; none = every tournament
    tournaments: list[str] | None = None


class RefereeAssign(Body):
    user_id: int


class Withdrawal(Body):
    reason: Literal["withdrawn", "disqualified"] = "withdrawn"
