"""The console's stage page (``/admin/stages/{id}``): a draft previewed and fixed (seeding
typed, dragged or reordered with buttons; teams added or left out; settings), then started;
a round scheduled at once (times, venue, stations, stream, referee) with clashes shown
before anything is saved; a stage removed, with the results that would be lost listed."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from typing import Any, cast
from zoneinfo import ZoneInfo

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import i18n
from ..errors import DomainError
from ..formats import registry, slots
from ..schemas import TiebreakerCreate, TieResolution
from ..schemas_edit import RoundSchedule, StageUpdate
from ..services import accounts, audited, reads, stage_reads
from ..services.actors import Actor
from ..services.tournaments import one_on_one
from . import error_words
from .clash_words import describe_clashes
from .common import int_param, language, reading
from .console import (
    Outcome,
    admin_actor,
    back,
    names,
    number,
    optional,
    parse_form,
    show,
    submit,
    text,
)
from .place_words import place_name
from .rendering import page
from .settings_form import (
    CHOICE_WORDS,
    FFA_TIEBREAKER_WORDS,
    TIEBREAKER_WORDS,
    commas,
    read_settings,
    settings_fields,
)

# What two clashing matches share (message ids).
CLASH_WORDS = {"team": "Team", "station": "Station", "stream": "Stream", "referee": "Referee"}


def _id(request: Request) -> int:
    return int_param(request.path_params["id"], "id")


def local_time(form: FormData, name: str, tz: str) -> str | None:
    """A ``datetime-local`` field (no offset) read in the tournament's time zone, as the
    ISO time with its offset the API takes; anything else is passed on as typed."""
    raw = text(form, name, 40)
    if not raw:
        return None
    try:
        naive = datetime.fromisoformat(raw)
    except ValueError:
        return raw
    if naive.tzinfo is not None:
        return naive.isoformat()
    return naive.replace(tzinfo=ZoneInfo(tz)).isoformat()


def round_choices(stage: dict[str, Any]) -> list[dict[str, Any]]:
    """Each round of the stage once (per bracket), with its label, for the schedule form."""
    fmt = registry.get(stage["format"])
    # a round's label names its bracket where that matters ("Lower round 2", "Grand final")
    seen: dict[tuple[str | None, int], dict[str, Any]] = {}
    for m in stage["matches"]:
        key = (m["bracket"], m["round"])
        if key not in seen:
            label, param = fmt.round_name(m["bracket"], m["round"], len(stage["seeding"]),
                                          stage["settings"], m["group"])
            seen[key] = {"bracket": m["bracket"] or "", "round": m["round"], "label": label,
                         "param": param}
    return in_play_order(list(seen.values()), stage["matches"])


def in_play_order(rounds: list[dict[str, Any]],
                  matches: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Rounds (each with its ``bracket``, "" for none, and ``round``) as they are played:
    by their first match's number among ``matches`` (an upper round, then the lower rounds
    its losers drop into, the grand final last), a third-place match just before the final
    of its round (the bronze match is played first, though numbered after it)."""
    first: dict[tuple[str, int], float] = {}
    for m in matches:
        key = (str(m["bracket"] or ""), int(m["round"]))
        first[key] = min(first.get(key, m["number"]), m["number"])

    def place(r: dict[str, Any]) -> tuple[float, str, int]:
        at = first.get((r["bracket"], r["round"]), float("inf"))
        if r["bracket"] == "third_place" and ("winners", r["round"]) in first:
            at = first["winners", r["round"]] - 0.5
        return at, r["bracket"], r["round"]
    return sorted(rounds, key=place)


async def clash_lines(session: Any, exc: DomainError | None, request: Request,
                      stage: dict[str, Any]) -> list[dict[str, Any]]:
    """A refused schedule's clashes, each with the M numbers, the other match's stage and
    the team, station, stream or referee they share, in the reader's language."""
    if exc is None or exc.code != "schedule_clash":
        return []
    return await describe_clashes(session, exc.extra.get("clashes", []), language(request),
                                  stage)


