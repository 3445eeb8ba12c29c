"""A stage seeded from another stage that also takes teams entering it directly
(`seeding: {"from_stage", "qualifiers", "slots"}`): every slot a team id or a place of the
earlier stage, checked on creation (nothing written when refused), filled in when that
stage ends, and repaired by a correction of it exactly as a plain `from_stage` stage is."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, play_out, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

A1, B1 = {"group": "A", "place": 1}, {"group": 2, "place": 1}


async def _groups(client, teams: int = 8) -> tuple[dict, dict, list[int]]:
    """Six teams in two round robin groups of three; the rest wait for the knockout."""
    event = await make_event(client, teams)
    grouped, direct = event["teams"][:6], event["teams"][6:]
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              seeding=grouped, settings={"groups": 2, "advance": 1})
    return event, groups, direct


async def _knockout(client, event: dict, groups: dict, slots: list, **extra) -> dict:
    return await make_stage(client, event, name="Knockout", seeding_method="natural",
                            seeding={"from_stage": groups["id"], "qualifiers": 1,
                                     "slots": slots}, **extra)


def _low(m: dict) -> int:
    """The team with the lower id wins (a group's order, no cycle)."""
    return 1 if m["teams"][0] < m["teams"][1] else 2


def _high(m: dict) -> int:
    return 3 - _low(m)


def _opening(view: dict) -> list[list[int]]:
    return [m["teams"] for m in sorted(view["matches"], key=lambda m: m["number"])
            if m["round"] == 1]


async def test_group_winners_meet_the_direct_entrants_in_their_slots(client):
    event, groups, (d1, d2) = await _groups(client)
    knockout = await _knockout(client, event, groups, [A1, d1, B1, d2])
    assert knockout["status"] == "pending"
    assert knockout["hold"] == {"code": "waiting_for_stage", "stage": groups["id"]}
    view = await stage(client, knockout["id"])
    assert view["source"] == {"from_stage": groups["id"], "qualifiers": 1, "slots": [
        {"group": 1, "place": 1}, d1, {"group": 2, "place": 1}, d2]}
    done = await play_out(client, groups["id"], pick=_low)
    top = {r["group"]: r["team_id"] for r in done["standings"] if r["rank"] == 1}
    view = await stage(client, knockout["id"])
    assert view["status"] == "running", (view["hold"], done["standings"])
    assert view["seeding"] == [top[1], d1, top[2], d2]
    assert _opening(view) == [[top[1], d1], [top[2], d2]]
    # a plain from_stage body is as it was: no slots in its source
    plain = await make_stage(client, event, name="Plain",
                             seeding={"from_stage": groups["id"], "qualifiers": 1})
    assert (await stage(client, plain["id"]))["source"] == {
        "from_stage": groups["id"], "qualifiers": 1}


async def test_a_correction_of_the_groups_reseeds_the_slots_then_is_refused_once_played(
        client):
    event, groups, (d1, d2) = await _groups(client)
    knockout = await _knockout(client, event, groups, [d1, A1, d2, B1])
    done = await play_out(client, groups["id"], pick=_low)
    winner_a = next(r["team_id"] for r in done["standings"]
                    if r["group"] == 1 and r["rank"] == 1)
    before = await stage(client, knockout["id"])
    assert before["seeding"][1] == winner_a
    # group A's winner loses both its games after all: group A's new winner takes slot 2
    for m in done["matches"]:
        if m["group"] == 1 and winner_a in m["teams"]:
            side = m["teams"].index(winner_a)
            r = await report(client, m["id"], [0, 1] if side == 0 else [1, 0])
            assert r.status_code == 200, r.text
    after = await stage(client, groups["id"])
    assert after["status"] == "completed"
    new_a = next(r["team_id"] for r in after["standings"]
                 if r["group"] == 1 and r["rank"] == 1)
    assert new_a != winner_a
    again = await stage(client, knockout["id"])
    assert again["status"] == "running"
    assert again["seeding"] == [d1, new_a, d2, before["seeding"][3]]
    assert _opening(again) == [[d1, new_a], [d2, before["seeding"][3]]]
    # the knockout plays a match: a correction that changes a group's winner is refused
    m1 = by_number(again)[1]
    assert (await report(client, m1["id"], [1, 0])).status_code == 200
    flip = next(m for m in after["matches"] if m["group"] == 1 and new_a in m["teams"])
    side = flip["teams"].index(new_a)
    r = await report(client, flip["id"], [0, 1] if side == 0 else [1, 0])
    assert r.status_code == 409 and r.json()["error"]["code"] == "next_stage_started"
    assert (await stage(client, knockout["id"]))["seeding"] == again["seeding"]


async def test_a_knockout_created_after_the_groups_ended_starts_at_once(client):
    event, groups, (d1, d2) = await _groups(client)
    done = await play_out(client, groups["id"], pick=_high)
    top = {r["group"]: r["team_id"] for r in done["standings"] if r["rank"] == 1}
    knockout = await _knockout(client, event, groups, [B1, d2, d1, A1],
                               settings={"best_of": 3})
    assert knockout["status"] == "running"
    assert _opening(await stage(client, knockout["id"])) == [[top[2], d2], [d1, top[1]]]


def _path(event: dict) -> str:
    return f"/api/tournaments/{event['slug']}/events/{event['event']}/stages"


@pytest.mark.parametrize(("slots", "code", "field", "settings"), [
    ([A1, "other", B1, 6], "unknown_team", "seeding.slots.1", None),
    ([A1, 7, B1, 7], "duplicate_team", "seeding.slots.3", None),
    ([A1, 1, B1, 8], "duplicate_team", "seeding.slots.1", None),  # plays in the groups
    ([A1, 7, B1, {"group": "C", "place": 1}], "unknown_place", "seeding.slots.3", None),
    ([A1, 7, B1, {"group": 1, "place": 2}], "unknown_place", "seeding.slots.3", None),
    ([A1, 7, B1, A1], "duplicate_place", "seeding.slots.3", None),
    ([A1, 7, 8], "missing_place", "seeding.slots", None),
    ([A1, 7, B1, 8], "too_few_teams", "seeding.slots", {"groups": 4}),
])
async def test_a_bad_slot_list_is_refused_with_its_code_and_nothing_is_written(
        client, slots, code, field, settings):
    event, groups, _ = await _groups(client, 9)
    other = await make_event(client, 1)
    ids = {i: event["teams"][i - 1] for i in range(1, 10)} | {"other": other["teams"][0]}
    body = {"name": "Knockout", "format": "round_robin" if settings else
            "single_elimination", "settings": settings or {},
            "seeding": {"from_stage": groups["id"], "qualifiers": 1,
                        "slots": [ids[s] if not isinstance(s, dict) else s for s in slots]}}
    before = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    r = await client.post(_path(event), json=body, headers=AUTH)
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert (error["code"], error["field"]) == (code, field), error
    after = (await client.get(f"/api/tournaments/{event['slug']}/events/lol")).json()
    assert after["stages"] == before["stages"]


async def test_a_withdrawn_team_or_a_bad_group_is_refused(client):
    event, groups, (d1, d2) = await _groups(client)
    r = await client.post(f"/api/teams/{d2}/withdraw", json={}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = {"name": "Knockout", "format": "single_elimination",
            "seeding": {"from_stage": groups["id"], "qualifiers": 1,
                        "slots": [A1, d1, B1, d2]}}
    r = await client.post(_path(event), json=body, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "team_withdrawn", r.text
    assert r.json()["error"]["field"] == "seeding.slots.3"
    body["seeding"]["slots"] = [A1, d1, {"group": "AA", "place": 1}]
    r = await client.post(_path(event), json=body, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_input", r.text


async def test_export_and_import_carry_the_slots_with_the_teams_mapped(client):
    event, groups, (d1, d2) = await _groups(client)
    await _knockout(client, event, groups, [A1, d1, B1, d2])
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export", headers=AUTH)).json()
    doc["tournament"]["slug"] = copy = event["slug"] + "-copy"
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 201, r.text
    e = (await client.get(f"/api/tournaments/{copy}/events/lol")).json()
    new = {t["name"]: t["id"] for t in e["teams"]}
    old = {t["id"]: t["name"] for t in doc["events"][0]["teams"]}
    groups2, knockout2 = (s["id"] for s in e["stages"])
    view = await stage(client, knockout2)
    assert view["source"] == {"from_stage": groups2, "qualifiers": 1, "slots": [
        {"group": 1, "place": 1}, new[old[d1]], {"group": 2, "place": 1}, new[old[d2]]]}
    assert new[old[d1]] != d1
    # the copy plays on: its groups finished, its knockout starts with the copy's teams
    await play_out(client, groups2, pick=_low)
    view = await stage(client, knockout2)
    assert view["status"] == "running" and view["seeding"][1] == new[old[d1]]
    # an export whose slots name a team its event lacks is refused, nothing written
    doc["tournament"]["slug"] = event["slug"] + "-bad"
    doc["events"][0]["stages"][1]["source"]["slots"][1] = 999_999
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_export", r.text
    assert "source.slots" in r.json()["error"]["field"]


async def test_a_direct_entrant_cannot_be_deleted_while_its_slot_waits(client):
    event, groups, (d1, d2) = await _groups(client)
    await _knockout(client, event, groups, [A1, d1, B1, d2])
    r = await client.delete(f"/api/teams/{d1}", headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "team_in_stage", r.text
    assert (await client.get(f"/api/teams/{d1}")).status_code == 200


async def test_a_place_no_team_holds_is_named_in_words_by_the_api_and_the_pages(client, app):
    """A final takes the 3rd place of a stage without groups whose size was not known when
    the final was made; that stage ends with two teams: the final waits, naming "3rd"
    (not group 1, which a stage without groups does not have)."""
    from tests.console_support import admin_console
    from tests.helpers import soup, visible_text

    event = await make_event(client, 5)
    opening = await make_stage(client, event, name="Opening", format="round_robin",
                               seeding=event["teams"][:4], settings={"advance": 2})
    semis = await make_stage(client, event, name="Semis", format="round_robin",
                             seeding={"from_stage": opening["id"], "qualifiers": 2})
    final = await make_stage(client, event, name="Final", format="round_robin",
                             seeding={"from_stage": semis["id"], "qualifiers": 3, "slots": [
                                 {"place": 1}, {"place": 2}, {"place": 3},
                                 event["teams"][4]]})
    await play_out(client, opening["id"], pick=_low)
    await play_out(client, semis["id"], pick=_low)
    view = await stage(client, final["id"])
    assert view["status"] == "pending"
    assert view["hold"] == {
        "code": "too_few_teams", "stage": semis["id"], "places": [3, 3], "slot": "3",
        "message": "Waiting for 3rd of the earlier stage, which no team holds: a slot of "
                   "this stage takes it."}
    said = {"ko": "운영진 조치 대기: 이 스테이지의 슬롯이 받을 3위가 Semis에 없습니다.",
            "ja": "運営の対応待ち：このステージの枠に入る3位がSemisにいません。",
            "en": "Waiting for the organizer: Semis has no 3rd, which a slot of this stage "
                  "takes."}
    for lang, text in said.items():
        page = soup((await client.get(f"/stages/{final['id']}?lang={lang}")).text)
        assert visible_text(str(page.select_one("[data-hold]"))) == text, lang
    con, ctx = await admin_console(client, app)
    try:
        page = soup((await con.get(f"/admin/stages/{final['id']}", lang="ja")).text)
        assert visible_text(str(page.select_one("[data-hold]"))) == said["ja"]
    finally:
        await ctx.__aexit__(None, None, None)
    # the export carries the hold, its slot and message with it, and imports again
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    doc["tournament"]["slug"] = event["slug"] + "-copy"
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 201, r.text
    stages = (await client.get(f"/api/tournaments/{event['slug']}-copy/events/lol")).json()
    copy = {s["name"]: s for s in stages["stages"]}
    assert (await stage(client, copy["Final"]["id"]))["hold"] == {
        **view["hold"], "stage": copy["Semis"]["id"]}


async def test_a_direct_entrant_that_also_qualified_is_named_by_the_api_and_the_pages(
        client, app):
    """A final takes the winner of Semis (seeded from Opening, so its teams were not known
    when the final was made) and one team directly; that team goes through Opening and
    wins Semis too: the final waits, naming the team (not "does not produce enough
    qualifiers") in the API's message and in the reader's words on both pages."""
    from tests.console_support import admin_console
    from tests.helpers import soup, visible_text

    event = await make_event(client, 4)
    opening = await make_stage(client, event, name="Opening", format="round_robin",
                               seeding=event["teams"], settings={"advance": 2})
    semis = await make_stage(client, event, name="Semis", format="round_robin",
                             seeding={"from_stage": opening["id"], "qualifiers": 2})
    twice = event["teams"][0]  # the lowest id: it wins every match it plays
    final = await make_stage(client, event, name="Final", format="single_elimination",
                             seeding={"from_stage": semis["id"], "qualifiers": 1,
                                      "slots": [{"place": 1}, twice]})
    await play_out(client, opening["id"], pick=_low)
    await play_out(client, semis["id"], pick=_low)
    team = (await client.get(f"/api/teams/{twice}")).json()
    name, said_as = team["name"], {**team["names"], "en": team["name"]}
    view = await stage(client, final["id"])
    assert view["status"] == "pending"
    assert view["hold"] == {
        "code": "too_few_teams", "stage": semis["id"], "teams": [twice],
        "message": f"Waiting for the organizer: {name}, entering this stage directly, also "
                   "qualified from Semis; a team takes only one slot."}
    said = {"ko": f"운영진 조치 대기: 이 스테이지에 바로 진출하는 {said_as['ko']}이(가) "
                  "Semis에서도 진출했습니다. 한 팀은 슬롯 하나만 차지합니다.",
            "ja": f"運営の対応待ち：このステージに直接出場する{said_as['ja']}が"
                  "Semisからも勝ち上がりました。1チームが入れる枠は1つだけです。",
            "en": f"Waiting for the organizer: {name}, entering this stage directly, also "
                  "qualified from Semis; a team takes only one slot."}
    for lang, text in said.items():
        page = soup((await client.get(f"/stages/{final['id']}?lang={lang}")).text)
        assert visible_text(str(page.select_one("[data-hold]"))) == text, lang
    con, ctx = await admin_console(client, app)
    try:
        page = soup((await con.get(f"/admin/stages/{final['id']}", lang="ko")).text)
        assert visible_text(str(page.select_one("[data-hold]"))) == said["ko"]
    finally:
        await ctx.__aexit__(None, None, None)
