"""Issue 10, audit trail: every change recorded with who, how, what, before and after;
admins read it (newest first, filtered, paginated, CSV); referees get 403. Also what a
refused match change tells the referee: M numbers, who changed the match."""

from __future__ import annotations

import csv
import io

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def trail(client, slug: str, **params) -> list[dict]:
    r = await client.get(f"/api/tournaments/{slug}/audit", params=params, headers=AUTH)
    assert r.status_code == 200, r.text
    return list(r.json()["items"])


async def test_report_and_correction_are_recorded_with_before_and_after(client, app):
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    m1 = by_number(st)[1]
    referee = await make_user(client, tournaments=[event["slug"]])
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        r = await b.client.patch(f"/api/matches/{m1['id']}", json={
            "games": [[13, 7], [13, 9]], "status": "completed"}, headers=b.headers())
        assert r.status_code == 200, r.text
    r = await client.patch(f"/api/matches/{m1['id']}", json={"score": [1, 2],
                                                             "status": "completed"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    entries = await trail(client, event["slug"], target=f"match:{m1['id']}")
    correction, report_ = entries[0], entries[1]
    assert report_["action"] == "match.report" and report_["via"] == "session"
    assert report_["actor"] == {"id": referee["id"], "name": referee["name"]}
    assert report_["target"] == {"type": "match", "id": m1["id"]}
    assert report_["before"]["status"] == "ready" and report_["before"]["score"] == [0, 0]
    assert report_["after"]["score"] == [2, 0] and report_["after"]["games"] == [[13, 7],
                                                                                [13, 9]]
    assert correction["action"] == "match.correct" and correction["via"] == "token"
    assert correction["actor"] == {"id": None, "name": "TOURNAMENT_ADMIN_TOKEN"}
    assert correction["before"]["score"] == [2, 0] and correction["before"]["winner"] == 1
    assert correction["after"]["score"] == [1, 2] and correction["after"]["winner"] == 2
    assert correction["at"] >= report_["at"]


async def test_schedule_stage_team_tournament_and_user_changes_are_recorded(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m = st["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200
    r = await client.post(f"/api/teams/{event['teams'][3]}/withdraw", json={}, headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={"name": "Renamed"},
                           headers=AUTH)
    assert r.status_code == 200
    user = await make_user(client)
    r = await client.post(f"/api/tournaments/{event['slug']}/referees",
                          json={"user_id": user["id"], "events": ["lol"]}, headers=AUTH)
    assert r.status_code == 201, r.text
    actions = [(e["action"], e["target"]["type"]) for e in await trail(client,
                                                                       event["slug"])]
    # the withdrawal forfeited team 4's match: an entry in that match's history too
    assert actions[:5] == [("referee.assign", "user"), ("tournament.update", "tournament"),
                           ("match.withdrawal", "match"), ("team.withdraw", "team"),
                           ("match.schedule", "match")]
    assert ("stage.create", "stage") in actions and ("team.create", "team") in actions
    assert actions[-1] == ("tournament.create", "tournament")
    schedule = (await trail(client, event["slug"], action="match.schedule"))[0]
    assert schedule["before"]["scheduled_at"] is None
    assert schedule["after"]["scheduled_at"] == "2026-11-28T19:00:00+09:00"
    # docs/api.md: the event's time in the tournament's zone, the record's stamps in UTC
    assert schedule["at"].endswith("+00:00")
    assert (await client.get(f"/api/matches/{m['id']}")).json()["updated_at"].endswith("+00:00")
    rename = (await trail(client, event["slug"], action="tournament.update"))[0]
    assert rename["before"]["name"] == "Cup" and rename["after"]["name"] == "Renamed"
    withdraw = (await trail(client, event["slug"], action="team.withdraw"))[0]
    assert withdraw["before"]["withdrawn"] is False and withdraw["after"]["withdrawn"]
    r = await client.get("/api/audit", params={"target": f"user:{user['id']}"}, headers=AUTH)
    assert [e["action"] for e in r.json()["items"]] == ["referee.assign", "user.create"]
    assert "password" not in str(r.json()) or "has_password" in str(r.json())
    assert "correct horse" not in str(r.json())


async def test_audit_is_for_admins_paginated_filtered_and_exported(client, app):
    event = await make_event(client, 8)
    st = await make_stage(client, event)
    referee = await make_user(client, tournaments=[event["slug"]])
    for m in st["matches"][:4]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    token = (await make_user(client, password=None))["token"]
    r = await client.get(f"/api/tournaments/{event['slug']}/audit",
                         headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 403
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        assert (await b.client.get(f"/api/tournaments/{event['slug']}/audit")).status_code == 403
        assert (await b.client.get(f"/tournaments/{event['slug']}/audit")).status_code == 403
    assert (await client.get(f"/api/tournaments/{event['slug']}/audit")).status_code == 401
    everything = await trail(client, event["slug"], limit=500)
    ids = [e["id"] for e in everything]
    assert ids == sorted(ids, reverse=True)  # newest first
    page1 = (await client.get(f"/api/tournaments/{event['slug']}/audit",
                              params={"limit": 3}, headers=AUTH)).json()
    page2 = (await client.get(f"/api/tournaments/{event['slug']}/audit",
                              params={"limit": 3, "cursor": page1["next"]},
                              headers=AUTH)).json()
    assert [e["id"] for e in page1["items"] + page2["items"]] == ids[:6]
    last = (await client.get(f"/api/tournaments/{event['slug']}/audit",
                             params={"limit": 500}, headers=AUTH)).json()
    assert last["next"] is None
    reports = await trail(client, event["slug"], action="match.report")
    assert len(reports) == 4
    assert await trail(client, event["slug"], actor=referee["id"]) == []
    # every entry names its target by id: match:abc is a mistake, not a match without history
    for target in ("match:abc", "match:-1", "team:１"):
        r = await client.get(f"/api/tournaments/{event['slug']}/audit",
                             params={"target": target}, headers=AUTH)
        assert (r.status_code, r.json()["error"]["field"]) == (400, "target_id"), target
    r = await client.get(f"/api/tournaments/{event['slug']}/audit",
                         headers={**AUTH, "Accept": "text/csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [int(row["id"]) for row in rows] == ids
    assert rows[0]["via"] == "token" and rows[-1]["action"] == "tournament.create"
    r2 = await client.get(f"/api/tournaments/{event['slug']}/audit?format=csv", headers=AUTH)
    assert r2.text == r.text
    # the page says each entry in words (it showed the raw codes: match.report, match 15,
    # token), the code kept beside it for the filter
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        await b.sign_in(admin["name"])
        page = soup((await b.client.get(f"/tournaments/{event['slug']}/audit",
                                        params={"lang": "ko", "action": "match.report"})).text)
    entry = page.select_one("[data-audit] tbody tr")
    assert entry.select_one("[data-action-word]").get_text(strip=True) == "결과 입력"
    assert entry.select_one("code").get_text(strip=True) == "match.report"
    assert entry.select_one("[data-via]").get_text(strip=True) == "API 토큰"
    assert entry.select("a")[0].get_text(strip=True).startswith("경기 #")


async def test_csv_cells_cannot_run_as_formulas(client):
    slug_event = await make_event(client, 0)
    r = await client.post(f"/api/tournaments/{slug_event['slug']}/events/lol/teams",
                          json={"name": "=HYPERLINK(\"http://x\")"}, headers=AUTH)
    assert r.status_code == 201
    user = await make_user(client, "admin", name="=cmd|calc")
    async with app_token(client, user) as headers:
        r = await client.patch(f"/api/tournaments/{slug_event['slug']}", json={"name": "+x"},
                               headers=headers)
        assert r.status_code == 200
    text = (await client.get(f"/api/tournaments/{slug_event['slug']}/audit?format=csv",
                             headers=AUTH)).text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["actor_name"] == "'=cmd|calc"
    assert all(not v.startswith(("=", "+", "-", "@")) for row in rows for v in row.values())


class app_token:
    """An API token for ``user`` as request headers (made by the bootstrap admin)."""

    def __init__(self, client, user) -> None:
        self.client, self.user = client, user

    async def __aenter__(self) -> dict[str, str]:
        r = await self.client.post("/api/tokens", json={"name": "t", "user_id": self.user["id"]},
                                   headers=AUTH)
        return {"Authorization": f"Bearer {r.json()['token']}"}

    async def __aexit__(self, *exc: object) -> None:
        return None


async def test_a_refused_write_leaves_no_entry(client):
    event = await make_event(client, 2)
    m = (await make_stage(client, event))["matches"][0]
    before = await trail(client, event["slug"])
    r = await client.patch(f"/api/matches/{m['id']}", json={"score": [1, 1],
                                                            "status": "completed"},
                           headers=AUTH)
    assert r.status_code == 422
    r = await client.patch(f"/api/matches/{m['id']}", json={"score": [1, 0], "status": "live"},
                           headers={**AUTH, "If-Match": "999"})
    assert r.status_code == 409
    assert await trail(client, event["slug"]) == before


async def test_blocked_correction_names_m_numbers_and_preview_lists_resets(client, app):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m = by_number(st)
    referee = await make_user(client, tournaments=[event["slug"]])
    for n in (1, 2, 3):
        assert (await report(client, m[n]["id"], [1, 0])).status_code == 200
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        body = {"score": [0, 1], "status": "completed"}
        r = await b.client.post(f"/api/matches/{m[1]['id']}/preview", json=body,
                                headers=b.headers())
        assert r.status_code == 200, r.text
        assert r.json() == {"match": None, "reset_matches": [m[3]["id"]],
                            "reset_numbers": [3], "played_numbers": [3],
                            "needs_admin": True, "moves": []}
        r = await b.client.patch(f"/api/matches/{m[1]['id']}", json=body, headers=b.headers())
        assert r.status_code == 403
        error = r.json()["error"]
        assert error["code"] == "correction_needs_admin"
        assert "(M3)" in error["message"] and f"({m[3]['id']})" not in error["message"]
        assert error["params"] == {"matches": [3], "played": [3], "paired": []}
    r = await client.post(f"/api/matches/{m[1]['id']}/preview", json=body, headers=AUTH)
    assert r.json()["needs_admin"] is False and r.json()["reset_numbers"] == [3]
    assert r.json()["match"]["winner"] == 2
    stored = (await client.get(f"/api/matches/{m[1]['id']}")).json()
    assert stored["winner"] == 1 and (await client.get(f"/api/matches/{m[3]['id']}")).json()[
        "status"] == "completed"  # the preview changed nothing
    audit_before = await trail(client, event["slug"])
    assert all(e["action"] != "match.correct" for e in audit_before)


async def test_a_conflict_says_who_changed_the_match(client, app):
    event = await make_event(client, 2)
    m = (await make_stage(client, event, settings={"best_of": 3}))["matches"][0]
    first = await make_user(client, tournaments=[event["slug"]])
    second = await make_user(client, tournaments=[event["slug"]])
    async with browser_for(app) as a, browser_for(app) as b:
        await a.sign_in(first["name"])
        await b.sign_in(second["name"])
        version = str(m["version"])
        r = await a.client.patch(f"/api/matches/{m['id']}", json={"games": [[13, 5]],
                                                                  "status": "live"},
                                 headers=a.headers(**{"If-Match": version}))
        assert r.status_code == 200
        r = await b.client.patch(f"/api/matches/{m['id']}", json={"games": [[9, 13]],
                                                                  "status": "live"},
                                 headers=b.headers(**{"If-Match": version}))
        assert r.status_code == 409
        assert r.json()["match"]["games"] == [[13, 5]]
        assert r.json()["changed_by"]["name"] == first["name"]
        assert r.json()["changed_by"]["via"] == "session"
        r = await b.client.get(f"/api/matches/{m['id']}/audit?limit=1")
        assert r.status_code == 200 and r.json()["items"][0]["actor"]["name"] == first["name"]


async def test_referees_outside_their_tournament_or_event_get_403(client, app):
    event = await make_event(client, 2)
    other = await make_event(client, 2)
    m = (await make_stage(client, event))["matches"][0]
    mine = (await make_stage(client, other))["matches"][0]
    r = await client.post(f"/api/tournaments/{other['slug']}/events",
                          json={"slug": "val", "name": "VALORANT"}, headers=AUTH)
    assert r.status_code == 201
    referee = await make_user(client, tournaments=[])
    r = await client.post(f"/api/tournaments/{other['slug']}/referees",
                          json={"user_id": referee["id"], "events": ["val"]}, headers=AUTH)
    assert r.status_code == 201
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        for match in (m, mine):  # another tournament; another event of my tournament
            r = await b.client.patch(f"/api/matches/{match['id']}", json={
                "status": "live", "score": [0, 0]}, headers=b.headers())
            assert r.status_code == 403 and r.json()["error"]["code"] == "not_assigned"
            assert (await b.client.get(f"/matches/{match['id']}/referee")).status_code == 403
            assert (await b.client.get(f"/api/matches/{match['id']}/audit")).status_code == 403
        listed = (await b.client.get("/referee")).text
        assert f'data-match-link="{m["id"]}"' not in listed
        assert f'data-match-link="{mine["id"]}"' not in listed
    r = await client.post(f"/api/tournaments/{other['slug']}/referees",
                          json={"user_id": referee["id"]}, headers=AUTH)  # every event now
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        assert f'data-match-link="{mine["id"]}"' in (await b.client.get("/referee")).text
        r = await b.client.patch(f"/api/matches/{mine['id']}", json={
            "status": "live", "score": [0, 0]}, headers=b.headers())
        assert r.status_code == 200, r.text
    r = await client.delete(f"/api/tournaments/{other['slug']}/referees/{referee['id']}",
                            headers=AUTH)
    assert r.status_code == 200
    async with browser_for(app) as b:  # unassigned from the last: referees nothing
        await b.sign_in(referee["name"])
        r = await b.client.patch(f"/api/matches/{mine['id']}", json={
            "status": "live", "score": [0, 0]}, headers=b.headers())
        assert r.status_code == 403


async def test_a_new_tournament_never_takes_a_deleted_ones_id_or_trail(client):
    """SQLite handed a deleted tournament's id to the next one, whose audit trail then
    listed the deleted one's entries (the API review); a deleted team's id went to the next
    team. On both databases ids are never handed out again."""
    gone = (await client.post("/api/tournaments", json={"slug": "gone-cup", "name": "Gone"},
                              headers=AUTH)).json()
    r = await client.post("/api/tournaments/gone-cup/events", json={"slug": "secret",
                                                                    "name": "Secret"},
                          headers=AUTH)
    assert r.status_code == 201
    assert (await client.delete("/api/tournaments/gone-cup/events/secret",
                                headers=AUTH)).status_code == 200
    assert (await client.delete("/api/tournaments/gone-cup", headers=AUTH)).status_code in (
        200, 204)
    new = (await client.post("/api/tournaments", json={"slug": "new-cup", "name": "New"},
                             headers=AUTH)).json()
    assert new["id"] > gone["id"]
    trail = (await client.get("/api/tournaments/new-cup/audit", headers=AUTH)).json()["items"]
    assert [(e["action"], e["target"]["id"]) for e in trail] == [
        ("tournament.create", new["id"])]  # nothing of "gone-cup"
    event = await make_event(client, 2)
    last = event["teams"][-1]
    assert (await client.delete(f"/api/teams/{last}", headers=AUTH)).status_code in (200, 204)
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams",
                          json={"name": "Late"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["id"] > last
