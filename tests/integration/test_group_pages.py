"""Stages in groups on their pages and stream overlays (GSL groups of brackets, round robin
groups, one group per overlay), the match overlay's bye, and the language links that keep a
page's parameters (an overlay's ?group=, ?show=, ?top=)."""

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


async def test_gsl_groups_show_each_group_with_its_table_and_bracket(client):
    """A double elimination in groups (GSL: no grand final): each group under its heading
    (A조 / グループA / Group A) with its own table and bracket, on the stage page and the
    stream overlay; a finished group keeps its status column (two teams go through)."""
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"groups": 2, "grand_final": "none"})
    for lang, heading in (("ko", "{}조"), ("ja", "グループ{}"), ("en", "Group {}")):
        for path in (f"/stages/{st['id']}", f"/overlay/stages/{st['id']}"):
            page = soup((await client.get(path, params={"lang": lang})).text)
            groups = page.select("[data-group]")
            assert [g.select_one(".group-title").get_text(strip=True) for g in groups] == [
                heading.format("A"), heading.format("B")], (lang, path)
            for g in groups:
                assert len(g.select("[data-standings] tr[data-team]")) == 4
                assert len(g.select(".bracket-winners .cell")) == 3
                assert len(g.select(".bracket-losers .cell")) == 2
            assert len(page.select("[data-standings]")) == 2  # no table for the whole stage
    words = visible_text((await client.get(f"/stages/{st['id']}?lang=ko")).text)
    # each group's rounds by GSL's names, not the 8-team field's (nor its bracket's)
    for word in ("첫 경기", "승자전", "패자전", "최종전"):
        assert words.count(word) == 2, word  # a column of each group
    assert "승자조 결승" not in words and "패자조 결승" not in words
    decider = by_number(st)[9]
    words = visible_text((await client.get(f"/matches/{decider['id']}?lang=ko")).text)
    assert "최종전" in words and "패자조 4라운드" not in words
    while True:  # the top seed of each match wins
        ready = [m for m in (await client.get(f"/api/stages/{st['id']}")).json()["matches"]
                 if m["status"] == "ready"]
        if not ready:
            break
        assert (await report(client, ready[0]["id"], [1, 0])).status_code == 200
    page = soup((await client.get(f"/stages/{st['id']}?lang=en")).text)
    for g in page.select("[data-group]"):
        rows = g.select("[data-standings] tr[data-team]")
        assert [r.select_one("[data-place]").get_text(strip=True) for r in rows] == [
            "1st", "2nd", "3rd", "4th"]
        assert [r.select_one("[data-team-status]").get_text(strip=True) for r in rows] == [
            "Advanced", "Advanced", "Eliminated", "Eliminated"]


async def test_only_a_stage_without_groups_crowns_a_champion_in_its_table(client):
    """Each finished GSL group's 1st wore the stage's champion gold, as if four teams had
    won it; a group's 1st is the top of its table (advanced, as its 2nd), on the stage
    page, the event page, the overlay and one group's overlay, and so in round robin groups.
    A stage played as one bracket still crowns its winner."""
    event = await make_event(client, 8)
    t = event["teams"]
    gsl = await make_stage(client, event, name="Groups", format="double_elimination",
                           settings={"groups": 2, "grand_final": "none"})
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"groups": 2, "advance": 2})
    cup = await make_stage(client, event, name="Cup", format="double_elimination",
                           settings={"grand_final": "none"})
    for st in (gsl, league, cup):
        await play_out(client, st["id"], lambda m: 1 if m["teams"][0] < m["teams"][1] else 2)

    def rows_of(page, st):
        found = page.select_one(f'[data-stage="{st["id"]}"]')
        return [(int(tr["data-team"]), "champion" in tr["class"],
                 "st-advanced" in tr["class"]) for tr in found.select("[data-standings] tbody tr")]

    event_page = f"/tournaments/{event['slug']}/events/lol"
    for path, group in ((f"/stages/{gsl['id']}", None), (event_page, None),
                        (f"/overlay/stages/{gsl['id']}", None),
                        (f"/overlay/stages/{gsl['id']}", "A")):
        params = {"lang": "ko"} | ({"group": group} if group else {})
        page = soup((await client.get(path, params=params)).text)
        # the better seed wins every match: group A 1 4 5 8, group B 2 3 6 7
        want = [(t[0], False, True), (t[3], False, True), (t[4], False, False),
                (t[7], False, False)]
        if not group:
            want += [(t[1], False, True), (t[2], False, True), (t[5], False, False),
                     (t[6], False, False)]
        assert rows_of(page, gsl) == want, (path, group)
    for path in (f"/stages/{league['id']}", f"/overlay/stages/{league['id']}"):
        page = soup((await client.get(path, params={"lang": "ja"})).text)
        assert [(team, gold) for team, gold, _ in rows_of(page, league)] == [
            (team, False) for team in (t[0], t[3], t[4], t[7], t[1], t[2], t[5], t[6])]
    page = soup((await client.get(f"/stages/{cup['id']}", params={"lang": "ko"})).text)
    assert [(team, gold) for team, gold, _ in rows_of(page, cup)][:2] == [
        (t[0], True), (t[1], False)]


