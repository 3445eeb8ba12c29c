"""A match as its page and overlays show it: no score before two teams play, a bye headed
as the team's bye, "Enter result" only for who may enter it, each game's score column
headed by its team (the overlays' in the sides' order), games with their maps, and an
empty knockout slot named by the match that fills it."""

from __future__ import annotations

import pytest

from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


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
