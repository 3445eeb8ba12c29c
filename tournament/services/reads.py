"""Reading tournaments, events, teams and matches whole, as the API and pages show them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import String
from sqlalchemy import cast as sql_cast
from sqlmodel import col, or_, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import NotFound, out_of_play
from ..formats.clashes import utc
from ..formats.nations import EventPlacement, nation_pairs, nation_table
from ..formats.state import MatchState
from ..formats.types import MatchStatus, StageStatus
from ..models import Event, Match, Stage, Team, Tournament
from ..place_names import names_of
from . import annulment, field_sizes
from .sql_store import TABLE, load_match, load_matches
from .stage_reads import stage_matches
from .standings import places as stage_places
from .standings import table as standing_table
from .tournaments import (
    event_by_slug,
    event_stages,
    event_teams,
    players_of,
    shows,
    tournament_by_slug,
    visible,
)

# schedules and the home page list the matches of stages that have started, never a draft's
NOT_DRAFT = TABLE.c.stage_id.not_in(select(Stage.id).where(Stage.status == StageStatus.DRAFT))


async def event_placements(session: AsyncSession, event: Event) -> list[views.Placement]:
    """Final ranks of the event (only ranks already decided): the last stage's, then the
    teams that went out in an earlier completed stage, after them, by their rank there
    (group thirds share the next rank, group fourths the one after, and so on)."""
    assert event.id is not None
    stages = [s for s in await event_stages(session, event.id)
              if s.status != StageStatus.DRAFT]
    if not stages:
        return []
    last = stages[-1]
    assert last.id is not None
    if not last.seeding:
        return []  # the last stage has not been drawn: nobody's final place is known
    withdrawn = annulment.withdrawals_of(await event_teams(session, event.id))
    placed = stage_places(last, await stage_matches(session, last.id), withdrawn)
    seen = set(last.seeding or [])
    for earlier in reversed(stages[:-1]):
        if earlier.status != "completed" or earlier.id is None:
            continue
        rows = standing_table(earlier, await stage_matches(session, earlier.id), withdrawn)
        out = [(r.team_id, r.rank) for r in rows
               if r.team_id not in seen and r.rank is not None]
        base = len(seen)
        for team, rank in sorted(out, key=lambda r: r[1]):
            before = sum(1 for _, other in out if other < rank)
            level = sum(1 for _, other in out if other == rank)
            placed.append({"team_id": team, "rank": base + before + 1,
                           "last": base + before + level})
        seen |= {r.team_id for r in rows}
    return placed


async def nations(session: AsyncSession, tournament: Tournament) -> dict[str, Any]:
    """The nation table, the head-to-head of every pair of nations, and each event's
    champion (by event id) once the event has one."""
    events = (await session.exec(select(Event).where(
        Event.tournament_id == tournament.id))).all()
    team_nation: dict[int, str | None] = {}
    teams: dict[int, Team] = {}
    per_event: list[EventPlacement] = []
    champions: dict[int, views.TeamView] = {}
    for event in events:
        assert event.id is not None
        for team in await event_teams(session, event.id):
            assert team.id is not None
            team_nation[team.id] = team.nation
            teams[team.id] = team
        stages = await event_stages(session, event.id)
        done = bool(stages) and stages[-1].status == "completed"
        ranks = {p["team_id"]: p["rank"] for p in await event_placements(session, event)}
        per_event.append(EventPlacement(ranks=ranks, completed=done))
        first = [t for t, rank in ranks.items() if rank == 1]
        if len(first) == 1:
            champions[event.id] = views.team_view(teams[first[0]])
    matches = await load_matches(session, TABLE.c.tournament_id == tournament.id,
                                 TABLE.c.status == MatchStatus.COMPLETED)
    played = [(m.team1_id, m.team2_id, None if m.draw else m.winner) for m in matches
              if m.team1_id is not None and m.team2_id is not None and m.active]
    decider = next((i for i, e in enumerate(events) if e.slug == tournament.nation_decider),
                   None)
    table = nation_table(team_nation, per_event, played, tournament.nation_points or [],
                         every_team=tournament.nation_scoring == "every", decider=decider)
    return {"nations": [row.as_dict() for row in table],
            "nation_pairs": [p.as_dict() for p in nation_pairs(
                team_nation, played, [row.nation for row in table])],
            "champions": champions}


async def team_placement(session: AsyncSession, team: Mapping[str, Any]
                         ) -> tuple[int, int] | None:
    """The team's final place in its event once decided, and how many teams share it
    (``(5, 4)``: 5th–8th, also while the other quarterfinals are still played); None while
    it is still to be decided."""
    t = await tournament_by_slug(session, team["tournament"])
    placed = await event_placements(session, await event_by_slug(session, t, team["event"]))
    mine = next((p for p in placed if p["team_id"] == team["id"]), None)
    if mine is None:
        return None
    return mine["rank"], mine["last"] - mine["rank"] + 1


async def tournament_head(session: AsyncSession, slug: str) -> views.TournamentHead:
    """The tournament with its events, without the nation table (for page headers)."""
    t = await tournament_by_slug(session, slug)
    events = (await session.exec(select(Event).where(Event.tournament_id == t.id)
                                 .order_by(col(Event.position), col(Event.id)))).all()
    return {**views.tournament_view(t), "events": [views.event_view(e, t.slug) for e in events]}


async def tournament_detail(session: AsyncSession, slug: str) -> views.TournamentDetail:
    t = await tournament_by_slug(session, slug)
    events = (await session.exec(select(Event).where(Event.tournament_id == t.id)
                                 .order_by(col(Event.position), col(Event.id)))).all()
    table = await nations(session, t)
    return {
        **views.tournament_view(t),
        "events": [{**views.event_view(e, t.slug), "champion": table["champions"].get(e.id)}
                   for e in events],
        "nations": table["nations"],
        "nation_pairs": table["nation_pairs"],
    }


async def event_detail(session: AsyncSession, slug: str,
                       event_slug: str) -> views.EventDetail:
    t = await tournament_by_slug(session, slug)
    event = await event_by_slug(session, t, event_slug)
    assert event.id is not None
    teams = await event_teams(session, event.id)
    rosters = await players_of(session, [x.id for x in teams if x.id is not None])
    stages = await event_stages(session, event.id)
    by_id = {s.id: s for s in stages if s.id is not None}
    placements = await event_placements(session, event)
    return {
        **views.event_view(event, t.slug),
        # as each event of the tournament's read has it (``nations``): the one team placed
        # 1st, without its roster (its roster is in ``teams``)
        "champion": champion_of(placements, teams),
        "teams": [views.team_view(x, rosters[x.id or 0]) for x in teams],
        "stages": [{**views.stage_summary(s), "teams_to_come": field_sizes.teams_to_come(
            s, by_id)} for s in stages if shows(session, s)],
        "placements": placements,
    }


def champion_of(placements: Sequence[Mapping[str, Any]],
                teams: Sequence[Team]) -> views.TeamView | None:
    """The event's champion: its one team placed 1st (none while 1st is shared or open)."""
    first = [p["team_id"] for p in placements if p["rank"] == 1]
    team = next((x for x in teams if len(first) == 1 and x.id == first[0]), None)
    return views.team_view(team) if team is not None else None


