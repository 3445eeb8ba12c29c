"""The console's day pages: the control board (``/admin/t/{slug}/board``: live, late and
next matches across events, check-in, no-shows offered as forfeits; it follows the live
feed and redraws itself as time passes) and the run sheet (``/admin/t/{slug}/run-sheet``:
one day's matches by venue and station, printable)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import InvalidInput
from ..services import match_day, reads
from .common import reading, slug_param
from .console import Outcome, admin_actor, show
from .rendering import page

GRACE_CHOICES = (0, 5, 10, 15, 20, 30)


def _grace(request: Request) -> int:
    raw = request.query_params.get("grace", "")
    if not raw:
        return match_day.GRACE_MINUTES
    if not raw.isascii() or not raw.isdigit() or int(raw) > 24 * 60:
        raise InvalidInput("invalid_input", "grace must be whole minutes (0 to 1440).", "grace",
                           params={"field": "grace", "reason": "int_parsing"})
    return int(raw)


async def board_page(request: Request, outcome: Outcome | None = None,
                     slug: str | None = None) -> Response:
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    slug = slug_param(slug or request.path_params["slug"])
    grace = _grace(request)
    async with reading(request) as session:
        t = await reads.tournament_detail(session, slug)
        found = await match_day.board(session, slug, datetime.now(UTC), grace)
    template = "board_fragment.html" if request.query_params.get("fragment") \
        else "console_board.html"
    return show(request, template, status=outcome.status if outcome else 200, t=t,
                tz=t["timezone"], seq=t["last_seq"], board=found, grace=grace,
                grace_choices=GRACE_CHOICES, error=outcome.error if outcome else None)


def _day(request: Request, days: list[date], tz: str) -> date:
    raw = request.query_params.get("day", "")
    if raw:
        try:
            return date.fromisoformat(raw)
        except ValueError:
            raise InvalidInput("invalid_input", "day must be a date (YYYY-MM-DD).", "day",
                               params={"field": "day", "reason": "date_type"}) from None
    today = datetime.now(ZoneInfo(tz)).date()
    if today in days or not days:
        return today
    return next((d for d in days if d >= today), days[-1])


async def run_sheet_page(request: Request) -> Response:
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    slug = slug_param(request.path_params["slug"])
    async with reading(request) as session:
        t = await reads.tournament_detail(session, slug)
        days = await match_day.match_days(session, slug)
        day = _day(request, days, t["timezone"])
        sheet = await match_day.run_sheet(session, slug, day, datetime.now(UTC))
    return show(request, "console_run_sheet.html", t=t, tz=t["timezone"], seq=t["last_seq"],
                days=days, the_day=day, sheet=sheet)


routes = [
    Route("/admin/t/{slug}/board", page(board_page), methods=["GET"]),
    Route("/admin/t/{slug}/run-sheet", page(run_sheet_page), methods=["GET"]),
]
