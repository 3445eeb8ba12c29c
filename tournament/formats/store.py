"""Where the stage state machine finds and keeps matches: a small protocol, as
brackets-manager.js's storage interface. ``MemoryStore`` is for tests, benchmarks and
simulations; the service's SQL store (``services/sql_store.py``) loads rows on demand, so
a report costs the same in a bracket of 8 and of 8,192 teams.

The methods are coroutines so that the SQL store can await its database; the memory store
never suspends, so ``run`` drives the machine without an event loop."""

from __future__ import annotations

from collections.abc import Coroutine, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from .state import MatchState
from .types import MatchStatus

T = TypeVar("T")


class Store(Protocol):
    async def get(self, number: int) -> MatchState:
        """The match with this number (loaded once, then the same object)."""
        ...

    async def prefetch(self, numbers: Iterable[int | None]) -> None:
        """Load these matches together (the targets a result is about to reach)."""
        ...

    async def all(self) -> list[MatchState]:
        """Every match of the stage, by number."""
        ...

    async def of_team(self, team: int) -> list[MatchState]:
        """The team's matches, by number."""
        ...

    async def any_open(self) -> bool:
        """Whether an active match is not completed."""
        ...

    def add(self, matches: Sequence[MatchState]) -> None:
        """New matches (numbered by the caller); the store gives them ids when it saves."""
        ...

    async def remove(self, matches: Sequence[MatchState]) -> None:
        """Delete matches (Swiss rounds withdrawn by a correction)."""
        ...


class MemoryStore:
    """Every match in a dict; ids are handed out in order, never reused."""

    def __init__(self, matches: Iterable[MatchState] = ()) -> None:
        self.matches: dict[int, MatchState] = {}
        self._next_id = 1
        self.add(list(matches))

    async def get(self, number: int) -> MatchState:
        return self.matches[number]

    async def prefetch(self, numbers: Iterable[int | None]) -> None:
        return None

    async def all(self) -> list[MatchState]:
        return [self.matches[n] for n in sorted(self.matches)]

    async def of_team(self, team: int) -> list[MatchState]:
        return [m for m in await self.all() if team in (m.team1_id, m.team2_id)]

    async def any_open(self) -> bool:
        return any(m.active and m.status != MatchStatus.COMPLETED
                   for m in self.matches.values())

    def add(self, matches: Sequence[MatchState]) -> None:
        for m in matches:
            if m.id is None:
                m.id = self._next_id
            self._next_id = max(self._next_id, m.id) + 1
            self.matches[m.number] = m

    async def remove(self, matches: Sequence[MatchState]) -> None:
        for m in matches:
            self.matches.pop(m.number, None)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Undo everything a failed step changed, as a database transaction would."""
        saved = {n: m.copy() for n, m in self.matches.items()}
        next_id = self._next_id
        try:
            yield
        except BaseException:
            self.matches, self._next_id = saved, next_id
            raise

    # conveniences for simulations ---------------------------------------------------------
    def ready(self) -> list[MatchState]:
        return [m for n, m in sorted(self.matches.items())
                if m.active and m.status == MatchStatus.READY]


def run(coroutine: Coroutine[Any, Any, T]) -> T:
    """The result of a coroutine that never suspends (the machine over a MemoryStore)."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value  # type: ignore[no-any-return]
    coroutine.close()
    raise RuntimeError("the coroutine suspended: run it on an event loop")
