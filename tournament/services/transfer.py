"""A whole tournament as one JSON document (``schemas_transfer.Export``): exported from one
database, imported into another (another server; SQLite or PostgreSQL either way) to give
the same public pages and API answers, ids apart. Its live-feed history is not carried:
clients that resume from before the import get a snapshot."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import place_names
from ..errors import Conflict, InvalidInput
from ..formats import registry, slots
from ..formats.state import COLUMNS
from ..formats.types import FormatError
from ..models import Event, Match, Player, Stage, Team, Tournament
from ..schemas_transfer import VERSION, EventRow, Export, RoundPlanRow, StageRow
from .round_plans import FIELDS as PLAN_FIELDS
from .round_plans import plans_of, same_round
from .round_plans import stored as plan_stored
from .sql_store import TABLE
from .stage_reads import stage_matches
from .tournaments import event_stages, event_teams, players_of, shows, tournament_by_slug

SKIPPED = {"id", "stage_id", "tournament_id", "referee_id"}  # ids and users stay behind


def _iso(value: datetime | None, tz: str) -> str | None:
    """A stored time (UTC) in the tournament's time zone, as every other answer gives it."""
    if value is None:
        return None
    return (value.replace(tzinfo=UTC) if value.tzinfo is None else value).astimezone(
        ZoneInfo(tz)).isoformat()


async def export_tournament(session: AsyncSession, slug: str) -> dict[str, Any]:
    t = await tournament_by_slug(session, slug)
    events = (await session.exec(select(Event).where(Event.tournament_id == t.id)
                                 .order_by(col(Event.position), col(Event.id)))).all()
    out_events = []
    for e in events:
        assert e.id is not None
        teams = await event_teams(session, e.id)
        rosters = await players_of(session, [x.id for x in teams if x.id is not None])
        stages = []
        hidden: set[int] = set()
        for s in await event_stages(session, e.id):
            assert s.id is not None
            # a draft is the organizer's (tournaments.shows): an export for anyone else leaves
            # it out, with what is seeded from it (an import needs a stage's source)
            if not shows(session, s) or (s.source or {}).get("from_stage") in hidden:
                hidden.add(s.id)
                continue
            played = await stage_matches(session, s.id)
            matches = [{c: (_iso(v, t.timezone) if isinstance(v := getattr(m, c), datetime)
                            else v)
                        for c in COLUMNS if c not in SKIPPED} for m in played]
            by_id = {m.id: m.number for m in played}
            stages.append({"id": s.id, "name": s.name, "names": s.names or {},
                           "format": s.format,
                           "settings": s.settings or {}, "seeding": s.seeding or [],
                           "seeding_method": s.seeding_method, "source": s.source,
                           "status": s.status,
                           "completed_at": _iso(s.completed_at, t.timezone),
                           "position": s.position, "hold": s.hold,
                           "resolutions": s.resolutions or [], "draw": s.draw,
                           "matches": matches,
                           "round_plans": [_plan_out(p, by_id, t.timezone)
                                           for p in plans_of(s)]})
        out_events.append({
            "slug": e.slug, "name": e.name, "names": e.names or {}, "game": e.game,
            "game_names": e.game_names or {},
            "position": e.position,
            "teams": [{"id": x.id, "name": x.name, "names": x.names or {}, "nation": x.nation,
                       "seed": x.seed, "withdrawn": x.withdrawn,
                       "withdrawn_at": _iso(x.withdrawn_at, t.timezone),
                       "withdrawn_reason": x.withdrawn_reason,
                       "players": [{"handle": p.handle, "name": p.name, "names": p.names or {}}
                                   for p in rosters[x.id or 0]]} for x in teams],
            "stages": stages})
    return {
        "format": "tournament-export", "version": VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "tournament": {"slug": t.slug, "name": t.name, "names": t.names or {},
                       "timezone": t.timezone,
                       "starts_on": t.starts_on.isoformat() if t.starts_on else None,
                       "ends_on": t.ends_on.isoformat() if t.ends_on else None,
                       "nation_points": t.nation_points or [],
                       "nation_scoring": t.nation_scoring,
                       "nation_decider": t.nation_decider,
                       "venues": place_names.view(t.venues),
                       "stations": place_names.view(t.stations), "published": t.published,
                       "last_seq": t.last_seq},
        "events": out_events,
    }


