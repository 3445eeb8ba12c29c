"""Every shared page answers in Korean, Japanese and English, with the data it promises: the
language asked for, a missing or unreadable address said in the page's language, an
overlay's title, a cache entry per Host, versions by the tournament's seq, and a
tournament's days written for people."""

from __future__ import annotations

import re

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
            assert soup(r.text).html["lang"] == lang  # an overlay's <html> has a class too
            if path not in ("/", f"/tournaments/{event['slug']}"):
                # shown, not only in the page's JSON for the live script
                assert team_name in visible_text(r.text), (lang, path)
        r = await client.get(f"/stages/{st['id']}?lang={lang}")
        titles = [h.get_text(strip=True) for h in soup(r.text).select(".section-title")]
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
    assert soup(ko.text).select_one(".section-title").get_text(strip=True) == "대진표"


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
