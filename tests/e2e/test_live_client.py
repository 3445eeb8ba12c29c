"""static/js/live.js in a real Chromium, against a scripted feed (Playwright's
``route_web_socket``: the page's socket talks to the test, not to the server) and a clock the
test moves (``page.clock``): duplicate frames are ignored, a seq gap reopens the socket with
``since`` and applies nothing out of order, a missing pong closes a dead socket and
reconnects, offline/online, and the quick reconnect on 1001/1012 against the backoff of
other closes. Last, the slow send path (``TOURNAMENT_LIVE_FAST_PATH=0``) on a real server."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from playwright.async_api import Page, WebSocketRoute, expect

from tests.helpers import AUTH, by_number, make_event, make_stage, until

pytestmark = pytest.mark.asyncio(loop_scope="session")
START = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)


class Feed:
    """Every socket the page opens, answered by the test; ``pings`` counts the page's."""

    def __init__(self) -> None:
        self.sockets: list[WebSocketRoute] = []
        self.closed: list[int | None] = []
        self.pings = 0
        self.answer_pings = True

    def since(self, i: int) -> int:
        return int(parse_qs(urlparse(self.sockets[i].url).query)["since"][0])

    def handler(self, ws: WebSocketRoute) -> None:
        self.sockets.append(ws)

        def on_message(message: str | bytes) -> None:
            if json.loads(message).get("type") == "ping":
                self.pings += 1
                if self.answer_pings:
                    ws.send('{"type":"pong"}')

        done = False

        def on_close(code: int | None, reason: str | None) -> None:
            nonlocal done
            if done:  # our answering close can be reported back once more: one close each
                return
            done = True
            self.closed.append(code)  # the page closed: answer its close (a handler
            # replaces Playwright's default of closing the other side)
            asyncio.get_running_loop().create_task(ws.close(code=code, reason=reason))

        ws.on_message(on_message)
        ws.on_close(on_close)


async def page_with_feed(browser: Any, base: str, path: str = "/stages/"
                         ) -> tuple[Page, Feed, dict[str, Any], int]:
    """A stage page (or its overlay: ``path="/overlay/stages/"``) whose feed is scripted,
    with its clock installed; (page, feed, match 1 as the API shows it, the seq the page was
    rendered at)."""
    async with httpx.AsyncClient(base_url=base) as client:
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 3})
        match = (await client.get(f"/api/matches/{by_number(st)[1]['id']}")).json()
    page = await browser.new_page()
    feed = Feed()
    # Fake timers, paused: no timer of the page fires unless the test moves the clock.
    # Installed clocks run until paused, and pause_at refuses a time already past: it was
    # START + 1 s, which a loaded machine once passed between the two calls (CI failure
    # "Cannot fast-forward to the past"); no page is open yet, so the jump fires nothing.
    await page.clock.install(time=START)
    await page.clock.pause_at(START + timedelta(minutes=10))
    await page.route_web_socket(re.compile(r"/ws/tournaments/"), feed.handler)
    await page.goto(f"{base}{path}{st['id']}?lang=en")
    seq = int(await page.evaluate("document.body.dataset.seq"))
    await until(lambda: len(feed.sockets) == 1, what="the page opened its feed")
    if path == "/stages/":  # an overlay shows no connection state
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
    assert feed.since(0) == seq
    return page, feed, match, seq


def update(match: dict[str, Any], seq: int, score: list[int]) -> str:
    data = {**match, "score": score, "status": "live"}
    return json.dumps({"type": "match.updated", "seq": seq, "data": data})


async def conn(page: Page, state: str) -> None:
    """The page's connection state: "reconnecting" once its onclose ran (the retry timer is
    set, so the clock can be moved), "live" once the next socket opened."""
    await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", state)


def score_of(page: Page, match: dict[str, Any], side: int) -> Any:
    return page.locator(f'[data-match="{match["id"]}"] [data-side="{side}"] [data-score]'
                        ).first


async def test_duplicates_are_ignored_and_a_gap_reopens_with_since(browser, module_server):
    page, feed, match, seq = await page_with_feed(browser, module_server.url)
    ws = feed.sockets[0]
    ws.send(update(match, seq + 1, [1, 0]))
    await expect(score_of(page, match, 0)).to_have_text("1")
    ws.send(update(match, seq + 1, [0, 1]))  # the same seq again, other data: a duplicate
    ws.send(update(match, seq, [0, 0]))  # an older one
    ws.send('{"type":"pong"}')  # a frame after them: they were handled before it
    await page.wait_for_function(f"document.body.dataset.seq === '{seq + 1}'")
    await expect(score_of(page, match, 0)).to_have_text("1")
    await expect(score_of(page, match, 1)).to_have_text("0")
    # seq + 3 skips seq + 2: not applied; the page reopens from the last seq it has
    ws.send(update(match, seq + 3, [2, 1]))
    await until(lambda: feed.closed == [4000], what="closed for the gap")
    await conn(page, "reconnecting")
    await page.clock.run_for(1000)  # the quick reconnect: within a second
    await until(lambda: len(feed.sockets) == 2, what="reopened")
    assert feed.since(1) == seq + 1
    await expect(score_of(page, match, 0)).to_have_text("1")
    # the server replays the gap, in order
    feed.sockets[1].send(update(match, seq + 2, [1, 1]))
    feed.sockets[1].send(update(match, seq + 3, [2, 1]))
    await expect(score_of(page, match, 0)).to_have_text("2")
    await expect(score_of(page, match, 1)).to_have_text("1")
    assert await page.evaluate("document.body.dataset.seq") == str(seq + 3)
    await page.close()


