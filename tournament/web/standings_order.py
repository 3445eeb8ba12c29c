"""What orders a stage's standings, as the note under its table says it ("Order: wins–losses,
then Buchholz, then better seed in this stage"), which of the table's columns decide nothing
(a Valve Swiss's round difference: a team with +11 below one with −3 is no mistake), and which a
phone leaves out (never one the order reads).

Read from the stage's own settings (its tiebreakers, a Swiss's record rule), so the note
says what the standings do. A knockout orders by the round a team went out in: no note."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..formats.format import Format

# each key as the note says it (message ids; short: the note is one line on a phone). A
# Swiss ranks by its record first ("_wins": 3–0 before 3–1 before 2–3; "_difference": wins
# minus losses, in a Swiss of a fixed number of rounds); a battle royale by its points
ORDER_WORDS = {
    "_wins": "wins–losses", "_difference": "wins minus losses",
    "points": "match points", "match_wins": "matches won", "losses": "fewer matches lost",
    "record": "wins–losses", "head_to_head": "head-to-head",
    "game_difference": "game difference", "games_won": "games won",
    "goal_difference": "goal difference", "goals_for": "goals scored",
    "round_difference": "round difference", "rounds_won": "rounds won",
    "buchholz": "Buchholz", "median_buchholz": "median Buchholz",
    # the stage's own seed (its table shows it in a column), not the event's
    "seed": "better seed in this stage",
    # a battle royale's: its total first, then its own tiebreakers
    "total": "total points", "wins": "first places", "placement_points": "placement points",
    "kills": "kills", "best_placement": "best placement", "best_game": "most points in one game",
    "last_game_placement": "placement in the last game",
}

# the standings columns a tiebreaker reads (W, D, L and points always decide: a Swiss's
# record, a league's points)
COLUMN_KEYS = {
    "games": {"game_difference", "games_won"},
    "for": {"goals_for", "rounds_won", "goal_difference", "round_difference"},
    "against": {"goal_difference", "round_difference"},
    "difference": {"goal_difference", "round_difference"},
    "buchholz": {"buchholz", "median_buchholz"},
}


def order_keys(fmt: Format[Any], settings: Any) -> list[str]:
    """The stage's order, first key first (keys of ``ORDER_WORDS``); none for a knockout."""
    tiebreakers: Sequence[str] | None = getattr(settings, "tiebreakers", None)
    if tiebreakers is None:
        return []
    return [*fmt.leading_order(settings), *tiebreakers]


def info_columns(keys: Sequence[str]) -> list[str]:
    """The columns a table shows that the order never reads (``COLUMN_KEYS``' names)."""
    return [column for column, read in COLUMN_KEYS.items() if not read & set(keys)]


# the columns a tiebreaker reads on their own (goals against only make up the difference,
# which has its own column)
READ_ALONE = {
    "games": {"game_difference", "games_won"},
    "for": {"goals_for", "rounds_won"},
    "against": set(),
    "difference": {"goal_difference", "round_difference"},
    "buchholz": {"buchholz", "median_buchholz"},
}
# a table without an order of tiebreakers (a knockout's, by the round a team went out in)
# leaves out on a phone the columns it always has
PHONE_HIDDEN_UNORDERED = ["games", "for", "against"]


def phone_hidden(keys: Sequence[str]) -> list[str]:
    """The columns a phone leaves out (``COLUMN_KEYS``' names): those the order never reads
    on their own, so that the table fits a phone's width with every column that decides
    (a Valve Swiss's Buchholz, a league's goals scored) and nothing shown for information
    (every ``info_columns`` one is among them)."""
    if not keys:
        return list(PHONE_HIDDEN_UNORDERED)
    return [column for column, read in READ_ALONE.items() if not read & set(keys)]
