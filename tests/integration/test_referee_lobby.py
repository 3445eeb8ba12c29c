"""A free-for-all lobby scored from the referee's phone page: every team's place and kills
in one form (session and CSRF), saved through the audited use case; a bad game is said in
the page's language with what was typed kept and changes nothing; an earlier game is
corrected from its own link; a referee of another tournament is refused."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.accounts_support import browser_for, make_user
from tests.ffa_api_support import lobby_stage
from tests.helpers import AUTH, soup, stage
from tests.lobby_console_support import form_of, lobby_console

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_referee_scores_a_lobby_game_by_game(client, app):
    async with lobby_console(client, app) as (event, st, lobby, ref, console, b):
        # a bracket of three in the same tournament: its bye (a finished match with one
        # team) and its final (waiting for teams) are not listed; a two-sided match stores
        # JSON null as its lobby, which a query must not take for a lobby
        r = await client.post(
            f"/api/tournaments/{event['slug']}/events/{event['event']}/stages",
            json={"name": "Bracket", "format": "single_elimination",
                  "seeding": event["teams"][:3]}, headers=AUTH)
        assert r.status_code == 201, r.text
        waiting = [m["id"] for m in r.json()["matches"] if None in m["teams"]]
        playable = [m["id"] for m in r.json()["matches"] if None not in m["teams"]]
        assert waiting and playable
        t = event["teams"]
        mine = soup((await b.client.get("/referee", params={"lang": "ko"})).text)
        item = mine.select_one(f'[data-match-link="{lobby["id"]}"]')
        assert item is not None  # the lobby is named once (its round label), then its count
        assert item.get_text(" ", strip=True).count("4팀 로비") == 1, item.get_text()
        assert item.select_one("[data-lobby]").get_text(" ", strip=True) == "4팀 · 입력된 게임: 0"
        listed = {int(a["data-match-link"]) for a in mine.select("[data-match-link]")}
        assert listed == {lobby["id"], *playable}, (listed, waiting)
        page = await b.client.get(console, params={"lang": "ko"})
        assert page.status_code == 200
        # the stage's one lobby is named as such, not "1라운드" (there are no rounds)
        title = soup(page.text).select_one(".lobby-title").get_text(" ", strip=True)
        # as the public pages name the lobby ("로비 1 · 4팀", LIVE), not "4팀 로비 진행 중"
        assert title.endswith("로비 1 · 4팀 대기") or "로비 1 · 4팀" in title, title
        assert "4팀 로비" not in title and "진행 중" not in title, title
        assert "1위 = 이 게임의 승자" in page.text and "1위가 우승" not in page.text
        rows = [int(r["data-lobby-team"]) for r in soup(page.text).select("[data-lobby-team]")]
        assert rows == t  # every team of the lobby, in its order
        assert soup(page.text).select_one("[data-save-game]").get_text(strip=True) == \
            "게임 1 저장"  # a lobby's game: "1세트" is a series' (msgctxt "battle royale")
        assert soup(page.text).select_one("[data-game-title]").get_text(strip=True) == "게임 1"
        assert soup(page.text).select_one('[data-lobby-form] [name="number"]')["value"] == "1"

        # a kills value that is not a whole number, a place out of range: said on the row it
        # is about, in Korean, with what was typed kept and nothing saved
        bad = form_of([t[2], t[0], t[3], t[1]], [3, 1, 0, 2], 1, page.text)
        bad[f"kills_{t[3]}"] = "-1"
        r = await b.client.post(f"{console}/game", params={"lang": "ko"}, data=bad)
        assert r.status_code == 422
        shown = soup(r.text)
        assert shown.select_one("[data-error]").get_text(strip=True) == \
            "팀 4: 킬은 0 이상의 정수로 입력하세요."
        assert [int(x["data-lobby-team"]) for x in shown.select("[data-invalid]")] == [t[3]]
        assert shown.select_one(f'[name="kills_{t[3]}"]').get("aria-invalid") == "true"
        assert shown.select_one(f'[name="place_{t[3]}"]').get("aria-invalid") is None
        assert shown.select_one(f'[name="kills_{t[3]}"]')["value"] == "-1"
        bad = form_of([t[2], t[0], t[3], t[1]], [3, 1, 0, 2], 1, page.text)
        bad[f"place_{t[0]}"] = "7"
        r = await b.client.post(f"{console}/game", params={"lang": "ja"}, data=bad)
        assert r.status_code == 422
        shown = soup(r.text)
        assert shown.select_one("[data-error]").get_text(strip=True) == \
            "チーム1：順位は1〜4の整数で入力してください。"
        assert [int(x["data-lobby-team"]) for x in shown.select("[data-invalid]")] == [t[0]]
        assert (await stage(client, st["id"]))["matches"][0]["placings"] == []

        # two teams given 2nd place: refused in Korean, typed places kept, nothing saved
        bad = form_of([t[2], t[0], t[3], t[1]], [3, 1, 0, 2], 1, page.text)
        bad[f"place_{t[1]}"] = "2"
        r = await b.client.post(f"{console}/game", params={"lang": "ko"}, data=bad)
        assert r.status_code == 422
        shown = soup(r.text)
        assert shown.select_one("[data-error]").get_text(strip=True) == \
            "2위가 팀 1 및 팀 2에 입력되었습니다. 순위마다 한 팀만 입력하세요."
        assert shown.select_one(f'[name="place_{t[1]}"]')["value"] == "2"
        assert {int(x["data-lobby-team"]) for x in shown.select("[data-invalid]")} == \
            {t[0], t[1]}  # both rows given 2nd place are marked
        assert (await stage(client, st["id"]))["matches"][0]["placings"] == []

        # every mistake is said at once, each naming its row (only the first was said, and
        # the rows of a place given twice were marked with no word about them)
        bad = form_of([t[2], t[0], t[3], t[1]], [3, 1, 0, 2], 1, page.text)
        bad[f"place_{t[1]}"] = "2"
        bad[f"kills_{t[3]}"] = "x"
        r = await b.client.post(f"{console}/game", params={"lang": "ja"}, data=bad)
        assert r.status_code == 422
        said = soup(r.text).select_one("[data-error]").get_text().split("\n")
        assert said == ["チーム4：キル数は0以上の整数で入力してください。",
                        "2位がチーム1、チーム2に重複しています。各順位は1チームだけです。"]
        assert {int(x["data-lobby-team"]) for x in soup(r.text).select("[data-invalid]")} == \
            {t[0], t[1], t[3]}

        # full-width digits (a Japanese keyboard in full-width mode) are the digits they are
        good = form_of([t[2], t[0], t[3], t[1]], [3, 1, 0, 2], 1, page.text)
        wide = {k: v.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
                if k.startswith(("place_", "kills_")) else v for k, v in good.items()}
        assert wide[f"place_{t[2]}"] == "１"
        r = await b.client.post(f"{console}/game", params={"lang": "ko"}, data=wide)
        assert r.status_code == 303, r.text[:500]
        view = await stage(client, st["id"])
        # places 10, 6, 5, 4 plus a point a kill: 13, 7, 5, 6
        assert [(row["team_id"], row["points"]) for row in view["standings"]] == \
            [(t[2], 13), (t[0], 7), (t[1], 6), (t[3], 5)]
        trail = (await client.get(f"/api/tournaments/{event['slug']}/audit",
                                  headers=AUTH)).json()["items"]
        assert trail[0]["actor"]["name"] == ref["name"]

        # game 2 is next; game 1 is corrected from its link (its places filled in)
        page = await b.client.get(console, params={"lang": "ja"})
        drawn = soup(page.text)
        assert drawn.select_one('[data-lobby-form] [name="number"]')["value"] == "2"
        assert drawn.select_one("[data-game-title]").get_text(strip=True) == "第2ゲーム"
        assert [a.get_text(strip=True) for a in drawn.select("[data-game-link]")] == \
            ["第1ゲーム", "+ 第2ゲーム"]
        assert drawn.select_one("[data-game-link][aria-current]")["data-game-link"] == "2"
        fix = await b.client.get(console, params={"lang": "ja", "game": "1"})
        assert soup(fix.text).select_one("[data-game-title]").get_text(" ", strip=True) == \
            "第1ゲーム 修正"
        assert soup(fix.text).select_one(f'[name="place_{t[2]}"]')["value"] == "1"
        assert soup(fix.text).select_one(f'[name="kills_{t[2]}"]')["value"] == "3"
        corrected = form_of([t[0], t[2], t[3], t[1]], [1, 3, 0, 2], 1, fix.text)
        r = await b.client.post(f"{console}/game", params={"lang": "ja"}, data=corrected)
        assert r.status_code == 200 and soup(r.text).select("[data-asking]")  # asked first
        r = await b.client.post(f"{console}/game", params={"lang": "ja"},
                                data=corrected | {"confirmed": "1"})
        assert r.status_code == 303
        view = await stage(client, st["id"])
        assert [(row["team_id"], row["points"]) for row in view["standings"]] == \
            [(t[0], 11), (t[2], 9), (t[1], 6), (t[3], 5)]

        # a page drawn before the correction is refused, not applied over it
        r = await b.client.post(f"{console}/game", params={"lang": "ja"}, data=good)
        assert r.status_code == 409
        assert [row["team_id"] for row in (await stage(client, st["id"]))["standings"]] == \
            [t[0], t[2], t[1], t[3]]

        # a form drawn for the new game 2 while someone else enters game 2: refused, said,
        # and the page now shows the stored game 2 instead of saving over it
        page = await b.client.get(console, params={"lang": "ko", "game": "9"})  # no game 9
        assert soup(page.text).select_one('[data-lobby-form] [name="number"]')["value"] == "2"
        mine = form_of([t[3], t[2], t[1], t[0]], [5, 0, 0, 0], 2, page.text)
        r = await client.patch(f"/api/matches/{lobby['id']}", json={"game": {
            "number": 2, "results": [{"team_id": x, "placement": i + 1, "kills": 1}
                                     for i, x in enumerate(t)]}}, headers=AUTH)
        assert r.status_code == 200, r.text
        r = await b.client.post(f"{console}/game", params={"lang": "ko"}, data=mine)
        assert r.status_code == 409
        shown = soup(r.text)
        assert shown.select_one("[data-error]").get_text(strip=True) == (
            "게임 2: 그사이 다른 사람이 먼저 입력했습니다. 지금 보이는 값이 저장된 결과입니다. "
            "확인한 뒤 수정하세요.")
        assert shown.select_one(f'[name="place_{t[0]}"]')["value"] == "1"  # stored, not mine
        assert shown.select_one("[data-game-title]").get_text(" ", strip=True) == "게임 2 수정"
        game2 = (await stage(client, st["id"]))["matches"][0]["placings"][1]
        assert [r["team_id"] for r in sorted(game2["results"], key=lambda r: r["placement"])] \
            == t

    other = await make_user(client, role="referee", tournaments=[])
    async with browser_for(app) as b:
        assert (await b.sign_in(other["name"])).status_code == 303
        assert (await b.client.get(console)).status_code in (403, 404)


async def test_a_lobby_is_on_its_teams_schedule_calendar_and_clash_checks(client):
    event, st = await lobby_stage(client, game_minutes=30)
    t = event["teams"]
    (lobby,) = st["matches"]
    r = await client.patch(f"/api/matches/{lobby['id']}", json={
        "scheduled_at": "2026-12-01T10:00:00+09:00", "venue": "Arena"}, headers=AUTH)
    assert r.status_code == 200, r.text
    r = await client.patch(f"/api/matches/{lobby['id']}", json={"game": {"number": 1, "results": [
        {"team_id": x, "placement": i + 1, "kills": k} for i, (x, k) in
        enumerate(zip([t[1], t[0], t[2], t[3]], [4, 2, 0, 1], strict=True))]}}, headers=AUTH)
    assert r.status_code == 200, r.text

    page = soup((await client.get(f"/teams/{t[0]}", params={"lang": "ko"})).text)
    row = page.select_one(f'tr[data-lobby][data-match="{lobby["id"]}"]')
    assert row is not None, "the lobby is not on the team's schedule"
    assert "4팀 로비" in row.get_text()
    # a lobby's game is 게임 1 in Korean: "1세트" is a series' game (msgctxt "battle royale")
    assert row.select_one("[data-places]").get_text(strip=True) == "게임 1: 2위 (2킬)"
    page = soup((await client.get(f"/teams/{t[0]}", params={"lang": "ja"})).text)
    row = page.select_one(f'tr[data-lobby][data-match="{lobby["id"]}"] [data-places]')
    assert row.get_text(strip=True) == "第1ゲーム：2位（2キル）"  # full-width, as ja pages write
    ics_ko = (await client.get(f"/teams/{t[0]}/schedule.ics", params={"lang": "ko"})).text
    assert "게임 1: 2위 (2킬)" in ics_ko.replace("\r\n ", "") and "세트" not in ics_ko

    ics = (await client.get(f"/teams/{t[0]}/schedule.ics", params={"lang": "en"})).text
    unfolded = ics.replace("\r\n ", "")
    assert f"UID:match-{lobby['id']}.{event['slug']}@tournament-service" in unfolded
    assert "SUMMARY:Team 1 · Lobby of 4 teams" in unfolded
    assert "DTSTART:20261201T010000Z" in unfolded
    assert "DTEND:20261201T020000Z" in unfolded  # two games of 30 minutes
    assert "Game 1: 2nd (2 kills)" in unfolded

    # a bracket match of a lobby team during the lobby's games is a team clash
    r = await client.post(f"/api/tournaments/{event['slug']}/events/{event['event']}/stages",
                          json={"name": "Showmatch", "format": "single_elimination",
                                "seeding": [t[0], t[3]]}, headers=AUTH)
    assert r.status_code == 201, r.text
    show = r.json()["matches"][0]
    r = await client.patch(f"/api/matches/{show['id']}", json={
        "scheduled_at": "2026-12-01T10:45:00+09:00"}, headers=AUTH)
    assert r.status_code == 409 and r.json()["error"]["code"] == "schedule_clash", r.text
    kinds = {(c["kind"], c["other"]) for c in r.json()["clashes"]}
    assert kinds == {("team", lobby["id"])}, kinds
    r = await client.patch(f"/api/matches/{show['id']}", json={
        "scheduled_at": "2026-12-01T11:00:00+09:00"}, headers=AUTH)  # after both games
    assert r.status_code == 200, r.text


async def test_a_save_on_an_unpublished_tournament_does_not_promise_spectators(client, app):
    """Before the tournament is published no spectator sees a result: the consoles' saved
    notices say it shows once it is published (they said 관중에게 바로 보입니다)."""
    import json

    from tests.helpers import by_number, make_event, make_stage

    event, st = await lobby_stage(client)
    t = event["teams"]
    duel = await make_stage(client, await make_event(client, 2), name="Duel")
    for slug in (event["slug"], duel["tournament"]):
        r = await client.patch(f"/api/tournaments/{slug}", json={"published": False},
                               headers=AUTH)
        assert r.status_code == 200, r.text
    ref = await make_user(client, role="referee", tournaments=[event["slug"], duel["tournament"]])
    (lobby,) = st["matches"]
    async with browser_for(app) as b:
        assert (await b.sign_in(ref["name"])).status_code == 303
        page = await b.client.get(f"/matches/{by_number(duel)[1]['id']}/referee",
                                  params={"lang": "ko"})
        data = json.loads(soup(page.text).select_one("#console-data").get_text())
        assert data["labels"]["saved"] == "저장했습니다. 대회가 공개되면 관람객에게 보입니다."
        console = f"/matches/{lobby['id']}/referee"
        page = await b.client.get(console, params={"lang": "ja"})
        r = await b.client.post(f"{console}/game", params={"lang": "ja"},
                                data=form_of([t[2], t[0], t[3], t[1]], [3, 1, 0, 2], 1,
                                             page.text))
        assert r.status_code == 303, r.text[:300]
        done = soup((await b.client.get(r.headers["location"])).text)
        assert done.select_one("[data-ok]").get_text(strip=True) == \
            "第1ゲームを保存しました。大会が公開されると観客に表示されます。"


async def test_a_finished_lobby_gives_the_teams_final_place_in_its_calendar(client):
    """The feed listed each game's place and kills but never where the team finished, which
    its team page says: a finished lobby's entry ends with the final place and points."""
    from tests.ffa_api_support import game

    event, st = await lobby_stage(client)
    t = event["teams"]
    (lobby,) = st["matches"]
    r = await client.patch(f"/api/matches/{lobby['id']}", json={
        "scheduled_at": "2026-12-01T10:00:00+09:00"}, headers=AUTH)
    assert r.status_code == 200, r.text

    async def said(lang: str) -> list[str]:
        body = (await client.get(f"/teams/{t[0]}/schedule.ics", params={"lang": lang})).content
        (entry,) = Calendar.from_ical(body).walk("VEVENT")
        return str(entry["description"]).splitlines()

    assert (await game(client, lobby["id"], 1, [t[1], t[0], t[2], t[3]])).status_code == 200
    assert not [x for x in await said("en") if x.startswith("Final place")]  # not over yet
    assert (await game(client, lobby["id"], 2, [t[2], t[3], t[0], t[1]])).status_code == 200
    row = next(r for r in (await stage(client, st["id"]))["standings"] if r["team_id"] == t[0])
    # 6 + 5 points, behind t[2] (5 + 10) and t[1] (10 + 4), ahead of t[3] (4 + 6)
    assert (row["rank"], row["points"]) == (3, 11)
    assert (await said("en"))[-1] == "Final place: 3rd · 11 points"
    assert (await said("ko"))[-1] == "최종 순위: 3위 · 11점"
    page = soup((await client.get(f"/teams/{t[0]}", params={"lang": "ko"})).text)
    # the event's last stage: its lone 3rd is said once, as the word "3위" (3rd place)
    assert page.select_one("[data-standing-status]").get_text(strip=True) == "3위"
    assert page.select_one("[data-standing-place]") is None


