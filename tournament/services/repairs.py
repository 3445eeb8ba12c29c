"""The other matches a change to one match changed on its way, when that is a repair and
not plain progress: a correction sends another team on (a team that was there is replaced
or taken out), clears a result played on, or takes a match out of play. Each is recorded
in that match's own history (``match.repair``, naming the match that caused it), so who
reads it (a referee's conflict panel, ``GET /api/matches/{id}/audit``) learns how the
match changed; the preview names them (``moves``) before an admin confirms."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import views
from ..formats.machine_types import Changes
from ..formats.progression import was_played
from ..formats.state import MatchState
from .audit import match_state


@dataclass(frozen=True, slots=True)
class Repair:
    before: MatchState  # as the change found it
    after: MatchState | None  # None: withdrawn (a Swiss round paired again)
    # for each side whose team was taken out: the M number of the match it waits for again
    waits_for: tuple[int | None, int | None] = (None, None)

    @property
    def reset(self) -> bool:
        """Its result (or score in play) was cleared."""
        return was_played(self.before)

    @property
    def out_of_play(self) -> bool:
        """Taken out of play, not withdrawn: a bracket reset no longer needed (it is in no
        read any more; its own page says so)."""
        return self.after is not None and self.before.active and not self.after.active


def _teams(m: MatchState) -> tuple[int | None, int | None]:
    return m.team1_id, m.team2_id


def _result(m: MatchState) -> tuple[Any, ...]:
    return m.status, m.score1, m.score2, m.games, m.winner, m.draw, m.forfeit


def repaired(before: MatchState, after: MatchState) -> bool:
    """A team that was in the match replaced or taken out, a result played on changed,
    or the match taken out of play; not a team put into an empty slot."""
    replaced = any(b is not None and b != a
                   for b, a in zip(_teams(before), _teams(after), strict=True))
    return replaced or (was_played(before) and _result(before) != _result(after)) \
        or (before.active and not after.active)


def _feeders(matches: list[MatchState]) -> dict[tuple[int, int], int]:
    """(match, slot: 0 or 1) -> the number of the match whose result fills that slot."""
    out: dict[tuple[int, int], int] = {}
    for m in matches:
        if m.winner_to is not None and m.winner_slot is not None:
            out[(m.winner_to, m.winner_slot)] = m.number
        if m.loser_to is not None and m.loser_slot is not None:
            out[(m.loser_to, m.loser_slot)] = m.number
    return out


def _waits_for(was: MatchState, now: MatchState,
               feeders: dict[tuple[int, int], int]) -> tuple[int | None, int | None]:
    """For each side whose team was taken out (its slot empty again): the match it waits
    for (a slot is emptied only by the match feeding it, which the step changed)."""
    def one(slot: int, b: int | None, a: int | None) -> int | None:
        return feeders.get((now.number, slot)) if b is not None and a is None else None
    t1, t2 = (one(s, b, a) for s, b, a in zip((0, 1), _teams(was), _teams(now), strict=True))
    return t1, t2


def found(changes: Changes, target: int,
          first: Callable[[int], MatchState | None]) -> list[Repair]:
    """The repairs of a step that changed match ``target`` (by number); ``first``: a
    match as the step first read it (``SqlStore.first``)."""
    out = []
    source = first(target)
    feeders = _feeders([*changes.ordered(), *([source] if source is not None else [])])
    for m in changes.ordered():
        was = first(m.number)
        if m.number != target and m.number not in changes.added and was is not None \
                and repaired(was, m):
            out.append(Repair(was, m, _waits_for(was, m, feeders)))
    for m in changes.dropped:
        was = first(m.number)
        if was is not None:
            out.append(Repair(was, None))
    return out


def entry_states(r: Repair, tz: str, cause: dict[str, Any]) -> tuple[dict[str, Any],
                                                                      dict[str, Any] | None]:
    """``before`` and ``after`` of the match's ``match.repair`` entry; ``after`` names the
    cause ``{match, number, action}`` (a withdrawn match's is only the cause; a match taken
    out of play, a bracket reset no longer needed, is no state either: ``out_of_play``)."""
    before = match_state(views.match_view(r.before, tz))
    if r.out_of_play:
        return before, {"out_of_play": True, "cause": cause}
    after = match_state(views.match_view(r.after, tz)) if r.after is not None else {}
    return before, after | {"cause": cause}


def move(r: Repair) -> dict[str, Any]:
    """What the preview says of it: which match, its teams before and after (None:
    withdrawn), whether a result played on is cleared, whether it is taken out of play (a
    bracket reset no longer needed), and for each side taken out the M number of the match
    it waits for again (None: none, or not taken out)."""
    return {"match": r.before.id, "number": r.before.number,
            "teams_before": list(_teams(r.before)),
            "teams_after": list(_teams(r.after)) if r.after is not None else None,
            "reset": r.reset, "out_of_play": r.out_of_play,
            "waits_for": list(r.waits_for)}
