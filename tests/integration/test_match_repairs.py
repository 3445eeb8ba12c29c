"""A correction that changes other matches (their teams, their results) says so on each of
them: a ``match.repair`` entry in the match's own history naming the match whose result
was corrected, read back as ``changed_by`` on a 409 (the referee review: the panel named
the referee reading it, from M12's last entry before the reset); a report prepared for
teams that no longer play the match is refused (``expected_teams``: 409 teams_changed);
the preview names who goes where (``moves``)."""

from __future__ import annotations

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, by_number, make_event, make_stage, report

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def bracket_with_final_live(client):
    """A 4-team bracket: M1 won by side 1, M2 by side 1, the final M3 live at 1-0."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    m = by_number(st)
    for n in (1, 2):
        assert (await report(client, m[n]["id"], [2, 0])).status_code == 200
    r = await report(client, m[3]["id"], [1, 0], "live")
    assert r.status_code == 200, r.text
    return event, m, r.json()


async def test_a_correction_records_the_reset_on_the_match_it_reset(client, app):
    event, m, final = await bracket_with_final_live(client)
    referee = await make_user(client, tournaments=[event["slug"]])
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        await b.sign_in(admin["name"])
        r = await b.client.patch(f"/api/matches/{m[1]['id']}", json={
            "score": [0, 2], "status": "completed"}, headers=b.headers())
        assert r.status_code == 200, r.text
        assert r.json()["reset_matches"] == [m[3]["id"]]
    r = await client.get(f"/api/matches/{m[3]['id']}/audit", headers=AUTH)
    entry = r.json()["items"][0]
    assert entry["action"] == "match.repair"
    assert entry["actor"] == {"id": admin["id"], "name": admin["name"]}
    assert entry["before"]["teams"] == final["teams"] and entry["before"]["score"] == [1, 0]
    assert entry["after"]["teams"] == [m[1]["teams"][1], final["teams"][1]]
    assert entry["after"]["status"] == "ready" and entry["after"]["score"] == [0, 0]
    assert entry["after"]["cause"] == {"match": m[1]["id"], "number": 1,
                                       "action": "match.correct"}
    # the referee of the final, whose save was worked out before: told who and how
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        r = await b.client.patch(f"/api/matches/{m[3]['id']}", json={
            "score": [2, 0], "status": "completed"},
            headers=b.headers(**{"If-Match": str(final["version"])}))
        assert r.status_code == 409
        who = r.json()["changed_by"]
        assert who["name"] == admin["name"] and who["action"] == "match.repair"
        assert who["cause"] == {"match": m[1]["id"], "number": 1, "action": "match.correct"}
        assert who["reset"] is True


async def test_a_plain_result_filling_the_next_match_writes_no_repair(client):
    event = await make_event(client, 4)
    m = by_number(await make_stage(client, event))
    assert (await report(client, m[1]["id"], [1, 0])).status_code == 200
    items = (await client.get(f"/api/matches/{m[3]['id']}/audit", headers=AUTH)).json()["items"]
    assert items == []
    # a correction before the final is played: its teams change, nothing is reset
    assert (await report(client, m[1]["id"], [0, 1])).status_code == 200
    items = (await client.get(f"/api/matches/{m[3]['id']}/audit", headers=AUTH)).json()["items"]
    assert [e["action"] for e in items] == ["match.repair"]
    assert items[0]["before"]["teams"][0] == m[1]["teams"][0]
    assert items[0]["after"]["teams"][0] == m[1]["teams"][1]


async def test_a_report_for_teams_that_no_longer_play_the_match_is_refused(client):
    _, m, final = await bracket_with_final_live(client)
    assert (await report(client, m[1]["id"], [0, 2])).status_code == 200
    now = (await client.get(f"/api/matches/{m[3]['id']}")).json()
    r = await client.patch(f"/api/matches/{m[3]['id']}", json={
        "score": [1, 0], "status": "live", "expected_teams": final["teams"]},
        headers={**AUTH, "If-Match": str(now["version"])})
    assert r.status_code == 409, r.text
    body = r.json()
    assert body["error"]["code"] == "teams_changed"
    assert body["error"]["params"] == {"expected": final["teams"], "teams": now["teams"]}
    assert body["match"]["teams"] == now["teams"] and body["match"]["version"] == now["version"]
    assert body["changed_by"]["action"] == "match.repair"
    assert (await client.get(f"/api/matches/{m[3]['id']}")).json() == now  # nothing saved
    r = await client.patch(f"/api/matches/{m[3]['id']}", json={
        "score": [1, 0], "status": "live", "expected_teams": now["teams"]}, headers=AUTH)
    assert r.status_code == 200, r.text
    # the precondition alone changes nothing, as an empty change
    r = await client.patch(f"/api/matches/{m[3]['id']}", json={
        "expected_teams": now["teams"]}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "empty_update"


async def test_the_preview_names_who_moves_where(client, app):
    event, m, final = await bracket_with_final_live(client)
    body = {"score": [1, 2], "status": "completed"}
    r = await client.post(f"/api/matches/{m[1]['id']}/preview", json=body, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["moves"] == [{"match": m[3]["id"], "number": 3,
                                  "teams_before": final["teams"],
                                  "teams_after": [m[1]["teams"][1], final["teams"][1]],
                                  "reset": True, "out_of_play": False,
                                  "waits_for": [None, None]}]
    # reopened (no winner yet): the final waits for it again
    r = await client.post(f"/api/matches/{m[1]['id']}/preview",
                          json={"score": [1, 1], "status": "live"}, headers=AUTH)
    assert r.json()["moves"] == [{"match": m[3]["id"], "number": 3,
                                  "teams_before": final["teams"],
                                  "teams_after": [None, final["teams"][1]], "reset": True,
                                  "out_of_play": False, "waits_for": [1, None]}]
    # a referee's blocked correction names no moves (it is not theirs to make)
    referee = await make_user(client, tournaments=[event["slug"]])
    async with browser_for(app) as b:
        await b.sign_in(referee["name"])
        r = await b.client.post(f"/api/matches/{m[1]['id']}/preview", json=body,
                                headers=b.headers())
        assert r.json()["needs_admin"] is True and r.json()["moves"] == []
