"""What pages say: words (never identifiers), a match's status against its round's name,
places (in play and once final) and the champion, the standings' columns (a draws column
only where a draw can happen, "player" heading a one-player entry's) and the order note
under the table, a random draw."""

from __future__ import annotations

import re

import pytest

from tests.helpers import (
    AUTH,
    by_number,
    make_event,
    make_stage,
    play_out,
    report,
    soup,
    visible_text,
)

pytestmark = pytest.mark.asyncio(loop_scope="session")

IDENTIFIERS = re.compile(
    r"\b(single_elimination|double_elimination|round_robin|swiss|pending|ready|live|completed|"
    r"running|active|advanced|eliminated|grand_final|third_place|winners|losers|tiebreaker|"
    r"waiting_for_stage|unresolved_tie|too_few_teams|forfeited_by|None|null|undefined)\b")


async def every_format(client):
    """An event with a stage of every format in every state a page can show."""
    event = await make_event(client, 8)
    se = await make_stage(client, event, name="Knockout", settings={"third_place_match": True})
    await play_out(client, se["id"])
    de = await make_stage(client, event, name="Double", format="double_elimination",
                          settings={"grand_final": "reset"})
    first = by_number(de)[1]
    await report(client, first["id"], [0, 1], status="live")
    rr = await make_stage(client, event, name="League", format="round_robin",
                          settings={"allow_draws": True, "groups": 2, "advance": 1,
                                    "game_score": "goals"})
    m = rr["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={"games": [[2, 2]],
                                                            "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    sw = await make_stage(client, event, name="Swiss", format="swiss",
                          settings={"wins_to_advance": 2, "losses_to_eliminate": 2})
    await make_stage(client, event, name="Waiting", seeding={"from_stage": sw["id"],
                                                              "qualifiers": 2})
    return event, [se, de, rr, sw]


async def test_no_page_shows_an_identifier(client):
    event, stages = await every_format(client)
    team = event["teams"][0]
    match = stages[0]["matches"][0]["id"]
    paths = [f"/tournaments/{event['slug']}", f"/tournaments/{event['slug']}/events/lol",
             f"/teams/{team}", f"/matches/{match}", f"/overlay/matches/{match}",
             *(f"/stages/{s['id']}" for s in stages), *(f"/overlay/stages/{s['id']}"
                                                         for s in stages)]
    for lang in ("ko", "ja", "en"):
        for path in paths:
            r = await client.get(f"{path}?lang={lang}")
            assert r.status_code == 200, path
            text = visible_text(r.text)
            assert not IDENTIFIERS.findall(text), (lang, path, IDENTIFIERS.findall(text))


