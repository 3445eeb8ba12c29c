"""The write path every JSON API change takes: authenticate (token, or session with its
CSRF header), authorize, read the body, run the use case in one transaction under the
request's ``Idempotency-Key`` (a retry with the same key and body gets the first answer
and changes nothing)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse

from ..services import idempotency
from ..services.actors import Actor
from ..services.tournaments import VIEWER
from .common import JSON, answer, check_media_type, ctx, read_body, require_admin
from .session_auth import authenticate

Action = Callable[[AsyncSession, bytes, Actor], Awaitable[Mapping[str, Any]]]
Where = Callable[[Mapping[str, Any]], str]  # a created resource's URL path, from the answer


async def write(request: Request, action: Action, *,
                status: int | Callable[[Mapping[str, Any]], int] = 200,
                admin: bool = True, location: Where | None = None,
                media: str = JSON) -> JSONResponse:
    """``media``: the body's media type (JSON; the team import's CSV); ``status`` may
    depend on the answer (a round plan stored, 201, or its round scheduled now, 200)."""
    actor = await authenticate(request)
    if admin:
        require_admin(actor)
    key = request.headers.get("idempotency-key")
    if key is not None:
        idempotency.check_key(key)
    raw = await read_body(request)
    check_media_type(request, raw, media)

    async def run(session: AsyncSession) -> tuple[int, dict[str, Any]]:
        session.info[VIEWER] = actor  # admins see what they are building
        body = dict(await action(session, raw, actor))
        return (status(body) if callable(status) else status), body

    digest = idempotency.request_hash(request.method, request.url.path, raw)
    code, body = await idempotency.run(
        ctx(request), run, principal=actor.principal,
        key=key, digest=digest)
    headers = {"ETag": f'"{body["version"]}"'} if "version" in body else {}
    if location is not None and code == 201:
        headers["Location"] = location(body)
    return answer(body, code, headers or None)
