"""The referee's pages: ``/referee`` (my matches: live, next, recent) and the console of
one match (``/matches/{id}/referee``), for a phone in one hand. The console saves through
the JSON API with the session cookie and its CSRF header (static/js/referee.js)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import i18n, titles, views
from ..errors import Forbidden, NotFound
from ..formats.format import WINNER_ONLY
from ..formats.limits import MAX_GAME_POINTS
from ..services import referee_matches, tournaments
from . import error_words, referee_lobby, words
from .account_pages import require_session
from .common import ctx, int_param, language
from .game_words import GAME_WORDS, name_of
from .rendering import page, render


def _round(entry: dict[str, Any]) -> tuple[str, Any]:
    stage = entry["stage"]
    return words.match_round(entry, stage["format"], stage["team_count"], stage["settings"])


async def my_matches(request: Request) -> Response:
    identity = await require_session(request)
    if isinstance(identity, Response):
        return identity
    async with ctx(request).db.read() as session:
        found = await referee_matches.for_referee(session, identity.actor)
    for group in found.values():
        for entry in group:
            entry["round_label"] = _round(entry)
    return render(request, "referee_list.html", groups=found)


def annulled_why(labels: dict[str, Any], sides: list[dict[str, Any] | None],
                 lang: str) -> str:
    """Why an annulled match does not count, naming the withdrawn or disqualified team(s)
    it has (as referee-draw.js says it, from the same labels)."""
    return words.left_said(labels["annulled_why"], sides, lang)


def _entrant(team: Mapping[str, Any], lang: str) -> dict[str, Any]:
    """A team as the console names it: in the page's language, with its nation's badge
    and the badge's words for a screen reader."""
    return {"id": team["id"], "name": i18n.localized(team, lang), "flag": team["nation"] or "",
            "nation": words.nation_words(team["nation"], lang) if team["nation"] else "",
            "withdrawn": bool(team.get("withdrawn")),
            # why it left: an annulled result's sentence says a disqualification so
            "reason": words.left_reason(team) if team.get("withdrawn") else None}


