"""What handlers share: JSON answers, body parsing, the service context, authentication."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse

from .. import i18n
from ..errors import BadRequest, DomainError, InvalidInput, Unauthorized
from ..services.auth import actor_for
from ..services.context import Context
from ..services.matches import Actor
from ..services.tournaments import SHOW_UNPUBLISHED

B = TypeVar("B", bound=BaseModel)
MAX_BODY = 1_000_000


def ctx(conn: HTTPConnection) -> Context:
    context: Context = conn.app.state.ctx
    return context


def answer(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


def error_response(exc: DomainError) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    return JSONResponse(exc.body(), status_code=exc.status, headers=headers)


async def read_body(request: Request) -> bytes:
    raw = await request.body()
    if len(raw) > MAX_BODY:
        raise DomainError("body_too_large", "The request body is over 1 MB.")
    return raw


def parse(model: type[B], raw: bytes) -> B:
    try:
        data = json.loads(raw or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BadRequest("invalid_json", f"The body is not valid JSON: {exc}.") from exc
    if not isinstance(data, dict):
        raise BadRequest("invalid_json", "The body must be a JSON object.")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or None
        message = first["msg"].removeprefix("Value error, ")
        code = "unknown_field" if first["type"] == "extra_forbidden" else "invalid_input"
        raise InvalidInput(code, f"{field}: {message}" if field else message, field) from exc


async def authenticate(request: Request) -> tuple[str, Actor]:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("unauthorized", "This needs an 'Authorization: Bearer <token>' "
                           "header.")
    context = ctx(request)
    async with context.db.read() as session:
        found = await actor_for(session, token.strip(), context.settings.admin_token)
    if found is None:
        raise Unauthorized("invalid_token", "The token is not valid.")
    return found


@asynccontextmanager
async def reading(request: Request) -> AsyncIterator[AsyncSession]:
    """A read session; a reader with a valid token also sees unpublished tournaments."""
    context = ctx(request)
    async with context.db.read() as session:
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() == "bearer" and token.strip() and await actor_for(
                session, token.strip(), context.settings.admin_token):
            session.info[SHOW_UNPUBLISHED] = True
        yield session


def language(request: Request) -> str:
    """``?lang=`` first, then the ``lang`` cookie, then Accept-Language, then English."""
    return i18n.choose(request.query_params.get("lang"), request.cookies.get("lang"),
                       request.headers.get("accept-language"))


def require_admin(actor: Actor) -> None:
    from ..errors import Forbidden

    if not actor.is_admin:
        raise Forbidden("forbidden", "This needs an admin token.")


def int_param(value: str, name: str) -> int:
    try:
        return int(value)
    except ValueError as exc:
        raise BadRequest("invalid_parameter", f"{name} must be a whole number.", name) from exc
