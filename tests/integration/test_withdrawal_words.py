"""A team that was disqualified is said to have been disqualified, not to have withdrawn,
wherever an annulled result says why it does not count (the match page, the calendar
feed, the referee console, the words live.js says it with), in Korean, Japanese and
English; the console speaks of a player in a one-on-one event. And a match a withdrawal
forfeited keeps its forfeit while the withdrawal stands: a referee's result for it is
refused (409 ``withdrawal_forfeit``), nothing changed; an admin may still replace it.

The league is test_withdrawn_results_api's, ``annul``, team 4 disqualified instead of
withdrawn: it beats team 1 3-0 and is disqualified (walkovers to 2 and 3); 1 beats 2 2-0,
3 beats 1 1-0, 2 beats 3 1-0."""

from __future__ import annotations

import json
from typing import Any

import pytest
from icalendar import Calendar

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, make_event, make_stage, soup, stage

from .test_withdrawal_forfeits import NAMES, bracket, said, withdraw
from .test_withdrawn_results_api import goals, league

pytestmark = pytest.mark.asyncio(loop_scope="session")

# the match page's and the calendar feed's note on team 4's annulled result
DISQUALIFIED = {
    "ko": "이 경기 결과는 순위에 반영되지 않습니다. {}의 실격으로 이 스테이지는 그 팀의 경기 "
          "결과를 무효로 합니다.",
    "ja": "この試合の結果は順位に含まれません。{}が失格となったため、このステージではそのチーム"
          "の試合結果が無効になります。",
    "en": "This result does not count: {} was disqualified, and this stage annuls its "
          "results."}
# ... the referee console's
CONSOLE = {
    "ko": "{}의 실격이 유지되는 동안 이 결과는 순위에 반영되지 않습니다. 수정은 그대로 "
          "저장됩니다.",
    "ja": "{}の失格が有効な間、この結果は順位に含まれません。修正はそのまま保存されます。",
    "en": "This result does not count in the table while the disqualification of {} stands. "
          "A correction is still saved."}
# one of each: team 1 withdrew, team 4 was disqualified
BOTH = {
    "ko": "이 경기 결과는 순위에 반영되지 않습니다. {}의 출전 포기와 {}의 실격으로 이 "
          "스테이지는 두 팀의 경기 결과를 모두 무효로 합니다.",
    "ja": "この試合の結果は順位に含まれません。{}が出場辞退し、{}が失格となったため、この"
          "ステージでは両チームの試合結果が無効になります。",
    "en": "This result does not count: {} withdrew and {} was disqualified, and this stage "
          "annuls both teams' results."}
CONSOLE_BOTH = {
    "ko": "{}의 출전 포기와 {}의 실격이 유지되는 동안 이 결과는 순위에 반영되지 않습니다. "
          "수정은 그대로 저장됩니다.",
    "ja": "{}の出場辞退と{}の失格が有効な間、この結果は順位に含まれません。修正はそのまま"
          "保存されます。",
    "en": "This result does not count in the table while the withdrawal of {} and the "
          "disqualification of {} stand. A correction is still saved."}
# a referee's result for a withdrawal's forfeit, refused, by why the team left
REFUSED = {
    "ko": {"withdrawn": "출전 포기로 기권 처리된 경기입니다. 출전 포기가 유지되는 동안 기권 "
                        "결과는 바뀌지 않습니다. 저장되지 않았습니다. 결과를 바꿔야 한다면 "
                        "관리자에게 요청하세요.",
           "disqualified": "실격으로 기권 처리된 경기입니다. 실격이 유지되는 동안 기권 결과는 "
                           "바뀌지 않습니다. 저장되지 않았습니다. 결과를 바꿔야 한다면 "
                           "관리자에게 요청하세요."},
    "ja": {"withdrawn": "出場辞退により棄権となった試合です。出場辞退が有効な間、棄権の結果は"
                        "変わりません。保存されていません。結果を変更する必要がある場合は"
                        "管理者に依頼してください。",
           "disqualified": "失格により棄権となった試合です。失格が有効な間、棄権の結果は変わり"
                           "ません。保存されていません。結果を変更する必要がある場合は管理者"
                           "に依頼してください。"},
    "en": {"withdrawn": "This match was forfeited by a withdrawal, and the forfeit stands "
                        "while the withdrawal does. Nothing was saved: ask an admin if the "
                        "result must change.",
           "disqualified": "This match was forfeited by a disqualification, and the forfeit "
                           "stands while the disqualification does. Nothing was saved: ask "
                           "an admin if the result must change."}}


def name(lang: str, n: int) -> str:
    return NAMES[lang].format(n)


