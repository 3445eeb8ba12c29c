"""``create_app(settings)``: the routes, the error handlers and the lifespan."""

from __future__ import annotations

import gc
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import Mount

from .config import Settings
from .db import Database
from .live.raw import check_contract, warn_once
from .live.runtime import LiveRuntime
from .monitor import Monitor
from .services.context import Context
from .web import (
    account_pages,
    admin_pages,
    api,
    api_accounts,
    api_audit,
    api_organizer,
    console_day,
    console_events,
    console_matches,
    console_plans,
    console_stages,
    console_teams,
    console_tournaments,
    errors,
    health,
    openapi,
    overlay_now,
    pages,
    referee_pages,
    setup_pages,
    sockets,
)
from .web.assets import STATIC, HashedStatic, static_dir
from .web.front import Front
from .web.middleware import BodyLimit, SecurityHeaders
from .writer import Writer

__all__ = ["STATIC", "create_app", "static_dir"]


GC_THRESHOLDS = (50_000, 20, 20)  # CPython's are (700, 10, 10)


def calm_collector() -> None:
    """Fewer, not longer, pauses of the cyclic garbage collector. A full pass walks every
    tracked object: with thousands of spectators (each socket's protocol, sink and
    buffers) one took 80-225 ms, and the default thresholds ran one every few seconds
    while sockets connected and events went out (bench/README.md, fan-out). What was
    built at start lives as long as the process and is frozen out of the passes; the
    young generation is collected after 50,000 allocations instead of 700 (most garbage
    here is freed by reference counting anyway)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or Settings.from_env()
    logging.getLogger("uvicorn.access").addFilter(setup_pages.HIDE_SETUP_CODE)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        db = Database(settings.database_url)
        live = LiveRuntime(db)
        writer = Writer(settings.database_url) if db.is_sqlite and settings.sqlite_writer \
            else None
        app.state.ctx = Context(db=db, hub=live.hub, settings=settings, writer=writer)
        app.state.monitor = Monitor(db, settings)
        broken = check_contract() if settings.live_fast_path else None
        if broken is not None:
            warn_once("contract", "live feed: the fast path is off (%s); frames go through "
                      "ASGI", broken)
        app.state.fast_path = settings.live_fast_path and broken is None
        app.state.monitor.live = {"fast_path": app.state.fast_path,
                                  "reason": broken if settings.live_fast_path else
                                  "TOURNAMENT_LIVE_FAST_PATH=0"}
        await app.state.monitor.start()
        await live.start()
        calm_collector()
        try:
            yield
        finally:
            await live.stop()
            await app.state.monitor.stop()
            if writer is not None:
                await writer.close()
            await db.dispose()

    routes = [
        *health.routes,
        *openapi.routes,
        *api.routes,
        *api_organizer.routes,
        *api_accounts.routes,
        *api_audit.routes,
        *sockets.routes,
        *pages.routes,
        *overlay_now.routes,
        *account_pages.routes,
        *setup_pages.routes,
        *admin_pages.routes,
        *console_tournaments.routes,
        *console_events.routes,
        *console_teams.routes,
        *console_stages.routes,
        *console_plans.routes,
        *console_matches.routes,
        *console_day.routes,
        *referee_pages.routes,
        Mount("/static", HashedStatic(STATIC), name="static"),
    ]
    return Starlette(
        routes=routes,
        lifespan=lifespan,
        middleware=[Middleware(Front),
                    Middleware(sockets.LiveSockets),  # spectators skip the rest (memory)
                    Middleware(SecurityHeaders),
                    Middleware(BodyLimit, max_body=settings.max_body)],
        exception_handlers=errors.HANDLERS,
    )
