"""Draws and forfeits as pages say them: each team's own side of a result (its page and
calendar feed), goals, a one-game match's result, FF and W in the cross table, a stage's
forfeit score counted in the table, and the referee's forfeit question (players or teams)."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.helpers import AUTH, make_event, make_stage, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_draws_and_goals_read_from_each_teams_side(client):
    event = await make_event(client, 2)
    a, b = event["teams"]
    league = await make_stage(client, event, name="League", format="round_robin", settings={
        "allow_draws": True, "legs": 2, "game_score": "goals"})
    first, second = sorted(league["matches"], key=lambda m: m["number"])
    assert first["teams"] == [a, b] and second["teams"] == [b, a]
    await client.patch(f"/api/matches/{first['id']}", json={
        "games": [[0, 0]], "status": "completed", "scheduled_at": "2026-11-28T19:00:00+09:00"},
        headers=AUTH)
    r = await client.patch(f"/api/matches/{second['id']}", json={
        "games": [[0, 2]], "status": "completed", "scheduled_at": "2026-11-29T19:00:00+09:00"},
        headers=AUTH)
    assert r.json()["winner"] == 2 and r.json()["score"] == [0, 1]
    for team, expected in ((a, [("0–0", "D"), ("2–0", "W")]), (b, [("0–0", "D"), ("0–2", "L")])):
        page = soup((await client.get(f"/teams/{team}?lang=en")).text)
        cells = [c.get_text(" ", strip=True).split() for c in page.select("[data-result]")]
        assert [(c[0], c[1]) for c in cells] == expected, cells
        ics = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics?lang=en")).content)
        descriptions = [str(e.get("description")) for e in ics.walk("VEVENT")]
        assert [d.split("Final score: ")[1] for d in descriptions] == [
            f"{score} {dict(D='Draw', W='Win', L='Loss')[res]}"
            for score, res in expected]
    view = await stage(client, league["id"])
    rows = {r["team_id"]: r for r in view["standings"]}
    assert (rows[a]["goals_for"], rows[a]["goals_against"], rows[a]["goal_difference"]) == (
        2, 0, 2)
    assert (rows[b]["draws"], rows[b]["losses"], rows[b]["points"]) == (1, 1, 1)
    page = soup((await client.get(f"/stages/{league['id']}?lang=ko")).text)
    headers = [th.get_text(strip=True) for th in page.select("table[data-standings] th")]
    assert {"득점", "실점", "득실차"} <= set(headers) and "세트" not in headers
    box = page.select_one(f'[data-match="{first["id"]}"]')
    assert "is-draw" in box["class"] and box.select_one("[data-badge]").get_text() == "무승부"
    # a one-game match's game (shown when it has a map) is its result, as the referee
    # console calls it (not "1게임")
    r = await client.patch(f"/api/matches/{second['id']}", json={
        "games": [{"score": [0, 2], "map": "Camp Nou"}], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    for lang, word in (("ko", "결과"), ("ja", "結果"), ("en", "Result")):
        page = soup((await client.get(f"/matches/{second['id']}?lang={lang}")).text)
        assert [th.get_text(strip=True) for th in page.select(
            "table[data-games] tbody th [data-game-name]")] == [word], lang


async def test_a_forfeit_in_the_cross_table_reads_ff_from_each_side(client):
    event = await make_event(client, 2)
    a, b = event["teams"]
    league = await make_stage(client, event, name="League", format="round_robin", settings={
        "allow_draws": True, "game_score": "goals"})
    (match,) = league["matches"]
    assert match["teams"] == [a, b]
    r = await client.patch(f"/api/matches/{match['id']}", json={
        "scheduled_at": "2026-12-05T10:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.patch(f"/api/matches/{match['id']}", json={"forfeit": 2}, headers=AUTH)
    assert r.status_code == 200 and r.json()["winner"] == 1
    # each team's page and calendar feed, from its own side, say how it was decided: "Final
    # score: 0–FF Win" had no word for walkover; the page said "棄権 0–FF" to the winner
    for team, result, word in ((a, "不戦勝", "Result: Walkover win"),  # not "不戦勝 勝" (K10)
                               (b, "棄権負け", "Result: Forfeit loss")):
        row = soup((await client.get(f"/teams/{team}?lang=ja")).text).select_one(
            f"[data-match='{match['id']}'] [data-result], tr:has(a[href^='/matches/"
            f"{match['id']}']) [data-result]")
        assert row is not None and row.get_text(" ", strip=True) == result
        feed = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics?lang=en")).content)
        (entry,) = [e for e in feed.walk("VEVENT")]
        assert word in str(entry["description"]).splitlines()
        ja = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics?lang=ja")).content)
        assert {"結果：不戦勝", "結果：棄権負け"} & set(
            str(ja.walk("VEVENT")[0]["description"]).splitlines())
    page = soup((await client.get(f"/stages/{league['id']}?lang=ja")).text)
    cells = {(row.select_one("th a")["href"], i): td.get_text(strip=True)
             for row in page.select("table.cross tbody tr")
             for i, td in enumerate(row.select("td")) if "self" not in td.get("class", [])}
    # FF and W (the winner of a walkover: no 0 that read as a lost nil), in the page's language
    assert sorted(cells.values()) == ["勝–棄権", "棄権–勝"]
    assert cells[(f"/teams/{a}?lang=ja", 1)] == "勝–棄権"  # a's row: a won, b forfeited
    assert cells[(f"/teams/{b}?lang=ja", 0)] == "棄権–勝"
    en = soup((await client.get(f"/stages/{league['id']}?lang=en")).text)
    assert sorted(td.get_text(strip=True) for td in en.select("table.cross tbody td a")) == [
        "FF–W", "W–FF"]


async def test_a_stage_forfeit_score_counts_a_walkover_as_3_0_in_the_table(client):
    """``forfeit_score: 3`` (a football league's walkover 3-0): the winner's goals, the
    loser's goals against and both differences count it, in the API and on the page; the
    match still reads FF-0. A bad value is refused and changes nothing."""
    event = await make_event(client, 3)
    a, b, c = event["teams"]
    r = await client.post(f"/api/tournaments/{event['slug']}/events/{event['event']}/stages",
                          json={"name": "Bad", "format": "round_robin", "seeding": [a, b],
                                "settings": {"forfeit_score": -1}}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["field"] == "settings.forfeit_score"
    league = await make_stage(client, event, name="League", format="round_robin", settings={
        "allow_draws": True, "game_score": "goals", "forfeit_score": 3,
        "tiebreakers": ["points", "goal_difference"]})
    by_pair = {frozenset(m["teams"]): m for m in league["matches"]}
    ab, bc = by_pair[frozenset((a, b))], by_pair[frozenset((b, c))]
    r = await client.patch(f"/api/matches/{ab['id']}", json={
        "games": [[2, 1] if ab["teams"][0] == a else [1, 2]], "status": "completed"},
        headers=AUTH)
    assert r.status_code == 200, r.text
    side_b = 1 if bc["teams"][0] == b else 2
    r = await client.patch(f"/api/matches/{bc['id']}", json={"forfeit": side_b}, headers=AUTH)
    assert r.status_code == 200 and r.json()["score"] == [0, 0], r.text
    view = await stage(client, league["id"])
    rows = {row["team_id"]: row for row in view["standings"]}
    assert [(row["team_id"], row["rank"]) for row in view["standings"]] == [(c, 1), (a, 2),
                                                                            (b, 3)]
    assert (rows[c]["goals_for"], rows[c]["goals_against"], rows[c]["goal_difference"]) == \
        (3, 0, 3)
    assert (rows[b]["goals_for"], rows[b]["goals_against"], rows[b]["goal_difference"]) == \
        (1, 5, -4)
    page = soup((await client.get(f"/stages/{league['id']}?lang=ko")).text)
    diff = {int(tr["data-team"]): tr.select("td.num")[-1].get_text(strip=True)
            for tr in page.select("table[data-standings] tbody tr")}
    assert diff == {c: "+3", a: "+1", b: "-4"}
    cells = sorted(td.get_text(strip=True) for td in page.select("table.cross tbody td")
                   if "self" not in td.get("class", []))
    assert "기권–승" in cells and "승–기권" in cells  # FF and W in Korean; the table counts 3–0


async def test_the_referee_console_asks_which_player_forfeits_in_a_one_on_one_event(
        client, app):
    """Tekken and eFootball entrants are players (their standings say 선수): the forfeit
    question said "어느 팀이 기권합니까?" there; a team event still asks about teams."""
    import json

    from tests.accounts_support import browser_for, make_user
    from tests.helpers import unique

    slug = unique("solo")
    assert (await client.post("/api/tournaments", json={"slug": slug, "name": "Solo"},
                              headers=AUTH)).status_code == 201
    assert (await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "tk", "name": "Tekken 8"}, headers=AUTH)).status_code == 201
    ids = []
    for i in range(2):
        r = await client.post(f"/api/tournaments/{slug}/events/tk/teams", json={
            "name": f"Player {i + 1}", "players": [{"handle": f"p{i}"}]}, headers=AUTH)
        assert r.status_code == 201, r.text
        ids.append(r.json()["id"])
    solo = await make_stage(client, {"slug": slug, "event": "tk", "teams": ids})
    event = await make_event(client, 2)  # two players a team
    teams = await make_stage(client, event)
    ref = await make_user(client, role="referee", tournaments=[slug, event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        for st, question in ((solo, "기권할 선수를 고르세요."), (teams, "기권할 팀을 고르세요.")):
            page = await b.client.get(f"/matches/{st['matches'][0]['id']}/referee",
                                      params={"lang": "ko"})
            assert page.status_code == 200
            data = json.loads(soup(page.text).select_one("#console-data").get_text())
            assert data["labels"]["forfeit_who"] == question
