"""Stage settings per format, validated, and the plan a stage starts with."""

from __future__ import annotations

from typing import Any

from . import double_elimination, round_robin, single_elimination, swiss
from .limits import (
    MAX_MATCHES_PER_STAGE,
    MAX_ROUND_ROBIN_GROUP,
    MAX_SWISS_TEAMS,
    MAX_TEAMS_PER_STAGE,
)
from .seeding import SeedingMethod
from .standings import (
    DEFAULT_POINTS,
    ROUND_ROBIN_TIEBREAKERS,
    SWISS_TIEBREAKERS,
    RecordMode,
    check,
)
from .types import FormatError, MatchPlan, StagePlan

FORMATS = ("single_elimination", "double_elimination", "round_robin", "swiss")
# What a game's own score counts, for the standings' for / against / difference columns
GAME_SCORES = ("goals", "rounds", "points")
# Standard Swiss keeps true ties (flagged for the organizer) instead of deciding by seed.
STANDARD_SWISS_TIEBREAKERS = ("buchholz", "game_difference", "games_won")

COMMON: dict[str, Any] = {"best_of": 1, "best_of_by_round": {}, "game_score": None}
DEFAULTS: dict[str, dict[str, Any]] = {
    "single_elimination": {"third_place_match": False},
    "double_elimination": {"grand_final": "single", "final_best_of": None},
    "round_robin": {"groups": 1, "legs": 1, "allow_draws": False,
                    "points": {"win": 3, "draw": 1, "loss": 0},
                    "tiebreakers": list(ROUND_ROBIN_TIEBREAKERS), "advance": None},
    "swiss": {"wins_to_advance": 3, "losses_to_eliminate": 3, "pairing": "valve",
              "decider_best_of": None, "rounds": None,
              "tiebreakers": list(SWISS_TIEBREAKERS)},
}


def _fail(field: str, message: str) -> FormatError:
    return FormatError("invalid_settings", message, f"settings.{field}")


def _count(value: Any, field: str, low: int, high: int, optional: bool = False) -> Any:
    if value is None and optional:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _fail(field, f"{field} is a whole number from {low} to {high}.")
    return value


def _choice(value: Any, field: str, choices: tuple[Any, ...]) -> Any:
    if value not in choices:
        raise _fail(field, f"{field} is one of {', '.join(map(str, choices))}.")
    return value


def validate(format_: str, settings: dict[str, Any]) -> dict[str, Any]:
    """Fill defaults and check every setting; unknown settings are an error."""
    if format_ not in FORMATS:
        raise FormatError("invalid_format", f"Unknown format {format_!r}.", "format")
    allowed = COMMON | DEFAULTS[format_]
    unknown = sorted(set(settings) - set(allowed))
    if unknown:
        raise _fail(unknown[0], f"Unknown settings for {format_}: {', '.join(unknown)}.")
    s = allowed | settings
    if format_ == "swiss" and "tiebreakers" not in settings and s["pairing"] == "standard":
        s["tiebreakers"] = list(STANDARD_SWISS_TIEBREAKERS)
    s["best_of"] = _count(s["best_of"], "best_of", 1, 99)
    if s["game_score"] is not None:
        _choice(s["game_score"], "game_score", GAME_SCORES)
    by_round = s["best_of_by_round"]
    if not isinstance(by_round, dict) or not all(
            isinstance(k, str) and k.isascii() and k.isdigit() and len(k) <= 4
            and int(k) >= 1 for k in by_round):
        raise _fail("best_of_by_round", 'best_of_by_round maps round numbers to best-of: '
                    '{"3": 5}.')
    for key, value in by_round.items():
        _count(value, f"best_of_by_round.{key}", 1, 99)
    if format_ == "single_elimination":
        _choice(s["third_place_match"], "third_place_match", (True, False))
    elif format_ == "double_elimination":
        _choice(s["grand_final"], "grand_final", ("single", "reset", "none"))
        _count(s["final_best_of"], "final_best_of", 1, 99, optional=True)
    elif format_ == "round_robin":
        _count(s["groups"], "groups", 1, 64)
        _choice(s["legs"], "legs", (1, 2))
        _choice(s["allow_draws"], "allow_draws", (True, False))
        _count(s["advance"], "advance", 1, 64, optional=True)
        _points(s["points"])
        _tiebreakers(s["tiebreakers"])
    else:
        _choice(s["pairing"], "pairing", ("valve", "standard"))
        _count(s["wins_to_advance"], "wins_to_advance", 1, 20, optional=True)
        _count(s["losses_to_eliminate"], "losses_to_eliminate", 1, 20, optional=True)
        _count(s["decider_best_of"], "decider_best_of", 1, 99, optional=True)
        _count(s["rounds"], "rounds", 1, 50, optional=True)
        _tiebreakers(s["tiebreakers"])
        if s["rounds"] is None and (s["wins_to_advance"] is None
                                    or s["losses_to_eliminate"] is None):
            raise _fail("rounds", "A Swiss stage without wins_to_advance and "
                        "losses_to_eliminate needs a number of rounds.")
    return s


def _points(points: Any) -> None:
    check(points, ROUND_ROBIN_TIEBREAKERS)


def _tiebreakers(value: Any) -> None:
    check(DEFAULT_POINTS, value)


