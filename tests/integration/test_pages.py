"""Every shared page answers in Korean, Japanese and English, with the data it promises."""

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
    score = page.select_one("[data-hero-score]")
    assert [x.get_text(strip=True) for x in score.select("[aria-hidden]")] == ["0", "–", "0"]
    assert score.select_one("[data-score-said]").get_text() == "スコア 0 対 0"  # said in words


async def test_a_bye_is_headed_as_the_teams_bye_in_every_view(client):
    """A spectators' review: a bye's page was headed "한승우 vs 미정" (to be decided) while it
    said Finished and its card said Bye. Its title and heading, its overlay's and its
    fragments' titles name the team with "(bye)"; a match still waiting keeps "to be
    decided"."""
    event = await make_event(client, 3)
    st = await make_stage(client, event)
    bye = next(x for x in st["matches"] if x["status"] == "completed" and None in x["teams"])
    waiting = next(x for x in st["matches"] if x["status"] == "pending")
    for lang, headed, tbd in (("ko", "팀 1 (부전승)", "미정"), ("ja", "チーム1（不戦勝）", "未定"),
                              ("en", "Team 1 (bye)", "To be decided")):
        page = soup((await client.get(f"/matches/{bye['id']}", params={"lang": lang})).text)
        assert page.title.get_text().split(" · ")[0] == headed, page.title
        assert page.select_one(".match-hero h1").get_text(strip=True) == headed
        for path in (f"/overlay/matches/{bye['id']}", f"/overlay/matches/{bye['id']}"
                     "?fragment=1", f"/matches/{bye['id']}?fragment=1"):
            part = soup((await client.get(path, params={"lang": lang})).text)
            titled = part.select_one("[data-title]")
            said = titled["data-title"] if titled else part.title.get_text()
            assert said.split(" · ")[0] == headed, (path, said)
        page = soup((await client.get(f"/matches/{waiting['id']}", params={"lang": lang})).text)
        assert tbd in page.select_one(".match-hero h1").get_text(strip=True)
    # a bye has no best-of: not on its card (the event page's bracket), its page nor overlay
    page = soup((await client.get(f"/tournaments/{event['slug']}/events/lol?lang=en")).text)
    assert [(c["data-match"], c.select_one(".bo").get_text() if c.select_one(".bo") else None)
            for c in page.select(f"a.match[data-match='{bye['id']}'], "
                                 f"a.match[data-match='{waiting['id']}']")] == [
        (str(m["id"]), None if m is bye else "BO1")
        for m in sorted((bye, waiting), key=lambda m: m["number"])]
    hero = soup((await client.get(f"/matches/{bye['id']}?lang=en")).text)
    assert hero.select_one(".hero-meta span").get_text(strip=True) == "M1 · Semifinals"
    overlay = soup((await client.get(f"/overlay/matches/{bye['id']}?lang=en")).text)
    assert "BO" not in overlay.select_one(".ov-meta").get_text()


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