def console_labels(_: Any, published: bool = True, solo: bool = False,
                   game_name: str = "game") -> dict[str, Any]:
    """Everything referee.js says, in the page's language (a save on a tournament not
    published yet says so: no spectator sees it; a one-on-one event's entrants are
    players, as its standings call them; a stage whose games are maps says "Map 2",
    ``game_words``)."""
    called = {k: _(v) for k, v in GAME_WORDS[game_name].items()}
    return {
        # a game's words ("game", "save_game", "undo", "in_play", a game saved short of what
        # wins one "short_game_rounds" …) are the stage's: called
        "series": _("Series"),
        "start": _("Start match"), "finish": _("Finish match"),
        "forfeit": _("Forfeit…"), "forfeits": _("%s forfeits"),
        # on a finished match a forfeit corrects its result (a no-show entered as a score)
        "forfeit_fix": _("Correct to a forfeit…"),
        "forfeit_who": _("Which player forfeits?") if solo else _("Which team forfeits?"),
        "forfeit_confirm": _("%(team)s forfeits: %(other)s wins by walkover."),
        "forfeit_replaces": _("The recorded score %(score)s is replaced by the forfeit."),
        # a one-game match: its result, never "this game" or the series
        "decides_one": _("%(team)s wins %(score)s. Save the result and finish the match?"),
        "decides_draw_one": _("The match ends in a draw (%(score)s). Save the result and "
                              "finish the match?"),
        "nothing_one": _("Type the score first."),
        "missing_side": _("Type the score of %s too (an empty box is never taken as 0)."),
        "tied_one": _("This match cannot end in a draw."),
        "finish_confirm": _("Finish the match at %(score)s?"),
        "save_and_finish": _("Save and finish"), "confirm": _("Confirm"),
        "cancel": _("Cancel"), "lowers": _("This lowers the series score from %(from)s "
                                           "to %(to)s."),
        "save_anyway": _("Save anyway"),
        "resets": _("This correction clears the results of %(matches)s, which were "
                    "already played on."),
        # a Swiss round paired, not played yet: withdrawn and paired again
        "resets_paired": _("This correction undoes the pairings of %(matches)s, paired but "
                           "not played yet: they will be paired again."),
        "saved": _("Saved. Spectators see it now.") if published else _(
            "Saved. Spectators see it once the tournament is published."),
        "saving": _("Saving…"),
        "retrying": _("No connection. Your entry is kept; trying again (attempt %d)…"),
        "offline": _("Not saved: no connection. Your entry is kept here."),
        "retry": _("Try again"),
        "conflict_title": _("Someone else changed this match"),
        "changed_by": _("Changed by %(name)s %(when)s."),
        "changed": _("Changed %(when)s."),
        "stored_now": _("Stored now"), "you_typed": _("You typed"),
        "apply_mine": _("Add mine to the stored result"),
        # both referees typed the same game ("same_game"): the one saved second would
        # become the next ("apply_as_game")
        "changed_by_admin": _("Changed by an admin (API token) %(when)s."),
        "just_now": _("just now"),
        "keep_stored": _("Keep the stored result (discard mine)"),
        # a game with only a winner (game_score "winner"), as its line says it
        "winner_of": _("%(team)s won"),
        "correct_winner": _("%(game)s: the winner becomes %(to)s instead of %(from)s. Save "
                            "the correction?"),
        "result": _("Result"), "save_result": _("Save the result"),
        # the game being played: its score is saved and shown, not counted yet
        "save_live": _("Save score in play"),
        "in_play_one": _("Score in play"),
        "undo_result": _("Undo the result"), "undo_forfeit": _("Undo the forfeit"),
        "undo_forfeit_confirm": _("Undo the forfeit of %(team)s? The match is open again, "
                                  "with no score."),
        "undo_result_confirm": _("Remove the result (%(score)s)?"),
        "not_decided": _("The match is not decided yet (%(score)s, best of %(best_of)s)."),
        "status": {k: _(v) for k, v in words.MATCH_STATUS.items()},
        "draw": _("Draw"), "forfeit_word": _("Forfeit"), "FF": _("FF"), "W": _("W"),
        "map": _("Map"),
        "sign_in": _("Sign in again"),
        # correcting one stored game in place (not only the last one, by undoing)
        "edit_game": _("Correct"), "correcting": _("Correct %(game)s"),
        "save_correction": _("Save the correction"),
        "apply_correction": _("Save my correction (%(game)s)"),
        "series_change": _("The series score changes: %(from)s → %(to)s."),
        "correct_confirm": _("%(game)s: %(from)s becomes %(to)s. Save the correction?"),
        # what a correction does to the match and the next ones (the preview's moves)
        "winner_after": _("Winner after the correction: %(team)s (%(score)s)."),
        "draw_after": _("After the correction the match is a draw (%(score)s)."),
        "open_after": _("After the correction the match is not decided (%(score)s) and "
                        "goes on."),
        # a correction only an admin may make (correction_needs_admin): the console leaves
        # correction mode and says so after the refusal, with a button back to the match
        "needs_admin_left": _("Nothing was changed: the results are as they were."),
        "back_to_match": _("Back to the match"),
        "move_in": _("%(match)s: %(new)s plays in place of %(old)s."),
        # a place taken out: the match whose result fills it again (waits_for), else open
        "move_wait": _("%(match)s: the place of %(old)s waits for the result of %(from)s "
                       "again."),
        "move_out": _("%(match)s: the place of %(old)s is open again."),
        # a bracket reset the correction makes unneeded: removed (out_of_play), not replayed
        "move_gone": _("%(match)s, the bracket reset, is no longer needed and is removed."),
        "move_gone_played": _("%(match)s, the bracket reset, is no longer needed and is "
                              "removed, its result with it."),
        "move_new": _("%(match)s: %(new)s goes on."),
        # a correction elsewhere changed who plays this match while the console is open
        "pairing_changed": _("The opponent changed: %(new)s plays in place of %(old)s. "
                             "This match is now %(pair)s."),
        "pairing_left": _("The place of %(old)s is open again: this match waits for an "
                          "earlier result."),
        # a one-game match's result typed for another pairing (typed_for_game, apply_as_new)
        "typed_for_one": _("What you typed for %(pair)s"),
        "apply_as_new_one": _("Save mine as the result of the new pairing"),
        "pairing_typed": _("What you typed was for %(pair)s: nothing was saved. Check it "
                           "and save it again only if it is right for this match."),
        "repaired_reset": _("%(name)s corrected the result of %(match)s, which reset "
                            "this match (%(when)s)."),
        "repaired_teams": _("%(name)s corrected the result of %(match)s, which changed "
                            "who plays this match (%(when)s)."),
        "repaired_reset_admin": _("An admin (API token) corrected the result of "
                                  "%(match)s, which reset this match (%(when)s)."),
        "repaired_teams_admin": _("An admin (API token) corrected the result of "
                                  "%(match)s, which changed who plays this match "
                                  "(%(when)s)."),
        "to_be_decided": _("To be decided"),
        "lower_score": _("Lower the score of %s (−1)"),
        "raise_score": _("Raise the score of %s (+1)"),
        "vs": _("%(a)s vs %(b)s"),
        # a withdrawn team's result its stage annuls (withdrawn_results): where a referee
        # corrects it, what the correction does and does not do; by why the team left
        # (words.left_said), a player in a one-on-one event when no side is named
        "annulled_why": {
            "unnamed": _("This result does not count in the table while the withdrawal of "
                         "a player in it stands. A correction is still saved.") if solo else
            _("This result does not count in the table while the withdrawal of a team in "
              "it stands. A correction is still saved."),
            "withdrawn": _("This result does not count in the table while the withdrawal "
                           "of %(team)s stands. A correction is still saved."),
            "disqualified": _("This result does not count in the table while the "
                              "disqualification of %(team)s stands. A correction is still "
                              "saved."),
            "both": _("This result does not count in the table while the withdrawal of "
                      "%(withdrawn)s and the disqualification of %(disqualified)s stand. A "
                      "correction is still saved.")},
        # a forfeit a team's withdrawal made: naming the team and why (by forfeit_reason)
        "forfeit_causes": {k: _(v) for k, v in words.FORFEIT_CAUSES.items()},
        # ... and why a referee cannot undo or change it (an admin can)
        "forfeit_stands": {k: _(v) for k, v in words.FORFEIT_STANDS.items()},
        # ... and why nobody is offered an undo on a match with a team that left
        "withdrawn_closed": {k: _(v) for k, v in words.WITHDRAWN_CLOSED.items()},
        # the feed changed the match under an open question: it is closed, never refreshed
        "question_closed": _("The match changed while this question was open, so it was "
                             "closed (now %(score)s, %(status)s). Nothing was saved: check "
                             "the match and choose again."),
    } | called


