"""A match page's game columns are headed by the teams' names, which wrap in a narrow
column on a phone: a Japanese name breaks between its phrases (釜山/ウェーブス), never inside
one (the column broke it 釜山ウェー/ブス and 札幌フロス/ト; what the browser draws is
checked by e2e/test_phone_width.py's widths and the screenshots)."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
async def test_a_game_column_head_breaks_between_phrases(client) -> None:
    event = await make_event(client, 2)
    m = (await make_stage(client, event, settings={"best_of": 3}))["matches"][0]
    r = await client.patch(f"/api/teams/{m['teams'][0]}", headers=AUTH,
                           json={"names": {"ja": "釜山ウェーブス"}})
    assert r.status_code == 200, r.text
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [[0, 1]], "status": "live"}, headers=AUTH)
    assert r.status_code == 200, r.text
    page = (await client.get(f"/matches/{m['id']}?lang=ja")).text
    assert '<th scope="col" data-games-team>釜山<wbr>ウェーブス</th>' in page
    css = (await client.get("/static/css/site.css")).text
    assert "html:lang(ja) .games thead th { word-break: auto-phrase; }" in css
