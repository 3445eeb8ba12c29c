"""The JSON API of ``shared/API.md``. Each handler parses, authorizes and calls a service."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import BadRequest, DomainError
from ..schemas import (
    EventCreate,
    MatchUpdate,
    StageCreate,
    TeamCreate,
    TiebreakerCreate,
    TieResolution,
    TournamentCreate,
    TournamentUpdate,
    Withdrawal,
)
from ..services import audited, reads, stage_reads, tournaments
from ..services.actors import Actor
from . import match_errors
from .cache import versioned
from .common import answer, int_param, parse, reading, slug_param
from .writes import write as _write


def tournament_url(tournament: Mapping[str, Any]) -> str:
    """Where a created (or imported) tournament is read: its ``Location``."""
    return f"/api/tournaments/{tournament['slug']}"


def _event_params(request: Request) -> dict[str, str]:
    return {"slug": slug_param(request.path_params["slug"]),
            "event": slug_param(request.path_params["event"], "Event")}


async def list_tournaments(request: Request) -> Response:
    async with reading(request) as session:
        return answer(await tournaments.list_tournaments(session))


async def create_tournament(request: Request) -> Response:
    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.create_tournament(session, actor, parse(TournamentCreate, raw))
    return await _write(request, action, status=201, location=tournament_url)


async def get_tournament(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def build(session: AsyncSession) -> Response:
        return answer(await reads.tournament_detail(session, slug))
    return await versioned(request, lambda s: reads.version(s, slug=slug), build, page=False)


async def update_tournament(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.update_tournament(session, actor, slug,
                                               parse(TournamentUpdate, raw))
    return await _write(request, action)


async def create_event(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.create_event(session, actor, slug, parse(EventCreate, raw))
    return await _write(request, action, status=201,
                        location=lambda e: f"/api/tournaments/{slug}/events/{e['slug']}")


async def get_event(request: Request) -> Response:
    p = _event_params(request)

    async def build(session: AsyncSession) -> Response:
        return answer(await reads.event_detail(session, p["slug"], p["event"]))
    return await versioned(request, lambda s: reads.version(s, slug=p["slug"]), build,
                           page=False)


async def create_team(request: Request) -> Response:
    p = _event_params(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.create_team(session, actor, p["slug"], p["event"],
                                         parse(TeamCreate, raw))
    return await _write(request, action, status=201,
                        location=lambda team: f"/api/teams/{team['id']}")


async def create_stage(request: Request) -> Response:
    p = _event_params(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.create_stage(session, actor, p["slug"], p["event"],
                                          parse(StageCreate, raw))
    return await _write(request, action, status=201,
                        location=lambda stage: f"/api/stages/{stage['id']}")


async def get_stage(request: Request) -> Response:
    stage_id = int_param(request.path_params["id"], "id")

    async def build(session: AsyncSession) -> Response:
        return answer(await stage_reads.stage_view(session, await stage_reads.stage_by_id(session,
                                                                                stage_id)))
    return await versioned(request, lambda s: reads.version(s, stage_id=stage_id), build,
                           page=False)


async def add_tiebreaker(request: Request) -> Response:
    stage_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.add_tiebreaker(session, actor, stage_id,
                                            parse(TiebreakerCreate, raw))
    return await _write(request, action, status=201)


async def resolve_tie(request: Request) -> Response:
    stage_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.resolve_tie(session, actor, stage_id, parse(TieResolution, raw))
    return await _write(request, action)


async def get_match(request: Request) -> Response:
    match_id = int_param(request.path_params["id"], "id")
    async with reading(request) as session:
        match, view, _ = await reads.match_detail(session, match_id)
    return answer(view, headers={"ETag": f'"{match.version}"'})


def _if_match(request: Request) -> int | None:
    value = request.headers.get("if-match")
    if value is None or value.strip() == "*":  # "*": any version (RFC 9110 13.1.1)
        return None
    value = value.strip().removeprefix("W/").strip('"')
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        raise BadRequest("invalid_if_match", "If-Match carries the match's version number.",
                         "If-Match")
    return int(value)


async def patch_match(request: Request) -> Response:
    match_id = int_param(request.path_params["id"], "id")
    if_match = _if_match(request)

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.update_match(session, actor, match_id, parse(MatchUpdate, raw),
                                          if_match)
    try:
        return await _write(request, action, admin=False)
    except DomainError as exc:
        await match_errors.explain(request, exc, match_id)
        raise


async def get_team(request: Request) -> Response:
    team_id = int_param(request.path_params["id"], "id")

    async def build(session: AsyncSession) -> Response:
        return answer(await reads.team_detail(session, team_id))
    return await versioned(request, lambda s: reads.version(s, team_id=team_id), build,
                           page=False)


async def withdraw_team(request: Request) -> Response:
    team_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, actor: Actor) -> Mapping[str, Any]:
        return await audited.withdraw_team(session, actor, team_id,
                                           parse(Withdrawal, raw or b"{}").reason)
    return await _write(request, action)


routes = [
    Route("/api/tournaments", list_tournaments, methods=["GET"]),
    Route("/api/tournaments", create_tournament, methods=["POST"]),
    Route("/api/tournaments/{slug}", get_tournament, methods=["GET"]),
    Route("/api/tournaments/{slug}", update_tournament, methods=["PATCH"]),
    Route("/api/tournaments/{slug}/events", create_event, methods=["POST"]),
    Route("/api/tournaments/{slug}/events/{event}", get_event, methods=["GET"]),
    Route("/api/tournaments/{slug}/events/{event}/teams", create_team, methods=["POST"]),
    Route("/api/tournaments/{slug}/events/{event}/stages", create_stage, methods=["POST"]),
    Route("/api/stages/{id}", get_stage, methods=["GET"]),
    Route("/api/stages/{id}/tiebreakers", add_tiebreaker, methods=["POST"]),
    Route("/api/stages/{id}/ties", resolve_tie, methods=["POST"]),
    Route("/api/matches/{id}", get_match, methods=["GET"]),
    Route("/api/matches/{id}", patch_match, methods=["PATCH"]),
    Route("/api/teams/{id}", get_team, methods=["GET"]),
    Route("/api/teams/{id}/withdraw", withdraw_team, methods=["POST"]),
]
