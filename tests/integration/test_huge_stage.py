"""Issue 8, item 3: one tournament's huge stage is refused (or, at the largest sizes
allowed, bounded) while the server keeps answering everyone else: /healthz and another
tournament's writes go on during it. A real server on an SQLite file (one writer at a
time: the hardest case for "never starve the others")."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.helpers import AUTH, make_event, make_stage
from tournament.migrate import upgrade

pytestmark = pytest.mark.asyncio(loop_scope="session")
TEAMS = 1000


async def _bulk_teams(db_url: str, slug: str, count: int) -> None:
    """Enter ``count`` teams straight into the database (the setup, not the test)."""
    engine = create_async_engine(db_url)
    async with engine.begin() as conn:
        event_id = (await conn.execute(text(
            "SELECT e.id FROM event e JOIN tournament t ON t.id = e.tournament_id "
            "WHERE t.slug = :s"), {"s": slug})).scalar_one()
        await conn.execute(text(
            "INSERT INTO team (event_id, name, names, withdrawn) VALUES (:e, :n, '{}', false)"),
            [{"e": event_id, "n": f"Team {i}"} for i in range(count)])
    await engine.dispose()


async def test_a_huge_stage_never_starves_the_others(tmp_path, server_factory):
    db_url = f"sqlite+aiosqlite:///{tmp_path / 'huge.db'}"
    upgrade(db_url)
    server = server_factory(db_url)
    async with httpx.AsyncClient(base_url=server.url, timeout=60) as client:
        big = await make_event(client, 0)
        await _bulk_teams(db_url, big["slug"], TEAMS)
        other = await make_event(client, 2)
        match = (await make_stage(client, other, settings={"best_of": 3}))["matches"][0]
        stages = f"/api/tournaments/{big['slug']}/events/lol/stages"

        async def create(body: dict) -> httpx.Response:
            return await client.post(stages, json={"name": "Huge", **body}, headers=AUTH)

        async def meanwhile(task: asyncio.Task) -> list[tuple[str, int, float]]:
            seen = []
            score = 0
            while not task.done():
                for what in ("healthz", "write"):
                    t0 = time.monotonic()
                    if what == "healthz":
                        r = await client.get("/healthz", timeout=15)
                    else:
                        score = 1 - score
                        r = await client.patch(f"/api/matches/{match['id']}", json={
                            "score": [score, 0], "status": "live"}, headers=AUTH, timeout=15)
                    seen.append((what, r.status_code, time.monotonic() - t0))
                await asyncio.sleep(0.05)
            return seen

        refused = asyncio.create_task(create({"format": "round_robin"}))
        during = await meanwhile(refused)
        r = await refused
        assert r.status_code == 422 and r.json()["error"]["code"] == "stage_too_large"
        assert (await client.get(f"/api/tournaments/{big['slug']}/events/lol")
                ).json()["stages"] == []

        bounded = asyncio.create_task(create({"format": "double_elimination"}))
        during += await meanwhile(bounded)
        r = await bounded
        assert r.status_code == 201, r.text
        assert len(r.json()["matches"]) <= 2 * 1024  # a 1,024 bracket with byes
        assert {what for what, _, _ in during} == {"healthz", "write"}
        assert all(status == 200 for _, status, _ in during), during
