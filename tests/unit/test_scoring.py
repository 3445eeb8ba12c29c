"""Scores against a best-of."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tournament.formats.scoring import (
    check_games,
    check_result,
    game_in_play,
    score_from_games,
    wins_needed,
)
from tournament.formats.types import FormatError


@pytest.mark.parametrize("best_of, score, winner", [
    (1, [1, 0], 1), (3, [2, 1], 1), (3, [0, 2], 2), (5, [3, 2], 1), (7, [1, 4], 2)])
def test_completed_results(best_of, score, winner):
    assert check_result(score, best_of=best_of, completed=True).winner == winner


@pytest.mark.parametrize("best_of, score, code", [
    (3, [3, 0], "invalid_score"), (3, [1, 0], "invalid_score"), (3, [2, 2], "invalid_score"),
    (1, [1, 1], "invalid_score"), (5, [2, 2], "draw_not_allowed"), (3, [-1, 2], "invalid_score"),
    (3, [True, 2], "invalid_score"), (3, "2-1", "invalid_score"), (3, [2.0, 1], "invalid_score"),
])
def test_impossible_results(best_of, score, code):
    with pytest.raises(FormatError) as e:
        check_result(score, best_of=best_of, completed=True)
    assert e.value.code == code and e.value.field == "score"


def test_live_scores_and_draws():
    assert check_result([1, 1], best_of=3, completed=False).winner is None
    with pytest.raises(FormatError):
        check_result([2, 1], best_of=3, completed=False)
    draw = check_result([1, 1], best_of=2, completed=True, allow_draws=True)
    assert draw.draw and draw.winner is None
    assert check_result([0, 0], best_of=1, completed=True, allow_draws=True).draw


def test_games():
    games = check_games([[13, 10], [8, 13], [13, 5]], 3)
    assert score_from_games(games) == (2, 1)
    with pytest.raises(FormatError):
        check_games([[1, 0]] * 4, 3)
    with pytest.raises(FormatError):
        check_games([[1]], 3)


@given(best_of=st.integers(1, 15), a=st.integers(0, 15), b=st.integers(0, 15))
def test_a_completed_result_always_has_exactly_one_side_at_the_needed_wins(best_of, a, b):
    """Accepted exactly when one side has the wins a best-of needs and the other fewer,
    within the games it can hold; refused (with the code) otherwise."""
    need = wins_needed(best_of)
    possible = max(a, b) == need and min(a, b) < need and a + b <= best_of
    if possible:
        result = check_result([a, b], best_of=best_of, completed=True)
        assert result.winner == (1 if a > b else 2) and result.score == (a, b)
        assert not result.draw
    else:
        with pytest.raises(FormatError) as refused:
            check_result([a, b], best_of=best_of, completed=True)
        assert refused.value.code == ("draw_not_allowed" if a == b and a + b <= best_of
                                      and a < need else "invalid_score")


# Found by a mutation review (tests/README.md, mutations 55-66): each fails its mutant.
def test_no_game_after_a_best_of_three_is_decided():
    """13-5, 13-7 ends a best-of-three: a third map is refused, naming it (a phantom map
    would also move the game-difference tiebreaker)."""
    with pytest.raises(FormatError) as err:
        check_games([[13, 5], [13, 7], [9, 13]], best_of=3)
    assert (err.value.code, err.value.params.get("game")) == ("invalid_games", 3)


def test_only_the_last_game_may_be_in_play():
    assert game_in_play([[1, 0], {"score": [0, 0], "live": True}]) is True
    assert game_in_play([[1, 0], {"score": [0, 0], "live": False}]) is False
    assert game_in_play([]) is False
    with pytest.raises(FormatError) as err:
        game_in_play([{"score": [1, 0], "live": True}, [0, 1]])
    assert (err.value.code, err.value.field) == ("live_game_not_last", "games")


def test_a_game_in_play_may_be_level_but_not_after_the_series_is_decided():
    assert check_games([[13, 9], [0, 0]], 3, in_play=True) == [[13, 9], [0, 0]]
    with pytest.raises(FormatError) as err:
        check_games([[13, 9], [0, 0]], 3)
    assert err.value.code == "tied_game"
    with pytest.raises(FormatError) as err:
        check_games([[13, 9], [13, 5], [1, 0]], 3, in_play=True)
    assert err.value.code == "invalid_games"
