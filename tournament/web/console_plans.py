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

from .. import i18n
from ..formats import registry
from ..formats.layout import SECTIONS
from ..formats.types import FormatError
from ..models import Stage
from ..schemas_edit import RoundSchedule
from ..services import audited, field_sizes, plan_edits, reads, stage_reads
from ..services.actors import Actor
from . import error_words
from .clash_words import describe_clashes
from .common import int_param
from .console import number, optional, parse_form, text
from .console_stages import _id, _stage_change, in_play_order, local_time
from .rendering import page


def _plan_id(request: Request) -> int:
    return int_param(request.path_params["plan"], "plan")


async def expected_field(session: Any, stage: Stage) -> int:
    """How many teams the stage holds, or will once the stages it waits for end
    (``field_sizes.field_ahead``: its slots, or the qualifiers of each group of the stage
    it waits for, through every stage waiting in between); 0 when not known."""
    return field_sizes.field_ahead(stage, await field_sizes.by_id(session, stage.event_id)) \
        or 0


def planned_rounds(stage: dict[str, Any], field: int) -> list[dict[str, Any]]:
    """Every round the stage will play, with its label, when all are known before they are
    played (not a Swiss stage's): its matches' rounds and those of the bracket as drawn
    for ``field`` teams (a stage still waiting for its teams, a bracket reset not needed
    yet), so a plan names the round and its bracket (the third-place match apart from the
    final). Empty when the rounds are not known in advance."""
    fmt = registry.get(stage["format"])
    if fmt.pairs_rounds or field < 2:
        return []
    try:
        settings = fmt.parse_settings(stage["settings"] or {})
        drawn = fmt.plan(list(range(1, field + 1)), settings,
                         stage.get("seeding_method") or "standard").matches
    except (FormatError, ArithmeticError, KeyError, ValueError):
        return []
    seen: dict[tuple[str | None, int], dict[str, Any]] = {}
    # the bracket as drawn numbers every round (a reset not made yet too); the stage's
    # own matches, a tiebreaker's
    numbered = [{"bracket": None if m.bracket is None else str(m.bracket), "round": m.round,
                 "group": m.group, "number": m.number} for m in drawn]
    numbered += [{**m, "number": m["number"] + len(drawn)} for m in stage["matches"]]
    for bracket, round_, group in [(m["bracket"], m["round"], m["group"])
                                   for m in stage["matches"] + numbered]:
        if (bracket, round_) not in seen:
            label, param = fmt.round_name(bracket, round_, field, stage["settings"], group)
            seen[bracket, round_] = {"value": f"{bracket or ''}:{round_}", "label": label,
                                     "param": param, "bracket": bracket or "",
                                     "round": round_}
    return in_play_order(list(seen.values()), numbered)


async def plans_for_page(session: Any, stage: dict[str, Any], lang: str,
                         field: int = 0) -> list[dict[str, Any]]:
    """The stage's plans as the page shows them: each with its round's label and the
    clashes found when it was applied, in the reader's words. ``field``: the teams the
    stage will hold (``expected_field``), which names a waiting stage's rounds."""
    fmt = registry.get(stage["format"])
    numbers = {m["id"]: m["number"] for m in stage["matches"]}
    never = await plan_edits.never_applied(session, stage["id"])
    _ = i18n.gettext(lang)
    out = []
    for p in await plan_edits.list_plans(session, stage["id"]):
        try:
            label = fmt.round_name(p["bracket"], p["round"], field or len(stage["seeding"]),
                                   stage["settings"], p["group"])
        except (ArithmeticError, KeyError, ValueError):  # a stage not seeded yet
            label = ("Round %d", p["round"])
        if p["id"] in never:  # a round the stage never has has no name: its number
            label = ("Round %d", p["round"])
        applied = p["applied"]
        # the matches it gave times, as the page numbers them (those made again since:
        # gone from the stage, not listed)
        shown = [f"M{numbers[i]}" for i in (applied or {}).get("matches", []) if i in numbers]
        out.append({**p, "label": label, "numbers": shown, "never": error_words.say(
            never[p["id"]].code, _, never[p["id"]].params) if p["id"] in never else None,
            "clashes": await describe_clashes(
            session, applied["clashes"], lang, stage) if applied else []})
    return out


def plan_choices(stage: dict[str, Any], field: int = 0) -> dict[str, Any]:
    """The rounds, brackets and groups a plan can name: every round by its name where the
    rounds are known in advance (``planned_rounds``), else a round's number and the
    brackets the stage's matches have."""
    rounds = planned_rounds(stage, field)
    brackets = sorted({m["bracket"] for m in stage["matches"] if m["bracket"]})
    groups = int((stage.get("settings") or {}).get("groups") or 1)
    return {"rounds": rounds, "brackets": brackets, "groups": groups, "words": SECTIONS}


async def stranded_elsewhere(session: Any, exc: Any, here: int,
                             stages_by_id: dict[int, Any], lang: str) -> dict[str, Any] | None:
    """A change of this stage refused for the plans of a later stage seeded from it, or
    from a stage waiting for it (``round_plans_stranded`` with ``stage``, and ``via``):
    that stage and the one between (their names in the reader's language) and those plans
    as its page lists them, to be named under the error."""
    later_id = (exc.extra.get("stage") if exc is not None
                and exc.code == "round_plans_stranded" else None)
    if later_id is None or later_id == here:
        return None
    row = await stage_reads.stage_by_id(session, int(later_id))
    later: dict[str, Any] = dict(await stage_reads.stage_view(session, row))
    field = await expected_field(session, row)
    ids = {p["id"] for p in exc.extra.get("plans", [])}
    via = stages_by_id.get(int(exc.params.get("via_id") or 0))
    return {"id": later_id, "name": i18n.localized(later, lang),
            "via": i18n.localized(via, lang) if via else None,
            "plans": [p for p in await plans_for_page(session, later, lang, field)
                      if p["id"] in ids]}


def planned_instead(values: dict[str, Any], choices: dict[str, Any]) -> dict[str, Any]:
    """A round schedule refused for a round not made yet (``no_matches``), as the plan
    form takes it: the same round (by name where the form names rounds, else its number
    and bracket), times, venue and stations."""
    bracket, _, round_ = str(values.get("round") or "").rpartition(":")
    named = any(r["value"] == values.get("round") for r in choices["rounds"])
    return {**values, "round": values.get("round") if named else round_,
            "bracket": bracket}


async def _body(session: Any, request: Request, form: FormData) -> RoundSchedule:
    stage = await stage_reads.stage_by_id(session, _id(request))
    t = await reads.tournament_detail(session, (await stage_reads.stage_view(
        session, stage))["tournament"])
    stations = [s.strip() for s in text(form, "stations", 2000).replace("，", ",")
                .split(",") if s.strip()]
    # a round picked by name comes as "bracket:round" (as the round schedule's), a typed
    # one as its number with the bracket apart
    bracket, picked, round_ = text(form, "round", 40).rpartition(":")
    body: RoundSchedule = parse_form(RoundSchedule, {
        "round": (int(round_) if round_.isascii() and round_.isdigit() else round_ or None)
        if picked else number(form, "round"),
        "bracket": (bracket or None) if picked else optional(form, "bracket", 20),
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