async def test_match_status_final_is_not_the_round_final(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    view = await play_out(client, st["id"])
    semi = by_number(view)[1]
    for lang, finished, final, semis in (("ko", "종료", "결승", "준결승"),
                                         ("ja", "終了", "決勝", "準決勝"),
                                         ("en", "Finished", "Final", "Semifinals")):
        page = soup((await client.get(f"/matches/{semi['id']}?lang={lang}")).text)
        assert page.select_one("[data-status-label]").get_text(strip=True) == finished
        assert semis in page.select_one(".hero-meta").get_text()
        assert final not in page.select_one(".hero-meta").get_text().replace(semis, "")
        page = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        rounds = page.select(".round .round-title")
        assert [h.get_text(strip=True) for h in rounds] == [semis, final]


async def test_a_finished_stage_shows_places_and_the_champion(client):
    event = await make_event(client, 4)
    st = await make_stage(client, event, settings={"third_place_match": True})
    view = await play_out(client, st["id"])
    ranks = {r["team_id"]: (r["rank"], r["status"]) for r in view["standings"]}
    t1, t2, t3, t4 = event["teams"]
    # side 1 always wins: 1 beats 4 and 2 beats 3 in the semis, 1 beats 2; 4 beats 3? no:
    # the third-place match is 4 v 3 with 4 (the loser of semi 1) on side 1
    assert ranks == {t1: (1, "advanced"), t2: (2, "eliminated"), t4: (3, "eliminated"),
                     t3: (4, "eliminated")}
    for lang, places, champion in (("ko", ["1위", "2위", "3위", "4위"], "우승"),
                                   ("ja", ["1位", "2位", "3位", "4位"], "優勝"),
                                   ("en", ["1st", "2nd", "3rd", "4th"], "Champion")):
        page = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        rows = page.select("table[data-standings] tbody tr")
        assert [r.select_one("[data-place]").get_text(strip=True) for r in rows] == places
        assert [int(r["data-team"]) for r in rows] == [t1, t2, t4, t3]
        assert not page.select("[data-team-status]")  # no "advanced" for the champion
        event_page = soup((await client.get(
            f"/tournaments/{event['slug']}/events/lol?lang={lang}")).text)
        banner = event_page.select_one("[data-champion]")
        assert int(banner["data-champion"]) == t1 and champion in banner.get_text()
        home = soup((await client.get(f"/tournaments/{event['slug']}?lang={lang}")).text)
        assert int(home.select_one("[data-champion]")["data-champion"]) == t1


async def test_a_place_reads_as_a_place_in_play_and_once_final(client):
    """The place column read 3, 4 (headed #) while a table was in play and 3위, 4위 (headed
    순위) once the stage had finished, so a table changed its look at its last result. It
    says 1위 / 1位 all along, as Korean and Japanese esports tables do, on the stage page
    (GSL groups), the groups view (round robin groups) and the stream overlay; nobody
    placed yet is "–"."""
    event = await make_event(client, 8)
    t = event["teams"]
    gsl = await make_stage(client, event, name="Groups", format="double_elimination",
                           settings={"groups": 2, "grand_final": "none"})
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"groups": 2, "advance": 2})
    for m in by_number(gsl).values():  # every match but the deciders, slot 1 winning
        if m["number"] <= 8:
            assert (await report(client, m["id"], [1, 0])).status_code == 200
    for m in league["matches"]:  # two rounds of three, the better seed winning but 4 v 1
        if m["round"] <= 2:
            better = [1, 0] if m["teams"][0] < m["teams"][1] else [0, 1]
            upset = m["group"] == 1 and m["round"] == 2
            assert (await report(client, m["id"], better[::-1] if upset else better)
                    ).status_code == 200

    async def places(st, lang):
        out = {}
        for path in (f"/stages/{st['id']}", f"/overlay/stages/{st['id']}"):
            page = soup((await client.get(path, params={"lang": lang})).text)
            table = page.select_one(f'[data-stage="{st["id"]}"]')
            heads = {th.get_text(strip=True) for th in table.select(
                "table[data-standings] thead th:first-child")}
            out[path.split("/")[1]] = (heads, [
                (int(tr["data-team"]), tr.select_one("[data-place]").get_text(strip=True))
                for tr in table.select("table[data-standings] tbody tr")])
        assert out["stages"] == out["overlay"], out  # the overlay says what the page says
        return out["stages"]

    # in play: group A's winners' match and elimination match are played (1 is 1st, 5 is
    # 4th; 4 and 8 meet in the decider), as are group B's (2 1st, 6 4th)
    for lang, head, word in (("ko", "순위", "{}위"), ("ja", "順位", "{}位")):
        def w(*ranks, word=word):
            return [word.format(r) if r else "–" for r in ranks]

        heads, got = await places(gsl, lang)
        assert heads == {head}
        assert got == list(zip([t[0], t[3], t[7], t[4], t[1], t[2], t[6], t[5]],
                               w(1, 0, 0, 4, 1, 0, 0, 4), strict=True))
        # the league after two rounds: A 4 (2–0), 1 (1–1, beat 8), 8, 5; B 2, 3, 6, 7
        heads, got = await places(league, lang)
        assert heads == {head}
        assert got == list(zip([t[3], t[0], t[7], t[4], t[1], t[2], t[5], t[6]],
                               w(1, 2, 3, 4, 1, 2, 3, 4), strict=True))
    await play_out(client, gsl["id"])  # 4 and 3 win the deciders
    await play_out(client, league["id"], lambda m: 1 if m["teams"][0] < m["teams"][1] else 2)
    for lang, head, word in (("ko", "순위", "{}위"), ("ja", "順位", "{}位")):
        heads, got = await places(gsl, lang)
        assert heads == {head}
        assert got == list(zip([t[0], t[3], t[7], t[4], t[1], t[2], t[6], t[5]],
                               [word.format(r) for r in (1, 2, 3, 4) * 2], strict=True))
        heads, got = await places(league, lang)  # A 4 (3–0), 1, 8, 5; B 2, 3, 6, 7
        assert heads == {head}
        assert got == list(zip([t[3], t[0], t[7], t[4], t[1], t[2], t[5], t[6]],
                               [word.format(r) for r in (1, 2, 3, 4) * 2], strict=True))


