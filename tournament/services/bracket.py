"""Progression over stored matches: fill a slot, settle byes, send winners and losers on.

Each step touches one match and the one or two matches its plan links point to, so a
report costs the same at 8 teams and at 8,192. A correction walks the same links and
clears exactly the results that depended on the changed one.
"""

from __future__ import annotations

from sqlmodel import select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..formats.progression import bye_winner, outcome_teams, slots_status
from ..models import Match, utcnow

Outcome = tuple[int | None, int | None, bool]  # winner team, loser team, decided


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

    def remember(self, match: Match) -> None:
        self._by_number[match.number] = match

    def touch(self, match: Match) -> None:
        match.version += 1
        match.updated_at = utcnow()
        self.changed[match.number] = match


def teams_of(m: Match) -> list[int | None]:
    return [m.team1_id, m.team2_id]


def was_played(m: Match) -> bool:
    """A real result (live or final) between two teams, as opposed to a bye."""
    return m.status in ("live", "completed") and m.team1_id is not None \
        and m.team2_id is not None


def outcome(m: Match) -> Outcome:
    if m.status != "completed" or not m.active:
        return None, None, False
    winner, loser = outcome_teams(teams_of(m), m.winner)
    return winner, loser, True


def clear_result(m: Match) -> None:
    m.score1 = m.score2 = 0
    m.games = None
    m.winner = None
    m.draw = False
    m.forfeit = None


def settle(m: Match) -> None:
    """Status from the slots: pending, ready, or an automatic bye / empty result."""
    state = slots_status(teams_of(m), [m.filled1, m.filled2])
    if state == "pending":
        m.status, m.winner = "pending", None
    elif state == "ready":
        if m.status == "pending":
            m.status = "ready"
    else:
        clear_result(m)
        m.status = "completed"
        m.winner = bye_winner(teams_of(m))


async def fill(b: Bracket, number: int, slot: int, team: int | None, filled: bool) -> None:
    m = await b.get(number)
    current = (m.team1_id, m.filled1) if slot == 0 else (m.team2_id, m.filled2)
    if current == (team, filled):
        return
    before = outcome(m)
    if was_played(m):
        clear_result(m)
        m.status = "ready"
        b.reset[m.number] = m
    elif m.status == "completed":  # an automatic bye result, decided again below
        clear_result(m)
        m.status = "pending"
    if slot == 0:
        m.team1_id, m.filled1 = team, filled
    else:
        m.team2_id, m.filled2 = team, filled
    settle(m)
    walkover(b, m)
    b.touch(m)
    if outcome(m) != before:
        await propagate(b, m)


def walkover(b: Bracket, m: Match) -> None:
    """A ready match with a withdrawn or disqualified team is forfeited by that team."""
    if m.status != "ready" or not b.withdrawn:
        return
    for side, team in ((1, m.team1_id), (2, m.team2_id)):
        if team in b.withdrawn:
            clear_result(m)
            m.forfeit, m.winner, m.status = side, 3 - side, "completed"
            return


async def propagate(b: Bracket, m: Match) -> None:
    """Send ``m``'s winner and loser (or 'not decided yet') to the matches it feeds."""
    winner, loser, decided = outcome(m)
    for target, slot, team in ((m.winner_to, m.winner_slot, winner),
                               (m.loser_to, m.loser_slot, loser)):
        if target is None or slot is None:
            continue
        await fill(b, target, slot, team, decided)
        dest = await b.get(target)
        if dest.conditional:
            active = decided and m.winner == 2
            if dest.active != active:
                dest.active = active
                b.touch(dest)


async def reopen(b: Bracket, m: Match) -> None:
    """Clear ``m``'s own result (admin correction back to ready)."""
    before = outcome(m)
    clear_result(m)
    m.status = "ready" if m.team1_id is not None and m.team2_id is not None else m.status
    b.touch(m)
    if outcome(m) != before:
        await propagate(b, m)
