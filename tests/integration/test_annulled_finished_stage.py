"""A withdrawal leaves a stage the team had played out as it stood (``withdrawn_results``,
``formats/withdrawal.py``): the team forfeited a match in the first stage, which finished,
and withdrew during the second. The first stage's table and matches stay as they were;
the second annuls its results by its rule. The time of the withdrawal travels with an
export, so the imported tournament reads the same."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_event, make_stage, report, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


def pair(view: dict[str, Any], a: int, b: int) -> dict[str, Any]:
    return next(m for m in view["matches"] if set(m["teams"]) == {a, b})


async def win(client: httpx.AsyncClient, view: dict[str, Any], a: int, b: int) -> None:
    """``a`` beats ``b`` 1-0."""
    m = pair(view, a, b)
    r = await report(client, m["id"], [1, 0] if m["teams"][0] == a else [0, 1])
    assert r.status_code == 200, r.text


def tables(view: dict[str, Any], t: list[int]) -> tuple[list[tuple[Any, ...]], set[int]]:
    """(team number, rank, points, wins, losses, annulled) down the table, and the
    numbers of the teams whose matches say ``annulled``."""
    rows = [(t.index(r["team_id"]) + 1, r["rank"], r["points"], r["wins"], r["losses"],
             r.get("annulled", False)) for r in view["standings"]]
    struck = {t.index(x) + 1 for m in view["matches"] if m["annulled"] for x in m["teams"]}
    return rows, struck


@pytest.mark.parametrize("rule", ["annul", "annul_before_half"])
async def test_a_stage_finished_before_the_withdrawal_keeps_its_results(client, rule):
    event = await make_event(client, 4)
    t = event["teams"]
    first = await make_stage(client, event, name="Stage 1", format="round_robin",
                             settings={"withdrawn_results": rule})
    view = await stage(client, first["id"])
    # team 4 forfeits to 1 and 2 and loses to 3: it played 1 of 3 matches
    for a, b in ((0, 3), (1, 3)):
        m = pair(view, t[a], t[b])
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "forfeit": 1 if m["teams"][0] == t[3] else 2}, headers=AUTH)
        assert r.status_code == 200, r.text
    for a, b in ((2, 3), (0, 1), (0, 2), (1, 2)):
        await win(client, view, t[a], t[b])
    finished = await stage(client, first["id"])
    assert finished["status"] == "completed"
    before = tables(finished, t)
    assert before == ([(1, 1, 9, 3, 0, False), (2, 2, 6, 2, 1, False),
                       (3, 3, 3, 1, 2, False), (4, 4, 0, 0, 3, False)], set())

    second = await make_stage(client, event, name="Stage 2", format="round_robin",
                              settings={"withdrawn_results": rule})
    view = await stage(client, second["id"])
    await win(client, view, t[0], t[3])  # team 4 plays 1 of 3 here, then withdraws
    await win(client, view, t[1], t[2])
    r = await client.post(f"/api/teams/{t[3]}/withdraw", json={}, headers=AUTH)
    assert r.status_code == 200, r.text
    await win(client, view, t[2], t[0])
    await win(client, view, t[0], t[1])

    assert tables(await stage(client, first["id"]), t) == before
    # stage 2 as if team 4 never entered: 1 beat 2, 2 beat 3, 3 beat 1
    annulled = ([(1, 1, 3, 1, 1, False), (2, 1, 3, 1, 1, False), (3, 1, 3, 1, 1, False),
                 (4, 4, 0, 0, 0, True)], {1, 2, 3, 4})
    rows, struck = tables(await stage(client, second["id"]), t)
    assert (sorted(rows), struck) == annulled

    # the export carries when it withdrew: the imported tournament reads the same
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    (withdrawn,) = [x for x in doc["events"][0]["teams"] if x["withdrawn"]]
    assert withdrawn["withdrawn_at"] is not None
    doc["tournament"]["slug"] = event["slug"] + "-copy"
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 201, r.text
    copy = (await client.get(f"/api/tournaments/{event['slug']}-copy/events/lol")).json()
    ids = [x["id"] for x in copy["teams"]]
    first_copy, second_copy = [await stage(client, s["id"]) for s in copy["stages"]]
    assert tables(first_copy, ids) == before
    rows, struck = tables(second_copy, ids)
    assert (sorted(rows), struck) == annulled
