"""Which standings columns a phone shows (``web/standings_order.phone_hidden``): every
column the stage's order reads stays; a column shown for information, or one whose
difference column already says what decides (goals against beside goal difference), is
hidden on a phone. A review found the Japanese VALORANT Swiss table scrolling sideways on a
phone, Buchholz and the status off-screen, for a round difference that decides nothing."""

from __future__ import annotations

import pytest

from tournament.web.standings_order import info_columns, phone_hidden


@pytest.mark.parametrize(("keys", "hidden"), [
    # a Valve Swiss: record, Buchholz, seed: its rounds are shown for information only
    (["_wins", "buchholz", "seed"], ["games", "for", "against", "difference"]),
    # a football league (the demo's eFootball): goals scored decide, so they stay
    (["points", "goal_difference", "goals_for", "head_to_head"],
     ["games", "against", "buchholz"]),
    # League of Legends groups: game difference and games won read the games column
    (["points", "head_to_head", "game_difference", "games_won"],
     ["for", "against", "difference", "buchholz"]),
    # a standard Swiss on rounds: median Buchholz, then the rounds' difference
    (["_wins", "median_buchholz", "round_difference"], ["games", "for", "against"]),
    # a knockout orders by the round a team went out in: the table as it always was
    ([], ["games", "for", "against"]),
])
def test_a_phone_hides_no_column_the_order_reads(keys: list[str], hidden: list[str]) -> None:
    assert phone_hidden(keys) == hidden
    # and every column shown for information is among them
    assert set(info_columns(keys) if keys else []) <= set(hidden)
