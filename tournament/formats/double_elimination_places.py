"""A double elimination's places read off its results: who is out in which lower round
(5th–6th, 7th–8th ... counting real matches only, so byes leave no holes), the finals'
order (with a grand final, its reset, or none: a GSL group's winners' match and decider),
the standings rows, and one group's results of a stage in groups. Pure, over the plan
``double_elimination.plan`` draws (or its ``Shape``: the same for every seeding of one
size)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace

from .results import MatchResult, Row, tally
from .types import Feed, StagePlan


def _present(stage: StagePlan) -> dict[int, tuple[bool, bool]]:
    """Whether each slot will ever hold a team (byes propagate structurally)."""
    out: dict[int, tuple[bool, bool]] = {}
    for m in sorted(stage.matches, key=lambda m: m.number):
        flags: list[bool] = []
        for slot in m.slots:
            if isinstance(slot, Feed):
                a, b = out[slot.match]
                flags.append(a or b if slot.outcome == "winner" else a and b)
            else:
                flags.append(slot is not None)
        out[m.number] = (flags[0], flags[1])
    return out


def placement_ranges(stage: StagePlan) -> dict[int, tuple[int, int]]:
    """(best, worst) shared rank of the teams eliminated in each lower-bracket round.

    Teams out in the lower final are 3rd, in the round before 4th, then 5-6, 7-8, 9-12,
    13-16 ... The ranges count only real matches, so byes never leave holes in the ranks.
    """
    present = _present(stage)
    eliminated: dict[int, int] = {}
    for m in stage.matches:
        if m.bracket == "losers":
            eliminated[m.round] = eliminated.get(m.round, 0) + all(present[m.number])
    ranges: dict[int, tuple[int, int]] = {}
    best = 3
    for round_number in sorted(eliminated, reverse=True):
        count = eliminated[round_number]
        ranges[round_number] = (best, best + max(count, 1) - 1)
        best += count
    return ranges


@dataclass(frozen=True)
class Shape:
    """What the standings read of a plan: the same for every seeding of one size, seeding
    method and grand final (byes depend on the count alone), so it is computed once."""

    ranges: Mapping[int, tuple[int, int]]  # ``placement_ranges``
    lower_rounds: Mapping[int, int]  # lower-bracket match number -> its round, in order
    finals: tuple[int, ...]  # the grand final's numbers (and its reset's)
    upper_final: int
    lower_final: int | None


def shape_of(stage: StagePlan) -> Shape:
    upper_final = max((m for m in stage.matches if m.bracket == "winners"),
                      key=lambda m: m.round)
    lower = [m for m in stage.matches if m.bracket == "losers"]
    return Shape(
        ranges=placement_ranges(stage),
        lower_rounds={m.number: m.round for m in lower},
        finals=tuple(m.number for m in stage.matches if m.bracket == "grand_final"),
        upper_final=upper_final.number,
        lower_final=max(lower, key=lambda m: m.round).number if lower else None)


def final_ranks(
    stage: StagePlan | Shape | Callable[[], Shape],
    outcomes: Mapping[int, tuple[int | None, int | None]],
) -> dict[int, tuple[int, int]]:
    """The final (best, worst) rank of every team whose place is already decided.

    ``outcomes`` maps completed match numbers to ``(winning team, losing team)``, as
    ``progression.outcome_teams`` gives them (None for a bye's missing side). A team is
    out at its second loss, i.e. when it loses a lower-bracket match. The grand final's
    loser is 2nd and its winner 1st. Without a grand final the upper final's winner is
    1st (it never lost) and the lower final's winner 2nd, as a GSL group ranks its
    winners' match and decider winners (Liquipedia's VALORANT Champions group tables).
    """
    result: dict[int, tuple[int, int]] = {}
    if not outcomes:
        return result  # a stage without results (or byes) has nobody placed yet
    if isinstance(stage, StagePlan):
        found = shape_of(stage)
    else:
        found = stage if isinstance(stage, Shape) else stage()
    for number, lower_round in found.lower_rounds.items():
        loser = outcomes[number][1] if number in outcomes else None
        if loser is not None:
            result[loser] = found.ranges[lower_round]
    if not found.finals:
        for rank, final in enumerate((found.upper_final, found.lower_final), start=1):
            winner = outcomes.get(final, (None, None))[0] if final is not None else None
            if winner is not None:
                result[winner] = (rank, rank)
        return result
    gf1 = found.finals[0]
    if gf1 not in outcomes:
        return result
    decider = gf1
    if len(found.finals) == 2:
        upper_champion = outcomes.get(found.upper_final, (None, None))[0]
        if outcomes[gf1][0] != upper_champion:
            decider = found.finals[1]
    if decider in outcomes:
        winner, loser = outcomes[decider]
        if winner is not None:
            result[winner] = (1, 1)
        if loser is not None:
            result[loser] = (2, 2)
    return result


def table(teams: list[int], results: list[MatchResult],
          stage: StagePlan | Shape | Callable[[], Shape]) -> list[Row]:
    """Rows with the placements decided so far (rank = the best of a shared range, which
    sets ``tied``); teams still in the stage have no rank yet. ``stage`` is the plan the
    stage was created from (``plan(...)`` with the same seeding and settings), its
    ``shape``, or how to get its shape (asked only once a result places someone)."""
    rows = tally(teams, results)
    outcomes = {r.number: (r.winner_team, r.loser_team)
                for r in results if r.completed and r.winner in (1, 2)}
    if not outcomes:
        return sorted(rows.values(), key=lambda row: row.team_id)
    found = stage if isinstance(stage, Shape) else shape_of(stage) \
        if isinstance(stage, StagePlan) else stage()
    through = 1 if found.finals else 2  # without a grand final both finalists go through
    for team, (best, worst) in final_ranks(found, outcomes).items():
        row = rows.setdefault(team, Row(team))
        row.rank, row.last = best, worst
        row.tied = worst > best
        row.status = "advanced" if worst <= through else "eliminated"
    return sorted(rows.values(), key=lambda row: (row.rank is None, row.rank or 0, row.team_id))


def group_results(results: list[MatchResult], group: int,
                  numbers: Mapping[int, int]) -> list[MatchResult]:
    """One group's results numbered as in its own bracket (tiebreakers as they are: their
    numbers come after every planned match of the stage, so they meet no bracket match)."""
    return [replace(r, number=numbers.get(r.number, r.number)) for r in results
            if (r.group or 1) == group]
