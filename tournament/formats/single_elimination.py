"""Single elimination: the plan of a knockout bracket with byes and a third-place match."""

from __future__ import annotations

from .results import MatchResult, Row, tally
from .seeding import SeedingMethod, place
from .types import Feed, MatchPlan, Slot, StagePlan, best_of_for, link_feeds


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
                bracket="winners",
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
            bracket="third_place",
            slots=(Feed(semis[0], "loser"), Feed(semis[1], "loser")),
            best_of=best_of_for(final_round, best_of, best_of_by_round),
        ))
    link_feeds(matches)
    return StagePlan(matches)


def placements(rounds: int, eliminated_in_round: int, third_place: bool) -> tuple[int, int]:
    """The (best, worst) rank shared by teams that lost in ``eliminated_in_round``.

    In an 8-team bracket (3 rounds) quarterfinal losers share 5-8, semifinal losers 3-4
    (or 3 and 4 after a third-place match), the final's loser is 2nd.
    """
    losers_in_round = 2 ** (rounds - eliminated_in_round)
    best = losers_in_round + 1
    return best, best + losers_in_round - 1


def standings(teams: list[int], results: list[MatchResult]) -> list[Row]:
    """Final placements: the champion 1st, the final's loser 2nd, then teams out in the
    same round share a rank (3-4, 5-8 ...) unless a third-place match split 3 and 4.
    Teams still in the bracket have no rank yet."""
    rows = tally(teams, results)
    main = [r for r in results if r.bracket == "winners"]
    if not main:
        return list(rows.values())
    rounds = max(r.round for r in main)
    third_place = any(r.bracket == "third_place" for r in results)
    for r in main:
        if not r.completed or r.winner is None:
            continue
        loser = r.loser_team
        if third_place and r.round == rounds - 1:
            continue  # semifinal losers play on for third place
        if loser is not None:
            rows[loser].rank = placements(rounds, r.round, False)[0]
            rows[loser].status = "eliminated"
        if r.round == rounds and r.winner_team is not None:
            rows[r.winner_team].rank = 1
            rows[r.winner_team].status = "advanced"
    for r in results:
        if r.bracket == "third_place" and r.completed and r.winner is not None:
            for team, rank in ((r.winner_team, 3), (r.loser_team, 4)):
                if team is not None:
                    rows[team].rank = rank
                    rows[team].status = "eliminated"
    return sorted(rows.values(), key=lambda row: (row.rank is None, row.rank or 0))
