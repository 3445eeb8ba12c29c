"""Every shared page answers in Korean, Japanese and English, with the data it promises."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from icalendar import Calendar

from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup, visible_text

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_every_page_in_every_language(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    m = by_number(st)
    await client.patch(f"/api/matches/{m[1]['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00", "stream_url": "https://twitch.tv/kj"},
        headers=AUTH)
    r = await report(client, m[1]["id"], [1, 0], status="live")
    assert r.status_code == 200, r.text
    team = event["teams"][0]
    pages = [
        "/", f"/tournaments/{event['slug']}", f"/tournaments/{event['slug']}/events/lol",
        f"/stages/{st['id']}", f"/matches/{m[1]['id']}", f"/teams/{team}",
        f"/overlay/matches/{m[1]['id']}", f"/overlay/stages/{st['id']}",
    ]
    expected = {"ko": ("팀 1", "대진표"), "ja": ("チーム1", "トーナメント表"),
                "en": ("Team 1", "Bracket")}
    for lang, (team_name, bracket_word) in expected.items():
        for path in pages:
            r = await client.get(f"{path}?lang={lang}")
            assert r.status_code == 200, (path, r.text[:300])
            assert f'<html lang="{lang}">' in r.text
            if path not in ("/", f"/tournaments/{event['slug']}"):
                # shown, not only in the page's JSON for the live script
                assert team_name in visible_text(r.text), (lang, path)
        r = await client.get(f"/stages/{st['id']}?lang={lang}")
        titles = [h.get_text(strip=True) for h in soup(r.text).select("h3.section-title")]
        assert titles[0] == bracket_word, titles
        shown = soup(r.text).select_one(f'[data-match="{m[1]["id"]}"] [data-side="0"] [data-name]')
        assert shown is not None and shown.get_text(strip=True) == team_name
    r = await client.get(f"/matches/{m[1]['id']}?lang=ko")
    badges = [b.get_text(strip=True) for b in soup(r.text).select("[data-badge]")]
    assert badges and set(badges) == {"라이브"}, badges
    pill = soup(r.text).select_one(".match-hero [data-status-label]")
    assert pill.has_attr("hidden")  # beside the badge, "진행 중" would say it twice
    assert "https://twitch.tv/kj" in r.text
    # 24-hour time in the tournament's zone, with its abbreviation, no seconds
    assert ('<time datetime="2026-11-28T19:00:00+09:00" data-time>11월 28일 (토) 19:00 KST'
            '</time>') in r.text, re.findall(r"<time[^<]*", r.text)
    r = await client.get(f"/matches/{m[1]['id']}?lang=ja")
    assert "11月28日(土) 19:00 KST</time>" in r.text
    r = await client.get(f"/tournaments/{event['slug']}?lang=ja")
    nations = soup(r.text).select("[data-nations] [data-nation]")
    assert [(row["data-nation"], row.select("td")[1].get_text(" ", strip=True)[-2:])
            for row in nations] == [("JP", "日本"), ("KR", "韓国")]  # names from CLDR
    # how the table is ordered is said (two nations at 0 points read 1 and 2 unexplained)
    assert soup(r.text).select_one("[data-nations-note]").get_text(strip=True).startswith(
        "各種目の最終順位によるポイント")


async def test_language_from_cookie_and_accept_language(client):
    event = await make_event(client, 2)
    path = f"/tournaments/{event['slug']}"
    client.cookies.clear()
    r = await client.get(path, headers={"Accept-Language": "ja-JP,ja;q=0.9,en;q=0.5"})
    assert '<html lang="ja">' in r.text
    r = await client.get(path + "?lang=ko")
    assert r.cookies.get("lang") == "ko"
    client.cookies.clear()
    r = await client.get(path, headers={"Cookie": "lang=ko", "Accept-Language": "ja"})
    assert '<html lang="ko">' in r.text


async def test_missing_pages_are_404_pages(client):
    for path in ("/tournaments/nope-x", "/stages/999999", "/matches/999999", "/teams/999999",
                 "/no/such/page", "/stages/abc"):
        r = await client.get(path)
        assert r.status_code in (400, 404) and "<html" in r.text, path



async def test_an_unknown_id_is_said_in_the_pages_language(client):
    """It said "Match 999999 does not exist." in English on a Korean page."""
    event = await make_event(client, 2)
    said = {
        ("/matches/999999", "ko"): "경기를 찾을 수 없습니다.",
        ("/stages/999999", "ja"): "ステージが見つかりません。",
        ("/teams/999999", "ko"): "팀을 찾을 수 없습니다.",
        ("/tournaments/nope-x", "ja"): "大会が見つかりません。",
        (f"/tournaments/{event['slug']}/events/nope", "ko"): "종목을 찾을 수 없습니다.",
        ("/overlay/matches/999999", "ja"): "試合が見つかりません。",
        ("/matches/999999", "en"): "There is no such match.",
        ("/no/such/page", "ko"): "페이지를 찾을 수 없습니다.",
    }
    for (path, lang), words in said.items():
        r = await client.get(path, params={"lang": lang})
        page = soup(r.text)
        assert r.status_code == 404, path
        assert page.select_one("[data-error-message]").get_text(strip=True) == words, path
        assert page.title.get_text(strip=True) == f"404 · {words}", path


async def test_an_unreadable_address_names_what_was_typed_there(client):
    """It ended with the parameter's name, "(id)", which nobody typed."""
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    said = {
        ("/matches/abc", "ko"): "주소에 읽을 수 없는 값이 있습니다. 링크를 확인하세요. (abc)",
        ("/teams/0", "ja"): "アドレスに読み取れない値があります。リンクを確認してください。（0）",
        (f"/overlay/stages/{st['id']}?show=all2&", "en"):
            "This address has a value that cannot be read. Check the link. (show=all2)",
    }
    for (path, lang), words in said.items():
        r = await client.get(path + ("" if "?" in path else "?") + f"lang={lang}")
        assert r.status_code == 400, path
        assert soup(r.text).select_one("[data-error-message]").get_text(strip=True) == words


