"""The console's tournaments: the list with a new-tournament form (``/admin``), and one
tournament (``/admin/t/{slug}``): its settings, publishing, events, exports."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import i18n
from ..place_names import Kind
from ..schemas import EventCreate, TournamentCreate, TournamentUpdate
from ..services import audited, place_renames, reads, tournaments
from ..services.actors import Actor
from .common import language, reading, slug_param
from .console import (
    Outcome,
    admin_actor,
    back,
    names,
    optional,
    parse_form,
    say,
    show,
    submit,
    text,
)
from .console_places import place_rows, read_places, said_in_use
from .rendering import page

ZONES = ("Asia/Seoul", "Asia/Tokyo", "Asia/Shanghai", "Asia/Taipei", "Asia/Hong_Kong",
         "Asia/Singapore", "Asia/Bangkok", "Asia/Kolkata", "Australia/Sydney", "Europe/London",
         "Europe/Berlin", "America/New_York", "America/Los_Angeles", "UTC")


def _points(form: FormData) -> list[int | str]:
    raw = text(form, "nation_points", 400).replace("，", ",").replace("、", ",")
    return [int(p) if p.strip().isdigit() else p.strip()
            for p in raw.split(",") if p.strip()]


def _tournament_fields(form: FormData) -> dict[str, Any]:
    return {"name": text(form, "name"), "names": names(form),
            "timezone": text(form, "timezone", 64) or "Asia/Seoul",
            "starts_on": optional(form, "starts_on", 20),
            "ends_on": optional(form, "ends_on", 20), "nation_points": _points(form),
            "nation_scoring": text(form, "nation_scoring", 10) or "best",
            "nation_decider": optional(form, "nation_decider", 64)}


async def index(request: Request, outcome: Outcome | None = None) -> Response:
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    async with reading(request) as session:
        listed = await tournaments.list_tournaments(session)
    return show(request, "admin.html", status=outcome.status if outcome else 200,
                tournaments=listed, zones=ZONES, error=outcome.error if outcome else None,
                values=outcome.values if outcome else {})


async def create_tournament(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        body = parse_form(TournamentCreate, {
            "slug": text(form, "slug", 64).lower(), **_tournament_fields(form),
            "published": form.get("published") == "on"})
        return await audited.create_tournament(session, actor, body)
    done = await submit(request, run)
    if not done.ok:
        return await index(request, done)
    return back(request, f"/admin/t/{done.value['slug']}", "created")


async def tournament_page(request: Request, outcome: Outcome | None = None,
                          failed: str | None = None) -> Response:
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    slug = slug_param(request.path_params["slug"])
    async with reading(request) as session:
        t = await reads.tournament_detail(session, slug)
        in_use = {kind.word: await place_renames.names_in_use(session, t["id"], kind)
                  for kind in place_renames.KINDS}

    def rows(kind: Kind) -> list[dict[str, Any]]:
        typed = outcome.values if outcome and failed == f"{kind}s" else None
        return place_rows(kind, t["venues" if kind == "venue" else "stations"],
                          in_use[kind], typed, outcome.exc if outcome else None)
    error = outcome.error if outcome else None
    if outcome and outcome.exc and failed in ("venues", "stations"):
        # a place in use left out: named as matches write it and in the reader's words
        kind: Kind = "venue" if failed == "venues" else "station"
        places = t["venues"] if kind == "venue" else t["stations"]
        error = say(request, said_in_use(kind, outcome.exc, places, language(request),
                                         i18n.gettext(language(request))))
    return show(request, "console_tournament.html", status=outcome.status if outcome else 200,
                t=t, tz=t["timezone"], seq=t["last_seq"], zones=ZONES,
                venue_rows=rows("venue"), station_rows=rows("station"),
                error=error,
                values=outcome.values if outcome else {},
                failed=failed)


async def update_tournament(request: Request, what: str = "settings") -> Response:
    """The settings form, the venues or stations form (``what="venues"``, ``"stations"``),
    or (``what="publish"``) the publish / unpublish button."""
    slug = slug_param(request.path_params["slug"])

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        if what == "publish":
            body = parse_form(TournamentUpdate, {"published": form.get("published") == "1"})
        elif what in ("venues", "stations"):
            kind: Kind = "venue" if what == "venues" else "station"
            body = parse_form(TournamentUpdate, {what: read_places(form, kind)})
        else:
            body = parse_form(TournamentUpdate, _tournament_fields(form))
        return await audited.update_tournament(session, actor, slug, body)
    done = await submit(request, run)
    if not done.ok:
        return await tournament_page(request, done, what)
    return back(request, f"/admin/t/{slug}", what)


async def publish(request: Request) -> Response:
    return await update_tournament(request, "publish")


async def save_venues(request: Request) -> Response:
    return await update_tournament(request, "venues")


async def save_stations(request: Request) -> Response:
    return await update_tournament(request, "stations")


async def delete_tournament(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await audited.delete_tournament(session, actor, slug)
    done = await submit(request, run)
    if not done.ok:
        return await tournament_page(request, done, "delete")
    return back(request, "/admin", "deleted")


async def create_event(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])

    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        body = parse_form(EventCreate, {
            "slug": text(form, "slug", 64).lower(), "name": text(form, "name"),
            "names": names(form), "game": optional(form, "game", 100),
            "game_names": names(form, "game_", 100)})
        return await audited.create_event(session, actor, slug, body)
    done = await submit(request, run)
    if not done.ok:
        return await tournament_page(request, done, "event")
    return back(request, f"/admin/t/{slug}/e/{done.value['slug']}", "created")


routes = [
    Route("/admin", page(index), methods=["GET"]),
    Route("/admin/tournaments", page(create_tournament), methods=["POST"]),
    Route("/admin/t/{slug}", page(tournament_page), methods=["GET"]),
    Route("/admin/t/{slug}", page(update_tournament), methods=["POST"]),
    Route("/admin/t/{slug}/publish", page(publish), methods=["POST"]),
    Route("/admin/t/{slug}/venues", page(save_venues), methods=["POST"]),
    Route("/admin/t/{slug}/stations", page(save_stations), methods=["POST"]),
    Route("/admin/t/{slug}/delete", page(delete_tournament), methods=["POST"]),
    Route("/admin/t/{slug}/events", page(create_event), methods=["POST"]),
]