def data_of(page: Any, element_id: str) -> Any:
    return json.loads(page.select_one(f"script#{element_id}").string)


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_an_annulled_result_of_a_disqualified_team_says_it_was_disqualified(
        client, app, lang):
    event, t, st, _ = await league(client, "annul", reason="disqualified")
    matches = (await stage(client, st["id"]))["matches"]
    played = next(m for m in matches if set(m["teams"]) == {t[0], t[3]})
    assert played["annulled"]
    sentence = DISQUALIFIED[lang].format(name(lang, 4))

    page = soup((await client.get(f"/matches/{played['id']}?lang={lang}")).text)
    assert said(page.select_one("section.match-hero [data-annulled]")) == sentence
    # what live.js says it with when the feed annuls a result: the team known as
    # disqualified, and the sentence for it
    words = data_of(page, "i18n")["annulled_said"]
    assert words["disqualified"] == DISQUALIFIED[lang].format("%(team)s")
    assert data_of(page, "teams")[str(t[3])]["reason"] == "disqualified"

    r = await client.patch(f"/api/matches/{played['id']}", headers=AUTH,
                           json={"scheduled_at": "2026-11-28T19:00:00+09:00"})
    assert r.status_code == 200, r.text
    feed = Calendar.from_ical((await client.get(
        f"/teams/{t[0]}/schedule.ics?lang={lang}")).content)
    entry = next(e for e in feed.walk("VEVENT") if str(e["url"]).endswith(f"/{played['id']}"))
    assert sentence in str(entry["description"]).splitlines()

    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = soup((await b.client.get(f"/matches/{played['id']}/referee",
                                        params={"lang": lang})).text)
        why = page.select_one("[data-annulled-why]")
        assert not why.has_attr("hidden")
        assert said(why) == CONSOLE[lang].format(name(lang, 4))
        # referee-words.js says it alike from the same labels and the team's reason
        data = data_of(page, "console-data")
        assert data["labels"]["annulled_why"]["disqualified"] == CONSOLE[lang].format("%(team)s")
        assert [x["reason"] for x in data["teams"]] == [
            "disqualified" if x == t[3] else None for x in played["teams"]]


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_one_withdrawn_and_one_disqualified_are_each_said_so(client, app, lang):
    """Team 4 beats team 1 and is disqualified; team 1 withdraws while the league runs:
    the match of the two counts for neither, and its note says which left how."""
    event = await make_event(client, 4)
    t = event["teams"]
    st = await make_stage(client, event, name="League", format="round_robin",
                          settings={"withdrawn_results": "annul", "advance": 2})
    played = await goals(client, st["id"], t[3], t[0], (3, 0))
    await withdraw(client, t[3], "disqualified")
    await withdraw(client, t[0], "withdrawn")
    assert (await client.get(f"/api/matches/{played['id']}")).json()["annulled"]
    page = soup((await client.get(f"/matches/{played['id']}?lang={lang}")).text)
    assert said(page.select_one("section.match-hero [data-annulled]")) == BOTH[lang].format(
        name(lang, 1), name(lang, 4))
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = soup((await b.client.get(f"/matches/{played['id']}/referee",
                                        params={"lang": lang})).text)
        assert said(page.select_one("[data-annulled-why]")) == CONSOLE_BOTH[lang].format(
            name(lang, 1), name(lang, 4))


# the console's sentence when it names no side, in a one-on-one event: a player (it said
# 팀 / チーム), and naming a disqualified player
PLAYER_UNNAMED = {
    "ko": "이 경기에 나선 선수의 출전 포기가 유지되는 동안 이 결과는 순위에 반영되지 "
          "않습니다. 수정은 그대로 저장됩니다.",
    "ja": "この試合の選手の出場辞退が有効な間、この結果は順位に含まれません。修正はそのまま"
          "保存されます。",
    "en": "This result does not count in the table while the withdrawal of a player in it "
          "stands. A correction is still saved."}


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_the_console_of_a_one_on_one_event_speaks_of_a_player(client, app, lang):
    event = await make_event(client, 3)
    t = event["teams"]
    for team in t:  # one player each: a Tekken-like event
        r = await client.patch(f"/api/teams/{team}", json={"players": [{"handle": "solo"}]},
                               headers=AUTH)
        assert r.status_code == 200, r.text
    st = await make_stage(client, event, name="League", format="round_robin",
                          settings={"withdrawn_results": "annul", "advance": 1})
    played = next(m for m in st["matches"] if t[2] in m["teams"] and m["teams"][0])
    r = await client.patch(f"/api/matches/{played['id']}", headers=AUTH,
                           json={"score": [1, 0], "status": "completed"})
    assert r.status_code == 200, r.text
    await withdraw(client, t[2], "disqualified")
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = soup((await b.client.get(f"/matches/{played['id']}/referee",
                                        params={"lang": lang})).text)
        assert said(page.select_one("[data-annulled-why]")) == CONSOLE[lang].format(
            name(lang, 3))
        labels = data_of(page, "console-data")["labels"]["annulled_why"]
        assert labels["unnamed"] == PLAYER_UNNAMED[lang]
        # a team event's console keeps the team's (the same page code)
    event2, t2, st2, _ = await league(client, "annul")
    walkover = next(m for m in (await stage(client, st2["id"]))["matches"]
                    if set(m["teams"]) == {t2[1], t2[3]})
    ref = await make_user(client, role="referee", tournaments=[event2["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = soup((await b.client.get(f"/matches/{walkover['id']}/referee",
                                        params={"lang": lang})).text)
        labels = data_of(page, "console-data")["labels"]["annulled_why"]
        assert ("팀" if lang == "ko" else "チーム" if lang == "ja" else "a team") \
            in labels["unnamed"]


