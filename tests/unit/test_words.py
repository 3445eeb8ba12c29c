"""The words and numbers pages show: round names, one-game scores, places, times."""

from __future__ import annotations

from tournament import i18n
from tournament.web import words


def match(**kw):
    return {"bracket": None, "round": 1, "best_of": 1, "games": [], "score": [0, 0],
            "status": "completed", "winner": None, "draw": False} | kw


def test_round_names_by_bracket():
    assert words.match_round(match(bracket="winners", round=2), "single_elimination", 4) == (
        "Final", None)
    assert words.match_round(match(bracket="winners", round=1), "single_elimination", 4) == (
        "Semifinals", None)
    assert words.match_round(match(bracket="winners", round=1), "single_elimination", 32) == (
        "Round of %d", 32)
    assert words.match_round(match(bracket="losers", round=4), "double_elimination", 8) == (
        "Lower final", None)
    assert words.match_round(match(bracket="winners", round=3), "double_elimination", 8) == (
        "Upper final", None)
    assert words.match_round(match(bracket="grand_final", round=2), "double_elimination", 8) \
        == ("Bracket reset", None)
    assert words.match_round(match(bracket="third_place", round=2), "single_elimination", 4) \
        == ("Third place match", None)
    assert words.match_round(match(round=3), "swiss", 16) == ("Round %d", 3)


def test_one_game_matches_show_the_games_score():
    assert words.shown_score(match(games=[[2, 0]], score=[1, 0])) == [2, 0]
    assert words.shown_score(match(games=[[4, 4]], score=[0, 0], draw=True)) == [4, 4]
    assert words.shown_score(match(best_of=3, games=[[13, 9], [13, 4]], score=[2, 0])) == [2, 0]
    assert words.shown_score(match(score=[1, 0])) == [1, 0]


def test_outcome_from_each_side():
    won = match(winner=2, score=[0, 1])
    assert (words.outcome(won, 1), words.outcome(won, 2)) == ("L", "W")
    assert words.outcome(match(draw=True), 1) == "D"
    assert words.outcome(match(status="live"), 1) == ""


def test_places_and_times():
    assert [i18n.place(r, s, "en") for r, s in ((1, 1), (2, 1), (3, 2), (11, 1), (21, 1),
                                                  (5, 4))] == [
        "1st", "2nd", "3rd–4th", "11th", "21st", "5th–8th"]
    assert i18n.place(5, 4, "ko") == "5–8위" and i18n.place(1, 1, "ja") == "1位"
    when = "2026-11-20T11:00:00+00:00"
    assert i18n.when(when, "ko", "Asia/Seoul") == "11월 20일 (금) 20:00 KST"
    assert i18n.when(when, "ja", "Asia/Tokyo") == "11月20日(金) 20:00 JST"
    assert i18n.when(when, "en", "Asia/Shanghai") == "Fri, Nov 20 19:00 CST"
