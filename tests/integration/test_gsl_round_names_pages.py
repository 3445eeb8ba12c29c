"""GSL groups (four teams, no grand final) name their rounds as broadcasters and Liquipedia
do, on every page that names a round: the stage page's and the overlay's columns, the match
page, the team's schedule and what lies ahead of it, its calendar feed, the referee's list and
console, the organizer's match table, match page, schedule form and run sheet. They read
"Upper semifinal, Upper final, Lower semifinal, Lower final" once the double elimination
named each bracket's last rounds; a group of five in the same stage keeps those names.
The two opening matches are told apart wherever one match is named (Opening match 1 and
2, as Korean broadcasts' 1경기 and 2경기), and a group's page draws no "Upper bracket" /
"Lower bracket" heading over rounds whose names already say it (both opening matches
once read "Opening match" under "Upper bracket")."""

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
    "en": (["Opening matches", "Winners' match"], ["Elimination match", "Decider match"]),
}
OPENERS = {"ko": ("1경기", "2경기"), "ja": ("第1試合", "第2試合"),  # each opening match
           "en": ("Opening match 1", "Opening match 2")}


def columns(section, bracket: str) -> list[str]:
    return [h.get_text(strip=True) for h in section.select(f".bracket-{bracket} .round-title")]


async def test_gsl_groups_name_their_rounds_on_every_page(client, app):
    event = await make_event(client, 8)
    st = await make_stage(client, event, format="double_elimination",
                          settings={"groups": 2, "grand_final": "none"})
    by_place = {(m["group"], m["bracket"], m["round"]): m for m in st["matches"]}
    decider = by_place[(2, "losers", 2)]
    opener, second = sorted((m for m in st["matches"] if (m["group"], m["bracket"], m["round"])
                             == (1, "winners", 1)),
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
                # the group's heading alone: no 승자조 / 패자조 over 첫 경기 … 최종전
                assert [h.get_text(strip=True) for h in g.select(".section-title")] == [
                    {"ko": "{}조", "ja": "グループ{}", "en": "Group {}"}[lang].format(
                        "AB"[int(g["data-group"]) - 1])], (lang, path)
                first = g.select(".bracket-winners .round.first [data-match]")
                assert [b.select_one("[data-match-name]").get_text(strip=True)
                        for b in first] == list(OPENERS[lang]), (lang, path)
        page = soup((await client.get(f"/matches/{decider['id']}", params={"lang": lang})).text)
        meta = page.select_one(".hero-meta").get_text(" ", strip=True)
        assert meta.startswith(f"M{decider['number']} · {lower[1]} · "), meta
        for m, said in zip((opener, second), OPENERS[lang], strict=True):
            page = soup((await client.get(f"/matches/{m['id']}", params={"lang": lang})).text)
            meta = page.select_one(".hero-meta").get_text(" ", strip=True)
            assert meta.startswith(f"M{m['number']} · {said} · "), meta
        page = soup((await client.get(f"/teams/{team}", params={"lang": lang})).text)
        row = page.select_one(f'table.schedule tr[data-match="{opener["id"]}"]')
        what = " ".join(row.select("td")[2].get_text(" ").split())  # a no-break space: one
        assert what.endswith(f"· {OPENERS[lang][0]}"), what
        ahead = [li.get_text(" ", strip=True) for li in page.select("[data-ahead] li")]
        assert any(f"· {upper[1]} ·" in a for a in ahead) and any(
            f"· {lower[0]} ·" in a for a in ahead), ahead  # where a win and a loss send it
        feed = Calendar.from_ical((await client.get(f"/teams/{team}/schedule.ics",
                                                    params={"lang": lang})).content)
        (entry,) = feed.walk("VEVENT")
        assert f" · {OPENERS[lang][0]} · M{opener['number']} · " in str(
            entry["description"]).splitlines()[0], entry["description"]

    await referee_sees_round(app, client, event["slug"], second["id"],
                             {lang: OPENERS[lang][1] for lang in ("ko", "ja")})

    con, ctx = await admin_console(client, app)
    try:
        page = soup((await con.get(f"/admin/stages/{st['id']}", "ja")).text)
        rounds = {int(r.select_one("td").get_text(strip=True)[1:]):
                  r.select("td")[1].get_text(" ", strip=True)
                  for r in page.select("[data-match-row]")}
        assert [rounds[n] for n in range(1, 11)] == [
            "第1試合 · グループA", "第2試合 · グループA", "第1試合 · グループB",
            "第2試合 · グループB",
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
        assert any(f" · Opening match 1 · Group A · M{opener['number']}" in w
                   for w in what), what
        page = soup((await con.get(f"/admin/matches/{second['id']}", "ja")).text)
        assert page.select_one("h1").get_text(" ", strip=True).startswith(
            f"M{second['number']} · 第2試合 · グループA"), page.select_one("h1")
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
    # the group of five keeps its brackets' headings; the GSL group needs none
    assert [h.get_text(strip=True) for h in five.select(".section-title")] == [
        "Group A", "Upper bracket", "Lower bracket"]
    assert [h.get_text(strip=True) for h in four.select(".section-title")] == ["Group B"]
    assert not five.select("[data-match-name]")
