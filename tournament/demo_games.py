"""How the demo's series are played game by game, each title as a broadcast shows it.

A result is drawn (the series' winner and the loser's games) and then told game by game, so
a match page, an overlay and a bracket show each game, not only a series score:

- ``WINS`` (League of Legends): each game's winner, 1-0 (a game has no score of its own
  here; the service stores no side or duration, so a game is its winner);
- ``Rounds(3)`` (Tekken 8): each game won 3-x in rounds, and a live series has the game
  under way (``live: true``) at its rounds so far;
- ``Maps(...)`` (VALORANT): each game a map won 13-x (14-12 in overtime), and a live series
  has its next map in play.

A live series' score is what its finished games add up to (the game in play counts
nowhere), so the series score the pages show always equals the games they list.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Wins:
    """A game is its winner (1-0); no game is shown in play."""

    def game(self, rng: random.Random, won: int, used: list[dict[str, Any]]) -> dict[str, Any]:
        return {"score": [1, 0] if won == 0 else [0, 1]}

    def in_play(self, rng: random.Random, used: list[dict[str, Any]]) -> dict[str, Any] | None:
        return None


@dataclass(frozen=True)
class Rounds:
    """A game is won by the first to ``first_to`` rounds; the game in play is part-way."""

    first_to: int

    def game(self, rng: random.Random, won: int, used: list[dict[str, Any]]) -> dict[str, Any]:
        rounds = [self.first_to, rng.randint(0, self.first_to - 1)]
        return {"score": rounds if won == 0 else rounds[::-1]}

    def in_play(self, rng: random.Random, used: list[dict[str, Any]]) -> dict[str, Any] | None:
        rounds = [rng.randint(1, self.first_to - 1), rng.randint(0, self.first_to - 1)]
        rng.shuffle(rounds)  # a round or more in
        return {"score": rounds, "live": True}


@dataclass(frozen=True)
class Maps:
    """A game is a map won 13-x (14-12 in overtime), each map once; the map in play is
    part-way through its first half or just after."""

    maps: tuple[str, ...]

    def game(self, rng: random.Random, won: int, used: list[dict[str, Any]]) -> dict[str, Any]:
        lost = rng.randint(3, 12)  # one map in ten goes to overtime
        rounds = [13 if lost < 12 else 14, lost]
        return {"score": rounds if won == 0 else rounds[::-1], "map": self._next(rng, used)}

    def in_play(self, rng: random.Random, used: list[dict[str, Any]]) -> dict[str, Any] | None:
        return {"score": [rng.randint(2, 9), rng.randint(2, 9)], "map": self._next(rng, used),
                "live": True}

    def _next(self, rng: random.Random, used: list[dict[str, Any]]) -> str:
        return rng.choice([m for m in self.maps if m not in {g.get("map") for g in used}])


Kind = Wins | Rounds | Maps
WINS = Wins()


def series(rng: random.Random, best_of: int, kind: Kind, live: bool = False,
           detail: random.Random | None = None) -> dict[str, Any]:
    """A plausible result for a best-of, game by game (or a live series part-way, its game
    in play last). ``rng`` draws the result; ``detail`` (default ``rng``) the games' order
    and scores, so a demo can add detail without changing who won."""
    need = best_of // 2 + 1
    winner = rng.choice([0, 1])
    loser_wins = rng.randint(0, need - 1)
    score = [need, loser_wins] if winner == 0 else [loser_wins, need]
    if live:
        score = [min(score[0], need - 1), min(score[1], need - 1)]
    detail = detail or rng
    sides = [0] * score[0] + [1] * score[1]
    detail.shuffle(sides)
    if not live:  # the series ends with the winner's game
        sides.remove(winner)
        sides.append(winner)
    games: list[dict[str, Any]] = []
    for won in sides:
        games.append(kind.game(detail, won, games))
    playing = kind.in_play(detail, games) if live else None
    if playing is not None:
        games.append(playing)
    return {"games": games, "status": "live" if live else "completed"}


def finished(result: dict[str, Any]) -> int:
    """How many games of a result are over: its games not in play, else its series score."""
    games = [g for g in result.get("games") or [] if not (isinstance(g, dict) and g.get("live"))]
    return len(games) or sum(result.get("score") or [])
