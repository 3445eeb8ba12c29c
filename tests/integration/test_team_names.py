"""Names as organizers edit them: a rename and its translations, and no two teams of one
name in an event."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, soup, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_new_name_alone_replaces_the_translations_that_copied_the_old_one(client):
    """PATCH {name} without names: a names entry that was the old name word for word
    follows the new name (en pages showed the old one); a real translation stays."""
    event = await make_event(client, 2)
    team = event["teams"][0]
    r = await client.patch(f"/api/teams/{team}", json={
        "name": "Korea", "names": {"en": "Korea", "ko": "대한민국"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.patch(f"/api/teams/{team}", json={"name": "South Korea"}, headers=AUTH)
    assert r.json()["names"] == {"en": "South Korea", "ko": "대한민국"}
    heading = soup((await client.get(f"/teams/{team}?lang=en")).text).select_one("h1")
    assert heading is not None and "South Korea" in visible_text(str(heading))
    assert "Korea" not in visible_text(str(heading)).replace("South Korea", "")
    ko = soup((await client.get(f"/teams/{team}?lang=ko")).text).select_one("h1")
    assert ko is not None and "대한민국" in visible_text(str(ko))
    stage = await make_stage(client, event, seeding=event["teams"])
    r = await client.patch(f"/api/stages/{stage['id']}", json={
        "name": "Final", "names": {"en": "Final", "ja": "決勝"}}, headers=AUTH)
    r = await client.patch(f"/api/stages/{stage['id']}", json={"name": "Grand final"},
                           headers=AUTH)
    assert r.json()["names"] == {"en": "Grand final", "ja": "決勝"}
    path = f"/api/tournaments/{event['slug']}/events/lol"
    await client.patch(path, json={"name": "LoL", "names": {"en": "LoL"}}, headers=AUTH)
    r = await client.patch(path, json={"name": "League of Legends"}, headers=AUTH)
    assert r.json()["names"] == {"en": "League of Legends"}
    slug = f"/api/tournaments/{event['slug']}"
    await client.patch(slug, json={"name": "KJ", "names": {"en": "KJ", "ko": "KJ"}}, headers=AUTH)
    r = await client.patch(slug, json={"name": "Korea-Japan Cup"}, headers=AUTH)
    assert r.json()["names"] == {"en": "Korea-Japan Cup", "ko": "Korea-Japan Cup"}


async def test_an_event_never_has_two_teams_of_one_name(client):
    """"T1", "t1" and full-width "Ｔ１" are one name to a spectator: a second is a 409
    team_name_taken (create, rename, CSV import), and nothing is written."""
    event = await make_event(client, 2)  # Team 1, Team 2
    teams = f"/api/tournaments/{event['slug']}/events/lol/teams"
    for name in ("Team 1", "team 1", " TEAM 1", "Ｔｅａｍ　１"):
        r = await client.post(teams, json={"name": name}, headers=AUTH)
        assert r.status_code == 409, (name, r.text)
        error = r.json()["error"]
        assert (error["code"], error["field"], error["params"]["name"]) == (
            "team_name_taken", "name", "Team 1")
    r = await client.patch(f"/api/teams/{event['teams'][1]}", json={"name": "TEAM 1"},
                           headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "team_name_taken"
    r = await client.patch(f"/api/teams/{event['teams'][0]}", json={"name": "TEAM 1"},
                           headers=AUTH)  # a team may change its own name's case
    assert r.status_code == 200 and r.json()["name"] == "TEAM 1"
    csv = "name,nation\nTeam 3,KR\nteam 2,JP\nTeam 4,KR\n"
    r = await client.post(f"{teams}/import", content=csv.encode(),
                          headers={**AUTH, "Content-Type": "text/csv"})
    assert r.status_code == 409 and r.json()["error"]["params"]["names"] == ["Team 2"]
    detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert [t["name"] for t in detail["teams"]] == ["TEAM 1", "Team 2"]
    other = await make_event(client, 1)  # another event may have its own "Team 1"
    assert [t["name"] for t in (await client.get(
        f"/api/tournaments/{other['slug']}/events/lol")).json()["teams"]] == ["Team 1"]
