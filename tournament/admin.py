"""Admin tasks run from the command line: ``python run.py create-user`` and
``python run.py create-token``. Recorded in the audit trail as done ``via: cli``."""

from __future__ import annotations

from pydantic import ValidationError

from .config import Settings
from .db import Database
from .errors import DomainError
from .live.hub import Hub
from .schemas import UserCreate
from .services import accounts, audit, auth
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
