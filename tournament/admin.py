"""Admin tasks run from the command line (``python run.py create-user``, ``export``,
``import``, ``backup``)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from .config import Settings
from .db import Database
from .live.hub import Hub
from .models import UserRole
from .schemas import UserCreate
from .services import auth
from .services.context import Context


async def create_user(settings: Settings, name: str, role: str) -> str:
    db = Database(settings.database_url)
    ctx = Context(db=db, hub=Hub(), settings=settings)
    try:
        async with ctx.transaction() as session:
            user = await auth.create_user(session, UserCreate(name=name, role=role))  # type: ignore[arg-type]
        return str(user["token"])
    finally:
        await db.dispose()


async def export_tournament(settings: Settings, slug: str) -> str:
    """``python run.py export SLUG``: the tournament as one JSON document."""
    from .services.matches import Actor
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
