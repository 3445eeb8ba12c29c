"""The audit trail over HTTP (admins; a match's own history also for its referees), and
the preview of a match change: what it would do, nothing stored."""

from __future__ import annotations

import re
from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import BadRequest, DomainError, Forbidden, NotFound
from ..models import Match, Stage, Tournament
from ..schemas import MatchUpdate
from ..services import audit, audit_query, matches, repairs, tournaments
from ..services.tournaments import VIEWER
from . import match_errors
from .common import (
    answer,
    check_media_type,
    ctx,
    int_param,
    parse,
    read_body,
    reading,
    slug_param,
)
from .session_auth import authenticate

CSV = "text/csv; charset=utf-8"
ACTION_PATTERN = r"^[a-z_.]{1,40}$"
ACTION = re.compile(ACTION_PATTERN)
TYPES = ("match", "stage", "team", "tournament", "event", "user")


def _filter(request: Request, tournament_id: int | None) -> audit_query.Filter:
    q = request.query_params
    target_type, target_id = q.get("target_type"), q.get("target_id")
    if "target" in q:  # target=match:15
        target_type, _, target_id = q["target"].partition(":")
        target_id = target_id or None
    if target_type is not None and target_type not in TYPES:
        raise BadRequest("invalid_parameter", f"target type is one of {', '.join(TYPES)}.",
                         "target_type")
    if target_id is not None and not (target_id.isascii() and target_id.isdigit()
                                      and len(target_id) <= 10):
        # every entry names its target by id: match:abc found nothing, as if it had no history
        raise BadRequest("invalid_parameter", "target id is the id of the match, stage, team, "
                         "event, tournament or user.", "target_id")
    actor = q.get("actor")
    action = q.get("action")
    if action is not None and not ACTION.match(action):
        raise BadRequest("invalid_parameter", "action is a name such as match.correct.",
                         "action")
    return audit_query.Filter(tournament_id=tournament_id, target_type=target_type,
                              target_id=target_id, action=action,
                              actor_id=int_param(actor, "actor") if actor else None)


def _limit(request: Request) -> int:
    """The page size: a whole number from 1 up; above the most a page holds it is read as
    the most, and the answer's ``limit`` says so (as ``GET /api/matches``)."""
    asked = int_param(request.query_params.get("limit", "50"), "limit",
                      f"from 1 (pages hold at most {audit_query.MAX_PAGE})")
    return min(asked, audit_query.MAX_PAGE)


def _wants_csv(request: Request) -> bool:
    return request.query_params.get("format") == "csv" or \
        "text/csv" in request.headers.get("accept", "")


async def _answer(request: Request, session: AsyncSession, f: audit_query.Filter,
                  name: str) -> Response:
    if _wants_csv(request):
        body = await audit_query.export_csv(session, f)
        return Response(body, media_type=CSV, headers={
            "Content-Disposition": f'attachment; filename="{name}-audit.csv"'})
    cursor = request.query_params.get("cursor")
    return answer(await audit_query.page(session, f, int_param(cursor, "cursor")
                                         if cursor else None, _limit(request)))


async def tournament_audit(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])
    actor = await authenticate(request)
    if not actor.is_admin:
        raise Forbidden("forbidden", "The audit trail is for admins.")
    async with reading(request) as session:
        t = await tournaments.tournament_by_slug(session, slug)
        return await _answer(request, session, _filter(request, t.id), slug)


async def site_audit(request: Request) -> Response:
    actor = await authenticate(request)
    if not actor.is_admin:
        raise Forbidden("forbidden", "The audit trail is for admins.")
    async with reading(request) as session:
        return await _answer(request, session, _filter(request, None), "site")


async def match_audit(request: Request) -> Response:
    """A match's own history: for admins and for the referees who may referee it."""
    match_id = int_param(request.path_params["id"], "id")
    actor = await authenticate(request)
    async with reading(request) as session:
        match = await session.get(Match, match_id)
        stage = await session.get(Stage, match.stage_id) if match else None
        t = await session.get(Tournament, match.tournament_id) if match else None
        if match is None or stage is None or t is None or t.id is None \
                or not tournaments.visible(session, t):
            raise NotFound("Match", match_id)
        if not actor.may_referee(t.id, t.published, stage.event_id):
            raise Forbidden("not_assigned", "You are not a referee of this tournament.")
        f = audit_query.Filter(target_type="match", target_id=str(match_id))
        return await _answer(request, session, f, f"match-{match_id}")


class _Preview(Exception):
    def __init__(self, body: dict[str, Any]) -> None:
        self.body = body


async def preview_match(request: Request) -> Response:
    """What ``PATCH /api/matches/{id}`` with this body would do, without doing it: the
    match as it would be and the matches it would reset (ids and M numbers; of those,
    ``played_numbers`` held a result, the others were only paired); for a referee, whether
    the change needs an admin. Nothing is stored or published."""
    match_id = int_param(request.path_params["id"], "id")
    actor = await authenticate(request)
    raw = await read_body(request)
    check_media_type(request, raw)
    body = parse(MatchUpdate, raw)
    context = ctx(request)
    needs_admin = False
    repaired: list[repairs.Repair] = []
    try:
        async with context.transaction() as session:
            session.info[VIEWER] = actor
            result = await matches.update_match(session, match_id, body, actor, None,
                                                repaired=repaired)
            raise _Preview(result)
    except _Preview as done:
        result = done.body
    except DomainError as exc:
        if exc.code != "correction_needs_admin":
            raise
        needs_admin = True
        result = {"reset_matches": None, "numbers": list(exc.params.get("matches") or [])}
    async with context.db.read() as session:
        # a referee's are named by M number, as on the bracket; of them all, the ones with
        # a result (cleared) and not (a Swiss round only paired), read once
        by_number = result["reset_matches"] is None
        result["reset_matches"], numbers, played = await match_errors.reset(
            session, match_id, result["reset_matches"], result.get("numbers") or [])
        shown = result["numbers"] if by_number else numbers
    match = audit.match_state(result) if "score" in result else None
    return answer({"match": match, "reset_matches": result["reset_matches"],
                   "reset_numbers": sorted(shown), "played_numbers": played,
                   "needs_admin": needs_admin,
                   # who goes where: the matches whose teams or results it changes
                   "moves": [repairs.move(r) for r in repaired]})


routes = [
    Route("/api/audit", site_audit, methods=["GET"]),
    Route("/api/tournaments/{slug}/audit", tournament_audit, methods=["GET"]),
    Route("/api/matches/{id}/audit", match_audit, methods=["GET"]),
    Route("/api/matches/{id}/preview", preview_match, methods=["POST"]),
]
