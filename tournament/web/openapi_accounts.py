"""The OpenAPI description of the people API (users, sessions, sign-in links, tokens,
referee assignments) and of the audit trail and the match preview."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..formats.limits import MAX_ID
from ..schemas import MatchUpdate
from ..schemas_accounts import RefereeAssign, TokenCreate, UserCreate, UserUpdate
from ..services.audit_query import MAX_PAGE
from .openapi_shapes import (
    BOOL,
    INT,
    NULL_INT,
    NULL_STR,
    STR,
    array,
    limit_param,
    obj,
    page_size,
    ref,
)

ROLE = {"enum": ["admin", "referee"]}
TIME = {"type": "string", "format": "date-time"}
NULL_TIME = {"type": ["string", "null"], "format": "date-time"}
USER = {"id": NULL_INT, "name": STR, "role": ROLE, "has_password": BOOL,
        "tournaments": array(STR),
        "assignments": array(obj({"tournament": STR,
                                  "events": {"type": ["array", "null"], "items": STR}})),
        "restricted": BOOL, "sessions": INT, "tokens": INT, "created_at": NULL_TIME}
TOKEN = {"id": INT, "user_id": INT, "name": NULL_STR, "created_at": TIME,
         "last_used_at": NULL_TIME}
MATCH_STATE = {"type": "object", "properties": {
    "number": INT, "teams": array(NULL_INT), "score": array(INT), "status": STR}}
TYPES = ["match", "stage", "team", "tournament", "event", "user"]
ENTRY = {"id": INT, "at": TIME, "tournament": NULL_STR,
         "actor": obj({"id": NULL_INT, "name": STR}),
         "via": {"enum": ["session", "token", "cli", "setup"]}, "action": STR,
         "target": obj({"type": {"enum": TYPES}, "id": {"type": ["integer", "string"]}}),
         "before": {"type": ["object", "null"]}, "after": {"type": ["object", "null"]}}

ACCOUNT_SHAPES: dict[str, dict[str, Any]] = {
    "User": obj(USER),
    "Me": obj({**USER, "via": {"enum": ["session", "token"]}}),
    "UserList": obj({"items": array(ref("User"))}),
    "UserCreated": obj({**USER, "token": STR}, optional=("token",)),
    "Revoked": obj({"user_id": INT, "revoked": INT}),
    "SignInLink": obj({"user_id": INT, "name": STR, "url": STR, "expires_at": TIME}),
    "Assignment": obj({"user_id": INT, "name": STR, "tournament": STR,
                       "events": {"type": ["array", "null"], "items": STR}}),
    "Token": obj(TOKEN),
    "TokenCreated": obj({**TOKEN, "token": STR}),
    "TokenList": obj({"items": array(ref("Token"))}),
    "AuditEntry": obj(ENTRY),
    "AuditPage": obj({"items": array(ref("AuditEntry")), "next": NULL_INT | {
        "description": "The cursor of the next page, an integer (an entry id; pass it as "
                       "cursor), or null on the last page. GET /api/matches's next is a "
                       "string"}, "limit": page_size(MAX_PAGE)}),
    "Preview": obj({"match": {"anyOf": [MATCH_STATE, {"type": "null"}]},
                    "reset_matches": array(INT), "reset_numbers": array(INT),
                    "played_numbers": array(INT) | {
                        "description": "Of reset_numbers, those holding a result (live or "
                                       "final), which the change clears; the others are "
                                       "paired, not played yet (a Swiss round paired "
                                       "again)"},
                    "needs_admin": BOOL,
                    "moves": array(obj({
                        "match": INT, "number": INT,
                        "teams_before": array({"type": ["integer", "null"]}),
                        "teams_after": {"type": ["array", "null"],
                                        "items": {"type": ["integer", "null"]}},
                        "reset": BOOL, "out_of_play": BOOL,
                        "waits_for": array({"type": ["integer", "null"]})})) | {
                        "description": "The other matches the change would repair: their "
                                       "teams before and after (null: withdrawn), "
                                       "whether a result played on is cleared, whether "
                                       "the match is taken out of play (a bracket reset "
                                       "no longer needed: removed, in no read any more), "
                                       "and for each side whose team is taken out the M "
                                       "number of the match it waits for again (null: "
                                       "none)"}}),
}
ACCOUNT_MODELS: tuple[type[BaseModel], ...] = (UserCreate, UserUpdate, TokenCreate,
                                                RefereeAssign)

AUDIT_QUERY: dict[str, dict[str, Any]] = {
    "target": {"type": "string", "pattern": f"^({'|'.join(TYPES)})(:[0-9]{{1,10}})?$"},
    "target_type": {"enum": TYPES},
    "target_id": {"type": "string", "pattern": "^[0-9]{1,10}$"},  # every entry names an id
    "actor": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    "action": {"type": "string", "pattern": "^[a-z_.]{1,40}$"},
    "cursor": {"type": "integer", "minimum": 1, "maximum": MAX_ID},
    "limit": limit_param(MAX_PAGE),
    "format": {"enum": ["csv", "json"]},
}


def _csv(op: dict[str, Any]) -> dict[str, Any]:
    """The audit answers: JSON, or CSV with ``Accept: text/csv`` or ``format=csv``."""
    op["responses"]["200"]["content"]["text/csv"] = {"schema": {"type": "string"}}
    return op


def account_paths(op: Callable[..., dict[str, Any]]) -> dict[str, dict[str, Any]]:
    auth: dict[str, Any] = {"auth": True}
    read: dict[str, Any] = {"auth": True, "headers": ()}
    return {
        "/api/users": {
            "get": op("Every user (admins)", ref("UserList"), **read),
            "post": op("Create a user (admin or referee); with a password they sign in at "
                       "/login, without one the answer carries an API token (shown once)",
                       ref("UserCreated"), UserCreate, status="201", errors=("409",),
                       **auth)},
        "/api/users/me": {"get": op("Who is asking (user, role, how they signed in)",
                                    ref("Me"), **read)},
        "/api/users/{id}": {"patch": op(
            "Set a password (yours needs current_password): every session of the user "
            "ends", ref("User"), UserUpdate, **auth)},
        "/api/users/{id}/sessions": {"delete": op(
            "Sign a user out everywhere (admins; or yourself)", ref("Revoked"), **auth)},
        "/api/users/{id}/sign-in-links": {"post": op(
            "A one-time sign-in link for the user (15 minutes, once)", ref("SignInLink"),
            status="201", **auth)},
        "/api/tournaments/{slug}/referees": {"post": op(
            "Assign a referee to the tournament, optionally to some of its events",
            ref("Assignment"), RefereeAssign, status="201", **auth)},
        "/api/tournaments/{slug}/referees/{user_id}": {"delete": op(
            "Remove a referee from the tournament", ref("Assignment"), **auth)},
        "/api/tokens": {
            "get": op("Your API tokens (admins: ?user_id=)", ref("TokenList"),
                      query={"user_id": {"type": "integer", "minimum": 1,
                                         "maximum": MAX_ID}}, **read),
            "post": op("A named API token for you (admins: for user_id), shown once",
                       ref("TokenCreated"), TokenCreate, status="201", **auth)},
        "/api/tokens/{id}": {"delete": op("Revoke an API token", ref("Token"), **auth)},
        "/api/audit": {"get": _csv(op(
            "The whole audit trail, newest first (admins)", ref("AuditPage"),
            query=AUDIT_QUERY, **read))},
        "/api/tournaments/{slug}/audit": {"get": _csv(op(
            "A tournament's audit trail, newest first (admins)", ref("AuditPage"),
            query=AUDIT_QUERY, **read))},
        "/api/matches/{id}/audit": {"get": _csv(op(
            "A match's history (admins and its referees)", ref("AuditPage"),
            query={k: AUDIT_QUERY[k] for k in ("cursor", "limit", "format")}, **read))},
        "/api/matches/{id}/preview": {"post": op(
            "What PATCH /api/matches/{id} with this body would do (the match after it, "
            "the matches it would reset), without doing it; refused as the PATCH would "
            "be (409 withdrawal_forfeit, withdrawn_team_cannot_play)", ref("Preview"), MatchUpdate,
            errors=("409",), **read)},
    }
