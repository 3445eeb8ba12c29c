"""Demo data: the Korea–Japan esports competition, part-way through, some matches live."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import select

from .config import Settings
from .db import Database
from .live.hub import Hub
from .models import Tournament
from .schemas import EventCreate, MatchUpdate, StageCreate, TeamCreate, TournamentCreate
from .services import matches, stages, tournaments
from .services.context import Context

SLUG = "kj-esports-2026"
KST = ZoneInfo("Asia/Seoul")

LOL_TEAMS = [  # (en, ko, ja, nation, players)
    ("Seoul Tigers", "서울 타이거즈", "ソウル・タイガース", "KR", ["Faker9", "Canyon", "Zeka", "Ruler", "Keria"]),
    ("Tokyo Ronin", "도쿄 로닌", "東京ローニン", "JP", ["Evi", "Steal", "Aria", "Yutapon", "Gaeng"]),
    ("Busan Waves", "부산 웨이브즈", "釜山ウェーブス", "KR", ["Kiin", "Oner", "Chovy", "Gumayusi", "Lehends"]),
    ("Osaka Blaze", "오사카 블레이즈", "大阪ブレイズ", "JP", ["Paz", "Cassin", "DasheR", "Marble", "Vsta"]),
    ("Incheon Falcons", "인천 팔콘스", "仁川ファルコンズ", "KR", ["Doran", "Peanut", "Bdd", "Viper", "Delight"]),
    ("Fukuoka Sparks", "후쿠오카 스파크스", "福岡スパークス", "JP", ["Tol2", "Hachani", "Recap", "Kakkun", "Harp"]),
    ("Daegu Storm", "대구 스톰", "大邱ストーム", "KR", ["Kingen", "Cuzz", "Clozer", "Aiming", "BeryL"]),
    ("Sapporo Frost", "삿포로 프로스트", "札幌フロスト", "JP", ["Nap", "Once", "Megumiin", "Jett", "Hoglet"]),
]
EFOOTBALL = [
    ("Kim Min-jun", "김민준", "キム・ミンジュン", "KR"), ("Sato Haruto", "사토 하루토", "佐藤陽翔", "JP"),
    ("Lee Seo-yeon", "이서연", "イ・ソヨン", "KR"), ("Suzuki Yui", "스즈키 유이", "鈴木結衣", "JP"),
    ("Park Ji-ho", "박지호", "パク・ジホ", "KR"), ("Takahashi Ren", "다카하시 렌", "高橋蓮", "JP"),
    ("Choi Yu-na", "최유나", "チェ・ユナ", "KR"), ("Tanaka Aoi", "다나카 아오이", "田中葵", "JP"),
]
TEKKEN = [
    ("Han Seung-woo", "한승우", "ハン・スンウ", "KR"), ("Yamamoto Sora", "야마모토 소라", "山本空", "JP"),
    ("Yoon Da-eun", "윤다은", "ユン・ダウン", "KR"), ("Nakamura Riku", "나카무라 리쿠", "中村陸", "JP"),
    ("Jung Hyun", "정현", "チョン・ヒョン", "KR"), ("Kobayashi Mei", "고바야시 메이", "小林芽依", "JP"),
]


async def load_demo(settings: Settings) -> bool:
    """Load the demo into an empty database; False (and nothing changed) otherwise."""
    db = Database(settings.database_url)
    ctx = Context(db=db, hub=Hub(), settings=settings)
    try:
        async with db.read() as session:
            if (await session.exec(select(Tournament.id).limit(1))).first() is not None:
                return False
        await _load(ctx)
        return True
    finally:
        await db.dispose()


async def _load(ctx: Context) -> None:
    day1 = datetime(2026, 11, 27, 13, 0, tzinfo=KST)
    async with ctx.transaction() as s:
        await tournaments.create_tournament(s, TournamentCreate(
            slug=SLUG, name="Korea–Japan Esports Competition 2026",
            names={"ko": "한일 e스포츠 대회 2026", "ja": "日韓eスポーツ大会2026",
                   "en": "Korea–Japan Esports Competition 2026"},
            starts_on=day1.date(), ends_on=(day1 + timedelta(days=2)).date()))
    lol = await _event(ctx, "lol", "League of Legends", "리그 오브 레전드", "リーグ・オブ・レジェンド",
                       [(en, ko, ja, n, p) for en, ko, ja, n, p in LOL_TEAMS])
    foot = await _event(ctx, "efootball", "eFootball", "eFootball", "eFootball",
                        [(en, ko, ja, n, [en.split()[0] + "_" + n]) for en, ko, ja, n in EFOOTBALL])
    tekken = await _event(ctx, "tekken8", "Tekken 8", "철권 8", "鉄拳8",
                          [(en, ko, ja, n, [en.replace(" ", "").replace("-", "")])
                           for en, ko, ja, n in TEKKEN])
    lol_stage = await _stage(ctx, "lol", "Playoffs", lol, {
        "best_of": 3, "best_of_by_round": {"3": 5}, "third_place_match": True})
    await _play(ctx, lol_stage, day1, [
        ({"score": [2, 1], "games": [[1, 0], [0, 1], [1, 0]], "status": "completed"}),
        ({"score": [2, 0], "status": "completed"}),
        ({"score": [1, 2], "status": "completed"}),
        ({"score": [1, 1], "status": "live"}),
    ], stream="https://www.twitch.tv/kj_esports")
    foot_stage = await _stage(ctx, "efootball", "Knockout", foot, {"best_of": 3})
    await _play(ctx, foot_stage, day1 + timedelta(hours=1), [
        ({"score": [2, 0], "games": [[3, 1], [2, 0]], "status": "completed"}),
        ({"score": [1, 2], "games": [[1, 0], [0, 2], [1, 3]], "status": "completed"}),
        ({"score": [2, 1], "games": [[2, 3], [1, 0], [4, 2]], "status": "completed"}),
        ({"score": [0, 2], "games": [[0, 1], [1, 2]], "status": "completed"}),
        ({"score": [2, 1], "status": "completed"}),
        ({"score": [0, 1], "games": [[0, 1]], "status": "live"}),
    ])
    tek_stage = await _stage(ctx, "tekken8", "Top 8", tekken, {"best_of": 5})
    await _play(ctx, tek_stage, day1 + timedelta(hours=2), [
        ({"score": [3, 2], "status": "completed"}),
        ({"score": [1, 3], "status": "completed"}),
        ({"score": [2, 1], "status": "live"}),
    ])


async def _event(ctx: Context, slug: str, en: str, ko: str, ja: str,
                 teams: list[tuple[str, str, str, str, list[str]]]) -> list[int]:
    async with ctx.transaction() as s:
        await tournaments.create_event(s, SLUG, EventCreate(
            slug=slug, name=en, names={"ko": ko, "ja": ja, "en": en}, game=en))
    ids = []
    for seed, (t_en, t_ko, t_ja, nation, players) in enumerate(teams, start=1):
        async with ctx.transaction() as s:
            team = await tournaments.create_team(s, SLUG, slug, TeamCreate.model_validate({
                "name": t_en, "names": {"ko": t_ko, "ja": t_ja, "en": t_en},
                "nation": nation, "seed": seed,
                "players": [{"handle": p} for p in players]}))
        ids.append(team["id"])
    return ids


async def _stage(ctx: Context, event: str, name: str, teams: list[int],
                 settings: dict[str, Any]) -> dict[str, Any]:
    async with ctx.transaction() as s:
        return await stages.create_stage(s, SLUG, event, StageCreate(
            name=name, format="single_elimination", settings=settings, seeding=teams))


async def _play(ctx: Context, stage: dict[str, Any], start: datetime,
                results: list[dict[str, Any]], stream: str | None = None) -> None:
    """Schedule every match an hour apart, then report ``results`` to the first ready
    match each time (so later rounds fill as earlier ones finish)."""
    admin = matches.Actor("admin")
    for i, m in enumerate(stage["matches"]):
        async with ctx.transaction() as s:
            await matches.update_match(s, m["id"], MatchUpdate(
                scheduled_at=start + timedelta(hours=i), stream_url=stream), admin, None)
    for body in results:
        async with ctx.transaction() as s:
            view = await stages.stage_view(s, await stages.stage_by_id(s, stage["id"]))
            ready = next(m for m in view["matches"] if m["status"] == "ready")
            await matches.update_match(s, ready["id"], MatchUpdate.model_validate(body),
                                       admin, None)
