"""The words pages show for states and structures, as message ids (English is the source;
``i18n/*.po`` translate them). One id per meaning: the match status "Finished" is not the
round "Final", a stage's status is not a team's status, and no page shows an identifier
such as ``round_robin`` or ``completed``."""

from __future__ import annotations

from typing import Any

from ..formats.seeding import bracket_size

Label = tuple[str, int | None]  # a message id and its optional %d parameter

MATCH_STATUS = {"pending": "Waiting", "ready": "Upcoming", "live": "Live",
                "completed": "Finished"}
STAGE_STATUS = {"pending": "Waiting", "running": "In progress", "completed": "Finished"}
TEAM_STATUS = {"active": "Still in", "advanced": "Advanced", "eliminated": "Eliminated"}
FORMATS = {"single_elimination": "Single elimination",
           "double_elimination": "Double elimination", "round_robin": "Round robin",
           "swiss": "Swiss"}
SECTIONS = {"winners": "Upper bracket", "losers": "Lower bracket",
            "grand_final": "Grand final", "third_place": "Third place match",
            "tiebreaker": "Tiebreakers"}
HOLDS = {
    "waiting_for_stage": "Waiting for %s to finish.",
    "unresolved_tie": "Waiting for the organizer: tied teams (%s) must be separated by a "
                      "tiebreaker match or a recorded order before this stage can be drawn.",
    "too_few_teams": "Waiting for the organizer: %s does not produce enough qualifiers "
                     "for this stage.",
}
ROUND_NAMES = {1: "Final", 2: "Semifinals", 3: "Quarterfinals"}
GAME_SCORE = {"goals": ("Goals for", "Goals against", "Goal difference"),
              "rounds": ("Rounds won", "Rounds lost", "Round difference"),
              "points": ("Points for", "Points against", "Point difference")}


def knockout_round(round_number: int, rounds: int) -> Label:
    """('Final', None), ('Round of %d', 16), ('Round %d', 2) for a knockout bracket."""
    left = rounds - round_number + 1
    if left in ROUND_NAMES:
        return ROUND_NAMES[left], None
    if left <= 7:
        return "Round of %d", 2 ** left
    return "Round %d", round_number


def round_label(fmt: str, bracket: str | None, round_number: int, last: int) -> Label:
    """The name of a round of a bracket, ``last`` being that bracket's last round."""
    if bracket == "winners" and fmt == "single_elimination":
        return knockout_round(round_number, last)
    if bracket == "winners":
        return ("Upper final", None) if round_number == last else ("Upper round %d",
                                                                    round_number)
    if bracket == "losers":
        return ("Lower final", None) if round_number == last else ("Lower round %d",
                                                                    round_number)
    if bracket == "grand_final":
        return ("Grand final", None) if round_number == 1 else ("Bracket reset", None)
    if bracket == "third_place":
        return "Third place match", None
    if bracket == "tiebreaker":
        return "Tiebreaker", None
    return "Round %d", round_number


def match_round(match: dict[str, Any], fmt: str, teams: int) -> Label:
    """A match's round as its bracket names it, from the stage's format and field size."""
    upper = max(1, bracket_size(max(teams, 2)).bit_length() - 1)
    last = {"winners": upper, "losers": max(1, 2 * upper - 2)}.get(match["bracket"] or "", 0)
    return round_label(fmt, match["bracket"], match["round"], last)


def shown_score(match: dict[str, Any]) -> list[int]:
    """The score people expect to see: a one-game match with its game's own score shows
    that score (a 2-0 football win, a 13-9 map), any other match its series score."""
    games = match.get("games") or []
    if match["best_of"] == 1 and len(games) == 1:
        return list(games[0])
    return list(match["score"])


def outcome(match: dict[str, Any], side: int) -> str:
    """'W', 'D' or 'L' for the team on ``side`` (1 or 2) of a finished match; ''."""
    if match["status"] != "completed":
        return ""
    if match.get("draw"):
        return "D"
    return "W" if match["winner"] == side else "L" if match["winner"] else ""
