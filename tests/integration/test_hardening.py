"""Issue 8: no input breaks it. Each test is one case the probe found (a 500, a leak, a
loose type); each answered wrongly before the fix."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, make_event, make_stage, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")
HOSTILE = "</script><script>alert(3)</script>"


def code(r, status: int) -> str:
    assert r.status_code == status, r.text
    return str(r.json()["error"]["code"])


async def test_json_blocks_escape_markup(client, app):
    event = await make_event(client, 2)
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams",
                          json={"name": HOSTILE}, headers=AUTH)
    assert r.status_code == 201
    st = await make_stage(client, event, seeding=[event["teams"][0], r.json()["id"]])
    admin = await make_user(client, "admin", name=HOSTILE[:100])
    async with browser_for(app) as browser:
        assert (await browser.sign_in(admin["name"])).status_code == 303
        for path in (f"/stages/{st['id']}", f"/matches/{st['matches'][0]['id']}",
                     f"/matches/{st['matches'][0]['id']}/referee", "/referee", "/account",
                     f"/overlay/matches/{st['matches'][0]['id']}", "/admin/users",
                     f"/overlay/stages/{st['id']}", f"/tournaments/{event['slug']}/events/lol",
                     f"/tournaments/{event['slug']}/audit"):
            r = await browser.client.get(path)
            assert r.status_code == 200, path
            assert "<script>alert" not in r.text, path
            assert r.text.count("</script>") == r.text.count("<script"), path


@pytest.mark.parametrize("path", ["/api/matches/+5", "/api/matches/%D9%A3",
                                  "/api/matches/-1", "/api/stages/99999999999999999999",
                                  "/api/teams/2147483648", "/api/matches/9223372036854775808",
                                  "/matches/9223372036854775808", "/teams/+1"])
async def test_ids_are_ascii_digits_in_range(client, path):
    r = await client.get(path)
    assert r.status_code == 400, (path, r.status_code)


async def test_ids_in_bodies_are_bounded(client):
    event = await make_event(client, 2)
    base = f"/api/tournaments/{event['slug']}/events/lol"
    big = 2**63
    for url, body in ((base + "/teams", {"name": "x", "seed": big}),
                      (base + "/stages", {"name": "S", "format": "single_elimination",
                                          "seeding": {"from_stage": big}}),
                      (base + "/stages", {"name": "S", "format": "single_elimination",
                                          "seeding": [big, 1]}),
                      (f"/api/tournaments/{event['slug']}/referees", {"user_id": big})):
        assert code(await client.post(url, json=body, headers=AUTH), 422) == "invalid_input"


@pytest.mark.parametrize("body", [
    {"name": "a\x00b"}, {"name": "line\nbreak"}, {"name": "x", "names": {"ko": "a\x00"}},
    {"name": "x", "names": {"ja": "x" * 201}}, {"name": "x", "players": [{"handle": "\x00"}]},
])
async def test_text_is_one_line_without_nul_and_bounded(client, body):
    event = await make_event(client, 1)
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams", json=body,
                          headers=AUTH)
    assert code(r, 422) == "invalid_input"


async def test_slugs_with_nul_are_not_found(client):
    for path in ("/api/tournaments/a%00b", "/api/tournaments/x/events/a%00",
                 "/tournaments/a%00b"):
        assert (await client.get(path)).status_code == 404


async def test_deeply_nested_json_is_a_400(client):
    body = '{"slug": "x", "name": "x", "names": ' + "[" * 1000 + "]" * 1000 + "}"
    r = await client.post("/api/tournaments", content=body, headers=AUTH)
    assert code(r, 400) == "invalid_json"


@pytest.mark.parametrize("field", ["name", "timezone", "published", "nation_scoring",
                                   "nation_points"])
async def test_null_for_a_field_a_tournament_always_has(client, field):
    event = await make_event(client, 0)
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={field: None},
                           headers=AUTH)
    assert code(r, 422) == "invalid_input"
    assert r.json()["error"]["field"] == field
    assert (await client.get(f"/api/tournaments/{event['slug']}")).status_code == 200


@pytest.mark.parametrize("body", [{"published": "yes"}, {"published": 1},
                                  {"nation_points": [True]}, {"nation_points": ["5"]}])
async def test_types_are_strict(client, body):
    event = await make_event(client, 0)
    r = await client.patch(f"/api/tournaments/{event['slug']}", json=body, headers=AUTH)
    assert code(r, 422) == "invalid_input"
    r = await client.post(f"/api/tournaments/{event['slug']}/referees",
                          json={"user_id": True}, headers=AUTH)
    assert code(r, 422) == "invalid_input"


async def test_dates_in_order_and_range(client):
    slug = unique()
    r = await client.post("/api/tournaments", json={
        "slug": slug, "name": "x", "starts_on": "2026-12-02", "ends_on": "2026-12-01"},
        headers=AUTH)
    assert code(r, 422) == "invalid_dates"
    event = await make_event(client, 0)
    url = f"/api/tournaments/{event['slug']}"
    assert (await client.patch(url, json={"starts_on": "2026-12-01"}, headers=AUTH)
            ).status_code == 200
    assert code(await client.patch(url, json={"ends_on": "2026-11-30"}, headers=AUTH),
                422) == "invalid_dates"
    assert code(await client.patch(url, json={"ends_on": "0001-01-01"}, headers=AUTH),
                422) == "invalid_input"


async def test_scheduled_at_is_bounded(client):
    event = await make_event(client, 2)
    match = (await make_stage(client, event))["matches"][0]
    for value in ("9999-12-31T23:00:00-05:00", "0001-01-01T00:00:00+09:00",
                  "1999-12-31T23:59:59+00:00"):
        r = await client.patch(f"/api/matches/{match['id']}", json={"scheduled_at": value},
                               headers=AUTH)
        assert code(r, 422) == "invalid_input", value


async def test_a_stored_time_at_the_calendar_edge_does_not_break_reads(client, db_url):
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    match = st["matches"][0]
    await client.patch(f"/api/tournaments/{event['slug']}", json={"timezone":
                                                                  "America/New_York"},
                       headers=AUTH)
    engine = create_async_engine(db_url)
    async with engine.begin() as conn:
        await conn.execute(text(
            "UPDATE match SET scheduled_at = " + ("'0001-01-01 00:00:00.000000'" if "sqlite"
                                                 in db_url else "'0001-01-01 00:00:00+00'")
            + " WHERE id = :id"), {"id": match["id"]})
    await engine.dispose()
    for path in (f"/api/matches/{match['id']}", f"/api/stages/{st['id']}",
                 f"/api/teams/{event['teams'][0]}", f"/matches/{match['id']}",
                 f"/teams/{event['teams'][0]}", f"/teams/{event['teams'][0]}/schedule.ics",
                 f"/api/tournaments/{event['slug']}/events/lol"):
        assert (await client.get(path)).status_code == 200, path


async def test_calendar_with_a_newline_in_a_stored_name(client, db_url):
    event = await make_event(client, 2)
    match = (await make_stage(client, event))["matches"][0]
    await client.patch(f"/api/matches/{match['id']}",
                       json={"scheduled_at": "2026-11-20T19:00:00+09:00"}, headers=AUTH)
    engine = create_async_engine(db_url)
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE team SET name = :n WHERE id = :id"),
                           {"n": "Evil\r\nBEGIN:VEVENT", "id": event["teams"][1]})
    await engine.dispose()
    # in English, where the team's stored name is its name (the shared client may carry
    # a lang cookie from an earlier page, and Korean shows its names.ko)
    r = await client.get(f"/teams/{event['teams'][0]}/schedule.ics?lang=en")
    assert r.status_code == 200
    lines = r.text.split("\r\n")
    assert lines.count("BEGIN:VEVENT") == 1 and "Evil BEGIN:VEVENT" in r.text


@pytest.mark.parametrize("body, expected", [
    ({"games": [[5, 5], [1, 0]], "status": "live"}, "tied_game"),
    ({"games": [[10**30, 0], [1, 0]], "status": "completed"}, "invalid_games"),
    ({"games": [[1, 0], [1, 0], [0, 1]], "status": "completed"}, "invalid_games"),
])
async def test_games_a_best_of_three_cannot_hold(client, body, expected):
    event = await make_event(client, 2)
    match = (await make_stage(client, event, settings={"best_of": 3}))["matches"][0]
    r = await client.patch(f"/api/matches/{match['id']}", json=body, headers=AUTH)
    assert code(r, 422) == expected


async def test_a_league_game_may_be_a_draw(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event, format="round_robin",
                          settings={"allow_draws": True})
    r = await client.patch(f"/api/matches/{st['matches'][0]['id']}",
                           json={"games": [[4, 4]], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["draw"] is True and r.json()["games"] == [[4, 4]]


async def test_a_score_only_correction_clears_games_that_no_longer_add_up(client):
    event = await make_event(client, 2)
    match = (await make_stage(client, event, settings={"best_of": 3}))["matches"][0]
    url = f"/api/matches/{match['id']}"
    r = await client.patch(url, json={"games": [[13, 10], [8, 13], [13, 5]],
                                      "status": "completed"}, headers=AUTH)
    assert r.json()["score"] == [2, 1]
    r = await client.patch(url, json={"score": [1, 2], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200 and r.json()["score"] == [1, 2] and r.json()["games"] == []
    r = await client.patch(url, json={"games": [[13, 10], [13, 8]], "status": "completed"},
                           headers=AUTH)
    r = await client.patch(url, json={"score": [2, 0], "status": "completed"}, headers=AUTH)
    assert r.json()["games"] == [[13, 10], [13, 8]]  # they still add up: kept


async def test_a_referee_created_with_no_tournaments_referees_none(client):
    event = await make_event(client, 2)
    match = (await make_stage(client, event))["matches"][0]
    r = await client.post("/api/users", json={"name": unique("ref"), "role": "referee",
                                              "tournaments": []}, headers=AUTH)
    token = {"Authorization": f"Bearer {r.json()['token']}"}
    r = await client.patch(f"/api/matches/{match['id']}",
                           json={"score": [1, 0], "status": "completed"}, headers=token)
    assert code(r, 403) == "not_assigned"
    r = await client.post("/api/users", json={"name": unique("ref"), "role": "referee"},
                          headers=AUTH)
    anywhere = {"Authorization": f"Bearer {r.json()['token']}"}
    r = await client.patch(f"/api/matches/{match['id']}",
                           json={"score": [1, 0], "status": "completed"}, headers=anywhere)
    assert r.status_code == 200


async def test_unpublished_is_for_admins_and_its_own_referees(client):
    hidden = await make_event(client, 2)
    await client.patch(f"/api/tournaments/{hidden['slug']}", json={"published": False},
                       headers=AUTH)
    match = (await make_stage(client, hidden))["matches"][0]
    other = await make_event(client, 0)

    async def referee(tournaments):
        body = {"name": unique("ref"), "role": "referee"}
        if tournaments is not None:
            body["tournaments"] = tournaments
        r = await client.post("/api/users", json=body, headers=AUTH)
        return {"Authorization": f"Bearer {r.json()['token']}"}

    for headers, sees in ((await referee(None), False), (await referee([other["slug"]]), False),
                          (await referee([hidden["slug"]]), True), (AUTH, True)):
        listed = [t["slug"] for t in (await client.get("/api/tournaments",
                                                       headers=headers)).json()]
        assert (hidden["slug"] in listed) is sees
        for path in (f"/api/tournaments/{hidden['slug']}", f"/api/matches/{match['id']}",
                     f"/api/teams/{hidden['teams'][0]}"):
            assert (await client.get(path, headers=headers)).status_code == \
                (200 if sees else 404), path
        r = await client.patch(f"/api/matches/{match['id']}",
                               json={"status": "live", "score": [0, 0]}, headers=headers)
        assert r.status_code == (200 if sees else 403), r.text


async def test_pages_carry_security_headers(client):
    event = await make_event(client, 2)
    match = (await make_stage(client, event))["matches"][0]
    for path, framed in (("/", False), ("/login", False),
                         ("/nope", False), (f"/overlay/matches/{match['id']}", True)):
        r = await client.get(path)
        csp = r.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "object-src 'none'" in csp
        assert "base-uri 'none'" in csp and "unsafe-inline" not in csp
        assert ("frame-ancestors 'none'" in csp) is not framed, path
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"]
    r = await client.get("/api/tournaments")
    assert r.headers["x-content-type-options"] == "nosniff"


async def test_the_404_page_links_stay_on_site(client):
    page = (await client.get("http://testserver//evil.example/x")).text
    assert "evil.example" not in page.split("<main>")[0]
    assert 'href="//' not in page


async def test_405_carries_allow(client):
    r = await client.delete("/api/tournaments")
    assert r.status_code == 405
    assert set(r.headers["allow"].replace(" ", "").split(",")) >= {"GET", "POST"}
    r = await client.put("/api/matches/1")
    assert {"GET", "PATCH"} <= set(r.headers["allow"].replace(" ", "").split(","))


async def test_an_oversized_body_is_a_413(client):
    r = await client.post("/api/tournaments", content=b" " * (2 * 1024 * 1024),
                          headers={**AUTH, "Content-Type": "application/json"})
    assert code(r, 413) == "body_too_large"

    async def chunks():
        for _ in range(64):
            yield b" " * 65536

    r = await client.post("/api/tournaments", content=chunks(), headers=AUTH)
    assert code(r, 413) == "body_too_large"


@pytest.mark.parametrize("settings, teams", [({}, 65), ({"groups": 2}, 130)])
async def test_a_round_robin_group_is_bounded(client, settings, teams):
    event = await make_event(client, 0)
    slug = event["slug"]
    ids = []
    for i in range(teams):
        r = await client.post(f"/api/tournaments/{slug}/events/lol/teams",
                              json={"name": f"T{i}"}, headers=AUTH)
        ids.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/lol/stages", json={
        "name": "League", "format": "round_robin", "settings": settings}, headers=AUTH)
    assert code(r, 422) == "stage_too_large"
    assert json.loads((await client.get(f"/api/tournaments/{slug}/events/lol")).text
                      )["stages"] == []
