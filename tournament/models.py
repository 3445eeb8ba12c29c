"""SQLModel tables. Public shapes are built in ``tournament/views.py``."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any

from pydantic import PrivateAttr
from sqlalchemy import JSON, Column, DateTime, Index, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(UTC)


def _json(nullable: bool = True) -> Any:
    return Field(default=None, sa_column=Column(JSON, nullable=nullable))


def _ts() -> Any:
    return Field(default_factory=utcnow, sa_column=Column(DateTime(timezone=True), nullable=False))


# SQLite hands out the id of a deleted last row again unless the table is AUTOINCREMENT:
# ids that pages, calendars, feeds, tokens and the audit trail name are never reused
# (PostgreSQL's sequences never do). Migration 0010 rebuilds the older tables so.
NEVER_REUSED: dict[str, Any] = {"sqlite_autoincrement": True}


class Tournament(SQLModel, table=True):
    __table_args__ = NEVER_REUSED
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(index=True, unique=True, max_length=64)
    name: str = Field(max_length=200)
    names: dict[str, str] | None = _json()
    timezone: str = Field(default="Asia/Seoul", max_length=64)
    starts_on: date | None = None
    ends_on: date | None = None
    nation_points: list[int] | None = _json()
    nation_scoring: str = Field(default="best", max_length=16)  # best | every
    # the slug of the event whose result splits nations level on points (or None)
    nation_decider: str | None = Field(default=None, max_length=64)
    # where its matches are played, named in each language: [{"name", "names": {lang:
    # name}}]; a match's ``venue`` that is one of the ``name``s is shown translated
    venues: list[dict[str, Any]] | None = _json()
    # its stations (stages, booths, PCs) alike (migration 0017): a match's ``station``
    # that is one of the ``name``s is shown translated
    stations: list[dict[str, Any]] | None = _json()
    published: bool = True
    last_seq: int = 0
    created_at: datetime = _ts()


class Event(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("tournament_id", "slug"), NEVER_REUSED)
    id: int | None = Field(default=None, primary_key=True)
    tournament_id: int = Field(foreign_key="tournament.id", index=True)
    slug: str = Field(max_length=64)
    name: str = Field(max_length=200)
    names: dict[str, str] | None = _json()
    game: str | None = Field(default=None, max_length=100)
    # the game's title in each language (migration 0018): {"ko": "리그 오브 레전드", ...};
    # a page shows the one of its language, else ``game``
    game_names: dict[str, str] | None = _json()
    position: int = 0


class Team(SQLModel, table=True):
    # "does this event have a withdrawn team?" is asked on every report: keep it O(log n)
    __table_args__ = (Index("ix_team_event_withdrawn", "event_id", "withdrawn"), NEVER_REUSED)
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    name: str = Field(max_length=200)
    names: dict[str, str] | None = _json()
    nation: str | None = Field(default=None, max_length=2)
    seed: int | None = None
    withdrawn: bool = False
    # when it withdrew (migration 0015); None for a team withdrawn before it was stored
    withdrawn_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    # "withdrawn" | "disqualified" (migration 0019; read from the audit trail for a team
    # withdrawn before it)
    withdrawn_reason: str | None = Field(default=None, max_length=16)


class Player(SQLModel, table=True):
    __table_args__ = NEVER_REUSED
    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    handle: str = Field(max_length=100)
    name: str | None = Field(default=None, max_length=200)
    names: dict[str, str] | None = _json()
    position: int = 0


class Stage(SQLModel, table=True):
    __table_args__ = NEVER_REUSED
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    tournament_id: int = Field(foreign_key="tournament.id", index=True)
    name: str = Field(max_length=200)
    names: dict[str, str] | None = _json()
    format: str = Field(max_length=32)
    settings: dict[str, Any] | None = _json()
    seeding: list[int] | None = _json()
    seeding_method: str = Field(default="standard", max_length=16)
    # {"from_stage": id, "qualifiers": n, "slots"?: [team id | {"group", "place"}]} for a
    # stage seeded from another (slots: where each place goes, between direct entrants)
    source: dict[str, Any] | None = _json()
    status: str = Field(default="running", max_length=16)  # a formats.types.StageStatus
    position: int = 0
    # why a pending stage waits: {"code": "waiting_for_stage" | "unresolved_tie" |
    # "too_few_teams", ...details}; None once it runs
    hold: dict[str, Any] | None = _json()
    # the organizer's order for teams the tiebreakers left level:
    # [{"teams": [ids, final order], "reason": str, "at": iso time}]
    resolutions: list[dict[str, Any]] | None = _json()
    # how the seeding was drawn: {"method": "random", "seed": n, "separate_nations": bool}
    draw: dict[str, Any] | None = _json()
    # rounds planned before their matches exist (services/round_plans.py): [{"id", "round",
    # "bracket", "group", "starts_at", "interval_minutes", "venue", "stations",
    # "stream_url", "referee_id", "applied": {"at", "matches", "clashes"} | None}]
    round_plans: list[dict[str, Any]] | None = _json()
    # when it last became completed (migration 0016); None while it is not. A team that
    # withdrew after it leaves its final order as it stands (formats/withdrawal.py)
    completed_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class Match(SQLModel, table=True):
    __table_args__ = (
        UniqueConstraint("stage_id", "number"),
        Index("ix_match_team1", "team1_id"),
        Index("ix_match_team2", "team2_id"),
        # ids of deleted matches (withdrawn Swiss rounds) are never handed out again
        {"sqlite_autoincrement": True},
    )
    id: int | None = Field(default=None, primary_key=True)
    stage_id: int = Field(foreign_key="stage.id", index=True)
    tournament_id: int = Field(foreign_key="tournament.id", index=True)
    number: int
    group: int | None = None
    round: int
    bracket: str | None = Field(default=None, max_length=16)
    team1_id: int | None = Field(default=None, foreign_key="team.id")
    team2_id: int | None = Field(default=None, foreign_key="team.id")
    filled1: bool = True
    filled2: bool = True
    score1: int = 0
    score2: int = 0
    games: list[list[int]] | None = _json()
    maps: list[str | None] | None = _json()  # each game's map (or stage, characters)
    # the last of ``games`` is in play (shown, never counted); only while the match is live
    game_in_play: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    best_of: int = 1
    status: str = Field(default="pending", max_length=16)
    winner: int | None = None
    draw: bool = False
    forfeit: int | None = None
    # "withdrawn" | "disqualified": the forfeiting team's withdrawal forfeited it (0019)
    forfeit_reason: str | None = Field(default=None, max_length=16)
    scheduled_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True)
    )
    stream_url: str | None = Field(default=None, max_length=500)
    venue: str | None = Field(default=None, max_length=100)  # where it is played
    station: str | None = Field(default=None, max_length=100)  # the table / booth there
    referee_id: int | None = Field(default=None, foreign_key="user.id")
    checked_in1_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    checked_in2_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True))
    winner_to: int | None = None  # match number in the same stage
    winner_slot: int | None = None
    loser_to: int | None = None
    loser_slot: int | None = None
    conditional: bool = False  # the grand-final reset: shown only once it is needed
    active: bool = True
    lobby: list[int] | None = _json()  # a free-for-all lobby: all its teams
    placings: list[dict[str, Any]] | None = _json()  # its games: {"number", "results"}
    version: int = 1
    updated_at: datetime = _ts()


class UserRole(StrEnum):
    """Stored as these strings."""

    ADMIN = "admin"
    REFEREE = "referee"


class User(SQLModel, table=True):
    __table_args__ = NEVER_REUSED
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=100, unique=True)
    role: str = Field(default=UserRole.REFEREE, max_length=16)  # a UserRole
    # a referee created with "tournaments": [] referees only where assigned (maybe nowhere);
    # otherwise a referee without assignments may referee any published tournament
    restricted: bool = Field(default=False, sa_column_kwargs={"server_default": "0"})
    created_at: datetime = _ts()
    # argon2id (services/passwords.py); None: the user signs in only with links or tokens
    password_hash: str | None = Field(default=None, max_length=255)


class RefereeAssignment(SQLModel, table=True):
    """A referee assigned to a tournament (a referee with none may referee any)."""

    __tablename__ = "referee_assignment"
    __table_args__ = (UniqueConstraint("user_id", "tournament_id"),)
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    tournament_id: int = Field(foreign_key="tournament.id")
    events: list[int] | None = _json()  # event ids the referee is limited to; None: all


class ApiToken(SQLModel, table=True):
    __table_args__ = NEVER_REUSED
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    label: str | None = Field(default=None, max_length=100)  # the token's name
    created_at: datetime = _ts()
    last_used_at: datetime | None = Field(
        default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


def _when(nullable: bool = False) -> Any:
    return Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=nullable))


class UserSession(SQLModel, table=True):
    """A signed-in browser: the cookie holds a random secret, the row its SHA-256 digest.
    Deleting the row (sign-out, password change, revocation) ends the session at once."""

    __tablename__ = "user_session"
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    csrf_token: str = Field(max_length=64)
    created_at: datetime = _ts()
    last_seen_at: datetime = _ts()
    expires_at: datetime = _ts()
    address: str | None = Field(default=None, max_length=64)


class SignInLink(SQLModel, table=True):
    """A one-time sign-in link (and its QR code): good once, for 15 minutes."""

    __tablename__ = "sign_in_link"
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_by: int | None = None
    created_at: datetime = _ts()
    expires_at: datetime = _ts()
    used_at: datetime | None = _when(nullable=True)


class LoginAttempt(SQLModel, table=True):
    """Every sign-in and failure (never the password): the throttle counts these."""

    __tablename__ = "login_attempt"
    __table_args__ = (Index("ix_login_attempt_name_address", "name", "address", "at"),
                      Index("ix_login_attempt_address", "address", "at"))
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _ts()
    name: str = Field(max_length=100)  # as typed, lowercased
    address: str = Field(max_length=64)
    ok: bool = False
    user_id: int | None = None
    method: str = Field(default="password", max_length=16)  # password | link


class AuditEntry(SQLModel, table=True):
    """Who changed what, when and how: one row per change, kept with its before and after.
    No foreign keys: the trail outlives what it describes."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_tournament", "tournament_id", "id"),
                      Index("ix_audit_target", "target_type", "target_id", "id"),
                      Index("ix_audit_actor", "actor_id", "id"))
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = _ts()
    tournament_id: int | None = None
    actor_id: int | None = None
    actor_name: str = Field(max_length=100)
    via: str = Field(max_length=16)  # session | token | cli | setup
    action: str = Field(max_length=40)
    target_type: str = Field(max_length=20)
    target_id: str = Field(max_length=64)
    before: dict[str, Any] | None = _json()
    after: dict[str, Any] | None = _json()


class EventLog(SQLModel, table=True):
    """The transactional outbox: one row per change, per-tournament gap-free ``seq``."""

    __tablename__ = "event_log"
    __table_args__ = (UniqueConstraint("tournament_id", "seq"),)
    id: int | None = Field(default=None, primary_key=True)
    tournament_id: int = Field(foreign_key="tournament.id")
    seq: int
    type: str = Field(max_length=32)
    data: dict[str, Any] | None = _json()
    created_at: datetime = _ts()
    # the message as sent, when ``live.outbox.emit`` encoded it with the row (not stored)
    _text: str | None = PrivateAttr(default=None)


class IdempotencyRecord(SQLModel, table=True):
    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("principal", "key"),)
    id: int | None = Field(default=None, primary_key=True)
    principal: str = Field(max_length=64)
    key: str = Field(max_length=200)
    request_hash: str = Field(max_length=64)
    status_code: int
    body: dict[str, Any] | None = _json()
    created_at: datetime = _ts()