async def test_an_overlay_is_titled_like_its_page(client):
    """An OBS source list shows the window title; every overlay said "대회"."""
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    m = by_number(st)[1]
    for kind, thing in (("matches", m["id"]), ("stages", st["id"])):
        page = soup((await client.get(f"/{kind}/{thing}?lang=ja")).text).title
        overlay = soup((await client.get(f"/overlay/{kind}/{thing}?lang=ja")).text).title
        assert overlay.get_text(strip=True) == page.get_text(strip=True), kind
    overlay = soup((await client.get(f"/overlay/matches/{m['id']}?lang=ko")).text)
    assert overlay.title.get_text(strip=True) == "팀 1 vs 팀 2"


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


async def test_an_answer_built_for_one_host_is_never_served_under_another(client):
    """A page and a feed name their own address (the subscribe link, the feed's URLs): one
    request with a forged Host filled the cache, and every later visitor got a subscribe
    link to that host (team review). Each Host now has its own entry, and a match's UID
    is the same under every host (calendars dropped and re-added matches when it moved)."""
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    await client.patch(f"/api/matches/{st['matches'][0]['id']}", json={
        "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    team = event["teams"][0]
    for path in (f"/teams/{team}", f"/teams/{team}/schedule.ics"):
        forged = await client.get(path, headers={"Host": "evil.example"})
        assert forged.status_code == 200 and "evil.example" in forged.text
        for _ in range(2):  # built, then answered from the cache (the front's path)
            plain = await client.get(path)
            assert plain.status_code == 200 and "evil.example" not in plain.text, path
    page = soup((await client.get(f"/teams/{team}")).text)
    assert page.select_one("[data-subscribe]")["href"].startswith("webcal://testserver/")
    uids = []
    for host in ("testserver", "www.example.org"):
        feed = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics",
                                                    headers={"Host": host})).content)
        uids.append([str(e["uid"]) for e in feed.walk("VEVENT")])
    assert uids[0] == uids[1] == [f"match-{st['matches'][0]['id']}.{event['slug']}"
                                  "@tournament-service"]


