"""A Swiss stage's seeding method says what its round 1 is, and round 1 is that: the
words' example pairs (“1 v 5”, “1 v 2”) are pairs of the stage's own round 1, in every
language the console is read in. Before, “in order (1 v 2)” paired 1 v 5 all the same."""

from __future__ import annotations

import re

import pytest

from tests.accounts_support import form_values
from tests.console_support import admin_console, error_of
from tests.helpers import AUTH, make_event, make_stage, soup

pytestmark = pytest.mark.asyncio(loop_scope="session")

WORDS = {  # the option chosen, per method and language, on a Swiss stage's page
    ("standard", "en"): "top half v bottom half (of 8 teams: 1 v 5, 2 v 6 …)",
    ("standard", "ko"): "상위 절반 대 하위 절반(8팀이면 1 대 5, 2 대 6 …)",
    ("standard", "ja"): "上位半分対下位半分（8チームなら1対5、2対6…）",
    ("natural", "en"): "in order (1 v 2)",
    ("natural", "ko"): "순서대로(1 대 2)",
    ("natural", "ja"): "順番どおり（1対2）",
}
PAIR = re.compile(r"(\d+) ?(?:v|대|対) ?(\d+)")


def round_one_seeds(stage: dict, teams: list[int]) -> set[tuple[int, int]]:
    seed = {t: i + 1 for i, t in enumerate(teams)}
    return {(seed[m["teams"][0]], seed[m["teams"][1]])
            for m in stage["matches"] if m["round"] == 1}


@pytest.mark.parametrize("method", ["standard", "natural"])
async def test_the_words_chosen_name_pairs_of_round_one(client, app, method):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        st = await make_stage(client, event, name="Swiss", format="swiss", start=False,
                              seeding_method=method)
        view = (await client.get(f"/api/stages/{st['id']}", headers=AUTH)).json()
        played = round_one_seeds(view, event["teams"])
        for lang in ("en", "ko", "ja"):
            page = soup((await con.get(f"/admin/stages/{st['id']}", lang)).text)
            select = page.select_one("form[data-stage-settings] select[name=seeding_method]")
            chosen = select.select_one("option[selected]") or select.select_one("option")
            words = chosen.get_text(strip=True)
            assert chosen["value"] == method and words == WORDS[method, lang], words
            named = {(int(a), int(b)) for a, b in PAIR.findall(words)}
            assert named and named <= played, (words, played)
            # a bracket's words are not offered for a Swiss stage
            assert "1 v last" not in select.get_text()
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_bracket_keeps_its_words_and_the_new_stage_form_has_both(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        st = await make_stage(client, event, start=False)
        page = soup((await con.get(f"/admin/stages/{st['id']}", "en")).text)
        option = page.select_one("form[data-stage-settings] option[value=standard]")
        assert option.get_text(strip=True) == "standard (1 v last)"
        path = f"/admin/t/{event['slug']}/e/{event['event']}"
        form = soup((await con.get(path, "ja")).text).select_one("form[data-new-stage]")
        option = form.select_one("select[name=seeding_method] option[value=standard]")
        assert option["data-swiss"] == WORDS["standard", "ja"]
        assert option["data-other"] == "標準（第1シード対最下位シード）"
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_swiss_stage_made_in_order_from_the_form_plays_1_v_2(client, app):
    con, ctx = await admin_console(client, app)
    try:
        event = await make_event(client, 8)
        path = f"/admin/t/{event['slug']}/e/{event['event']}"
        form = soup((await con.get(path, "ko")).text).select_one("form[data-new-stage]")
        sent = form_values(form) | {"name": "Swiss", "format": "swiss",
                                    "seeding_method": "natural", "teams": [
                                        str(t) for t in event["teams"]]}
        r = await con.post(path, path + "/stages", sent, "ko")
        assert r.status_code in (200, 303), error_of(r.text)
        # a refused form comes back with Swiss words for “standard” (the format sent)
        r = await con.post(path, path + "/stages", sent | {"s_swiss_rounds": "x"}, "ko")
        assert r.status_code == 422
        option = soup(r.text).select_one(
            "form[data-new-stage] select[name=seeding_method] option[value=standard]")
        assert option.get_text(strip=True) == WORDS["standard", "ko"]
        ev = (await client.get(f"/api/tournaments/{event['slug']}/events/{event['event']}",
                               headers=AUTH)).json()
        made = next(s for s in ev["stages"] if s["name"] == "Swiss")
        view = (await client.get(f"/api/stages/{made['id']}", headers=AUTH)).json()
        assert view["seeding_method"] == "natural"
        assert round_one_seeds(view, event["teams"]) == {(1, 2), (3, 4), (5, 6), (7, 8)}
    finally:
        await ctx.__aexit__(None, None, None)