async def match_detail(session: AsyncSession,
                       match_id: int) -> tuple[MatchState, views.MatchView, str]:
    """The match row, its public view, and its tournament's slug."""
    m = await load_match(session, match_id)
    t = await session.get(Tournament, m.tournament_id) if m else None
    stage = await session.get(Stage, m.stage_id) if m else None
    if m is None or t is None or not visible(session, t) \
            or stage is None or not shows(session, stage):
        raise NotFound("Match", match_id)
    if not m.active:
        raise out_of_play(match_id)
    return m, views.match_view(m, t.timezone, await annulment.struck_of(session, stage.id or 0)), \
        t.slug


async def team_brief(session: AsyncSession, team_id: int) -> views.TeamView:
    """A team's name, names and nation (no roster): an opponent a page names."""
    team = await session.get(Team, team_id)
    if team is None:
        raise NotFound("Team", team_id)
    return views.team_view(team)


async def team_detail(session: AsyncSession, team_id: int) -> views.TeamDetail:
    team = await session.get(Team, team_id)
    if team is None or team.id is None:
        raise NotFound("Team", team_id)
    event = await session.get(Event, team.event_id)
    assert event is not None
    t = await session.get(Tournament, event.tournament_id)
    if t is None or not visible(session, t):
        raise NotFound("Team", team_id)
    rosters = await players_of(session, [team.id])
    matches = await team_matches(session, team.id)
    struck = await annulment.struck_in(session, {m.stage_id for m in matches})
    return {
        **views.team_view(team, rosters[team.id]),
        "tournament": t.slug,
        "event": event.slug,
        "schedule": [await _schedule_entry(session, m, team.id, t,
                                           struck.get(m.stage_id, annulment.NONE))
                     for m in matches],
    }