async def snapshot(client: Any, slug: str, stage_id: int, match_id: int) -> dict[str, Any]:
    """Everything a refused change must leave as it was: the match, its stage (matches,
    standings), its history and the tournament's last feed number."""
    return {"match": (await client.get(f"/api/matches/{match_id}")).json(),
            "stage": await stage(client, stage_id),
            "audit": (await client.get(f"/api/matches/{match_id}/audit",
                                       headers=AUTH)).json()["items"],
            "seq": (await client.get(f"/api/tournaments/{slug}")).json()["last_seq"]}


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_a_referee_cannot_undo_or_replace_a_withdrawals_forfeit(client, app, lang):
    """The bracket of test_withdrawal_forfeits: M2 forfeited by team 2's withdrawal, the
    final (M3) by team 1's disqualification. A referee's score, live score, reopening or
    forfeit of the other side is refused, its preview too, and nothing changes; the same
    forfeit sent again is not refused; an admin may still put the played result in its
    place. The console has the refusal's words in the page's language."""
    event, t, ids = await bracket(client)
    stage_id = (await client.get(f"/api/matches/{ids[2]}")).json()["stage_id"]
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        for n, team, reason, side in ((2, t[1], "withdrawn", 1), (3, t[0], "disqualified", 1)):
            match_id = ids[n]
            before = await snapshot(client, event["slug"], stage_id, match_id)
            assert (before["match"]["forfeited_by"], before["match"]["forfeit_reason"]) == (
                side, reason)
            # each a change the match would take from a referee but for the forfeit
            for body, field in (({"score": [0, 1], "status": "completed"}, "score"),
                                ({"score": [0, 0], "status": "live"}, "score"),
                                ({"status": "ready"}, "status"),
                                ({"forfeit": 3 - side}, "forfeit"),
                                ({"games": [[5, 13]], "status": "completed"}, "games")):
                for url, method in ((f"/api/matches/{match_id}/preview", "POST"),
                                    (f"/api/matches/{match_id}", "PATCH")):
                    r = await b.client.request(method, url, json=body, headers=b.headers())
                    assert r.status_code == 409, (body, r.text)
                    error = r.json()["error"]
                    assert (error["code"], error["field"], error["params"]) == (
                        "withdrawal_forfeit", field, {"team": team, "reason": reason})
                    assert "match" not in r.json()  # no conflict panel: a refusal
            assert await snapshot(client, event["slug"], stage_id, match_id) == before
            # the console says the refusal in the page's language, by why the team left
            page = soup((await b.client.get(f"/matches/{match_id}/referee",
                                            params={"lang": lang})).text)
            errors = data_of(page, "console-data")["errors"]
            assert errors["withdrawal_forfeit"] == REFUSED[lang]["withdrawn"]
            assert errors["withdrawal_forfeit:disqualified"] == REFUSED[lang]["disqualified"]
            # the same forfeit sent again (a retry) is no change of the result
            r = await b.client.patch(f"/api/matches/{match_id}", json={"forfeit": side},
                                     headers=b.headers())
            assert r.status_code == 200, r.text
            assert (r.json()["forfeited_by"], r.json()["forfeit_reason"]) == (side, reason)
    # an organizer's ruling: the match was played before the withdrawal was recorded
    r = await client.patch(f"/api/matches/{ids[2]}", headers=AUTH,
                           json={"score": [1, 0], "status": "completed"})
    assert r.status_code == 200, r.text
    assert (r.json()["winner"], r.json()["forfeit_reason"]) == (1, None)
