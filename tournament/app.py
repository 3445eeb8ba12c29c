"""``create_app(settings)``: the routes, the error handlers and the lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import text
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .config import Settings
from .db import Database
from .errors import DomainError
from .live.raw import RawSocketMiddleware
from .live.runtime import LiveRuntime
from .services.context import Context
from .web import api, openapi, pages, sockets
from .web.common import error_response

STATIC = Path(__file__).resolve().parent.parent / "static"


async def healthz(request: Request) -> Response:
    context: Context = request.app.state.ctx
    try:
        async with context.db.read() as session:
            await (await session.connection()).execute(text("SELECT 1"))
    except Exception:
        return PlainTextResponse("database unavailable", status_code=503)
    return PlainTextResponse("ok")


async def domain_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, DomainError)
    return error_response(exc)


async def http_error(request: Request, exc: Exception) -> Response:
    from starlette.exceptions import HTTPException

    assert isinstance(exc, HTTPException)
    if request.url.path.startswith("/api/"):
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse({"error": {"code": code, "message": str(exc.detail)}},
                            status_code=exc.status_code)
    return await pages.error_page(request, exc.status_code)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        db = Database(settings.database_url)
        live = LiveRuntime(db)
        app.state.ctx = Context(db=db, hub=live.hub, settings=settings)
        await live.start()
        try:
            yield
        finally:
            await live.stop()
            await db.dispose()

    routes = [
        Route("/healthz", healthz, methods=["GET"]),
        *openapi.routes,
        *api.routes,
        *sockets.routes,
        *pages.routes,
        Mount("/static", StaticFiles(directory=STATIC), name="static"),
    ]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(RawSocketMiddleware)],
        exception_handlers={DomainError: domain_error, 404: http_error, 405: http_error},
    )
