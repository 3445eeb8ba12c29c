"""A battle-royale lobby of a one-on-one event counts players: its card, its page, its
overlay, the stage's list of lobbies, the organizer's stage page and the referee's lobby
page said "16팀" / "16チーム" / "16 teams" (and "Lobby of 16 teams") where everything else
said 선수 / 選手 / Player (``web/entrant_words.py``). A team event's lobby still counts
teams."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, make_event, make_stage, soup, unique
from tests.integration.test_solo_words import TEAM_WORDS, said

pytestmark = pytest.mark.asyncio(loop_scope="session")

COUNT = {"ko": "16명", "ja": "16名", "en": "16 players"}
LOBBY = {"ko": "16명 로비", "ja": "16名のロビー", "en": "Lobby of 16 players"}
TEAMS = {"ko": "16팀", "ja": "16チーム", "en": "16 teams"}


async def solo_lobby(client: httpx.AsyncClient) -> dict[str, Any]:
    """A 16-player event (one player an entry) played in one battle-royale lobby."""
    slug = unique()
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "Cup"},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "br", "name": "Solo royale"}, headers=AUTH)
    assert r.status_code == 201, r.text
    ids = []
    for i in range(16):
        r = await client.post(f"/api/tournaments/{slug}/events/br/teams", json={
            "name": f"Kim {i + 1}", "names": {"ko": f"김민준 {i + 1}", "ja": f"佐藤 {i + 1}"},
            "seed": i + 1, "players": [{"handle": f"kim{i}"}]}, headers=AUTH)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/br/stages", json={
        "name": "Final", "format": "free_for_all", "seeding": ids,
        "settings": {"lobby_size": 16, "games": 2}}, headers=AUTH)
    assert r.status_code == 201, r.text
    return {"slug": slug, "teams": ids, "stage": r.json()}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_one_on_one_lobby_counts_players(client, app) -> None:
    event = await solo_lobby(client)
    stage_id, lobby = event["stage"]["id"], event["stage"]["matches"][0]["id"]
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for lang, team in TEAM_WORDS.items():
            pages = {path: (await b.client.get(path, params={"lang": lang})) for path in (
                f"/stages/{stage_id}", f"/matches/{lobby}", f"/overlay/matches/{lobby}",
                f"/admin/stages/{stage_id}", f"/matches/{lobby}/referee",
                f"/teams/{event['teams'][0]}")}
            for path, r in pages.items():
                assert r.status_code == 200, (path, r.status_code)
                text = said(r.text)
                found = team.search(text)
                assert found is None, (lang, path, text[max(0, found.start() - 80):
                                                     found.end() + 80])
            # the lobby's size, and the stage's one lobby by name, in players
            for path in (f"/stages/{stage_id}", f"/matches/{lobby}",
                         f"/overlay/matches/{lobby}", f"/matches/{lobby}/referee"):
                assert COUNT[lang] in said(pages[path].text), (lang, path)
            for path in (f"/admin/stages/{stage_id}", f"/teams/{event['teams'][0]}"):
                assert LOBBY[lang] in said(pages[path].text), (lang, path)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_team_events_lobby_still_counts_teams(client) -> None:
    event = await make_event(client, 16)
    st = await make_stage(client, event, name="Final", format="free_for_all",
                          settings={"lobby_size": 16, "games": 2})
    for lang in ("ko", "ja", "en"):
        page = soup((await client.get(f"/matches/{st['matches'][0]['id']}",
                                      params={"lang": lang})).text)
        assert TEAMS[lang] in said(str(page)), lang


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_pages_of_many_events_count_each_lobby_in_its_events_words(client, app) -> None:
    """A review found the run sheet, the control board, a referee's list of matches and the
    calendar feed saying "16팀" for a one-on-one event's lobby: each match there belongs
    to an event of its own, so its lobby counts players, while a team event's lobby of the
    same tournament still counts teams."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    from icalendar import Calendar

    solo = await solo_lobby(client)
    slug = solo["slug"]
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "squads", "name": "Squads"}, headers=AUTH)
    assert r.status_code == 201, r.text
    squads = []
    for i in range(16):
        r = await client.post(f"/api/tournaments/{slug}/events/squads/teams", json={
            "name": f"Squad {i + 1}", "seed": i + 1,
            "players": [{"handle": f"a{i}"}, {"handle": f"b{i}"}]}, headers=AUTH)
        assert r.status_code == 201, r.text
        squads.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/squads/stages", json={
        "name": "Final", "format": "free_for_all", "seeding": squads,
        "settings": {"lobby_size": 16, "games": 2}}, headers=AUTH)
    assert r.status_code == 201, r.text
    lobbies = {"solo": solo["stage"]["matches"][0]["id"], "squads": r.json()["matches"][0]["id"]}
    at = (datetime.now(UTC) + timedelta(hours=2)).replace(microsecond=0)
    for i, match in enumerate(lobbies.values()):
        r = await client.patch(f"/api/matches/{match}", json={
            "scheduled_at": (at + timedelta(minutes=i)).isoformat()}, headers=AUTH)
        assert r.status_code == 200, r.text
    day = at.astimezone(ZoneInfo("Asia/Seoul")).date().isoformat()
    admin = await make_user(client, role="admin")
    ref = await make_user(client, role="referee", tournaments=[slug])
    for lang in ("ko", "ja", "en"):
        async with browser_for(app) as b:
            assert (await b.sign_in(admin["name"])).status_code == 303
            sheet = soup((await b.client.get(f"/admin/t/{slug}/run-sheet",
                                             params={"lang": lang, "day": day})).text)
            board = soup((await b.client.get(f"/admin/t/{slug}/board",
                                             params={"lang": lang})).text)
        shown = {k: said(str(sheet.select_one(f'[data-sheet-match="{m}"] td.team')))
                 for k, m in lobbies.items()}
        assert (COUNT[lang] in shown["solo"], TEAMS[lang] in shown["squads"]) == (True, True), (
            lang, shown)
        shown = {k: said(str(board.select_one(f'[data-board-match="{m}"] [data-lobby]')))
                 for k, m in lobbies.items()}
        assert (COUNT[lang] in shown["solo"], TEAMS[lang] in shown["squads"]) == (True, True), (
            lang, shown)
        async with browser_for(app) as b:
            assert (await b.sign_in(ref["name"])).status_code == 303
            mine = soup((await b.client.get("/referee", params={"lang": lang})).text)
        shown = {k: said(str(mine.select_one(f'[data-match-link="{m}"] [data-lobby]')))
                 for k, m in lobbies.items()}
        assert (COUNT[lang] in shown["solo"], TEAMS[lang] in shown["squads"]) == (True, True), (
            lang, shown)
        feed = Calendar.from_ical((await client.get(
            f"/teams/{solo['teams'][0]}/schedule.ics", params={"lang": lang})).content)
        (event,) = feed.walk("VEVENT")
        assert str(event["summary"]).endswith(LOBBY[lang]), (lang, str(event["summary"]))


