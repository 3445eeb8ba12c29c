"""Demo data: the Korea–Japan esports competition, part-way through, some matches live."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import select

from . import views
from .config import Settings
from .db import Database
from .demo_data import (
    EFOOTBALL,
    LOL_TEAMS,
    PUBG_SQUADS,
    STATIONS,
    TEKKEN,
    VALORANT_CITIES,
    VALORANT_MAPS,
)
from .demo_games import WINS, Kind, Maps, Rounds, finished, series
from .formats.clashes import expected_end, utc
from .live.hub import Hub
from .models import Match, Stage, Tournament
from .schemas import (
    EventCreate,
    MatchUpdate,
    StageCreate,
    Station,
    TeamCreate,
    TournamentCreate,
    TournamentUpdate,
    Venue,
)
from .schemas_fields import Lang
from .services import matches, stage_reads, stages, tournaments
from .services.actors import COMMAND_LINE
from .services.context import Context

KST = ZoneInfo("Asia/Seoul")
FIRST_HOUR, LAST_HOUR = 13, 23  # the demo's matches are played 13:00-23:00 in Seoul
VENUE = "Olympic Hall, Seoul"  # where the demo is played (one venue; stages and booths)
VENUE_NAMES: dict[Lang, str] = {"en": VENUE, "ko": "서울 올림픽홀", "ja": "ソウル・オリンピックホール"}
# a live match began this long before its games in play: its first game is under way
LIVE_LEAD = timedelta(minutes=10)

def first_day(today: date) -> datetime:
    """The demo's planned first day: 13:00 in Seoul the day before ``today``. Each event's
    plan (13:00-23:00 a day) is then moved as a whole so that its live match began just
    before the demo is loaded: a match shown live is never hours early or late."""
    return datetime.combine(today - timedelta(days=1), time(FIRST_HOUR), KST)


def demo_slug(today: date) -> str:
    """The demo tournament's slug: named for the year its competition is played in."""
    return f"kj-esports-{first_day(today).year}"


async def load_demo(settings: Settings, now: datetime | None = None) -> bool:
    """Load the demo into an empty database; False (and nothing changed) otherwise.
    ``now`` (default: the clock) is the moment the demo shows: its live matches began
    shortly before it, its finished ones before them, the rest is to come."""
    db = Database(settings.database_url)
    ctx = Context(db=db, hub=Hub(), settings=settings)
    try:
        async with db.read() as session:
            if (await session.exec(select(Tournament.id).limit(1))).first() is not None:
                return False
        await _load(ctx, now or datetime.now(UTC))
        return True
    finally:
        await db.dispose()


