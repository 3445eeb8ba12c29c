"""The calendar feed's lines for each game of a finished series (``web/calendar``), from
the team's own side."""

from __future__ import annotations

from typing import Any

import pytest

from tournament import i18n
from tournament.web.calendar import _game_lines


def entry(settings: dict[str, Any], games: list[list[int]]) -> dict[str, Any]:
    return {"best_of": 3, "games": games, "maps": [], "stage": {"settings": settings}}


@pytest.mark.parametrize(("lang", "mine", "lines"), [
    ("ko", 0, ["1세트: 승", "2세트: 패", "3세트: 승"]),
    ("ja", 0, ["第1ゲーム：勝ち", "第2ゲーム：負け", "第3ゲーム：勝ち"]),
    ("en", 0, ["Game 1: Win", "Game 2: Loss", "Game 3: Win"]),
    ("en", 1, ["Game 1: Loss", "Game 2: Win", "Game 3: Loss"]),
])
def test_a_winner_only_game_is_named_by_its_winner_from_the_teams_side(
        lang: str, mine: int, lines: list[str]) -> None:
    # League of Legends: a game has only a winner, stored 1-0; never "Game 1: 1–0"
    games = [[1, 0], [0, 1], [1, 0]]
    assert _game_lines(entry({"game_score": "winner"}, games), mine, i18n.gettext(lang),
                       lang) == lines


def test_a_scored_game_keeps_its_score_from_the_teams_side() -> None:
    games = [[13, 3], [11, 13], [13, 8]]
    assert _game_lines(entry({"game_score": "rounds", "game_name": "map"}, games), 1,
                       i18n.gettext("en"), "en") == ["Map 1: 3–13", "Map 2: 13–11",
                                                     "Map 3: 8–13"]
