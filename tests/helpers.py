"""Building tournaments through the public API, as an organizer would."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

ADMIN = "test-admin-token"
AUTH = {"Authorization": f"Bearer {ADMIN}"}


def unique(prefix: str = "t") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


async def make_event(client: httpx.AsyncClient, teams: int = 8,
                     nations: tuple[str, ...] = ("KR", "JP")) -> dict[str, Any]:
    slug = unique()
    r = await client.post("/api/tournaments", json={"slug": slug, "name": "Cup",
                                                    "names": {"ko": "컵", "ja": "カップ"}},
                          headers=AUTH)
    assert r.status_code == 201, r.text
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "lol", "name": "League of Legends", "game": "League of Legends"}, headers=AUTH)
    assert r.status_code == 201, r.text
    ids = []
    for i in range(teams):
        r = await client.post(f"/api/tournaments/{slug}/events/lol/teams", json={
            "name": f"Team {i + 1}", "names": {"ko": f"팀 {i + 1}", "ja": f"チーム{i + 1}"},
            "nation": nations[i % len(nations)], "seed": i + 1,
            "players": [{"handle": f"p{i}a"}, {"handle": f"p{i}b", "names": {"ko": "선수"}}]},
            headers=AUTH)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    return {"slug": slug, "event": "lol", "teams": ids}


async def make_stage(client: httpx.AsyncClient, event: dict[str, Any],
                     **body: Any) -> dict[str, Any]:
    payload = {"name": "Playoffs", "format": "single_elimination",
               "seeding": event["teams"], **body}
    r = await client.post(f"/api/tournaments/{event['slug']}/events/{event['event']}/stages",
                          json=payload, headers=AUTH)
    assert r.status_code == 201, r.text
    return dict(r.json())


def by_number(stage: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {m["number"]: m for m in stage["matches"]}


async def report(client: httpx.AsyncClient, match_id: int, score: list[int],
                 status: str = "completed", **headers: str) -> httpx.Response:
    return await client.patch(f"/api/matches/{match_id}",
                              json={"score": score, "status": status},
                              headers={**AUTH, **headers})


async def stage(client: httpx.AsyncClient, stage_id: int) -> dict[str, Any]:
    r = await client.get(f"/api/stages/{stage_id}")
    assert r.status_code == 200
    return dict(r.json())


async def play_out(client: httpx.AsyncClient, stage_id: int, pick: Any = None,
                   limit: int = 2000) -> dict[str, Any]:
    """Report every ready match (side ``pick(match)`` wins, default side 1) until the stage
    is completed; returns the final stage view."""
    for _ in range(limit):
        view = await stage(client, stage_id)
        if view["status"] == "completed":
            return view
        ready = [m for m in view["matches"] if m["status"] in ("ready", "live")]
        assert ready, "stage is stuck: nothing ready but not completed"
        for m in ready:
            side = pick(m) if pick else 1
            need = m["best_of"] // 2 + 1
            score = [need, 0] if side == 1 else [0, need]
            r = await report(client, m["id"], score)
            assert r.status_code == 200, r.text
    raise AssertionError("stage did not finish")


def soup(html: str) -> Any:
    """The page parsed, to assert on what is rendered (elements, visible text)."""
    from bs4 import BeautifulSoup

    return BeautifulSoup(html, "html.parser")


def visible_text(html: str) -> str:
    """What a reader sees: the text outside scripts and styles; a ``<wbr>`` (a place a
    name may break, phrases.py) joins its two sides as a browser shows them."""
    page = soup(html)
    for hidden in page(["script", "style", "template", "wbr"]):
        hidden.decompose()
    page.smooth()  # the text on either side of a removed <wbr>: one string again
    return " ".join(page.get_text(" ").split())


async def until(predicate: Any, timeout: float = 10.0, what: str = "") -> None:
    """Poll ``predicate()`` until it is true. ``timeout`` only bounds a hang (a loaded
    machine is no reason to fail); it is not a timing assertion."""
    import asyncio
    import time

    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"never happened: {what or predicate}"
        await asyncio.sleep(0.005)
