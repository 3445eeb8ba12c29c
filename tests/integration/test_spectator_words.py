"""What a spectator reads on the shared pages: the matches up next before their teams are
known, game titles in the page's language, a battle royale's words and a series' games
called maps where the stage says so."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, by_number, make_event, make_stage, report, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


def spot_rows(html: str) -> list[tuple[str, list[str]]]:
    """The home page's "Up next" list: each match's number and its two sides as shown."""
    page = soup(html)
    found = []
    for section in page.select("section"):
        head = section.h2.get_text(strip=True) if section.h2 else ""
        if head not in ("다음 경기", "次の試合", "Up next"):
            continue
        for box in section.select(".match"):
            found.append((box.select_one(".num").get_text(strip=True),
                          [n.get_text(strip=True) for n in box.select("[data-name]")]))
    return found


async def test_up_next_lists_a_match_whose_teams_are_not_known_yet_named_as_the_bracket(
        client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m = by_number(st)
    for number, at in ((1, "19:00"), (2, "20:00"), (3, "21:00")):
        r = await client.patch(f"/api/matches/{m[number]['id']}", json={
            "scheduled_at": f"2026-11-28T{at}:00+09:00"}, headers=AUTH)
        assert r.status_code == 200, r.text
    home = f"/tournaments/{event['slug']}"
    r = await client.get(f"{home}?lang=ja")
    assert spot_rows(r.text) == [("M1", ["チーム1", "チーム4"]), ("M2", ["チーム2", "チーム3"]),
                                 ("M3", ["M1の勝者", "M2の勝者"])]
    assert (await report(client, m[1]["id"], [1, 0])).status_code == 200
    expected = {"ko": ["팀 1", "M2 승자"], "ja": ["チーム1", "M2の勝者"],
                "en": ["Team 1", "Winner of M2"]}
    for lang, sides in expected.items():
        r = await client.get(f"{home}?lang={lang}&fragment=spotlight")
        assert spot_rows(r.text)[-1] == ("M3", sides), lang
        assert [n for n, _ in spot_rows(r.text)] == ["M2", "M3"]


def game_titles(html: str) -> list[tuple[str, str | None]]:
    """Each game title the page shows beside an event's name, with its ``lang``."""
    return [(x.get_text(strip=True), x.get("lang")) for x in soup(html).select(
        "[data-game-title]")]


