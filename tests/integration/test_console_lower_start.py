"""The organizer console's double-elimination form takes ``lower_start`` (a fighting-game
top 8: the last four of the seeding start in the lower bracket), in the page's language,
and says on the form when the number does not fit, changing nothing."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_top_8_starts_four_in_the_lower_bracket_from_the_form(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        st = await make_stage(client, event, format="double_elimination", start=False,
                              seeding_method="natural")
        path = f"/admin/stages/{st['id']}"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-stage-settings]")
        field = form.select_one("input[name=s_lower_start]").find_parent("label")
        assert field.get_text(" ", strip=True).startswith(
            "패자조에서 시작하는 팀 수(시드 맨 뒤의 팀들, 격투 게임 TOP 8은 4)")
        sent = form_values(form)
        r = await con.post(path, path, sent | {"s_lower_start": "4"}, "ko")
        assert r.status_code in (200, 303), error_of(r.text)
        view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert view["settings"]["lower_start"] == 4
        seeds = event["teams"]
        assert [(m["bracket"], m["round"], m["teams"]) for m in view["matches"][:4]] == [
            ("winners", 2, seeds[0:2]), ("winners", 2, seeds[2:4]),
            ("losers", 1, seeds[4:6]), ("losers", 1, seeds[6:8])]

        r = await con.post(path, path, sent | {"s_lower_start": "5"}, "ja")
        assert r.status_code == 422
        assert error_of(r.text).startswith(
            "この設定はできません：敗者側から始めるチーム数（シードの最後のチームから。"
            "格闘ゲームのTOP8は4）"), error_of(r.text)
        after = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert after["settings"]["lower_start"] == 4
        assert after["matches"] == view["matches"]
    finally:
        await ctx.__aexit__(None, None, None)
