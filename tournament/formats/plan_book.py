"""How many matches a round plan will time, and how long each lasts: what a plan books
before its round's matches exist (``services/plan_clashes.py`` checks those bookings for
clashes when a plan is saved).

* A round the stage has stored matches for (any, in play or not: a bracket reset not
  needed yet) will have those.
* A format that draws every match at once has, for a field of ``teams``, the matches of
  its draw (``Format.plan``): a stage waiting for an earlier one, its field counted by
  ``services/field_sizes.py``.
* A Swiss stage pairs as it goes: each round pairs every team still in (a bye is a match
  too), the teams counted by their records as if each pairing kept to its record (as it
  does whenever a record holds an even number of teams: 16 teams to 3 wins or 3 losses
  play 8, 8, 8, 6 and 3 matches). A decider (a match that can advance or eliminate) lasts
  ``decider_best_of``.

Unknown (no field, a draw that fails): no match, so nothing is booked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from .plan_fit import Key, draw, key
from .state import MatchState
from .swiss import SwissSettings
from .types import Bracket, MatchPlan, best_of_for


@dataclass(frozen=True, slots=True)
class Planned:
    """One match a round will have, as far as its length goes."""

    best_of: int = 1
    lobby: bool = False  # a battle royale lobby: all its games


def swiss_rounds(settings: SwissSettings, teams: int) -> dict[Key, list[Planned]]:
    """Each round's matches of a Swiss stage of ``teams`` teams (see the module's note)."""
    wins, losses = settings.wins_to_advance, settings.losses_to_eliminate
    last = [settings.rounds] if settings.rounds is not None else []
    if wins is not None and losses is not None:
        last.append(wins + losses - 1)
    records: dict[tuple[int, int], int] = {(0, 0): teams}
    out: dict[Key, list[Planned]] = {}
    for round_ in range(1, min(last, default=0) + 1):
        live = {r: n for r, n in records.items() if n and (wins is None or r[0] < wins)
                and (losses is None or r[1] < losses)}
        if sum(live.values()) < 2:
            break
        base = best_of_for(round_, settings.best_of, settings.best_of_by_round)
        planned: list[Planned] = []
        carry = 0  # a team left over in a record, paired with the next record down
        for (w, lost), n in sorted(live.items(), key=lambda x: (-x[0][0], x[0][1])):
            decider = settings.decider_best_of is not None and (
                (wins is not None and w == wins - 1)
                or (losses is not None and lost == losses - 1))
            length = settings.decider_best_of if decider and settings.decider_best_of \
                else base
            pairs, carry = divmod(n + carry, 2)
            planned += [Planned(length)] * pairs
        if carry:
            planned.append(Planned(base))  # a bye
        out[None, round_, None] = planned
        moved: dict[tuple[int, int], int] = {r: n for r, n in records.items()
                                             if r not in live}
        for (w, lost), n in live.items():
            moved[w + 1, lost] = moved.get((w + 1, lost), 0) + n - n // 2
            moved[w, lost + 1] = moved.get((w, lost + 1), 0) + n // 2
        records = moved
    return out


def drawn_rounds(fmt: Any, settings: Any, teams: int,
                 method: str = "standard") -> dict[Key, list[Planned]]:
    """Each round's matches as the format draws ``teams`` teams (``plan_fit.draw``; a
    Swiss stage's as it will pair them); empty when it cannot draw them."""
    if fmt.pairs_rounds:
        return swiss_rounds(settings, teams) if teams >= 2 else {}
    return by_round(draw(fmt, settings, teams, method))


def by_round(matches: Iterable[MatchPlan | MatchState]) -> dict[Key, list[Planned]]:
    """Matches (drawn or stored) by their bracket, round and group, in number order."""
    out: dict[Key, list[Planned]] = {}
    for m in sorted(matches, key=lambda m: m.number):
        out.setdefault(key(m), []).append(Planned(m.best_of, m.lobby is not None))
    return out


def round_size(made: Mapping[Key, list[Planned]], drawn: Mapping[Key, list[Planned]],
               round_: int, bracket: str | None, group: int | None) -> list[Planned]:
    """The matches a plan of ``round_`` (of ``bracket`` and ``group`` when given) will
    time, in order: those of the stage's stored matches (``made``) where the round has
    any, else those of its draw. A tiebreaker's are not known before they are added."""
    if bracket == Bracket.TIEBREAKER:
        return []

    def chosen(keys: Iterable[Key]) -> list[Key]:
        return sorted((k for k in keys if k[1] == round_
                       and (bracket is None or k[0] == bracket)
                       and (group is None or k[2] == group)),
                      key=lambda k: (str(k[0] or ""), k[2] or 0))
    stored = chosen(made)
    if stored:
        return [p for k in stored for p in made[k]]
    return [p for k in chosen(drawn) for p in drawn[k]]
