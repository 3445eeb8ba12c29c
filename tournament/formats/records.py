"""Each team's record (wins, losses, draws, opponents) from results, and Buchholz: the one
source of both for Swiss pairing, standings and the pages that group Swiss rounds by
record. A bye is a win without an opponent; tiebreaker matches count for no record."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .results import MatchResult


@dataclass(slots=True)
class Record:
    wins: int = 0
    losses: int = 0
    draws: int = 0
    opponents: list[int] = field(default_factory=list)  # in order of play
    byes: int = 0

    @property
    def difference(self) -> int:
        return self.wins - self.losses


def _add(table: dict[int, Record], r: MatchResult) -> None:
    if not r.completed or r.is_tiebreaker:
        return
    a, b = r.teams
    if a is None or b is None:
        present = a if a is not None else b
        if present is not None:
            rec = table.setdefault(present, Record())
            rec.wins += 1
            rec.byes += 1
        return
    ra, rb = table.setdefault(a, Record()), table.setdefault(b, Record())
    ra.opponents.append(b)
    rb.opponents.append(a)
    if r.draw:
        ra.draws += 1
        rb.draws += 1
    elif r.winner in (1, 2):
        won, lost = (ra, rb) if r.winner == 1 else (rb, ra)
        won.wins += 1
        lost.losses += 1


def records(results: Iterable[MatchResult], teams: Iterable[int] = ()) -> dict[int, Record]:
    """Every team's record over the completed results, in order of play."""
    table = {t: Record() for t in teams}
    for r in sorted(results, key=lambda r: (r.round, r.number)):
        _add(table, r)
    return table


def buchholz(team: int, table: Mapping[int, Record]) -> int:
    """Valve's Difficulty Score: the sum of every opponent's current wins minus losses
    (``buchholz_values``)."""
    return sum(buchholz_values(team, table))


def buchholz_values(team: int, table: Mapping[int, Record]) -> list[int]:
    """What each round adds to Buchholz: its opponent's current wins minus losses. A bye is
    a round without an opponent: it counts as a game against the team itself (its own wins
    minus losses), the rule for unplayed rounds of FIDE's tie-break regulations (2023
    onwards, article 16), rather than as an opponent worth 0. The median Buchholz drops
    the best and the worst of these values."""
    rec = table[team]
    return ([table[o].difference for o in rec.opponents if o in table]
            + [rec.difference] * rec.byes)


def _from_view(m: Mapping[str, Any]) -> MatchResult:
    a, b = m["teams"]
    return MatchResult(number=m["number"], round=m["round"], bracket=m["bracket"],
                       group=m.get("group"), teams=(a, b), score=(m["score"][0], m["score"][1]),
                       winner=m["winner"], completed=m["status"] == "completed",
                       draw=m["draw"])


def records_before_rounds(matches: Sequence[Mapping[str, Any]]) -> dict[int, dict[int, Record]]:
    """For each round of ``matches`` (match views), every team's record before it."""
    results = [_from_view(m) for m in matches]
    out: dict[int, dict[int, Record]] = {}
    table: dict[int, Record] = {}
    for r in sorted({x.round for x in results}):
        out[r] = {t: Record(rec.wins, rec.losses, rec.draws, list(rec.opponents), rec.byes)
                  for t, rec in table.items()}
        for x in sorted((x for x in results if x.round == r), key=lambda x: x.number):
            _add(table, x)
    return out
