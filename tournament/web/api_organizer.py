"""The organizer's API: drafts and stage edits, team, event and tournament edits, CSV
import, schedules, the match list, exports and imports. Thin handlers, like ``api.py``."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import BadRequest
from ..formats.types import MatchStatus
from ..schemas_edit import EventUpdate, RoundSchedule, StageUpdate, TeamUpdate
from ..schemas_fields import LINE_OR_BLANK
from ..schemas_transfer import Export
from ..services import audited, event_exports, match_list, plan_edits, transfer
from ..services.actors import Actor
from .api import _event_params, tournament_url
from .common import CSV_TYPE, answer, int_param, parse, reading, require_admin, slug_param
from .session_auth import authenticate
from .writes import write as _write


def _id(request: Request) -> int:
    return int_param(request.path_params["id"], "id")


def _flag(request: Request, name: str) -> bool:
    value = request.query_params.get(name, "false")
    if value not in ("true", "false", "1", "0"):
        raise BadRequest("invalid_parameter", f"{name} is true or false.", name)
    return value in ("true", "1")


async def start_stage(request: Request) -> Response:
    stage_id = _id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.start_stage(session, actor, stage_id)
    return await _write(request, action)


async def update_stage(request: Request) -> Response:
    stage_id = _id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.update_stage(session, actor, stage_id,
                                            parse(StageUpdate, raw))
    return await _write(request, action)


async def delete_stage(request: Request) -> Response:
    stage_id, confirm = _id(request), _flag(request, "confirm")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.delete_stage(session, actor, stage_id, confirm)
    return await _write(request, action)


async def schedule_round(request: Request) -> Response:
    stage_id = _id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return {"matches": await audited.schedule_round(session, actor, stage_id,
                                                        parse(RoundSchedule, raw))}
    return await _write(request, action)


async def list_round_plans(request: Request) -> Response:
    stage_id = _id(request)
    require_admin(await authenticate(request))
    async with reading(request) as session:
        return answer({"plans": await plan_edits.list_plans(session, stage_id)})


async def save_round_plan(request: Request) -> Response:
    """A plan for a round not made yet (201), or a round that exists scheduled now (200)."""
    stage_id = _id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        done = await audited.save_round_plan(session, actor, stage_id,
                                             parse(RoundSchedule, raw))
        return done | {"scheduled": done["plan"] is None}
    return await _write(request, action, status=lambda done: 201 if done["plan"] else 200)


def _plan_id(request: Request) -> int:
    return int_param(request.path_params["plan"], "plan")


async def update_round_plan(request: Request) -> Response:
    stage_id, plan_id = _id(request), _plan_id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.save_round_plan(session, actor, stage_id,
                                             parse(RoundSchedule, raw), plan_id)
    return await _write(request, action)


async def delete_round_plan(request: Request) -> Response:
    stage_id, plan_id = _id(request), _plan_id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.delete_round_plan(session, actor, stage_id, plan_id)
    return await _write(request, action)


async def update_team(request: Request) -> Response:
    team_id = _id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.update_team(session, actor, team_id, parse(TeamUpdate, raw))
    return await _write(request, action)


async def delete_team(request: Request) -> Response:
    team_id = _id(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.delete_team(session, actor, team_id)
    return await _write(request, action)


async def update_event(request: Request) -> Response:
    p = _event_params(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.update_event(session, actor, p["slug"], p["event"],
                                          parse(EventUpdate, raw))
    return await _write(request, action)


async def delete_event(request: Request) -> Response:
    p = _event_params(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.delete_event(session, actor, p["slug"], p["event"])
    return await _write(request, action)


async def delete_tournament(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.delete_tournament(session, actor, slug)
    return await _write(request, action)


async def import_teams(request: Request) -> Response:
    p = _event_params(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.import_teams(session, actor, p["slug"], p["event"], raw)
    return await _write(request, action, status=201, media=CSV_TYPE)


def _place(value: str | None, name: str) -> str | None:
    """A venue or station filter: one line of at most 100 characters, as they are stored
    (a NUL or other control character could never match, and PostgreSQL refuses NUL)."""
    if value is None:
        return None
    if len(value) > 100 or not re.fullmatch(LINE_OR_BLANK, value):
        raise BadRequest("invalid_parameter", f"{name} is one line of at most 100 "
                         "characters.", name)
    return value


def _query(request: Request) -> match_list.MatchQuery:
    q = request.query_params
    allowed = {"tournament", "event", "stage", "team", "status", "day", "venue", "station",
               "referee", "limit", "cursor"}
    unknown = sorted(set(q) - allowed)
    if unknown:
        raise BadRequest("invalid_parameter", f"Unknown filter {unknown[0]!r}.", unknown[0])
    status = q.get("status")
    if status is not None and status not in (*MatchStatus, "late"):
        raise BadRequest("invalid_parameter", "status is pending, ready, live, completed or "
                         "late.", "status")
    try:
        day = date.fromisoformat(q["day"]) if "day" in q else None
    except ValueError as exc:
        raise BadRequest("invalid_parameter", "day is a date: 2026-11-28.", "day") from exc
    if day is not None and not 2000 <= day.year <= 2100:  # as every time the API takes
        raise BadRequest("invalid_parameter", "day is a date from 2000 to 2100.", "day")
    limit = int_param(q.get("limit", "50"), "limit", f"from 1 (pages hold at most "
                      f"{match_list.MAX_LIMIT})")
    offset = 0
    if "cursor" in q:  # a page's 'next': ASCII digits ("²" and "١" are digits to isdigit)
        cursor = q["cursor"]
        if not (cursor.isascii() and cursor.isdigit()) or len(cursor) > 9:
            raise BadRequest("invalid_parameter", "cursor is the 'next' of the previous "
                             "page.", "cursor")
        offset = int(cursor)
    return match_list.MatchQuery(
        tournament=slug_param(q["tournament"]) if "tournament" in q else None,
        event=slug_param(q["event"], "Event") if "event" in q else None,
        stage=int_param(q["stage"], "stage") if "stage" in q else None,
        team=int_param(q["team"], "team") if "team" in q else None,
        status=status, day=day, venue=_place(q.get("venue"), "venue"),
        station=_place(q.get("station"), "station"),
        referee=int_param(q["referee"], "referee") if "referee" in q else None,
        limit=min(limit, match_list.MAX_LIMIT), offset=offset)


async def list_matches(request: Request) -> Response:
    query = _query(request)
    async with reading(request) as session:
        return answer(await match_list.list_matches(session, query))


def _wants_csv(request: Request) -> bool:
    kind = request.query_params.get("format")
    if kind not in (None, "csv", "json"):
        raise BadRequest("invalid_parameter", "format is csv or json.", "format")
    return kind == "csv" or (kind is None and "text/csv" in
                             request.headers.get("accept", ""))


async def event_table(request: Request) -> Response:
    p = _event_params(request)
    which = request.url.path.rsplit("/", 1)[-1]  # results | standings
    as_csv = _wants_csv(request)
    async with reading(request) as session:
        tables = await event_exports.event_tables(session, p["slug"], p["event"])
    rows = tables[which]
    if not as_csv:
        return answer({"items": rows})
    columns = event_exports.RESULT_COLUMNS if which == "results" \
        else event_exports.STANDING_COLUMNS
    return Response(event_exports.as_csv(rows, columns), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{p["event"]}-'
                             f'{which}.csv"'})


async def export_tournament(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])
    async with reading(request) as session:
        doc = await transfer.export_tournament(session, slug)
    return JSONResponse(doc, headers={
        "Content-Disposition": f'attachment; filename="{slug}.json"'})


async def import_tournament(request: Request) -> Response:
    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.import_tournament(session, actor, parse(Export, raw))
    return await _write(request, action, status=201, location=tournament_url)


routes = [
    Route("/api/stages/{id}/start", start_stage, methods=["POST"]),
    Route("/api/stages/{id}", update_stage, methods=["PATCH"]),
    Route("/api/stages/{id}", delete_stage, methods=["DELETE"]),
    Route("/api/stages/{id}/schedule", schedule_round, methods=["POST"]),
    Route("/api/stages/{id}/round-plans", list_round_plans, methods=["GET"]),
    Route("/api/stages/{id}/round-plans", save_round_plan, methods=["POST"]),
    Route("/api/stages/{id}/round-plans/{plan}", update_round_plan, methods=["PUT"]),
    Route("/api/stages/{id}/round-plans/{plan}", delete_round_plan, methods=["DELETE"]),
    Route("/api/teams/{id}", update_team, methods=["PATCH"]),
    Route("/api/teams/{id}", delete_team, methods=["DELETE"]),
    Route("/api/tournaments/{slug}/events/{event}", update_event, methods=["PATCH"]),
    Route("/api/tournaments/{slug}/events/{event}", delete_event, methods=["DELETE"]),
    Route("/api/tournaments/{slug}", delete_tournament, methods=["DELETE"]),
    Route("/api/tournaments/{slug}/events/{event}/teams/import", import_teams,
          methods=["POST"]),
    Route("/api/matches", list_matches, methods=["GET"]),
    Route("/api/tournaments/{slug}/events/{event}/results", event_table, methods=["GET"]),
    Route("/api/tournaments/{slug}/events/{event}/standings", event_table, methods=["GET"]),
    Route("/api/tournaments/{slug}/export", export_tournament, methods=["GET"]),
    Route("/api/tournaments/import", import_tournament, methods=["POST"]),
]