def ties_of(stage: dict[str, Any]) -> list[dict[str, Any]]:
    """Places two or more teams share after the tiebreakers (by group and rank), once
    their group (or the stage) has played every match: a tie after round 1 of 3 is no tie
    to break yet, the rounds left may split it."""
    matches = [m for m in stage.get("matches") or [] if m["bracket"] != "tiebreaker"]

    def finished(group: Any) -> bool:
        mine = [m for m in matches if group is None or m.get("group") == group]
        return bool(mine) and all(m["status"] == "completed" for m in mine)

    places: dict[tuple[Any, Any], list[int]] = {}
    for row in stage.get("standings") or []:
        if row.get("tied") and row.get("rank") is not None:
            places.setdefault((row.get("group"), row["rank"]), []).append(row["team_id"])
    return [{"group": g, "rank": r, "teams": teams} for (g, r), teams in places.items()
            if len(teams) > 1 and finished(g)]


def slot_list(stage: dict[str, Any], _: Callable[[str], str]) -> list[int | str]:
    """A stage's bracket slots as the console lists them: a direct entrant's team id, a
    place as people say it, "Group A 1st" ("1st" when the earlier stage has one group)."""
    given = slots.read((stage.get("source") or {}).get("slots") or [])
    grouped = any(not isinstance(x, int) and x[0] > 1 for x in given)
    return [x if isinstance(x, int) else place_name(x[0], x[1], grouped, _) for x in given]


async def seeded_places(session: Any, stage: dict[str, Any],
                        _: Callable[[str], str]) -> dict[int, str | None]:
    """A stage seeded from an earlier one, once its teams are in: the place each came
    from there ("1st", "Group A 2nd"; None: a team that entered directly), by team id, for
    its read-only seeding. Empty for any other stage."""
    source = (stage.get("source") or {}).get("from_stage")
    if not source or not stage["seeding"]:
        return {}
    earlier = await stage_reads.stage_view(
        session, await stage_reads.stage_by_id(session, int(source)))
    # (team, group, rank): a stage without groups has group None, read as 1
    placed = {int(cast(int, r["team_id"])): (int(cast(int, r.get("group") or 1)),
                                             int(cast(int, r["rank"])))
              for r in earlier["standings"] if r.get("rank")}
    grouped = any(group > 1 for group, _rank in placed.values())
    return {t: place_name(*placed[t], grouped, _) if t in placed else None
            for t in stage["seeding"]}


