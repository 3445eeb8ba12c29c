"""The referee's console of a free-for-all lobby (``/matches/{id}/referee`` when the match
is a lobby): a game's place and kills for every team, typed on a phone and saved as one
form (``POST /matches/{id}/referee/game``), or an earlier game corrected. It saves through
the same audited use case as ``PATCH /api/matches/{id}`` with ``game``; a refusal is said on
the form in the page's language with what was typed kept."""

from __future__ import annotations

from typing import Any

from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import views
from ..errors import DomainError, Forbidden, NotFound
from ..schemas import MatchUpdate
from ..services import audited, referee_matches
from ..services.tournaments import VIEWER
from . import session_auth, words
from .account_pages import redirect, require_session, with_form
from .common import ctx, int_param, language
from .console import number, parse_form, say
from .pages import page


def _id(request: Request) -> int:
    return int_param(request.path_params["id"], "id")


def games_of(match: dict[str, Any]) -> dict[int, dict[int, tuple[int, int]]]:
    """The lobby's reported games: number -> team -> (place, kills)."""
    return {int(g["number"]): {int(r["team_id"]): (int(r["placement"]), int(r["kills"]))
                               for r in g["results"]} for g in match.get("placings") or []}


def lobby_page(request: Request, found: dict[str, Any], error: str | None = None,
               typed: dict[str, Any] | None = None, status: int = 200) -> Response:
    match, stage = found["match"], found["stage"]
    t = found["tournament"]
    played = games_of(match)
    most = int(stage["settings"].get("games") or 0) or len(played) + 1
    chosen_raw = (typed or {}).get("number") or request.query_params.get("game") or ""
    chosen = int(chosen_raw) if str(chosen_raw).isdigit() else min(len(played) + 1, most)
    shown = played.get(chosen, {})
    label = words.match_round(match, stage["format"], stage["team_count"])
    response = with_form(
        request, "referee_lobby.html", status=status, t=views.tournament_view(t),
        tz=t.timezone, seq=t.last_seq, match=match, stage=stage, event=found["event"],
        lobby=found["lobby"], teams={x["id"]: x for x in found["lobby"]}, played=played,
        numbers=list(range(1, min(len(played) + 1, most) + 1)), chosen=chosen, shown=shown,
        typed=typed or {}, error=error, round_label=label,
        done=request.query_params.get("done"))
    response.headers["Cache-Control"] = "no-store"
    return response


async def _context(request: Request) -> tuple[dict[str, Any], Any] | Response:
    """The lobby and the signed-in referee allowed to score it, or the sign-in page."""
    identity = await require_session(request)
    if isinstance(identity, Response):
        return identity
    async with ctx(request).db.read() as session:
        found = await referee_matches.console_context(session, _id(request))
        if found is not None and "placings" in found["match"]:
            found["lobby"] = await referee_matches.lobby_teams(session, found["match"])
    if found is None or "placings" not in found["match"]:
        raise NotFound("Match", _id(request))
    t = found["tournament"]
    if not identity.actor.may_see(t.id, t.published):
        raise NotFound("Match", _id(request))
    if not identity.actor.may_referee(t.id or 0, t.published, found["event"]["id"]):
        raise Forbidden("not_assigned", "You are not a referee of this tournament.")
    return found, identity


def _typed(form: FormData, lobby: list[dict[str, Any]]) -> dict[str, Any]:
    typed: dict[str, Any] = {"number": str(form.get("number") or "")}
    for team in lobby:
        for part in ("place", "kills"):
            typed[f"{part}_{team['id']}"] = str(form.get(f"{part}_{team['id']}") or "")
    return typed


async def save_game(request: Request) -> Response:
    context = await _context(request)
    if isinstance(context, Response):
        return context
    found, identity = context
    form = await request.form()
    session_auth.check_form(request, form)
    typed = _typed(form, found["lobby"])
    results = [{"team_id": team["id"], "placement": number(form, f"place_{team['id']}"),
                "kills": number(form, f"kills_{team['id']}")} for team in found["lobby"]]
    version = number(form, "version")
    try:
        async with ctx(request).transaction() as session:
            session.info[VIEWER] = identity.actor
            body = parse_form(MatchUpdate, {"game": {"number": number(form, "number"),
                                                     "results": results}})
            await audited.update_match(session, identity.actor, _id(request), body,
                                       version if isinstance(version, int) else None)
    except DomainError as exc:
        return lobby_page(request, found, say(request, exc), typed, exc.status)
    lang = language(request)
    return redirect(f"/matches/{_id(request)}/referee?lang={lang}&done={typed['number']}")


routes = [Route("/matches/{id}/referee/game", page(save_game), methods=["POST"])]
