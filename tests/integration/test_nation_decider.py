"""The nation table's decider (tournament ``nation_decider``): the event whose result splits
nations level on points, as ECEA's host-nominated title. Set through the API and the
console, kept by export and import, never left naming a deleted event, and said under the
nation table when it decided a tie."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_stage, soup, stage, unique, visible_text

from .test_api_replays import play

pytestmark = pytest.mark.asyncio(loop_scope="session")
PUBG = {"slug": "pubgm", "name": "PUBG MOBILE",
        "names": {"ko": "배틀그라운드 모바일", "ja": "PUBGモバイル"}}


def error(r: httpx.Response, status: int) -> tuple[str, str | None]:
    assert r.status_code == status, r.text
    return r.json()["error"]["code"], r.json()["error"].get("field")


async def two_nation_tournament(client: httpx.AsyncClient) -> tuple[str, dict[str, Any]]:
    """Korea and Japan, one team each in LoL and PUBG MOBILE (not yet played)."""
    slug = unique("dec")
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "KJ"}, headers=AUTH)
    assert r.status_code == 201, r.text
    teams: dict[str, Any] = {}
    for event in ({"slug": "lol", "name": "League of Legends"}, PUBG):
        r = await client.post(f"/api/tournaments/{slug}/events", json=event, headers=AUTH)
        assert r.status_code == 201, r.text
        for nation in ("KR", "JP"):
            r = await client.post(f"/api/tournaments/{slug}/events/{event['slug']}/teams",
                                  json={"name": f"{event['slug']} {nation}",
                                        "nation": nation}, headers=AUTH)
            assert r.status_code == 201, r.text
            teams[f"{event['slug']}-{nation}"] = r.json()["id"]
    return slug, teams


async def final(client: httpx.AsyncClient, slug: str, event: str, winner: int,
                loser: int) -> None:
    st = await make_stage(client, {"slug": slug, "event": event, "teams": [winner, loser]},
                          name="Final", format="single_elimination")
    await play(client, st["id"], winner, loser)
    assert (await stage(client, st["id"]))["status"] == "completed"


async def table(client: httpx.AsyncClient, slug: str) -> list[tuple[Any, ...]]:
    t = (await client.get(f"/api/tournaments/{slug}")).json()
    return [(n["rank"], n["nation"], n["points"], n["decider_place"], n["tiebreak"])
            for n in t["nations"]]


async def test_set_checked_and_cleared_through_the_api(client):
    slug = unique("dec")
    # a new tournament has no event to name
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "KJ",
                                                    "nation_decider": "pubgm"}, headers=AUTH)
    assert error(r, 422) == ("unknown_event", "nation_decider")
    assert (await client.get(f"/api/tournaments/{slug}", headers=AUTH)).status_code == 404
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "KJ",
                                                    "nation_decider": None}, headers=AUTH)
    assert r.status_code == 201 and r.json()["nation_decider"] is None, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json=PUBG, headers=AUTH)
    assert r.status_code == 201, r.text
    for bad, code in (("lol", "unknown_event"), ("PUBGM", "invalid_input"),
                      (3, "invalid_input")):
        r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": bad},
                               headers=AUTH)
        assert error(r, 422) == (code, "nation_decider"), bad
    assert (await client.get(f"/api/tournaments/{slug}")).json()["nation_decider"] is None
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": "pubgm"},
                           headers=AUTH)
    assert r.status_code == 200 and r.json()["nation_decider"] == "pubgm", r.text
    listed = (await client.get("/api/tournaments")).json()
    assert [t["nation_decider"] for t in listed if t["slug"] == slug] == ["pubgm"]
    # the event it names cannot go while it is named: nothing changes
    r = await client.delete(f"/api/tournaments/{slug}/events/pubgm", headers=AUTH)
    assert error(r, 409) == ("event_is_nation_decider", "nation_decider")
    t = (await client.get(f"/api/tournaments/{slug}")).json()
    assert (t["nation_decider"], [e["slug"] for e in t["events"]]) == ("pubgm", ["pubgm"])
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": None},
                           headers=AUTH)
    assert r.status_code == 200 and r.json()["nation_decider"] is None, r.text
    r = await client.delete(f"/api/tournaments/{slug}/events/pubgm", headers=AUTH)
    assert r.status_code == 200 and r.json() == {"deleted": "pubgm"}, r.text


async def test_the_decider_breaks_the_tie_once_its_event_is_over(client):
    slug, teams = await two_nation_tournament(client)
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": "pubgm"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    await final(client, slug, "lol", teams["lol-KR"], teams["lol-JP"])
    # the decider not played yet: Korea alone ahead on points
    assert await table(client, slug) == [(1, "KR", 10, None, None), (2, "JP", 6, None, None)]
    await final(client, slug, "pubgm", teams["pubgm-JP"], teams["pubgm-KR"])
    # 16 each, one event win each, 1-1 in matches: Japan won the decider
    assert await table(client, slug) == [(1, "JP", 16, 1, "decider"),
                                         (2, "KR", 16, 2, "decider")]
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": None},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    assert await table(client, slug) == [(1, "JP", 16, None, None), (1, "KR", 16, None, None)]


async def test_the_page_says_when_the_decider_broke_a_tie(client):
    slug, teams = await two_nation_tournament(client)
    await final(client, slug, "lol", teams["lol-KR"], teams["lol-JP"])
    await final(client, slug, "pubgm", teams["pubgm-JP"], teams["pubgm-KR"])

    async def note(lang: str) -> tuple[list[str], str | None, str | None]:
        page = soup((await client.get(f"/tournaments/{slug}?lang={lang}")).text)
        said = page.select_one("[data-nations-decider]")
        return ([tr["data-nation"] for tr in page.select("[data-nations] tbody tr")],
                said["data-nations-decider"] if said else None,
                said.get_text(strip=True) if said else None)

    assert await note("ko") == (["JP", "KR"], None, None)  # no decider: a shared 1st
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": "pubgm"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    assert await note("ko") == (["JP", "KR"], "applied",
                                "동점: 배틀그라운드 모바일 성적으로 순위 결정")
    assert await note("ja") == (["JP", "KR"], "applied", "同点：PUBGモバイルの成績で順位を決定")
    assert await note("en") == (["JP", "KR"], "applied",
                                "Tie on points: ranked by the result in PUBG MOBILE.")
    page = (await client.get(f"/tournaments/{slug}?lang=ko")).text
    ranks = [td.get_text() for td in soup(page).select("[data-nations] tbody tr td:first-child")]
    assert ranks == ["1", "2"]
    # the same fragment the live page reloads
    frag = soup((await client.get(f"/tournaments/{slug}?fragment=nations&lang=ja")).text)
    assert frag.select_one("[data-nations-decider]").get_text(strip=True) == \
        "同点：PUBGモバイルの成績で順位を決定"
    # set on LoL, which Korea won: the table turns, the note names LoL
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": "lol"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    assert await note("en") == (["KR", "JP"], "applied",
                                "Tie on points: ranked by the result in League of Legends.")


async def test_the_page_names_the_decider_before_it_decides(client):
    slug, _teams = await two_nation_tournament(client)
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": "pubgm"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    said = {}
    for lang in ("ko", "ja", "en"):
        page = soup((await client.get(f"/tournaments/{slug}?lang={lang}")).text)
        found = page.select_one("[data-nations-decider]")
        said[lang] = (found["data-nations-decider"], found.get_text(strip=True))
    assert said == {
        "ko": ("set", "포인트가 같은 나라는 먼저 배틀그라운드 모바일 성적으로 순위를 정합니다."),
        "ja": ("set", "ポイントが同じ国は、まずPUBGモバイルの成績で順位を決めます。"),
        "en": ("set", "Nations level on points are ranked first by their result in "
                      "PUBG MOBILE.")}


async def test_export_and_import_keep_the_decider(client):
    slug, teams = await two_nation_tournament(client)
    r = await client.patch(f"/api/tournaments/{slug}", json={"nation_decider": "pubgm"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    await final(client, slug, "lol", teams["lol-KR"], teams["lol-JP"])
    await final(client, slug, "pubgm", teams["pubgm-JP"], teams["pubgm-KR"])
    doc = (await client.get(f"/api/tournaments/{slug}/export", headers=AUTH)).json()
    assert doc["tournament"]["nation_decider"] == "pubgm"
    copy = unique("copy")
    bad = {**doc, "tournament": {**doc["tournament"], "slug": copy, "nation_decider": "lol2"}}
    r = await client.post("/api/tournaments/import", json=bad, headers=AUTH)
    assert error(r, 422) == ("invalid_export", "tournament.nation_decider")
    assert (await client.get(f"/api/tournaments/{copy}", headers=AUTH)).status_code == 404
    r = await client.post("/api/tournaments/import", json={
        **doc, "tournament": {**doc["tournament"], "slug": copy}}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert (await client.get(f"/api/tournaments/{copy}")).json()["nation_decider"] == "pubgm"
    assert await table(client, copy) == [(1, "JP", 16, 1, "decider"),
                                         (2, "KR", 16, 2, "decider")]


async def test_the_console_sets_the_decider_and_refuses_what_it_cannot(client, app):
    slug, _teams = await two_nation_tournament(client)
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/t/{slug}"
        form = soup((await con.get(path, "ko")).text).select_one("[data-tournament-settings]")
        box = form.select_one("select[name=nation_decider]")
        assert [(o["value"], o.get_text(strip=True)) for o in box.select("option")] == [
            ("", "없음 (종목 우승 수로 결정)"), ("lol", "League of Legends"),
            ("pubgm", "배틀그라운드 모바일")]
        sent = form_values(form)
        assert sent["nation_decider"] == ""
        r = await con.post(path, path, sent | {"nation_decider": "pubgm"}, "ko")
        assert r.status_code == 303, error_of(r.text)
        assert (await client.get(f"/api/tournaments/{slug}")).json()["nation_decider"] \
            == "pubgm"
        form = soup((await con.get(path, "ja")).text).select_one("[data-tournament-settings]")
        assert form_values(form)["nation_decider"] == "pubgm"
        # an event that is not there (deleted in another tab): said, nothing changes
        r = await con.post(path, path, sent | {"nation_decider": "apex"}, "ja")
        assert r.status_code == 422 and error_of(r.text) == "この大会にその種目はありません。"
        assert (await client.get(f"/api/tournaments/{slug}")).json()["nation_decider"] \
            == "pubgm"
        # an empty event's delete button is refused while it decides
        r = await con.post(path, f"{path}/events", {"slug": "apex", "name": "Apex"}, "ko")
        assert r.status_code == 303, error_of(r.text)
        r = await con.post(path, path, sent | {"nation_decider": "apex"}, "ko")
        assert r.status_code == 303, error_of(r.text)
        r = await con.post(f"{path}/e/apex", f"{path}/e/apex/delete", {}, "ko")
        assert r.status_code == 409 and error_of(r.text) == (
            "이 종목은 국가별 순위의 동점을 가르는 종목입니다. 먼저 대회 설정에서 다른 종목(또는 "
            "없음)을 고르세요."), error_of(r.text)
        assert [e["slug"] for e in (await client.get(f"/api/tournaments/{slug}")).json()[
            "events"]] == ["lol", "pubgm", "apex"]
        # cleared in the form: "none"
        r = await con.post(path, path, sent | {"nation_decider": ""}, "ko")
        assert r.status_code == 303, error_of(r.text)
        assert (await client.get(f"/api/tournaments/{slug}")).json()["nation_decider"] is None
        text = visible_text((await con.get(path, "en")).text)
        assert "Event whose result decides a tie on nation points" in text
    finally:
        await ctx.__aexit__(None, None, None)
