"""Free-for-all pages: the leaderboard on the stage and event pages (ko/ja/en), its
compact OBS overlay, and the nation table counting the final placings."""

from __future__ import annotations

import re

import pytest

from tests.accounts_support import browser_for, form_token, make_user
from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


def rows(html: str) -> list[tuple[str, str]]:
    """(team id, total) of each leaderboard row, in page order."""
    return re.findall(r'data-team="(\d+)" data-rank="\d*">.*?data-total>(\d+)<', html,
                      re.S)


async def play(client, lobby_id, number, order, kills):
    r = await client.patch(f"/api/matches/{lobby_id}", headers=AUTH, json={"game": {
        "number": number, "results": [{"team_id": t, "placement": i + 1, "kills": k}
                                      for i, (t, k) in enumerate(zip(order, kills,
                                                                     strict=True))]}})
    assert r.status_code == 200, r.text


async def test_leaderboard_overlay_and_nation_table(client):
    event = await make_event(client, 4)  # nations KR, JP, KR, JP
    t = event["teams"]
    st = await make_stage(client, event, name="Grand final", format="free_for_all",
                          settings={"games": 3, "match_point": 20,
                                    "placement_points": [10, 6, 5, 4]})
    lobby = st["matches"][0]["id"]
    await play(client, lobby, 1, [t[1], t[0], t[2], t[3]], [9, 2, 0, 1])  # t1: 19
    await play(client, lobby, 2, [t[0], t[2], t[1], t[3]], [1, 0, 2, 0])  # t1: 26 (MP)
    page = (await client.get(f"/stages/{st['id']}?lang=ko")).text
    assert rows(page) == [(str(t[1]), "26"), (str(t[0]), "19"), (str(t[2]), "11"),
                          (str(t[3]), "9")]
    assert "매치 포인트" in page and page.count("data-mp ") == 1
    assert "진행된 게임: 2 / 3" in page
    ja = soup((await client.get(f"/stages/{st['id']}?lang=ja")).text)
    assert ja.select_one("[data-ffa-state]").get_text(" ", strip=True).startswith(
        "ゲーム数：2 / 3")  # not 消化試合 (a dead rubber)
    first = re.search(rf'data-team="{t[1]}".*?</tr>', page, re.S)
    assert first is not None
    assert re.findall(r'data-game="(\d)".*?"place">(\d+)위</span> <span class="kills">(\d+)',
                      first.group(0)) == [("1", "1", "9"), ("2", "3", "2")]  # not #1: 1위
    overlay = (await client.get(f"/overlay/stages/{st['id']}?top=2&lang=ja")).text
    assert rows(overlay) == [(str(t[1]), "26"), (str(t[0]), "19")]
    assert "マッチポイント" in overlay and 'class="overlay"' in overlay
    assert f'data-fragment="/overlay/stages/{st["id"]}?fragment=1&amp;top=2&amp;show=all"' \
        in overlay
    fragment = (await client.get(f"/overlay/stages/{st['id']}?fragment=1&top=2&lang=ja")).text
    assert rows(fragment) == rows(overlay) and "<html" not in fragment
    english = (await client.get(f"/overlay/stages/{st['id']}?lang=en")).text
    assert "Match point" in english and len(rows(english)) == 4
    event_page = (await client.get(f"/tournaments/{event['slug']}/events/lol?lang=ko")).text
    assert rows(event_page) == rows(page)
    match_page = (await client.get(f"/matches/{lobby}?lang=ko")).text
    assert "로비 1" in match_page and "순위표" in match_page
    # the lobby's teams in the leaderboard's order, each with its rank and total (they were
    # listed by seed with no total)
    shown = soup(match_page).select("[data-lobby-games] tbody tr")
    assert [(int(r["data-team"]), r.select_one("[data-rank]").get_text(strip=True),
             r.select_one("[data-points]").get_text(strip=True)) for r in shown] == [
        (t[1], "1", "26"), (t[0], "2", "19"), (t[2], "3", "11"), (t[3], "4", "9")]
    assert soup(match_page).title.get_text(strip=True).startswith("Grand final · ")
    line = re.search(rf'<tr data-team="{t[1]}">.*?</tr>', match_page, re.S)
    assert line is not None and re.findall(r'>(\d+)위</span> <span class="kills">(\d+)',
                                            line.group(0)) == [("1", "9"), ("3", "2")]
    ov_match = (await client.get(f"/overlay/matches/{lobby}?lang=ja")).text
    assert "ロビー1" in ov_match and 'data-lobby-games="2/3">3/3ゲーム目<' in ov_match
    home = (await client.get(f"/tournaments/{event['slug']}?lang=ko")).text
    assert "로비 1" in home
    card = soup(home).select_one(f'a.match.lobby[data-match="{lobby}"] .score')
    assert card is not None, "the live lobby is on the home page"
    assert card.get_text("", strip=True) == "2게임 완료"  # played (K7)
    await play(client, lobby, 3, [t[1], t[2], t[0], t[3]], [0, 0, 0, 0])  # t1 wins on MP
    page = (await client.get(f"/stages/{st['id']}?lang=ko")).text
    assert f'data-champion="{t[1]}"' in page
    nations = (await client.get(f"/api/tournaments/{event['slug']}")).json()["nations"]
    by = {n["nation"]: n for n in nations}
    # t1 (JP) first, t0 (KR) second: the event's win goes to JP
    assert (by["JP"]["rank"], by["JP"]["event_wins"], by["KR"]["event_wins"]) == (1, 1, 0)
    assert by["JP"]["points"] > by["KR"]["points"]


