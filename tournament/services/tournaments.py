"""Tournaments, events and teams: creating them and reading them whole."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from sqlmodel import col, func, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, InvalidInput, NotFound
from ..formats.limits import MAX_EVENTS_PER_TOURNAMENT, MAX_TEAMS_PER_EVENT
from ..formats.types import StageStatus
from ..live.outbox import emit
from ..models import Event, Player, Stage, Team, Tournament
from ..place_names import checked
from ..schemas import EventCreate, TeamCreate, TournamentCreate, TournamentUpdate
from .context import lock_tournament
from .naming import clashes, rename, require_change

if TYPE_CHECKING:
    from .place_renames import Moved

VIEWER = "viewer"  # session.info key: the Actor reading (set by the web layer), if any


def visible(session: AsyncSession, tournament: Tournament | None) -> bool:
    """Published tournaments are public; unpublished ones only for admins and for the
    referees assigned to them (the web layer puts the reader in ``session.info``)."""
    if tournament is None:
        return False
    viewer = session.info.get(VIEWER)
    return tournament.published or (viewer is not None
                                    and viewer.may_see(tournament.id, tournament.published))


def shows(session: AsyncSession, stage: Stage) -> bool:
    """A draft stage is the organizer's: only admins see it (and its matches)."""
    viewer = session.info.get(VIEWER)
    return stage.status != StageStatus.DRAFT or (viewer is not None and viewer.is_admin)


async def tournament_by_slug(session: AsyncSession, slug: str) -> Tournament:
    found = (await session.exec(select(Tournament).where(Tournament.slug == slug))).first()
    if found is None or found.id is None or not visible(session, found):
        raise NotFound("Tournament", slug)
    return found


async def event_by_slug(session: AsyncSession, tournament: Tournament, slug: str) -> Event:
    found = (await session.exec(select(Event).where(
        Event.tournament_id == tournament.id, Event.slug == slug))).first()
    if found is None:
        raise NotFound("Event", slug)
    return found


async def event_for_write(session: AsyncSession, slug: str,
                          event_slug: str) -> tuple[Tournament, Event]:
    """The tournament (write-locked) and one of its events."""
    tournament = await tournament_by_slug(session, slug)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    return tournament, await event_by_slug(session, tournament, event_slug)


async def list_tournaments(session: AsyncSession) -> list[views.TournamentView]:
    rows = await session.exec(select(Tournament).order_by(col(Tournament.starts_on).desc(),
                                                          col(Tournament.id)))
    return [views.tournament_view(t) for t in rows.all() if visible(session, t)]


async def create_tournament(session: AsyncSession, body: TournamentCreate) -> dict[str, Any]:
    exists = (await session.exec(select(Tournament.id).where(
        Tournament.slug == body.slug))).first()
    if exists is not None:
        raise Conflict("slug_taken", f"A tournament with the slug {body.slug!r} exists.", "slug")
    fields = body.model_dump()
    tournament = Tournament(**fields | checked(fields))
    _check_dates(tournament)
    if tournament.nation_decider is not None:  # a new tournament has no event yet
        raise _unknown_decider(tournament.nation_decider)
    session.add(tournament)
    await session.flush()
    return views.tournament_view(tournament) | {"events": [], "nations": [], "nation_pairs": []}


async def update_tournament(session: AsyncSession, slug: str, body: TournamentUpdate,
                            moved: Moved | None = None) -> views.TournamentView:
    """``moved``: filled in with the matches and round plans a venue's or a station's
    rename moved (the audit trail records them)."""
    from . import place_renames  # it steps stages, which read tournaments through this module

    tournament = await tournament_by_slug(session, slug)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    require_change(body.model_fields_set, "name, names, timezone, starts_on, ends_on, "
                   "nation_points, nation_scoring, nation_decider, venues, stations or "
                   "published")
    before = views.tournament_view(tournament)
    fields = body.model_dump(exclude_unset=True)
    rename(tournament, body.model_fields_set, fields)
    lists = checked(fields)  # both checked before either renames
    renamed = {kind: await place_renames.renames(session, tournament, kind, fields[kind.field])
               for kind in place_renames.KINDS if kind.field in fields}
    fields |= lists
    for field, value in fields.items():
        if field not in ("name", "names"):
            setattr(tournament, field, value)
    _check_dates(tournament)
    if body.nation_decider is not None:
        exists = (await session.exec(select(Event.id).where(
            Event.tournament_id == tournament.id, Event.slug == body.nation_decider))).first()
        if exists is None:
            raise _unknown_decider(body.nation_decider)
    session.add(tournament)
    await session.flush()
    done = await place_renames.rename(session, tournament, renamed)
    if moved is not None:
        moved.matches += done.matches
        moved.plans += done.plans
    view = views.tournament_view(tournament)
    if view == before:
        return view  # the values it sent are the stored ones: no change, no live event
    from .reads import tournament_detail  # reads builds on this module

    # the feed's tournament.updated is always the tournament with its nation table and its
    # events (docs/api.md); an edit sent the short view, without them
    await emit(session, tournament.id, "tournament.updated",
               await tournament_detail(session, tournament.slug))
    return views.tournament_view(tournament)


def _unknown_decider(slug: str) -> InvalidInput:
    return InvalidInput("unknown_event", f"This tournament has no event {slug!r} to decide "
                        "ties in the nation table.", "nation_decider")


def _check_dates(tournament: Tournament) -> None:
    if tournament.starts_on and tournament.ends_on and tournament.starts_on > tournament.ends_on:
        raise InvalidInput("invalid_dates", "A tournament cannot end before it starts "
                           f"({tournament.starts_on} to {tournament.ends_on}).", "ends_on")


