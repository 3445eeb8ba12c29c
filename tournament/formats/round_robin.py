"""Round robin: every team of a group meets every other, scheduled by the Berger tables.

``berger_table(n)`` reproduces the FIDE Handbook's Berger tables (C.05, Annex 1): player
numbers are the seeding order within the group, the first-named player of a pairing has
white (here: slot 0, the home side). An odd number of players uses the table of ``n + 1``
and whoever meets player ``n + 1`` has no match that round (no bye match is created).

Construction (the circle method as FIDE tabulates it): players ``1..m-1`` (``m`` even) sit
on a ring and player ``m`` in the middle. Round ``r`` starts the ring at offset
``(r - 1) * m / 2 (mod m - 1)``; the first ring player meets ``m`` (white in odd rounds,
black in even ones) and ring positions ``j`` and ``m - 1 - j`` meet with ``j`` white.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from . import layout
from .format import Format, Settings, choice, count, too_large
from .limits import MAX_MATCHES_PER_STAGE, MAX_ROUND_ROBIN_GROUP
from .results import MatchResult, Row
from .seeding import SeedingMethod, snake_groups
from .standings import (
    DEFAULT_POINTS,
    FOOTBALL_TIEBREAKERS,
    ROUND_ROBIN_TIEBREAKERS,
    check,
    close_up,
    compute,
    line_tie,
)
from .types import FormatError, MatchPlan, StageFormat, StagePlan, best_of_for
from .withdrawal import NO_TIMES, WITHDRAWN_RESULTS, WithdrawnResults, annulled, counted


def berger_table(n: int) -> list[list[tuple[int, int]]]:
    """Rounds of (white, black) player numbers, 1-based, boards in FIDE's order."""
    if n < 2:
        raise FormatError("too_few_teams", "A round robin group needs at least two teams.",
                          "seeding")
    m = n + (n % 2)
    ring_size = m - 1
    rounds: list[list[tuple[int, int]]] = []
    for r in range(1, m):
        start = (r - 1) * (m // 2) % ring_size
        ring = [(start + i) % ring_size + 1 for i in range(ring_size)]
        pairs = [(ring[0], m) if r % 2 == 1 else (m, ring[0])]
        pairs += [(ring[j], ring[ring_size - j]) for j in range(1, m // 2)]
        rounds.append([p for p in pairs if max(p) <= n])
    return rounds


def plan(
    teams: list[int],
    *,
    groups: int = 1,
    legs: int = 1,
    best_of: int = 1,
    best_of_by_round: dict[str, int] | None = None,
) -> StagePlan:
    """All matches of all groups; groups are drawn by snake seeding (``group`` is 1-based).

    ``round`` counts within the group; leg 2 (and every even leg) repeats the rounds of
    leg 1 with the sides swapped, continuing the round numbers. Matches are numbered in
    order of play: round by round, group by group within a round, board by board.
    """
    if len(set(teams)) != len(teams):
        raise FormatError("duplicate_team", "A team appears twice in the seeding.", "seeding")
    if legs < 1:
        raise FormatError("invalid_settings", "legs must be at least 1.", "settings.legs",
                          low=1, high=2)
    drawn = snake_groups(teams, groups)
    if any(len(g) < 2 for g in drawn):
        raise FormatError("too_few_teams", "Too many groups: every group needs at least two "
                          "teams.", "settings.groups", groups=groups, teams=len(teams),
                          minimum=2)
    schedules: list[list[list[tuple[int, int]]]] = []
    for group_teams in drawn:
        table = berger_table(len(group_teams))
        rounds: list[list[tuple[int, int]]] = []
        for leg in range(legs):
            for pairs in table:
                games = [(group_teams[a - 1], group_teams[b - 1]) for a, b in pairs]
                rounds.append(games if leg % 2 == 0 else [(b, a) for a, b in games])
        schedules.append(rounds)
    matches: list[MatchPlan] = []
    for round_index in range(max(len(s) for s in schedules)):
        for group_index, rounds in enumerate(schedules):
            if round_index >= len(rounds):
                continue
            for home, away in rounds[round_index]:
                matches.append(MatchPlan(
                    number=len(matches) + 1,
                    round=round_index + 1,
                    bracket=None,
                    slots=(home, away),
                    best_of=best_of_for(round_index + 1, best_of, best_of_by_round),
                    group=group_index + 1,
                ))
    return StagePlan(matches)


@dataclass(frozen=True, kw_only=True)
class RoundRobinSettings(Settings):
    groups: int = 1
    legs: int = 1
    allow_draws: bool = False
    points: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_POINTS))
    tiebreakers: list[str] = field(default_factory=lambda: list(ROUND_ROBIN_TIEBREAKERS))
    advance: int | None = None  # the top N of each group go through
    forfeit_score: int | None = None  # a walkover: None counts no games; N, each game N-0
    # what a withdrawal does to the team's results here (``withdrawal.py``)
    withdrawn_results: WithdrawnResults = "keep"

    def check(self) -> None:
        super().check()
        count(self.groups, "groups", 1, 64)
        choice(self.legs, "legs", (1, 2))
        choice(self.allow_draws, "allow_draws", (True, False))
        count(self.advance, "advance", 1, 64, optional=True)
        count(self.forfeit_score, "forfeit_score", 0, 999, optional=True)
        choice(self.withdrawn_results, "withdrawn_results", WITHDRAWN_RESULTS)
        check(self.points, self.tiebreakers)


def withdrawn_out(table: list[Row], withdrawn: frozenset[int]) -> list[Row]:
    """A team that withdrew is out: below every team still in (its played results stand
    for its opponents, its remaining matches are forfeits), the others' places closing up
    and their ties kept: it cannot qualify. The same rule as Swiss (``swiss.withdrawn_last``;
    both rank through ``standings.close_up``). Whether its results still count is the
    ``withdrawn_results`` setting's (``withdrawal.py``)."""
    if not any(r.team_id in withdrawn for r in table):
        return table
    return close_up([r for r in table if r.team_id not in withdrawn]
                    + [r for r in table if r.team_id in withdrawn], withdrawn)


def mark_advance(table: list[Row], advance: int) -> None:
    """The top ``advance`` go through; teams tied across the line stay ``active`` (none of
    them is through) until the organizer breaks the tie."""
    undecided = set(line_tie([(r.team_id, r.rank) for r in table], advance))
    for position, row in enumerate(table):
        if row.team_id in undecided:
            row.status = "active"
        else:
            row.status = "advanced" if position < advance else "eliminated"


class RoundRobin(Format[RoundRobinSettings]):
    name = StageFormat.ROUND_ROBIN
    label = "Round robin"
    ranking_settings = frozenset({"points", "tiebreakers", "advance", "forfeit_score",
                                  "withdrawn_results"})
    settings_type = RoundRobinSettings
    partial = "_stage_groups.html"
    columns = frozenset({"draws", "points"})
    tables_in_layout = True
    uses_seeding_method = False  # everyone in a group meets; groups are snake-drawn

    def knocks_out(self, raw: Mapping[str, Any]) -> bool:
        """Only with a line: the top ``advance`` go through."""
        return bool(raw.get("advance"))

    def allows_draws(self, settings: RoundRobinSettings) -> bool:
        return settings.allow_draws

    def defaults(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """A football league breaks ties on goals (``FOOTBALL_TIEBREAKERS``): its game
        difference would count won matches again, not goals."""
        if raw.get("game_score") == "goals":
            return {"tiebreakers": list(FOOTBALL_TIEBREAKERS)}
        return {}

    def groups(self, settings: RoundRobinSettings) -> int:
        return settings.groups

    def group_numbers(self, settings: RoundRobinSettings) -> int:
        return settings.groups  # one group is group 1

    def check_size(self, teams: int, settings: RoundRobinSettings) -> None:
        super().check_size(teams, settings)
        groups = max(1, settings.groups)
        largest = -(-teams // groups)
        if largest > MAX_ROUND_ROBIN_GROUP:
            raise too_large(f"A round robin group has at most {MAX_ROUND_ROBIN_GROUP} teams; "
                            f"{teams} teams in {groups} group(s) make groups of {largest}. "
                            "Use more groups.", teams=teams, limit=MAX_ROUND_ROBIN_GROUP)
        sizes = [teams // groups + (1 if g < teams % groups else 0) for g in range(groups)]
        matches = sum(n * (n - 1) // 2 for n in sizes) * settings.legs
        if matches > MAX_MATCHES_PER_STAGE:
            raise too_large(f"A stage has at most {MAX_MATCHES_PER_STAGE} matches; this one "
                            f"would have {matches}.", teams=teams, limit=MAX_MATCHES_PER_STAGE)

    def _plan(self, teams: list[int], settings: RoundRobinSettings,
              seeding_method: SeedingMethod) -> StagePlan:
        return plan(teams, groups=settings.groups, legs=settings.legs,
                    best_of=settings.best_of, best_of_by_round=settings.best_of_by_round)

    def standings(self, seeding: list[int], results: list[MatchResult],
                  settings: RoundRobinSettings, *, resolutions: Sequence[Sequence[int]],
                  withdrawn: frozenset[int], complete: bool,
                  seeding_method: SeedingMethod = "standard",
                  withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> list[Row]:
        """Each group's table (rows carry ``group``), groups in order. A withdrawn team's
        results are left out where ``withdrawn_results`` annuls them."""
        group_of: dict[int, int] = {}
        for r in results:
            for t in r.teams:
                if t is not None:
                    group_of[t] = r.group or 1
        seed = {t: i + 1 for i, t in enumerate(seeding)}
        struck = annulled(results, withdrawn, settings.withdrawn_results, withdrawn_at)
        results = counted(results, struck)
        out: list[Row] = []
        for group in sorted(set(group_of.values())):
            members = {t: seed[t] for t in seeding if group_of.get(t) == group}
            table = compute(members, [r for r in results if (r.group or 1) == group],
                            points=settings.points, tiebreakers=settings.tiebreakers,
                            resolutions=resolutions, forfeit_score=settings.forfeit_score)
            table = withdrawn_out(table, withdrawn)
            if complete and settings.advance:
                mark_advance(table, settings.advance)
            for row in table:
                if row.team_id in withdrawn:
                    row.status = "eliminated"  # never through, whatever the line
            for row in table:
                row.group = group
                row.annulled = row.team_id in struck
            out += table
        return out

    def can_strike(self, settings: RoundRobinSettings) -> bool:
        return settings.withdrawn_results != "keep"

    def struck(self, results: Sequence[MatchResult], settings: RoundRobinSettings,
               withdrawn: frozenset[int],
               withdrawn_at: Mapping[int, datetime] = NO_TIMES) -> frozenset[int]:
        return annulled(results, withdrawn, settings.withdrawn_results, withdrawn_at) \
            if withdrawn \
            else frozenset()

    def layout(self, stage: Mapping[str, Any]) -> list[dict[str, Any]]:
        return layout.groups(stage)
