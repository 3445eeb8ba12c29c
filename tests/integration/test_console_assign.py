"""Assigning a referee to some events on /admin/users/{id}: what is ticked is what is
assigned, when two tournaments both have an event of the same slug (a reviewer ticked 東アジア
eFootballカップ2026's eFootball event, left the tournament box at its default and got the
referee assigned to 日韓eスポーツ大会2026's eFootball event, with 「保存しました。」)."""

from __future__ import annotations

import pytest

from tests.accounts_support import make_user
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, soup, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _tournament(client, name_ja: str) -> str:
    slug = unique()
    r = await client.post("/api/tournaments", json={"slug": slug, "name": name_ja,
                                                    "names": {"ja": name_ja}}, headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "efootball", "name": "eFootball", "names": {"ja": "eFootball 個人戦"},
        "game": "eFootball"}, headers=AUTH)
    assert r.status_code == 201, r.text
    return slug


async def _assignments(client, user_id: int) -> list:
    users = (await client.get("/api/users", headers=AUTH)).json()["items"]
    (user,) = [u for u in users if u["id"] == user_id]
    return user["assignments"]


async def test_the_event_ticked_is_the_one_assigned(client, app):
    first = await _tournament(client, f"日韓eスポーツ大会2026 {unique()}")
    second = await _tournament(client, f"東アジアeFootballカップ2026 {unique()}")
    referee = await make_user(client, role="referee", tournaments=[])
    con, ctx = await admin_console(client, app)
    try:
        user_page = f"/admin/users/{referee['id']}"
        page = soup((await con.get(user_page, "ja")).text)
        boxes = {label.get_text(" ", strip=True): label.select_one("input")["value"]
                 for label in page.select('label.check:has(input[name="events"])')}
        (box,) = [v for k, v in boxes.items()
                  if k.startswith("東アジアeFootballカップ2026") and k.endswith("eFootball 個人戦")]
        # the other tournament chosen in the select, the second's event ticked: refused,
        # named in Japanese, nothing saved, and the form keeps what was chosen
        r = await con.post(user_page, f"{user_page}/assign",
                           {"tournament": first, "events": box}, lang="ja")
        assert r.status_code == 422
        said = error_of(r.text)
        assert said.startswith("東アジアeFootballカップ2026") and "日韓eスポーツ大会2026" in said \
            and "保存されていません" in said, said
        assert await _assignments(client, referee["id"]) == []
        shown = soup(r.text)
        assert shown.select_one('select[name="tournament"] option[selected]')["value"] == first
        assert [x["value"] for x in shown.select('input[name="events"][checked]')] == [box]
        # the select on the ticked event's tournament: assigned to that event, and only it
        r = await con.post(user_page, f"{user_page}/assign",
                           {"tournament": second, "events": box}, lang="ja")
        assert r.status_code == 303, error_of(r.text)
        assert await _assignments(client, referee["id"]) == [
            {"tournament": second, "events": ["efootball"]}]
        # a bare event slug (what the boxes sent) names no tournament: refused
        r = await con.post(user_page, f"{user_page}/assign",
                           {"tournament": first, "events": "efootball"}, lang="ko")
        assert r.status_code == 422 and error_of(r.text)
        assert await _assignments(client, referee["id"]) == [
            {"tournament": second, "events": ["efootball"]}]
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_refused_box_loads_only_the_tournaments_it_names(client, app, monkeypatch):
    """The error naming a box of another tournament reads those two tournaments (and their
    events), not every tournament of the server with all its events; the page it is said
    on still lists every tournament in its form, and the users page lists tournaments
    without reading their events."""
    from tournament.web import admin_pages

    first = await _tournament(client, f"日韓eスポーツ大会2026 {unique()}")
    second = await _tournament(client, f"東アジアeFootballカップ2026 {unique()}")
    third = await _tournament(client, f"第三の大会 {unique()}")
    referee = await make_user(client, role="referee", tournaments=[])
    asked: list[tuple[object, bool]] = []
    read = admin_pages._tournaments

    async def spy(session, slugs=None, events=True):
        asked.append((None if slugs is None else set(slugs), events))
        return await read(session, slugs, events)

    monkeypatch.setattr(admin_pages, "_tournaments", spy)
    con, ctx = await admin_console(client, app)
    try:
        user_page = f"/admin/users/{referee['id']}"
        r = await con.post(user_page, f"{user_page}/assign",
                           {"tournament": first, "events": f"{second}/efootball"}, lang="ja")
        assert r.status_code == 422
        said = error_of(r.text)
        assert said.startswith("東アジアeFootballカップ2026") and "日韓eスポーツ大会2026" in said
        # the form first shown, then the error's names (its two tournaments) and the form
        # it is said on (every tournament, with its events)
        assert asked == [(None, True), ({first, second}, True), (None, True)], asked
        shown = soup(r.text)
        listed = [x["value"] for x in shown.select('select[name="tournament"] option')]
        assert {first, second, third} <= set(listed)
        assert f"{third}/efootball" in [x["value"] for x in shown.select('input[name="events"]')]
        asked.clear()
        r = await con.get("/admin/users", "ko")
        assert r.status_code == 200 and asked == [(None, False)], asked
        assert third in [x["value"] for x in soup(r.text).select('input[name="tournaments"]')]
    finally:
        await ctx.__aexit__(None, None, None)
