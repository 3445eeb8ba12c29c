"""A stage's standings and the event places it gives, from its stored matches, by the
stage's format."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from ..formats import registry
from ..formats.results import Row
from ..formats.state import MatchState
from ..formats.types import StageStatus
from ..models import Stage
from ..views import Placement
from .annulment import NO_WITHDRAWALS, Withdrawals, counted_out


def table(stage: Stage, matches: Sequence[MatchState],
          withdrawn: Withdrawals = NO_WITHDRAWALS) -> list[Row]:
    teams = list(stage.seeding or [])
    if not teams:
        return []  # a stage that has not started has no standings
    fmt = registry.get(stage.format)
    return fmt.standings(
        teams, [m.result() for m in matches if m.active],
        fmt.parse_settings(stage.settings or {}),
        resolutions=[r["teams"] for r in stage.resolutions or []],
        withdrawn=counted_out(stage, withdrawn),
        complete=stage.status == StageStatus.COMPLETED,
        seeding_method=stage.seeding_method,  # type: ignore[arg-type]
        withdrawn_at=withdrawn.at)


def rows(stage: Stage, matches: Sequence[MatchState],
         withdrawn: Withdrawals = NO_WITHDRAWALS) -> list[dict[str, Any]]:
    """Standings rows as the API shows them (``group`` in grouped stages)."""
    return [r.as_dict() for r in table(stage, matches, withdrawn)]


def places(stage: Stage, matches: Sequence[MatchState],
           withdrawn: Withdrawals = NO_WITHDRAWALS) -> list[Placement]:
    """The final ranks this stage has decided for the event so far."""
    fmt = registry.get(stage.format)
    rows = table(stage, matches, withdrawn)
    placed = fmt.event_places(rows, fmt.parse_settings(stage.settings or {}),
                              stage.status == StageStatus.COMPLETED)
    # a knockout knows a range before all of it is out (5th-8th after one quarterfinal);
    # otherwise the range is the teams placed at the same rank
    known = {r.team_id: r.last for r in rows}
    together = Counter(rank for _, rank in placed)
    return [{"team_id": team, "rank": rank,
             "last": max(known.get(team) or rank, rank + together[rank] - 1)}
            for team, rank in placed]
