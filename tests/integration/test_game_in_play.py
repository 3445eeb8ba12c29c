"""A game in play: the last game of a live match sent with ``"live": true`` is shown
(``game_in_play``) but never counted: not in the series score, not a win, not in the
standings; completing the match, or sending the game without the flag, ends it."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.helpers import AUTH, make_event, make_stage, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


def code(r: httpx.Response, status: int) -> str:
    assert r.status_code == status, r.text
    return str(r.json()["error"]["code"])


async def league_match(client: httpx.AsyncClient) -> tuple[dict[str, Any], str]:
    """A one-game football league match (draws allowed) and its address."""
    event = await make_event(client, 2)
    st = await make_stage(client, event, format="round_robin",
                          settings={"allow_draws": True, "game_score": "goals"})
    st["slug"] = event["slug"]
    return st, f"/api/matches/{st['matches'][0]['id']}"


async def series(client: httpx.AsyncClient, best_of: int = 3) -> str:
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": best_of})
    return f"/api/matches/{st['matches'][0]['id']}"


async def test_a_live_goal_of_a_one_game_match_is_shown_not_counted(client):
    st, url = await league_match(client)
    r = await client.patch(url, json={"games": [{"score": [1, 0], "live": True}],
                                      "status": "live"}, headers=AUTH)
    assert r.status_code == 200, r.text
    m = r.json()
    assert (m["status"], m["score"], m["games"], m["game_in_play"], m["winner"], m["draw"]) \
        == ("live", [0, 0], [[1, 0]], True, None, False)
    read = (await client.get(url)).json()
    assert (read["games"], read["game_in_play"], read["score"]) == ([[1, 0]], True, [0, 0])
    rows = {row["team_id"]: row for row in (await stage(client, st["id"]))["standings"]}
    assert [(row["wins"], row["losses"], row["draws"]) for row in rows.values()] \
        == [(0, 0, 0), (0, 0, 0)]
    results = (await client.get(f"/api/tournaments/{st['slug']}/events/lol/results")).json()
    assert [(x["score1"], x["score2"], x["games"], x["status"], x["game_in_play"])
            for x in results["items"]] == [(0, 0, "1-0", "live", True)]
    # the next goal replaces the score in play; the status may be left out
    r = await client.patch(url, json={"games": [{"score": [1, 1], "live": True}]},
                           headers=AUTH)
    assert (r.json()["games"], r.json()["game_in_play"], r.json()["status"]) \
        == ([[1, 1]], True, "live")


async def test_the_kick_off_0_0_may_be_in_play_where_no_game_may_be_tied(client):
    url = await series(client, 1)
    r = await client.patch(url, json={"games": [{"score": [0, 0], "live": True}],
                                      "status": "live"}, headers=AUTH)
    assert (r.status_code, r.json()["games"], r.json()["game_in_play"]) \
        == (200, [[0, 0]], True)


async def test_completing_the_match_ends_the_game_in_play(client):
    st, url = await league_match(client)
    await client.patch(url, json={"games": [{"score": [2, 1], "live": True}],
                                  "status": "live"}, headers=AUTH)
    r = await client.patch(url, json={"status": "completed"}, headers=AUTH)
    m = r.json()
    assert (r.status_code, m["status"], m["score"], m["games"], m["game_in_play"],
            m["winner"]) == (200, "completed", [1, 0], [[2, 1]], False, 1)
    team1, team2 = st["matches"][0]["teams"]
    rows = {row["team_id"]: row for row in (await stage(client, st["id"]))["standings"]}
    assert (rows[team1]["wins"], rows[team1]["goals_for"], rows[team2]["losses"]) == (1, 2, 1)


async def test_a_level_game_in_play_ends_as_a_draw_where_draws_are_allowed(client):
    _, url = await league_match(client)
    await client.patch(url, json={"games": [{"score": [1, 1], "live": True}],
                                  "status": "live"}, headers=AUTH)
    r = await client.patch(url, json={"status": "completed"}, headers=AUTH)
    assert (r.json()["draw"], r.json()["games"], r.json()["game_in_play"]) \
        == (True, [[1, 1]], False)


async def test_the_games_sent_without_the_flag_finish_the_game(client):
    url = await series(client, 3)
    r = await client.patch(url, json={"games": [[13, 9], {"score": [12, 11], "live": True,
                                                          "map": "Ascent"}],
                                      "status": "live"}, headers=AUTH)
    assert (r.json()["score"], r.json()["games"], r.json()["maps"], r.json()["game_in_play"]) \
        == ([1, 0], [[13, 9], [12, 11]], [None, "Ascent"], True)
    r = await client.patch(url, json={"games": [[13, 9], {"score": [14, 12], "map": "Ascent"}],
                                      "status": "completed"}, headers=AUTH)
    assert (r.json()["score"], r.json()["winner"], r.json()["game_in_play"]) \
        == ([2, 0], 1, False)


async def test_a_score_only_live_update_keeps_or_drops_the_game_in_play(client):
    url = await series(client, 3)
    await client.patch(url, json={"games": [[13, 9], {"score": [5, 3], "live": True}],
                                  "status": "live"}, headers=AUTH)
    r = await client.patch(url, json={"score": [1, 0], "status": "live"}, headers=AUTH)
    assert (r.json()["games"], r.json()["game_in_play"]) == ([[13, 9], [5, 3]], True)
    r = await client.patch(url, json={"score": [1, 1], "status": "live"}, headers=AUTH)
    assert (r.json()["games"], r.json()["game_in_play"], r.json()["score"]) \
        == ([], False, [1, 1])


LIVE = {"score": [1, 0], "live": True}


@pytest.mark.parametrize("body, expected, field", [
    ({"games": [LIVE, [1, 0]], "status": "live"}, "live_game_not_last", "games"),
    ({"games": [[0, 1], LIVE], "status": "completed"}, "live_game_needs_live_match", "games"),
    ({"games": [[0, 1], LIVE], "status": "ready"}, "live_game_needs_live_match", "games"),
    # the series was decided before the game in play
    ({"games": [[1, 0], [1, 0], LIVE], "status": "live"}, "invalid_games", "games"),
    # the game in play is not in the score
    ({"games": [[1, 0], LIVE], "score": [2, 0], "status": "live"}, "invalid_games", "games"),
    ({"games": [[1, 0], {"score": [1, 0], "live": 1}], "status": "live"}, "invalid_games",
     "games.1.live"),
])
async def test_a_game_in_play_is_refused_where_it_cannot_be(client, body, expected, field):
    url = await series(client, 3)
    before = (await client.get(url)).json()
    r = await client.patch(url, json=body, headers=AUTH)
    assert code(r, 422) == expected
    assert r.json()["error"]["field"] == field
    assert (await client.get(url)).json() == before


async def test_a_completed_match_takes_no_game_in_play(client):
    url = await series(client, 1)
    await client.patch(url, json={"games": [[1, 0]], "status": "completed"}, headers=AUTH)
    r = await client.patch(url, json={"games": [{"score": [2, 0], "live": True}]},
                           headers=AUTH)
    assert code(r, 422) == "live_game_needs_live_match"
    assert (await client.get(url)).json()["games"] == [[1, 0]]


async def test_the_refusals_are_said_in_korean_and_japanese(client):
    from tournament.i18n import gettext
    from tournament.web.error_words import MESSAGES

    said = [gettext(lang)(MESSAGES[key]) for lang in ("ko", "ja")
            for key in ("live_game_not_last", "live_game_needs_live_match")]
    assert said == ["마지막 세트만 진행 중일 수 있습니다. 그 앞의 세트는 끝난 세트입니다.",
                    "진행 중인 세트는 경기가 진행 중일 때만 저장할 수 있습니다. 경기를 끝내려면 "
                    "세트를 끝난 세트로 저장하세요.",
                    "進行中にできるのは最後のゲームだけです。それより前のゲームは終了したゲームです。",
                    "進行中のゲームは試合が進行中のときだけ保存できます。試合を終えるには、ゲームを"
                    "終了したゲームとして保存してください。"]


@pytest.mark.parametrize("lang, said", [("en", "Game 2 in play 12 11"),
                                        ("ko", "2세트 진행 중 12 11"),
                                        ("ja", "第2ゲーム 進行中 12 11")])
async def test_the_match_page_names_the_game_in_play_beside_the_series_score(
        client, lang, said):
    url = await series(client, 3)
    await client.patch(url, json={"games": [[13, 9], {"score": [12, 11], "live": True}],
                                  "status": "live"}, headers=AUTH)
    page = soup((await client.get(url.removeprefix("/api") + f"?lang={lang}")).text)
    rows = [" ".join(td.get_text(" ", strip=True) for td in tr.find_all(["th", "td"]))
            for tr in page.select("[data-games] tbody tr")]
    assert rows[1:] == [said]
    assert [td.get("class") for td in page.select("[data-in-play] td")] \
        == [["num"], ["num"]]  # the game in play is won by no one yet
    hero = page.select_one("[data-hero-score]")
    assert [hero.select_one(f"[data-score-{i}]").get_text() for i in (0, 1)] == ["1", "0"]


async def test_a_one_game_match_shows_its_score_in_play_on_the_stage_and_match_pages(client):
    st, url = await league_match(client)
    await client.patch(url, json={"games": [{"score": [2, 1], "live": True}],
                                  "status": "live"}, headers=AUTH)
    match_id = st["matches"][0]["id"]
    for path in (f"/stages/{st['id']}?lang=en", f"/matches/{match_id}?lang=en"):
        page = soup((await client.get(path)).text)
        card = page.select_one(f'[data-match="{match_id}"]')
        assert card.select_one("[data-badge]").get_text() == "LIVE", path
        if path.startswith("/matches"):
            shown = [card.select_one(f"[data-score-{i}]").get_text() for i in (0, 1)]
        else:
            shown = [x.get_text() for x in card.select("[data-score]")]
        assert shown == ["2", "1"], path
