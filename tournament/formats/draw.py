"""The draw: a seeding list shuffled reproducibly, and teams of one nation kept apart.

``random`` shuffles the whole list with a recorded seed (``random.Random(seed)``), so the
same seed always gives the same draw and anyone can check it. ``separate_nations`` then
moves teams only within their pot, so the protection of the top seeds is kept, until no
two teams of one nation share a group (round robin groups) or meet in the first round
(brackets and Swiss round 1), or until no move makes it better (the field does not allow
more: four Korean teams in two groups of four must meet somewhere).

Pots are the places that are equal for seeding: a row of the snake draw into groups
(every group gets one team of each row), or a tier of a bracket (seed 1, seed 2, seeds
3-4, 5-8, 9-16 ...: swapping within a tier keeps the top seeds apart as long as possible).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from .seeding import place, snake_groups

Conflicts = Callable[[list[int]], int]
Separation = tuple[list[list[int]], Conflicts]  # pots, and how to count same-nation meetings
MAX_SEPARATED = 128  # teams; the search tries every swap within a pot, so it stays small


def shuffled(teams: Sequence[int], seed: int) -> list[int]:
    order = list(teams)
    random.Random(seed).shuffle(order)
    return order


def group_pots(count: int, groups: int) -> list[list[int]]:
    """Positions of the seeding list, by snake row: one team of each row per group."""
    return [list(range(start, min(start + groups, count))) for start in range(0, count, groups)]


def tier_pots(count: int) -> list[list[int]]:
    """Positions by seed tier: [0], [1], [2, 3], [4..7], [8..15] ..."""
    pots: list[list[int]] = []
    start, end = 0, 1
    while start < count:
        pots.append(list(range(start, min(end, count))))
        start, end = end, end * 2
    return pots


def group_conflicts(nation: Mapping[int, str | None], groups: int) -> Conflicts:
    def count(order: list[int]) -> int:
        return sum(_same(nation, a, b) for g in snake_groups(order, groups)
                   for a, b in combinations(g, 2))
    return count


def bracket_conflicts(nation: Mapping[int, str | None], method: str) -> Conflicts:
    def count(order: list[int]) -> int:
        slots = place(order, method)  # type: ignore[arg-type]
        return sum(_same(nation, slots[i], slots[i + 1]) for i in range(0, len(slots), 2))
    return count


def swiss_conflicts(nation: Mapping[int, str | None], method: str = "standard") -> Conflicts:
    """Same-nation meetings in a Swiss round 1 (``swiss_pairing``): top half v bottom half,
    or with ``natural`` seeds 1 v 2, 3 v 4 (an odd field's last seed has the bye)."""
    def count(order: list[int]) -> int:
        if method == "natural":
            return sum(_same(nation, order[i], order[i + 1])
                       for i in range(0, len(order) - 1, 2))
        half = len(order) // 2
        return sum(_same(nation, order[i], order[i + half]) for i in range(half))
    return count


def _same(nation: Mapping[int, str | None], a: int | None, b: int | None) -> bool:
    if a is None or b is None:
        return False
    na, nb = nation.get(a), nation.get(b)
    return na is not None and na == nb


def separate(order: list[int], pots: list[list[int]], conflicts: Conflicts) -> list[int]:
    """Swap teams within pots while that lowers the number of same-nation meetings; the
    closest swap (by position) that helps most is taken first, so the draw moves as little
    as it can. Deterministic for a given order."""
    order = list(order)
    best = conflicts(order)
    while best:
        found: tuple[int, int, int] | None = None  # (conflicts, distance, i) with j
        pair = (0, 0)
        for pot in pots:
            for i, j in combinations(pot, 2):
                order[i], order[j] = order[j], order[i]
                score = conflicts(order)
                order[i], order[j] = order[j], order[i]
                if score < best and (found is None or (score, j - i, i) < found):
                    found, pair = (score, j - i, i), (i, j)
        if found is None:
            break
        i, j = pair
        order[i], order[j] = order[j], order[i]
        best = found[0]
    return order