async def console(request: Request) -> Response:
    match_id = int_param(request.path_params["id"], "id")
    identity = await require_session(request)
    if isinstance(identity, Response):
        return identity
    async with ctx(request).db.read() as session:
        found = await referee_matches.console_context(session, match_id)
        solo = await tournaments.solo_event(session, found["event"]["id"]) \
            if found is not None else False
    if found is None:
        raise NotFound("Match", match_id)
    t = found["tournament"]
    actor = identity.actor
    if not actor.may_see(t.id, t.published):
        raise NotFound("Match", match_id)
    if not actor.may_referee(t.id or 0, t.published, found["event"]["id"]):
        raise Forbidden("not_assigned", "You are not a referee of this tournament.")
    if "placings" in found["match"]:  # a free-for-all lobby: every team's place and kills
        async with ctx(request).db.read() as session:
            found["lobby"] = await referee_matches.lobby_teams(session, found["match"])
        found["solo"] = solo  # a one-on-one event's lobby counts players
        return referee_lobby.lobby_page(request, found)
    lang = language(request)
    _ = i18n.gettext(lang)
    match, stage = found["match"], found["stage"]
    sides = found["sides"]
    called = name_of(stage["settings"])  # a game, or a map (the stage's game_name)
    data = {
        "match": match, "me": {"id": actor.user_id, "name": actor.name},
        "teams": [_entrant(s, lang) if s else None for s in sides],
        # who may come into this match (a correction elsewhere): named as the sides are
        "entrants": {str(e["id"]): _entrant(e, lang) for e in found["entrants"]},
        "allow_draws": bool(stage["settings"].get("allow_draws")),
        # what a game's score is (goals, rounds, points; "winner": only its winner, entered
        # with a button per team) and what wins one (game_first_to: a game saved short of
        # it is asked about first)
        "game_score": stage["settings"].get("game_score"),
        "winner_only": stage["settings"].get("game_score") == WINNER_ONLY,
        "first_to": stage["settings"].get("game_first_to"),
        # an optional map per game only where the title has maps to pick (titles.map_box)
        "maps": titles.map_box(found["event"].get("game"), stage["settings"]),
        "max_points": MAX_GAME_POINTS,
        "labels": console_labels(_, bool(t.published),
                                 solo=solo, game_name=called),
        "errors": error_words.table(_, called),
        "lang": lang,
        # an admin may change a result a withdrawal forfeited; a referee is refused (409
        # withdrawal_forfeit), so the console offers a referee no undo or forfeit there
        "admin": actor.is_admin,
    }
    # the word an annulled result is marked with (the conflict panel's stored match)
    data["labels"]["annulled"] = i18n.pgettext(lang)("result", "annulled")
    label = words.match_round(match, stage["format"], stage["team_count"], stage["settings"])
    response = render(request, "referee.html", t=views.tournament_view(t), tz=t.timezone,
                      seq=t.last_seq, match=match, stage=stage, event=found["event"],
                      sides=sides, teams={s["id"]: s for s in sides if s},
                      round_label=label, console=data,
                      annulled_why=annulled_why(data["labels"], sides, lang))
    response.headers["Cache-Control"] = "no-store"  # always the stored state, never a copy
    return response


routes = [
    *referee_lobby.routes,
    Route("/referee", page(my_matches), methods=["GET"]),
    Route("/matches/{id}/referee", page(console), methods=["GET"]),
]
