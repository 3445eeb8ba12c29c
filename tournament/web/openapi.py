"""``GET /api/openapi.json``: the API's OpenAPI 3.1 schema, built from the request models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

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

ERROR = {"$ref": "#/components/schemas/Error"}


def _op(summary: str, body: type[BaseModel] | None = None, *, auth: bool = False,
        status: str = "200", errors: tuple[str, ...] = ("404",),
        headers: tuple[str, ...] = ()) -> dict[str, Any]:
    op: dict[str, Any] = {"summary": summary, "responses": {
        status: {"description": "OK", "content": {"application/json": {"schema": {
            "type": "object"}}}}}}
    for code in (*errors, *(("401", "403", "422") if auth else ())):
        op["responses"][code] = {"description": "Error", "content": {
            "application/json": {"schema": ERROR}}}
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": {"$ref": f"#/components/schemas/{body.__name__}"}}}}
    if auth:
        op["security"] = [{"bearer": []}]
    params = [{"name": h, "in": "header", "required": False, "schema": {"type": "string"}}
              for h in headers]
    if params:
        op["parameters"] = params
    return op


PATHS: dict[str, dict[str, Any]] = {
    "/api/tournaments": {
        "get": _op("List published tournaments", errors=()),
        "post": _op("Create a tournament", TournamentCreate, auth=True, status="201",
                    errors=("409",), headers=("Idempotency-Key",)),
    },
    "/api/tournaments/{slug}": {
        "get": _op("A tournament with its events and nation table"),
        "patch": _op("Change a tournament (name, dates, nation points, published)",
                     TournamentUpdate, auth=True, headers=("Idempotency-Key",))},
    "/api/tournaments/{slug}/events": {
        "post": _op("Create an event (one game title)", EventCreate, auth=True, status="201",
                    headers=("Idempotency-Key",))},
    "/api/tournaments/{slug}/events/{event}": {
        "get": _op("An event with teams, stages and placements")},
    "/api/tournaments/{slug}/events/{event}/teams": {
        "post": _op("Enter a team with its roster", TeamCreate, auth=True, status="201",
                    headers=("Idempotency-Key",))},
    "/api/tournaments/{slug}/events/{event}/stages": {
        "post": _op("Create a stage and its first matches", StageCreate, auth=True,
                    status="201", headers=("Idempotency-Key",))},
    "/api/stages/{id}": {"get": _op("A stage with teams, matches and standings")},
    "/api/stages/{id}/tiebreakers": {"post": _op(
        "Add a tiebreaker match between two teams that share a place", TiebreakerCreate,
        auth=True, status="201", errors=("404", "409"), headers=("Idempotency-Key",))},
    "/api/stages/{id}/ties": {"post": _op(
        "Record the order of teams the tiebreakers left level (with the reason)",
        TieResolution, auth=True, errors=("404", "409"), headers=("Idempotency-Key",))},
    "/api/matches/{id}": {
        "get": _op("A match"),
        "patch": _op("Report or correct a result, set status, schedule or stream",
                     MatchUpdate, auth=True, errors=("404", "409"),
                     headers=("If-Match", "Idempotency-Key")),
    },
    "/api/teams/{id}": {"get": _op("A team with roster and schedule")},
    "/api/teams/{id}/withdraw": {"post": _op(
        "Withdraw or disqualify a team: it forfeits every match it has left", Withdrawal,
        auth=True, errors=("404", "409"), headers=("Idempotency-Key",))},
    "/api/tournaments/{slug}/referees": {"post": _op(
        "Assign a referee to the tournament (they may then referee only assigned ones)",
        RefereeAssign, auth=True, status="201", headers=("Idempotency-Key",))},
    "/api/users": {"post": _op("Create a user (admin or referee) with an API token",
                               UserCreate, auth=True, status="201", errors=("409",))},
    "/teams/{id}/schedule.ics": {"get": {"summary": "The team's schedule (iCalendar)",
                                         "responses": {"200": {"description": "text/calendar"}}}},
    "/healthz": {"get": {"summary": "ok when the server and database answer",
                         "responses": {"200": {"description": "ok"}}}},
}


def schema() -> dict[str, Any]:
    components: dict[str, Any] = {"Error": {"type": "object", "required": ["error"],
                                            "properties": {"error": {
                                                "type": "object",
                                                "required": ["code", "message"],
                                                "properties": {
                                                    "code": {"type": "string"},
                                                    "message": {"type": "string"},
                                                    "field": {"type": "string"}}}}}}
    for model in (TournamentCreate, TournamentUpdate, EventCreate, TeamCreate, StageCreate,
                  MatchUpdate, UserCreate, Withdrawal, RefereeAssign, TiebreakerCreate,
                  TieResolution):
        body = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(body.pop("$defs", {}))
        components[model.__name__] = body
    paths = {}
    for path, ops in PATHS.items():
        params = [{"name": p.strip("{}"), "in": "path", "required": True,
                   "schema": {"type": "string"}}
                  for p in path.split("/") if p.startswith("{")]
        paths[path] = {m: ({**op, "parameters": params + op.get("parameters", [])}
                           if params else op) for m, op in ops.items()}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tournament service API", "version": "1.0.0",
                 "description": "Brackets and results, live. See README and API.md."},
        "paths": paths,
        "components": {"schemas": components, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"}}},
    }


async def openapi_json(request: Request) -> Response:
    return JSONResponse(schema())


routes = [Route("/api/openapi.json", openapi_json, methods=["GET"])]
