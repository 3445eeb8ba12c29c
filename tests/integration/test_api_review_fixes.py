"""Findings of an API contract review: each refusal changes nothing and says why."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_event, make_stage, unique

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _seq(client: httpx.AsyncClient, slug: str) -> int:
    return int((await client.get(f"/api/tournaments/{slug}", headers=AUTH)).json()["last_seq"])


def _edits(event: dict[str, Any], stage_id: int) -> list[tuple[str, dict[str, Any]]]:
    slug, team = event["slug"], event["teams"][0]
    return [(f"/api/tournaments/{slug}", {"name": "Cup"}),
            (f"/api/teams/{team}", {"name": "Team 1", "nation": "KR"}),
            (f"/api/stages/{stage_id}", {"name": "Playoffs", "settings": {}}),
            (f"/api/tournaments/{slug}/events/lol", {"name": "League of Legends"})]


async def test_empty_patch_is_refused_and_publishes_nothing(client: httpx.AsyncClient) -> None:
    event = await make_event(client, teams=4)
    stage = await make_stage(client, event)
    for path, _same in _edits(event, stage["id"]):
        before = await _seq(client, event["slug"])
        for body in ({}, {"confirm": True}) if "stages" in path else ({},):
            r = await client.patch(path, json=body, headers=AUTH)
            assert r.status_code == 422, (path, r.text)
            assert r.json()["error"]["code"] == "empty_update"
        assert await _seq(client, event["slug"]) == before, path


async def test_patch_with_the_stored_values_publishes_nothing(
        client: httpx.AsyncClient) -> None:
    event = await make_event(client, teams=4)
    stage = await make_stage(client, event)
    matches = [m["id"] for m in stage["matches"]]
    for path, same in _edits(event, stage["id"]):
        before = await _seq(client, event["slug"])
        r = await client.patch(path, json=same, headers=AUTH)
        assert r.status_code == 200, (path, r.text)
        assert await _seq(client, event["slug"]) == before, path
    r = await client.get(f"/api/stages/{stage['id']}")
    assert [m["id"] for m in r.json()["matches"]] == matches  # not planned again
    r = await client.patch(f"/api/teams/{event['teams'][0]}", json={"name": "Team One"},
                           headers=AUTH)
    assert r.status_code == 200
    assert await _seq(client, event["slug"]) == before + 1  # a real change still is live


@pytest.mark.parametrize("body, field", [
    ({"name": "\u200b"}, "name"),
    ({"name": " \u2060\ufeff "}, "name"),
    ({"name": "Cup", "names": {"ko": ""}}, "names.ko"),
    ({"name": "Cup", "names": {"ja": "\u200b"}}, "names.ja"),
])
async def test_blank_looking_names_are_refused(client: httpx.AsyncClient, body: dict[str, Any],
                                               field: str) -> None:
    slug = unique("blank")
    r = await client.post("/api/tournaments", json={"slug": slug, **body}, headers=AUTH)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["code"] == "invalid_input"
    assert r.json()["error"]["field"] == field
    assert (await client.get(f"/api/tournaments/{slug}", headers=AUTH)).status_code == 404
    event = await make_event(client, teams=2)
    r = await client.patch(f"/api/teams/{event['teams'][0]}", json=body, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == field, r.text


async def test_a_name_with_an_inner_format_character_is_kept(
        client: httpx.AsyncClient) -> None:
    r = await client.post("/api/tournaments", json={
        "slug": unique("zw"), "name": "T\u200b1", "nation_points": []}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert r.json()["name"] == "T\u200b1" and r.json()["nation_points"] == []


async def test_csv_duplicates_by_case_or_width_are_line_errors(
        client: httpx.AsyncClient) -> None:
    event = await make_event(client, teams=0)
    path = f"/api/tournaments/{event['slug']}/events/lol/teams/import"
    headers = {**AUTH, "Content-Type": "text/csv"}
    r = await client.post(path, content=b"name\nNewA\nnewa\n", headers=headers)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "invalid_csv"
    assert [(e["line"], e["code"], e["params"]) for e in error["errors"]] == [
        (3, "csv_duplicate", {"name": "newa", "other": 2})]
    text = "name,nation\nNewE,KR\nＮｅｗｅ,JP\nNewF,JPN\n"
    r = await client.post(path, content=text.encode(), headers=headers)
    assert r.status_code == 422, r.text
    assert [(e["line"], e["field"], e["code"]) for e in r.json()["error"]["errors"]] == [
        (3, "name", "csv_duplicate"), (4, "nation", "csv_field")]
    detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert detail["teams"] == []


async def test_a_recorded_order_waits_for_a_pending_tiebreaker(
        client: httpx.AsyncClient) -> None:
    from .test_api_replays import play

    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    groups = await make_stage(client, event, name="Group", format="round_robin",
                              settings={"advance": 2, "tiebreakers": ["points", "head_to_head"]})
    for winner, loser in ((a, b), (a, c), (a, d), (b, c), (c, d), (d, b)):
        await play(client, groups["id"], winner, loser)  # b, c, d tied for 2nd
    r = await client.post(f"/api/stages/{groups['id']}/tiebreakers",
                          json={"teams": [b, c], "best_of": 2}, headers=AUTH)
    assert r.status_code == 422, r.text  # a tiebreaker is never drawn: an odd best-of
    assert (r.json()["error"]["code"], r.json()["error"]["field"]) == ("invalid_settings",
                                                                       "best_of")
    r = await client.post(f"/api/stages/{groups['id']}/tiebreakers", json={"teams": [b, c]},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    tb = r.json()
    before = await _seq(client, event["slug"])
    r = await client.post(f"/api/stages/{groups['id']}/ties", json={
        "teams": [b, c, d], "reason": "coin toss"}, headers=AUTH)
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert (error["code"], error["params"]) == ("tiebreaker_pending",
                                                {"matches": [tb["number"]]})
    assert f"M{tb['number']}" in error["message"]
    assert await _seq(client, event["slug"]) == before
    view = (await client.get(f"/api/stages/{groups['id']}")).json()
    assert view["ties"] == []
    r = await client.patch(f"/api/matches/{tb['id']}", json={"score": [0, 1],
                                                             "status": "completed"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    rows = {x["team_id"]: x["rank"] for x in
            (await client.get(f"/api/stages/{groups['id']}")).json()["standings"]}
    assert rows[c] < rows[b]  # the played tiebreaker decides: c won it


@pytest.mark.parametrize("fmt, settings, field", [
    ("single_elimination", {"best_of": 2}, "settings.best_of"),
    ("single_elimination", {"best_of_by_round": {"2": 4}}, "settings.best_of_by_round.2"),
    ("double_elimination", {"final_best_of": 2}, "settings.final_best_of"),
    ("double_elimination", {"best_of_by_round": {"L2": 2}}, "settings.best_of_by_round.L2"),
    ("swiss", {"decider_best_of": 4}, "settings.decider_best_of"),
    ("round_robin", {"best_of": 2}, "settings.best_of"),
])
async def test_an_even_best_of_is_refused_where_draws_are_not_allowed(
        client: httpx.AsyncClient, fmt: str, settings: dict[str, Any], field: str) -> None:
    event = await make_event(client, teams=8)
    path = f"/api/tournaments/{event['slug']}/events/lol/stages"
    r = await client.post(path, json={"name": "S", "format": fmt, "settings": settings},
                          headers=AUTH)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert (error["code"], error["field"]) == ("invalid_settings", field)
    assert "odd" in error["message"]
    detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert detail["stages"] == []
    # an edit is refused alike and changes nothing
    ok = await make_stage(client, event, format=fmt)
    r = await client.patch(f"/api/stages/{ok['id']}", json={"settings": settings},
                           headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == field, r.text


async def test_best_of_two_stays_where_a_match_can_be_drawn(
        client: httpx.AsyncClient) -> None:
    event = await make_event(client, teams=4)
    league = await make_stage(client, event, format="round_robin",
                              settings={"best_of": 2, "allow_draws": True})
    m = league["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={"score": [1, 1],
                                                            "status": "completed"},
                           headers=AUTH)
    assert r.status_code == 200 and r.json()["draw"] is True, r.text


async def test_best_of_by_round_names_only_rounds_the_bracket_has(
        client: httpx.AsyncClient) -> None:
    event = await make_event(client, teams=8)  # three rounds
    path = f"/api/tournaments/{event['slug']}/events/lol/stages"
    for fmt, key in (("single_elimination", "9"), ("round_robin", "8"),
                     ("double_elimination", "W4")):
        r = await client.post(path, json={"name": "S", "format": fmt, "seeding": event["teams"],
                                          "settings": {"best_of_by_round": {"2": 3, key: 3}}},
                              headers=AUTH)
        assert r.status_code == 422, r.text
        error = r.json()["error"]
        assert (error["code"], error["field"]) == ("invalid_settings",
                                                   f"settings.best_of_by_round.{key}")
        assert error["params"]["round"] == key
    r = await client.post(path, json={"name": "S", "format": "single_elimination",
                                      "seeding": event["teams"],
                                      "settings": {"best_of_by_round": {"9": 3}}},
                          headers=AUTH)
    assert r.json()["error"]["params"]["rounds"] == "1, 2, 3"
    r = await client.post(path, json={"name": "S", "format": "double_elimination",
                                      "seeding": event["teams"],
                                      "settings": {"best_of_by_round": {"L4": 5, "3": 3}}},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert len(detail["stages"]) == 1
