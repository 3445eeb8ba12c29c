"""A team's page (its roster, its standing and final place in each stage) and its calendar
feed, as people read them."""

from __future__ import annotations

from datetime import datetime

import pytest
from icalendar import Calendar

from tests.ffa_api_support import game
from tests.helpers import (
    AUTH,
    by_number,
    make_event,
    make_stage,
    report,
    soup,
    stage,
    visible_text,
)

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_team_calendar_feed(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    match = st["matches"][0]
    await client.patch(f"/api/matches/{match['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    # the team page subscribes (webcal:, so later changes reach the calendar; an http link
    # is a one-off import on a phone) and offers the file to download
    page = soup((await client.get(f"/teams/{event['teams'][0]}", params={"lang": "ko"})).text)
    feed = f"/teams/{event['teams'][0]}/schedule.ics?lang=ko"
    assert page.select_one("[data-subscribe]")["href"] == f"webcal://testserver{feed}"
    assert page.select_one("[data-subscribe]").get_text(strip=True) == "캘린더 구독"
    assert page.select_one("[data-ics]")["href"] == feed
    r = await client.get(f"/teams/{event['teams'][0]}/schedule.ics?lang=ja")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/calendar")
    cal = Calendar.from_ical(r.content)
    events = cal.walk("VEVENT")
    assert len(events) == 1
    assert str(events[0]["summary"]) == "チーム1 vs チーム2"
    assert events[0].decoded("dtstart") == datetime.fromisoformat("2026-11-28T19:00:00+09:00")
    assert b"DTSTART:20261128T100000Z" in r.content
    team = (await client.get(f"/api/teams/{event['teams'][0]}")).json()
    assert [s["id"] for s in team["schedule"]] == [match["id"]]
    assert team["schedule"][0]["opponent"]["id"] == event["teams"][1]
    assert [p["handle"] for p in team["players"]] == ["p0a", "p0b"]


async def test_a_team_page_has_a_roster_heading_only_for_a_roster(client):
    """No empty "로스터" heading for a team without players; one player is "선수"."""
    event = await make_event(client, 2)  # two players each
    slug = event["slug"]
    made = []
    for players in ([], [{"handle": "Knee"}]):
        r = await client.post(f"/api/tournaments/{slug}/events/lol/teams", json={
            "name": f"Solo {len(players)}", "players": players}, headers=AUTH)
        assert r.status_code == 201, r.text
        made.append(r.json()["id"])
    titles = []
    for team in (event["teams"][0], *made):
        page = soup((await client.get(f"/teams/{team}", params={"lang": "ko"})).text)
        found = page.select_one("[data-roster-title]")
        titles.append(found.get_text(strip=True) if found else None)
    assert titles == ["로스터", None, "선수"], titles


async def test_a_team_page_says_its_final_place_once_decided(client):
    """The semifinal losers (no third-place match) share 3rd–4th; the winner is champion;
    nobody has a place while still in."""
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m = by_number(st)
    t = event["teams"]

    async def shown(team: int, lang: str = "ko") -> str | None:
        page = soup((await client.get(f"/teams/{team}", params={"lang": lang})).text)
        found = page.select_one("[data-placement]")
        return found.get_text(strip=True) if found else None

    assert (await report(client, m[1]["id"], [1, 0])).status_code == 200  # 1 beats 4
    placed = [await shown(x) for x in t]  # 4 is out at 3rd (shared once the other semi ends)
    # the other semifinal is still played: 3rd–4th all the same, not "3rd"
    assert placed == [None, None, None, "최종 순위: 3–4위"]
    assert (await report(client, m[2]["id"], [0, 1])).status_code == 200  # 3 beats 2
    final = by_number((await client.get(f"/api/stages/{st['id']}")).json())[3]
    assert (await report(client, final["id"], [1, 0])).status_code == 200
    assert [await shown(x) for x in t] == ["우승", "최종 순위: 3–4위", "최종 순위: 2위",
                                           "최종 순위: 3–4위"]
    assert await shown(t[1], "ja") == "最終順位：3–4位"


def status_of(html: str) -> str | None:
    found = soup(html).select_one("[data-standing-status]")
    return found.get_text(strip=True) if found else None


async def test_a_team_of_a_finished_league_is_not_still_in(client):
    """A review found every team of a finished league (the event's last stage, no cut) read
    "· 생존" (still in) on its page; once it is over its place says it (and while it is
    played nobody can be knocked out of it: test_still_in_only_where_a_team_can_go_out)."""
    event = await make_event(client, 3)
    st = await make_stage(client, event, name="League", format="round_robin")
    t = event["teams"]
    first, *rest = st["matches"]
    assert (await report(client, first["id"], [1, 0])).status_code == 200
    for m in rest:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    for team in t:
        page = (await client.get(f"/teams/{team}?lang=ja")).text
        assert status_of(page) is None, team
        assert soup(page).select_one("[data-standing-place]") is not None


async def test_still_in_only_where_a_team_can_go_out(client):
    """A review found the players of eFootball's league (a round robin without a cut) read
    "생존" / "勝ち残り" / "Still in" on their pages while it was played, though nobody can
    be knocked out of it: no status word there (its place and record say it, as its
    stage's table has no status column); a league with a cut and a bracket keep it."""
    plain, cut, bracket = [await make_event(client, n) for n in (3, 3, 4)]
    stages = [await make_stage(client, plain, name="League", format="round_robin"),
              await make_stage(client, cut, name="Groups", format="round_robin",
                               settings={"advance": 2}),
              await make_stage(client, bracket)]
    for event, st in zip((plain, cut, bracket), stages, strict=True):
        match = next(m for m in st["matches"] if m["status"] == "ready")
        assert (await report(client, match["id"], [1, 0])).status_code == 200
        event["winner"] = match["teams"][0]
    for lang, still_in in (("ko", "생존"), ("ja", "勝ち残り"), ("en", "Still in")):
        shown = [status_of((await client.get(f"/teams/{e['winner']}?lang={lang}")).text)
                 for e in (plain, cut, bracket)]
        assert shown == [None, still_in, still_in], (lang, shown)
        page = soup((await client.get(f"/teams/{plain['winner']}?lang={lang}")).text)
        assert page.select_one("[data-standing-place]") is not None  # its place still says


async def test_a_swiss_without_eliminations_says_no_still_in(client):
    """A Swiss of fixed rounds without ``losses_to_eliminate`` puts nobody out while it is
    played: no "생존" / "勝ち残り" / "Still in" there (Swiss's own ``knocks_out``); Valve's
    Swiss keeps it, and says "Eliminated" for a team out."""
    plain, valve = await make_event(client, 4), await make_event(client, 4)
    stages = [await make_stage(client, plain, name="Swiss", format="swiss", settings={
                  "rounds": 3, "wins_to_advance": None, "losses_to_eliminate": None}),
              await make_stage(client, valve, name="Swiss", format="swiss", settings={
                  "wins_to_advance": 2, "losses_to_eliminate": 1})]
    for event, st in zip((plain, valve), stages, strict=True):
        match = next(m for m in st["matches"] if m["status"] == "ready")
        assert (await report(client, match["id"], [1, 0])).status_code == 200
        event["pair"] = match["teams"]
    for lang, still_in, out in (("ko", "생존", "탈락"), ("ja", "勝ち残り", "敗退"),
                                ("en", "Still in", "Eliminated")):
        shown = [status_of((await client.get(f"/teams/{t}?lang={lang}")).text)
                 for e in (plain, valve) for t in e["pair"]]
        assert shown == [None, None, still_in, out], (lang, shown)


async def test_the_champion_of_the_last_stage_is_champion_not_advanced(client):
    """A review found the winner of the final said "🏆 우승" and "· 진출" (advanced) on its
    page, and the final's loser "탈락" (eliminated) beside its 2nd place: in the event's
    last stage nobody goes through to anything. The champion's stage says "우승" /
    "優勝" / "Champion", the finalist's "준우승" / "準優勝" / "Runner-up"; a group stage
    before the playoffs keeps "Advanced", and a semifinal loser "Eliminated". The same in
    double elimination (its grand final's loser), a league and a battle royale."""
    event = await make_event(client, 8)
    order = event["teams"]  # the better seed wins every match: no ties
    groups = await make_stage(client, event, name="Groups", format="round_robin",
                              settings={"advance": 4})
    playoffs = await make_stage(client, event, name="Playoffs", seeding={
        "from_stage": groups["id"], "qualifiers": 4})

    async def play_out(stage_id: int) -> dict[int, dict]:
        while ready := [x for x in (await client.get(f"/api/stages/{stage_id}")).json()
                        ["matches"] if x["status"] == "ready"]:
            a, b = ready[0]["teams"]
            score = [1, 0] if order.index(a) < order.index(b) else [0, 1]
            assert (await report(client, ready[0]["id"], score)).status_code == 200
        return by_number(await stage(client, stage_id))

    await play_out(groups["id"])
    done = await play_out(playoffs["id"])
    champion, finalist = sorted(done[3]["teams"], key=order.index)
    semi = max(done[1]["teams"], key=order.index)

    def said(html: str) -> list[str]:
        return [s.get_text(strip=True) for s in soup(html).select("[data-standing-status]")]

    for lang, words in (("ko", ("진출", "우승", "준우승", "탈락")),
                        ("ja", ("勝ち抜け", "優勝", "準優勝", "敗退")),
                        ("en", ("Advanced", "Champion", "Runner-up", "Eliminated"))):
        advanced, won, second, out = words
        page = (await client.get(f"/teams/{champion}?lang={lang}")).text
        assert said(page) == [advanced, won], (lang, said(page))
        assert soup(page).select_one("[data-placement]").get_text(strip=True) == won
        page = (await client.get(f"/teams/{finalist}?lang={lang}")).text
        assert said(page) == [advanced, second], (lang, said(page))
        page = (await client.get(f"/teams/{semi}?lang={lang}")).text
        assert said(page) == [advanced, out], (lang, said(page))

    # double elimination with a grand final, a league and a battle royale, each alone
    for fmt, settings in (("double_elimination", {}), ("round_robin", {}),
                          ("free_for_all", {"games": 1, "placement_points": [10, 6, 5, 4]})):
        event = await make_event(client, 4)
        st = await make_stage(client, event, name="Finals", format=fmt, settings=settings)
        while True:
            ready = [x for x in (await client.get(f"/api/stages/{st['id']}")).json()
                     ["matches"] if x["status"] == "ready"]
            if not ready:
                break
            if fmt == "free_for_all":
                r = await game(client, ready[0]["id"], 1, sorted(ready[0]["teams"]))
            else:
                r = await report(client, ready[0]["id"], [1, 0])
            assert r.status_code in (200, 201), r.text
        placed = {p["rank"]: p["team_id"] for p in (await client.get(
            f"/api/tournaments/{event['slug']}/events/{event['event']}")).json()["placements"]}
        for lang, won, second in (("ko", "우승", "준우승"), ("ja", "優勝", "準優勝"),
                                  ("en", "Champion", "Runner-up")):
            shown = [said((await client.get(f"/teams/{placed[r]}?lang={lang}")).text)
                     for r in (1, 2)]
            assert shown == [[won], [second]], (fmt, lang, shown)


async def test_a_place_shared_in_a_knockout_is_a_range_before_the_others_are_out(client):
    """8-team double elimination: the first loser of lower round 2 is 5th–6th on its team
    page and in the API's placements while the other lower round 2 match is still to be
    played (it read "5th"), and so is the second once it is out; single elimination's
    first quarterfinal loser is 5th–8th."""
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="double_elimination")
    detail = f"/api/tournaments/{event['slug']}/events/{event['event']}"

    async def shown(team: int) -> str | None:
        page = soup((await client.get(f"/teams/{team}", params={"lang": "en"})).text)
        found = page.select_one("[data-placement]")
        return found.get_text(strip=True) if found else None

    out: list[int] = []
    while len(out) < 2:  # play every match that is ready, top seed winning, until 2 are out
        ready = [x for x in (await client.get(f"/api/stages/{st['id']}")).json()["matches"]
                 if x["status"] == "ready" and None not in x["teams"]]
        lower_2 = [x for x in ready if x["bracket"] == "losers" and x["round"] == 2]
        match = (lower_2 or [x for x in ready if not (x["bracket"] == "losers"
                                                     and x["round"] > 2)])[0]
        assert (await report(client, match["id"], [1, 0])).status_code == 200
        if lower_2:
            out.append(match["teams"][1])
            placed = {p["team_id"]: p for p in (await client.get(detail)).json()["placements"]}
            assert (placed[out[-1]]["rank"], placed[out[-1]]["last"]) == (5, 6), placed
            assert await shown(out[-1]) == "Final place: 5th–6th"
            table = soup((await client.get(f"/stages/{st['id']}?lang=en")).text)
            cell = table.select_one(f'[data-standings] tr[data-team="{out[-1]}"] [data-place]')
            assert cell.get_text(strip=True) == "5th–6th"  # the stage's table says the same
    assert [await shown(t) for t in out] == ["Final place: 5th–6th"] * 2

    # the teams still playing are listed by how far they are, not by seed: 4 beat 1, so it
    # is listed above 1 (a 2–0 team stood below a 0–1 one)
    event = await make_event(client, 4)
    t = event["teams"]
    de = await make_stage(client, event, format="double_elimination")
    first, second = by_number(de)[1], by_number(de)[2]
    assert set(first["teams"]) == {t[0], t[3]} and set(second["teams"]) == {t[1], t[2]}
    for m, winner in ((first, t[3]), (second, t[1])):
        won = [1, 0] if m["teams"][0] == winner else [0, 1]
        assert (await report(client, m["id"], won)).status_code == 200
    rows = (await client.get(f"/api/stages/{de['id']}")).json()["standings"]
    assert [r["team_id"] for r in rows] == [t[1], t[3], t[0], t[2]], rows

    event = await make_event(client, 8)
    st = await make_stage(client, event)
    quarter = by_number(st)[1]
    assert (await report(client, quarter["id"], [1, 0])).status_code == 200
    assert await shown(quarter["teams"][1]) == "Final place: 5th–8th"

    # the organizer's order splits the range: each is a place of its own (6th, not 6th–8th)
    for number in range(2, 8):
        m = by_number((await client.get(f"/api/stages/{st['id']}")).json())[number]
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    quarters = [by_number(st)[n]["teams"][1] for n in (1, 2, 3, 4)]
    r = await client.post(f"/api/stages/{st['id']}/ties", json={
        "teams": quarters, "reason": "seed order"}, headers=AUTH)
    assert r.status_code == 200, r.text
    detail = f"/api/tournaments/{event['slug']}/events/{event['event']}"
    placed = {p["team_id"]: p for p in (await client.get(detail)).json()["placements"]}
    assert [(placed[t]["rank"], placed[t]["last"]) for t in quarters] == [
        (5, 5), (6, 6), (7, 7), (8, 8)]
    assert await shown(quarters[1]) == "Final place: 6th"


async def test_the_calendar_feed_escapes_its_name_and_says_how_often_to_refresh(client):
    """X-WR-CALNAME is TEXT: a comma, a semicolon or a backslash in a team's name is escaped
    there as in SUMMARY (it was written raw); the feed asks to be fetched again every 15
    minutes (RFC 7986 REFRESH-INTERVAL, and Outlook's X-PUBLISHED-TTL)."""
    event = await make_event(client, 2)
    team = event["teams"][0]
    r = await client.patch(f"/api/teams/{team}", json={
        "name": "Storm, Inc; \\Test", "names": {"en": "Storm, Inc; \\Test"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = (await client.get(f"/teams/{team}/schedule.ics?lang=en")).content.decode()
    lines = body.replace("\r\n ", "").split("\r\n")
    assert next(x for x in lines if x.startswith("X-WR-CALNAME:")) == \
        "X-WR-CALNAME:Storm\\, Inc\\; \\\\Test · Cup"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT15M" in lines
    assert "X-PUBLISHED-TTL:PT15M" in lines


async def test_the_calendar_feed_says_where_which_match_and_a_walkover_frees_the_slot(client):
    """A LAN match has its hall and station as LOCATION (the match page shows them too); the
    description numbers the match ("Winner of M1" names a match of the same stage, which the
    feed never numbered, and /matches/1 is another match); a walkover, never played, is
    TRANSPARENT (a calendar frees the slot; its winner's entry CONFIRMED:
    test_a_walkover_is_won_for_one_side_and_did_not_take_place_for_the_other), a played
    forfeit is not; a team
    with no timed match still gets a component (its time zone: RFC 5545 asks for one), and the
    download link names the file after the team."""
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    first, second = st["matches"][0], st["matches"][1]
    team = first["teams"][0]
    alone = soup((await client.get(f"/teams/{team}?lang=ko")).text).select_one("[data-ics]")
    assert alone["download"] == "팀 1.ics"
    empty = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics")).content)
    assert [c.name for c in empty.subcomponents] == ["VTIMEZONE"]
    assert str(empty.subcomponents[0]["tzid"]) == "Asia/Seoul"
    r = await client.patch(f"/api/matches/{first['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00", "venue": "Olympic Hall, Seoul",
        "station": "Booth 2"}, headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.patch(f"/api/matches/{second['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text
    hero = soup((await client.get(f"/matches/{first['id']}?lang=en")).text)
    assert visible_text(str(hero.select_one("[data-where]"))) == "Olympic Hall, Seoul · Booth 2"
    await client.patch(f"/api/matches/{first['id']}", json={"forfeit": 2}, headers=AUTH)
    await report(client, second["id"], [1, 0])
    feed = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics?lang=en")).content)
    (entry,) = feed.walk("VEVENT")
    assert str(entry["location"]) == "Olympic Hall, Seoul · Booth 2"
    assert str(entry["description"]).splitlines()[0] == \
        f"Playoffs · Semifinals · M{first['number']} · BO1"
    # the feed's team won it without playing: decided, not cancelled, and the slot free
    assert (str(entry["status"]), str(entry["transp"])) == ("CONFIRMED", "TRANSPARENT")
    played = second["teams"][0]
    feed = Calendar.from_ical((await client.get(f"/teams/{played}/schedule.ics")).content)
    (entry,) = feed.walk("VEVENT")
    assert "status" not in entry and "location" not in entry


async def test_a_walkover_is_won_for_one_side_and_did_not_take_place_for_the_other(client):
    """A review found a walkover was ``STATUS:CANCELLED`` in both teams' feeds: for the team
    that got it the match was not cancelled, it won without playing. RFC 5545's VEVENT
    STATUS is TENTATIVE, CONFIRMED or CANCELLED: the winner's entry is CONFIRMED and its
    summary says the walkover win, the side that forfeited has it CANCELLED (it did not take
    place) with the forfeit loss said; both TRANSPARENT (nobody plays then)."""
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    first, second = st["matches"][0], st["matches"][1]
    for m in (first, second):
        r = await client.patch(f"/api/matches/{m['id']}", json={
            "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
        assert r.status_code == 200, r.text
    r = await client.patch(f"/api/matches/{first['id']}", json={"forfeit": 2}, headers=AUTH)
    assert r.status_code == 200, r.text
    winner, loser = first["teams"]

    async def entry(team: int, lang: str):
        feed = await client.get(f"/teams/{team}/schedule.ics?lang={lang}")
        (found,) = Calendar.from_ical(feed.content).walk("VEVENT")
        return found

    for lang, won, lost, result in (
            ("ko", "팀 1 vs 팀 4 (부전승)", "팀 4 vs 팀 1 (기권패)", "결과"),
            ("ja", "チーム1 vs チーム4（不戦勝）", "チーム4 vs チーム1（棄権負け）", "結果"),
            ("en", "Team 1 vs Team 4 (Walkover win)", "Team 4 vs Team 1 (Forfeit loss)",
             "Result")):
        mine, theirs = await entry(winner, lang), await entry(loser, lang)
        assert (str(mine["summary"]), str(mine["status"]), str(mine["transp"])) == \
            (won, "CONFIRMED", "TRANSPARENT"), lang
        assert (str(theirs["summary"]), str(theirs["status"]), str(theirs["transp"])) == \
            (lost, "CANCELLED", "TRANSPARENT"), lang
        assert str(mine["description"]).splitlines()[1].startswith(result)
        assert won.rsplit("(", 1)[-1].rsplit("（", 1)[-1].rstrip(")）") in \
            str(mine["description"]).splitlines()[1]
        assert lost.rsplit("(", 1)[-1].rsplit("（", 1)[-1].rstrip(")）") in \
            str(theirs["description"]).splitlines()[1]
