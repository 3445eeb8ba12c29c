"""A battle royale lobby plays games, not a best-of series with a game score: a free for
all's settings have no best_of, best_of_by_round or game_score. The organizer's forms have
no field for them (a form sent anyway with one is read without it), and the API refuses
any but their default on new settings, creating or editing, changing nothing."""

from __future__ import annotations

import pytest

from tests.accounts_support import browser_for, form_token, make_user
from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")
UNUSED = ("best_of", "best_of_by_round", "game_score")


async def test_the_api_refuses_a_series_setting_for_a_lobby_and_changes_nothing(client):
    event = await make_event(client, 4)
    url = f"/api/tournaments/{event['slug']}/events/{event['event']}/stages"
    for settings, field in (({"best_of": 3}, "best_of"),
                            ({"best_of_by_round": {"1": 3}}, "best_of_by_round"),
                            ({"game_score": "points"}, "game_score")):
        r = await client.post(url, json={"name": "Lobby", "format": "free_for_all",
                                         "seeding": event["teams"], "settings": settings},
                              headers=AUTH)
        assert r.status_code == 422, r.text
        assert (r.json()["error"]["code"], r.json()["error"]["field"]) == (
            "invalid_settings", f"settings.{field}")
    got = await client.get(f"/api/tournaments/{event['slug']}/events/{event['event']}",
                           headers=AUTH)
    assert got.json()["stages"] == []
    # their defaults, as a full stored settings object holds them (an export), are taken
    st = await make_stage(client, event, name="Lobby", format="free_for_all",
                          settings={"best_of": 1, "best_of_by_round": {}, "game_score": None,
                                    "games": 2})
    assert [st["settings"][k] for k in (*UNUSED, "games")] == [1, {}, None, 2]
    r = await client.patch(f"/api/stages/{st['id']}", json={"settings": {"best_of": 5}},
                           headers=AUTH)
    assert r.status_code == 422, r.text
    assert r.json()["error"]["field"] == "settings.best_of"
    after = (await client.get(f"/api/stages/{st['id']}")).json()
    assert (after["settings"]["best_of"], after["settings"]["games"]) == (1, 2)
    # a knockout still takes a best-of
    knockout = await make_stage(client, event, settings={"best_of": 3})
    assert knockout["settings"]["best_of"] == 3


async def test_the_console_forms_have_no_series_fields_for_a_lobby(client, app):
    admin = await make_user(client, role="admin")
    event = await make_event(client, 4)
    slug, ev = event["slug"], event["event"]
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        page = await b.client.get(f"/admin/t/{slug}/e/{ev}", params={"lang": "ko"})
        html = soup(page.text)
        lobby = html.select_one('fieldset[data-format-settings="free_for_all"]')
        knockout = html.select_one('fieldset[data-format-settings="single_elimination"]')
        assert lobby is not None and knockout is not None
        lobby_names = {e["name"] for e in lobby.select("[name]")}
        assert "s_free_for_all_games" in lobby_names
        assert not {f"s_free_for_all_{n}" for n in UNUSED} & lobby_names
        assert {f"s_single_elimination_{n}" for n in UNUSED} <= {
            e["name"] for e in knockout.select("[name]")}
        # without the page's script: a form sent with a best-of anyway is read without it
        r = await b.client.post(f"/admin/t/{slug}/e/{ev}/stages", params={"lang": "ko"}, data={
            "csrf_token": form_token(page.text), "name": "Lobby", "format": "free_for_all",
            "s_free_for_all_best_of": "3", "s_free_for_all_game_score": "points",
            "s_free_for_all_games": "3", "teams": [str(t) for t in event["teams"]],
            "start": "draft"})
        assert r.status_code == 303, r.text[:500]
        stages = (await client.get(f"/api/tournaments/{slug}/events/{ev}",
                                   headers=AUTH)).json()["stages"]
        (st,) = stages
        got = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert [got["settings"][k] for k in (*UNUSED, "games")] == [1, {}, None, 3]
        # the stage's own settings form: no best-of either
        edit = soup((await b.client.get(f"/admin/stages/{st['id']}",
                                        params={"lang": "ja"})).text)
        names = {e["name"] for e in edit.select("form[data-stage-settings] [name]")}
        assert "s_games" in names and not {f"s_{n}" for n in UNUSED} & names