async def test_a_match_overlay_shows_a_bye_as_a_bye(client):
    """A finished bye read "Team 1 0 / 미정 0" on the stream overlay; it is the bye word
    and no score, as the match page says it. An unplayed match shows no 0–0 either."""
    event = await make_event(client, 3)
    st = await make_stage(client, event)
    bye = next(m for m in st["matches"] if m["status"] == "completed" and None in m["teams"])
    for lang, word in (("ko", "부전승"), ("ja", "不戦勝"), ("en", "Bye")):
        page = soup((await client.get(f"/overlay/matches/{bye['id']}",
                                      params={"lang": lang})).text)
        names = [x.get_text(strip=True) for x in page.select("[data-name]")]
        scores = [x.get_text(strip=True) for x in page.select("[data-score]")]
        assert word in names and scores == ["", ""], (lang, names, scores)
    ready = next(m for m in st["matches"] if m["status"] == "ready")
    page = soup((await client.get(f"/overlay/matches/{ready['id']}?lang=ko")).text)
    assert [x.get_text(strip=True) for x in page.select("[data-score]")] == ["", ""]
    r = await client.patch(f"/api/matches/{ready['id']}", json={"forfeit": 1}, headers=AUTH)
    assert r.status_code == 200, r.text
    page = soup((await client.get(f"/overlay/matches/{ready['id']}?lang=ko")).text)
    # the walkover's winner: 승 (W), not a 0 that read as a lost nil beside 기권
    assert [x.get_text(strip=True) for x in page.select("[data-score]")] == ["기권", "승"]


async def test_a_stage_overlay_shows_one_group_of_a_stage_in_groups(client):
    """?group=B (or 2) draws one group alone, its heading, table and bracket or rounds, so a
    stream gives each group its own browser source (two GSL groups in one 1280x720 frame
    shrank to unreadable text: live review); any other value is a 400 naming the groups."""
    event = await make_event(client, 8)
    gsl = await make_stage(client, event, format="double_elimination",
                           settings={"groups": 2, "grand_final": "none"})
    league = await make_stage(client, event, name="League", format="round_robin",
                              settings={"groups": 2})
    for st in (gsl, league):
        by_group = {g: {t for m in st["matches"] if m["group"] == g for t in m["teams"] if t}
                    for g in (1, 2)}
        for value in ("B", "b", "2"):
            r = await client.get(f"/overlay/stages/{st['id']}",
                                 params={"group": value, "lang": "ko"})
            assert r.status_code == 200, (value, r.text[:300])
            page = soup(r.text)
            assert [h.get_text(strip=True) for h in page.select("h3.section-title")
                    if re.fullmatch(r"[A-Z]조", h.get_text(strip=True))] == ["B조"]
            shown = {int(tr["data-team"]) for tr in page.select("table.standings tbody tr")}
            assert shown == by_group[2]
            assert page.select_one("[data-fragment]")["data-fragment"].endswith("&group=" + value)
        for bad in ("C", "0", "x1"):
            r = await client.get(f"/overlay/stages/{st['id']}?group={bad}&lang=ja")
            assert r.status_code == 400, bad
    single = await make_stage(client, event, name="Cup")
    r = await client.get(f"/overlay/stages/{single['id']}?group=A&lang=en")
    assert r.status_code == 400


async def test_the_language_links_keep_the_pages_other_parameters(client):
    """Switching language kept only ?lang=: a filtered audit, an overlay's ?show= or the
    setup page's ?code= was lost (setup review)."""
    event = await make_event(client, 4)
    st = await make_stage(client, event)
    page = soup((await client.get(f"/stages/{st['id']}",
                                  params={"lang": "ko", "top": "5"})).text)
    links = {a["hreflang"]: a["href"] for a in page.select("nav.langs a")}
    assert links == {"ko": "?top=5&lang=ko", "ja": "?top=5&lang=ja", "en": "?top=5&lang=en"}
    page = soup((await client.get("/login", params={"next": "/admin", "lang": "ja"})).text)
    assert page.select_one('nav.langs a[hreflang="en"]')["href"] == "?next=%2Fadmin&lang=en"
