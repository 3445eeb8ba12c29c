"""How a match's slots fill and what a finished match sends on: the rules the stage state
machine (``machine.py``) applies one match at a time, so reporting a result costs the same
in a bracket of 8 teams and of 8,192 — the plan already says where each winner and loser
goes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from .state import MatchState
from .types import MatchStatus, Refused

SlotsStatus = Literal["pending", "ready", "bye", "empty"]
Decided = tuple[int | None, int | None, bool]  # winning team, losing team, decided


def slots_status(teams: list[int | None], filled: list[bool]) -> SlotsStatus:
    """``pending`` until both slots are decided; then ``ready``, a ``bye`` (one team)
    or ``empty`` (two byes met: nobody comes out of this match)."""
    if not all(filled):
        return "pending"
    present = sum(t is not None for t in teams)
    return "ready" if present == 2 else "bye" if present == 1 else "empty"


def bye_winner(teams: list[int | None]) -> int | None:
    """The side (1 or 2) that advances from a bye, or None for an empty match."""
    if teams[0] is not None and teams[1] is None:
        return 1
    if teams[1] is not None and teams[0] is None:
        return 2
    return None


def outcome_teams(teams: list[int | None], winner: int | None) -> tuple[int | None, int | None]:
    """(winning team, losing team) of a finished match; None where nobody is."""
    if winner not in (1, 2):
        return None, None
    return teams[winner - 1], teams[2 - winner]


@dataclass(frozen=True, slots=True)
class Placed:
    changed: bool  # the slot held something else before
    reset: bool  # a result between two teams was cleared
    outcome_changed: bool  # what this match sends on is different now


def was_played(m: MatchState) -> bool:
    """A real result (live or final) between two teams, as opposed to a bye."""
    return m.status in (MatchStatus.LIVE, MatchStatus.COMPLETED) and m.team1_id is not None \
        and m.team2_id is not None


def with_results(matches: Sequence[MatchState]) -> list[MatchState]:
    """The matches with a result (live or final) between two teams, and the lobbies with a
    game entered: what clearing a stage's matches would lose."""
    return [m for m in matches if m.active and (was_played(m) or m.placings)]


def decided(m: MatchState) -> Decided:
    if m.status != MatchStatus.COMPLETED or not m.active:
        return None, None, False
    winner, loser = outcome_teams(m.teams, m.winner)
    return winner, loser, True


def clear_result(m: MatchState) -> None:
    m.score1 = m.score2 = 0
    m.games = None
    m.maps = None
    m.game_in_play = False
    m.winner = None
    m.draw = False
    m.forfeit = None
    m.forfeit_reason = None


# why a withdrawn team left, where it is not known (a team withdrawn before it was kept)
WITHDRAWN = "withdrawn"
NO_REASONS: Mapping[int, str] = {}


def forfeit(m: MatchState, side: int, reason: str | None = None) -> None:
    """``side`` (1 or 2) forfeits: the other side wins, the match is over (a walkover).
    ``reason``: the team's withdrawal forfeited it ("withdrawn", "disqualified"); None: a
    forfeit a referee entered."""
    clear_result(m)
    m.forfeit, m.winner, m.status = side, 3 - side, MatchStatus.COMPLETED
    m.forfeit_reason = reason


def settle(m: MatchState, withdrawn: frozenset[int] = frozenset(),
           reasons: Mapping[int, str] = NO_REASONS) -> None:
    """Status from the slots: pending, ready, or an automatic bye / empty result; a ready
    match with a withdrawn (or disqualified) team is forfeited by that team, for the reason
    it left (``reasons``)."""
    state = slots_status(m.teams, [m.filled1, m.filled2])
    if state == "pending":
        m.status, m.winner = MatchStatus.PENDING, None
    elif state == "ready":
        if m.status == MatchStatus.PENDING:
            m.status = MatchStatus.READY
        if m.status == MatchStatus.READY and withdrawn:
            for side, team in ((1, m.team1_id), (2, m.team2_id)):
                if team is not None and team in withdrawn:
                    forfeit(m, side, reasons.get(team, WITHDRAWN))
                    break
    else:
        clear_result(m)
        m.status = MatchStatus.COMPLETED
        m.winner = bye_winner(m.teams)


def place(m: MatchState, slot: int, team: int | None, filled: bool,
          withdrawn: frozenset[int] = frozenset(),
          reasons: Mapping[int, str] = NO_REASONS) -> Placed:
    """Put ``team`` (or 'not decided yet') into a slot of ``m`` and settle it."""
    current = (m.team1_id, m.filled1) if slot == 0 else (m.team2_id, m.filled2)
    if current == (team, filled):
        return Placed(False, False, False)
    before = decided(m)
    reset = was_played(m)
    if reset:
        clear_result(m)
        m.status = MatchStatus.READY
    elif m.status == MatchStatus.COMPLETED:  # an automatic bye result, decided again below
        clear_result(m)
        m.status = MatchStatus.PENDING
    if slot == 0:
        m.team1_id, m.filled1 = team, filled
    else:
        m.team2_id, m.filled2 = team, filled
    settle(m, withdrawn, reasons)
    return Placed(True, reset, decided(m) != before)


def sends(m: MatchState) -> list[tuple[int, int, int | None, bool]]:
    """(target match, slot, team, decided) for the matches ``m`` feeds."""
    winner, loser, done = decided(m)
    out = []
    if m.winner_to is not None and m.winner_slot is not None:
        out.append((m.winner_to, m.winner_slot, winner, done))
    if m.loser_to is not None and m.loser_slot is not None:
        out.append((m.loser_to, m.loser_slot, loser, done))
    return out


def reset_wanted(source: MatchState) -> bool:
    """A conditional match (the grand-final reset) is played when the first grand final
    went to the lower-bracket finalist (side 2)."""
    return decided(source)[2] and source.winner == 2


def refuse_withdrawn(m: MatchState, withdrawn: frozenset[int], reasons: Mapping[int, str],
                     given: frozenset[str]) -> None:
    """A withdrawn (or disqualified) team plays no more, and a withdrawal cannot be undone,
    so no change may leave it in a match to play (``m`` now ready or live): a reopening, a
    live score, a game in play, by a referee or an admin alike. The way back is a
    correction to a final result (the forfeit of either side, or the score the match was
    played with: an organizer's ruling) or a correction of the match that sent the team
    here (it is then forfeited there again, or not sent at all)."""
    team = next((t for t in m.teams if t is not None and t in withdrawn), None)
    if team is None:
        return
    reason = reasons.get(team, WITHDRAWN)
    field = next((f for f in ("status", "games") if f in given), "score")
    how = "was disqualified" if reason == "disqualified" else "has withdrawn"
    raise Refused("withdrawn_team_cannot_play",
                  f"Team {team} {how} and plays no more, so this match cannot be reopened "
                  "or played, and a withdrawal cannot be undone. Correct it as a final "
                  "result instead: the forfeit of either side, or the score it was played "
                  "with. Nothing was saved.", field, team=team, reason=reason)
