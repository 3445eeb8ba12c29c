"""The "now on" overlay (``/overlay/tournaments/{slug}/now``) picks the match on a station
or in a stage by its documented rule, refuses an address it cannot follow with a page that
says why, and ``?swap=1`` draws team 2 first on both match overlays."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def plan(client: httpx.AsyncClient, match_id: int, **fields: Any) -> None:
    r = await client.patch(f"/api/matches/{match_id}", json=fields, headers=AUTH)
    assert r.status_code == 200, r.text


async def shown(client: httpx.AsyncClient, slug: str, query: str) -> int | None:
    r = await client.get(f"/overlay/tournaments/{slug}/now?{query}&lang=en")
    assert r.status_code == 200, r.text
    box = soup(r.text).select_one(".ov-match[data-match]")
    return int(box["data-match"]) if box else None


async def test_the_match_shown_is_live_then_next_then_last_finished(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, name="League", format="round_robin")
    m = {n: x["id"] for n, x in by_number(st).items()}  # six matches, all ready
    slug, main = event["slug"], "station=Main%20stage"
    day = "2030-05-01T{:02d}:00:00+09:00"
    for number, hour in ((1, 10), (2, 9), (3, 10), (4, 12)):
        await plan(client, m[number], station="Main stage", scheduled_at=day.format(hour),
                   override=True)  # two at 10:00: the rule breaks the tie
    await plan(client, m[5], station="Main stage")  # no time: never "next"
    await plan(client, m[6], station="Booth 2", scheduled_at=day.format(8))
    # nothing live: the soonest timed match there (M2 at 9:00 before M1 at 10:00)
    assert await shown(client, slug, main) == m[2]
    # live beats next, whatever its time: M4 (12:00) over M2
    await plan(client, m[4], status="live")
    assert await shown(client, slug, main) == m[4]
    # several live: the earliest scheduled (M1 10:00 before M4 12:00), then the lowest number
    await plan(client, m[3], status="live")
    assert await shown(client, slug, main) == m[3]
    await plan(client, m[1], status="live")
    assert await shown(client, slug, main) == m[1]
    # a live match elsewhere (Booth 2) is not this station's
    await plan(client, m[6], status="live")
    assert await shown(client, slug, main) == m[1]
    for number in (1, 3, 4):
        assert (await report(client, m[number], [1, 0])).status_code == 200
    assert await shown(client, slug, main) == m[2]  # the next again
    assert (await report(client, m[2], [0, 1])).status_code == 200
    # nothing live, nothing timed to come (M5 has no time): the last finished, the
    # completed match scheduled last (M4 at 12:00), not the last reported (M2)
    assert await shown(client, slug, main) == m[4]
    page = soup((await client.get(f"/overlay/tournaments/{slug}/now?{main}&lang=ko")).text)
    assert [s.get_text(strip=True) for s in page.select(".ov-side [data-name]")] == [
        f"팀 {event['teams'].index(t) + 1}" for t in by_number(st)[4]["teams"]]
    # the stage narrows the station, and the live feed's fragment is the same choice
    stage_q = f"stage={st['id']}&station=Booth%202"
    assert await shown(client, slug, stage_q) == m[6]
    r = await client.get(f"/overlay/tournaments/{slug}/now?{stage_q}&fragment=1")
    assert soup(r.text).select_one(".ov-match")["data-match"] == str(m[6])
    assert "<html" not in r.text


async def test_a_stage_with_nothing_to_show_is_an_empty_frame_never_its_bye(client):
    event = await make_event(client, 3)
    st = await make_stage(client, event)  # three teams: seed 1 has a bye, M2 has no time
    bye = by_number(st)[1]
    assert (bye["status"], bye["teams"][1]) == ("completed", None)
    r = await client.get(f"/overlay/tournaments/{event['slug']}/now?stage={st['id']}&lang=en")
    assert r.status_code == 200
    page = soup(r.text)
    assert page.select(".ov-match") == []
    assert page.select_one("[data-follow='now']").get_text(strip=True) == ""
    assert page.title.get_text() == "Playoffs"
    assert page.body["class"] == ["overlay"]  # transparent
    assert page.select_one("[data-follow='now']")["data-fragment"] == (
        f"/overlay/tournaments/{event['slug']}/now?stage={st['id']}&fragment=1")


async def test_an_address_the_overlay_cannot_follow_is_refused_with_a_page(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    other = await make_stage(client, await make_event(client, 2))
    await plan(client, st["matches"][0]["id"], station="Main stage")
    await plan(client, st["matches"][1]["id"], station="Booth 2")
    base = f"/overlay/tournaments/{event['slug']}/now"

    async def said(query: str, status: int) -> str:
        r = await client.get(f"{base}?{query}")
        assert r.status_code == status, (query, r.text)
        return str(soup(r.text).select_one("[data-error-message]").get_text(strip=True))

    assert await said("lang=en", 400) == (
        "Add ?station= (a station's name) or ?stage= (a stage's number) to the address: "
        "the overlay shows the match there now.")
    assert await said("lang=ko&station=Booth", 404) == (
        "이 대회에는 'Booth' 스테이션에서 하는 경기가 없습니다. "
        "이 대회의 스테이션: Booth 2, Main stage.")
    assert await said("lang=ja&station=Booth", 404) == (
        "この大会にはステーション「Booth」の試合がありません。"
        "この大会のステーション：Booth 2、Main stage。")
    assert await said(f"lang=en&stage={other['id']}", 404) == "There is no such stage."
    assert await said("lang=en&stage=x1", 400) == (
        "This address has a value that cannot be read. Check the link. (stage=x1)")
    assert await said("lang=en&station=%20", 400) == (
        "This address has a value that cannot be read. Check the link. (station= )")
    assert await said(f"lang=en&station={'x' * 101}", 400) == (
        "This address has a value that cannot be read. Check the link. "
        f"(station={'x' * 64})")
    assert await said("lang=en&station=Main%20stage&swap=yes", 400) == (
        "This address has a value that cannot be read. Check the link. (swap=yes)")
    r = await client.get("/overlay/tournaments/no-such-cup/now?station=Main%20stage")
    assert r.status_code == 404


async def test_swap_draws_team_2_first_with_its_games_on_both_overlays(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3, "game_score": "rounds"})
    m = st["matches"][0]
    await plan(client, m["id"], station="Stage B", status="live", games=[
        {"score": [13, 9], "map": "Ascent"}, {"score": [11, 13], "map": "Bind"}])
    for url in (f"/overlay/matches/{m['id']}?lang=en&swap=1",
                f"/overlay/tournaments/{event['slug']}/now?station=Stage%20B&lang=en&swap=1"):
        page = soup((await client.get(url)).text)
        sides = page.select(".ov-side")
        assert [(s["data-side"], s.select_one("[data-name]").get_text(),
                 s.select_one("[data-score]").get_text()) for s in sides] == [
            ("1", "Team 2", "1"), ("0", "Team 1", "1")], url
        assert [r.get_text(" ", strip=True) for r in page.select("[data-games] tbody tr")] == [
            "Game 1 Ascent 9 13", "Game 2 Bind 13 11"], url
        assert "swap=1" in page.select_one("[data-follow]")["data-fragment"], url
    page = soup((await client.get(f"/overlay/matches/{m['id']}?lang=ja")).text)
    assert [s["data-side"] for s in page.select(".ov-side")] == ["0", "1"]
    assert [r.get_text(" ", strip=True) for r in page.select("[data-games] tbody tr")] == [
        "第1ゲーム Ascent 13 9", "第2ゲーム Bind 11 13"]
    # a match without games draws no games list
    bare = await make_stage(client, await make_event(client, 2))
    one = bare["matches"][0]["id"]
    page = soup((await client.get(f"/overlay/matches/{one}")).text)
    assert page.select("[data-games]") == []
    # nor a one-game match without a map (its score is that game's); with a map it does,
    # its game named the result (as the referee console names it), not "game 1"
    await plan(client, one, status="completed", games=[[13, 5]])
    assert soup((await client.get(f"/overlay/matches/{one}")).text).select("[data-games]") == []
    await plan(client, one, status="completed", games=[{"score": [13, 5], "map": "Lotus"}])
    page = soup((await client.get(f"/overlay/matches/{one}?lang=ko")).text)
    assert [r.get_text(" ", strip=True) for r in page.select("[data-games] tbody tr")] == [
        "결과 Lotus 13 5"]


async def test_pos_names_the_corner_of_the_frame_on_every_overlay(client):
    """``?pos=tr|bl|br`` draws an overlay in that corner of its frame (overlay.css anchors
    ``<html data-pos>``); ``tl`` or nothing: the top-left, as before; anything else is a 400
    in the page's language that names the value, on each of the three overlays; so is a
    ``?fit=`` other than 0 or 1."""
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3})
    m = st["matches"][0]
    await plan(client, m["id"], station="Stage B", status="live", games=[[1, 0]])
    overlays = [f"/overlay/matches/{m['id']}?lang=ko",
                f"/overlay/tournaments/{event['slug']}/now?station=Stage%20B&lang=ko",
                f"/overlay/stages/{st['id']}?lang=ko"]
    for url in overlays:
        for pos, drawn in (("tr", "tr"), ("bl", "bl"), ("br", "br"), ("tl", None), (None, None)):
            r = await client.get(url + (f"&pos={pos}" if pos else ""))
            assert r.status_code == 200, (url, pos)
            html = soup(r.text).html
            assert (html["class"], html.get("data-pos")) == (["overlay"], drawn), (url, pos)
        r = await client.get(url + "&pos=middle")
        assert r.status_code == 400, url
        assert soup(r.text).select_one("[data-error-message]").get_text(strip=True) == (
            "주소에 읽을 수 없는 값이 있습니다. 링크를 확인하세요. (pos=middle)"), url
        # ?fit= is read by overlay.js: 0 or 1, anything else refused like ?pos=
        for fit in ("0", "1"):
            assert (await client.get(url + f"&fit={fit}")).status_code == 200, (url, fit)
        r = await client.get(url + "&fit=no")
        assert r.status_code == 400, url
        assert soup(r.text).select_one("[data-error-message]").get_text(strip=True) == (
            "주소에 읽을 수 없는 값이 있습니다. 링크를 확인하세요. (fit=no)"), url
    # a page of the site is no overlay: it takes no corner
    page = soup((await client.get(f"/matches/{m['id']}?pos=br")).text)
    assert page.html.get("data-pos") is None
