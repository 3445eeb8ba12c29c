"""Server-rendered public pages (Jinja2), in Korean, Japanese or English (``?lang=``):
the tournament, its events, stages, matches and teams, their overlays and calendar feeds
(``rendering.py`` draws them)."""


from __future__ import annotations

from typing import Any

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import views
from ..errors import BadRequest
from ..services import annulment, audit_query, reads, stage_reads, tournaments
from . import words
from .cache import versioned
from .calendar import calendar_targets, schedule_ics
from .common import int_param, language, reading, slug_param
from .last_stage import with_last_stage
from .rendering import page, render
from .stage_layout import feeds, fill_feeds, layout
from .team_ahead import with_byes
from .team_view import team_standing, with_rounds, with_words


async def index(request: Request) -> Response:
    async with reading(request) as session:
        listed = await tournaments.list_tournaments(session)
    return render(request, "index.html", tournaments=listed)


async def tournament_page(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def build(session: AsyncSession) -> Response:
        t = await reads.tournament_detail(session, slug)
        spot = await reads.spotlight(session, slug)
        fill_feeds(spot["upcoming"])  # "Winner of M2" where a side is not known yet
        teams = {side["id"]: side for m in spot["live"] + spot["upcoming"]
                 for side in m["sides"] if side}
        template = {"spotlight": "tournament_fragment.html",
                    "nations": "nations_fragment.html",
                    "events": "events_fragment.html"}.get(
            request.query_params.get("fragment", ""), "tournament.html")
        return render(request, template, t=t, tz=t["timezone"], seq=t["last_seq"],
                      spot=spot, teams=teams)
    return await versioned(request, lambda s: reads.version(s, slug=slug), build)


async def event_page(request: Request) -> Response:
    p = {"slug": slug_param(request.path_params["slug"]),
         "event": slug_param(request.path_params["event"], "Event")}

    async def build(session: AsyncSession) -> Response:
        t = await reads.tournament_head(session, p["slug"])
        event = await reads.event_detail(session, p["slug"], p["event"])
        shown = [await stage_reads.stage_view(
            session, await stage_reads.stage_by_id(session, s["id"])) for s in event["stages"]]
        teams = {x["id"]: x for x in event["teams"]}
        template = {"champion": "champion_fragment.html",
                    "entrants": "entrants_fragment.html",
                    "stages": "event_stages_fragment.html"}.get(
            request.query_params.get("fragment", ""), "event.html")
        return render(request, template, t=t, event=event, tz=t["timezone"],
                      solo=await tournaments.solo_event(session, event["id"]),
                      seq=t["last_seq"], stages=[layout(v) for v in shown], teams=teams,
                      stage_names={s["id"]: s for s in event["stages"]})
    return await versioned(request, lambda s: reads.version(s, slug=p["slug"]), build)


async def stage_page(request: Request, overlay: bool = False) -> Response:
    """The stage; ``?fragment=1`` answers only its body (the page script swaps it in when
    a round is paired or standings move)."""
    stage_id = int_param(request.path_params["id"], "id")
    raw_top = request.query_params.get("top", "")
    top = min(int(raw_top), 100) if raw_top.isascii() and raw_top.isdigit() and \
        0 < len(raw_top) <= 3 and int(raw_top) > 0 else 10  # an overlay's leaderboard rows
    show = overlay_part(request.query_params.get("show", "all")) if overlay else "all"
    pos = corner_param(request) if overlay else "tl"
    raw_group = request.query_params.get("group", "") if overlay else ""

    async def build(session: AsyncSession) -> Response:
        stage = await stage_reads.stage_by_id(session, stage_id)
        view = await stage_reads.stage_view(session, stage)
        t = await reads.tournament_head(session, view["tournament"])
        entered = await tournaments.event_teams(session, stage.event_id)
        event = next(e for e in t["events"] if e["id"] == view["event_id"])
        teams = {x.id: views.team_view(x) for x in entered}
        siblings = await tournaments.event_stages(session, stage.event_id)
        template = "stage_fragment.html" if request.query_params.get("fragment") else \
            "overlay_stage.html" if overlay else "stage.html"
        laid = overlay_group(layout(view), raw_group) if raw_group else layout(view)
        laid = with_last_stage(laid, siblings, {x.id for x in entered if x.withdrawn})
        # an overlay refetches its own (compact) body: /overlay/stages/{id}?fragment=1
        return render(request, template, t=t, event=event, stage=laid, teams=teams,
                      tz=t["timezone"], seq=t["last_seq"], overlay=overlay, top=top,
                      show=show, pos=pos, fragment_url=f"/overlay/stages/{stage_id}?fragment=1"
                      f"&top={top}&show={show}" + (f"&group={raw_group}" if raw_group
                                                    else "") if overlay else None,
                      stage_names={s.id: views.stage_summary(s) for s in siblings},
                      solo=await tournaments.solo_event(session, stage.event_id))
    return await versioned(request, lambda s: reads.version(s, stage_id=stage_id), build)


OVERLAY_PARTS = ("all", "bracket", "standings")


def overlay_part(value: str) -> str:
    """What a stage overlay draws (``?show=``): everything, only the bracket (or
    leaderboard) or only the standings table, so a stream can place each on its own."""
    if value not in OVERLAY_PARTS:
        raise BadRequest("invalid_parameter",
                         f"show must be one of: {', '.join(OVERLAY_PARTS)}.", "show")
    return value


def overlay_group(stage: dict[str, Any], value: str) -> dict[str, Any]:
    """One group of a stage in groups (``?group=1`` or ``A``): a stream shows each group in
    its own browser source (two GSL groups in one frame shrank to unreadable text)."""
    groups = [s["group"] for s in stage["sections"] if s.get("kind") == "group"]
    wanted = ord(value.upper()) - 64 if len(value) == 1 and value.isascii() and \
        value.isalpha() else int(value) if value.isascii() and value.isdigit() and \
        len(value) <= 3 else None
    if len(groups) < 2 or wanted not in groups:
        raise BadRequest("invalid_parameter", "group must be one of this stage's groups: "
                         f"{', '.join(chr(64 + g) for g in groups) or 'it has none'}.",
                         "group")
    return stage | {"sections": [s for s in stage["sections"] if s.get("group") == wanted],
                    "chosen_group": wanted}




async def stage_overlay(request: Request) -> Response:
    return await stage_page(request, overlay=True)


async def match_page(request: Request, overlay: bool = False) -> Response:
    match_id = int_param(request.path_params["id"], "id")
    swap = swap_param(request) if overlay else False
    pos = corner_param(request) if overlay else "tl"

    async def build(session: AsyncSession) -> Response:
        fragment = bool(request.query_params.get("fragment"))
        template = ("overlay_match" if overlay else "match") + (
            "_fragment.html" if fragment else ".html")
        return render(request, template, overlay=overlay,  # fitted to the frame, as a
                      swap=swap, pos=pos, **await match_context(session, match_id))  # stage's
    return await versioned(request, lambda s: reads.version(s, match_id=match_id), build)


CORNERS = ("tl", "tr", "bl", "br")


def corner_param(request: Request) -> str:
    """``?pos=`` on an overlay: the corner of its frame it is drawn in (top-left, top-right,
    bottom-left, bottom-right; default ``tl``), so one browser source the canvas's size
    puts a scoreboard where the scene wants it. ``?fit=`` (0: never scaled; 1, the
    default: fitted to the frame) is read by overlay.js and checked here with it, so a
    source set up with a typo is told at once, not drawn another way."""
    if request.query_params.get("fit", "1") not in ("0", "1"):
        raise BadRequest("invalid_parameter", "fit must be 0 or 1.", "fit")
    value = request.query_params.get("pos", "tl")
    if value not in CORNERS:
        raise BadRequest("invalid_parameter", f"pos must be one of: {', '.join(CORNERS)}.",
                         "pos")
    return value


def swap_param(request: Request) -> bool:
    """``?swap=1`` on a match overlay: team 2 drawn first, on the casters' camera side."""
    value = request.query_params.get("swap", "0")
    if value not in ("0", "1"):
        raise BadRequest("invalid_parameter", "swap must be 0 or 1.", "swap")
    return value == "1"


async def match_context(session: AsyncSession, match_id: int) -> dict[str, Any]:
    """What the match page and the match overlays draw a match with."""
    _, match, slug = await reads.match_detail(session, match_id)
    stage = await stage_reads.stage_by_id(session, match["stage_id"])
    t = await reads.tournament_head(session, slug)
    sides = [await reads.team_detail(session, x) if x else None for x in match["teams"]]
    event = next(e for e in t["events"] if e["id"] == stage.event_id)
    teams = {x["id"]: x for x in sides if x}
    standing: dict[int, Any] = {}
    order = list(match["teams"])
    if "placings" in match:  # a lobby: its teams in the leaderboard's order, with it
        view = await stage_reads.stage_view(session, stage)
        rows: list[dict[str, Any]] = [dict(r) for r in view["standings"]]
        standing = {int(row["team_id"]): row for row in rows}
        mine = set(order)
        order = [r["team_id"] for r in rows if r["team_id"] in mine] + [
            x for x in order if x not in standing]
    # an empty knockout slot: the match that fills it ("Winner of M5")
    fed = None if "placings" in match else feeds({
        "format": stage.format, "seeding": stage.seeding or [], "matches": [match],
        "settings": stage.settings or {}, "seeding_method": stage.seeding_method,
    }).get(match["number"])
    return {"t": t, "event": event, "stage": views.stage_summary(stage), "match": match,
            "sides": sides, "teams": teams, "tz": t["timezone"], "fed": fed,
            "standing": standing, "lobby_order": order, "seq": t["last_seq"],
            "solo": await tournaments.solo_event(session, stage.event_id),
            "round_label": words.match_round(match, stage.format, len(stage.seeding or []),
                                             stage.settings)}


async def match_overlay(request: Request) -> Response:
    return await match_page(request, overlay=True)


async def team_page(request: Request) -> Response:
    team_id = int_param(request.path_params["id"], "id")

    async def build(session: AsyncSession) -> Response:
        team = await reads.team_detail(session, team_id)
        t = await reads.tournament_head(session, team["tournament"])
        event = next(e for e in t["events"] if e["slug"] == team["event"])
        fragment = request.query_params.get("fragment")
        template = "team.html" if not fragment else \
            "team_head_fragment.html" if fragment == "head" else \
            "team_roster_fragment.html" if fragment == "roster" else "team_fragment.html"
        teams = {m["opponent"]["id"]: m["opponent"] for m in team["schedule"]
                 if m["opponent"]} | {team["id"]: team}
        standing, fed, next_up = await team_standing(session, event["id"], team_id)
        for a in next_up:  # the opponents waiting there, named as the schedule's are
            if a["opponent"] is not None and a["opponent"] not in teams:
                teams[a["opponent"]] = await reads.team_brief(session, a["opponent"])
        placement = await reads.team_placement(session, team)
        return render(request, template, t=t, event=event,
                      team=with_byes(with_rounds(team, fed), standing),
                      teams=teams, tz=t["timezone"], seq=t["last_seq"],
                      placement=placement, standing=with_words(standing, placement, team),
                      ahead=next_up,
                      # a one-on-one event's lobbies count players ("Lobby of 16 players")
                      solo=await tournaments.solo_event(session, event["id"]))
    return await versioned(request, lambda s: reads.version(s, team_id=team_id), build)


async def team_calendar(request: Request) -> Response:
    team_id = int_param(request.path_params["id"], "id")

    async def build(session: AsyncSession) -> Response:
        team = await reads.team_detail(session, team_id)
        t = await reads.tournament_head(session, team["tournament"])
        event = next(e for e in t["events"] if e["slug"] == team["event"])
        standing, fed, _ahead = await team_standing(session, event["id"], team_id)
        changed = await audit_query.last_changed(session, calendar_targets(team, t["id"]))
        decided = await annulment.decided_at(session, [
            (e["id"], e["stage_id"], e["teams"]) for e in team["schedule"]])
        body = schedule_ics(with_rounds(team, fed), t, language(request),
                            str(request.base_url).rstrip("/"),
                            {s["stage"]["id"]: s["row"] for s in standing}, changed, decided,
                            solo=await tournaments.solo_event(session, event["id"]))
        return Response(body, media_type="text/calendar; charset=utf-8")
    return await versioned(request, lambda s: reads.version(s, team_id=team_id), build)


routes = [
    Route("/", index, methods=["GET"]),
    Route("/tournaments/{slug}", page(tournament_page), methods=["GET"]),
    Route("/tournaments/{slug}/events/{event}", page(event_page), methods=["GET"]),
    Route("/stages/{id}", page(stage_page), methods=["GET"]),
    Route("/matches/{id}", page(match_page), methods=["GET"]),
    Route("/teams/{id}", page(team_page), methods=["GET"]),
    Route("/teams/{id}/schedule.ics", page(team_calendar), methods=["GET"]),
    Route("/overlay/matches/{id}", page(match_overlay), methods=["GET"]),
    Route("/overlay/stages/{id}", page(stage_overlay), methods=["GET"]),
]
