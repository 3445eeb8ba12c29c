"""The nation table: points by event placements, plus matches between nations."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class EventPlacement:
    ranks: dict[int, int]  # team id -> final rank (decided ranks only)
    completed: bool


@dataclass(slots=True)
class NationRow:
    nation: str
    rank: int = 0
    points: int = 0
    event_wins: int = 0
    match_wins: int = 0
    match_losses: int = 0
    teams: set[int] = field(default_factory=set)
    decider_place: int | None = None  # its best team's place in the decider event
    tiebreak: str | None = None  # the rule that placed it among nations level on points

    def as_dict(self) -> dict[str, object]:
        return {"nation": self.nation, "rank": self.rank, "points": self.points,
                "event_wins": self.event_wins, "match_wins": self.match_wins,
                "match_losses": self.match_losses, "decider_place": self.decider_place,
                "tiebreak": self.tiebreak}


# the rules after points, in the order they apply (``tiebreak`` names one of them)
TIEBREAKS = ("decider", "event_wins", "match_difference")


def nation_table(
    team_nation: dict[int, str | None],
    events: list[EventPlacement],
    matches: Sequence[tuple[int | None, int | None, int | None]],
    points: list[int],
    *,
    every_team: bool = False,
    decider: int | None = None,
) -> list[NationRow]:
    """Rows ranked by points, then event wins (an event's sole 1st), then match wins minus
    losses; equal rows share a rank. With ``every_team`` each placed team scores; otherwise
    only the best placed team of each nation in each event does.

    ``decider`` (an index into ``events``) names the event whose result splits nations level
    on points before any other rule (ECEA's host-nominated title): the better place of each
    nation's best team there, a nation with no placed team there after. It applies once that
    event is completed with placements (a place decided while the event is still played
    would put a nation knocked out early before one still playing). Each row's
    ``tiebreak`` is the rule (``TIEBREAKS``) that set it apart from the nations level with it
    on points, or None (alone on its points, or sharing its rank)."""
    rows: dict[str, NationRow] = {}

    def row(nation: str) -> NationRow:
        return rows.setdefault(nation, NationRow(nation))

    for code in {n for n in team_nation.values() if n}:
        row(code)
    for event in events:
        # an event is won by its sole 1st: a 1st shared in a tie the organizer has not broken
        # names no champion (as the event page shows none), though each team sharing a place
        # scores that place's points, as a shared Olympic gold counts for each; a 1st shared
        # by two teams of one nation is still that nation's win
        firsts = {team_nation.get(team) for team, rank in event.ranks.items() if rank == 1}
        best: dict[str, list[int]] = {}
        for team, rank in event.ranks.items():
            nation = team_nation.get(team)
            if nation:
                best.setdefault(nation, []).append(rank)
        for nation, ranks in best.items():
            counted = sorted(ranks) if every_team else [min(ranks)]
            for rank in counted:
                if 1 <= rank <= len(points):
                    row(nation).points += points[rank - 1]
            if firsts == {nation}:
                row(nation).event_wins += 1
    for a, b, winner in matches:
        na, nb = team_nation.get(a or -1), team_nation.get(b or -1)
        if not na or not nb or na == nb or winner not in (1, 2):
            continue
        win, lose = (na, nb) if winner == 1 else (nb, na)
        row(win).match_wins += 1
        row(lose).match_losses += 1

    applies = decider is not None and 0 <= decider < len(events) \
        and events[decider].completed and bool(events[decider].ranks)
    if applies:
        assert decider is not None
        places: dict[str, int] = {}
        for team, rank in events[decider].ranks.items():
            nation = team_nation.get(team)
            if nation:
                places[nation] = min(rank, places.get(nation, rank))
        for nation, place in places.items():
            row(nation).decider_place = place
    unplaced = 1 + max((r.decider_place or 0 for r in rows.values()), default=0)

    def after_points(r: NationRow) -> tuple[int, int, int]:
        return ((r.decider_place or unplaced) if applies else 0, -r.event_wins,
                -(r.match_wins - r.match_losses))

    def key(r: NationRow) -> tuple[int, tuple[int, int, int]]:
        return (-r.points, after_points(r))

    ordered = sorted(rows.values(), key=lambda r: (key(r), r.nation))
    for i, r in enumerate(ordered):
        r.rank = ordered[i - 1].rank if i and key(ordered[i - 1]) == key(r) else i + 1
    for r in ordered:
        r.tiebreak = _tiebreak(after_points(r), [after_points(o) for o in ordered
                                                 if o is not r and o.points == r.points])
    return ordered


def _tiebreak(mine: tuple[int, ...], level: list[tuple[int, ...]]) -> str | None:
    """The rule that sets a row apart from every row level with it on points: the latest
    of the first rules that split it from each (None when none is level or one is equal)."""
    if not level or mine in level:
        return None
    return TIEBREAKS[max(next(i for i, (a, b) in enumerate(zip(mine, other, strict=True))
                             if a != b) for other in level)]


@dataclass(slots=True)
class NationPair:
    """Head-to-head of two nations: every completed match between their teams."""

    nations: tuple[str, str]  # in code order
    wins: list[int]  # wins of nations[0], of nations[1]
    draws: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"nations": list(self.nations), "wins": list(self.wins), "draws": self.draws}


def nation_pairs(
    team_nation: dict[int, str | None],
    matches: Sequence[tuple[int | None, int | None, int | None]],
    order: Sequence[str] = (),
) -> list[NationPair]:
    """Every pair of nations that have teams (Korea – Japan, Korea – China, Japan – China),
    with the matches between them; ``winner`` None in a completed match is a draw. Each
    pair names its nations in ``order`` (the nation table's), else by code."""
    codes = {n for n in team_nation.values() if n}
    present = [n for n in order if n in codes] + sorted(codes - set(order))
    pairs = {(a, b): NationPair((a, b), [0, 0]) for i, a in enumerate(present)
             for b in present[i + 1:]}
    for a, b, winner in matches:
        na, nb = team_nation.get(a or -1), team_nation.get(b or -1)
        if not na or not nb or na == nb:
            continue
        pair = pairs[(na, nb)] if (na, nb) in pairs else pairs[(nb, na)]
        if winner not in (1, 2):
            pair.draws += 1
            continue
        won = na if winner == 1 else nb
        pair.wins[pair.nations.index(won)] += 1
    return list(pairs.values())
