"""Which matches a changed result invalidates.

When an admin changes the result of a completed match whose winner already played on,
every match that received a team from it loses that team and its result; a match that
had a result also sent its own winner and loser on, so the reset travels further. A
match that merely got a team (and has no result yet) is reset but stops the travel.

Only elimination brackets have links; a Swiss round depends on all earlier results and
round robins on none, so the service handles those formats without this module.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol


class Linked(Protocol):
    """Anything with a match's links, e.g. a ``MatchPlan``."""

    @property
    def winner_to(self) -> tuple[int, int] | None: ...

    @property
    def loser_to(self) -> tuple[int, int] | None: ...


@dataclass(frozen=True, slots=True)
class Links:
    winner_to: tuple[int, int] | None = None  # (match number, slot 0|1)
    loser_to: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class Played:
    """What a match has received and done so far."""

    filled: tuple[bool, bool] = (False, False)  # slot got its team (or bye) from its feed
    completed: bool = False  # has a result (a bye or an empty match counts)


def dependents(
    number: int,
    links: Mapping[int, Linked],
    played: Mapping[int, Played],
) -> list[int]:
    """The matches to reset, in ascending order, when match ``number``'s outcome changes.

    ``number`` itself is not listed. Call it when the winner changes (or a result is
    withdrawn); a new score with the same winner sends on the same teams and resets
    nothing. Runs in time proportional to the matches it returns.
    """
    reset: set[int] = set()
    queue = deque([number])
    while queue:
        current = queue.popleft()
        link = links.get(current)
        if link is None:
            continue
        for target in (link.winner_to, link.loser_to):
            if target is None:
                continue
            match, slot = target
            state = played.get(match)
            if state is None or not state.filled[slot] or match in reset or match == number:
                continue
            reset.add(match)
            if state.completed:
                queue.append(match)
    return sorted(reset)
