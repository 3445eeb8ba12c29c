"""``/overlay/tournaments/{slug}/now``: the "now on" overlay, one browser source a producer
sets once per station (``?station=Main stage``) or stage (``?stage=3``), both to narrow
one by the other. It draws the match overlay's scoreboard for the match there now (the
rule: ``services/now_on.py``), or an empty transparent frame; ``?swap=1`` and ``?pos=``
as on the match overlay. Its live fragment (``&fragment=1``) is fetched again by
``static/js/follow.js`` when a match there changes status or time, so it moves on to the
next match by itself."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from sqlmodel.ext.asyncio.session import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import i18n, place_names, views
from ..services import now_on, reads, stage_reads, tournaments
from .cache import versioned
from .common import int_param, language, slug_param
from .pages import corner_param, match_context, swap_param
from .rendering import page, render


async def now_overlay(request: Request) -> Response:
    slug = slug_param(request.path_params["slug"])
    station = now_on.station_param(request.query_params.get("station"))
    raw_stage = request.query_params.get("stage")
    stage_id = int_param(raw_stage, "stage") if raw_stage is not None else None
    swap = swap_param(request)
    pos = corner_param(request)
    fragment = bool(request.query_params.get("fragment"))
    asked = {k: v for k, v in (("station", station), ("stage", stage_id)) if v is not None}
    fragment_url = f"/overlay/tournaments/{slug}/now?" + urlencode(
        {**asked, "fragment": 1} | ({"swap": 1} if swap else {}))

    async def build(session: AsyncSession) -> Response:
        tournament = await tournaments.tournament_by_slug(session, slug)
        where = await now_on.where_clause(session, tournament, station, stage_id)
        chosen = await now_on.now_on(session, where)
        context: dict[str, Any]
        if chosen is not None and chosen.id is not None:
            context = await match_context(session, chosen.id)
        else:
            t = await reads.tournament_head(session, slug)
            # the page's title says where it looks: the station (in the reader's language,
            # by the tournament's stations), or the stage
            place = place_names.name_in(station, t["stations"], language(request)) or \
                i18n.localized(views.stage_summary(
                    await stage_reads.stage_by_id(session, stage_id or 0)), language(request))
            context = {"t": t, "tz": t["timezone"], "seq": t["last_seq"], "match": None,
                       "teams": {}, "looks_at": place}
        return render(request, "overlay_now_fragment.html" if fragment else "overlay_now.html",
                      overlay=True, swap=swap, pos=pos, station=station, stage_id=stage_id,
                      fragment_url=fragment_url, **context)
    return await versioned(request, lambda s: reads.version(s, slug=slug), build)


routes = [Route("/overlay/tournaments/{slug}/now", page(now_overlay), methods=["GET"])]
