"""A round plan for a bracket, group or round the stage never has is refused at once
(``formats/plan_fit.py``: 422 ``unknown_bracket`` / ``unknown_group`` / ``unknown_round``
naming what the stage has) and changes nothing; ``POST /schedule`` refuses the same with
the same codes. A stage waiting for its teams refuses only what its settings rule out, a
Swiss stage rounds past the last its settings allow. Plans stored before (or left so) keep
loading and can be removed."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, report, soup, stage, visible_text
from tests.round_plans_support import plans, store_plans

pytestmark = pytest.mark.asyncio(loop_scope="session")

WHEN = {"starts_at": "2026-12-01T13:00:00+09:00", "venue": "Arena"}


async def refused(client, url: str, body: dict, method: str = "post") -> dict:
    r = await client.request(method.upper(), url, json={**WHEN, **body}, headers=AUTH)
    assert r.status_code == 422, (body, r.text)
    return dict(r.json()["error"])


async def test_a_bracket_group_or_round_the_stage_never_has_is_refused_naming_what_it_has(
        client):
    """An 8-team single elimination (3 rounds, no third-place match), a round robin of two
    groups of four (3 rounds each) and a double elimination with a reset: each plan they
    can never reach is refused, nothing is stored, a plan changed to one is kept as it was,
    and the round schedule answers the same code."""
    event = await make_event(client, 8)
    knockout = await make_stage(client, event, name="Knockout")
    url = f"/api/stages/{knockout['id']}/round-plans"
    for body, expected in (
            ({"round": 1, "bracket": "losers"}, (
                "unknown_bracket", "bracket", {"bracket": "losers", "brackets": ["winners"]})),
            ({"round": 3, "bracket": "third_place"}, (
                "unknown_bracket", "bracket", {"bracket": "third_place",
                                               "brackets": ["winners"]})),
            ({"round": 1, "group": 1}, ("unknown_group", "group", {"group": 1, "groups": []})),
            ({"round": 9}, ("unknown_round", "round", {
                "round": 9, "bracket": None, "group": None, "brackets": ["winners"],
                "rounds": [1, 2, 3]})),
            ({"round": 4, "bracket": "winners"}, ("unknown_round", "round", {
                "round": 4, "bracket": "winners", "group": None, "brackets": ["winners"],
                "rounds": [1, 2, 3]}))):
        error = await refused(client, url, body)
        assert (error["code"], error["field"], error["params"]) == expected, body
        schedule = await refused(client, f"/api/stages/{knockout['id']}/schedule", body)
        assert (schedule["code"], schedule["params"]) == (error["code"], error["params"])
    assert await plans(client, knockout["id"]) == []
    assert {m["scheduled_at"] for m in (await stage(client, knockout["id"]))["matches"]} == {
        None}

    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2})
    url = f"/api/stages/{groups['id']}/round-plans"
    error = await refused(client, url, {"round": 2, "group": 5})
    assert (error["code"], error["field"], error["params"]) == (
        "unknown_group", "group", {"group": 5, "groups": [1, 2]})
    error = await refused(client, url, {"round": 4, "group": 2})
    assert (error["code"], error["params"]) == ("unknown_round", {
        "round": 4, "bracket": None, "group": 2, "brackets": [], "rounds": [1, 2, 3]})
    error = await refused(client, url, {"round": 1, "bracket": "winners"})
    assert (error["code"], error["params"]) == ("unknown_bracket", {
        "bracket": "winners", "brackets": []})
    # a tiebreaker can be added to any group: its plan is taken
    r = await client.post(url, json={**WHEN, "round": 4, "bracket": "tiebreaker", "group": 2},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    tiebreaker = r.json()["plan"]
    # a plan changed to a group the stage does not have is refused and kept as it was
    error = await refused(client, f"{url}/{tiebreaker['id']}",
                          {"round": 4, "bracket": "tiebreaker", "group": 3}, "put")
    assert (error["code"], error["params"]) == ("unknown_group", {"group": 3, "groups": [1, 2]})
    assert await plans(client, groups["id"]) == [tiebreaker]

    double = await make_stage(client, event, name="Double", format="double_elimination",
                              settings={"grand_final": "reset"})
    url = f"/api/stages/{double['id']}/round-plans"
    error = await refused(client, url, {"round": 3, "bracket": "grand_final"})
    assert (error["code"], error["params"]) == ("unknown_round", {
        "round": 3, "bracket": "grand_final", "group": None,
        "brackets": ["winners", "losers", "grand_final"], "rounds": [1, 2]})
    error = await refused(client, url, {"round": 5, "bracket": "losers"})
    assert error["params"]["rounds"] == [1, 2, 3, 4]
    assert await plans(client, double["id"]) == []
    # the reset is not in play yet: planned; a round that may still come is no_matches on
    # the schedule (plan it), not a round the stage never has
    r = await client.post(url, json={**WHEN, "round": 2, "bracket": "grand_final"},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/stages/{double['id']}/schedule", json={
        **WHEN, "round": 2, "bracket": "grand_final"}, headers=AUTH)
    assert (r.status_code, r.json()["error"]["code"]) == (422, "no_matches")


async def test_a_stage_waiting_for_its_teams_refuses_only_what_its_settings_rule_out(client):
    """A knockout seeded from groups still being played may change size before it starts:
    a round number is taken whatever it is, its missing lower bracket and groups are
    refused; a double elimination's grand final has one round without a reset, whatever
    the field. A Swiss stage has no round past ``wins_to_advance + losses_to_eliminate -
    1`` (or its ``rounds``), drawn or not."""
    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2, "advance": 2})
    knockout = await make_stage(client, event, name="Knockout", seeding={
        "from_stage": groups["id"], "qualifiers": 2})
    url = f"/api/stages/{knockout['id']}/round-plans"
    r = await client.post(url, json={**WHEN, "round": 5}, headers=AUTH)
    assert r.status_code == 201, r.text  # 4 qualifiers now: 2 rounds, but groups may change
    error = await refused(client, url, {"round": 1, "bracket": "losers"})
    assert (error["code"], error["params"]) == ("unknown_bracket", {
        "bracket": "losers", "brackets": ["winners"]})
    error = await refused(client, url, {"round": 1, "group": 1})
    assert (error["code"], error["params"]) == ("unknown_group", {"group": 1, "groups": []})

    double = await make_stage(client, event, name="Double", format="double_elimination",
                              seeding={"from_stage": groups["id"], "qualifiers": 2})
    url = f"/api/stages/{double['id']}/round-plans"
    error = await refused(client, url, {"round": 2, "bracket": "grand_final"})
    assert (error["code"], error["params"]) == ("unknown_round", {
        "round": 2, "bracket": "grand_final", "group": None,
        "brackets": ["winners", "losers", "grand_final"], "last": 1})
    r = await client.post(url, json={**WHEN, "round": 7, "bracket": "losers"}, headers=AUTH)
    assert r.status_code == 201, r.text

    swiss = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "wins_to_advance": 3, "losses_to_eliminate": 3})
    url = f"/api/stages/{swiss['id']}/round-plans"
    error = await refused(client, url, {"round": 6})
    assert (error["code"], error["field"], error["params"]) == ("unknown_round", "round", {
        "round": 6, "bracket": None, "group": None, "brackets": [], "last": 5})
    schedule = await refused(client, f"/api/stages/{swiss['id']}/schedule", {"round": 6})
    assert (schedule["code"], schedule["params"]) == (error["code"], error["params"])
    r = await client.post(url, json={**WHEN, "round": 5}, headers=AUTH)
    assert r.status_code == 201, r.text
    short = await make_stage(client, event, name="Short", format="swiss", settings={
        "wins_to_advance": 3, "losses_to_eliminate": 3, "rounds": 4})
    error = await refused(client, f"/api/stages/{short['id']}/round-plans", {"round": 5})
    assert error["params"]["last"] == 4
    assert [p["round"] for p in await plans(client, swiss["id"])] == [5]
    assert await plans(client, short["id"]) == []


async def test_plans_stored_for_rounds_the_stage_never_has_keep_loading(client, app, db_url):
    """Plans stored before they were checked (or left so by a change of the teams) are
    listed, shown on the console, never applied, refused when changed in place, and
    removed like any other."""
    from tests.console_support import admin_console

    event = await make_event(client, 4)
    st = await make_stage(client, event, name="Knockout")
    old = {"starts_at": "2026-12-06T10:00:00+00:00", "interval_minutes": 0, "venue": "Arena",
           "stations": [], "stream_url": None, "referee_id": None, "applied": None}
    await store_plans(db_url, st["id"], [
        {**old, "id": 1, "round": 1, "bracket": "losers", "group": None},
        {**old, "id": 2, "round": 9, "bracket": "winners", "group": 3}])
    listed = await plans(client, st["id"])
    assert [(p["id"], p["round"], p["bracket"], p["group"]) for p in listed] == [
        (1, 1, "losers", None), (2, 9, "winners", 3)]
    con, ctx = await admin_console(client, app)
    try:
        page = soup((await con.get(f"/admin/stages/{st['id']}", "ko")).text)
        # each by its number (a round the stage never has has no name), with the reason
        assert [(visible_text(str(x.select_one("[data-plan-round]"))),
                 visible_text(str(x.select_one("[data-plan-never]"))))
                for x in page.select("[data-plan]")] == [
            ("1라운드", "패자조: 이 스테이지에는 없습니다. 이 스테이지의 대진: 대진표. "
                        "이 계획은 적용되지 않습니다. 라운드를 바꾸거나 계획을 삭제하세요."),
            ("9라운드", "이 스테이지는 조로 나뉘지 않습니다. 조 칸은 비워 두세요. "
                        "이 계획은 적용되지 않습니다. 라운드를 바꾸거나 계획을 삭제하세요.")]
    finally:
        await ctx.__aexit__(None, None, None)
    error = await refused(client, f"/api/stages/{st['id']}/round-plans/1",
                          {"round": 1, "bracket": "losers"}, "put")
    assert error["code"] == "unknown_bracket"
    for m in (await stage(client, st["id"]))["matches"]:
        if m["round"] == 1:
            assert (await report(client, m["id"], [1, 0])).status_code == 200
    view = await stage(client, st["id"])
    assert {m["scheduled_at"] for m in view["matches"]} == {None}
    assert [p["applied"] for p in await plans(client, st["id"])] == [None, None]
    assert (await client.delete(f"/api/stages/{st['id']}/round-plans/1",
                                headers=AUTH)).status_code == 200
    assert [p["id"] for p in await plans(client, st["id"])] == [2]


@pytest.mark.parametrize("lang", ["ja", "ko"])
async def test_the_console_says_the_round_is_impossible_beside_it_keeping_the_form(
        client, app, lang):
    """A Swiss stage to two wins or two losses plays three rounds at most: round 9 typed
    in the plan form comes back with the reason beside the round, in the page's language,
    the form as typed, and no plan."""
    from tests.console_support import admin_console

    said = {"ja": "このステージに第9ラウンドはありません（最大で第3ラウンドまでです）。",
            "ko": "이 스테이지에는 9라운드가 없습니다. 최대 3라운드까지입니다."}
    event = await make_event(client, 8)
    st = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "wins_to_advance": 2, "losses_to_eliminate": 2})
    path = f"/admin/stages/{st['id']}"
    con, ctx = await admin_console(client, app)
    try:
        r = await con.post(path, f"{path}/plans", {
            "round": "9", "starts_at": "2026-12-01T13:00", "interval_minutes": "90",
            "venue": "Seoul Arena", "stations": "1, 2"}, lang)
    finally:
        await ctx.__aexit__(None, None, None)
    assert r.status_code == 422
    form = soup(r.text).select_one("form[data-plan-form]")
    field = form.select_one("[name=round]")
    beside = field.find_parent("label").find_next_sibling()
    assert (beside.get("id"), visible_text(str(beside))) == (
        field["aria-describedby"], said[lang])
    assert field.get("aria-invalid") == "true"
    assert [form.select_one(f"[name={n}]")["value"] for n in (
        "round", "starts_at", "interval_minutes", "venue", "stations")] == [
        "9", "2026-12-01T13:00", "90", "Seoul Arena", "1, 2"]
    assert await plans(client, st["id"]) == []


async def test_the_schema_lists_the_refusals_for_the_plans_and_the_schedule(client):
    schema = (await client.get("/api/openapi.json")).json()
    for path, method in (("/api/stages/{id}/round-plans", "post"),
                         ("/api/stages/{id}/round-plans/{plan}", "put"),
                         ("/api/stages/{id}/schedule", "post")):
        said = schema["paths"][path][method]["responses"]["422"]["description"]
        assert "unknown_bracket, unknown_group, unknown_round:" in said, (path, method)
