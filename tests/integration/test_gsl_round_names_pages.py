"""GSL groups (four teams, no grand final) name their rounds as broadcasters and Liquipedia
do, on every page that names a round: the stage page's and the overlay's columns, the match
page, the team's schedule and what lies ahead of it, its calendar feed, the referee's list and
console, the organizer's match table, match page, schedule form and run sheet. They read
"Upper semifinal, Upper final, Lower semifinal, Lower final" once the double elimination
named each bracket's last rounds; a group of five in the same stage keeps those names."""

from __future__ import annotations

import pytest
from icalendar import Calendar

from tests.console_support import admin_console
from tests.helpers import AUTH, make_event, make_stage, soup
from tests.round_names_support import referee_sees_round

pytestmark = pytest.mark.asyncio(loop_scope="session")

NAMES = {  # opening matches, winners' match; elimination match, decider match
    "ko": (["첫 경기", "승자전"], ["패자전", "최종전"]),
    "ja": (["初戦", "勝者戦"], ["敗者戦", "最終戦"]),
    "en": (["Opening match", "Winners' match"], ["Elimination match", "Decider match"]),
}


def columns(section, bracket: str) -> list[str]:
    return [h.get_text(strip=True) for h in section.select(f".bracket-{bracket} .round-title")]


async def test_gsl_groups_name_their_rounds_on_every_page(client, app):
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"groups": 2, "grand_final": "none"})
    by_place = {(m["group"], m["bracket"], m["round"]): m for m in st["matches"]}
    decider = by_place[(2, "losers", 2)]
    opener = min((m for m in st["matches"] if m["group"] == 1 and m["round"] == 1),
                 key=lambda m: m["number"])
    r = await client.patch(f"/api/matches/{opener['id']}",
                           json={"scheduled_at": "2026-12-01T19:00:00+09:00"},
                           headers=AUTH)
    assert r.status_code == 200, r.text
    team = opener["teams"][0]
    for lang, (upper, lower) in NAMES.items():
        for path in (f"/stages/{st['id']}", f"/overlay/stages/{st['id']}"):
            page = soup((await client.get(path, params={"lang": lang})).text)
            groups = page.select("[data-group]")
            assert len(groups) == 2, (lang, path)
            for g in groups:
                assert (columns(g, "winners"), columns(g, "losers")) == (upper, lower), (
                    lang, path)
        page = soup((await client.get(f"/matches/{decider['id']}", params={"lang": lang})).text)
        meta = page.select_one(".hero-meta").get_text(" ", strip=True)
        assert meta.startswith(f"M{decider['number']} · {lower[1]} · "), meta
        page = soup((await client.get(f"/matches/{opener['id']}", params={"lang": lang})).text)
        meta = page.select_one(".hero-meta").get_text(" ", strip=True)
        assert meta.startswith(f"M{opener['number']} · {upper[0]} · "), meta
        page = soup((await client.get(f"/teams/{team}", params={"lang": lang})).text)
        row = page.select_one(f'table.schedule tr[data-match="{opener["id"]}"]')
        assert f"· {upper[0]}" in row.get_text(" ", strip=True), row.get_text()
        ahead = [li.get_text(" ", strip=True) for li in page.select("[data-ahead] li")]
        assert any(f"· {upper[1]} ·" in a for a in ahead) and any(
            f"· {lower[0]} ·" in a for a in ahead), ahead  # where a win and a loss send it
        feed = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics",
                                                    params={"lang": lang})).content)
        (entry,) = feed.walk("VEVENT")
        assert f" · {upper[0]} · M{opener['number']} · " in str(
            entry["description"]).splitlines()[0], entry["description"]

    await referee_sees_round(app, client, event["slug"], opener["id"],
                             {lang: NAMES[lang][0][0] for lang in ("ko", "ja")})

    con, ctx = await admin_console(client, app)
    try:
        page = soup((await con.get(f"/admin/stages/{st['id']}", "ja")).text)
        rounds = {int(r.select_one("td").get_text(strip=True)[1:]):
                  r.select("td")[1].get_text(" ", strip=True)
                  for r in page.select("[data-match-row]")}
        assert [rounds[n] for n in range(1, 11)] == [
            "初戦 · グループA", "初戦 · グループA", "初戦 · グループB", "初戦 · グループB",
            "勝者戦 · グループA", "勝者戦 · グループB", "敗者戦 · グループA",
            "敗者戦 · グループB", "最終戦 · グループA", "最終戦 · グループB"], rounds
        options = [o.get_text(strip=True) for o in page.select("[data-schedule-form] option")]
        assert {"初戦", "勝者戦", "敗者戦", "最終戦"} <= set(options), options
        page = soup((await con.get(f"/admin/matches/{decider['id']}", "ko")).text)
        assert page.select_one("h1").get_text(" ", strip=True).startswith(
            f"M{decider['number']} · 최종전 · B조"), page.select_one("h1")
        sheet = soup((await con.b.client.get(f"/admin/t/{event['slug']}/run-sheet",
                                             params={"lang": "en", "day": "2026-12-01"})).text)
        what = [w.get_text(" ", strip=True) for w in sheet.select(".what")]
        assert any(f" · Opening match · Group A · M{opener['number']}" in w
                   for w in what), what
    finally:
        await ctx.__aexit__(None, None, None)


async def test_a_group_of_five_beside_a_gsl_group_keeps_the_bracket_names(client):
    """Nine teams in two groups: the group of four is a GSL group, the group of five a
    bracket of eight slots, named as any double elimination."""
    event = await make_event(client, 9)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"groups": 2, "grand_final": "none"})
    page = soup((await client.get(f"/stages/{st['id']}", params={"lang": "en"})).text)
    five, four = page.select("[data-group]")
    assert columns(five, "winners") == ["Upper quarterfinal", "Upper semifinal",
                                        "Upper final"]
    assert columns(five, "losers")[-2:] == ["Lower semifinal", "Lower final"]
    assert (columns(four, "winners"), columns(four, "losers")) == NAMES["en"]
