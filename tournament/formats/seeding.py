"""Placing a seeded list of teams into bracket slots."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Literal, TypeVar

from .types import FormatError

T = TypeVar("T", bound=Hashable)
SeedingMethod = Literal["standard", "natural"]


def bracket_size(n: int) -> int:
    """The smallest power of two that holds ``n`` entrants (at least 2)."""
    size = 2
    while size < n:
        size *= 2
    return size


def standard_order(size: int) -> list[int]:
    """Seed numbers (1-based) in slot order so that 1 and 2 meet last, 1 v N first.

    ``standard_order(8) == [1, 8, 4, 5, 2, 7, 3, 6]``.
    """
    if size < 2 or size & (size - 1):
        raise ValueError("size must be a power of two >= 2")
    order = [1, 2]
    while len(order) < size:
        total = len(order) * 2 + 1
        order = [x for seed in order for x in (seed, total - seed)]
    return order


def place(teams: list[T], method: SeedingMethod = "standard") -> list[T | None]:
    """Slots of the first round, in order (pairs 0-1, 2-3 ...); None is a bye.

    The top seeds get the byes in both methods. ``natural`` keeps the given order:
    1st v 2nd, 3rd v 4th ... (after the top seeds' byes).
    """
    n = len(teams)
    if n < 2:
        raise FormatError("too_few_teams", "A bracket needs at least two teams.", "seeding")
    if len(set(teams)) != n:
        raise FormatError("duplicate_team", "A team appears twice in the seeding.", "seeding")
    size = bracket_size(n)
    if method == "standard":
        return [teams[s - 1] if s <= n else None for s in standard_order(size)]
    if method == "natural":
        byes = size - n
        slots: list[T | None] = []
        for team in teams[:byes]:
            slots += [team, None]
        slots += teams[byes:]
        return slots
    raise FormatError("invalid_seeding_method", f"Unknown seeding method {method!r}.",
                      "seeding_method")


def place_into(teams: list[T], size: int, method: SeedingMethod = "standard") -> list[T | None]:
    """``place`` into ``size`` slots (a power of two, at least ``len(teams)``): the
    byes go to the first seeds as in ``place`` (a team with nobody: an empty match)."""
    n = len(teams)
    if method == "standard":
        return [teams[s - 1] if s <= n else None for s in standard_order(size)]
    byes = min(size - n, n)
    slots: list[T | None] = []
    for team in teams[:byes]:
        slots += [team, None]
    slots += teams[byes:]
    return slots + [None] * (size - len(slots))


def snake_groups(teams: list[T], groups: int) -> list[list[T]]:
    """Snake seeding into groups: A B C C B A A B C ..."""
    if groups < 1:
        raise FormatError("invalid_settings", "groups must be at least 1.", "settings.groups")
    result: list[list[T]] = [[] for _ in range(groups)]
    for i, team in enumerate(teams):
        row, col = divmod(i, groups)
        result[col if row % 2 == 0 else groups - 1 - col].append(team)
    return result


def cross_qualifiers(groups: dict[int, list[int]], qualifiers: int) -> list[int]:
    """Seeding for the next stage from group standings: every group winner first (group
    order), then every runner-up, and so on. With standard seeding two groups cross as
    A1 v B2, B1 v A2; four as A1 v D2, B1 v C2, C1 v B2, D1 v A2."""
    seeding: list[int] = []
    for place_index in range(qualifiers):
        for group in sorted(groups):
            ranked = groups[group]
            if place_index < len(ranked):
                seeding.append(ranked[place_index])
    return seeding
