"""How errors become answers: domain errors (4xx JSON or an error page), routing errors
(404, 405 with ``Allow``), and an unavailable database or full disk (503 with
``Retry-After``, never a bare 500)."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match

from .. import i18n
from ..errors import DomainError
from . import error_words, rendering
from .common import error_response, language
from .refusal_words import said_in

log = logging.getLogger("tournament.errors")
RETRY_AFTER = "5"  # seconds
STORAGE = ("disk is full", "disk i/o error", "no space left", "read-only", "readonly")
# Failures of the database or the disk under it, not of the request: 503, try again.
UNAVAILABLE: tuple[type[BaseException], ...] = (
    sa_exc.OperationalError, sa_exc.InterfaceError, sa_exc.TimeoutError, OSError,
    TimeoutError)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def localized(request: Request, exc: DomainError | str) -> dict[str, str] | None:
    """The refusal in the language the request asked for (``?lang=``, the ``lang`` cookie,
    then Accept-Language), beside the English ``message``; none for English."""
    lang = language(request)
    if lang == "en":
        return None
    if isinstance(exc, str):  # a routing refusal: only its code
        return {"locale": lang, "message": error_words.say(exc, i18n.gettext(lang))}
    return {"locale": lang, "message": said_in(exc, lang)}


async def domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    return error_response(exc, localized(request, exc))


def allowed_methods(request: Request) -> list[str]:
    """Every method some route answers at this path (routes are declared per method)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        route_methods = getattr(route, "methods", None)
        if route_methods and route.matches(request.scope)[0] != Match.NONE:
            methods |= set(route_methods)
    return sorted(methods)


async def http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = ", ".join(allowed_methods(request))
    if _is_api(request):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        error = {"code": code, "message": str(exc.detail)}
        said = localized(request, code)
        return JSONResponse({"error": error | ({"localized": said} if said else {})},
                            status_code=exc.status_code, headers=headers)
    response = await rendering.error_page(request, exc.status_code)
    response.headers.update(headers)
    return response


async def unavailable(request: Request, exc: Exception) -> Response:
    """The database did not answer, or the disk under it is full: a 503 to retry."""
    text = str(exc).lower()
    if isinstance(exc, sa_exc.DBAPIError) and "locked" not in text and any(
            s in text for s in STORAGE):
        request.app.state.monitor.storage_failed("disk full" if "full" in text
                                                 or "space" in text else "disk error")
    # a websocket (a spectator gone mid-handshake is an OSError too) has no method
    log.warning("%s %s: unavailable: %s", request.scope.get("method", "WS"), request.url.path,
                str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    headers = {"Retry-After": RETRY_AFTER}
    message = "The service cannot reach its database right now; try again shortly."
    if _is_api(request):
        said = localized(request, "unavailable")
        return JSONResponse({"error": {"code": "unavailable", "message": message}
                             | ({"localized": said} if said else {})},
                            status_code=503, headers=headers)
    response = await rendering.error_page(request, 503, rendering.UNAVAILABLE)
    response.headers.update(headers)
    return response


Handler = Callable[[Request, Exception], Awaitable[Response]]
HANDLERS: dict[Any, Handler] = {DomainError: domain_error, 404: http_error, 405: http_error,
            **dict.fromkeys(UNAVAILABLE, unavailable)}
