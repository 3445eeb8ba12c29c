"""Round plans kept through what else changes a stage: a plan an older version stored by
bare round number (read as the final's, not the bronze match's), the export and import
(an older export without plans still imports), and settings that would leave a plan no
round to time (refused naming it, in the API and the console)."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, report, stage
from tests.round_plans_support import PLAN, SWISS, plans, store_plans

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_an_old_plan_by_round_number_times_the_final_not_the_bronze_match(
        client, db_url):
    """A plan saved by bare round number before the third-place match had a round name of
    its own covered it and the final alike; it is read as the final's (the bronze match
    is planned by its own name), and saved again in that form."""
    event = await make_event(client, 4)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2, "advance": 2})
    knockout = await make_stage(client, event, name="Knockout", settings={
        "third_place_match": True}, seeding={"from_stage": groups["id"], "qualifiers": 2})
    await store_plans(db_url, knockout["id"], [{
        "id": 1, "round": 2, "bracket": None, "group": None,
        "starts_at": "2026-12-06T10:00:00+00:00", "interval_minutes": 0, "venue": "Arena",
        "stations": [], "stream_url": None, "referee_id": None, "applied": None}])
    [old] = await plans(client, knockout["id"])
    assert (old["id"], old["round"], old["bracket"]) == (1, 2, "winners")
    # a plan by bare round number sent now is the final's too
    url = f"/api/stages/{knockout['id']}/round-plans"
    r = await client.post(url, json={"round": 2, "starts_at": "2026-12-06T19:00:00+09:00",
                                     "venue": "Arena"}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert (r.json()["plan"]["id"], r.json()["plan"]["bracket"]) == (1, "winners")
    for m in groups["matches"]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    view = await stage(client, knockout["id"])
    assert {(m["bracket"], m["round"]): (m["scheduled_at"], m["venue"])
            for m in view["matches"]} == {
        ("winners", 1): (None, None), ("winners", 2): ("2026-12-06T19:00:00+09:00", "Arena"),
        ("third_place", 2): (None, None)}
    final = next(m for m in view["matches"] if m["bracket"] == "winners" and m["round"] == 2)
    [kept] = await plans(client, knockout["id"])
    assert kept["applied"]["matches"] == [final["id"]]


def _plan_as_read(plan: dict, numbers: dict[int, int]) -> dict:
    """A plan without its ids: the matches it timed by their numbers in the stage."""
    applied = plan["applied"] and {**plan["applied"], "matches": [
        numbers[m] for m in plan["applied"]["matches"]]}
    return {**{k: v for k, v in plan.items() if k not in ("id", "applied")},
            "applied": applied}


async def test_the_export_carries_the_plans_and_an_older_export_imports_without(client):
    """A Swiss stage with round 2 planned and applied (its matches timed) and round 3
    planned ahead: the export carries both, and the imported stage has the same plans
    (the applied one naming the imported matches); an export made before plans were
    exported (no ``round_plans``) still imports, with none."""
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="swiss", settings=SWISS)
    for body in (PLAN, {**PLAN, "round": 3, "starts_at": "2026-12-01T10:00:00+09:00",
                        "stations": [], "stream_url": "https://twitch.tv/cup"}):
        r = await client.post(f"/api/stages/{st['id']}/round-plans", json=body, headers=AUTH)
        assert r.status_code == 201, r.text
    for m in st["matches"]:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    view = await stage(client, st["id"])
    numbers = {m["id"]: m["number"] for m in view["matches"]}
    before = [_plan_as_read(p, numbers) for p in await plans(client, st["id"])]
    assert [(p["round"], p["applied"] and p["applied"]["matches"]) for p in before] == [
        (2, [5, 6, 7, 8]), (3, None)]
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    for slug, drop in ((event["slug"] + "-copy", False), (event["slug"] + "-old", True)):
        doc["tournament"]["slug"] = slug
        if drop:
            for e in doc["events"]:
                for s in e["stages"]:
                    del s["round_plans"]
        r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
        assert r.status_code == 201, r.text
        [copy] = (await client.get(f"/api/tournaments/{slug}/events/lol")).json()["stages"]
        copied = await stage(client, copy["id"])
        numbers = {m["id"]: m["number"] for m in copied["matches"]}
        got = [_plan_as_read(p, numbers) for p in await plans(client, copy["id"])]
        assert got == ([] if drop else before), slug
    # two plans of one round: refused, nothing written
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    doc["tournament"]["slug"] = event["slug"] + "-twice"
    [plans_out] = [s["round_plans"] for e in doc["events"] for s in e["stages"]]
    plans_out.append({**plans_out[1], "id": 9})
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert (r.status_code, r.json()["error"]["code"], r.json()["error"]["field"]) == (
        422, "invalid_export", "events.0.stages.0.round_plans.2"), r.text
    assert (await client.get(f"/api/tournaments/{event['slug']}-twice")).status_code == 404


async def test_settings_that_leave_a_plan_no_round_are_refused_naming_it(client, app):
    """A final waiting for its semifinals has the bronze match and the final planned; the
    third-place match turned off would leave the bronze plan nothing to time ever again:
    the change is refused (409 round_plans_stranded with that plan; the console says it in
    the reader's language) and nothing changes, the final's plan (``winners``) being no
    reason to refuse. Removed first, the change goes through. A double elimination's
    planned bracket reset is refused the same way when the reset is turned off."""
    from tests.accounts_support import form_values
    from tests.console_support import admin_console, error_of
    from tests.helpers import soup

    event = await make_event(client, 4)
    semis = await make_stage(client, event, name="Semis", format="round_robin")
    final = await make_stage(client, event, name="Final", settings={
        "third_place_match": True}, seeding={"from_stage": semis["id"], "qualifiers": 4})
    url = f"/api/stages/{final['id']}/round-plans"
    made = {}
    for bracket in ("winners", "third_place"):
        # the final and the bronze match on stations of their own (one would clash)
        r = await client.post(url, json={**PLAN, "round": 2, "bracket": bracket, "stations":
                                         ["1" if bracket == "winners" else "2"]},
                              headers=AUTH)
        assert r.status_code == 201, r.text
        made[bracket] = r.json()["plan"]
    r = await client.patch(f"/api/stages/{final['id']}", json={
        "settings": {"third_place_match": False}}, headers=AUTH)
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    assert (error["code"], error["params"], error["field"]) == (
        "round_plans_stranded", {"count": 1}, "settings")
    assert r.json()["plans"] == [made["third_place"]]
    assert (await stage(client, final["id"]))["settings"]["third_place_match"] is True
    assert await plans(client, final["id"]) == [made["winners"], made["third_place"]]

    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{final['id']}"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-stage-settings]")
        sent = {k: v for k, v in form_values(form).items() if k != "s_third_place_match"}
        r = await con.post(path, path, sent, "ko")
        assert r.status_code == 409 and error_of(r.text) == (
            "이 설정으로는 이 스테이지의 라운드 계획 1개가 적용될 라운드가 없습니다(그 대진표나 "
            "라운드가 사라집니다). 먼저 일정 아래에서 계획을 삭제하거나 설정을 그대로 두세요.")
        # which plan it is: named under the error, and marked in the list of plans
        page = soup(r.text)
        named = [" ".join(li.get_text(" ", strip=True).split())
                 for li in page.select("[data-stranded-plans] li")]
        assert [n.split(" · ")[0] for n in named] == ["3·4위전"], named
        assert [int(li["data-plan"]) for li in page.select("li[data-plan][data-stranded]")
                ] == [made["third_place"]["id"]]
        assert page.select_one(f"li[data-plan='{made['third_place']['id']}'] "
                               "[data-stranded-note]").get_text(strip=True) == (
            "보낸 설정으로는 이 계획이 적용될 라운드가 없어집니다. 계획을 삭제하거나 설정을 "
            "바꾸지 마세요.")
    finally:
        await ctx.__aexit__(None, None, None)
    assert (await stage(client, final["id"]))["settings"]["third_place_match"] is True

    assert (await client.delete(f"{url}/{made['third_place']['id']}",
                                headers=AUTH)).status_code == 200
    r = await client.patch(f"/api/stages/{final['id']}", json={
        "settings": {"third_place_match": False}}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert await plans(client, final["id"]) == [made["winners"]]

    bracket = await make_stage(client, event, name="Bracket", format="double_elimination",
                               settings={"grand_final": "reset"},
                               seeding={"from_stage": semis["id"], "qualifiers": 4})
    r = await client.post(f"/api/stages/{bracket['id']}/round-plans", json={  # a day later:
        **PLAN, "round": 2, "bracket": "grand_final",  # the Final's plan is at PLAN's time
        "starts_at": "2026-12-01T13:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.patch(f"/api/stages/{bracket['id']}", json={
        "settings": {"grand_final": "single"}}, headers=AUTH)
    assert (r.status_code, r.json()["error"]["code"]) == (409, "round_plans_stranded")
    assert r.json()["plans"] == [(await plans(client, bracket["id"]))[0]]
