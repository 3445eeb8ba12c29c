"""Cached views: no database round trip while the hub vouches for the seq, one body per
coding (br, gzip, identity) with ETag/304, admins always fresh, static assets under
content-hashed URLs; and two servers on PostgreSQL: a page built at seq N plus the feed
resumed from N give what the database holds."""

from __future__ import annotations

import asyncio
import gzip
import re
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

import brotli
import httpx
import pytest
import pytest_asyncio
import websockets
from sqlalchemy import event as sa_event

from tests.helpers import AUTH, by_number, make_event, make_stage, report
from tests.live_support import Servers, last_seq, recv_json
from tournament.live.seqs import SeqBoard
from tournament.web.assets import IMMUTABLE, asset_url

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest_asyncio.fixture(loop_scope="session")
async def reader(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A spectator: no token, no session, no cookies carried over from other tests."""
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as c:
        yield c


@contextmanager
def statements(app: Any) -> Iterator[list[str]]:
    """Every SQL statement the app sends while the block runs."""
    seen: list[str] = []
    db = app.state.ctx.db
    engines = {id(e): e for e in (db.engine, db.write_engine)}.values()

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)
    for engine in engines:
        sa_event.listen(engine.sync_engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        for engine in engines:
            sa_event.remove(engine.sync_engine, "before_cursor_execute", count)


def seq_of(page: str) -> int:
    found = re.search(r'data-seq="(\d+)"', page)
    assert found is not None
    return int(found.group(1))


async def test_a_cached_page_costs_no_statement_until_the_tournament_changes(app, client,
                                                                            reader):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    path = f"/tournaments/{event['slug']}/events/lol"
    first = await reader.get(path)
    assert first.status_code == 200
    seq = await last_seq(client, event["slug"])
    assert first.headers["etag"] == f'W/"{seq}-en"' and seq_of(first.text) == seq
    with statements(app) as seen:
        again = await reader.get(path)
        not_modified = await reader.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert seen == []
    assert again.text == first.text and again.headers["etag"] == first.headers["etag"]
    assert not_modified.status_code == 304

    m1 = by_number(st)[1]
    assert (await report(client, m1["id"], [1, 0])).status_code == 200
    now = await last_seq(client, event["slug"])
    assert now > seq
    with statements(app) as seen:
        changed = await reader.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert seen != []  # rebuilt once
    assert changed.status_code == 200 and changed.headers["etag"] == f'W/"{now}-en"'
    assert seq_of(changed.text) == now
    with statements(app) as seen:
        assert (await reader.get(path)).text == changed.text
    assert seen == []


async def test_each_coding_is_the_same_page_and_varies_by_accept_encoding(app, client,
                                                                          reader):
    event = await make_event(client, 4)
    await make_stage(client, event)
    path = f"/tournaments/{event['slug']}/events/lol?lang=ko"
    await reader.get(path)  # sets the lang cookie; the answers below are cached
    reader.cookies.clear()
    plain = await reader.get(path, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert "Accept-Encoding" in plain.headers["vary"]
    for accept, coding in (("gzip", "gzip"), ("gzip, br", "br"), ("br;q=0, gzip", "gzip"),
                           ("gzip;q=0", "identity"), ("*", "br")):
        with statements(app) as seen:
            async with reader.stream("GET", path,
                                     headers={"Accept-Encoding": accept}) as r:
                raw = b"".join([chunk async for chunk in r.aiter_raw()])
        assert seen == []
        assert r.headers.get("content-encoding", "identity") == coding, accept
        assert int(r.headers["content-length"]) == len(raw)
        decoded = {"gzip": gzip.decompress, "br": brotli.decompress,
                   "identity": lambda b: b}[coding](raw)
        assert decoded == plain.content, accept
        assert r.headers["etag"] == plain.headers["etag"]
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"]


async def test_admins_always_get_a_fresh_page(app, client, reader):
    event = await make_event(client, 4)
    await make_stage(client, event)
    path = f"/tournaments/{event['slug']}/events/lol"
    await reader.get(path)
    with statements(app) as seen:
        r = await reader.get(path, headers=AUTH)
    assert r.status_code == 200 and "etag" not in r.headers
    assert seen != []


async def test_static_assets_have_content_hashed_immutable_urls(reader):
    page = (await reader.get("/")).text
    found = re.search(r'href="(/static/css/site\.css\?v=([0-9a-f]{12}))"', page)
    assert found is not None, page[:500]
    hashed = await reader.get(found.group(1))
    assert hashed.status_code == 200
    assert hashed.headers["cache-control"] == "public, max-age=31536000, immutable"
    for other in ("/static/css/site.css", "/static/css/site.css?v=000000000000"):
        r = await reader.get(other)
        assert r.status_code == 200 and r.headers["cache-control"] == "no-cache", other
        assert r.content == hashed.content


async def test_the_referee_console_s_modules_are_hashed_and_immutable_like_its_entry(reader):
    """referee.js imports its modules: each import names its module's hashed URL, so a
    deploy that changes any of them is a new entry URL, never a stale module under it."""
    todo, seen = [asset_url("js/referee.js")], set()
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        r = await reader.get(url)
        assert r.status_code == 200 and r.headers["cache-control"] == IMMUTABLE, url
        imports = re.findall(r"""^(?:import|export)\b[^;'"]*?["'](\./[^"']+)["']""", r.text,
                             re.M)
        for spec in imports:
            assert re.fullmatch(r"\./[\w.-]+\.js\?v=[0-9a-f]{12}", spec), (url, spec)
            todo.append("/static/js/" + spec.removeprefix("./"))
    names = {u.split("?")[0].rsplit("/", 1)[1] for u in seen}
    assert {"referee.js", "referee-logic.js", "referee-words.js"} <= names, names


async def test_healthz_is_answered_from_memory(app, reader):
    with statements(app) as seen:
        r = await reader.get("/healthz")
    assert (r.status_code, r.text, seen) == (200, "ok", [])


async def test_the_board_forgets_while_it_may_miss_commits():
    board = SeqBoard(trusted=False)
    board.saw(1, 5)
    assert board.current(1) is None  # PostgreSQL before LISTEN is in place
    board.trust()
    epoch = board.epoch
    board.read(1, 7, epoch)
    board.saw(1, 6)  # a late notification never moves it back
    assert board.current(1) == 7
    board.distrust()
    assert board.current(1) is None
    board.trust()
    board.read(1, 9, epoch)  # read before the reconnection: not trusted
    assert board.current(1) is None
    board.read(1, 9, board.epoch)
    assert board.current(1) == 9


async def _until_etag_moves(client: httpx.AsyncClient, path: str, etag: str) -> httpx.Response:
    for _ in range(200):
        r = await client.get(path)
        if r.headers.get("etag") != etag:
            return r
        await asyncio.sleep(0.05)
    raise AssertionError(f"{path} still at {etag}")


async def test_a_page_at_n_and_the_feed_from_n_agree_across_two_servers(postgres_url):
    """Server b serves its cached page from memory; a write on server a reaches b through
    NOTIFY; b's page moves to the new seq, and a feed resumed on b from the old page's seq
    brings exactly the events between the two pages."""
    with Servers() as servers:
        a, b = servers.start(postgres_url), servers.start(postgres_url)
        async with httpx.AsyncClient(base_url=a.url) as ca, \
                httpx.AsyncClient(base_url=b.url) as cb:
            event = await make_event(ca, 4)
            st = await make_stage(ca, event)
            path = f"/tournaments/{event['slug']}/events/lol"
            old = await cb.get(path)
            n = seq_of(old.text)
            assert n == await last_seq(ca, event["slug"])
            assert (await cb.get(path)).headers["etag"] == old.headers["etag"]
            m1 = by_number(st)[1]
            r = await report(ca, m1["id"], [1, 0])
            assert r.status_code == 200
            newest = await last_seq(ca, event["slug"])
            new = await _until_etag_moves(cb, path, old.headers["etag"])
            assert new.headers["etag"] == f'W/"{newest}-en"' and seq_of(new.text) == newest
            async with websockets.connect(
                    f"{b.ws}/ws/tournaments/{event['slug']}?since={n}") as ws:
                caught = [await recv_json(ws, 5) for _ in range(newest - n)]
            assert [m["seq"] for m in caught] == list(range(n + 1, newest + 1))
            updated = [m["data"] for m in caught if m["type"] == "match.updated"
                       and m["data"]["id"] == m1["id"]]
            assert updated and updated[-1]["score"] == [1, 0] \
                and updated[-1]["winner"] == r.json()["winner"]
