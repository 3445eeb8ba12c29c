"""The JSON API of ``shared/API.md``. Each handler parses, authorizes and calls a service."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..errors import BadRequest
from ..schemas import (
    EventCreate,
    MatchUpdate,
    RefereeAssign,
    StageCreate,
    TeamCreate,
    TiebreakerCreate,
    TieResolution,
    TournamentCreate,
    TournamentUpdate,
    UserCreate,
    Withdrawal,
)
from ..services import (
    auth,
    idempotency,
    matches,
    reads,
    stage_reads,
    stages,
    ties,
    tournaments,
    withdrawals,
)
from ..services.matches import Actor
from ..services.tournaments import VIEWER
from .cache import versioned
from .common import (
    answer,
    authenticate,
    ctx,
    int_param,
    parse,
    read_body,
    reading,
    require_admin,
    slug_param,
)

Action = Callable[[AsyncSession, bytes, Actor], Awaitable[Mapping[str, Any]]]


async def _write(request: Request, action: Action, *, status: int = 200,
                 admin: bool = True) -> JSONResponse:
    principal, actor = await authenticate(request)
    if admin:
        require_admin(actor)
    raw = await read_body(request)

    async def run(session: AsyncSession) -> tuple[int, dict[str, Any]]:
        session.info[VIEWER] = actor  # admins see what they are building
        return status, dict(await action(session, raw, actor))

    digest = idempotency.request_hash(request.method, request.url.path, raw)
    code, body = await idempotency.run(
        ctx(request), run, principal=principal,
        key=request.headers.get("idempotency-key"), digest=digest)
    headers = {"ETag": f'"{body["version"]}"'} if "version" in body else None
    return answer(body, code, headers)


def _event_params(request: Request) -> dict[str, str]:
    return {"slug": slug_param(request.path_params["slug"]),
            "event": slug_param(request.path_params["event"], "Event")}


async def list_tournaments(request: Request) -> Response:
    async with reading(request) as session:
        return answer(await tournaments.list_tournaments(session))


async def create_tournament(request: Request) -> Response:
    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await tournaments.create_tournament(session, parse(TournamentCreate, raw))
    return await _write(request, action, status=201)


async def get_tournament(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def build(session: AsyncSession) -> Response:
        return answer(await reads.tournament_detail(session, slug))
    return await versioned(request, lambda s: reads.last_seq(s, slug=slug), build, page=False)


async def update_tournament(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await tournaments.update_tournament(session, slug, parse(TournamentUpdate, raw))
    return await _write(request, action)


async def create_event(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await tournaments.create_event(session, slug, parse(EventCreate, raw))
    return await _write(request, action, status=201)


async def get_event(request: Request) -> Response:
    p = _event_params(request)

    async def build(session: AsyncSession) -> Response:
        return answer(await reads.event_detail(session, p["slug"], p["event"]))
    return await versioned(request, lambda s: reads.last_seq(s, slug=p["slug"]), build,
                           page=False)


async def create_team(request: Request) -> Response:
    p = _event_params(request)

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await tournaments.create_team(session, p["slug"], p["event"],
                                             parse(TeamCreate, raw))
    return await _write(request, action, status=201)


async def create_stage(request: Request) -> Response:
    p = _event_params(request)

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await stages.create_stage(session, p["slug"], p["event"],
                                         parse(StageCreate, raw))
    return await _write(request, action, status=201)


async def get_stage(request: Request) -> Response:
    stage_id = int_param(request.path_params["id"], "id")

    async def build(session: AsyncSession) -> Response:
        return answer(await stage_reads.stage_view(session, await stage_reads.stage_by_id(session,
                                                                                stage_id)))
    return await versioned(request, lambda s: reads.last_seq(s, stage_id=stage_id), build,
                           page=False)


async def add_tiebreaker(request: Request) -> Response:
    stage_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await ties.add_tiebreaker(session, stage_id, parse(TiebreakerCreate, raw))
    return await _write(request, action, status=201)


async def resolve_tie(request: Request) -> Response:
    stage_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await ties.resolve(session, stage_id, parse(TieResolution, raw))
    return await _write(request, action)


async def get_match(request: Request) -> Response:
    match_id = int_param(request.path_params["id"], "id")
    async with reading(request) as session:
        match, view, _ = await reads.match_detail(session, match_id)
    return answer(view, headers={"ETag": f'"{match.version}"'})


def _if_match(request: Request) -> int | None:
    value = request.headers.get("if-match")
    if value is None:
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
        return await matches.update_match(session, match_id, parse(MatchUpdate, raw), actor,
                                          if_match)
    return await _write(request, action, admin=False)


async def get_team(request: Request) -> Response:
    team_id = int_param(request.path_params["id"], "id")

    async def build(session: AsyncSession) -> Response:
        return answer(await reads.team_detail(session, team_id))
    return await versioned(request, lambda s: reads.last_seq(s, team_id=team_id), build,
                           page=False)


async def withdraw_team(request: Request) -> Response:
    team_id = int_param(request.path_params["id"], "id")

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        body = parse(Withdrawal, raw or b"{}")
        return await withdrawals.withdraw(session, team_id, body.reason)
    return await _write(request, action)


async def assign_referee(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await auth.assign(session, slug, parse(RefereeAssign, raw).user_id)
    return await _write(request, action, status=201)


async def create_user(request: Request) -> Response:
    async def action(session: AsyncSession, raw: bytes, _: Actor) -> Mapping[str, Any]:
        return await auth.create_user(session, parse(UserCreate, raw))
    return await _write(request, action, status=201)


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
    Route("/api/tournaments/{slug}/referees", assign_referee, methods=["POST"]),
    Route("/api/users", create_user, methods=["POST"]),
]