async def team_matches(session: AsyncSession, team_id: int) -> list[MatchState]:
    """The team's matches: played, live, and to come (also those whose opponent is not
    decided yet); byes are not matches."""
    rows = await load_matches(
        session, or_(TABLE.c.team1_id == team_id, TABLE.c.team2_id == team_id),
        TABLE.c.active, NOT_DRAFT, order_by=(TABLE.c.scheduled_at.is_(None), TABLE.c.scheduled_at,
                                  TABLE.c.stage_id, TABLE.c.number))
    found = [m for m in rows if (m.team1_id is not None and m.team2_id is not None)
             or (m.status == MatchStatus.PENDING and not (m.filled1 and m.filled2))]
    # free-for-all lobbies of the team's event that the team plays in
    team = await session.get(Team, team_id)
    if team is not None:
        lobbies = await load_matches(
            session, TABLE.c.stage_id.in_(select(Stage.id).where(Stage.event_id == team.event_id)),
            TABLE.c.active, NOT_DRAFT, TABLE.c.lobby.is_not(None),
            sql_cast(TABLE.c.lobby, String) != "null")
        found += [m for m in lobbies if m.lobby and team_id in m.lobby]
    far = datetime.max.replace(tzinfo=UTC)
    return sorted(found, key=lambda m: (m.scheduled_at is None,
                                        utc(m.scheduled_at) if m.scheduled_at else far,
                                        m.stage_id, m.number))



async def _schedule_entry(session: AsyncSession, m: MatchState, team_id: int,
                          t: Tournament, struck: frozenset[int]) -> views.ScheduleEntry:
    opponent_id = m.team2_id if m.team1_id == team_id else m.team1_id
    opponent = await session.get(Team, opponent_id) if opponent_id else None
    stage = await session.get(Stage, m.stage_id)
    entry = cast(views.ScheduleEntry, {
        **views.match_view(m, t.timezone, struck),
        "stage": views.stage_summary(stage) if stage else None,
        "opponent": views.team_view(opponent) if opponent else None,
        "venue_names": names_of(m.venue, t.venues),
        "station_names": names_of(m.station, t.stations),
    })
    if m.lobby:  # the team's own place and kills in each game of its lobby
        entry["places"] = [{"game": int(g["number"]), "placement": int(r["placement"]),
                            "kills": int(r["kills"])}
                           for g in m.placings or [] for r in g["results"]
                           if r["team_id"] == team_id]
    return entry


