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

from .seeding import snake_groups
from .types import FormatError, MatchPlan, StagePlan, best_of_for


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
        raise FormatError("invalid_settings", "legs must be at least 1.", "settings.legs")
    drawn = snake_groups(teams, groups)
    if any(len(g) < 2 for g in drawn):
        raise FormatError("too_few_teams", "Every group needs at least two teams.",
                          "settings.groups", groups=groups, teams=len(teams))
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
