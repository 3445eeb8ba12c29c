"""The organizer console's double-elimination form takes ``lower_entries`` (the CWL 2018
opens: eight in lower round 1, four entering at each of rounds 2 and 3), in the page's
language, and says on the form which lower round a number does not fit, changing
nothing."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_cwl_open_enters_teams_at_three_lower_rounds_from_the_form(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 24)
        st = await make_stage(client, event, format="double_elimination", start=False,
                              seeding_method="natural")
        path = f"/admin/stages/{st['id']}"
        form = soup((await con.get(path, "ja")).text).select_one("form[data-stage-settings]")
        field = form.select_one("input[name=s_lower_entries]").find_parent("label")
        assert field.get_text(" ", strip=True).startswith(
            "敗者側の第1・2・3…ラウンドから入るチーム数")
        sent = form_values(form)
        r = await con.post(path, path, sent | {"s_lower_entries": "8、4、4"}, "ja")
        assert r.status_code in (200, 303), error_of(r.text)
        view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert view["settings"]["lower_entries"] == [8, 4, 4]
        seeds = event["teams"]
        entrants = [(m["round"], m["teams"][0]) for m in view["matches"]
                    if m["bracket"] == "losers" and m["round"] in (2, 3)]
        assert entrants == [(2, t) for t in seeds[12:16]] + [(3, t) for t in seeds[8:12]]

        r = await con.post(path, path, sent | {"s_lower_entries": "8, 5, 3"}, "ko")
        assert r.status_code == 422
        assert error_of(r.text) == (
            "이 설정은 불가능합니다: 패자조 1, 2, 3…라운드에 들어오는 팀 수(1라운드는 시드 맨 "
            "뒤의 팀들, CWL 2018 오픈은 8, 4, 4). 패자조 2라운드에 들어올 수 있는 팀은 "
            "1~4팀입니다(승자조 대진표는 8자리)."), error_of(r.text)
        after = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert after["settings"]["lower_entries"] == [8, 4, 4]
        assert after["matches"] == view["matches"]
    finally:
        await ctx.__aexit__(None, None, None)