def _plan_out(plan: dict[str, Any], numbers: dict[int | None, int], tz: str
              ) -> dict[str, Any]:
    """A round plan as exported: its fields without the referee (users stay behind), its
    time in the tournament's time zone, the matches it timed by their numbers, and not the
    clashes found then (they name this database's matches)."""
    applied = plan.get("applied")
    return {**{k: plan.get(k) for k in PLAN_FIELDS if k != "referee_id"}, "id": plan["id"],
            "starts_at": _iso(datetime.fromisoformat(plan["starts_at"]), tz),
            "applied": None if applied is None else {
                "at": _iso(datetime.fromisoformat(applied["at"]), tz),
                "matches": [numbers[m] for m in applied["matches"] if m in numbers]}}


def _plans_in(rows: list[RoundPlanRow], ids: dict[int, int], where: str
              ) -> list[dict[str, Any]] | None:
    """The plans of an imported stage as stored (``round_plans.stored``): the matches they
    timed by the new ids; no clashes (the next change of the plan checks again)."""
    out: list[dict[str, Any]] = []
    for i, row in enumerate(rows):
        plan = {**plan_stored(row.model_dump(exclude={"id", "applied"})), "id": row.id}
        if any(p["id"] == row.id or same_round(p, plan) for p in out):
            raise _bad(f"{where}.round_plans.{i} names a plan or round a plan before it "
                       "names.", f"{where}.round_plans.{i}")
        applied = row.applied
        plan["applied"] = None if applied is None else {
            "at": applied.at.astimezone(UTC).isoformat() if applied.at.tzinfo
            else applied.at.replace(tzinfo=UTC).isoformat(),
            "matches": [ids[n] for n in applied.matches if n in ids], "clashes": []}
        out.append(plan)
    return out or None


def _names(names: dict[Any, str] | None) -> dict[str, str] | None:
    return {str(k): v for k, v in names.items()} if names else None


def _bad(message: str, field: str) -> InvalidInput:
    return InvalidInput("invalid_export", message, field)


async def import_tournament(session: AsyncSession, doc: Export) -> dict[str, Any]:
    row = doc.tournament
    taken = (await session.exec(select(Tournament.id).where(
        Tournament.slug == row.slug))).first()
    if taken is not None:
        raise Conflict("slug_taken", f"A tournament with the slug {row.slug!r} exists.",
                       "tournament.slug")
    _check_unique(doc)
    fields = row.model_dump(exclude={"names"})
    t = Tournament(**fields | place_names.checked(fields, "tournament."),
                   names=_names(row.names))
    session.add(t)
    await session.flush()
    assert t.id is not None
    for i, e in enumerate(doc.events):
        await _event(session, t, e, f"events.{i}")
    await session.flush()
    return {"slug": t.slug, "id": t.id, "events": len(doc.events)}


def _check_unique(doc: Export) -> None:
    """What an export names once must be named once: two events with one slug, or two
    teams or stages of an event with one id, are refused before anything is written; so
    is a nation table decider that names no event of the export."""
    slugs: set[str] = set()
    for i, e in enumerate(doc.events):
        if e.slug in slugs:
            raise _bad(f"Two events have the slug {e.slug!r}.", f"events.{i}.slug")
        slugs.add(e.slug)
        for kind, ids in (("teams", [t.id for t in e.teams]),
                          ("stages", [st.id for st in e.stages])):
            seen: set[int] = set()
            for j, one in enumerate(ids):
                if one in seen:
                    raise _bad(f"Two {kind} of event {e.slug!r} have the id {one}.",
                               f"events.{i}.{kind}.{j}.id")
                seen.add(one)
    decider = doc.tournament.nation_decider
    if decider is not None and decider not in slugs:
        raise _bad(f"The nation table's decider {decider!r} is none of the events.",
                   "tournament.nation_decider")


async def _event(session: AsyncSession, t: Tournament, row: EventRow, where: str) -> None:
    assert t.id is not None
    event = Event(tournament_id=t.id, slug=row.slug, name=row.name, names=_names(row.names),
                  game=row.game, game_names=_names(row.game_names), position=row.position)
    session.add(event)
    await session.flush()
    assert event.id is not None
    teams: dict[int, int] = {}
    for team_row in row.teams:
        team = Team(event_id=event.id, name=team_row.name, names=_names(team_row.names),
                    nation=team_row.nation, seed=team_row.seed,
                    withdrawn=team_row.withdrawn, withdrawn_reason=team_row.withdrawn_reason,
                    withdrawn_at=team_row.withdrawn_at.astimezone(UTC)
                    if team_row.withdrawn_at and team_row.withdrawn_at.tzinfo
                    else team_row.withdrawn_at)
        session.add(team)
        await session.flush()
        assert team.id is not None
        teams[team_row.id] = team.id
        session.add_all(Player(team_id=team.id, position=i, **p.model_dump())
                        for i, p in enumerate(team_row.players))
    stages: dict[int, int] = {}
    for i, stage_row in enumerate(row.stages):
        stages[stage_row.id] = await _stage(session, t, event.id, stage_row, teams, stages,
                                            f"{where}.stages.{i}")


