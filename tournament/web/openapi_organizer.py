"""The organizer's routes in the OpenAPI schema (``web/api_organizer.py``); ``openapi.py``
merges them with the rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ..formats.limits import MAX_ID
from ..schemas_edit import EventUpdate, RoundSchedule, StageUpdate, TeamUpdate
from ..schemas_fields import LINE_OR_BLANK, SLUG_PATTERN
from ..schemas_transfer import Export
from ..services import match_list
from .openapi_shapes import (
    BOOL,
    CLASH,
    INT,
    MATCH,
    MATCH_OPTIONAL,
    NULL_INT,
    NULL_STR,
    STR,
    array,
    limit_param,
    obj,
    page_size,
    ref,
)

Op = Callable[..., dict[str, Any]]
MODELS: tuple[type[BaseModel], ...] = (StageUpdate, RoundSchedule, TeamUpdate, EventUpdate,
                                       Export)
OBJECT = {"type": "object"}
ID = {"type": "integer", "minimum": 1, "maximum": MAX_ID}
# a venue or station as stored: one line of at most 100 characters
PLACE = {"type": "string", "maxLength": 100, "pattern": LINE_OR_BLANK}
FILTERS: dict[str, dict[str, Any]] = {
    "tournament": {"type": "string", "pattern": SLUG_PATTERN},
    "event": {"type": "string", "pattern": SLUG_PATTERN}, "stage": ID, "team": ID,
    "status": {"enum": ["pending", "ready", "live", "completed", "late"]},
    "day": {"type": "string", "format": "date", "pattern": "^(20[0-9]{2}|2100)-"}, "venue": PLACE,
    "station": PLACE, "referee": ID, "limit": limit_param(match_list.MAX_LIMIT),
    "cursor": {"type": "string", "pattern": "^[0-9]{1,8}$",
               "description": "The previous page's next, as given"},
}


# a round planned before its matches exist (services/round_plans.py)
ROUND_PLAN = obj({
    "id": INT, "round": INT, "bracket": NULL_STR, "group": NULL_INT, "starts_at": STR,
    "interval_minutes": INT, "venue": NULL_STR, "stations": array(STR),
    "stream_url": NULL_STR, "referee_id": NULL_INT,
    "applied": {"type": ["object", "null"], "description": (
        "When the round's matches were last made and got this plan's times: at, the "
        "matches' ids, and the clashes found then (the plan is applied all the same; "
        "each clash as in schedule_clash)"), "properties": {
        "at": STR, "matches": array(INT), "clashes": array(CLASH)},
        "required": ["at", "matches", "clashes"]}})
PLAN_SAVED = obj({"plan": {"anyOf": [ROUND_PLAN, {"type": "null"}]},
                  "matches": array(ref("Match")), "scheduled": BOOL}, optional=("scheduled",))


def _stage_patch(op: Op) -> dict[str, Any]:
    patch = op("Edit a stage (name, names, settings, seeding): a draft or a stage "
               "without results is planned again; results to lose need confirm. settings "
               "is a JSON merge patch (RFC 7396) of the stored settings: keys left out "
               "stay, null resets a key to its default, an object merges key by key",
               ref("Stage"), StageUpdate, auth=True, errors=("409",))
    patch["responses"]["409"]["description"] += (
        "; next_stage_started (a stage seeded from this one has started: only a change of "
        "a finished stage's ranking settings that keeps its teams and seeds is saved; "
        "params.reason as for a correction once it has results); results_would_be_lost "
        "(send confirm); round_plans_stranded: "
        "the new settings or seeding leave round plans with no bracket or round to time, "
        "this stage's or those of a stage waiting for it (params.count; plans: the plans, "
        "as GET round-plans shows them; params.stage, params.stage_id and stage: the later "
        "stage holding them, when they are its): remove them first")
    return patch


# a round plan or a round's schedule naming what the stage never has (formats/plan_fit.py)
UNKNOWN_ROUND = (
    "; unknown_bracket, unknown_group, unknown_round: a bracket, group or round the stage "
    "never has (error.field names which; params: the bracket, group or round named and "
    "what the stage has: brackets, groups, and rounds or last); a stage waiting for its "
    "teams refuses only what its settings rule out")


def _unknown_round(operation: dict[str, Any], more: str = "") -> dict[str, Any]:
    operation["responses"]["422"]["description"] += UNKNOWN_ROUND + more
    return operation


def _plan_paths(op: Op) -> dict[str, dict[str, Any]]:
    save = op("Plan a round ahead: 201 with the plan when the round has no matches yet "
              "(they get its times when they are made; saving the same round, bracket and "
              "group again replaces its plan); 200 with the round's matches scheduled now "
              "when it has (as POST /schedule: clashes refused unless override). A plan "
              "saved ahead is checked too: each match its round will have, with the times, "
              "station, stream and referee it gives them, against every scheduled match and "
              "every other plan (409 schedule_clash unless override)",
              PLAN_SAVED, RoundSchedule, auth=True, errors=("409",))
    save["responses"]["201"] = save["responses"]["200"]
    _unknown_round(save)
    change = op("Change a plan (409 round_plan_exists: another plan has that round; 409 "
                "schedule_clash as POST unless override); a round made since is scheduled "
                "now too", PLAN_SAVED, RoundSchedule,
                auth=True, errors=("409",))
    change["responses"]["409"]["description"] += (
        "; round_plan_exists: another plan of this stage has that round, bracket and group")
    _unknown_round(change, " (a plan stored for such a round is changed to one it has, or "
                   "removed)")
    return {
        "/api/stages/{id}/round-plans": {
            "get": op("The stage's round plans (admin)", obj({"plans": array(ROUND_PLAN)}),
                      auth=True),
            "post": save},
        "/api/stages/{id}/round-plans/{plan}": {
            "put": change,
            "delete": op("Remove a plan (matches it gave times keep them)", ROUND_PLAN,
                         auth=True)},
    }


def _query(op: dict[str, Any], params: dict[str, dict[str, Any]]) -> dict[str, Any]:
    op["parameters"] = op.get("parameters", []) + [
        {"name": name, "in": "query", "required": False, "schema": schema}
        for name, schema in params.items()]
    return op


def _table(op: Op, summary: str) -> dict[str, Any]:
    found = _query(op(summary, {"type": "object", "required": ["items"], "properties": {
        "items": array(OBJECT)}}), {"format": {"enum": ["csv", "json"]}})
    found["responses"]["200"]["content"]["text/csv"] = {"schema": {"type": "string"}}
    return found


def paths(op: Op) -> dict[str, dict[str, Any]]:
    """The organizer's paths; ``op`` is ``openapi._op``."""
    csv_import = op("Enter teams and players from CSV (name, name_ko, name_ja, nation, "
                    "seed, players separated by ;): 201, or 422 with error.errors listing "
                    "every bad line, or 409 team_name_taken", {
                        "type": "object", "required": ["teams"],
                        "properties": {"teams": array(ref("TeamWithRoster"))}},
                    auth=True, status="201", errors=("409", "415"))
    csv_import["requestBody"] = {"required": True, "content": {
        "text/csv": {"schema": {"type": "string"}}}}
    return {
        "/api/stages/{id}/start": {"post": op("Start a draft stage", ref("Stage"), auth=True,
                                              errors=("409",))},
        "/api/stages/{id}": {
            "patch": _stage_patch(op),
            "delete": _query(op("Delete a stage (results to lose need confirm=true)",
                                OBJECT, auth=True, errors=("409",)),
                             {"confirm": {"enum": ["true", "false", "1", "0"]}}),
        },
        "/api/stages/{id}/schedule": {"post": _unknown_round(op(
            "Schedule one round: times, venue, stations, stream, referee (clashes refused "
            "unless override)", {"type": "object", "properties": {
                "matches": array(ref("Match"))}}, RoundSchedule, auth=True,
            errors=("409",)), "; no_matches: the round has no match yet, though it may "
            "still be made: plan it ahead (POST round-plans)")},
        **_plan_paths(op),
        "/api/teams/{id}": {
            "patch": op("Rename a team, change its nation, seed or roster",
                        ref("TeamWithRoster"), TeamUpdate, auth=True, errors=("409",)),
            "delete": op("Remove a team that has not played (in no stage)", OBJECT,
                         auth=True, errors=("409",)),
        },
        "/api/tournaments/{slug}/events/{event}": {
            "patch": op("Edit an event", ref("Event"), EventUpdate, auth=True),
            "delete": op("Remove an event that has no teams and no stages (nor decides "
                         "the nation table's ties)", OBJECT,
                         auth=True, errors=("409",)),
        },
        "/api/tournaments/{slug}": {"delete": op(
            "Remove a tournament that has no events", OBJECT, auth=True, errors=("409",))},
        "/api/tournaments/{slug}/events/{event}/teams/import": {"post": csv_import},
        "/api/matches": {"get": _query(op(
            "Matches filtered and paged (next: the cursor of the following page)",
            {"type": "object", "required": ["items", "next", "limit"], "properties": {
                "items": array(obj({**MATCH, "tournament": STR, "event": ref("Event"),
                                    "stage": {"type": "object"}, "late": BOOL},
                                   optional=MATCH_OPTIONAL)),
                "next": {"type": ["string", "null"], "description": (
                    "The cursor of the next page, a string (digits today; treat it as "
                    "opaque), or null on the last page. The audit trail's next is an "
                    "integer")},
                "limit": page_size(match_list.MAX_LIMIT)}}),
            FILTERS)},
        "/api/tournaments/{slug}/events/{event}/results": {"get": _table(
            op, "The event's results, one row per match (JSON, or CSV)")},
        "/api/tournaments/{slug}/events/{event}/standings": {"get": _table(
            op, "The event's standings, one row per team and stage (JSON, or CSV)")},
        "/api/tournaments/{slug}/export": {"get": op(
            "The whole tournament as one JSON document (no secrets)", ref("Export"))},
        "/api/tournaments/import": {"post": op(
            "Load an exported tournament (409 when its slug exists)", OBJECT, Export,
            auth=True, status="201", errors=("409",))},
    }
