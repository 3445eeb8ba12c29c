"""``/healthz`` (liveness for load balancers) and ``/readyz`` (detail for operators), both
answered from the background monitor's last probe: no database round trip per request."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..monitor import Monitor
from .errors import RETRY_AFTER


def _monitor(request: Request) -> Monitor:
    monitor: Monitor = request.app.state.monitor
    return monitor


async def healthz(request: Request) -> Response:
    """``200 ok`` while the server, its database and its disk answer; else 503 and why."""
    problems = _monitor(request).problems()
    if problems:
        return PlainTextResponse("; ".join(problems), status_code=503,
                                 headers={"Retry-After": RETRY_AFTER})
    return PlainTextResponse("ok")


async def readyz(request: Request) -> Response:
    report = _monitor(request).report()
    ready = report["status"] == "ok"
    return JSONResponse(report, status_code=200 if ready else 503,
                        headers=None if ready else {"Retry-After": RETRY_AFTER})


routes = [Route("/healthz", healthz, methods=["GET"]),
          Route("/readyz", readyz, methods=["GET"])]