async def test_views_are_versioned_by_the_tournament_seq(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    url = f"/stages/{st['id']}?lang=en"
    first = await client.get(url)
    etag = first.headers["etag"]
    again = await client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    api = await client.get(f"/api/stages/{st['id']}")
    assert api.headers["etag"] != etag  # JSON and pages are versioned apart
    await report(client, by_number(st)[1]["id"], [1, 0])
    changed = await client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    first = soup(changed.text).select_one(f'[data-match="{by_number(st)[1]["id"]}"]')
    assert "won" in first.select_one('[data-side="0"]')["class"]
    assert "won" not in first.select_one('[data-side="1"]')["class"]
    fresh = (await client.get(f"/api/stages/{st['id']}")).json()
    assert by_number(fresh)[1]["status"] == "completed"
    ko = await client.get(f"/stages/{st['id']}?lang=ko")
    assert ko.headers["etag"] != changed.headers["etag"]
    assert soup(ko.text).select_one("h3.section-title").get_text(strip=True) == "대진표"


async def test_a_match_page_shows_no_score_before_two_teams_play(client):
    """A bye (a finished match with one team) reads "부전승", not "0 – 0 미정"; a match not
    started reads "vs", not "0 – 0"; a live one shows its score."""
    event = await make_event(client, 3)
    st = await make_stage(client, event)
    bye = next(x for x in st["matches"] if x["status"] == "completed" and None in x["teams"])
    ready = next(x for x in st["matches"] if x["status"] == "ready")
    page = soup((await client.get(f"/matches/{bye['id']}", params={"lang": "ko"})).text)
    hero = page.select_one(".match-hero")
    names = [x.get_text(strip=True) for x in hero.select("[data-side] [data-name]")]
    assert "부전승" in names and "미정" not in names, names
    assert hero.select_one("[data-hero-score]").get_text(" ", strip=True) == "vs"
    page = soup((await client.get(f"/matches/{ready['id']}", params={"lang": "ja"})).text)
    assert page.select_one("[data-hero-score]").get_text(" ", strip=True) == "vs"
    r = await client.patch(f"/api/matches/{ready['id']}", json={"score": [0, 0],
                                                                "status": "live"}, headers=AUTH)
    assert r.status_code == 200, r.text
    page = soup((await client.get(f"/matches/{ready['id']}", params={"lang": "ja"})).text)
    assert page.select_one("[data-hero-score]").get_text(" ", strip=True) == "0 – 0"


async def test_a_tournaments_days_and_zone_are_written_for_people(client):
    event = await make_event(client, 2)
    r = await client.patch(f"/api/tournaments/{event['slug']}", json={
        "starts_on": "2026-11-27", "ends_on": "2026-11-29"}, headers=AUTH)
    assert r.status_code == 200, r.text
    page = soup((await client.get(f"/tournaments/{event['slug']}", params={"lang": "ko"})).text)
    assert page.select_one("[data-dates]").get_text(strip=True) == "2026년 11월 27일~29일"
    assert page.select_one("[data-zone-name]").get_text(strip=True) == "한국 시간 (KST)"
    front = visible_text((await client.get("/", params={"lang": "ja"})).text)
    assert "2026年11月27日～29日" in front and "2026-11-27" not in front


async def test_enter_result_is_offered_only_to_who_may_enter_it(client, app):
    """Spectators never see "결과 입력" (it led them to a sign-in page); a referee of
    another tournament neither; this tournament's referee does, except on a bye."""
    from tests.accounts_support import browser_for, make_user

    event = await make_event(client, 3)
    st = await make_stage(client, event)
    bye = next(x for x in st["matches"] if x["status"] == "completed" and None in x["teams"])
    ready = next(x for x in st["matches"] if x["status"] == "ready")

    def offered(html: str) -> bool:
        return soup(html).select_one("[data-enter-result]") is not None

    assert not offered((await client.get(f"/matches/{ready['id']}?lang=ko")).text)
    mine = await make_user(client, role="referee", tournaments=[event["slug"]])
    other = await make_user(client, role="referee", tournaments=[])
    async with browser_for(app) as b:
        assert (await b.sign_in(other["name"])).status_code == 303
        assert not offered((await b.client.get(f"/matches/{ready['id']}?lang=ko")).text)
    async with browser_for(app) as b:
        assert (await b.sign_in(mine["name"])).status_code == 303
        page = soup((await b.client.get(f"/matches/{ready['id']}?lang=ko")).text)
        link = page.select_one("[data-enter-result]")
        assert link is not None and link.get_text(strip=True) == "결과 입력"
        assert link["href"] == f"/matches/{ready['id']}/referee?lang=ko"
        assert not offered((await b.client.get(f"/matches/{bye['id']}?lang=ko")).text)
    # the anonymous page after a signed-in view is still the anonymous one (cache per reader)
    assert not offered((await client.get(f"/matches/{ready['id']}?lang=ko")).text)



async def test_a_draws_column_only_where_a_draw_can_happen(client):
    """League of Legends plays no draws: its table has no column of zeros headed 무."""
    heads = {}
    for draws in (False, True):
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="round_robin",
                              settings={"allow_draws": draws})
        page = soup((await client.get(f"/stages/{st['id']}", params={"lang": "ko"})).text)
        heads[draws] = [th.get_text(strip=True) for th in page.select(
            "table.standings:not(.cross) thead th")][:6]
    assert heads[False][:5] == ["순위", "팀", "승", "패", "승점"], heads
    assert heads[True][:6] == ["순위", "팀", "승", "무", "패", "승점"], heads


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
    assert [await shown(x) for x in t] == ["🏆 우승", "최종 순위: 3–4위", "최종 순위: 2위",
                                           "최종 순위: 3–4위"]
    assert await shown(t[1], "ja") == "最終順位：3–4位"


