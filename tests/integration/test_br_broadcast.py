"""A battle royale on air: the lobby's scoreboard overlay (game N of M, the leader with
its total, finished), the leaderboard overlay (first places, the first tie-break, the
stage's name), the column heads' words, and a trophy drawn as SVG (no emoji font)."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, soup
from tests.integration.test_pages_free_for_all import play

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_lobby_and_leaderboard_overlays_read_on_air(client):
    event = await make_event(client, 4)
    t = event["teams"]
    st = await make_stage(client, event, name="Grand final", format="free_for_all",
                          settings={"games": 2, "placement_points": [10, 6, 5, 4]})
    lobby = st["matches"][0]["id"]
    await play(client, lobby, 1, [t[1], t[0], t[2], t[3]], [3, 2, 0, 1])  # t1: 13
    for lang, count, lead in (("ko", "게임 2/2", "선두"), ("ja", "2/2ゲーム目", "首位"),
                              ("en", "Game 2 of 2", "Leader")):
        ov = soup((await client.get(f"/overlay/matches/{lobby}?lang={lang}")).text)
        assert ov.select_one("[data-lobby-games]").get_text(strip=True) == count
        leader = ov.select_one("[data-lobby-leader]")
        assert leader["data-lobby-leader"] == str(t[1]) and lead in leader.get_text()
        assert leader.select_one("[data-leader-points]").get_text(strip=True) in (
            "13점", "13ポイント", "13 points")
    board = soup((await client.get(f"/overlay/stages/{st['id']}?lang=ko")).text)
    assert board.select_one("[data-ov-stage-title]").get_text(strip=True) == "Grand final"
    heads = [th.get_text(strip=True) for th in board.select("table.leaderboard thead th")]
    assert heads == ["#", "팀", "총점", "순위 점수", "킬 점수", "1위 횟수"]
    assert "동점 시 1위 횟수 순" in board.select_one("[data-ffa-state]").get_text()
    assert [r.select_one("[data-wins]").get_text() for r in
            board.select("table.leaderboard tbody tr")][:2] == ["1", "0"]
    await play(client, lobby, 2, [t[1], t[2], t[0], t[3]], [0, 0, 0, 0])  # the last game
    ov = soup((await client.get(f"/overlay/matches/{lobby}?lang=ko&fragment=1")).text)
    done = ov.select_one("[data-lobby-games]")
    assert done.get_text(strip=True) == "2/2 · 종료" and done.has_attr("data-finished")
    assert "1위" in ov.select_one("[data-lobby-leader]").get_text()
    champion = (await client.get(f"/tournaments/{event['slug']}/events/lol?lang=ko")).text
    assert "🏆" not in champion and 'data-icon="trophy"' in champion


async def test_a_place_breaks_between_its_words(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event, name="Final", format="single_elimination")
    match = st["matches"][0]["id"]
    r = await client.patch(f"/api/matches/{match}", headers=AUTH, json={
        "venue": "ソウル・オリンピックホール", "station": "C 무대"})
    assert r.status_code == 200, r.text
    page = soup((await client.get(f"/matches/{match}?lang=ja")).text)
    names = page.select("[data-where] .place-name")
    assert [n.decode_contents() for n in names] == ["ソウル・<wbr/>オリンピックホール", "C 무대"]
