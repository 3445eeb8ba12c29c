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
        if section.h2 is None or section.h2.get_text(strip=True) not in ("다음 경기", "次の試合", "Up next"):
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
