"""The console's stage and team pages: the stage's match table (rounds as the bracket names
them, byes), the results a settings change would clear, and a team's roster, withdrawal and
deletion."""

from __future__ import annotations

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, by_number, report, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")


async def test_a_team_in_a_stage_is_withdrawn_not_deleted(client, app):
    """The team page's last section is 출전 포기·삭제 (it read 해제, "release"); deleting asks
    first, and a team in a running stage is refused with what to do instead (it said to take
    it out of a seeding that can no longer change)."""
    from tests.helpers import make_event, make_stage

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 4)
        await make_stage(client, event)
        team = event["teams"][0]
        path = f"/admin/teams/{team}"
        page = soup((await con.get(path, "ko")).text)
        assert [h.get_text(strip=True) for h in page.select("main h2")][-1] == "출전 포기·삭제"
        assert page.select_one("[data-delete-team] button")["data-confirm"] == \
            "‘팀 1’을(를) 삭제할까요? 되돌릴 수 없습니다."  # it named no team
        r = await con.post(path, f"{path}/delete", {}, "ko")
        assert r.status_code == 409
        assert error_of(r.text).startswith(
            "이 팀은 스테이지에 들어 있습니다. 대신 출전 포기로 처리하세요")
        assert (await client.get(f"/api/teams/{team}")).status_code == 200
    finally:
        await ctx.__aexit__(None, None, None)

async def test_saving_a_team_page_keeps_its_roster(client, app):
    """The team page writes one player a line (the template's trim_blocks ate the newline:
    five players read 'Faker9CanyonZekaRulerKeria' and saving the seed merged them into one);
    saving the form unchanged but for the seed keeps every player and real name."""
    from tests.helpers import make_event

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 0)
        r = await client.post(f"/api/tournaments/{event['slug']}/events/lol/teams", json={
            "name": "T1", "nation": "KR", "players": [
                {"handle": "Faker", "name": "이상혁"}, {"handle": "Oner"}, {"handle": "Keria"}]},
            headers=AUTH)
        assert r.status_code == 201, r.text
        team = r.json()["id"]
        path = f"/admin/teams/{team}"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-team-form]")
        roster = form.select_one('textarea[name="players"]').get_text()
        assert roster.splitlines() == ["Faker | 이상혁", "Oner", "Keria"], roster
        sent = {f["name"]: f.get("value", "") for f in form.select("input[name]")}
        sent.pop("csrf_token", None)
        sent |= {"players": roster, "seed": "4", "nation": "KR"}
        r = await con.post(path, path, sent, "ko")
        assert r.status_code == 303, error_of(r.text)
        saved = (await client.get(f"/api/teams/{team}")).json()
        assert [(p["handle"], p["name"]) for p in saved["players"]] == [
            ("Faker", "이상혁"), ("Oner", None), ("Keria", None)]
        assert saved["seed"] == 4
    finally:
        await ctx.__aexit__(None, None, None)

async def test_the_stage_match_table_names_rounds_and_byes(client, app):
    """Double elimination of 6: the console's match table names each round as the bracket
    does (Upper quarterfinal, Lower round 1), not a bare 1 for both, and a bye as a bye (it
    read "vs To be decided" with the status Finished); the schedule form names a round once
    (it read "Upper bracket · Upper round 1")."""
    from tests.helpers import make_event, make_stage

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 6)
        st = await make_stage(client, event, format="double_elimination")
        page = soup((await con.get(f"/admin/stages/{st['id']}", "en")).text)
        rows = {int(r.select_one("td").get_text(strip=True)[1:]): [
            td.get_text(" ", strip=True) for td in r.select("td")]
            for r in page.select("[data-match-row]")}
        byes = [m for m in st["matches"] if m["status"] == "completed"]
        assert byes, "6 teams in a bracket of 8 have byes"
        for m in byes:
            cells = rows[m["number"]]
            assert cells[1] in ("Upper quarterfinal", "Lower round 1"), cells
            assert "Bye" in cells[2] and "To be decided" not in cells[2], cells
        assert {cells[1] for cells in rows.values()} >= {"Upper quarterfinal", "Lower round 1",
                                                         "Grand final"}
        # the round's options alone: the referee select lists every referee account, and
        # another test's account on the same database may be named with a " · "
        options = [o.get_text(strip=True)
                   for o in page.select("[data-schedule-form] select[name=round] option")]
        assert "Upper quarterfinal" in options and not any("·" in o for o in options), options
    finally:
        await ctx.__aexit__(None, None, None)

