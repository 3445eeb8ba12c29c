"""The referee's console of a free-for-all lobby (``/matches/{id}/referee`` when the match
is a lobby): a game's place and kills for every team, typed on a phone and saved as one
form (``POST /matches/{id}/referee/game``), or an earlier game corrected. It saves through
the same audited use case as ``PATCH /api/matches/{id}`` with ``game``; a refusal is said on
the form in the page's language with what was typed kept."""

from __future__ import annotations

import unicodedata
from typing import Any

from babel.lists import format_list
from starlette.datastructures import FormData
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import i18n, views
from ..errors import DomainError, Forbidden, NotFound
from ..schemas import MatchUpdate
from ..services import audited, referee_matches, tournaments
from ..services.tournaments import VIEWER
from . import session_auth, words
from .account_pages import redirect, require_session, with_form
from .common import ctx, int_param, language
from .console import number, parse_form, say
from .rendering import page


def _id(request: Request) -> int:
    return int_param(request.path_params["id"], "id")


def games_of(match: dict[str, Any]) -> dict[int, dict[int, tuple[int, int]]]:
    """The lobby's reported games: number -> team -> (place, kills)."""
    return {int(g["number"]): {int(r["team_id"]): (int(r["placement"]), int(r["kills"]))
                               for r in g["results"]} for g in match.get("placings") or []}


# a mistake said on the form: its words and the names of the fields it is about
Line = tuple[str, tuple[str, ...]]


def lobby_page(request: Request, found: dict[str, Any], error: str | list[Line] | None = None,
               typed: dict[str, Any] | None = None, status: int = 200,
               bad: frozenset[tuple[int, str]] = frozenset(), game: int | None = None,
               asking: list[str] | None = None) -> Response:
    """The form of one game: the next one, or (``?game=N``) a played game to correct, with
    its stored places filled in (``asking``: what a correction typed there changes, asked
    before it is saved). The game is chosen by link, never by a field of the form:
    a form drawn for one game can only save that game."""
    match, stage = found["match"], found["stage"]
    t = found["tournament"]
    played = games_of(match)
    most = int(stage["settings"].get("games") or 0) or len(played) + 1
    open_ = match["status"] != "completed" and len(played) < most
    next_number = len(played) + 1 if open_ else None
    chosen_raw = game or (typed or {}).get("number") or request.query_params.get("game") or ""
    chosen = int(chosen_raw) if str(chosen_raw).isdigit() else 0
    if chosen not in played and chosen != next_number:
        chosen = next_number or len(played) + 1
    shown = played.get(chosen, {})
    label = words.match_round(match, stage["format"], stage["team_count"], stage["settings"])
    # each line of the message links to the first field it names, and each field is
    # described by the lines naming it (WCAG 3.3.1): its own mistake, not the whole list
    lines = [(error, ())] if isinstance(error, str) else list(error or [])
    described: dict[str, list[str]] = {}
    for i, (_text, fields) in enumerate(lines, start=1):
        for field in fields:
            described.setdefault(field, []).append(f"lobby-error-{i}")
    response = with_form(
        request, "referee_lobby.html", status=status, t=views.tournament_view(t),
        tz=t.timezone, seq=t.last_seq, match=match, stage=stage, event=found["event"],
        lobby=found["lobby"], teams={x["id"]: x for x in found["lobby"]}, played=played,
        next_number=next_number, chosen=chosen, shown=shown, typed=typed or {}, error=lines,
        described={k: " ".join(v) for k, v in described.items()},
        bad=bad, bad_teams={team for team, _ in bad}, round_label=label,
        done=request.query_params.get("done"), fixed=request.query_params.get("fixed"),
        asking=asking or [],
        # a one-on-one event's lobby counts players ("16 players", not "16 teams")
        solo=found.get("solo", False))
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
            found["solo"] = await tournaments.solo_event(session, found["event"]["id"])
    if found is None or "placings" not in found["match"]:
        raise NotFound("Match", _id(request))
    t = found["tournament"]
    if not identity.actor.may_see(t.id, t.published):
        raise NotFound("Match", _id(request))
    if not identity.actor.may_referee(t.id or 0, t.published, found["event"]["id"]):
        raise Forbidden("not_assigned", "You are not a referee of this tournament.")
    return found, identity