async def _load(ctx: Context, now: datetime) -> None:
    rng = random.Random(2026)
    now = now.replace(minute=now.minute - now.minute % 5, second=0, microsecond=0)
    today = now.astimezone(KST).date()
    day1, slug, year = first_day(today), demo_slug(today), first_day(today).year
    day2 = day1 + timedelta(days=1)  # the planned day of play with matches live
    async with ctx.transaction() as s:
        await tournaments.create_tournament(s, TournamentCreate(
            slug=slug, name=f"Korea–Japan Esports Competition {year}",
            names={"ko": f"한일 e스포츠 대회 {year}", "ja": f"日韓eスポーツ大会{year}",
                   "en": f"Korea–Japan Esports Competition {year}"},
            starts_on=day1.date(), ends_on=(day1 + timedelta(days=2)).date(),
            venues=[Venue(name=VENUE, names=VENUE_NAMES)],
            stations=[Station(name=en, names={"en": en, "ko": ko, "ja": ja})
                      for en, ko, ja in STATIONS]))
    lol = await _event(ctx, slug, "lol", "League of Legends", "리그 오브 레전드", "リーグ・オブ・レジェンド",
                       [(en, ko, ja, n, p) for en, ko, ja, n, p in LOL_TEAMS])
    groups = await _stage(ctx, slug, "lol", ("Group stage", "조별 리그", "グループステージ"), lol,
                          "round_robin", {"groups": 2, "advance": 2, "game_minutes": 40,
                                          "game_score": "winner"})
    await _stage(ctx, slug, "lol", ("Playoffs", "플레이오프", "プレーオフ"),
                 {"from_stage": groups["id"], "qualifiers": 2},
                 "single_elimination",
                 {"best_of": 3, "best_of_by_round": {"2": 5}, "third_place_match": True,
                  "game_minutes": 45, "game_score": "winner"})
    planned = [await _play(ctx, groups, day1, ["done" for _ in groups["matches"]],
                           stream="https://www.twitch.tv/kj_esports", station="Main stage")]
    playoffs = await _stage_by_name(ctx, "Playoffs")
    planned.append(await _play(ctx, playoffs, day2, ["done", "live"],
                               stream="https://www.twitch.tv/kj_esports", station="Main stage"))
    shift = planned[-1].shift_to(now)  # the group stage the day before, as planned
    for plan in planned:
        await plan.write(ctx, shift)

    valorant = await _event(ctx, slug, "valorant", "VALORANT", "발로란트", "VALORANT", [
        (f"{en} Phantoms", f"{ko} 팬텀스", f"{ja}ファントムズ", n, [f"{en[:3].upper()}{i}"
                                                               for i in range(1, 6)])
        for en, ko, ja, n in VALORANT_CITIES])
    swiss = await _stage(ctx, slug, "valorant", ("Swiss stage", "스위스 스테이지", "スイスステージ"),
                         valorant, "swiss", {"pairing": "valve", "decider_best_of": 3,
                                             "game_score": "rounds", "game_first_to": 13,
                                             # a series' games are maps: "Map 2", "マップ2"
                                             "game_name": "map"})
    # round 3 is played in two waves of four (one match a station): the live match is the
    # last of its wave, the three beside it over (a match left waiting beside it would be
    # "up next" at a time already gone)
    plan = await _play(ctx, swiss, day2, ["done" for _ in range(16)]
                       + ["done" for _ in range(7)] + ["live"], kind=Maps(tuple(VALORANT_MAPS)),
                       stations=("Stage B", "Booth 3", "Booth 4", "Booth 5"))
    await plan.write(ctx, plan.shift_to(now))

    foot = await _event(ctx, slug, "efootball", "eFootball", "eFootball", "eFootball",
                        [(en, ko, ja, n, [en.split()[0] + "_" + n]) for en, ko, ja, n in EFOOTBALL])
    league = await _stage(ctx, slug, "efootball", ("League", "리그", "リーグ"), foot, "round_robin",
                          {"allow_draws": True, "best_of": 1, "game_score": "goals",
                           "game_minutes": 20,
                           "tiebreakers": ["points", "goal_difference", "goals_for",
                                           "head_to_head"]})
    results: list[dict[str, Any] | str] = []
    for _ in range(11):
        goals = [rng.randint(0, 4), rng.randint(0, 4)]
        won = (goals[0] > goals[1], goals[1] > goals[0])
        results.append({"games": [goals], "score": [int(won[0]), int(won[1])],
                        "status": "completed"})
    # the match on now: a goal in, the game in play (the series score stays 0-0 until it ends)
    results.append({"games": [{"score": [1, 0], "live": True}], "status": "live"})
    plan = await _play(ctx, league, day2 + timedelta(hours=1), results, station="Booth 1")
    await plan.write(ctx, plan.shift_to(now))

    tekken = await _event(ctx, slug, "tekken8", "Tekken 8", "철권 8", "鉄拳8",
                          [(en, ko, ja, n, [en.replace(" ", "").replace("-", "")])
                           for en, ko, ja, n in TEKKEN])
    top = await _stage(ctx, slug, "tekken8", ("Top 6", "TOP 6", "TOP 6"), tekken,
                       "double_elimination",
                       {"best_of": 5, "grand_final": "reset", "game_minutes": 10,
                        "game_score": "rounds", "game_first_to": 3})
    plan = await _play(ctx, top, day2 + timedelta(hours=2),
                       ["done" for _ in range(5)] + ["live"], station="Booth 2",
                       kind=Rounds(3))
    await plan.write(ctx, plan.shift_to(now))

    pubg = await _event(ctx, slug, "pubgm", "PUBG Mobile", "배틀그라운드 모바일", "PUBG MOBILE",
                        [(en, ko, ja, n, [f"{en.split()[0][:4]}{i}" for i in range(1, 5)])
                         for en, ko, ja, n in PUBG_SQUADS])
    final = await _stage(ctx, slug, "pubgm", ("Grand final", "그랜드 파이널", "グランドファイナル"),
                         pubg, "free_for_all", {"games": 6, "game_minutes": 30})
    played = 3  # of six games: the lobby began that many games (and a bit) ago
    await _play_lobby(ctx, final, now - played * timedelta(minutes=30) - LIVE_LEAD,
                      played=played, rng=random.Random(16))
    await _date(ctx, slug)


