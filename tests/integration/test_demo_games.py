"""The demo shows its series game by game, as a broadcast does: the live match of every
event has its games (a lobby: its games played), and every series' score is the games it
lists won (the game in play counts nowhere). The League of Legends and Tekken 8 matches held
only a series score; the live VALORANT (best of one) and eFootball ones showed 0-0 and no
game at all."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import httpx
import pytest
import pytest_asyncio

from tests.helpers import soup, visible_text
from tournament.app import create_app
from tournament.config import Settings

# its tests share the demo loaded once (``conftest.demo_url``) with e2e/test_phone_width.py:
# one worker runs them all (``--dist loadgroup`` in pyproject.toml)
pytestmark = [pytest.mark.asyncio(loop_scope="session"), pytest.mark.long(10),
              pytest.mark.xdist_group("demo")]


@pytest_asyncio.fixture(scope="module", loop_scope="session")
async def demo(demo_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """The demo as ``run.py --demo`` loads it (``conftest.demo_url``), read through the app."""
    app = create_app(Settings(database_url=demo_url))
    lifespan = app.router.lifespan_context(app)
    await lifespan.__aenter__()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://testserver") as client:
        yield client
    await lifespan.__aexit__(None, None, None)


async def _matches(client: httpx.AsyncClient, slug: str) -> list[dict[str, Any]]:
    found, cursor = [], None
    while True:
        page = (await client.get("/api/matches", params={
            "tournament": slug, "limit": 200, **({"cursor": cursor} if cursor else {})})).json()
        found += page["items"]
        cursor = page.get("next")
        if not cursor:
            return found


def _won(match: dict[str, Any]) -> list[int]:
    """The series score its finished games add up to."""
    games = match["games"][:-1] if match["game_in_play"] else match["games"]
    return [sum(g[0] > g[1] for g in games), sum(g[1] > g[0] for g in games)]


async def test_every_live_match_has_its_games_and_every_score_is_its_games_won(demo):
    (listed,) = (await demo.get("/api/tournaments")).json()
    slug = listed["slug"]
    events = (await demo.get(f"/api/tournaments/{slug}")).json()["events"]
    event_of = {}
    for e in events:
        for st in (await demo.get(f"/api/tournaments/{slug}/events/{e['slug']}")).json()["stages"]:
            event_of[st["id"]] = e["slug"]
    matches = await _matches(demo, slug)
    live = {event_of[m["stage_id"]]: m for m in matches if m["status"] == "live"}
    assert set(live) == {"lol", "valorant", "efootball", "tekken8", "pubgm"}
    assert len(live["pubgm"]["placings"]) == 3  # a lobby's games: three of six played
    for event in ("lol", "valorant", "efootball", "tekken8"):
        m = live[event]
        assert m["games"], (event, m)
        assert m["score"] == _won(m), (event, m)
    # the game under way: Tekken's next game at its rounds so far, VALORANT's map in play,
    # eFootball's one game; League of Legends lists its finished games only
    assert (live["tekken8"]["game_in_play"], live["valorant"]["game_in_play"],
            live["efootball"]["game_in_play"], live["lol"]["game_in_play"]) == (
        True, True, True, False)
    assert live["valorant"]["maps"][-1]  # the map in play is named
    assert all(g in ([1, 0], [0, 1]) for g in live["lol"]["games"])  # each game's winner
    # every series played (not a bye) lists its games, and they add up to its score
    played = [m for m in matches if m["status"] == "completed" and "placings" not in m
              and all(m["teams"])]
    wrong = [(event_of[m["stage_id"]], m["number"], m["score"], m["games"]) for m in played
             if not m["games"] or m["score"] != _won(m)]
    assert wrong == []
    # nothing still to come is planned before the live match of its stage began (the Swiss
    # round's other matches waited beside it, "up next" at a time already gone)
    began = {m["stage_id"]: m["scheduled_at"] for m in live.values()}
    early = [(event_of[m["stage_id"]], m["number"], m["scheduled_at"]) for m in matches
             if m["status"] in ("ready", "pending") and m["scheduled_at"] and m["stage_id"] in began
             and datetime.fromisoformat(m["scheduled_at"])
             <= datetime.fromisoformat(began[m["stage_id"]])]
    assert early == []
    # ... and the live League of Legends match's page lists them, game by game, each by
    # its winner (a game of League of Legends has no score: not "Game 1 0 1")
    m = live["lol"]
    page = soup((await demo.get(f"/matches/{m['id']}?lang=en")).text)
    rows = [[td.get_text(strip=True) for td in tr.select("td.num")]
            for tr in page.select("[data-games] tbody tr")]
    assert rows == [["W" if g[0] > g[1] else "", "W" if g[1] > g[0] else ""]
                    for g in m["games"]]


async def test_every_station_of_the_demo_is_listed_and_named_in_ko_and_ja(demo):
    """Every station a demo match or round plan is on is in the tournament's list with its
    Korean and Japanese names, so a spectator reads the live match's in their language."""
    (listed,) = (await demo.get("/api/tournaments")).json()
    t = (await demo.get(f"/api/tournaments/{listed['slug']}")).json()
    names = {s["name"]: s["names"] for s in t["stations"]}
    matches = await _matches(demo, listed["slug"])
    used = {m["station"] for m in matches if m["station"]}
    assert used <= set(names) and all(names[s].keys() >= {"ko", "ja"} for s in used)
    live = next(m for m in matches if m["status"] == "live" and m["station"] == "Main stage")
    for lang, said in (("ko", "메인 무대"), ("ja", "メインステージ")):
        page = soup((await demo.get(f"/matches/{live['id']}?lang={lang}")).text)
        assert visible_text(str(page.select_one("[data-where]"))).endswith(said), lang


async def test_the_demo_says_what_a_game_is_in_each_event(demo):
    """League of Legends games have only a winner (its pages said "1세트 0 – 1" and its
    console asked for a score); a Tekken 8 game is won at 3 rounds and a VALORANT map at
    13, so the console asks before saving a game short of that (a review saved one at 1–0)."""
    (listed,) = (await demo.get("/api/tournaments")).json()
    slug = listed["slug"]
    said = {}
    for event in ("lol", "tekken8", "valorant"):
        for st in (await demo.get(f"/api/tournaments/{slug}/events/{event}")).json()["stages"]:
            settings = (await demo.get(f"/api/stages/{st['id']}")).json()["settings"]
            said[(event, st["name"])] = (settings.get("game_score"),
                                         settings.get("game_first_to"))
    assert said == {("lol", "Group stage"): ("winner", None),
                    ("lol", "Playoffs"): ("winner", None),
                    ("tekken8", "Top 6"): ("rounds", 3),
                    ("valorant", "Swiss stage"): ("rounds", 13)}
    # every finished game of the demo reaches what wins it
    matches = await _matches(demo, slug)
    tekken = [m for m in matches if m["best_of"] == 5 and m["games"] and len(m["teams"]) == 2
              and m["stage_id"] in {st["id"] for st in (await demo.get(
                  f"/api/tournaments/{slug}/events/tekken8")).json()["stages"]}]
    assert tekken and all(max(g) >= 3 for m in tekken
                          for g in (m["games"][:-1] if m["game_in_play"] else m["games"]))