@pytest.mark.parametrize("lang", ["ko", "ja", "en"])
async def test_each_game_score_column_is_headed_by_its_team(client, lang):
    """On a phone the match page draws its two sides one above the other: "1세트 0 1"
    under them did not say who won the game. Each score column is headed by its team."""
    event = await make_event(client, 2)
    m = (await make_stage(client, event, settings={"best_of": 3}))["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [[0, 1], {"score": [1, 0], "live": True}], "status": "live"}, headers=AUTH)
    assert r.status_code == 200, r.text
    names = [(await client.get(f"/api/teams/{t}")).json()["names"].get(lang)
             or (await client.get(f"/api/teams/{t}")).json()["name"] for t in m["teams"]]
    page = soup((await client.get(f"/matches/{m['id']}?lang={lang}")).text)
    head = page.select("[data-games] thead th[scope=col]")
    assert [th.get_text(strip=True) for th in head] == names


@pytest.mark.parametrize("lang", ["ko", "ja"])
async def test_an_overlays_game_columns_are_headed_by_their_teams_in_the_sides_order(
        client, lang):
    """The match overlay's and the now-on overlay's games (a map each) had no header: "Game 1
    Ascent 13 9" said nobody's 13. Each score column is headed by its team's name in the
    overlay's language (whole in the title; overlay.css cuts it to fit), in the order the
    sides are drawn (``?swap=1``: team 2 first)."""
    event = await make_event(client, 2)
    m = (await make_stage(client, event, settings={"best_of": 3}))["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [{"score": [13, 9], "map": "Ascent"}], "status": "live",
        "station": "Main stage"}, headers=AUTH)
    assert r.status_code == 200, r.text
    names = [(await client.get(f"/api/teams/{t}")).json()["names"][lang] for t in m["teams"]]
    for path, order in ((f"/overlay/matches/{m['id']}?lang={lang}", names),
                        (f"/overlay/matches/{m['id']}?lang={lang}&swap=1", names[::-1]),
                        (f"/overlay/matches/{m['id']}?fragment=1&lang={lang}&swap=1",
                         names[::-1]),
                        (f"/overlay/tournaments/{event['slug']}/now?station=Main%20stage"
                         f"&lang={lang}", names)):
        page = soup((await client.get(path)).text)
        head = page.select("[data-games] thead th[scope=col]")
        assert [(th.get_text(strip=True), th["title"]) for th in head] == [
            (n, n) for n in order], path
        # above the scores: the first row of the body is still the game
        assert [td.get_text(strip=True) for td in page.select(
            "[data-games] tbody tr:first-child td")][-2:] == (
            ["13", "9"] if order == names else ["9", "13"]), path

async def test_games_carry_their_maps(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3, "game_score": "rounds"})
    m = st["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={"status": "completed", "games": [
        {"score": [13, 9], "map": "Ascent"}, {"score": [11, 13], "map": "Bind"},
        [13, 5]]}, headers=AUTH)
    assert r.status_code == 200, r.text
    body = r.json()
    assert (body["games"], body["maps"], body["score"]) == (
        [[13, 9], [11, 13], [13, 5]], ["Ascent", "Bind", None], [2, 1])
    page = soup((await client.get(f"/matches/{m['id']}?lang=en")).text)
    assert [row.get_text(" ", strip=True) for row in page.select("[data-games] tbody tr")] == [
        "Game 1 Ascent 13 9", "Game 2 Bind 11 13", "Game 3 13 5"]
    for bad in ([{"score": [13, 9], "map": ""}], [{"score": [13, 9], "mode": "x"}],
                [{"map": "Ascent"}], [{"score": [13, 9], "map": "x" * 101}]):
        r = await client.patch(f"/api/matches/{m['id']}", json={"games": bad}, headers=AUTH)
        assert r.status_code == 422, (bad, r.text)
    assert (await client.get(f"/api/matches/{m['id']}")).json()["maps"] == [
        "Ascent", "Bind", None]


async def test_an_empty_knockout_slot_names_the_match_that_fills_it(client):
    """4-team double elimination: the upper final's slots read "Winner of M1/M2", the lower
    final's "Loser of M3" and "Winner of M4" (they read "To be decided"); in Japanese too."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, format="double_elimination")
    names = {}
    for lang in ("en", "ja"):
        page = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        names[lang] = {int(box["data-match"]): [n.get_text(strip=True) for n in
                                                 box.select("[data-name]")]
                       for box in page.select(".match[data-match]")}
    ids = {m["number"]: m["id"] for m in st["matches"]}
    assert names["en"][ids[3]] == ["Winner of M1", "Winner of M2"]
    assert names["en"][ids[5]] == ["Loser of M3", "Winner of M4"]
    assert names["en"][ids[6]] == ["Winner of M3", "Winner of M5"]
    assert names["ja"][ids[5]] == ["M3の敗者", "M4の勝者"]
    assert names["en"][ids[1]] == ["Team 1", "Team 4"]
    # the match page of the lower final names them too (it read "미정")
    hero = soup((await client.get(f"/matches/{ids[5]}?lang=ko")).text).select_one(".match-hero")
    assert [n.get_text(strip=True) for n in hero.select("[data-side] [data-name]")] == [
        "M3 패자", "M4 승자"]
