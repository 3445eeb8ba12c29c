"""The README's first command: ``python run.py --demo`` serves the demo on an SQLite file."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
from sqlalchemy import text

from tests.conftest import ROOT, free_port
from tests.helpers import soup
from tournament.db import Database


@pytest.mark.long(10)
def test_run_py_demo_serves_the_competition(tmp_path):
    port = free_port()
    db = tmp_path / "demo.db"
    seoul = ZoneInfo("Asia/Seoul")
    days = {datetime.now(seoul).date()}  # the day the demo is loaded on, in Seoul
    proc = subprocess.Popen([sys.executable, "run.py", "--demo", "--db", str(db),
                             "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert proc.poll() is None, "run.py exited"
            try:
                if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).text == "ok":
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "run.py did not start"
            time.sleep(0.2)
        base = f"http://127.0.0.1:{port}"
        days.add(datetime.now(seoul).date())  # (a load across midnight may take either)
        (listed,) = httpx.get(f"{base}/api/tournaments").json()
        slug = listed["slug"]
        t = httpx.get(f"{base}/api/tournaments/{slug}").json()
        # The demo is dated from the day it is loaded: yesterday, today and tomorrow in Seoul,
        # so its live matches are on today's schedule, not days late.
        today = next(d for d in days if t["starts_on"] == str(d - timedelta(days=1)))
        year = (today - timedelta(days=1)).year
        assert (slug, t["ends_on"]) == (f"kj-esports-{year}", str(today + timedelta(days=1)))
        assert {e["slug"] for e in t["events"]} == {"lol", "valorant", "efootball", "tekken8",
                                                     "pubgm"}
        assert {n["nation"] for n in t["nations"]} == {"KR", "JP"}
        home = soup(httpx.get(f"{base}/tournaments/{slug}?lang=ko").text)
        assert home.h1 is not None and home.h1.get_text(strip=True) == f"한일 e스포츠 대회 {year}"
        # The live matches are the ones shown live (their badge: 라이브), no more, no less
        # ("LIVE" is somewhere in every tournament page's translations, so look at badges).
        live = httpx.get(f"{base}/api/matches", params={
            "tournament": slug, "status": "live", "limit": 200}).json()["items"]
        assert live, "the demo has matches live"
        assert {datetime.fromisoformat(m["scheduled_at"]).astimezone(seoul).date()
                for m in live} == {today}
        shown = {int(box["data-match"]) for box in home.select("[data-match]")
                 if box.select_one("[data-badge]").get_text(strip=True) == "라이브"}
        assert shown == {m["id"] for m in live}
        formats = set()
        for e in t["events"]:
            event = httpx.get(f"{base}/api/tournaments/{slug}/events/{e['slug']}").json()
            formats |= {s["format"] for s in event["stages"]}
        assert formats == {"single_elimination", "double_elimination", "round_robin", "swiss",
                           "free_for_all"}
        pubg = httpx.get(f"{base}/api/tournaments/{slug}/events/pubgm").json()
        lobby = httpx.get(f"{base}/api/stages/{pubg['stages'][0]['id']}").json()["matches"][0]
        # part-way through: three of six games in, the lobby live
        assert (len(lobby["teams"]), len(lobby["placings"]), lobby["status"]) == (16, 3, "live")
        # the schedule keeps to the day's play, 13:00-23:00 in Seoul (the clash check that
        # every demo write goes through keeps teams, stations and streams apart)
        times, cursor = [], None
        while True:
            page = httpx.get(f"{base}/api/matches", params={
                "tournament": slug, "limit": 200,
                **({"cursor": cursor} if cursor else {})}).json()
            times += [m["scheduled_at"] for m in page["items"] if m["scheduled_at"]]
            cursor = page.get("next")
            if not cursor:
                break
        assert len(times) >= 70
        hours = sorted({datetime.fromisoformat(t).astimezone(seoul).hour for t in times})
        assert hours[0] >= 13 and hours[-1] <= 22, hours
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    # A second start finds data and leaves it alone.
    out = subprocess.run([sys.executable, "-c", (
        "import asyncio; from tournament.config import Settings; "
        "from tournament.demo import load_demo; "
        f"print(asyncio.run(load_demo(Settings(database_url='sqlite+aiosqlite:///{db}'))))")],
        cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "False"


@pytest.mark.asyncio(loop_scope="session")
async def test_sqlite_is_wal_with_full_sync(sqlite_url):
    db = Database(sqlite_url)
    try:
        for engine in (db.engine, db.write_engine):
            async with engine.connect() as conn:
                assert (await conn.execute(text("PRAGMA journal_mode"))).scalar() == "wal"
                assert (await conn.execute(text("PRAGMA synchronous"))).scalar() == 2  # FULL
    finally:
        await db.dispose()
