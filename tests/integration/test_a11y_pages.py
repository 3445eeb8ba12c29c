"""The accessibility review's findings, on the pages as the server draws them: headings and
their levels, the score said in words, controls named, errors tied to their fields, other
languages marked, the skip link."""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests.accounts_support import browser_for, make_user
from tests.helpers import AUTH, by_number, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


def said(el) -> str:
    """The text a screen reader reads: without what is aria-hidden."""
    for hidden in el.select('[aria-hidden="true"]'):
        hidden.decompose()
    return " ".join(el.get_text(" ").split())


async def first_match_and_referee(client) -> tuple[dict, dict]:
    """M1 of a four-team bracket and a referee of its tournament."""
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    ref = await make_user(client, role="referee", tournaments=[event["slug"]])
    return by_number(st)[1], ref


async def test_a_match_page_has_its_title_as_h1_and_says_its_score(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"best_of": 3})
    m = by_number(st)[1]
    r = await client.patch(f"/api/matches/{m['id']}", json={"score": [1, 1], "status": "live"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    for lang, title, score in (("ko", "팀 1 vs 팀 4", "스코어 1 대 1"),
                               ("ja", "チーム1 vs チーム4", "スコア 1 対 1"),
                               ("en", "Team 1 vs Team 4", "Score 1 to 1")):
        page = soup((await client.get(f"/matches/{m['id']}", params={"lang": lang})).text)
        (h1,) = page.select("main h1")
        assert h1.get_text(strip=True) == title == page.title.get_text(strip=True)
        assert said(page.select_one("[data-hero-score]")) == score
        # the fragment live updates swap in says the same
        frag = soup((await client.get(f"/matches/{m['id']}",
                                      params={"fragment": 1, "lang": lang})).text)
        assert frag.select_one("h1").get_text(strip=True) == title
        assert said(frag.select_one("[data-hero-score]")) == score
    # not played: "vs" between the teams, nothing hidden
    unplayed = by_number(st)[2]
    page = soup((await client.get(f"/matches/{unplayed['id']}", params={"lang": "ko"})).text)
    assert said(page.select_one("[data-hero-score]")) == "vs"


async def test_the_referee_console_has_an_h1_naming_the_match(client, app):
    m, ref = await first_match_and_referee(client)
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        # the M number with its stage beside it (numbers start again in each stage)
        for lang, words in (("ko", "M1 Playoffs 심판"), ("ja", "M1 Playoffs 審判"),
                            ("en", "M1 Playoffs Referee")):
            page = soup((await b.client.get(f"/matches/{m['id']}/referee",
                                            params={"lang": lang})).text)
            (h1,) = page.select("main h1")
            assert " ".join(h1.get_text(" ").split()).startswith(words + " · "), h1.get_text()


async def test_lobby_mistakes_are_focused_and_tied_to_their_fields(client, app):
    from tests.lobby_console_support import form_of, lobby_console

    async with lobby_console(client, app) as (event, _, _, _, console, b):
        t = event["teams"]
        page = await b.client.get(console, params={"lang": "ja"})
        bad = form_of([t[2], t[0], t[3], t[1]], [3, 1, 0, 2], 1, page.text)
        bad[f"place_{t[1]}"] = "2"
        bad[f"kills_{t[3]}"] = "x"
        r = await b.client.post(f"{console}/game", params={"lang": "ja"}, data=bad)
        assert r.status_code == 422
        shown = soup(r.text)
        box = shown.select_one("[data-error]")
        assert box["tabindex"] == "-1" and box.has_attr("autofocus")  # focused on load
        kills = shown.select_one(f'[name="kills_{t[3]}"]')
        assert kills["aria-invalid"] == "true"
        (line,) = [shown.find(id=i) for i in kills["aria-describedby"].split()]
        assert line.get_text() == "チーム4：キル数は0以上の整数で入力してください。"
        assert line["href"] == f"#{kills['id']}"  # the line leads to its box
        for team in (t[0], t[1]):  # both places given 2nd: described by the line naming them
            place = shown.select_one(f'[name="place_{team}"]')
            (line,) = [shown.find(id=i) for i in place["aria-describedby"].split()]
            assert line.get_text().startswith("2位がチーム1、チーム2に")
        # nothing typed: one message for the whole form, not two a team
        empty = {k: ("" if k.startswith(("place_", "kills_")) else v) for k, v in bad.items()}
        r = await b.client.post(f"{console}/game", params={"lang": "ko"}, data=empty)
        assert r.status_code == 422
        shown = soup(r.text)
        assert shown.select_one("[data-error]").get_text() == "각 팀의 순위와 킬을 입력하세요."
        boxes = shown.select("[data-place], [data-kills]")
        assert len(boxes) == 2 * len(t)
        assert all(x["aria-describedby"] == "lobby-error-1" for x in boxes)


async def test_a_wrong_password_is_focused_and_describes_the_fields(client, app):
    user = await make_user(client, role="referee")
    async with browser_for(app) as b:
        r = await b.sign_in(user["name"], "not the password at all")
        assert r.status_code != 303
        page = soup(r.text)
        box = page.select_one("[data-error]")
        assert box["tabindex"] == "-1" and box.has_attr("autofocus")
        for name in ("username", "password"):
            field = page.select_one(f'input[name="{name}"]')
            assert field["aria-invalid"] == "true"
            assert page.find(id=field["aria-describedby"]) is box


async def test_score_steppers_name_their_team_and_way_in_the_page_language(client, app):
    m, ref = await first_match_and_referee(client)
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        for lang, names in (("ko", ["팀 1 점수 내리기 (−1)", "팀 1 점수 올리기 (+1)",
                                    "팀 4 점수 내리기 (−1)", "팀 4 점수 올리기 (+1)"]),
                            ("ja", ["チーム1の点数を下げる（−1）", "チーム1の点数を上げる（+1）",
                                    "チーム4の点数を下げる（−1）", "チーム4の点数を上げる（+1）"]),
                            ("en", ["Lower the score of Team 1 (−1)",
                                    "Raise the score of Team 1 (+1)",
                                    "Lower the score of Team 4 (−1)",
                                    "Raise the score of Team 4 (+1)"])):
            page = soup((await b.client.get(f"/matches/{m['id']}/referee",
                                            params={"lang": lang})).text)
            steps = page.select("[data-stepper] button[data-step]")
            assert [x["aria-label"] for x in steps] == names
            for x in steps:  # the name holds what the button shows (label in name)
                assert x.get_text(strip=True) in x["aria-label"]


async def test_words_in_another_language_are_marked_with_it(client):
    event = await make_event(client, 2)
    names = {"ko": "리그 오브 레전드", "ja": "リーグ・オブ・レジェンド"}
    r = await client.patch(f"/api/tournaments/{event['slug']}/events/lol",
                           json={"names": names}, headers=AUTH)
    assert r.status_code == 200, r.text
    for lang in ("ko", "ja", "en"):
        page = soup((await client.get(f"/tournaments/{event['slug']}",
                                      params={"lang": lang})).text)
        langs = {a.get_text(strip=True): a.get("lang") for a in page.select("nav.langs a")}
        assert langs == {"한국어": "ko", "日本語": "ja", "English": "en"}
        (card,) = page.select("main .card")
        game = card.find("span", string="League of Legends")
        if lang == "en":  # the game's title is the shown name: not said twice (K1/J1)
            assert game is None, card
            continue
        # the English title marked English on a Korean or Japanese page
        assert game.get("lang") == "en", (lang, game)


def _levels(html: str) -> list[int]:
    """The levels of the headings in the page's main part (or a fragment), in order."""
    page = soup(html)
    where = page.select_one("main") or page
    return [int(h.name[1]) for h in where.select("h1, h2, h3, h4, h5, h6")]


def _no_skips(levels: list[int]) -> bool:
    return bool(levels) and levels[0] == 1 and all(b <= a + 1 for a, b in pairwise(levels))


async def test_stage_headings_never_skip_a_level_on_the_stage_and_event_pages(client):
    event = await make_event(client, 8)
    knockout = await make_stage(client, event, name="Knockout")
    swiss = await make_stage(client, event, name="Swiss", format="swiss",
                             settings={"wins_to_advance": 2, "losses_to_eliminate": 2})
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"groups": 2})
    gsl = await make_stage(client, event, name="GSL", format="double_elimination",
                           settings={"groups": 2, "grand_final": "none"})
    for st in (knockout, swiss, league, gsl):
        for fragment in ({}, {"fragment": 1}):
            html = (await client.get(f"/stages/{st['id']}",
                                     params={"lang": "ko", **fragment})).text
            levels = _levels(html)
            if fragment:  # the body live updates swap in: the page's levels, under its h1
                levels = [1, *levels]
            assert _no_skips(levels), (st["name"], fragment, levels)
            assert 2 in levels, (st["name"], levels)
    page = await client.get(f"/tournaments/{event['slug']}/events/lol", params={"lang": "ja"})
    assert _no_skips(_levels(page.text)), _levels(page.text)
    # an event page's stage body, redrawn live, keeps the event page's levels (h3 under h2)
    body = soup(page.text).select_one(f'[data-stage="{league["id"]}"]')
    fresh = (await client.get(body["data-fragment"] + "&lang=ja")).text  # as follow.js asks
    assert _levels(fresh) == _levels(str(body))


