"""``PATCH /api/stages/{id}`` with ``settings`` is a JSON merge patch (RFC 7396) of the
stored settings: ``{"settings": {"advance": 2}}`` once put every other setting (points,
tiebreakers, best-of) back to its default. Now a key given replaces, a key left out stays,
``null`` resets a key to its default, an object merges key by key; a refused value is a
422 that changes nothing."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console
from tests.helpers import AUTH, make_event, make_stage, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

CHOSEN = {"best_of": 3, "points": {"win": 2, "draw": 1, "loss": 0},
          "tiebreakers": ["points", "game_difference"], "game_minutes": 45}


async def _league(client: httpx.AsyncClient) -> dict[str, Any]:
    event = await make_event(client, 4)
    return await make_stage(client, event, name="League", format="round_robin",
                            settings=CHOSEN)


async def _patch(client: httpx.AsyncClient, stage_id: int,
                 settings: dict[str, Any]) -> httpx.Response:
    return await client.patch(f"/api/stages/{stage_id}", json={"settings": settings},
                              headers=AUTH)


async def test_a_patch_of_one_setting_keeps_the_others(client):
    league = await _league(client)
    r = await _patch(client, league["id"], {"advance": 2})
    assert r.status_code == 200, r.text
    settings = (await stage(client, league["id"]))["settings"]
    assert settings["advance"] == 2
    assert {k: settings[k] for k in CHOSEN} == CHOSEN
    # an object merges key by key: the win is 3 points, a draw and a loss stay
    r = await _patch(client, league["id"], {"points": {"win": 3}})
    assert r.status_code == 200, r.text
    settings = (await stage(client, league["id"]))["settings"]
    assert settings["points"] == {"win": 3, "draw": 1, "loss": 0}
    assert (settings["best_of"], settings["advance"]) == (3, 2)


async def test_null_resets_a_setting_to_its_default(client):
    league = await _league(client)
    fresh = (await stage(client, (await make_stage(
        client, await make_event(client, 4), format="round_robin"))["id"]))["settings"]
    r = await _patch(client, league["id"], {"tiebreakers": None, "best_of": None})
    assert r.status_code == 200, r.text
    settings = (await stage(client, league["id"]))["settings"]
    assert (settings["tiebreakers"], settings["best_of"]) == (fresh["tiebreakers"], 1)
    assert (settings["points"], settings["game_minutes"]) == (CHOSEN["points"], 45)


async def test_a_refused_value_changes_nothing(client):
    league = await _league(client)
    before = await stage(client, league["id"])
    for bad in ({"best_of": 0}, {"advance": "two"}, {"no_such_setting": 1},
                {"points": {"win": "three"}}):
        r = await _patch(client, league["id"], bad)
        assert r.status_code == 422, (bad, r.text)
        assert r.json()["error"]["code"] in ("invalid_settings", "invalid_input"), r.text
        assert await stage(client, league["id"]) == before


async def test_a_default_follows_the_setting_it_depends_on(client):
    """A Swiss stage's tiebreakers left at their default follow its pairing, as on a new
    stage; chosen ones stay."""
    event = await make_event(client, 8)
    swiss = await make_stage(client, event, name="Swiss", format="swiss",
                             settings={"pairing": "standard"})
    valve = (await make_stage(client, await make_event(client, 8), format="swiss"))
    r = await _patch(client, swiss["id"], {"pairing": "valve"})
    assert r.status_code == 200, r.text
    assert r.json()["settings"] == valve["settings"]
    r = await _patch(client, swiss["id"], {"tiebreakers": ["buchholz"]})
    assert r.status_code == 200, r.text
    r = await _patch(client, swiss["id"], {"pairing": "standard"})
    assert r.status_code == 200, r.text
    assert r.json()["settings"]["tiebreakers"] == ["buchholz"]


async def test_the_console_form_sends_every_setting_so_a_default_typed_there_is_kept(client,
                                                                                     app):
    """The console's settings form shows every setting and sends only those away from
    their default: it is the whole of them, not a patch (best-of 3 typed back to 1 is 1)."""
    league = await _league(client)
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{league['id']}"
        form = soup((await con.get(path)).text).select_one("form[data-stage-settings]")
        r = await con.post(path, path, {**form_values(form), "s_best_of": "1"})
        assert r.status_code in (200, 303), r.text
    finally:
        await ctx.__aexit__(None, None, None)
    settings = (await stage(client, league["id"]))["settings"]
    assert settings["best_of"] == 1
    assert {k: settings[k] for k in ("points", "tiebreakers", "game_minutes")} == {
        k: CHOSEN[k] for k in ("points", "tiebreakers", "game_minutes")}
