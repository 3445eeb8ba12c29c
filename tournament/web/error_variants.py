"""Refusals said by what their params hold (``variant``), keyed "code:variant": a
correction that clears played results and/or undoes pairings only made, why a stage already
played from this one cannot follow a change (``params.reason``), a disqualification's
forfeit or its team's match reopened, and the words of a stage whose games are maps
(``params.unit``: a tied map, a best-of of maps that must be odd). ``error_words.say`` and the
referee console's table (referee-words.js picks the same way; its ``tied_game`` is already the
stage's, as ``error_words.table`` gives it) use them; each is translated like
``error_words.MESSAGES``."""

from __future__ import annotations

from typing import Any

# the forfeit of a disqualified team (the console's table holds it as
# "withdrawal_forfeit:disqualified": a code and its ``params.reason``)
DISQUALIFIED_FORFEIT = ("This match was forfeited by a disqualification, and the forfeit "
                        "stands while the disqualification does. Nothing was saved: ask an "
                        "admin if the result must change.")
# a match with a disqualified team reopened or played (``params.reason``)
DISQUALIFIED_PLAYS = ("This match cannot be reopened or played: a side of it was "
                      "disqualified, and a disqualification cannot be undone. Nothing was "
                      "saved. Correct it as a final result instead: a forfeit by either "
                      "side, or the score it was played with.")
# a code said by what its params hold (``variant``), keyed "code:variant"; the referee
# console gets them in its table and picks the same way (referee-words.js)
WAY_BACK = (" To make it, first delete %(stage)s on its console page (its results go "
            "with it) and create it again: it then starts from this stage's corrected "
            "standings as soon as they are final.")
VARIANTS = {
    # a correction that clears what was played on (``params.played``) and withdraws what
    # was only paired (``params.paired``, a Swiss round not played yet): each said as it is
    "correction_needs_admin:paired": (
        "Changing this result would undo the pairings of %(matches)s, paired but not "
        "played yet: they would be paired again. Ask an admin to make this correction."),
    "correction_needs_admin:both": (
        "Changing this result would reset matches already played (%(played)s) and undo the "
        "pairings of %(paired)s, paired but not played yet: they would be paired again. Ask "
        "an admin to make this correction."),
    # a lobby's correction that decides it on match point before games already entered
    "correction_needs_admin:games": (
        "With this correction the lobby is won on match point at game %(end)s, so the games "
        "entered after it (%(games)s) would be cleared. Ask an admin to make this "
        "correction."),
    # a finished stage's correction that a stage seeded from it, already played, cannot
    # follow (``services/field_refusal.py``: ``params.reason``)
    "next_stage_started:reopens": (
        "This correction would reopen this stage (%(matches)s reset or paired again), so "
        "it could send no teams to %(stage)s until it is finished again, and %(stage)s "
        "already has results (%(results)s)." + WAY_BACK),
    "next_stage_started:unfinished": (
        "This change would leave this stage unfinished, so it could send no teams to "
        "%(stage)s until it is finished again, and %(stage)s already has results "
        "(%(results)s)." + WAY_BACK),
    "next_stage_started:tie": (
        "With this correction %(tied)s would share a place that decides who goes through "
        "to %(stage)s, and %(stage)s already has results (%(results)s)." + WAY_BACK),
    "next_stage_started:teams": (
        "With this correction %(joining)s would go through to %(stage)s in place of "
        "%(leaving)s, and %(stage)s already has results (%(results)s)." + WAY_BACK),
    # the forfeit of a disqualified team (``params.reason``)
    "withdrawal_forfeit:disqualified": DISQUALIFIED_FORFEIT,
    "withdrawn_team_cannot_play:disqualified": DISQUALIFIED_PLAYS,
    "next_stage_started:seeds": (
        "With this correction the same teams go through to %(stage)s but in other seeds "
        "(%(moved)s), and %(stage)s already has results (%(results)s)." + WAY_BACK),
    # a stage whose games are maps says so ("Map 2 is tied"; a game's: the code's own)
    "tied_game:map": "Map %(game)s is tied; a map of this match needs a winner.",
    # an even best-of refused where a match cannot end level (``params.even``), said as
    # the stage calls its games (``params.unit``)
    "invalid_settings:even": (
        "This setting is not possible: %(setting)s. A match of this stage cannot end in a "
        "draw: its best-of is an odd number of games (1, 3, 5…)."),
    "invalid_settings:even_map": (
        "This setting is not possible: %(setting)s. A match of this stage cannot end in a "
        "draw: its best-of is an odd number of maps (1, 3, 5…)."),
}


def variant(code: str, raw: dict[str, Any]) -> str | None:
    """Which of ``VARIANTS`` says this refusal (None: the code's own message)."""
    if code == "correction_needs_admin":
        if raw.get("games"):
            return "games"
        if isinstance(raw.get("played"), list) and raw.get("paired"):
            return "both" if raw["played"] else "paired"
        return None
    if code == "next_stage_started" and isinstance(raw.get("reason"), str):
        return str(raw["reason"])
    if code in ("withdrawal_forfeit", "withdrawn_team_cannot_play") \
            and raw.get("reason") == "disqualified":
        return "disqualified"
    if code == "tied_game" and raw.get("unit") == "map":
        return "map"
    if code == "invalid_settings" and raw.get("even"):
        return "even_map" if raw.get("unit") == "map" else "even"
    return None
