"""A team that withdraws during a later stage leaves a stage it had finished as it stood
(``withdrawal.counted_out``, ``stage.completed_at``): its place, its status (advanced or
eliminated), the event places that stage gives and the seeding of the stage it fed stay
what they were, through the API and on the stage page, and a correction of the finished
stage that moves nobody is not refused for the teams it fed (it was, as the withdrawn team
had dropped below the teams still in). A team that withdraws while the stage runs is still
placed below them. The export carries when the stage completed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_event, make_stage, play_out, report, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


def _low(m: dict[str, Any]) -> int:
    """The team with the lower id wins (a group's order, no cycle)."""
    return 1 if m["teams"][0] < m["teams"][1] else 2


def rows(view: dict[str, Any]) -> list[tuple[int, int, int, str]]:
    return [(r["group"], r["rank"], r["team_id"], r["status"]) for r in view["standings"]]


async def page_rows(client: httpx.AsyncClient, stage_id: int) -> list[tuple[str, str, str]]:
    """The stage page's tables: each row's team, place as written, and status class."""
    page = soup((await client.get(f"/stages/{stage_id}?lang=ko")).text)
    return [(tr["data-team"], tr.select_one("[data-place]").get_text(strip=True),
             " ".join(c for c in tr["class"] if c.startswith("st-")))
            for tr in page.select("table[data-standings] tr[data-team]")]


async def placements(client: httpx.AsyncClient, slug: str) -> dict[int, int]:
    event = (await client.get(f"/api/tournaments/{slug}/events/lol")).json()
    return {p["team_id"]: p["rank"] for p in event["placements"]}


async def withdraw(client: httpx.AsyncClient, team: int) -> None:
    r = await client.post(f"/api/teams/{team}/withdraw", json={}, headers=AUTH)
    assert r.status_code == 200, r.text


async def test_a_finished_stage_keeps_its_order_when_a_team_withdraws_later(client):
    event = await make_event(client, 8)
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"groups": 2, "advance": 2, "best_of": 3})
    playoffs = await make_stage(client, event, name="Playoffs",
                                seeding={"from_stage": groups["id"], "qualifiers": 2})
    done = await play_out(client, groups["id"], pick=_low)
    table = rows(done)
    [(_, _, winner, _)] = [r for r in table if r[:2] == (1, 1)]
    [(_, _, third, _)] = [r for r in table if r[:2] == (1, 3)]
    assert [r[3] for r in table if r[0] == 1] == [
        "advanced", "advanced", "eliminated", "eliminated"]
    fed = (await stage(client, playoffs["id"]))["seeding"]
    assert winner in fed
    page = await page_rows(client, groups["id"])
    places = await placements(client, event["slug"])
    assert places[third] == 5  # the group thirds share 5th

    # a playoff match without the group winner is played; then the group winner withdraws
    # (it forfeits its playoff match) and so does the team that went out 3rd
    view = await stage(client, playoffs["id"])
    [other] = [m for m in view["matches"] if m["round"] == 1 and winner not in m["teams"]][:1]
    assert (await report(client, other["id"], [1, 0])).status_code == 200
    await withdraw(client, winner)
    await withdraw(client, third)

    assert rows(await stage(client, groups["id"])) == table
    assert (await stage(client, playoffs["id"]))["seeding"] == fed
    assert await page_rows(client, groups["id"]) == page
    assert {t: r for t, r in (await placements(client, event["slug"])).items()
            if t not in fed} == {t: r for t, r in places.items() if t not in fed}

    # a correction of the finished groups that moves nobody (2-0 read 2-1) is taken: the
    # playoffs keep the teams the groups sent them
    [won] = [m for m in done["matches"] if winner in m["teams"] and third in m["teams"]]
    score = [2, 1] if won["teams"][0] == winner else [1, 2]
    r = await report(client, won["id"], score)
    assert r.status_code == 200, r.text
    assert rows(await stage(client, groups["id"])) == table
    assert (await stage(client, playoffs["id"]))["seeding"] == fed

    # the export carries when the groups completed: the copy reads the same
    doc = (await client.get(f"/api/tournaments/{event['slug']}/export")).json()
    assert doc["events"][0]["stages"][0]["completed_at"] is not None
    doc["tournament"]["slug"] = event["slug"] + "-copy"
    r = await client.post("/api/tournaments/import", json=doc, headers=AUTH)
    assert r.status_code == 201, r.text
    copy = (await client.get(f"/api/tournaments/{event['slug']}-copy/events/lol")).json()
    ids = dict(zip(event["teams"], [t["id"] for t in copy["teams"]], strict=True))
    copied = await stage(client, copy["stages"][0]["id"])
    assert rows(copied) == [(g, rank, ids[t], s) for g, rank, t, s in table]


async def test_a_team_withdrawing_while_the_stage_runs_is_still_placed_below(client):
    event = await make_event(client, 4)
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"advance": 2})
    view = await stage(client, league["id"])
    top = min(event["teams"])
    for m in view["matches"]:
        if top in m["teams"]:
            r = await report(client, m["id"], [1, 0] if m["teams"][0] == top else [0, 1])
            assert r.status_code == 200, r.text
    await withdraw(client, top)  # it has played all of its matches, the others have not
    done = await play_out(client, league["id"], pick=_low)
    assert [(r["team_id"], r["rank"], r["status"]) for r in done["standings"]][-1] == (
        top, 4, "eliminated")
