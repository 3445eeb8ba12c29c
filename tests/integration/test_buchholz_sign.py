"""A Swiss table's Buchholz is the sum of the opponents' wins minus losses, so it can be
below zero: it is signed as a goal difference is ("+1", "0", "-1"), on the page in every
language, in the fragment the live page patches in, and on the standings overlay. It read
"1" beside a difference's "+4"."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


def buchholz_cells(html: str) -> dict[int, str]:
    """Each team's Buchholz cell, found by its column's heading (the BH abbreviation's
    title says what it counts)."""
    table = soup(html).select_one("table[data-standings]")
    heads = table.select("thead th")
    column = next(i for i, th in enumerate(heads) if th.abbr is not None and th.abbr[
        "title"].startswith(("Buchholz:", "부흐홀츠:", "ブッフホルツ：")))
    return {int(tr["data-team"]): tr.select("td")[column].get_text(strip=True)
            for tr in table.select("tbody tr")}


async def test_a_buchholz_is_signed_on_the_page_the_fragment_and_the_overlay(client):
    event = await make_event(client, 6)
    st = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "game_score": "goals", "rounds": 2, "wins_to_advance": None,
        "losses_to_eliminate": None})
    first, *_ = st["matches"]
    r = await client.patch(f"/api/matches/{first['id']}", json={
        "games": [[4, 0]], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    winner, loser = first["teams"]
    want = {winner: "-1", loser: "+1"}  # each other's record; the rest have played nobody
    want |= {t: "0" for t in event["teams"] if t not in want}
    paths = [f"/stages/{st['id']}?lang={lang}" for lang in ("en", "ko", "ja")]
    paths += [f"/stages/{st['id']}?fragment=1&lang=ko",
              f"/overlay/stages/{st['id']}?lang=ja&show=standings"]
    for path in paths:
        r = await client.get(path)
        assert r.status_code == 200, path
        assert buchholz_cells(r.text) == want, path
        # as the goal difference beside it
        row = soup(r.text).select_one(f'table[data-standings] tr[data-team="{winner}"]')
        assert "+4" in [td.get_text(strip=True) for td in row.select("td")], path
    view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
    assert {r["team_id"]: r["buchholz"] for r in view["standings"]}[winner] == -1  # a number
