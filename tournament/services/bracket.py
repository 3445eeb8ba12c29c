"""Progression over stored matches: the rules of ``formats/progression.py`` applied to rows
loaded on demand.

Each step touches one match and the one or two matches its plan links point to, so a
report costs the same at 8 teams and at 8,192. A correction walks the same links and
clears exactly the results that depended on the changed one.
"""

from __future__ import annotations

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats.progression import place, reset_wanted, sends
from ..models import Match, utcnow


class Bracket:
    """The matches of one stage, loaded on demand by number and remembered."""

    def __init__(self, session: AsyncSession, stage_id: int,
                 preload: list[Match] | None = None,
                 withdrawn: frozenset[int] = frozenset()) -> None:
        self.session = session
        self.stage_id = stage_id
        self.withdrawn = withdrawn  # teams that forfeit every match they reach
        self._by_number: dict[int, Match] = {m.number: m for m in preload or []}
        self._complete = preload is not None
        self.changed: dict[int, Match] = {}
        self.reset: dict[int, Match] = {}
        self.dropped: list[int] = []  # Swiss matches deleted by a correction

    async def get(self, number: int) -> Match:
        found = self._by_number.get(number)
        if found is None:
            if self._complete:
                raise KeyError(number)
            found = (await self.session.exec(select(Match).where(
                Match.stage_id == self.stage_id, Match.number == number))).one()
            self._by_number[number] = found
        return found

    async def prefetch(self, numbers: list[int | None]) -> None:
        """Load the given matches in one query (the targets a result is about to reach)."""
        wanted = [n for n in numbers if n is not None and n not in self._by_number]
        if not wanted or self._complete:
            return
        rows = await self.session.exec(select(Match).where(
            Match.stage_id == self.stage_id, col(Match.number).in_(wanted)))
        for m in rows.all():
            self._by_number[m.number] = m

    def remember(self, match: Match) -> None:
        self._by_number[match.number] = match

    def touch(self, match: Match) -> None:
        match.version += 1
        match.updated_at = utcnow()
        self.changed[match.number] = match


async def propagate(b: Bracket, m: Match) -> None:
    """Send ``m``'s winner and loser (or 'not decided yet') on, and on from there."""
    pending = [m]
    while pending:
        source = pending.pop()
        await b.prefetch([source.winner_to, source.loser_to])
        for target, slot, team, decided in sends(source):
            dest = await b.get(target)
            placed = place(dest, slot, team, decided, b.withdrawn)
            if placed.changed:
                b.touch(dest)
            if placed.reset:
                b.reset[dest.number] = dest
            if dest.conditional and dest.active != reset_wanted(source):
                dest.active = not dest.active
                b.touch(dest)
            if placed.outcome_changed:
                pending.append(dest)