async def test_a_socket_without_a_pong_is_closed_and_reopened(browser, module_server):
    page, feed, match, seq = await page_with_feed(browser, module_server.url)
    await page.clock.run_for(25_000)  # the page pings every 25 s
    await until(lambda: feed.pings == 1)  # answered with a pong; then an event, so that
    feed.sockets[0].send(update(match, seq + 1, [1, 0]))  # we see the page has read both
    await page.wait_for_function(f"document.body.dataset.seq === '{seq + 1}'")
    await page.clock.run_for(10_000)  # answered: still open
    feed.answer_pings = False  # the connection dies silently
    await page.clock.run_for(15_000)
    await until(lambda: feed.pings == 2)
    await page.clock.run_for(9_000)
    await page.evaluate("0")  # a round trip to the page: anything it would send has come
    assert feed.closed == []  # not yet: 10 s without any message
    await page.clock.run_for(1_500)
    await until(lambda: feed.closed == [4001], what="closed for the missing pong")
    await conn(page, "reconnecting")
    await page.clock.run_for(1_000)  # first retry: within 0.5-1 s
    await until(lambda: len(feed.sockets) == 2)
    assert feed.since(1) == seq + 1
    await conn(page, "live")
    await page.close()


async def test_offline_closes_and_online_reconnects(browser, module_server):
    page, feed, _, seq = await page_with_feed(browser, module_server.url)
    await page.context.set_offline(True)
    await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "offline")
    await until(lambda: feed.closed == [4002], what="closed when offline")
    await page.clock.run_for(60_000)  # offline: no retries at all
    assert len(feed.sockets) == 1
    await page.context.set_offline(False)
    await page.clock.run_for(1_000)  # back online: within a second
    await until(lambda: len(feed.sockets) == 2)
    assert feed.since(1) == seq
    await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
    await page.close()


@pytest.mark.parametrize("code", [1001, 1012])
async def test_a_restarting_server_is_rejoined_at_once_every_time(browser, module_server, code):
    """1001/1012 (a server going away, restarting) reconnect within a second however often
    they come; other closes back off (the third one waits at least 2 s)."""
    page, feed, _, _ = await page_with_feed(browser, module_server.url)
    for n in range(1, 5):
        await feed.sockets[-1].close(code=code, reason="restart")
        await conn(page, "reconnecting")
        await page.clock.run_for(1_000)
        await until(lambda n=n: len(feed.sockets) == n + 1, what=f"rejoined after {n}")
        await conn(page, "live")
    # now an abnormal close (1011), three times: attempt k waits at most 500 * 2**k ms. The
    # clock moves no further than that, so a socket is never open long enough (10 s) for
    # the backoff to start again from the beginning (whenever its open is handled)
    for n, attempt in ((5, 1), (6, 2), (7, 3)):
        await feed.sockets[-1].close(code=1011, reason="error")
        await conn(page, "reconnecting")
        cap = 500 * 2 ** attempt
        if attempt == 3:  # between 2 and 4 s
            await page.clock.run_for(1_900)
            assert len(feed.sockets) == n
            await page.clock.run_for(cap - 1_900)
        else:
            await page.clock.run_for(cap)
        await until(lambda n=n: len(feed.sockets) == n + 1, what=f"backed off {n}")
        await conn(page, "live")
    await page.close()


async def test_the_slow_send_path_on_a_real_server(browser, sqlite_url, server_factory):
    """``TOURNAMENT_LIVE_FAST_PATH=0``: frames go through ASGI ``send`` only; a page and a
    plain websocket client both see every update, in order."""
    server = server_factory(sqlite_url, TOURNAMENT_LIVE_FAST_PATH="0")
    async with httpx.AsyncClient(base_url=server.url) as client:
        assert (await client.get("/readyz")).json()["live"]["fast_path"] is False
        event = await make_event(client, 4)
        st = await make_stage(client, event, settings={"best_of": 5})
        m = by_number(st)[1]
        page = await browser.new_page()
        await page.goto(f"{server.url}/stages/{st['id']}?lang=en")
        await expect(page.locator("[data-conn]")).to_have_attribute("data-conn", "live")
        box = page.locator(f'[data-match="{m["id"]}"]').first
        for score in ([1, 0], [1, 1], [2, 1], [3, 1]):
            r = await client.patch(f"/api/matches/{m['id']}", headers=AUTH, json={
                "score": score, "status": "completed" if score[0] == 3 else "live"})
            assert r.status_code == 200, r.text
            await expect(box.locator('[data-side="0"] [data-score]')).to_have_text(
                str(score[0]))
            await expect(box.locator('[data-side="1"] [data-score]')).to_have_text(
                str(score[1]))
        await expect(box.locator('[data-side="0"]')).to_have_class(re.compile(r"\bwon\b"))
        final = (await client.get(f"/api/tournaments/{event['slug']}")).json()["last_seq"]
        await page.wait_for_function(f"document.body.dataset.seq === '{final}'")
        await page.close()


async def test_an_overlay_tries_again_every_5_s_at_most(browser, module_server):
    """A broadcast review: after a long outage an overlay stayed silently stale for up to
    30 s (a page's longest backoff) once the server was back, with nothing on air to say
    so. An overlay waits 5 s at most; a spectator's page still backs off to 30 s."""
    page, feed, _, _ = await page_with_feed(browser, module_server.url, "/overlay/stages/")
    # seven abnormal closes in a row: a page's seventh try would wait 15-30 s
    for n in range(1, 8):
        await feed.sockets[-1].close(code=1011, reason="error")
        await until(lambda n=n: len(feed.closed) >= n, what=f"close {n} seen")
        await page.clock.run_for(5_000)
        await until(lambda n=n: len(feed.sockets) == n + 1, what=f"try {n} within 5 s")
    await page.close()
