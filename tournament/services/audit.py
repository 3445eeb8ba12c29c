"""The audit trail: every change to a result, schedule, stage, team, tournament or user,
with when, who (user id and name), how (``session``, ``token`` or ``cli``), what (``action``
on ``target: {type, id}``) and the target's state ``before`` and ``after``.

Entries are written in the transaction of the change they describe, so a change that
rolls back (a 409, a refused correction) leaves none, and a committed one always has its
entry. ``snapshot_*`` read a target's state for ``before`` after taking the tournament's
write lock, so no concurrent writer can slip in between that read and the change."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import bindparam, insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import direct, views
from ..db import connection
from ..models import AuditEntry, Event, Match, Stage, Team, Tournament, utcnow
from .actors import Actor
from .context import lock_tournament
from .locked import Locked
from .sql_store import load_match
from .stage_reads import stage_matches
from .tournaments import players_of

Target = tuple[str, int | str | None]
State = Mapping[str, Any] | None


_COLUMNS = ("at", "tournament_id", "actor_id", "actor_name", "via", "action", "target_type",
            "target_id", "before", "after")
_INSERT = insert(AuditEntry.__table__).values(  # type: ignore[attr-defined]
    {c: bindparam(c) for c in _COLUMNS})
_TOURNAMENT_OF_MATCH = select(Match.__table__.c.tournament_id).where(  # type: ignore[attr-defined]
    Match.__table__.c.id == bindparam("id"))  # type: ignore[attr-defined]


async def record(session: AsyncSession, actor: Actor, action: str, target: Target,
                 before: State, after: State, tournament_id: int | None) -> None:
    """One entry, written at once (a statement built once; no ORM object to flush)."""
    await direct.run_many(await connection(session), _INSERT, [{
        "at": utcnow(), "tournament_id": tournament_id, "actor_id": actor.user_id,
        "actor_name": actor.name[:100], "via": actor.via, "action": action,
        "target_type": target[0], "target_id": str(target[1]), "before": _plain(before),
        "after": _plain(after)}])


def _plain(state: State) -> dict[str, Any] | None:
    """A state as JSON stores it (views may be typed dicts, with tuples inside)."""
    return None if state is None else json.loads(json.dumps(state, default=str))


def entry_view(e: AuditEntry, slug: str | None = None) -> dict[str, Any]:
    ident: int | str = int(e.target_id) if e.target_id.isdigit() else e.target_id
    return {"id": e.id, "at": views.iso(e.at), "tournament": slug,
            "actor": {"id": e.actor_id, "name": e.actor_name}, "via": e.via,
            "action": e.action, "target": {"type": e.target_type, "id": ident},
            "before": e.before, "after": e.after}


# --- the state of each kind of target, as ``before``/``after`` record it ------------------

def match_state(view: Mapping[str, Any]) -> dict[str, Any]:
    """What an entry keeps of a match: its result, status and schedule (not the version
    bookkeeping, which every change bumps)."""
    keep = ("number", "teams", "score", "games", "maps", "game_in_play", "status", "winner",
            "draw", "forfeited_by", "scheduled_at", "stream_url", "venue", "station",
            "referee_id", "checked_in_at")
    return {k: view.get(k) for k in keep}


async def lock_match(session: AsyncSession, match_id: int) -> int | None:
    """The match's tournament id, with that tournament write-locked (None: no such match)."""
    rows = await direct.fetch(await connection(session), _TOURNAMENT_OF_MATCH,
                              {"id": match_id})
    found: int | None = rows[0][0] if rows else None
    if found is not None:
        await lock_tournament(session, found)
    return found


def locked_match_state(locked: Locked) -> dict[str, Any]:
    """``before`` of a match change, from its locked read (copied: the change then
    changes that match in place)."""
    return _plain(match_state(views.match_view(locked.match, locked.timezone))) or {}


async def snapshot_match(session: AsyncSession,
                         match_id: int) -> tuple[int | None, State]:
    """(tournament id, the match's state) with the tournament write-locked; (None, None)
    for a match that does not exist (the change itself then says so)."""
    found = await lock_match(session, match_id)
    if found is None:
        return None, None
    match = await load_match(session, match_id)
    tournament = await session.get(Tournament, found)
    if match is None or tournament is None:
        return found, None
    return found, match_state(views.match_view(match, tournament.timezone))


