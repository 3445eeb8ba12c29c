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

    @property
    def reset(self) -> bool:
        """Its result (or score in play) was cleared."""
        return was_played(self.before)


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


def found(changes: Changes, target: int,
          first: Callable[[int], MatchState | None]) -> list[Repair]:
    """The repairs of a step that changed match ``target`` (by number); ``first``: a
    match as the step first read it (``SqlStore.first``)."""
    out = []
    for m in changes.ordered():
        was = first(m.number)
        if m.number != target and m.number not in changes.added and was is not None \
                and repaired(was, m):
            out.append(Repair(was, m))
    for m in changes.dropped:
        was = first(m.number)
        if was is not None:
            out.append(Repair(was, None))
    return out


def entry_states(r: Repair, tz: str, cause: dict[str, Any]) -> tuple[dict[str, Any],
                                                                      dict[str, Any] | None]:
    """``before`` and ``after`` of the match's ``match.repair`` entry; ``after`` names the
    cause ``{match, number, action}`` (a withdrawn match's is only the cause)."""
    after = match_state(views.match_view(r.after, tz)) if r.after is not None else {}
    return match_state(views.match_view(r.before, tz)), after | {"cause": cause}


def move(r: Repair) -> dict[str, Any]:
    """What the preview says of it: which match, its teams before and after (None:
    withdrawn), and whether a result played on is cleared."""
    return {"match": r.before.id, "number": r.before.number,
            "teams_before": list(_teams(r.before)),
            "teams_after": list(_teams(r.after)) if r.after is not None else None,
            "reset": r.reset}