async def test_a_round_difference_is_named_as_one(client):
    """VALORANT-style games counted in rounds: the difference column reads 라운드 득실 /
    ラウンド得失差, not football's 득실차 / 得失点差, and Swiss says what its Buchholz counts (a
    spectator's review: a -2 read as a mistake)."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "game_score": "rounds", "rounds": 2})
    m = st["matches"][0]
    r = await client.patch(f"/api/matches/{m['id']}", json={
        "games": [[13, 9]], "status": "completed"}, headers=AUTH)
    assert r.status_code == 200, r.text
    for lang, word, football in (("ko", "라운드 득실", "득실차"),
                                 ("ja", "ラウンド得失差", "得失点差")):
        page = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        heads = [th.get_text(strip=True) for th in page.select("table[data-standings] th")]
        assert word in heads and football not in heads, heads
        row = page.select_one(f'table[data-standings] tr[data-team="{m["teams"][0]}"]')
        assert "+4" in [td.get_text(strip=True) for td in row.select("td")]
        # a Buchholz below zero is explained where a phone shows no title
        note = page.select_one("[data-buchholz-note]").get_text(strip=True)
        assert note == {"ko": "부흐홀츠: 상대 팀들의 (승 − 패)를 모두 더한 값",
                        "ja": "ブッフホルツ：対戦相手の（勝ち − 負け）の合計"}[lang]


async def test_under_the_table_the_order_is_said_from_the_stages_own_tiebreakers(client):
    """A spectators' review: a Valve Swiss table showed a round difference that decides
    nothing (神戸 +11 8th below 京都 −3) and its note explained only Buchholz. The note says
    the order the stage's settings use, in each language, and names and quiets the columns
    shown for information; a change of tiebreakers changes it."""
    event = await make_event(client, 4)
    st = await make_stage(client, event, name="Swiss", format="swiss", settings={
        "game_score": "rounds", "wins_to_advance": 2, "losses_to_eliminate": 2})
    said = {"ko": ("순위 결정: 승패 → 부흐홀츠 → 이 스테이지의 높은 시드",
                   "참고용: 획득 라운드, 내준 라운드, 라운드 득실"),
            "ja": ("順位決定：勝敗 → ブッフホルツ → このステージの上位シード",
                   "参考値：取得ラウンド、喪失ラウンド、ラウンド得失差"),
            "en": ("Order: wins–losses, then Buchholz, then better seed in this stage.",
                   "Shown for information: rounds won, rounds lost, round difference.")}
    for lang, (order, info) in said.items():
        page = soup((await client.get(f"/stages/{st['id']}?lang={lang}")).text)
        note = page.select_one("[data-order-note]")
        assert note.select_one("[data-order]").get_text(strip=True) == order
        assert note.select_one("[data-info-columns]").get_text() == info
        # the quiet columns, by their whole words (the title of an abbreviated head: RW),
        # as the note names them in running text
        quiet = [th.abbr["title"] if th.abbr else th.get_text(strip=True)
                 for th in page.select("table[data-standings] th.info")]
        if lang == "en":
            quiet = [w[:1].lower() + w[1:] for w in quiet]
        assert quiet == info.split("：" if lang == "ja" else ": ")[1].rstrip(".").split(
            "、" if lang == "ja" else ", ")
    # the event page's table says it too
    page = soup((await client.get(f"/tournaments/{event['slug']}/events/lol?lang=ja")).text)
    assert page.select_one("[data-order]").get_text(strip=True) == said["ja"][0]
    r = await client.patch(f"/api/stages/{st['id']}", json={"settings": {
        "game_score": "rounds", "wins_to_advance": 2, "losses_to_eliminate": 2,
        "tiebreakers": ["round_difference", "rounds_won", "seed"]}}, headers=AUTH)
    assert r.status_code == 200, r.text
    page = soup((await client.get(f"/stages/{st['id']}?lang=en")).text)
    assert page.select_one("[data-order]").get_text(strip=True) == (
        "Order: wins–losses, then round difference, then rounds won, then better seed "
        "in this stage.")
    assert page.select_one("[data-info-columns]").get_text() == (
        "Shown for information: Buchholz.")
    # a league of fixed rounds says its points; a knockout says nothing (its rounds decide)
    league = await make_stage(client, event, name="League", format="round_robin")
    page = soup((await client.get(f"/stages/{league['id']}?lang=ko")).text)
    assert page.select_one("[data-order]").get_text(strip=True) == (
        "순위 결정: 승점 → 승자승 → 세트 득실 → 세트 승수")
    assert page.select_one("[data-info-columns]") is None
    knockout = await make_stage(client, event)
    page = soup((await client.get(f"/stages/{knockout['id']}?lang=ko")).text)
    assert page.select_one("[data-order-note]") is None


async def test_a_random_draw_is_recorded_and_reproducible_and_keeps_nations_apart(client):
    event = await make_event(client, 8)
    kr = [t for i, t in enumerate(event["teams"]) if i % 2 == 0]
    body = {"draw": {"random": True, "seed": 4242, "separate_nations": True}}
    one = await make_stage(client, event, name="Draw 1", **body)
    two = await make_stage(client, event, name="Draw 2", **body)
    assert one["seeding"] == two["seeding"] and sorted(one["seeding"]) == sorted(event["teams"])
    assert one["draw"]["seed"] == 4242 and one["draw"]["same_nation_meetings"]["after"] == 0
    for m in one["matches"]:
        if m["round"] == 1:  # every first-round match is KR v JP
            assert (m["teams"][0] in kr) != (m["teams"][1] in kr)
    unseeded = await make_stage(client, event, name="Draw 3", draw={"random": True})
    assert isinstance(unseeded["draw"]["seed"], int)
    page = visible_text((await client.get(f"/stages/{one['id']}?lang=en")).text)
    assert "Seeding drawn at random (seed 4242)." in page
    r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/stages", json={
        "name": "X", "format": "single_elimination", "draw": {"random": True},
        "seeding": {"from_stage": one["id"], "qualifiers": 2}}, headers=AUTH)
    assert r.status_code == 422 and r.json()["error"]["code"] == "draw_with_from_stage"


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