async def test_a_lobby_correction_asks_first_saying_what_changes_and_stays_on_its_game(
        client, app):
    """A review (PUBG, game 4): swapping 1st and 2nd of an entered game was saved with no
    question, said "게임 4 결과를 저장했습니다" as for a new game and jumped to game 5; the
    page had no M number though /referee lists the lobby as M1. Now the correction is asked
    first, naming each team whose place or kills change, old → new; saving it says it was
    corrected and stays on the game."""
    async with lobby_console(client, app) as (event, st, lobby, _, console, b):
        t = event["teams"]
        page = await b.client.get(console, params={"lang": "ko"})
        title = soup(page.text).select_one(".lobby-title")
        # the number, then its stage as plain to see (numbers start again in each stage)
        assert title.get_text(" ", strip=True).startswith(f"M{lobby['number']} {st['name']} · ")
        r = await b.client.post(f"{console}/game", params={"lang": "ko"},
                                data=form_of(t, [4, 9, 2, 6], 1, page.text))
        assert r.status_code == 303
        fix = await b.client.get(console, params={"lang": "ko", "game": "1"})
        swapped = form_of([t[1], t[0], t[2], t[3]], [9, 4, 2, 6], 1, fix.text)
        for lang, question, changes in (
                ("ko", "이미 입력된 게임 1 결과를 아래와 같이 수정할까요?",
                 ["팀 1: 1위 · 4킬 → 2위 · 4킬", "팀 2: 2위 · 9킬 → 1위 · 9킬"]),
                ("ja", "入力済みの第1ゲームを次のとおり修正しますか？",
                 ["チーム1：1位 · 4キル → 2位 · 4キル", "チーム2：2位 · 9キル → 1位 · 9キル"])):
            r = await b.client.post(f"{console}/game", params={"lang": lang}, data=swapped)
            assert r.status_code == 200
            asked = soup(r.text).select_one("[data-asking]")
            assert asked.select_one("#lobby-ask-q").get_text(strip=True) == question
            assert [li.get_text(strip=True) for li in asked.select("[data-change]")] == changes
            # the typed places stay in the form the question's button saves
            assert soup(r.text).select_one(f'[name="place_{t[1]}"]')["value"] == "1"
            confirm = asked.select_one("[data-confirm]")
            assert (confirm["form"], confirm["name"], confirm["value"]) == (
                "lobby-form", "confirmed", "1")
            assert asked.select_one("[data-cancel]")["href"] == f"?game=1&lang={lang}"
        # nothing is saved until the referee confirms
        (game,) = (await stage(client, st["id"]))["matches"][0]["placings"]
        assert [r["team_id"] for r in game["results"]] == t
        r = await b.client.post(f"{console}/game", params={"lang": "ko"},
                                data=swapped | {"confirmed": "1"})
        assert r.status_code == 303
        assert r.headers["location"] == f"{console}?lang=ko&game=1&fixed=1"
        (game,) = (await stage(client, st["id"]))["matches"][0]["placings"]
        assert [r["team_id"] for r in game["results"]] == [t[1], t[0], t[2], t[3]]
        shown = soup((await b.client.get(r.headers["location"])).text)
        assert shown.select_one("[data-ok]").get_text(strip=True) == \
            "게임 1 결과를 수정했습니다. 관람객에게 바로 보입니다."
        assert shown.select_one("[data-game-title]").get_text(" ", strip=True) == "게임 1 수정"
        # the same places again: nothing to correct, said, nothing asked
        again = form_of([t[1], t[0], t[2], t[3]], [9, 4, 2, 6], 1,
                        (await b.client.get(console, params={"lang": "ko", "game": "1"})).text)
        r = await b.client.post(f"{console}/game", params={"lang": "ko"}, data=again)
        assert r.status_code == 422 and not soup(r.text).select("[data-asking]")
        assert soup(r.text).select_one("[data-error]").get_text(strip=True) == \
            "게임 1 결과에서 바뀐 내용이 없어 저장하지 않았습니다."
