"""Who goes through to a stage seeded from another stage, and why such a stage must wait.

The top ``qualifiers`` of each group go through, crossed between groups (group winners
first: A1 v B2, B1 v A2 with standard seeding). A tie the tiebreakers could not break that
decides who goes through (two teams sharing 2nd when two go through) or where they are
seeded (two teams sharing 1st) decides nothing by itself: the next
stage waits until the organizer resolves it (a tiebreaker match, or a recorded order),
rather than letting the seed list pick silently.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from .seeding import cross_qualifiers
from .slots import Place, Slot, fill, label, spoken
from .standings import line_tie

HoldCode = Literal["waiting_for_stage", "unresolved_tie", "too_few_teams"]


@dataclass(frozen=True, slots=True)
class Hold:
    """Why a stage seeded from another one has not started."""

    code: HoldCode
    stage: int  # the stage it is seeded from
    teams: tuple[int, ...] = ()
    group: int | None = None  # 1-based group of the tie, when the stage has groups
    places: tuple[int, int] | None = None  # the shared places, e.g. (2, 3)
    detail: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "stage": self.stage}
        if self.teams:
            out["teams"] = list(self.teams)
        if self.group is not None:
            out["group"] = self.group
        if self.places is not None:
            out["places"] = list(self.places)
        return out | self.detail


Ranked = Sequence[tuple[int, int | None]]  # (team, rank) in standings order


def qualifiers(source: int, groups: Mapping[int, Ranked], count: int,
               grouped: bool, slots: Sequence[Slot] | None = None) -> list[int] | Hold:
    """The seeding of the next stage, or the reason it cannot be drawn yet. With
    ``slots`` (``slots.py``) each place goes to its slot, between the teams that enter
    directly; without, the qualifiers are crossed between groups."""
    for group in sorted(groups):
        ranked = groups[group]
        tied = line_tie(ranked, count) or _seeding_tie(ranked, count)
        if tied:
            rank = next(r for t, r in ranked if t == tied[0])
            assert rank is not None
            return Hold("unresolved_tie", source, tuple(tied), group if grouped else None,
                        (rank, rank + len(tied) - 1))
    teams = {g: [t for t, _ in ranked] for g, ranked in groups.items()}
    if slots is not None:
        filled = fill(slots, teams)
        if isinstance(filled, tuple):  # a group smaller than the slots expected
            return missing_place(source, filled, grouped)
        if len(set(filled)) != len(filled):  # a direct team that also qualified
            return Hold("too_few_teams", source, teams=tuple(
                t for t in dict.fromkeys(filled) if filled.count(t) > 1))
        return filled
    seeding = cross_qualifiers(teams, count)
    if len(seeding) < 2:
        return Hold("too_few_teams", source, detail={"qualifiers": len(seeding)})
    return seeding


def missing_place(source: int, slot: Place, grouped: bool) -> Hold:
    """The stage waits for a place of ``source`` that no team holds (its group smaller
    than the slots expected): the hold names it, ``group`` only for a stage with groups
    (a stage without has no group 1 to name), ``slot`` as slots are written ("B3", "3")
    and ``message`` in words."""
    group, place = slot
    return Hold("too_few_teams", source, group=group if grouped else None,
                places=(place, place), detail={
                    "slot": label(slot, grouped),
                    "message": f"Waiting for {spoken(slot, grouped)} of the earlier stage, "
                               "which no team holds: a slot of this stage takes it."})


def _seeding_tie(ranked: Ranked, count: int) -> list[int]:
    """Teams sharing a place among the top ``count`` (their order decides the seeding)."""
    top = ranked[:count]
    for _, rank in top:
        shared = [t for t, r in top if r == rank and rank is not None]
        if len(shared) > 1:
            return shared
    return []