def _typed(form: FormData, lobby: list[dict[str, Any]]) -> dict[str, Any]:
    typed: dict[str, Any] = {"number": str(form.get("number") or ""),
                             "loaded": str(form.get("loaded") or "")}
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
    refused = _refused(request, found, typed)
    if refused is not None:
        return lobby_page(request, found, *refused)
    results = [{"team_id": team["id"], "placement": _whole(typed[f"place_{team['id']}"]),
                "kills": _whole(typed[f"kills_{team['id']}"])} for team in found["lobby"]]
    version = number(form, "version")
    # a correction of a game entered before asks first, saying what it changes (as the
    # series console does); a page older than the stored match goes on to be refused below
    game_number = _whole(typed["number"])
    stored = games_of(found["match"]).get(game_number or 0)
    if stored is not None and form.get("confirmed") != "1" \
            and version == found["match"]["version"]:
        changes = corrections(request, found["lobby"], stored, typed)
        if not changes:
            _ = i18n.gettext(language(request))
            return lobby_page(request, found, _("Game %d is unchanged: nothing to save.")
                              % (game_number or 0), typed, 422)
        return lobby_page(request, found, typed=typed, asking=changes)
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
    if stored is not None:  # a correction stays on its game, and says it was corrected
        return redirect(f"/matches/{_id(request)}/referee?lang={lang}&game={game_number}"
                        f"&fixed={game_number}")
    return redirect(f"/matches/{_id(request)}/referee?lang={lang}&done={typed['number']}")


def corrections(request: Request, lobby: list[dict[str, Any]],
                stored: dict[int, tuple[int, int]], typed: dict[str, Any]) -> list[str]:
    """What a correction changes, a line a team: "Team 2: 1st · 9 kills → 2nd · 9 kills"."""
    lang = language(request)
    kills = i18n.ngettext(lang)

    def said(place: int, k: int) -> str:
        return f"{i18n.place(place, 1, lang)} · {kills('%d kill', '%d kills', k) % k}"

    out = []
    for team in lobby:
        was = stored.get(team["id"])
        now = (_whole(typed[f"place_{team['id']}"]) or 0,
               _whole(typed[f"kills_{team['id']}"]) or 0)
        if was != now:
            before = said(*was) if was else "–"
            out.append(i18n.labelled(i18n.localized(team, lang), f"{before} → {said(*now)}",
                                     lang))
    return out


def _whole(raw: str) -> int | None:
    """A whole number as typed: full-width digits (a Japanese or Korean keyboard in
    full-width mode types "１２") are read as the digits they are (NFKC)."""
    raw = unicodedata.normalize("NFKC", raw).strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 6 else None


def _refused(request: Request, found: dict[str, Any], typed: dict[str, Any]
             ) -> tuple[list[Line], dict[str, Any], int, frozenset[tuple[int, str]], int | None
                        ] | None:
    """What the form itself gets wrong, said on the row it is about (the format checks the
    rest): a game that was entered since the form was drawn for a new one, a place or kills
    that is not a whole number in range, a place given twice."""
    _ = i18n.gettext(language(request))
    lang = language(request)
    lobby = found["lobby"]
    played = games_of(found["match"])
    number = _whole(typed["number"])
    if typed["loaded"] == "new" and number in played:
        return ([(_("Game %d was entered by someone else meanwhile; it is shown now. Check "
                    "it before you change it.") % number, ())], {}, 409, frozenset(), number)
    fields = [f"{part}_{team['id']}" for team in lobby for part in ("place", "kills")]
    if all(not typed[f].strip() for f in fields):  # nothing typed: one message, not 2 a team
        return ([(_("Enter each team's place and kills."), tuple(fields))], typed, 422,
                frozenset((team["id"], part) for team in lobby for part in ("place", "kills")),
                None)
    bad: list[tuple[int, str]] = []
    said: list[Line] = []  # every mistake at once, each naming its row: one save finds all
    places: dict[int, list[int]] = {}
    for team in lobby:
        name = i18n.localized(team, lang)
        place = _whole(typed[f"place_{team['id']}"])
        if place is None or not 1 <= place <= len(lobby):
            bad.append((team["id"], "place"))
            said.append((_("%(team)s: the place must be a whole number from 1 to "
                           "%(teams)d.") % {"team": name, "teams": len(lobby)},
                         (f"place_{team['id']}",)))
        else:
            places.setdefault(place, []).append(team["id"])
        if _whole(typed[f"kills_{team['id']}"]) is None:
            bad.append((team["id"], "kills"))
            said.append((_("%(team)s: kills must be a whole number, 0 or more.") % {
                "team": name}, (f"kills_{team['id']}",)))
    named = {t["id"]: i18n.localized(t, lang) for t in lobby}
    twice: list[tuple[int, str]] = []
    for place, teams in sorted(places.items()):
        if len(teams) > 1:
            twice += [(team, "place") for team in teams]
            said.append((_("Place %(place)d is given to %(teams)s; each place goes to one "
                           "team.") % {"place": place, "teams": format_list(
                               [named[t] for t in teams], locale=lang)},
                         tuple(f"place_{t}" for t in teams)))
    if not said:
        return None
    return said, typed, 422, frozenset(bad + twice), None


routes = [Route("/matches/{id}/referee/game", page(save_game), methods=["POST"])]
