"""Settings from the environment (``TOURNAMENT_*``); an SQLite file by default."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

DEFAULT_DB = "tournament.db"


def sqlite_url(path: str) -> str:
    return f"sqlite+aiosqlite:///{path}"


def normalize_url(url: str) -> str:
    """Accept plain ``postgresql://`` / ``sqlite:///`` URLs and pick the async driver."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+asyncpg://" + url.split("://", 1)[1]
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.split(":///", 1)[1]
    return url


@dataclass(frozen=True)
class Settings:
    database_url: str = sqlite_url(DEFAULT_DB)
    admin_token: str | None = None
    allowed_origins: tuple[str, ...] = ()
    event_retention: int = 10_000  # events kept for since=N replays (per tournament)
    live_fast_path: bool = True  # write live frames straight to uvicorn's sockets (live/raw.py)
    sqlite_writer: bool = True  # SQLite API writes in one hop to a writer thread (writer.py)
    max_body: int = 1_048_576  # bytes in a request body; more is a 413
    max_sockets_per_address: int = 256  # live sockets from one client address
    fd_reserve: int = 256  # file descriptors kept for the database, files and HTTP
    min_free_disk: int = 64 * 1_048_576  # bytes free next to the SQLite file, else "disk full"
    session_hours: int = 24  # a browser session unused this long ends (at most 14 days)
    # the first-run setup code (/setup): made fresh by ``python run.py`` while no admin with
    # a password exists, handed to every worker in TOURNAMENT_SETUP_CODE; never in a repr
    setup_code: str | None = field(default=None, repr=False)

    @classmethod
    def from_env(cls, **overrides: object) -> Settings:
        env = os.environ
        values: dict[str, object] = {
            "database_url": normalize_url(
                env.get("TOURNAMENT_DATABASE_URL") or sqlite_url(DEFAULT_DB)
            ),
            "admin_token": env.get("TOURNAMENT_ADMIN_TOKEN") or None,
            "setup_code": env.get("TOURNAMENT_SETUP_CODE") or None,
            "allowed_origins": tuple(
                o.strip() for o in env.get("TOURNAMENT_ALLOWED_ORIGINS", "").split(",")
                if o.strip()
            ),
        }
        if env.get("TOURNAMENT_EVENT_RETENTION"):
            values["event_retention"] = int(env["TOURNAMENT_EVENT_RETENTION"])
        for name, var in (("max_body", "TOURNAMENT_MAX_BODY"),
                          ("max_sockets_per_address", "TOURNAMENT_MAX_SOCKETS_PER_ADDRESS"),
                          ("fd_reserve", "TOURNAMENT_FD_RESERVE"),
                          ("min_free_disk", "TOURNAMENT_MIN_FREE_DISK"),
                          ("session_hours", "TOURNAMENT_SESSION_HOURS")):
            if env.get(var):
                values[name] = int(env[var])
        if env.get("TOURNAMENT_SQLITE_WRITER"):
            values["sqlite_writer"] = env["TOURNAMENT_SQLITE_WRITER"] not in ("0", "false")
        if env.get("TOURNAMENT_LIVE_FAST_PATH"):
            values["live_fast_path"] = env["TOURNAMENT_LIVE_FAST_PATH"] not in ("0", "false")
        values.update({k: v for k, v in overrides.items() if v is not None})
        if isinstance(values.get("database_url"), str):
            values["database_url"] = normalize_url(str(values["database_url"]))
        return cls(**values)  # type: ignore[arg-type]