async def _play_lobby(ctx: Context, stage: views.StageView, start: datetime, played: int,
                      rng: random.Random) -> None:
    """A free-for-all lobby scheduled at ``start`` with ``played`` games reported: it is
    live, the next game under way."""
    (lobby,) = stage["matches"]
    async with ctx.transaction() as s:
        await matches.update_match(s, lobby["id"], MatchUpdate(
            scheduled_at=start, stream_url="https://www.twitch.tv/kj_pubgm", venue=VENUE,
            station="Stage C"), COMMAND_LINE, None)
    teams = list(lobby["teams"])
    for number in range(1, played + 1):
        order = sorted(teams, key=lambda t: rng.random() + teams.index(t) / 40)
        results = [{"team_id": t, "placement": place,
                    "kills": rng.randint(0, 3) + max(0, 9 - place) // 2 + rng.randint(0, 2)}
                   for place, t in enumerate(order, start=1)]
        async with ctx.transaction() as s:
            await matches.update_match(s, lobby["id"], MatchUpdate.model_validate(
                {"game": {"number": number, "results": results}}), COMMAND_LINE, None)


async def _event(ctx: Context, tournament: str, slug: str, en: str, ko: str, ja: str,
                 teams: list[tuple[str, str, str, str, list[str]]]) -> list[int]:
    async with ctx.transaction() as s:
        await tournaments.create_event(s, tournament, EventCreate(
            slug=slug, name=en, names={"ko": ko, "ja": ja, "en": en}, game=en,
            # each event is named for its game: its title in each language is that name
            # (the pages then show the name alone, not "리그 오브 레전드 / League of Legends")
            game_names={"ko": ko, "ja": ja, "en": en}))
    ids = []
    for seed, (t_en, t_ko, t_ja, nation, players) in enumerate(teams, start=1):
        async with ctx.transaction() as s:
            team = await tournaments.create_team(s, tournament, slug, TeamCreate.model_validate({
                "name": t_en, "names": {"ko": t_ko, "ja": t_ja, "en": t_en},
                "nation": nation, "seed": seed,
                "players": [{"handle": p} for p in players]}))
        assert team["id"] is not None
        ids.append(team["id"])
    return ids


async def _stage(ctx: Context, tournament: str, event: str, name: tuple[str, str, str], seeding: Any,
                 format_: str, settings: dict[str, Any]) -> views.StageView:
    en, ko, ja = name
    async with ctx.transaction() as s:
        return await stages.create_stage(s, tournament, event, StageCreate.model_validate({
            "name": en, "names": {"ko": ko, "ja": ja, "en": en}, "format": format_,
            "settings": settings, "seeding": seeding}))


async def _stage_by_name(ctx: Context, name: str) -> views.StageView:
    async with ctx.db.read() as s:
        found = (await s.exec(select(Stage).where(Stage.name == name))).one()
        return await stage_reads.stage_view(s, found)


def _in_hours(at: datetime, end: datetime) -> datetime:
    """``at`` if a match from ``at`` to ``end`` fits the day's play (13:00-23:00 in Seoul),
    else 13:00 the next day."""
    local = at.astimezone(KST)
    if local.hour < FIRST_HOUR:
        return local.replace(hour=FIRST_HOUR, minute=0)
    if end.astimezone(KST) > local.replace(hour=LAST_HOUR, minute=0):
        return (local + timedelta(days=1)).replace(hour=FIRST_HOUR, minute=0)
    return at


@dataclass
class Plan:
    """A stage's matches as played, with their planned times (and stations): written once
    every result is in, moved as a whole (``shift``) so that its live match began just
    before the moment the demo shows."""

    stage: views.StageView
    minutes: int
    stream: str | None
    venue: str
    begins: dict[int, tuple[datetime, str | None]] = field(default_factory=dict)
    played: list[int] = field(default_factory=list)  # numbers of the matches reported
    best_of: dict[int, int] = field(default_factory=dict)  # by match number
    live: tuple[int, int] | None = None  # the live match's number and its games in

    def shift_to(self, now: datetime) -> timedelta:
        assert self.live is not None, "a stage with a live match"
        number, games = self.live
        slot = expected_end(now, self.best_of[number], self.minutes) - now
        # its games so far, and a little: never so long ago that it overran its slot
        began = now - min(games * timedelta(minutes=self.minutes) + LIVE_LEAD,
                          slot - LIVE_LEAD)
        return began - self.begins[number][0]

    async def write(self, ctx: Context, shift: timedelta) -> None:
        async with ctx.db.read() as s:
            view = await stage_reads.stage_view(s, await stage_reads.stage_by_id(
                s, self.stage["id"]))
        for m in view["matches"]:
            if m["number"] in self.played or (m["status"] in ("pending", "ready")
                                              and m["number"] in self.begins):
                at, desk = self.begins[m["number"]]
                async with ctx.transaction() as s:
                    await matches.update_match(s, m["id"], MatchUpdate(
                        scheduled_at=at + shift, stream_url=self.stream, venue=self.venue,
                        station=desk), COMMAND_LINE, None)


async def _date(ctx: Context, slug: str) -> None:
    """The tournament's first and last day: those of its matches, in Seoul."""
    async with ctx.db.read() as s:
        tournament = (await s.exec(select(Tournament).where(Tournament.slug == slug))).one()
        times = [at for at in (await s.exec(select(Match.scheduled_at).where(
            Match.tournament_id == tournament.id))).all() if at is not None]
    days = sorted(utc(at).astimezone(KST).date() for at in times)
    async with ctx.transaction() as s:
        await tournaments.update_tournament(s, slug, TournamentUpdate(
            starts_on=days[0], ends_on=days[-1]))


async def _play(ctx: Context, stage: views.StageView, start: datetime,
                results: Sequence[dict[str, Any] | str], stream: str | None = None,
                rng: random.Random | None = None, kind: Kind = WINS,
                venue: str = VENUE, station: str | None = None,
                stations: Sequence[str] = ()) -> Plan:
    """Report ``results`` to the first ready match each time (so later rounds fill as
    earlier ones finish), planning a time for every match from ``start``; the times are
    written by the plan (``Plan.write``), moved to the moment the demo shows.
    A result ``"done"`` or ``"live"`` is drawn at random for the match's best-of and told
    game by game as ``kind`` plays (``demo_games``; the games' detail has an ``rng`` of its
    own, so it never changes who won).

    On one station the matches run back to back in match-number order; on several
    (``stations``: a Swiss stage's PCs) a round's matches run side by side in waves, and a
    round starts when the one before it ends. Each match gets the time the clash check
    expects of its best-of (``game_minutes`` a game a side needs), so none overlap, and
    play keeps to ten hours a day (13:00-23:00 as planned)."""
    rng = rng or random.Random(len(results))
    detail = random.Random(-len(results))
    minutes = stage["settings"].get("game_minutes", 60)
    desks: list[str | None] = [*stations] or [station]
    clock = {"at": start}
    out = Plan(stage, minutes, stream, venue)
    begins = out.begins

    def plan(found: Sequence[Any]) -> None:
        """A time and a station for every match not planned yet (later Swiss rounds are
        made as results come in, and follow the last one)."""
        new = sorted((m for m in found if m["number"] not in begins),
                     key=lambda m: (m["round"], m["number"]) if stations else m["number"])
        groups: dict[Any, list[Any]] = {}
        for m in new:
            groups.setdefault(m["round"] if stations else m["number"], []).append(m)
        for group in groups.values():
            for i in range(0, len(group), len(desks)):
                wave = group[i:i + len(desks)]
                longest = max(m["best_of"] for m in wave)
                at = _in_hours(clock["at"], expected_end(clock["at"], longest, minutes))
                for desk, m in zip(desks, wave, strict=False):
                    begins[m["number"]] = (at, desk)
                    out.best_of[m["number"]] = m["best_of"]
                clock["at"] = expected_end(at, longest, minutes)

    for body in results:
        async with ctx.db.read() as s:
            view = await stage_reads.stage_view(s, await stage_reads.stage_by_id(s, stage["id"]))
        plan(view["matches"])
        ready = next(m for m in view["matches"] if m["status"] == "ready")
        result = body if isinstance(body, dict) else series(
            rng, ready["best_of"], kind, live=body == "live", detail=detail)
        out.played.append(ready["number"])
        if result["status"] == "live":
            out.live = (ready["number"], finished(result))
        async with ctx.transaction() as s:
            await matches.update_match(s, ready["id"], MatchUpdate.model_validate(result),
                                       COMMAND_LINE, None)
    async with ctx.db.read() as s:
        view = await stage_reads.stage_view(s, await stage_reads.stage_by_id(s, stage["id"]))
    plan(view["matches"])
    return out
