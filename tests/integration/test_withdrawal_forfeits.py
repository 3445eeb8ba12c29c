"""A match forfeited because a team withdrew or was disqualified says so, and a forfeit a
referee entered does not: every view of the match (the API's ``forfeit_reason``, the
match's own history, the match page, the stage's cards, the team page, the overlay, the
calendar feed, the referee console and the referee's list) names the team and what
happened to it, in Korean, Japanese and English.

The bracket: four teams, single elimination. M1 (team 1 – team 4) is played, team 1 wins;
team 1 is disqualified (its final is not ready yet: nothing forfeited); team 2 withdraws,
forfeiting M2 to team 3, who reaches the final, where team 1, disqualified, forfeits. A
result that sends a disqualified team on (no withdrawal in that step) records the forfeit
alike; a referee's forfeit of a team that withdraws later stays a plain one."""

from __future__ import annotations

from typing import Any

import pytest
from icalendar import Calendar

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup, stage

pytestmark = pytest.mark.asyncio(loop_scope="session")

NAMES = {"en": "Team {}", "ko": "팀 {}", "ja": "チーム{}"}
# the cause in full (match page, overlay's title, calendar, referee console), and its word
# (cards, lists)
CAUSE = {"en": {"withdrawn": "Forfeit: {} withdrew",
                "disqualified": "Forfeit: {} was disqualified"},
         "ko": {"withdrawn": "{}의 출전 포기로 기권패",
                "disqualified": "{}의 실격으로 기권패"},
         "ja": {"withdrawn": "{}の出場辞退により棄権負け",
                "disqualified": "{}の失格により棄権負け"}}
WORD = {"en": {"withdrawn": "Withdrawn", "disqualified": "Disqualified"},
        "ko": {"withdrawn": "출전 포기", "disqualified": "실격"},
        "ja": {"withdrawn": "出場辞退", "disqualified": "失格"}}
# ... on the schedule of the team that won by it: the opponent left (it read "부전승 실격")
WON = {"en": {"withdrawn": "Opponent withdrew", "disqualified": "Opponent disqualified"},
       "ko": {"withdrawn": "상대 출전 포기", "disqualified": "상대 실격"},
       "ja": {"withdrawn": "相手の出場辞退", "disqualified": "相手の失格"}}


def said(el: Any) -> str:
    return el.get_text(" ", strip=True)


async def withdraw(client: Any, team: int, reason: str) -> list[int]:
    r = await client.post(f"/api/teams/{team}/withdraw", json={"reason": reason},
                          headers=AUTH)
    assert r.status_code == 200, r.text
    return list(r.json()["forfeited_matches"])