async def stage_page(request: Request, outcome: Outcome | None = None,
                     failed: str | None = None) -> Response:
    from . import console_plans  # it builds on this module's helpers

    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    async with reading(request) as session:
        stage_row = await stage_reads.stage_by_id(session, _id(request))
        stage: dict[str, Any] = dict(await stage_reads.stage_view(session, stage_row))
        t = await reads.tournament_detail(session, stage["tournament"])
        event = next(e for e in t["events"] if e["id"] == stage["event_id"])
        detail = await reads.event_detail(session, t["slug"], event["slug"])
        referees = [u for u in await accounts.list_users(session) if u["role"] == "referee"]
        clashes = await clash_lines(session, outcome.exc if outcome else None, request,
                                    stage)
        stages_by_id: dict[int, Any] = {x["id"]: x for x in detail["stages"]}
        places = await seeded_places(session, stage, i18n.gettext(language(request)))
        field = await console_plans.expected_field(session, stage_row)
        plans = await console_plans.plans_for_page(session, stage, language(request), field)
        exc = outcome.exc if outcome else None
        elsewhere = await console_plans.stranded_elsewhere(session, exc, stage["id"],
                                                           stages_by_id, language(request))
    fmt = registry.get(stage["format"])
    teams = {x["id"]: x for x in detail["teams"]}
    lost = (outcome.exc.extra.get("lost", []) if outcome and outcome.exc
            and outcome.exc.code == "results_would_be_lost" else [])
    # the plans new settings would leave without a round: named under the settings' error
    # and marked in the list, where they are removed
    stranded = {p["id"] for p in (exc.extra.get("plans", []) if exc and exc.code
                                  == "round_plans_stranded" and not elsewhere else [])}
    error = outcome.error if outcome else None
    if elsewhere and exc is not None:  # the later stage named in the reader's language
        error = error_words.say(exc, i18n.gettext(language(request)), {
            **exc.params, "stage": elsewhere["name"]} | (
            {"via": elsewhere["via"]} if elsewhere["via"] else {}))
    choices = console_plans.plan_choices(stage, field)
    # a round not made yet, refused by the round schedule: offered as a plan, filled in
    plan_instead = (console_plans.planned_instead(outcome.values, choices)
                    if outcome and exc and exc.code == "no_matches" else None)
    return show(request, "console_stage.html", status=outcome.status if outcome else 200,
                stage=stage, t=t, tz=t["timezone"], seq=t["last_seq"], event=detail,
                teams=teams, fields=settings_fields(fmt), label=fmt.label,
                solo=one_on_one(len(x["players"]) for x in detail["teams"]),
                settings_words=CHOICE_WORDS,
                # what boxes left empty give with this stage's other settings (its order)
                empty_orders=fmt.defaults(stage["settings"] or {}),
                tiebreaker_words=(FFA_TIEBREAKER_WORDS | {"seed": TIEBREAKER_WORDS["seed"]}
                                  if fmt.lobbies else TIEBREAKER_WORDS),
                rounds=round_choices(stage),
                # each match's own name in the table (a GSL group's Opening match 1 and 2)
                match_labels={m["id"]: fmt.match_label(m, len(stage["seeding"]),
                                                       stage["settings"])
                              for m in stage["matches"]},
                outside=[x for x in detail["teams"] if x["id"] not in stage["seeding"]
                         and not x["withdrawn"]],
                left_out=[teams[t] for t in _left(request) if t in teams
                          and t not in stage["seeding"]],
                referees=referees, ties=ties_of(stage), clashes=clashes, plans=plans,
                plan_choices=choices, plan_instead=plan_instead, elsewhere=elsewhere,
                clash_words=CLASH_WORDS, lost=lost, stranded=stranded,
                stages_by_id=stages_by_id,
                slot_list=slot_list(stage, i18n.gettext(language(request))),
                seeded_places=places,
                error=error,
                # the field a refusal names: a plan's round, bracket or group is said there
                error_field=outcome.exc.field if outcome and outcome.exc else None,
                values=outcome.values if outcome else {}, failed=failed)


async def _stage_change(request: Request, what: str, run: Any) -> Response:
    done = await submit(request, run)
    if not done.ok:
        return await stage_page(request, done, what)
    if what == "delete":
        return back(request, f"/admin/t/{done.value[0]}/e/{done.value[1]}", "deleted")
    return back(request, f"/admin/stages/{_id(request)}", what)


def _left(request: Request) -> list[int]:
    """The teams the last seeding change left out (``?left=3,7``), as the page says them."""
    raw = request.query_params.get("left", "")[:2000]
    return [int(p) for p in raw.split(",") if p.isascii() and p.isdigit() and len(p) < 10]


def _ids(raw: str) -> list[int | str]:
    return [int(p) if p.strip().isdigit() else p.strip()
            for p in commas(raw) if p.strip()]


