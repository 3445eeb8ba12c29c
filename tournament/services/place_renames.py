"""Renaming a venue or a station, and removing one, in the tournament's ``venues`` or
``stations`` list.

A match keeps its venue and its station as one string each, copied when it was planned; the
lists name each in three languages. A venue (or station) sent with ``renamed_from`` (as the
list has it, or as matches name it) renames it everywhere: every match and round plan at the
old name (alike by NFKC, case folding and trimming, as ``place_names.listed`` compares)
takes the new one, in the edit's transaction, each match announced on the live feed and
recorded in the audit trail as a ``match.schedule``, each plan as a ``round_plan.save``. A
round plan names one venue (``venue``) and any number of stations (``stations``).

A listed venue (station) left out of the list while matches or round plans still name it is
refused (409 ``venue_in_use``, ``station_in_use``, naming it and how many): its translations
are what spectators read there, and dropping them would show them the bare name without a
word to the organizer; renaming it (the matches follow) or moving its matches first says
what was meant."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
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
Plan = Mapping[str, Any]


@dataclass
class Moved:
    """What a rename changed, for the audit trail: each match (id, before, after) and each
    round plan (stage id, before, after)."""

    matches: list[tuple[int, State, State]] = field(default_factory=list)
    plans: list[tuple[int, State, State]] = field(default_factory=list)


@dataclass(frozen=True)
class Kind:
    """One list of places: the tournament's field, the match's column, and what a round plan
    holds of it (its names, and the plan with a rename applied)."""

    field: str  # the tournament's list: "venues" or "stations"
    word: str  # "venue" or "station": in the error codes and messages
    column: str  # the match's: "venue" or "station"
    in_plan: Callable[[Plan], list[str]]
    renamed_in: Callable[[Plan, Callable[[str], str | None]], dict[str, Any]]


def _plan_venue(p: Plan) -> list[str]:
    return [str(p["venue"])] if p.get("venue") else []


def _plan_stations(p: Plan) -> list[str]:
    return [str(s) for s in p.get("stations") or [] if s]


VENUES = Kind("venues", "venue", "venue", _plan_venue,
              lambda p, new: {**p, "venue": new(str(p["venue"])) or p["venue"]})
STATIONS = Kind("stations", "station", "station", _plan_stations,
                lambda p, new: {**p, "stations": [new(str(s)) or s
                                                  for s in p.get("stations") or []]})
KINDS = (VENUES, STATIONS)


async def in_use(session: AsyncSession, tournament_id: int,
                 kind: Kind) -> tuple[Counter[str], Counter[str]]:
    """How many matches, and how many round plans, name each venue (station) by its key;
    the names as typed are the keys of neither (see ``names_in_use``)."""
    column = getattr(Match, kind.column)
    rows = await session.exec(select(column).where(
        Match.tournament_id == tournament_id, col(column).is_not(None)))
    matches = Counter(name_key(str(v)) for v in rows.all() if v)
    plans = await session.exec(select(Stage.round_plans).where(
        Stage.tournament_id == tournament_id))
    planned = Counter(name_key(x) for ps in plans.all() for p in ps or []
                      for x in set(kind.in_plan(p)))
    return matches, planned


async def names_in_use(session: AsyncSession, tournament_id: int, kind: Kind) -> list[str]:
    """The venues (stations) the tournament's matches and round plans name, as typed (the
    console offers the ones not listed yet, to be named in each language)."""
    column = getattr(Match, kind.column)
    rows = await session.exec(select(column).where(
        Match.tournament_id == tournament_id, col(column).is_not(None)).distinct())
    found = {str(v) for v in rows.all() if v}
    plans = await session.exec(select(Stage.round_plans).where(
        Stage.tournament_id == tournament_id))
    found |= {x for plan in plans.all() for p in plan or [] for x in kind.in_plan(p)}
    return sorted(found)


async def renames(session: AsyncSession, tournament: Tournament, kind: Kind,
                  sent: Sequence[Mapping[str, Any]]) -> dict[str, str]:
    """The renames the list sent asks for, ``{old key: new name}``, once they and the
    places it leaves out are checked (before anything changes): 422 ``unknown_venue`` (a
    ``renamed_from`` naming no venue listed or in use; ``unknown_station_name`` for a
    station), 422 ``venue_renamed_twice`` (one renamed by two rows, or renamed and kept),
    409 ``venue_in_use`` (and the same with ``station``)."""
    assert tournament.id is not None
    matches, planned = await in_use(session, tournament.id, kind)
    stored = getattr(tournament, kind.field) or []
    listed = {name_key(str(v["name"])) for v in stored}
    kept = {name_key(str(v["name"])) for v in sent}
    out: dict[str, str] = {}
    for i, place in enumerate(sent):
        old = place.get("renamed_from")
        if old is None or old == place["name"]:
            continue
        key, where = name_key(old), f"{kind.field}.{i}.renamed_from"
        if key not in listed and not matches[key] and not planned[key]:
            code = "unknown_venue" if kind is VENUES else "unknown_station_name"
            raise InvalidInput(code, f"No {kind.word} of this tournament is named "
                               f"{old!r}: nothing to rename.", where, params={"name": old})
        if key in out or (key in kept and key != name_key(str(place["name"]))):
            raise InvalidInput(f"{kind.word}_renamed_twice", f"The {kind.word} {old!r} is "
                               "renamed twice, or renamed and kept: its matches would be at "
                               "both.", where, params={"name": old})
        out[key] = str(place["name"])
    for place in stored:
        key = name_key(str(place["name"]))
        if key not in kept and key not in out and (matches[key] or planned[key]):
            raise Conflict(f"{kind.word}_in_use", f"{matches[key]} match(es) and "
                           f"{planned[key]} round plan(s) are at {place['name']!r}: rename "
                           f"it (they follow), or give them another {kind.word} first.",
                           kind.field, params={"name": place["name"], "matches": matches[key],
                                               "plans": planned[key]})
    return out


def _new_name(place: str | None, renamed: Mapping[str, str]) -> str | None:
    """The place's new name, if a rename reaches it (and changes how it is written)."""
    if not place:
        return None
    new = renamed.get(name_key(place))
    return new if new is not None and new != place else None


