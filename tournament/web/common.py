"""What handlers share: JSON answers, body parsing, the service context, authentication."""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import HTTPConnection, Request
from starlette.responses import JSONResponse

from .. import i18n, schemas, schemas_fields
from ..errors import (
    BadRequest,
    DomainError,
    FieldReason,
    Forbidden,
    InvalidInput,
    NotFound,
    TooManyRequests,
    UnsupportedMediaType,
)
from ..formats.limits import MAX_ID
from ..services.actors import Actor
from ..services.context import Context
from ..services.tournaments import VIEWER
from .session_auth import authenticate, identify

__all__ = ["authenticate", "identify"]  # re-exported for the handlers

B = TypeVar("B", bound=BaseModel)


def ctx(conn: HTTPConnection) -> Context:
    context: Context = conn.app.state.ctx
    return context


def answer(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


def error_response(exc: DomainError, localized: dict[str, str] | None = None) -> JSONResponse:
    """A refusal as JSON; ``localized`` (``{locale, message}``) is the refusal in the
    language the request asked for, when that is not English."""
    headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
    if isinstance(exc, TooManyRequests):
        headers = {"Retry-After": str(exc.retry_after)}
    body = exc.body()
    if localized:
        body["error"]["localized"] = localized
    return JSONResponse(body, status_code=exc.status, headers=headers)


class BodyTooLarge(DomainError):
    status = 413

    def __init__(self, limit: int) -> None:
        super().__init__("body_too_large",
                         f"The request body is over {limit // 1024} KiB.")


async def read_body(request: Request) -> bytes:
    """The body, read as it streams in: past the limit the read stops with a 413 (the
    body-size middleware already refused a Content-Length over it)."""
    limit = ctx(request).settings.max_body
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(limit)
        chunks.append(chunk)
    return b"".join(chunks)


JSON = "application/json"
CSV_TYPE = "text/csv"


def media_type(request: Request) -> str | None:
    """The body's declared media type (``Content-Type`` without its parameters), or None."""
    declared = request.headers.get("content-type")
    if declared is None:
        return None
    return declared.split(";", 1)[0].strip().lower()


def check_media_type(request: Request, raw: bytes, accepted: str = JSON) -> None:
    """A body declared as something else than the endpoint reads, and that is not what it
    reads either, is a 415: a form post (``a=1``) or an XML document is told which type the
    endpoint takes, not that its "JSON" is broken. A JSON body is read as JSON whatever its
    label (``curl -d`` declares a form post; integrations written that way keep working),
    and so is a body without ``Content-Type``; an empty body has no type to check (a
    ``DELETE``, ``POST .../start``). Cross-site requests are no concern here: every write
    carries a bearer token or an ``X-CSRF-Token``, headers that need a CORS preflight."""
    declared = media_type(request)
    if not raw or declared is None:
        return
    ok = declared == accepted or (accepted == JSON and declared.startswith("application/")
                                  and declared.endswith("+json"))
    if not ok and accepted == JSON:
        try:
            json.loads(raw)
            return
        except ValueError:
            pass
    if not ok:
        raise UnsupportedMediaType(
            "unsupported_media_type", f"This endpoint reads {accepted} (the request's "
            f"Content-Type is {declared[:100]}).", "Content-Type",
            params={"accepted": accepted})


# What a pattern in schemas_fields.py and schemas.py means, said to a person.
PATTERN_MESSAGES = {
    schemas_fields.SLUG_PATTERN: "a slug is 1-64 lowercase letters, digits and inner hyphens",
    schemas.NATION: "a nation is an ISO 3166-1 alpha-2 code such as KR or JP",
    schemas_fields.URL: "a stream URL starts with http:// or https:// and has no spaces",
    schemas_fields.LINE: "one line of text, not blank (spaces and invisible characters "
                   "alone are blank), without control characters",
    schemas_fields.LINE_OR_BLANK: "one line of text without control characters",
}


def _message(error: Any) -> str:
    if error["type"] == "string_pattern_mismatch":
        pattern = str((error.get("ctx") or {}).get("pattern", ""))
        if pattern in PATTERN_MESSAGES:
            return PATTERN_MESSAGES[pattern]
    return str(error["msg"]).removeprefix("Value error, ")


# Fields whose malformed values keep the codes the domain checks gave them before the
# schema typed them (scripts match on these codes).
FIELD_CODES = {"score": "invalid_score", "games": "invalid_games"}


_NAME = re.compile(r"[a-z_][a-z0-9_]*")


def _named(loc: Sequence[Any]) -> list[Any]:
    """A location without pydantic's union tags (``list[function-before[...]]``,
    ``GameIn``): the body's own keys and list positions only."""
    return [p for p in loc if isinstance(p, int) or p == "[key]"
            or (isinstance(p, str) and _NAME.fullmatch(p))]


def _field(loc: list[Any]) -> str | None:
    """The field to name: a bad key names its map, a bad list item its list."""
    loc = _named(loc)
    if "[key]" in loc:
        loc = loc[:loc.index("[key]") - 1]
    while loc and isinstance(loc[-1], int):
        loc.pop()
    return ".".join(str(p) for p in loc) or None


def _first(errors: Sequence[Any]) -> Any:
    """The error to report: the first, or where a value may take one of several shapes
    (a game as ``[13, 9]`` or ``{"score", "map"}``), the shape it got furthest into."""
    first = errors[0]
    tagged = len(_named(first["loc"])) < len(first["loc"])
    if not tagged:
        return first
    head = _named(first["loc"])
    rivals = [e for e in errors if _named(e["loc"])[:len(head)] == head]
    return max(rivals, key=lambda e: len(_named(e["loc"])))


def parse(model: type[B], raw: bytes) -> B:
    """A strict parse: JSON types as the schema says (no "yes" for true, no true for 1)."""
    try:
        return model.model_validate_json(raw or b"null", strict=True)
    except ValidationError as exc:
        first = _first(exc.errors())
        if first["type"] == "json_invalid" or (first["type"] == "model_type"
                                                and not first["loc"]):
            detail = str(first.get("ctx", {}).get("error", "")) or "it is not an object"
            raise BadRequest("invalid_json", "The body must be a JSON object "
                             f"({detail}).") from exc
        field = _field(list(first["loc"])) or (first.get("ctx") or {}).get("field")
        message = _message(first)
        code = "unknown_field" if first["type"] == "extra_forbidden" else \
            FIELD_CODES.get(str(first["loc"][0]) if first["loc"] else "", "invalid_input")
        if field and not message.startswith(f"{field}:"):
            message = f"{field}: {message}"
        raise InvalidInput(code, message, field, said=FieldReason(field, first["type"])
                           if field else None) from exc


@asynccontextmanager
async def reading(request: Request) -> AsyncIterator[AsyncSession]:
    """A read session; an admin (or a referee assigned to it) also sees an unpublished
    tournament, whether they came with a token or signed in."""
    identity = await identify(request)
    async with ctx(request).db.read() as session:
        if identity is not None:
            session.info[VIEWER] = identity.actor
        yield session


def language(request: Request) -> str:
    """``?lang=`` first, then the ``lang`` cookie, then Accept-Language, then English."""
    return i18n.choose(request.query_params.get("lang"), request.cookies.get("lang"),
                       request.headers.get("accept-language"))


def require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise Forbidden("forbidden", "This needs an admin.")


def int_param(value: str, name: str, bounds: str = f"from 1 to {MAX_ID}") -> int:
    """An id from the path: ASCII digits only (no sign, no other scripts' digits), within
    the range ids have (32 bits on PostgreSQL). ``bounds`` says the range people may use
    when it is narrower (a page's limit)."""
    if not (value.isascii() and value.isdigit()) or len(value) > 10 \
            or not 1 <= int(value) <= MAX_ID:
        raise BadRequest("invalid_parameter",
                         f"{name} must be a whole number {bounds}.", name)
    return int(value)


def slug_param(value: str, what: str = "Tournament") -> str:
    """A slug from the path; one that no slug can match does not exist."""
    if not schemas_fields.SLUG.match(value):
        raise NotFound(what, value[:64])
    return value
