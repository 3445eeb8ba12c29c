"""Renaming a venue, and removing one, in the tournament's ``venues`` list.

A match keeps its venue as one string, copied when it was planned; the list names each venue
in three languages. A venue sent with ``renamed_from`` (the venue as the list has it, or as
matches name it) renames it everywhere: every match and round plan at the old name (alike by
NFKC, case folding and trimming, as ``venue_names.listed`` compares) takes the new one, in
the edit's transaction, each match announced on the live feed and recorded in the audit
trail as a ``match.schedule``, each plan as a ``round_plan.save``.

A listed venue left out of the list while matches or round plans still name it is refused
(409 ``venue_in_use``, naming it and how many): its translations are what spectators read
there, and dropping them would show them the bare name without a word to the organizer;
renaming it (the matches follow) or moving its matches first says what was meant."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, InvalidInput
from ..models import Match, Stage, Tournament
from .annulment import event_withdrawals
from .audit import match_state
from .naming import name_key
from .plan_edits import plan_view
from .progress import machine_for
from .round_plans import plans_of
from .steps import finish

State = dict[str, Any]


@dataclass
class Moved:
    """What a rename changed, for the audit trail: each match (id, before, after) and each
    round plan (stage id, before, after)."""

    matches: list[tuple[int, State, State]] = field(default_factory=list)
    plans: list[tuple[int, State, State]] = field(default_factory=list)


async def _in_use(session: AsyncSession, tournament_id: int) -> tuple[Counter[str], Counter[str]]:
    """How many matches, and how many round plans, name each venue (by its key)."""
    rows = await session.exec(select(Match.venue).where(
        Match.tournament_id == tournament_id, col(Match.venue).is_not(None)))
    matches = Counter(name_key(str(v)) for v in rows.all() if v)
    plans = await session.exec(select(Stage.round_plans).where(
        Stage.tournament_id == tournament_id))
    planned = Counter(name_key(str(p["venue"])) for ps in plans.all() for p in ps or []
                      if p.get("venue"))
    return matches, planned


async def renames(session: AsyncSession, tournament: Tournament,
                  sent: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The renames the list sent asks for, ``{old key: new name}``, once they and the
    venues it leaves out are checked (before anything changes): 422 ``unknown_venue`` (a
    ``renamed_from`` naming no venue listed or in use), 422 ``venue_renamed_twice`` (one
    venue renamed by two rows, or renamed and kept), 409 ``venue_in_use``."""
    assert tournament.id is not None
    matches, planned = await _in_use(session, tournament.id)
    listed = {name_key(str(v["name"])) for v in tournament.venues or []}
    kept = {name_key(str(v["name"])) for v in sent}
    out: dict[str, str] = {}
    for i, venue in enumerate(sent):
        old = venue.get("renamed_from")
        if old is None or old == venue["name"]:
            continue
        key, where = name_key(old), f"venues.{i}.renamed_from"
        if key not in listed and not matches[key] and not planned[key]:
            raise InvalidInput("unknown_venue", f"No venue of this tournament is named "
                               f"{old!r}: nothing to rename.", where, params={"name": old})
        if key in out or (key in kept and key != name_key(str(venue["name"]))):
            raise InvalidInput("venue_renamed_twice", f"The venue {old!r} is renamed twice, "
                               "or renamed and kept: its matches would be at both.", where,
                               params={"name": old})
        out[key] = str(venue["name"])
    for venue in tournament.venues or []:
        key = name_key(str(venue["name"]))
        if key not in kept and key not in out and (matches[key] or planned[key]):
            raise Conflict("venue_in_use", f"{matches[key]} match(es) and {planned[key]} "
                           f"round plan(s) are at {venue['name']!r}: rename it (they "
                           "follow), or give them another venue first.", "venues",
                           params={"name": venue["name"], "matches": matches[key],
                                   "plans": planned[key]})
    return out


def _new_name(venue: str | None, renamed: Mapping[str, str]) -> str | None:
    """The venue's new name, if a rename reaches it (and changes how it is written)."""
    if not venue:
        return None
    new = renamed.get(name_key(venue))
    return new if new is not None and new != venue else None


async def rename(session: AsyncSession, tournament: Tournament,
                 renamed: Mapping[str, str]) -> Moved:
    """Every match and round plan at a renamed venue takes the new name: each stage's
    matches through the stage's own step (versions bumped, ``match.updated`` on the feed),
    its plans in place."""
    moved = Moved()
    if not renamed:
        return moved
    assert tournament.id is not None
    tz = tournament.timezone
    rows = await session.exec(select(Match.stage_id, Match.venue).where(
        Match.tournament_id == tournament.id, col(Match.venue).is_not(None)))
    touched = {stage_id for stage_id, venue in rows.all() if _new_name(venue, renamed)}
    stages = (await session.exec(select(Stage).where(
        Stage.tournament_id == tournament.id).order_by(col(Stage.id)))).all()
    for stage in stages:
        assert stage.id is not None
        if stage.id in touched:
            machine, store = machine_for(session, stage, await event_withdrawals(
                session, stage.event_id))
            changed = []
            for m in await store.all():
                new = _new_name(m.venue, renamed)
                if new is not None:
                    changed.append((m, match_state(views.match_view(m, tz))))
                    machine.reschedule(m, venue=new)
            changes = await finish(session, tournament, stage, machine, store)
            moved.matches += [(m.id or 0, before, match_state(views.match_view(
                m, tz, changes.struck))) for m, before in changed]
        plans = plans_of(stage)
        if any(_new_name(p.get("venue"), renamed) for p in plans):
            fresh = []
            for p in plans:
                new = _new_name(p.get("venue"), renamed)
                fresh.append(p if new is None else {**p, "venue": new})
                if new is not None:
                    moved.plans.append((stage.id, plan_view(p, tz), plan_view(fresh[-1], tz)))
            stage.round_plans = fresh
            session.add(stage)
    await session.flush()
    return moved