TITLE = {"ko": "Final · 로비 1 · {n} · Solo royale", "ja": "Final · ロビー1 · {n} · Solo royale",
         "en": "Final · Lobby 1 · {n} · Solo royale"}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_lobby_page_is_titled_by_its_stage_lobby_and_event(client) -> None:
    """A review of PUBG Mobile's grand final found the lobby page titled "그랜드 파이널 ·
    16팀 로비": a count, not the lobby, and no event. Its title (and its heading, and its
    overlay's) names the stage, the lobby as the page names it ("로비 1 · 16명": players in a
    one-on-one event) and the event, as a stage page's title names its stage and event."""
    solo = await solo_lobby(client)
    lobby = solo["stage"]["matches"][0]["id"]
    for lang in ("ko", "ja", "en"):
        for path in (f"/matches/{lobby}", f"/overlay/matches/{lobby}"):
            page = soup((await client.get(path, params={"lang": lang})).text)
            title = page.title.get_text(strip=True)
            assert title == TITLE[lang].format(n=COUNT[lang]), (lang, path, title)
            assert LOBBY[lang] not in title, title
        page = soup((await client.get(f"/matches/{lobby}", params={"lang": lang})).text)
        assert page.select_one("h1").get_text(strip=True) == page.title.get_text(strip=True)
        # a rename of the event is followed in the title (live.js: <title data-names>)
        names = json.loads(page.title["data-names"])
        assert names[f"event:{solo['stage']['event_id']}"] == "Solo royale", names
    teams = await make_event(client, 16)
    st = await make_stage(client, teams, name="Final", format="free_for_all",
                          settings={"lobby_size": 16, "games": 2})
    for lang in ("ko", "ja", "en"):
        page = soup((await client.get(f"/matches/{st['matches'][0]['id']}",
                                      params={"lang": lang})).text)
        assert page.title.get_text(strip=True) == TITLE[lang].format(n=TEAMS[lang]).replace(
            "Solo royale", "League of Legends"), lang


SHEET_HEAD = {"ko": ("참가 선수", "참가 팀"), "ja": ("参加選手", "参加チーム"),
              "en": ("Players", "Teams")}


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_the_run_sheet_heads_a_one_on_one_events_table_players(client, app) -> None:
    """The run sheet's entrant column read 참가 팀 / 参加チーム / Teams over a table of a
    one-on-one event's matches: a table (one station) whose every match is of a one-on-one
    event heads it 참가 선수 / 参加選手 / Players; one that mixes in a team event, teams."""
    from datetime import UTC, datetime, timedelta
    from zoneinfo import ZoneInfo

    solo = await solo_lobby(client)
    slug = solo["slug"]
    at = (datetime.now(UTC) + timedelta(hours=2)).replace(microsecond=0)
    r = await client.patch(f"/api/matches/{solo['stage']['matches'][0]['id']}", json={
        "scheduled_at": at.isoformat(), "station": "Booth A"}, headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "squads", "name": "Squads"}, headers=AUTH)
    assert r.status_code == 201, r.text
    squads = []
    for i in range(16):
        r = await client.post(f"/api/tournaments/{slug}/events/squads/teams", json={
            "name": f"Squad {i + 1}", "seed": i + 1,
            "players": [{"handle": f"a{i}"}, {"handle": f"b{i}"}]}, headers=AUTH)
        assert r.status_code == 201, r.text
        squads.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/squads/stages", json={
        "name": "Final", "format": "free_for_all", "seeding": squads,
        "settings": {"lobby_size": 16, "games": 2}}, headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.patch(f"/api/matches/{r.json()['matches'][0]['id']}", json={
        "scheduled_at": (at + timedelta(minutes=1)).isoformat(), "station": "Booth B"},
        headers=AUTH)
    assert r.status_code == 200, r.text
    day = at.astimezone(ZoneInfo("Asia/Seoul")).date().isoformat()
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for lang, (players, teams) in SHEET_HEAD.items():
            sheet = soup((await b.client.get(f"/admin/t/{slug}/run-sheet",
                                             params={"lang": lang, "day": day})).text)
            heads = {g["data-sheet-group"]: g.select("thead th")[2].get_text(strip=True)
                     for g in sheet.select("[data-sheet-group]")}
            assert heads == {"|Booth A": players, "|Booth B": teams}, (lang, heads)
