"""Why a change of a finished stage cannot reach a stage already played from it (409
``next_stage_started``): the change is saved only when the stage seeded from it would get
the very same teams in the very same seeds (``waiting.follow`` checks); otherwise the
refusal says what would change there and how the organizer goes back.

``params.reason``:

- ``reopens``: the change leaves this stage unfinished (a Swiss round paired again, a match
  to play again: ``matches``), so it sends no teams until it is finished again;
  ``unfinished`` the same where it names no such match;
- ``tie``: its new standings tie teams across the qualification line (``tied``);
- ``teams``: other teams go through (``joining`` in place of ``leaving``);
- ``seeds``: the same teams go through in other seeds (``moved``: "Team (2 → 3)").

Each list of teams, said by name, has its twin of team ids in the same order for an
integration (``tied_ids``, ``joining_ids``, ``leaving_ids``, ``moved_ids``; a move's seeds
as numbers in ``moved_seeds``: ``[[2, 3]]``).

Every one names the later stage (``stage``, ``stage_id``) and its matches with a result
(``results``, M numbers). The way back the service offers: clear that stage's results (delete
it in the console and create it again; or, through the API, reopen each of those matches
with ``status: ready``), then make the change; the later stage starts again from the new
standings.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from ..errors import Conflict
from ..formats.qualification import Hold
from ..formats.state import MatchState
from ..models import Stage, Team

WAY_BACK = ("To make it, clear {stage}'s results first: delete {stage} on its console page "
            "(its results go with it) and create it again, or reopen those matches "
            "(status ready); it then starts from the corrected standings.")


async def _names(session: AsyncSession, ids: Sequence[int | None]) -> dict[int, str]:
    wanted = [t for t in ids if t is not None]
    if not wanted:
        return {}
    rows = (await session.exec(select(Team).where(col(Team.id).in_(wanted)))).all()
    return {t.id: t.name for t in rows if t.id is not None}


async def refusal(session: AsyncSession, stage: Stage, played: Sequence[MatchState],
                  now: list[int] | Hold | None, undone: Sequence[int] = ()) -> Conflict:
    """The refusal of a change of the stage ``stage`` is seeded from, which has results
    (``played``). ``now``: the teams it would take from the changed standings (None: the
    changed stage is no longer finished); ``undone``: that stage's matches the change
    resets or pairs again."""
    results = sorted(m.number for m in played)
    params: dict[str, object] = {"stage": stage.name, "stage_id": stage.id,
                                 "results": results}
    before = [t for t in (stage.seeding or [])]
    names = await _names(session, [*before, *(now if isinstance(now, list) else
                                              now.teams if now is not None else ())])
    name = names.get
    shown = ", ".join(f"M{n}" for n in results)
    if now is None:
        # ``unfinished`` where the change names no match of its own (the words of
        # ``reopens`` list them)
        params |= {"reason": "reopens" if undone else "unfinished", "matches": sorted(undone)}
        said = (f"This change reopens this stage (its matches "
                f"{', '.join(f'M{n}' for n in sorted(undone)) or 'to play again'}), so it "
                f"would send no teams to {stage.name} until it is finished again; "
                f"{stage.name} already has results ({shown}).")
    elif isinstance(now, Hold):
        tied = [name(t) or f"#{t}" for t in now.teams]
        params |= {"reason": "tie", "tied": tied, "tied_ids": list(now.teams)}
        said = (f"With this change {', '.join(tied)} would share a place that decides who "
                f"goes through to {stage.name}, which already has results ({shown}).")
    elif set(now) != set(before):
        joining_ids = [t for t in now if t not in before]
        leaving_ids = [t for t in before if t not in now]
        joining = [name(t) or f"#{t}" for t in joining_ids]
        leaving = [name(t) or f"#{t}" for t in leaving_ids]
        params |= {"reason": "teams", "joining": joining, "leaving": leaving,
                   "joining_ids": joining_ids, "leaving_ids": leaving_ids}
        said = (f"With this change {', '.join(joining)} would go through to {stage.name} "
                f"in place of {', '.join(leaving)}; {stage.name} already has results "
                f"({shown}).")
    else:
        moved_ids = [t for i, t in enumerate(now) if before.index(t) != i]
        seeds = [[before.index(t) + 1, now.index(t) + 1] for t in moved_ids]
        moved = [f"{name(t) or f'#{t}'} ({was} → {to})"
                 for t, (was, to) in zip(moved_ids, seeds, strict=True)]
        params |= {"reason": "seeds", "moved": moved, "moved_ids": moved_ids,
                   "moved_seeds": seeds}
        said = (f"With this change the same teams go through to {stage.name} but in other "
                f"seeds ({', '.join(moved)}); {stage.name} already has results ({shown}).")
    return Conflict("next_stage_started", f"{said} {WAY_BACK.format(stage=stage.name)}",
                    params=params)
