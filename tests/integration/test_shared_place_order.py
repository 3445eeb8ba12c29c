"""Teams sharing a knockout place (the semifinal losers of a bracket without a third-place
match: 3rd–4th) are listed by record, not by seed alone (a Korean organizer's review: DRX,
maps 0–2, above ZETA, 1–2): more matches won, then the better map difference, more maps
won, then the better round difference, the seed last. The place stays shared; the stage's
table, the event's places and the API list them in one order (docs/api.md)."""

from __future__ import annotations

import pytest

from tests.helpers import by_number, make_event, make_stage, report, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_shared_place_lists_the_better_record_first_everywhere(client):
    event = await make_event(client, 4)
    one, two, three, four = event["teams"]
    st = await make_stage(client, event, settings={"best_of": 3})
    semis = by_number(st)
    # seed 1 beats seed 4 2–1; seed 3 beats seed 2 2–0: the 2nd seed took no map
    for m in (semis[1], semis[2]):
        winner = one if one in m["teams"] else three
        score = [2, 1] if winner == one else [2, 0]
        side = m["teams"].index(winner)
        r = await report(client, m["id"], score if side == 0 else score[::-1])
        assert r.status_code == 200, r.text
    final = by_number(await stage(client, st["id"]))[3]
    r = await report(client, final["id"], [2, 0] if final["teams"][0] == one else [0, 2])
    assert r.status_code == 200, r.text

    rows = (await stage(client, st["id"]))["standings"]
    assert [(r["team_id"], r["rank"], r["last"]) for r in rows] == [
        (one, 1, 1), (three, 2, 2), (four, 3, 4), (two, 3, 4)]
    r = await client.get(f"/api/tournaments/{event['slug']}/events/lol")
    assert [(p["team_id"], p["rank"]) for p in r.json()["placements"]] == [
        (one, 1), (three, 2), (four, 3), (two, 3)]
    for url in (f"/stages/{st['id']}?lang=ko", f"/tournaments/{event['slug']}/events/lol"):
        table = soup((await client.get(url)).text).select_one("table[data-standings]")
        assert [int(tr["data-team"]) for tr in table.select("tbody tr")] == [
            one, three, four, two], url