async def test_edit_links_name_their_match_and_cards_say_who_won(client, app):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    m = by_number(st)[1]
    r = await client.patch(f"/api/matches/{m['id']}", json={"score": [0, 1], "status": "completed"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    for lang, won in (("ko", "(승)"), ("ja", "（勝）"), ("en", "(won)")):
        page = soup((await client.get(f"/stages/{st['id']}", params={"lang": lang})).text)
        card = page.select_one(f'.match[data-match="{m["id"]}"]')
        sides = [" ".join(x.get_text(" ").split()) for x in card.select("[data-side]")]
        assert sides == ["KR " + ("팀 1" if lang == "ko" else "チーム1" if lang == "ja"
                                  else "Team 1") + " 0",
                         "JP " + ("팀 4" if lang == "ko" else "チーム4" if lang == "ja"
                                  else "Team 4") + f" {won} 1"], sides
    admin = await make_user(client, role="admin")
    async with browser_for(app) as b:
        assert (await b.sign_in(admin["name"])).status_code == 303
        for lang, named in (("ko", "M{} 편집"), ("ja", "M{}を編集"), ("en", "Edit M{}")):
            page = soup((await b.client.get(f"/admin/stages/{st['id']}",
                                            params={"lang": lang})).text)
            links = page.select('a[href^="/admin/matches/"]')
            assert links
            for a in links:
                number = by_number(st)
                n = next(k for k, x in number.items() if f"/admin/matches/{x['id']}?" in a["href"])
                assert a["aria-label"] == named.format(n)
                assert a.get_text(strip=True) in a["aria-label"]  # label in name


async def test_nation_badges_beside_the_nation_name_are_not_read_out(client):
    event = await make_event(client, 2)
    st = await make_stage(client, event)
    r = await client.patch(f"/api/matches/{st['matches'][0]['id']}",
                           json={"score": [1, 0], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    page = soup((await client.get(f"/tournaments/{event['slug']}", params={"lang": "ko"})).text)
    rows = page.select("[data-nation], [data-pair]")
    assert rows
    for row in rows:  # "대한민국", never "K R 대한민국"
        cell = said(row.select_one("td:nth-of-type(1)" if row.has_attr("data-pair")
                                   else "td:nth-of-type(2)"))
        assert "KR" not in cell and "JP" not in cell, cell
        assert "대한민국" in cell or "일본" in cell, cell
