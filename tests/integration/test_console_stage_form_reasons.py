"""The console's new-stage form says why a stage is refused, naming the field that is
wrong, in the page's language (parsed HTML), keeps what was typed and creates nothing:
a number of teams going through that is not a number is that field's fault, not the
seeding's; a team of the earlier stage typed as a slot of its own is said so, by name,
not as "a team in the seeding twice"; and a double elimination's lower bracket that
does not fit its teams says how many start where."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def _new_stage(con, event: dict, fields: dict, lang: str):
    page = f"/admin/t/{event['slug']}/e/{event['event']}"
    form = soup((await con.get(page, lang)).text).select_one("form[data-new-stage]")
    sent = {k: v for k, v in form_values(form).items() if k != "teams"} | fields
    r = await con.post(page, page + "/stages", sent, lang)
    assert r.status_code == 422, r.status_code
    return r, soup(r.text).select_one("form[data-new-stage]")


async def _stage_names(client, event: dict) -> list[str]:
    view = (await client.get(f"/api/tournaments/{event['slug']}/events/{event['event']}",
                             headers=AUTH)).json()
    return [s["name"] for s in view["stages"]]


async def test_a_stage_seeded_from_groups_names_the_field_and_the_team_at_fault(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        teams = event["teams"]
        groups = await make_stage(client, event, name="Groups", format="round_robin",
                                  seeding=teams[:6], settings={"groups": 2, "advance": 1})
        before = await _stage_names(client, event)
        knockout = {"name": "Knockout", "format": "single_elimination",
                    "from_stage": str(groups["id"])}
        # a number of teams going through that is no number: that field, not "Seeding"
        r, form = await _new_stage(con, event, knockout | {"qualifiers": "x"}, "ja")
        assert error_of(r.text) == "勝ち上がるチーム数（各グループ）：整数で入力してください。"
        assert form.select_one("input[name=qualifiers]")["value"] == "x"
        # a team of the groups typed as a team entering directly: said by its name
        typed = "A1\nチーム7\nB1\nチーム1"
        r, form = await _new_stage(con, event, knockout | {"qualifiers": "1",
                                                           "slots": typed}, "ja")
        assert error_of(r.text) == (
            "4番目の枠のチーム1はGroupsに出場しているので、その順位の枠からしか入れません。")
        assert form.select_one("textarea[name=slots]").get_text() == typed
        r, _ = await _new_stage(con, event, knockout | {"qualifiers": "1",
                                                        "slots": typed}, "ko")
        assert error_of(r.text) == (
            "4번째 슬롯의 팀 1은(는) Groups에 출전하므로 그 순위 슬롯으로만 들어올 수 있습니다.")
        # a team entering directly named twice: both slots said
        r, _ = await _new_stage(con, event, knockout | {
            "qualifiers": "1", "slots": "A1\nチーム7\nB1\nTeam 7"}, "ja")
        assert error_of(r.text) == "2番目と4番目の枠がどちらもチーム7です。"
        assert await _stage_names(client, event) == before
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_lower_bracket_that_does_not_fit_its_teams_says_how_many_start_where(
        client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 12)
        de = {"name": "Top 12", "format": "double_elimination", "start": "draft"}
        # eleven of twelve in the lower bracket leave one on the winners side
        r, form = await _new_stage(con, event, de | {
            "s_double_elimination_lower_start": "11"}, "ja")
        assert error_of(r.text) == (
            "この設定はできません：敗者側から始めるチーム数（シードの最後のチームから。"
            "格闘ゲームのTOP8は4）。12チームのうち11チームが敗者側から始めると、勝者側は"
            "1チームです。勝者側は2チーム以上でその枠の半分より多く、敗者側から始めるのは"
            "勝者側の枠の数までです（4と4、4と2。3と1は不可）。")
        assert form.select_one("input[name=s_double_elimination_lower_start]")["value"] == "11"
        # the CWL opens' 8, 4, 4 is sixteen entering: more than twelve teams, said so (not
        # "16 of the 12 teams")
        r, _ = await _new_stage(con, event, de | {
            "s_double_elimination_lower_entries": "8、4、4"}, "ko")
        assert error_of(r.text) == (
            "이 설정은 불가능합니다: 패자조 1, 2, 3…라운드에 들어오는 팀 수(1라운드는 시드 맨 "
            "뒤의 팀들, CWL 2018 오픈은 8, 4, 4). 이 스테이지는 12팀이라 16팀이 패자조에서 "
            "시작할 수 없습니다.")
        # both ways of entering the lower bracket at once: the other one is named
        r, _ = await _new_stage(con, event, de | {
            "s_double_elimination_lower_start": "4",
            "s_double_elimination_lower_entries": "4, 2"}, "ja")
        assert error_of(r.text) == (
            "この設定はできません：敗者側の第1・2・3…ラウンドから入るチーム数（第1ラウンドは"
            "シードの最後のチームから。CWL 2018のオープン大会は8、4、4）。「敗者側から始める"
            "チーム数（シードの最後のチームから。格闘ゲームのTOP8は4）」と一緒には使えません。")
        assert await _stage_names(client, event) == []
    finally:
        await ctx.__aexit__(None, None, None)
