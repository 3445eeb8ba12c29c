"""Errors said to people, by code, in their language (message ids; ``i18n/*.po`` translate
them). Pages use ``say``; the referee console gets the table as JSON and fills in the
error's ``params`` (``%(name)s``) itself. A code missing here is shown with the generic
message and the code, never only in English."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import DomainError
from . import plan_words
from .error_variants import VARIANTS, variant
from .place_words import label_name, missing_group

MESSAGES = {
    "invalid_score": "This score is not possible in this match's format.",
    "invalid_games": "These games do not fit this match: too many, or a game after the "
                     "match was already decided.",
    "tied_game": "Game %(game)s is tied; a game of this match needs a winner.",
    "draw_not_allowed": "This match cannot end in a draw.",
    "live_game_not_last": "Only the last game can be in play; the games before it are "
                          "finished.",
    "live_game_needs_live_match": "A game in play needs a live match. To finish the match, "
                                  "save the game as played.",
    "match_not_needed": "This match is not played.",
    "match_is_bye": "This match is a bye; it has no result.",
    "forfeit_with_result": "A forfeit decides the match by itself: send it without a score, "
                           "games or another status.",
    "teams_unknown": "The teams of this match are not known yet.",
    "invalid_status": "This match cannot have that status.",
    "not_assigned": "You are not a referee of this tournament.",
    "forbidden": "You are not allowed to do this.",
    "correction_needs_admin": "Changing this result would reset matches already played "
                              "(%(matches)s). Ask an admin to make this correction.",
    # a referee's result for a match a withdrawal forfeited (forfeit_reason); said by
    # ``params.reason``: DISQUALIFIED_FORFEIT for a disqualification
    "withdrawal_forfeit": "This match was forfeited by a withdrawal, and the forfeit stands "
                          "while the withdrawal does. Nothing was saved: ask an admin if the "
                          "result must change.",
    # a reopening, live score or game in play for a match with a withdrawn team, refused to
    # admins too (progression.refuse_withdrawn); said by ``params.reason``: DISQUALIFIED_PLAYS for
    # a disqualification
    "withdrawn_team_cannot_play": "This match cannot be reopened or played: a side of it has "
                                  "withdrawn, and a withdrawal cannot be undone. Nothing was "
                                  "saved. Correct it as a final result instead: a forfeit by "
                                  "either side, or the score it was played with.",
    "version_conflict": "Someone else changed this match.",
    "teams_changed": "The teams of this match changed: nothing was saved. Check who plays "
                     "it now and enter it again.",
    "invalid_game": "Games are entered in order: enter the next game, or correct one "
                    "already entered.",
    "invalid_game_teams": "Every team of the lobby is entered exactly once.",
    "invalid_placements": "Each place from 1 to the number of teams is given once.",
    "invalid_kills": "Kills are 0 or more.",
    "lobby_complete": "This lobby has played all its games.",
    "empty_update": "There is nothing to save.",
    "unauthorized": "You are signed out. Sign in again.",
    # only a bearer token is refused so (a dead session cookie is session_expired)
    "invalid_token": "The token is not valid.",
    "session_expired": "You are signed out. Sign in again.",
    "csrf_failed": "This page has expired. Reload it and try again.",
    "too_many_attempts": "Too many wrong passwords. Try again in %(retry_after)s seconds.",
    "invalid_parameter": "This address has a value that cannot be read. Check the link.",
    "unavailable": "The server cannot reach its database right now. Try again in a moment.",
    "not_found": "Not found.",
    # the "now on" overlay's address
    "station_or_stage": "Add ?station= (a station's name) or ?stage= (a stage's number) to "
                        "the address: the overlay shows the match there now.",
    "unknown_station": "No match of this tournament is on station %(station)s. Its "
                       "stations: %(stations)s.",
    "name_taken": "A user with this name already exists.",
    "team_name_taken": "This event already has a team named %(name)s.",
    "weak_password": "A password has at least %(min)s characters.",
    "wrong_password": "The current password is not right.",
    "not_a_referee": "Only referees are assigned to tournaments.",
    "unknown_event": "This tournament has no such event.",
    "bad_credentials": "Wrong name or password.",
    "link_expired": "This sign-in link has expired or was already used. Ask the organizer "
                    "for a new one.",
    "passwords_differ": "The two new passwords are not the same.",
    # the first-run setup page
    "wrong_setup_code": "The setup code is not right. Copy it from the link the server "
                        "printed when it started.",
    "setup_done": "An organizer account already exists. Sign in instead.",
    "setup_disabled": "This server was started without a setup code. Create the first "
                      "organizer account on the command line.",
    # the organizer's console
    "slug_taken": "This address (slug) is taken; choose another.",
    "results_would_be_lost": "This change clears the results of %(matches)s. Tick the "
                             "confirmation to go ahead.",
    "stage_has_dependents": "Another stage is seeded from this one; delete or change that "
                            "stage first.",
    "team_in_stage": "This team is in a stage: withdraw it instead (a stage that has not "
                     "started can take it out of its seeding first).",
    "team_has_matches": "This team has matches; withdraw it instead.",
    "event_not_empty": "This event has teams or stages; remove them first.",
    "tournament_not_empty": "This tournament has events; remove them first.",
    "event_is_nation_decider": "This event decides ties in the nation table; choose "
                               "another event (or none) in the tournament's settings first.",
    "schedule_clash": "This schedule puts a team, a station, a stream or a referee in two "
                      "places at once. Change it, or tick \"Save anyway (I know they clash)\".",
    "not_a_draft": "This stage has already started.",
    "round_plan_exists": "That round already has a plan: change that one.",
    # a round plan (or a round's schedule) naming what the stage never has (plan_words)
    "unknown_bracket": "This stage has no %(bracket)s: its brackets are %(brackets)s.",
    "unknown_group": "This stage has no %(group)s: its groups are %(groups)s.",
    "unknown_round": "Round %(round)s does not exist in %(part)s: its rounds are "
                     "%(rounds)s.",
    "round_plans_stranded": "With these settings %(count)s round plan(s) of this stage "
                            "would have no round to time (its bracket or round is gone): "
                            "remove them under the schedule first, or keep the settings.",
    "next_stage_started": "A stage seeded from this one has already started; this can no "
                          "longer change.",
    "duplicate_team": "A team is in the seeding twice.",
    "unknown_team": "A team in the seeding is not in this event (or has withdrawn).",
    "too_few_teams": "A stage needs at least two teams.",
    "too_few_qualifiers": "The earlier stage cannot send that many teams.",
    # %(slot)s: a place as people say it, "Group A 1st" (place_words), not the typed "A1"
    "unknown_place": "%(slot)s is not a place the earlier stage sends (it sends the top "
                     "%(qualifiers)s of each group).",
    "duplicate_place": "%(slot)s is in the slots twice.",
    "missing_place": "%(slot)s goes through from the earlier stage but has no slot.",
    "unknown_slot": "Line %(line)s (%(text)s) is neither a place of the earlier stage, such "
                    "as A1, nor a team of this event.",
    "invalid_settings": "This setting is not possible: %(setting)s.",
    "invalid_dates": "The last day is before the first day.",
    "duplicate_venue": "Two venues are named %(name)s: a match's venue would name both.",
    "venue_in_use": "%(matches)s match(es) and %(plans)s round plan(s) are at %(name)s: "
                    "rename the venue (they follow the new name), or give them another "
                    "venue before you remove it.",
    "unknown_venue": "No venue of this tournament is named %(name)s: there is nothing to "
                     "rename.",
    "venue_renamed_twice": "%(name)s is renamed twice, or renamed and kept as well: its "
                           "matches cannot be at both.",
    "duplicate_station": "Two stations are named %(name)s: a match's station would name "
                         "both.",
    "station_in_use": "%(matches)s match(es) and %(plans)s round plan(s) are on %(name)s: "
                      "rename the station (they follow the new name), or give them another "
                      "station before you remove it.",
    "unknown_station_name": "No station of this tournament is named %(name)s: there is "
                            "nothing to rename.",
    "station_renamed_twice": "%(name)s is renamed twice, or renamed and kept as well: its "
                             "matches cannot be on both.",
    "unknown_stage": "There is no such stage in this event.",
    "too_many_teams": "An event has too many teams for this.",
    "too_many_stages": "This event has as many stages as it can have.",
    "too_many_events": "This tournament has as many events as it can have.",
    "stage_too_large": "This stage would be too large.",
    "draw_with_from_stage": "A stage seeded from another stage takes its order from the "
                            "standings; it has no draw.",
    "draft_with_from_stage": "A stage seeded from another stage starts by itself when that "
                             "stage ends; it is no draft.",
    "seeding_from_stage": "This stage's teams come from another stage; its seeding cannot "
                          "be typed.",
    "tiebreaker_pending": "A tiebreaker match of these teams is not played yet "
                          "(%(matches)s). Enter its result first: it decides their order.",
    "invalid_csv": "The file has %(count)s error(s) on %(lines)s line(s). Nothing was "
                   "imported; fix them and import again.",
    "already_withdrawn": "This team has already withdrawn.",
    "team_withdrawn": "This team has withdrawn.",
    "unknown_user": "There is no such user.",
    "no_matches": "This round has no matches yet: plan it ahead under \"Plan later rounds\", "
                  "and its matches get those times as soon as they are made.",
    "invalid_seeding_method": "Unknown seeding method.",
    "field_too_large": "Too much text in a field.",
    "stage_not_started": "This stage has not started yet.",
    "invalid_format": "Unknown format.",
    "invalid_input": "Something in the form is not right.",
    "not_a_tie": "The order names teams that do not share one place: name exactly the tied "
                 "teams.",
    "not_tied": "These teams do not share a place; they need no tiebreaker match.",
    "invalid_export": "This file is not a tournament export this service can read.",
    "unknown_field": "The form sent a field this page does not know. Reload it and try "
                     "again.",
    # what a page script or an integration can get back; said here too, so that no one
    # reads only a code
    "body_too_large": "This is too much to send at once.",
    "invalid_json": "The request could not be read. Reload the page and try again.",
    "unsupported_media_type": "The request could not be read. Reload the page and try "
                              "again.",
    "invalid_if_match": "The request could not be read. Reload the page and try again.",
    "invalid_idempotency_key": "The request could not be read. Reload the page and try "
                               "again.",
    "idempotency_key_reused": "This request was already sent with other content. Reload "
                              "the page and enter it again.",
    "method_not_allowed": "This address does not take that kind of request.",
    "forbidden_origin": "Live updates cannot be shown on another site.",
}
# A CSV file's bad lines, by the line's ``code``.
CSV_MESSAGES = {
    "csv_seed": "the seed is a whole number from 1",
    "csv_duplicate": "%(name)s is on line %(other)s too",
    "csv_extra_cells": "this line has more cells than the first line",
    "csv_header": "the first line names the columns: %(columns)s",
    "csv_not_utf8": "the file is not UTF-8 text (save it as \"CSV UTF-8\")",
    "csv_empty": "the file has no teams",
    "csv_malformed": "this line cannot be read (a quote left open?)",
}
# refusals whose ``params.slot`` is a place of an earlier stage ("A1")
PLACE_CODES = frozenset({"unknown_place", "duplicate_place", "missing_place"})
GENERIC = "The server refused this (%(code)s)."
# a code said another way when its params show what it is about: too few teams because
# the stage splits them into too many groups (``params.groups``)
# round plans stranded by a draft's new seeding (``error.field`` "seeding"), and those of a
# later stage stranded by a change of the stage it is seeded from (``params.stage``)
STRANDED_BY_SEEDING = ("With this seeding %(count)s round plan(s) of this stage would have "
                       "no round to time (fewer teams play fewer rounds): remove them under "
                       "the schedule first, or keep the seeding.")
STRANDED_LATER = ("This change leaves %(count)s round plan(s) of %(stage)s, a stage seeded "
                  "from this one, no round to time (it would get fewer teams or other "
                  "groups): remove them on that stage's page first, or keep this stage as "
                  "it is.")
# ... and those of a stage further on, seeded from a stage (``params.via``) that waits for
# this one
STRANDED_FURTHER = ("This change leaves %(count)s round plan(s) of %(stage)s, a stage "
                    "seeded from %(via)s, which waits for this one, no round to time (it "
                    "would get fewer teams or other groups): remove them on that stage's "
                    "page first, or keep this stage as it is.")
TOO_MANY_GROUPS = ("Too many groups: each group needs at least %(minimum)s teams "
                   "(%(teams)s teams in %(groups)s groups).")
# ... and a setting refused because the teams entering a lower round do not fit it
# (``formats/lower_entries.py``: ``params.entry_round``, ``high``, ``places``)
LOWER_ENTRY_MISFIT = ("This setting is not possible: %(setting)s. Lower round "
                      "%(entry_round)s takes 1 to %(high)s entering teams (the winners "
                      "side's bracket has %(places)s places).")

# a bracket slot's team refused (``services/entrants.py``: ``params.position``, ``name``):
# named twice (``first``), or a team of the earlier stage (``stage``) typed as a slot
SLOT_TEAM_TWICE = "Slots %(first)s and %(position)s both name %(name)s."
SLOT_TEAM_PLAYS_EARLIER = ("Slot %(position)s: %(name)s plays in %(stage)s, so it can only "
                           "come through its place there.")
# ... and a lower bracket that does not fit the teams (``formats/lower_entries.py``:
# ``params.teams``, ``lower``, ``upper``), or two settings that cannot go together
# (``params.other``: the other setting, as the page names it)
LOWER_SIDES_MISFIT = (
    "This setting is not possible: %(setting)s. With %(lower)s of the %(teams)s teams "
    "starting in the lower bracket, the winners side has %(upper)s. It has at least two "
    "teams, more than half of its bracket's places, and the lower bracket "
    "starts at most as many teams as that bracket has places (4 and 4, or 4 and 2; not 3 "
    "and 1).")
# ... said apart when more teams than the stage has would start in the lower bracket ("16
# of the 12 teams" reads as if it were possible), and when all of them would
LOWER_SIDES_TOO_MANY = ("This setting is not possible: %(setting)s. %(lower)s teams cannot "
                        "start in the lower bracket: the stage has %(teams)s.")
LOWER_SIDES_ALL = (
    "This setting is not possible: %(setting)s. With all %(teams)s teams starting in the "
    "lower bracket, the winners side has none. It has at least two teams, more than half "
    "of its bracket's places, and the lower bracket starts at most as many teams as that "
    "bracket has places (4 and 4, or 4 and 2; not 3 and 1).")
SETTINGS_APART = "This setting is not possible: %(setting)s. It cannot be used together " \
    "with “%(other)s”."

# the referee assign form's boxes ticked for events of a tournament other than the one
# chosen (``unknown_event`` with ``params.chosen``)
EVENTS_ELSEWHERE = ("%(events)s: not an event of %(chosen)s, the tournament chosen. Nothing "
                    "was saved: choose the tournament of the events ticked, or untick them.")

# every template said in place of a code's own message (translated like MESSAGES: the
# catalogue test reads this)
SAID_OTHERWISE = (STRANDED_BY_SEEDING, STRANDED_LATER, STRANDED_FURTHER, TOO_MANY_GROUPS,
                  LOWER_ENTRY_MISFIT, SLOT_TEAM_TWICE, SLOT_TEAM_PLAYS_EARLIER,
                  LOWER_SIDES_MISFIT, LOWER_SIDES_TOO_MANY, LOWER_SIDES_ALL, SETTINGS_APART,
                  EVENTS_ELSEWHERE, *VARIANTS.values())


class _Values(dict[str, Any]):
    """Parameters of a message; one the error did not carry reads as '…'."""

    def __missing__(self, key: str) -> str:
        return "…"


def _shown(value: Any, _: Callable[[str], str]) -> Any:
    """A list in the reader's way of listing (ja: "、"): match numbers as the bracket
    shows them ([3, 5] → "M3, M5"), names as they are; an empty one as "–"."""
    if isinstance(value, list):
        return _(", ").join(f"M{x}" if isinstance(x, int) else str(x) for x in value) or "–"
    return value


# what a page says for an unknown id, by the kind of thing (errors.NotFound.what)
NOT_FOUND = {
    "Tournament": "There is no such tournament.",
    "Event": "There is no such event.",
    "Stage": "There is no such stage.",
    "Match": "There is no such match.",
    "OutOfPlay": "This match is not played: it was taken out of play (a bracket reset no "
                 "longer needed, or a Swiss round paired again after a correction).",
    "Team": "There is no such team.",
    "User": "There is no such user.",
    "Round plan": "There is no such round plan.",
}


def say(exc: DomainError | str, _: Callable[[str], str],
        params: dict[str, Any] | None = None) -> str:
    """The error in the reader's language."""
    code = exc if isinstance(exc, str) else exc.code
    what = getattr(exc, "what", None)
    if code == "not_found" and what in NOT_FOUND:
        return _(NOT_FOUND[what])
    raw = params or ({} if isinstance(exc, str) else exc.params)
    values = {k: _shown(v, _) for k, v in raw.items()}
    if code in PLACE_CODES and isinstance(values.get("slot"), str):
        values["slot"] = label_name(values["slot"], _)
    template = MESSAGES.get(code)
    if code == "unknown_place" and (no_group := missing_group(raw, _)):
        template, values = no_group[0], {**values, **no_group[1]}
    if code in plan_words.CODES:
        values = plan_words.values(raw, _)
        template = plan_words.template(code, raw) or template
    if code == "round_plans_stranded":
        template = (STRANDED_FURTHER if "via" in values else STRANDED_LATER) \
            if "stage" in values else STRANDED_BY_SEEDING \
            if getattr(exc, "field", None) == "seeding" else template
    if code == "too_few_teams" and "groups" in values:
        template = TOO_MANY_GROUPS
    if code == "invalid_settings" and "entry_round" in values:
        template = LOWER_ENTRY_MISFIT
    if code == "invalid_settings" and "lower" in values:
        template = _lower_sides(raw)
    if code == "invalid_settings" and "other" in values:
        template = SETTINGS_APART
    if code == "unknown_event" and "chosen" in values:
        template = EVENTS_ELSEWHERE
    if code == "duplicate_team" and "position" in values:
        template = SLOT_TEAM_TWICE if "first" in values else SLOT_TEAM_PLAYS_EARLIER
    chosen = variant(code, raw)
    if chosen is not None and f"{code}:{chosen}" in VARIANTS:
        template = VARIANTS[f"{code}:{chosen}"]
        if chosen == "games":  # a lobby's games by number, not as matches ("M3")
            values["games"] = _(", ").join(str(g) for g in raw["games"])
    if template is None:
        return _(GENERIC) % {"code": code}
    return _(template) % _Values(values)


def _lower_sides(raw: dict[str, Any]) -> str:
    """The lower bracket's misfit as its numbers read: more teams than the stage has, all
    of them, or some of them."""
    lower, teams = raw.get("lower"), raw.get("teams")
    if not isinstance(lower, int) or not isinstance(teams, int) or lower < teams:
        return LOWER_SIDES_MISFIT
    return LOWER_SIDES_TOO_MANY if lower > teams else LOWER_SIDES_ALL


def table(_: Callable[[str], str], game_name: str = "game") -> dict[str, str]:
    """Every message, translated, for a page script (``%(name)s`` left to fill); a code
    with a variant for the stage's ``game_name`` said so ("Map 2 is tied")."""
    named = {code: VARIANTS[f"{code}:{game_name}"] for code in MESSAGES
             if f"{code}:{game_name}" in VARIANTS}
    return {code: _(text) for code, text in (MESSAGES | VARIANTS | named).items()} | {
        "_generic": _(GENERIC)}