def _renamer(renamed: Mapping[str, str]) -> Callable[[str], str | None]:
    return lambda place: _new_name(place, renamed)


async def rename(session: AsyncSession, tournament: Tournament,
                 renamed: Mapping[Kind, Mapping[str, str]]) -> Moved:
    """Every match and round plan at a renamed venue or station takes the new name: each
    stage's matches through the stage's own step (versions bumped, ``match.updated`` on the
    feed, one step however many of its places are renamed), its plans in place."""
    moved = Moved()
    renamed = {kind: names for kind, names in renamed.items() if names}
    if not renamed:
        return moved
    assert tournament.id is not None
    tz = tournament.timezone

    def changes(venue: str | None, station: str | None) -> dict[str, str]:
        """A match's new venue and station, those a rename reaches."""
        found = {kind.column: _new_name(place, renamed.get(kind, {}))
                 for kind, place in ((VENUES, venue), (STATIONS, station))}
        return {k: v for k, v in found.items() if v is not None}

    rows = await session.exec(select(Match.stage_id, Match.venue, Match.station).where(
        Match.tournament_id == tournament.id))
    touched = {stage_id for stage_id, venue, station in rows.all()
               if changes(venue, station)}
    stages = (await session.exec(select(Stage).where(
        Stage.tournament_id == tournament.id).order_by(col(Stage.id)))).all()
    for stage in stages:
        assert stage.id is not None
        if stage.id in touched:
            machine, store = machine_for(session, stage, await event_withdrawals(
                session, stage.event_id))
            changed = []
            for m in await store.all():
                if new := changes(m.venue, m.station):
                    changed.append((m, match_state(views.match_view(m, tz))))
                    machine.reschedule(m, **new)
            done = await finish(session, tournament, stage, machine, store)
            moved.matches += [(m.id or 0, before, match_state(views.match_view(
                m, tz, done.struck))) for m, before in changed]
        plans, fresh = plans_of(stage), []
        for p in plans:
            new = p
            for kind, names in renamed.items():
                if any(_new_name(x, names) for x in kind.in_plan(new)):
                    new = kind.renamed_in(new, _renamer(names))
            fresh.append(new)
            if new is not p:
                moved.plans.append((stage.id, plan_view(p, tz), plan_view(new, tz)))
        if fresh != plans:
            stage.round_plans = fresh
            session.add(stage)
    await session.flush()
    return moved