async def test_a_game_title_is_shown_in_the_pages_language_and_never_repeats_the_name(
        client):
    event = await make_event(client, 2)
    api = f"/api/tournaments/{event['slug']}/events/lol"
    home, page = f"/tournaments/{event['slug']}", f"/tournaments/{event['slug']}/events/lol"
    r = await client.patch(api, json={"name": "LCK Cup", "names": {"ko": "LCK 컵"},
                                      "game_names": {"ko": "리그 오브 레전드"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    assert r.json()["game_names"] == {"ko": "리그 오브 레전드"}
    for path in (home, page):
        r = await client.get(f"{path}?lang=ko")
        assert game_titles(r.text) == [("리그 오브 레전드", None)], path
        # no Japanese title: the title as typed, marked as English
        r = await client.get(f"{path}?lang=ja")
        assert game_titles(r.text) == [("League of Legends", "en")], path
    # an event named for its game: its title in each language is its name, said once
    r = await client.patch(api, json={
        "name": "League of Legends", "names": {"ko": "리그 오브 레전드", "ja": "LoL"},
        "game_names": {"ko": "리그 오브 레전드", "ja": "リーグ・オブ・レジェンド"}}, headers=AUTH)
    assert r.status_code == 200, r.text
    for lang, shown in (("ko", []), ("en", []), ("ja", [("リーグ・オブ・レジェンド", None)])):
        for path in (home, page):
            r = await client.get(f"{path}?lang={lang}")
            assert game_titles(r.text) == shown, (lang, path)
    # a new title alone replaces the translations that were the old one's copies only;
    # no title takes its translations with it
    r = await client.patch(api, json={"game_names": {"ko": "League of Legends",
                                                     "ja": "リーグ・オブ・レジェンド"}},
                           headers=AUTH)
    r = await client.patch(api, json={"game": "LoL"}, headers=AUTH)
    assert (r.json()["game"], r.json()["game_names"]) == (
        "LoL", {"ko": "LoL", "ja": "リーグ・オブ・レジェンド"})
    r = await client.patch(api, json={"game": None}, headers=AUTH)
    assert (r.json()["game"], r.json()["game_names"]) == (None, {})
    # a title too long or in another language is refused, and nothing changes
    for bad in ({"zh": "英雄联盟"}, {"ko": "x" * 101}):
        r = await client.patch(api, json={"game": "LoL", "game_names": bad}, headers=AUTH)
        assert r.status_code == 422, r.text
        assert r.json()["error"]["code"] == "invalid_input"
    assert (await client.get(api)).json()["game"] is None


async def test_a_battle_royale_is_named_so_and_its_wins_column_is_a_count_of_first_places(
        client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, name="Grand final", format="free_for_all",
                          settings={"games": 2})
    heads = {"ko": "1위 횟수", "ja": "1位回数", "en": "Wins"}
    formats = {"ko": "배틀로얄", "ja": "バトルロイヤル", "en": "Battle royale"}
    for lang in ("ko", "ja", "en"):
        page = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        cols = [th.get_text(strip=True) for th in page.select("table thead th")]
        # beside the "#" rank column a bare 1位 read as "1st place"
        assert cols[:6] == ["#", cols[1], cols[2], cols[3], cols[4], heads[lang]], cols
        event_page = soup((await client.get(
            f"/tournaments/{event['slug']}/events/lol?lang={lang}")).text)
        stage_head = event_page.select_one(f'[data-name-of="stage:{st["id"]}"]').parent
        assert stage_head.select(".pill")[0].get_text(strip=True) == formats[lang]


def game_rows(html: str) -> list[str]:
    """The names of a match's games, as its games table (page or overlay) heads them."""
    return [th.get_text(" ", strip=True) for th in soup(html).select(
        "[data-games] tbody th [data-game-name], table.ov-games tbody th")]


async def test_a_stage_whose_games_are_maps_calls_them_maps_everywhere(client, app):
    import json

    from icalendar import Calendar

    from tests.accounts_support import browser_for, make_user

    event = await make_event(client, 2)
    st = await make_stage(client, event, settings={"best_of": 3, "game_name": "map"})
    m = st["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [{"score": [13, 13], "map": "Bind"}], "status": "live"}, headers=AUTH)
    assert r.status_code == 422, r.text  # the API's own words call it a map too
    assert r.json()["error"]["message"].startswith("Map 1 is tied 13-13; a map of this")
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [{"score": [13, 3], "map": "Bind"}, {"score": [4, 4], "live": True}],
        "status": "live", "scheduled_at": "2026-11-28T19:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text
    said = {"ko": ["1세트", "2세트 진행 중"], "ja": ["マップ1", "マップ2 進行中"],
            "en": ["Map 1", "Map 2 in play"]}
    for lang, rows in said.items():
        for path in (f"/matches/{m['id']}", f"/overlay/matches/{m['id']}",
                     f"/overlay/tournaments/{event['slug']}/now?stage={st['id']}"):
            r = await client.get(f"{path}{'&' if '?' in path else '?'}lang={lang}")
            assert game_rows(r.text) == rows, (lang, path)
    # the referee console: its next map and every word its script says of one
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = soup((await b.client.get(f"/matches/{m['id']}/referee",
                                        params={"lang": "ja"})).text)
        assert page.select_one("[data-next-title]").get_text(strip=True) == "マップ2"
        data = json.loads(page.select_one("#console-data").string)
        assert (data["labels"]["save_game"], data["labels"]["in_play"],
                data["errors"]["tied_game"]) == (
            "マップ%dを保存", "マップ%d 進行中",
            "マップ%(game)sが同点です。この試合のマップには勝者が必要です。")
        # its questions before a map saved short of what wins one say "map", never "game"
        assert (data["labels"]["short_game_rounds"], data["labels"]["looks_short"]) == (
            "%(game)sは%(score)sで、まだ終わっていません。マップは%(n)sラウンドを先取した"
            "側の勝ちです。それでも終了したマップとして保存しますか？",
            "%(game)s（%(score)s）は、まだ終わっていないスコアに見えます。これまでのマップは、"
            "勝った側がいずれも%(least)s以上でした。それでも終了したマップとして保存しますか？")
    # the calendar's finished series lists its maps from the team's side
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [{"score": [13, 3], "map": "Bind"}, {"score": [13, 11], "map": "Haven"}],
        "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    cal = Calendar.from_ical((await client.get(
        f"/teams/{event['teams'][1]}/schedule.ics?lang=en")).content)
    (entry,) = cal.walk("VEVENT")
    assert str(entry["description"]).splitlines()[2:4] == ["Map 1 (Bind): 3–13",
                                                          "Map 2 (Haven): 11–13"]
    # a stage left at its default keeps every page as it was: "Game 1"
    plain = await make_stage(client, await make_event(client, 2), settings={"best_of": 3})
    r = await client.patch(f"/api/matches/{plain['matches'][0]['id']}", json={
        "games": [[1, 0]], "status": "live"}, headers=AUTH)
    r = await client.get(f"/matches/{plain['matches'][0]['id']}?lang=ja")
    assert game_rows(r.text) == ["第1ゲーム"]


async def test_a_running_stage_is_told_its_games_are_maps_in_the_console_keeping_results(
        client, app):
    from tests.accounts_support import form_values
    from tests.console_support import admin_console, error_of

    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    first = by_number(st)[1]
    assert (await report(client, first["id"], [2, 0])).status_code == 200
    con, ctx = await admin_console(client, app)
    try:
        path = f"/admin/stages/{st['id']}"
        form = soup((await con.get(path, "ja")).text).select_one("form[data-stage-settings]")
        box = form.select_one("select[name=s_game_name]")
        assert [(o["value"], o.get_text(strip=True)) for o in box.select("option")] == [
            ("game", "ゲーム（Game 1・第1ゲーム・1세트）"),
            ("map", "マップ（Map 1・マップ1・1세트）")]
        assert box.find_parent("label").get_text(" ", strip=True).startswith("ゲームの呼び方")
        r = await con.post(path, path, form_values(form) | {"s_game_name": "map"}, "ja")
        assert r.status_code == 303, error_of(r.text)  # words only: nothing to confirm
    finally:
        await ctx.__aexit__(None, None, None)
    after = (await client.get(f"/api/stages/{st['id']}")).json()
    assert after["settings"]["game_name"] == "map"
    assert by_number(after)[1]["score"] == [2, 0]  # the result stands
    # what is not a name of a game is refused, and a lobby has no maps
    r = await client.patch(f"/api/stages/{st['id']}", json={
        "settings": {"best_of": 3, "game_name": "set"}}, headers=AUTH)
    assert (r.status_code, r.json()["error"]["code"]) == (422, "invalid_settings")
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "Lobby", "format": "free_for_all", "seeding": event["teams"],
        "settings": {"game_name": "map"}}, headers=AUTH)
    assert (r.status_code, r.json()["error"]["code"]) == (422, "invalid_settings")
