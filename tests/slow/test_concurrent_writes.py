"""Issue 10: 200 writes at once with the same If-Match, against a real server on SQLite
and on PostgreSQL: exactly one is applied (200), the 199 others get 409 with the current
match, and the audit trail holds exactly one entry for it."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import pytest

from tests.helpers import AUTH, make_event, make_stage

pytestmark = [pytest.mark.asyncio(loop_scope="session"), pytest.mark.slow]
WRITERS = 200


async def test_200_writes_with_one_if_match_apply_once(db_url, server_factory):
    server = server_factory(db_url)
    limits = httpx.Limits(max_connections=WRITERS, max_keepalive_connections=WRITERS)
    async with httpx.AsyncClient(base_url=server.url, timeout=120, limits=limits) as client:
        event = await make_event(client, 2)
        match = (await make_stage(client, event, settings={"best_of": 5}))["matches"][0]
        version = str(match["version"])

        async def write(i: int) -> httpx.Response:
            return await client.patch(f"/api/matches/{match['id']}", json={
                "score": [i % 3, (i // 3) % 3], "status": "live"},
                headers={**AUTH, "If-Match": version})

        answers = await asyncio.gather(*(write(i) for i in range(WRITERS)))
        codes = Counter(r.status_code for r in answers)
        assert codes == {200: 1, 409: WRITERS - 1}, codes
        winner = next(r.json() for r in answers if r.status_code == 200)
        for r in answers:
            if r.status_code == 409:
                assert r.json()["error"]["code"] == "version_conflict"
                assert r.json()["match"]["version"] == winner["version"]
        stored = (await client.get(f"/api/matches/{match['id']}")).json()
        assert stored["version"] == match["version"] + 1 and stored["score"] == winner["score"]
        entries = (await client.get(f"/api/tournaments/{event['slug']}/audit", params={
            "target": f"match:{match['id']}"}, headers=AUTH)).json()["items"]
        assert len(entries) == 1 and entries[0]["after"]["score"] == winner["score"]
