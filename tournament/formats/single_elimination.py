"""Single elimination: the plan of a knockout bracket with byes and a third-place match,
its final placements, and the format's registry entry."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from . import layout
from .format import Knockout, Label, Settings, choice
from .knockout_order import knockout_rows
from .results import MatchResult, Row, tally
from .seeding import SeedingMethod, bracket_size, place
from .types import (
    Bracket,
    Feed,
    MatchPlan,
    Slot,
    StageFormat,
    StagePlan,
    best_of_for,
    link_feeds,
)
from .withdrawal import NO_TIMES

ROUND_NAMES = {1: "Final", 2: "Semifinals", 3: "Quarterfinals"}


def plan(
    teams: list[int],
    *,
    seeding_method: SeedingMethod = "standard",
    best_of: int = 1,
    best_of_by_round: dict[str, int] | None = None,
    third_place_match: bool = False,
) -> StagePlan:
    """Every match of the bracket, round by round; round 1 byes hold ``None``.

    Match ``i`` (0-based) of round ``r`` sends its winner to match ``i // 2`` of round
    ``r + 1``, slot ``i % 2``. The semifinal losers meet in the third-place match.
    """
    first = place(teams, seeding_method)
    matches: list[MatchPlan] = []
    number = 0
    round_number = 1
    slots_in_round: list[Slot] = list(first)
    while len(slots_in_round) >= 2:
        current: list[int] = []
        for i in range(0, len(slots_in_round), 2):
            number += 1
            matches.append(MatchPlan(
                number=number,
                round=round_number,
                bracket=Bracket.WINNERS,
                slots=(slots_in_round[i], slots_in_round[i + 1]),
                best_of=best_of_for(round_number, best_of, best_of_by_round),
            ))
            current.append(number)
        slots_in_round = [Feed(n, "winner") for n in current]
        if len(current) == 1:
            break
        round_number += 1
    final_round = round_number
    if third_place_match and final_round >= 2:
        semis = [m.number for m in matches if m.round == final_round - 1]
        number += 1
        matches.append(MatchPlan(
            number=number,
            round=final_round,
            bracket=Bracket.THIRD_PLACE,
            slots=(Feed(semis[0], "loser"), Feed(semis[1], "loser")),
            best_of=best_of_for(final_round, best_of, best_of_by_round),
        ))
    link_feeds(matches)
    return StagePlan(matches)


def rank_range(rounds: int, eliminated_in_round: int,
               losers: int | None = None) -> tuple[int, int]:
    """The (best, worst) rank shared by teams that lost in ``eliminated_in_round``.

    In an 8-team bracket (3 rounds) quarterfinal losers share 5-8, semifinal losers 3-4
    (a third-place match splits them into 3 and 4), the final's loser is 2nd. ``losers``
    is how many teams that round can put out when byes leave it short: in a 6-team
    bracket two quarterfinals are played, and their losers share 5-6, not 5-8.
    """
    slots = 2 ** (rounds - eliminated_in_round)
    best = slots + 1
    return best, best + (slots if losers is None else losers) - 1


def table(teams: list[int], results: list[MatchResult]) -> list[Row]:
    """Final placements: the champion 1st, the final's loser 2nd, then teams out in the
    same round share a rank (3-4, 5-8 ...) unless a third-place match split 3 and 4.
    Teams still in the bracket have no rank yet."""
    rows = tally(teams, results)
    main = [r for r in results if r.bracket == "winners"]
    if not main:
        return list(rows.values())
    rounds = max(r.round for r in main)
    third_place = any(r.bracket == "third_place" for r in results)
    # each played match puts one team out; a bye (completed with one team) puts none, a match
    # still waiting for its teams will
    played = Counter(r.round for r in main if not (r.completed and r.is_bye))
    for r in main:
        if not r.completed or r.winner is None:
            continue
        loser = r.loser_team
        if third_place and r.round == rounds - 1:
            continue  # semifinal losers play on for third place
        if loser is not None:
            rows[loser].rank, rows[loser].last = rank_range(rounds, r.round, played[r.round])
            rows[loser].status = "eliminated"
        if r.round == rounds and r.winner_team is not None:
            rows[r.winner_team].rank = rows[r.winner_team].last = 1
            rows[r.winner_team].status = "advanced"
    for r in results:
        if r.bracket == "third_place" and r.completed and r.winner is not None:
            for team, rank in ((r.winner_team, 3), (r.loser_team, 4)):
                if team is not None:
                    rows[team].rank = rows[team].last = rank
                    rows[team].status = "eliminated"
    return sorted(rows.values(), key=lambda row: (row.rank is None, row.rank or 0))


def knockout_round(round_number: int, rounds: int) -> Label:
    """('Final', None), ('Round of %d', 16), ('Round %d', 2) for a knockout bracket."""
    left = rounds - round_number + 1
    if left in ROUND_NAMES:
        return ROUND_NAMES[left], None
    if left <= 7:
        return "Round of %d", 2 ** left
    return "Round %d", round_number


@dataclass(frozen=True, kw_only=True)
class SingleEliminationSettings(Settings):
    third_place_match: bool = False

    def check(self) -> None:
        super().check()
        choice(self.third_place_match, "third_place_match", (True, False))


class SingleElimination(Knockout[SingleEliminationSettings]):
    name = StageFormat.SINGLE_ELIMINATION
    label = "Single elimination"
    settings_type = SingleEliminationSettings

    def brackets(self, settings: SingleEliminationSettings
                 ) -> Mapping[str | None, int | None]:
        out: dict[str | None, int | None] = {Bracket.WINNERS: None}
        if settings.third_place_match:
            out[Bracket.THIRD_PLACE] = None
        return out

    def _plan(self, teams: list[int], settings: SingleEliminationSettings,
              seeding_method: SeedingMethod) -> StagePlan:
        return plan(teams, seeding_method=seeding_method, best_of=settings.best_of,
                    best_of_by_round=settings.best_of_by_round,
                    third_place_match=settings.third_place_match)

    def standings(self, seeding: list[int], results: list[MatchResult],
                  settings: SingleEliminationSettings, *,
                  resolutions: Sequence[Sequence[int]], withdrawn: frozenset[int],
                  complete: bool, seeding_method: SeedingMethod = "standard",
                  withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> list[Row]:
        return knockout_rows(seeding, table(seeding, results), results, resolutions)

    def round_label(self, bracket: str | None, round_number: int, team_count: int) -> Label:
        if bracket == Bracket.WINNERS:
            return knockout_round(round_number, bracket_size(max(team_count, 2)).bit_length() - 1)
        return layout.named_round(bracket, round_number)

    def layout(self, stage: Mapping[str, Any]) -> list[dict[str, Any]]:
        count = stage["team_count"]
        return layout.brackets(stage["matches"],
                               lambda b, r, _: self.round_label(b, r, count), "Bracket")