async def test_a_team_of_a_finished_league_is_not_still_in(client):
    """A review found every team of a finished league (the event's last stage, no cut) read
    "· 생존" (still in) on its page; while it plays it is, once it is over its place says it."""
    event = await make_event(client, 3)
    st = await make_stage(client, event, name="League", format="round_robin")
    t = event["teams"]

    def status_of(html: str) -> str | None:
        found = soup(html).select_one("[data-standing-status]")
        return found.get_text(strip=True) if found else None

    first, *rest = st["matches"]
    assert (await report(client, first["id"], [1, 0])).status_code == 200
    assert status_of((await client.get(f"/teams/{t[2]}?lang=ko")).text) == "생존"
    for m in rest:
        assert (await report(client, m["id"], [1, 0])).status_code == 200
    for team in t:
        page = (await client.get(f"/teams/{team}?lang=ja")).text
        assert status_of(page) is None, team
        assert soup(page).select_one("[data-standing-place]") is not None


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


async def test_a_one_on_one_events_tables_head_their_column_player(client):
    """Tekken, eFootball: every entry is one player; its table says 선수, not 팀."""
    slug = (await make_event(client, 2))["slug"]
    r = await client.post(f"/api/tournaments/{slug}/events", json={
        "slug": "tekken", "name": "Tekken 8"}, headers=AUTH)
    assert r.status_code == 201, r.text
    ids = []
    for i in range(3):
        r = await client.post(f"/api/tournaments/{slug}/events/tekken/teams", json={
            "name": f"P{i}", "players": [{"handle": f"p{i}"}]}, headers=AUTH)
        ids.append(r.json()["id"])
    r = await client.post(f"/api/tournaments/{slug}/events/tekken/stages", json={
        "name": "League", "format": "round_robin", "seeding": ids}, headers=AUTH)
    assert r.status_code == 201, r.text
    solo = r.json()["id"]
    for path, word in ((f"/stages/{solo}", "선수"),
                       (f"/tournaments/{slug}/events/tekken", "선수")):
        page = soup((await client.get(path, params={"lang": "ko"})).text)
        head = [th.get_text(strip=True) for th in page.select("table.standings thead th")]
        assert head[1] == word, (path, head)
    # and the event's list of entrants is headed 참가 선수 / 参加選手 (it said 참가 팀)
    for lang, word in (("ko", "참가 선수"), ("ja", "参加選手"), ("en", "Players")):
        page = soup((await client.get(f"/tournaments/{slug}/events/tekken",
                                      params={"lang": lang})).text)
        assert page.select_one("[data-entrants]").get_text(strip=True) == word
    page = soup((await client.get(f"/tournaments/{slug}/events/lol", params={"lang": "ko"})).text)
    assert page.select_one("[data-entrants]").get_text(strip=True) == "참가 팀"
