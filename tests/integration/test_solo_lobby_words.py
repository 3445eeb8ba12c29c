"""A battle-royale lobby of a one-on-one event counts players: its card, its page, its
overlay, the stage's list of lobbies, the organizer's stage page and the referee's lobby
page said "16팀" / "16チーム" / "16 teams" (and "Lobby of 16 teams") where everything else
said 선수 / 選手 / Player (``web/entrant_words.py``). A team event's lobby still counts
teams."""

from __future__ import annotations

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
            for path in (f"/matches/{lobby}", f"/admin/stages/{stage_id}",
                         f"/teams/{event['teams'][0]}"):
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