def _missing(old: int, where: str) -> int:
    raise _bad(f"{where} names team {old}, which is not a team of its event.", where)


def _team(teams: dict[int, int], old: int | None, where: str) -> int | None:
    if old is None:
        return None
    if old not in teams:
        raise _bad(f"{where} names team {old}, which is not a team of its event.", where)
    return teams[old]


async def _stage(session: AsyncSession, t: Tournament, event_id: int, row: StageRow,
                 teams: dict[int, int], stages: dict[int, int], where: str) -> int:
    try:
        fmt = registry.get(row.format)
        settings = fmt.parse_settings(row.settings).as_dict()
    except FormatError as exc:
        raise _bad(f"{where}: {exc.message}", f"{where}.settings") from exc
    source: dict[str, Any] | None = None
    if row.source is not None:
        if row.source.from_stage not in stages:
            raise _bad(f"{where} is seeded from a stage that comes later or not at all.",
                       f"{where}.source")
        source = {"from_stage": stages[row.source.from_stage],
                  "qualifiers": row.source.qualifiers}
        if row.source.slots is not None:  # a direct entrant is a team of the new event
            source["slots"] = slots.stored([
                x if not isinstance(x, int) else teams[x] if x in teams
                else _missing(x, f"{where}.source.slots")
                for x in slots.read(row.source.slots)])
    hold = None
    if row.hold is not None:
        hold = row.hold.model_dump(exclude_none=True)
        hold["stage"] = stages.get(row.hold.stage, row.hold.stage)
        hold["teams"] = [teams[x] if x in teams else _missing(x, f"{where}.hold")
                         for x in row.hold.teams]
        if not hold["teams"]:
            del hold["teams"]
    stage = Stage(
        event_id=event_id, tournament_id=t.id or 0, name=row.name, names=_names(row.names),
        format=fmt.name, settings=settings,
        seeding=[teams[x] if x in teams else _missing(x, f"{where}.seeding")
                 for x in row.seeding],
        seeding_method=row.seeding_method, source=source, status=row.status,
        position=row.position, hold=hold, draw=row.draw,
        resolutions=[{**r.model_dump(), "teams": [
            teams[x] if x in teams else _missing(x, f"{where}.resolutions") for x in r.teams]}
            for r in row.resolutions or []] or None)
    session.add(stage)
    await session.flush()
    assert stage.id is not None
    numbers = [m.number for m in row.matches]
    if len(set(numbers)) != len(numbers):
        raise _bad(f"{where}: two matches share a number.", f"{where}.matches")
    rows = []
    for i, m in enumerate(row.matches):
        # times are stored in UTC (SQLite keeps no offset); an export gives the tournament's
        values = {k: v.astimezone(UTC) if isinstance(v, datetime) and v.tzinfo else v
                  for k, v in m.model_dump().items()}
        values["team1_id"] = _team(teams, m.team1_id, f"{where}.matches.{i}")
        values["team2_id"] = _team(teams, m.team2_id, f"{where}.matches.{i}")
        if m.lobby is not None:  # a free-for-all lobby names its teams and each game's
            values["lobby"] = [_team(teams, x, f"{where}.matches.{i}.lobby") for x in m.lobby]
        if m.placings is not None:
            values["placings"] = [{"number": g.number, "results": [
                {"team_id": _team(teams, r.team_id, f"{where}.matches.{i}.placings"),
                 "placement": r.placement, "kills": r.kills} for r in g.results]}
                for g in m.placings]
        rows.append(values | {"stage_id": stage.id, "tournament_id": t.id})
    if rows:
        await (await session.connection()).execute(insert(TABLE), rows)
    if row.status == "completed":  # an older export: the last change to its matches
        times = [m.updated_at for m in row.matches]
        done = row.completed_at or (max(times) if times else None)
        stage.completed_at = None if done is None else \
            done.astimezone(UTC) if done.tzinfo else done
        session.add(stage)
    if row.round_plans:
        ids = {n: i for n, i in (await session.exec(select(Match.number, Match.id).where(
            Match.stage_id == stage.id))).all() if i is not None}
        stage.round_plans = _plans_in(row.round_plans, ids, where)
        session.add(stage)
    return stage.id
