"""Admin tasks run from the command line (``python run.py create-user``)."""

from __future__ import annotations

from .config import Settings
from .db import Database
from .live.hub import Hub
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
