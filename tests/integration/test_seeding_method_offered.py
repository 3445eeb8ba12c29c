"""The seeding method is offered where it changes something: a bracket's and a Swiss
stage's round 1. A round robin or battle royale ignores it (groups and lobbies are
snake-drawn either way), so its stage page and the new-stage form (that format picked)
leave it out; the API still takes it for every format."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")

IGNORED = {"round_robin": {}, "free_for_all": {"lobby_size": 8}}


@pytest.mark.parametrize("fmt", ["round_robin", "free_for_all"])
async def test_a_stage_that_ignores_it_has_no_seeding_method_field(client, app, fmt):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        st = await make_stage(client, event, name="Groups", format=fmt, start=False,
                              settings=IGNORED[fmt], seeding_method="natural")
        page = soup((await con.get(f"/admin/stages/{st['id']}", "ko")).text)
        form = page.select_one("form[data-stage-settings]")
        assert form is not None and form.select_one("[name=seeding_method]") is None
        # saving its settings leaves the stored method as the API set it
        path = f"/admin/stages/{st['id']}"
        r = await con.post(path, path, form_values(form), "ko")
        assert r.status_code in (200, 303), error_of(r.text)
        view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert view["seeding_method"] == "natural"
    finally:
        await ctx.__aexit__(None, None, None)


@pytest.mark.parametrize("fmt", ["single_elimination", "double_elimination", "swiss"])
async def test_a_bracket_or_swiss_stage_keeps_it(client, app, fmt):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        st = await make_stage(client, event, name="Main", format=fmt, start=False)
        page = soup((await con.get(f"/admin/stages/{st['id']}", "ja")).text)
        select = page.select_one("form[data-stage-settings] select[name=seeding_method]")
        assert select is not None and not select.has_attr("disabled")
        assert not select.find_parent("label").has_attr("hidden")
    finally:
        await ctx.__aexit__(None, None, None)


async def test_the_new_stage_form_hides_it_for_the_format_sent(client, app):
    """The form drawn again after a refusal, a round robin picked: the field is hidden and
    disabled (the browser sends nothing); its label lists the formats that show it, for
    the script to follow the format picked."""
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        path = f"/admin/t/{event['slug']}/e/{event['event']}"
        form = soup((await con.get(path, "en")).text).select_one("form[data-new-stage]")
        select = form.select_one("select[name=seeding_method]")
        label = select.find_parent("label")
        assert sorted(label["data-seeding-formats"].split()) == [
            "double_elimination", "single_elimination", "swiss"]
        assert not label.has_attr("hidden")  # the first format offered: a bracket
        sent = form_values(form) | {"name": "League", "format": "round_robin",
                                    "s_round_robin_groups": "x",
                                    "teams": [str(t) for t in event["teams"]]}
        r = await con.post(path, path + "/stages", sent, "en")
        assert r.status_code == 422, r.status_code
        select = soup(r.text).select_one("form[data-new-stage] select[name=seeding_method]")
        assert select.has_attr("disabled") and select.find_parent("label").has_attr("hidden")
    finally:
        await ctx.__aexit__(None, None, None)
