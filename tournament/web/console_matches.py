"""The console's match page (``/admin/matches/{id}``): when and where a match is played
(time, venue, station, stream, referee; clashes shown and refused unless overridden),
check-in of each team, and a no-show's forfeit. The control board posts its one-click
check-ins and forfeits here too and gets the board back."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..errors import NotFound
from ..formats import registry
from ..schemas import MatchUpdate
from ..services import accounts, audited, reads, referee_matches, tournaments
from ..services.actors import Actor
from .common import int_param, reading
from .console import Outcome, admin_actor, back, number, optional, parse_form, show, submit
from .console_day import board_page
from .console_stages import CLASH_WORDS, clash_lines, local_time
from .rendering import page

# Where a one-click change from another console page sends the organizer back to.
RETURNS = {"board"}


def _id(request: Request) -> int:
    return int_param(request.path_params["id"], "id")


def typed_time(value: str | None) -> str:
    """A stored time (ISO, in the tournament's zone) as a ``datetime-local`` value."""
    return value[:16] if value else ""


async def match_page(request: Request, outcome: Outcome | None = None,
                     failed: str | None = None) -> Response:
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    async with reading(request) as session:
        await reads.match_detail(session, _id(request))  # unknown or hidden: 404
        found = await referee_matches.console_context(session, _id(request))
        if found is None:
            raise NotFound("Match", _id(request))
        t = await reads.tournament_detail(session, found["tournament"].slug)
        referees = [u for u in await accounts.list_users(session) if u["role"] == "referee"]
        solo = await tournaments.solo_event(session, found["event"]["id"])
        m = found["match"]
        clashes = await clash_lines(session, outcome.exc if outcome else None, request,
                                    {"matches": [m]})
    stage = found["stage"]
    fmt = registry.get(stage["format"])
    label = fmt.match_label(m, stage["team_count"], stage["settings"])
    teams = {s["id"]: s for s in found["sides"] if s}
    return show(request, "console_match.html", status=outcome.status if outcome else 200,
                m=m, stage=stage, event=found["event"], sides=found["sides"], teams=teams,
                t=t, tz=t["timezone"], seq=t["last_seq"], round_label=label,
                solo=solo,
                referees=referees, clashes=clashes, clash_words=CLASH_WORDS,
                typed_time=typed_time, error=outcome.error if outcome else None,
                values=outcome.values if outcome else {}, failed=failed)


async def _change(request: Request, what: str, run: Any) -> Response:
    form = await request.form()
    goes_back = str(form.get("next") or "")
    done = await submit(request, run)
    if goes_back in RETURNS:  # the board shows its own refusals
        if not done.ok:
            return await board_page(request, done, slug=str(form.get("slug") or ""))
        return back(request, f"/admin/t/{done.value['tournament']}/board", what)
    if not done.ok:
        return await match_page(request, done, what)
    return back(request, f"/admin/matches/{_id(request)}", what)


async def _update(session: Any, actor: Actor, request: Request, form: FormData,
                  body: dict[str, Any]) -> dict[str, Any]:
    """The API's own change (audited, published after commit) with the version the page
    was drawn from, so a change made meanwhile by someone else is refused, not undone."""
    version = number(form, "version")
    changed = await audited.update_match(session, actor, _id(request),
                                         parse_form(MatchUpdate, body),
                                         version if isinstance(version, int) else None)
    found = await referee_matches.console_context(session, _id(request))
    assert found is not None
    return {**changed, "tournament": found["tournament"].slug}


async def schedule_match(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        found = await referee_matches.console_context(session, _id(request))
        if found is None:
            raise NotFound("Match", _id(request))
        body = {"scheduled_at": local_time(form, "scheduled_at", found["tournament"].timezone),
                "venue": optional(form, "venue", 100), "station": optional(form, "station", 100),
                "stream_url": optional(form, "stream_url", 500),
                "referee_id": number(form, "referee_id"),
                "override": form.get("override") == "on"}
        return await _update(session, actor, request, form, body)
    return await _change(request, "schedule", run)


async def check_in(request: Request) -> Response:
    """One side checked in (``on=1``) or its check-in taken back (``on=0``)."""
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        found = await referee_matches.console_context(session, _id(request))
        if found is None:
            raise NotFound("Match", _id(request))
        side = number(form, "side")
        sides = [t is not None for t in found["match"]["checked_in_at"]]
        if side in (1, 2):
            sides[int(side) - 1] = form.get("on") != "0"
        return await _update(session, actor, request, form, {"checked_in": sides})
    return await _change(request, "check_in", run)


async def forfeit(request: Request) -> Response:
    """The side that did not come (``side``) loses by forfeit."""
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await _update(session, actor, request, form, {"forfeit": number(form, "side")})
    return await _change(request, "forfeit", run)


routes = [
    Route("/admin/matches/{id}", page(match_page), methods=["GET"]),
    Route("/admin/matches/{id}/schedule", page(schedule_match), methods=["POST"]),
    Route("/admin/matches/{id}/check-in", page(check_in), methods=["POST"]),
    Route("/admin/matches/{id}/forfeit", page(forfeit), methods=["POST"]),
]
