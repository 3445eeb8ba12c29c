"""Reporting and correcting a match: validate, store, progress the bracket, publish."""

from __future__ import annotations

from datetime import UTC
from typing import Any

from sqlalchemy import exists, update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from .. import views
from ..errors import Conflict, Forbidden, InvalidInput, NotFound
from ..formats import scoring
from ..formats.progression import clear_result
from ..formats.types import FormatError
from ..live.outbox import emit, emit_many
from ..models import Match, Stage, Team, Tournament
from ..schemas import GameDetail, MatchUpdate
from . import rounds, waiting
from .actors import Actor
from .bracket import Bracket, propagate
from .reads import tournament_detail
from .stages import refresh_status, stage_view


async def withdrawn_teams(session: AsyncSession, stage: Stage) -> frozenset[int]:
    rows = await session.exec(select(Team.id).where(Team.event_id == stage.event_id,
                                                    col(Team.withdrawn)))
    return frozenset(t for t in rows.all() if t is not None)


async def load_for_write(session: AsyncSession,
                         match_id: int) -> tuple[Match, Stage, Tournament, bool]:
    """The match with its stage and tournament, in one query that also takes the
    tournament's write lock (``FOR UPDATE`` on PostgreSQL; SQLite writers already hold
    the database lock), so concurrent writers of a tournament never lose an update."""
    any_withdrawn = exists().where(col(Team.event_id) == col(Stage.event_id),
                                   col(Team.withdrawn))
    found = (await session.exec(
        select(Match, Stage, Tournament, any_withdrawn.label("any_withdrawn"))
        .join(Stage, col(Stage.id) == Match.stage_id)
        .join(Tournament, col(Tournament.id) == Match.tournament_id)
        .where(Match.id == match_id).with_for_update()
        )).first()
    if found is None:
        raise NotFound("Match", match_id)
    match, stage, tournament, withdrawn = found
    return match, stage, tournament, bool(withdrawn)


def _invalid(exc: FormatError) -> InvalidInput:
    return InvalidInput(exc.code, exc.message, exc.field, params=exc.params)


async def update_match(session: AsyncSession, match_id: int, body: MatchUpdate,
                       actor: Actor, if_match: int | None) -> dict[str, Any]:
    match, stage, tournament, any_withdrawn = await load_for_write(session, match_id)
    assert tournament.id is not None
    session.autoflush = False  # changes are written once, in publish_changes
    if not actor.may_referee(tournament.id, tournament.published, stage.event_id):
        raise Forbidden("not_assigned", "You are not a referee of this tournament.")
    if if_match is not None and if_match != match.version:
        raise Conflict("version_conflict",
                       f"The match changed (version {match.version}, not {if_match}); "
                       "reload and try again.", "If-Match",
                       extra={"match": views.match_view(match, tournament.timezone)})
    fields = body.model_fields_set
    if not fields:
        raise InvalidInput("empty_update", "Nothing to change: send status, score, games, "
                           "forfeit, scheduled_at or stream_url.")
    if not actor.is_admin and fields & {"scheduled_at", "stream_url"}:
        raise Forbidden("forbidden", "Referees change results and status; schedule and "
                        "streams are for admins.", sorted(fields & {"scheduled_at",
                                                                      "stream_url"})[0])
    withdrawn = await withdrawn_teams(session, stage) if any_withdrawn else frozenset()
    bracket = Bracket(session, stage.id or 0, withdrawn=withdrawn)
    bracket.remember(match)
    if "scheduled_at" in fields:  # stored in UTC: SQLite keeps no offset
        match.scheduled_at = body.scheduled_at.astimezone(UTC) if body.scheduled_at else None
    if "stream_url" in fields:
        match.stream_url = body.stream_url
    if fields & {"status", "score", "games", "forfeit"}:
        await _apply_result(bracket, stage, match, body, actor)
    bracket.touch(match)
    return await publish_changes(session, tournament, stage, bracket, match)


async def _apply_result(b: Bracket, stage: Stage, m: Match, body: MatchUpdate,
                        actor: Actor) -> None:
    fields = body.model_fields_set
    if not m.active:
        raise InvalidInput("match_not_needed", "This match is not played (no bracket reset).")
    if m.team1_id is None or m.team2_id is None:
        if m.status == "completed":
            raise InvalidInput("match_is_bye", "This match is a bye; it has no result.")
        raise InvalidInput("teams_unknown",
                           "The teams of this match are not known yet.", "status")
    status = body.status if "status" in fields else None
    if status == "pending":
        raise InvalidInput("invalid_status", "A match whose teams are known cannot be pending.",
                           "status")
    before = (m.status, m.winner, m.team1_id, m.team2_id)
    was_completed = m.status == "completed"
    if status == "ready":
        clear_result(m)
        m.status = "ready"
    elif body.forfeit is not None:
        clear_result(m)
        m.forfeit = body.forfeit
        m.winner = 3 - body.forfeit
        m.status = "completed"
    else:
        _apply_score(stage, m, body, status)
    if was_completed and (m.status, m.winner) != before[:2]:
        await _correct(b, stage, m, actor)
    elif m.status == "completed":
        await propagate(b, m)


