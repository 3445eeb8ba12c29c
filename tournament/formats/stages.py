"""Stage settings per format, validated, and the plan a stage starts with."""

from __future__ import annotations

from typing import Any

from . import single_elimination
from .seeding import SeedingMethod
from .types import FormatError, StagePlan

FORMATS = ("single_elimination", "double_elimination", "round_robin", "swiss")

COMMON: dict[str, Any] = {"best_of": 1, "best_of_by_round": {}}
DEFAULTS: dict[str, dict[str, Any]] = {
    "single_elimination": {"third_place_match": False},
    "double_elimination": {"grand_final": "single", "final_best_of": None},
    "round_robin": {"groups": 1, "legs": 1, "allow_draws": False,
                    "points": {"win": 3, "draw": 1, "loss": 0}},
    "swiss": {"wins_to_advance": 3, "losses_to_eliminate": 3, "pairing": "valve",
              "decider_best_of": None},
}


def _best_of(value: Any, field: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1 or value > 99:
        raise FormatError("invalid_settings", f"{field} is a whole number from 1 to 99.",
                          f"settings.{field}")
    return value


def validate(format_: str, settings: dict[str, Any]) -> dict[str, Any]:
    """Fill defaults and check every setting; unknown settings are an error."""
    if format_ not in FORMATS:
        raise FormatError("invalid_format", f"Unknown format {format_!r}.", "format")
    allowed = COMMON | DEFAULTS[format_]
    unknown = set(settings) - set(allowed)
    if unknown:
        raise FormatError("invalid_settings",
                          f"Unknown settings for {format_}: {', '.join(sorted(unknown))}.",
                          f"settings.{sorted(unknown)[0]}")
    result = allowed | settings
    result["best_of"] = _best_of(result["best_of"], "best_of")
    by_round = result["best_of_by_round"]
    if not isinstance(by_round, dict) or not all(
            isinstance(k, str) and k.isdigit() and int(k) >= 1 for k in by_round):
        raise FormatError("invalid_settings",
                          'best_of_by_round maps round numbers to best-of: {"3": 5}.',
                          "settings.best_of_by_round")
    for key, value in by_round.items():
        _best_of(value, f"best_of_by_round.{key}")
    if format_ == "single_elimination" and not isinstance(result["third_place_match"], bool):
        raise FormatError("invalid_settings", "third_place_match is true or false.",
                          "settings.third_place_match")
    return result


def plan(format_: str, teams: list[int], settings: dict[str, Any],
         seeding_method: SeedingMethod) -> StagePlan:
    if format_ == "single_elimination":
        return single_elimination.plan(
            teams,
            seeding_method=seeding_method,
            best_of=settings["best_of"],
            best_of_by_round=settings["best_of_by_round"],
            third_place_match=settings["third_place_match"],
        )
    raise FormatError("format_not_available",
                      f"The {format_} format is not available yet.", "format")
