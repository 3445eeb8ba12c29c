"""Validating a reported score against a match's best-of."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NoReturn

from .limits import MAX_GAME_POINTS
from .types import FormatError


@dataclass(frozen=True, slots=True)
class Result:
    score: tuple[int, int]
    winner: int | None  # 1, 2, or None (live, or a draw)
    draw: bool = False


def wins_needed(best_of: int) -> int:
    return best_of // 2 + 1


def score_from_games(games: list[list[int]]) -> tuple[int, int]:
    a = sum(1 for g in games if g[0] > g[1])
    b = sum(1 for g in games if g[1] > g[0])
    return a, b


def _pair(value: object, field: str) -> tuple[int, int]:
    if (
        not isinstance(value, list | tuple)
        or len(value) != 2
        or not all(isinstance(x, int) and not isinstance(x, bool) for x in value)
    ):
        raise FormatError("invalid_score", "A score is two whole numbers, like [2, 1].", field)
    a, b = int(value[0]), int(value[1])
    if a < 0 or b < 0:
        raise FormatError("invalid_score", "A score cannot be negative.", field)
    return a, b


def check_games(games: object, best_of: int, allow_draws: bool = False,
                in_play: bool = False, unit: str = "game") -> list[list[int]]:
    """Game scores that a best-of can hold: at most ``best_of`` games, none played after
    the series was decided, and no tied game unless the stage allows draws (a league's
    best-of-1 football match may end 4-4; a game of a best-of-3 cannot). A game may also
    be ``{"score": [a, b], "map": "Ascent"}`` (``game_maps`` reads the maps). With
    ``in_play`` the last game is still being played: it may be level (0-0 at kick-off).
    ``unit`` is what the stage calls a game (its ``game_name``: "Map 2 is tied"), also
    given to a refusal's params for pages to say it so."""
    noun = unit.capitalize()
    if not isinstance(games, list):
        raise FormatError("invalid_games", "games is a list of [a, b] game scores.", "games")
    result = [list(_pair(g["score"] if isinstance(g, dict) and "score" in g else g, "games"))
              for g in games]
    if len(result) > best_of:
        raise FormatError(
            "invalid_games",
            f"A best-of-{best_of} has at most {best_of} games; {len(result)} were given.",
            "games",
        )
    need = wins_needed(best_of)
    for number, (a, b) in enumerate(result, start=1):
        if max(a, b) > MAX_GAME_POINTS:
            raise FormatError("invalid_games", f"{noun} {number}: a {unit} score is at most "
                              f"{MAX_GAME_POINTS}.", "games", game=number, unit=unit)
        if a == b and not allow_draws and not (in_play and number == len(result)):
            raise FormatError("tied_game", f"{noun} {number} is tied {a}-{b}; a {unit} of "
                              "this match needs a winner.", "games", game=number, unit=unit)
        if number > 1 and max(score_from_games(result[:number - 1])) >= need:
            raise FormatError("invalid_games", f"{noun} {number} comes after the series was "
                              f"decided (best-of-{best_of}).", "games", game=number,
                              unit=unit)
    return result


def check_result(
    score: object,
    *,
    best_of: int,
    completed: bool,
    allow_draws: bool = False,
) -> Result:
    """The validated result, or a FormatError saying why the best-of cannot produce it."""
    a, b = _pair(score, "score")
    need = wins_needed(best_of)
    if a + b > best_of:
        raise FormatError(
            "invalid_score",
            f"A best-of-{best_of} has at most {best_of} games; the score {a}-{b} has {a + b}.",
            "score",
        )
    if max(a, b) > need:
        raise FormatError(
            "invalid_score",
            f"A best-of-{best_of} ends when one side wins {need} games; {a}-{b} is too many.",
            "score",
        )
    if not completed:
        if max(a, b) >= need:
            raise FormatError(
                "invalid_score",
                f"{a}-{b} already decides a best-of-{best_of}; report it as completed.",
                "score",
            )
        return Result((a, b), None)
    if max(a, b) == need and min(a, b) < need:
        return Result((a, b), 1 if a > b else 2)
    if a == b:
        if allow_draws:
            return Result((a, b), None, draw=True)
        raise FormatError("draw_not_allowed", "This match cannot end in a draw.", "score")
    raise FormatError(
        "invalid_score",
        f"A completed best-of-{best_of} needs {need} game wins for one side; got {a}-{b}.",
        "score",
    )


MAX_MAP = 100


def game_maps(games: list[object]) -> list[str | None] | None:
    """The map (or stage, characters) of each game given as an object, aligned with the
    games; None when no game names one."""
    maps: list[str | None] = []
    for g in games:
        if not isinstance(g, dict):
            maps.append(None)
            continue
        unknown = set(g) - {"score", "map", "live"}
        if unknown:
            raise FormatError("invalid_games", "A game is [a, b] or {\"score\": [a, b], "
                              f"\"map\": \"...\", \"live\": true}}; not "
                              f"{sorted(unknown)[0]!r}.", "games")
        name = g.get("map")
        if name is not None and (not isinstance(name, str) or not name.strip()
                                 or len(name) > MAX_MAP):
            raise FormatError("invalid_games", f"A map is a name of 1 to {MAX_MAP} "
                              "characters.", "games")
        maps.append(name.strip() if isinstance(name, str) else None)
    return maps if any(m is not None for m in maps) else None


def names_maps(games: list[object]) -> bool:
    """Whether the games sent say anything of maps: a game given as an object with a
    ``map`` key (``null`` clears one)."""
    return any(isinstance(g, dict) and "map" in g for g in games)


def kept_maps(stored: list[str | None] | None, count: int) -> list[str | None] | None:
    """The maps already entered for the first ``count`` games, kept when games are sent as
    plain scores (``[13, 9]``) that say nothing of maps: a score-only report, or a
    correction of one game's score, does not erase them. None when none is left."""
    kept = list((stored or [])[:count])
    kept += [None] * (count - len(kept))
    return kept if any(m is not None for m in kept) else None


def game_in_play(games: list[object], unit: str = "game") -> bool:
    """Whether the last game is marked in play (``{"score": [1, 0], "live": true}``): shown,
    not counted. Only the last game can be; the games before it are finished."""
    flags: list[bool] = []
    for g in games:
        live = g.get("live") if isinstance(g, dict) else None
        if live is not None and not isinstance(live, bool):
            raise FormatError("invalid_games", "A game's live is true or false.", "games")
        flags.append(bool(live))
    if any(flags[:-1]):
        number = flags.index(True) + 1
        raise FormatError("live_game_not_last", f"{unit.capitalize()} {number} cannot be in "
                          f"play: only the last {unit} is; the {unit}s before it are "
                          "finished.", "games", game=number, unit=unit)
    return bool(flags) and flags[-1]


def refuse_game_in_play() -> NoReturn:
    raise FormatError("live_game_needs_live_match", "A game in play needs a live match: send "
                      "the status live, or send the game without live to finish it.", "games")
