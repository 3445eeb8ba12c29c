"""Round plans are checked for clashes when saved (``services/plan_clashes.py``): each match
the round will have (counted from the stage's field: a waiting playoff's bracket as drawn,
a Swiss round as it will pair) with the times, station, stream and referee the plan gives
it, against every scheduled match and every other plan; refused with ``schedule_clash``
(each clash naming the other match or plan) unless overridden, in the API and on the
console. Applying a plan is never refused."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values, make_user
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, report, soup, visible_text
from tests.round_plans_support import SWISS, plans

pytestmark = pytest.mark.asyncio(loop_scope="session")

AT_TWO = "2026-11-30T14:00:00+09:00"


async def _playoffs(client):
    """A group stage (two groups of four) and a double-elimination playoff of its top two
    of each group (four teams) waiting for it; a referee."""
    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2})
    playoffs = await make_stage(client, event, name="Playoffs",
                                names={"ja": "プレーオフ", "ko": "플레이오프"},
                                format="double_elimination",
                                seeding={"from_stage": groups["id"], "qualifiers": 2})
    assert playoffs["matches"] == []
    return event, playoffs, await make_user(client)


async def test_two_plans_of_a_waiting_playoff_with_one_referee_at_once_are_refused(client):
    _, playoffs, ref = await _playoffs(client)
    url = f"/api/stages/{playoffs['id']}/round-plans"
    upper_final = {"round": 2, "bracket": "winners", "starts_at": AT_TWO,
                   "stations": ["Booth 1"], "referee_id": ref["id"]}
    r = await client.post(url, json=upper_final, headers=AUTH)
    assert r.status_code == 201, r.text
    kept = r.json()["plan"]
    lower = {**upper_final, "round": 1, "bracket": "losers", "stations": ["Booth 2"]}
    r = await client.post(url, json=lower, headers=AUTH)
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "schedule_clash"
    assert r.json()["clashes"] == [{
        "match": None, "planned": 1,
        "plan": {"id": kept["id"] + 1, "round": 1, "bracket": "losers", "group": None},
        "other": None, "other_number": 1, "other_stage": playoffs["id"],
        "other_plan": {"id": kept["id"], "round": 2, "bracket": "winners", "group": None},
        "kind": "referee", "detail": str(ref["id"])}]
    assert await plans(client, playoffs["id"]) == [kept]  # nothing stored
    # an hour later, or another referee: no clash; or saved anyway
    r = await client.post(url, json={**lower, "starts_at": "2026-11-30T15:00:00+09:00"},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(url, json={**lower, "override": True}, headers=AUTH)
    assert r.status_code == 201, r.text
    assert [p["starts_at"] for p in await plans(client, playoffs["id"])] == [AT_TWO] * 2
    # the other plan changed onto the same station at once: refused on PUT too
    r = await client.put(f"{url}/{kept['id']}", json={**upper_final, "referee_id": None,
                                                      "stations": ["Booth 2"]},
                         headers=AUTH)
    assert r.status_code == 409 and [c["kind"] for c in r.json()["clashes"]] == ["station"]


async def test_a_swiss_plan_books_as_many_matches_as_its_round_will_have(client):
    """Eight teams to two wins or two losses: round 3 has two matches (the 1-1 teams). On
    one station an hour apart they take 13:00 to 15:00: a match at 15:00 there is no
    clash, one at 14:30 clashes with the second."""
    event = await make_event(client, 8)
    show = (await make_stage(client, event, name="Show match",
                             seeding=event["teams"][:2]))["matches"][0]
    r = await client.patch(f"/api/matches/{show['id']}", json={
        "scheduled_at": "2026-11-30T15:00:00+09:00", "station": "1"}, headers=AUTH)
    assert r.status_code == 200, r.text
    st = await make_stage(client, event, name="Swiss", format="swiss", settings=SWISS)
    url = f"/api/stages/{st['id']}/round-plans"
    body = {"round": 3, "starts_at": "2026-11-30T13:00:00+09:00", "interval_minutes": 60,
            "stations": ["1"]}
    r = await client.post(url, json=body, headers=AUTH)
    assert r.status_code == 201, r.text
    plan = r.json()["plan"]
    moved = {"scheduled_at": "2026-11-30T14:30:00+09:00"}
    r = await client.patch(f"/api/matches/{show['id']}", json=moved, headers=AUTH)
    assert r.status_code == 409, r.text  # the match meets the plan's second match
    assert r.json()["clashes"] == [{
        "match": show["id"], "other": None, "other_number": 2, "other_stage": st["id"],
        "other_plan": {"id": plan["id"], "round": 3, "bracket": None, "group": None},
        "kind": "station", "detail": "1"}]
    r = await client.patch(f"/api/matches/{show['id']}", json={**moved, "override": True},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.put(f"{url}/{plan['id']}", json=body, headers=AUTH)
    assert r.status_code == 409, r.text
    assert [(c["planned"], c["other"], c["other_number"], c["other_stage"], c["kind"])
            for c in r.json()["clashes"]] == [(2, show["id"], 1, show["stage_id"],
                                               "station")]
    r = await client.put(f"{url}/{plan['id']}", json={**body, "override": True}, headers=AUTH)
    assert r.status_code == 200, r.text
    # applying it never refuses a result: rounds 1 and 2 played, round 3 made with its times
    for round_ in (1, 2):
        view = (await client.get(f"/api/stages/{st['id']}")).json()
        for m in view["matches"]:
            if m["round"] == round_ and m["status"] != "completed":
                assert (await report(client, m["id"], [1, 0])).status_code == 200
    [kept] = await plans(client, st["id"])
    assert [c["other"] for c in kept["applied"]["clashes"]] == [show["id"]]
    assert len(kept["applied"]["matches"]) == 2
    # a match of its round (13:00 on station 1) never clashes with its own plan
    first = min(kept["applied"]["matches"])
    r = await client.patch(f"/api/matches/{first}", json={"stream_url": "https://kj.tv/1"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    # its round made, the plan books nothing more: another stage's plan at that time meets
    # the match, not the plan too
    other = await make_stage(client, event, name="Later", format="swiss", settings=SWISS)
    r = await client.post(f"/api/stages/{other['id']}/round-plans",
                          json={**body, "round": 2}, headers=AUTH)
    assert r.status_code == 409
    assert {(c["other"] is None, c.get("other_plan")) for c in r.json()["clashes"]} == {
        (False, None)}


async def test_the_console_refuses_a_clashing_plan_naming_the_other_plan(client, app):
    _, playoffs, ref = await _playoffs(client)
    url = f"/api/stages/{playoffs['id']}/round-plans"
    r = await client.post(url, json={"round": 2, "bracket": "winners", "starts_at": AT_TWO,
                                     "stations": ["Booth 1"], "referee_id": ref["id"]},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{playoffs['id']}"
        form = soup((await con.get(path, "ja")).text).select_one(
            "form#plan-round[data-plan-form]")
        values = {**form_values(form), "round": "losers:1", "starts_at": "2026-11-30T14:00",
                  "interval_minutes": "0", "venue": "", "stations": "Booth 2",
                  "stream_url": "", "referee_id": str(ref["id"])}
        r = await con.post(path, f"{path}/plans", values, "ja")
        assert r.status_code == 409, r.text
        assert error_of(r.text).startswith("この日程では、チーム・ステーション・配信・審判")
        page = soup(r.text)
        [line] = page.select("[data-clashes] li")
        text = visible_text(str(line))
        assert "第1試合（予定）" in text and "プレーオフ" in text and ref["name"] in text, text
        # what they share after a Japanese colon, as every label of the console (an ASCII
        # ": " before the kind was a review's find)
        assert f"：審判 {ref['name']}" in text and ": " not in text, text
        assert page.select_one("form#plan-round input[name=override]") is not None
        assert len(await plans(client, playoffs["id"])) == 1
        r = await con.post(path, f"{path}/plans", {**values, "override": "on"}, "ja")
        assert r.status_code in (200, 303), r.text
        assert len(await plans(client, playoffs["id"])) == 2
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_match_scheduled_into_a_slot_a_plan_will_use_is_refused_naming_the_plan(
        client):
    """The upper final of a waiting playoff planned at 14:00 (an hour) in Booth 1 with a
    referee: a match of another stage set at 14:30 with that referee, or in Booth 1, is
    refused naming the plan (``other_plan``) and nothing is saved; at 15:00, or in Booth 2
    with another referee, it goes through, and ``override`` saves it anyway."""
    event, playoffs, ref = await _playoffs(client)
    r = await client.post(f"/api/stages/{playoffs['id']}/round-plans", json={
        "round": 2, "bracket": "winners", "starts_at": AT_TWO, "stations": ["Booth 1"],
        "referee_id": ref["id"]}, headers=AUTH)
    assert r.status_code == 201, r.text
    plan = r.json()["plan"]
    show = (await make_stage(client, event, name="Show match",
                             seeding=event["teams"][:2]))["matches"][0]
    url = f"/api/matches/{show['id']}"
    at = {"scheduled_at": "2026-11-30T14:30:00+09:00"}
    named = {"id": plan["id"], "round": 2, "bracket": "winners", "group": None}
    for body, kind, detail in (({**at, "referee_id": ref["id"]}, "referee", str(ref["id"])),
                               ({**at, "station": "Booth 1"}, "station", "Booth 1")):
        r = await client.patch(url, json=body, headers=AUTH)
        assert r.status_code == 409, r.text
        assert r.json()["error"]["code"] == "schedule_clash"
        assert r.json()["clashes"] == [{
            "match": show["id"], "other": None, "other_number": 1,
            "other_stage": playoffs["id"], "other_plan": named, "kind": kind,
            "detail": detail}]
        assert "the plan of round 2 (winners)" in r.json()["error"]["message"]
        assert (await client.get(url)).json()["scheduled_at"] is None  # nothing saved
    for body in ({"scheduled_at": "2026-11-30T15:00:00+09:00", "referee_id": ref["id"],
                  "station": "Booth 1"}, {**at, "station": "Booth 2", "referee_id": None}):
        r = await client.patch(url, json=body, headers=AUTH)
        assert r.status_code == 200, r.text
    r = await client.patch(url, json={**at, "station": "Booth 1", "override": True},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    assert (await client.get(url)).json()["station"] == "Booth 1"


async def test_the_consoles_match_form_refuses_a_plans_slot_in_the_readers_words(client,
                                                                                 app):
    event, playoffs, ref = await _playoffs(client)
    r = await client.post(f"/api/stages/{playoffs['id']}/round-plans", json={
        "round": 2, "bracket": "winners", "starts_at": AT_TWO, "stations": ["Booth 1"],
        "referee_id": ref["id"]}, headers=AUTH)
    assert r.status_code == 201, r.text
    show = (await make_stage(client, event, name="Show match",
                             seeding=event["teams"][:2]))["matches"][0]
    con, ctx = await admin_console(client, app)
    try:
        page = f"/admin/matches/{show['id']}"
        typed = {"scheduled_at": "2026-11-30T14:30", "venue": "", "station": "Booth 1",
                 "stream_url": "", "referee_id": "", "version": str(show["version"])}
        said = {"ko": ("이 일정대로라면 한 팀, 스테이션, 중계 또는 심판이",
                       "승자조 결승 1경기 (예정)", "플레이오프", "스테이션 Booth 1"),
                "ja": ("この日程では、チーム・ステーション・配信・審判", "第1試合（予定）",
                       "プレーオフ", "ステーション Booth 1")}
        for lang, (error, planned, stage_name, shared) in said.items():
            r = await con.post(page, f"{page}/schedule", typed, lang)
            assert r.status_code == 409, r.text
            assert error_of(r.text).startswith(error), error_of(r.text)
            html = soup(r.text)
            [line] = html.select("[data-clashes] li")
            text = visible_text(str(line))
            assert text.startswith("M1 ↔") and planned in text and stage_name in text \
                and shared in text, text
            assert html.select_one("[data-override]") is not None
            assert (await client.get(f"/api/matches/{show['id']}")).json()[
                "scheduled_at"] is None
        r = await con.post(page, f"{page}/schedule", {**typed, "override": "on"}, "ja")
        assert r.status_code == 303, error_of(r.text)
        assert (await client.get(f"/api/matches/{show['id']}")).json()["station"] == \
            "Booth 1"
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_plan_saved_reads_only_the_matches_near_its_time(client, monkeypatch):
    """Saving a plan reads the stored matches of the planned rounds and the scheduled
    matches that can reach its time: a 20-hour best-of-3 (600-minute games) begun 19 hours
    before it is read, and clashes; a match two days before is not read, nor any group
    match (no plan times their rounds)."""
    from tournament.services import clash_check, plan_clashes

    event, playoffs, ref = await _playoffs(client)
    marathon = (await make_stage(client, event, name="Marathon", seeding=event["teams"][2:4],
                                 settings={"game_minutes": 600, "best_of": 3}))["matches"][0]
    early = (await make_stage(client, event, name="Show match",
                              seeding=event["teams"][:2]))["matches"][0]
    for m, at in ((marathon, "2026-11-29T19:00:00+09:00"),
                  (early, "2026-11-28T14:00:00+09:00")):
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "scheduled_at": at, "referee_id": ref["id"]}, headers=AUTH)
        assert r.status_code == 200, r.text
    read: dict[str, list[int]] = {"clash_check": [], "plan_clashes": []}
    for name, module in (("clash_check", clash_check), ("plan_clashes", plan_clashes)):
        def reading(original, seen):
            async def load(*args, **kwargs):
                found = await original(*args, **kwargs)
                seen.extend(m.id for m in found)
                return found
            return load
        monkeypatch.setattr(module, "load_matches", reading(module.load_matches, read[name]))
    r = await client.post(f"/api/stages/{playoffs['id']}/round-plans", json={
        "round": 2, "bracket": "winners", "starts_at": AT_TWO, "referee_id": ref["id"]},
        headers=AUTH)
    assert r.status_code == 409, r.text
    assert [c["other"] for c in r.json()["clashes"]] == [marathon["id"]]
    assert read == {"clash_check": [marathon["id"]], "plan_clashes": []}


async def test_a_round_scheduled_into_a_slot_a_plan_will_use_is_refused_naming_the_plan(
        client, app):
    """A round scheduled at once (``POST /schedule``, and the console's round schedule) is
    checked against the plans as a single match is: the upper final planned at 14:00 in
    Booth 1, a show stage's first round at 14:30 on Booths 1 and 2 is refused naming the
    plan (M1 in Booth 1), nothing saved; at 15:00 it goes through, ``override`` saves it
    anyway."""
    event, playoffs, ref = await _playoffs(client)
    r = await client.post(f"/api/stages/{playoffs['id']}/round-plans", json={
        "round": 2, "bracket": "winners", "starts_at": AT_TWO, "stations": ["Booth 1"],
        "referee_id": ref["id"]}, headers=AUTH)
    assert r.status_code == 201, r.text
    plan = r.json()["plan"]
    show = await make_stage(client, event, name="Show", seeding=event["teams"][:4])
    first = min(show["matches"], key=lambda m: m["number"])
    url = f"/api/stages/{show['id']}/schedule"
    body = {"round": 1, "starts_at": "2026-11-30T14:30:00+09:00",
            "stations": ["Booth 1", "Booth 2"]}
    r = await client.post(url, json=body, headers=AUTH)
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "schedule_clash"
    assert r.json()["clashes"] == [{
        "match": first["id"], "other": None, "other_number": 1,
        "other_stage": playoffs["id"], "kind": "station", "detail": "Booth 1",
        "other_plan": {"id": plan["id"], "round": 2, "bracket": "winners", "group": None}}]
    assert "the plan of round 2 (winners)" in r.json()["error"]["message"]
    assert (await client.get(f"/api/matches/{first['id']}")).json()["scheduled_at"] is None
    con, ctx = await admin_console(client, app)
    try:
        page = f"/admin/stages/{show['id']}"
        form = soup((await con.get(page, "ko")).text).select_one("form[data-schedule-form]")
        typed = {**form_values(form), "starts_at": "2026-11-30T14:30",
                 "interval_minutes": "0", "stations": "Booth 1, Booth 2"}
        said = {"ko": ("이 일정대로라면 한 팀, 스테이션, 중계 또는 심판이",
                       "승자조 결승 1경기 (예정)", "플레이오프", "스테이션 Booth 1"),
                "ja": ("この日程では、チーム・ステーション・配信・審判", "第1試合（予定）",
                       "プレーオフ", "ステーション Booth 1")}
        for lang, (error, planned, stage_name, shared) in said.items():
            r = await con.post(page, f"{page}/schedule", typed, lang)
            assert r.status_code == 409, r.text
            assert error_of(r.text).startswith(error), error_of(r.text)
            html = soup(r.text)
            [line] = html.select("[data-clashes] li")
            text = visible_text(str(line))
            assert text.startswith(f"M{first['number']} ↔") and planned in text \
                and stage_name in text and shared in text, text
            assert html.select_one("form[data-schedule-form] [data-override]") is not None
            assert (await client.get(f"/api/matches/{first['id']}")).json()[
                "scheduled_at"] is None
        r = await con.post(page, f"{page}/schedule", {**typed, "override": "on"}, "ja")
        assert r.status_code == 303, error_of(r.text)
    finally:
        await ctx.__aexit__(None, None, None)
    r = await client.post(url, json={**body, "starts_at": "2026-11-30T15:00:00+09:00"},
                          headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.post(url, json={**body, "override": True}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert (await client.get(f"/api/matches/{first['id']}")).json()["station"] == "Booth 1"


async def test_a_match_scheduled_reads_only_the_matches_near_its_time(client, monkeypatch):
    """A match's schedule (``PATCH``) and a round's (``POST /schedule``) read only the
    scheduled matches that can reach their time, as a plan saved does: a 20-hour best-of-3
    begun 19 hours before is read, and clashes; a match two days before is not read."""
    from tournament.services import clash_check, plan_clashes

    event = await make_event(client, 6)
    ref = await make_user(client)
    marathon = (await make_stage(client, event, name="Marathon", seeding=event["teams"][2:4],
                                 settings={"game_minutes": 600, "best_of": 3}))["matches"][0]
    early = (await make_stage(client, event, name="Early",
                              seeding=event["teams"][:2]))["matches"][0]
    for m, at in ((marathon, "2026-11-29T19:00:00+09:00"),
                  (early, "2026-11-28T14:00:00+09:00")):
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "scheduled_at": at, "referee_id": ref["id"]}, headers=AUTH)
        assert r.status_code == 200, r.text
    show = await make_stage(client, event, name="Show", seeding=event["teams"][4:6])
    [match] = show["matches"]
    read: dict[str, list[int]] = {"clash_check": [], "plan_clashes": []}
    for name, module in (("clash_check", clash_check), ("plan_clashes", plan_clashes)):
        def reading(original, seen):
            async def load(*args, **kwargs):
                found = await original(*args, **kwargs)
                seen.extend(m.id for m in found)
                return found
            return load
        monkeypatch.setattr(module, "load_matches", reading(module.load_matches, read[name]))
    r = await client.patch(f"/api/matches/{match['id']}", json={
        "scheduled_at": AT_TWO, "referee_id": ref["id"]}, headers=AUTH)
    assert r.status_code == 409, r.text
    assert [c["other"] for c in r.json()["clashes"]] == [marathon["id"]]
    assert read == {"clash_check": [marathon["id"]], "plan_clashes": []}
    read["clash_check"].clear()
    r = await client.post(f"/api/stages/{show['id']}/schedule", json={
        "round": 1, "starts_at": AT_TWO, "referee_id": ref["id"]}, headers=AUTH)
    assert r.status_code == 409, r.text
    assert [c["other"] for c in r.json()["clashes"]] == [marathon["id"]]
    assert read["clash_check"] == [marathon["id"]]
