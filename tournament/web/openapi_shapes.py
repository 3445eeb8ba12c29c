"""What the API answers, as JSON Schema (components of ``/api/openapi.json``).

Each shape lists every key the server writes (``views.py``, services) with its type; all
listed keys are always present. Objects may gain keys later (``additionalProperties``)."""

from __future__ import annotations

from typing import Any

from ..formats.limits import MAX_ID
from ..schemas_fields import SLUG_PATTERN

INT = {"type": "integer"}
STR = {"type": "string"}
BOOL = {"type": "boolean"}
NULL_INT = {"type": ["integer", "null"]}
NULL_STR = {"type": ["string", "null"]}
NAMES = {"type": "object", "propertyNames": {"enum": ["ko", "ja", "en"]},
         "additionalProperties": STR}
PAIR = {"type": "array", "items": INT, "minItems": 2, "maxItems": 2}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def obj(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    return {"type": "object", "properties": properties,
            "required": [k for k in properties if k not in optional]}


def array(item: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": item}


def page_size(most: int) -> dict[str, Any]:
    """A paged list's ``limit``: the page size used (an asked limit above ``most`` is read
    as ``most``)."""
    return {"type": "integer", "minimum": 1, "maximum": most,
            "description": f"The page size used: the limit asked for, at most {most} (a "
                           "larger one is read as the most)"}


def limit_param(most: int) -> dict[str, Any]:
    return {"type": "integer", "minimum": 1, "maximum": MAX_ID,
            "description": f"Page size, 1 and up; above {most} it is read as {most} (the "
                           "answer's limit says which was used)"}


TOURNAMENT = {
    "id": INT, "slug": {"type": "string", "pattern": SLUG_PATTERN}, "name": STR,
    "names": NAMES, "timezone": STR, "starts_on": {"type": ["string", "null"],
                                                    "format": "date"},
    "ends_on": {"type": ["string", "null"], "format": "date"}, "nation_points": array(INT),
    "nation_scoring": {"enum": ["best", "every"]},
    "nation_decider": {"type": ["string", "null"], "pattern": SLUG_PATTERN},
    # where its matches are played: a match's venue that is a listed name reads its names
    "venues": array(obj({"name": STR, "names": NAMES})),
    # what its matches are played on (stages, booths), alike by a match's station
    "stations": array(obj({"name": STR, "names": NAMES})),
    "published": BOOL, "last_seq": INT,
}
EVENT = {"id": INT, "tournament": STR, "slug": STR, "name": STR, "names": NAMES,
         "game": NULL_STR, "game_names": NAMES}
TEAM = {"id": INT, "event_id": INT, "name": STR, "names": NAMES,
        "nation": NULL_STR, "seed": NULL_INT, "withdrawn": BOOL,
        # why it left: the word every page names it by (출전 포기 / 실격)
        "withdrawn_reason": {"enum": ["withdrawn", "disqualified", None]}}
PLAYER = {"handle": STR, "name": NULL_STR, "names": NAMES}
STAGE_SUMMARY = {"id": INT, "event_id": INT, "name": STR, "names": NAMES, "format": STR,
                 "settings": {"type": "object"}, "seeding_method": STR,
                 "status": {"enum": ["draft", "pending", "running", "completed"]},
                 "hold": {"type": ["object", "null"]}, "team_count": INT}
# a stage waiting for an earlier one: the teams it will hold (its slots, or the qualifiers
# of the stage it waits for, through every stage waiting in between)
TEAMS_TO_COME = {"type": ["integer", "null"], "description": (
    "While the stage waits for an earlier stage (pending, no teams yet: team_count 0), how "
    "many teams it will hold: its slots, or the qualifiers of each group of the stage it "
    "waits for, counted through every stage waiting in between; null for any other stage, "
    "when not known yet, or when the stage is held for too few teams")}
MATCH = {
    "id": INT, "stage_id": INT, "group": NULL_INT, "round": INT, "bracket": NULL_STR,
    "number": INT, "teams": {"type": "array", "items": NULL_INT, "minItems": 2},
    "score": PAIR, "games": array(PAIR), "best_of": INT,
    "status": {"enum": ["pending", "ready", "live", "completed"]},
    "winner": {"enum": [1, 2, None]}, "draw": BOOL, "forfeit": BOOL,
    "forfeited_by": {"enum": [1, 2, None]},
    "forfeit_reason": {"enum": ["withdrawn", "disqualified", None], "description": (
        "Why the match was forfeited when the forfeiting team's withdrawal forfeited it: "
        "the team withdrew or was disqualified; null for a forfeit a referee entered, or "
        "none")},
    "scheduled_at": {"type": ["string", "null"], "format": "date-time"},
    "stream_url": NULL_STR, "maps": array(NULL_STR), "venue": NULL_STR,
    "game_in_play": BOOL,  # the last of games is being played: shown, not in score
    "station": NULL_STR, "referee_id": NULL_INT,
    "checked_in_at": {"type": "array", "items": {"type": ["string", "null"],
                                                 "format": "date-time"},
                      "minItems": 2, "maxItems": 2},
    "version": INT, "updated_at": {"type": "string",
                                                           "format": "date-time"},
    # a withdrawn team's result that its stage's withdrawn_results strikes out of the table
    "annulled": {"type": "boolean", "description": "A result that counts for nothing: a "
                 "team in it withdrew and the round robin's withdrawn_results annuls its "
                 "results (the standings leave it out)"},
    # a free-for-all lobby only: its games, {"number", "results": [{team_id, placement, kills}]}
    "placings": array({"type": "object"}),
}
MATCH_OPTIONAL = ("placings",)
STANDING = obj({"team_id": INT, "rank": NULL_INT, "wins": INT, "losses": INT, "draws": INT,
                "games_won": INT, "games_lost": INT, "points": {"type": "number"},
                "buchholz": {"type": "number"}, "status": STR, "tied": BOOL,
                "goals_for": INT, "goals_against": INT, "goal_difference": INT,
                "group": INT,
                # a knockout's shared place before all of it is out: the range's worst place
                "last": INT,
                # a withdrawn team whose results the stage's withdrawn_results annulled
                "annulled": BOOL,
                # free for all
                "placement_points": INT, "kill_points": INT, "kills": INT, "games": INT,
                "best_placement": NULL_INT, "match_point": BOOL,
                "results": array({"type": "object"})},
               optional=("group", "last", "annulled", "placement_points", "kill_points",
                         "kills", "games", "best_placement", "match_point", "results"))
NATION = obj({"nation": STR, "rank": INT, "points": {"type": "number"},
              "event_wins": INT, "match_wins": INT, "match_losses": INT,
              # the best place in the decider event once it is completed (else null)
              "decider_place": NULL_INT,
              "tiebreak": {"enum": ["decider", "event_wins", "match_difference", None]}})

# a round plan, as a clash names it (the round it times: services/plan_clashes.py)
PLAN_REF = obj({"id": INT, "round": INT, "bracket": NULL_STR, "group": NULL_INT})
# a schedule clash (formats/clashes.py): the match being scheduled, or a round plan's
# match not made yet (match null: its plan and its place in the round), and the other
# side, a scheduled match or another plan's match (other null: other_plan, and
# other_number its place in that plan's round)
CLASH = obj({"match": NULL_INT, "other": NULL_INT, "other_number": INT, "other_stage": INT,
             "kind": {"enum": ["team", "station", "stream", "referee"]}, "detail": STR,
             "planned": INT, "plan": {"anyOf": [PLAN_REF, {"type": "null"}]},
             "other_plan": PLAN_REF}, optional=("planned", "plan", "other_plan"))

SHAPES: dict[str, dict[str, Any]] = {
    "Tournament": obj(TOURNAMENT),
    "TournamentDetail": obj({**TOURNAMENT, "events": array(obj({
                                 **EVENT, "champion": {"type": ["object", "null"]}})),
                             "nations": array(NATION),
                             "nation_pairs": array(obj({"nations": array(STR), "wins": PAIR,
                                                        "draws": INT}))}),
    "Event": obj(EVENT),
    "EventDetail": obj({**EVENT, "champion": {"type": ["object", "null"]},
                        "teams": array(ref("TeamWithRoster")),
                        "stages": array(obj({**STAGE_SUMMARY,
                                             "teams_to_come": TEAMS_TO_COME})),
                        "placements": array(obj({"team_id": INT, "rank": INT,
                                                 "last": INT}))}),
    "Team": obj(TEAM),
    "TeamWithRoster": obj({**TEAM, "players": array(obj(PLAYER))}),
    "TeamDetail": obj({**TEAM, "players": array(obj(PLAYER)), "tournament": STR,
                       "event": STR, "schedule": array(obj({
                           **MATCH, "stage": {"type": ["object", "null"]},
                           "opponent": {"type": ["object", "null"]},
                           # its venue in each language, from the tournament's venues
                           "venue_names": NAMES,
                           # its station in each language, from the tournament's stations
                           "station_names": NAMES,
                           # a lobby: the team's place and kills in each game played
                           "places": array({"type": "object"})},
                           optional=(*MATCH_OPTIONAL, "places")))}),
    "Withdrawn": obj({**TEAM, "reason": {"enum": ["withdrawn", "disqualified"]},
                      "forfeited_matches": array(INT)}),
    "Stage": obj({**STAGE_SUMMARY, "teams_to_come": TEAMS_TO_COME, "tournament": STR,
                  "seeding": array(INT),
                  "source": {"type": ["object", "null"]}, "ties": array({"type": "object"}),
                  "draw": {"type": ["object", "null"]}, "teams": array(ref("Team")),
                  "matches": array(ref("Match")), "standings": array(STANDING)}),
    "Match": obj(MATCH, optional=MATCH_OPTIONAL),
    "MatchChange": obj({**MATCH, "reset_matches": array(INT) | {"description": (
        "The ids of the matches this change cleared, withdrew or took out of play (a "
        "bracket reset no longer needed); none of them is read or announced after it")}},
        optional=MATCH_OPTIONAL),
    "Error": obj({"error": obj({"code": STR, "message": STR, "field": STR,
                                "params": {"type": "object"},
                                "errors": array({"type": "object"}),
                                # the refusal in the language the request asked for
                                # (?lang=, the lang cookie, Accept-Language), not English
                                "localized": obj({"locale": {"enum": ["ko", "ja"]},
                                                  "message": STR})},
                               optional=("field", "params", "errors", "localized")),
                  # a 409 version_conflict: the stored match and who changed it last
                  "match": ref("Match"), "changed_by": {"type": ["object", "null"]},
                  # a 409 schedule_clash: each clash
                  "clashes": array(CLASH)},
                 optional=("match", "changed_by", "clashes")),
}