async def bracket(client: Any) -> tuple[dict[str, Any], list[int], dict[int, int]]:
    event = await make_event(client, 4)
    t = event["teams"]
    st = await make_stage(client, event)
    ids = {n: m["id"] for n, m in by_number(st).items()}
    assert [by_number(st)[n]["teams"] for n in (1, 2)] == [[t[0], t[3]], [t[1], t[2]]]
    for n, day in ((2, 20), (3, 21)):  # a time each, for the calendar feed
        r = await client.patch(f"/api/matches/{ids[n]}", json={
            "scheduled_at": f"2026-11-{day}T19:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200, r.text
    assert (await report(client, ids[1], [1, 0])).status_code == 200
    assert await withdraw(client, t[0], "disqualified") == []
    assert await withdraw(client, t[1], "withdrawn") == [ids[2]]
    return event, t, ids


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_every_view_of_a_withdrawal_forfeit_names_the_team_and_why(client, app, lang):
    event, t, ids = await bracket(client)
    name = {team: NAMES[lang].format(t.index(team) + 1) for team in t}
    # match number: (the team that forfeited it, why)
    why = {2: (t[1], "withdrawn"), 3: (t[0], "disqualified")}
    sentence = {n: CAUSE[lang][r].format(name[team]) for n, (team, r) in why.items()}

    view = by_number(await stage(client, (await client.get(
        f"/api/matches/{ids[1]}")).json()["stage_id"]))
    assert view[3]["teams"] == [t[0], t[2]] and view[3]["winner"] == 2
    for n, (team, reason) in why.items():
        m = (await client.get(f"/api/matches/{ids[n]}")).json()
        assert (m["forfeit"], m["teams"][m["forfeited_by"] - 1]) == (True, team)
        assert m["forfeit_reason"] == reason
        # the match's own history: the forfeit, naming the team, why and who did it
        r = await client.get(f"/api/matches/{ids[n]}/audit", headers=AUTH)
        entries = [e for e in r.json()["items"] if e["action"] == "match.withdrawal"]
        assert len(entries) == 1, r.json()["items"]
        (entry,) = entries
        assert entry["after"]["cause"] == {"team": team, "reason": reason,
                                           "action": "team.withdraw"}
        assert entry["after"]["forfeited_by"] == m["forfeited_by"]
        assert entry["before"]["status"] in ("ready", "pending")
        assert entry["actor"]["name"]
    assert (await client.get(f"/api/matches/{ids[1]}")).json()["forfeit_reason"] is None

    for n in (2, 3):  # the match page: the cause in place of a bare "Forfeit"
        page = soup((await client.get(f"/matches/{ids[n]}?lang={lang}")).text)
        meta = page.select_one("section.match-hero .hero-meta")
        assert said(meta.select_one("[data-forfeit-reason]")) == sentence[n]

    page = soup((await client.get(f"/stages/{view[1]['stage_id']}?lang={lang}")).text)
    for n in view:  # the bracket's cards: the word, the sentence as its title
        card = page.select_one(f"a.match[data-match='{ids[n]}']")
        note = card.select_one(".meta [data-forfeit-reason]")
        if n in why:
            assert said(note) == WORD[lang][why[n][1]] and note["title"] == sentence[n]
        else:
            assert note is None

    page = soup((await client.get(f"/teams/{t[2]}?lang={lang}")).text)  # the walkovers' winner
    rows = {int(r["data-match"]): r for r in page.select("table.team-schedule tr[data-match]")}
    assert set(rows) == {ids[2], ids[3]}
    for n in (2, 3):
        note = rows[ids[n]].select_one("td[data-result] [data-forfeit-reason]")
        assert said(note) == WON[lang][why[n][1]] and note["title"] == sentence[n]

    page = soup((await client.get(f"/overlay/matches/{ids[3]}?lang={lang}")).text)
    note = page.select_one(".ov-match .ov-meta [data-forfeit-reason]")
    assert said(note) == WORD[lang]["disqualified"] and note["title"] == sentence[3]
    page = soup((await client.get(f"/overlay/matches/{ids[1]}?lang={lang}")).text)
    assert not page.select("[data-forfeit-reason]")

    r = await client.get(f"/teams/{t[2]}/schedule.ics?lang={lang}")
    entries = {int(str(e["url"]).rsplit("/", 1)[1]): str(e["description"])
               for e in Calendar.from_ical(r.content).walk("VEVENT")}
    assert set(entries) == {ids[2], ids[3]}
    for n in (2, 3):
        assert sentence[n] in entries[ids[n]].splitlines(), entries[ids[n]]

    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        for n in (1, 2, 3):
            page = soup((await b.client.get(f"/matches/{ids[n]}/referee",
                                            params={"lang": lang})).text)
            note = page.select_one(".ref-head [data-forfeit-reason]")
            if n in why:
                assert not note.has_attr("hidden") and said(note) == sentence[n]
            else:
                assert note.has_attr("hidden") and not said(note)
        mine = soup((await b.client.get("/referee", params={"lang": lang})).text)
        items = {int(a["data-match-link"]): a
                 for a in mine.select('[data-group="recent"] a[data-match-link]')}
        assert set(items) == set(ids.values())
        for n, match_id in ids.items():
            note = items[match_id].select_one("[data-forfeit-reason]")
            if n in why:
                assert said(note) == WORD[lang][why[n][1]] and note["title"] == sentence[n]
            else:
                assert note is None


async def test_a_referees_forfeit_keeps_its_label_when_the_team_withdraws_later(client, app):
    """Team 4 forfeits M1 at the referee's word; then it is disqualified: M1 stays a plain
    forfeit (its history has no withdrawal entry), and its pages say only "Forfeit"."""
    event = await make_event(client, 4)
    t = event["teams"]
    ids = {n: m["id"] for n, m in by_number(await make_stage(client, event)).items()}
    r = await client.patch(f"/api/matches/{ids[1]}", json={"forfeit": 2}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["forfeit_reason"] is None
    assert await withdraw(client, t[3], "disqualified") == []
    m = (await client.get(f"/api/matches/{ids[1]}")).json()
    assert (m["forfeited_by"], m["forfeit_reason"]) == (2, None)
    r = await client.get(f"/api/matches/{ids[1]}/audit", headers=AUTH)
    assert [e["action"] for e in r.json()["items"]] == ["match.forfeit"]
    page = soup((await client.get(f"/matches/{ids[1]}?lang=ko")).text)
    meta = page.select_one("section.match-hero .hero-meta")
    assert not meta.select("[data-forfeit-reason]")
    assert "기권" in [said(p) for p in meta.select(".pill")]
    page = soup((await client.get(f"/stages/{m['stage_id']}?lang=ko")).text)
    assert not page.select("[data-forfeit-reason]")
    # the same forfeit sent again keeps a withdrawal's label; a result in its place drops it
    await report(client, ids[2], [1, 0])  # team 2 beats team 3
    assert await withdraw(client, t[1], "withdrawn") == [ids[3]]
    r = await client.patch(f"/api/matches/{ids[3]}", json={"forfeit": 2}, headers=AUTH)
    assert r.json()["forfeit_reason"] == "withdrawn"
    r = await client.patch(f"/api/matches/{ids[3]}", json={"score": [1, 0],
                                                           "status": "completed"},
                           headers=AUTH)
    assert (r.json()["forfeit"], r.json()["forfeit_reason"]) == (False, None)


async def test_a_result_that_sends_a_disqualified_team_on_records_its_forfeit(client):
    """Team 1 wins M1 and is disqualified while the final waits for M2; M2's result sends
    team 3 to the final, which team 1 forfeits then: the final's history says so, by the
    one who entered M2's result."""
    event = await make_event(client, 4)
    t = event["teams"]
    ids = {n: m["id"] for n, m in by_number(await make_stage(client, event)).items()}
    assert (await report(client, ids[1], [1, 0])).status_code == 200
    assert await withdraw(client, t[0], "disqualified") == []
    assert (await report(client, ids[2], [0, 1])).status_code == 200
    final = (await client.get(f"/api/matches/{ids[3]}")).json()
    assert (final["teams"], final["winner"], final["forfeit_reason"]) == (
        [t[0], t[2]], 2, "disqualified")
    r = await client.get(f"/api/matches/{ids[3]}/audit", headers=AUTH)
    (entry,) = r.json()["items"]
    assert entry["action"] == "match.withdrawal"
    assert entry["after"]["cause"] == {"team": t[0], "reason": "disqualified",
                                       "action": "team.withdraw"}
    assert entry["actor"]["name"] == "TOURNAMENT_ADMIN_TOKEN"
