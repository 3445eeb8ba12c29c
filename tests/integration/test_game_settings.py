"""What a game of a stage is: ``game_score: "winner"`` (a game has only a winner, as in League
of Legends: the pages show its winner, never "1세트 0 – 1") and ``game_first_to`` (the
rounds or points that win a game: Tekken 8's 3; the referee console asks before saving a
game short of it). A review found League of Legends asked for a score in each game, and a
Tekken game saved at 1–0 rounds with no question."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_game_first_to_counts_rounds_or_points_and_nothing_else(client):
    event = await make_event(client, 2)
    url = f"/api/tournaments/{event['slug']}/events/{event['event']}/stages"
    for settings in ({"game_score": "goals", "game_first_to": 3},
                     {"game_score": "winner", "game_first_to": 3},
                     {"game_score": "rounds", "game_first_to": 0},
                     {"game_score": "rounds", "game_first_to": "3"}):
        r = await client.post(url, json={"name": "Top 2", "format": "single_elimination",
                                         "seeding": event["teams"], "settings": settings},
                              headers=AUTH)
        assert r.status_code == 422, (settings, r.text)
        assert r.json()["error"]["field"] == "settings.game_first_to", settings
    r = await client.post(url, json={"name": "Lobby", "format": "free_for_all",
                                     "seeding": event["teams"],
                                     "settings": {"game_first_to": 3}}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == "settings.game_first_to"
    st = await make_stage(client, event, settings={"best_of": 5, "game_score": "rounds",
                                                   "game_first_to": 3})
    assert (st["settings"]["game_score"], st["settings"]["game_first_to"]) == ("rounds", 3)


@pytest.mark.parametrize(("lang", "won"), [("ko", "승"), ("ja", "勝"), ("en", "W")])
async def test_a_winner_only_game_shows_its_winner_not_a_score(client, lang, won):
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3, "game_score": "winner"})
    m = st["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [[0, 1], [1, 0]], "status": "live"}, headers=AUTH)
    assert r.status_code == 200, r.text
    for path in (f"/matches/{m['id']}", f"/overlay/matches/{m['id']}"):
        page = soup((await client.get(f"{path}?lang={lang}")).text)
        rows = [[td.get_text(strip=True) for td in tr.select("td.num")]
                for tr in page.select("[data-games] tr:has(td.num)")]
        assert rows == [["", won], [won, ""]], (path, rows)
        # the winner's cell is marked as won, as a scored game's is
        marked = [[("won" in td["class"]) for td in tr.select("td.num")]
                  for tr in page.select("[data-games] tr:has(td.num)")]
        assert marked == [[False, True], [True, False]]
