"""A team's page says where the team stands in each stage it plays, as the stage's own
standings say it (place, record or points, through or out), in the page's language; the
team review found no record, place or status anywhere on it until the event's final place."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.helpers import AUTH, make_event, make_stage, report, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")


def standing(html: str) -> list[str]:
    # as read: a no-break space (a " · " kept with what follows it) is a space
    return [" ".join(li.get_text(" ").split()) for li in soup(html).select("[data-standing] li")]


async def test_the_team_page_gives_its_place_record_and_status_in_each_stage(client):
    event = await make_event(client, 4)
    a, b, c, d = event["teams"]
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              names={"ko": "조별 리그", "ja": "グループ"},
                              settings={"advance": 2, "allow_draws": True})
    final = await make_stage(client, event, name="Final", names={"ko": "결승"},
                             seeding={"from_stage": groups["id"], "qualifiers": 2})
    page = (await client.get(f"/teams/{a}", params={"lang": "ko"})).text
    # nothing played: no place (every team would read 1st), no final stage yet
    assert standing(page) == ["조별 리그 · 0승 0무 0패 · 승점 0 · 생존"]
    results = {frozenset((a, b)): [1, 0], frozenset((c, d)): [1, 1], frozenset((a, c)): [2, 0],
               frozenset((b, d)): [0, 1], frozenset((a, d)): [0, 0], frozenset((b, c)): [1, 0]}
    for m in (await stage(client, groups["id"]))["matches"]:
        goals = results[frozenset(m["teams"])]  # from the lower team id's side (a < b < c < d)
        mine = goals if m["teams"][0] == min(m["teams"]) else goals[::-1]
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "games": [mine], "status": "completed"}, headers=AUTH)
        assert r.status_code == 200, r.text
    # a: W W D = 7; d: D W D = 5; b: L L W = 3; c: D L L = 1
    table = {r["team_id"]: (r["rank"], r["points"], r["status"])
             for r in (await stage(client, groups["id"]))["standings"]}
    assert table == {a: (1, 7, "advanced"), d: (2, 5, "advanced"), b: (3, 3, "eliminated"),
                     c: (4, 1, "eliminated")}
    assert standing((await client.get(f"/teams/{a}", params={"lang": "ko"})).text) == [
        "조별 리그 · 1위 · 2승 1무 0패 · 승점 7 · 진출", "결승 · 0승 0패 · 생존"]
    assert standing((await client.get(f"/teams/{c}", params={"lang": "ja"})).text) == [
        "グループ · 4位 · 0勝1分2敗 · 勝ち点1 · 敗退"]
    (decider,) = (await stage(client, final["id"]))["matches"]
    assert (await report(client, decider["id"], [0, 1] if decider["teams"][0] == a
                         else [1, 0])).status_code == 200  # d wins the final
    # the event's last stage sends nobody anywhere: its finalist is its runner-up
    # (test_team_pages.py::test_the_champion_of_the_last_stage_is_champion_not_advanced)
    assert standing((await client.get(f"/teams/{a}", params={"lang": "en"})).text) == [
        "Groups · 1st · 2 W 1 D 0 L · 7 points · Advanced", "Final · 2nd · 0 W 1 L · Runner-up"]
    assert standing((await client.get(f"/teams/{d}", params={"lang": "ko"})).text) == [
        "조별 리그 · 2위 · 1승 2무 0패 · 승점 5 · 진출", "결승 · 1위 · 1승 0패 · 우승"]


async def test_an_opponent_not_known_yet_is_named_by_the_match_that_decides_it(client):
    """The team's next match, its schedule and its calendar said "To be decided" for the
    final while the other semifinal was still to play; they name that semifinal."""
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    semis = sorted(st["matches"], key=lambda m: m["number"])[:2]
    winner = semis[0]["teams"][0]
    assert (await report(client, semis[0]["id"], [1, 0])).status_code == 200
    page = soup((await client.get(f"/teams/{winner}", params={"lang": "ko"})).text)
    final = max(st["matches"], key=lambda m: m["number"])
    row = page.select_one(f'table.schedule tr[data-match="{final["id"]}"] [data-opponent]')
    assert row.get_text(strip=True) == "M2 승자"
    box = page.select_one(f'[data-next-match] .match[data-match="{final["id"]}"]')
    assert [n.get_text(strip=True) for n in box.select("[data-name]")] == ["팀 1", "M2 승자"]
    feed = Calendar.from_ical((await client.get(f"/teams/{winner}/schedule.ics",
                                                params={"lang": "ja"})).content)
    assert feed.walk("VEVENT") == []  # the feed has scheduled matches only: none yet
    r = await client.patch(f"/api/matches/{final['id']}", json={
        "scheduled_at": "2026-12-01T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200
    feed = Calendar.from_ical((await client.get(f"/teams/{winner}/schedule.ics",
                                                params={"lang": "ja"})).content)
    assert [str(e["summary"]) for e in feed.walk("VEVENT")] == ["チーム1 vs M2の勝者"]


async def test_a_team_in_a_knockout_match_sees_where_each_result_sends_it(client):
    """A team playing a double elimination's first round sees both paths: a win sends it to
    the upper bracket's next match, a loss to the lower bracket's, each with the opponent
    there or what decides it; a finished match shows nothing ahead (team review: a team in
    a live match was not shown its possible next match)."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"grand_final": "reset"})
    a, b, c, d = event["teams"]  # seeds 1-4: M1 is 1 v 4, M2 is 2 v 3
    by_no = {m["number"]: m for m in st["matches"]}
    assert set(by_no[1]["teams"]) == {a, d} and set(by_no[2]["teams"]) == {b, c}
    r = await report(client, by_no[2]["id"], [1, 0])  # seed 2 beats seed 3
    assert r.status_code == 200
    r = await client.patch(f"/api/matches/{by_no[1]['id']}", json={"status": "live"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    page = soup((await client.get(f"/teams/{a}?lang=ko")).text)
    lines = [li.get_text(" ", strip=True) for li in page.select("[data-ahead] li")]
    assert lines == ["M1 승리 시 → M3 · 승자조 결승 · vs JP 팀 2",
                     "M1 패배 시 → M4 · 패자조 준결승 · vs KR 팀 3"], lines
    fragment = soup((await client.get(f"/teams/{a}?fragment=schedule&lang=ko")).text)
    assert [li.get_text(" ", strip=True) for li in fragment.select("[data-ahead] li")] == \
        lines  # the part that follows the live feed draws it too
    page = soup((await client.get(f"/teams/{d}?lang=ja")).text)
    lines = [li.get_text(" ", strip=True) for li in page.select("[data-ahead] li")]
    assert lines[0].startswith("M1に勝てば → M3 · 勝者側決勝 · vs")
    # before M2 is played, the opponent is named by the match that decides it
    event2 = await make_event(client, 4)
    st2 = await make_stage(client, event2, format="single_elimination",
                           settings={"third_place_match": True})
    first = next(m for m in st2["matches"] if m["number"] == 1)
    page = soup((await client.get(f"/teams/{first['teams'][0]}?lang=en")).text)
    lines = [li.get_text(" ", strip=True) for li in page.select("[data-ahead] li")]
    assert lines == ["If they win M1 → M3 · Final · vs Winner of M2",
                     "If they lose M1 → M4 · Third place match · vs Loser of M2"], lines
    r = await report(client, first["id"], [1, 0])
    page = soup((await client.get(f"/teams/{first['teams'][0]}?lang=en")).text)
    assert page.select("[data-ahead] li") == []  # played: its next match is in its schedule
