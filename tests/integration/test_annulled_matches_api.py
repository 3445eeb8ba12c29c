"""A match that ``withdrawn_results`` strikes out says so (``annulled``) in every read of it
and on the live feed, on SQLite and PostgreSQL, and follows the setting, a forfeit
replaced by a played result and a correction as the table does.

The league is test_withdrawn_results_api's: team 4 beats team 1 3-0 and withdraws (its two
other matches forfeited), then 1 beats 2, 3 beats 1, 2 beats 3."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, stage

from .test_feed_standings import events_after, last
from .test_withdrawn_results_api import FOOTBALL, goals, league

pytestmark = pytest.mark.asyncio(loop_scope="session")


def marks(matches: list[dict[str, Any]]) -> dict[frozenset[int], bool]:
    """Each match's ``annulled`` by its pair of teams."""
    return {frozenset(m["teams"]): m["annulled"] for m in matches}


def expected(t: list[int], annulled: bool) -> dict[frozenset[int], bool]:
    """Every pair of the four teams: team 4's three matches ``annulled``, the rest not."""
    return {frozenset((a, b)): annulled and t[3] in (a, b)
            for i, a in enumerate(t) for b in t[i + 1:]}


async def every_read(client: httpx.AsyncClient, slug: str, st: int,
                     t: list[int]) -> dict[str, dict[frozenset[int], bool]]:
    """What each read says of each match: the stage, each match, each team's schedule, the
    list of matches and the event's results export."""
    view = await stage(client, st)
    out = {"stage": marks(view["matches"])}
    out["match"] = marks([(await client.get(f"/api/matches/{m['id']}")).json()
                          for m in view["matches"]])
    for i, team in enumerate(t):
        out[f"team {i + 1}"] = marks((await client.get(f"/api/teams/{team}")).json()["schedule"])
    listed = await client.get("/api/matches", params={"tournament": slug, "stage": st},
                              headers=AUTH)
    assert listed.status_code == 200, listed.text
    out["list"] = marks(listed.json()["items"])
    exported = await client.get(f"/api/tournaments/{slug}/events/lol/results", headers=AUTH)
    assert exported.status_code == 200, exported.text
    pairs = {m["number"]: m["teams"] for m in view["matches"]}
    out["results export"] = marks([{"teams": pairs[r["number"]], "annulled": r["annulled"]}
                                   for r in exported.json()["items"] if r["stage"] == "League"])
    return out


def agree(reads: dict[str, dict[frozenset[int], bool]], t: list[int], annulled: bool) -> None:
    want = expected(t, annulled)
    for name, seen in reads.items():
        assert seen == {k: v for k, v in want.items() if k in seen}, name
    assert set(reads["stage"]) == set(want)
    for i, team in enumerate(t):  # each team's schedule lists its three matches
        assert set(reads[f"team {i + 1}"]) == {k for k in want if team in k}


async def test_every_read_and_the_feed_say_which_matches_are_annulled(client, db_url):
    event, t, st, _ = await league(client, "annul_before_half")
    slug, sid = event["slug"], st["id"]
    agree(await every_read(client, slug, sid, t), t, True)
    # the feed's last word on each match is what GET says
    sent = await events_after(db_url, slug, 0)
    last_view: dict[int, dict[str, Any]] = {}
    for kind, data in sent:
        if kind == "match.updated":
            last_view[data["id"]] = data
        elif kind == "stage.updated" and data["id"] == sid:
            last_view |= {m["id"]: m for m in data["matches"]}
    assert marks(list(last_view.values())) == expected(t, True)
    # the withdrawal's own stage.updated already says it (the page follows it live)
    withdrawal = next(d for k, d in sent if k == "stage.updated" and d["id"] == sid
                      and any(m["forfeit"] for m in d["matches"]))
    assert marks(withdrawal["matches"]) == expected(t, True)

    # the rule changed to keep: nothing is annulled, said at once on the feed
    seq = await last(client, slug)
    r = await client.patch(f"/api/stages/{sid}", json={
        "settings": {**FOOTBALL, "withdrawn_results": "keep"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert marks(r.json()["matches"]) == expected(t, False)
    agree(await every_read(client, slug, sid, t), t, False)
    moved = [d for k, d in await events_after(db_url, slug, seq) if k == "stage.updated"]
    assert marks(moved[-1]["matches"]) == expected(t, False)

    # and back
    seq = await last(client, slug)
    r = await client.patch(f"/api/stages/{sid}", json={
        "settings": {**FOOTBALL, "withdrawn_results": "annul_before_half"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    agree(await every_read(client, slug, sid, t), t, True)
    moved = [d for k, d in await events_after(db_url, slug, seq) if k == "stage.updated"]
    assert marks(moved[-1]["matches"]) == expected(t, True)

    # a change of an annulled match that moves no table (its venue): the answer and its
    # match.updated still say annulled
    view = await stage(client, sid)
    played = next(m for m in view["matches"] if set(m["teams"]) == {t[3], t[0]})
    seq = await last(client, slug)
    r = await client.patch(f"/api/matches/{played['id']}", json={"venue": "Hall B"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["annulled"] is True
    updates = [d for k, d in await events_after(db_url, slug, seq) if k == "match.updated"]
    assert [(d["id"], d["annulled"]) for d in updates] == [(played["id"], True)]

    # the forfeit of 4 v 3 cannot be taken back (a withdrawn team plays no more:
    # test_withdrawn_reopen.py), nothing changes; replaced by the result it was played
    # with (3 wins), 4 has played 2 of 3 and its results stand again
    walkover = next(m for m in view["matches"] if set(m["teams"]) == {t[3], t[2]})
    r = await client.patch(f"/api/matches/{walkover['id']}", json={"status": "ready"},
                           headers=AUTH)
    assert r.status_code == 409, r.text
    assert r.json()["error"]["code"] == "withdrawn_team_cannot_play"
    agree(await every_read(client, slug, sid, t), t, True)
    seq = await last(client, slug)
    answer = await goals(client, sid, t[2], t[3], (1, 0), walkover)
    assert answer["annulled"] is False
    agree(await every_read(client, slug, sid, t), t, False)
    sent = await events_after(db_url, slug, seq)
    assert [(d["id"], d["annulled"]) for k, d in sent if k == "match.updated"] == [
        (walkover["id"], False)]
    moved = [d for k, d in sent if k == "stage.updated"]
    assert marks(moved[-1]["matches"]) == expected(t, False)


async def test_a_kept_league_and_other_formats_annul_nothing(client):
    event, t, st, _ = await league(client, "keep")
    agree(await every_read(client, event["slug"], st["id"], t), t, False)


async def test_the_schema_requires_it(client):
    schema = (await client.get("/api/openapi.json")).json()
    match = schema["components"]["schemas"]["Match"]
    assert match["properties"]["annulled"]["type"] == "boolean"
    assert "annulled" in match["required"]
