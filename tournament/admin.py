"""Admin tasks run from the command line: ``python run.py create-user``,
``create-token`` (recorded in the audit trail as done ``via: cli``), ``export``, ``import``
and ``backup``."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .config import Settings
from .db import Database
from .errors import DomainError
from .live.hub import Hub
from .models import UserRole
from .schemas_accounts import UserCreate
from .services import accounts, audit, auth, first_admin
from .services.actors import COMMAND_LINE
from .services.context import Context


class CommandError(Exception):
    """What the command line says instead of a traceback."""


def _context(settings: Settings) -> Context:
    return Context(db=Database(settings.database_url), hub=Hub(), settings=settings)


async def create_user(settings: Settings, name: str, role: str,
                      password: str | None = None) -> str | None:
    """Create the user; without a password, return an API token for them (shown once)."""
    try:
        body = UserCreate.model_validate({"name": name, "role": role, "password": password})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise CommandError(f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from exc
    ctx = _context(settings)
    try:
        async with ctx.transaction() as session:
            user = await accounts.create_user(session, body)
            assert user.id is not None
            await audit.record_user_created(session, COMMAND_LINE,
                                            await accounts.user_view(session, user))
            if password is not None:
                return None
            return str((await auth.create_token(session, user.id, "command line"))["token"])
    except DomainError as exc:
        raise CommandError(exc.message) from exc
    finally:
        await ctx.db.dispose()


async def needs_setup(settings: Settings) -> bool:
    """No admin with a password yet: ``serve`` prints the first-run setup link."""
    db = Database(settings.database_url)
    try:
        async with db.read() as session:
            return not await first_admin.admin_exists(session)
    finally:
        await db.dispose()


async def create_token(settings: Settings, user_name: str, token_name: str) -> str:
    """A new named API token for an existing user (shown once, stored hashed)."""
    ctx = _context(settings)
    try:
        async with ctx.transaction() as session:
            user = await accounts.user_by_name(session, user_name)
            if user is None or user.id is None:
                raise CommandError(f"no user named {user_name!r}")
            made = await auth.create_token(session, user.id, token_name)
            await audit.record(session, COMMAND_LINE, "token.create", ("user", user.id), None,
                               {k: v for k, v in made.items() if k != "token"}, None)
            return str(made["token"])
    finally:
        await ctx.db.dispose()



async def export_tournament(settings: Settings, slug: str) -> str:
    """``python run.py export SLUG``: the tournament as one JSON document."""
    from .services.actors import Actor
    from .services.tournaments import VIEWER
    from .services.transfer import export_tournament as build

    db = Database(settings.database_url)
    try:
        async with db.read() as session:
            session.info[VIEWER] = Actor(UserRole.ADMIN)  # unpublished ones too
            return json.dumps(await build(session, slug), ensure_ascii=False, indent=1)
    finally:
        await db.dispose()


async def import_tournament(settings: Settings, text: str) -> dict[str, Any]:
    """``python run.py import FILE``: load an exported tournament."""
    from .schemas_transfer import Export
    from .services.transfer import import_tournament as load

    doc = Export.model_validate_json(text, strict=True)
    db = Database(settings.database_url)
    ctx = Context(db=db, hub=Hub(), settings=settings)
    try:
        async with ctx.transaction() as session:
            return await load(session, doc)
    finally:
        await db.dispose()


def backup(settings: Settings, target: str) -> Path:
    """``python run.py backup PATH``: a consistent copy of a live SQLite database, taken
    with SQLite's online backup API (writers may go on meanwhile)."""
    source = sqlite_path(settings.database_url)
    if source is None:
        raise SystemExit("backup copies an SQLite database; for PostgreSQL use pg_dump, or "
                         "python run.py export SLUG")
    destination = Path(target)
    if destination.exists():
        raise SystemExit(f"{destination} exists; choose a new file")
    with sqlite3.connect(source) as src, sqlite3.connect(destination) as dst:
        src.backup(dst)
    return destination


def sqlite_path(url: str) -> str | None:
    if not url.startswith("sqlite"):
        return None
    return url.split(":///", 1)[1]
