"""The console's round plans (on the stage page, ``/admin/stages/{id}``): a round whose
matches are not made yet (the next Swiss round, a stage waiting for another) planned with
the round schedule's fields, listed with what happened when it was applied (the clashes
found then), changed or removed. A round that already has matches is scheduled now."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..formats import registry
from ..formats.layout import SECTIONS
from ..schemas_edit import RoundSchedule
from ..services import audited, plan_edits, reads, stage_reads
from ..services.actors import Actor
from .common import int_param
from .console import number, optional, parse_form, text
from .console_stages import _id, _stage_change, describe_clashes, local_time
from .pages import page


def _plan_id(request: Request) -> int:
    return int_param(request.path_params["plan"], "plan")


async def plans_for_page(session: Any, stage: dict[str, Any], lang: str) -> list[dict[str, Any]]:
    """The stage's plans as the page shows them: each with its round's label and the
    clashes found when it was applied, in the reader's words."""
    fmt = registry.get(stage["format"])
    numbers = {m["id"]: m["number"] for m in stage["matches"]}
    out = []
    for p in await plan_edits.list_plans(session, stage["id"]):
        try:
            label = fmt.round_name(p["bracket"], p["round"], len(stage["seeding"]),
                                   stage["settings"], p["group"])
        except (ArithmeticError, KeyError, ValueError):  # a stage not seeded yet
            label = ("Round %d", p["round"])
        applied = p["applied"]
        # the matches it gave times, as the page numbers them (those made again since:
        # gone from the stage, not listed)
        shown = [f"M{numbers[i]}" for i in (applied or {}).get("matches", []) if i in numbers]
        out.append({**p, "label": label, "numbers": shown, "clashes": await describe_clashes(
            session, applied["clashes"], lang, stage) if applied else []})
    return out


def plan_choices(stage: dict[str, Any]) -> dict[str, Any]:
    """The brackets and groups a plan can name (those the stage's matches have)."""
    brackets = sorted({m["bracket"] for m in stage["matches"] if m["bracket"]})
    groups = int((stage.get("settings") or {}).get("groups") or 1)
    return {"brackets": brackets, "groups": groups, "words": SECTIONS}


async def _body(session: Any, request: Request, form: FormData) -> RoundSchedule:
    stage = await stage_reads.stage_by_id(session, _id(request))
    t = await reads.tournament_detail(session, (await stage_reads.stage_view(
        session, stage))["tournament"])
    stations = [s.strip() for s in text(form, "stations", 2000).replace("，", ",")
                .split(",") if s.strip()]
    body: RoundSchedule = parse_form(RoundSchedule, {
        "round": number(form, "round"), "bracket": optional(form, "bracket", 20),
        "group": number(form, "group"),
        "starts_at": local_time(form, "starts_at", t["timezone"]),
        "interval_minutes": number(form, "interval_minutes") or 0,
        "venue": optional(form, "venue", 100), "stations": stations,
        "stream_url": optional(form, "stream_url", 500),
        "referee_id": number(form, "referee_id"),
        "override": form.get("override") == "on"})
    return body


async def save_plan(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await audited.save_round_plan(session, actor, _id(request),
                                             await _body(session, request, form))
    return await _stage_change(request, "plan", run)


async def change_plan(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await audited.save_round_plan(session, actor, _id(request),
                                             await _body(session, request, form),
                                             _plan_id(request))
    return await _stage_change(request, f"plan-{_plan_id(request)}", run)


async def remove_plan(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await audited.delete_round_plan(session, actor, _id(request),
                                               _plan_id(request))
    return await _stage_change(request, "plan", run)


routes = [
    Route("/admin/stages/{id}/plans", page(save_plan), methods=["POST"]),
    Route("/admin/stages/{id}/plans/{plan}", page(change_plan), methods=["POST"]),
    Route("/admin/stages/{id}/plans/{plan}/delete", page(remove_plan), methods=["POST"]),
]