def record_mode(settings: dict[str, Any]) -> RecordMode:
    """How a Swiss stage's records rank: by wins then losses while teams play to a number
    of wins; by wins minus losses in a Swiss of a fixed number of rounds."""
    return "wins" if settings.get("wins_to_advance") is not None else "difference"


def swiss_settings(s: dict[str, Any]) -> swiss.SwissSettings:
    return swiss.SwissSettings(
        pairing=s["pairing"], wins_to_advance=s["wins_to_advance"],
        losses_to_eliminate=s["losses_to_eliminate"], best_of=s["best_of"],
        decider_best_of=s["decider_best_of"])


def _too_large(message: str, **params: object) -> FormatError:
    return FormatError("stage_too_large", message, "seeding", **params)


def check_size(format_: str, teams: int, settings: dict[str, Any]) -> None:
    """Refuse, before planning anything, a stage bigger than ``limits`` allows."""
    if format_ == "swiss" and teams > MAX_SWISS_TEAMS:
        raise _too_large(f"A Swiss stage has at most {MAX_SWISS_TEAMS} teams; "
                         f"{teams} were given.", teams=teams, limit=MAX_SWISS_TEAMS)
    if teams > MAX_TEAMS_PER_STAGE:
        raise _too_large(f"A stage has at most {MAX_TEAMS_PER_STAGE} teams; {teams} were "
                         "given.", teams=teams, limit=MAX_TEAMS_PER_STAGE)
    if format_ != "round_robin":
        return
    groups = max(1, int(settings["groups"]))
    largest = -(-teams // groups)
    if largest > MAX_ROUND_ROBIN_GROUP:
        raise _too_large(f"A round robin group has at most {MAX_ROUND_ROBIN_GROUP} teams; "
                         f"{teams} teams in {groups} group(s) make groups of {largest}. "
                         "Use more groups.", teams=teams, limit=MAX_ROUND_ROBIN_GROUP)
    sizes = [teams // groups + (1 if g < teams % groups else 0) for g in range(groups)]
    matches = sum(n * (n - 1) // 2 for n in sizes) * int(settings["legs"])
    if matches > MAX_MATCHES_PER_STAGE:
        raise _too_large(f"A stage has at most {MAX_MATCHES_PER_STAGE} matches; this one "
                         f"would have {matches}.", teams=teams, limit=MAX_MATCHES_PER_STAGE)


def plan(format_: str, teams: list[int], settings: dict[str, Any],
         seeding_method: SeedingMethod) -> StagePlan:
    check_size(format_, len(teams), settings)
    planned = _plan(format_, teams, settings, seeding_method)
    if len(planned.matches) > MAX_MATCHES_PER_STAGE:
        raise _too_large(f"A stage has at most {MAX_MATCHES_PER_STAGE} matches; this one "
                         f"would have {len(planned.matches)}.", teams=len(teams),
                         limit=MAX_MATCHES_PER_STAGE)
    return planned


def _plan(format_: str, teams: list[int], settings: dict[str, Any],
          seeding_method: SeedingMethod) -> StagePlan:
    s = settings
    if format_ == "single_elimination":
        return single_elimination.plan(
            teams, seeding_method=seeding_method, best_of=s["best_of"],
            best_of_by_round=s["best_of_by_round"], third_place_match=s["third_place_match"])
    if format_ == "double_elimination":
        return double_elimination.plan(
            teams, seeding_method=seeding_method, best_of=s["best_of"],
            best_of_by_round=s["best_of_by_round"], grand_final=s["grand_final"],
            final_best_of=s["final_best_of"])
    if format_ == "round_robin":
        return round_robin.plan(teams, groups=s["groups"], legs=s["legs"], best_of=s["best_of"],
                                best_of_by_round=s["best_of_by_round"])
    if len(teams) < 2:
        raise FormatError("too_few_teams", "A Swiss stage needs at least two teams.", "seeding")
    entries = [swiss.SwissEntry(team=t, seed=i + 1) for i, t in enumerate(teams)]
    return swiss_round(entries, 1, s, first_number=1)


def swiss_round(entries: list[swiss.SwissEntry], round_number: int, settings: dict[str, Any],
                first_number: int) -> StagePlan:
    """The matches of one Swiss round (a bye is a match with one slot ``None``)."""
    config = swiss_settings(settings)
    by_team = {e.team: e for e in entries}
    matches = []
    for i, (a, b) in enumerate(swiss.pair_round(entries, round_number, config)):
        best_of = swiss.match_best_of(by_team[a], by_team[b] if b is not None else None, config)
        if str(round_number) in settings["best_of_by_round"] and not swiss.is_decider(
                by_team[a], by_team[b] if b is not None else None, config):
            best_of = settings["best_of_by_round"][str(round_number)]
        matches.append(MatchPlan(number=first_number + i, round=round_number, bracket=None,
                                 slots=(a, b), best_of=best_of))
    return StagePlan(matches)


def swiss_finished(entries: list[swiss.SwissEntry], rounds_played: int,
                   settings: dict[str, Any]) -> bool:
    """No further round: everyone decided, the round count reached, or nobody to pair."""
    if settings["rounds"] is not None and rounds_played >= settings["rounds"]:
        return True
    config = swiss_settings(settings)
    active = [e for e in entries if swiss.status(e, config) == "active"]
    return len(active) < 2
