"""Every change an organizer or referee makes, together with its audit-trail entry, in the
caller's transaction. The JSON API and the console pages both call these, so a change made
in the browser is recorded exactly like the same change made by a script."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..schemas import (
    EventCreate,
    MatchUpdate,
    StageCreate,
    TeamCreate,
    TiebreakerCreate,
    TieResolution,
    TournamentCreate,
    TournamentUpdate,
)
from ..schemas_edit import EventUpdate, RoundSchedule, StageUpdate, TeamUpdate
from ..schemas_transfer import Export
from . import (
    audit,
    entries,
    matches,
    plan_edits,
    repairs,
    schedule,
    stage_edits,
    stages,
    team_import,
    ties,
    tournaments,
    transfer,
    withdrawal_forfeits,
    withdrawals,
)
from .actors import Actor
from .audit import record
from .locked import load_locked
from .place_renames import Moved

Session = Any  # an AsyncSession (kept loose: the pages hand in the same object)


def _plain(view: Mapping[str, Any]) -> dict[str, Any]:
    return dict(view)


async def create_tournament(session: Session, actor: Actor,
                            body: TournamentCreate) -> dict[str, Any]:
    made = _plain(await tournaments.create_tournament(session, body))
    after = {k: v for k, v in made.items() if k not in ("events", "nations")}
    await record(session, actor, "tournament.create", ("tournament", made["id"]), None,
                 after, made["id"])
    return made


async def update_tournament(session: Session, actor: Actor, slug: str,
                            body: TournamentUpdate) -> dict[str, Any]:
    """The tournament's entry, and (a venue or station renamed) one ``match.schedule``
    entry per match and one ``round_plan.save`` per round plan that took the new name."""
    tid, before = await audit.snapshot_tournament(session, slug)
    moved = Moved()
    after = _plain(await tournaments.update_tournament(session, slug, body, moved))
    await record(session, actor, "tournament.update", ("tournament", after["id"]), before,
                 after, tid)
    for match_id, was, now in moved.matches:
        await record(session, actor, "match.schedule", ("match", match_id), was, now, tid)
    for stage_id, was, now in moved.plans:
        await record(session, actor, "round_plan.save", ("stage", stage_id), was, now, tid)
    return after


async def delete_tournament(session: Session, actor: Actor, slug: str) -> dict[str, Any]:
    tid, before = await audit.snapshot_tournament(session, slug)
    gone = await entries.delete_tournament(session, slug)
    # the tournament's own trail goes with it: the entry stays in the site's trail
    await record(session, actor, "tournament.delete", ("tournament", tid), before, None, None)
    return gone


async def create_event(session: Session, actor: Actor, slug: str,
                       body: EventCreate) -> dict[str, Any]:
    made = _plain(await tournaments.create_event(session, slug, body))
    after = {k: v for k, v in made.items() if k not in ("teams", "stages", "placements")}
    await record(session, actor, "event.create", ("event", made["id"]), None, after,
                 await audit.tournament_of_event(session, slug))
    return made


async def update_event(session: Session, actor: Actor, slug: str, event: str,
                       body: EventUpdate) -> dict[str, Any]:
    tid, before = await audit.snapshot_event(session, slug, event)
    after = _plain(await entries.update_event(session, slug, event, body))
    await record(session, actor, "event.update", ("event", after["id"]), before, after, tid)
    return after


async def delete_event(session: Session, actor: Actor, slug: str,
                       event: str) -> dict[str, Any]:
    tid, before = await audit.snapshot_event(session, slug, event)
    gone = await entries.delete_event(session, slug, event)
    await record(session, actor, "event.delete", ("event", (before or {}).get("id")), before,
                 None, tid)
    return gone


async def create_team(session: Session, actor: Actor, slug: str, event: str,
                      body: TeamCreate) -> dict[str, Any]:
    made = _plain(await tournaments.create_team(session, slug, event, body))
    await record(session, actor, "team.create", ("team", made["id"]), None, made,
                 await audit.tournament_of_event(session, slug))
    return made


async def import_teams(session: Session, actor: Actor, slug: str, event: str,
                       raw: bytes) -> dict[str, Any]:
    made = await team_import.import_teams(session, slug, event, raw)
    tid = await audit.tournament_of_event(session, slug)
    for team in made["teams"]:
        await record(session, actor, "team.import", ("team", team["id"]), None, team, tid)
    return made


async def update_team(session: Session, actor: Actor, team_id: int,
                      body: TeamUpdate) -> dict[str, Any]:
    tid, before = await audit.snapshot_team(session, team_id)
    after = _plain(await entries.update_team(session, team_id, body))
    await record(session, actor, "team.update", ("team", team_id), before, after, tid)
    return after


async def delete_team(session: Session, actor: Actor, team_id: int) -> dict[str, Any]:
    tid, before = await audit.snapshot_team(session, team_id)
    gone = await entries.delete_team(session, team_id)
    await record(session, actor, "team.delete", ("team", team_id), before, None, tid)
    return gone


async def withdraw_team(session: Session, actor: Actor, team_id: int,
                        reason: str) -> dict[str, Any]:
    """The team's entry, and one ``match.withdrawal`` in the history of each match the
    withdrawal forfeited (naming the team and why)."""
    tid, before = await audit.snapshot_team(session, team_id)
    forfeits: list[repairs.Repair] = []
    view = _plain(await withdrawals.withdraw(session, team_id, reason, forfeits))
    await record(session, actor, "team.withdraw", ("team", team_id), before, view, tid)
    await _record_forfeits(session, actor, forfeits, await audit.timezone_of(session, tid),
                           tid)
    return view


async def _record_forfeits(session: Session, actor: Actor, forfeits: list[repairs.Repair],
                           tz: str, tid: int | None) -> None:
    for r in forfeits:
        was, now = withdrawal_forfeits.entry_states(r, tz)
        await record(session, actor, "match.withdrawal", ("match", r.before.id), was, now,
                     tid)


async def create_stage(session: Session, actor: Actor, slug: str, event: str,
                       body: StageCreate) -> dict[str, Any]:
    made = _plain(await stages.create_stage(session, slug, event, body))
    tid, after = await audit.snapshot_stage(session, made["id"])
    await record(session, actor, "stage.create", ("stage", made["id"]), None, after, tid)
    return made


async def update_stage(session: Session, actor: Actor, stage_id: int,
                       body: StageUpdate, whole_settings: bool = False) -> dict[str, Any]:
    tid, before = await audit.snapshot_stage(session, stage_id)
    view = _plain(await stage_edits.update_stage(session, stage_id, body, whole_settings))
    _, after = await audit.snapshot_stage(session, stage_id)
    await record(session, actor, "stage.update", ("stage", stage_id), before, after, tid)
    return view


async def start_stage(session: Session, actor: Actor, stage_id: int) -> dict[str, Any]:
    tid, before = await audit.snapshot_stage(session, stage_id)
    view = _plain(await stage_edits.start_stage(session, stage_id))
    _, after = await audit.snapshot_stage(session, stage_id)
    await record(session, actor, "stage.start", ("stage", stage_id), before, after, tid)
    return view


async def delete_stage(session: Session, actor: Actor, stage_id: int,
                       confirm: bool) -> dict[str, Any]:
    tid, before = await audit.snapshot_stage(session, stage_id)
    gone = await stage_edits.delete_stage(session, stage_id, confirm)
    await record(session, actor, "stage.delete", ("stage", stage_id), before, None, tid)
    return gone


async def add_tiebreaker(session: Session, actor: Actor, stage_id: int,
                         body: TiebreakerCreate) -> dict[str, Any]:
    tid, before = await audit.snapshot_stage(session, stage_id)
    made = _plain(await ties.add_tiebreaker(session, stage_id, body))
    await record(session, actor, "stage.tiebreaker", ("stage", stage_id), before,
                 {"match": audit.match_state(made)}, tid)
    return made


async def resolve_tie(session: Session, actor: Actor, stage_id: int,
                      body: TieResolution) -> dict[str, Any]:
    tid, before = await audit.snapshot_stage(session, stage_id)
    view = _plain(await ties.resolve(session, stage_id, body))
    _, after = await audit.snapshot_stage(session, stage_id)
    await record(session, actor, "stage.ties", ("stage", stage_id), before, after, tid)
    return view


async def update_match(session: Session, actor: Actor, match_id: int, body: MatchUpdate,
                       if_match: int | None) -> dict[str, Any]:
    tid = await audit.lock_match(session, match_id)
    locked = await load_locked(session, match_id)  # the change's own read: NotFound if gone
    before = audit.locked_match_state(locked)
    repaired: list[repairs.Repair] = []
    forfeits: list[repairs.Repair] = []
    changed = await matches.update_match(session, match_id, body, actor, if_match, locked,
                                         repaired, forfeits)
    after = audit.match_state(changed)
    if changed["reset_matches"]:
        after["reset_matches"] = changed["reset_matches"]
    action = audit.match_action(body.model_fields_set, before, after)
    await record(session, actor, action, ("match", match_id), before, after, tid)
    # every other match it changed on its way, in that match's own history
    cause = {"match": match_id, "number": changed["number"], "action": action}
    for r in repaired:
        was, now = repairs.entry_states(r, locked.timezone, cause)
        await record(session, actor, "match.repair", ("match", r.before.id), was, now, tid)
    # a withdrawn team sent on by this result forfeits the match it reached
    await _record_forfeits(session, actor, forfeits, locked.timezone, tid)
    return changed


async def schedule_round(session: Session, actor: Actor, stage_id: int,
                         body: RoundSchedule) -> list[dict[str, Any]]:
    """A whole round at once; one ``match.schedule`` entry per match it moved."""
    tid, before = await audit.snapshot_round(session, stage_id, body.round)
    done = [_plain(m) for m in await schedule.schedule_round(session, stage_id, body)]
    for m in done:
        after = audit.match_state(m)
        if before.get(m["id"]) != after:
            await record(session, actor, "match.schedule", ("match", m["id"]),
                         before.get(m["id"]), after, tid)
    return done


async def save_round_plan(session: Session, actor: Actor, stage_id: int,
                          body: RoundSchedule, plan_id: int | None = None) -> dict[str, Any]:
    """A round planned ahead (``round_plan.save`` on the stage), or, for a round that
    already has matches, the round scheduled now (``match.schedule`` entries)."""
    tid, before = await audit.snapshot_round(session, stage_id, body.round)
    done = await (plan_edits.save_plan(session, stage_id, body) if plan_id is None
                  else plan_edits.update_plan(session, stage_id, plan_id, body))
    done["matches"] = [_plain(m) for m in done["matches"]]
    for m in done["matches"]:
        after = audit.match_state(m)
        if before.get(m["id"]) != after:
            await record(session, actor, "match.schedule", ("match", m["id"]),
                         before.get(m["id"]), after, tid)
    if done["plan"] is not None:
        await record(session, actor, "round_plan.save", ("stage", stage_id), None,
                     done["plan"], tid)
    return done


async def delete_round_plan(session: Session, actor: Actor, stage_id: int,
                            plan_id: int) -> dict[str, Any]:
    tid, _ = await audit.snapshot_stage(session, stage_id)
    gone = await plan_edits.delete_plan(session, stage_id, plan_id)
    await record(session, actor, "round_plan.delete", ("stage", stage_id), gone, None, tid)
    return gone


async def import_tournament(session: Session, actor: Actor, doc: Export) -> dict[str, Any]:
    made = await transfer.import_tournament(session, doc)
    await record(session, actor, "tournament.import", ("tournament", made["id"]), None,
                 {"slug": made["slug"], "events": made["events"],
                  "exported_at": doc.exported_at}, made["id"])
    return made