async def update_stage(request: Request) -> Response:
    """Names and settings, or (``part=seeding``) the order of the teams."""
    before: list[int] = []

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        stage = await stage_reads.stage_by_id(session, _id(request))
        before[:] = list(stage.seeding or [])
        body: dict[str, Any] = {"confirm": form.get("confirm") == "on"}
        if form.get("part") == "seeding":
            order = _ids(text(form, "seeding", 20_000))
            order += [int(x) for x in form.getlist("add") if isinstance(x, str)
                      and x.isdigit()]
            body["seeding"] = order
        else:
            fmt = registry.get(stage.format)
            body |= {"name": text(form, "name"), "names": names(form),
                     "settings": read_settings(fmt, form, "s_")}
            if fmt.uses_seeding_method:  # the form offers none for a format that ignores it
                body["seeding_method"] = text(form, "seeding_method", 10) or "standard"
        # the form shows every setting: what it sends is the whole of them (one at its
        # default is left out), not a patch
        return await audited.update_stage(session, actor, _id(request),
                                          parse_form(StageUpdate, body), whole_settings=True)
    if (await request.form()).get("part") != "seeding":
        return await _stage_change(request, "settings", run)
    done = await submit(request, run)
    if not done.ok:
        return await stage_page(request, done, "seeding")
    # a team left out of the typed order leaves the stage: the page says who (it said only
    # "saved", and a mistyped list dropped a team unseen)
    left = [t for t in before if t not in done.value["seeding"]]
    return back(request, f"/admin/stages/{_id(request)}" + (
        f"?left={','.join(map(str, left))}" if left else ""), "seeding")


async def start_stage(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await audited.start_stage(session, actor, _id(request))
    return await _stage_change(request, "start", run)


async def delete_stage(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        stage = await stage_reads.stage_by_id(session, _id(request))
        view = await stage_reads.stage_view(session, stage)
        await audited.delete_stage(session, actor, _id(request),
                                   form.get("confirm") == "on")
        t = await reads.tournament_detail(session, view["tournament"])
        event = next(e for e in t["events"] if e["id"] == view["event_id"])
        return view["tournament"], event["slug"]
    return await _stage_change(request, "delete", run)


async def schedule_round(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        stage = await stage_reads.stage_by_id(session, _id(request))
        t = await reads.tournament_detail(session, (await stage_reads.stage_view(
            session, stage))["tournament"])
        bracket, _, round_ = text(form, "round", 40).rpartition(":")
        stations = [s.strip() for s in text(form, "stations", 2000).replace("，", ",")
                    .split(",") if s.strip()]
        body = {"round": int(round_) if round_.isascii() and round_.isdigit() else None,
                "bracket": bracket or None, "group": number(form, "group"),
                "starts_at": local_time(form, "starts_at", t["timezone"]),
                "interval_minutes": number(form, "interval_minutes") or 0,
                "venue": optional(form, "venue", 100), "stations": stations,
                "stream_url": optional(form, "stream_url", 500),
                "referee_id": number(form, "referee_id"),
                "override": form.get("override") == "on"}
        return await audited.schedule_round(session, actor, _id(request),
                                            parse_form(RoundSchedule, body))
    return await _stage_change(request, "schedule", run)


async def break_tie(request: Request) -> Response:
    """A tiebreaker match between two tied teams, or (``how=order``) the order the
    organizer decided, with the reason shown beside the standings."""
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        if form.get("how") == "order":
            body = parse_form(TieResolution, {"teams": _ids(text(form, "order", 2000)),
                                              "reason": text(form, "reason", 500)})
            return await audited.resolve_tie(session, actor, _id(request), body)
        picked = [int(x) for x in form.getlist("teams") if isinstance(x, str) and x.isdigit()]
        body = parse_form(TiebreakerCreate, {"teams": picked,
                                             "best_of": number(form, "best_of") or 1})
        return await audited.add_tiebreaker(session, actor, _id(request), body)
    return await _stage_change(request, "ties", run)


routes = [
    Route("/admin/stages/{id}", page(stage_page), methods=["GET"]),
    Route("/admin/stages/{id}", page(update_stage), methods=["POST"]),
    Route("/admin/stages/{id}/start", page(start_stage), methods=["POST"]),
    Route("/admin/stages/{id}/delete", page(delete_stage), methods=["POST"]),
    Route("/admin/stages/{id}/schedule", page(schedule_round), methods=["POST"]),
    Route("/admin/stages/{id}/ties", page(break_tie), methods=["POST"]),
]
