"""A change of a stage's shape that would leave a round plan no round to time is refused
(``services/plan_strands.py``: 409 ``round_plans_stranded`` naming the plans) and changes
nothing: a draft's seeding of fewer teams, a Swiss stage's rounds cut, the groups or
teams of the stage a waiting stage is seeded from. A result is never refused for a later
stage's plan: the plan is kept and listed as never applied."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, play_out, report, soup, stage
from tests.round_plans_support import PLAN, plan_ahead, plans, store_plans

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def stage_as_admin(client, stage_id: int) -> dict:
    r = await client.get(f"/api/stages/{stage_id}", headers=AUTH)  # a draft's too
    assert r.status_code == 200, r.text
    return dict(r.json())


def refusal(r, where: str) -> tuple:
    assert r.status_code == 409, r.text
    error = r.json()["error"]
    return error["code"], error["field"], error["params"], [p["id"] for p in r.json()["plans"]]


async def test_a_draft_reseeded_with_fewer_teams_keeps_a_planned_final(client, db_url):
    """An 8-team draft with its final (round 3) planned, as an import or an older version
    left it: seeded with four teams it would have no round 3; refused, nothing changed.
    Reseeded with seven teams (still three rounds) it goes through."""
    event = await make_event(client, 8)
    draft = await make_stage(client, event, start=False)
    await store_plans(db_url, draft["id"], [{
        "id": 1, "round": 3, "bracket": "winners", "group": None, "applied": None,
        "starts_at": "2026-11-30T04:00:00+00:00", "interval_minutes": 0, "venue": None,
        "stations": [], "stream_url": None, "referee_id": None}])
    before = await stage_as_admin(client, draft["id"])
    kept = await plans(client, draft["id"])
    r = await client.patch(f"/api/stages/{draft['id']}", json={
        "seeding": event["teams"][:4]}, headers=AUTH)
    assert refusal(r, "seeding") == ("round_plans_stranded", "seeding", {"count": 1}, [1])
    after = await stage_as_admin(client, draft["id"])
    assert (after["seeding"], after["matches"]) == (before["seeding"], before["matches"])
    assert await plans(client, draft["id"]) == kept
    r = await client.patch(f"/api/stages/{draft['id']}", json={
        "seeding": event["teams"][:7]}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert {m["round"] for m in r.json()["matches"]} == {1, 2, 3}


async def test_a_swiss_stage_cut_below_a_planned_round_is_refused(client):
    """A Swiss stage to three wins or three losses (five rounds at most) with round 5
    planned: cut to two and two (three rounds) it is refused and keeps its settings; a
    round 3 plan alone would not stop it."""
    event = await make_event(client, 8)
    swiss = await make_stage(client, event, format="swiss", settings={
        "pairing": "valve", "wins_to_advance": 3, "losses_to_eliminate": 3})
    url = f"/api/stages/{swiss['id']}/round-plans"
    made = []
    for round_ in (3, 5):
        r = await client.post(url, json={**PLAN, "round": round_,  # a day apart
                                         "starts_at": f"2026-12-0{round_}T13:00:00+09:00"},
                              headers=AUTH)
        assert r.status_code == 201, r.text
        made.append(r.json()["plan"])
    cut = {"pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2}
    r = await client.patch(f"/api/stages/{swiss['id']}", json={"settings": cut},
                           headers=AUTH)
    assert refusal(r, "settings") == ("round_plans_stranded", "settings", {"count": 1},
                                      [made[1]["id"]])
    after = await stage(client, swiss["id"])
    assert (after["settings"]["wins_to_advance"], after["matches"]) == (
        3, swiss["matches"])
    assert await plans(client, swiss["id"]) == made
    assert (await client.delete(f"{url}/{made[1]['id']}", headers=AUTH)).status_code == 200
    r = await client.patch(f"/api/stages/{swiss['id']}", json={"settings": cut},
                           headers=AUTH)
    assert r.status_code == 200, r.text


async def test_the_earlier_stage_sending_fewer_teams_is_refused_for_a_waiting_final(client):
    """Playoffs wait for the top two of each of two groups (four teams: semifinals, then
    the final, planned). One group (two qualifiers) or two teams in the groups would leave
    the final's plan no round: the groups' change is refused naming the playoffs and their
    plan, and nothing changes; four groups (eight qualifiers) keep the final."""
    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2})
    playoffs = await make_stage(client, event, name="Playoffs",
                                seeding={"from_stage": groups["id"], "qualifiers": 2})
    final = await plan_ahead(client, playoffs["id"], {**PLAN, "round": 2, "bracket": "winners"})
    for body, where in (({"settings": {"groups": 1}}, "settings"),
                        ({"seeding": event["teams"][:2]}, "seeding")):
        r = await client.patch(f"/api/stages/{groups['id']}", json=body, headers=AUTH)
        assert refusal(r, where) == ("round_plans_stranded", where, {
            "count": 1, "stage": "Playoffs", "stage_id": playoffs["id"]}, [final["id"]])
        assert r.json()["stage"] == playoffs["id"]
        after = await stage(client, groups["id"])
        assert (after["settings"]["groups"], after["seeding"], after["matches"]) == (
            2, groups["seeding"], groups["matches"])
        assert await plans(client, playoffs["id"]) == [final]
    r = await client.patch(f"/api/stages/{groups['id']}", json={
        "settings": {"groups": 4}}, headers=AUTH)
    assert r.status_code == 200, r.text


async def test_a_change_two_stages_before_a_waiting_final_is_refused_naming_the_chain(
        client, app):
    """Groups (two) send their top two to a middle round robin, which sends its top four
    to the playoffs, whose final (round 2 of four teams) is planned. One group, or two
    teams in the groups, send the middle stage two teams and so the playoffs two: the
    groups' change is refused naming the playoffs and the stage between (the console in
    Japanese names both in Japanese), and nothing changes; four groups (the middle gets
    eight, the playoffs four) keep the final."""
    from tests.accounts_support import form_values
    from tests.console_support import admin_console, error_of

    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2})
    middle = await make_stage(client, event, name="Middle", format="round_robin",
                              names={"ja": "本戦リーグ"},
                              seeding={"from_stage": groups["id"], "qualifiers": 2})
    playoffs = await make_stage(client, event, name="Playoffs", names={"ja": "プレーオフ"},
                                seeding={"from_stage": middle["id"], "qualifiers": 4})
    final = await plan_ahead(client, playoffs["id"], {**PLAN, "round": 2, "bracket": "winners"})
    for body, where in (({"settings": {"groups": 1}}, "settings"),
                        ({"seeding": event["teams"][:2]}, "seeding")):
        r = await client.patch(f"/api/stages/{groups['id']}", json=body, headers=AUTH)
        assert refusal(r, where) == ("round_plans_stranded", where, {
            "count": 1, "stage": "Playoffs", "stage_id": playoffs["id"], "via": "Middle",
            "via_id": middle["id"]}, [final["id"]])
        assert r.json()["stage"] == playoffs["id"]
        assert "seeded from Middle, which waits for this stage" in r.json()["error"][
            "message"]
        after = await stage(client, groups["id"])
        assert (after["settings"]["groups"], after["seeding"], after["matches"]) == (
            2, groups["seeding"], groups["matches"])
        assert await plans(client, playoffs["id"]) == [final]
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{groups['id']}"
        form = soup((await con.get(path, "ja")).text).select_one("form[data-stage-settings]")
        r = await con.post(path, path, {**form_values(form), "s_groups": "1"}, "ja")
        assert r.status_code == 409 and error_of(r.text) == (
            "この変更で、このステージの終了を待つ本戦リーグから勝ち上がるプレーオフのラウンド"
            "計画1件に当てはまるラウンドがなくなります（進出チームの数かグループが変わるため）。"
            "先にそのステージのページで計画を削除するか、このステージを変えずにおいてください。")
        [link] = soup(r.text).select("[data-stranded-elsewhere] li a")
        assert (link["href"], " ".join(link.get_text(" ", strip=True).split())) == (
            f"/admin/stages/{playoffs['id']}?lang=ja#plan-{final['id']}", "プレーオフ · 決勝")
    finally:
        await ctx.__aexit__(None, None, None)
    r = await client.patch(f"/api/stages/{groups['id']}", json={
        "settings": {"groups": 4}}, headers=AUTH)
    assert r.status_code == 200, r.text


async def test_a_result_is_never_refused_for_a_later_plan_which_is_kept_never_applied(
        client, app):
    """Groups send the top two to a round robin that sends its top four to the playoffs,
    whose final (round 2 of four teams) is planned. The round robin gets only two teams,
    so the playoffs get two: every result is taken, the playoffs start with one round, and
    the final's plan is kept, listed as never applied (the console says so)."""
    from tests.console_support import admin_console

    event = await make_event(client, 4)
    groups = await make_stage(client, event, name="Groups", format="round_robin")
    middle = await make_stage(client, event, name="Middle", format="round_robin",
                              seeding={"from_stage": groups["id"], "qualifiers": 2})
    playoffs = await make_stage(client, event, name="Playoffs",
                                seeding={"from_stage": middle["id"], "qualifiers": 4})
    final = await plan_ahead(client, playoffs["id"], {**PLAN, "round": 2, "bracket": "winners"})
    await play_out(client, groups["id"])
    assert len((await stage(client, middle["id"]))["seeding"]) == 2
    [m] = (await stage(client, middle["id"]))["matches"]
    assert (await report(client, m["id"], [1, 0])).status_code == 200
    started = await stage(client, playoffs["id"])
    assert (started["status"], {x["round"] for x in started["matches"]}) == (
        "running", {1})
    assert await plans(client, playoffs["id"]) == [final]
    con, ctx = await admin_console(client, app)
    try:
        page = soup((await con.get(f"/admin/stages/{playoffs['id']}", "en")).text)
        never = page.select_one(f"li[data-plan='{final['id']}'] [data-plan-never]")
        assert never is not None and never.get_text(strip=True).endswith(
            "This plan is never applied: change its round or remove it.")
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_console_names_the_later_stage_and_its_plan_and_offers_a_plan(
        client, app):
    """On the groups' page (Korean), fewer groups are refused with the playoffs named in
    Korean and their final's plan linked on the playoffs' page; nothing changes. On a Swiss
    stage's page a round not paired yet sent to the round schedule is answered that it
    has no matches yet, with a link to the plan form filled in with that round and time."""
    from tests.accounts_support import form_values
    from tests.console_support import admin_console, error_of

    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2})
    playoffs = await make_stage(client, event, name="Playoffs", names={"ko": "플레이오프"},
                                seeding={"from_stage": groups["id"], "qualifiers": 2})
    final = await plan_ahead(client, playoffs["id"], {**PLAN, "round": 2, "bracket": "winners"})
    swiss = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "pairing": "valve", "wins_to_advance": 2, "losses_to_eliminate": 2})
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{groups['id']}"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-stage-settings]")
        r = await con.post(path, path, {**form_values(form), "s_groups": "1"}, "ko")
        assert r.status_code == 409 and error_of(r.text) == (
            "이 변경으로 이 스테이지에서 시드를 받는 플레이오프의 라운드 계획 1개가 적용될 "
            "라운드가 없어집니다(진출 팀 수나 조가 바뀝니다). 먼저 그 스테이지 페이지에서 "
            "계획을 삭제하거나 이 스테이지를 그대로 두세요.")
        page = soup(r.text)
        [link] = page.select("[data-stranded-elsewhere] li a")
        assert (link["href"], " ".join(link.get_text(" ", strip=True).split())) == (
            f"/admin/stages/{playoffs['id']}?lang=ko#plan-{final['id']}", "플레이오프 · 결승")
        assert page.select("li[data-plan][data-stranded]") == []
        assert (await stage(client, groups["id"]))["settings"]["groups"] == 2

        path = f"/admin/stages/{swiss['id']}"
        r = await con.post(path, f"{path}/schedule", {
            "round": ":2", "starts_at": "2026-11-30T13:00", "interval_minutes": "90",
            "venue": "Hall A", "stations": "1, 2"}, "ja")
        assert r.status_code == 422 and error_of(r.text) == (
            "このラウンドにはまだ試合がありません。「後のラウンドを計画」で先に計画しておけば、"
            "試合が作られたときにその時間が入ります。")
        page = soup(r.text)
        assert page.select_one("[data-plan-instead]")["href"] == "#plan-round"
        planned = form_values(page.select_one("form#plan-round[data-plan-form]"))
        assert {k: planned[k] for k in ("round", "starts_at", "interval_minutes", "venue",
                                        "stations")} == {
            "round": "2", "starts_at": "2026-11-30T13:00", "interval_minutes": "90",
            "venue": "Hall A", "stations": "1, 2"}
    finally:
        await ctx.__aexit__(None, None, None)
    assert await plans(client, playoffs["id"]) == [final]
