"""A series that cannot end level needs an odd best-of; the refusal of an even one says
what a game is called on the stage: "an odd number of maps" where its games are maps
(``game_name: "map"``), in the API's English and on the organizer's console in ja and en
(Korean says 세트 either way)."""

from __future__ import annotations

import pytest

from tournament.formats import registry
from tournament.formats.format import FormatError
from tournament.web import refusal_words

SAID = {
    ("game", "en"): "odd number of games (1, 3, 5…)",
    ("map", "en"): "odd number of maps (1, 3, 5…)",
    ("game", "ja"): "BOは奇数（1・3・5…）にしてください",
    ("map", "ja"): "BO（マップ数）は奇数（1・3・5…）にしてください",
    ("game", "ko"): "경기당 세트 수는 홀수(1, 3, 5…)여야 합니다",
    ("map", "ko"): "경기당 세트 수는 홀수(1, 3, 5…)여야 합니다",
}


def _refusal(unit: str) -> FormatError:
    fmt = registry.get("single_elimination")
    with pytest.raises(FormatError) as caught:
        fmt.check_playable(fmt.parse_settings({"best_of": 2, "game_name": unit}))
    return caught.value


@pytest.mark.parametrize("unit", ["game", "map"])
def test_the_api_says_maps_where_the_stage_plays_maps(unit: str) -> None:
    exc = _refusal(unit)
    assert exc.params["unit"] == unit
    assert f"an odd number of {unit}s" in exc.message


@pytest.mark.parametrize(("unit", "lang"), list(SAID))
def test_the_console_says_maps_where_the_stage_plays_maps(unit: str, lang: str) -> None:
    assert SAID[unit, lang] in refusal_words.said_in(_refusal(unit), lang)
