"""Every bad input is a 4xx with a code and a message, and changes nothing."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, stage, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")


def error(r, status: int, code: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()["error"]
    assert body["code"] == code and body["message"]
    return body


async def test_auth_required_and_checked(client):
    r = await client.post("/api/tournaments", json={"slug": unique(), "name": "x"})
    error(r, 401, "unauthorized")
    assert r.headers["www-authenticate"] == "Bearer"
    r = await client.post("/api/tournaments", json={"slug": unique(), "name": "x"},
                          headers={"Authorization": "Bearer wrong"})
    error(r, 401, "invalid_token")


@pytest.mark.parametrize("body, code, field", [
    ({"name": "x"}, "invalid_input", "slug"),
    ({"slug": "Bad Slug", "name": "x"}, "invalid_input", "slug"),
    ({"slug": "ok-slug", "name": ""}, "invalid_input", "name"),
    ({"slug": "ok-slug", "name": "x", "timezone": "Mars/Base"}, "invalid_input", "timezone"),
    ({"slug": "ok-slug", "name": "x", "names": {"fr": "x"}}, "invalid_input", "names"),
    ({"slug": "ok-slug", "name": "x", "color": "red"}, "unknown_field", "color"),
    ({"slug": "ok-slug", "name": "x", "nation_points": [10, -1]}, "invalid_input",
     "nation_points"),
])
async def test_bad_tournament_bodies(client, body, code, field):
    r = await client.post("/api/tournaments", json=body, headers=AUTH)
    assert error(r, 422, code)["field"] == field
    assert (await client.get("/api/tournaments/ok-slug")).status_code == 404


async def test_malformed_json_and_duplicates(client):
    r = await client.post("/api/tournaments", content=b"{nope", headers=AUTH)
    error(r, 400, "invalid_json")
    r = await client.post("/api/tournaments", content=b"[1]", headers=AUTH)
    error(r, 400, "invalid_json")
    slug = unique()
    assert (await client.post("/api/tournaments", json={"slug": slug, "name": "x"},
                              headers=AUTH)).status_code == 201
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "y"}, headers=AUTH)
    error(r, 409, "slug_taken")
    assert (await client.get(f"/api/tournaments/{slug}")).json()["name"] == "x"


async def test_not_found(client):
    error(await client.get("/api/tournaments/nope-nope"), 404, "not_found")
    error(await client.get("/api/stages/999999"), 404, "not_found")
    error(await client.get("/api/matches/999999"), 404, "not_found")
    error(await client.get("/api/teams/999999"), 404, "not_found")
    error(await client.get("/api/matches/abc"), 400, "invalid_parameter")
    error(await client.get("/api/nothing-here"), 404, "not_found")
    r = await client.patch("/api/matches/999999", json={"score": [1, 0]}, headers=AUTH)
    error(r, 404, "not_found")


async def test_bad_team_and_stage_bodies(client):
    event = await make_event(client, 2)
    base = f"/api/tournaments/{event['slug']}/events/lol"
    r = await client.post(base + "/teams", json={"name": "x", "nation": "Korea"}, headers=AUTH)
    assert error(r, 422, "invalid_input")["field"] == "nation"
    r = await client.post(base + "/teams", json={"name": "x", "seed": 0}, headers=AUTH)
    error(r, 422, "invalid_input")
    r = await client.post(base + "/stages", json={"name": "S", "format": "ladder"}, headers=AUTH)
    assert error(r, 422, "invalid_input")["field"] == "format"
    r = await client.post(base + "/stages", json={
        "name": "S", "format": "single_elimination", "settings": {"best_of": 0}}, headers=AUTH)
    assert error(r, 422, "invalid_settings")["field"] == "settings.best_of"
    r = await client.post(base + "/stages", json={
        "name": "S", "format": "single_elimination", "settings": {"legs": 2}}, headers=AUTH)
    error(r, 422, "invalid_settings")
    r = await client.post(base + "/stages", json={
        "name": "S", "format": "single_elimination", "seeding": [999999, event["teams"][0]]},
        headers=AUTH)
    error(r, 422, "unknown_team")
    r = await client.post(base + "/stages", json={
        "name": "S", "format": "single_elimination", "seeding": [event["teams"][0]] * 2},
        headers=AUTH)
    error(r, 422, "duplicate_team")
    r = await client.post(base + "/stages", json={
        "name": "S", "format": "single_elimination", "seeding": [event["teams"][0]]},
        headers=AUTH)
    error(r, 422, "too_few_teams")
    r = await client.post(f"/api/tournaments/{event['slug']}/events/nope/stages", json={
        "name": "S", "format": "single_elimination"}, headers=AUTH)
    error(r, 404, "not_found")
    assert (await client.get(base)).json()["stages"] == []


@pytest.mark.parametrize("body, code", [
    ({"score": [3, 0], "status": "completed"}, "invalid_score"),
    ({"score": [1, 1], "status": "completed"}, "draw_not_allowed"),
    ({"score": [2, 0], "status": "live"}, "invalid_score"),
    ({"score": [1, 0], "status": "completed"}, "invalid_score"),
    ({"score": [-1, 2], "status": "completed"}, "invalid_score"),
    ({"score": "2-1", "status": "completed"}, "invalid_score"),
    ({"score": [2, 1, 0], "status": "completed"}, "invalid_score"),
    ({"games": [[1, 0], [0, 1], [1, 0], [1, 0]], "status": "completed"}, "invalid_games"),
    ({"games": [[1, 0], [1, 0]], "score": [2, 1], "status": "completed"}, "invalid_games"),
    ({"status": "finished"}, "invalid_input"),
    ({"forfeit": 3}, "invalid_input"),
    ({"scheduled_at": "2026-11-20T19:00:00"}, "invalid_input"),
    ({"stream_url": "javascript:alert(1)"}, "invalid_input"),
    ({}, "empty_update"),
    ({"status": "pending"}, "invalid_status"),
    # a forfeit with a score, games or another status: one of them was dropped without a word
    # (the score naming side 1 the winner gave way to side 1's forfeit; "ready" to nothing)
    ({"score": [2, 0], "status": "completed", "forfeit": 1}, "forfeit_with_result"),
    ({"games": [[1, 0]], "forfeit": 2}, "forfeit_with_result"),
    ({"status": "live", "forfeit": 2}, "forfeit_with_result"),
    ({"status": "ready", "forfeit": 1}, "forfeit_with_result"),
])
async def test_bad_results_change_nothing(client, body, code):
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3})
    match = st["matches"][0]
    r = await client.patch(f"/api/matches/{match['id']}", json=body, headers=AUTH)
    error(r, 422, code)
    after = (await client.get(f"/api/matches/{match['id']}")).json()
    assert after == match


async def test_result_for_a_match_without_teams(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    final = by_number(st)[3]
    r = await report(client, final["id"], [1, 0])
    error(r, 422, "teams_unknown")


async def test_stale_if_match_gets_409_with_the_current_match(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3})
    match = st["matches"][0]
    r = await client.get(f"/api/matches/{match['id']}")
    assert r.headers["etag"] == f'"{match["version"]}"'
    r = await report(client, match["id"], [1, 0], status="live",
                     **{"If-Match": f'"{match["version"]}"'})
    assert r.status_code == 200
    current = r.json()
    r = await report(client, match["id"], [2, 0], **{"If-Match": str(match["version"])})
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "version_conflict"
    assert r.json()["match"]["version"] == current["version"]
    assert r.json()["match"]["score"] == [1, 0]
    r = await report(client, match["id"], [2, 0], **{"If-Match": "abc"})
    error(r, 400, "invalid_if_match")
    r = await report(client, match["id"], [2, 0], **{"If-Match": "*"})  # any version
    assert r.status_code == 200 and r.json()["score"] == [2, 0], r.text


async def test_a_created_resource_is_named_by_its_location(client):
    event = await make_event(client, 2)
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams",
                          json={"name": "Late"}, headers=AUTH)
    assert r.status_code == 201 and r.headers["location"] == f"/api/teams/{r.json()['id']}"
    assert (await client.get(r.headers["location"])).json()["name"] == "Late"
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "S", "format": "single_elimination", "seeding": event["teams"]}, headers=AUTH)
    assert r.headers["location"] == f"/api/stages/{r.json()['id']}"
    r = await client.post(f"/api/tournaments/{event['slug']}/events", json={
        "slug": "val", "name": "VALORANT"}, headers=AUTH)
    assert r.headers["location"] == f"/api/tournaments/{event['slug']}/events/val"
    assert (await client.get(r.headers["location"])).json()["name"] == "VALORANT"
    slug = unique("loc")
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "L"}, headers=AUTH)
    assert r.headers["location"] == f"/api/tournaments/{slug}"
    r = await client.patch(f"/api/tournaments/{slug}", json={"name": "M"}, headers=AUTH)
    assert "location" not in r.headers


async def test_idempotency_key_replays_the_first_answer(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3})
    match = st["matches"][0]
    key = {"Idempotency-Key": unique("key")}
    first = await report(client, match["id"], [1, 0], status="live", **key)
    assert first.status_code == 200
    second = await report(client, match["id"], [1, 0], status="live", **key)
    assert second.status_code == 200 and second.json() == first.json()
    after = (await client.get(f"/api/matches/{match['id']}")).json()
    assert after["version"] == first.json()["version"]
    reused = await report(client, match["id"], [2, 0], **key)
    error(reused, 422, "idempotency_key_reused")
    slug = unique()
    tkey = {"Idempotency-Key": unique("key"), **AUTH}
    a = await client.post("/api/tournaments", json={"slug": slug, "name": "x"}, headers=tkey)
    b = await client.post("/api/tournaments", json={"slug": slug, "name": "x"}, headers=tkey)
    assert a.status_code == b.status_code == 201 and a.json() == b.json()
    stage_after = await stage(client, st["id"])
    assert stage_after["matches"][0]["score"] == [1, 0]


async def test_unpublished_tournaments_are_hidden_until_published(client):
    slug = unique()
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "Secret",
                                                    "published": False}, headers=AUTH)
    assert r.status_code == 201
    await client.post(f"/api/tournaments/{slug}/events", json={"slug": "e", "name": "E"},
                      headers=AUTH)
    assert (await client.get(f"/api/tournaments/{slug}")).status_code == 404
    assert (await client.get(f"/api/tournaments/{slug}/events/e")).status_code == 404
    assert (await client.get(f"/tournaments/{slug}")).status_code == 404
    assert slug not in [t["slug"] for t in (await client.get("/api/tournaments")).json()]
    assert (await client.get(f"/api/tournaments/{slug}", headers=AUTH)).status_code == 200
    r = await client.patch(f"/api/tournaments/{slug}", json={"published": "soon"},
                           headers=AUTH)
    error(r, 422, "invalid_input")
    r = await client.patch(f"/api/tournaments/{slug}", json={"published": True,
                                                             "timezone": "Asia/Tokyo"},
                           headers=AUTH)
    assert r.status_code == 200 and r.json()["published"] is True
    body = (await client.get(f"/api/tournaments/{slug}")).json()
    assert body["timezone"] == "Asia/Tokyo" and body["name"] == "Secret"


async def test_assigned_referees_report_only_in_their_tournaments(client):
    event = await make_event(client, 2)
    other = await make_event(client, 2)
    r = await client.post("/api/users", json={"name": unique("ref"), "role": "referee",
                                              "tournaments": [event["slug"]]}, headers=AUTH)
    assert r.status_code == 201 and r.json()["tournaments"] == [event["slug"]]
    ref = {"Authorization": f"Bearer {r.json()['token']}"}
    mine = (await make_stage(client, event))["matches"][0]
    theirs = (await make_stage(client, other))["matches"][0]
    r = await client.patch(f"/api/matches/{theirs['id']}",
                           json={"score": [1, 0], "status": "completed"}, headers=ref)
    error(r, 403, "not_assigned")
    r = await client.patch(f"/api/matches/{mine['id']}",
                           json={"score": [1, 0], "status": "completed"}, headers=ref)
    assert r.status_code == 200
    user_id = (await client.post("/api/users", json={"name": unique("adm"), "role": "admin"},
                                 headers=AUTH)).json()["id"]
    r = await client.post(f"/api/tournaments/{other['slug']}/referees",
                          json={"user_id": user_id}, headers=AUTH)
    error(r, 422, "not_a_referee")
    r = await client.post(f"/api/tournaments/{other['slug']}/referees",
                          json={"user_id": 999999}, headers=AUTH)
    error(r, 404, "not_found")


async def test_a_nation_is_a_country_code(client):
    """A typed "Japan" cut to "JA" was saved as a nation: two letters that name no ISO
    3166-1 country, or mixed case, are refused on create and on PATCH; "jp" is JP."""
    event = await make_event(client, 0)
    # two letters that name no country ("JA" typed for Japan) are refused; "jp" is JP
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams", json={
        "name": "Typo", "nation": "JA"}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == "nation", r.text
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams", json={
        "name": "Lower", "nation": "jp"}, headers=AUTH)
    assert r.status_code == 201 and r.json()["nation"] == "JP", r.text
    lower = r.json()["id"]
    for nation, status in (("JA", 422), ("Jp", 422), ("cn", 200)):  # a PATCH the same
        r = await client.patch(f"/api/teams/{lower}", json={"nation": nation}, headers=AUTH)
        assert r.status_code == status, (nation, r.text)
    assert (await client.get(f"/api/teams/{lower}")).json()["nation"] == "CN"


async def test_an_error_names_the_bodys_own_field_never_a_schema_internal(client):
    """A game is [13, 9] or {"score", "map"}: a bad map named the field
    "games.0.list[function-before[_integral(), constrained-int]]" (API review)."""
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3})
    match = st["matches"][0]
    for body, field in (({"games": [{"score": [1, 0], "map": 5}]}, "games.0.map"),
                        ({"games": [[1, "x"]]}, "games"),
                        ({"games": [{"score": [1, 0], "colour": "red"}]}, "games.0.colour"),
                        ({"score": ["a", 1]}, "score")):
        r = await client.patch(f"/api/matches/{match['id']}", json=body, headers=AUTH)
        assert r.status_code == 422, (body, r.text)
        assert r.json()["error"]["field"] == field, (body, r.json())
        assert r.json()["error"]["message"].startswith(f"{field}: ")