async def spotlight(session: AsyncSession, slug: str,
                    upcoming: int = 6) -> dict[str, list[dict[str, Any]]]:
    """The tournament's live matches and the next scheduled ones, with their teams and
    where they are played (for the tournament's home page). A match to come is listed in
    its time's order whether or not its teams are known yet (a final waiting for a
    semifinal); its stage's ``seeding`` comes with it, for the page to name what fills an
    empty side ("Winner of M2", ``stage_layout.fill_feeds``)."""
    t = await tournament_by_slug(session, slug)
    live = await load_matches(session, TABLE.c.tournament_id == t.id,
                              TABLE.c.status == MatchStatus.LIVE, TABLE.c.active, NOT_DRAFT,
                              order_by=(TABLE.c.scheduled_at, TABLE.c.id))
    soon = await load_matches(session, TABLE.c.tournament_id == t.id,
                              TABLE.c.status.in_((MatchStatus.READY, MatchStatus.PENDING)),
                              TABLE.c.active, NOT_DRAFT,
                              TABLE.c.scheduled_at.is_not(None),
                              order_by=(TABLE.c.scheduled_at, TABLE.c.id), limit=upcoming)
    team_ids = {x for m in (*live, *soon) for x in (m.team1_id, m.team2_id) if x}
    teams = {x.id: views.team_view(x) for x in (await session.exec(
        select(Team).where(col(Team.id).in_(team_ids)))).all()}
    stage_ids = {m.stage_id for m in (*live, *soon)}
    stages = {s.id: s for s in (await session.exec(
        select(Stage).where(col(Stage.id).in_(stage_ids)))).all()}
    events = {e.id: e for e in (await session.exec(
        select(Event).where(Event.tournament_id == t.id))).all()}
    struck = await annulment.struck_in(session, stage_ids)

    def entry(m: MatchState) -> dict[str, Any]:
        stage = stages[m.stage_id]
        return views.match_view(m, t.timezone, struck.get(m.stage_id, annulment.NONE)) | {
            "sides": [teams.get(m.team1_id or 0), teams.get(m.team2_id or 0)],
            "stage": views.stage_summary(stage), "seeding": stage.seeding or [],
            "event": views.event_view(events[stage.event_id], t.slug)}

    return {"live": [entry(m) for m in live], "upcoming": [entry(m) for m in soon]}


async def last_seq(session: AsyncSession, *, slug: str | None = None,
                   stage_id: int | None = None, match_id: int | None = None,
                   team_id: int | None = None) -> int:
    """The ``last_seq`` of the tournament a resource belongs to: every change to a
    tournament raises it, so it versions every view of the tournament (cache keys, ETags).
    Raises NotFound like the full read would."""
    return (await version(session, slug=slug, stage_id=stage_id, match_id=match_id,
                          team_id=team_id))[1]


async def version(session: AsyncSession, *, slug: str | None = None,
                  stage_id: int | None = None, match_id: int | None = None,
                  team_id: int | None = None) -> tuple[int, int]:
    """(tournament id, ``last_seq``) of the tournament a resource belongs to (see
    ``last_seq``)."""
    query = select(Tournament)
    if slug is not None:
        query = query.where(Tournament.slug == slug)
        what, ident = "Tournament", slug
    elif stage_id is not None:
        query = query.join(Stage, col(Stage.tournament_id) == Tournament.id).where(
            Stage.id == stage_id)
        what, ident = "Stage", str(stage_id)
    elif match_id is not None:
        query = query.join(Match, col(Match.tournament_id) == Tournament.id).where(
            Match.id == match_id)
        what, ident = "Match", str(match_id)
    else:
        query = query.join(Event, col(Event.tournament_id) == Tournament.id).join(
            Team, col(Team.event_id) == Event.id).where(Team.id == team_id)
        what, ident = "Team", str(team_id)
    found = (await session.exec(query)).first()
    if found is None or found.id is None or not visible(session, found):
        raise NotFound(what, ident)
    return found.id, found.last_seq
