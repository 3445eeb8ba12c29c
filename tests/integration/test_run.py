"""The README's first command: ``python run.py --demo`` serves the demo on an SQLite file."""

from __future__ import annotations

import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
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
    started = datetime.now(UTC)  # the demo shows the moment it is loaded
    days = {started.astimezone(seoul).date()}
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
        loaded = datetime.now(UTC)
        days.add(loaded.astimezone(seoul).date())  # (a load across midnight may take either)
        (listed,) = httpx.get(f"{base}/api/tournaments").json()
        slug = listed["slug"]
        t = httpx.get(f"{base}/api/tournaments/{slug}").json()
        # The demo is named for the year it began (the day before it is loaded, in Seoul)
        year = int(slug.rsplit("-", 1)[1])
        assert year in {(d - timedelta(days=1)).year for d in days}
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
        # ... and each began shortly before the demo was loaded: never hours early (a live
        # match planned for 19:30 while the clock said 01:44) nor hours late
        for m in live:
            began = datetime.fromisoformat(m["scheduled_at"])
            assert started - timedelta(hours=2) <= began <= loaded, m
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
            times += [(m["status"], datetime.fromisoformat(m["scheduled_at"]))
                      for m in page["items"] if m["scheduled_at"]]
            cursor = page.get("next")
            if not cursor:
                break
        assert len(times) >= 70
        # finished matches were played before it, matches to come are after the live ones
        # began; the tournament's days are those of its matches
        for status, at in times:
            if status == "completed":
                assert at <= loaded
            elif status in ("ready", "pending"):
                assert at >= started - timedelta(hours=2)
        dates = sorted(at.astimezone(seoul).date() for _, at in times)
        assert (t["starts_on"], t["ends_on"]) == (str(dates[0]), str(dates[-1]))
        assert dates[0] < loaded.astimezone(seoul).date()  # it began the day(s) before
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


@pytest.mark.long(10)
def test_the_demo_is_live_whenever_it_is_loaded(tmp_path):
    """Loaded at 01:44 in Seoul, the demo's live matches were planned for 14:30-19:30 that
    day: shown live 13 to 18 hours early. Each event's plan now moves as a whole so that its
    live match began just before the moment loaded (here after midnight on New Year's Day:
    the slug keeps the year the competition began)."""
    import asyncio
    import sqlite3

    from tournament.config import Settings
    from tournament.demo import load_demo

    now = datetime(2027, 1, 1, 1, 44, tzinfo=ZoneInfo("Asia/Seoul"))
    db = tmp_path / "demo.db"
    subprocess.run([sys.executable, "run.py", "--db", str(db), "migrate"], cwd=ROOT,
                   check=True, capture_output=True, timeout=60)
    assert asyncio.run(load_demo(Settings(database_url=f"sqlite+aiosqlite:///{db}"), now))
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT status, scheduled_at FROM match "
                           "WHERE scheduled_at IS NOT NULL").fetchall()
        (slug, starts_on, ends_on), = con.execute(
            "SELECT slug, starts_on, ends_on FROM tournament").fetchall()
    at = [(status, datetime.fromisoformat(text).replace(tzinfo=UTC)) for status, text in rows]
    live = [when for status, when in at if status == "live"]
    assert len(live) == 5  # one a stage: playoffs, Swiss, league, double elim., lobby
    assert all(now - timedelta(hours=2) <= when <= now for when in live), sorted(live)
    assert all(when <= now for status, when in at if status == "completed")
    assert all(when > now - timedelta(hours=2) for status, when in at
               if status in ("ready", "pending"))
    days = sorted(when.astimezone(ZoneInfo("Asia/Seoul")).date() for _, when in at)
    assert (starts_on, ends_on) == (str(days[0]), str(days[-1]))
    assert slug == "kj-esports-2026" and starts_on < "2027-01-01"
