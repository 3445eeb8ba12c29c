"""A disqualified team is called disqualified (실격 / 失格), not withdrawn, wherever a team that
left is named: its API view (``withdrawn_reason``), its page's heading and standing, the
event's entrant list, the standings' status column and the stage overlay; the organizers'
run sheet and admin match page give a withdrawal's forfeit its cause as the public pages do;
and the event's results table says why a forfeit was made (``forfeit_reason``, its last
column), in Korean, Japanese and English."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest
from icalendar import Calendar

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, make_event, make_stage, soup

from .test_withdrawal_forfeits import CAUSE, NAMES, WORD, bracket, said, withdraw

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def league(client: Any) -> tuple[dict[str, Any], list[int], dict[str, Any]]:
    """A round robin of four: team 1 is disqualified, team 2 withdraws, 3 and 4 stay in."""
    event = await make_event(client, 4)
    t = event["teams"]
    st = await make_stage(client, event, name="League", format="round_robin",
                          settings={"advance": 2})
    await withdraw(client, t[0], "disqualified")
    await withdraw(client, t[1], "withdrawn")
    return event, t, st


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_a_disqualified_team_is_called_disqualified(client, lang):
    event, t, st = await league(client)
    left = {t[0]: "disqualified", t[1]: "withdrawn"}
    for team in t:
        view = (await client.get(f"/api/teams/{team}")).json()
        assert (view["withdrawn"], view["withdrawn_reason"]) == (
            team in left, left.get(team))
    stage_view = (await client.get(f"/api/stages/{st['id']}")).json()
    assert {x["id"]: x["withdrawn_reason"] for x in stage_view["teams"]} == {
        team: left.get(team) for team in t}

    for path in (f"/stages/{st['id']}", f"/overlay/stages/{st['id']}"):
        page = soup((await client.get(f"{path}?lang={lang}")).text)
        for team in t:
            cell = page.select_one(f'[data-standings] tr[data-team="{team}"] [data-team-status]')
            if team in left:
                assert said(cell) == WORD[lang][left[team]], path
            else:
                assert said(cell) != WORD[lang]["withdrawn"], path

    for team, reason in left.items():
        page = soup((await client.get(f"/teams/{team}?lang={lang}")).text)
        assert said(page.select_one("h1 .pill")) == WORD[lang][reason]
        assert said(page.select_one("[data-standing-status]")) == WORD[lang][reason]
    page = soup((await client.get(
        f"/tournaments/{event['slug']}/events/lol?lang={lang}")).text)
    pills = {int(li.a["href"].split("/")[2].split("?")[0]): said(li.select_one(".pill"))
             for li in page.select("[data-entrants] + ul li") if li.select_one(".pill")}
    assert pills == {team: WORD[lang][reason] for team, reason in left.items()}


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_the_organizers_pages_give_a_withdrawals_forfeit_its_cause(client, app, lang):
    event, t, ids = await bracket(client)
    name = {team: NAMES[lang].format(t.index(team) + 1) for team in t}
    sentence = {ids[2]: CAUSE[lang]["withdrawn"].format(name[t[1]]),
                ids[3]: CAUSE[lang]["disqualified"].format(name[t[0]])}
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for day, match_id in (("2026-11-20", ids[2]), ("2026-11-21", ids[3])):
            page = soup((await b.client.get(f"/admin/t/{event['slug']}/run-sheet",
                                            params={"day": day, "lang": lang})).text)
            status = page.select_one(f'tr[data-sheet-match="{match_id}"] td.status')
            assert said(status.select_one("[data-forfeit-reason]")) == sentence[match_id]
        for match_id in ids.values():
            page = soup((await b.client.get(f"/admin/matches/{match_id}",
                                            params={"lang": lang})).text)
            note = page.select_one("h1 [data-forfeit-reason]")
            if match_id in sentence:
                assert said(note) == sentence[match_id]
            else:
                assert note is None


async def test_the_results_table_says_why_a_forfeit_was_made(client):
    event, _t, _ids = await bracket(client)
    url = f"/api/tournaments/{event['slug']}/events/lol/results"
    rows = {r["number"]: r for r in (await client.get(url)).json()["items"]}
    assert {n: rows[n]["forfeit_reason"] for n in rows} == {
        1: None, 2: "withdrawn", 3: "disqualified"}
    r = await client.get(url, params={"format": "csv"})
    table = list(csv.reader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert table[0][-2:] == ["annulled", "forfeit_reason"]
    assert {int(x[1]): x[-1] for x in table[1:]} == {1: "", 2: "withdrawn",
                                                     3: "disqualified"}


PLAYER_SAID = {
    "ko": "이 경기 결과는 순위에 반영되지 않습니다. {}의 출전 포기로 이 스테이지는 "
          "그 선수의 경기 결과를 무효로 합니다.",
    "ja": "この試合の結果は順位に含まれません。{}が出場辞退したため、このステージでは"
          "その選手の試合結果が無効になります。",
    "en": "This result does not count: {} withdrew, and this stage annuls that player's "
          "results."}


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_an_annulled_result_in_a_one_on_one_event_names_a_player(client, lang):
    """A Tekken-like league (one player an entry), annulling a withdrawn player's results:
    the match page's note and the live script's words speak of a player, not a team."""
    event = await make_event(client, 3)
    t = event["teams"]
    for team in t:  # one player each
        r = await client.patch(f"/api/teams/{team}", json={"players": [{"handle": "solo"}]},
                               headers=AUTH)
        assert r.status_code == 200, r.text
    st = await make_stage(client, event, name="League", format="round_robin",
                          settings={"withdrawn_results": "annul", "advance": 1})
    played = next(m for m in st["matches"] if t[2] in m["teams"] and m["teams"][0])
    r = await client.patch(f"/api/matches/{played['id']}", json={
        "score": [1, 0], "status": "completed"},
        headers=AUTH)
    assert r.status_code == 200, r.text
    await withdraw(client, t[2], "withdrawn")
    assert (await client.get(f"/api/matches/{played['id']}")).json()["annulled"]
    page = soup((await client.get(f"/matches/{played['id']}?lang={lang}")).text)
    assert said(page.select_one("[data-annulled]")) == PLAYER_SAID[lang].format(
        NAMES[lang].format(3))
    words = json.loads(page.select_one("script#i18n").string)
    assert words["annulled_said"]["withdrawn"] == PLAYER_SAID[lang].format("%(team)s")
    assert ("선수" if lang == "ko" else "選手" if lang == "ja" else "player") \
        in words["annulled_said"]["unnamed"]
    # the opponent's calendar feed says it alike
    r = await client.patch(f"/api/matches/{played['id']}", headers=AUTH,
                           json={"scheduled_at": "2026-11-28T19:00:00+09:00"})
    assert r.status_code == 200, r.text
    other = next(x for x in played["teams"] if x != t[2])
    feed = Calendar.from_ical((await client.get(
        f"/teams/{other}/schedule.ics?lang={lang}")).content)
    (entry,) = [e for e in feed.walk("VEVENT")]
    assert PLAYER_SAID[lang].format(NAMES[lang].format(3)) in str(entry["DESCRIPTION"])