async def timezone_of(session: AsyncSession, tournament_id: int | None) -> str:
    """The tournament's time zone (the times of its matches' entries are said in it)."""
    found = await session.get(Tournament, tournament_id) if tournament_id else None
    return found.timezone if found is not None else "UTC"


async def snapshot_tournament(session: AsyncSession, slug: str) -> tuple[int | None, State]:
    found = (await session.exec(select(Tournament).where(Tournament.slug == slug))).first()
    if found is None or found.id is None:
        return None, None
    await lock_tournament(session, found.id)
    await session.refresh(found)
    return found.id, views.tournament_view(found)


async def snapshot_event(session: AsyncSession, slug: str,
                         event_slug: str) -> tuple[int | None, State]:
    tid, _ = await snapshot_tournament(session, slug)
    if tid is None:
        return None, None
    event = (await session.exec(select(Event).where(
        Event.tournament_id == tid, Event.slug == event_slug))).first()
    return tid, None if event is None else views.event_view(event, slug)


async def snapshot_round(session: AsyncSession, stage_id: int,
                         round_: int) -> tuple[int | None, dict[int, dict[str, Any]]]:
    """(tournament id, {match id: state}) of one round of a stage, before it is scheduled."""
    tid, _ = await snapshot_stage(session, stage_id)
    if tid is None:
        return None, {}
    tournament = await session.get(Tournament, tid)
    assert tournament is not None
    return tid, {m.id: match_state(views.match_view(m, tournament.timezone))
                 for m in await stage_matches(session, stage_id)
                 if m.round == round_ and m.id is not None}


async def tournament_of_event(session: AsyncSession, slug: str) -> int | None:
    return (await session.exec(select(Tournament.id).where(Tournament.slug == slug))).first()


async def snapshot_team(session: AsyncSession, team_id: int) -> tuple[int | None, State]:
    row = (await session.exec(select(Team, Event).join(
        Event, col(Event.id) == Team.event_id).where(Team.id == team_id))).first()
    if row is None:
        return None, None
    team, event = row
    await lock_tournament(session, event.tournament_id)
    await session.refresh(team)
    players = await players_of(session, [team_id])
    return event.tournament_id, views.team_view(team, players[team_id])


def stage_state(stage: Stage) -> dict[str, Any]:
    return views.stage_summary(stage) | {"seeding": stage.seeding,
                                          "resolutions": stage.resolutions or []}


async def snapshot_stage(session: AsyncSession, stage_id: int) -> tuple[int | None, State]:
    stage = await session.get(Stage, stage_id)
    if stage is None:
        return None, None
    await lock_tournament(session, stage.tournament_id)
    await session.refresh(stage)
    return stage.tournament_id, stage_state(stage)


USER_KEYS = ("id", "name", "role", "has_password", "tournaments", "assignments", "restricted")


async def record_user_created(session: AsyncSession, actor: Actor,
                              view: dict[str, Any]) -> None:
    """``user.create`` in the site trail, and a ``referee.assign`` in the trail of each
    tournament the new referee was assigned to."""
    state = {k: view[k] for k in USER_KEYS if k in view}
    await record(session, actor, "user.create", ("user", view["id"]), None, state, None)
    for assignment in view.get("assignments") or []:
        tid = (await session.exec(select(Tournament.id).where(
            Tournament.slug == assignment["tournament"]))).first()
        await record(session, actor, "referee.assign", ("user", view["id"]), None,
                     {"user_id": view["id"], "name": view["name"]} | assignment, tid)


def match_action(fields: set[str], before: State, after: Mapping[str, Any]) -> str:
    """What a match change was: a forfeit, a correction (a completed result changed), a
    result or status (``match.report``), a check-in (``match.check_in``), or only its
    schedule, stream, venue, station or referee (``match.schedule``)."""
    result_fields = fields & {"status", "score", "games", "forfeit"}
    if not result_fields:
        only_check_in = "checked_in" in fields and not fields - {"checked_in", "override"}
        return "match.check_in" if only_check_in else "match.schedule"
    if "forfeit" in fields and after.get("forfeited_by"):
        return "match.forfeit"
    if before and before.get("status") == "completed" and any(
            before.get(k) != after.get(k) for k in ("score", "games", "status", "winner",
                                                     "draw", "forfeited_by")):
        return "match.correct"
    return "match.report"
