"""The page script (static/js/live.js) in a real Chromium against real servers: it shows
live / reconnecting, resumes from its last seq after the server dies, and applies a
snapshot in place (no reload) when it was away for longer than the server keeps events."""

from __future__ import annotations

import os
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Page, async_playwright, expect

from tests.helpers import AUTH, by_number, make_event, make_stage
from tests.live_support import Servers

pytestmark = pytest.mark.asyncio(loop_scope="session")

CHROMIUM = os.environ.get("TOURNAMENT_CHROMIUM", "/usr/bin/chromium")
RECONNECT = 45000  # ms: live.js's longest wait between tries (30 s), and the try itself
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


async def score_of(page: Page, match_id: int, side: int) -> str:
    return str(await page.locator(
        f'.match[data-match="{match_id}"] [data-side="{side}"] [data-score]').text_content())


@pytest.mark.long(18)
async def test_page_resumes_after_a_crash_and_applies_a_snapshot_in_place(sqlite_url):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium is needed at {CHROMIUM} (apt-get install chromium)")
    with Servers() as servers:
        server = servers.start(sqlite_url, TOURNAMENT_EVENT_RETENTION="4")
        async with httpx.AsyncClient(base_url=server.url) as client, async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            event = await make_event(client, 8)
            st = await make_stage(client, event, settings={"best_of": 5})
            m = by_number(st)
            page = await browser.new_page()
            await page.goto(f"{server.url}/tournaments/{event['slug']}/events/lol?lang=en")
            conn = page.locator("[data-conn]")
            await expect(conn).to_have_attribute("data-conn", "live")
            await page.evaluate("window.__marker = 'no-reload'; window.__snapshots = 0; "
                                "document.addEventListener('tournament:snapshot', "
                                "() => window.__snapshots++)")
            r = await client.patch(f"/api/matches/{m[1]['id']}", headers=AUTH,
                                   json={"score": [1, 0], "status": "live"})
            assert r.status_code == 200
            await expect(page.locator(f'.match[data-match="{m[1]["id"]}"] '
                                      '[data-side="0"] [data-score]')).to_have_text("1")

            server.stop(kill=True)  # the server dies
            await expect(conn).to_have_attribute("data-conn", "reconnecting")
            server = servers.add(server.restart())
            r = await client.patch(f"{server.url}/api/matches/{m[2]['id']}", headers=AUTH,
                                   json={"score": [0, 2], "status": "live"})
            assert r.status_code == 200  # written while the page was away: replayed
            # the bound only stops a hang: the page backs off up to 30 s between tries
            # (live.js), and a restart on a loaded machine takes several tries (a 15 s
            # bound failed once in a run beside other work: the sixth try waits 8-16 s)
            await expect(conn).to_have_attribute("data-conn", "live", timeout=RECONNECT)
            await expect(page.locator(f'.match[data-match="{m[2]["id"]}"] '
                                      '[data-side="1"] [data-score]')).to_have_text("2")

            server.stop(kill=True)  # away again, and this time for many events
            await expect(conn).to_have_attribute("data-conn", "reconnecting")
            # kept away until they are written (offline): a page that came back between the
            # restart and the writes got them live, with no snapshot (a run with three
            # workers on two cores failed so)
            await page.context.set_offline(True)
            server = servers.add(server.restart())
            for score in ([1, 1], [2, 1], [2, 2], [3, 2]):
                r = await client.patch(f"{server.url}/api/matches/{m[3]['id']}",
                                       headers=AUTH, json={
                                           "score": score,
                                           "status": "completed" if score[0] == 3 else "live"})
                assert r.status_code == 200
            await page.context.set_offline(False)
            await expect(conn).to_have_attribute("data-conn", "live", timeout=RECONNECT)
            box = page.locator(f'.match[data-match="{m[3]["id"]}"]')
            await expect(box.locator('[data-side="0"] [data-score]')).to_have_text("3")
            await expect(box.locator('[data-side="0"]')).to_have_class("side won")
            seq = (await client.get(f"{server.url}/api/tournaments/{event['slug']}")
                   ).json()["last_seq"]
            await expect(page.locator("body")).to_have_attribute("data-seq", str(seq))
            assert await page.evaluate("window.__marker") == "no-reload"
            assert await page.evaluate("window.__snapshots") == 1  # the second return only
            await browser.close()