async def create_event(session: AsyncSession, slug: str, body: EventCreate) -> dict[str, Any]:
    tournament = await tournament_by_slug(session, slug)
    assert tournament.id is not None
    await lock_tournament(session, tournament.id)
    exists = (await session.exec(select(Event.id).where(
        Event.tournament_id == tournament.id, Event.slug == body.slug))).first()
    if exists is not None:
        raise Conflict("slug_taken", f"This tournament has an event {body.slug!r}.", "slug")
    count = len((await session.exec(select(Event.id).where(
        Event.tournament_id == tournament.id))).all())
    if count >= MAX_EVENTS_PER_TOURNAMENT:
        raise InvalidInput("too_many_events", "A tournament has at most "
                           f"{MAX_EVENTS_PER_TOURNAMENT} events.")
    event = Event(tournament_id=tournament.id, position=count, **body.model_dump())
    session.add(event)
    await session.flush()
    view = views.event_view(event, tournament.slug)
    await emit(session, tournament.id, "event.updated", view)
    return view | {"champion": None, "teams": [], "stages": [], "placements": []}


async def create_team(session: AsyncSession, slug: str, event_slug: str,
                      body: TeamCreate) -> views.TeamView:
    tournament, event = await event_for_write(session, slug, event_slug)
    assert tournament.id is not None and event.id is not None
    entered = (await session.exec(select(func.count()).select_from(Team).where(
        Team.event_id == event.id))).one()
    if entered >= MAX_TEAMS_PER_EVENT:
        raise InvalidInput("too_many_teams", "An event has at most "
                           f"{MAX_TEAMS_PER_EVENT} teams.")
    await team_names_free(session, event.id, [body.name])
    team = Team(event_id=event.id, **body.model_dump(exclude={"players"}))
    session.add(team)
    await session.flush()
    assert team.id is not None
    players = [Player(team_id=team.id, position=i, **p.model_dump())
               for i, p in enumerate(body.players)]
    session.add_all(players)
    await session.flush()
    view = views.team_view(team, players)
    await emit(session, tournament.id, "event.updated",
               {**views.event_view(event, tournament.slug), "team": view})
    return view


async def team_names_free(session: AsyncSession, event_id: int, names: list[str],
                          team_id: int | None = None) -> None:
    """No two teams of an event share a name (pages, seedings and the referee's lists
    could not tell them apart): 409 ``team_name_taken`` naming the first clash."""
    taken = (await session.exec(select(Team.name).where(
        Team.event_id == event_id, Team.id != team_id))).all()
    found = clashes(names, taken)
    if found:
        raise Conflict("team_name_taken", f"This event has a team named {found[0]!r}.",
                       "name", params={"name": found[0], "names": found})


# An event's teams in seed order (unseeded last, then by id): one order everywhere
BY_SEED = (col(Team.seed).is_(None), col(Team.seed), col(Team.id))


async def event_teams(session: AsyncSession, event_id: int) -> list[Team]:
    rows = await session.exec(select(Team).where(Team.event_id == event_id)
                              .order_by(*BY_SEED))
    return list(rows.all())


def one_on_one(roster_sizes: Iterable[int]) -> bool:
    """Whether an event is one-on-one (Tekken, eFootball: every entry has one player) by its
    teams' roster sizes: its largest roster has one player. Its pages say "player" where
    others say "team" (``web/entrant_words.py``)."""
    sizes = list(roster_sizes)
    return bool(sizes) and max(sizes) == 1


async def solo_event(session: AsyncSession, event_id: int) -> bool:
    """Whether the event is one-on-one (``one_on_one``): what every page of it asks."""
    return (await solo_events(session, [event_id]))[event_id]


async def solo_events(session: AsyncSession, event_ids: Iterable[int]) -> dict[int, bool]:
    """``solo_event`` of each event, in one query: a page listing matches of many events
    says each lobby's entrants in its own event's words."""
    return {e: one_on_one([n]) for e, n in (await largest_rosters(session, event_ids)).items()}


async def largest_rosters(session: AsyncSession, event_ids: Iterable[int]) -> dict[int, int]:
    """How many players each event's biggest roster has (0 for one without players), in
    one query: a page listing matches of many events says each lobby's entrants in its own
    event's words."""
    wanted = set(event_ids)
    sizes = (select(col(Team.event_id).label("event_id"), func.count().label("n"))
             .select_from(Player).join(Team, col(Team.id) == col(Player.team_id))
             .where(col(Team.event_id).in_(wanted)).group_by(col(Player.team_id),
                                                             col(Team.event_id)).subquery())
    found = (await session.exec(select(sizes.c.event_id, func.max(sizes.c.n))
                                .group_by(sizes.c.event_id))).all()
    return {e: 0 for e in wanted} | {int(e): int(n) for e, n in found}


async def players_of(session: AsyncSession, team_ids: list[int]) -> dict[int, list[Player]]:
    result: dict[int, list[Player]] = {t: [] for t in team_ids}
    if not team_ids:
        return result
    rows = await session.exec(select(Player).where(col(Player.team_id).in_(team_ids))
                              .order_by(col(Player.position)))
    for p in rows.all():
        result[p.team_id].append(p)
    return result


async def event_stages(session: AsyncSession, event_id: int) -> list[Stage]:
    rows = await session.exec(select(Stage).where(Stage.event_id == event_id)
                              .order_by(col(Stage.position), col(Stage.id)))
    return list(rows.all())
