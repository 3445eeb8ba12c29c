"""The matches a step forfeited because a team in them had withdrawn or was disqualified
(``forfeit_reason``): the withdrawal itself, or a later result that sent such a team on to
its next match. Each is recorded in that match's own history (``match.withdrawal``,
naming the team and why; the entry's actor is who made the step), so its history says
why it ended without being played. A match the step made (a stage started or paired
again, its matches new) has no history to explain: the match itself says why
(``forfeit_reason``)."""

from __future__ import annotations

from collections.abc import Callable, Container
from typing import Any

from .. import views
from ..errors import Conflict
from ..formats.machine_types import Changes
from ..formats.state import MatchState
from .audit import match_state
from .repairs import Repair


def found(changes: Changes, first: Callable[[int], MatchState | None],
          skip: Container[int] = ()) -> list[Repair]:
    """The matches (by number, not in ``skip``) this step forfeited for a withdrawal;
    ``first``: a match as the step first read it (``SqlStore.first``)."""
    out = []
    for m in changes.ordered():
        was = first(m.number)
        if m.forfeit_reason is None or m.number in skip or m.number in changes.added \
                or was is None:
            continue
        if (was.forfeit, was.forfeit_reason) != (m.forfeit, m.forfeit_reason):
            out.append(Repair(was, m))
    return out


def refuse_change(m: MatchState, forfeit: int | None, status: str | None,
                  fields: Container[str]) -> None:
    """A referee's result (``fields``: the result fields sent) for a match a withdrawal
    forfeited (``forfeit_reason``) is refused, nothing saved: the forfeit stands while the
    withdrawal stands (a withdrawn team plays no more; the service has no reinstatement),
    so neither a score, a live status, a reopening nor a forfeit of the other side
    replaces it. The same forfeit sent again (a retry) passes, as it changes nothing. An
    admin's change to another final result is not refused: an organizer's ruling (the match
    was played before the withdrawal was recorded; ``docs/api.md``); a reopening or a live
    score is, to anyone (``progression.refuse_withdrawn``: a withdrawn team plays no more)."""
    if m.forfeit_reason is None or m.forfeit not in (1, 2):
        return
    sent = {f for f in ("status", "score", "games", "forfeit", "game") if f in fields}
    if sent <= {"forfeit", "status"} and forfeit == m.forfeit and status in (None, "completed"):
        return
    field = next(f for f in ("score", "games", "status", "forfeit", "game") if f in sent)
    how = "was disqualified" if m.forfeit_reason == "disqualified" else "withdrew"
    raise Conflict("withdrawal_forfeit",
                   f"This match was forfeited because team {m.teams[m.forfeit - 1]} {how}; "
                   "the forfeit stands while the withdrawal stands, so a referee cannot "
                   "change its result. Nothing was saved.", field,
                   params={"team": m.teams[m.forfeit - 1], "reason": m.forfeit_reason})


def cause(m: MatchState) -> dict[str, Any]:
    """The team whose withdrawal forfeited ``m``, and why it left."""
    assert m.forfeit in (1, 2)
    return {"team": m.teams[m.forfeit - 1], "reason": m.forfeit_reason,
            "action": "team.withdraw"}


def entry_states(r: Repair, tz: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """``before`` and ``after`` of the match's ``match.withdrawal`` entry; ``after`` names
    the cause ``{team, reason, action}``."""
    assert r.after is not None
    return (match_state(views.match_view(r.before, tz)),
            match_state(views.match_view(r.after, tz)) | {"cause": cause(r.after)})