async def test_every_read_of_a_lobby_answers(client, app):
    """Reads that list matches or rows (exports, match lists, console, referee, calendar)
    take a lobby without a server error."""
    event = await make_event(client, 4)
    t = event["teams"]
    st = await make_stage(client, event, name="Final", format="free_for_all",
                          settings={"games": 2})
    lobby = st["matches"][0]["id"]
    await play(client, lobby, 1, t, [1, 2, 3, 4])
    base = f"/api/tournaments/{event['slug']}/events/lol"
    public = [f"{base}/results", f"{base}/standings", f"/api/matches?stage={st['id']}",
              f"/api/tournaments/{event['slug']}", f"/teams/{t[0]}",
              f"/teams/{t[0]}/schedule.ics", f"/matches/{lobby}?lang=ja",
              f"/tournaments/{event['slug']}?lang=ko"]
    for path in public:
        r = await client.get(path, headers=AUTH)
        assert r.status_code == 200, (path, r.status_code)
    for path in (f"{base}/results", f"{base}/standings"):
        r = await client.get(path, headers={**AUTH, "Accept": "text/csv"})
        assert r.status_code == 200, (path, r.text[:200])
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for path in (f"/admin/matches/{lobby}", f"/admin/stages/{st['id']}",
                     f"/admin/t/{event['slug']}/board", f"/admin/t/{event['slug']}/run-sheet",
                     f"/admin/t/{event['slug']}/e/lol", f"/matches/{lobby}/referee",
                     "/referee"):
            r = await b.client.get(path)
            assert r.status_code == 200, (path, r.status_code)
        # deleting the stage from its page: the lobby's entered game is named as a lobby
        # (it was drawn as "team 1 – team 2"), and nothing is deleted without the tick
        page = await b.client.get(f"/admin/stages/{st['id']}", params={"lang": "ko"})
        r = await b.client.post(f"/admin/stages/{st['id']}/delete", params={"lang": "ko"},
                                data={"csrf_token": form_token(page.text)})
        assert r.status_code == 409, r.status_code
        lost = [li.get_text(" ", strip=True) for li in soup(r.text).select("[data-lost] li")]
        assert lost == [f"M{st['matches'][0]['number']}: 4팀 로비 · 입력된 게임: 1"], lost
        assert (await client.get(f"/api/stages/{st['id']}")).status_code == 200
