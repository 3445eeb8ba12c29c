"""The console's team page (``/admin/teams/{id}``): rename, the roster, nation and seed;
remove a team before it plays; withdraw or disqualify it once it has."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from ..schemas import Withdrawal
from ..schemas_edit import TeamUpdate
from ..services import audited, reads
from ..services.actors import Actor
from ..services.tournaments import one_on_one
from .common import int_param, reading
from .console import Outcome, admin_actor, back, parse_form, show, submit, text
from .console_events import team_fields
from .rendering import page


def _id(request: Request) -> int:
    return int_param(request.path_params["id"], "id")


async def team_page(request: Request, outcome: Outcome | None = None,
                    failed: str | None = None) -> Response:
    actor = await admin_actor(request)
    if isinstance(actor, Response):
        return actor
    async with reading(request) as session:
        team = await reads.team_detail(session, _id(request))
        t = await reads.tournament_detail(session, team["tournament"])
        event = await reads.event_detail(session, team["tournament"], team["event"])
    return show(request, "console_team.html", status=outcome.status if outcome else 200,
                team=team, t=t, tz=t["timezone"], seq=t["last_seq"], event=event,
                solo=one_on_one(len(x["players"]) for x in event["teams"]),
                error=outcome.error if outcome else None,
                values=outcome.values if outcome else {}, failed=failed)


async def _team_change(request: Request, what: str, run: Any) -> Response:
    done = await submit(request, run)
    if not done.ok:
        return await team_page(request, done, what)
    if what == "delete":
        return back(request, f"/admin/t/{done.value['tournament']}/e/{done.value['event']}",
                    "deleted")
    return back(request, f"/admin/teams/{_id(request)}", what)


async def update_team(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        return await audited.update_team(session, actor, _id(request),
                                         parse_form(TeamUpdate, team_fields(form)))
    return await _team_change(request, "settings", run)


async def delete_team(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        team = await reads.team_detail(session, _id(request))
        await audited.delete_team(session, actor, _id(request))
        return team
    return await _team_change(request, "delete", run)


async def withdraw_team(request: Request) -> Response:
    async def run(session: Any, form: FormData, actor: Actor) -> Any:
        body = parse_form(Withdrawal, {"reason": text(form, "reason", 20) or "withdrawn"})
        return await audited.withdraw_team(session, actor, _id(request), body.reason)
    return await _team_change(request, "withdraw", run)


routes = [
    Route("/admin/teams/{id}", page(team_page), methods=["GET"]),
    Route("/admin/teams/{id}", page(update_team), methods=["POST"]),
    Route("/admin/teams/{id}/delete", page(delete_team), methods=["POST"]),
    Route("/admin/teams/{id}/withdraw", page(withdraw_team), methods=["POST"]),
]
