"""``GET /api/openapi.json``: the API's OpenAPI 3.1 schema, built from the request models
(``schemas.py``) and the answer shapes (``openapi_shapes.py``)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..formats.limits import MAX_ID
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
from ..schemas_fields import SLUG_PATTERN
from . import openapi_organizer
from .openapi_accounts import ACCOUNT_MODELS, ACCOUNT_SHAPES, account_paths
from .openapi_shapes import SHAPES, array, ref

ERROR = ref("Error")
ERRORS = {
    "400": "Malformed: the body is not a JSON object, a path id is not a whole number "
           "from 1 to 2147483647, a query parameter is out of its range, or a header is "
           "(invalid_if_match; invalid_idempotency_key: an empty Idempotency-Key, one "
           "of more than 200 characters, or one with a character outside ASCII 0x21-0x7E)",
    "401": "No valid bearer token",
    "403": "The token's role or assignments do not allow this",
    "404": "No such resource (or not visible to this reader)",
    "405": "Method not allowed; the answer's Allow header lists the allowed methods",
    "409": "Conflict: the slug or name exists (team_name_taken: a team of the event has "
           "this name), or the match changed (If-Match: version_conflict; "
           "expected_teams: teams_changed, its params the teams expected and the teams "
           "now; the current match is under \"match\", who changed it under "
           "\"changed_by\")",
    "413": "The body is larger than the server accepts (TOURNAMENT_MAX_BODY)",
    "415": "unsupported_media_type: the body's Content-Type is not the one this endpoint "
           "reads (application/json, or a +json type; the team import's text/csv) and not "
           "JSON either. A JSON body is read whatever its label, and a body without "
           "Content-Type as the endpoint's type",
    "429": "Throttled; retry after Retry-After seconds",
    "422": "Invalid input; error.code says what, error.field where",
    "503": "The database or its disk is unavailable; retry after Retry-After seconds",
}
HEADERS = {
    "Idempotency-Key": {"type": "string", "minLength": 1, "maxLength": 200,
                        "pattern": "^[\\x21-\\x7e]+$"},
    "If-Match": {"type": "string", "pattern": '^((W/)?"?[0-9]{1,18}"?|\\*)$'},
}
MODELS: tuple[type[BaseModel], ...] = (
    TournamentCreate, TournamentUpdate, EventCreate, TeamCreate, StageCreate, MatchUpdate,
    Withdrawal, TiebreakerCreate, TieResolution)


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _op(summary: str, answer: dict[str, Any], body: type[BaseModel] | None = None, *,
        auth: bool = False, status: str = "200", errors: tuple[str, ...] = (),
        headers: tuple[str, ...] = ("Idempotency-Key",),
        query: dict[str, dict[str, Any]] | None = None) -> dict[str, Any]:
    # a bad bearer token is a 401 anywhere (reads take an optional token: admins and
    # referees see unpublished tournaments)
    codes = {"400", "401", "404", "405", "503", *errors}
    if auth:
        codes |= {"403", "413", "422"}
    if body is not None:
        codes.add("415")
    op: dict[str, Any] = {"summary": summary, "responses": {status: _json(answer)}}
    for code in sorted(codes):
        op["responses"][code] = _json(ERROR, ERRORS[code])
        if code == "503":
            op["responses"][code]["headers"] = {"Retry-After": {"schema": {"type": "integer"}}}
        if code == "405":
            op["responses"][code]["headers"] = {"Allow": {"schema": {"type": "string"}}}
    if body is not None:
        op["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": ref(body.__name__)}}}
    if auth:
        op["security"] = [{"bearer": []}, {"session": []}]
        op["parameters"] = [{"name": h, "in": "header", "required": False,
                             "schema": HEADERS[h]} for h in headers]
    for name, schema_ in (query or {}).items():
        op.setdefault("parameters", []).append(
            {"name": name, "in": "query", "required": False, "schema": schema_})
    return op


PATHS: dict[str, dict[str, Any]] = {
    "/api/tournaments": {
        "get": _op("List the tournaments this reader may see", array(ref("Tournament"))),
        "post": _op("Create a tournament (422 duplicate_venue, duplicate_station: two "
                    "venues or two stations named alike)", ref("TournamentDetail"),
                    TournamentCreate,
                    auth=True, status="201", errors=("409",)),
    },
    "/api/tournaments/{slug}": {
        "get": _op("A tournament with its events and nation table", ref("TournamentDetail")),
        "patch": _op("Change a tournament (name, dates, nation points and decider, venues "
                     "and stations and their names in each language, published; 422 "
                     "duplicate_venue (duplicate_station): two venues (stations) named "
                     "alike; a venue's (station's) renamed_from renames it on every match "
                     "and round plan at it, 422 unknown_venue (unknown_station_name): it "
                     "names no venue (station), 422 venue_renamed_twice "
                     "(station_renamed_twice): renamed twice or renamed and kept; 409 "
                     "venue_in_use (station_in_use): a listed venue (station) left out "
                     "while matches or round plans are at it, params.matches and "
                     "params.plans say how many)",
                     ref("Tournament"), TournamentUpdate, auth=True, errors=("409",))},
    "/api/tournaments/{slug}/events": {
        "post": _op("Create an event (one game title)", ref("EventDetail"), EventCreate,
                    auth=True, status="201", errors=("409",))},
    "/api/tournaments/{slug}/events/{event}": {
        "get": _op("An event with teams, stages and placements", ref("EventDetail"))},
    "/api/tournaments/{slug}/events/{event}/teams": {
        "post": _op("Enter a team with its roster", ref("TeamWithRoster"), TeamCreate,
                    auth=True, status="201", errors=("409",))},
    "/api/tournaments/{slug}/events/{event}/stages": {
        "post": _op("Create a stage and its first matches", ref("Stage"), StageCreate,
                    auth=True, status="201")},
    "/api/stages/{id}": {"get": _op("A stage with teams, matches and standings",
                                    ref("Stage"))},
    "/api/stages/{id}/tiebreakers": {"post": _op(
        "Add a tiebreaker match between two teams that share a place", ref("Match"),
        TiebreakerCreate, auth=True, status="201", errors=("409",))},
    "/api/stages/{id}/ties": {"post": _op(
        "Record the order of teams the tiebreakers left level (with the reason); once a "
        "stage seeded from this one has started, saved only when its teams and seeds stay "
        "(else 409 next_stage_started with params.reason, as for a correction)",
        ref("Stage"), TieResolution, auth=True, errors=("409",))},
    "/api/matches/{id}": {
        "get": _op("A match", ref("Match")),
        "patch": _op("Report or correct a result, set status, schedule or stream (403 "
                     "correction_needs_admin: a referee's correction that clears results "
                     "played on, params.matches, played, paired; 409 next_stage_started: a "
                     "correction a stage seeded from this one, with results, cannot follow, "
                     "params.reason reopens | unfinished | tie | teams | seeds, stage, "
                     "stage_id, results, and matches, tied, joining and leaving, or moved "
                     "(by name; the same teams by id in tied_ids, joining_ids, leaving_ids, "
                     "moved_ids, and moved_seeds [[from, to]]); 409 "
                     "withdrawal_forfeit: a referee's result for a match a team's "
                     "withdrawal or disqualification forfeited, forfeit_reason set; "
                     "params.team and params.reason name the team and why; nothing is "
                     "saved, an admin may still replace it with a final result; 409 "
                     "withdrawn_team_cannot_play: a reopening, live score or game in play "
                     "for a match with a withdrawn or disqualified team, an admin's too, "
                     "params.team and params.reason; nothing is saved)",
                     ref("MatchChange"), MatchUpdate, auth=True, errors=("409",),
                     headers=("If-Match", "Idempotency-Key")),
    },
    "/api/teams/{id}": {"get": _op("A team with roster and schedule", ref("TeamDetail"))},
    "/api/teams/{id}/withdraw": {"post": _op(
        "Withdraw or disqualify a team: it forfeits every match it has left",
        ref("Withdrawn"), Withdrawal, auth=True, errors=("409",))},
    "/teams/{id}/schedule.ics": {"get": {
        "summary": "The team's schedule (iCalendar)",
        "responses": {"200": {"description": "The calendar", "content": {
            "text/calendar": {"schema": {"type": "string"}}}},
            **{code: {"description": ERRORS[code], "content": {
                "text/html": {"schema": {"type": "string"}}}}
               for code in ("400", "404", "405", "503")}}}},
    "/healthz": {"get": {
        "summary": "Liveness from the last background probe: 200 ok, or 503 and why",
        "responses": {"200": {"description": "ok", "content": {
            "text/plain": {"schema": {"const": "ok"}}}},
            "503": {"description": "database, disk, file descriptors or sockets failing",
                    "content": {"text/plain": {"schema": {"type": "string"}}}}}}},
    "/readyz": {"get": {
        "summary": "Readiness detail: database, disk, file descriptors, live sockets",
        "responses": {code: _json({"type": "object", "required": [
            "status", "problems", "database", "disk", "fds", "sockets"]}, text)
            for code, text in (("200", "ready"), ("503", "not ready"))}}},
}
PARAMETERS = {
    "slug": {"type": "string", "pattern": SLUG_PATTERN},
    "event": {"type": "string", "pattern": SLUG_PATTERN},
    "id": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    "user_id": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    "plan": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
}


def schema() -> dict[str, Any]:
    components: dict[str, Any] = dict(SHAPES) | ACCOUNT_SHAPES
    for model in (*MODELS, *ACCOUNT_MODELS, *openapi_organizer.MODELS):
        body = model.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(body.pop("$defs", {}))
        components[model.__name__] = body
    every: dict[str, dict[str, Any]] = {path: dict(ops) for path, ops in PATHS.items()}
    for extra in (account_paths(_op), openapi_organizer.paths(_op)):
        for path, ops in extra.items():
            every.setdefault(path, {}).update(ops)
    paths = {}
    for path, ops in every.items():
        params = [{"name": p.strip("{}"), "in": "path", "required": True,
                   "schema": PARAMETERS[p.strip("{}")]}
                  for p in path.split("/") if p.startswith("{")]
        paths[path] = {m: ({**op, "parameters": params + op.get("parameters", [])}
                           if params else op) for m, op in ops.items()}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Tournament service API", "version": "1.0.0",
                 "description": "Brackets and results, live. See README and API.md. "
                                "Every answer may also be 405 (with Allow) for a method "
                                "the path does not have."},
        "paths": paths,
        "components": {"schemas": components, "securitySchemes": {
            "bearer": {"type": "http", "scheme": "bearer"},
            "session": {"type": "apiKey", "in": "cookie", "name": "tournament_session",
                        "description": "A signed-in browser (POST /login). Writes also "
                                       "need the header X-CSRF-Token: the page's "
                                       "<meta name=\"csrf-token\">."}}},
    }


async def openapi_json(request: Request) -> Response:
    return JSONResponse(schema())


routes = [Route("/api/openapi.json", openapi_json, methods=["GET"])]