def _apply_score(stage: Stage, m: Match, body: MatchUpdate, status: str | None) -> None:
    fields = body.model_fields_set
    completed = (status or m.status) == "completed"
    allow_draws = bool((stage.settings or {}).get("allow_draws", False))
    try:
        given: list[object] | None = None if body.games is None or "games" not in fields \
            else [g.model_dump() if isinstance(g, GameDetail) else g for g in body.games]
        games = scoring.check_games(given, m.best_of, allow_draws) if given is not None \
            else None
        maps = scoring.game_maps(given) if given is not None else None
        if "score" in fields and body.score is not None:
            score: list[int] = body.score
        elif games is not None:
            score = list(scoring.score_from_games(games))
        elif status is not None:
            score = [m.score1, m.score2]
        else:
            raise FormatError("invalid_score", "Send a score, games or a status.", "score")
        if games is not None and tuple(score) != scoring.score_from_games(games):
            raise FormatError("invalid_games", "The games do not add up to the score.", "games")
        result = scoring.check_result(score, best_of=m.best_of, completed=completed,
                                      allow_draws=allow_draws)
    except FormatError as exc:
        raise _invalid(exc) from exc
    m.score1, m.score2 = result.score
    if games is not None:
        m.games = games
        m.maps = maps
    elif m.games and scoring.score_from_games(m.games) != result.score:
        m.games = None  # a new score without games: the stored games no longer add up
        m.maps = None
    m.forfeit = None
    m.winner = result.winner
    m.draw = result.draw
    m.status = "completed" if completed else "live"


async def _correct(b: Bracket, stage: Stage, m: Match, actor: Actor) -> None:
    """A completed result changed: re-send the outcome; downstream results that depended on
    it are cleared (Swiss: the rounds paired after it are withdrawn). Referees may not
    clear results that were already played on."""
    await propagate(b, m)
    if stage.format == "swiss":
        b.dropped = await rounds.drop_later_rounds(b.session, stage, m.round)
    if (b.reset or b.dropped) and not actor.is_admin:
        raise Forbidden("correction_needs_admin",
                        "Changing this result resets matches already played or paired "
                        f"(ids {', '.join(str(x) for x in _reset_ids(b))}); ask an admin.",
                        "score", extra={"reset_matches": _reset_ids(b)})


def _reset_ids(b: Bracket) -> list[int]:
    return sorted([x.id for x in b.reset.values() if x.id is not None] + b.dropped)


MUTABLE = ("team1_id", "team2_id", "filled1", "filled2", "score1", "score2", "games", "maps",
           "status",
           "winner", "draw", "forfeit", "scheduled_at", "stream_url", "active", "version",
           "updated_at")


async def write_matches(session: AsyncSession, changed: list[Match]) -> None:
    """Write every changed match in one executemany (a report touches two or three);
    the rows leave the session so nothing writes them a second time."""
    if not changed:
        return
    for m in changed:
        if m in session:
            session.expunge(m)
    await session.flush()  # anything else pending goes first
    await session.exec(update(Match), params=[
        {"id": m.id, **{c: getattr(m, c) for c in MUTABLE}} for m in changed])


async def publish_changes(session: AsyncSession, tournament: Tournament, stage: Stage,
                          b: Bracket, match: Match | None) -> dict[str, Any]:
    """Write the changed matches, pair a Swiss round that became due, finish the stage
    (and start the stages seeded from it), and emit every event, in this transaction."""
    assert tournament.id is not None
    tz = tournament.timezone
    await write_matches(session, list(b.changed.values()))
    paired = await rounds.next_swiss_round(session, stage, b.withdrawn)
    for new in paired:
        b.changed[new.number] = new
    await emit_many(session, tournament.id, [
        ("match.updated", views.match_view(changed, tz))
        for changed in sorted(b.changed.values(), key=lambda x: x.number)])
    finished = any(m.winner_to is None for m in b.changed.values()) \
        and await refresh_status(session, stage)
    started = await waiting.sync(session, stage) if finished else []
    if finished or b.dropped or started or paired:
        await session.flush()
        for s in (stage, *started):
            await emit(session, tournament.id, "stage.updated",
                       await stage_view(session, s, tournament))
    if finished:
        await emit(session, tournament.id, "tournament.updated",
                   await tournament_detail(session, tournament.slug))
    if match is None:
        return {}
    return views.match_view(match, tz) | {"reset_matches": _reset_ids(b)}