async def test_a_stage_seeded_from_another_lists_the_results_a_setting_would_clear(client,
                                                                                 app):
    """A final seeded from its semifinals has no seeding form (the list of results a change
    would clear was drawn inside it): a settings change that clears the final's result
    lists that match under the settings error, names both teams, and saves nothing."""
    from tests.helpers import make_event, make_stage

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 4)
        semis = await make_stage(client, event, name="Semis")
        final = await make_stage(client, event, name="Final",
                                 seeding={"from_stage": semis["id"], "qualifiers": 2})
        for m in (by_number(semis)[1], by_number(semis)[2]):
            assert (await report(client, m["id"], [1, 0])).status_code == 200
        decider = by_number((await client.get(f"/api/stages/{semis['id']}")).json())[3]
        assert (await report(client, decider["id"], [1, 0])).status_code == 200
        played = (await client.get(f"/api/stages/{final['id']}")).json()["matches"][0]
        assert (await report(client, played["id"], [1, 0])).status_code == 200
        path = f"/admin/stages/{final['id']}"
        page = soup((await con.get(path, "ko")).text)
        assert page.select_one("[data-seeding-form]") is None
        form = page.select_one("form[data-stage-settings]")
        sent = form_values(form)
        r = await con.post(path, path, sent | {"s_best_of": "3"}, "ko")
        assert r.status_code == 409 and "M1" in error_of(r.text)
        shown = soup(r.text)
        lost = [li.get_text(" ", strip=True) for li in shown.select("[data-lost] li")]
        assert lost == [f"M{played['number']}: KR 팀 1 1 – 0 JP 팀 2"], lost  # 1 and 2 won
        assert shown.select_one("#stage-settings ~ [data-lost]") is not None  # by its error
        assert (await client.get(f"/api/stages/{final['id']}")).json()["settings"].get(
            "best_of", 1) == 1
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_double_elimination_takes_a_best_of_five_lower_final_from_the_form(client,
                                                                                  app):
    """The settings form of a double elimination says how to name one bracket's round
    (L2=5) in the page's language, and a lower final set that way is a best-of-five while
    the upper final stays a best-of-three."""
    from tests.helpers import make_event, make_stage

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 4)
        st = await make_stage(client, event, format="double_elimination",
                              settings={"best_of": 3})
        path = f"/admin/stages/{st['id']}"
        page = soup((await con.get(path, "ko")).text)
        form = page.select_one("form[data-stage-settings]")
        field = form.select_one("input[name=s_best_of_by_round]").find_parent("label")
        assert field.select_one(".hint").get_text(strip=True) == \
            "W2=3, L2=5: 승자조 또는 패자조의 2라운드만 (2=3: 둘 다)"
        sent = form_values(form)
        r = await con.post(path, path, sent | {"s_best_of_by_round": "L2=5"}, "ko")
        assert r.status_code in (200, 303), error_of(r.text)
        view = (await client.get(f"/api/stages/{st['id']}")).json()
        assert view["settings"]["best_of_by_round"] == {"L2": 5}
        assert {(m["bracket"], m["round"]): m["best_of"] for m in view["matches"]} == {
            ("winners", 1): 3, ("winners", 2): 3, ("losers", 1): 3, ("losers", 2): 5,
            ("grand_final", 1): 3}
        r = await con.post(path, path, sent | {"s_best_of_by_round": "X2=5"}, "ko")
        assert r.status_code == 422
        assert error_of(r.text) == ("이 설정은 불가능합니다: 라운드별 다전제(라운드=세트 수, …). "
                                    "라운드=다전제 형식으로 쓰세요(예: W2=3, L2=5).")
        assert (await client.get(f"/api/stages/{st['id']}")).json()["settings"][
            "best_of_by_round"] == {"L2": 5}
        # an even best-of (a 1-1 could never finish) and a round the bracket does not
        # have are said in the page's language, naming the setting
        r = await con.post(path, path, sent | {"s_best_of": "2"}, "ko")
        assert r.status_code == 422
        assert error_of(r.text) == ("이 설정은 불가능합니다: 다전제(경기당 세트 수). 이 스테이지의 "
                                    "경기는 무승부로 끝날 수 없으므로 경기당 세트 수는 홀수(1, 3, "
                                    "5…)여야 합니다.")
        r = await con.post(path, path, sent | {"s_best_of_by_round": "L9=5"}, "ja")
        assert r.status_code == 422
        assert error_of(r.text).endswith("このステージにラウンド「L9」はありません。"
                                         "ラウンドは1, 2, W1, W2, L1, L2です。"), error_of(r.text)
        assert (await client.get(f"/api/stages/{st['id']}")).json()["settings"] == {
            "best_of": 3, "best_of_by_round": {"L2": 5}} | {
            k: v for k, v in view["settings"].items() if k not in ("best_of",
                                                                   "best_of_by_round")}
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_double_elimination_is_split_into_gsl_groups_from_the_form(client, app):
    """The settings form of a double elimination offers its number of groups in the page's
    language; two groups of four without a grand final are two GSL groups."""
    from tests.helpers import AUTH, make_event, make_stage

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        st = await make_stage(client, event, format="double_elimination", start=False)
        path = f"/admin/stages/{st['id']}"
        for lang, word in (("ko", "조 수"), ("ja", "グループ数")):
            form = soup((await con.get(path, lang)).text).select_one(
                "form[data-stage-settings]")
            field = form.select_one("input[name=s_groups]").find_parent("label")
            assert word in field.get_text(" ", strip=True)
        sent = form_values(soup((await con.get(path, "ko")).text).select_one(
            "form[data-stage-settings]"))
        r = await con.post(path, path, sent | {"s_groups": "2", "s_grand_final": "none"}, "ko")
        assert r.status_code in (200, 303), error_of(r.text)
        view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert view["settings"]["groups"] == 2 and len(view["matches"]) == 10
        assert {m["group"] for m in view["matches"]} == {1, 2}
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_double_elimination_takes_its_drop_orders_from_the_form(client, app):
    """The drop orders are typed as a list under their label and the orderings' names, in
    the page's language; the bracket is drawn again with them (the CWL Championship 2019's
    orders: tests/replays/cwl_champs_2019.py), and an ordering that does not exist is said
    on the form and changes nothing."""
    from tests.helpers import make_event, make_stage

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 16)
        st = await make_stage(client, event, format="double_elimination", start=False,
                              seeding_method="natural")
        path = f"/admin/stages/{st['id']}"
        form = soup((await con.get(path, "ja")).text).select_one("form[data-stage-settings]")
        field = form.select_one("input[name=s_drop_orders]").find_parent("label")
        # the words hold for a stage whose winners side starts later too (lower_entries:
        # the CWL opens drop from their upper quarterfinals, upper round 3)
        assert "勝者側の敗者が敗者側に入る順（敗者が初めて敗者側に入る勝者側ラウンドから）" in \
            field.get_text(" ", strip=True)
        assert field.select_one(".hint").get_text(strip=True) == (
            "勝者側のラウンドごとに次のいずれかを、カンマで区切って（空欄：早い再戦を避ける"
            "自動の順）：")
        sent = form_values(form)
        r = await con.post(path, path, sent | {"s_drop_orders": "reverse, natural"}, "ja")
        assert r.status_code in (200, 303), error_of(r.text)
        view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert view["settings"]["drop_orders"] == ["reverse", "natural"]
        r = await con.post(path, path, sent | {"s_drop_orders": "reverse, sideways"}, "ko")
        assert r.status_code == 422
        assert error_of(r.text) == (
            "이 설정은 불가능합니다: 승자조 패자가 패자조로 내려가는 순서(패자가 처음 내려가는 "
            "승자조 라운드부터). "
            "다음 중 하나여야 합니다: natural(순서대로), reverse(역순), half_shift(앞뒤 절반을 "
            "맞바꿈), reverse_half_shift(앞뒤 절반을 각각 역순으로), pair_flip(이웃한 두 자리씩 "
            "맞바꿈).")
        after = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        assert after["settings"]["drop_orders"] == ["reverse", "natural"]
        assert after["matches"] == view["matches"]
        # started and played to lower round 2 (the first team of every match wins): the
        # upper quarterfinal losers drop in reverse, the last one's loser first
        r = await client.post(f"/api/stages/{st['id']}/start", headers=AUTH)
        assert r.status_code == 200, r.text
        early = {("winners", 1), ("losers", 1), ("winners", 2)}
        while True:
            now = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
            ready = [m for m in now["matches"] if m["status"] == "ready"
                     and (m["bracket"], m["round"]) in early]
            if not ready:
                break
            for m in ready:
                assert (await report(client, m["id"], [1, 0])).status_code == 200
        t = event["teams"]
        assert [m["teams"] for m in sorted(now["matches"], key=lambda m: m["number"])
                if (m["bracket"], m["round"]) == ("losers", 2)] == [
            [t[14], t[1]], [t[10], t[5]], [t[6], t[9]], [t[2], t[13]]]
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_football_league_made_in_the_console_breaks_ties_on_goals(client, app):
    """A league with goals as the game score, tiebreakers left as drawn: it ranks as the
    World Cup does (goal difference, goals scored), and the field says so in ja (it kept
    the game difference, which counts won matches again: organizer review)."""
    from tests.helpers import make_event

    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 4)
        path = f"/admin/t/{event['slug']}/e/lol"
        page = soup((await con.get(path, "ja")).text)
        form = page.select_one("form[data-new-stage]")
        field = form.select_one("[data-order=s_round_robin_tiebreakers]")
        assert field.select_one(".hint:not([data-order-default])").get_text(strip=True) == (
            "そのままでゲームのスコアをゴールにすると：勝ち点、得失点差、総得点、直接対決の順"
            "（ワールドカップ方式）")
        sent = {k: v for k, v in form_values(form).items() if not k.startswith("s_")
                or k.startswith("s_round_robin_")}
        r = await con.post(path, f"{path}/stages", sent | {
            "name": "League", "format": "round_robin", "s_round_robin_game_score": "goals",
            "s_round_robin_allow_draws": "on", "teams": [str(t) for t in event["teams"]]},
            "ja")
        assert r.status_code == 303, error_of(r.text)
        detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol",
                                   headers=AUTH)).json()
        (league,) = detail["stages"]
        stage_view = (await client.get(f"/api/stages/{league['id']}", headers=AUTH)).json()
        assert stage_view["settings"]["tiebreakers"] == [
            "points", "goal_difference", "goals_for", "head_to_head"]
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_football_league_takes_the_plain_tiebreakers_from_the_console(client, app):
    """A football league could not be given the plain round robin tiebreakers from the
    console: picked in the boxes they equal the format's plain default, were dropped, and
    the goals order applied (only the API could set them). Every list is kept as picked;
    boxes left empty give the format's order for the settings chosen."""
    from tests.helpers import make_event

    plain = ["points", "head_to_head", "game_difference", "games_won"]
    world_cup = ["points", "goal_difference", "goals_for", "head_to_head"]
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 4)
        path = f"/admin/t/{event['slug']}/e/lol"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-new-stage]")
        field = form.select_one("[data-order=s_round_robin_tiebreakers]")
        assert [s.select_one("option[selected]") for s in field.select(
            "label:not([data-spare]) select")] == [None] * 4
        assert field.select_one("[data-order-default]").get_text(strip=True) == (
            "비워 두면: 승점, 승자승, 세트 득실, 세트 승수")
        sent = {k: v for k, v in form_values(form).items() if not k.startswith("s_")
                or k.startswith("s_round_robin_")}
        base = sent | {"name": "League", "format": "round_robin",
                       "s_round_robin_game_score": "goals", "s_round_robin_allow_draws": "on",
                       "teams": [str(t) for t in event["teams"]]}
        r = await con.post(path, f"{path}/stages", base | {
            "s_round_robin_tiebreakers": [*plain, "", ""]}, "ja")
        assert r.status_code == 303, error_of(r.text)
        r = await con.post(path, f"{path}/stages", base | {"name": "League 2"}, "ja")
        assert r.status_code == 303, error_of(r.text)
        detail = (await client.get(f"/api/tournaments/{event['slug']}/events/lol",
                                   headers=AUTH)).json()
        picked, left = detail["stages"]
        views = [(await client.get(f"/api/stages/{s['id']}", headers=AUTH)).json()
                 for s in (picked, left)]
        assert [v["settings"]["tiebreakers"] for v in views] == [plain, world_cup]
        # on the stage's page: a football league's goals order changed to the plain one,
        # then to a list longer than the boxes first drawn, then back by emptying the boxes
        stage_path = f"/admin/stages/{left['id']}"
        form = soup((await con.get(stage_path, "ko")).text).select_one(
            "form:has([name=s_tiebreakers])")
        edit = form_values(form)
        assert edit["s_tiebreakers"] == [*world_cup] + [""] * (14 - len(world_cup))
        # what empty boxes give is said for this stage's settings: a football league's order
        assert form.select_one("[data-order-default]").get_text(strip=True) == (
            "비워 두면: 승점, 골 득실, 다득점, 승자승")
        for boxes, stored in (([*plain, "", ""], plain),
                              (["points", "goal_difference", "goals_for", "head_to_head",
                                "games_won", "match_wins", "seed"],
                               ["points", "goal_difference", "goals_for", "head_to_head",
                                "games_won", "match_wins", "seed"]),
                              (["", "", "", ""], world_cup)):
            r = await con.post(stage_path, stage_path, edit | {"s_tiebreakers": boxes}, "ko")
            assert r.status_code == 303, error_of(r.text)
            view = (await client.get(f"/api/stages/{left['id']}", headers=AUTH)).json()
            assert view["settings"]["tiebreakers"] == stored
    finally:
        await ctx.__aexit__(None, None, None)
